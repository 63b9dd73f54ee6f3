// A clean build's swap: at every instant the site folder's name holds the whole old site or
// the whole new one; where the file system forces two renames, a build killed between them
// is undone by the next one.
#include "write/site_swap.h"

#include <catch2/catch.hpp>
#include <optional>

#include "write/atomic_output.h"
#include "write/write_test_fixtures.h"

namespace quorum {
namespace {
namespace fs = std::filesystem;
using namespace write_testing;  // NOLINT(google-build-using-namespace): the tests' own fixtures

struct Fallback {
  explicit Fallback(bool stop_between = false) {
    swap_without_exchange_for_testing = true;
    stop_swap_between_renames_for_testing = stop_between;
  }
  ~Fallback() {
    swap_without_exchange_for_testing = false;
    stop_swap_between_renames_for_testing = false;
  }
  Fallback(const Fallback&) = delete;
  Fallback& operator=(const Fallback&) = delete;
};

}  // namespace

TEST_CASE("a swap puts the new site in place and leaves nothing beside it", "[write][swap]") {
  for (const bool exchange : {true, false}) {
    Scratch dir;
    const fs::path site = dir.path / "public", fresh = dir.path / "fresh", aside = dir.path / "aside";
    put(site / "index.html", "old");
    put(fresh / "index.html", "new");
    {
      std::optional<Fallback> fallback;
      if (!exchange) fallback.emplace();
      swap_site(fresh, site, aside);
    }
    CHECK(get(site / "index.html") == "new");
    CHECK_FALSE(fs::exists(fresh));
    CHECK_FALSE(fs::exists(aside));
  }
}

TEST_CASE("a swap into a missing folder renames the new site there", "[write][swap]") {
  Scratch dir;
  put(dir.path / "fresh/index.html", "new");
  swap_site(dir.path / "fresh", dir.path / "public", dir.path / "aside");
  CHECK(get(dir.path / "public/index.html") == "new");
}

TEST_CASE("a fallback swap killed between its renames is undone by the next build", "[write][swap][fault]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  {
    AtomicOutput first(site);
    first.write("index.html", "old");
    first.commit();
  }
  {
    const Fallback killed_between(true);
    AtomicOutput second(site);
    second.write("index.html", "new");
    CHECK_THROWS_WITH(second.commit(), Catch::Contains("stopped for a test"));
    // The gap: no site folder, the old one aside; the message says so rather than "untouched".
    CHECK_FALSE(fs::exists(site));
    CHECK_THAT(second.state_after_failure(),
               Catch::Contains("is missing: the next build puts the previous one back"));
  }
  {
    // The next build, even one that goes on to fail, puts the old site back first.
    AtomicOutput third(site);
    CHECK(get(site / "index.html") == "old");
    CHECK_THAT(third.state_after_failure(), Catch::Contains("was stopped part way was finished first") &&
                                                Catch::Contains("is as the last build left it"));
  }
  CHECK(get(site / "index.html") == "old");
  CHECK_FALSE(fs::exists(dir.path / ".public.quorum-old"));
}

TEST_CASE("recover_swap finishes only what a swap left", "[write][swap][fault]") {
  Scratch dir;
  const fs::path site = dir.path / "public", aside = dir.path / "aside";
  CHECK_FALSE(recover_swap(site, aside));  // nothing to do
  put(aside / "index.html", "old");
  put(site / "index.html", "new");
  CHECK_FALSE(recover_swap(site, aside));  // the swap finished: only the old copy goes
  CHECK_FALSE(fs::exists(aside));
  CHECK(get(site / "index.html") == "new");
  fs::remove_all(site);
  put(aside / "index.html", "old");
  CHECK(recover_swap(site, aside));
  CHECK(get(site / "index.html") == "old");
}

}  // namespace quorum
