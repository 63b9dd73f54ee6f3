// The committee structure diagram: Graphviz's SVG, cleaned to inline in a page, with every
// committee a link and the same bytes every time.
#include "render/structure_diagram.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

Committee committee(const std::string& id, const std::string& name, std::vector<std::string> reports_to = {}) {
  Committee c;
  c.id = id;
  c.name = name;
  c.kind = "committee";
  c.reports_to = std::move(reports_to);
  return c;
}

SiteModel sample_model() {
  SiteModel m;
  m.site.title = "Testshire papers";
  m.committees["board"] = committee("board", "Health & Wellbeing <Board>");
  m.committees["exec"] = committee("exec", "Executive Committee", {"board"});
  m.committees["icp"] = committee("icp", "Integrated Care Partnership", {"board", "ccg"});
  m.committees["ccg"] = committee("ccg", "CCG Board");
  m.committees["ccg"].kind = "external";
  m.committees["old-group"] = committee("old-group", "Old Group", {"board"});
  m.committees["old-group"].dissolved = Date::parse("2020-07-31");
  return m;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

TEST_CASE("the structure diagram links every committee to its page", "[render][diagram]") {
  const SiteModel model = sample_model();
  const PageContext ctx(model, "https://papers.example.org/democracy/");
  Diagnostics diags;
  const StructureDiagram d = draw_structure_diagram(ctx, diags);
  INFO(d.svg);
  CHECK(diags.all().empty());
  REQUIRE_FALSE(d.empty());
  for (const char* id : {"board", "exec", "icp", "ccg", "old-group"}) {
    INFO(id);
    CHECK(count(d.svg, std::string("xlink:href=\"/democracy/committees/") + id + "/\"") == 1);
  }
  CHECK(count(d.svg, "<a ") == 5);
}

TEST_CASE("the structure diagram draws first and further reporting lines differently", "[render][diagram]") {
  const SiteModel model = sample_model();
  const PageContext ctx(model, "/");
  Diagnostics diags;
  const std::string svg = draw_structure_diagram(ctx, diags).svg;
  INFO(svg);
  // Three first lines (solid), one further line (dashed and labelled).
  CHECK(count(svg, "class=\"edge reports-to\"") == 3);
  CHECK(count(svg, "class=\"edge also-reports-to\"") == 1);
  CHECK(count(svg, ">also reports to</text>") == 1);
  const auto further = svg.find("id=\"structure-icp-to-ccg\"");
  REQUIRE(further != std::string::npos);
  CHECK(svg.find("stroke-dasharray", further) < svg.find("</g>", further));
  // A dissolved body is styled and says so in words, not by style alone.
  CHECK(svg.find("class=\"node committee dissolved\"") != std::string::npos);
  CHECK(svg.find(">Dissolved 31 July 2020</text>") != std::string::npos);
  CHECK(svg.find("class=\"node committee external\"") != std::string::npos);
}

TEST_CASE("the structure diagram is accessible and safe to inline", "[render][diagram]") {
  const SiteModel model = sample_model();
  const PageContext ctx(model, "/");
  Diagnostics diags;
  const StructureDiagram d = draw_structure_diagram(ctx, diags);
  const std::string& svg = d.svg;
  INFO(svg);
  CHECK(svg.rfind("<svg ", 0) == 0);
  // Named and described by its own <title> and <desc>; no role="img", which would hide the
  // links inside from assistive technology (the implicit role is graphics-document).
  CHECK(svg.find("aria-labelledby=\"structure-title\" aria-describedby=\"structure-desc\"") != std::string::npos);
  CHECK(svg.find("role=\"img\"") == std::string::npos);
  CHECK(count(svg, "<title") == 1);
  CHECK(svg.find("<title id=\"structure-title\">Committee structure of Testshire papers</title>") != std::string::npos);
  CHECK(count(svg, "<desc id=\"structure-desc\">") == 1);
  // Nothing that names the tool or its version, no prolog or doctype inside a page.
  CHECK(svg.find("<!--") == std::string::npos);
  CHECK(svg.find("<?xml") == std::string::npos);
  CHECK(svg.find("DOCTYPE") == std::string::npos);
  CHECK(svg.find("raphviz") == std::string::npos);
  // Names are escaped once, as text.
  CHECK(svg.find("Health &amp; Wellbeing") != std::string::npos);
  CHECK(svg.find("&lt;Board&gt;") != std::string::npos);
  CHECK(svg.find("<Board>") == std::string::npos);
  CHECK(svg.find("&amp;amp;") == std::string::npos);
  // The file of its own starts with an XML declaration.
  CHECK(d.file().rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg ", 0) == 0);
}

TEST_CASE("the structure diagram is the same bytes every time", "[render][diagram]") {
  const SiteModel model = sample_model();
  const PageContext ctx(model, "/");
  Diagnostics diags;
  const std::string first = draw_structure_diagram(ctx, diags).svg;
  const std::string second = draw_structure_diagram(ctx, diags).svg;
  CHECK(first == second);
}

TEST_CASE("no committees, no diagram", "[render][diagram]") {
  SiteModel model;
  model.site.title = "Empty";
  const PageContext ctx(model, "/");
  Diagnostics diags;
  CHECK(draw_structure_diagram(ctx, diags).empty());
  CHECK(diags.all().empty());
}

}  // namespace
}  // namespace quorum
