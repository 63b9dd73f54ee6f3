// Open data under /data/: Popolo JSON (people, organizations, memberships, posts), Open
// Civic Data style events (meetings with agenda items, attendance and documents), CSV of
// meetings, decisions, attendance and declarations, and the /data/ page documenting them
// under the licence in site.yaml (`data_licence`). Also each meeting page's schema.org
// Event JSON-LD. Everything comes from the model, so withheld material never appears.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "render/page_context.h"

namespace quorum {

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or starts or
// ends with a space; quotes doubled.
std::string csv_field(std::string_view value);
// A row of fields ending CRLF.
std::string csv_row(const std::vector<std::string>& fields);

// Site path ("data/people.json") -> bytes of every open data file.
std::map<std::string, std::string> open_data_files(const PageContext& ctx);
// The same files one at a time: their paths, and the bytes of one of them. They are made
// only from what any page may show of every file (metadata, headings, decisions), so the
// renderer's shared inputs are all their inputs.
std::vector<std::string> open_data_paths();

// data/events.json: every meeting as an Open Civic Data event, as JSON and as the file's
// bytes, which are json_file(events_json(ctx), 1) made one event at a time.
json events_json(const PageContext& ctx);
std::string events_json_file(const PageContext& ctx);
std::string open_data_file(const PageContext& ctx, const std::string& path);

// The /data/ page ("list:data").
json data_page(const PageContext& ctx);

// JSON for a <script type="application/ld+json">, with "</" written "<\/" (and "<!--" as
// "\u003c!--") so nothing in it can end the script element.
std::string script_safe_json(const json& value);

// JSON for a file: every '<', '>' and '&' written as a \u escape, so no file the site
// serves holds markup, whatever a browser guesses its type to be.
std::string json_file(const json& value, int indent = -1);

// A meeting as a schema.org Event, ready for script_safe_json.
json meeting_event_ld(const PageContext& ctx, const Meeting& m);

}  // namespace quorum
