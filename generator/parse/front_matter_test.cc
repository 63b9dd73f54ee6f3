#include "parse/front_matter.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

const std::string kPath = "content/documents/plan.md";

TEST_CASE("a file without front matter is all body", "[parse][front_matter]") {
  Diagnostics diags;
  const std::string text = "# Plan\n\nSome text.\n\n---\n\nAfter a rule.\n";
  const FrontMatter fm = split_front_matter(text, kPath, diags);
  CHECK_FALSE(fm.present);
  CHECK(fm.yaml.empty());
  CHECK(fm.body == text);
  CHECK(fm.body_first_line == 1);
  CHECK(diags.all().empty());
}

TEST_CASE("front matter is split from the body with the body's first line", "[parse][front_matter]") {
  Diagnostics diags;
  const FrontMatter fm =
      split_front_matter("---\ntitle: Better Care Fund\nitem: \"5\"\n---\nFirst body line\nSecond\n", kPath,
                         diags);
  CHECK(fm.present);
  CHECK(fm.yaml == "title: Better Care Fund\nitem: \"5\"\n");
  CHECK(fm.yaml_first_line == 2);
  CHECK(fm.body == "First body line\nSecond\n");
  CHECK(fm.body_first_line == 5);
  CHECK(diags.all().empty());
}

TEST_CASE("front matter edge cases", "[parse][front_matter]") {
  Diagnostics diags;
  SECTION("empty front matter") {
    const FrontMatter fm = split_front_matter("---\n---\nBody\n", kPath, diags);
    CHECK(fm.present);
    CHECK(fm.yaml.empty());
    CHECK(fm.body == "Body\n");
    CHECK(fm.body_first_line == 3);
  }
  SECTION("closing fence on the last line, without a newline") {
    const FrontMatter fm = split_front_matter("---\na: 1\n---", kPath, diags);
    CHECK(fm.present);
    CHECK(fm.yaml == "a: 1\n");
    CHECK(fm.body.empty());
    CHECK(fm.body_first_line == 4);
  }
  SECTION("fences with trailing spaces still count") {
    const FrontMatter fm = split_front_matter("--- \na: 1\n---\t\nBody", kPath, diags);
    CHECK(fm.present);
    CHECK(fm.yaml == "a: 1\n");
    CHECK(fm.body == "Body");
  }
  SECTION("a body that contains a thematic break keeps it") {
    const FrontMatter fm = split_front_matter("---\na: 1\n---\nOne\n\n---\n\nTwo\n", kPath, diags);
    CHECK(fm.yaml == "a: 1\n");
    CHECK(fm.body == "One\n\n---\n\nTwo\n");
    CHECK(fm.body_first_line == 4);
  }
  SECTION("four hyphens are not a fence") {
    const std::string text = "----\na: 1\n----\nBody\n";
    const FrontMatter fm = split_front_matter(text, kPath, diags);
    CHECK_FALSE(fm.present);
    CHECK(fm.body == text);
  }
  SECTION("a fence that is not on line 1 is not front matter") {
    const std::string text = "\n---\na: 1\n---\nBody\n";
    const FrontMatter fm = split_front_matter(text, kPath, diags);
    CHECK_FALSE(fm.present);
    CHECK(fm.body == text);
    CHECK(fm.body_first_line == 1);
  }
  CHECK(diags.all().empty());
}

TEST_CASE("unterminated front matter is an error at line 1", "[parse][front_matter]") {
  Diagnostics diags;
  const std::string text = "---\ntitle: Unfinished\nitem: 5\n\nThe body starts here.\n";
  const FrontMatter fm = split_front_matter(text, kPath, diags);
  CHECK_FALSE(fm.present);
  CHECK(fm.body == text);  // treated as body, so later checks still run
  CHECK(fm.body_first_line == 1);
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& d = diags.all().front();
  CHECK(d.severity == Severity::error);
  CHECK(d.pos.path == kPath);
  CHECK(d.pos.line == 1);
  CHECK(d.pos.column == 1);
  CHECK_THAT(d.message, Catch::Contains("never closed"));
  CHECK(d.format().rfind(kPath + ":1:1: error: ", 0) == 0);
}

TEST_CASE("a file that is only an opening fence is unterminated", "[parse][front_matter]") {
  Diagnostics diags;
  split_front_matter("---\n", kPath, diags);
  CHECK(diags.error_count() == 1);
}

TEST_CASE("CRLF line endings work for fences", "[parse][front_matter]") {
  Diagnostics diags;
  const FrontMatter fm =
      split_front_matter("---\r\ntitle: Windows\r\nitem: 5\r\n---\r\nBody line\r\nMore\r\n", kPath, diags);
  CHECK(fm.present);
  CHECK(fm.yaml == "title: Windows\r\nitem: 5\r\n");
  CHECK(fm.yaml_first_line == 2);
  CHECK(fm.body == "Body line\r\nMore\r\n");
  CHECK(fm.body_first_line == 5);
  CHECK(diags.all().empty());
}

}  // namespace
}  // namespace quorum
