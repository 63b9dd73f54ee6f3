// The indexes derive() builds so that pages read only their own records: which meeting
// approved a meeting's minutes, what names each person, each committee's held meetings.
// Each case is shaped so that a plausible wrong index (date order instead of id order,
// scheduled meetings counted, a list forgotten, duplicates) gives a different answer.
#include <catch2/catch.hpp>

#include "load/source_tree.h"
#include "model/model_load.h"
#include "model/site_model.h"
#include "test_support.h"

namespace quorum {
namespace {

using Files = std::map<std::string, std::string>;
using Ids = std::vector<std::string>;

// Two committees. board/2017-03-01's minutes are on the agenda of three meetings: a held
// one (05-01), a scheduled one (06-15, never counts) and a held one (07-01); a held audit
// meeting approves them too, later by date but earlier by id ("audit/..." < "board/...").
Files index_site() {
  return quorum::testing::parse_sections(R"(-- site-config/site.yaml --
title: Testshire Council papers
-- content/people/ann.yaml --
name: Ann Able
-- content/people/ben.yaml --
name: Ben Baker
-- content/people/cat.yaml --
name: Cat Cole
-- content/people/dan.yaml --
name: Dan Dale
-- content/people/eve.yaml --
name: Eve Ellis
-- content/committees/board/committee.yaml --
name: Testshire Board
kind: board
members:
  - person: ann
    to: 2017-06-30
  - person: ben
  - person: ann
    from: 2017-06-01
-- content/committees/audit/committee.yaml --
name: Audit Committee
kind: committee
members:
  - person: cat
-- content/committees/board/meetings/2017-03-01/meeting.yaml --
date: 2017-03-01
status: held
attendance:
  present: [ann]
  apologies: [ben]
agenda:
  - number: "1"
    title: Apologies
-- content/committees/board/meetings/2017-05-01/meeting.yaml --
date: 2017-05-01
status: held
declarations:
  - person: ben
    item: "1"
    kind: other
agenda:
  - number: "1"
    title: Minutes
    minutes_of: board/2017-03-01
-- content/committees/board/meetings/2017-06-15/meeting.yaml --
date: 2017-06-15
status: scheduled
attendance:
  in_attendance: [eve]
agenda:
  - number: "1"
    title: Minutes
    minutes_of: board/2017-05-01
-- content/committees/board/meetings/2017-07-01/meeting.yaml --
date: 2017-07-01
status: held
agenda:
  - number: "1"
    title: Minutes
    minutes_of: board/2017-03-01
  - number: "2"
    title: Budget
    report: budget
-- content/committees/board/meetings/2017-07-01/reports/budget.md --
---
title: Budget
item: "2"
authors: [cat]
accountable: [cat]
---
The budget.
-- content/committees/audit/meetings/2017-08-01/meeting.yaml --
date: 2017-08-01
status: held
attendance:
  absent: [ben]
agenda:
  - number: "1"
    title: Minutes of the board
    minutes_of: board/2017-03-01
    presenter: dan
)");
}

SiteModel build_index_site(Diagnostics& diags) {
  Revision revision;
  revision.commit_time = 1514764800;  // 2018-01-01: never the clock
  static const MemoryTree tree(index_site(), revision);  // outlives the models made from it
  return load_model(tree, diags);
}

std::string formatted(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted()) out += d.format() + "\n";
  return out;
}

TEST_CASE("the meeting that approved minutes is the last held one in id order", "[model][derive][index]") {
  Diagnostics diags;
  const SiteModel model = build_index_site(diags);
  INFO(formatted(diags));
  REQUIRE(diags.error_count() == 0);
  // board/2017-05-01 is only on a scheduled meeting's agenda: no entry at all.
  CHECK(model.minutes_approved_by ==
        std::map<std::string, std::string>{{"board/2017-03-01", "board/2017-07-01"}});
}

TEST_CASE("a person's records are the meetings that name them, in id order, once each",
          "[model][derive][index]") {
  Diagnostics diags;
  const SiteModel model = build_index_site(diags);
  INFO(formatted(diags));
  REQUIRE(diags.error_count() == 0);
  // present; a member twice over, listed once
  CHECK(model.records_of("ann").meetings == Ids{"board/2017-03-01"});
  CHECK(model.records_of("ann").committees == Ids{"board"});
  // apologies, a declaration, and absent
  CHECK(model.records_of("ben").meetings == Ids{"audit/2017-08-01", "board/2017-03-01", "board/2017-05-01"});
  CHECK(model.records_of("ben").committees == Ids{"board"});
  // author and accountable for one report: the meeting once
  CHECK(model.records_of("cat").meetings == Ids{"board/2017-07-01"});
  CHECK(model.records_of("cat").committees == Ids{"audit"});
  // a presenter, a member of nothing
  CHECK(model.records_of("dan").meetings == Ids{"audit/2017-08-01"});
  CHECK(model.records_of("dan").committees.empty());
  // in attendance at a meeting that was not held: still named there
  CHECK(model.records_of("eve").meetings == Ids{"board/2017-06-15"});
  CHECK(model.records_of("nobody").meetings.empty());
  CHECK(model.records_of("nobody").committees.empty());
}

TEST_CASE("each committee's held meeting dates are kept oldest first", "[model][derive][index]") {
  Diagnostics diags;
  const SiteModel model = build_index_site(diags);
  INFO(formatted(diags));
  REQUIRE(diags.error_count() == 0);
  REQUIRE(model.held_meeting_dates.count("board") == 1);
  std::vector<std::string> board;
  for (const Date& d : model.held_meeting_dates.at("board")) board.push_back(d.iso());
  CHECK(board == Ids{"2017-03-01", "2017-05-01", "2017-07-01"});
  REQUIRE(model.held_meeting_dates.count("audit") == 1);
  CHECK(model.held_meeting_dates.at("audit").size() == 1);
}

// Three held meetings over two years; the 2016 one has two decisions, in minutes order.
TEST_CASE("decisions are grouped by year once: newest year first and in the register order",
          "[model][derive][index]") {
  Files files = quorum::testing::parse_sections(R"(-- site-config/site.yaml --
title: Testshire Council papers
-- content/committees/board/committee.yaml --
name: Testshire Board
kind: board
-- content/committees/board/meetings/2016-02-01/meeting.yaml --
date: 2016-02-01
status: held
agenda:
  - number: "1"
    title: Budget
  - number: "2"
    title: Libraries
-- content/committees/board/meetings/2016-02-01/minutes.md --
---
status: approved
---
## 1. Budget

RESOLVED: That the budget be approved.

## 2. Libraries

RESOLVED: That the libraries stay open.
-- content/committees/board/meetings/2017-05-01/meeting.yaml --
date: 2017-05-01
status: held
agenda:
  - number: "1"
    title: Parks
-- content/committees/board/meetings/2017-05-01/minutes.md --
---
status: approved
---
## 1. Parks

RESOLVED: That the parks be mown.
-- content/committees/board/meetings/2016-11-01/meeting.yaml --
date: 2016-11-01
status: held
agenda:
  - number: "1"
    title: Roads
-- content/committees/board/meetings/2016-11-01/minutes.md --
---
status: approved
---
## 1. Roads

RESOLVED: That the roads be mended.
)");
  Revision revision;
  revision.commit_time = 1514764800;
  const MemoryTree tree(files, revision);
  Diagnostics diags;
  const SiteModel model = load_model(tree, diags);
  INFO(formatted(diags));
  REQUIRE(diags.error_count() == 0);
  REQUIRE(model.decisions.size() == 4);
  Ids years;  // "year: decision", in the index's order
  for (const auto& [year, positions] : model.decisions_by_year) {
    for (const std::size_t i : positions)
      years.push_back(std::to_string(year) + ": " + model.decisions.at(i).text);
  }
  CHECK(years == Ids{"2017: RESOLVED: That the parks be mown.", "2016: RESOLVED: That the roads be mended.",
                     "2016: RESOLVED: That the budget be approved.",
                     "2016: RESOLVED: That the libraries stay open."});
}

}  // namespace
}  // namespace quorum
