// `build --out` writes only into a folder that is the site's to replace (issue 20, case 1):
// never the repository, a folder above it, or its content/, site-config/, themes/ or .git;
// a folder of someone else's files only with --force.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

// The real command line, as a user types it: exit status and what it printed.
int quorum_build(const fs::path& source, const std::string& out, const std::string& extra = "") {
  const std::string command = "cd '" + source.string() + "' && '" + std::string(QUORUM_BINARY) +
                              "' build --out '" + out + "' " + extra + " >/dev/null 2>&1";
  const int status = shell(command);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("build refuses an --out that would replace the repository or what it reads",
          "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish");
  write_files(repo, {{"notes/uncommitted.txt", "work in progress\n"}});
  fs::create_directories(dir / "elsewhere");
  fs::create_symlink(repo, dir / "link-to-repo");
  const std::set<std::string> before = list_files(repo);
  const std::vector<std::string> outs = {".",
                                         "./",
                                         "..",
                                         "content",
                                         "content/people",
                                         "site-config",
                                         "themes",
                                         ".git",
                                         "../repo",
                                         (dir / "link-to-repo").string(),
                                         "content/../content",
                                         (dir / "elsewhere/../repo").string(),
                                         "/"};
  for (const std::string& out : outs) {
    INFO(out);
    CHECK(quorum_build(repo, out) == 2);
    CHECK(quorum_build(repo, out, "--force") == 2);
    CHECK(list_files(repo) == before);
  }
  CHECK(fs::exists(repo / ".git/HEAD"));
  CHECK(read(repo / "notes/uncommitted.txt") == "work in progress\n");
}

TEST_CASE("build writes into a new, empty or earlier site folder, and into others only with --force",
          "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish");
  // New (inside the repository, the default place), then the same folder again.
  CHECK(quorum_build(repo, "public") == 0);
  CHECK(fs::exists(repo / "public/index.html"));
  CHECK(quorum_build(repo, "public") == 0);
  CHECK(quorum_build(repo, "public", "--clean") == 0);
  CHECK(quorum_build(repo, "public") == 0);
  // Empty.
  fs::create_directories(dir / "empty");
  CHECK(quorum_build(repo, (dir / "empty").string()) == 0);
  // Someone's files: refused and left alone; with --force, written.
  write_files(dir / "photos", {{"holiday.jpg", "not really a photo"}});
  CHECK(quorum_build(repo, (dir / "photos").string()) == 2);
  CHECK(read(dir / "photos/holiday.jpg") == "not really a photo");
  CHECK_FALSE(fs::exists(dir / "photos/index.html"));
  CHECK(quorum_build(repo, (dir / "photos").string(), "--force") == 0);
  CHECK(fs::exists(dir / "photos/index.html"));
  // A file where the folder should be.
  write_files(dir.path(), {{"a-file", "x"}});
  CHECK(quorum_build(repo, (dir / "a-file").string(), "--force") == 2);
  CHECK(read(dir / "a-file") == "x");
}
