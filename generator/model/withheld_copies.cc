#include "model/withheld_copies.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "load/fingerprint.h"
#include "model/loader.h"
#include "model/meeting_files.h"
#include "support/text.h"

namespace quorum::loader {
namespace {

// The repository theme's assets/ folder ("themes/<name>/assets/"), "" when the name is not one
// (site.yaml's loader reports that).
std::string theme_assets_of(const Context& ctx) {
  const std::string& theme = ctx.model.site.theme;
  return is_slug(theme) ? "themes/" + theme + "/assets/" : std::string();
}

// Every repository file the site copies as it is: the published papers, the logo and the
// assets of a theme kept in the repository.
std::vector<std::string> copied_files(const Context& ctx) {
  std::vector<std::string> out(ctx.model.published_files.begin(), ctx.model.published_files.end());
  if (!ctx.model.site.theme_options.logo.empty()) out.push_back(ctx.model.site.theme_options.logo);
  if (const std::string assets = theme_assets_of(ctx); !assets.empty()) {
    const auto& all = ctx.tree.files();
    for (auto it = std::lower_bound(all.begin(), all.end(), assets);
         it != all.end() && it->rfind(assets, 0) == 0; ++it) {
      out.push_back(*it);
    }
  }
  return out;
}

// The logo and the theme's assets are copied whatever the model withholds, so a withheld file
// named as either is an error here (the papers are copied only when published).
void refuse_withheld_site_files(Context& ctx) {
  ThemeOptions& options = ctx.model.site.theme_options;
  if (!options.logo.empty() && ctx.model.withheld_paths.count(options.logo) != 0) {
    ctx.diags.error(options.logo_pos, "'logo' is " + options.logo + ", which is withheld with " +
                                          why_withheld(ctx, options.logo) +
                                          ", so it cannot be the site's logo (every page would show it). "
                                          "Choose another image");
  }
  if (const std::string assets = theme_assets_of(ctx); !assets.empty()) {
    for (auto it = ctx.model.withheld_paths.lower_bound(assets);
         it != ctx.model.withheld_paths.end() && it->rfind(assets, 0) == 0; ++it) {
      if (!ctx.tree.exists(*it)) continue;
      ctx.diags.error({*it, 0, 0},
                      "this file is in the theme's assets/ folder, which is published, but it is "
                      "withheld with " +
                          why_withheld(ctx, *it) +
                          ". Move the private paper out of the theme's folder (into its meeting's "
                          "folder) and correct the path that names it");
    }
  }
}

// Free for a git tree (the blob id it lists); otherwise the file is read.
std::string fingerprint_of(const SourceTree& tree, const std::string& path) {
  if (auto known = tree.known_fingerprint(path)) return *known;
  const auto bytes = tree.read(path);
  return bytes ? fingerprint(*bytes) : std::string();
}

void withhold_copy(Context& ctx, const std::string& path) {
  ctx.model.published_files.erase(path);
  ctx.model.withheld_paths.insert(path);
}

// The next code point of UTF-8 text at `at` (moved past it); a byte that does not begin a
// well-formed sequence counts as one unknown character.
char32_t next_code_point(const std::string& text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  const std::size_t length = lead < 0x80           ? 1
                             : (lead >> 5) == 0x6  ? 2
                             : (lead >> 4) == 0xE  ? 3
                             : (lead >> 3) == 0x1E ? 4
                                                   : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) {
      ++at;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(at + i) & 0x3F);
  }
  at += length;
  return cp;
}

bool is_combining_mark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

// The place of a file for comparing names: its meeting folder, or else its own folder.
std::string place_of(const std::string& path) { return meeting_folder_of(path); }

std::string name_of(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// A copied file whose name looks like a withheld file's in the same place.
void refuse_lookalike_names(Context& ctx) {
  std::map<std::pair<std::string, std::string>, std::string> withheld;  // place, skeleton -> path
  for (const auto& path : ctx.model.withheld_paths) {
    if (!ctx.tree.exists(path)) continue;
    withheld.emplace(std::make_pair(place_of(path), name_skeleton(name_of(path))), path);
  }
  if (withheld.empty()) return;
  for (const auto& path : copied_files(ctx)) {
    if (ctx.model.withheld_paths.count(path) != 0) continue;
    const auto it = withheld.find({place_of(path), name_skeleton(name_of(path))});
    if (it == withheld.end()) continue;
    withhold_copy(ctx, path);
    ctx.diags.error({path, 0, 0},
                    "this file's name looks the same as " + it->second +
                        " (they differ only in accents, upper and lower case, spaces or "
                        "punctuation, or in how an accent is written), which is withheld with " +
                        why_withheld(ctx, it->second) +
                        ". A reader, and some computers, could take one for the other, so this "
                        "file is not published. If it is the private paper, remove it; if not, "
                        "rename it so that its name is clearly different");
  }
}

// A copied file with a withheld file's bytes: compared by size first, so that only a file as
// long as a withheld one is fingerprinted. An empty file holds nothing to withhold.
void refuse_identical_copies(Context& ctx) {
  const SourceTree& tree = ctx.tree;
  std::map<std::size_t, std::vector<std::string>> withheld_by_size;
  for (const auto& path : ctx.model.withheld_paths) {
    if (const auto size = tree.size(path); size && *size > 0) withheld_by_size[*size].push_back(path);
  }
  if (withheld_by_size.empty()) return;
  std::map<std::string, std::string> fingerprints;
  const auto fingerprint_once = [&](const std::string& path) -> const std::string& {
    auto it = fingerprints.find(path);
    if (it == fingerprints.end()) it = fingerprints.emplace(path, fingerprint_of(tree, path)).first;
    return it->second;
  };
  for (const auto& path : copied_files(ctx)) {
    if (ctx.model.withheld_paths.count(path) != 0) continue;
    const auto size = tree.size(path);
    const auto same_size = size ? withheld_by_size.find(*size) : withheld_by_size.end();
    if (same_size == withheld_by_size.end()) continue;
    for (const auto& withheld : same_size->second) {
      const std::string& print = fingerprint_once(path);
      if (print.empty() || print != fingerprint_once(withheld)) continue;
      withhold_copy(ctx, path);
      ctx.diags.error({path, 0, 0}, "this file is identical to " + withheld + ", which is withheld with " +
                                        why_withheld(ctx, withheld) +
                                        ": it is the same private paper under another name, so it is not "
                                        "published. Remove this copy; if the paper is public, take it out of "
                                        "the private business instead");
      break;
    }
  }
}

}  // namespace

namespace {

// Cyrillic and Greek letters (and two Latin ones) drawn like a Latin letter in most fonts:
// "Tеnder" with a Cyrillic "е" reads as "Tender".
char32_t latin_look_alike(char32_t cp) {
  static constexpr std::pair<char32_t, char> kLookAlikes[] = {
      {0x0131, 'i'}, {0x0237, 'j'},                                                              // ı ȷ
      {0x0391, 'a'}, {0x0392, 'b'}, {0x0395, 'e'}, {0x0396, 'z'}, {0x0397, 'h'}, {0x0399, 'i'},  // Greek
      {0x039A, 'k'}, {0x039C, 'm'}, {0x039D, 'n'}, {0x039F, 'o'}, {0x03A1, 'p'}, {0x03A4, 't'},
      {0x03A5, 'y'}, {0x03A7, 'x'}, {0x03B1, 'a'}, {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'},
      {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C5, 'u'}, {0x03C7, 'x'}, {0x0405, 's'}, {0x0406, 'i'},
      {0x0408, 'j'}, {0x0410, 'a'}, {0x0412, 'b'}, {0x0415, 'e'},  // Cyrillic
      {0x041A, 'k'}, {0x041C, 'm'}, {0x041D, 'h'}, {0x041E, 'o'}, {0x0420, 'p'}, {0x0421, 'c'},
      {0x0422, 't'}, {0x0423, 'y'}, {0x0425, 'x'}, {0x0430, 'a'}, {0x0435, 'e'}, {0x043A, 'k'},
      {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'},
      {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'}};
  for (const auto& [from, to] : kLookAlikes) {
    if (from == cp) return static_cast<char32_t>(to);
  }
  return cp;
}

}  // namespace

std::string name_skeleton(const std::string& name) {
  std::string out;
  bool last_was_ascii = false;  // the last character added one to `out`
  for (std::size_t at = 0; at < name.size();) {
    char32_t cp = next_code_point(name, at);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // fullwidth "Ａ" is "A"
    cp = latin_look_alike(cp);
    if (is_combining_mark(cp)) {
      if (last_was_ascii) out.pop_back();  // "e" and a combining accent is an accented letter
      last_was_ascii = false;
      continue;
    }
    last_was_ascii = cp < 0x80 && std::isalnum(static_cast<int>(cp)) != 0;
    if (last_was_ascii) out += static_cast<char>(std::tolower(static_cast<int>(cp)));
  }
  return out;
}

void refuse_withheld_copies(Context& ctx) {
  // The logo and theme files first: one named as withheld is told so, not called a copy.
  refuse_withheld_site_files(ctx);
  refuse_identical_copies(ctx);
  refuse_lookalike_names(ctx);
  // Never copied, even were the errors above ignored.
  ThemeOptions& options = ctx.model.site.theme_options;
  if (ctx.model.withheld_paths.count(options.logo) != 0) options.logo.clear();
}

}  // namespace quorum::loader
