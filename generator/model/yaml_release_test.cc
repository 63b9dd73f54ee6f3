// Trees handed to a YamlRelease stay usable through any handle the loader still holds, and
// all of them are let go when it is destroyed.
#include "model/yaml_release.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace quorum {

TEST_CASE("YAML trees handed over stay whole while the loader still holds them", "[model][parallel]") {
  std::vector<YAML::Node> still_held;
  {
    loader::YamlRelease release;
    for (int i = 0; i < 1000; ++i) {
      const YAML::Node tree = YAML::Load("id: m" + std::to_string(i) + "\nagenda: [a, b, c]\n");
      release.hand_over(tree);
      if (i % 100 == 0) still_held.push_back(tree["agenda"]);  // a part of the tree, kept
    }
  }
  REQUIRE(still_held.size() == 10);
  for (const auto& agenda : still_held) {
    REQUIRE(agenda.IsSequence());
    CHECK(agenda.size() == 3);
    CHECK(agenda[2].as<std::string>() == "c");
  }
}

}  // namespace quorum
