// Each kind of mistake produces a message a clerk understands: which thing (by its name or
// date), what is wrong, which file was expected, and the nearest existing id; each under the
// path:line:column of the mistake. One row per kind of mistake, on the minimal site.
#include <catch2/catch.hpp>
#include <sstream>

#include "cli/cli_app.h"
#include "test_support.h"

using namespace quorum::testing;

namespace {

const std::string kFirst = "content/committees/board/meetings/2017-07-19/meeting.yaml";
const std::string kSecond = "content/committees/board/meetings/2017-09-08/meeting.yaml";
const std::string kCommittee = "content/committees/board/committee.yaml";
const std::string kIndex = "content/committees/board/index.md";

struct Case {
  const char* name;
  Files changes;          // files replaced (or added) in the minimal site
  std::string line;       // the whole expected line of output, or its beginning
  std::string also = {};  // and this, elsewhere in the output
};

std::string replaced(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = parse_sections(minimal_site()).at(path);
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<Case> cases() {
  return {
      {"a person who does not exist",
       {{kFirst, replaced(kFirst, "present: [bob-member]", "present: [bob-membr]")}},
       kFirst +
           ":4:13: error: Meeting 2017-07-19 of Testshire Board: the attendance list names person "
           "'bob-membr', but there is no file content/people/bob-membr.yaml. Did you mean 'bob-member'?"},
      {"a committee that does not exist",
       {{kCommittee, replaced(kCommittee, "kind: board\n", "kind: board\nreports_to: [bord]\n")}},
       kCommittee +
           ":1:1: error: Committee 'Testshire Board': 'reports_to' names committee 'bord', but there "
           "is no file content/committees/bord/committee.yaml. Did you mean 'board'?"},
      {"a report that does not exist",
       {{kFirst, replaced(kFirst, "report: budget", "report: budgett")}},
       kFirst +
           ":11:5: error: Meeting 2017-07-19 of Testshire Board: agenda item 2 points to report 'budgett', "
           "but there is no file content/committees/board/meetings/2017-07-19/reports/budgett.md. Did you "
           "mean 'budget'?"},
      {"a meeting that does not exist",
       {{kSecond, replaced(kSecond, "    kind: minutes\n",
                           "    kind: minutes\n    papers_from: [board/2017-07-20]\n")}},
       kSecond +
           ":4:5: error: Meeting 2017-09-08 of Testshire Board: agenda item 1's 'papers_from' names "
           "meeting 'board/2017-07-20', but there is no file "
           "content/committees/board/meetings/2017-07-20/meeting.yaml. Did you mean 'board/2017-07-19'?"},
      {"minutes of a meeting that does not exist",
       {{kSecond, replaced(kSecond, "minutes_of: board/2017-07-19", "minutes_of: board/2017-07-18")}},
       kSecond +
           ":4:5: error: Meeting 2017-09-08 of Testshire Board: agenda item 1's 'minutes_of' names "
           "meeting 'board/2017-07-18', but there is no file "
           "content/committees/board/meetings/2017-07-18/meeting.yaml. Did you mean 'board/2017-07-19'?"},
      {"a date that is not a date",
       {{kSecond, replaced(kSecond, "date: 2017-09-08", "date: 2017-09-31")}},
       kSecond +
           ":1:7: error: Meeting 2017-09-08 of Testshire Board: 'date' is '2017-09-31', which is not a date "
           "on the calendar: write it as YYYY-MM-DD, for example 2017-09-08"},
      {"a field nobody reads",
       {{kSecond, replaced(kSecond, "status: held\n", "status: held\nvenu: Hall\n")}},
       kSecond +
           ":3:1: warning: Meeting 2017-09-08 of Testshire Board has no field 'venu'; it is ignored. Did "
           "you mean 'venue'?"},
      {"a value not in the list",
       {{kSecond, replaced(kSecond, "status: held", "status: hled")}},
       kSecond +
           ":2:9: error: Meeting 2017-09-08 of Testshire Board: 'status' is 'hled', which is not one of: "
           "scheduled, held, cancelled, postponed. Did you mean 'held'?"},
      {"a YAML syntax error",
       {{"content/people/ada-clerk.yaml", "name: Ada Clerk\npositions:\n  - title: [unclosed\n"}},
       "content/people/ada-clerk.yaml:4:",
       "error: YAML syntax: "},
      {"a required field left out",
       {{kCommittee, replaced(kCommittee, "kind: board\n", "")}},
       kCommittee + ":1:1: error: Committee 'Testshire Board' needs a 'kind' field: add a line 'kind: ...'"},
      {"a link to a file that does not exist",
       {{kIndex, "The papers are [here](meetings/2017-07-19/agenda.pdf).\n"},
        {"content/committees/board/meetings/2017-07-19/agenda1.pdf", "%PDF-1.4\n"}},
       kIndex + ":1:16: error: Committee 'Testshire Board': there is no file "
                "content/committees/board/meetings/2017-07-19/agenda.pdf in the repository. Did you mean "
                "'agenda1.pdf'?"},
      {"a typed link to a person who does not exist",
       {{kIndex, "The board meets [with its clerk](person:ada-clark).\n"}},
       kIndex +
           ":1:17: error: Committee 'Testshire Board': the link to person 'ada-clark' leads nowhere: there "
           "is no file content/people/ada-clark.yaml. Did you mean 'ada-clerk'?"},
      {"a report for an agenda item that does not exist",
       {{"content/committees/board/meetings/2017-07-19/reports/budget.md",
         "---\ntitle: Budget\nitem: \"9\"\n---\nBody\n"}},
       "content/committees/board/meetings/2017-07-19/reports/budget.md:3:7: error: Report 'budget' to "
       "meeting "
       "2017-07-19 of Testshire Board: this report is for agenda item '9', but the meeting's agenda has no "
       "item "
       "with that number (its items are 1, 2)"},
  };
}

}  // namespace

TEST_CASE("each kind of mistake is explained in a clerk's words", "[e2e][messages]") {
  for (const auto& c : cases()) {
    DYNAMIC_SECTION(c.name) {
      TempDir dir;
      Files files = parse_sections(minimal_site());
      for (const auto& [path, text] : c.changes) files[path] = text;
      write_files(dir / "repo", files);
      const BuildResult r = check(dir / "repo");
      INFO(r.err);
      CHECK(r.exit_code == (c.line.find(": warning: ") != std::string::npos ? 0 : 1));
      CHECK(r.err.find(c.line) != std::string::npos);
      CHECK(r.err.find(c.also) != std::string::npos);
    }
  }
}

TEST_CASE("check --format github prints workflow commands, escaped", "[e2e][messages]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files[kFirst] = replaced(kFirst, "present: [bob-member]", "present: [bob-membr]");
  files[kSecond] = replaced(kSecond, "status: held\n", "status: held\nvenu: Hall\n");
  write_files(dir / "repo", files);
  std::vector<std::string> args = {"quorum",   "check", "--source", (dir / "repo").string(),
                                   "--format", "github"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  CHECK(quorum::run_cli(static_cast<int>(argv.size()), argv.data(), out, err) == 1);
  INFO(err.str());
  CHECK(err.str().find(
            "::error file=" + kFirst +
            ",line=4,col=13,title=Quorum::Meeting 2017-07-19 of Testshire Board: the attendance list "
            "names person 'bob-membr', but there is no file content/people/bob-membr.yaml. Did you mean "
            "'bob-member'?\n") != std::string::npos);
  CHECK(err.str().find("::warning file=" + kSecond + ",line=3,col=1,title=Quorum::Meeting 2017-09-08") !=
        std::string::npos);
  // Not the text form.
  CHECK(err.str().find(kFirst + ":4:13: error:") == std::string::npos);

  // An unknown style is a usage error.
  args[5] = "xml";
  argv.clear();
  for (auto& a : args) argv.push_back(a.data());
  CHECK(quorum::run_cli(static_cast<int>(argv.size()), argv.data(), out, err) == 2);
}
