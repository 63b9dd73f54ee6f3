// Front matter written where it is not read (after a title, a comment, an empty front matter,
// behind an invisible space) is found, so private actions are never published as text; an
// ordinary rule between sections is not.
#include "model/unread_front_matter.h"

#include <catch2/catch.hpp>
#include <string>

namespace quorum::loader {
namespace {

const std::string kFront =
    "---\nstatus: draft\nactions:\n  - item: \"7\"\n    action: Tell the bidder\n---\n";
const std::string kBody = "\n## 1. Apologies\n\nNone.\n";

bool suspect(const std::string& body) {
  return holds_unread_front_matter(body, {"status", "actions", "approved_at"});
}

}  // namespace

TEST_CASE("front matter that was not read is found wherever it sits", "[model][minutes][withheld]") {
  CHECK(suspect(kFront + kBody));                                  // a body beginning with dashes
  CHECK(suspect("\n\n" + kFront + kBody));                         // after blank lines
  CHECK(suspect(" " + kFront + kBody));                            // after a space
  CHECK(suspect("\xC2\xA0" + kFront + kBody));                     // after a no-break space
  CHECK(suspect("\xE2\x80\x8B" + kFront + kBody));                 // after a zero-width space
  CHECK(suspect("# Minutes\n\n" + kFront + kBody));                // after a title
  CHECK(suspect("<!-- draft -->\n" + kFront + kBody));             // after a comment
  CHECK(suspect("Text.\n\n---\n\nfoo: 1\nActions:\n- x\n---\n"));  // another key first, any case
  CHECK(
      suspect("Text.\n\n- - -\n\xC2\xA0"
              "actions: []\n"));  // spaced dashes, spaced key
}

TEST_CASE("a rule between sections is not front matter", "[model][minutes]") {
  CHECK_FALSE(suspect(kBody));
  CHECK_FALSE(suspect("## 1. Apologies\n\nNone.\n\n---\n\n## 2. Minutes\n\nAgreed.\n"));
  CHECK_FALSE(suspect("Title\n---\n\nPresent: Cllr Smith\n"));  // a setext heading, then a list
  CHECK_FALSE(suspect("Text.\n\n---\n\nStatusline: fine\nthe actions: none\n"));
}

}  // namespace quorum::loader
