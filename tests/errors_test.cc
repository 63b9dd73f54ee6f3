// Bad input: every mistake reported as path:line:column in one run, exit 1, and the
// previous site left exactly as it was.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace quorum::testing;

TEST_CASE("every deliberate mistake is reported with its line, and nothing is written", "[e2e][errors]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Good");
  REQUIRE(build(dir / "repo", dir / "public").exit_code == 0);
  const auto before = list_files(dir / "public");
  const auto home_before = read(dir / "public/index.html");

  Files broken;
  // Line 4: an unknown person, one letter off a real id.
  broken["content/committees/board/meetings/2017-07-19/meeting.yaml"] =
      "date: 2017-07-19\nstatus: held\nattendance:\n  present: [bob-membr]\n"
      "agenda:\n  - number: \"1\"\n    title: Apologies\n  - number: \"2\"\n    title: Budget report\n"
      "    report: budget\n";
  // Line 2: a date that is not a date; line 3: an unknown status.
  broken["content/committees/board/meetings/2017-09-08/meeting.yaml"] =
      "agenda: []\ndate: 2017-09-31\nstatus: adjourned\n";
  // Line 3: a YAML syntax error.
  broken["content/people/ada-clerk.yaml"] = "name: Ada Clerk\npositions:\n  - title: [unclosed\n";
  // Line 6 of the file: a Markdown link to a meeting that does not exist.
  broken["content/committees/board/index.md"] = "Intro.\n\n\n\n\nSee [the meeting](meeting:board/2017-01-01).\n";
  // A committee with no kind.
  broken["content/committees/other/committee.yaml"] = "name: Other\n";
  write_files(dir / "repo", broken);
  commit_all(dir / "repo", "Broken");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/committees/board/meetings/2017-07-19/meeting.yaml:4:13: error: Meeting 2017-07-19 of "
                   "Testshire Board: the attendance list names person 'bob-membr', but there is no file "
                   "content/people/bob-membr.yaml. Did you mean 'bob-member'?") != std::string::npos);
  CHECK(r.err.find("Did you mean 'bob-member'?") != std::string::npos);
  CHECK(r.err.find("content/committees/board/meetings/2017-09-08/meeting.yaml:2:7: error: Meeting 2017-09-08 of "
                   "Testshire Board: 'date' is '2017-09-31', which is not a date on the calendar") != std::string::npos);
  CHECK(r.err.find("content/committees/board/meetings/2017-09-08/meeting.yaml:3:9: error: Meeting 2017-09-08 of "
                   "Testshire Board: 'status' is 'adjourned'") != std::string::npos);
  CHECK(r.err.find("content/people/ada-clerk.yaml:4:") != std::string::npos);  // end of input: the flow sequence never closes
  CHECK(r.err.find("content/committees/board/index.md:6:") != std::string::npos);
  CHECK(r.err.find("Committee 'Testshire Board': the link to meeting 'board/2017-01-01' leads nowhere: there is no "
                   "file content/committees/board/meetings/2017-01-01/meeting.yaml") != std::string::npos);
  CHECK(r.err.find("content/committees/other/committee.yaml:1:1: error: Committee 'Other' needs a 'kind' field") !=
        std::string::npos);
  // The message says what the folder holds, checked, and it is so.
  CHECK(r.err.find("nothing was published: the site in") != std::string::npos);
  CHECK(r.err.find("is as the last build left it") != std::string::npos);
  CHECK(list_files(dir / "public") == before);
  CHECK(read(dir / "public/index.html") == home_before);
}

TEST_CASE("check validates without writing anything", "[e2e][errors]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["content/committees/board/meetings/2017-07-19/reports/budget.md"] =
      "---\ntitle: Budget\nitem: \"9\"\n---\nBody\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Report for a missing item");
  const BuildResult r = check(dir / "repo");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("reports/budget.md:3:7: error: Report 'budget' to meeting 2017-07-19 of Testshire Board: this "
                   "report is for agenda item '9', but the meeting's agenda has no item with that number (its items "
                   "are 1, 2)") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "repo/public"));
}

TEST_CASE("links and attachments may not leave the repository", "[e2e][errors][security]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["content/committees/board/index.md"] = "[secrets](../../../../../../etc/passwd)\n\n[abs](/etc/passwd)\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Escape attempt");
  const BuildResult r = build(dir / "repo", dir / "public");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/committees/board/index.md:1:1: error: Committee 'Testshire Board': the link '../../../../../../etc/passwd' leads outside the repository") !=
        std::string::npos);
  CHECK(r.err.find("content/committees/board/index.md:3:1: error: Committee 'Testshire Board': the link '/etc/passwd' leads outside the repository") !=
        std::string::npos);
}
