// Every URL field goes through one allow-list (issue 20, case 5): `javascript:` and its
// kin are errors at the field's line, never a link on the council's own origin, and the
// site's address cannot smuggle lines into robots.txt.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

TEST_CASE("an unsafe URL in any YAML field stops the build at its line", "[e2e][security][urls]") {
  struct Case {
    std::string file;
    std::string line;  // appended to the file
    std::string position;
  };
  const std::string meeting = "content/committees/board/meetings/2017-07-19/meeting.yaml";
  const Case cases[] = {
      {"site-config/site.yaml", "source_url: \"javascript:alert(document.cookie)\"\n",
       "site-config/site.yaml:5:"},
      {"site-config/site.yaml", "source_url: \" JavaScript:alert(1)\"\n", "site-config/site.yaml:5:"},
      {meeting, "webcast: \"data:text/html,<script>alert(1)</script>\"\n", meeting + ":"},
      {meeting, "webcast: \"vbscript:msgbox\"\n", meeting + ":"},
      {"content/committees/board/committee.yaml", "external_url: \"javascript:alert(1)\"\n",
       "content/committees/board/committee.yaml:"},
      {"content/organisations/testshire-council.yaml", "url: \"java\\tscript:alert(1)\"\n",
       "content/organisations/testshire-council.yaml:3:"},
  };
  for (const auto& c : cases) {
    INFO(c.file << ": " << c.line);
    TempDir dir;
    Files files = parse_sections(minimal_site());
    files[c.file] += c.line;
    write_files(dir / "repo", files);
    commit_all(dir / "repo", "URL");
    const BuildResult r = build(dir / "repo", dir / "public");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(c.position) != std::string::npos);
    CHECK(r.err.find("is not a web address Quorum can publish") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "public"));
  }
}

TEST_CASE("the site's address is an absolute http(s) address with no line breaks", "[e2e][security][urls]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  std::string& site = files["site-config/site.yaml"];
  site.replace(site.find("base_url: https://papers.example.org/"), 37,
               "base_url: \"https://papers.example.org/\\nDisallow: /\\nSitemap: https://evil.example/\"");
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Address");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("site-config/site.yaml:2:") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "public"));
  // On the command line: a usage error.
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Address fixed");
  for (const char* bad : {"javascript:alert(1)", "https://a.example/%0a", "https://a.example/ x"}) {
    INFO(bad);
    const int status = shell("cd '" + (dir / "repo").string() + "' && '" + QUORUM_BINARY + "' build --out '" +
                             (dir / "public").string() + "' --base-url '" + bad + "' >/dev/null 2>&1");
    const bool refused = WIFEXITED(status) && WEXITSTATUS(status) == 2;
    // "%0a" is an encoded byte, not a line break: allowed, and robots.txt stays whole.
    CHECK(refused == (std::string(bad).find("%0a") == std::string::npos));
  }
  REQUIRE(fs::exists(dir / "public/robots.txt"));
  for (const auto& line : {std::string("Disallow: /\n"), std::string("evil")}) {
    CHECK(read(dir / "public/robots.txt").find(line) == std::string::npos);
  }
}
