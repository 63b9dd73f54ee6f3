#include "render/site_style.h"

#include <utility>
#include <vector>

#include "support/contrast.h"
#include "support/text.h"

namespace quorum {

std::string theme_style(const ThemeOptions& options) {
  std::vector<std::pair<std::string, std::string>> vars;  // property, option name
  const auto set = [&](const std::string& property, const std::string& option) {
    if (options.colours.count(option) != 0) vars.emplace_back(property, options.colours.at(option));
  };
  // The custom properties at the top of themes/default/assets/quorum.css.
  set("--brand", "brand");
  set("--on-brand", "brand_text");
  set("--link-on-brand", "brand_text");
  set("--link", "link");
  set("--text", "text");
  set("--background", "background");
  set("--notice-bg", "background");
  set("--focus", "focus");
  set("--focus-text", "focus_text");
  // The navigation band is a shade of the brand colour further from its text, so the
  // header's text keeps at least the contrast checked for brand_text on brand.
  const bool default_header = options.colour("brand") == ThemeOptions::default_colour("brand") &&
                              options.colour("brand_text") == ThemeOptions::default_colour("brand_text");
  if (!default_header) {  // the theme's own band already suits its own header
    const auto brand = parse_hex_colour(options.colour("brand"));
    const auto on_brand = parse_hex_colour(options.colour("brand_text"));
    if (brand && on_brand) {
      const bool light_text = relative_luminance(*on_brand) >= relative_luminance(*brand);
      const Rgb band = mix(*brand, light_text ? Rgb{0, 0, 0} : Rgb{255, 255, 255}, 0.35);
      vars.emplace_back("--brand-dark", band.hex());
    }
  }
  std::string css;
  for (const auto& [property, value] : vars) {
    const auto rgb = parse_hex_colour(value);
    if (!rgb) continue;  // validated by the model; never let anything else through
    css += property + ":" + rgb->hex() + ";";
  }
  return css.empty() ? std::string() : ":root{" + css + "}";
}

std::string logo_site_path(const ThemeOptions& options) {
  if (options.logo.empty()) return {};
  const auto dot = options.logo.rfind('.');
  if (dot == std::string::npos) return {};
  return "assets/logo." + to_lower_ascii(options.logo.substr(dot + 1));
}

}  // namespace quorum
