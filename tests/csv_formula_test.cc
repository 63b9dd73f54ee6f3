// Open data CSV files must not carry spreadsheet formulas (issue 20): a cell a spreadsheet
// would run (=, +, -, @, tab, carriage return first) is published beginning with an
// apostrophe, which spreadsheets show as text.
#include <catch2/catch.hpp>

#include "csv_records.h"
#include "test_support.h"

using namespace quorum::testing;

TEST_CASE("no CSV cell begins a formula, whatever the clerk typed", "[e2e][csv][security]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  const std::string meeting = "content/committees/board/meetings/2017-07-19/meeting.yaml";
  std::string yaml = files[meeting];
  yaml.replace(yaml.find("declarations: none\n"), 19,
               "venue: \"=HYPERLINK(\\\"https://evil.example/\\\",\\\"Room 1\\\")\"\n"
               "declarations:\n  - person: bob-member\n    item: \"2\"\n    kind: other\n"
               "    nature: \"+cmd|' /C calc'!A0\"\n    action: \"@SUM(1+1)*cmd|' /C calc'!A0\"\n");
  files[meeting] = yaml;
  std::string& bob = files["content/people/bob-member.yaml"];
  bob.replace(bob.find("name: Bob Member"), 16, "name: \"-2+3+cmd|' /C calc'!A0\"");
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Formulas");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::size_t neutralised = 0;
  for (const char* name : {"meetings.csv", "decisions.csv", "attendance.csv", "declarations.csv"}) {
    INFO(name);
    for (const auto& row : parse_csv(read(dir / "public/data" / name))) {
      for (const auto& cell : row) {
        INFO(cell);
        const auto first = cell.find_first_not_of(' ');
        if (first == std::string::npos) continue;
        CHECK(std::string("=+-@\t\r").find(cell[first]) == std::string::npos);
        if (cell[first] == '\'') ++neutralised;
      }
    }
  }
  // The venue, the nature and the action (the name is written after its honorific).
  CHECK(neutralised >= 3);
  // The text itself is kept, after the apostrophe.
  CHECK(read(dir / "public/data/meetings.csv").find("'=HYPERLINK(") != std::string::npos);
  // And the data page says so.
  CHECK(read(dir / "public/data/index.html").find("begins with an apostrophe") != std::string::npos);
}
