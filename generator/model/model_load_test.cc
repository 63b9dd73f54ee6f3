// The model decides what a cache may keep of a meeting: only a wholly public meeting whose
// load gave no message is offered (ModelLoad::publishable_meeting), so no cache writer can
// take withheld material.
#include "model/model_load.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace quorum {
namespace {

const std::string kFolder = "content/committees/board/meetings/2018-02-01";
const std::string kPlain =
    "date: 2018-02-01\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Apologies\n";

// Loads the site with one meeting made of `meeting_yaml` and `extra` files; whether the load
// offered the meeting to a cache.
bool offered(const std::string& meeting_yaml, const std::map<std::string, std::string>& extra = {}) {
  auto files = testing::parse_sections(testing::minimal_site());
  files[kFolder + "/meeting.yaml"] = meeting_yaml;
  for (const auto& [path, text] : extra) files[path] = text;
  const MemoryTree tree(files);
  Diagnostics diags;
  ModelLoad load(tree, diags, {});
  const ContentPlan plan = plan_content(tree);
  load.load_entities(plan);
  std::optional<bool> result;
  for (const auto& meeting : plan.meeting_folders) {
    if (meeting.folder != kFolder) continue;
    REQUIRE(load.check_committee(meeting));
    load.load_meeting(meeting);
    result = load.publishable_meeting(meeting).has_value();
  }
  REQUIRE(result.has_value());
  return *result;
}

}  // namespace

TEST_CASE("only a wholly public meeting whose load was clean is offered to a cache",
          "[model][meeting-cache][security]") {
  CHECK(offered(kPlain));
  SECTION("an exempt item") {
    CHECK_FALSE(offered(
        kPlain + "  - number: \"2\"\n    title: Contract award\n    exempt:\n      paragraph: \"3\"\n"));
  }
  SECTION("an exempt report") {
    CHECK_FALSE(offered(
        kPlain + "  - number: \"2\"\n    title: Contract\n    report: contract\n",
        {{kFolder + "/reports/contract.md",
          "---\ntitle: Contract\nitem: \"2\"\nclassification: exempt\nparagraph: 3\n---\nPrices.\n"}}));
  }
  SECTION("a load with a message") { CHECK_FALSE(offered(kPlain + "venu: Hall\n")); }
}

TEST_CASE("a meeting in a folder of a committee that does not exist is an error and not loaded", "[model]") {
  auto files = testing::parse_sections(testing::minimal_site());
  files["content/committees/nowhere/meetings/2018-02-01/meeting.yaml"] = kPlain;
  const MemoryTree tree(files);
  Diagnostics diags;
  const SiteModel model = load_model(tree, diags);
  CHECK(diags.has_errors());
  CHECK(model.meetings.count("nowhere/2018-02-01") == 0);
}

}  // namespace quorum
