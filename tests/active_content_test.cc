// Nothing a browser would run is published from content (issue 20, case 6): web pages, SVG,
// XML and scripts in a meeting folder are errors with the way to publish them, and so is an
// SVG logo. An attachment named index.html can no longer replace the meeting's page.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

TEST_CASE("a file a browser would run is never published from a meeting folder", "[e2e][security][active]") {
  const std::string folder = "content/committees/board/meetings/2017-07-19/";
  const std::string script = "<script>alert('MARKER-ACTIVE')</script>";
  for (const std::string name :
       {"index.html", "briefing.htm", "page.xhtml", "chart.svg", "chart.SVG", "feed.xml", "tool.js",
        "module.mjs", "minutes/index.html", "reports/extra.html"}) {
    INFO(name);
    TempDir dir;
    Files files = parse_sections(minimal_site());
    files[folder + name] =
        name.find("svg") != std::string::npos
            ? "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert('MARKER-ACTIVE')\"/>"
            : script;
    write_files(dir / "repo", files);
    commit_all(dir / "repo", "Attach");
    const BuildResult r = build(dir / "repo", dir / "public");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(folder + name + ": error:") != std::string::npos);
    CHECK(r.err.find("Publish it as a PDF") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "public"));
  }
  // The same papers as PDF are published.
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files[folder + "briefing.pdf"] = "%PDF-1.4 stand-in";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Attach");
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir / "public/committees/board/2017-07-19/briefing.pdf"));
}
