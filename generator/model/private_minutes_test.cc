#include "model/private_minutes.h"

#include <catch2/catch.hpp>

#include "support/text.h"

namespace quorum {
namespace {

Meeting meeting_with(const std::vector<std::pair<std::string, bool>>& items) {
  Meeting m;
  for (const auto& [number, exempt] : items) {
    AgendaItem item;
    item.number = number;
    item.title = "Item ";
    item.title += number;
    if (exempt) item.exempt_paragraph = "3";
    m.agenda.push_back(item);
  }
  return m;
}

struct Cut {
  std::optional<std::string> text;
  Diagnostics diags;
  WithheldTexts withheld;
};

Cut cut(const std::string& text, const Meeting& m) {
  Cut c;
  c.text = cut_private_sections(text, 4, "minutes.md", m, c.diags,
                                [&c](const std::string& cut, const std::string& what, const SourcePos& at,
                                     const std::string& shown) {
                                  c.withheld.add(cut, what + " [instead: " + shown + "]", at);
                                });
  return c;
}

}  // namespace

TEST_CASE("a private section is replaced line for line and remembered", "[model][withheld]") {
  const Meeting m = meeting_with({{"1", false}, {"7A", true}, {"8", false}});
  const std::string text =
      "## 1. One\n\nPublic one.\n\n## 7a. Secret heading words\n\nSecret body.\n\n### 8 options\n\nMore "
      "secret.\n\n"
      "## 8. Eight\n\nPublic eight.\n";
  const Cut c = cut(text, m);
  REQUIRE(c.text);
  CHECK(c.diags.all().empty());
  CHECK(split(*c.text, '\n').size() == split(text, '\n').size());
  CHECK(c.text->find("Secret") == std::string::npos);
  CHECK(c.text->find("More secret") == std::string::npos);
  CHECK(c.text->find("## 7A. Item 7A") != std::string::npos);
  CHECK(c.text->find("considered in private") != std::string::npos);
  CHECK(c.text->find("Public one.") != std::string::npos);
  CHECK(c.text->find("Public eight.") != std::string::npos);
  // The heading as written, then the section under it, each with what is shown instead.
  REQUIRE(c.withheld.all().size() == 2);
  CHECK(c.withheld.all()[0].text == "## 7a. Secret heading words");
  CHECK(c.withheld.all()[0].source == "the minutes of private item 7A ('Item 7A') [instead: 7A. Item 7A]");
  CHECK(c.withheld.all()[0].pos.line == 8);
  CHECK(c.withheld.all()[1].text.find("More secret.") != std::string::npos);
  CHECK(c.withheld.all()[1].text.find("Public eight") == std::string::npos);
  CHECK(c.withheld.all()[1].pos.line == 9);
  CHECK_THAT(c.withheld.all()[1].source, Catch::Contains("[instead: *This item was considered in private"));
}

TEST_CASE("headings that cannot hide private minutes are not errors", "[model][withheld]") {
  // Odd headings are only errors where they could hide a private item's minutes.
  const Meeting m = meeting_with({{"1", false}, {"7", true}, {"9", false}});
  const std::string text =
      "## 1. One\n\n### 9 things\n\n**9. Bold**\n\n## 7. Seven\n\nx\n\n## 9. Nine\n\ny\n";
  const Cut c = cut(text, m);
  INFO((c.diags.all().empty() ? std::string() : c.diags.all()[0].message));
  CHECK(c.text);
}

TEST_CASE("what cannot be placed is an error at the minutes' line", "[model][withheld]") {
  const Meeting m = meeting_with({{"1", false}, {"7", true}, {"9", false}});
  const std::pair<std::string, int> bad[] = {
      {"## 1. One\n\n## Item 07 - Land\n\nx\n", 6},           // "07"
      {"## 1. One\n\n*7. Land*\n\nx\n\n## 7. Land\n", 6},     // italic pseudo-heading outside the section
      {"## 1. One\n\nx\n", 1},                                // no section
      {"## 7. Land\n\n## 9. Nine\n\n## 7. Land again\n", 8},  // two, apart
      {"## 1. One\n\nLand\n====\n\n## 7. Land\n", 0},         // fine: underlined, but no number
  };
  for (const auto& [text, line] : bad) {
    INFO(text);
    const Cut c = cut(text, m);
    if (line == 0) {
      CHECK(c.text);
      continue;
    }
    CHECK_FALSE(c.text);
    REQUIRE_FALSE(c.diags.all().empty());
    CHECK(c.diags.all()[0].pos.line == line);
    CHECK(c.diags.all()[0].severity == Severity::error);
  }
}

}  // namespace quorum
