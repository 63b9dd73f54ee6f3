// Files in the site folder that Quorum did not write (a CNAME, .well-known/) are kept by
// every kind of build, and never silently replaced by a page of the same name.
#include "write/foreign_files.h"

#include <catch2/catch.hpp>

#include "write/atomic_output.h"
#include "write/write_test_fixtures.h"

namespace quorum {
namespace {
namespace fs = std::filesystem;
using namespace write_testing;  // NOLINT(google-build-using-namespace): the tests' own fixtures

using Pages = std::map<std::string, std::string>;

void build(const fs::path& site, const Pages& pages, bool incremental, bool force = false) {
  AtomicOutput out(site, incremental);
  out.set_replace_foreign_files(force);
  for (const auto& [path, bytes] : pages) {
    if (!out.reuse(path, "fp:" + bytes, false)) out.write_with_fingerprint(path, bytes, "fp:" + bytes);
  }
  out.commit();
}

// What an operator adds to a deployed folder by hand.
void add_operator_files(const fs::path& site) {
  put(site / "CNAME", "democracy.example.gov.uk\n");
  put(site / ".well-known/security.txt", "Contact: mailto:security@example.gov.uk\n");
  put(site / "people/google1234.html", "google-site-verification");  // beside Quorum's pages
  fs::create_directories(site / "uploads");                          // an empty folder
  fs::create_symlink("/etc/hostname", site / "host-link");           // a link, never followed
}

void check_operator_files(const fs::path& site) {
  CHECK(get(site / "CNAME") == "democracy.example.gov.uk\n");
  CHECK(get(site / ".well-known/security.txt") == "Contact: mailto:security@example.gov.uk\n");
  CHECK(get(site / "people/google1234.html") == "google-site-verification");
  CHECK(fs::is_directory(site / "uploads"));
  CHECK(fs::is_symlink(site / "host-link"));
  CHECK(fs::read_symlink(site / "host-link") == "/etc/hostname");
}

const Pages kFirst = {{"index.html", "home"}, {"people/ada/index.html", "ada"}, {"old/index.html", "old"}};
const Pages kSecond = {{"index.html", "home 2"}, {"people/ada/index.html", "ada"}, {"new/index.html", "new"}};

}  // namespace

TEST_CASE("foreign_files lists what no manifest names, links unfollowed", "[write][foreign]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  build(site, kFirst, false);
  add_operator_files(site);
  const std::map<std::string, std::string> ours = {kFirst.begin(), kFirst.end()};
  CHECK(foreign_files(site, ours, AtomicOutput::kManifest) ==
        std::vector<std::string>{".well-known/security.txt", "CNAME", "host-link", "people/google1234.html",
                                 "uploads/"});
}

TEST_CASE("colliding finds every way a file of the site would replace someone else's", "[write][foreign]") {
  const std::map<std::string, std::string> site = {{"index.html", ""}, {"people/ada", ""}, {"feed.xml", ""}};
  CHECK(colliding({"CNAME", "index.html", "people/ada/notes.txt", "people", "feed.xml/"}, site) ==
        std::vector<std::string>{"index.html", "people/ada/notes.txt", "people", "feed.xml/"});
}

TEST_CASE("every kind of build keeps the files Quorum did not write", "[write][foreign][security]") {
  Scratch dir;
  const fs::path site = dir.path / "public";
  build(site, kFirst, false);
  add_operator_files(site);
  // In place: a page changes, one goes (its folder with it), one comes.
  build(site, kSecond, true);
  check_operator_files(site);
  CHECK_FALSE(fs::exists(site / "old"));
  CHECK(get(site / "new/index.html") == "new");
  // A clean build, which swaps in a whole new folder.
  build(site, kFirst, false);
  check_operator_files(site);
  CHECK(get(site / "index.html") == "home");
  CHECK_FALSE(fs::exists(site / "new"));
  // And again incrementally, from the manifest the clean build left.
  build(site, kSecond, true);
  check_operator_files(site);
}

TEST_CASE("a page never silently replaces a file Quorum did not write", "[write][foreign][security]") {
  for (const bool incremental : {false, true}) {
    Scratch dir;
    const fs::path site = dir.path / "public";
    build(site, kFirst, false);
    put(site / "new/index.html", "the operator's own page");
    Pages with_new = kFirst;
    with_new["new/index.html"] = "Quorum's page";
    CHECK_THROWS_WITH(build(site, with_new, incremental), Catch::Contains("new/index.html") &&
                                                              Catch::Contains("which Quorum did not write") &&
                                                              Catch::Contains("--force"));
    CHECK(get(site / "new/index.html") == "the operator's own page");
    CHECK(get(site / "index.html") == "home");  // nothing was published
    // --force: the folder is the site's; the page replaces it.
    build(site, with_new, incremental, /*force=*/true);
    CHECK(get(site / "new/index.html") == "Quorum's page");
  }
}

}  // namespace quorum
