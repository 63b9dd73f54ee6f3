// What a build does to its output folder, as an operator sees it (issue 20): files it did
// not write survive every build; a build killed at any point is finished or undone by the
// next one, even one that fails; and the last line of a failed build says what the folder
// holds, checked rather than assumed.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "write/atomic_output.h"
#include "write/site_swap.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

// Every file of a folder with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& f : list_files(root)) out[f] = read(root / f);
  return out;
}

// The sample with one more paragraph on the board's page.
Files edited(const std::string& words) {
  Files files = parse_sections(minimal_site());
  files["content/committees/board/index.md"] += "\n" + words + "\n";
  return files;
}

struct StopCommit {
  explicit StopCommit(long steps) { quorum::AtomicOutput::stop_commit_after_for_testing = steps; }
  ~StopCommit() { quorum::AtomicOutput::stop_commit_after_for_testing = -1; }
  StopCommit(const StopCommit&) = delete;
  StopCommit& operator=(const StopCommit&) = delete;
};

struct StopSwapBetweenRenames {
  StopSwapBetweenRenames() {
    quorum::swap_without_exchange_for_testing = true;
    quorum::stop_swap_between_renames_for_testing = true;
  }
  ~StopSwapBetweenRenames() {
    quorum::swap_without_exchange_for_testing = false;
    quorum::stop_swap_between_renames_for_testing = false;
  }
  StopSwapBetweenRenames(const StopSwapBetweenRenames&) = delete;
  StopSwapBetweenRenames& operator=(const StopSwapBetweenRenames&) = delete;
};

}  // namespace

TEST_CASE("a CNAME and a .well-known folder survive every kind of build", "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = dir / "repo", site = dir / "public";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish");
  REQUIRE(build(repo, site).exit_code == 0);
  write_files(site, {{"CNAME", "papers.example.org\n"}, {".well-known/security.txt", "Contact: x\n"}});
  // Incremental, with a page changed; then --clean; then a failing build.
  write_files(repo, edited("Now with a new paragraph."));
  commit_all(repo, "Edit", 1500000100);
  REQUIRE(build(repo, site).exit_code == 0);
  CHECK(read(site / "CNAME") == "papers.example.org\n");
  REQUIRE(build_ref(repo, site, "HEAD", /*clean=*/true).exit_code == 0);
  CHECK(read(site / "CNAME") == "papers.example.org\n");
  CHECK(read(site / ".well-known/security.txt") == "Contact: x\n");
  CHECK(read(site / "committees/board/index.html").find("Now with a new paragraph.") != std::string::npos);
}

TEST_CASE("a file name with a line break or a tab is refused when the repository is read",
          "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  Files files = parse_sections(minimal_site());
  // Written raw in a manifest, this name would read as a second entry, for the CNAME.
  files["content/committees/board/meetings/2017-07-19/Agenda.pdf\nfp\tCNAME"] = "%PDF-1.4\n";
  write_files(repo, files);
  commit_all(repo, "Publish");
  const BuildResult r = build(repo, dir / "public");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/committees/board/meetings/2017-07-19/Agenda.pdf\\nfp\\tCNAME") !=
        std::string::npos);
  CHECK(r.err.find("control character") != std::string::npos);
  CHECK(r.err.find("rename the file") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "public"));
  // The working tree is read the same way.
  const BuildResult w = build(repo, dir / "public", /*working_tree=*/true);
  CHECK(w.exit_code == 1);
  CHECK(w.err.find("Agenda.pdf\\nfp\\tCNAME") != std::string::npos);
}

TEST_CASE("a failing build first finishes an interrupted update, and says what the folder holds",
          "[e2e][out][fault]") {
  TempDir dir;
  const fs::path repo = dir / "repo", site = dir / "public";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish");
  REQUIRE(build(repo, site).exit_code == 0);
  write_files(repo, edited("The second version."));
  commit_all(repo, "Edit", 1500000100);
  {
    const StopCommit killed(1);  // after the journal, one step in
    const BuildResult r = build(repo, site);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("is partly updated: the next build finishes the update first") != std::string::npos);
    CHECK(r.err.find("untouched") == std::string::npos);
  }
  REQUIRE(fs::exists(quorum::AtomicOutput::journal_path(site)));
  // A clean build of the same commit elsewhere: what the finished update must equal.
  REQUIRE(build(repo, dir / "expected").exit_code == 0);
  // Now a content error: the build fails, but only after finishing the update.
  Files broken = edited("The second version.");
  broken["content/committees/board/committee.yaml"] += "members: [twice]\n";
  write_files(repo, broken);
  commit_all(repo, "Break it", 1500000200);
  const BuildResult failed = build(repo, site);
  INFO(failed.err);
  CHECK(failed.exit_code == 1);
  CHECK(failed.err.find("was stopped part way was finished first") != std::string::npos);
  CHECK(failed.err.find("is as the last build left it") != std::string::npos);
  CHECK_FALSE(fs::exists(quorum::AtomicOutput::journal_path(site)));
  CHECK(snapshot(site) == snapshot(dir / "expected"));
}

TEST_CASE("a clean build killed in the gap of a two-rename swap is undone by the next build",
          "[e2e][out][fault]") {
  TempDir dir;
  const fs::path repo = dir / "repo", site = dir / "public";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish");
  REQUIRE(build(repo, site).exit_code == 0);
  write_files(site, {{"CNAME", "papers.example.org\n"}});
  const auto before = snapshot(site);
  write_files(repo, edited("The second version."));
  commit_all(repo, "Edit", 1500000100);
  {
    const StopSwapBetweenRenames killed;
    const BuildResult r = build_ref(repo, site, "HEAD", /*clean=*/true);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("is missing: the next build puts the previous one back") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(site));
  // The next build is told to look at a commit that does not exist: it fails, after
  // putting the old site back whole.
  const BuildResult failed = build_ref(repo, site, "no-such-branch");
  INFO(failed.err);
  CHECK(failed.exit_code == 1);
  CHECK(failed.err.find("is as the last build left it") != std::string::npos);
  CHECK(snapshot(site) == before);
  // And a good build publishes the new site, CNAME kept.
  REQUIRE(build(repo, site).exit_code == 0);
  CHECK(read(site / "CNAME") == "papers.example.org\n");
  CHECK(read(site / "committees/board/index.html").find("The second version.") != std::string::npos);
}
