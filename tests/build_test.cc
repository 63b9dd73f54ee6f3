// End to end: a content repository made in the test as a real git repository, built by
// the same pipeline as `quorum build`, and the HTML inspected.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "test_support.h"

using namespace quorum::testing;

TEST_CASE("a committed content repository builds into a cross-linked site", "[e2e]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish the July papers");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Reading commit") != std::string::npos);
  CHECK(r.out.find("Wrote ") != std::string::npos);

  const auto meeting = read(dir / "public/committees/board/2017-07-19/index.html");
  CHECK(meeting.find("<h1>Testshire Board<span class=\"visually-hidden\">,</span> <span class=\"h1-sub\">Wednesday 19 July 2017</span></h1>") != std::string::npos);
  CHECK(meeting.find("href=\"/committees/board/2017-07-19/reports/budget/\"") != std::string::npos);
  CHECK(meeting.find("href=\"/committees/board/2017-07-19/minutes/#item-2\"") != std::string::npos);
  CHECK(meeting.find("No interests were declared.") != std::string::npos);
  // The officer's title as held on the day of the meeting.
  CHECK(meeting.find("Democratic Services Officer, Testshire Council") != std::string::npos);

  const auto minutes = read(dir / "public/committees/board/2017-07-19/minutes/index.html");
  CHECK(minutes.find("<h2 id=\"item-2\">2. Budget report</h2>") != std::string::npos);
  CHECK(minutes.find("<div class=\"decision\" id=\"item-2-resolved-1\">") != std::string::npos);
  // Each section links back to its agenda item and the report behind it.
  CHECK(minutes.find("<a href=\"/committees/board/2017-07-19/#item-2\">Agenda item 2</a> · "
                     "<a href=\"/committees/board/2017-07-19/reports/budget/\">Report: Budget report 2017</a>") !=
        std::string::npos);
  // A relative link to another content file becomes a site link.
  CHECK(minutes.find("<a href=\"/committees/board/2017-07-19/reports/budget/\">the report</a>") != std::string::npos);
  CHECK(minutes.find("approved at <a href=\"/committees/board/2017-09-08/\"") != std::string::npos);

  const auto report = read(dir / "public/committees/board/2017-07-19/reports/budget/index.html");
  CHECK(report.find("<table>") != std::string::npos);
  CHECK(report.find("<a href=\"/committees/board/\">the board</a>") != std::string::npos);

  const auto person = read(dir / "public/people/ada-clerk/index.html");
  CHECK(person.find("Budget report 2017") != std::string::npos);  // reports they wrote
  CHECK(person.find("Referred to by") != std::string::npos);
  const auto member = read(dir / "public/people/bob-member/index.html");
  CHECK(member.find("Allotment on Mill Lane") != std::string::npos);
  // Two meetings held while a member, one attended (the other has no attendance recorded).
  CHECK(member.find("<td>2</td><td>1</td><td>0</td>") != std::string::npos);

  const auto decisions = read(dir / "public/decisions/index.html");
  CHECK(decisions.find("RESOLVED: That the budget be approved.") != std::string::npos);
  CHECK(decisions.find("/committees/board/2017-07-19/minutes/#item-2-resolved-1") != std::string::npos);

  const auto topic = read(dir / "public/topics/finance/index.html");
  CHECK(topic.find("Budget report 2017") != std::string::npos);

  const auto files = list_files(dir / "public");
  CHECK(files.count("index.html") == 1);
  CHECK(files.count("404.html") == 1);
  CHECK(files.count("assets/quorum.css") == 1);
}

TEST_CASE("the same commit builds byte-identical output", "[e2e]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish");
  // Two folders, two "times" and two time zones of the building machine: nothing may change,
  // because every date comes from the commit.
  ::setenv("TZ", "UTC", 1);
  ::setenv("SOURCE_DATE_EPOCH", "1000000000", 1);
  REQUIRE(build(dir / "repo", dir / "a").exit_code == 0);
  ::setenv("TZ", "Pacific/Auckland", 1);
  ::setenv("SOURCE_DATE_EPOCH", "1900000000", 1);
  REQUIRE(build(dir / "repo", dir / "b").exit_code == 0);
  ::unsetenv("TZ");
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto a = list_files(dir / "a");
  REQUIRE(a == list_files(dir / "b"));
  for (const auto& f : a) {
    INFO(f);
    CHECK(read(dir / "a" / f) == read(dir / "b" / f));
  }
}

TEST_CASE("a committed build ignores uncommitted edits unless asked for the working tree", "[e2e]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish");
  // An uncommitted edit makes the default a preview of the working tree, and says so.
  write_files(dir / "repo", {{"content/people/ada-clerk.yaml", "name: Ada Lovelace-Clerk\n"}});
  const BuildResult preview = build(dir / "repo", dir / "public");
  REQUIRE(preview.exit_code == 0);
  CHECK(preview.out.find("working tree") != std::string::npos);
  CHECK(read(dir / "public/people/ada-clerk/index.html").find("Ada Lovelace-Clerk") != std::string::npos);
}

TEST_CASE("a folder that is not a git repository still builds", "[e2e]") {
  TempDir dir;
  write_files(dir / "plain", parse_sections(minimal_site()));
  const BuildResult r = build(dir / "plain", dir / "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(list_files(dir / "public").count("people/bob-member/index.html") == 1);
}
