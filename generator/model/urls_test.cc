#include "model/urls.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

TEST_CASE("page_path gives each kind of key its folder", "[model][urls]") {
  CHECK(page_path("home:") == "");
  CHECK(page_path("person:roger-harris") == "people/roger-harris/");
  CHECK(page_path("organisation:thurrock-council") == "organisations/thurrock-council/");
  CHECK(page_path("committee:thurrock-hwb") == "committees/thurrock-hwb/");
  CHECK(page_path("terms:thurrock-hwb") == "committees/thurrock-hwb/terms-of-reference/");
  CHECK(page_path("document:better-care-together") == "documents/better-care-together/");
  CHECK(page_path("topic:better-care-fund") == "topics/better-care-fund/");
  CHECK(page_path("meeting:thurrock-hwb/2017-09-08") == "committees/thurrock-hwb/2017-09-08/");
  CHECK(page_path("minutes:thurrock-hwb/2017-09-08") == "committees/thurrock-hwb/2017-09-08/minutes/");
  CHECK(page_path("report:thurrock-hwb/2017-09-08/better-care-fund-plan") ==
        "committees/thurrock-hwb/2017-09-08/reports/better-care-fund-plan/");
  CHECK(page_path("list:people") == "people/");
  CHECK(page_path("list:meetings") == "meetings/");
}

TEST_CASE("page_path ignores the fragment and refuses malformed keys", "[model][urls]") {
  CHECK(page_path("meeting:thurrock-hwb/2017-09-08#item-5") == "committees/thurrock-hwb/2017-09-08/");
  CHECK(page_path("minutes:c/2017-09-08#item-5-resolved-1") == "committees/c/2017-09-08/minutes/");
  CHECK(page_path("person:ada#memberships") == "people/ada/");
  CHECK(page_path("meeting:only-one-part") == "");
  CHECK(page_path("report:c/2017-09-08") == "");
  CHECK(page_path("minutes:a/b/c") == "");
  CHECK(page_path("nonsense:x") == "");
}

TEST_CASE("attachment_path drops content/ and the meetings/ folder", "[model][urls]") {
  CHECK(attachment_path("content/committees/thurrock-hwb/meetings/2017-09-08/Better Care Fund summary.csv") ==
        "committees/thurrock-hwb/2017-09-08/Better Care Fund summary.csv");
  CHECK(attachment_path("content/committees/c/meetings/2017-09-08/reports/appendix.pdf") ==
        "committees/c/2017-09-08/reports/appendix.pdf");
  CHECK(attachment_path("content/documents/plan.pdf") == "documents/plan.pdf");
  // Only a committee's meetings folder is dropped, not a folder that happens to be called so.
  CHECK(attachment_path("content/documents/meetings/plan.pdf") == "documents/meetings/plan.pdf");
  CHECK(attachment_path("content/committees/c/papers/x.pdf") == "committees/c/papers/x.pdf");
}

TEST_CASE("url_encode_path percent-encodes spaces and non-ASCII, keeping slashes", "[model][urls]") {
  CHECK(url_encode_path("committees/c/2017-09-08/Better Care Fund summary.csv") ==
        "committees/c/2017-09-08/Better%20Care%20Fund%20summary.csv");
  CHECK(url_encode_path("documents/Caf\xC3\xA9 d\xC3\xA9j\xC3\xA0 vu.pdf") ==
        "documents/Caf%C3%A9%20d%C3%A9j%C3%A0%20vu.pdf");
  CHECK(url_encode_path("a#b?c%d&e\"f'g<h>") == "a%23b%3Fc%25d%26e%22f%27g%3Ch%3E");
  CHECK(url_encode_path("Plain-file_name.v2~.pdf") == "Plain-file_name.v2~.pdf");
  CHECK(url_encode_path("") == "");
}

TEST_CASE("resolve_relative resolves against the naming file's folder", "[model][urls]") {
  CHECK(resolve_relative("x/y/file.md", "a/b/../c.md") == "x/y/a/c.md");
  CHECK(resolve_relative("content/committees/c/meetings/2017-09-08/minutes.md", "../2017-07-19/minutes.md") ==
        "content/committees/c/meetings/2017-07-19/minutes.md");
  CHECK(resolve_relative("content/committees/c/meetings/2017-09-08/reports/r.md", "../Appendix 1.pdf") ==
        "content/committees/c/meetings/2017-09-08/Appendix 1.pdf");
  CHECK(resolve_relative("x/y/file.md", "./c.md") == "x/y/c.md");
  CHECK(resolve_relative("x/y/file.md", "a//b.md") == "x/y/a/b.md");
  CHECK(resolve_relative("x/y/file.md", "../../c.md") == "c.md");
  CHECK(resolve_relative("file.md", "other.md") == "other.md");
  CHECK(resolve_relative("x/y/file.md", "../2017-07-19/") == "x/2017-07-19");
}

TEST_CASE("resolve_relative refuses paths that leave the repository", "[model][urls]") {
  CHECK(resolve_relative("x/y/file.md", "../../../c.md") == "");
  CHECK(resolve_relative("content/documents/x.md", "../../../../../etc/passwd") == "");
  CHECK(resolve_relative("x/y/file.md", "a/../../../../b") == "");
  CHECK(resolve_relative("file.md", "../x") == "");
  CHECK(resolve_relative("x/y/file.md", "/etc/passwd") == "");
  CHECK(resolve_relative("x/y/file.md", "\\\\server\\share\\x.pdf") == "");
  CHECK(resolve_relative("x/y/file.md", "") == "");
}

}  // namespace
}  // namespace quorum
