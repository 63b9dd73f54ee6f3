#include "write/atomic_output.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

#include "write/write_test_fixtures.h"

namespace quorum {
namespace {
namespace fs = std::filesystem;
using namespace write_testing;  // NOLINT(google-build-using-namespace): the tests' own fixtures

// Every entry under `root`, files and folders, relative and with forward slashes; the
// manifest every build leaves is Quorum's bookkeeping, not a page, and is left out.
std::set<std::string> tree(const fs::path& root) {
  std::set<std::string> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string rel = e.path().lexically_relative(root).generic_string();
    if (rel != AtomicOutput::kManifest) out.insert(rel + (e.is_directory() ? "/" : ""));
  }
  return out;
}

// A site an earlier build published: files Quorum wrote, listed in its manifest.
void publish(const fs::path& site, const std::map<std::string, std::string>& files) {
  AtomicOutput out(site);
  for (const auto& [path, bytes] : files) out.write(path, bytes);
  out.commit();
}

// What sits beside the site folder, apart from the site itself and its lock file.
std::set<std::string> leftovers(const fs::path& parent, const std::string& site) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(parent)) {
    const std::string name = e.path().filename().string();
    if (name != site && name != "." + site + ".quorum-lock") out.insert(name);
  }
  return out;
}

TEST_CASE("commit replaces the previous site completely", "[write][atomic]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  publish(site,
          {{"index.html", "old home"}, {"old-page/index.html", "old page"}, {"assets/old.css", "old css"}});
  {
    AtomicOutput out(site);
    out.write("index.html", "new home");
    out.write("committees/board/index.html", "board");
    CHECK(out.bytes_written() == 13);
    // Nothing is visible before the commit.
    CHECK(get(site / "index.html") == "old home");
    CHECK_FALSE(fs::exists(site / "committees"));
    out.commit();
  }
  CHECK(tree(site) == std::set<std::string>{"index.html", "committees/", "committees/board/",
                                            "committees/board/index.html"});
  CHECK(get(site / "index.html") == "new home");
  CHECK(get(site / "committees/board/index.html") == "board");
  CHECK(leftovers(dir.path, "public").empty());
}

TEST_CASE("commit creates a destination that did not exist", "[write][atomic]") {
  Scratch dir;
  const fs::path site = dir.path / "nested" / "out";
  {
    AtomicOutput out(site);
    out.write("a/b/c.txt", std::string("x\0y", 3));
    out.commit();
  }
  CHECK(get(site / "a/b/c.txt") == std::string("x\0y", 3));
  CHECK(leftovers(dir.path / "nested", "out").empty());
}

TEST_CASE("a destination written with a trailing slash works the same", "[write][atomic]") {
  Scratch dir;
  publish(dir.path / "site", {{"old.html", "old"}});
  {
    AtomicOutput out(dir.path.string() + "/site/");
    out.write("new.html", "new");
    out.commit();
  }
  CHECK(tree(dir.path / "site") == std::set<std::string>{"new.html"});
  CHECK(leftovers(dir.path, "site").empty());
}

TEST_CASE("without a commit the previous site is untouched and no staging is left", "[write][atomic]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  publish(site, {{"index.html", "old home"}, {"people/ada/index.html", "ada"}});
  const auto before = tree(site);
  {
    AtomicOutput out(site);
    out.write("index.html", "half-built");
    out.write("broken/index.html", "x");
    // A build that failed: destroyed without commit.
  }
  CHECK(tree(site) == before);
  CHECK(get(site / "index.html") == "old home");
  CHECK(get(site / "people/ada/index.html") == "ada");
  CHECK(leftovers(dir.path, "public").empty());
}

TEST_CASE("an abandoned build with no previous site leaves nothing", "[write][atomic]") {
  Scratch dir;
  {
    AtomicOutput out(dir.path / "public");
    out.write("index.html", "x");
  }
  CHECK_FALSE(fs::exists(dir.path / "public"));
  CHECK(leftovers(dir.path, "public").empty());
}

TEST_CASE("staging left by a killed build is cleared before writing", "[write][atomic]") {
  Scratch dir;
  put(dir.path / ".public.quorum-staging/stale.html", "from a killed build");
  {
    AtomicOutput out(dir.path / "public");
    out.write("index.html", "fresh");
    out.commit();
  }
  CHECK(tree(dir.path / "public") == std::set<std::string>{"index.html"});
}

TEST_CASE("a second build of the same destination is refused while the first runs", "[write][atomic]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  publish(site, {{"index.html", "old"}});
  {
    AtomicOutput first(site);
    first.write("index.html", "first");
    try {
      AtomicOutput second(site);
      FAIL("a second AtomicOutput on the same destination was allowed");
    } catch (const std::runtime_error& e) {
      CHECK_THAT(e.what(), Catch::Contains("another quorum build"));
    }
    // The refused build did not disturb the first one's staging.
    first.commit();
  }
  CHECK(get(site / "index.html") == "first");
  // Once the first is gone, the lock is free again.
  {
    AtomicOutput third(site);
    third.write("index.html", "third");
    third.commit();
  }
  CHECK(get(site / "index.html") == "third");
}

TEST_CASE("different destinations in one folder do not block each other", "[write][atomic]") {
  Scratch dir;
  AtomicOutput a(dir.path / "one");
  CHECK_NOTHROW([&] { AtomicOutput b(dir.path / "two"); }());
}

TEST_CASE("write refuses paths outside the site", "[write][atomic]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  AtomicOutput out(site);
  CHECK_THROWS_AS(out.write("../escape.html", "x"), std::runtime_error);
  CHECK_THROWS_AS(out.write("a/../../escape.html", "x"), std::runtime_error);
  CHECK_THROWS_AS(out.write("people/../index.html", "x"), std::runtime_error);
  CHECK_THROWS_AS(out.write("/tmp/escape.html", "x"), std::runtime_error);
  CHECK_THROWS_AS(out.write("./index.html", "x"), std::runtime_error);
  CHECK_THROWS_AS(out.write("", "x"), std::runtime_error);
  CHECK_THROWS_WITH(out.write("../escape.html", "x"), Catch::Contains("../escape.html"));
  CHECK(out.bytes_written() == 0);
  CHECK_FALSE(fs::exists(dir.path / "escape.html"));
  // A name that merely contains dots is fine.
  CHECK_NOTHROW(out.write("files/report..v2.pdf", "ok"));
  CHECK_NOTHROW(out.write("files/..hidden", "ok"));
}

TEST_CASE("write makes every missing folder and says which one it cannot make", "[write][atomic]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  AtomicOutput out(site);
  out.write("committees/board/meetings/2026-01-05/index.html", "meeting");
  out.write("committees/board/meetings/2026-02-02/index.html", "another, beside it");
  out.write("committees/board/index.html", "board");
  // A file where a folder must go: the write fails and names the folder.
  out.write("people/ann", "a file");
  CHECK_THROWS_WITH(out.write("people/ann/index.html", "x"),
                    Catch::Contains("could not create") && Catch::Contains("people/ann"));
  CHECK_THROWS_WITH(out.write("people/ann/deeper/index.html", "x"), Catch::Contains("could not create"));
  out.commit();
  CHECK(tree(site) ==
        std::set<std::string>{"committees/", "committees/board/", "committees/board/index.html",
                              "committees/board/meetings/", "committees/board/meetings/2026-01-05/",
                              "committees/board/meetings/2026-01-05/index.html",
                              "committees/board/meetings/2026-02-02/",
                              "committees/board/meetings/2026-02-02/index.html", "people/", "people/ann"});
}

TEST_CASE("MemoryOutput keeps what is written", "[write][memory]") {
  MemoryOutput out;
  OutputSink& sink = out;
  sink.write("index.html", "a");
  sink.write("index.html", "b");
  sink.write("x/y.html", "c");
  CHECK(out.files == std::map<std::string, std::string>{{"index.html", "b"}, {"x/y.html", "c"}});
}

}  // namespace
}  // namespace quorum

namespace quorum {

TEST_CASE("two files at one address stop the build instead of one replacing the other", "[write][atomic][security]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  publish(site, {{"index.html", "old"}});
  {
    AtomicOutput out(site);
    out.write("papers/budget-text/index.html", "the text page of one PDF");
    CHECK_THROWS_WITH(out.write("papers/budget-text/index.html", "the text page of another"),
                      Catch::Contains("two files would be published at the same address") &&
                          Catch::Contains("papers/budget-text/index.html"));
    CHECK_THROWS_WITH(out.write(AtomicOutput::kManifest, "forged"), Catch::Contains("refusing to write"));
  }
  CHECK(tree(site) == std::set<std::string>{"index.html"});
}

}  // namespace quorum
