// Incremental builds: what is kept from the last build, how, and from several threads at once.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "write/atomic_output.h"
#include "write/write_test_fixtures.h"

namespace quorum {
namespace {
namespace fs = std::filesystem;
using namespace write_testing;  // NOLINT(google-build-using-namespace): the tests' own fixtures

}  // namespace

TEST_CASE("a page that does not carry the build line is kept as it is when the commit changes",
          "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  {
    AtomicOutput out(site, true);
    out.set_build_stamp("<p>Built from A</p>");
    out.write_with_fingerprint("own/index.html", "<p>Last changed in X</p>", "fp-own");
    out.write_with_fingerprint("list/index.html", "list <p>Built from A</p>", "fp-list");
    out.commit();
  }
  const ino_t own = inode(site / "own/index.html");
  {
    AtomicOutput out(site, true);
    out.set_build_stamp("<p>Built from B</p>");
    CHECK(out.reuse("own/index.html", "fp-own", /*carries_build_stamp=*/false));
    CHECK(out.reuse("list/index.html", "fp-list", /*carries_build_stamp=*/true));
    CHECK_FALSE(out.reuse("list/index.html", "fp-other", true));
    out.commit();
  }
  CHECK(get(site / "own/index.html") == "<p>Last changed in X</p>");
  CHECK(inode(site / "own/index.html") == own);  // linked, not rewritten
  CHECK(get(site / "list/index.html") == "list <p>Built from B</p>");
}

TEST_CASE("a re-rendered file with the same bytes is linked, not rewritten", "[write][atomic][incremental]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  {
    AtomicOutput out(site, true);
    out.write_with_fingerprint("a.html", "same", "fp-1");
    out.write_with_fingerprint("b.html", "before", "fp-1");
    out.commit();
  }
  const ino_t a = inode(site / "a.html");
  const ino_t b = inode(site / "b.html");
  {
    AtomicOutput out(site, true);
    out.write_with_fingerprint("a.html", "same", "fp-2");
    out.write_with_fingerprint("b.html", "after", "fp-2");
    CHECK(out.bytes_written() == 5);  // only b's new bytes
    out.commit();
  }
  CHECK(inode(site / "a.html") == a);
  CHECK(inode(site / "b.html") != b);
  CHECK(get(site / "a.html") == "same");
  CHECK(get(site / "b.html") == "after");
  // A clean build writes everything afresh.
  {
    AtomicOutput out(site, false);
    out.write_with_fingerprint("a.html", "same", "fp-2");
    CHECK(out.bytes_written() == 4);
    out.commit();
  }
}

TEST_CASE("AtomicOutput takes writes and reuses from many threads at once", "[write][atomic][parallel]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  const auto path = [](int i) {
    return "d" + std::to_string(i % 7) + "/p" + std::to_string(i) + "/index.html";
  };
  {
    AtomicOutput out(site, true);
    for (int i = 0; i < 400; ++i) out.write_with_fingerprint(path(i), "page " + std::to_string(i), "fp");
    out.commit();
  }
  {
    AtomicOutput out(site, true);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = t; i < 400; i += 4) {
          // Even pages kept, odd ones rewritten.
          if (i % 2 == 1 || !out.reuse(path(i), "fp", false))
            out.write_with_fingerprint(path(i), "new " + std::to_string(i), "fp2");
        }
      });
    }
    for (auto& th : threads) th.join();
    CHECK(out.reused() == 200);
    out.commit();
  }
  for (int i = 0; i < 400; ++i) {
    INFO(i);
    CHECK(get(site / path(i)) == (i % 2 == 1 ? "new " : "page ") + std::to_string(i));
  }
  // The manifest lists every file once: a third build keeps them all.
  AtomicOutput out(site, true);
  for (int i = 0; i < 400; ++i) CHECK(out.reuse(path(i), i % 2 == 1 ? "fp2" : "fp", false));
}

}  // namespace quorum
