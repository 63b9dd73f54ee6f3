// Person and minutes pages read the model's indexes (SiteModel::person_records and
// minutes_approved_by) instead of every meeting; these cases hold them to what a scan of
// every meeting gives: overlapping and broken memberships, meetings that were not held,
// committees in id order, and the last approving meeting in id order.
#include <catch2/catch.hpp>

#include "load/source_tree.h"
#include "model/model_load.h"
#include "render/pages.h"
#include "test_support.h"

namespace quorum {
namespace {

SiteModel build_people_site(Diagnostics& diags) {
  Revision revision;
  revision.commit_time = 1514764800;  // 2018-01-01: never the clock
  // Static: the model reads bodies from its tree while pages are made, so it must outlive them.
  static const MemoryTree tree(quorum::testing::parse_sections(R"(-- site-config/site.yaml --
title: Testshire Council papers
-- content/people/ann.yaml --
name: Ann Able
-- content/people/ben.yaml --
name: Ben Baker
-- content/people/dan.yaml --
name: Dan Dale
-- content/people/eve.yaml --
name: Eve Ellis
-- content/people/fay.yaml --
name: Fay Ford
-- content/committees/board/committee.yaml --
name: Testshire Board
kind: board
members:
  - person: ann
    to: 2017-06-30
  - person: ben
  - person: ann
    from: 2017-06-01
  - person: fay
    to: 2017-04-01
  - person: fay
    from: 2017-06-20
-- content/committees/audit/committee.yaml --
name: Audit Committee
kind: committee
-- content/committees/board/meetings/2017-03-01/meeting.yaml --
date: 2017-03-01
status: held
attendance:
  present: [ann]
  apologies: [ben]
agenda:
  - number: "1"
    title: Apologies
-- content/committees/board/meetings/2017-03-01/minutes.md --
---
status: draft
---
## 1. Apologies

None.
-- content/committees/board/meetings/2017-05-01/meeting.yaml --
date: 2017-05-01
status: held
attendance:
  in_attendance: [dan]
agenda:
  - number: "1"
    title: Minutes
    minutes_of: board/2017-03-01
-- content/committees/board/meetings/2017-06-10/meeting.yaml --
date: 2017-06-10
status: held
agenda:
  - number: "1"
    title: Apologies
-- content/committees/board/meetings/2017-06-15/meeting.yaml --
date: 2017-06-15
status: scheduled
attendance:
  in_attendance: [eve]
agenda:
  - number: "1"
    title: Minutes
    minutes_of: board/2017-03-01
-- content/committees/board/meetings/2017-07-01/meeting.yaml --
date: 2017-07-01
status: held
agenda:
  - number: "1"
    title: Minutes
    minutes_of: board/2017-03-01
-- content/committees/audit/meetings/2017-08-01/meeting.yaml --
date: 2017-08-01
status: held
attendance:
  present: [dan]
  absent: [ben]
agenda:
  - number: "1"
    title: Minutes of the board
    minutes_of: board/2017-03-01
)"),
                        revision);
  return load_model(tree, diags);
}

struct Row {
  std::string committee;
  int held_while_member, attended, apologies;
  bool operator==(const Row&) const = default;
};

std::vector<Row> attendance_of(const PageContext& ctx, const std::string& person) {
  const json page = person_page(ctx, ctx.model().people.at(person));
  std::vector<Row> out;
  for (const auto& r : page["person"]["attendance"]) {
    out.push_back({r["committee"]["text"].get<std::string>(), r["held_while_member"].get<int>(),
                   r["attended"].get<int>(), r["apologies"].get<int>()});
  }
  return out;
}

std::string formatted(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted()) out += d.format() + "\n";
  return out;
}

TEST_CASE("a person's attendance counts each held meeting once per committee", "[render][person]") {
  Diagnostics diags;
  const SiteModel model = build_people_site(diags);
  INFO(formatted(diags));
  REQUIRE(diags.error_count() == 0);
  const PageContext ctx(model, "/");
  using Rows = std::vector<Row>;
  // Two memberships overlapping in June: the 4 held meetings, not 5 (06-15 was not held).
  CHECK(attendance_of(ctx, "ann") == Rows{{"Testshire Board", 4, 1, 0}});
  // Absent from an audit meeting, a member of nothing there: no audit row.
  CHECK(attendance_of(ctx, "ben") == Rows{{"Testshire Board", 4, 0, 1}});
  // A member until April and again from 20 June: 03-01 and 07-01.
  CHECK(attendance_of(ctx, "fay") == Rows{{"Testshire Board", 2, 0, 0}});
  // Never a member: committees in id order, audit first.
  CHECK(attendance_of(ctx, "dan") == Rows{{"Audit Committee", 0, 1, 0}, {"Testshire Board", 0, 1, 0}});
  // Only at a meeting that was not held.
  CHECK(attendance_of(ctx, "eve").empty());
}

TEST_CASE("minutes name the last held meeting in id order that approved them", "[render][minutes]") {
  Diagnostics diags;
  const SiteModel model = build_people_site(diags);
  INFO(formatted(diags));
  REQUIRE(diags.error_count() == 0);
  const PageContext ctx(model, "/");
  const json page = minutes_page(ctx, model.meetings.at("board/2017-03-01"));
  // Held approvals: board/2017-05-01, board/2017-07-01 and (later by date) audit/2017-08-01.
  CHECK(page["minutes"]["approved_at"]["href"] == "/committees/board/2017-07-01/");
}

}  // namespace
}  // namespace quorum
