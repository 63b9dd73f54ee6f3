// Incremental commits in place: only changed files move, removed files go, and a commit
// killed at any step is finished by the next build, ending byte for byte where a clean
// build would.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "write/atomic_output.h"
#include "write/commit_journal.h"
#include "write/write_test_fixtures.h"

namespace quorum {
namespace {
namespace fs = std::filesystem;
using namespace write_testing;  // NOLINT(google-build-using-namespace): the tests' own fixtures

// Every file and folder under `root` with its bytes ("/" for a folder).
std::map<std::string, std::string> contents(const fs::path& root) {
  std::map<std::string, std::string> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string rel = e.path().lexically_relative(root).generic_string();
    out[rel] = e.is_directory() ? "/" : get(e.path());
  }
  return out;
}

// What sits beside the site folder apart from the site, its lock and its cache.
std::set<std::string> leftovers(const fs::path& parent, const std::string& site) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(parent)) {
    const std::string name = e.path().filename().string();
    if (name != site && name != "." + site + ".quorum-lock") out.insert(name);
  }
  return out;
}

using Pages = std::map<std::string, std::string>;  // path -> bytes; fingerprint = bytes

// One build as the renderer drives it: every page offered for reuse first.
void build(const fs::path& site, const Pages& pages, bool incremental,
           const std::string& stamp = "<b>A</b>") {
  AtomicOutput out(site, incremental);
  out.set_build_stamp(stamp);
  for (const auto& [path, bytes] : pages) {
    if (!out.reuse(path, "fp:" + bytes, false)) out.write_with_fingerprint(path, bytes, "fp:" + bytes);
  }
  out.commit();
}

const Pages kBefore = {{"index.html", "home"},
                       {"people/ada/index.html", "ada"},
                       {"people/bob/index.html", "bob"},
                       {"old/deep/page/index.html", "gone soon"},
                       {"assets/site.css", "css"}};
const Pages kAfter = {{"index.html", "home, changed"},
                      {"people/ada/index.html", "ada"},
                      {"people/cara/index.html", "cara, new"},
                      {"assets/site.css", "css"},
                      {"people/bob/index.html", "bob"}};

}  // namespace

TEST_CASE("an incremental commit moves only the changed files and deletes removed ones",
          "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  build(site, kBefore, true);
  const ino_t ada = inode(site / "people/ada/index.html");
  const ino_t css = inode(site / "assets/site.css");
  const ino_t home = inode(site / "index.html");
  const auto ada_time = fs::last_write_time(site / "people/ada/index.html");
  {
    AtomicOutput out(site, true);
    out.set_build_stamp("<b>A</b>");  // as build() sets it, so the manifests compare equal
    CHECK(out.in_place());
    for (const auto& [path, bytes] : kAfter) {
      if (!out.reuse(path, "fp:" + bytes, false)) out.write_with_fingerprint(path, bytes, "fp:" + bytes);
    }
    CHECK(out.reused() == 3);
    CHECK(out.staged() == 2);  // the changed home page and the new page, nothing else
    // Nothing is visible before the commit.
    CHECK(get(site / "index.html") == "home");
    CHECK_FALSE(fs::exists(site / "people/cara"));
    out.commit();
  }
  CHECK(inode(site / "people/ada/index.html") == ada);
  CHECK(fs::last_write_time(site / "people/ada/index.html") == ada_time);
  CHECK(inode(site / "assets/site.css") == css);
  CHECK(inode(site / "index.html") != home);
  CHECK(get(site / "index.html") == "home, changed");
  CHECK(get(site / "people/cara/index.html") == "cara, new");
  // The removed page is gone, and so are the folders it leaves empty.
  CHECK_FALSE(fs::exists(site / "old"));
  CHECK(leftovers(dir.path, "public").empty());  // no staging, no journal

  // The result is what a clean build makes, manifest included.
  build(dir.path / "clean", kAfter, false);
  CHECK(contents(site) == contents(dir.path / "clean"));
}

TEST_CASE("a rebuild with nothing changed moves nothing", "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  build(site, kBefore, true);
  std::map<std::string, ino_t> before;
  for (const auto& [path, bytes] : contents(site)) before[path] = inode(site / path);
  build(site, kBefore, true);
  std::map<std::string, ino_t> after;
  for (const auto& [path, bytes] : contents(site)) after[path] = inode(site / path);
  CHECK(after == before);  // the manifest too: it came out the same
}

TEST_CASE("a page kept but for its build line is rewritten through the staging folder",
          "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  {
    AtomicOutput out(site, true);
    out.set_build_stamp("<p>Built from A</p>");
    out.write_with_fingerprint("list/index.html", "list <p>Built from A</p>", "fp-list");
    out.commit();
  }
  {
    AtomicOutput out(site, true);
    out.set_build_stamp("<p>Built from B</p>");
    CHECK(out.reuse("list/index.html", "fp-list", true));
    CHECK(out.staged() == 1);
    CHECK(get(site / "list/index.html") == "list <p>Built from A</p>");  // not yet
    out.commit();
  }
  CHECK(get(site / "list/index.html") == "list <p>Built from B</p>");
}

TEST_CASE("a failed incremental build leaves the previous site byte-identical",
          "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  build(site, kBefore, true);
  const auto before = contents(site);
  {
    AtomicOutput out(site, true);
    for (const auto& [path, bytes] : kAfter) {
      if (!out.reuse(path, "fp:" + bytes, false)) out.write_with_fingerprint(path, bytes, "fp:" + bytes);
    }
    // Destroyed without commit: the build had errors, or was killed before its journal.
  }
  CHECK(contents(site) == before);
  CHECK(leftovers(dir.path, "public").empty());
}

TEST_CASE("a commit stopped at any step is finished by the next build", "[write][atomic][incremental]") {
  Scratch dir;
  build(dir.path / "clean", kAfter, false);
  const auto clean = contents(dir.path / "clean");
  // 1 deletion and 2 moves of pages, then the manifest: 4 steps.
  for (long steps = 0; steps <= 4; ++steps) {
    INFO("stopped after " << steps << " steps");
    const fs::path site = dir.path / ("public-" + std::to_string(steps));
    build(site, kBefore, true);
    {
      const StopCommitAfter stop(steps);
      if (steps < 4) {
        CHECK_THROWS_WITH(build(site, kAfter, true), Catch::Contains("next build"));
        CHECK(fs::exists(AtomicOutput::journal_path(site)));
      } else {
        build(site, kAfter, true);  // a commit of 4 steps is not stopped after 4
      }
    }
    // The next build of anything (here: the same pages again) starts by finishing it.
    { AtomicOutput next(site, true); }
    CHECK_FALSE(fs::exists(AtomicOutput::journal_path(site)));
    CHECK(contents(site) == clean);
    build(site, kAfter, true);
    CHECK(contents(site) == clean);
  }
}

TEST_CASE("a clean build after a stopped commit finishes it or replaces everything",
          "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  build(site, kBefore, true);
  {
    const StopCommitAfter stop(1);
    CHECK_THROWS(build(site, kAfter, true));
  }
  build(site, kAfter, false);
  build(dir.path / "clean", kAfter, false);
  CHECK(contents(site) == contents(dir.path / "clean"));
  CHECK(leftovers(dir.path, "public") == std::set<std::string>{"clean", ".clean.quorum-lock"});
}

TEST_CASE("a journal written by hand is replayed, and replaying it twice changes nothing",
          "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  const fs::path staging = dir.path / ".public.quorum-staging";
  // A page that was a file becomes a folder, and one that was in a folder becomes a file.
  put(site / "x", "x was a file");
  put(site / "y/index.html", "y was a folder");
  put(site / "keep.html", "kept");
  put(staging / "x/index.html", "x is a folder");
  put(staging / "y", "y is a file");
  CommitJournal plan;
  plan.deletions = {"x", "y/index.html", "never/there.html"};
  plan.moves = {"x/index.html", "y"};
  write_journal(AtomicOutput::journal_path(site), plan);
  const auto read_back = read_journal(AtomicOutput::journal_path(site));
  REQUIRE(read_back);
  CHECK(read_back->deletions == plan.deletions);
  CHECK(read_back->moves == plan.moves);

  // The targets pass the check made before a journal is written: y goes with its deletion.
  CHECK_NOTHROW(check_journal_targets(plan, site));
  apply_journal(plan, staging, site);
  const auto once = contents(site);
  apply_journal(plan, staging, site);  // as a replay after a crash at the very end would
  CHECK(contents(site) == once);
  CHECK(once ==
        std::map<std::string, std::string>{
            {"x", "/"}, {"x/index.html", "x is a folder"}, {"y", "y is a file"}, {"keep.html", "kept"}});
}

TEST_CASE("paths with backslashes survive the journal; a line break cannot forge a line",
          "[write][atomic][incremental]") {
  Scratch dir;
  CommitJournal plan;
  plan.moves = {"odd name\\with/backslash.html", "plain.html"};
  write_journal(dir.path / "journal", plan);
  const auto back = read_journal(dir.path / "journal");
  REQUIRE(back);
  CHECK(back->moves == plan.moves);
  CHECK_FALSE(fs::exists(dir.path / "journal.tmp"));
  // A name with a line break (which the loader refuses) is escaped on its line, and read back
  // it is not a site path at all: the journal is refused, nothing forged from it is done.
  plan.moves = {"odd\nD\t../x.html", "plain.html"};
  write_journal(dir.path / "journal", plan);
  CHECK(get(dir.path / "journal").find("\nD\t") == std::string::npos);
  CHECK_THROWS_WITH(read_journal(dir.path / "journal"), Catch::Contains("not a file inside the site"));
}

TEST_CASE("a folder or file of someone's where a step of the commit goes is found before the journal",
          "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  put(site / "x/mine.txt", "someone's");     // a folder where the site puts the file x
  put(site / "y", "someone's too");          // a file where the site needs the folder y
  put(site / "z/index.html", "the site's");  // emptied by the deletions: fine
  CommitJournal plan;
  plan.deletions = {"z/index.html"};
  plan.moves = {"z"};
  CHECK_NOTHROW(check_journal_targets(plan, site));
  plan.moves = {"z", "x"};
  CHECK_THROWS_WITH(check_journal_targets(plan, site),
                    Catch::Contains("x is a folder where the new site puts a file"));
  plan.moves = {"y/index.html"};
  CHECK_THROWS_WITH(check_journal_targets(plan, site),
                    Catch::Contains("y is a file where the new site needs a folder"));
}

TEST_CASE("a journal naming a path outside the site is refused whole", "[write][atomic][incremental]") {
  Scratch dir;
  for (const std::string bad : {"../victim.txt", "/etc/passwd", "a/../../b", "./a"}) {
    INFO(bad);
    put(dir.path / "journal", "quorum-journal 1\nD\tindex.html\nD\t" + bad + "\nend\n");
    CHECK_THROWS_WITH(read_journal(dir.path / "journal"), Catch::Contains("not a file inside the site"));
  }
}

TEST_CASE("a damaged journal stops an incremental build with a readable message",
          "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  build(site, kBefore, true);
  put(AtomicOutput::journal_path(site), "quorum-journal 1\nM\tindex.html\n");  // no end line
  CHECK_THROWS_WITH(AtomicOutput(site, true), Catch::Contains("--clean"));
  // A clean build replaces the whole site, so it drops the journal and goes on.
  build(site, kAfter, false);
  CHECK(get(site / "index.html") == "home, changed");
  CHECK_FALSE(fs::exists(AtomicOutput::journal_path(site)));
}

TEST_CASE(
    "a clean build swaps the whole folder even when there is a manifest, keeping files it did not write",
    "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  build(site, kBefore, true);
  put(site / "stray.txt", "not the site's");
  {
    AtomicOutput out(site, false);
    CHECK_FALSE(out.in_place());
    for (const auto& [path, bytes] : kAfter) out.write_with_fingerprint(path, bytes, "fp:" + bytes);
    out.commit();
  }
  CHECK(get(site / "stray.txt") == "not the site's");
  CHECK_FALSE(fs::exists(site / "old"));
  CHECK(get(site / "index.html") == "home, changed");
}

}  // namespace quorum
