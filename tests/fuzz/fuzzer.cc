// One libFuzzer executable per target in fuzz_targets.h, chosen when compiled
// (QUORUM_FUZZ_TARGET, see tests/fuzz/CMakeLists.txt). A broken invariant aborts, so libFuzzer
// keeps the input as a crash, the same as a sanitizer finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string problem = quorum::fuzz::QUORUM_FUZZ_TARGET(input);
  if (!problem.empty()) {
    std::fprintf(stderr, "quorum fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
