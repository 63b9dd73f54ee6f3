#include "support/contrast.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

Rgb must_parse(const std::string& text) {
  const auto c = parse_hex_colour(text);
  REQUIRE(c.has_value());
  return *c;
}

double ratio(const std::string& a, const std::string& b) { return contrast_ratio(must_parse(a), must_parse(b)); }

TEST_CASE("parse_hex_colour reads exactly #rrggbb", "[support][contrast]") {
  CHECK(must_parse("#1d4f4a") == Rgb{0x1d, 0x4f, 0x4a});
  CHECK(must_parse("#FFDD00") == Rgb{255, 221, 0});
  CHECK(must_parse("#FFDD00").hex() == "#ffdd00");
  CHECK(must_parse("#000000").hex() == "#000000");
  for (const char* bad : {"", "#", "#fff", "1d4f4a", "#1d4f4", "#1d4f4a0", "#1d4g4a", "red", "rgb(0,0,0)",
                          " #1d4f4a", "#1d4f4a;", "#1d4f4a}</style>"}) {
    INFO(bad);
    CHECK_FALSE(parse_hex_colour(bad).has_value());
  }
}

TEST_CASE("relative luminance runs from black to white", "[support][contrast]") {
  CHECK(relative_luminance(must_parse("#000000")) == Approx(0.0));
  CHECK(relative_luminance(must_parse("#ffffff")) == Approx(1.0));
  // Green weighs most, blue least.
  CHECK(relative_luminance(must_parse("#00ff00")) == Approx(0.7152));
  CHECK(relative_luminance(must_parse("#0000ff")) == Approx(0.0722));
  CHECK(relative_luminance(must_parse("#808080")) == Approx(0.2158605).epsilon(1e-5));
}

TEST_CASE("contrast ratios match known pairs", "[support][contrast]") {
  // The classic pass/fail boundary pair: #767676 is the lightest grey passing on white.
  CHECK(ratio("#767676", "#ffffff") == Approx(4.54).margin(0.005));
  CHECK(format_ratio(ratio("#767676", "#ffffff")) == "4.54");
  CHECK(ratio("#767676", "#ffffff") >= kMinimumTextContrast);
  CHECK(ratio("#777777", "#ffffff") < kMinimumTextContrast);
  CHECK(format_ratio(ratio("#777777", "#ffffff")) == "4.47");  // 4.478: truncated, as WebAIM shows it
  CHECK(ratio("#000000", "#ffffff") == Approx(21.0));
  CHECK(format_ratio(ratio("#000000", "#ffffff")) == "21.00");
  CHECK(ratio("#ffffff", "#ffffff") == Approx(1.0));
  CHECK(format_ratio(ratio("#ff0000", "#ffffff")) == "3.99");
  CHECK(format_ratio(ratio("#0000ff", "#ffffff")) == "8.59");
  // The default theme's pairs, as its stylesheet comments state them.
  CHECK(format_ratio(ratio("#1d4f4a", "#ffffff")) == "9.25");
  CHECK(format_ratio(ratio("#1a5aa6", "#ffffff")) == "6.86");  // 6.869
  CHECK(ratio("#0b0c0c", "#ffdd00") == Approx(14.545).margin(0.001));
  // Order does not matter.
  CHECK(ratio("#ffffff", "#767676") == ratio("#767676", "#ffffff"));
}

TEST_CASE("format_ratio never rounds a failing ratio up to the threshold", "[support][contrast]") {
  CHECK(format_ratio(4.4999) == "4.49");
  CHECK(format_ratio(4.5) == "4.50");
  CHECK(format_ratio(4.05) == "4.05");
  CHECK(format_ratio(1.0) == "1.00");
}

TEST_CASE("mix moves one colour towards another", "[support][contrast]") {
  const Rgb brand = must_parse("#1d4f4a");
  CHECK(mix(brand, Rgb{0, 0, 0}, 0.0) == brand);
  CHECK(mix(brand, Rgb{0, 0, 0}, 1.0) == Rgb{0, 0, 0});
  CHECK(mix(Rgb{0, 0, 0}, Rgb{255, 255, 255}, 0.5) == Rgb{128, 128, 128});
  const Rgb darker = mix(brand, Rgb{0, 0, 0}, 0.3);
  CHECK(relative_luminance(darker) < relative_luminance(brand));
}

}  // namespace
}  // namespace quorum
