// End to end: site.yaml's theme colours (checked for contrast at build time) and logo, the
// committee structure diagram, and the accessibility statement, in a built site.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace quorum::testing;

namespace {

std::string accessible_site() {
  return R"(-- site-config/site.yaml --
title: Testshire Council papers
base_url: https://papers.example.org/
organisation: testshire-council
contact_email: democracy@example.org
theme_options:
  brand: "#2A4B7C"
  brand_text: "#ffffff"
  text: "#777777"
  background: "#ffffff"
  link: "#1a5aa6"
  logo: crest.png
  logo_alt: Testshire Council crest
accessibility:
  contact: access@example.org
  last_tested: 2024-03-01
  prepared: 2023-09-20
  known_issues:
    - Minutes before 2019 are scanned PDF files.
    - The structure diagram is hard to read on small screens.
-- site-config/crest.png --
PNG stand-in: the bytes are copied, not read
-- content/organisations/testshire-council.yaml --
name: Testshire Council
kind: local-authority
-- content/committees/board/committee.yaml --
name: Testshire Board
kind: board
-- content/committees/exec/committee.yaml --
name: Executive Group
kind: sub-group
reports_to: [board]
-- content/committees/ccg/committee.yaml --
name: Testshire CCG Board
kind: external
dissolved: 2022-06-30
-- content/committees/icp/committee.yaml --
name: Integrated Care Partnership
kind: partnership
reports_to: [board, ccg]
-- content/committees/old-forum/committee.yaml --
name: Old Forum
kind: partnership
reports_to: [board]
dissolved: 2020-07-31
)";
}

const char* const kCommittees[] = {"board", "exec", "ccg", "icp", "old-forum"};

}  // namespace

TEST_CASE("low-contrast theme colours build with a warning naming the pair and the ratio", "[e2e][accessibility]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(accessible_site()));
  commit_all(dir / "repo", "Publish");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // #777777 on white is 4.478:1: a warning, at the line of the colour, not an error.
  CHECK(r.err.find("site-config/site.yaml:8:9: warning: low colour contrast: text #777777 on background #ffffff "
                   "is 4.47:1, below the 4.5:1 that WCAG 2.2 AA asks of body text") != std::string::npos);
  CHECK(r.err.find("brand_text") == std::string::npos);  // white on #2a4b7c is 8.76:1
  CHECK(r.err.find("link #1a5aa6") == std::string::npos);

  // The colours reach every page as a small override of the theme's custom properties.
  const auto home = read(dir / "public/index.html");
  // The navigation band is derived from the brand colour: 35% towards black, away from white text.
  CHECK(home.find("<style>:root{--brand:#2a4b7c;--on-brand:#ffffff;--link-on-brand:#ffffff;--link:#1a5aa6;"
                  "--text:#777777;--background:#ffffff;--notice-bg:#ffffff;--brand-dark:#1b3151;}</style>") !=
        std::string::npos);
  // The logo, copied, in the header with its alt text.
  CHECK(home.find("<img class=\"site-logo\" src=\"/assets/logo.png\" alt=\"Testshire Council crest\">") !=
        std::string::npos);
  CHECK(read(dir / "public/assets/logo.png").find("PNG stand-in") != std::string::npos);
  // Every page's footer links to the statement.
  CHECK(home.find("<a href=\"/accessibility/\">Accessibility statement</a>") != std::string::npos);
  CHECK(read(dir / "public/committees/board/index.html").find("<a href=\"/accessibility/\">") != std::string::npos);
}

TEST_CASE("a colour that is not #rrggbb stops the build and never reaches a page", "[e2e][accessibility]") {
  TempDir dir;
  auto files = parse_sections(accessible_site());
  auto& site = files["site-config/site.yaml"];
  site.replace(site.find("\"#777777\""), 9, "\"#777777;}</style><script>alert(1)</script>\"");
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Publish");
  const BuildResult r = build(dir / "repo", dir / "public");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("site-config/site.yaml:8:9: error: 'text' is '#777777;}</style><script>alert(1)</script>', "
                   "which is not a colour") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "public/index.html"));
}

TEST_CASE("the accessibility statement follows the model statement with the site's facts", "[e2e][accessibility]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(accessible_site()));
  commit_all(dir / "repo", "Publish");
  REQUIRE(build(dir / "repo", dir / "public").exit_code == 0);
  const auto page = read(dir / "public/accessibility/index.html");
  CHECK(page.find("<h1>Accessibility statement for Testshire Council papers</h1>") != std::string::npos);
  CHECK(page.find("This website is run by Testshire Council.") != std::string::npos);
  CHECK(page.find("<a href=\"mailto:access@example.org\">access@example.org</a>") != std::string::npos);
  CHECK(page.find("<li>Minutes before 2019 are scanned PDF files.</li>") != std::string::npos);
  CHECK(page.find("<li>The structure diagram is hard to read on small screens.</li>") != std::string::npos);
  // Known issues and no stated compliance: partially compliant, in the regulations' words.
  CHECK(page.find("This website is partially compliant with the <a href=\"https://www.w3.org/TR/WCAG22/\">Web "
                  "Content Accessibility Guidelines version 2.2</a> AA standard, due to the non-compliances "
                  "listed below.") != std::string::npos);
  CHECK(page.find("fully compliant") == std::string::npos);
  for (const char* heading : {">Using this website</h2>", ">How accessible this website is</h2>",
                              ">Feedback and contact information</h2>", ">Enforcement procedure</h2>",
                              ">Technical information about this website’s accessibility</h2>",
                              ">Compliance status</h3>", ">Non-accessible content</h2>",
                              ">What we’re doing to improve accessibility</h2>",
                              ">Preparation of this accessibility statement</h2>"}) {
    INFO(heading);
    CHECK(page.find(heading) != std::string::npos);
  }
  CHECK(page.find("Equality and Human Rights Commission (EHRC)") != std::string::npos);
  CHECK(page.find("Equality Advisory and Support Service (EASS)") != std::string::npos);
  CHECK(page.find("Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018") !=
        std::string::npos);
  CHECK(page.find("This statement was prepared on <time datetime=\"2023-09-20\">Wednesday 20 September 2023</time>.") !=
        std::string::npos);
  CHECK(page.find("This website was last tested on <time datetime=\"2024-03-01\">Friday 1 March 2024</time>.") !=
        std::string::npos);
}

TEST_CASE("a site that says nothing about accessibility still gets an honest statement", "[e2e][accessibility]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish");
  REQUIRE(build(dir / "repo", dir / "public").exit_code == 0);
  const auto page = read(dir / "public/accessibility/index.html");
  CHECK(page.find("This website is fully compliant with") != std::string::npos);
  CHECK(page.find("This website has not yet been tested for accessibility.") != std::string::npos);
  // The site's own contact stands in for an accessibility contact.
  CHECK(page.find("<a href=\"mailto:democracy@example.org\">democracy@example.org</a>") != std::string::npos);
  // No theme_options: no <style> override and no logo.
  const auto home = read(dir / "public/index.html");
  CHECK(home.find("<style>") == std::string::npos);
  CHECK(home.find("site-logo") == std::string::npos);
}

TEST_CASE("the committee structure diagram is written, linked and byte-identical across builds", "[e2e][accessibility]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(accessible_site()));
  commit_all(dir / "repo", "Publish");
  REQUIRE(build(dir / "repo", dir / "a").exit_code == 0);
  REQUIRE(build(dir / "repo", dir / "b").exit_code == 0);

  const auto svg = read(dir / "a/committees/structure.svg");
  INFO(svg);
  REQUIRE_FALSE(svg.empty());
  CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg ", 0) == 0);
  for (const char* id : kCommittees) {
    INFO(id);
    CHECK(svg.find(std::string("<a xlink:href=\"/committees/") + id + "/\"") != std::string::npos);
  }
  CHECK(svg.find(">also reports to</text>") != std::string::npos);
  CHECK(svg.find(">Dissolved 31 July 2020</text>") != std::string::npos);
  CHECK(svg.find("<!--") == std::string::npos);
  CHECK(svg.find("raphviz") == std::string::npos);
  CHECK(read(dir / "b/committees/structure.svg") == svg);

  // Inline on the committees page (so its links work), without the XML declaration, and
  // followed by the nested list.
  const auto page = read(dir / "a/committees/index.html");
  const auto inline_svg = page.find("<svg ");
  REQUIRE(inline_svg != std::string::npos);
  CHECK(page.find("<?xml") == std::string::npos);
  CHECK(page.find("aria-labelledby=\"structure-title\"", inline_svg) != std::string::npos);
  CHECK(page.find("<a href=\"/committees/structure.svg\">Open the diagram on its own</a>") != std::string::npos);
  const auto list = page.find("<ul class=\"committee-tree\">");
  REQUIRE(list != std::string::npos);
  CHECK(inline_svg < list);
  CHECK(read(dir / "b/committees/index.html") == page);
}
