// `quorum new`: every kind of skeleton passes `quorum check` as written, a meeting approves the
// minutes of the committee's previous meeting, nothing is ever overwritten, and a mistyped
// committee id is answered with the nearest real one.
#include <catch2/catch.hpp>
#include <sstream>

#include "cli/cli_app.h"
#include "test_support.h"

using namespace quorum::testing;

namespace {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs the command line as a clerk would type it, in-process.
CliResult quorum_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "quorum");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  CliResult r;
  r.exit_code = quorum::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

CliResult quorum_new(const std::filesystem::path& site, std::vector<std::string> args) {
  args.insert(args.begin(), "new");
  args.push_back("--source");
  args.push_back(site.string());
  return quorum_cli(args);
}

}  // namespace

TEST_CASE("each kind of new file passes check as it stands", "[e2e][new]") {
  TempDir dir;
  const auto site = dir / "site";
  write_files(site, parse_sections(minimal_site()));

  auto r = quorum_new(site, {"committee", "finance-sub", "--name", "Finance sub-group: \"money\", #1",
                             "--kind", "sub-group", "--parent", "board"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Created content/committees/finance-sub/committee.yaml") != std::string::npos);
  CHECK(r.out.find("Next: ") != std::string::npos);

  r = quorum_new(site, {"person", "carol-officer", "--name", "Carol Officer"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Created content/people/carol-officer.yaml") != std::string::npos);

  r = quorum_new(site, {"document", "care-strategy", "--title", "Care: a strategy", "--kind", "strategy"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Created content/documents/care-strategy.md") != std::string::npos);

  r = quorum_new(site,
                 {"meeting", "board", "2017-10-20", "--time", "14:00", "--venue", "Room 1: Civic Offices"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto meeting = site / "content/committees/board/meetings/2017-10-20/meeting.yaml";
  CHECK(r.out.find("Created content/committees/board/meetings/2017-10-20/meeting.yaml") != std::string::npos);
  const std::string yaml = read(meeting);
  // The latest earlier meeting of the board, not the first one.
  CHECK(yaml.find("minutes_of: board/2017-09-08\n") != std::string::npos);
  for (const char* kind : {"kind: apologies", "kind: declarations", "kind: minutes", "kind: urgent"}) {
    CHECK(yaml.find(kind) != std::string::npos);
  }
  CHECK(yaml.find("start: \"14:00\"") != std::string::npos);

  // A committee's first meeting has no minutes to approve.
  r = quorum_new(site, {"meeting", "finance-sub", "2017-11-01"});
  REQUIRE(r.exit_code == 0);
  CHECK(read(site / "content/committees/finance-sub/meetings/2017-11-01/meeting.yaml").find("minutes_of") ==
        std::string::npos);

  // A report gets an agenda item of its own when none is named.
  r = quorum_new(site, {"report", "board/2017-10-20", "care-plan", "--title", "Care plan 2017/18"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Created content/committees/board/meetings/2017-10-20/reports/care-plan.md") !=
        std::string::npos);
  CHECK(r.out.find("Changed content/committees/board/meetings/2017-10-20/meeting.yaml") != std::string::npos);
  CHECK(read(meeting).find("report: care-plan") != std::string::npos);

  const BuildResult checked = check(site);
  INFO(checked.err);
  CHECK(checked.exit_code == 0);
  CHECK(checked.err.find("error") == std::string::npos);
  CHECK(checked.err.find("warning") == std::string::npos);
  // Both new meetings, and the new committee, are in the model that was checked.
  CHECK(checked.out.find("4 meetings") != std::string::npos);
  CHECK(checked.out.find("2 committees") != std::string::npos);
}

TEST_CASE("new never overwrites an existing file", "[e2e][new]") {
  TempDir dir;
  const auto site = dir / "site";
  write_files(site, parse_sections(minimal_site()));
  const auto person = site / "content/people/ada-clerk.yaml";
  const std::string before = read(person);
  auto r = quorum_new(site, {"person", "ada-clerk", "--name", "Someone Else"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/people/ada-clerk.yaml already exists") != std::string::npos);
  CHECK(read(person) == before);

  r = quorum_new(site, {"meeting", "board", "2017-09-08"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("meetings/2017-09-08/meeting.yaml already exists") != std::string::npos);
  CHECK(r.err.find("2017-09-08-suffix") != std::string::npos);

  r = quorum_new(site, {"report", "board/2017-07-19", "budget", "--title", "Again"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("reports/budget.md already exists") != std::string::npos);
}

TEST_CASE("new refuses bad ids, dates and unknown committees, suggesting the nearest", "[e2e][new]") {
  TempDir dir;
  const auto site = dir / "site";
  write_files(site, parse_sections(minimal_site()));
  auto r = quorum_new(site, {"meeting", "bord", "2017-10-20"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("there is no committee 'bord'") != std::string::npos);
  CHECK(r.err.find("Did you mean 'board'?") != std::string::npos);

  r = quorum_new(site, {"meeting", "board", "2017-02-30"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("'2017-02-30' is not a date") != std::string::npos);

  r = quorum_new(site, {"person", "Carol Officer", "--name", "Carol Officer"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("for example 'carol-officer'") != std::string::npos);

  r = quorum_new(site, {"report", "board/2017-07-20", "x", "--title", "X"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("Did you mean 'board/2017-07-19'?") != std::string::npos);

  r = quorum_new(site, {"committee", "sub", "--name", "Sub", "--parent", "boardd"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("Did you mean 'board'?") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(site / "content/committees/sub"));

  const auto files_before = list_files(site);
  r = quorum_new(site, {"widget", "x"});
  CHECK(r.exit_code == 2);
  CHECK(list_files(site) == files_before);
}
