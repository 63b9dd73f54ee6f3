#include "parse/yaml_document.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

const std::string kPath = "content/committees/board/committee.yaml";

TEST_CASE("load_yaml reads a valid mapping without diagnostics", "[parse][yaml]") {
  Diagnostics diags;
  const auto node = load_yaml("name: Board\nkind: board\nmembers:\n  - person: ada\n", {kPath, 1}, diags);
  REQUIRE(node.has_value());
  CHECK(node->IsMap());
  CHECK((*node)["name"].as<std::string>() == "Board");
  CHECK((*node)["members"][0]["person"].as<std::string>() == "ada");
  CHECK(diags.all().empty());
}

TEST_CASE("a YAML syntax error names path, line and column", "[parse][yaml]") {
  Diagnostics diags;
  // Line 3 is indented under a scalar: the ':' at column 8 is where yaml-cpp gives up.
  const auto node = load_yaml("name: Board\nkind: board\n  venue: x\n", {kPath, 1}, diags);
  CHECK_FALSE(node.has_value());
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& d = diags.all().front();
  CHECK(d.pos.path == kPath);
  CHECK(d.pos.line == 3);
  CHECK(d.pos.column == 8);
  CHECK_THAT(d.message, Catch::StartsWith("YAML syntax: "));
  CHECK(d.format() == kPath + ":3:8: error: " + d.message);
}

TEST_CASE("syntax error positions account for the text's first line", "[parse][yaml]") {
  // The same YAML as front matter starting on file line 2 (after the opening '---').
  Diagnostics diags;
  const auto node = load_yaml("name: Board\nkind: board\n  venue: x\n", {"content/x.md", 2}, diags);
  CHECK_FALSE(node.has_value());
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all().front().pos.path == "content/x.md");
  CHECK(diags.all().front().pos.line == 4);
  CHECK(diags.all().front().pos.column == 8);
}

TEST_CASE("an unclosed flow list is an error on the line where it fails", "[parse][yaml]") {
  Diagnostics diags;
  const auto node = load_yaml("title: Board\ntopics: [care, fund\nname: x\n", {kPath, 10}, diags);
  CHECK_FALSE(node.has_value());
  REQUIRE(diags.error_count() == 1);
  // Parsing fails when the next line arrives without the closing ']'.
  CHECK(diags.all().front().pos.line == 12);
  CHECK(diags.all().front().pos.column > 0);
}

TEST_CASE("a duplicate key is an error at the second key, and the document is kept", "[parse][yaml]") {
  Diagnostics diags;
  const std::string text =
      "date: 2017-09-08\n"     // 1
      "status: held\n"         // 2
      "venue: Civic Offices\n" // 3
      "status: cancelled\n";   // 4
  const auto node = load_yaml(text, {kPath, 1}, diags);
  REQUIRE(node.has_value());
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& d = diags.all().front();
  CHECK(d.pos.line == 4);
  CHECK(d.pos.column == 1);
  CHECK_THAT(d.message, Catch::Contains("'status'") && Catch::Contains("twice"));
}

TEST_CASE("duplicate keys are found in nested mappings, with the first-line offset", "[parse][yaml]") {
  Diagnostics diags;
  const std::string text =
      "title: Report\n"   // file line 2
      "appendices:\n"     // 3
      "  - title: A\n"    // 4
      "    file: a.pdf\n" // 5
      "    file: b.pdf\n" // 6
      "item: \"5\"\n";    // 7
  const auto node = load_yaml(text, {"content/r.md", 2}, diags);
  REQUIRE(node.has_value());
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all().front().pos.path == "content/r.md");
  CHECK(diags.all().front().pos.line == 6);
  CHECK(diags.all().front().pos.column == 5);
  CHECK_THAT(diags.all().front().message, Catch::Contains("'file'"));
}

TEST_CASE("invalid UTF-8 is an error at the bad byte", "[parse][yaml]") {
  Diagnostics diags;
  const auto node = load_yaml("name: Board\nvenue: Caf\xE9 Royal\n", {kPath, 3}, diags);
  CHECK_FALSE(node.has_value());
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& d = diags.all().front();
  CHECK(d.pos.line == 4);
  CHECK(d.pos.column == 11);
  CHECK_THAT(d.message, Catch::Contains("UTF-8"));
}

TEST_CASE("a NUL byte is an error at its position", "[parse][yaml]") {
  Diagnostics diags;
  const std::string text("name: Board\nkind: bo\0ard\n", 25);
  REQUIRE(text.size() == 25);
  const auto node = load_yaml(text, {kPath, 1}, diags);
  CHECK_FALSE(node.has_value());
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& d = diags.all().front();
  CHECK(d.pos.line == 2);
  CHECK(d.pos.column == 9);
  CHECK_THAT(d.message, Catch::Contains("NUL"));
}

TEST_CASE("a UTF-8 byte order mark is accepted", "[parse][yaml]") {
  Diagnostics diags;
  const auto node = load_yaml("\xEF\xBB\xBFname: Board\nkind: board\n", {kPath, 1}, diags);
  REQUIRE(node.has_value());
  CHECK(diags.all().empty());
  REQUIRE(node->IsMap());
  // The key is "name", not "\xEF\xBB\xBFname".
  CHECK((*node)["name"].IsDefined());
  CHECK((*node)["name"].as<std::string>() == "Board");
}

TEST_CASE("an empty document loads as null without errors", "[parse][yaml]") {
  Diagnostics diags;
  const auto node = load_yaml("", {kPath, 1}, diags);
  REQUIRE(node.has_value());
  CHECK(node->IsNull());
  CHECK(diags.all().empty());
}

TEST_CASE("position_of gives 1-based file positions of nodes", "[parse][yaml]") {
  Diagnostics diags;
  const YamlSource source{kPath, 5};
  const auto node = load_yaml("name: Board\nmembers:\n  - person: ada\n", source, diags);
  REQUIRE(node.has_value());
  const SourcePos name = position_of((*node)["name"], source);
  CHECK(name.path == kPath);
  CHECK(name.line == 5);
  CHECK(name.column == 7);
  const SourcePos person = position_of((*node)["members"][0]["person"], source);
  CHECK(person.line == 7);
  CHECK(person.column == 13);
}

}  // namespace
}  // namespace quorum
