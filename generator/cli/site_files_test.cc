// Request paths map to files inside the site folder and nowhere else.
#include "cli/site_files.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "test_support.h"

namespace quorum {
namespace {

namespace fs = std::filesystem;

void put(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

TEST_CASE("site paths: files, directory indexes, and nothing outside the site", "[serve][paths]") {
  testing::TempDir dir;
  put(dir / "site/index.html", "home");
  put(dir / "site/committees/board/index.html", "board");
  put(dir / "site/quorum.css", "css");
  put(dir / "site/.quorum-manifest", "manifest");
  put(dir / "secret.txt", "secret");
  const fs::path site = dir / "site";
  const fs::path real_site = fs::canonical(site);

  SECTION("a file and a directory's index") {
    REQUIRE(find_site_file(site, "/quorum.css"));
    CHECK(find_site_file(site, "/quorum.css")->path == real_site / "quorum.css");
    const auto home = find_site_file(site, "/");
    REQUIRE(home);
    CHECK(home->path == real_site / "index.html");
    CHECK(home->kind == SiteFile::Kind::file);
    const auto board = find_site_file(site, "/committees/board");
    REQUIRE(board);
    CHECK(board->kind == SiteFile::Kind::directory_without_slash);
    CHECK(board->path == real_site / "committees/board/index.html");
    CHECK_FALSE(find_site_file(site, "/committees/nothing/"));
  }
  SECTION("dot segments, hidden files, absolute paths and odd bytes are refused") {
    for (const std::string& path : std::vector<std::string>{
             "/../secret.txt", "/committees/../../secret.txt", "/./index.html", "/..", "/.quorum-manifest",
             "/committees/..\\..\\secret.txt", std::string("/index.html\0.css", 16), "secret.txt", ""}) {
      INFO(path);
      CHECK_FALSE(find_site_file(site, path));
    }
    // A doubled slash is not a way to the root of the file system.
    CHECK_FALSE(find_site_file(site, "//etc/passwd"));
    CHECK_FALSE(find_site_file(site, (dir / "secret.txt").string()));
  }
  SECTION("a symbolic link leading out of the site is refused") {
    fs::create_symlink(dir / "secret.txt", site / "leak.txt");
    CHECK_FALSE(find_site_file(site, "/leak.txt"));
  }
}

TEST_CASE("site paths: content types by extension", "[serve][paths]") {
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("a/quorum.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("search.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("paper.PDF") == "application/pdf");
  CHECK(content_type_for("structure.svg") == "image/svg+xml");
  CHECK(content_type_for("meetings.ics") == "text/calendar; charset=utf-8");
  CHECK(content_type_for("no-extension") == "application/octet-stream");
}

}  // namespace
}  // namespace quorum
