#include "model/url_check.h"

#include "support/text.h"

namespace quorum {

std::string url_scheme(std::string_view url) {
  std::size_t i = 0;
  while (i < url.size()) {
    const char c = url[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) break;
    ++i;
  }
  if (i == 0 || i >= url.size() || url[i] != ':') return {};
  return to_lower_ascii(url.substr(0, i));
}

std::string url_problem(std::string_view url, UrlUse use) {
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return "it holds a space, a line break or another invisible character";
    if (c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') {
      return std::string("it holds the character '") + c + "', which a web address may not";
    }
  }
  const std::string scheme = url_scheme(url);
  const bool web = scheme == "http" || scheme == "https";
  if (scheme.empty()) return "it does not begin with https:// (a full web address is needed here)";
  if (!web && !(use == UrlUse::link && scheme == "mailto")) {
    return "it uses '" + scheme + ":', and only https://, http://" +
           std::string(use == UrlUse::link ? " and mailto:" : "") + " addresses are published here";
  }
  if (web) {
    const std::string_view rest = url.substr(scheme.size() + 1);
    if (rest.substr(0, 2) != "//" || rest.size() == 2 || rest[2] == '/') {
      return "it has no host name after " + scheme + "://";
    }
    if (use == UrlUse::site_address && rest.find_first_of("?#") != std::string_view::npos) {
      return "the site's address cannot have a '?' or '#' part";
    }
  }
  return {};
}

std::string read_url(YamlFields& fields, const std::string& key, UrlUse use) {
  const std::string url = fields.text(key);
  if (url.empty()) return url;
  if (const std::string problem = url_problem(url, use); !problem.empty()) {
    fields.diags().error(fields.pos_of(key),
                         fields.subject() + ": '" + key +
                             "' is not a web address Quorum can "
                             "publish: " +
                             problem + ". Write it in full, for example " +
                             (use == UrlUse::site_address ? "https://democracy.example.gov.uk/"
                                                          : "https://www.example.gov.uk/page"));
    return {};
  }
  return url;
}

}  // namespace quorum
