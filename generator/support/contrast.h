// Colours as site.yaml states them (`#rrggbb`) and the WCAG 2.x contrast maths used to warn
// about a text/background pair that fails 1.4.3 Contrast (Minimum) at build time.
//
// Relative luminance and contrast ratio follow WCAG 2.2's definitions
// (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance, #dfn-contrast-ratio).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quorum {

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;
  auto operator<=>(const Rgb&) const = default;
  // "#1d4f4a": always lower case, seven characters.
  [[nodiscard]] std::string hex() const;
};

// Exactly `#rrggbb` (either case); nullopt for anything else (`#fff`, `red`, `rgb(...)`).
std::optional<Rgb> parse_hex_colour(std::string_view text);

// 0 (black) to 1 (white).
double relative_luminance(const Rgb& c);
// 1 to 21, the same whichever colour is given first.
double contrast_ratio(const Rgb& a, const Rgb& b);
// "4.54": two decimals, truncated rather than rounded, so a ratio just under a threshold
// (4.499) never prints as if it met it ("4.50").
std::string format_ratio(double ratio);

// WCAG 2.2 AA for normal-size text (1.4.3).
inline constexpr double kMinimumTextContrast = 4.5;

// `a` moved towards `b` by `amount` (0 keeps a, 1 gives b), channel by channel, rounded.
Rgb mix(const Rgb& a, const Rgb& b, double amount);

}  // namespace quorum
