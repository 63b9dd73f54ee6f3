// Markdown through cmark-gfm (GFM tables, strikethrough, autolinks), with raw HTML never
// passed through. Two entry points over the same annotation, so ids always agree:
//   outline_markdown: what a body contains (headings, links, decisions) for the model;
//   render_markdown:  the HTML, asking a resolver what each link becomes.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum {

struct MarkdownHeading {
  int level = 0;     // as rendered (a body's top headings become h2 under the page's h1)
  std::string text;  // plain text
  std::string id;    // anchor: "item-5" when the heading starts with an item number
  std::string item;  // the agenda item number it starts with, or ""
  int line = 0;      // file line
  bool operator==(const MarkdownHeading&) const = default;
};

struct MarkdownLink {
  std::string url;
  std::string text;
  int line = 0;
  int column = 0;
  bool image = false;
  bool operator==(const MarkdownLink&) const = default;
};

// A paragraph that begins "RESOLVED": a decision of the meeting.
struct MarkdownDecision {
  std::string id;    // anchor on the rendered page
  std::string item;  // the agenda item whose section it sits in, or ""
  std::string text;  // plain text of the paragraph
  int line = 0;
  bool operator==(const MarkdownDecision&) const = default;
};

struct MarkdownOutline {
  std::vector<MarkdownHeading> headings;
  std::vector<MarkdownLink> links;
  std::vector<MarkdownDecision> decisions;
  bool operator==(const MarkdownOutline&) const = default;
};

// `first_line` is the file line of the text's first line (after front matter).
MarkdownOutline outline_markdown(std::string_view text, int first_line);

// The words of a body without its markup, blocks separated by a space (for feed summaries
// and the search index). Made on demand rather than kept in the outline: only a few jobs
// need it, and every body's text held all build long is a large share of a big archive's
// memory.
std::string markdown_plain_text(std::string_view text);

// What a link becomes on the page.
struct LinkTarget {
  bool keep = true;   // false: publish only the link text (unsafe or unpublished target)
  std::string href;   // the final URL when kept
};
using LinkResolver = std::function<LinkTarget(const std::string& url)>;

struct MarkdownRenderOptions {
  bool mark_decisions = false;  // wrap RESOLVED paragraphs in an anchored decision block
  // HTML placed right after a heading that starts with an agenda item number (minutes link
  // each section back to its item and report); receives the item number.
  std::function<std::string(const std::string& item)> after_item_heading;
};

std::string render_markdown(std::string_view text, const MarkdownRenderOptions& options,
                            const LinkResolver& resolve);

// The agenda number a heading starts with, as written: "5. Better Care Fund" -> "5";
// "10a) Urgent" -> "10a"; "7A. Land" -> "7A"; "7.1 Fees" -> "7.1"; "7(a) Fees" -> "7(a)";
// "B1. Lease" -> "B1"; "Item 7: x" and "Agenda item 7 - x" -> "7"; else "". The model ties
// it to an item by comparing it with the agenda's numbers without regard to case.
std::string leading_item_number(std::string_view heading_text);

// A block of a document, for the model's structural reading of minutes: the top-level ones
// say where each agenda item's section begins and ends; the start of every block, at any
// depth, is looked at for lines that look like an item's heading without being one.
struct MarkdownBlock {
  enum class Kind { heading, paragraph, html, ordered_list, other };
  Kind kind = Kind::other;
  bool top = false;                // a child of the document (not in a list, quote or table)
  int level = 0;                   // headings: 1 to 6, as written
  bool setext = false;             // headings: underlined with === or --- rather than '#'
  bool starts_emphasised = false;  // paragraphs: opening with bold or italic text
  // Headings and paragraphs: plain text (a paragraph's start); raw HTML: its text without
  // tags; an ordered list: the number it starts at and its delimiter ("7." or "7)").
  std::string text;
  int line = 0;                    // first line, 1 for the text's first line
};
// Every block in document order. `text` must use '\n' line endings only (cmark counts a
// lone '\r' as a line too).
std::vector<MarkdownBlock> markdown_blocks(std::string_view text);

// Escapes text so Markdown shows it literally (for generated Markdown).
std::string markdown_escape(std::string_view text);

}  // namespace quorum
