#include "support/diagnostics.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

TEST_CASE("Diagnostic::format is path:line:column: severity: message", "[support][diagnostics]") {
  CHECK(Diagnostic{Severity::error, {"content/people/x.yaml", 3, 7}, "bad"}.format() ==
        "content/people/x.yaml:3:7: error: bad");
  CHECK(Diagnostic{Severity::warning, {"content/people/x.yaml", 3, 0}, "odd"}.format() ==
        "content/people/x.yaml:3: warning: odd");
  CHECK(Diagnostic{Severity::error, {"content/people/x.yaml", 0, 5}, "bad"}.format() ==
        "content/people/x.yaml: error: bad");
  CHECK(Diagnostic{Severity::error, {"", 0, 0}, "no site"}.format() == "quorum: error: no site");
}

TEST_CASE("Diagnostics counts errors and warnings and sorts by position", "[support][diagnostics]") {
  Diagnostics d;
  CHECK_FALSE(d.has_errors());
  d.warning({"b.yaml", 2, 1}, "w1");
  d.error({"b.yaml", 10, 1}, "e1");
  d.error({"a.yaml", 5, 3}, "e2");
  d.error({"b.yaml", 2, 1}, "e3");  // same place as w1: keeps the order of reporting
  d.error({"b.yaml", 2, 0}, "e4");
  CHECK(d.has_errors());
  CHECK(d.error_count() == 4);
  CHECK(d.warning_count() == 1);
  REQUIRE(d.all().size() == 5);
  CHECK(d.all()[0].message == "w1");
  std::vector<std::string> order;
  for (const auto& x : d.sorted()) order.push_back(x.message);
  CHECK(order == std::vector<std::string>{"e2", "e4", "w1", "e3", "e1"});
}

}  // namespace
}  // namespace quorum
