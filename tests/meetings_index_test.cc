// The meetings index at archive scale (issue 7): /meetings/ shows what is coming and the
// newest 100 past meetings, and links a page a year, so no page lists a whole archive.
#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>

#include "test_support.h"

using namespace quorum::testing;

namespace {

std::string board_meeting(const std::string& date, const std::string& status) {
  return "-- content/committees/board/meetings/" + date + "/meeting.yaml --\ndate: " + date + "\nstatus: " + status +
         "\nagenda:\n  - number: \"1\"\n    title: Business\n";
}

// `count` held board meetings in 2019, on different days from 1 January on.
std::string meetings_of_2019(int count) {
  std::string files;
  for (int n = 0; n < count; ++n) {
    char date[11];
    std::snprintf(date, sizeof date, "2019-%02d-%02d", n / 28 % 12 + 1, n % 28 + 1);
    files += board_meeting(date, "held");
  }
  return files;
}

// What lies between two strings of a page.
std::string between(const std::string& page, const std::string& from, const std::string& to) {
  const auto start = page.find(from);
  REQUIRE(start != std::string::npos);
  const auto end = page.find(to, start);
  return page.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

TEST_CASE("the meetings index keeps a page a year and shows the newest past meetings", "[e2e]") {
  TempDir dir;
  // minimal_site() has two 2017 meetings; 2019 gets 105; 2020 three held and one to come.
  write_files(dir.path() / "src",
              parse_sections(minimal_site() + meetings_of_2019(105) + board_meeting("2020-01-10", "held") +
                             board_meeting("2020-02-10", "held") + board_meeting("2020-02-20", "held") +
                             board_meeting("2020-06-01", "scheduled")));
  commit_all(dir.path() / "src", "papers", 1583020800);  // 2020-03-01: "today" for the build
  const auto result = build(dir.path() / "src", dir.path() / "public");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);

  const std::string front = read(dir.path() / "public/meetings/index.html");
  const std::string upcoming = between(front, "id=\"upcoming\"", "id=\"meeting-years\"");
  CHECK(count_of(upcoming, "class=\"meeting-row\"") == 1);
  CHECK(upcoming.find("2020-06-01") != std::string::npos);
  const std::string past = between(front, "id=\"past\"", "</main>");
  CHECK(past.find("The newest 100 past meetings") != std::string::npos);
  CHECK(count_of(past, "class=\"meeting-row\"") == 100);
  // Newest first: 2020's three, then the newest 97 of 2019; never 2017's.
  CHECK(past.find("2020-02-20") < past.find("2020-01-10"));
  CHECK(past.find("2020-01-10") < past.find("2019-"));
  CHECK(past.find("datetime=\"2019-04-21\"") != std::string::npos);  // the 105th: the newest
  CHECK(past.find("datetime=\"2019-01-09\"") != std::string::npos);  // the 97th newest
  CHECK(past.find("datetime=\"2019-01-08\"") == std::string::npos);
  CHECK(past.find("2017-07-19") == std::string::npos);
  // Every year is linked with how many meetings it had; none is the current page.
  const std::string years = between(front, "id=\"meeting-years\"", "</nav>");
  CHECK(std::regex_search(years, std::regex(R"(<a href="[^"]*meetings/2020/">2020</a> \(4\))")));
  CHECK(std::regex_search(years, std::regex(R"(<a href="[^"]*meetings/2019/">2019</a> \(105\))")));
  CHECK(std::regex_search(years, std::regex(R"(<a href="[^"]*meetings/2017/">2017</a> \(2\))")));
  CHECK(years.find("aria-current") == std::string::npos);

  const std::string y2019 = read(dir.path() / "public/meetings/2019/index.html");
  CHECK(y2019.find("<h1>Meetings in 2019</h1>") != std::string::npos);
  CHECK(count_of(y2019, "class=\"meeting-row\"") == 105);
  CHECK(y2019.find("datetime=\"2019-04-21\"") < y2019.find("datetime=\"2019-01-01\""));
  CHECK(std::regex_search(y2019, std::regex(R"(<a href="[^"]*meetings/2019/" aria-current="page">2019</a>)")));
  CHECK(std::regex_search(y2019, std::regex(R"(<a href="[^"]*meetings/">Meetings</a>)")));
  // A year's page lists its meetings to come too.
  CHECK(count_of(read(dir.path() / "public/meetings/2020/index.html"), "class=\"meeting-row\"") == 4);
  CHECK(read(dir.path() / "public/sitemap.xml").find("meetings/2019/") != std::string::npos);
}

TEST_CASE("a small archive's meetings index shows every past meeting", "[e2e]") {
  TempDir dir;
  write_files(dir.path() / "src", parse_sections(minimal_site()));
  commit_all(dir.path() / "src", "papers", 1583020800);
  REQUIRE(build(dir.path() / "src", dir.path() / "public").exit_code == 0);
  const std::string front = read(dir.path() / "public/meetings/index.html");
  CHECK(front.find("<h2 id=\"past\">Past meetings</h2>") != std::string::npos);
  CHECK(count_of(between(front, "id=\"past\"", "</main>"), "class=\"meeting-row\"") == 2);
  CHECK(front.find("No meetings are scheduled yet.") != std::string::npos);
}
