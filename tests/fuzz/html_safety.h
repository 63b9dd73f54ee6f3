// An oracle for the fuzzers: does HTML that Quorum wrote let content run script?
#pragma once

#include <string>
#include <string_view>

namespace quorum::fuzz {

// "" when `html` is safe, else the first problem found: a tag that runs or embeds code
// (iframe, object, embed, base, ...), an event handler attribute (on...), a link or source
// whose scheme is javascript:, vbscript: or data: once entities and blanks are removed, a
// script element other than the theme's own (a src, or JSON-LD that is valid JSON), or a
// style element with markup in it.
// `fragment`: the HTML of a Markdown body, where no script or style element may appear.
std::string unsafe_html(std::string_view html, bool fragment);

}  // namespace quorum::fuzz
