// `quorum check --publishing-rules`: the agenda deadline measured from when meeting.yaml was
// first committed (commits made at controlled times), and minutes left in draft.
#include <catch2/catch.hpp>
#include <sstream>

#include "build/run_build.h"
#include "support/date.h"
#include "test_support.h"

using namespace quorum::testing;

namespace {

const std::string kMeeting = "content/committees/board/meetings/2026-11-09/meeting.yaml";

// Noon UTC (and so in London, in winter) on a day.
long long noon(const char* iso) { return quorum::Date::parse(iso)->days_since_epoch() * 86400LL + 12 * 3600; }

BuildResult check_rules(const std::filesystem::path& source, bool rules = true) {
  quorum::BuildRequest request;
  request.source = source;
  request.check_only = true;
  request.publishing_rules = rules;
  std::ostringstream out, err;
  BuildResult r;
  r.exit_code = quorum::run_build(request, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// The sample repository, committed well before its meetings, then one meeting's agenda
// committed on `published` for a meeting on `meeting_day`.
void repository_with_agenda(const std::filesystem::path& repo, const char* published, const char* meeting_day,
                            const std::string& bank_holidays = "") {
  Files files = parse_sections(minimal_site());
  files["site-config/site.yaml"] += bank_holidays;
  write_files(repo, files);
  commit_all(repo, "The archive", noon("2017-06-01"));
  const std::string day = meeting_day;
  write_files(repo,
              {{"content/committees/board/meetings/" + day + "/meeting.yaml",
                "date: " + day + "\nstatus: scheduled\nagenda:\n  - number: \"1\"\n    title: Apologies\n"}});
  commit_all(repo, "Agenda for " + day, noon(published));
}

bool late_agenda_warning(const BuildResult& r, const std::string& path) {
  return r.err.find(path + ":1:1: warning: Meeting ") != std::string::npos &&
         r.err.find("clear working day") != std::string::npos;
}

}  // namespace

TEST_CASE("an agenda seven days ahead across a weekend is late", "[e2e][publishing]") {
  TempDir dir;
  repository_with_agenda(dir / "repo", "2026-11-02", "2026-11-09");  // Monday to Monday
  const BuildResult r = check_rules(dir / "repo");
  INFO(r.err);
  CHECK(r.exit_code == 0);  // a warning, not an error
  CHECK(late_agenda_warning(r, kMeeting));
  CHECK(r.err.find("first published on Monday 2 November 2026, 4 clear working days before the meeting") !=
        std::string::npos);
  CHECK(r.err.find("that is by Friday 30 October 2026") != std::string::npos);
  // Only when asked for.
  CHECK_FALSE(late_agenda_warning(check_rules(dir / "repo", false), kMeeting));
}

TEST_CASE("seven days from Saturday to Saturday hold five clear working days", "[e2e][publishing]") {
  TempDir dir;
  repository_with_agenda(dir / "repo", "2026-10-31", "2026-11-07");
  const BuildResult r = check_rules(dir / "repo");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning") == std::string::npos);
}

TEST_CASE("five clear working days are enough", "[e2e][publishing]") {
  TempDir dir;
  repository_with_agenda(dir / "repo", "2026-11-02", "2026-11-10");  // Monday to the Tuesday after
  const BuildResult r = check_rules(dir / "repo");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning") == std::string::npos);
}

TEST_CASE("bank holidays in site.yaml are not working days", "[e2e][publishing]") {
  const std::string path = "content/committees/board/meetings/2026-12-29/meeting.yaml";
  SECTION("with Christmas listed, the agenda is late") {
    TempDir dir;
    repository_with_agenda(dir / "repo", "2026-12-18", "2026-12-29",
                           "bank_holidays: [2026-12-25, 2026-12-28]\n");
    const BuildResult r = check_rules(dir / "repo");
    INFO(r.err);
    CHECK(late_agenda_warning(r, path));
    CHECK(r.err.find("4 clear working days") != std::string::npos);
  }
  SECTION("without them, the same dates are in time") {
    TempDir dir;
    repository_with_agenda(dir / "repo", "2026-12-18", "2026-12-29");
    const BuildResult r = check_rules(dir / "repo");
    INFO(r.err);
    CHECK_FALSE(late_agenda_warning(r, path));
  }
}

TEST_CASE("bank_holidays must be dates", "[e2e][publishing]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["site-config/site.yaml"] += "bank_holidays:\n  - 2026-12-25\n  - 2026-13-01\n  - 2026-12-26\n";
  write_files(dir / "repo", files);
  const BuildResult r = check(dir / "repo");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("site-config/site.yaml:7:5: error: each of 'bank_holidays' should be a date") !=
        std::string::npos);
  CHECK(r.err.find("site-config/site.yaml:8:5: warning: bank holiday 2026-12-26 is a Saturday") !=
        std::string::npos);
}

TEST_CASE("minutes still in draft after the next meeting are flagged", "[e2e][publishing]") {
  const std::string minutes = "content/committees/board/meetings/2017-07-19/minutes.md";
  for (const bool draft : {true, false}) {
    TempDir dir;
    Files files = parse_sections(minimal_site());
    if (draft) {
      files[minutes].replace(files[minutes].find("status: approved"), 16, "status: draft");
    }
    write_files(dir / "repo", files);
    commit_all(dir / "repo", "The archive", noon("2017-06-01"));
    const BuildResult r = check_rules(dir / "repo");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    const bool warned =
        r.err.find(minutes +
                   ":1:1: warning: Minutes of the meeting of Testshire Board on 19 July 2017 are still a "
                   "draft, but the committee has met again since (8 September 2017)") != std::string::npos;
    CHECK(warned == draft);
  }
}
