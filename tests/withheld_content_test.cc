// Withheld papers must not reach the site by another road: an identical copy under another
// name, a name that looks the same (Unicode spelling, accented capitals), a file that belongs
// to private business by where it is linked from or by its name, or a file the site copies
// for its own look (the logo, the theme's assets). Each test plants a marker in the withheld
// paper and searches every output file, every file name and the cache folder for it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "pdf_maker.h"
#include "test_support.h"
#include "write/atomic_output.h"

using namespace quorum::testing;
namespace fs = std::filesystem;
using quorum::AtomicOutput;

namespace {

const std::string kPublic = "content/committees/board/meetings/2017-07-19/";
const std::string kPrivate = "content/committees/board/meetings/2017-10-10/";

// minimal_site() and a held meeting whose item 2 is private business, with an exempt report;
// `appendices` is the report's `appendices:` list (YAML lines), if any.
Files private_site(const std::string& appendices = "") {
  Files files = parse_sections(minimal_site());
  files[kPrivate + "meeting.yaml"] = R"(date: 2017-10-10
status: held
agenda:
  - number: "1"
    title: Apologies
    kind: apologies
  - number: "2"
    title: Contract award
    report: contract-award
    description: The tender evaluation is set out in the report.
    exempt:
      paragraph: 3
)";
  std::string report = "---\ntitle: Contract award\nitem: \"2\"\nclassification: exempt\nparagraph: 3\n";
  if (!appendices.empty()) report += "appendices:\n" + appendices;
  report += "---\nThe bids were evaluated.\n";
  files[kPrivate + "reports/contract-award.md"] = report;
  files[kPrivate + "minutes.md"] =
      "---\nstatus: draft\n---\n## 1. Apologies\n\nNone.\n\n## 2. Contract award\n\nThe board considered the "
      "bids.\n";
  return files;
}

BuildResult build_site(const TempDir& dir, const Files& files) {
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Papers");
  return build_ref(dir / "repo", dir / "public", "HEAD");
}

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

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

}  // namespace

TEST_CASE("withheld content: files that belong to private business are withheld",
          "[e2e][security][withheld-content]") {
  TempDir dir;
  Files files = private_site();
  // Named after the exempt report, as a file and as a folder.
  files[kPrivate + "reports/contract-award.pdf"] = make_pdf({{"MARKER-PRIVATE-SLUG-FILE"}});
  files[kPrivate + "reports/contract-award/Appendix A.pdf"] = make_pdf({{"MARKER-PRIVATE-SLUG-FOLDER"}});
  // Linked only from the exempt item's description, and from the private minutes section.
  files[kPrivate + "meeting.yaml"] = [&] {
    std::string m = files[kPrivate + "meeting.yaml"];
    const std::string from = "set out in the report.";
    m.replace(m.find(from), from.size(), "set out in [the prices](Tender%20prices.xlsx).");
    return m;
  }();
  files[kPrivate + "Tender prices.xlsx"] = "MARKER-PRIVATE-DESCRIPTION-LINK\n";
  files[kPrivate + "minutes.md"] =
      "---\nstatus: draft\n---\n## 1. Apologies\n\nNone. The prices are [here](Tender%20prices.xlsx).\n\n"
      "## 2. Contract award\n\nThe board considered [the bids][bids].\n\n[bids]: Bids.xlsx\n";
  files[kPrivate + "Bids.xlsx"] = "MARKER-PRIVATE-MINUTES-LINK\n";
  // A public paper beside them is still published.
  files[kPrivate + "Agenda pack.pdf"] = make_pdf({{"PUBLIC-AGENDA-PACK"}});
  const BuildResult r = build_site(dir, files);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.err,
            kPrivate + "reports/contract-award.pdf: warning: this file is named after the private report"));
  CHECK(has(r.err, kPrivate + "reports/contract-award/Appendix A.pdf: warning: this file is named after"));
  // The public link to a withheld file is plain text, with a warning at the link.
  CHECK(has(r.err, kPrivate + "minutes.md:6:22: warning: "));
  CHECK_FALSE(any_file_contains(dir / "public", "Tender%20prices.xlsx"));
  CHECK(fs::exists(dir / "public/committees/board/2017-10-10/Agenda pack.pdf"));
  expect_nowhere(dir / "public", {"MARKER-PRIVATE-SLUG", "MARKER-PRIVATE-DESCRIPTION-LINK",
                                  "MARKER-PRIVATE-MINUTES-LINK", "Bids.xlsx"});
}

TEST_CASE("withheld content: a public copy of a withheld paper under another name is an error",
          "[e2e][security][withheld-content]") {
  TempDir dir;
  Files files = private_site("  - title: Tender prices\n    file: \"../Tender prices.pdf\"\n");
  const std::string prices = make_pdf({{"MARKER-SAMEBLOB-PDF Bidder B 68400"}});
  files[kPrivate + "Tender prices.pdf"] = prices;
  SECTION("a PDF in another meeting's folder") {
    files[kPublic + "Tender prices copy.pdf"] = prices;
    const BuildResult r = build_site(dir, files);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, kPublic + "Tender prices copy.pdf: error: this file is identical to " + kPrivate +
                         "Tender prices.pdf"));
    CHECK(has(r.err, kPrivate + "reports/contract-award.md"));
    expect_nowhere(dir / "public", {"MARKER-SAMEBLOB"});
  }
  SECTION("a CSV attached to a document") {
    const std::string csv = "bidder,amount\nMARKER-SAMEBLOB-CSV,68400\n";
    files = private_site("  - title: Bids\n    file: \"../bids.csv\"\n");
    files[kPrivate + "bids.csv"] = csv;
    files["content/documents/procurement.md"] =
        "---\ntitle: Procurement plan\nkind: plan\nattachments:\n  - title: Data\n    file: "
        "data.csv\n---\nThe plan.\n";
    files["content/documents/data.csv"] = csv;
    const BuildResult r = build_site(dir, files);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(
        has(r.err, "content/documents/data.csv: error: this file is identical to " + kPrivate + "bids.csv"));
    expect_nowhere(dir / "public", {"MARKER-SAMEBLOB"});
  }
  SECTION("a file of the same size but other bytes is published") {
    const std::string other = make_pdf({{"PUBLIC-SAMESIZE-PDF Bidder A 61750"}});
    REQUIRE(other.size() == prices.size());
    files[kPublic + "Tender summary.pdf"] = other;
    const BuildResult r = build_site(dir, files);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(dir / "public/committees/board/2017-07-19/Tender summary.pdf"));
    expect_nowhere(dir / "public", {"MARKER-SAMEBLOB"});
  }
}

TEST_CASE("withheld content: a published file whose name looks like a withheld file's is an error",
          "[e2e][security][withheld-content]") {
  TempDir dir;
  // The report names "Annexe é.xlsx" with é as one character (NFC).
  Files files = private_site("  - title: Annexe\n    file: \"../Annexe \xC3\xA9.xlsx\"\n");
  files[kPrivate + "Annexe \xC3\xA9.xlsx"] = "cover sheet\n";
  std::string lookalike;
  SECTION("the same name spelt with e and a combining accent (NFD, as macOS writes it)") {
    lookalike = kPrivate + "Annexe e\xCC\x81.xlsx";
  }
  SECTION("the same name with a capital \xC3\x89") { lookalike = kPrivate + "Annexe \xC3\x89.xlsx"; }
  SECTION("the same name with other spaces and punctuation, in a sub-folder") {
    lookalike = kPrivate + "papers/annexe_\xC3\xA9.XLSX";
  }
  files[lookalike] = "MARKER-LOOKALIKE tender figures\n";
  const BuildResult r = build_site(dir, files);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, lookalike + ": error: "));
  CHECK(has(r.err, kPrivate + "Annexe \xC3\xA9.xlsx"));
  expect_nowhere(dir / "public", {"MARKER-LOOKALIKE"});
}

TEST_CASE("withheld content: the site never copies a withheld file for its logo or theme",
          "[e2e][security][withheld-content]") {
  TempDir dir;
  const std::string chart = "\x89PNG\r\n\x1a\nMARKER-LOGO-CHART Bidder B 68400";
  Files files = private_site("  - title: Bid chart\n    file: \"../Bid chart.png\"\n");
  files[kPrivate + "Bid chart.png"] = chart;
  std::string expected;
  SECTION("the logo is the withheld file") {
    files["site-config/site.yaml"] +=
        "theme_options:\n  logo: \"../" + kPrivate + "Bid chart.png\"\n  logo_alt: Crest\n";
    expected = "site-config/site.yaml:6:";
  }
  SECTION("the logo is a copy of the withheld file") {
    files["site-config/crest.png"] = chart;
    files["site-config/site.yaml"] += "theme_options:\n  logo: crest.png\n  logo_alt: Crest\n";
    expected = "site-config/crest.png: error: this file is identical to " + kPrivate + "Bid chart.png";
  }
  SECTION("the withheld file is in the theme's assets") {
    files = private_site(
        "  - title: Bid chart\n    file: \"../../../../../../themes/mine/assets/Bid chart.png\"\n");
    files["themes/mine/assets/Bid chart.png"] = chart;
    files["site-config/site.yaml"] += "theme: mine\n";
    fs::create_directories(dir / "repo/themes/mine");
    fs::copy(fs::path(QUORUM_REPO_DIR) / "themes/default", dir / "repo/themes/mine",
             fs::copy_options::recursive);
    expected = "themes/mine/assets/Bid chart.png: error: ";
  }
  const BuildResult r = build_site(dir, files);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, expected));
  expect_nowhere(dir / "public", {"MARKER-LOGO-CHART"});
}

// Found by a second outside tester: names a link rule does not read. A file named in an exempt
// item's reason, in raw HTML or a site address in a private minutes section, or in raw HTML in
// an exempt report, is withheld with a warning; a public paper named nowhere private is not.
TEST_CASE("withheld content: a file named anywhere in withheld text is withheld",
          "[e2e][security][withheld]") {
  TempDir dir;
  Files files = private_site();
  std::string& meeting = files[kPrivate + "meeting.yaml"];
  meeting += "      reason: The sums are in Reason%20MARKER-R.xlsx\n";
  files[kPrivate + "minutes.md"] +=
      "<a href=\"Html MARKER-H.xlsx\">the bids</a>, and "
      "[the scores](/committees/board/2017-10-10/Site&#46;MARKER-S.xlsx).\n";
  files[kPrivate + "reports/contract-award.md"] += "<a href=\"Report MARKER-P.xlsx\">prices</a>\n";
  for (const std::string name :
       {"Reason MARKER-R.xlsx", "Html MARKER-H.xlsx", "Site.MARKER-S.xlsx", "Report MARKER-P.xlsx"}) {
    files[kPrivate + name] = "bidder,amount\nZQX-" + name + ",1\n";
  }
  files[kPrivate + "Agenda pack.pdf"] = make_pdf({{"Public agenda pack"}});
  const BuildResult r = build_site(dir, files);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  expect_nowhere(dir / "public", {"MARKER-R", "MARKER-H", "MARKER-S", "MARKER-P"});
  CHECK(
      has(r.err, "Reason MARKER-R.xlsx: warning: this file is named in the reason for taking agenda item 2"));
  CHECK(has(r.err, "Html MARKER-H.xlsx: warning: this file is named in"));
  CHECK(fs::exists(dir / "public/committees/board/2017-10-10/Agenda pack.pdf"));
}
