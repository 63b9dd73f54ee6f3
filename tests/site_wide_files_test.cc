// Site-wide files that stay small on a large archive (issue 7): the search index comes in one
// shard per year plus one for undated entries, listed by a manifest, and the Atom feeds carry
// only their newest entries. The site has more meetings than a feed holds, over several years,
// each meeting committed on its own day so "newest" is decided by git.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "search_index_files.h"
#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr long long kDay = 86400;
constexpr long long kStart = 1500000000;
constexpr int kPanelMeetings = 130;  // more than the 100 entries a feed carries
const char* const kExemptMarker = "MARKER-EXEMPT-SHARDS-41";

struct PanelMeeting {
  std::string date;  // ISO
  bool minutes = false;
};

// Every 14 days from 2 January 2014: five years of meetings.
std::vector<PanelMeeting> panel_meetings() {
  std::vector<PanelMeeting> out;
  int y = 2014, m = 1, d = 2;
  const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int n = 0; n < kPanelMeetings; ++n) {
    char iso[48];  // room for any int, so -Wformat-truncation has nothing to say
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    out.push_back({iso, n % 3 == 0});
    d += 14;
    for (;;) {
      const int len = month_days[m - 1] + (m == 2 && y % 4 == 0 ? 1 : 0);
      if (d <= len) break;
      d -= len;
      if (++m == 13) {
        m = 1;
        ++y;
      }
    }
  }
  return out;
}

std::string minutes_word(const std::string& date) {
  std::string word = "minuteword";
  for (char c : date) {
    if (c != '-') word += c;
  }
  return word;
}

struct Site {
  TempDir dir;
  BuildResult result;
  std::vector<PanelMeeting> meetings = panel_meetings();
  Site() {
    Files files = parse_sections(minimal_site());
    files["content/committees/panel/committee.yaml"] = "name: Planning Panel\nkind: committee\n";
    // An exempt report in the first meeting, whose text must reach no shard.
    files["content/committees/panel/meetings/" + meetings[0].date + "/reports/secret.md"] =
        std::string("---\ntitle: Land sale\nitem: \"2\"\nclassification: exempt\nparagraph: 3\n---\n") + kExemptMarker +
        " the price.\n";
    files["content/documents/plan.md"] = "---\ntitle: Testshire Plan\nkind: plan\nowner: board\n---\nThe plan.\n";
    write_files(dir / "repo", files);
    commit_all(dir / "repo", "site", kStart);
    long long time = kStart;
    for (const auto& m : meetings) {
      time += kDay;
      const std::string folder = "content/committees/panel/meetings/" + m.date + "/";
      Files one;
      std::string yaml = "date: " + m.date + "\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Planning application " +
                         m.date + "\n";
      if (&m == &meetings[0]) {
        yaml += "  - number: \"2\"\n    title: Land sale\n    report: secret\n    exempt:\n      paragraph: 3\n"
                "      reason: commercial\n";
      }
      one[folder + "meeting.yaml"] = yaml;
      if (m.minutes) {
        one[folder + "minutes.md"] = "## 1. Planning application\n\nApproved, said " + minutes_word(m.date) + ".\n";
        // Private business has a section of its own (fail closed: it must).
        if (&m == &meetings[0]) one[folder + "minutes.md"] += "\n## 2. Land sale\n\nConsidered in private.\n";
      }
      write_files(dir / "repo", one);
      commit_all(dir / "repo", "meeting " + m.date, time);
    }
    result = build(dir / "repo", dir / "out");
  }
  [[nodiscard]] fs::path out() const { return dir / "out"; }
};

const Site& site() {
  static const Site s;
  return s;
}

std::string year_of(const json& page) { return page.at("date").get<std::string>().substr(0, 4); }

}  // namespace

TEST_CASE("the search index is a manifest and one shard per year plus one undated", "[e2e][search]") {
  const Site& s = site();
  INFO(s.result.err);
  REQUIRE(s.result.exit_code == 0);
  const json manifest = search_manifest(s.out());
  CHECK(manifest["version"] == 2);
  CHECK(manifest["committees"].size() == 2);
  CHECK(manifest.contains("types"));
  CHECK_FALSE(manifest.contains("pages"));

  // The manifest lists exactly the shard files there are: newest year first, undated last.
  std::set<std::string> listed;
  std::vector<int> years;
  const json& shards = manifest["shards"];
  REQUIRE(shards.size() >= 2);
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const json& shard = shards[i];
    listed.insert(shard["url"].get<std::string>());
    if (shard["year"].is_null()) {
      CHECK(i + 1 == shards.size());
      CHECK(shard["url"] == "undated.json");
    } else {
      years.push_back(shard["year"].get<int>());
      CHECK(shard["url"] == std::to_string(years.back()) + ".json");
    }
  }
  CHECK(shards.back()["year"].is_null());
  for (std::size_t i = 1; i < years.size(); ++i) CHECK(years[i - 1] > years[i]);
  std::set<std::string> on_disk;
  for (const auto& f : list_files(s.out() / "search")) {
    if (f != "index.html" && f != "index.json") on_disk.insert(f);
  }
  CHECK(on_disk == listed);

  // The years are those of the meetings, and no others.
  std::set<int> meeting_years = {2017};  // minimal_site()'s board meetings
  std::map<std::string, int> meetings_in_year = {{"2017", 2}};
  for (const auto& m : s.meetings) {
    meeting_years.insert(std::stoi(m.date.substr(0, 4)));
    ++meetings_in_year[m.date.substr(0, 4)];
  }
  CHECK(std::set<int>(years.begin(), years.end()) == std::set<int>(meeting_years.begin(), meeting_years.end()));

  // Each shard: its year, its count, only entries of its year, the types it says it holds.
  std::map<std::string, int> seen_urls;
  std::map<std::string, std::size_t> meeting_entries;
  for (const json& shard : shards) {
    const std::string url = shard["url"];
    INFO(url);
    const json data = json::parse(read(s.out() / "search" / url));
    CHECK(data["version"] == 2);
    CHECK(data["year"] == shard["year"]);
    REQUIRE(data["pages"].is_array());
    CHECK(data["pages"].size() == shard["count"].get<std::size_t>());
    CHECK(shard["count"].get<std::size_t>() > 0);
    std::set<std::string> types;
    for (const json& p : data["pages"]) {
      INFO(p.dump());
      types.insert(p["type"].get<std::string>());
      ++seen_urls[p["url"].get<std::string>()];
      if (shard["year"].is_null()) {
        CHECK(p["date"] == "");
      } else {
        CHECK(year_of(p) == std::to_string(shard["year"].get<int>()));
        if (p["type"] == "meeting") ++meeting_entries[year_of(p)];
      }
    }
    CHECK(std::set<std::string>(shard["types"].begin(), shard["types"].end()) == types);
  }
  // Every entry once: no page is in two shards or twice in one.
  for (const auto& [url, n] : seen_urls) {
    INFO(url);
    CHECK(n == 1);
  }
  // Every panel meeting is in its year's shard, with its minutes.
  for (const auto& m : s.meetings) {
    const std::string meeting_url = "/committees/panel/" + m.date + "/";
    INFO(meeting_url);
    CHECK(seen_urls.count(meeting_url) == 1);
    CHECK(seen_urls.count(meeting_url + "minutes/") == (m.minutes ? 1U : 0U));
  }
  for (const auto& [year, n] : meeting_entries) {
    INFO(year);
    CHECK(n == static_cast<std::size_t>(meetings_in_year[year]));
  }
  // Undated: committees, people, organisations and documents.
  for (const char* url : {"/committees/panel/", "/committees/board/", "/people/bob-member/", "/documents/plan/"}) {
    INFO(url);
    CHECK(seen_urls.count(url) == 1);
  }
  const json undated = json::parse(read(s.out() / "search/undated.json"));
  std::set<std::string> undated_types;
  for (const json& p : undated["pages"]) undated_types.insert(p["type"].get<std::string>());
  CHECK(undated_types == std::set<std::string>{"committee", "document", "organisation", "person"});
}

TEST_CASE("a minutes word is found in its year's shard only", "[e2e][search]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  const PanelMeeting& m = s.meetings[s.meetings.size() / 2 / 3 * 3];  // one with minutes
  REQUIRE(m.minutes);
  const std::string word = minutes_word(m.date);
  for (const auto& f : list_files(s.out() / "search")) {
    INFO(f);
    const bool has = read(s.out() / "search" / f).find(word) != std::string::npos;
    CHECK(has == (f == m.date.substr(0, 4) + ".json"));
  }
}

TEST_CASE("no shard holds exempt text", "[e2e][search][security]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  // The exempt item's public title is indexed (so the shard was searched), its report is not.
  const std::string year = s.meetings[0].date.substr(0, 4) + ".json";
  const std::string shard = read(s.out() / "search" / year);
  CHECK(shard.find("Land sale") != std::string::npos);
  for (const auto& f : list_files(s.out())) {
    INFO(f);
    CHECK(read(s.out() / f).find(kExemptMarker) == std::string::npos);
  }
}

TEST_CASE("feeds carry the newest 100 entries, newest first", "[e2e][feeds]") {
  const Site& s = site();
  REQUIRE(s.result.exit_code == 0);
  // Each panel meeting was committed a day after the one before: its agenda and minutes
  // entries are dated by that commit, agenda before minutes on the same time (by key).
  std::vector<std::string> expected;
  for (auto it = s.meetings.rbegin(); it != s.meetings.rend(); ++it) {
    const std::string url = "https://papers.example.org/committees/panel/" + it->date + "/";
    expected.push_back(url);
    if (it->minutes) expected.push_back(url + "minutes/");
  }
  REQUIRE(expected.size() > 100);
  expected.resize(100);
  for (const char* path : {"feed.xml", "committees/panel/feed.xml"}) {
    INFO(path);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(read(s.out() / path).c_str()));
    std::vector<std::string> ids;
    for (auto e : doc.child("feed").children("entry")) ids.push_back(e.child_value("id"));
    CHECK(ids == expected);
  }
  // The board's own feed is small and keeps all of its entries.
  pugi::xml_document board;
  REQUIRE(board.load_string(read(s.out() / "committees/board/feed.xml").c_str()));
  std::size_t n = 0;
  for (auto e : board.child("feed").children("entry")) n += e ? 1 : 0;
  CHECK(n >= 3);
  // Every meeting still has its page: the archive is on the site.
  for (const auto& m : s.meetings) CHECK(fs::exists(s.out() / ("committees/panel/" + m.date + "/index.html")));
}
