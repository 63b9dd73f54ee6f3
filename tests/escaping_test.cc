// Content is untrusted: everything is escaped, raw HTML is not passed through, and unsafe
// link schemes become plain text with a warning naming file and line.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace quorum::testing;

TEST_CASE("hostile content is escaped, never executed", "[e2e][security]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["content/people/ada-clerk.yaml"] = "name: \"Ada <script>alert('name')</script> Clerk\"\n";
  files["content/committees/board/index.md"] =
      "Intro <script>alert('raw')</script> text.\n\n"
      "<img src=x onerror=alert('img')>\n\n"
      "[click me](javascript:alert('js'))\n\n"
      "[data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
      "[spaced](java\tscript:alert('tab'))\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Hostile");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto committee = read(dir / "public/committees/board/index.html");
  CHECK(committee.find("<script>") == std::string::npos);
  CHECK(committee.find("<img") == std::string::npos);
  CHECK(committee.find("javascript:") == std::string::npos);
  CHECK(committee.find("data:text/html") == std::string::npos);
  CHECK(committee.find("click me") != std::string::npos);  // the text stays, without a link
  // Every file but the CSV data, which holds names exactly as written (plain text/csv).
  for (const auto& f : list_files(dir / "public")) {
    if (f.size() > 4 && f.compare(f.size() - 4, 4, ".csv") == 0) continue;
    INFO(f);
    CHECK(read(dir / "public" / f).find("<script>alert") == std::string::npos);
  }
  CHECK(read(dir / "public/data/attendance.csv").find(",Ada <script>alert('name')</script> Clerk,") != std::string::npos);
  const auto person = read(dir / "public/people/ada-clerk/index.html");
  CHECK(person.find("Ada &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Clerk") != std::string::npos);
  // Each unsafe link is a warning naming the file and its line.
  CHECK(r.err.find("content/committees/board/index.md:5:") != std::string::npos);
  CHECK(r.err.find("content/committees/board/index.md:7:") != std::string::npos);
  CHECK(r.err.find("uses 'javascript:'") != std::string::npos);
}
