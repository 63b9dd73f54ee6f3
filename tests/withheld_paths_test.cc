// Issue 19, leak paths 4, 5, 9 and 10: what is published is decided by a positive rule on
// file names, file paths, symbolic links and the theme. Each test plants a unique marker in
// withheld material, or in a file outside what may be published, and searches every output
// file and the cache folder for it.
#include <catch2/catch.hpp>
#include <fstream>

#include "pdf_maker.h"
#include "test_support.h"
#include "write/atomic_output.h"

using namespace quorum::testing;
namespace fs = std::filesystem;
using quorum::AtomicOutput;

namespace {

const std::string kMeeting = "content/committees/board/meetings/2017-07-19/";

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The marker is nowhere in the output folder, nor in the caches kept beside it.
void check_nowhere(const fs::path& out, const std::string& marker) {
  std::string where;
  INFO(marker);
  CHECK_FALSE(any_file_contains(out, marker, &where));
  INFO(where);
  const fs::path cache = AtomicOutput::cache_dir(out);
  if (fs::exists(cache)) CHECK_FALSE(any_file_contains(cache, marker, &where));
  INFO(where);
}

// The minimal site, with agenda item 3 of 2017-07-19 taken in private (and no report named
// on the agenda, so that a misnamed report is not caught as a missing one).
Files site_with_exempt_item() {
  Files files = parse_sections(minimal_site());
  files[kMeeting + "meeting.yaml"] = R"(date: 2017-07-19
status: held
agenda:
  - number: "1"
    title: Apologies
  - number: "2"
    title: Budget report
    report: budget
  - number: "3"
    title: Care home contract award
    exempt:
      paragraph: 3
)";
  files.erase(kMeeting + "minutes.md");
  return files;
}

const char* const kExemptReport = R"(---
title: Contract award
item: "3"
classification: exempt
paragraph: 3
---
## MARKER-MISNAMED-REPORT heading

MARKER-MISNAMED-REPORT the prices we were offered.
)";

const char* const kMinutesWithPrivateSection = R"(---
status: approved
---
## 1. Apologies

None.

## 2. Budget report

RESOLVED: That the budget be approved.

## 3. Care home contract award

MARKER-MISNAMED-MINUTES the board chose a supplier.
)";

BuildResult build_files(const TempDir& dir, const Files& files, bool working_tree = false) {
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Papers");
  return build(dir / "repo", dir / "public", working_tree);
}

}  // namespace

// ---- 4. Only known files are published ------------------------------------------------

TEST_CASE("withheld paths: an exempt report under a wrong name is an error, never an attachment",
          "[e2e][security]") {
  const std::string name =
      GENERATE(as<std::string>{}, "reports/contract.MD", "reports/contract.markdown",
               "reports/contract.md.txt", "reports/contract.txt", "reports/drafts/contract.md",
               "reports/Contract.Md", "reports/contract", "contract.md", "reports/contract.v2.md");
  INFO(name);
  TempDir dir;
  Files files = site_with_exempt_item();
  files[kMeeting + name] = kExemptReport;
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, kMeeting + name + ": error: "));
  CHECK(has(r.err, "rename it to " + kMeeting + "reports/contract.md"));
  check_nowhere(dir / "public", "MARKER-MISNAMED-REPORT");
}

TEST_CASE("withheld paths: minutes under a wrong name are an error, never a paper", "[e2e][security]") {
  const std::string name =
      GENERATE(as<std::string>{}, "Minutes.md", "minute.md", "minutes.txt", "MINUTES.MD", "minutes.markdown",
               "minutes.md.txt", "Minutes", "minutes.html", "minutes-final.md", "reports/minutes.txt");
  INFO(name);
  TempDir dir;
  Files files = site_with_exempt_item();
  files[kMeeting + name] = kMinutesWithPrivateSection;
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, kMeeting + name + ": error: "));
  CHECK(has(r.err, "minutes.md"));
  check_nowhere(dir / "public", "MARKER-MISNAMED-MINUTES");
}

TEST_CASE("withheld paths: text, web pages and unknown kinds of file in a meeting folder are errors",
          "[e2e][security]") {
  const std::string name = GENERATE(as<std::string>{}, "notes.md", "papers/notes.md", "agenda.yaml",
                                    "briefing.html", "readme", "script.sh", "papers/private.txt");
  INFO(name);
  TempDir dir;
  Files files = site_with_exempt_item();
  files[kMeeting + name] = "MARKER-UNKNOWN-KIND private notes\n";
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, kMeeting + name + ": error: "));
  check_nowhere(dir / "public", "MARKER-UNKNOWN-KIND");
}

TEST_CASE("withheld paths: known kinds of paper are still published, hidden files are not",
          "[e2e][security]") {
  TempDir dir;
  Files files = site_with_exempt_item();
  files[kMeeting + "Agenda pack.pdf"] = make_pdf({{"The agenda pack"}});
  files[kMeeting + "signed minutes.PDF"] = make_pdf({{"Signed"}});
  files[kMeeting + "budget figures.xlsx"] = "xlsx";
  files[kMeeting + "reports/budget appendix.csv"] = "Line,Amount\n";
  files[kMeeting + ".DS_Store"] = "MARKER-HIDDEN-FILE";
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.err, kMeeting + ".DS_Store: warning: "));
  const auto site = list_files(dir / "public");
  CHECK(site.count("committees/board/2017-07-19/Agenda pack.pdf") == 1);
  CHECK(site.count("committees/board/2017-07-19/signed minutes.PDF") == 1);
  CHECK(site.count("committees/board/2017-07-19/budget figures.xlsx") == 1);
  CHECK(site.count("committees/board/2017-07-19/reports/budget appendix.csv") == 1);
  check_nowhere(dir / "public", "MARKER-HIDDEN-FILE");
}

// ---- 5. Appendix paths ----------------------------------------------------------------

TEST_CASE(
    "withheld paths: an exempt report's appendix written relative to the meeting folder is "
    "withheld and an error",
    "[e2e][security]") {
  struct Slip {
    std::string written;  // in the report's appendices
    std::string actual;   // where the file is, under the meeting folder
  };
  const Slip slip = GENERATE(Slip{"tender prices.pdf", "tender prices.pdf"},
                             Slip{"papers/tender prices.pdf", "papers/tender prices.pdf"},
                             Slip{"./Tender Prices.pdf", "tender prices.pdf"},
                             Slip{"tender%20prices.pdf", "tender prices.pdf"});
  INFO(slip.written);
  TempDir dir;
  Files files = site_with_exempt_item();
  files[kMeeting + "reports/contract.md"] =
      "---\ntitle: Contract award\nitem: \"3\"\nclassification: exempt\n"
      "paragraph: 3\nappendices:\n  - title: Tender prices\n    file: " +
      slip.written + "\n---\nThe prices.\n";
  files[kMeeting + slip.actual] = make_pdf({{"MARKER-SLIPPED-APPENDIX tender prices"}});
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, kMeeting + "reports/contract.md:8:11: error: "));
  CHECK(has(r.err, kMeeting + slip.actual));
  check_nowhere(dir / "public", "MARKER-SLIPPED-APPENDIX");
  check_nowhere(dir / "public", "tender prices");
}

TEST_CASE("withheld paths: an exempt report's appendix that does not exist is an error", "[e2e][security]") {
  TempDir dir;
  Files files = site_with_exempt_item();
  files[kMeeting + "reports/contract.md"] =
      "---\ntitle: Contract award\nitem: \"3\"\nclassification: exempt\n"
      "appendices:\n  - title: Prices\n    file: ../prices.pdf\n---\nx\n";
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, kMeeting + "reports/contract.md:7:11: error: "));
}

TEST_CASE("withheld paths: a file an exempt report links to is withheld", "[e2e][security]") {
  const std::string link =
      GENERATE(as<std::string>{}, "../bids.csv", "../bids.csv#row-2", "..%2Fbids.csv", "<../bids.csv>");
  INFO(link);
  TempDir dir;
  Files files = site_with_exempt_item();
  files[kMeeting + "reports/contract.md"] =
      "---\ntitle: Contract award\nitem: \"3\"\nclassification: exempt\n---\nSee [the bids](" + link + ").\n";
  files[kMeeting + "bids.csv"] = "MARKER-LINKED-FROM-EXEMPT,1\n";
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(list_files(dir / "public").count("committees/board/2017-07-19/bids.csv") == 0);
  check_nowhere(dir / "public", "MARKER-LINKED-FROM-EXEMPT");
}

TEST_CASE("withheld paths: a withheld appendix linked from a public page stays withheld, with a warning",
          "[e2e][security]") {
  TempDir dir;
  Files files = site_with_exempt_item();
  files[kMeeting + "reports/contract.md"] =
      "---\ntitle: Contract award\nitem: \"3\"\nclassification: exempt\n"
      "appendices:\n  - title: Prices\n    file: ../prices.csv\n---\nx\n";
  files[kMeeting + "prices.csv"] = "MARKER-DOUBLY-NAMED,1\n";
  files["content/committees/board/index.md"] =
      "The board.\n\nSee [the prices](meetings/2017-07-19/prices.csv).\n";
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.err, "content/committees/board/index.md:3:"));
  CHECK(has(r.err, "withheld"));
  check_nowhere(dir / "public", "MARKER-DOUBLY-NAMED");
}

// ---- 9. Symbolic links ----------------------------------------------------------------

namespace {

// A repository whose .git/config holds a secret, as a CI checkout's auth header is.
void plant_git_secret(const fs::path& repo) {
  std::ofstream(repo / ".git/config", std::ios::app)
      << "[http]\n\textraheader = AUTHORIZATION: basic MARKER-GIT-CONFIG\n";
}

}  // namespace

TEST_CASE("withheld paths: working-tree symlinks to .git or out of the content folders are refused",
          "[e2e][security]") {
  const int variant = GENERATE(range(0, 7));
  INFO("variant " << variant);
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, site_with_exempt_item());
  commit_all(repo, "Papers");
  plant_git_secret(repo);
  write_files(dir.path(), {{"outside/secret.pdf", "MARKER-GIT-CONFIG outside\n"}});
  write_files(repo, {{"README.md", "MARKER-GIT-CONFIG at the root\n"}});
  const fs::path folder = repo / kMeeting;
  std::string link = "config.pdf";
  switch (variant) {
    case 0:
      fs::create_symlink("../../../../../.git/config", folder / link);
      break;
    case 1:
      fs::create_symlink(repo / ".git/config", folder / link);
      break;
    case 2:  // a chain, each step inside the repository, ending in .git
      fs::create_symlink("step.pdf", folder / link);
      fs::create_symlink("../../../../../.git/config", folder / "step.pdf");
      break;
    case 3:
      fs::create_symlink("../../../../../README.md", folder / link);
      break;  // the root, outside content/
    case 4:   // a theme's asset leading into .git
      link = "";
      write_files(repo, {{"themes/mine/templates/x.mustache", "x"}});
      fs::create_directories(repo / "themes/mine/assets");
      fs::create_symlink("../../../.git/config", repo / "themes/mine/assets/site.css");
      break;
    case 5:  // a folder
      fs::create_symlink("../../../../../.git", folder / "git");
      break;
    case 6:  // not a symbolic link but a hard link
      fs::create_hard_link(repo / ".git/config", folder / link);
      break;
  }
  const BuildResult r = build(repo, dir / "public", true);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, variant == 6 ? "error: this file is a hard link" : "error: this is a symbolic link"));
  check_nowhere(dir / "public", "MARKER-GIT-CONFIG");
}

TEST_CASE("withheld paths: working-tree symlinks that loop or lead nowhere are errors", "[e2e][security]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, site_with_exempt_item());
  const fs::path folder = repo / kMeeting;
  fs::create_symlink("b.pdf", folder / "a.pdf");
  fs::create_symlink("a.pdf", folder / "b.pdf");
  fs::create_symlink("missing.pdf", folder / "dangling.pdf");
  const BuildResult r = build(repo, dir / "public", true);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, kMeeting + "a.pdf: error: this is a symbolic link"));
  CHECK(has(r.err, kMeeting + "dangling.pdf: error: this is a symbolic link"));
}

TEST_CASE("withheld paths: a working-tree symlink never publishes withheld material under another name",
          "[e2e][security]") {
  const int variant = GENERATE(range(0, 4));
  INFO("variant " << variant);
  TempDir dir;
  const fs::path repo = dir / "repo";
  Files files = site_with_exempt_item();
  files[kMeeting + "reports/contract.md"] =
      "---\ntitle: Contract award\nitem: \"3\"\nappendices:\n  - title: Prices\n"
      "    file: ../prices.csv\n---\nMARKER-LINKED-REPORT the prices.\n";
  files[kMeeting + "prices.csv"] = "MARKER-LINKED-APPENDIX,1\n";
  files[kMeeting + "minutes.md"] = std::string(kMinutesWithPrivateSection);
  files["content/committees/board/meetings/2017-09-08/meeting.yaml"] =
      "date: 2017-09-08\nstatus: held\nagenda:\n  - number: \"3\"\n    title: Care home contract award\n";
  write_files(repo, files);
  const fs::path other = repo / "content/committees/board/meetings/2017-09-08";
  switch (variant) {
    case 0:
      fs::create_symlink("../2017-07-19/reports/contract.md", other / "contract.pdf");
      break;
    case 1:
      fs::create_symlink("../2017-07-19/prices.csv", other / "prices copy.csv");
      break;
    case 2:
      fs::create_symlink("../2017-07-19/minutes.md", other / "minutes.md");
      break;
    case 3:
      fs::create_directories(other / "reports");
      fs::create_symlink("../../2017-07-19/reports/contract.md", other / "reports/contract.md");
      break;
  }
  const BuildResult r = build(repo, dir / "public", true);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, "content/committees/board/meetings/2017-09-08/"));
  for (const char* marker : {"MARKER-LINKED-REPORT", "MARKER-LINKED-APPENDIX", "MARKER-MISNAMED-MINUTES"}) {
    check_nowhere(dir / "public", marker);
  }
}

TEST_CASE("withheld paths: a symlink committed to git is an error, never a file", "[e2e][security]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  Files files = site_with_exempt_item();
  files[kMeeting + "reports/contract.md"] = kExemptReport;
  write_files(repo, files);
  fs::create_symlink("reports/contract.md", repo / kMeeting / "contract.pdf");
  fs::create_symlink("../../../../../.git/config", repo / kMeeting / "config.pdf");
  commit_all(repo, "Links");
  plant_git_secret(repo);
  const BuildResult r = build(repo, dir / "public");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, kMeeting + "contract.pdf: error: this is a symbolic link"));
  CHECK(has(r.err, kMeeting + "config.pdf: error: this is a symbolic link"));
  check_nowhere(dir / "public", "MARKER-MISNAMED-REPORT");
  check_nowhere(dir / "public", "MARKER-GIT-CONFIG");
  // Nor is the link's text (the path it points to) published as a file.
  CHECK(list_files(dir / "public").count("committees/board/2017-07-19/contract.pdf") == 0);
}

// ---- 10. The theme --------------------------------------------------------------------

namespace {

// A complete theme (the default one's templates) with a planted asset.
void copy_default_theme(const fs::path& to) {
  fs::create_directories(to);
  fs::copy(fs::path(QUORUM_REPO_DIR) / "themes/default", to, fs::copy_options::recursive);
}

}  // namespace

TEST_CASE("withheld paths: a theme is a name, never a path on the disk", "[e2e][security]") {
  TempDir dir;
  copy_default_theme(dir / "elsewhere/evil");
  write_files(dir / "elsewhere/evil", {{"assets/stolen.css", "/* MARKER-THEME-PATH */\n"}});
  const std::string theme =
      GENERATE(as<std::string>{}, "ABS", "../../../../../../../../../../../../ABS", "themes/../../ABS",
               "./default/", "default/../../../../../../../../../../../../ABS");
  std::string value = theme;
  const std::string abs = (dir / "elsewhere/evil").string();
  if (const auto at = value.find("ABS"); at != std::string::npos) value.replace(at, 3, abs.substr(1));
  if (theme == "ABS") value = abs;
  INFO(value);
  Files files = parse_sections(minimal_site());
  files["site-config/site.yaml"] += "theme: \"" + value + "\"\n";
  const BuildResult r = build_files(dir, files);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, "site-config/site.yaml:5:8: error: "));
  check_nowhere(dir / "public", "MARKER-THEME-PATH");
}

TEST_CASE("withheld paths: only asset files of a theme are published", "[e2e][security]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["site-config/site.yaml"] += "theme: mine\n";
  write_files(dir / "repo", files);
  copy_default_theme(dir / "repo/themes/mine");
  write_files(dir / "repo/themes/mine",
              {{"assets/.env", "TOKEN=MARKER-THEME-DOTFILE\n"}, {"assets/notes.md", "MARKER-THEME-NOTES\n"}});
  commit_all(dir / "repo", "Theme");
  write_files(dir / "repo/themes/mine", {{"assets/.git/config", "MARKER-THEME-GIT\n"}});
  for (const bool working_tree : {false, true}) {
    INFO("working tree " << working_tree);
    const BuildResult r = build(dir / "repo", dir / "public", working_tree);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "themes/mine/assets/notes.md: error: "));
    for (const char* marker : {"MARKER-THEME-DOTFILE", "MARKER-THEME-NOTES", "MARKER-THEME-GIT"}) {
      check_nowhere(dir / "public", marker);
    }
  }
}
