#include "render/site_style.h"

#include <catch2/catch.hpp>

#include "support/contrast.h"

namespace quorum {
namespace {

TEST_CASE("theme_style maps site.yaml colours onto the theme's custom properties", "[render][theme]") {
  ThemeOptions none;
  CHECK(theme_style(none).empty());

  ThemeOptions o;
  o.colours = {{"text", "#222222"}, {"focus", "#ffbf47"}};
  CHECK(theme_style(o) == ":root{--text:#222222;--focus:#ffbf47;}");
}

TEST_CASE("the navigation band moves away from the header's text colour", "[render][theme]") {
  ThemeOptions dark_brand;
  dark_brand.colours = {{"brand", "#2a4b7c"}};  // white text (the default): the band is darker
  CHECK(theme_style(dark_brand).find("--brand-dark:#1b3151;") != std::string::npos);

  ThemeOptions light_brand;
  light_brand.colours = {{"brand", "#ffdd00"}, {"brand_text", "#0b0c0c"}};  // dark text: the band is lighter
  const std::string css = theme_style(light_brand);
  const auto at = css.find("--brand-dark:");
  REQUIRE(at != std::string::npos);
  const auto band = parse_hex_colour(css.substr(at + 13, 7));
  REQUIRE(band.has_value());
  const Rgb text{0x0b, 0x0c, 0x0c};
  CHECK(contrast_ratio(*band, text) > contrast_ratio(Rgb{0xff, 0xdd, 0x00}, text));

  ThemeOptions theme_defaults;
  theme_defaults.colours = {{"brand", "#1d4f4a"}, {"brand_text", "#ffffff"}};  // the theme's own band stays
  CHECK(theme_style(theme_defaults).find("--brand-dark") == std::string::npos);
}

TEST_CASE("theme_style never writes anything but a validated colour", "[render][theme]") {
  ThemeOptions o;
  o.colours = {{"text", "#222222;}</style><script>"}, {"link", "red"}};
  CHECK(theme_style(o).empty());
}

TEST_CASE("the logo goes to assets/logo.<ext>", "[render][theme]") {
  ThemeOptions o;
  CHECK(logo_site_path(o).empty());
  o.logo = "site-config/Crest.PNG";
  CHECK(logo_site_path(o) == "assets/logo.png");
}

}  // namespace
}  // namespace quorum
