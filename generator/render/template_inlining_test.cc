#include "render/template_inlining.h"

#include <catch2/catch.hpp>
#include <kainjow/mustache.hpp>

namespace quorum {
namespace {

namespace mus = kainjow::mustache;

std::optional<std::string> inlined(const std::string& source,
                                   const std::map<std::string, std::string>& partials) {
  std::vector<std::string> including;
  return inline_partials(source, partials, including);
}

// What kainjow renders with partials looked up at run time: the behaviour inlining keeps.
std::string with_runtime_partials(const std::string& source,
                                  const std::map<std::string, std::string>& partials, const mus::data& data) {
  mus::data context = data;
  for (const auto& [name, text] : partials) context.set(name, mus::data(text));
  mus::mustache tmpl(source);
  return tmpl.render(context);
}

std::string rendered(const std::string& source, const mus::data& data) {
  mus::mustache tmpl(source);
  REQUIRE(tmpl.is_valid());
  return tmpl.render(data);
}

}  // namespace

TEST_CASE("partials are put in place of their tags, nested ones too", "[theme]") {
  const std::map<std::string, std::string> partials = {{"link", "<a href=\"{{href}}\">{{text}}</a>"},
                                                       {"row", "<li>{{> link}}</li>"}};
  CHECK(inlined("<ul>{{#rows}}{{> row}}{{/rows}}</ul>", partials) ==
        "<ul>{{#rows}}<li><a href=\"{{href}}\">{{text}}</a></li>{{/rows}}</ul>");
  CHECK(inlined("{{ >  link }}", partials) == "<a href=\"{{href}}\">{{text}}</a>");
}

TEST_CASE("tags that are not partials are left exactly as written", "[theme]") {
  const std::map<std::string, std::string> partials = {{"link", "L"}};
  const std::string source =
      "{{{raw}}} {{&amp}} {{! a comment {{> link}} {{#s}}x{{/s}} {{> missing}} {{^n}}y{{/n}}";
  // A comment runs to its first "}}", as kainjow reads it: the partial tag inside is comment.
  CHECK(inlined(source, partials) ==
        "{{{raw}}} {{&amp}} {{! a comment {{> link}} {{#s}}x{{/s}} {{> missing}} {{^n}}y{{/n}}");
  CHECK(inlined("a {{> link}} b {{unclosed", partials) == "a L b {{unclosed");
}

TEST_CASE("a partial that includes itself stays a partial where it recurs", "[theme]") {
  const std::map<std::string, std::string> partials = {
      {"tree", "<li>{{name}}{{#children}}<ul>{{> tree}}</ul>{{/children}}</li>"}};
  std::vector<std::string> including = {"tree"};
  CHECK(inline_partials(partials.at("tree"), partials, including) == partials.at("tree"));
  CHECK(inlined("<ul>{{#top}}{{> tree}}{{/top}}</ul>", partials) ==
        "<ul>{{#top}}<li>{{name}}{{#children}}<ul>{{> tree}}</ul>{{/children}}</li>{{/top}}</ul>");
}

TEST_CASE("a template that changes its delimiters keeps its partials", "[theme]") {
  CHECK_FALSE(inlined("{{=<% %>=}}<%> link%>", {{"link", "L"}}).has_value());
}

TEST_CASE("an inlined template renders what kainjow renders with partials at run time", "[theme]") {
  // Standalone section lines, whitespace around tags and lists: kainjow's own rules apply to
  // the text either way.
  const std::map<std::string, std::string> partials = {
      {"person", "{{#name}}\n  <span>{{name}}</span>\n{{/name}}\n{{^name}}nobody{{/name}}"},
      {"row", "  <li>\n    {{> person}}\n  </li>"}};
  const std::string page = "<ul>\n{{#rows}}\n{{> row}}\n{{/rows}}\n</ul>\n{{> person}} end";
  mus::data rows{mus::data::type::list};
  mus::data first;
  first.set("name", "Ann <Lee>");
  rows.push_back(first);
  rows.push_back(mus::data{mus::data::type::object});
  mus::data data;
  data.set("rows", rows);
  data.set("name", "Bo");
  const auto text = inlined(page, partials);
  REQUIRE(text.has_value());
  CHECK(text->find("{{>") == std::string::npos);
  CHECK(rendered(*text, data) == with_runtime_partials(page, partials, data));
}

}  // namespace quorum
