// Issue 19, leak paths 6, 7 and 8: what the site says *about* private business. Exempt items'
// files and topics in the open data, commit messages of commits that touched withheld
// material (after renames and deletions), and extracted PDF text left in the cache. Each test
// plants unique markers in withheld material and searches every output file, every file name
// and the cache folder for them.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "build/build_model.h"
#include "load/git_tree.h"
#include "load/history.h"
#include "model/site_model.h"
#include "model/withheld_history.h"
#include "pdf_maker.h"
#include "test_support.h"
#include "write/atomic_output.h"

using namespace quorum::testing;
namespace fs = std::filesystem;
using quorum::AtomicOutput;

namespace {

constexpr long long kDay = 86400;
constexpr long long kFirst = 1500541200;  // 2017-07-20 09:00 UTC
const std::string kJuly = "content/committees/board/meetings/2017-07-19/";

// No marker in any output file's bytes or name, nor in the cache folder beside the site.
void expect_nowhere(const fs::path& out, const std::vector<std::string>& markers) {
  const fs::path cache = AtomicOutput::cache_dir(out);
  for (const auto& marker : markers) {
    INFO("marker " << marker);
    for (const fs::path& root : {out, cache}) {
      if (!fs::exists(root)) continue;
      std::string where;
      const bool found = any_file_contains(root, marker, &where);
      INFO("found in " << (root / where).string());
      CHECK_FALSE(found);
      for (const auto& name : list_files(root)) {
        INFO("file name " << name);
        CHECK(name.find(marker) == std::string::npos);
      }
    }
  }
}

// Appends `text` to a file of the repository.
void append(const fs::path& repo, const std::string& path, const std::string& text) {
  write_files(repo, {{path, read(repo / path) + text}});
}

BuildResult build_ok(const fs::path& repo, const fs::path& out, bool clean = false) {
  const BuildResult r = build_ref(repo, out, "HEAD", clean);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

// --- Path 6: open data and every other listing of a meeting's papers ----------------------

// A scheduled meeting with a public item and a private key decision: the exempt report has a
// PDF appendix and a CSV appendix (in a sub-folder) in the meeting's folder; the item names
// topics, wards, pages and a presenter.
Files private_key_decision_site() {
  Files files = parse_sections(minimal_site());
  files["content/people/carol-officer.yaml"] = "name: Carol Officer\n";
  const std::string dec = "content/committees/board/meetings/2017-12-01/";
  files[dec + "meeting.yaml"] = R"(date: 2017-12-01
status: scheduled
agenda:
  - number: "1"
    title: Housing strategy
    topics: [housing]
    wards: [Riverside]
    key_decision: true
  - number: "2"
    title: Sale of the Elm Road depot
    report: depot-sale
    key_decision: true
    topics: [housing, zqx-topic-six]
    wards: [MARKER6-WARD]
    pages: MARKER6-PAGES
    presenter: carol-officer
    exempt:
      paragraph: 3
)";
  files[dec + "reports/depot-sale.md"] = R"(---
title: Depot sale
item: "2"
classification: exempt
paragraph: 3
topics: [zqx-report-topic]
wards: [MARKER6-REPORT-WARD]
key_decision: true
appendices:
  - title: Valuation
    file: ../Valuation MARKER6-PDF-NAME.pdf
  - title: Bids
    file: ../private/MARKER6-CSV-NAME bids.csv
---
The bids.
)";
  files[dec + "Valuation MARKER6-PDF-NAME.pdf"] = make_pdf({{"MARKER6-PDF-TEXT valuation of the depot"}});
  files[dec + "private/MARKER6-CSV-NAME bids.csv"] = "bidder,amount\nMARKER6-CSV-TEXT,100\n";
  files[dec + "agenda pack.pdf"] = make_pdf({{"Public agenda pack"}});
  return files;
}

}  // namespace

TEST_CASE("an exempt report's files, and an exempt item's topics and wards, are in no listing",
          "[e2e][security][withheld-data]") {
  TempDir dir;
  write_files(dir / "repo", private_key_decision_site());
  commit_all(dir / "repo", "Papers for December", kFirst);
  build_ok(dir / "repo", dir / "public");
  // events.json, meetings.csv, JSON-LD, feeds, calendar, search, sitemap, topic pages, the
  // forward plan: none names the files, topics or wards of private business.
  expect_nowhere(dir / "public", {"MARKER6-PDF-NAME", "MARKER6-CSV-NAME", "MARKER6-PDF-TEXT",
                                  "MARKER6-CSV-TEXT", "MARKER6-WARD", "MARKER6-REPORT-WARD", "MARKER6-PAGES",
                                  "zqx-topic-six", "Zqx topic six", "zqx-report-topic", "Zqx report topic"});
  const std::string events = read(dir / "public/data/events.json");
  // The public paper is listed; what the law allows of the private item is there too.
  CHECK(events.find("agenda pack.pdf") != std::string::npos);
  CHECK(events.find("Sale of the Elm Road depot") != std::string::npos);
  CHECK(events.find("\"exempt_paragraph\": \"3\"") != std::string::npos);
  // The topic the public item shares with the private one lists only the public one.
  const std::string housing = read(dir / "public/topics/housing/index.html");
  CHECK(housing.find("Housing strategy") != std::string::npos);
  CHECK(housing.find("Elm Road depot") == std::string::npos);
  // A private key decision is still in the forward plan (the law asks for notice of it),
  // without its wards.
  const std::string plan = read(dir / "public/forward-plan/index.html");
  CHECK(plan.find("Sale of the Elm Road depot") != std::string::npos);
  CHECK(plan.find("Riverside") != std::string::npos);
  // The presenter of a private item is not tied to it on their page.
  const std::string carol = read(dir / "public/people/carol-officer/index.html");
  CHECK(carol.find("2017-12-01") == std::string::npos);
  CHECK(carol.find("1 December 2017") == std::string::npos);
}

TEST_CASE("an exempt item's presenter must still be a known person", "[e2e][security][withheld-data]") {
  TempDir dir;
  Files files = private_key_decision_site();
  const std::string path = "content/committees/board/meetings/2017-12-01/meeting.yaml";
  files[path].replace(files[path].find("presenter: carol-officer"), 24, "presenter: carol-oficer");
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Papers", kFirst);
  const BuildResult r = build_ref(dir / "repo", dir / "public", "HEAD");
  CHECK(r.exit_code != 0);
  CHECK(r.err.find(path + ":") != std::string::npos);
  CHECK(r.err.find("carol-oficer") != std::string::npos);
}

TEST_CASE("a file that is an appendix of an exempt report and is linked from a public paper stays withheld",
          "[e2e][security][withheld-data]") {
  TempDir dir;
  Files files = private_key_decision_site();
  // The public agenda item's description links to the withheld PDF: the link text is
  // published without the link, and the file is not listed anywhere.
  const std::string path = "content/committees/board/meetings/2017-12-01/meeting.yaml";
  files[path].replace(
      files[path].find("    key_decision: true\n"), 23,
      "    key_decision: true\n    description: See [the valuation](Valuation%20MARKER6-PDF-NAME.pdf).\n");
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Papers", kFirst);
  build_ok(dir / "repo", dir / "public");
  expect_nowhere(dir / "public", {"MARKER6-PDF-NAME", "MARKER6-PDF-TEXT", "MARKER6-CSV-NAME"});
}

// --- Path 7: commit messages -------------------------------------------------------------

namespace {

const std::string kExemptItem = R"(  - number: "3"
    title: Care home contract
    report: contract
    exempt:
      paragraph: 3
)";

// The private item's section in the July minutes.
const std::string kExemptMinutes = "\n## 3. Care home contract\n\nConsidered in private.\n";

std::string exempt_report(const std::string& title) {
  return "---\ntitle: " + title + "\nitem: \"3\"\nclassification: exempt\nparagraph: 3\n---\nThe prices.\n";
}

// Ada's title changes: a commit that touches only a public file, whose message is published.
void public_commit(const fs::path& repo, const std::string& message, long long time) {
  append(repo, "content/people/ada-clerk.yaml", "# " + message + "\n");
  commit_all(repo, message, time);
}

}  // namespace

TEST_CASE("a deleted exempt report's commit messages stay off every page",
          "[e2e][security][withheld-data][git]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish the July papers", kFirst);
  // The exempt report arrives with its item, in a commit that touches public files too.
  const std::string meeting = read(repo / (kJuly + "meeting.yaml"));
  write_files(repo, {{kJuly + "meeting.yaml", meeting + kExemptItem},
                     {kJuly + "reports/contract.md", exempt_report("Contract")}});
  append(repo, "content/people/bob-member.yaml", "# touched\n");
  commit_all(repo, "Add the MARKER7-DEL-1 Hollowbrook tender prices", kFirst + kDay);
  append(repo, kJuly + "reports/contract.md", "More prices.\n");
  append(repo, "content/committees/board/committee.yaml", "# touched\n");
  commit_all(repo, "Correct the MARKER7-DEL-2 Hollowbrook bid", kFirst + 2 * kDay);

  SECTION("deleted with its item") {
    write_files(repo, {{kJuly + "meeting.yaml", meeting}});
    fs::remove(repo / (kJuly + "reports/contract.md"));
    commit_all(repo, "Withdraw the MARKER7-DEL-3 Hollowbrook item", kFirst + 3 * kDay);
  }
  SECTION("deleted, then its item and the meeting's other files changed") {
    fs::remove(repo / (kJuly + "reports/contract.md"));
    append(repo, kJuly + "minutes.md", "\nAn added line.\n");
    commit_all(repo, "Remove the MARKER7-DEL-3 Hollowbrook report", kFirst + 3 * kDay);
    write_files(repo, {{kJuly + "meeting.yaml", meeting}});
    commit_all(repo, "Tidy the MARKER7-DEL-4 agenda", kFirst + 4 * kDay);
  }
  public_commit(repo, "Give Ada her new title", kFirst + 5 * kDay);
  build_ok(repo, dir / "public");
  expect_nowhere(dir / "public", {"MARKER7-DEL-1", "MARKER7-DEL-2", "MARKER7-DEL-3", "MARKER7-DEL-4"});
  const std::string ada = read(dir / "public/people/ada-clerk/index.html");
  CHECK(ada.find("Give Ada her new title") != std::string::npos);
  CHECK(read(dir / "public/people/bob-member/index.html").find("Updated (details withheld)") !=
        std::string::npos);
}

TEST_CASE("an exempt report's commit messages stay off every page after renames",
          "[e2e][security][withheld-data][git]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  Files files = parse_sections(minimal_site());
  files[kJuly + "meeting.yaml"] += kExemptItem;
  files[kJuly + "reports/contract.md"] = exempt_report("Contract");
  files[kJuly + "minutes.md"] += kExemptMinutes;
  write_files(repo, files);
  commit_all(repo, "Publish the July papers", kFirst);
  // The report is edited in a commit that touches a public page's file too, then renamed
  // twice (a chain), each time with another public file.
  append(repo, kJuly + "reports/contract.md", "Revised prices for the bidders.\n");
  append(repo, "content/people/bob-member.yaml", "# one\n");
  commit_all(repo, "Revise MARKER7-REN-1 Hollowbrook's prices", kFirst + kDay);
  const auto rename_report = [&](const std::string& from, const std::string& to, const std::string& message,
                                 long long time) {
    fs::rename(repo / (kJuly + "reports/" + from + ".md"), repo / (kJuly + "reports/" + to + ".md"));
    std::string yaml = read(repo / (kJuly + "meeting.yaml"));
    yaml.replace(yaml.find("report: " + from), 8 + from.size(), "report: " + to);
    write_files(repo, {{kJuly + "meeting.yaml", yaml}});
    append(repo, "content/people/bob-member.yaml", "# " + to + "\n");
    commit_all(repo, message, time);
  };
  rename_report("contract", "care-contract", "Rename MARKER7-REN-2 Hollowbrook", kFirst + 2 * kDay);
  rename_report("care-contract", "care-home-contract", "Rename MARKER7-REN-3 again", kFirst + 3 * kDay);
  public_commit(repo, "Give Ada her new title", kFirst + 4 * kDay);
  build_ok(repo, dir / "public");
  expect_nowhere(dir / "public", {"MARKER7-REN-1", "MARKER7-REN-2", "MARKER7-REN-3"});
  CHECK(read(dir / "public/people/ada-clerk/index.html").find("Give Ada her new title") != std::string::npos);
}

TEST_CASE("a report made exempt and then public keeps the messages of its private days off the site",
          "[e2e][security][withheld-data][git]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  Files files = parse_sections(minimal_site());
  const std::string public_meeting = files[kJuly + "meeting.yaml"];
  files[kJuly + "meeting.yaml"] += kExemptItem;
  files[kJuly + "reports/contract.md"] = exempt_report("Contract");
  write_files(repo, files);
  commit_all(repo, "Publish the July papers", kFirst);
  append(repo, kJuly + "reports/contract.md", "Hollowbrook bid 4.2 million.\n");
  append(repo, "content/people/bob-member.yaml", "# one\n");
  commit_all(repo, "Add MARKER7-PUB-1 Hollowbrook's bid of 4.2m", kFirst + kDay);
  // After the award the report is published: item and report public, the price taken out.
  std::string item = kExemptItem.substr(0, kExemptItem.find("    exempt:"));
  write_files(repo,
              {{kJuly + "meeting.yaml", public_meeting + item},
               {kJuly + "reports/contract.md", "---\ntitle: Contract\nitem: \"3\"\n---\nThe award.\n"}});
  commit_all(repo, "Publish MARKER7-PUB-2 the award", kFirst + 2 * kDay);
  append(repo, kJuly + "reports/contract.md", "A typo fixed.\n");
  append(repo, "content/people/bob-member.yaml", "# two\n");
  commit_all(repo, "Fix MARKER7-PUB-3 a typo", kFirst + 3 * kDay);
  public_commit(repo, "Give Ada her new title", kFirst + 4 * kDay);
  build_ok(repo, dir / "public");
  // Every commit that touched the report's file once withheld; the report itself is public.
  expect_nowhere(dir / "public", {"MARKER7-PUB-1", "MARKER7-PUB-2", "MARKER7-PUB-3", "4.2m"});
  CHECK(fs::exists(dir / "public/committees/board/2017-07-19/reports/contract/index.html"));
  CHECK(read(dir / "public/people/ada-clerk/index.html").find("Give Ada her new title") != std::string::npos);
}

TEST_CASE(
    "commits to the minutes and agenda of a meeting with private business keep their messages off the site",
    "[e2e][security][withheld-data][git]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  Files files = parse_sections(minimal_site());
  files[kJuly + "meeting.yaml"] +=
      "  - number: \"3\"\n    title: Land sale\n    exempt:\n      paragraph: 3\n";
  files[kJuly + "minutes.md"] += "\n## 3. Land sale\n\nThe board agreed a price.\n";
  write_files(repo, files);
  commit_all(repo, "Publish the July papers", kFirst);
  // Only the minutes: the private section is amended, and the message says what it says.
  std::string minutes = read(repo / (kJuly + "minutes.md"));
  minutes.replace(minutes.find("agreed a price."), 15, "agreed a price of 3m.");
  write_files(repo, {{kJuly + "minutes.md", minutes}});
  commit_all(repo, "Amend MARKER7-MIN-1 the land sale price to 3m", kFirst + kDay);
  // Only meeting.yaml: the private item's reason.
  append(repo, kJuly + "meeting.yaml", "      reason: the buyer asked\n");
  commit_all(repo, "Add MARKER7-MIN-2 why the land sale is private", kFirst + 2 * kDay);
  build_ok(repo, dir / "public");
  expect_nowhere(dir / "public", {"MARKER7-MIN-1", "MARKER7-MIN-2"});
  // The minutes still say that they were amended, and when, without quoting the message.
  const std::string page = read(dir / "public/committees/board/2017-07-19/minutes/index.html");
  CHECK(page.find("These minutes were amended on <time datetime=\"2017-07-21\">") != std::string::npos);
}

// Found by an outside tester: an older version's words were searched only for "exempt" and
// "sensitive" in meeting.yaml, reports and people's files, so a key spelt with a YAML escape,
// an exempt report whose item was not marked, and an appendix kept in a public meeting's
// folder and since removed all let their commits' messages through.
TEST_CASE("commits that touched withheld material the built commit no longer shows keep their messages off",
          "[e2e][security][withheld-data][git]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  Files files = parse_sections(minimal_site());
  const std::string public_july = files[kJuly + "meeting.yaml"];
  const std::string public_item = "  - number: \"3\"\n    title: Land sale\n";
  const std::string sept = "content/committees/board/meetings/2017-09-08/";
  std::string marker;
  SECTION("an exempt key spelt with a YAML escape, the item later made public") {
    marker = "MARKER7-ESC-1";
    files[kJuly + "meeting.yaml"] += public_item + "    \"\\x65xempt\":\n      paragraph: 3\n";
    files[kJuly + "minutes.md"] += "\n## 3. Land sale\n\nConsidered in private.\n";
    write_files(repo, files);
    commit_all(repo, "Publish the July papers", kFirst);
    append(repo, kJuly + "minutes.md", "The price was 3m.\n");
    commit_all(repo, "Amend " + marker + " the land sale price to 3m", kFirst + kDay);
    write_files(repo, {{kJuly + "meeting.yaml", public_july + public_item}});
    commit_all(repo, "Item 3 made public", kFirst + 2 * kDay);
  }
  SECTION("a sensitive interest spelt with a YAML escape, later removed") {
    marker = "MARKER7-ESC-2";
    write_files(repo, files);
    commit_all(repo, "Publish", kFirst);
    const std::string person = read(repo / "content/people/bob-member.yaml");
    append(repo, "content/people/bob-member.yaml",
           "  - category: land\n    description: Home address\n    \"\\x73ensitive\": true\n");
    commit_all(repo, "Add " + marker + " Bob's home at 5 Elm Road", kFirst + kDay);
    write_files(repo, {{"content/people/bob-member.yaml", person}});
    commit_all(repo, "Remove an entry", kFirst + 2 * kDay);
  }
  SECTION("an exempt report whose item was not marked exempt, in older history") {
    marker = "MARKER7-REP-1";
    files[kJuly + "meeting.yaml"] += public_item + "    report: contract\n";
    files[kJuly + "reports/contract.md"] = exempt_report("Contract");
    files[kJuly + "minutes.md"] += "\n## 3. Land sale\n\nConsidered in private.\n";
    write_files(repo, files);
    commit_all(repo, "Publish the July papers", kFirst);
    append(repo, kJuly + "minutes.md", "The price was 3m.\n");
    commit_all(repo, "Amend " + marker + " the land sale price to 3m", kFirst + kDay);
    write_files(repo, {{kJuly + "reports/contract.md", "---\ntitle: Contract\nitem: \"3\"\n---\nThe award.\n"}});
    commit_all(repo, "Report made public", kFirst + 2 * kDay);
  }
  SECTION("an exempt report's appendix kept in a public meeting's folder, since removed") {
    marker = "MARKER7-APP-1";
    files[sept + "meeting.yaml"] += "  - number: \"2\"\n    title: Contract\n    report: contract\n"
                                    "    exempt:\n      paragraph: 3\n";
    files[sept + "reports/contract.md"] =
        "---\ntitle: Contract\nitem: \"2\"\nclassification: exempt\nparagraph: 3\nappendices:\n"
        "  - title: Tender prices\n    file: ../../2017-07-19/Tender prices.xlsx\n---\nThe prices.\n";
    files[kJuly + "Tender prices.xlsx"] = "v1";
    write_files(repo, files);
    commit_all(repo, "Publish the papers", kFirst);
    write_files(repo, {{kJuly + "Tender prices.xlsx", "v2 figures"}});
    append(repo, kJuly + "minutes.md", "\nA note.\n");
    commit_all(repo, "Add " + marker + " tender figures 61750", kFirst + kDay);
    fs::remove(repo / (kJuly + "Tender prices.xlsx"));
    write_files(repo, {{sept + "reports/contract.md",
                        "---\ntitle: Contract\nitem: \"2\"\nclassification: exempt\nparagraph: 3\n---\nThe prices.\n"}});
    commit_all(repo, "Remove the appendix", kFirst + 2 * kDay);
  }
  SECTION("an exempt report's appendix kept among the documents, since removed") {
    marker = "MARKER7-APP-2";
    files[sept + "meeting.yaml"] += "  - number: \"2\"\n    title: Contract\n    report: contract\n"
                                    "    exempt:\n      paragraph: 3\n";
    files[sept + "reports/contract.md"] =
        "---\ntitle: Contract\nitem: \"2\"\nclassification: exempt\nparagraph: 3\nappendices:\n"
        "  - title: Tender prices\n    file: ../../../../../documents/tp.xlsx\n---\nThe prices.\n";
    files["content/documents/tp.xlsx"] = "v1";
    write_files(repo, files);
    commit_all(repo, "Publish the papers", kFirst);
    write_files(repo, {{"content/documents/tp.xlsx", "v2 figures"}});
    append(repo, "content/people/bob-member.yaml", "# touched\n");
    commit_all(repo, "Add " + marker + " tender figures 61750", kFirst + kDay);
    fs::remove(repo / "content/documents/tp.xlsx");
    write_files(repo, {{sept + "reports/contract.md",
                        "---\ntitle: Contract\nitem: \"2\"\nclassification: exempt\nparagraph: 3\n---\nThe prices.\n"}});
    commit_all(repo, "Remove the appendix", kFirst + 2 * kDay);
  }
  public_commit(repo, "Give Ada her new title", kFirst + 3 * kDay);
  build_ok(repo, dir / "public");
  expect_nowhere(dir / "public", {marker});
  CHECK(read(dir / "public/people/ada-clerk/index.html").find("Give Ada her new title") != std::string::npos);
}

TEST_CASE("a sensitive interest's commit messages stay off the site, after the file is renamed",
          "[e2e][security][withheld-data][git]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish", kFirst);
  append(repo, "content/people/bob-member.yaml",
         "  - category: land\n    description: Home address\n    sensitive: true\n");
  append(repo, "content/committees/board/committee.yaml", "# touched\n");
  commit_all(repo, "Add MARKER7-SEN-1 Bob's home at 5 Elm Road", kFirst + kDay);
  // Renamed, with every reference to it.
  fs::rename(repo / "content/people/bob-member.yaml", repo / "content/people/robert-member.yaml");
  for (const std::string& f :
       std::vector<std::string>{"content/committees/board/committee.yaml", kJuly + "meeting.yaml"}) {
    std::string text = read(repo / f);
    for (std::size_t at; (at = text.find("bob-member")) != std::string::npos;)
      text.replace(at, 10, "robert-member");
    write_files(repo, {{f, text}});
  }
  commit_all(repo, "Rename MARKER7-SEN-2 Bob", kFirst + 2 * kDay);
  build_ok(repo, dir / "public");
  expect_nowhere(dir / "public", {"MARKER7-SEN-1", "MARKER7-SEN-2", "5 Elm Road"});
}

TEST_CASE("site.yaml history: messages: hide keeps every commit message off the site",
          "[e2e][security][withheld-data][git]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  Files files = parse_sections(minimal_site());
  files["site-config/site.yaml"] += "history:\n  messages: hide\n";
  write_files(repo, files);
  commit_all(repo, "Publish MARKER7-HIDE-1 the July papers", kFirst);
  std::string minutes = read(repo / (kJuly + "minutes.md"));
  write_files(repo, {{kJuly + "minutes.md", minutes + "\nA correction.\n"}});
  commit_all(repo, "Amend MARKER7-HIDE-2 the minutes", kFirst + kDay);
  public_commit(repo, "Give Ada MARKER7-HIDE-3 her new title", kFirst + 2 * kDay);
  build_ok(repo, dir / "public");
  expect_nowhere(dir / "public", {"MARKER7-HIDE-1", "MARKER7-HIDE-2", "MARKER7-HIDE-3", "details withheld"});
  const std::string page = read(dir / "public/committees/board/2017-07-19/minutes/index.html");
  // The history and the amended notice still say what happened, and when.
  CHECK(
      page.find("These minutes were amended on <time datetime=\"2017-07-21\">Friday 21 July 2017</time>.") !=
      std::string::npos);
  CHECK(page.find("Published") != std::string::npos);
  CHECK(page.find("Updated") != std::string::npos);

  SECTION("and show (the default) shows a public commit's message") {
    files["site-config/site.yaml"] =
        parse_sections(minimal_site())["site-config/site.yaml"] + "history:\n  messages: show\n";
    write_files(repo, {{"site-config/site.yaml", files["site-config/site.yaml"]}});
    commit_all(repo, "Show messages", kFirst + 3 * kDay);
    build_ok(repo, dir / "public");
    CHECK(read(dir / "public/people/ada-clerk/index.html").find("Give Ada MARKER7-HIDE-3 her new title") !=
          std::string::npos);
  }
}

TEST_CASE("each withheld commit message is a withheld text for the tripwire", "[model][withheld-data][git]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, parse_sections(minimal_site()));
  commit_all(repo, "Publish the July papers", kFirst);
  const std::string meeting = read(repo / (kJuly + "meeting.yaml"));
  write_files(repo, {{kJuly + "meeting.yaml", meeting + kExemptItem},
                     {kJuly + "reports/contract.md", exempt_report("Contract")}});
  commit_all(repo, "Add the Hollowbrook tender prices", kFirst + kDay);
  write_files(repo, {{kJuly + "meeting.yaml", meeting}});
  fs::remove(repo / (kJuly + "reports/contract.md"));
  commit_all(repo, "Tidy up", kFirst + 2 * kDay);
  public_commit(repo, "Tidy up", kFirst + 3 * kDay);  // the same words, in a public commit
  public_commit(repo, "Give Ada her new title", kFirst + 4 * kDay);

  quorum::Diagnostics diags;
  const auto tree = quorum::GitTree::open(repo, "HEAD", diags);
  REQUIRE(tree != nullptr);
  quorum::History history =
      quorum::History::read(repo, tree->revision().commit, diags, &quorum::content_privacy());
  const quorum::SiteModel model = quorum::build_model(*tree, diags, std::move(history), {}, 1);
  REQUIRE_FALSE(diags.has_errors());
  // The three that touched the meeting's agenda, which once had a private item.
  CHECK(model.withheld_commits.size() == 3);
  bool found = false;
  std::set<std::string> texts;
  for (const auto& t : model.withheld_texts.all()) {
    texts.insert(t.text);
    if (t.text == "Add the Hollowbrook tender prices") {
      found = true;
      CHECK(t.source.rfind("the message of commit ", 0) == 0);
      CHECK(t.source.find(", which touched withheld content/committees/board/meetings/2017-07-19/") !=
            std::string::npos);
    }
  }
  CHECK(found);
  CHECK(texts.count("Publish the July papers") == 1);
  CHECK(texts.count("Give Ada her new title") == 0);
  CHECK(texts.count("Tidy up") == 0);  // a public commit shows these words anyway
}

TEST_CASE("site.yaml history: messages must be show or hide", "[e2e][withheld-data]") {
  TempDir dir;
  Files files = parse_sections(minimal_site());
  files["site-config/site.yaml"] += "history:\n  messages: hidden\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Publish", kFirst);
  const BuildResult r = build_ref(dir / "repo", dir / "public", "HEAD");
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("site-config/site.yaml:6:") != std::string::npos);
  CHECK(r.err.find("not one of: show, hide") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "public"));
}

// --- Path 8: extracted PDF text in the cache --------------------------------------------

namespace {

// The July budget report with a PDF appendix whose text carries `marker`.
Files site_with_pdf_appendix(const std::string& marker) {
  Files files = parse_sections(minimal_site());
  std::string& report = files[kJuly + "reports/budget.md"];
  report.replace(report.find("topics: [finance]\n"), 18,
                 "topics: [finance]\nappendices:\n  - title: Figures\n    file: ../figures.pdf\n");
  files[kJuly + "figures.pdf"] = make_pdf({{marker + " the figures"}, {"Second page"}});
  return files;
}

void make_budget_exempt(const fs::path& repo) {
  std::string report = read(repo / (kJuly + "reports/budget.md"));
  report.replace(report.find("item: \"2\"\n"), 10, "item: \"2\"\nclassification: exempt\nparagraph: 3\n");
  std::string meeting = read(repo / (kJuly + "meeting.yaml"));
  meeting.replace(meeting.find("    topics: [finance]\n"), 22, "    exempt:\n      paragraph: 3\n");
  write_files(repo, {{kJuly + "reports/budget.md", report}, {kJuly + "meeting.yaml", meeting}});
}

}  // namespace

TEST_CASE("a PDF appendix withheld later leaves no text in the output or the cache",
          "[e2e][security][withheld-data][pdf]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, site_with_pdf_appendix("MARKER8-PDF-TEXT"));
  commit_all(repo, "Publish", kFirst);
  build_ok(repo, dir / "public");
  const fs::path cache = AtomicOutput::cache_dir(dir / "public");
  // The cache works: the public appendix's text is in it, and on its text page.
  REQUIRE(any_file_contains(cache / "pdf", "MARKER8-PDF-TEXT"));
  REQUIRE(any_file_contains(dir / "public", "MARKER8-PDF-TEXT"));

  SECTION("its report made exempt, incremental and then clean") {
    make_budget_exempt(repo);
    // The minutes lose their link to the report and keep no private section to cut.
    std::string minutes = read(repo / (kJuly + "minutes.md"));
    minutes.replace(minutes.find("## 2. Budget report"), std::string::npos,
                    "## 2. Budget report\n\nConsidered.\n");
    write_files(repo, {{kJuly + "minutes.md", minutes}});
    commit_all(repo, "Withhold the budget", kFirst + kDay);
    build_ok(repo, dir / "public");
    expect_nowhere(dir / "public", {"MARKER8-PDF-TEXT"});
    build_ok(repo, dir / "public", /*clean=*/true);
    expect_nowhere(dir / "public", {"MARKER8-PDF-TEXT"});
  }
  SECTION("moved to be the appendix of another, exempt report") {
    write_files(repo,
                {{kJuly + "reports/budget.md", parse_sections(minimal_site())[kJuly + "reports/budget.md"]}});
    append(repo, kJuly + "meeting.yaml", kExemptItem);
    append(repo, kJuly + "minutes.md", kExemptMinutes);
    write_files(repo, {{kJuly + "reports/contract.md",
                        "---\ntitle: Contract\nitem: \"3\"\nclassification: exempt\nparagraph: 3\n"
                        "appendices:\n  - title: Figures\n    file: ../figures.pdf\n---\nPrices.\n"}});
    commit_all(repo, "Move the figures", kFirst + kDay);
    build_ok(repo, dir / "public");
    expect_nowhere(dir / "public", {"MARKER8-PDF-TEXT"});
  }
  SECTION("deleted") {
    write_files(repo,
                {{kJuly + "reports/budget.md", parse_sections(minimal_site())[kJuly + "reports/budget.md"]}});
    fs::remove(repo / (kJuly + "figures.pdf"));
    commit_all(repo, "Delete the figures", kFirst + kDay);
    build_ok(repo, dir / "public");
    expect_nowhere(dir / "public", {"MARKER8-PDF-TEXT"});
  }
  SECTION("withheld, then public again: the text comes back") {
    make_budget_exempt(repo);
    std::string minutes = read(repo / (kJuly + "minutes.md"));
    const std::string public_minutes = minutes;
    minutes.replace(minutes.find("## 2. Budget report"), std::string::npos,
                    "## 2. Budget report\n\nConsidered.\n");
    write_files(repo, {{kJuly + "minutes.md", minutes}});
    commit_all(repo, "Withhold the budget", kFirst + kDay);
    build_ok(repo, dir / "public");
    expect_nowhere(dir / "public", {"MARKER8-PDF-TEXT"});
    write_files(repo, site_with_pdf_appendix("MARKER8-PDF-TEXT"));
    commit_all(repo, "Publish the budget again", kFirst + 2 * kDay);
    build_ok(repo, dir / "public");
    CHECK(any_file_contains(cache / "pdf", "MARKER8-PDF-TEXT"));
    CHECK(any_file_contains(dir / "public", "MARKER8-PDF-TEXT"));
  }
}

TEST_CASE("a clean build clears the whole cache folder", "[e2e][security][withheld-data][pdf]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  write_files(repo, site_with_pdf_appendix("Public figures"));
  commit_all(repo, "Publish", kFirst);
  build_ok(repo, dir / "public");
  const fs::path cache = AtomicOutput::cache_dir(dir / "public");
  // Whatever an earlier version of Quorum, or a build of other content, left there.
  write_files(cache,
              {{"pdf/0123456789abcdef0123456789abcdef01234567.json", "{\"text\": [\"MARKER8-STALE-1\"]}"},
               {"pdf/leftover.tmp1", "MARKER8-STALE-2"},
               {"other/notes.txt", "MARKER8-STALE-3"}});
  SECTION("an incremental build keeps only this build's PDF entries") {
    build_ok(repo, dir / "public");
    expect_nowhere(dir / "public", {"MARKER8-STALE-1", "MARKER8-STALE-2"});
    CHECK(any_file_contains(cache / "pdf", "Public figures"));
  }
  SECTION("a clean build removes everything") {
    build_ok(repo, dir / "public", /*clean=*/true);
    expect_nowhere(dir / "public", {"MARKER8-STALE-1", "MARKER8-STALE-2", "MARKER8-STALE-3"});
    CHECK(any_file_contains(cache / "pdf", "Public figures"));  // and is filled again
  }
}
