#include "parse/yaml_fields.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

const std::string kPath = "content/committees/board/meetings/2017-09-08/meeting.yaml";

YAML::Node load(const std::string& text, int first_line = 1) {
  Diagnostics diags;
  auto node = load_yaml(text, {kPath, first_line}, diags);
  REQUIRE(node.has_value());
  REQUIRE(diags.all().empty());
  return *node;
}

std::vector<Diagnostic> errors(const Diagnostics& diags) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::error) out.push_back(d);
  }
  return out;
}

std::vector<Diagnostic> warnings(const Diagnostics& diags) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::warning) out.push_back(d);
  }
  return out;
}

TEST_CASE("YamlFields reads text, dates, times and booleans", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("date: 2017-09-08\nstart: \"14:00\"\nend: 16:30\nvenue: Civic Offices\n"
                    "key_decision: yes\nwebcast: false\nnumber: 5\n"),
               {kPath, 1}, "meeting", diags);
  CHECK(f.is_map());
  const auto date = f.date("date", Need::required);
  REQUIRE(date.has_value());
  CHECK(date->iso() == "2017-09-08");
  const auto start = f.time("start");
  REQUIRE(start.has_value());
  CHECK(start->iso() == "14:00");
  const auto end = f.time("end");  // unquoted still reads as text in yaml-cpp
  REQUIRE(end.has_value());
  CHECK(end->iso() == "16:30");
  CHECK(f.text("venue") == "Civic Offices");
  CHECK(f.boolean("key_decision") == std::optional<bool>(true));
  CHECK(f.boolean("webcast") == std::optional<bool>(false));
  CHECK(f.text("number") == "5");
  CHECK(f.text("absent") == "");
  CHECK_FALSE(f.date("agenda_published").has_value());
  CHECK_FALSE(f.boolean("nothing").has_value());
  f.finish();
  CHECK(diags.all().empty());
}

TEST_CASE("a missing required field is an error naming the field", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("date: 2017-09-08\nvenue: Civic Offices\n"), {kPath, 1}, "meeting", diags);
  CHECK(f.text("status", Need::required) == "");
  const auto errs = errors(diags);
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].pos.path == kPath);
  CHECK(errs[0].pos.line == 1);
  CHECK(errs[0].message == "Meeting needs a 'status' field: add a line 'status: ...'");
}

TEST_CASE("a required field that is present but empty is an error", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("title: Budget\nitem: \"  \"\n"), {kPath, 1}, "report", diags);
  CHECK(f.text("title", Need::required) == "Budget");
  f.text("item", Need::required);
  const auto errs = errors(diags);
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].pos.line == 2);
  CHECK_THAT(errs[0].message, Catch::Contains("'item' is empty"));
}

TEST_CASE("a field with no value counts as missing", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("title:\nvenue: x\n"), {kPath, 1}, "report", diags);
  CHECK_FALSE(f.has("title"));
  f.text("title", Need::required);
  REQUIRE(errors(diags).size() == 1);
  CHECK_THAT(errors(diags)[0].message, Catch::Contains("needs a 'title' field"));
}

TEST_CASE("a date that is not a date is an error at its line", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("status: held\ndate: 2017-02-29\nagenda_published: 8 September 2017\n", 1), {kPath, 1},
               "meeting", diags);
  CHECK_FALSE(f.date("date", Need::required).has_value());
  CHECK_FALSE(f.date("agenda_published").has_value());
  const auto errs = errors(diags);
  REQUIRE(errs.size() == 2);
  CHECK(errs[0].pos.line == 2);
  CHECK_THAT(errs[0].message, Catch::Contains("'2017-02-29'") && Catch::Contains("not a date"));
  CHECK(errs[1].pos.line == 3);
  CHECK_THAT(errs[1].message, Catch::Contains("'8 September 2017'"));
}

TEST_CASE("a time that is not HH:MM is an error", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("start: 2pm\n"), {kPath, 1}, "meeting", diags);
  CHECK_FALSE(f.time("start").has_value());
  REQUIRE(errors(diags).size() == 1);
  CHECK_THAT(errors(diags)[0].message, Catch::Contains("'2pm'") && Catch::Contains("not a time"));
}

TEST_CASE("a boolean that is neither true nor false is an error", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("key_decision: maybe\n"), {kPath, 1}, "agenda item", diags);
  CHECK_FALSE(f.boolean("key_decision").has_value());
  REQUIRE(errors(diags).size() == 1);
  CHECK_THAT(errors(diags)[0].message, Catch::Contains("true or false") && Catch::Contains("'maybe'"));
}

TEST_CASE("choice accepts an allowed value and falls back when absent", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("status: held\n"), {kPath, 1}, "meeting", diags);
  CHECK(f.choice("status", {"scheduled", "held", "cancelled", "postponed"}, Need::required) == "held");
  CHECK(f.choice("kind", {"ordinary", "extraordinary"}, Need::optional, "ordinary") == "ordinary");
  CHECK(diags.all().empty());
}

TEST_CASE("an invalid choice is an error listing the options, with a suggestion", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("date: 2017-09-08\nstatus: hled\n", 4), {kPath, 4}, "meeting", diags);
  CHECK(f.choice("status", {"scheduled", "held", "cancelled", "postponed"}, Need::required, "scheduled") ==
        "scheduled");
  const auto errs = errors(diags);
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].pos.line == 5);
  CHECK(errs[0].pos.column == 9);
  CHECK(errs[0].message ==
        "Meeting: 'status' is 'hled', which is not one of: scheduled, held, cancelled, postponed. "
        "Did you mean 'held'?");
}

TEST_CASE("a choice differing only in case suggests the lower-case option", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("status: Held\n"), {kPath, 1}, "meeting", diags);
  f.choice("status", {"scheduled", "held", "cancelled", "postponed"});
  REQUIRE(errors(diags).size() == 1);
  CHECK_THAT(errors(diags)[0].message, Catch::EndsWith("Did you mean 'held'?"));
}

TEST_CASE("an invalid choice far from every option has no suggestion", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("status: xyzzyplugh\n"), {kPath, 1}, "meeting", diags);
  f.choice("status", {"scheduled", "held", "cancelled", "postponed"});
  REQUIRE(errors(diags).size() == 1);
  CHECK_THAT(errors(diags)[0].message, !Catch::Contains("Did you mean"));
}

TEST_CASE("an unknown field is a warning naming the nearest known field", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("date: 2017-09-08\nstatus: held\nvenu: Civic Offices\nwebcast_url: x\n"), {kPath, 1},
               "meeting", diags);
  f.date("date");
  f.choice("status", {"held"});
  f.text("venue");
  f.text("webcast");
  f.finish();
  CHECK(diags.error_count() == 0);
  const auto warns = warnings(diags);
  REQUIRE(warns.size() == 2);
  CHECK(warns[0].pos.line == 3);
  CHECK(warns[0].pos.column == 1);
  CHECK(warns[0].message == "Meeting has no field 'venu'; it is ignored. Did you mean 'venue'?");
  CHECK(warns[1].pos.line == 4);
  CHECK_THAT(warns[1].message, Catch::Contains("'webcast_url'") && Catch::Contains("Did you mean 'webcast'?"));
}

TEST_CASE("an unknown field unlike any known field gets no suggestion", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("title: X\nzzzzzzzz: 1\n"), {kPath, 1}, "report", diags);
  f.text("title");
  f.finish();
  REQUIRE(warnings(diags).size() == 1);
  CHECK(warnings(diags)[0].message == "Report has no field 'zzzzzzzz'; it is ignored");
}

TEST_CASE("fields read through has, node or items count as known", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("attendance:\n  present: [a]\nagenda:\n  - number: 1\nexempt: {paragraph: 3}\n"), {kPath, 1},
               "meeting", diags);
  CHECK(f.node("attendance").IsMap());
  CHECK(f.items("agenda").size() == 1);
  CHECK(f.has("exempt"));
  f.finish();
  CHECK(diags.all().empty());
}

TEST_CASE("text_list takes a list, or a single scalar as a list of one", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("wards: all\ntopics: [better-care-fund, dementia]\nreplaced_by:\n  - a\n  - b\n"), {kPath, 1},
               "agenda item", diags);
  CHECK(f.text_list("wards") == std::vector<std::string>{"all"});
  CHECK(f.text_list("topics") == std::vector<std::string>{"better-care-fund", "dementia"});
  CHECK(f.text_list("replaced_by") == std::vector<std::string>{"a", "b"});
  CHECK(f.text_list("absent").empty());
  CHECK(diags.all().empty());
}

TEST_CASE("text_list refuses a mapping and nested entries", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("topics: {a: b}\nwards:\n  - north\n  - [south, east]\n"), {kPath, 1}, "agenda item", diags);
  CHECK(f.text_list("topics").empty());
  CHECK(f.text_list("wards") == std::vector<std::string>{"north"});
  const auto errs = errors(diags);
  REQUIRE(errs.size() == 2);
  CHECK(errs[0].pos.line == 1);
  CHECK_THAT(errs[0].message, Catch::Contains("'topics' should be a list"));
  CHECK(errs[1].pos.line == 4);
}

TEST_CASE("text where a list was given is an error", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("title:\n  - one\n  - two\n"), {kPath, 1}, "report", diags);
  CHECK(f.text("title", Need::required) == "");
  REQUIRE(errors(diags).size() == 1);
  CHECK_THAT(errors(diags)[0].message, Catch::Contains("single value"));
}

TEST_CASE("items treats a single mapping as one item", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("appendices:\n  title: A\n  file: a.pdf\n"), {kPath, 1}, "report", diags);
  const auto items = f.items("appendices");
  REQUIRE(items.size() == 1);
  CHECK(items[0]["file"].as<std::string>() == "a.pdf");
}

TEST_CASE("a YAML document that is not a mapping is an error", "[parse][yaml_fields]") {
  Diagnostics diags;
  YamlFields f(load("- just\n- a list\n"), {kPath, 1}, "meeting", diags);
  CHECK_FALSE(f.is_map());
  CHECK_FALSE(f.has("date"));
  CHECK(f.text("date", Need::required) == "");
  f.finish();
  REQUIRE(diags.error_count() == 2);
  CHECK_THAT(diags.all()[0].message, Catch::Contains("should be a set of 'field: value' lines"));
}

}  // namespace
}  // namespace quorum
