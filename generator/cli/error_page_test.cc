// The preview's error page lists every error readably, escaped, with its suggested fix; the
// reload script goes before </body>.
#include "cli/error_page.h"

#include <catch2/catch.hpp>

#include "cli/reload_script.h"

namespace quorum {
namespace {

TEST_CASE("a suggestion is split from the problem", "[serve][errors]") {
  const ErrorAdvice advice = split_advice("there is no person 'bob-membr'. Did you mean 'bob-member'?");
  CHECK(advice.problem == "there is no person 'bob-membr'.");
  CHECK(advice.suggestion == "Did you mean 'bob-member'?");
  CHECK(split_advice("the file is empty").suggestion.empty());
  CHECK(split_advice("the file is empty").problem == "the file is empty");
}

TEST_CASE("the error page shows each error's file, line and fix, escaped", "[serve][errors]") {
  const std::vector<Diagnostic> errors = {
      {Severity::error,
       {"content/people/<b>.yaml", 4, 12},
       "unknown person '<script>x</script>'. Did you mean 'ada & co'?"},
      {Severity::error, {"site-config/site.yaml", 0, 0}, "no title"},
  };
  const std::string html = error_page(errors, "papers & co");
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("<title>Preview: the site could not be built (2 problems)</title>") != std::string::npos);
  CHECK(html.find("<code>content/people/&lt;b&gt;.yaml</code>, line 4, column 12") != std::string::npos);
  CHECK(html.find("unknown person &#39;&lt;script&gt;x&lt;/script&gt;&#39;.") != std::string::npos);
  CHECK(html.find("<strong>Suggested fix:</strong> Did you mean &#39;ada &amp; co&#39;?") !=
        std::string::npos);
  CHECK(html.find("<code>site-config/site.yaml</code></p>") != std::string::npos);
  CHECK(html.find("papers &amp; co") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
}

TEST_CASE("the reload script goes before the end of the body and remembers the build", "[serve][reload]") {
  const std::string page = with_reload_script("<html><body><p>x</p></body></html>", 7);
  const auto script = page.find("<script id=\"quorum-preview-reload\">");
  REQUIRE(script != std::string::npos);
  CHECK(script > page.find("<p>x</p>"));
  CHECK(page.find("</body></html>") > script);
  CHECK(page.find("var seen = '7';") != std::string::npos);
  CHECK(page.find("/_quorum/events?since=") != std::string::npos);
  // A page with no </body> gets it at the end.
  const std::string bare = with_reload_script("<p>x</p>", 1);
  CHECK(bare.rfind("<p>x</p>", 0) == 0);
  CHECK(bare.find("quorum-preview-reload") != std::string::npos);
}

}  // namespace
}  // namespace quorum
