// Subscribe, search and reuse (issue 4): Atom feeds, iCalendar files, the sitemap, the
// search index, open data and JSON-LD of a built test site, each read back with a real
// parser (pugixml for XML, nlohmann for JSON, a strict unfolding parser for iCalendar, an
// RFC 4180 reader for CSV) and checked for what they say.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <map>
#include <regex>
#include <vector>

#include "csv_records.h"
#include "search_index_files.h"
#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr long long kDay = 86400;
constexpr long long kFirst = 1500541200;  // 2017-07-20 09:00 UTC
const char* const kExemptMarker = "MARKER-EXEMPT-FEEDS-77";

// minimal_site() plus: times, a venue with commas and a semicolon, a minutes word to find,
// an exempt item and report carrying a marker, a cancelled meeting, an upcoming meeting
// with a key decision, and a document amended in a second commit.
struct Site {
  TempDir dir;
  BuildResult result;
  Site() {
    Files files = parse_sections(minimal_site());
    files["content/committees/board/meetings/2017-07-19/meeting.yaml"] = std::string(R"(date: 2017-07-19
start: "14:00"
end: "16:00"
venue: "Room 1, Civic Offices; Grays"
status: held
attendance:
  present: [bob-member]
  in_attendance: [ada-clerk]
declarations: none
agenda:
  - number: "1"
    title: Apologies
    kind: apologies
  - number: "2"
    title: Budget report
    report: budget
    topics: [finance]
  - number: "3"
    title: Care contract award
    report: contract
    description: )") + kExemptMarker + R"( description
    exempt:
      paragraph: 3
      reason: commercial
)";
    files["content/committees/board/meetings/2017-07-19/reports/contract.md"] = std::string(R"(---
title: Care contract award
item: "3"
classification: exempt
paragraph: 3
---
)") + kExemptMarker + " report body, and the word zebrafinch.\n";
    files["content/committees/board/meetings/2017-07-19/minutes.md"] +=
        "\nThe board heard about the quokkaphone pilot.\n\n## 3. Care contract award\n\nConsidered in private.\n";
    files["content/committees/board/meetings/2017-10-10/meeting.yaml"] = R"(date: 2017-10-10
start: "10:00"
venue: Council Chamber
status: cancelled
status_note: No business to transact
agenda:
  - number: "1"
    title: Apologies
)";
    files["content/committees/board/meetings/2030-01-15/meeting.yaml"] = R"(date: 2030-01-15
start: "10:00"
status: scheduled
agenda:
  - number: "1"
    title: Apologies
  - number: "2"
    title: Adopt the waste strategy
    key_decision: true
  - number: "3"
    title: Note the newsletter
)";
    files["content/documents/plan.md"] = "---\ntitle: Testshire Plan\nkind: plan\nowner: board\nstatus: approved\n---\nThe plan, first version.\n";
    write_files(dir / "repo", files);
    commit_all(dir / "repo", "Publish", kFirst);
    write_files(dir / "repo", {{"content/documents/plan.md",
                                "---\ntitle: Testshire Plan\nkind: plan\nowner: board\nstatus: approved\n---\n"
                                "The plan, amended.\n"}});
    commit_all(dir / "repo", "Amend the plan", kFirst + 2 * kDay);
    result = build(dir / "repo", dir / "public");
  }
  [[nodiscard]] fs::path out() const { return dir / "public"; }
};

const Site& site() {
  static const Site s;
  return s;
}

pugi::xml_document parse_xml(const fs::path& file) {
  pugi::xml_document doc;
  const pugi::xml_parse_result r = doc.load_file(file.c_str());
  INFO(file.string() << ": " << r.description());
  REQUIRE(r);
  return doc;
}

// A strict iCalendar reader: CRLF only, physical lines of at most 75 octets, folding by a
// leading space, names and parameters well formed, BEGIN/END balanced.
struct Property {
  std::string name, params, value;
};
struct Component {
  std::string name;
  std::vector<Property> props;
  std::vector<Component> children;
  [[nodiscard]] std::vector<const Property*> all(const std::string& n) const {
    std::vector<const Property*> out;
    for (const auto& p : props) {
      if (p.name == n) out.push_back(&p);
    }
    return out;
  }
  [[nodiscard]] std::string get(const std::string& n) const {
    const auto a = all(n);
    return a.size() == 1 ? a[0]->value : std::string();
  }
};

Component parse_ics(const std::string& text) {
  REQUIRE(text.size() >= 2);
  REQUIRE(text.compare(text.size() - 2, 2, "\r\n") == 0);
  std::vector<std::string> logical;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const std::string physical = text.substr(start, end - start);
    INFO(physical);
    CHECK(physical.size() <= 75);
    CHECK(physical.find('\n') == std::string::npos);
    CHECK(physical.find('\r') == std::string::npos);
    if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t')) {
      REQUIRE(!logical.empty());
      logical.back() += physical.substr(1);
    } else {
      REQUIRE(!physical.empty());
      logical.push_back(physical);
    }
    start = end + 2;
  }
  static const std::regex kLine("^([A-Z0-9-]+)((?:;[A-Z0-9-]+=(?:\"[^\"]*\"|[^;:,\"]*))*):(.*)$");
  std::vector<Component> stack;
  Component root;
  bool done = false;
  for (const auto& l : logical) {
    INFO(l);
    REQUIRE_FALSE(done);
    std::smatch m;
    REQUIRE(std::regex_match(l, m, kLine));
    Property p{m[1], m[2], m[3]};
    if (p.name == "BEGIN") {
      stack.push_back(Component{p.value, {}, {}});
    } else if (p.name == "END") {
      REQUIRE(!stack.empty());
      REQUIRE(stack.back().name == p.value);
      Component c = std::move(stack.back());
      stack.pop_back();
      if (stack.empty()) {
        root = std::move(c);
        done = true;
      } else {
        stack.back().children.push_back(std::move(c));
      }
    } else {
      REQUIRE(!stack.empty());
      stack.back().props.push_back(p);
    }
  }
  REQUIRE(done);
  REQUIRE(root.name == "VCALENDAR");
  return root;
}

pugi::xml_node entry_titled(const pugi::xml_document& feed, const std::string& title) {
  for (auto e : feed.child("feed").children("entry")) {
    if (title == e.child_value("title")) return e;
  }
  return {};
}

}  // namespace

TEST_CASE("Atom feeds list agendas, minutes, reports and documents with git dates", "[e2e][feeds]") {
  const Site& s = site();
  INFO(s.result.err);
  REQUIRE(s.result.exit_code == 0);
  const auto doc = parse_xml(s.out() / "feed.xml");
  const auto feed = doc.child("feed");
  REQUIRE(feed);
  CHECK(std::string(feed.attribute("xmlns").value()) == "http://www.w3.org/2005/Atom");
  CHECK(std::string(feed.child_value("id")) == "https://papers.example.org/feed.xml");
  CHECK(std::string(feed.child_value("title")) == "Testshire Council papers");
  CHECK(std::string(feed.child_value("updated")) == "2017-07-22T09:00:00Z");
  // Every entry has what RFC 4287 requires.
  std::size_t entries = 0;
  for (auto e : feed.children("entry")) {
    ++entries;
    CHECK(std::string(e.child_value("id")).rfind("https://papers.example.org/", 0) == 0);
    CHECK(!std::string(e.child_value("title")).empty());
    CHECK(std::regex_match(std::string(e.child_value("updated")),
                           std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    CHECK(std::string(e.child("link").attribute("href").value()) == e.child_value("id"));
  }
  CHECK(entries == 7);  // 4 agendas, 1 set of minutes, 1 report, 1 document

  const auto agenda = entry_titled(doc, "Agenda: Testshire Board, Wednesday 19 July 2017");
  REQUIRE(agenda);
  CHECK(std::string(agenda.child_value("id")) == "https://papers.example.org/committees/board/2017-07-19/");
  CHECK(std::string(agenda.child_value("updated")) == "2017-07-20T09:00:00Z");
  CHECK(std::string(agenda.child("category").attribute("term").value()) == "board");
  const auto minutes = entry_titled(doc, "Minutes: Testshire Board, Wednesday 19 July 2017");
  REQUIRE(minutes);
  CHECK(std::string(minutes.child_value("summary")).find("quokkaphone") != std::string::npos);
  CHECK(entry_titled(doc, "Report: Budget report 2017 (Testshire Board, Wednesday 19 July 2017)"));
  // The cancelled meeting's agenda says so.
  const auto cancelled = entry_titled(doc, "Agenda: Testshire Board, Tuesday 10 October 2017");
  REQUIRE(cancelled);
  CHECK(std::string(cancelled.child_value("summary")).rfind("Cancelled.", 0) == 0);
  // The amended document: published with the first commit, updated with the second.
  const auto plan = entry_titled(doc, "Document: Testshire Plan");
  REQUIRE(plan);
  CHECK(std::string(plan.child_value("published")) == "2017-07-20T09:00:00Z");
  CHECK(std::string(plan.child_value("updated")) == "2017-07-22T09:00:00Z");
  CHECK(std::string(plan.child_value("summary")) == "The plan, amended.");
  // Newest first: the amended document leads.
  CHECK(std::string(feed.child("entry").child_value("title")) == "Document: Testshire Plan");
  // No exempt report: its item's public title is on the agenda, the report has no entry.
  CHECK_FALSE(entry_titled(doc, "Report: Care contract award (Testshire Board, Wednesday 19 July 2017)"));
  for (auto e : feed.children("entry")) CHECK(std::string(e.child_value("id")).find("/reports/contract/") == std::string::npos);

  // The committee's own feed: its papers, not the site's documents.
  const auto board = parse_xml(s.out() / "committees/board/feed.xml");
  CHECK(std::string(board.child("feed").child_value("id")) == "https://papers.example.org/committees/board/feed.xml");
  CHECK(entry_titled(board, "Minutes: Testshire Board, Wednesday 19 July 2017"));
  CHECK_FALSE(entry_titled(board, "Document: Testshire Plan"));

  // Pages link to the feeds.
  const std::string meeting = read(s.out() / "committees/board/2017-07-19/index.html");
  CHECK(meeting.find(R"(<link rel="alternate" type="application/atom+xml" href="/feed.xml")") != std::string::npos);
  CHECK(meeting.find(R"(<link rel="alternate" type="application/atom+xml" href="/committees/board/feed.xml")") !=
        std::string::npos);
  CHECK(read(s.out() / "index.html").find(R"(href="/feed.xml")") != std::string::npos);
  const std::string committee = read(s.out() / "committees/board/index.html");
  CHECK(committee.find(R"(<a href="/committees/board/feed.xml">New papers (Atom feed)</a>)") != std::string::npos);
  CHECK(committee.find(R"(<a href="/committees/board/meetings.ics">Meetings calendar (iCalendar)</a>)") != std::string::npos);
}

TEST_CASE("iCalendar files are valid RFC 5545 with cancelled meetings kept", "[e2e][ics]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  for (const std::string path : {"meetings.ics", "committees/board/meetings.ics"}) {
    INFO(path);
    const Component cal = parse_ics(read(s.out() / path));
    CHECK(cal.get("VERSION") == "2.0");
    CHECK(!cal.get("PRODID").empty());
    std::vector<const Component*> events;
    bool london = false;
    for (const auto& c : cal.children) {
      if (c.name == "VEVENT") events.push_back(&c);
      if (c.name == "VTIMEZONE") {
        london = c.get("TZID") == "Europe/London";
        CHECK(c.children.size() == 2);
      }
    }
    CHECK(london);
    REQUIRE(events.size() == 4);
    std::map<std::string, const Component*> by_uid;
    for (const Component* e : events) {
      for (const char* required : {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "STATUS"}) {
        INFO(required);
        CHECK(e->all(required).size() == 1);
      }
      CHECK(std::regex_match(e->get("DTSTAMP"), std::regex(R"(\d{8}T\d{6}Z)")));
      by_uid[e->get("UID")] = e;
    }
    const Component* held = by_uid["board-2017-07-19@papers.example.org"];
    REQUIRE(held != nullptr);
    CHECK(held->all("DTSTART")[0]->params == ";TZID=Europe/London");
    CHECK(held->get("DTSTART") == "20170719T140000");
    CHECK(held->get("DTEND") == "20170719T160000");
    CHECK(held->get("LOCATION") == "Room 1\\, Civic Offices\\; Grays");
    CHECK(held->get("STATUS") == "CONFIRMED");
    CHECK(held->get("URL") == "https://papers.example.org/committees/board/2017-07-19/");
    CHECK(held->get("DTSTAMP") == "20170720T090000Z");  // the commit, not the clock
    CHECK(held->get("DESCRIPTION").find("\\n2. Budget report") != std::string::npos);
    const Component* cancelled = by_uid["board-2017-10-10@papers.example.org"];
    REQUIRE(cancelled != nullptr);
    CHECK(cancelled->get("STATUS") == "CANCELLED");
    CHECK(cancelled->get("DESCRIPTION").find("No business to transact") != std::string::npos);
    // No start time: an all-day event.
    const Component* september = by_uid["board-2017-09-08@papers.example.org"];
    REQUIRE(september != nullptr);
    CHECK(september->all("DTSTART")[0]->params == ";VALUE=DATE");
    CHECK(september->get("DTSTART") == "20170908");
    CHECK(september->get("DTEND") == "20170909");
  }
  // The same commit always makes the same bytes: no clock.
  TempDir again;
  REQUIRE(build(site().dir / "repo", again / "public").exit_code == 0);
  CHECK(read(again / "public/meetings.ics") == read(s.out() / "meetings.ics"));
  CHECK(read(again / "public/feed.xml") == read(s.out() / "feed.xml"));
}

TEST_CASE("sitemap lists every page with git dates, robots.txt points at it", "[e2e][sitemap]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  const auto doc = parse_xml(s.out() / "sitemap.xml");
  const auto urlset = doc.child("urlset");
  CHECK(std::string(urlset.attribute("xmlns").value()) == "http://www.sitemaps.org/schemas/sitemap/0.9");
  std::map<std::string, std::string> lastmod;
  for (auto u : urlset.children("url")) lastmod[u.child_value("loc")] = u.child_value("lastmod");
  for (const auto& f : list_files(s.out())) {
    if (f.size() < 10 || f.compare(f.size() - 10, 10, "index.html") != 0) continue;
    INFO(f);
    CHECK(lastmod.count("https://papers.example.org/" + f.substr(0, f.size() - 10)) == 1);
  }
  CHECK(lastmod["https://papers.example.org/documents/plan/"] == "2017-07-22");
  CHECK(lastmod["https://papers.example.org/committees/board/2017-07-19/"] == "2017-07-20");
  CHECK(lastmod.count("https://papers.example.org/committees/board/2017-07-19/reports/contract/") == 0);
  const std::string robots = read(s.out() / "robots.txt");
  CHECK(robots.find("User-agent: *") != std::string::npos);
  CHECK(robots.find("Sitemap: https://papers.example.org/sitemap.xml") != std::string::npos);
}

TEST_CASE("the search index finds minutes text and never exempt text", "[e2e][search]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  const json pages = search_pages(s.out());
  REQUIRE(pages.size() >= 10);
  const auto find = [&](const std::string& word) {
    std::vector<json> hits;
    for (const auto& p : pages) {
      if (p["text"].get<std::string>().find(word) != std::string::npos ||
          p["title"].get<std::string>().find(word) != std::string::npos) {
        hits.push_back(p);
      }
    }
    return hits;
  };
  const auto hits = find("quokkaphone");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["type"] == "minutes");
  CHECK(hits[0]["committee"] == "board");
  CHECK(hits[0]["date"] == "2017-07-19");
  CHECK(hits[0]["url"] == "/committees/board/2017-07-19/minutes/");
  CHECK(find("zebrafinch").empty());
  CHECK(find(kExemptMarker).empty());
  CHECK(find("Budget report 2017").size() >= 1);
  CHECK(find("Adopt the waste strategy").size() == 1);  // agenda items are indexed
  CHECK(find("Allotment on Mill Lane").size() == 1);    // people's registers
  // The exempt item's public title only: on the meeting's agenda and as the heading of its
  // withheld section of the minutes.
  CHECK(find("Care contract award").size() == 2);
  for (const auto& p : pages) {
    for (const char* field : {"type", "title", "committee", "date", "url", "text"}) CHECK(p.contains(field));
  }
  // The page: a labelled form, results announced, and a way through without JavaScript.
  const std::string page = read(s.out() / "search/index.html");
  CHECK(page.find(R"(<label for="search-q">)") != std::string::npos);
  CHECK(page.find(R"(aria-live="polite")") != std::string::npos);
  CHECK(page.find(R"(data-search-index="/search/index.json")") != std::string::npos);
  CHECK(page.find(R"(<script src="/assets/search.js" defer></script>)") != std::string::npos);
  CHECK(page.find("Search needs JavaScript") != std::string::npos);
  CHECK(page.find(R"(href="/meetings/")") != std::string::npos);
  CHECK(page.find(R"(<option value="2030">)") != std::string::npos);
  CHECK(fs::exists(s.out() / "assets/search.js"));
  CHECK(read(s.out() / "index.html").find(R"(<a href="/search/">Search</a>)") != std::string::npos);
}

TEST_CASE("open data: Popolo and events JSON, CSV and the data page", "[e2e][data]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  const json people = json::parse(read(s.out() / "data/people.json"));
  REQUIRE(people.is_array());
  bool bob = false;
  for (const auto& p : people) bob = bob || (p["id"] == "person:bob-member" && p["honorific_prefix"] == "Councillor");
  CHECK(bob);
  const json orgs = json::parse(read(s.out() / "data/organizations.json"));
  bool board = false;
  for (const auto& o : orgs) board = board || (o["id"] == "committee:board" && o["name"] == "Testshire Board");
  CHECK(board);
  const json memberships = json::parse(read(s.out() / "data/memberships.json"));
  bool chair = false;
  for (const auto& m : memberships) {
    chair = chair || (m["person_id"] == "person:bob-member" && m["organization_id"] == "committee:board" &&
                      m["role"] == "chair" && m["on_behalf_of_id"] == "organisation:testshire-council");
  }
  CHECK(chair);
  CHECK(json::parse(read(s.out() / "data/posts.json")).is_array());
  const json events = json::parse(read(s.out() / "data/events.json"));
  std::map<std::string, json> by_id;
  for (const auto& e : events) by_id[e["id"]] = e;
  REQUIRE(by_id.count("meeting:board/2017-07-19") == 1);
  const json& held = by_id["meeting:board/2017-07-19"];
  CHECK(held["start_date"] == "2017-07-19T14:00:00+01:00");
  CHECK(held["location"]["name"] == "Room 1, Civic Offices; Grays");
  CHECK(held["agenda"].size() == 3);
  CHECK(held["agenda"][2]["exempt"] == true);
  CHECK(held["agenda"][2]["related_entities"].empty());  // the exempt report is not named
  CHECK(held["attendance"][0]["person_id"] == "person:bob-member");
  CHECK(held["attendance"][0]["status"] == "present");
  bool minutes_doc = false;
  for (const auto& d : held["documents"]) minutes_doc = minutes_doc || d["note"] == "Minutes";
  CHECK(minutes_doc);
  CHECK(by_id["meeting:board/2017-10-10"]["status"] == "cancelled");
  CHECK(by_id["meeting:board/2030-01-15"]["start_date"] == "2030-01-15T10:00:00+00:00");

  const auto meetings = csv_records(s.out() / "data/meetings.csv");
  REQUIRE(meetings.size() == 4);
  bool venue = false, cancelled = false;
  for (const auto& m : meetings) {
    venue = venue || m.at("venue") == "Room 1, Civic Offices; Grays";
    cancelled = cancelled || (m.at("meeting_id") == "board/2017-10-10" && m.at("status") == "cancelled");
  }
  CHECK(venue);
  CHECK(cancelled);
  const auto decisions = csv_records(s.out() / "data/decisions.csv");
  REQUIRE(decisions.size() == 1);
  CHECK(decisions[0].at("decision").find("That the budget be approved") != std::string::npos);
  CHECK(decisions[0].at("item") == "2");
  const auto attendance = csv_records(s.out() / "data/attendance.csv");
  REQUIRE(attendance.size() == 2);
  CHECK(attendance[0].at("person_id") == "bob-member");
  CHECK(attendance[0].at("attendance") == "present");
  CHECK(csv_records(s.out() / "data/declarations.csv").empty());

  const std::string page = read(s.out() / "data/index.html");
  CHECK(page.find("Open Government Licence v3.0") != std::string::npos);
  for (const char* f : {"people.json", "organizations.json", "memberships.json", "posts.json", "events.json",
                        "meetings.csv", "decisions.csv", "attendance.csv", "declarations.csv"}) {
    INFO(f);
    CHECK(page.find(std::string("href=\"/data/") + f + "\"") != std::string::npos);
  }
}

TEST_CASE("the data licence comes from site.yaml", "[e2e][data]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["site-config/site.yaml"] += "data_licence: Creative Commons Attribution 4.0\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Publish");
  REQUIRE(build(dir / "repo", dir / "public").exit_code == 0);
  const std::string page = read(dir / "public/data/index.html");
  CHECK(page.find("Creative Commons Attribution 4.0") != std::string::npos);
  CHECK(page.find("Open Government Licence") == std::string::npos);
}

TEST_CASE("meeting pages carry schema.org Event JSON-LD", "[e2e][jsonld]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  const auto ld = [&](const std::string& page) {
    const std::string html = read(s.out() / page);
    const std::string open = "<script type=\"application/ld+json\">";
    const auto at = html.find(open);
    REQUIRE(at != std::string::npos);
    const auto end = html.find("</script>", at);
    return json::parse(html.substr(at + open.size(), end - at - open.size()));
  };
  const json held = ld("committees/board/2017-07-19/index.html");
  CHECK(held["@type"] == "Event");
  CHECK(held["@context"] == "https://schema.org");
  CHECK(held["eventStatus"] == "https://schema.org/EventScheduled");
  CHECK(held["startDate"] == "2017-07-19T14:00:00+01:00");
  CHECK(held["endDate"] == "2017-07-19T16:00:00+01:00");
  CHECK(held["location"]["name"] == "Room 1, Civic Offices; Grays");
  CHECK(held["url"] == "https://papers.example.org/committees/board/2017-07-19/");
  const json cancelled = ld("committees/board/2017-10-10/index.html");
  CHECK(cancelled["eventStatus"] == "https://schema.org/EventCancelled");
  CHECK(ld("committees/board/2017-09-08/index.html")["startDate"] == "2017-09-08");
}

TEST_CASE("the forward plan lists key decisions of scheduled meetings", "[e2e][forward-plan]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  const std::string page = read(s.out() / "forward-plan/index.html");
  CHECK(page.find("Adopt the waste strategy") != std::string::npos);
  CHECK(page.find("Note the newsletter") == std::string::npos);
  CHECK(page.find("Tuesday 15 January 2030") != std::string::npos);
  CHECK(page.find("Budget report") == std::string::npos);  // held meetings are not the plan
}

TEST_CASE("exempt material reaches no feed, calendar, index or data file", "[e2e][security]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  for (const auto& f : list_files(s.out())) {
    INFO(f);
    const std::string bytes = read(s.out() / f);
    CHECK(bytes.find(kExemptMarker) == std::string::npos);
    CHECK(bytes.find("zebrafinch") == std::string::npos);
  }
}

TEST_CASE("every feed, calendar, sitemap, JSON and CSV file of the site parses", "[e2e][feeds]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  std::map<std::string, int> kinds;
  for (const auto& f : list_files(s.out())) {
    INFO(f);
    const auto ext = fs::path(f).extension().string();
    if (ext == ".xml") {
      const auto doc = parse_xml(s.out() / f);
      const std::string root = doc.document_element().name();
      CHECK((root == "feed" || root == "urlset"));
    } else if (ext == ".json") {
      CHECK_NOTHROW(json::parse(read(s.out() / f)));
    } else if (ext == ".ics") {
      CHECK(parse_ics(read(s.out() / f)).name == "VCALENDAR");
    } else if (ext == ".csv") {
      CHECK(parse_csv(read(s.out() / f)).size() >= 1);
    } else {
      continue;
    }
    ++kinds[ext];
  }
  CHECK(kinds[".xml"] == 3);   // feed.xml, committees/board/feed.xml, sitemap.xml
  CHECK(kinds[".ics"] == 2);
  // Five data files, the search index's manifest and its shards.
  CHECK(kinds[".json"] == 6 + static_cast<int>(search_manifest(s.out())["shards"].size()));
  CHECK(kinds[".csv"] == 4);
}

TEST_CASE("a postponed meeting is EventPostponed and leaves the calendar slot", "[e2e][jsonld][ics]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["content/committees/board/meetings/2017-11-01/meeting.yaml"] =
      "date: 2017-11-01\nstart: \"18:30\"\nstatus: postponed\nstatus_note: Moved to December\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Publish");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string html = read(dir / "public/committees/board/2017-11-01/index.html");
  CHECK(html.find(R"("eventStatus":"https://schema.org/EventPostponed")") != std::string::npos);
  CHECK(html.find(R"("startDate":"2017-11-01T18:30:00+00:00")") != std::string::npos);  // GMT again
  const Component cal = parse_ics(read(dir / "public/meetings.ics"));
  bool found = false;
  for (const auto& e : cal.children) {
    if (e.name != "VEVENT" || e.get("UID") != "board-2017-11-01@papers.example.org") continue;
    found = true;
    CHECK(e.get("STATUS") == "CANCELLED");
    CHECK(e.get("SUMMARY") == "Testshire Board – postponed");
    CHECK(e.get("DESCRIPTION").find("Moved to December") != std::string::npos);
  }
  CHECK(found);
}
