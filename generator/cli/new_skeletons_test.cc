#include "cli/new_skeletons.h"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

namespace quorum {
namespace {

TEST_CASE("yaml_quote reads back as the same text", "[cli][new]") {
  for (const std::string text : {"plain", "Room 1: Civic Offices", "#1, \"quoted\"", "back\\slash",
                                 "two\nlines", "- dash", "yes", "tab\there", "bell\a"}) {
    const YAML::Node node = YAML::Load("k: " + yaml_quote(text));
    CHECK(node["k"].as<std::string>() == text);
  }
}

TEST_CASE("next_agenda_number follows the largest whole number", "[cli][new]") {
  CHECK(next_agenda_number({}) == "1");
  CHECK(next_agenda_number({"1", "2", "10a", "3"}) == "11");
  CHECK(next_agenda_number({"A", "B"}) == "1");
}

std::vector<std::string> numbers_and_reports(const std::string& yaml) {
  std::vector<std::string> out;
  for (const auto& item : YAML::Load(yaml)["agenda"]) {
    out.push_back(item["number"].as<std::string>() +
                  (item["report"] ? "=" + item["report"].as<std::string>() : ""));
  }
  return out;
}

TEST_CASE("with_agenda_item appends to the agenda in the forms clerks write", "[cli][new]") {
  SECTION("an indented block list, with keys after it") {
    const auto out = with_agenda_item(
        "date: 2017-09-08\nagenda:\n  - number: \"1\"\n    title: A\n\n# notes\nstatus: held\n", "2", "Plan",
        "plan");
    REQUIRE(out);
    CHECK(numbers_and_reports(*out) == std::vector<std::string>{"1", "2=plan"});
    CHECK(YAML::Load(*out)["status"].as<std::string>() == "held");
  }
  SECTION("a list at column 0") {
    const auto out =
        with_agenda_item("agenda:\n- number: \"1\"\n  title: A\nstatus: held\n", "2", "Plan", "plan");
    REQUIRE(out);
    CHECK(numbers_and_reports(*out) == std::vector<std::string>{"1", "2=plan"});
  }
  SECTION("an empty agenda, or none") {
    auto out = with_agenda_item("date: 2017-09-08\nagenda: []\nstatus: held\n", "1", "Plan", "plan");
    REQUIRE(out);
    CHECK(numbers_and_reports(*out) == std::vector<std::string>{"1=plan"});
    out = with_agenda_item("date: 2017-09-08\nstatus: held", "1", "Plan", "plan");
    REQUIRE(out);
    CHECK(numbers_and_reports(*out) == std::vector<std::string>{"1=plan"});
  }
  SECTION("a flow list is left for the clerk") {
    CHECK_FALSE(with_agenda_item("agenda: [{number: 1, title: A}]\n", "2", "Plan", "plan"));
  }
}

TEST_CASE("a meeting skeleton has the standing items in order", "[cli][new]") {
  const auto yaml = meeting_skeleton(*Date::parse("2017-10-20"), "14:00", "", "board/2017-09-08");
  const YAML::Node node = YAML::Load(yaml);
  std::vector<std::string> kinds;
  for (const auto& item : node["agenda"]) kinds.push_back(item["kind"].as<std::string>());
  CHECK(kinds == std::vector<std::string>{"apologies", "declarations", "minutes", "urgent"});
  CHECK(node["agenda"][2]["minutes_of"].as<std::string>() == "board/2017-09-08");
  CHECK(yaml.find("8 September 2017") != std::string::npos);
  CHECK(node["status"].as<std::string>() == "scheduled");
}

}  // namespace
}  // namespace quorum
