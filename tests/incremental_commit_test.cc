// Incremental builds commit in place: what did not change keeps its inode, what went away
// is deleted, and a build killed halfway through its commit is finished by the next one.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>

#include "test_support.h"
#include "write/atomic_output.h"
#include "write/write_test_fixtures.h"

namespace quorum::testing {
namespace {
namespace fs = std::filesystem;
using write_testing::StopCommitAfter;

constexpr long long kDay = 86400;
constexpr long long kFirst = 1500541200;
const char* const kMinutes = "content/committees/board/meetings/2017-07-19/minutes.md";

void same_tree(const fs::path& a, const fs::path& b) {
  const auto files = list_files(a);
  REQUIRE(files == list_files(b));
  for (const auto& f : files) {
    INFO(f);
    CHECK(read(a / f) == read(b / f));
  }
}

std::map<std::string, std::pair<ino_t, std::string>> inodes_and_bytes(const fs::path& root) {
  std::map<std::string, std::pair<ino_t, std::string>> out;
  for (const auto& f : list_files(root)) {
    struct stat st {};
    REQUIRE(::stat((root / f).c_str(), &st) == 0);
    out[f] = {st.st_ino, read(root / f)};
  }
  return out;
}

void append_to_minutes(const fs::path& repo, long long time) {
  write_files(repo, {{kMinutes, read(repo / kMinutes) + "\nA paragraph added after the meeting.\n"}});
  commit_all(repo, "Add a paragraph to the minutes", time);
}

// "(made of total data and search files made)" from a --verbose build's counts.
std::pair<int, int> data_files_made(const BuildResult& r) {
  const std::smatch m = [&] {
    std::smatch found;
    std::regex_search(r.out, found, std::regex(R"(\((\d+) of (\d+) data and search files made\))"));
    return found;
  }();
  REQUIRE(m.size() == 3);
  return {std::stoi(m[1].str()), std::stoi(m[2].str())};
}

// "(reused, cached anew)" Markdown outlines from a --verbose build's counts.
std::pair<int, int> outlines(const BuildResult& r) {
  std::smatch found;
  REQUIRE(std::regex_search(r.out, found,
                            std::regex(R"(\((\d+) Markdown outlines reused from the cache, (\d+) cached anew\))")));
  return {std::stoi(found[1].str()), std::stoi(found[2].str())};
}

// "(taken from the cache)" of "N meetings (M taken from the cache)" in a --verbose build's counts.
int meetings_from_cache(const BuildResult& r) {
  std::smatch found;
  REQUIRE(std::regex_search(r.out, found, std::regex(R"((\d+) meetings \((\d+) taken from the cache\))")));
  return std::stoi(found[2].str());
}

}  // namespace

TEST_CASE("a rebuild takes the meetings a commit did not touch from the cache", "[e2e][incremental]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  // A meeting with a problem, whose warning must come on every build.
  const std::string loose = "content/committees/board/meetings/2017-10-10/";
  write_files(dir / "repo", {{loose + "meeting.yaml",
                              "date: 2017-10-10\nstatus: held\nagenda:\n"
                              "  - number: \"1\"\n    title: Apologies\n"},
                             {loose + "minutes.md", "## 1. Apologies\n\nNone.\n"}});
  commit_all(dir / "repo", "Publish", kFirst);
  const auto build = [&](const char* what) {
    INFO(what);
    const BuildResult r = build_verbose(dir / "repo", dir / "site");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("minutes without front matter") != std::string::npos);
    // The site equals one built from nothing, without any cache.
    fs::remove_all(AtomicOutput::cache_dir(dir / "clean"));
    REQUIRE(build_ref(dir / "repo", dir / "clean", "HEAD", /*clean=*/true).exit_code == 0);
    same_tree(dir / "site", dir / "clean");
    return r;
  };
  CHECK(meetings_from_cache(build("first build")) == 0);
  // Nothing changed: every meeting without a problem comes from the cache.
  CHECK(meetings_from_cache(build("unchanged")) == 2);

  append_to_minutes(dir / "repo", kFirst + 60);
  CHECK(meetings_from_cache(build("minutes changed")) == 1);
  CHECK(read(dir / "site/committees/board/2017-07-19/minutes/index.html").find("A paragraph added after") !=
        std::string::npos);

  write_files(dir / "repo", {{"content/committees/board/meetings/2017-09-08/meeting.yaml",
                              "date: 2017-09-08\nstatus: held\nvenue: The Old Library\nagenda:\n"
                              "  - number: \"1\"\n    title: Minutes of the last meeting\n    kind: minutes\n"
                              "    minutes_of: board/2017-07-19\n"}});
  commit_all(dir / "repo", "Move the September meeting", kFirst + 120);
  CHECK(meetings_from_cache(build("venue changed")) == 1);
  CHECK(read(dir / "site/committees/board/2017-09-08/index.html").find("The Old Library") !=
        std::string::npos);

  // A new file in a meeting's folder is a change to that meeting.
  write_files(dir / "repo",
              {{"content/committees/board/meetings/2017-07-19/agenda-pack.csv", "The pack.\n"}});
  commit_all(dir / "repo", "Add the agenda pack", kFirst + 180);
  CHECK(meetings_from_cache(build("file added")) == 1);
  CHECK(read(dir / "site/committees/board/2017-07-19/index.html").find("agenda-pack.csv") !=
        std::string::npos);
}

TEST_CASE("a rebuild outlines only the Markdown files a commit changed", "[e2e][incremental]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish", kFirst);
  const BuildResult first = build_verbose(dir / "repo", dir / "site");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const auto [reused_first, outlined] = outlines(first);
  CHECK(reused_first == 0);
  REQUIRE(outlined >= 3);
  const fs::path cache = AtomicOutput::cache_dir(dir / "site") / "parse/markdown.cache";
  REQUIRE(fs::exists(cache));

  SECTION("a changed file is outlined again, and its new heading is on the site") {
    write_files(dir / "repo", {{kMinutes, read(dir / "repo" / kMinutes) + "\n## 9. A late item\n\nNoted.\n"}});
    commit_all(dir / "repo", "Add a late item", kFirst + 60);
    const BuildResult r = build_verbose(dir / "repo", dir / "site");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(outlines(r) == std::pair<int, int>{outlined - 1, 1});
    CHECK(read(dir / "site/committees/board/2017-07-19/minutes/index.html").find("id=\"item-9\"") !=
          std::string::npos);
  }
  SECTION("a damaged cache is ignored") {
    std::ofstream(cache, std::ios::binary | std::ios::trunc) << "quorum-parse-cache 1\nnot this one\n\xFF\xFF";
    const BuildResult r = build_verbose(dir / "repo", dir / "site");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(outlines(r) == std::pair<int, int>{0, outlined});
  }
  REQUIRE(build_ref(dir / "repo", dir / "clean", "HEAD", /*clean=*/true).exit_code == 0);
  same_tree(dir / "site", dir / "clean");
}

TEST_CASE("the first build of a new day makes again only the pages that show what is upcoming or current",
          "[e2e][incremental]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  // Upcoming on the first day (2017-07-20), past ten days later.
  write_files(dir / "repo", {{"content/committees/board/meetings/2017-07-25/meeting.yaml",
                              "date: 2017-07-25\nstatus: scheduled\nvenue: Town Hall\nagenda:\n"
                              "  - number: \"1\"\n    title: Apologies\n"}});
  commit_all(dir / "repo", "Publish", kFirst);
  const BuildResult first = build_verbose(dir / "repo", dir / "site");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const auto before = inodes_and_bytes(dir / "site");
  REQUIRE(before.at("index.html").second.find("board/2017-07-25/") != std::string::npos);

  // A commit that changes nothing Quorum reads, on a later day.
  write_files(dir / "repo", {{"NOTES.txt", "Not content.\n"}});
  commit_all(dir / "repo", "Notes", kFirst + 10 * kDay);
  const BuildResult r = build_verbose(dir / "repo", dir / "site");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto after = inodes_and_bytes(dir / "site");
  CHECK(after.at("index.html").second.find("board/2017-07-25/") == std::string::npos);  // no longer upcoming
  for (const char* kept :
       {"committees/board/2017-07-19/index.html", "committees/board/2017-07-19/minutes/index.html",
        "committees/board/2017-07-19/reports/budget/index.html"}) {
    INFO(kept);
    CHECK(before.at(kept).first == after.at(kept).first);
  }
  std::smatch rendered;
  REQUIRE(std::regex_search(r.out, rendered, std::regex(R"((\d+) pages \((\d+) rendered\))")));
  CHECK(std::stoi(rendered[2].str()) < std::stoi(rendered[1].str()));
  REQUIRE(build_ref(dir / "repo", dir / "clean", "HEAD", /*clean=*/true).exit_code == 0);
  same_tree(dir / "site", dir / "clean");
}

TEST_CASE("an incremental build makes again only the data and search files whose inputs changed",
          "[e2e][incremental]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  // A meeting in another year, so the search index has a second year's shard.
  write_files(dir / "repo", {{"content/committees/board/meetings/2016-03-01/meeting.yaml",
                              "date: 2016-03-01\nstatus: held\nvenue: Old Hall\nagenda:\n"
                              "  - number: \"1\"\n    title: Apologies\n"}});
  commit_all(dir / "repo", "Publish", kFirst);
  const BuildResult first = build_verbose(dir / "repo", dir / "site");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const auto [made_first, total] = data_files_made(first);
  CHECK(made_first == total);
  // Nine open data files; shards for 2016, 2017 and the undated entries.
  CHECK(total == 12);
  REQUIRE(fs::exists(dir / "site/search/2016.json"));
  const std::string shard_2016 = read(dir / "site/search/2016.json");

  SECTION("a changed paragraph makes only its year's shard again") {
    // The same day: a new day is a new "today" for the lists of upcoming meetings.
    append_to_minutes(dir / "repo", kFirst + 60);
    const BuildResult r = build_verbose(dir / "repo", dir / "site");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto [made, of] = data_files_made(r);
    CHECK(made == 1);
    CHECK(of == total);
    CHECK(read(dir / "site/search/2017.json").find("A paragraph added after the meeting.") != std::string::npos);
    CHECK(read(dir / "site/search/2016.json") == shard_2016);
  }
  SECTION("a change any page may show makes them all again") {
    const fs::path meeting = dir / "repo/content/committees/board/meetings/2016-03-01/meeting.yaml";
    std::string text = read(meeting);
    text.replace(text.find("Old Hall"), 8, "New Hall");
    write_files(dir / "repo", {{"content/committees/board/meetings/2016-03-01/meeting.yaml", text}});
    commit_all(dir / "repo", "Move the meeting", kFirst + 60);
    const BuildResult r = build_verbose(dir / "repo", dir / "site");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(data_files_made(r) == std::pair<int, int>{total, total});
    CHECK(read(dir / "site/data/meetings.csv").find("New Hall") != std::string::npos);
    CHECK(read(dir / "site/search/2016.json").find("New Hall") != std::string::npos);
  }
  REQUIRE(build_ref(dir / "repo", dir / "clean", "HEAD", /*clean=*/true).exit_code == 0);
  same_tree(dir / "site", dir / "clean");
}

TEST_CASE("an incremental build replaces only changed files and deletes removed pages",
          "[e2e][incremental]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  write_files(dir / "repo", {{"content/people/cara-new.yaml", "name: Cara New\n"}});
  commit_all(dir / "repo", "Publish", kFirst);
  REQUIRE(build(dir / "repo", dir / "site").exit_code == 0);
  REQUIRE(fs::exists(dir / "site/people/cara-new/index.html"));
  const auto before = inodes_and_bytes(dir / "site");

  append_to_minutes(dir / "repo", kFirst + kDay);
  fs::remove(dir / "repo/content/people/cara-new.yaml");
  commit_all(dir / "repo", "Remove Cara", kFirst + 2 * kDay);
  const BuildResult r = build(dir / "repo", dir / "site");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(fs::exists(dir / "site/people/cara-new"));

  const auto after = inodes_and_bytes(dir / "site");
  std::size_t kept = 0, replaced = 0;
  for (const auto& [path, entry] : after) {
    const auto it = before.find(path);
    if (it == before.end()) continue;
    INFO(path);
    if (it->second.second == entry.second) {
      CHECK(it->second.first == entry.first);  // same bytes: not touched at all
      ++kept;
    } else {
      CHECK(it->second.first != entry.first);  // new bytes arrive by rename, never in place
      ++replaced;
    }
  }
  // A site this small is mostly list pages, which name the commit they were built from, so
  // count nothing and name the pages that must stay put: those the change does not reach.
  for (const char* untouched : {"committees/board/2017-07-19/reports/budget/index.html",
                                "people/bob-member/index.html", "assets/quorum.css", "data/meetings.csv"}) {
    INFO(untouched);
    REQUIRE(before.count(untouched) == 1);
    CHECK(before.at(untouched).first == after.at(untouched).first);
  }
  CHECK(kept >= 10);
  CHECK(after.at("committees/board/2017-07-19/minutes/index.html").first !=
        before.at("committees/board/2017-07-19/minutes/index.html").first);
  CHECK(replaced > 0);
  CHECK_FALSE(fs::exists(AtomicOutput::journal_path(dir / "site")));
  CHECK_FALSE(fs::exists(dir / ".site.quorum-staging"));

  REQUIRE(build_ref(dir / "repo", dir / "clean", "HEAD", /*clean=*/true).exit_code == 0);
  same_tree(dir / "site", dir / "clean");
}

TEST_CASE("an incremental build killed mid-commit is finished by the next build",
          "[e2e][incremental][faults]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  write_files(dir / "repo", {{"content/people/cara-new.yaml", "name: Cara New\n"}});
  commit_all(dir / "repo", "Publish", kFirst);
  REQUIRE(build(dir / "repo", dir / "site").exit_code == 0);

  append_to_minutes(dir / "repo", kFirst + kDay);
  fs::remove(dir / "repo/content/people/cara-new.yaml");
  commit_all(dir / "repo", "Remove Cara", kFirst + 2 * kDay);
  {
    const StopCommitAfter stop(2);
    const BuildResult stopped = build(dir / "repo", dir / "site");
    INFO(stopped.err);
    CHECK(stopped.exit_code != 0);
    CHECK(stopped.err.find("next build") != std::string::npos);
  }
  REQUIRE(fs::exists(AtomicOutput::journal_path(dir / "site")));

  const BuildResult next = build(dir / "repo", dir / "site");
  INFO(next.err);
  REQUIRE(next.exit_code == 0);
  CHECK_FALSE(fs::exists(AtomicOutput::journal_path(dir / "site")));
  REQUIRE(build_ref(dir / "repo", dir / "clean", "HEAD", /*clean=*/true).exit_code == 0);
  same_tree(dir / "site", dir / "clean");
}

}  // namespace quorum::testing
