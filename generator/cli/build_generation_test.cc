// Waiters on the build generation wake when a build is published or the session stops.
#include "cli/build_generation.h"

#include <catch2/catch.hpp>
#include <thread>

namespace quorum {
namespace {

using Clock = std::chrono::steady_clock;

TEST_CASE("the build generation counts builds and keeps the latest errors", "[serve][generation]") {
  BuildGeneration builds;
  CHECK(builds.current().generation == 0);
  Diagnostics broken;
  broken.warning({"a.md", 1, 1}, "a warning");
  broken.error({"b.md", 2, 3}, "an error");
  builds.publish(broken);
  CHECK(builds.current().generation == 1);
  CHECK(builds.current().failed);
  REQUIRE(builds.current().errors.size() == 1);  // errors only: warnings do not stop a build
  CHECK(builds.current().errors[0].pos.path == "b.md");
  builds.publish(Diagnostics());
  CHECK(builds.current().generation == 2);
  CHECK_FALSE(builds.current().failed);
  CHECK(builds.current().errors.empty());
  // Already different: no waiting at all, even with a deadline in the past.
  CHECK(builds.wait_for_change(1, Clock::now() - std::chrono::seconds(1)) == 2);
}

TEST_CASE("a waiter wakes on the next build, and on stop", "[serve][generation]") {
  BuildGeneration builds;
  builds.publish(Diagnostics());
  const auto far = Clock::now() + std::chrono::minutes(10);
  std::thread builder([&] { builds.publish(Diagnostics()); });
  CHECK(builds.wait_for_change(1, far) == 2);
  builder.join();
  std::thread stopper([&] { builds.stop(); });
  CHECK(builds.wait_for_change(2, far) == 2);  // returns (unchanged) because of stop, not the deadline
  stopper.join();
  CHECK(builds.stopped());
}

}  // namespace
}  // namespace quorum
