// Internal to the model: the shared state of one load and the per-entity loaders.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <set>
#include <string>

#include "load/source_tree.h"
#include "model/parsed_file.h"
#include "model/site_model.h"
#include "parse/yaml_fields.h"

namespace quorum::loader {

class YamlRelease;

struct Context {
  const SourceTree& tree;
  Diagnostics& diags;
  SiteModel& model;
  std::set<std::string> withheld_files;  // files of private business: never copied
  // What withholds each of them, in a clerk's words, to end "... which is withheld with":
  // "the private report content/.../reports/x.md". Kept for messages only.
  std::map<std::string, std::string> withheld_because;
  // Files already read and parsed on other threads (parsed_file.h); null: read each file
  // when it is asked for.
  ParsedSource* parsed = nullptr;
  // Markdown files outlined by an earlier build (parsed_file.h); null: outline every file.
  OutlineStore* outlines = nullptr;
  // Where the YAML trees read are freed (yaml_release.h); null: wherever they are dropped.
  YamlRelease* release = nullptr;
};

// Reads and parses (or takes the file from ctx.parsed); nullopt (with the reason in diags)
// when the file cannot be used.
std::optional<YAML::Node> read_yaml_file(Context& ctx, const std::string& path);
std::optional<MarkdownFile> read_markdown_file(Context& ctx, const std::string& path);
Body make_body(std::string markdown, const std::string& path, int first_line);

// `person-id`, `{person, role}`, `{post}` or `{post, person}`.
PersonRef read_person_ref(const YAML::Node& node, const YamlSource& source, Diagnostics& diags,
                          const std::string& what);
std::vector<PersonRef> read_person_refs(YamlFields& fields, const std::string& key);

// A mapping's scalar field as written ("" when absent), to name a thing in messages before
// its fields are read: "committee 'Health and Wellbeing Board'".
std::string scalar_field(const YAML::Node& node, const std::string& key);
// How messages name a committee and a meeting: by the committee's name when it is loaded.
std::string committee_label(const Context& ctx, const std::string& committee);
std::string meeting_label(const Context& ctx, const std::string& committee, const std::string& slug);

// The id a file or folder name gives, checked to be a slug.
std::string id_from_name(Context& ctx, const std::string& name, const std::string& path,
                         const std::string& what);

void load_site(Context& ctx);
void load_organisation(Context& ctx, const std::string& path);
void load_person(Context& ctx, const std::string& path);
void load_committee(Context& ctx, const std::string& folder);
void load_meeting(Context& ctx, const std::string& committee, const std::string& folder);
void load_document(Context& ctx, const std::string& path);

// After the meetings are loaded: an exempt item keeps only what may be published
// (exempt_items.cc); its presenters are checked first.
void withhold_exempt_items(Context& ctx);
// After the references: a meeting's attachments, a report's appendix files and a document's
// attachments are only published files.
void keep_published_attachments(Context& ctx);
// Remembers a withheld text for the tripwire (model/withheld_text.h), as `what` read at
// `pos` ("the reason of exempt item 3 of meeting 2017-07-19"), unless its words all appear,
// in order, in `public_text`: an exempt report titled as its public agenda item withholds
// nothing, and searching the output for it would stop the build on the public title.
void withhold_text(Context& ctx, const std::string& text, const std::string& what, const SourcePos& pos,
                   const std::string& public_text = "");
bool adds_nothing_to(const std::string& text, const std::string& public_text);
// The bytes of a withheld file that is text (csv, tsv, txt, md, markdown), for the tripwire.
void withhold_file_text(Context& ctx, const std::string& path);

// After everything is loaded: every reference resolves (or is an error), back-links.
void check_references(Context& ctx);
// Topics, the decisions register, each committee's meetings, published files.
void derive(Context& ctx);

}  // namespace quorum::loader
