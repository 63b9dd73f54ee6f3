#include "model/url_check.h"

#include <catch2/catch.hpp>

namespace quorum {

TEST_CASE("url_scheme reads the scheme as a browser does, in lower case", "[model][urls]") {
  CHECK(url_scheme("https://x.example/") == "https");
  CHECK(url_scheme("JavaScript:alert(1)") == "javascript");
  CHECK(url_scheme("mailto:a@b.example") == "mailto");
  CHECK(url_scheme("reports/a.md") == "");
  CHECK(url_scheme("1http://x") == "");
}

TEST_CASE("only http(s) and mailto links, and only http(s) site addresses, are allowed", "[model][urls][security]") {
  for (const char* good : {"https://www.example.gov.uk/", "http://example.org/a?b=c#d", "mailto:clerk@example.org",
                           "https://example.org/commit/{commit}"}) {
    INFO(good);
    CHECK(url_problem(good, UrlUse::link).empty());
  }
  for (const char* bad : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                          "data:text/html,<script>", "vbscript:x", "file:///etc/passwd", "//evil.example/",
                          "reports/a.md", "https://", "https:///path", "https://a.example/\nDisallow: /", "ftp://x",
                          "https://a.example/\"onmouseover=\"x"}) {
    INFO(bad);
    CHECK_FALSE(url_problem(bad, UrlUse::link).empty());
  }
  CHECK(url_problem("https://democracy.example.gov.uk/papers/", UrlUse::site_address).empty());
  for (const char* bad : {"mailto:a@b.example", "https://a.example/?x=1", "https://a.example/#x", "/papers/",
                          "https://a.example/\r\nSitemap: https://evil.example/"}) {
    INFO(bad);
    CHECK_FALSE(url_problem(bad, UrlUse::site_address).empty());
  }
}

}  // namespace quorum
