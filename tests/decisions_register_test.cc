// The decisions register at archive scale (issue 7): /decisions/ shows the newest 100 and
// links a page a year, so no page carries every resolution of a decades-long archive.
#include <catch2/catch.hpp>

#include <regex>

#include "test_support.h"

using namespace quorum::testing;

namespace {

// A held meeting of the board on `date` whose minutes record `decisions` resolutions.
std::string meeting_with_decisions(const std::string& date, int decisions) {
  std::string files = "-- content/committees/board/meetings/" + date + "/meeting.yaml --\ndate: " + date +
                      "\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Business\n";
  files += "-- content/committees/board/meetings/" + date + "/minutes.md --\n---\nstatus: approved\n---\n";
  files += "## 1. Business\n\n";
  for (int i = 1; i <= decisions; ++i) {
    files += "RESOLVED: Decision " + std::to_string(i) + " of " + date + ".\n\n";
  }
  return files;
}

}  // namespace

TEST_CASE("the decisions register keeps a page a year and shows the newest on its front page", "[e2e]") {
  TempDir dir;
  // minimal_site() has one decision on 2017-07-19; 2019 gets 120 and 2020 two.
  write_files(dir.path() / "src", parse_sections(minimal_site() + meeting_with_decisions("2019-03-01", 60) +
                                               meeting_with_decisions("2019-11-01", 60) +
                                               meeting_with_decisions("2020-02-01", 2)));
  commit_all(dir.path() / "src", "papers");
  const auto result = build(dir.path() / "src", dir.path() / "public");
  REQUIRE(result.exit_code == 0);

  const std::string front = read(dir.path() / "public/decisions/index.html");
  CHECK(count_of(front, "<li><p><a href=") == 100);
  // Newest first: both of 2020, then the November 2019 meeting's.
  CHECK(front.find("Decision 2 of 2020-02-01") < front.find("Decision 1 of 2019-11-01"));
  // Within a meeting, resolutions keep the order of its minutes: the March meeting's first 38 fill the page.
  CHECK(front.find("Decision 38 of 2019-03-01.") != std::string::npos);
  CHECK(front.find("Decision 39 of 2019-03-01.") == std::string::npos);
  CHECK(front.find("the newest 100 are below") != std::string::npos);
  CHECK(front.find(">2020</a> (2)") != std::string::npos);
  CHECK(front.find(">2019</a> (120)") != std::string::npos);
  CHECK(front.find(">2017</a> (1)") != std::string::npos);
  // No year is the current page on the front page (the site menu may mark Decisions itself).
  CHECK_FALSE(std::regex_search(front, std::regex(R"(decisions/[0-9]{4}/" aria-current)")));

  const std::string y2019 = read(dir.path() / "public/decisions/2019/index.html");
  CHECK(count_of(y2019, "<li><p><a href=") == 120);
  CHECK(y2019.find("<h1>Decisions in 2019</h1>") != std::string::npos);
  CHECK(y2019.find("Decision 60 of 2019-03-01.") != std::string::npos);
  CHECK(y2019.find("of 2020-02-01") == std::string::npos);
  CHECK(std::regex_search(y2019, std::regex(R"(<a href="[^"]*decisions/2019/" aria-current="page">2019</a>)")));
  // Its breadcrumbs lead back to the register.
  CHECK(std::regex_search(y2019, std::regex(R"(<a href="[^"]*decisions/">Decisions</a>)")));

  const std::string y2017 = read(dir.path() / "public/decisions/2017/index.html");
  CHECK(y2017.find("RESOLVED: That the budget be approved.") != std::string::npos);
  CHECK(read(dir.path() / "public/sitemap.xml").find("decisions/2019/") != std::string::npos);
}

TEST_CASE("a small register says nothing of pages it does not need", "[e2e]") {
  TempDir dir;
  write_files(dir.path() / "src", parse_sections(minimal_site()));
  commit_all(dir.path() / "src", "papers");
  REQUIRE(build(dir.path() / "src", dir.path() / "public").exit_code == 0);
  const std::string front = read(dir.path() / "public/decisions/index.html");
  CHECK(count_of(front, "<li><p><a href=") == 1);
  CHECK(front.find("the newest") == std::string::npos);
}
