// Rendering on several threads gives the same site, byte for byte, and the same messages in
// the same order, as rendering on one; the progress line and --verbose timings.
#include <catch2/catch.hpp>
#include <sstream>

#include "build/run_build.h"
#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

// Committees in a hierarchy, each with meetings, minutes and reports that link to each other,
// people who attend, and some files that draw warnings, so many pages of every kind exist.
Files generated_site(int committees, int meetings_each) {
  Files files = parse_sections(minimal_site());
  for (int p = 0; p < 12; ++p) {
    files["content/people/person-" + std::to_string(p) + ".yaml"] =
        "name: Person " + std::to_string(p) +
        "\nhonorific: Councillor\npositions:\n  - title: Councillor\n"
        "    organisation: testshire-council\n    from: 2010-01-01\n";
  }
  for (int c = 0; c < committees; ++c) {
    const std::string id = "committee-" + std::to_string(c);
    const std::string dir = "content/committees/" + id + "/";
    files[dir + "committee.yaml"] =
        "name: Committee " + std::to_string(c) + "\nkind: committee\n" +
        (c > 0 ? "reports_to: [committee-" + std::to_string((c - 1) / 2) + "]\n" : "") +
        "members:\n  - person: person-" + std::to_string(c % 12) + "\n    role: chair\n";
    files[dir + "index.md"] =
        "Committee " + std::to_string(c) + " reports to [the board](committee:board).\n";
    for (int m = 0; m < meetings_each; ++m) {
      const std::string date = "2018-" + std::string(m + 1 < 10 ? "0" : "") + std::to_string(m + 1) + "-1" +
                               std::to_string(c % 10);
      const std::string meeting = dir + "meetings/" + date + "/";
      files[meeting + "meeting.yaml"] =
          "date: " + date + "\nstatus: held\nattendance:\n  present: [person-" + std::to_string(m % 12) +
          ", person-" + std::to_string((m + c) % 12) +
          "]\nagenda:\n  - number: \"1\"\n    title: Apologies\n    kind: apologies\n"
          "  - number: \"2\"\n    title: Finance report\n    report: finance\n    topics: [finance]\n"
          "  - number: \"3\"\n    title: Care report\n    report: care\n    topics: [care]\n";
      for (const std::string report : {"finance", "care"}) {
        files[meeting + "reports/" + report + ".md"] =
            "---\ntitle: The " + report + " report of " + date + "\nitem: \"" +
            (report == "finance" ? "2" : "3") + "\"\nauthors: [person-" + std::to_string(m % 12) +
            "]\n---\n## Summary\n\nAs [the committee](committee:" + id + ") asked, on " + date +
            ".\n\n| Line | Amount |\n|------|--------|\n| " + report + " | " + std::to_string(100 * m + c) +
            " |\n";
      }
      // Every third set of minutes has no front matter: a warning each, all from the model.
      files[meeting + "minutes.md"] =
          std::string(m % 3 == 0 ? "" : "---\nstatus: approved\n---\n") +
          "## 1. Apologies\n\nNone.\n\n## 2. Finance\n\n" +
          "The committee discussed [the report](reports/finance.md).\n\nRESOLVED: That the report for " +
          date + " be noted.\n";
    }
  }
  return files;
}

quorum::BuildRequest request_for(const fs::path& source, const fs::path& out, unsigned jobs) {
  quorum::BuildRequest request;
  request.source = source;
  request.out = out;
  request.jobs = jobs;
  request.clean = true;
  request.working_tree = true;
  return request;
}

struct Run {
  int exit_code = -1;
  std::string out, err;
};

Run run(const quorum::BuildRequest& request) {
  std::ostringstream out, err;
  Run r;
  r.exit_code = quorum::run_build(request, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

void same_tree(const fs::path& a, const fs::path& b) {
  const auto files = list_files(a);
  REQUIRE(files.size() > 10);
  REQUIRE(files == list_files(b));
  for (const auto& f : files) {
    INFO(f);
    CHECK(read(a / f) == read(b / f));
  }
}

}  // namespace

TEST_CASE("a generated site built on 4 threads is byte-identical to one built on 1", "[e2e][parallel]") {
  TempDir dir;
  write_files(dir / "repo", generated_site(7, 8));
  commit_all(dir / "repo", "Publish");
  auto one = request_for(dir / "repo", dir / "one", 1);
  auto four = request_for(dir / "repo", dir / "four", 4);
  one.working_tree = four.working_tree = false;  // from git, with page histories
  const Run a = run(one);
  const Run b = run(four);
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  // The warnings, in the same order.
  CHECK(a.err.find("warning") != std::string::npos);
  CHECK(a.err == b.err);
  same_tree(dir / "one", dir / "four");
  CHECK(list_files(dir / "one").count("committees/committee-6/2018-08-16/reports/care/index.html") == 1);

  // And an incremental rebuild on 4 threads after one change equals a clean one on 1.
  const std::string minutes = "content/committees/committee-3/meetings/2018-02-13/minutes.md";
  write_files(dir / "repo", {{minutes, read(dir / "repo" / minutes) + "\nA correction.\n"}});
  commit_all(dir / "repo", "Correct one set of minutes", 1500086400);
  four.clean = false;
  const Run c = run(four);
  REQUIRE(c.exit_code == 0);
  CHECK(c.out.find(" rendered,") != std::string::npos);
  REQUIRE(run(one).exit_code == 0);
  same_tree(dir / "one", dir / "four");
}

TEST_CASE("files parsed on 4 threads give the messages, in order, and the site of 1 thread", "[e2e][parallel]") {
  TempDir dir;
  Files files = generated_site(6, 9);
  // A warning from the parse of most files: unknown fields in every report's front matter and
  // in every meeting.yaml, from git so blobs are read on several threads.
  for (auto& [path, text] : files) {
    if (path.find("/reports/") != std::string::npos) text.insert(4, "colour: blue\n");
    if (path.size() > 12 && path.compare(path.size() - 12, 12, "meeting.yaml") == 0) text += "venu: Hall\n";
  }
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Publish");
  auto one = request_for(dir / "repo", dir / "one", 1);
  auto four = request_for(dir / "repo", dir / "four", 4);
  one.working_tree = four.working_tree = false;
  quorum::Diagnostics one_diags, four_diags;
  std::ostringstream out, err_one, err_four;
  REQUIRE(quorum::run_build(one, out, err_one, &one_diags) == 0);
  REQUIRE(quorum::run_build(four, out, err_four, &four_diags) == 0);
  REQUIRE(one_diags.warning_count() > 150);
  std::vector<std::string> in_order_one, in_order_four;
  for (const auto& d : one_diags.all()) in_order_one.push_back(d.format());
  for (const auto& d : four_diags.all()) in_order_four.push_back(d.format());
  CHECK(in_order_one == in_order_four);
  CHECK(err_one.str() == err_four.str());
  same_tree(dir / "one", dir / "four");

  // With errors in many files as well: the same messages in the same order, nothing written.
  for (auto& [path, text] : files) {
    if (path.find("/reports/care.md") != std::string::npos) text = "---\ntitle: [unclosed\n---\nBody\n";
    if (path.find("/minutes.md") != std::string::npos) text += "[a link](nowhere.md)\n";
  }
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Break", 1500086400);
  one.out = dir / "one-broken";
  four.out = dir / "four-broken";
  quorum::Diagnostics broken_one, broken_four;
  CHECK(quorum::run_build(one, out, err_one, &broken_one) != 0);
  CHECK(quorum::run_build(four, out, err_four, &broken_four) != 0);
  REQUIRE(broken_one.error_count() > 100);
  std::vector<std::string> broken_in_order_one, broken_in_order_four;
  for (const auto& d : broken_one.all()) broken_in_order_one.push_back(d.format());
  for (const auto& d : broken_four.all()) broken_in_order_four.push_back(d.format());
  CHECK(broken_in_order_one == broken_in_order_four);
  CHECK(!fs::exists(dir / "one-broken"));
}

TEST_CASE("the sample site built on 4 threads is byte-identical to one built on 1", "[e2e][parallel]") {
  TempDir dir;
  const Run a = run(request_for(QUORUM_REPO_DIR, dir / "one", 1));
  const Run b = run(request_for(QUORUM_REPO_DIR, dir / "four", 4));
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  CHECK(a.err == b.err);
  same_tree(dir / "one", dir / "four");
}

TEST_CASE("check renders on several threads and reports the same", "[e2e][parallel]") {
  TempDir dir;
  write_files(dir / "repo", generated_site(3, 4));
  auto one = request_for(dir / "repo", dir / "unused", 1);
  one.check_only = true;
  auto four = one;
  four.jobs = 4;
  const Run a = run(one);
  const Run b = run(four);
  REQUIRE(a.exit_code == 0);
  CHECK(a.err == b.err);
  CHECK(!fs::exists(dir / "unused"));
}

TEST_CASE("build --verbose prints each stage's time and the counts", "[e2e][parallel]") {
  TempDir dir;
  write_files(dir / "repo", generated_site(2, 2));
  auto request = request_for(dir / "repo", dir / "public", 2);
  request.verbose = true;
  const Run r = run(request);
  REQUIRE(r.exit_code == 0);
  for (const std::string stage :
       {"Timings:", "load", "history", "parse+model", "theme", "render+write", "commit", "total", "ms wall",
        "ms CPU", "Counts:", " pages (", "2 threads"}) {
    INFO(stage);
    CHECK(r.out.find(stage) != std::string::npos);
  }
  request.verbose = false;
  CHECK(run(request).out.find("Timings:") == std::string::npos);
}

TEST_CASE("no progress line is drawn when stderr is not a terminal", "[e2e][parallel]") {
  TempDir dir;
  write_files(dir / "repo", generated_site(2, 3));
  // The real command line, its stderr a file: the progress line is on, but not a terminal.
  const std::string command = "'" + std::string(QUORUM_BINARY) + "' build --working-tree --source '" +
                              (dir / "repo").string() + "' --out '" + (dir / "public").string() +
                              "' -j 2 >'" + (dir / "out.txt").string() + "' 2>'" +
                              (dir / "err.txt").string() + "'";
  REQUIRE(shell(command) == 0);
  const std::string err = read(dir / "err.txt");
  CHECK(err.find("Rendering pages") == std::string::npos);
  CHECK(err.find('\r') == std::string::npos);
  CHECK(read(dir / "out.txt").find("Wrote ") != std::string::npos);
  // Under `script`, stderr is a terminal, and the line is drawn.
  if (shell("command -v script >/dev/null 2>&1") == 0) {
    const std::string tty = "script -qec \"'" + std::string(QUORUM_BINARY) +
                            "' build --working-tree --source '" + (dir / "repo").string() + "' --out '" +
                            (dir / "tty").string() + "'\" /dev/null >'" + (dir / "tty.txt").string() +
                            "' 2>&1";
    REQUIRE(shell(tty) == 0);
    CHECK(read(dir / "tty.txt").find("\rRendering pages ") != std::string::npos);
  }
}
