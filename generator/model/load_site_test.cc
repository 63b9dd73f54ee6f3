// site.yaml's `theme_options:` (colours checked for contrast, the logo) and the
// accessibility statement's fields, read from in-memory repositories.
#include <catch2/catch.hpp>
#include <memory>

#include "load/source_tree.h"
#include "model/model_load.h"
#include "model/site_model.h"

namespace quorum {
namespace {

struct Loaded {
  std::shared_ptr<const MemoryTree> tree;  // the model reads bodies' text from it
  SiteModel model;
  Diagnostics diags;
  std::string messages;  // every diagnostic, formatted, one a line
};

Loaded load(const std::string& site_yaml, std::map<std::string, std::string> more = {}) {
  more["site-config/site.yaml"] = site_yaml;
  Loaded out;
  out.tree = std::make_shared<const MemoryTree>(std::move(more));
  out.model = load_model(*out.tree, out.diags);
  for (const auto& d : out.diags.sorted()) out.messages += d.format() + "\n";
  return out;
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

TEST_CASE("theme_options colours are read, normalised and mapped by name", "[model][site][theme]") {
  const auto r = load(
      "title: T\n"
      "theme_options:\n"
      "  brand: \"#0B0C0C\"\n"
      "  brand_text: '#ffffff'\n"
      "  link: \"#1a5aa6\"\n");
  INFO(r.messages);
  CHECK_FALSE(r.diags.has_errors());
  CHECK(r.diags.warning_count() == 0);
  const auto& t = r.model.site.theme_options;
  CHECK(t.colours.at("brand") == "#0b0c0c");
  CHECK(t.colours.at("brand_text") == "#ffffff");
  CHECK(t.colours.count("text") == 0);
  CHECK(t.colour("text") == "#1b1f23");  // the default theme's
  CHECK(t.colour("brand") == "#0b0c0c");
}

TEST_CASE("a colour that is not #rrggbb is an error at its line and column", "[model][site][theme]") {
  const auto r = load(
      "title: T\n"
      "theme_options:\n"
      "  brand: red\n"
      "  link: \"#12345\"\n"
      "  text: \"#1b1f23; } body { display: none\"\n");
  INFO(r.messages);
  CHECK(r.diags.error_count() == 3);
  CHECK(has(r.messages, "site-config/site.yaml:3:10: error: 'brand' is 'red', which is not a colour"));
  CHECK(has(r.messages, "site-config/site.yaml:4:9: error: 'link' is '#12345'"));
  CHECK(has(r.messages, "site-config/site.yaml:5:9: error: 'text' is"));
  CHECK(r.model.site.theme_options.colours.empty());
}

TEST_CASE("an unquoted colour, read by YAML as a comment, is an error naming the fix", "[model][site][theme]") {
  const auto r = load(
      "title: T\n"
      "theme_options:\n"
      "  brand: #1d4f4a\n");
  INFO(r.messages);
  CHECK(r.diags.error_count() == 1);
  CHECK(has(r.messages, "site-config/site.yaml:3:3: error: 'brand' has no value: a colour must be in quotes"));
  CHECK(has(r.messages, "brand: \"#1d4f4a\""));
  CHECK_FALSE(has(r.messages, "unknown"));
}

TEST_CASE("a text colour pair below 4.5:1 is a warning naming the pair and its ratio", "[model][site][theme]") {
  const auto r = load(
      "title: T\n"
      "theme_options:\n"
      "  text: \"#777777\"\n"
      "  background: \"#ffffff\"\n"
      "  link: \"#767676\"\n"
      "  brand: \"#ffdd00\"\n"
      "  focus: \"#1d4f4a\"\n");
  INFO(r.messages);
  CHECK_FALSE(r.diags.has_errors());
  // #777777 on white is 4.478:1, shown truncated so it never looks like a pass.
  CHECK(has(r.messages, "site-config/site.yaml:3:9: warning: low colour contrast: text #777777 on background "
                        "#ffffff is 4.47:1, below the 4.5:1"));
  // #767676 on white is 4.54:1: passes, no warning for links.
  CHECK_FALSE(has(r.messages, "link #767676"));
  // Only one side set: the other is the default theme's, and the message says so.
  CHECK(has(r.messages, "brand_text #ffffff (the theme's default) on brand #ffdd00 is 1.34:1"));
  CHECK(has(r.messages, "focus_text #0b0c0c (the theme's default) on focus #1d4f4a is 2.11:1"));
  CHECK(r.diags.warning_count() == 3);
}

TEST_CASE("the theme's own colours are not re-checked when site.yaml sets none", "[model][site][theme]") {
  const auto r = load("title: T\n");
  CHECK(r.diags.warning_count() == 0);
  CHECK(r.model.site.theme_options.colours.empty());
  CHECK(r.model.site.theme_options.logo.empty());
}

TEST_CASE("the logo is a path relative to site.yaml or from the repository root, with alt text",
          "[model][site][theme]") {
  SECTION("relative to site.yaml") {
    const auto r = load("title: T\ntheme_options:\n  logo: logo.webp\n  logo_alt: Testshire Council\n",
                        {{"site-config/logo.webp", "RIFF"}});
    INFO(r.messages);
    CHECK_FALSE(r.diags.has_errors());
    CHECK(r.model.site.theme_options.logo == "site-config/logo.webp");
    CHECK(r.model.site.theme_options.logo_alt == "Testshire Council");
  }
  SECTION("from the repository root") {
    const auto r = load("title: T\ntheme_options:\n  logo: site-config/logo.png\n  logo_alt: \"\"\n",
                        {{"site-config/logo.png", "PNG"}});
    INFO(r.messages);
    CHECK_FALSE(r.diags.has_errors());
    CHECK(r.model.site.theme_options.logo == "site-config/logo.png");
    CHECK(r.model.site.theme_options.logo_alt.empty());  // decorative: the link already says the title
  }
  SECTION("missing file") {
    const auto r = load("title: T\ntheme_options:\n  logo: crest.svg\n  logo_alt: Crest\n");
    CHECK(has(r.messages, "site-config/site.yaml:3:9: error: 'logo' is 'crest.svg', but there is no "
                          "site-config/crest.svg"));
  }
  SECTION("an SVG, which can carry script") {
    const auto r = load("title: T\ntheme_options:\n  logo: logo.svg\n  logo_alt: Crest\n",
                        {{"site-config/logo.svg", "<svg onload=\"alert(1)\"/>"}});
    CHECK(has(r.messages, "'logo' is 'logo.svg', which is not an image Quorum publishes as a logo"));
    CHECK(r.model.site.theme_options.logo.empty());
  }
  SECTION("not an image") {
    const auto r = load("title: T\ntheme_options:\n  logo: logo.pdf\n  logo_alt: Crest\n",
                        {{"site-config/logo.pdf", "%PDF"}});
    CHECK(has(r.messages, "'logo' is 'logo.pdf', which is not an image Quorum publishes"));
  }
  SECTION("outside the repository") {
    const auto r = load("title: T\ntheme_options:\n  logo: ../../etc/logo.svg\n  logo_alt: Crest\n");
    CHECK(r.diags.has_errors());
    CHECK(r.model.site.theme_options.logo.empty());
  }
  SECTION("no alt text") {
    const auto r = load("title: T\ntheme_options:\n  logo: logo.png\n", {{"site-config/logo.png", "PNG"}});
    CHECK(has(r.messages, "error: the logo needs a 'logo_alt'"));
  }
}

TEST_CASE("accessibility compliance defaults from the known issues", "[model][site][accessibility]") {
  SECTION("no known issues: full") {
    const auto r = load("title: T\naccessibility:\n  contact: a@example.org\n");
    CHECK(r.model.site.accessibility.compliance == "full");
  }
  SECTION("known issues: partial") {
    const auto r = load("title: T\naccessibility:\n  known_issues: [Old PDFs]\n  prepared: 2024-01-31\n");
    CHECK(r.model.site.accessibility.compliance == "partial");
    REQUIRE(r.model.site.accessibility.prepared.has_value());
    CHECK(r.model.site.accessibility.prepared->iso() == "2024-01-31");
  }
  SECTION("stated") {
    const auto r = load("title: T\naccessibility:\n  compliance: non-compliant\n  known_issues: [Everything]\n");
    CHECK(r.model.site.accessibility.compliance == "non-compliant");
    CHECK(r.diags.warning_count() == 0);
  }
  SECTION("a typo is an error with a suggestion") {
    const auto r = load("title: T\naccessibility:\n  compliance: partal\n");
    CHECK(has(r.messages, "site-config/site.yaml:3:15: error: Accessibility section: 'compliance' is 'partal'"));
    CHECK(has(r.messages, "Did you mean 'partial'?"));
  }
  SECTION("full with known issues contradicts itself") {
    const auto r = load("title: T\naccessibility:\n  compliance: full\n  known_issues: [Old PDFs]\n");
    CHECK(has(r.messages, "warning: 'compliance' is 'full', but 'known_issues' lists problems"));
  }
}

}  // namespace
}  // namespace quorum
