#include <catch2/catch.hpp>

#include "support/diagnostics.h"

namespace quorum {
namespace {

TEST_CASE("github style is a workflow command with its escaping", "[support][diagnostics]") {
  const Diagnostic error{Severity::error, {"content/people/x.yaml", 3, 7}, "bad"};
  CHECK(error.format(DiagnosticStyle::github) ==
        "::error file=content/people/x.yaml,line=3,col=7,title=Quorum::bad");
  CHECK(error.format(DiagnosticStyle::text) == error.format());
  const Diagnostic warning{Severity::warning, {"a.yaml", 2, 0}, "odd"};
  CHECK(warning.format(DiagnosticStyle::github) == "::warning file=a.yaml,line=2,title=Quorum::odd");
  const Diagnostic nowhere{Severity::error, {"", 0, 0}, "no site"};
  CHECK(nowhere.format(DiagnosticStyle::github) == "::error title=Quorum::no site");
  // The message (data) escapes %, CR and LF; a property also ':' and ','.
  const Diagnostic odd{Severity::error, {"content/a,b:c%.md", 1, 1}, "100% wrong:\r\nsee, here"};
  CHECK(odd.format(DiagnosticStyle::github) ==
        "::error file=content/a%2Cb%3Ac%25.md,line=1,col=1,title=Quorum::100%25 wrong:%0D%0Asee, here");
}

}  // namespace
}  // namespace quorum
