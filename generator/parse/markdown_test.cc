#include "parse/markdown.h"

#include <catch2/catch.hpp>

#include "parse/markdown_bounds.h"

namespace quorum {
namespace {

LinkTarget keep_as_is(const std::string& url) { return {true, url}; }

std::string render(const std::string& text, bool decisions = false) {
  MarkdownRenderOptions options;
  options.mark_decisions = decisions;
  return render_markdown(text, options, keep_as_is);
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

std::string rep(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The shape must be refused at this line with a message holding `words`; the prefix puts
// it on line 4, after a paragraph and a heading.
void expect_refused(const std::string& shape, int line, const std::string& words) {
  const auto hazard = find_markdown_hazard("Some text.\n\n## A heading\n" + shape);
  INFO(shape.substr(0, 60));
  REQUIRE(hazard.has_value());
  CHECK(hazard->line == line);
  CHECK(hazard->column >= 1);
  CHECK_THAT(hazard->message, Catch::Contains(words));
}

TEST_CASE("markdown bounds: each shape cmark-gfm reads in quadratic time is refused at its line",
          "[parse][markdown][bounds]") {
  // Nested images and links (CVE-2023-22486), spaced so the brackets are what counts.
  expect_refused(rep("![[]() ", 600), 4, "more than 500 square brackets '['");
  expect_refused(rep("![[]()", 600), 4, "more than 128 brackets '(' or ')'");
  expect_refused(rep("*t ", 1500) + rep("_t*_ ", 1500), 4, "more than 5,000 marks '*' or '_'");
  expect_refused("~e" + rep(",z~~", 1100), 4, "more than 1,000 marks '~'");
  expect_refused("-1" + rep("<?x", 1100) + "y", 4, "more than 1,000 '<'");
  expect_refused(rep(" -", 40) + "x" + rep("\n", 40), 4, "more than 32 quotes ('>') or lists");
  expect_refused(rep(">", 40) + rep(".", 40), 4, "more than 32 quotes");
  // A table of 6,000 columns: the error names the table's first line.
  expect_refused("\n|" + rep("x|", 6000) + "\n|" + rep("-|", 6000) + "\n", 5, "this table has 6,000 columns");
  expect_refused("x\n| - |\n" + rep("|", 300) + "y\n", 6, "more than 128 bars '|'");
  expect_refused(rep("|-\nt>|-\n", 100), 4 + 100, "more than 50 lines made only of");
  expect_refused(":-\n" + rep(":\n", 100) + ":-\n", 4 + 50, "more than 50 lines made only of");
  // Rows of one letter under 64 columns are 64 cells each: 250,000 cells in all at most.
  expect_refused("|" + rep("x|", 64) + "\n|" + rep("-|", 64) + "\n" + rep("a\n", 4000), 6 + 3906,
                 "more than 250,000 cells");
  expect_refused(rep("z_www.", 40), 4, "more than 32 web addresses");
  expect_refused(rep("<http://s", 40), 4, "more than 32 web addresses");
  expect_refused("www." + rep(")", 200), 4, "more than 128 brackets");
  // The count runs across the lines of one paragraph, and a later paragraph's line is named.
  expect_refused("Fine.\n\n" + rep("[a\n", 501), 6 + 500, "square brackets");
  // A link definition whose title runs on over the lines under it, copied into every link
  // that names it: output (and time) grows with the square of the text; at 2 MB cmark-gfm
  // aborts the whole process asking for a buffer over 1 GB.
  expect_refused("[f]:u\n\"\n" + rep("[f]\n", 6000) + "[f]:u \"t", 4, "begins with a link definition");
  // Split over paragraphs, each short, the links still copy the first long definition.
  expect_refused("[f]: u \"" + std::string(30000, 't') + "\"\n\n" + rep("[f] ", 1000), 4,
                 "keep it on one short line");
}

TEST_CASE("markdown bounds: large documents of the same characters are not refused",
          "[parse][markdown][bounds]") {
  // 20,000 balanced links in one paragraph, and nested links and images.
  CHECK_FALSE(find_markdown_hazard(rep("See [a](https://example.org/b) and ![c](d.png) ", 20000)));
  CHECK_FALSE(find_markdown_hazard(rep("[![logo](a.png)](https://example.org) ", 5000)));
  // Bold and italic: 2,000 spans a paragraph, over 200 paragraphs.
  CHECK_FALSE(find_markdown_hazard(rep(rep("Some **bold** and _italic_ text. ", 1000) + "\n\n", 200)));
  // 200 tables of 20 columns and 50 rows, each under a heading with no blank line between.
  const std::string table = "|" + rep(" *h* |", 20) + "\n|" + rep(":---|", 20) + "\n" +
                            rep("|" + rep(" **1,200** |", 20) + "\n", 50);
  CHECK_FALSE(find_markdown_hazard(rep("## Figures\n" + table, 200)));
  // A form's table with 300 empty rows.
  CHECK_FALSE(find_markdown_hazard("| Name | Post |\n|---|---|\n" + rep("| | |\n", 300)));
  // A long list with links, numbers and bold, without blank lines; lists 10 deep; quotes.
  CHECK_FALSE(find_markdown_hazard(rep("- **Cllr Smith** (chair) - see [notes](a_b.md) < 5% ~ 3\n", 1000)));
  CHECK_FALSE(find_markdown_hazard(rep("| ~~old~~ | ~3 | `a_b` |\n", 200)));
  std::string nested;
  for (int i = 0; i < 10; ++i) nested += std::string(static_cast<std::size_t>(i) * 2, ' ') + "1. item\n";
  CHECK_FALSE(find_markdown_hazard(rep(nested, 500)));
  CHECK_FALSE(find_markdown_hazard(rep("> > > quoted *text*\n", 1000)));
  // A long web address, and brackets that are text.
  CHECK_FALSE(
      find_markdown_hazard("<https://example.org/" + std::string(3000, 'a') + "?a=(1)&b=https://x.org>\n"));
  CHECK_FALSE(find_markdown_hazard(rep("\\[", 5000) + rep("\\*", 10000) + "\n"));
  // Reference links: 100 definitions in one block, 2,000 links to them, and a definition
  // beside 40,000 ordinary links.
  std::string definitions;
  for (int i = 0; i < 100; ++i)
    definitions +=
        "[r" + std::to_string(i) + "]: https://example.org/papers/" + std::to_string(i) + " \"Paper\"\n";
  CHECK_FALSE(
      find_markdown_hazard("Text.\n\n" + definitions + "\n" + rep("See [r7] and [the plan][r9]. ", 1000)));
  CHECK_FALSE(find_markdown_hazard("[home]: https://example.org/ \"Home\"\n\n" +
                                   rep("See [a](https://example.org/b) and [home]. ", 20000)));
}

TEST_CASE("markdown bounds: text refused by the pre-scan never reaches cmark-gfm",
          "[parse][markdown][bounds]") {
  // Were it parsed, 600 KB of this takes cmark-gfm 0.29.0.gfm.6 minutes.
  const std::string hostile = rep("![[]()", 100000);
  CHECK(render(hostile).empty());
  CHECK(outline_markdown(hostile, 1).links.empty());
}

TEST_CASE("leading_item_number finds the agenda number a heading starts with", "[parse][markdown]") {
  CHECK(leading_item_number("5. Better Care Fund") == "5");
  CHECK(leading_item_number("10a. X") == "10a");
  CHECK(leading_item_number("10a) Urgent") == "10a");
  CHECK(leading_item_number("Item 7: x") == "7");
  CHECK(leading_item_number("item 12 Minutes") == "12");
  CHECK(leading_item_number("  3 Apologies") == "3");
  CHECK(leading_item_number("11") == "11");
  CHECK(leading_item_number("Introduction") == "");
  CHECK(leading_item_number("") == "");
  CHECK(leading_item_number("Item") == "");
  CHECK(leading_item_number("5-year plan") == "");
  CHECK(leading_item_number("2017/18 budget") == "");
  // Numbers as councils write them: letters, sub-items and brackets, as the text they are.
  CHECK(leading_item_number("7A. Land at Grays") == "7A");
  CHECK(leading_item_number("7a) Land") == "7a");
  CHECK(leading_item_number("7.1 Fees") == "7.1");
  CHECK(leading_item_number("7.1. Fees") == "7.1");
  CHECK(leading_item_number("7(a) Fees") == "7(a)");
  CHECK(leading_item_number("B1. Lease") == "B1");
  CHECK(leading_item_number("Agenda item 7 - Lease") == "7");
  CHECK(leading_item_number("5.Better Care") == "5");
  CHECK(leading_item_number("Part B") == "");
  CHECK(leading_item_number("COVID19 update") == "");
  CHECK(leading_item_number("(7) Lease") == "");
}

TEST_CASE("markdown_blocks lists every block with its line, top-level ones marked", "[parse][markdown]") {
  const std::string text =
      "## 1. Apologies\n"         // 1
      "\n"                        // 2
      "Underlined\n"              // 3
      "----------\n"              // 4
      "\n"                        // 5
      "**7. Bold** line\n"        // 6
      "\n"                        // 7
      "> ## 9. Quoted\n"          // 8
      "\n"                        // 9
      "```\n## 9. Fenced\n```\n"  // 10-12
      "# Top\n"                   // 13
      "\n"                        // 14
      "7) Listed\n"               // 15
      "\n"                        // 16
      "<h2>7. Raw</h2>\n";        // 17
  const auto all = markdown_blocks(text);
  std::vector<MarkdownBlock> blocks;
  for (const auto& b : all) {
    if (b.top) blocks.push_back(b);
  }
  using Kind = MarkdownBlock::Kind;
  REQUIRE(blocks.size() == 8);
  CHECK(
      (blocks[0].kind == Kind::heading && blocks[0].level == 2 && !blocks[0].setext && blocks[0].line == 1));
  CHECK(blocks[0].text == "1. Apologies");
  CHECK((blocks[1].kind == Kind::heading && blocks[1].level == 2 && blocks[1].setext && blocks[1].line == 3));
  CHECK((blocks[2].kind == Kind::paragraph && blocks[2].starts_emphasised && blocks[2].line == 6));
  CHECK(blocks[2].text == "7. Bold line");
  CHECK((blocks[3].kind == Kind::other && blocks[3].line == 8));   // the quote
  CHECK((blocks[4].kind == Kind::other && blocks[4].line == 10));  // the code block: no heading in it
  CHECK(
      (blocks[5].kind == Kind::heading && blocks[5].level == 1 && !blocks[5].setext && blocks[5].line == 13));
  CHECK((blocks[6].kind == Kind::ordered_list && blocks[6].text == "7)" && blocks[6].line == 15));
  CHECK((blocks[7].kind == Kind::html && blocks[7].text == "7. Raw"));
  // The quote's heading is there too, not at the top.
  bool quoted = false;
  for (const auto& b : all)
    quoted = quoted || (b.kind == Kind::heading && !b.top && b.text == "9. Quoted" && b.line == 8);
  CHECK(quoted);
  for (const auto& b : all) CHECK(b.text.find("Fenced") == std::string::npos);
}

TEST_CASE("outline: headings get anchors from their item numbers", "[parse][markdown][outline]") {
  const std::string text =
      "## 1. Apologies\n"         // 1
      "\n"                        // 2
      "None.\n"                   // 3
      "\n"                        // 4
      "## 5. Better Care Fund\n"  // 5
      "\n"                        // 6
      "### Background\n"          // 7
      "\n"                        // 8
      "## Any other business\n";  // 9
  const MarkdownOutline o = outline_markdown(text, 10);
  REQUIRE(o.headings.size() == 4);
  CHECK(o.headings[0].id == "item-1");
  CHECK(o.headings[0].item == "1");
  CHECK(o.headings[0].line == 10);
  CHECK(o.headings[0].level == 2);
  CHECK(o.headings[1].text == "5. Better Care Fund");
  CHECK(o.headings[1].id == "item-5");
  CHECK(o.headings[1].item == "5");
  CHECK(o.headings[1].line == 14);
  CHECK(o.headings[2].id == "background");
  CHECK(o.headings[2].item == "");
  CHECK(o.headings[2].level == 3);
  CHECK(o.headings[3].id == "any-other-business");
  CHECK(o.headings[3].line == 18);
}

TEST_CASE("outline: repeated headings get distinct anchors", "[parse][markdown][outline]") {
  const MarkdownOutline o = outline_markdown("## Background\n\n## Background\n\n## !!!\n\n## ???\n", 1);
  REQUIRE(o.headings.size() == 4);
  CHECK(o.headings[0].id == "background");
  CHECK(o.headings[1].id == "background-2");
  CHECK(o.headings[2].id == "section");
  CHECK(o.headings[3].id == "section-2");
}

TEST_CASE("outline: a body using '#' headings is shifted under the page's h1", "[parse][markdown][outline]") {
  const MarkdownOutline o = outline_markdown("# Purpose\n\nText.\n\n## Detail\n\n###### Deep\n", 1);
  REQUIRE(o.headings.size() == 3);
  CHECK(o.headings[0].level == 2);
  CHECK(o.headings[1].level == 3);
  CHECK(o.headings[2].level == 6);  // capped: there is no h7

  const MarkdownOutline unshifted = outline_markdown("### Only h3\n", 1);
  REQUIRE(unshifted.headings.size() == 1);
  CHECK(unshifted.headings[0].level == 3);
}

TEST_CASE("outline: links carry the file line, after the front matter", "[parse][markdown][outline]") {
  const std::string body =
      "The board noted\n"                                  // body line 1
      "[the minutes](../2017-07-19/minutes.md) of July\n"  // 2
      "and [Roger Harris](person:roger-harris).\n"         // 3
      "\n"                                                 // 4
      "![Chart](chart.png)\n"                              // 5
      "\n"                                                 // 6
      "| Paper | Link |\n"                                 // 7
      "|---|---|\n"                                        // 8
      "| Plan | [plan](document:plan) |\n";                // 9
  // As if front matter took lines 1 to 5 of the file.
  const MarkdownOutline o = outline_markdown(body, 6);
  REQUIRE(o.links.size() == 4);
  CHECK(o.links[0].url == "../2017-07-19/minutes.md");
  CHECK(o.links[0].text == "the minutes");
  CHECK(o.links[0].line == 7);
  CHECK(o.links[0].column == 1);
  CHECK_FALSE(o.links[0].image);
  CHECK(o.links[1].url == "person:roger-harris");
  CHECK(o.links[1].text == "Roger Harris");
  CHECK(o.links[1].line == 8);
  CHECK(o.links[1].column == 5);
  CHECK(o.links[2].url == "chart.png");
  CHECK(o.links[2].image);
  CHECK(o.links[2].text == "Chart");
  CHECK(o.links[2].line == 10);
  CHECK(o.links[3].url == "document:plan");
  CHECK(o.links[3].line == 14);
}

TEST_CASE("outline: RESOLVED paragraphs are decisions of their section", "[parse][markdown][outline]") {
  const std::string text =
      "RESOLVED: That the agenda be agreed.\n"     // 1
      "\n"                                         // 2
      "## 5. Better Care Fund\n"                   // 3
      "\n"                                         // 4
      "The board discussed the plan.\n"            // 5
      "\n"                                         // 6
      "RESOLVED: That the plan be approved.\n"     // 7
      "\n"                                         // 8
      "### Discussion\n"                           // 9
      "\n"                                         // 10
      "**RESOLVED** that officers report back.\n"  // 11
      "\n"                                         // 12
      "- RESOLVED in a list is not a decision\n"   // 13
      "\n"                                         // 14
      "Resolved, in lower case, is not either.\n"  // 15
      "\n"                                         // 16
      "## 6. Dementia Strategy\n"                  // 17
      "\n"                                         // 18
      "RESOLVED:\n"                                // 19
      "1. That the strategy be adopted.\n";        // 20
  const MarkdownOutline o = outline_markdown(text, 4);
  REQUIRE(o.decisions.size() == 4);
  CHECK(o.decisions[0].item == "");
  CHECK(o.decisions[0].id == "resolved-1");
  CHECK(o.decisions[0].line == 4);
  CHECK(o.decisions[1].item == "5");
  CHECK(o.decisions[1].id == "item-5-resolved-1");
  CHECK(o.decisions[1].text == "RESOLVED: That the plan be approved.");
  CHECK(o.decisions[1].line == 10);
  CHECK(o.decisions[2].item == "5");  // a ### subsection stays within item 5
  CHECK(o.decisions[2].id == "item-5-resolved-2");
  CHECK(o.decisions[2].text == "RESOLVED that officers report back.");
  CHECK(o.decisions[3].item == "6");
  CHECK(o.decisions[3].id == "item-6-resolved-1");
  CHECK(o.decisions[3].line == 22);
}

TEST_CASE("plain text drops markup", "[parse][markdown]") {
  CHECK(markdown_plain_text("Some *emphasis* and `code`\nwith [a link](x.md).\n") ==
        "Some emphasis and code with a link.");
}

TEST_CASE("render: raw HTML is never passed through", "[parse][markdown][render]") {
  const std::string html = render(
      "Hello <script>alert(1)</script> there.\n\n<script>\nalert(2)\n</script>\n\n"
      "<img src=x onerror=alert(3)>\n\n<div onclick=\"x()\">block</div>\n");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("</script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<div") == std::string::npos);
  CHECK(html.find("onerror") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("Hello"));
  CHECK_THAT(html, Catch::Contains("there."));
}

TEST_CASE("render: text is escaped", "[parse][markdown][render]") {
  const std::string html = render("Fish & chips for 5 < 6 \"people\"\n");
  CHECK_THAT(html, Catch::Contains("Fish &amp; chips for 5 &lt; 6 &quot;people&quot;"));
}

TEST_CASE("render: the resolver decides each link's href", "[parse][markdown][render]") {
  std::vector<std::string> asked;
  const LinkResolver resolver = [&](const std::string& url) {
    asked.push_back(url);
    if (url == "person:roger-harris") return LinkTarget{true, "/people/roger-harris/"};
    return LinkTarget{false, ""};
  };
  const std::string html = render_markdown(
      "See [Roger Harris](person:roger-harris) and [the secret report](report:x/y/z) today.\n", {}, resolver);
  CHECK(asked == std::vector<std::string>{"person:roger-harris", "report:x/y/z"});
  CHECK_THAT(html, Catch::Contains("<a href=\"/people/roger-harris/\">Roger Harris</a>"));
  // A link the resolver will not keep is published as its text alone.
  CHECK_THAT(html, Catch::Contains(" and the secret report today."));
  CHECK(count(html, "<a ") == 1);
  CHECK(html.find("report:x") == std::string::npos);
}

TEST_CASE("render: a dropped link keeps formatted text, a dropped image keeps its description",
          "[parse][markdown][render]") {
  const LinkResolver drop = [](const std::string&) { return LinkTarget{false, ""}; };
  const std::string html = render_markdown(
      "A [*bold* move](javascript:alert(1)) and ![a chart](data:image/png;base64,xx).\n", {}, drop);
  CHECK(html == "<p>A <em>bold</em> move and a chart.</p>\n");
}

TEST_CASE("render: unsafe schemes never reach an href even if a resolver keeps them",
          "[parse][markdown][render]") {
  const std::string html = render("[click](javascript:alert(1))\n");
  CHECK(html.find("javascript:") == std::string::npos);
}

TEST_CASE("render: GFM tables, strikethrough and autolinks", "[parse][markdown][render]") {
  const std::string html = render(
      "| Line | Amount |\n|------|-------:|\n| Care | 100 |\n\n~~old~~\n\nSee www.example.org today.\n");
  CHECK_THAT(html, Catch::Contains("<a href=\"http://www.example.org\">www.example.org</a>"));
  CHECK_THAT(html, Catch::Contains("<table>"));
  CHECK_THAT(html, Catch::Contains("<th>Line</th>"));
  CHECK_THAT(html, Catch::Contains("<td>Care</td>"));
  CHECK_THAT(html, Catch::Contains("<td class=\"align-right\">100</td>"));
  CHECK_THAT(html,
             Catch::Contains("<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"Table 1\"><table>"));
  CHECK(html.find(" align=") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("<del>old</del>"));
}

TEST_CASE("render: a table's scrolling region is named after the heading above it",
          "[parse][markdown][render]") {
  const std::string html = render(
      "## Schemes & costs\n\n| A |\n|---|\n| 1 |\n\n| B |\n|---|\n| 2 |\n\n## Totals\n\n| C |\n|---|\n| 3 "
      "|\n");
  CHECK_THAT(html,
             Catch::Contains(
                 "<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"Schemes &amp; costs\"><table>"));
  CHECK_THAT(html, Catch::Contains("aria-label=\"Schemes &amp; costs (table 2)\""));
  CHECK_THAT(html, Catch::Contains("aria-label=\"Totals\""));
}

TEST_CASE("render: each table is named after the nearest heading above it, in one pass",
          "[parse][markdown][render]") {
  // Table 1 comes before any heading; "Budget" is also the text of a paragraph before its
  // heading and of a cell in a later table; "Costs" has two tables, then a table follows a
  // heading with no text of its own name, then a second "Budget" heading (id budget-2).
  const std::string html = render(
      "Budget\n\n| Budget |\n|---|\n| 1 |\n\n## Budget\n\nText.\n\n| A |\n|:--|\n| 2 |\n\n"
      "### Costs\n\n| Budget | B |\n|--:|:-:|\n| 3 | 4 |\n\n| C |\n|---|\n| 5 |\n\n"
      "## Budget\n\n| D |\n|---|\n| 6 |\n");
  std::vector<std::string> labels;
  for (std::size_t at = 0; (at = html.find("aria-label=\"", at)) != std::string::npos;) {
    at += 12;
    labels.push_back(html.substr(at, html.find('"', at) - at));
  }
  CHECK(labels ==
        std::vector<std::string>{"Table 1", "Budget", "Costs", "Costs (table 2)", "Budget (table 2)"});
  CHECK_THAT(html,
             Catch::Contains("<th class=\"align-right\">Budget</th>\n<th class=\"align-center\">B</th>"));
  CHECK(html.find(" align=") == std::string::npos);
  CHECK(html.find("<section", html.find("<h2 id=\"budget-2\">")) != std::string::npos);
}

TEST_CASE("render: headings get their anchors and are shifted", "[parse][markdown][render]") {
  const std::string html = render("# 5. Better Care Fund\n\n## Background\n\nText.\n");
  CHECK_THAT(html, Catch::Contains("<h2 id=\"item-5\">5. Better Care Fund</h2>"));
  CHECK_THAT(html, Catch::Contains("<h3 id=\"background\">Background</h3>"));
  CHECK(html.find("<h1") == std::string::npos);

  const std::string plain = render("## 5. Better Care Fund\n");
  CHECK(plain == "<h2 id=\"item-5\">5. Better Care Fund</h2>\n");
}

TEST_CASE("render: heading anchors match outline ids", "[parse][markdown][render]") {
  const std::string text = "## Background\n\n## Background\n\n### <b>x</b> 1\n";
  const MarkdownOutline o = outline_markdown(text, 1);
  const std::string html = render(text);
  for (const auto& h : o.headings) {
    INFO(h.id);
    CHECK_THAT(html, Catch::Contains("<h" + std::to_string(h.level) + " id=\"" + h.id + "\">"));
  }
  CHECK(count(html, " id=\"") == o.headings.size());
}

TEST_CASE("render: decisions are wrapped in an anchored block", "[parse][markdown][render]") {
  const std::string text = "## 5. Better Care Fund\n\nDiscussion.\n\nRESOLVED: That the plan be approved.\n";
  const std::string html = render(text, true);
  const auto open = html.find("<div class=\"decision\" id=\"item-5-resolved-1\">");
  REQUIRE(open != std::string::npos);
  const auto para = html.find("<p>RESOLVED: That the plan be approved.</p>", open);
  REQUIRE(para != std::string::npos);
  const auto close = html.find("</div>", para);
  CHECK(close != std::string::npos);
  CHECK(count(html, "<div") == 1);
  // "Discussion." is not a decision and stays outside the block.
  CHECK(html.find("<p>Discussion.</p>") < open);

  const std::string unmarked = render(text, false);
  CHECK(unmarked.find("decision") == std::string::npos);
  CHECK_THAT(unmarked, Catch::Contains("<p>RESOLVED: That the plan be approved.</p>"));
}

TEST_CASE("markdown_escape makes text literal", "[parse][markdown]") {
  const std::string raw = "5. *Not* [a link](x) <b> #1 _u_";
  const std::string escaped = markdown_escape(raw);
  CHECK(escaped == "5\\. \\*Not\\* \\[a link\\]\\(x\\) \\<b\\> \\#1 \\_u\\_");
  const MarkdownOutline o = outline_markdown(escaped, 1);
  CHECK(markdown_plain_text(escaped) == raw);
  CHECK(o.links.empty());
}

}  // namespace
// Found by the markdown fuzzer: dropping an image freed the link inside its description,
// which was then used (a hang, or a crash under ASan). Inner links are now dealt with first.
TEST_CASE("render: links nested in a dropped image or link are safe to drop", "[parse][markdown][render]") {
  const LinkResolver drop = [](const std::string&) { return LinkTarget{false, ""}; };
  const std::string html = render_markdown(
      "![see [the plan](javascript:a) here](data:x) and [outer ![in](data:y) text](javascript:b)\n", {},
      drop);
  CHECK(html.find("javascript") == std::string::npos);
  CHECK(html.find("data:") == std::string::npos);
  CHECK(html.find("href") == std::string::npos);
  CHECK(html.find("outer") != std::string::npos);
  CHECK(html.find("text") != std::string::npos);
}

}  // namespace quorum

TEST_CASE("plain text keeps blocks apart, for search and summaries", "[parse][markdown]") {
  CHECK(quorum::markdown_plain_text(
            "## Summary\n\nThe fund.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n") ==
        "Summary The fund. one two a b c d");
}
