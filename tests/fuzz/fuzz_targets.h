// The code each fuzzer runs on one input, shared by the libFuzzer executables (tests/fuzz,
// clang) and the regression test that replays tests/fuzz/regressions/ in the normal suite.
//
// Each returns "" when the input was handled correctly, or what went wrong: a broken
// invariant (an unescaped script, a withheld file published, a front matter split that
// loses bytes) that a crash-only fuzzer would never notice. Sanitizers catch the rest.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace quorum::fuzz {

// (a) split_front_matter: the parts it returns are exactly the file's bytes.
std::string front_matter(std::string_view input);
// (b) build_model over a small site with the input laid over it (see site_input below).
std::string model(std::string_view input);
// (c) a Markdown body rendered the way a page renders it, links resolved through the model.
std::string markdown(std::string_view input);
// (d) the whole site rendered with the default theme, from a model built from the input.
std::string site_render(std::string_view input);

// The files of a fuzzed site: a small complete site (as in tests/test_support minimal_site)
// with the input laid over it. An input of "-- path --" sections replaces or adds those
// files; any other input is the meeting.yaml of the site's one meeting.
using FileMap = std::map<std::string, std::string>;
FileMap site_input(std::string_view input);

}  // namespace quorum::fuzz
