// Bounded work on hostile Markdown (issue 20): a linear pre-scan that refuses the shapes on
// which Debian's cmark-gfm (0.29.0.gfm.6) takes time that grows with the square of the text
// (the upstream advisories CVE-2023-22483/22484/22486, CVE-2023-24824, CVE-2023-26485,
// CVE-2023-37463 and others): a 600 KB file of one such shape takes minutes.
//
// Each limit caps the quantity that drives one of those costs, counted over a stretch of
// lines with no blank line between them (a paragraph, or a table or list written without
// blank lines): cmark can never read one piece of inline text across a blank line, so the
// counts are never lower than cmark's. Every limit is far above what real papers hold; the
// numbers and the reasons are in docs/content-model.md ("Limits on the shape of Markdown").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quorum {

struct MarkdownBounds {
  static constexpr int kMaxOpenBrackets = 500;   // '[' open at once in one paragraph
  static constexpr int kMaxEmphasisRuns = 5000;  // runs of '*' or '_' in one paragraph
  static constexpr int kMaxTildeRuns = 1000;     // runs of '~' in one paragraph
  static constexpr int kMaxTagStarts = 1000;     // '<' then a letter, '/', '?' or '!' in one paragraph
  static constexpr int kMaxTableRuleLines = 50;  // lines only of '-', ':', '|' in one paragraph
  static constexpr int kMaxNesting = 32;         // quote and list markers opening one line
  static constexpr int kMaxColumns = 64;         // columns of a table
  static constexpr int kMaxBars = 128;           // '|' on one line
  static constexpr int kMaxTableCells = 250000;  // rows x columns of all the tables of a text
  static constexpr int kMaxLinksInWord = 32;     // 'www.' or '://' in one word (no spaces)
  static constexpr int kMaxParensInWord = 128;   // '(' or ')' in one word
  // A link definition ("[name]: address 'title'") is copied into every link that names it,
  // and its title may run on over the lines under it: the longest definition (with the rest
  // of its paragraph) times the closing brackets ']' of the text (each may be such a link).
  static constexpr long long kMaxDefinitionCopies = 20000000;
};

// Where the text first takes a shape cmark-gfm cannot read in linear time, and what to do
// about it in a clerk's words; line and column are 1-based within `text`.
struct MarkdownHazard {
  int line = 0;
  int column = 0;
  std::string message;
};

// One pass over the text, no allocation per byte.
std::optional<MarkdownHazard> find_markdown_hazard(std::string_view text);

}  // namespace quorum
