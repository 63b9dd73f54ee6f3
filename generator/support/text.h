// Text helpers shared by every stage: slugs, UTF-8, escaping and "did you mean".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quorum {

// An id is a lower-case slug: a-z, 0-9 and single hyphens, not at either end.
bool is_slug(std::string_view text);

// "Better Care Fund: 2017/19" -> "better-care-fund-2017-19" (ASCII letters and digits kept).
std::string slugify(std::string_view text);

// "better-care-fund" -> "Better care fund", for topics that have no title of their own.
std::string humanize_slug(std::string_view slug);

// Offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

// Escapes for XML 1.0 text (feeds, sitemaps): as HTML, and drops control characters
// that XML cannot carry at all.
std::string xml_escape(std::string_view text);

// `s` with every control character spelt out: "\n" for a line break, "\t" for a tab,
// "\xNN" (lower-case hex) for the others; every other byte as it is.
std::string escape_control_characters(std::string_view s);
std::string trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
bool starts_with_icase(std::string_view text, std::string_view prefix);
std::vector<std::string> split(std::string_view text, char separator);
// '\r\n' and a lone '\r' become '\n', as cmark reads them, so that every step that reads
// lines (front matter, cutting private minutes, outlines) counts them the same way.
std::string normalise_line_endings(std::string text);

// Levenshtein distance, for suggesting the nearest known id or field name.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `wanted`, or "" when none is close enough to be a likely typo.
std::string nearest(std::string_view wanted, const std::vector<std::string>& candidates);

// Line and column (1-based) of a byte offset in text.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

}  // namespace quorum
