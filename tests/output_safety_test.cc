// A build never deletes or overwrites a file it did not write, never follows a path out of
// the repository or out of --out, and never leaves a half-updated site (issue 20): the
// attacks an outside tester found after the issue was closed, each turned into a test.
#include <catch2/catch.hpp>
#include <sstream>

#include "cli/cli_app.h"
#include "test_support.h"
#include "write/atomic_output.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

// The command line as a user types it, in-process.
CliResult quorum_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "quorum");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  CliResult r;
  r.exit_code = quorum::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

CliResult quorum_build(const fs::path& repo, const fs::path& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"build", "--source", repo.string(), "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return quorum_cli(args);
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// A committed minimal site in dir/repo.
fs::path make_repo(const TempDir& dir) {
  const fs::path repo = dir / "repo";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish");
  return repo;
}

}  // namespace

TEST_CASE("a commit journal naming a path outside the site deletes nothing", "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = make_repo(dir);
  const fs::path out = dir / "out";
  REQUIRE(quorum_build(repo, out).exit_code == 0);
  write_files(dir.path(), {{"victim.txt", "my notes\n"}, {"elsewhere/abs-victim.txt", "other data\n"}});
  const std::string planted = "quorum-journal 1\nD\t../victim.txt\nD\t" +
                              (dir / "elsewhere/abs-victim.txt").string() + "\nD\tindex.html\nend\n";
  write_files(dir.path(), {{".out.quorum-journal", planted}});
  const CliResult r = quorum_build(repo, out);
  INFO(r.err);
  CHECK(r.exit_code != 0);
  CHECK(contains(r.err, "not a file inside the site folder"));
  CHECK(read(dir / "victim.txt") == "my notes\n");
  CHECK(read(dir / "elsewhere/abs-victim.txt") == "other data\n");
  CHECK(fs::exists(out / "index.html"));  // not even the journal's one good line was carried out
}

TEST_CASE("an incremental build never writes or deletes through a folder replaced by a link",
          "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, parse_sections(minimal_site()));
  write_files(repo, {{"content/people/zz-temp.yaml", "name: Temp Person\n"}});
  commit_all(repo, "Publish");
  const fs::path out = dir / "out";
  REQUIRE(quorum_build(repo, out).exit_code == 0);
  REQUIRE(fs::exists(out / "people/zz-temp/index.html"));
  // Someone's own folder, outside the site; the site's people/ becomes a link to it.
  write_files(dir / "victim",
              {{"index.html", "VICTIM home page\n"}, {"zz-temp/index.html", "VICTIM notes\n"}});
  fs::remove_all(out / "people");
  fs::create_symlink(dir / "victim", out / "people");
  // The next commit removes a person and changes another.
  fs::remove(repo / "content/people/zz-temp.yaml");
  write_files(repo, {{"content/people/bob-member.yaml",
                      "# edited\n" + read(repo / "content/people/bob-member.yaml")}});
  commit_all(repo, "Change");
  const CliResult r = quorum_build(repo, out);
  INFO(r.err);
  CHECK(r.exit_code != 0);
  CHECK(contains(r.err, "is a symbolic link"));
  CHECK(read(dir / "victim/index.html") == "VICTIM home page\n");
  CHECK(read(dir / "victim/zz-temp/index.html") == "VICTIM notes\n");
  CHECK_FALSE(fs::exists(quorum::AtomicOutput::journal_path(out)));  // refused before the journal
  // With the link gone, the site is whole again.
  fs::remove(out / "people");
  const CliResult again = quorum_build(repo, out);
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(fs::exists(out / "people/index.html"));
  CHECK(fs::exists(out / "people/bob-member/index.html"));
}

TEST_CASE("a link in the cache folder beside the site is never followed", "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = make_repo(dir);
  const fs::path out = dir / "out";
  REQUIRE(quorum_build(repo, out).exit_code == 0);
  const fs::path cache = quorum::AtomicOutput::cache_dir(out);
  write_files(dir / "victim", {{"important.json", "V"}, {"notes.txt", "V"}, {"markdown.cache", "V"}});
  fs::remove_all(cache / "pdf");
  fs::remove_all(cache / "parse");
  fs::create_symlink(dir / "victim", cache / "pdf");
  fs::create_symlink(dir / "victim", cache / "parse");
  write_files(repo, {{"content/people/bob-member.yaml",
                      "# edited\n" + read(repo / "content/people/bob-member.yaml")}});
  commit_all(repo, "Change");
  for (const bool clean : {false, true}) {
    const CliResult r =
        quorum_build(repo, out, clean ? std::vector<std::string>{"--clean"} : std::vector<std::string>{});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "symbolic link"));
    CHECK(list_files(dir / "victim") ==
          std::set<std::string>{"important.json", "markdown.cache", "notes.txt"});
    CHECK(read(dir / "victim/markdown.cache") == "V");
  }
}

TEST_CASE("an --out that is a symbolic link is refused, and the link left as it was",
          "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = make_repo(dir);
  fs::create_directories(dir / "www/site");
  fs::create_directories(dir / "work");
  fs::create_symlink("../www/site", dir / "work/public");
  for (const std::string& out : {(dir / "work/public").string(), (dir / "work/public").string() + "/"}) {
    for (const bool clean : {false, true}) {
      const CliResult r =
          quorum_build(repo, out, clean ? std::vector<std::string>{"--clean"} : std::vector<std::string>{});
      INFO(out << " " << r.err);
      CHECK(r.exit_code == 2);
      CHECK(contains(r.err, "symbolic link"));
      CHECK(contains(r.err, (dir / "www/site").string()));  // where to build instead
      CHECK(fs::is_symlink(dir / "work/public"));
      CHECK(fs::read_symlink(dir / "work/public") == "../www/site");
    }
  }
  // The folder itself is fine.
  CHECK(quorum_build(repo, dir / "www/site").exit_code == 0);
  CHECK(fs::exists(dir / "www/site/index.html"));
}

TEST_CASE("with --source a folder of a git repository, --out is never the repository or its .git",
          "[e2e][security][out]") {
  TempDir dir;
  const fs::path root = dir / "R";
  write_files(root / "site", parse_sections(minimal_site()));
  write_files(root, {{"README", "the council's repository\n"}});
  commit_all(root, "Publish");
  const std::set<std::string> before = list_files(root);
  const fs::path source = root / "site";
  const std::vector<fs::path> outs = {root / ".git/qout", root / ".git/refs/heads", root / ".git", root,
                                      dir.path()};
  for (const fs::path& out : outs) {
    for (const bool force : {false, true}) {
      const CliResult r =
          quorum_build(source, out, force ? std::vector<std::string>{"--force"} : std::vector<std::string>{});
      INFO(out << (force ? " --force: " : ": ") << r.err);
      CHECK(r.exit_code == 2);
      CHECK(contains(r.err, "repository"));
    }
  }
  CHECK(list_files(root) == before);
  // A folder of the work tree beside the content is the site's to have, as with --source R.
  const CliResult r = quorum_build(source, root / "public");
  INFO(r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("quorum new never writes through a symbolic link", "[e2e][security][new]") {
  TempDir dir;
  const fs::path repo = make_repo(dir);
  const std::string meeting = "content/committees/board/meetings/2017-07-19/meeting.yaml";
  // The meeting's file is a link to a file outside the repository.
  fs::rename(repo / meeting, dir / "outside-meeting.yaml");
  fs::create_symlink(dir / "outside-meeting.yaml", repo / meeting);
  const std::string before = read(dir / "outside-meeting.yaml");
  CliResult r = quorum_cli(
      {"new", "report", "board/2017-07-19", "new-thing", "--title", "New thing", "--source", repo.string()});
  INFO(r.err);
  CHECK((r.exit_code == 1 || r.exit_code == 2));
  CHECK(contains(r.err, "symbolic link"));
  CHECK(read(dir / "outside-meeting.yaml") == before);
  CHECK_FALSE(fs::exists(repo / "content/committees/board/meetings/2017-07-19/reports/new-thing.md"));
  // content/people is a link to a folder outside.
  fs::rename(repo / "content/people", dir / "outside-people");
  fs::create_symlink(dir / "outside-people", repo / "content/people");
  r = quorum_cli({"new", "person", "zz-new", "--name", "New Person", "--source", repo.string()});
  INFO(r.err);
  CHECK((r.exit_code == 1 || r.exit_code == 2));
  CHECK(contains(r.err, "content/people is a symbolic link"));
  CHECK_FALSE(fs::exists(dir / "outside-people/zz-new.yaml"));
}

TEST_CASE("a user's folder where the new site puts a page stops the build before anything is published",
          "[e2e][security][out]") {
  TempDir dir;
  const fs::path repo = make_repo(dir);
  const fs::path out = dir / "out";
  REQUIRE(quorum_build(repo, out).exit_code == 0);
  // The user's own folder where the next commit adds a person's page.
  write_files(out, {{"people/zz-new/index.html/mine.txt", "USER\n"}});
  const std::string ada_before = read(out / "people/ada-clerk/index.html");
  std::string ada = read(repo / "content/people/ada-clerk.yaml");
  ada.replace(ada.find("Ada Clerk"), 9, "Ada Clerk NEWVERSION");
  write_files(repo,
              {{"content/people/zz-new.yaml", "name: New Person\n"}, {"content/people/ada-clerk.yaml", ada}});
  commit_all(repo, "Change");
  for (int attempt = 0; attempt < 2; ++attempt) {
    const CliResult r = quorum_build(repo, out, {"--force"});
    INFO(r.err);
    CHECK(r.exit_code != 0);
    CHECK(contains(r.err, "people/zz-new/index.html is a folder where the new site puts a file"));
    CHECK(contains(r.err, "is as the last build left it"));
    CHECK(read(out / "people/ada-clerk/index.html") == ada_before);  // nothing of the new site went live
    CHECK_FALSE(fs::exists(quorum::AtomicOutput::journal_path(out)));
  }
  // A clean build with --force keeps the user's file, and says so.
  const CliResult clean = quorum_build(repo, out, {"--clean", "--force"});
  INFO(clean.err);
  CHECK(clean.exit_code != 0);
  CHECK(contains(clean.err, "people/zz-new/index.html/mine.txt"));
  CHECK(read(out / "people/zz-new/index.html/mine.txt") == "USER\n");
  // Moved out of the way, the build goes through.
  fs::remove_all(out / "people/zz-new");
  const CliResult after = quorum_build(repo, out);
  INFO(after.err);
  CHECK(after.exit_code == 0);
  CHECK(fs::is_regular_file(out / "people/zz-new/index.html"));
  CHECK(contains(read(out / "people/ada-clerk/index.html"), "NEWVERSION"));
}
