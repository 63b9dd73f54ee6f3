// One allow-list for every URL a clerk writes in a YAML field (a site's address, a webcast,
// a committee's page elsewhere, an organisation's website, the source link on every page):
// a browser runs `javascript:` (and `data:`, `vbscript:`) on the council's own origin, and a
// newline in the site's address wrote extra lines into robots.txt. Anything not allowed is an
// error at the field's path:line:column, never output. Links inside Markdown have their own,
// gentler rule (references.h): an unsafe one is published as its text, with a warning.
#pragma once

#include <string>
#include <string_view>

#include "parse/yaml_fields.h"

namespace quorum {

enum class UrlUse {
  link,          // http, https (with a host) or mailto
  site_address,  // the site's own address: http or https, with a host, no query or fragment
};

// The scheme before ':' in lower case ("https"), or "" when the text has none.
std::string url_scheme(std::string_view url);

// "" when `url` may be used so; otherwise what is wrong, to end a sentence ("it uses 'javascript:'").
std::string url_problem(std::string_view url, UrlUse use);

// The field `key` read as text and checked: an error at its position when not allowed, and
// then "" (so nothing unsafe reaches the model).
std::string read_url(YamlFields& fields, const std::string& key, UrlUse use);

}  // namespace quorum
