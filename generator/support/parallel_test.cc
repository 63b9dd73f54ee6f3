#include "support/parallel.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using namespace quorum;

TEST_CASE("parallel_for runs every job exactly once on any number of threads", "[support][parallel]") {
  for (unsigned threads : {1U, 2U, 4U, 16U}) {
    std::vector<std::atomic<int>> runs(1000);
    parallel_for(runs.size(), threads, [&](std::size_t i) { ++runs[i]; });
    for (const auto& r : runs) CHECK(r.load() == 1);
  }
  int calls = 0;
  parallel_for(0, 4, [&](std::size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("parallel_for rethrows the lowest-numbered job's exception after running all",
          "[support][parallel]") {
  std::atomic<int> ran{0};
  try {
    parallel_for(200, 4, [&](std::size_t i) {
      ++ran;
      if (i == 150 || i == 37 || i == 90) throw std::runtime_error("job " + std::to_string(i));
    });
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "job 37");
  }
  CHECK(ran.load() == 200);
}
