#include "model/unread_front_matter.h"

#include <string>

#include "support/text.h"

namespace quorum::loader {
namespace {

// Spaces a web form or a word processor may put where a clerk sees none: ASCII white space,
// no-break space (U+00A0), zero-width space, joiner and non-joiner (U+200B-U+200D), word
// joiner (U+2060), byte order mark (U+FEFF), ideographic space (U+3000).
std::string without_spaces(std::string_view line) {
  static constexpr std::string_view kInvisible[] = {"\xC2\xA0",     "\xE2\x80\x8B", "\xE2\x80\x8C",
                                                    "\xE2\x80\x8D", "\xE2\x81\xA0", "\xEF\xBB\xBF",
                                                    "\xE3\x80\x80"};
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    bool skipped = false;
    for (const auto invisible : kInvisible) {
      if (line.substr(i, invisible.size()) == invisible) {
        i += invisible.size();
        skipped = true;
        break;
      }
    }
    if (!skipped) out += line[i++];
  }
  return out;
}

bool is_dashes(const std::string& squeezed) {
  return squeezed.size() >= 3 && squeezed.find_first_not_of('-') == std::string::npos;
}

bool begins_with_key(const std::string& squeezed, std::initializer_list<std::string_view> keys) {
  const std::string lower = to_lower_ascii(squeezed);
  for (const auto key : keys) {
    if (lower.size() > key.size() && lower.compare(0, key.size(), key) == 0 && lower[key.size()] == ':')
      return true;
  }
  return false;
}

}  // namespace

bool holds_unread_front_matter(std::string_view body, std::initializer_list<std::string_view> keys) {
  bool seen_text = false;
  bool after_dashes = false;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string squeezed = without_spaces(body.substr(start, end - start));
    start = end + 1;
    if (squeezed.empty()) continue;
    if (!seen_text && squeezed.rfind("---", 0) == 0) return true;
    seen_text = true;
    if (is_dashes(squeezed)) {
      after_dashes = true;
    } else if (after_dashes && begins_with_key(squeezed, keys)) {
      return true;
    }
  }
  return false;
}

}  // namespace quorum::loader
