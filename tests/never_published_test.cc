// Exempt and withheld material must reach no output file of any kind. Unique markers are
// planted in every such field and the whole output is searched for them.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "write/atomic_output.h"

using namespace quorum::testing;
namespace fs = std::filesystem;
using quorum::AtomicOutput;

namespace {

const char* const kMarkers[] = {"MARKER-DESCRIPTION-1", "MARKER-REASON-2",  "MARKER-REPORT-TITLE-3",
                                "MARKER-REPORT-BODY-4", "MARKER-MINUTES-5", "MARKER-SENSITIVE-6",
                                "MARKER-APPENDIX-7",    "MARKER-ACTION-8",  "MARKER-RECOMMENDATION-9",
                                "MARKER-ACTION-10"};

}  // namespace

TEST_CASE("exempt items and sensitive interests never reach the output", "[e2e][security]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["content/people/bob-member.yaml"] =
      "name: Bob Member\nregister:\n  - category: land\n    description: MARKER-SENSITIVE-6 address\n"
      "    sensitive: true\n  - category: employment\n    description: Plumber\n";
  files["content/committees/board/meetings/2017-07-19/meeting.yaml"] = R"(date: 2017-07-19
status: held
agenda:
  - number: "1"
    title: Apologies
  - number: "2"
    title: Budget report
    report: budget
  - number: "3"
    title: Care home contract award
    report: contract
    description: MARKER-DESCRIPTION-1 details
    exempt:
      paragraph: 3
      reason: MARKER-REASON-2 public interest test
)";
  files["content/committees/board/meetings/2017-07-19/reports/contract.md"] = R"(---
title: MARKER-REPORT-TITLE-3
item: "3"
classification: exempt
paragraph: 3
recommendations: [MARKER-RECOMMENDATION-9]
appendices:
  - title: Tender prices
    file: ../tender prices.csv
---
MARKER-REPORT-BODY-4 the prices.
)";
  files["content/committees/board/meetings/2017-07-19/tender prices.csv"] = "MARKER-APPENDIX-7,1\n";
  files["content/committees/board/meetings/2017-07-19/minutes.md"] = R"(---
status: approved
actions:
  - item: "3"
    action: MARKER-ACTION-8 chase the supplier
  - item: "2"
    action: Publish the budget
---
## 1. Apologies

None.

## 2. Budget report

RESOLVED: That the budget be approved.

## 3. Care home contract award

MARKER-MINUTES-5 the board chose a supplier.

RESOLVED: MARKER-MINUTES-5 That the contract be awarded.
)";
  // Minutes whose front matter has an exempt item's action.
  files["content/committees/board/meetings/2017-08-02/meeting.yaml"] =
      "date: 2017-08-02\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Land sale\n"
      "    exempt:\n      paragraph: 3\n  - number: \"2\"\n    title: Any other business\n";
  files["content/committees/board/meetings/2017-08-02/minutes.md"] =
      "---\nstatus: approved\nactions:\n  - item: \"1\"\n    action: MARKER-ACTION-10 value the land\n---\n"
      "## 1. Land sale\n\nConsidered in private.\n\n## 2. Any other business\n\nNone.\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Exempt business");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Nor the caches Quorum keeps beside the site (which a CI job may upload), on a first
  // build or on one that reads them back.
  const fs::path cache = AtomicOutput::cache_dir(dir / "public");
  REQUIRE(fs::exists(cache / "parse/markdown.cache"));
  for (int build_number = 1; build_number <= 2; ++build_number) {
    INFO("build " << build_number);
    if (build_number == 2) REQUIRE(build(dir / "repo", dir / "public").exit_code == 0);
    for (const char* marker : kMarkers) {
      std::string where;
      INFO(marker);
      CHECK_FALSE(any_file_contains(dir / "public", marker, &where));
      CHECK_FALSE(any_file_contains(cache, marker, &where));
      INFO(where);
    }
  }
  // The cache itself works: a public report is in it.
  CHECK(read(cache / "parse/markdown.cache").find("Budget report 2017") != std::string::npos);
  // What the law allows is published: the item's number, title and paragraph.
  const auto meeting = read(dir / "public/committees/board/2017-07-19/index.html");
  CHECK(meeting.find("Care home contract award") != std::string::npos);
  CHECK(meeting.find("paragraph 3 of Schedule 12A") != std::string::npos);
  CHECK(meeting.find("financial or business affairs") != std::string::npos);
  CHECK(list_files(dir / "public").count("committees/board/2017-07-19/reports/contract/index.html") == 0);
  const auto minutes = read(dir / "public/committees/board/2017-07-19/minutes/index.html");
  CHECK(minutes.find("considered in private") != std::string::npos);
  CHECK(minutes.find("Publish the budget") != std::string::npos);
  // The sensitive interest shows its category, never its description.
  const auto person = read(dir / "public/people/bob-member/index.html");
  CHECK(person.find("Withheld") != std::string::npos);
  CHECK(person.find("Plumber") != std::string::npos);
}
