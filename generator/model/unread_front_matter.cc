#include "model/unread_front_matter.h"

#include <string>

#include "support/text.h"

namespace quorum::loader {
namespace {

// Spaces a web form or a word processor may put where a clerk sees none: ASCII white space,
// no-break space (U+00A0), zero-width space, joiner and non-joiner (U+200B-U+200D), word
// joiner (U+2060), byte order mark (U+FEFF), ideographic space (U+3000).
constexpr std::string_view kInvisible[] = {"\xC2\xA0",     "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D",
                                           "\xE2\x81\xA0", "\xEF\xBB\xBF", "\xE3\x80\x80"};
// Characters a rule line may be drawn with besides ASCII: hyphen, non-breaking hyphen, figure
// dash, en and em dash, horizontal bar (U+2010-U+2015), minus sign (U+2212), box-drawing
// horizontals (U+2500, U+2501, U+2550), each read as '-'.
constexpr std::string_view kDashes[] = {"\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x92", "\xE2\x80\x93",
                                        "\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x88\x92", "\xE2\x94\x80",
                                        "\xE2\x94\x81", "\xE2\x95\x90"};

// The line with spaces of every kind removed, Unicode dashes read as '-', and a quote's '>'
// markers at its start dropped.
std::string squeeze(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    const auto at = [&](std::string_view s) { return line.substr(i, s.size()) == s; };
    bool done = false;
    for (const auto invisible : kInvisible) {
      if (at(invisible)) {
        i += invisible.size();
        done = true;
        break;
      }
    }
    for (const auto dash : kDashes) {
      if (!done && at(dash)) {
        out += '-';
        i += dash.size();
        done = true;
      }
    }
    if (!done) out += line[i++];
  }
  const auto body = out.find_first_not_of('>');
  return body == std::string::npos ? std::string() : out.substr(body);
}

bool is_rule_line(const std::string& squeezed) {
  return squeezed.size() >= 3 && squeezed.find_first_not_of("-*_+=~") == std::string::npos;
}

// After quotes, brackets and braces at the start: one of `keys`, then (after a closing quote
// or bracket) ':', '=' or ']'.
bool begins_with_key(const std::string& squeezed, std::initializer_list<std::string_view> keys) {
  const std::string lower = to_lower_ascii(squeezed);
  const auto start = lower.find_first_not_of("'\"{[");
  if (start == std::string::npos) return false;
  for (const auto key : keys) {
    if (lower.compare(start, key.size(), key) != 0) continue;
    const auto after = lower.find_first_not_of("'\"", start + key.size());
    if (after != std::string::npos && (lower[after] == ':' || lower[after] == '=' || lower[after] == ']'))
      return true;
  }
  return false;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

// Whether the line sets `item` to `number` (both lower-cased; the line squeezed).
bool sets_item(const std::string& lower, const std::string& number) {
  for (std::size_t at = lower.find("item"); at != std::string::npos; at = lower.find("item", at + 1)) {
    if (at > 0 && is_word_char(lower[at - 1])) continue;
    std::size_t i = lower.find_first_not_of("'\"", at + 4);
    if (i == std::string::npos || (lower[i] != ':' && lower[i] != '=')) continue;
    i = lower.find_first_not_of("'\"", i + 1);
    if (i == std::string::npos || lower.compare(i, number.size(), number) != 0) continue;
    const std::size_t end = i + number.size();
    if (end == lower.size() || !is_word_char(lower[end])) return true;
  }
  return false;
}

}  // namespace

bool holds_unread_front_matter(std::string_view body, std::initializer_list<std::string_view> keys,
                               const std::vector<std::string>& private_items) {
  std::vector<std::string> numbers;
  for (const auto& n : private_items) numbers.push_back(to_lower_ascii(squeeze(n)));
  bool seen_text = false;
  bool after_rule = false;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string squeezed = squeeze(body.substr(start, end - start));
    start = end + 1;
    if (squeezed.empty()) continue;
    if (!seen_text && squeezed.rfind("---", 0) == 0) return true;
    seen_text = true;
    const std::string lower = to_lower_ascii(squeezed);
    for (const auto& number : numbers) {
      if (!number.empty() && sets_item(lower, number)) return true;
    }
    if (is_rule_line(squeezed)) {
      after_rule = true;
    } else if (after_rule && begins_with_key(squeezed, keys)) {
      return true;
    }
  }
  return false;
}

}  // namespace quorum::loader
