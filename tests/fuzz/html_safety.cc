#include "html_safety.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace quorum::fuzz {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

unsigned long digit_value(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0 ? static_cast<unsigned long>(c - '0')
                                                          : static_cast<unsigned long>(lower(c) - 'a' + 10);
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == ':' || c == '_';
}

// Enough of HTML's character references to see through an obfuscated scheme: numeric ones
// and the named ones that spell the characters of "javascript:" separators.
std::string decode_entities(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
      ++j;
      const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      unsigned long code = 0;
      const std::size_t digits = j;
      while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j])) != 0
                                  : std::isdigit(static_cast<unsigned char>(s[j])) != 0)) {
        code = std::min(code * (hex ? 16 : 10) + digit_value(s[j]), 0x110000UL);
        ++j;
      }
      if (j == digits) {
        out += s[i];
        continue;
      }
      if (j < s.size() && s[j] == ';') ++j;
      out += code < 0x80 ? static_cast<char>(code) : '?';
      i = j - 1;
      continue;
    }
    static constexpr std::array<std::pair<std::string_view, char>, 6> named{{{"colon;", ':'},
                                                                             {"tab;", '\t'},
                                                                             {"newline;", '\n'},
                                                                             {"amp;", '&'},
                                                                             {"sol;", '/'},
                                                                             {"period;", '.'}}};
    bool matched = false;
    for (const auto& [name, c] : named) {
      if (lowered(s.substr(j, name.size())) == name) {
        out += c;
        i = j + name.size() - 1;
        matched = true;
        break;
      }
    }
    if (!matched) out += s[i];
  }
  return out;
}

// What a browser takes the scheme of a URL to be: blanks and control characters anywhere in
// it are dropped, case is ignored.
bool dangerous_url(std::string_view value) {
  std::string url;
  for (const char c : decode_entities(value)) {
    if (static_cast<unsigned char>(c) > 0x20) url += lower(c);
  }
  for (const std::string_view scheme : {"javascript:", "vbscript:", "data:"}) {
    if (url.compare(0, scheme.size(), scheme) == 0) return true;
  }
  return false;
}

struct Tag {
  std::string name;  // lower case, without '/' for end tags
  bool end = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case
  std::size_t after = 0;                                        // index just past '>'
};

// Reads the tag starting at `html[at] == '<'`; nullopt when it is not a tag (text).
std::optional<Tag> read_tag(std::string_view html, std::size_t at) {
  Tag tag;
  std::size_t i = at + 1;
  if (i < html.size() && html[i] == '/') {
    tag.end = true;
    ++i;
  }
  if (i >= html.size() || std::isalpha(static_cast<unsigned char>(html[i])) == 0) return std::nullopt;
  while (i < html.size() && is_name_char(html[i])) tag.name += lower(html[i++]);
  while (i < html.size() && html[i] != '>') {
    if (std::isspace(static_cast<unsigned char>(html[i])) != 0 || html[i] == '/') {
      ++i;
      continue;
    }
    std::string name;
    while (i < html.size() && html[i] != '=' && html[i] != '>' &&
           std::isspace(static_cast<unsigned char>(html[i])) == 0) {
      name += lower(html[i++]);
    }
    std::string value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const char quote = html[i++];
        const auto close = html.find(quote, i);
        const auto stop = close == std::string_view::npos ? html.size() : close;
        value = std::string(html.substr(i, stop - i));
        i = std::min(stop + 1, html.size());
      } else {
        while (i < html.size() && html[i] != '>' && std::isspace(static_cast<unsigned char>(html[i])) == 0)
          value += html[i++];
      }
    }
    if (!name.empty()) tag.attributes.emplace_back(name, value);
  }
  tag.after = std::min(i + 1, html.size());
  return tag;
}

// The text of a raw text element (script, style) up to its end tag.
std::string_view raw_text(std::string_view html, const Tag& open) {
  const std::string rest = lowered(html.substr(open.after));
  const auto end = rest.find("</" + open.name);
  return html.substr(open.after, end == std::string::npos ? std::string_view::npos : end);
}

}  // namespace

std::string unsafe_html(std::string_view html, bool fragment) {
  static const std::array<std::string_view, 9> forbidden{"iframe", "frame", "frameset", "object", "embed",
                                                         "applet", "base",  "meta",     "link"};
  static const std::array<std::string_view, 7> url_attributes{"href",       "src",    "action", "formaction",
                                                              "xlink:href", "poster", "srcset"};
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (html.compare(at, 4, "<!--") == 0) {
      const auto close = html.find("-->", at + 4);
      if (close == std::string_view::npos) return "a comment that never ends, at byte " + std::to_string(at);
      at = close;
      continue;
    }
    const auto tag = read_tag(html, at);
    if (!tag || tag->end) continue;
    const std::string where = "<" + tag->name + "> at byte " + std::to_string(at);
    // A page's head legitimately has meta and link elements; a Markdown body never does.
    const bool head_element = !fragment && (tag->name == "meta" || tag->name == "link");
    if (!head_element && std::find(forbidden.begin(), forbidden.end(), tag->name) != forbidden.end()) {
      return "forbidden element " + where;
    }
    for (const auto& [name, value] : tag->attributes) {
      if (name.size() > 2 && name.compare(0, 2, "on") == 0) return "event handler " + name + " on " + where;
      if (std::find(url_attributes.begin(), url_attributes.end(), name) != url_attributes.end() &&
          dangerous_url(value)) {
        return "unsafe " + name + "=\"" + value + "\" on " + where;
      }
      if (tag->name == "meta" && name == "http-equiv") return "meta http-equiv " + where;
    }
    if (tag->name == "script") {
      if (fragment) return "script element in a Markdown body, " + where;
      const std::string_view text = raw_text(html, *tag);
      const bool has_src = std::any_of(tag->attributes.begin(), tag->attributes.end(),
                                       [](const auto& a) { return a.first == "src"; });
      if (has_src) {
        if (!text.empty()) return "script with src and content, " + where;
      } else if (!nlohmann::json::accept(text)) {
        return "script content is not JSON-LD, " + where + ": " + std::string(text.substr(0, 200));
      }
    }
    if (tag->name == "style") {
      if (fragment) return "style element in a Markdown body, " + where;
      if (raw_text(html, *tag).find('<') != std::string_view::npos) return "markup inside " + where;
    }
  }
  return {};
}

}  // namespace quorum::fuzz
