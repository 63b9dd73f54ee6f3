#include "model/loader.h"

#include <algorithm>
#include <array>

#include "model/url_check.h"
#include "model/urls.h"
#include "support/contrast.h"
#include "support/text.h"

namespace quorum {
namespace {

// The colours site.yaml may set under `theme_options:`, with the default theme's values
// (themes/default/assets/quorum.css), used for the side of a pair that site.yaml leaves alone.
constexpr std::array<std::pair<const char*, const char*>, 7> kColourOptions{{{"brand", "#1d4f4a"},
                                                                           {"brand_text", "#ffffff"},
                                                                           {"link", "#1a5aa6"},
                                                                           {"text", "#1b1f23"},
                                                                           {"background", "#ffffff"},
                                                                           {"focus", "#ffdd00"},
                                                                           {"focus_text", "#0b0c0c"}}};
}  // namespace

const std::vector<std::string>& ThemeOptions::colour_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, value] : kColourOptions) out.emplace_back(name);
    return out;
  }();
  return names;
}

std::string ThemeOptions::default_colour(const std::string& name) {
  for (const auto& [key, value] : kColourOptions) {
    if (name == key) return value;
  }
  return {};
}

std::string ThemeOptions::colour(const std::string& name) const {
  const auto it = colours.find(name);
  return it != colours.end() ? it->second : default_colour(name);
}

namespace loader {
namespace {

// Text on background pairs that must reach 4.5:1 (WCAG 2.2 1.4.3).
struct ContrastPair {
  const char* text;
  const char* background;
  const char* where;
};
constexpr std::array<ContrastPair, 4> kContrastPairs{{{"text", "background", "body text"},
                                                      {"link", "background", "links"},
                                                      {"brand_text", "brand", "the site header"},
                                                      {"focus_text", "focus", "a focused link"}}};

// The position of a key itself (its value may be empty, with no useful mark of its own).
SourcePos key_position(const YAML::Node& map, const std::string& key, const YamlSource& source) {
  if (map.IsMap()) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) return position_of(it->first, source);
    }
  }
  return position_of(map, source);
}

void load_theme_options(Context& ctx, YamlFields& site) {
  const YAML::Node node = site.node("theme_options");
  ThemeOptions& out = ctx.model.site.theme_options;
  YamlFields f(node, site.source(), "theme_options section", ctx.diags);
  if (!f.is_map()) return;
  std::map<std::string, SourcePos> where;
  for (const auto& [name, theme_default] : kColourOptions) {
    const std::string key = name;
    const YAML::Node value = node[key];
    if (value.IsDefined() && value.IsNull()) {
      // `brand: #1d4f4a` without quotes: YAML reads everything from the '#' as a comment.
      (void)f.has(key);
      ctx.diags.error(key_position(node, key, f.source()),
                      "'" + key + "' has no value: a colour must be in quotes, because YAML treats "
                      "everything after '#' as a comment; write " + key + ": \"" + theme_default + "\"");
      continue;
    }
    const std::string raw = trim(f.text(key));
    if (raw.empty()) continue;
    const auto rgb = parse_hex_colour(raw);
    if (!rgb) {
      ctx.diags.error(f.pos_of(key), "'" + key + "' is '" + raw + "', which is not a colour Quorum can use: write "
                                     "it as \"#rrggbb\" (six hexadecimal digits, in quotes), for example " + key +
                                     ": \"" + theme_default + "\"");
      continue;
    }
    out.colours[key] = rgb->hex();
    where[key] = f.pos_of(key);
  }

  const auto colour = [&](const std::string& key) { return *parse_hex_colour(out.colour(key)); };
  for (const auto& pair : kContrastPairs) {
    const bool text_set = where.count(pair.text) != 0;
    const bool background_set = where.count(pair.background) != 0;
    if (!text_set && !background_set) continue;  // the theme's own pair
    const Rgb text = colour(pair.text);
    const Rgb background = colour(pair.background);
    const double ratio = contrast_ratio(text, background);
    if (ratio >= kMinimumTextContrast) continue;
    const auto name = [&](const char* key, bool set, const Rgb& c) {
      return std::string(key) + " " + c.hex() + (set ? "" : " (the theme's default)");
    };
    ctx.diags.warning(text_set ? where[pair.text] : where[pair.background],
                      "low colour contrast: " + name(pair.text, text_set, text) + " on " +
                          name(pair.background, background_set, background) + " is " + format_ratio(ratio) +
                          ":1, below the 4.5:1 that WCAG 2.2 AA asks of " + pair.where +
                          " (1.4.3 Contrast (Minimum)); make one darker or the other lighter");
  }

  const std::string logo = trim(f.text("logo"));
  const bool has_alt = f.has("logo_alt");
  out.logo_alt = trim(f.text("logo_alt"));
  if (!logo.empty()) {
    const SourcePos pos = f.pos_of("logo");
    // Relative to site.yaml, as every path in a file is; a path from the repository's root
    // ("site-config/logo.svg") works too.
    std::string path = resolve_relative("site-config/site.yaml", logo);
    if (path.empty() || !ctx.tree.exists(path)) {
      const std::string from_root = resolve_relative("site.yaml", logo);
      if (!from_root.empty() && ctx.tree.exists(from_root)) path = from_root;
    }
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : to_lower_ascii(path.substr(dot + 1));
    // Raster images only: an SVG file can carry script, which would run on every page.
    static const std::vector<std::string> kImageTypes = {"png", "jpg", "jpeg", "gif", "webp"};
    if (path.empty()) {
      ctx.diags.error(pos, "'logo' is '" + logo + "', which points outside the repository");
    } else if (!ctx.tree.exists(path)) {
      ctx.diags.error(pos, "'logo' is '" + logo + "', but there is no " + path +
                               " in the repository (the path is relative to site-config/site.yaml)");
    } else if (std::find(kImageTypes.begin(), kImageTypes.end(), ext) == kImageTypes.end()) {
      ctx.diags.error(pos, "'logo' is '" + logo + "', which is not an image Quorum publishes as a logo: use a .png, "
                               ".jpg, .gif or .webp file (not .svg, which can carry script: export it as PNG)");
    } else if (!has_alt) {
      ctx.diags.error(pos, "the logo needs a 'logo_alt' beside it: the text a screen reader says for it "
                           "(the organisation's name), or logo_alt: \"\" when the logo only repeats the "
                           "site's title");
    } else {
      out.logo = path;
      out.logo_pos = pos;
    }
  }
  f.finish();
}

// `bank_holidays: [2026-12-25, 2026-12-28]`: days that are not working days for the
// publishing rules (England and Wales differ from Scotland and Northern Ireland, so the site
// lists its own, substitute days included).
void load_bank_holidays(Context& ctx, YamlFields& site) {
  if (!site.has("bank_holidays")) return;
  const YAML::Node list = site.node("bank_holidays");
  if (!list.IsSequence()) {
    ctx.diags.error(position_of(list, site.source()),
                    "'bank_holidays' should be a list of dates, for example [2026-12-25, 2026-12-28]");
    return;
  }
  for (const auto& item : list) {
    const SourcePos pos = position_of(item, site.source());
    const auto day = item.IsScalar() ? Date::parse(item.Scalar()) : std::nullopt;
    if (!day) {
      ctx.diags.error(pos, "each of 'bank_holidays' should be a date written as YYYY-MM-DD, for example "
                           "2026-12-25" + (item.IsScalar() ? std::string(", not '") + item.Scalar() + "'" : std::string()));
      continue;
    }
    if (std::string(day->weekday()) == "Saturday" || std::string(day->weekday()) == "Sunday") {
      ctx.diags.warning(pos, "bank holiday " + day->iso() + " is a " + day->weekday() +
                                 ", which is never a working day; list the weekday given in its place "
                                 "(the substitute day) instead");
    }
    if (!ctx.model.site.bank_holidays.insert(*day).second) {
      ctx.diags.warning(pos, "bank holiday " + day->iso() + " is listed twice");
    }
  }
}

}  // namespace

void load_site(Context& ctx) {
  const std::string path = "site-config/site.yaml";
  if (!ctx.tree.exists(path)) {
    ctx.diags.error({path, 0, 0}, "there is no site-config/site.yaml: every site needs one, "
                                  "with at least a 'title'");
    return;
  }
  const auto node = read_yaml_file(ctx, path);
  if (!node) return;
  YamlFields f(*node, {path, 1}, "site configuration", ctx.diags);
  Site& s = ctx.model.site;
  s.pos = f.pos();
  s.title = f.text("title", Need::required);
  s.base_url = read_url(f, "base_url", UrlUse::site_address);
  if (s.base_url.empty() || s.base_url.back() != '/') s.base_url += '/';  // "" means the root
  if (const auto lang = f.text("language"); !lang.empty()) s.language = lang;
  if (const auto tz = f.text("timezone"); !tz.empty()) s.timezone = tz;
  s.organisation = f.text("organisation");
  s.contact_email = f.text("contact_email");
  if (const auto theme = f.text("theme"); !theme.empty()) {
    // A name, never a path: a path could publish any folder on the building machine.
    if (is_slug(theme)) {
      s.theme = theme;
    } else {
      ctx.diags.error(f.pos_of("theme"), "'theme' is '" + theme + "', but a theme is the name of a folder in "
                                         "the repository's themes/ folder (or an installed theme), written "
                                         "in lower-case letters, digits and '-', such as 'default' or "
                                         "'council'; not a path. Write the folder's name only");
    }
  }
  s.draft_minutes = f.choice("draft_minutes", {"publish", "hide"}, Need::optional, "publish");
  s.source_url = read_url(f, "source_url", UrlUse::link);
  if (const auto licence = f.text("data_licence"); !licence.empty()) s.data_licence = licence;
  if (f.has("accessibility")) {
    YamlFields a(f.node("accessibility"), f.source(), "accessibility section", ctx.diags);
    s.accessibility.contact = a.text("contact");
    s.accessibility.last_tested = a.date("last_tested");
    s.accessibility.known_issues = a.text_list("known_issues");
    const bool stated = a.has("compliance");
    s.accessibility.compliance = a.choice("compliance", {"full", "partial", "non-compliant"}, Need::optional,
                                          s.accessibility.known_issues.empty() ? "full" : "partial");
    if (stated && s.accessibility.compliance == "full" && !s.accessibility.known_issues.empty()) {
      ctx.diags.warning(a.pos_of("compliance"),
                        "'compliance' is 'full', but 'known_issues' lists problems: a site with known "
                        "failures of WCAG 2.2 AA is 'partial' (or 'non-compliant')");
    }
    if (stated && s.accessibility.compliance != "full" && s.accessibility.known_issues.empty()) {
      ctx.diags.warning(a.pos_of("compliance"),
                        "'compliance' is '" + s.accessibility.compliance +
                            "', but there are no 'known_issues': the accessibility statement must list "
                            "what is not accessible and why");
    }
    s.accessibility.prepared = a.date("prepared");
    a.finish();
  }
  if (f.has("history")) {
    YamlFields h(f.node("history"), f.source(), "history section", ctx.diags);
    s.history_messages = h.choice("messages", {"show", "hide"}, Need::optional, "show");
    h.finish();
  }
  load_bank_holidays(ctx, f);
  if (f.has("theme_options")) load_theme_options(ctx, f);
  f.finish();
}

}  // namespace loader
}  // namespace quorum
