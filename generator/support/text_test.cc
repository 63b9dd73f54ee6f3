#include "support/text.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

constexpr auto npos = std::string_view::npos;

TEST_CASE("is_slug accepts lower-case ids and refuses everything else", "[support][text]") {
  CHECK(is_slug("roger-harris"));
  CHECK(is_slug("thurrock-hwb"));
  CHECK(is_slug("2017-09-08"));
  CHECK(is_slug("a"));
  CHECK(is_slug("x1"));

  CHECK_FALSE(is_slug(""));
  CHECK_FALSE(is_slug("-leading"));
  CHECK_FALSE(is_slug("trailing-"));
  CHECK_FALSE(is_slug("double--hyphen"));
  CHECK_FALSE(is_slug("Roger-Harris"));
  CHECK_FALSE(is_slug("with space"));
  CHECK_FALSE(is_slug("under_score"));
  CHECK_FALSE(is_slug("dot.ted"));
  CHECK_FALSE(is_slug("caf\xC3\xA9"));
  CHECK_FALSE(is_slug("../etc"));
}

TEST_CASE("slugify keeps ASCII letters and digits joined by single hyphens", "[support][text]") {
  CHECK(slugify("Better Care Fund: 2017/19") == "better-care-fund-2017-19");
  CHECK(slugify("  Leading and trailing  ") == "leading-and-trailing");
  CHECK(slugify("A -- B") == "a-b");
  CHECK(slugify("Caf\xC3\xA9 Society") == "caf-society");
  CHECK(slugify("already-a-slug") == "already-a-slug");
  CHECK(slugify("!!!") == "");
  CHECK(slugify("") == "");
  CHECK(is_slug(slugify("Mixed CASE & symbols #1")));
  CHECK(slugify("Mixed CASE & symbols #1") == "mixed-case-symbols-1");
}

TEST_CASE("humanize_slug turns a topic slug into words", "[support][text]") {
  CHECK(humanize_slug("better-care-fund") == "Better care fund");
  CHECK(humanize_slug("") == "");
  CHECK(humanize_slug("2017-plan") == "2017 plan");
}

TEST_CASE("find_invalid_utf8 accepts well-formed UTF-8", "[support][text][utf8]") {
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("plain ASCII") == npos);
  CHECK(find_invalid_utf8("caf\xC3\xA9") == npos);                  // U+00E9
  CHECK(find_invalid_utf8("\xE2\x82\xAC 5") == npos);               // U+20AC euro
  CHECK(find_invalid_utf8("\xF0\x9F\x98\x80") == npos);             // U+1F600
  CHECK(find_invalid_utf8("\xED\x9F\xBF") == npos);                 // U+D7FF, just below surrogates
  CHECK(find_invalid_utf8("\xEE\x80\x80") == npos);                 // U+E000, just above
  CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == npos);             // U+10FFFF, the last code point
  CHECK(find_invalid_utf8("\xC2\x80") == npos);                     // U+0080, smallest 2-byte
  CHECK(find_invalid_utf8("\xE0\xA0\x80") == npos);                 // U+0800, smallest 3-byte
  CHECK(find_invalid_utf8("\xF0\x90\x80\x80") == npos);             // U+10000, smallest 4-byte
}

TEST_CASE("find_invalid_utf8 reports the offset of the first bad byte", "[support][text][utf8]") {
  SECTION("a Latin-1 byte") { CHECK(find_invalid_utf8("caf\xE9 au lait") == 3); }
  SECTION("a stray continuation byte") { CHECK(find_invalid_utf8("ab\x80") == 2); }
  SECTION("bytes that never start a sequence") {
    CHECK(find_invalid_utf8("\xFF") == 0);
    CHECK(find_invalid_utf8("x\xF8\x88\x80\x80\x80") == 1);
  }
  SECTION("overlong encodings") {
    CHECK(find_invalid_utf8("a\xC0\xAF") == 1);          // '/' in two bytes
    CHECK(find_invalid_utf8("\xC1\xBF") == 0);           // U+007F in two bytes
    CHECK(find_invalid_utf8("ok\xE0\x80\xAF") == 2);     // '/' in three bytes
    CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0);       // U+07FF in three bytes
    CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);   // U+FFFF in four bytes
  }
  SECTION("UTF-16 surrogates") {
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);      // U+D800
    CHECK(find_invalid_utf8("\xED\xBF\xBF") == 0);       // U+DFFF
  }
  SECTION("past U+10FFFF") {
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);
    CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
  }
  SECTION("truncated sequences") {
    CHECK(find_invalid_utf8("abc\xC3") == 3);
    CHECK(find_invalid_utf8("abc\xE2\x82") == 3);
    CHECK(find_invalid_utf8("\xF0\x9F\x98") == 0);
    CHECK(find_invalid_utf8("\xE2\x82x") == 0);          // continuation replaced by ASCII
  }
  SECTION("only the first problem is reported") {
    CHECK(find_invalid_utf8("\xC3\xA9\xC3\xA9\xFF\xFF") == 4);
  }
}

TEST_CASE("html_escape escapes all five special characters", "[support][text]") {
  CHECK(html_escape("&") == "&amp;");
  CHECK(html_escape("<") == "&lt;");
  CHECK(html_escape(">") == "&gt;");
  CHECK(html_escape("\"") == "&quot;");
  CHECK(html_escape("'") == "&#39;");
  CHECK(html_escape("<a href=\"x\" title='y'>Tom & Jerry</a>") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  CHECK(html_escape("caf\xC3\xA9 plain") == "caf\xC3\xA9 plain");
  CHECK(html_escape("&amp;") == "&amp;amp;");
}

TEST_CASE("xml_escape escapes like HTML and drops control characters", "[support][text]") {
  CHECK(xml_escape(std::string("a\x01" "b\x1F" "<c>\n\t")) == "ab&lt;c&gt;\n\t");
}

TEST_CASE("trim, to_lower_ascii, starts_with_icase, split", "[support][text]") {
  CHECK(trim("  \t x y \r\n") == "x y");
  CHECK(trim(" \n ") == "");
  CHECK(to_lower_ascii("AbC-\xC3\x89") == "abc-\xC3\x89");
  CHECK(starts_with_icase("Item 7: x", "item "));
  CHECK_FALSE(starts_with_icase("It", "item"));
  CHECK(split("a/b//c", '/') == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(split("", '/') == std::vector<std::string>{""});
}

TEST_CASE("edit_distance is the Levenshtein distance", "[support][text][suggest]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abcd") == 4);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("venu", "venue") == 1);
  CHECK(edit_distance("roger-harris", "roger-haris") == 1);
  CHECK(edit_distance("flaw", "lawn") == 2);
  CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("nearest suggests a likely typo and stays quiet otherwise", "[support][text][suggest]") {
  const std::vector<std::string> people = {"roger-harris", "ian-wake", "mandy-ansell"};
  CHECK(nearest("roger-haris", people) == "roger-harris");
  CHECK(nearest("ian-wakes", people) == "ian-wake");
  CHECK(nearest("roger", people) == "roger-harris");  // a prefix counts as close
  CHECK(nearest("zzzzzzzzzzzz", people) == "");
  CHECK(nearest("anything", {}) == "");

  const std::vector<std::string> fields = {"date", "start", "end", "venue", "status"};
  CHECK(nearest("venu", fields) == "venue");
  CHECK(nearest("statu", fields) == "status");
  CHECK(nearest("venuee", fields) == "venue");
  CHECK(nearest("quorum", fields) == "");

  // Equal distances break ties alphabetically, so messages are stable.
  CHECK(nearest("bat", {"cat", "hat"}) == "cat");
  CHECK(nearest("bat", {"hat", "cat"}) == "cat");
}

TEST_CASE("line_column_at counts 1-based lines and columns", "[support][text]") {
  const std::string text = "ab\ncde\n\nf";
  CHECK(line_column_at(text, 0).line == 1);
  CHECK(line_column_at(text, 0).column == 1);
  CHECK(line_column_at(text, 1).column == 2);
  CHECK(line_column_at(text, 2).line == 1);  // the newline itself is on line 1
  CHECK(line_column_at(text, 2).column == 3);
  CHECK(line_column_at(text, 3).line == 2);
  CHECK(line_column_at(text, 3).column == 1);
  CHECK(line_column_at(text, 5).line == 2);
  CHECK(line_column_at(text, 5).column == 3);
  CHECK(line_column_at(text, 7).line == 3);
  CHECK(line_column_at(text, 7).column == 1);
  CHECK(line_column_at(text, 8).line == 4);
  CHECK(line_column_at(text, 8).column == 1);
  // Past the end: the position just after the last character.
  const auto end = line_column_at(text, 100);
  CHECK(end.line == 4);
  CHECK(end.column == 2);
}

}  // namespace
TEST_CASE("line endings are normalised as cmark counts lines", "[support][text]") {
  CHECK(normalise_line_endings("a\rb\r\nc\nd\r") == "a\nb\nc\nd\n");
  CHECK(normalise_line_endings("\r\r\n\n") == "\n\n\n");
  CHECK(normalise_line_endings("plain\n") == "plain\n");
}

}  // namespace quorum
