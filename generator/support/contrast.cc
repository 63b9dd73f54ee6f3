#include "support/contrast.h"

#include <algorithm>
#include <cmath>

namespace quorum {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

double linear_channel(int value) {
  const double c = value / 255.0;
  // WCAG 2.x prints 0.03928 (from an old sRGB draft); 0.04045 is the sRGB standard's. No
  // 8-bit value falls between the two, so both give the same answer.
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

std::string Rgb::hex() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "#";
  for (int v : {r, g, b}) {
    out += kHex[(v >> 4) & 15];
    out += kHex[v & 15];
  }
  return out;
}

std::optional<Rgb> parse_hex_colour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  int v[6];
  for (std::size_t i = 0; i < 6; ++i) {
    v[i] = hex_digit(text[i + 1]);
    if (v[i] < 0) return std::nullopt;
  }
  return Rgb{v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]};
}

double relative_luminance(const Rgb& c) {
  return 0.2126 * linear_channel(c.r) + 0.7152 * linear_channel(c.g) + 0.0722 * linear_channel(c.b);
}

double contrast_ratio(const Rgb& a, const Rgb& b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string format_ratio(double ratio) {
  // Hundredths, truncated; the small epsilon keeps 4.5 (stored as 4.4999...) at "4.50".
  const long hundredths = static_cast<long>(std::floor(ratio * 100.0 + 1e-9));
  std::string frac = std::to_string(hundredths % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return std::to_string(hundredths / 100) + "." + frac;
}

Rgb mix(const Rgb& a, const Rgb& b, double amount) {
  const auto channel = [amount](int x, int y) {
    const double v = x + (y - x) * amount;
    return std::clamp(static_cast<int>(std::lround(v)), 0, 255);
  };
  return {channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b)};
}

}  // namespace quorum
