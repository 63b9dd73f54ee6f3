// The model stage against small in-memory content repositories: what a valid record becomes,
// every kind of mistake reported with its file and line, and withheld material never stored.
#include "model/site_model.h"

#include <catch2/catch.hpp>
#include <memory>

#include "test_support.h"

#include <algorithm>
#include <sstream>

#include "load/source_tree.h"
#include "model/model_load.h"
#include "support/text.h"

namespace quorum {
namespace {

using Files = std::map<std::string, std::string>;

// "-- path --" lines separate files: the end-to-end tests' own parser.
Files parse_files(const std::string& text) { return quorum::testing::parse_sections(text); }

const char* const kMeeting1 = "content/committees/board/meetings/2017-07-19/meeting.yaml";
const char* const kMeeting2 = "content/committees/board/meetings/2017-09-08/meeting.yaml";
const char* const kMinutes1 = "content/committees/board/meetings/2017-07-19/minutes.md";
const char* const kBudget = "content/committees/board/meetings/2017-07-19/reports/budget.md";
const char* const kContract = "content/committees/board/meetings/2017-07-19/reports/contract.md";
const char* const kCommittee = "content/committees/board/committee.yaml";
const char* const kStrategy = "content/documents/health-strategy.md";

// A small but complete record. Everything marked SECRET is withheld material that must never
// enter the model. Line numbers in comments are the file lines tests rely on.
Files base_site() {
  return parse_files(R"(-- site-config/site.yaml --
title: Testshire Council papers
organisation: testshire-council
-- content/organisations/testshire-council.yaml --
name: Testshire Council
kind: local-authority
-- content/people/ada-clerk.yaml --
name: Ada Clerk
positions:
  - title: Democratic Services Officer
    organisation: testshire-council
    from: 2015-01-01
-- content/people/roger-harris.yaml --
name: Roger Harris
register:
  - category: employment
    description: Director of Harris Consulting Ltd
  - category: land
    description: SECRET-HOME-ADDRESS 12 Acacia Avenue
    sensitive: true
-- content/committees/board/committee.yaml --
name: Testshire Board
kind: board
members:
  - person: roger-harris
    role: chair
-- content/committees/board/meetings/2017-07-19/meeting.yaml --
date: 2017-07-19
status: held
attendance:
  present:
    - roger-harris
  in_attendance:
    - ada-clerk
agenda:
  - number: "1"
    title: Apologies
    kind: apologies
  - number: "2"
    title: Budget report
    report: budget
    topics: [finance]
  - number: "3"
    title: Contract award
    report: contract
    topics: [procurement]
    description: SECRET-DESCRIPTION of the tender
    exempt:
      paragraph: 3
      reason: SECRET-REASON commercial interests
  - number: "4"
    title: Any other business
-- content/committees/board/meetings/2017-07-19/reports/budget.md --
---
title: Budget report 2017
item: "2"
authors: [ada-clerk]
topics: [finance, budget-setting]
---
The budget is set out below, as [the board](committee:board) asked.

| Line | Amount |
|------|--------|
| Care | 100    |
-- content/committees/board/meetings/2017-07-19/reports/contract.md --
---
title: SECRET-REPORT-TITLE
item: "3"
classification: exempt
paragraph: 3
recommendations:
  - SECRET-RECOMMENDATION
appendices:
  - title: Tender prices
    file: ../Tender prices.xlsx
---
SECRET-REPORT-BODY with the bidders' prices.
-- content/committees/board/meetings/2017-07-19/Tender prices.xlsx --
SECRET-SPREADSHEET
-- content/committees/board/meetings/2017-07-19/Budget summary.csv --
line,amount
-- content/committees/board/meetings/2017-07-19/minutes.md --
---
status: approved
approved_at: board/2017-09-08
actions:
  - item: "2"
    action: Publish the budget
    owner: ada-clerk
  - item: "3"
    action: SECRET-ACTION notify the bidders
    owner: ada-clerk
---
# Minutes of the Testshire Board, 19 July 2017

## 1. Apologies

None.

## 2. Budget report

The board discussed [the report](reports/budget.md).

RESOLVED: That the budget be approved.

## 3. Contract award

SECRET-MINUTES-SECTION the board discussed the bids.

### Evaluation

SECRET-SUBSECTION scores.

RESOLVED: SECRET-DECISION to award.

## 4. Any other business

RESOLVED: That the next meeting be on 8 September.
-- content/committees/board/meetings/2017-09-08/meeting.yaml --
date: 2017-09-08
status: held
agenda:
  - number: "1"
    title: Minutes of the last meeting
    kind: minutes
    minutes_of: board/2017-07-19
    description: To approve [the minutes](../2017-07-19/minutes.md).
-- content/committees/board/meetings/2017-09-08/minutes.md --
---
status: draft
---
## 1. Minutes of the last meeting

RESOLVED: That the minutes of 19 July be approved.
-- content/documents/health-strategy.md --
---
title: Health Strategy
kind: strategy
owner: board
topics: [finance]
---
A strategy for [Testshire](organisation:testshire-council).
)");
}

struct Built {
  std::shared_ptr<const MemoryTree> tree;  // the model reads bodies' text from it
  SiteModel model;
  Diagnostics diags;
};

Built build(const Files& files) {
  Revision revision;
  revision.commit_time = 1504828800;  // 2017-09-08: never the clock
  Built b;
  b.tree = std::make_shared<const MemoryTree>(files, revision);
  b.model = load_model(*b.tree, b.diags);
  return b;
}

std::vector<Diagnostic> errors(const Diagnostics& diags) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::error) out.push_back(d);
  }
  return out;
}

std::vector<Diagnostic> warnings(const Diagnostics& diags) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::warning) out.push_back(d);
  }
  return out;
}

std::string all_formatted(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted()) out += d.format() + "\n";
  return out;
}

// The one error a mistake should cause, wherever it is.
Diagnostic only_error(const Built& b) {
  INFO(all_formatted(b.diags));
  const auto errs = errors(b.diags);
  REQUIRE(errs.size() == 1);
  return errs.front();
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

Files with_replaced(const std::string& path, const std::string& from, const std::string& to) {
  Files files = base_site();
  REQUIRE(files.count(path) == 1);
  files[path] = replace(files[path], from, to);
  return files;
}

bool has_backlink(const SiteModel& model, const Key& target, const Key& from, const std::string& relation) {
  const auto it = model.backlinks.find(target);
  if (it == model.backlinks.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const BackLink& b) { return b.from == from && b.relation == relation; });
}

// Every piece of text the model holds, for "never contains" checks.
std::string every_text(const SiteModel& m) {
  std::string out;
  const auto add = [&](const std::string& s) { out += s + "\n"; };
  const auto add_body = [&](const Body& b) {
    add(m.body_text(b));
    add(markdown_plain_text(m.body_text(b)));
    for (const auto& h : b.outline.headings) add(h.text);
    for (const auto& d : b.outline.decisions) add(d.text);
    for (const auto& l : b.outline.links) add(l.url + " " + l.text);
  };
  for (const auto& [id, p] : m.people) {
    add(p.name);
    for (const auto& i : p.interests) add(i.category + " " + i.description);
  }
  for (const auto& [id, c] : m.committees) {
    add(c.name);
    if (c.description) add_body(*c.description);
    if (c.terms) add_body(c.terms->body);
  }
  for (const auto& [id, mt] : m.meetings) {
    add(mt.venue + mt.status_note);
    for (const auto& i : mt.agenda) {
      add(i.number + " " + i.title + " " + i.exempt_paragraph);
      if (i.description) add_body(*i.description);
      for (const auto& t : i.topics) add(t);
    }
    for (const auto& [slug, r] : mt.reports) {
      add(r.title + " " + r.item + " " + r.paragraph);
      for (const auto& s : r.recommendations) add(s);
      for (const auto& s : r.topics) add(s);
      for (const auto& a : r.appendices) add(a.title + " " + a.file);
      add_body(r.body);
    }
    if (mt.minutes) {
      add_body(mt.minutes->body);
      for (const auto& a : mt.minutes->actions) add(a.action);
    }
  }
  for (const auto& [id, d] : m.documents) add_body(d.body);
  for (const auto& d : m.decisions) add(d.text);
  return out;
}

// ---------------------------------------------------------------------------------------------
// A valid record

TEST_CASE("a valid site builds a model without errors", "[model]") {
  const Built b = build(base_site());
  INFO(all_formatted(b.diags));
  CHECK(b.diags.error_count() == 0);
  CHECK(b.diags.warning_count() == 0);

  const SiteModel& m = b.model;
  CHECK(m.site.title == "Testshire Council papers");
  CHECK(m.site.base_url == "/");
  CHECK(m.site.language == "en-GB");
  CHECK(m.organisations.size() == 1);
  CHECK(m.people.size() == 2);
  REQUIRE(m.committees.count("board") == 1);
  CHECK(m.committees.at("board").kind == "board");
  CHECK(m.committees.at("board").meetings == std::vector<std::string>{"board/2017-07-19", "board/2017-09-08"});
  REQUIRE(m.meetings.size() == 2);
  const Meeting* meeting = m.meeting("board/2017-07-19");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->committee == "board");
  CHECK(meeting->slug == "2017-07-19");
  CHECK(meeting->date.iso() == "2017-07-19");
  CHECK(meeting->status == MeetingStatus::held);
  CHECK(meeting->kind == "ordinary");
  REQUIRE(meeting->agenda.size() == 4);
  CHECK(meeting->agenda[1].kind == "report");  // default when a report is named
  CHECK(meeting->agenda[3].kind == "other");
  REQUIRE(m.report("board/2017-07-19/budget") != nullptr);
  CHECK(m.report("board/2017-07-19/budget")->title == "Budget report 2017");
  REQUIRE(meeting->minutes.has_value());
  CHECK(meeting->minutes->status == PaperStatus::approved);
  CHECK(meeting->minutes->approved_at == "board/2017-09-08");
  CHECK(m.documents.count("health-strategy") == 1);
  CHECK(m.build_date.iso() == "2017-09-08");
  CHECK(m.exists("minutes:board/2017-07-19"));
  CHECK(m.exists("report:board/2017-07-19/budget"));
  CHECK_FALSE(m.exists("report:board/2017-07-19/contract"));  // exempt: not a page
  CHECK(m.title_of("minutes:board/2017-07-19") == "Minutes: Testshire Board, 19 July 2017");
}

TEST_CASE("files saved with a byte order mark load normally", "[model]") {
  Files files = base_site();
  files[kBudget] = "\xEF\xBB\xBF" + files[kBudget];
  files[kCommittee] = "\xEF\xBB\xBF" + files[kCommittee];
  const Built b = build(files);
  INFO(all_formatted(b.diags));
  CHECK(b.diags.all().empty());
  CHECK(b.model.report("board/2017-07-19/budget")->title == "Budget report 2017");
  CHECK(b.model.committees.at("board").name == "Testshire Board");
}

TEST_CASE("invalid UTF-8 in a Markdown file is an error at its line and column", "[model][errors]") {
  const Built b = build(with_replaced(kBudget, "as [the board]", "as \xE9 [the board]"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kBudget);
  CHECK(d.pos.line == 7);
  CHECK(d.pos.column == 33);
  CHECK_THAT(d.message, Catch::Contains("UTF-8"));
}

TEST_CASE("a file that cannot be parsed is one error, not also 'unknown id' everywhere", "[model][errors]") {
  SECTION("a person named in attendance, membership and authorship") {
    Files files = base_site();
    files["content/people/ada-clerk.yaml"] = "name: Ada Clerk\npositions: [unclosed\n";
    files["content/people/roger-harris.yaml"] = std::string("name: Roger\0Harris\n", 19);
    const Built b = build(files);
    INFO(all_formatted(b.diags));
    const auto errs = errors(b.diags);
    REQUIRE(errs.size() == 2);
    CHECK(errs[0].pos.path == "content/people/ada-clerk.yaml");
    CHECK(errs[1].pos.path == "content/people/roger-harris.yaml");
    CHECK_THAT(errs[1].message, Catch::Contains("NUL"));
  }
  SECTION("an organisation named by the site and a position") {
    const Built b = build(with_replaced("content/organisations/testshire-council.yaml", "kind: local-authority",
                                        "kind: [local-authority"));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == "content/organisations/testshire-council.yaml");
  }
  SECTION("a report named by its agenda item and linked from the minutes") {
    const Built b = build(with_replaced(kBudget, "as [the board]", "as \xE9 [the board]"));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == kBudget);
  }
  SECTION("a document that is not UTF-8") {
    const Built b = build(with_replaced(kStrategy, "A strategy", "A \xFF strategy"));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == kStrategy);
    CHECK(d.pos.line == 7);
    CHECK(d.pos.column == 3);
  }
}

TEST_CASE("a meeting folder may carry a suffix after its date", "[model]") {
  Files files = base_site();
  files["content/committees/board/meetings/2017-09-08-extra/meeting.yaml"] =
      "date: 2017-09-08\nstatus: scheduled\n";
  const Built b = build(files);
  INFO(all_formatted(b.diags));
  CHECK(b.diags.error_count() == 0);
  CHECK(b.model.meetings.count("board/2017-09-08-extra") == 1);
  CHECK(b.model.committees.at("board").meetings.back() == "board/2017-09-08-extra");
}

TEST_CASE("a meeting's neighbours are its committee's meetings just before and after it", "[model]") {
  Files files = base_site();
  // The same day as the September meeting: after it, by folder name; and an early one.
  files["content/committees/board/meetings/2017-09-08-extra/meeting.yaml"] =
      "date: 2017-09-08\nstatus: scheduled\n";
  files["content/committees/board/meetings/2016-01-05/meeting.yaml"] = "date: 2016-01-05\nstatus: held\n";
  const Built b = build(files);
  INFO(all_formatted(b.diags));
  REQUIRE(b.diags.error_count() == 0);
  const auto around = [&](const std::string& id) {
    const auto [previous, next] = b.model.neighbours(b.model.meetings.at(id));
    return std::make_pair(previous == nullptr ? "-" : previous->id, next == nullptr ? "-" : next->id);
  };
  using Ids = std::pair<std::string, std::string>;
  CHECK(around("board/2016-01-05") == Ids{"-", "board/2017-07-19"});
  CHECK(around("board/2017-07-19") == Ids{"board/2016-01-05", "board/2017-09-08"});
  CHECK(around("board/2017-09-08") == Ids{"board/2017-07-19", "board/2017-09-08-extra"});
  CHECK(around("board/2017-09-08-extra") == Ids{"board/2017-09-08", "-"});
}

// ---------------------------------------------------------------------------------------------
// Mistakes, each reported with its file and line

TEST_CASE("an unknown person in attendance is an error at its line, with a suggestion", "[model][errors]") {
  const Built b = build(with_replaced(kMeeting1, "    - ada-clerk\n", "    - ada-clerc\n"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kMeeting1);
  CHECK(d.pos.line == 7);
  CHECK(d.pos.column == 7);
  CHECK_THAT(d.message, Catch::Contains("'ada-clerc'"));
  CHECK_THAT(d.message, Catch::Contains("Did you mean 'ada-clerk'?"));
  CHECK_THAT(d.message, Catch::Contains("content/people/ada-clerc.yaml"));
}

TEST_CASE("an unknown person far from every id gets no suggestion", "[model][errors]") {
  const Built b = build(with_replaced(kMeeting1, "    - roger-harris\n", "    - zebedee-quux\n"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.line == 5);
  CHECK_THAT(d.message, Catch::Contains("'zebedee-quux'") && !Catch::Contains("Did you mean"));
}

TEST_CASE("an unknown person in the {person, role} form points at the person field", "[model][errors]") {
  const Built b =
      build(with_replaced(kMeeting1, "    - ada-clerk\n", "    - {role: Clerk, person: ada-clark}\n"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kMeeting1);
  CHECK(d.pos.line == 7);
  CHECK(d.pos.column == 29);
  CHECK_THAT(d.message, Catch::Contains("Did you mean 'ada-clerk'?"));
}

TEST_CASE("a meeting whose date disagrees with its folder is an error", "[model][errors]") {
  const Built b = build(with_replaced(kMeeting1, "date: 2017-07-19", "date: 2017-07-20"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kMeeting1);
  CHECK(d.pos.line == 1);
  CHECK_THAT(d.message, Catch::Contains("2017-07-20") && Catch::Contains("'2017-07-19'"));
}

TEST_CASE("a folder suffix that is not a slug does not match the date", "[model][errors]") {
  Files files = base_site();
  files["content/committees/board/meetings/2017-09-08x/meeting.yaml"] = "date: 2017-09-08\nstatus: held\n";
  const Built b = build(files);
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == "content/committees/board/meetings/2017-09-08x/meeting.yaml");
  CHECK_THAT(d.message, Catch::Contains("'2017-09-08x'"));
}

TEST_CASE("a meeting date that is not a real day is an error", "[model][errors]") {
  Files files = base_site();
  files["content/committees/board/meetings/2017-02-29/meeting.yaml"] = "status: held\ndate: 2017-02-29\n";
  const Built b = build(files);
  const Diagnostic d = only_error(b);
  CHECK(d.pos.line == 2);
  CHECK_THAT(d.message, Catch::Contains("not a date"));
}

TEST_CASE("missing required fields are errors naming the field", "[model][errors]") {
  SECTION("committee kind") {
    const Built b = build(with_replaced(kCommittee, "kind: board\n", ""));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == kCommittee);
    CHECK(d.message == "Committee 'Testshire Board' needs a 'kind' field: add a line 'kind: ...'");
  }
  SECTION("meeting status") {
    const Built b = build(with_replaced(kMeeting2, "status: held\n", ""));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == kMeeting2);
    CHECK(d.message == "Meeting 2017-09-08 of Testshire Board needs a 'status' field: add a line 'status: ...'");
  }
  SECTION("meeting date") {
    const Built b = build(with_replaced(kMeeting2, "date: 2017-09-08\n", ""));
    const Diagnostic d = only_error(b);
    CHECK(d.message == "Meeting 2017-09-08 of Testshire Board needs a 'date' field: add a line 'date: ...'");
  }
  SECTION("report item") {
    const Built b = build(with_replaced(kBudget, "item: \"2\"\n", ""));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == kBudget);
    CHECK(d.pos.line == 2);  // the front matter, which starts on line 2
    CHECK_THAT(d.message, Catch::Contains("'item'"));
  }
  SECTION("agenda item title") {
    const Built b = build(with_replaced(kMeeting1, "    title: Apologies\n", ""));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.line == 9);
    CHECK(d.message == "Agenda item 1 of meeting 2017-07-19 needs a 'title' field: add a line 'title: ...'");
  }
  SECTION("person name") {
    const Built b = build(with_replaced("content/people/ada-clerk.yaml", "name: Ada Clerk\n", ""));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == "content/people/ada-clerk.yaml");
    CHECK(d.message == "Person 'ada-clerk' needs a 'name' field: add a line 'name: ...'");
  }
  SECTION("document kind") {
    const Built b = build(with_replaced(kStrategy, "kind: strategy\n", ""));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == kStrategy);
    CHECK(d.message == "Document 'health-strategy' needs a 'kind' field: add a line 'kind: ...'");
  }
  SECTION("site title") {
    const Built b = build(with_replaced("site-config/site.yaml", "title: Testshire Council papers\n", ""));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == "site-config/site.yaml");
    CHECK(d.message == "Site configuration needs a 'title' field: add a line 'title: ...'");
  }
}

TEST_CASE("an unknown enumeration value is an error with a suggestion", "[model][errors]") {
  SECTION("meeting status") {
    const Built b = build(with_replaced(kMeeting2, "status: held", "status: hled"));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.path == kMeeting2);
    CHECK(d.pos.line == 2);
    CHECK(d.pos.column == 9);
    CHECK_THAT(d.message, Catch::Contains("'hled'") && Catch::Contains("Did you mean 'held'?"));
  }
  SECTION("committee kind") {
    const Built b = build(with_replaced(kCommittee, "kind: board", "kind: bord"));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.line == 2);
    CHECK_THAT(d.message, Catch::Contains("Did you mean 'board'?"));
  }
  SECTION("agenda item kind") {
    const Built b = build(with_replaced(kMeeting1, "kind: apologies", "kind: apologys"));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.line == 11);
    CHECK_THAT(d.message, Catch::Contains("Did you mean 'apologies'?"));
  }
  SECTION("exempt paragraph") {
    const Built b = build(with_replaced(kMeeting1, "paragraph: 3", "paragraph: 9"));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.line == 22);
    CHECK_THAT(d.message, Catch::Contains("'paragraph' is '9'"));
  }
  SECTION("member role") {
    const Built b = build(with_replaced(kCommittee, "role: chair", "role: chairman"));
    const Diagnostic d = only_error(b);
    CHECK(d.pos.line == 5);
    CHECK_THAT(d.message, Catch::Contains("Did you mean 'chair'?"));
  }
}

TEST_CASE("a report for an agenda item that does not exist is an error", "[model][errors]") {
  const Built b = build(with_replaced(kBudget, "item: \"2\"", "item: \"9\""));
  // The agenda's item 2 still names this report, so that is fine; the report's item is not.
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kBudget);
  CHECK(d.pos.line == 3);
  CHECK_THAT(d.message, Catch::Contains("item '9'") && Catch::Contains("meeting 2017-07-19 of Testshire Board"));
}

TEST_CASE("an agenda item naming a report that has no file is an error", "[model][errors]") {
  const Built b = build(with_replaced(kMeeting1, "report: budget", "report: budgett"));
  // The budget report is still there, for item 2, so only the missing file is wrong.
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kMeeting1);
  CHECK(d.pos.line == 12);
  CHECK_THAT(d.message, Catch::Contains("'budgett'") &&
                            Catch::Contains("content/committees/board/meetings/2017-07-19/reports/budgett.md"));
}

TEST_CASE("two agenda items with one number is an error", "[model][errors]") {
  const Built b = build(with_replaced(kMeeting1, "number: \"4\"", "number: \"2\""));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.line == 24);
  CHECK_THAT(d.message, Catch::Contains("two agenda items are numbered '2'"));
}

TEST_CASE("a meeting of a committee with no committee.yaml is an error", "[model][errors]") {
  Files files = base_site();
  files["content/committees/ghost/meetings/2017-01-01/meeting.yaml"] = "date: 2017-01-01\nstatus: held\n";
  const Built b = build(files);
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == "content/committees/ghost/meetings/2017-01-01");
  CHECK_THAT(d.message, Catch::Contains("content/committees/ghost/committee.yaml"));
}

TEST_CASE("an id that is not a slug is an error", "[model][errors]") {
  Files files = base_site();
  files["content/people/Bob Smith.yaml"] = "name: Bob Smith\n";
  const Built b = build(files);
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == "content/people/Bob Smith.yaml");
  CHECK_THAT(d.message, Catch::Contains("'bob-smith'"));
}

TEST_CASE("a YAML syntax error is reported and the rest still checked", "[model][errors]") {
  Files files = base_site();
  files["content/organisations/broken.yaml"] = "name: [Broken\nkind: other\n";
  files[kMeeting1] = replace(files[kMeeting1], "    - ada-clerk\n", "    - nobody-at-all\n");
  const Built b = build(files);
  const auto errs = errors(b.diags);
  INFO(all_formatted(b.diags));
  REQUIRE(errs.size() == 2);
  CHECK(std::any_of(errs.begin(), errs.end(), [](const Diagnostic& d) {
    return d.pos.path == "content/organisations/broken.yaml" && d.pos.line == 2 &&
           d.message.rfind("YAML syntax", 0) == 0;
  }));
  CHECK(std::any_of(errs.begin(), errs.end(), [](const Diagnostic& d) {
    return d.pos.path == kMeeting1 && d.pos.line == 7;
  }));
}

TEST_CASE("an unknown field is a warning, not an error", "[model][errors]") {
  const Built b = build(with_replaced(kMeeting2, "status: held\n", "status: held\nvenu: Civic Offices\n"));
  CHECK(b.diags.error_count() == 0);
  const auto warns = warnings(b.diags);
  REQUIRE(warns.size() == 1);
  CHECK(warns[0].pos.path == kMeeting2);
  CHECK(warns[0].pos.line == 3);
  CHECK_THAT(warns[0].message, Catch::Contains("Did you mean 'venue'?"));
}

// ---------------------------------------------------------------------------------------------
// Links written in Markdown

TEST_CASE("a relative link to another meeting's minutes resolves to the minutes page", "[model][links]") {
  const Built b = build(base_site());
  CHECK(b.diags.error_count() == 0);
  // The 2017-09-08 agenda item's description links ../2017-07-19/minutes.md.
  CHECK(has_backlink(b.model, "minutes:board/2017-07-19", "meeting:board/2017-09-08", "mentioned"));
  // The minutes link reports/budget.md, relative to the minutes file.
  CHECK(has_backlink(b.model, "report:board/2017-07-19/budget", "minutes:board/2017-07-19", "mentioned"));
  // Typed links.
  CHECK(has_backlink(b.model, "committee:board", "report:board/2017-07-19/budget", "mentioned"));
  CHECK(has_backlink(b.model, "organisation:testshire-council", "document:health-strategy", "mentioned"));
}

TEST_CASE("a link that climbs out of the repository is an error at its line", "[model][links]") {
  const Built b = build(with_replaced(kStrategy, "A strategy for", "See [this](../../../../../etc/passwd).\n\nA strategy for"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kStrategy);
  CHECK(d.pos.line == 7);
  CHECK(d.pos.column == 5);
  CHECK_THAT(d.message, Catch::Contains("outside the repository"));
}

TEST_CASE("a deep link out of the repository from a report is an error", "[model][links]") {
  const Built b = build(with_replaced(kBudget, "The budget is set out below",
                                      "[x](../../../../../../../etc/passwd) The budget is set out below"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kBudget);
  CHECK(d.pos.line == 7);
  CHECK_THAT(d.message, Catch::Contains("outside the repository"));
}

TEST_CASE("a link to a file that does not exist is an error", "[model][links]") {
  const Built b = build(with_replaced(kBudget, "The budget is set out below", "[x](../missing.pdf) The budget"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.line == 7);
  CHECK_THAT(d.message, Catch::Contains("content/committees/board/meetings/2017-07-19/missing.pdf"));
}

TEST_CASE("a typed link to an unknown id is an error with a suggestion", "[model][links]") {
  const Built b = build(with_replaced(kBudget, "[the board](committee:board)", "[the board](committee:bord)"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kBudget);
  CHECK(d.pos.line == 7);
  CHECK_THAT(d.message, Catch::Contains("'bord'") && Catch::Contains("Did you mean 'board'?"));
}

TEST_CASE("a javascript: link is a warning naming file and line, not an error", "[model][links]") {
  const Built b = build(with_replaced(kBudget, "The budget is set out below",
                                      "[Click](javascript:alert(1)) and [this](data:text/html,x). The budget"));
  CHECK(b.diags.error_count() == 0);
  const auto warns = warnings(b.diags);
  INFO(all_formatted(b.diags));
  REQUIRE(warns.size() == 2);
  CHECK(warns[0].pos.path == kBudget);
  CHECK(warns[0].pos.line == 7);
  CHECK(warns[0].pos.column == 1);
  CHECK_THAT(warns[0].message, Catch::Contains("'javascript:'"));
  CHECK_THAT(warns[1].message, Catch::Contains("'data:'"));
}

TEST_CASE("a linked attachment is published; an exempt report's appendix is not", "[model][links]") {
  Files files = base_site();
  files[kBudget] = replace(files[kBudget], "The budget is set out below", "[Summary](../Budget%20summary.csv) The budget");
  const Built b = build(files);
  INFO(all_formatted(b.diags));
  CHECK(b.diags.error_count() == 0);
  const std::string summary = "content/committees/board/meetings/2017-07-19/Budget summary.csv";
  CHECK(b.model.published_files.count(summary) == 1);
  CHECK(has_backlink(b.model, "file:" + summary, "report:board/2017-07-19/budget", "attached"));
  CHECK(b.model.published_files.count("content/committees/board/meetings/2017-07-19/Tender prices.xlsx") == 0);
}

TEST_CASE("a link to an attachment whose name has spaces resolves to that file", "[model][links]") {
  // CommonMark needs <...> around a destination with spaces; the file name keeps them.
  const Built b = build(with_replaced(kBudget, "The budget is set out below",
                                      "[Summary](<../Budget summary.csv>) The budget"));
  INFO(all_formatted(b.diags));
  CHECK(b.diags.error_count() == 0);
  CHECK(has_backlink(b.model, "file:content/committees/board/meetings/2017-07-19/Budget summary.csv",
                     "report:board/2017-07-19/budget", "attached"));
}

// ---------------------------------------------------------------------------------------------
// Withheld material

TEST_CASE("an exempt item keeps its number, title and paragraph only", "[model][withheld]") {
  const Built b = build(base_site());
  const Meeting* m = b.model.meeting("board/2017-07-19");
  REQUIRE(m != nullptr);
  const AgendaItem* item = m->item("3");
  REQUIRE(item != nullptr);
  CHECK(item->exempt());
  CHECK(item->exempt_paragraph == "3");
  CHECK(item->title == "Contract award");
  CHECK_FALSE(item->description.has_value());
  CHECK(b.model.topics.count("procurement") == 0);
}

TEST_CASE("an exempt report is a stub", "[model][withheld]") {
  const Built b = build(base_site());
  const Report* r = b.model.report("board/2017-07-19/contract");
  REQUIRE(r != nullptr);
  CHECK(r->exempt);
  CHECK(r->classification == "exempt");
  CHECK(r->item == "3");
  CHECK(r->title.empty());
  CHECK(b.model.body_text(r->body).empty());
  CHECK(markdown_plain_text(b.model.body_text(r->body)).empty());
  CHECK(r->recommendations.empty());
  CHECK(r->appendices.empty());
  CHECK(r->paragraph.empty());
}

TEST_CASE("a report marked exempt on its own is a stub even for a public item", "[model][withheld]") {
  const Built b = build(with_replaced(kBudget, "item: \"2\"\n", "item: \"2\"\nclassification: exempt\n"));
  // Half-marked private business is an error (the item must be exempt too), and meanwhile
  // the report is still withheld whole.
  REQUIRE(b.diags.error_count() == 1);
  CHECK_THAT(b.diags.all()[0].message, Catch::Contains("is not marked as private business"));
  const Report* r = b.model.report("board/2017-07-19/budget");
  REQUIRE(r != nullptr);
  CHECK(r->exempt);
  CHECK(r->title.empty());
  CHECK(b.model.body_text(r->body).empty());
  CHECK(b.model.topics.count("budget-setting") == 0);
}

TEST_CASE("the exempt item's minutes section is cut, line for line", "[model][withheld]") {
  const Built b = build(base_site());
  const Meeting* m = b.model.meeting("board/2017-07-19");
  REQUIRE(m != nullptr);
  REQUIRE(m->minutes.has_value());
  const Body& body = m->minutes->body;
  CHECK(body.path == kMinutes1);
  CHECK(body.first_line == 12);
  CHECK(b.model.body_text(body).find("SECRET") == std::string::npos);

  // The other sections stay exactly as written.
  const auto lines = split(b.model.body_text(body), '\n');
  REQUIRE(lines.size() >= 25);
  CHECK(lines[0] == "# Minutes of the Testshire Board, 19 July 2017");
  CHECK(lines[2] == "## 1. Apologies");
  CHECK(lines[6] == "## 2. Budget report");
  CHECK(lines[10] == "RESOLVED: That the budget be approved.");
  CHECK(lines[22] == "## 4. Any other business");
  CHECK(lines[24] == "RESOLVED: That the next meeting be on 8 September.");
  // The exempt section is its heading, at the same level as its siblings, and a notice.
  CHECK(lines[12] == "## 3. Contract award");
  CHECK_THAT(lines[14], Catch::Contains("paragraph 3 of Schedule 12A"));
  for (std::size_t i = 15; i < 22; ++i) {
    INFO("line " << i);
    CHECK(lines[i].empty());
  }

  // Line numbers of later sections are unchanged.
  const auto& headings = body.outline.headings;
  const auto heading = [&](const std::string& id) -> const MarkdownHeading& {
    const auto it = std::find_if(headings.begin(), headings.end(), [&](const MarkdownHeading& h) { return h.id == id; });
    REQUIRE(it != headings.end());
    return *it;
  };
  CHECK(heading("item-2").line == 18);
  CHECK(heading("item-3").line == 24);
  CHECK(heading("item-3").level == heading("item-2").level);
  CHECK(heading("item-4").line == 34);
  CHECK(std::none_of(headings.begin(), headings.end(), [](const MarkdownHeading& h) { return h.id == "evaluation"; }));

  // Decisions: the public ones, at their real lines; none from the exempt section.
  const auto& decisions = body.outline.decisions;
  REQUIRE(decisions.size() == 2);
  CHECK(decisions[0].id == "item-2-resolved-1");
  CHECK(decisions[0].line == 22);
  CHECK(decisions[1].id == "item-4-resolved-1");
  CHECK(decisions[1].item == "4");
  CHECK(decisions[1].line == 36);

  // An exempt item's actions are private too.
  REQUIRE(m->minutes->actions.size() == 1);
  CHECK(m->minutes->actions[0].item == "2");
}

TEST_CASE("a sensitive interest keeps its category, never its description", "[model][withheld]") {
  const Built b = build(base_site());
  const Person& p = b.model.people.at("roger-harris");
  REQUIRE(p.interests.size() == 2);
  CHECK(p.interests[0].category == "employment");
  CHECK(p.interests[0].description == "Director of Harris Consulting Ltd");
  CHECK_FALSE(p.interests[0].sensitive);
  CHECK(p.interests[1].category == "land");
  CHECK(p.interests[1].sensitive);
  CHECK(p.interests[1].description.empty());
}

TEST_CASE("no withheld text is anywhere in the model", "[model][withheld]") {
  const Built b = build(base_site());
  CHECK(b.diags.error_count() == 0);
  const std::string text = every_text(b.model);
  CHECK_THAT(text, Catch::Contains("Director of Harris Consulting Ltd"));  // the walk does see text
  CHECK_THAT(text, Catch::Contains("RESOLVED: That the budget be approved."));
  CHECK(text.find("SECRET") == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// What the model derives

TEST_CASE("a person's page is linked from what names them", "[model][derive]") {
  const Built b = build(base_site());
  CHECK(has_backlink(b.model, "person:roger-harris", "meeting:board/2017-07-19", "attended"));
  CHECK(has_backlink(b.model, "person:roger-harris", "committee:board", "member"));
  CHECK(has_backlink(b.model, "person:ada-clerk", "meeting:board/2017-07-19", "attended"));
  CHECK(has_backlink(b.model, "person:ada-clerk", "report:board/2017-07-19/budget", "author"));
  CHECK(has_backlink(b.model, "person:ada-clerk", "minutes:board/2017-07-19", "action owner"));
  CHECK(has_backlink(b.model, "organisation:testshire-council", "person:ada-clerk", "works here"));
  CHECK(has_backlink(b.model, "meeting:board/2017-07-19", "meeting:board/2017-09-08", "minutes approved"));
  CHECK(has_backlink(b.model, "committee:board", "document:health-strategy", "owns"));
  CHECK_FALSE(has_backlink(b.model, "person:roger-harris", "meeting:board/2017-09-08", "attended"));
  // One entry per page and relation, however often it is named.
  const auto& links = b.model.backlinks.at("person:roger-harris");
  CHECK(std::count_if(links.begin(), links.end(), [](const BackLink& l) {
          return l.from == "meeting:board/2017-07-19" && l.relation == "attended";
        }) == 1);
}

TEST_CASE("topics are collected from agenda items, reports and documents", "[model][derive]") {
  const Built b = build(base_site());
  REQUIRE(b.model.topics.count("finance") == 1);
  CHECK(b.model.topics.at("finance") == std::set<Key>{"document:health-strategy", "meeting:board/2017-07-19#item-2",
                                                      "report:board/2017-07-19/budget"});
  REQUIRE(b.model.topics.count("budget-setting") == 1);
  CHECK(b.model.topics.at("budget-setting") == std::set<Key>{"report:board/2017-07-19/budget"});
  CHECK(b.model.topics.size() == 2);
}

TEST_CASE("a topic that is not a slug is an error", "[model][derive]") {
  const Built b = build(with_replaced(kStrategy, "topics: [finance]", "topics: [Public Health]"));
  const Diagnostic d = only_error(b);
  CHECK(d.pos.path == kStrategy);
  CHECK_THAT(d.message, Catch::Contains("'public-health'"));
}

TEST_CASE("the decisions register lists RESOLVED paragraphs, newest meeting first", "[model][derive]") {
  const Built b = build(base_site());
  const auto& d = b.model.decisions;
  REQUIRE(d.size() == 3);
  CHECK(d[0].meeting == "board/2017-09-08");
  CHECK(d[0].item == "1");
  CHECK(d[0].anchor == "item-1-resolved-1");
  CHECK(d[1].meeting == "board/2017-07-19");
  CHECK(d[1].item == "2");
  CHECK(d[1].anchor == "item-2-resolved-1");
  CHECK(d[1].text == "RESOLVED: That the budget be approved.");
  CHECK(d[2].meeting == "board/2017-07-19");
  CHECK(d[2].item == "4");
  CHECK(d[2].anchor == "item-4-resolved-1");
}

TEST_CASE("draft minutes' decisions are left out when drafts are hidden", "[model][derive]") {
  const Built b = build(with_replaced("site-config/site.yaml", "organisation:", "draft_minutes: hide\norganisation:"));
  CHECK(b.diags.error_count() == 0);
  const auto& d = b.model.decisions;
  REQUIRE(d.size() == 2);
  CHECK(d[0].meeting == "board/2017-07-19");
}

// ---------------------------------------------------------------------------------------------
// All mistakes in one run

TEST_CASE("every mistake is reported in one run", "[model][errors]") {
  Files files = base_site();
  files[kMeeting1] = replace(files[kMeeting1], "    - ada-clerk\n", "    - ada-clerc\n");          // unknown person
  files[kMeeting2] = replace(files[kMeeting2], "status: held", "status: hled");                  // enum
  files[kCommittee] = replace(files[kCommittee], "kind: board\n", "");                           // required
  files[kBudget] = replace(files[kBudget], "[the board](committee:board)", "[the board](committee:bord)");  // link
  files[kStrategy] = replace(files[kStrategy], "owner: board", "owner: bored");                 // wrong owner
  files["content/people/x.yaml"] = "name: X\nregister:\n  - category: lands\n";                // enum in list
  const Built b = build(files);
  INFO(all_formatted(b.diags));
  const auto errs = errors(b.diags);
  CHECK(errs.size() == 6);
  std::set<std::string> paths;
  for (const auto& e : errs) paths.insert(e.pos.path);
  CHECK(paths == std::set<std::string>{kMeeting1, kMeeting2, kCommittee, kBudget, kStrategy,
                                       "content/people/x.yaml"});
  for (const auto& e : errs) {
    INFO(e.format());
    CHECK(e.pos.line > 0);
  }
}

}  // namespace
}  // namespace quorum

namespace quorum {

TEST_CASE("Meeting::item finds a number as written, else in any case, in copies and after changes",
          "[model][agenda]") {
  Meeting m;
  for (const char* number : {"1", "7A", "7a", "7.1", "7(a)", "B1", "10"}) {
    AgendaItem item;
    item.number = number;
    m.agenda.push_back(item);
  }
  CHECK(m.item("7A") == &m.agenda[1]);
  CHECK(m.item("7a") == &m.agenda[2]);  // as written beats the first in another case
  CHECK(m.item("b1") == &m.agenda[5]);
  CHECK(m.item("7(A)") == &m.agenda[4]);
  CHECK(m.item("7") == nullptr);
  CHECK(m.item("") == nullptr);
  // A copy answers from its own agenda, not the original's.
  const Meeting copy = m;
  CHECK(copy.item("10") == &copy.agenda[6]);
  // The agenda grows (and moves) after a lookup: the new item is found.
  for (int i = 0; i < 100; ++i) {
    AgendaItem item;
    item.number = "X" + std::to_string(i);
    m.agenda.push_back(item);
  }
  CHECK(m.item("x99") == &m.agenda.back());
  CHECK(m.item("1") == &m.agenda[0]);
  // 3,000 items: every one found (one index, not a search per lookup).
  Meeting big;
  for (int i = 0; i < 3000; ++i) {
    AgendaItem item;
    item.number = std::to_string(i) + "a";
    big.agenda.push_back(item);
  }
  for (int i = 0; i < 3000; i += 7)
    CHECK(big.item(std::to_string(i) + "A") == &big.agenda[static_cast<std::size_t>(i)]);
}

}  // namespace quorum
