// Incremental builds commit in place: what did not change keeps its inode, what went away
// is deleted, and a build killed halfway through its commit is finished by the next one.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>

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

}  // namespace

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
