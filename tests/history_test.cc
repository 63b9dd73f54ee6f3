// Git is the record: builds from any commit, page histories from one walk of the commits,
// and incremental rebuilds that are byte-identical to clean ones.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

// 2017-07-20 09:00 UTC and a day after, and so on: commits a day apart.
constexpr long long kDay = 86400;
constexpr long long kFirst = 1500541200;

void same_tree(const fs::path& a, const fs::path& b) {
  const auto files = list_files(a);
  REQUIRE(files == list_files(b));
  for (const auto& f : files) {
    INFO(f);
    CHECK(read(a / f) == read(b / f));
  }
}

}  // namespace

TEST_CASE("building an older commit shows the older content", "[e2e][git]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish", kFirst);
  write_files(dir / "repo", {{"content/people/ada-clerk.yaml", "name: Ada Renamed-Clerk\n"}});
  commit_all(dir / "repo", "Correct the clerk's name", kFirst + kDay);

  REQUIRE(build_ref(dir / "repo", dir / "old", "HEAD~1").exit_code == 0);
  REQUIRE(build_ref(dir / "repo", dir / "new", "HEAD").exit_code == 0);
  CHECK(read(dir / "old/people/ada-clerk/index.html").find("<h1>Ada Clerk</h1>") != std::string::npos);
  CHECK(read(dir / "new/people/ada-clerk/index.html").find("<h1>Ada Renamed-Clerk</h1>") !=
        std::string::npos);
  // The footer names the commit built, with its date.
  CHECK(read(dir / "old/index.html").find("Built from commit <code>") != std::string::npos);
  CHECK(read(dir / "old/index.html").find("20 July 2017") != std::string::npos);
  CHECK(read(dir / "new/index.html").find("21 July 2017") != std::string::npos);
}

TEST_CASE("page history lists every commit that touched a file, renames followed", "[e2e][git]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish the July papers", kFirst);
  auto files = parse_sections(minimal_site());
  std::string minutes = files["content/committees/board/meetings/2017-07-19/minutes.md"];
  write_files(dir / "repo", {{"content/committees/board/meetings/2017-07-19/minutes.md",
                              minutes + "\nA correction to item 2.\n"}});
  commit_all(dir / "repo", "Amend the July minutes: item 2 figures", kFirst + kDay);
  // Rename a report and fix the links to it in one commit.
  const fs::path reports = dir / "repo/content/committees/board/meetings/2017-07-19/reports";
  fs::rename(reports / "budget.md", reports / "budget-2017.md");
  std::string meeting = read(dir / "repo/content/committees/board/meetings/2017-07-19/meeting.yaml");
  meeting.replace(meeting.find("report: budget"), 14, "report: budget-2017");
  minutes = read(dir / "repo/content/committees/board/meetings/2017-07-19/minutes.md");
  minutes.replace(minutes.find("reports/budget.md"), 17, "reports/budget-2017.md");
  write_files(dir / "repo", {{"content/committees/board/meetings/2017-07-19/meeting.yaml", meeting},
                             {"content/committees/board/meetings/2017-07-19/minutes.md", minutes}});
  commit_all(dir / "repo", "Rename the budget report", kFirst + 2 * kDay);

  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto report = read(dir / "public/committees/board/2017-07-19/reports/budget-2017/index.html");
  // Renamed file: its history still starts at the first commit.
  CHECK(report.find("First published <time datetime=\"2017-07-20\">Thursday 20 July 2017</time>") !=
        std::string::npos);
  CHECK(report.find("Rename the budget report") != std::string::npos);
  CHECK(report.find("Publish the July papers") != std::string::npos);

  const auto page = read(dir / "public/committees/board/2017-07-19/minutes/index.html");
  CHECK(
      page.find("These minutes were amended on <time datetime=\"2017-07-22\">Saturday 22 July 2017</time>") !=
      std::string::npos);
  const auto first = page.find("Publish the July papers");
  const auto second = page.find("Amend the July minutes: item 2 figures");
  const auto third = page.find("Rename the budget report");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  REQUIRE(third != std::string::npos);
  CHECK(third < second);  // newest first
  CHECK(second < first);
}

TEST_CASE("a commit that touched withheld files keeps its message off public pages", "[e2e][git][security]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["content/committees/board/meetings/2017-07-19/reports/secret.md"] =
      "---\ntitle: Contract\nitem: \"3\"\nclassification: exempt\nparagraph: 3\n---\nPrices.\n";
  files["content/committees/board/meetings/2017-07-19/meeting.yaml"] +=
      "  - number: \"3\"\n    title: Contract\n    report: secret\n    exempt:\n      paragraph: 3\n";
  files["content/committees/board/meetings/2017-07-19/minutes.md"] += "\n## 3. Contract\n\nConsidered in private.\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Add the Hollowbrook tender prices", kFirst);
  // A later commit that touches only public files keeps its message.
  std::string ada_yaml = read(dir / "repo/content/people/ada-clerk.yaml");
  ada_yaml.replace(ada_yaml.find("Democratic"), 10, "Senior Democratic");
  write_files(dir / "repo", {{"content/people/ada-clerk.yaml", ada_yaml}});
  commit_all(dir / "repo", "Give Ada her new title", kFirst + kDay);
  REQUIRE(build(dir / "repo", dir / "public").exit_code == 0);
  std::string where;
  CHECK_FALSE(any_file_contains(dir / "public", "Hollowbrook", &where));
  INFO(where);
  const std::string ada = read(dir / "public/people/ada-clerk/index.html");
  CHECK(ada.find("Updated (details withheld)") != std::string::npos);
  CHECK(ada.find("Give Ada her new title") != std::string::npos);
}

TEST_CASE("a bare clone builds the same bytes as the working copy", "[e2e][git]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish", kFirst);
  REQUIRE(shell("git clone -q --bare '" + (dir / "repo").string() + "' '" + (dir / "bare.git").string() +
                "'") == 0);
  REQUIRE(build(dir / "repo", dir / "from-checkout").exit_code == 0);
  const BuildResult bare = build_ref(dir / "bare.git", dir / "from-bare", "HEAD");
  INFO(bare.err);
  REQUIRE(bare.exit_code == 0);
  same_tree(dir / "from-checkout", dir / "from-bare");
}

TEST_CASE("incremental rebuilds are byte-identical to clean builds", "[e2e][git][incremental]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  commit_all(dir / "repo", "Publish", kFirst);
  REQUIRE(build(dir / "repo", dir / "site").exit_code == 0);

  SECTION("after adding, changing, renaming and deleting files") {
    // Add a person, change the minutes, rename the clerk's file, delete the second meeting.
    write_files(dir / "repo", {{"content/people/cara-new.yaml", "name: Cara New\n"}});
    const fs::path minutes = dir / "repo/content/committees/board/meetings/2017-07-19/minutes.md";
    write_files(dir / "repo", {{"content/committees/board/meetings/2017-07-19/minutes.md",
                                read(minutes) + "\nAn added line.\n"}});
    fs::remove_all(dir / "repo/content/committees/board/meetings/2017-09-08");
    std::string minutes_text = read(minutes);
    minutes_text.replace(minutes_text.find("approved_at: board/2017-09-08\n"), 30, "");
    write_files(dir / "repo", {{"content/committees/board/meetings/2017-07-19/minutes.md", minutes_text}});
    fs::rename(dir / "repo/content/people/bob-member.yaml", dir / "repo/content/people/robert-member.yaml");
    for (const char* f : {"content/committees/board/committee.yaml",
                          "content/committees/board/meetings/2017-07-19/meeting.yaml"}) {
      std::string text = read(dir / "repo" / f);
      for (std::size_t at; (at = text.find("bob-member")) != std::string::npos;)
        text.replace(at, 10, "robert-member");
      write_files(dir / "repo", {{f, text}});
    }
    commit_all(dir / "repo", "Many changes", kFirst + kDay);

    const BuildResult incremental = build(dir / "repo", dir / "site");
    INFO(incremental.err);
    REQUIRE(incremental.exit_code == 0);
    REQUIRE(build_ref(dir / "repo", dir / "clean", "HEAD", /*clean=*/true).exit_code == 0);
    same_tree(dir / "site", dir / "clean");
    CHECK_FALSE(fs::exists(dir / "site/committees/board/2017-09-08/index.html"));
    CHECK_FALSE(fs::exists(dir / "site/people/bob-member/index.html"));
  }

  SECTION("only pages whose inputs changed are rendered again") {
    write_files(dir / "repo",
                {{"content/organisations/testshire-council.yaml",
                  "name: Testshire Council\nkind: local-authority\nurl: https://testshire.example.org/\n"}});
    commit_all(dir / "repo", "Add the council's website", kFirst + kDay);
    const BuildResult r = build(dir / "repo", dir / "site");
    REQUIRE(r.exit_code == 0);
    // The organisation page changes; the report page, which does not mention it, does not.
    CHECK(r.out.find(" unchanged)") != std::string::npos);
    CHECK(r.out.find("(0 rendered") == std::string::npos);
    REQUIRE(build_ref(dir / "repo", dir / "clean", "HEAD", true).exit_code == 0);
    same_tree(dir / "site", dir / "clean");
  }
}
