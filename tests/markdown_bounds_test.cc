// Bounded work on hostile Markdown (issue 20): minutes shaped so that cmark-gfm would take
// minutes to read them fail the build at their line, and nothing is published.
#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

const std::string kMinutes = "content/committees/board/meetings/2017-07-19/minutes.md";

std::string rep(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("markdown bounds: minutes of nested images and links fail the build at their line",
          "[e2e][hostile][bounds]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  // 600 KB of nested images and links (CVE-2023-22486): minutes of work for cmark-gfm
  // 0.29.0.gfm.6, on line 9 of the file (after four lines of front matter).
  files[kMinutes] =
      "---\nstatus: approved\napproved_at: board/2017-09-08\n---\n## 1. Apologies\n\nNone.\n\n" +
      rep("![[]() ", 85000) + "\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Hostile minutes");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(kMinutes + ":9:"));
  CHECK_THAT(r.err, Catch::Contains("square brackets '[' that are not closed"));
  CHECK_FALSE(fs::exists(dir / "public"));
}

TEST_CASE("markdown bounds: a table of 6,000 columns in minutes fails the build at the table's line",
          "[e2e][hostile][bounds]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files[kMinutes] =
      "---\nstatus: approved\napproved_at: board/2017-09-08\n---\n## 1. Apologies\n\nNone.\n\n|" +
      rep("x|", 6000) + "\n|" + rep("-|", 6000) + "\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Wide table");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(kMinutes + ":9:1: error: this table has 6,000 columns"));
  CHECK_FALSE(fs::exists(dir / "public"));
}

TEST_CASE("markdown bounds: an agenda item's description of that shape fails the build at its field",
          "[e2e][hostile][bounds]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  const std::string meeting = "content/committees/board/meetings/2017-09-08/meeting.yaml";
  files[meeting] =
      "date: 2017-09-08\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Minutes of the last meeting\n"
      "    kind: minutes\n    minutes_of: board/2017-07-19\n    description: \"" +
      rep("*t ", 3000) + rep("_t*_ ", 3000) + "\"\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Hostile description");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(meeting + ":8:"));
  CHECK_THAT(r.err, Catch::Contains("in this description, line 1: this paragraph has more than 5,000 marks"));
  CHECK_FALSE(fs::exists(dir / "public"));
}
