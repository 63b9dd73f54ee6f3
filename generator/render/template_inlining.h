// Puts each partial's text in place of its `{{> name}}` tag, so a template is parsed once
// when the theme loads rather than each time a partial is used.
//
// kainjow parses a partial afresh every time a template uses it, in the caller's context
// and with nothing of its own (no indentation rules), so the inlined template renders the
// same bytes: `meeting_row` alone used to be parsed once per row of a 10,000-row list.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quorum {

// `partials`: name ("link") -> text. A partial that includes itself, directly or through
// others, stays a `{{> name}}` tag where it recurs (the committee tree), and names that are
// not partials stay as written. `including` lists the partials being inlined around
// `source` (pass the template's own name when it is a partial). nullopt for a template that
// changes its delimiters (`{{=<% %>=}}`): its tags are not `{{...}}`, so it keeps its partials.
std::optional<std::string> inline_partials(const std::string& source,
                                           const std::map<std::string, std::string>& partials,
                                           std::vector<std::string>& including);

}  // namespace quorum
