// PDF attachments: described in their links (type, size, pages), extracted by poppler into a
// text version page and the search index, scans flagged, exempt appendices never touched.
// The PDFs are made at test time (tests/pdf_maker.h).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "pdf_maker.h"
#include "search_index_files.h"
#include "test_support.h"

using namespace quorum::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kMeeting = "content/committees/board/meetings/2017-07-19/";

Files pdf_site() {
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
    report: contract
    exempt:
      paragraph: 3
      reason: commercially sensitive
)";
  files[kMeeting + "reports/budget.md"] = R"(---
title: Budget report 2017
item: "2"
appendices:
  - title: "Appendix 1: Risk register"
    file: ../Risk register.pdf
---
The budget.
)";
  files[kMeeting + "reports/contract.md"] = R"(---
title: Contract award
item: "3"
classification: exempt
paragraph: 3
appendices:
  - title: Tender prices
    file: ../tender prices.pdf
---
The prices.
)";
  files[kMeeting + "minutes.md"] += "\n## 3. Care home contract award\n\nConsidered in private.\n";
  files[kMeeting + "Risk register.pdf"] =
      make_pdf({{"Risk register 2017"}, {"Risk 4: the Zebrafinch contract overruns", "Owner: <script> & co"}});
  files[kMeeting + "Agenda pack.pdf"] = make_pdf({{"Agenda pack", "Item 1 Apologies"}});
  files[kMeeting + "Scanned letter.pdf"] = make_pdf({{}, {}, {}}, /*scanned=*/true);
  files[kMeeting + "tender prices.pdf"] = make_pdf({{"MARKERPDFSECRET tender prices"}});
  return files;
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("PDF attachments are described, extracted, searchable and never withheld ones", "[e2e][pdf]") {
  TempDir dir;
  const fs::path src = dir / "src";
  const fs::path out = dir / "site";
  write_files(src, pdf_site());
  commit_all(src, "Papers with PDFs");
  const BuildResult r = build(src, out);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);

  SECTION("links say type, size and pages; a scan says so") {
    const std::string report = read(out / "committees/board/2017-07-19/reports/budget/index.html");
    CHECK(has(report, ">Appendix 1: Risk register (PDF, "));
    CHECK(has(report, " KB, 2 pages)</a>"));
    CHECK(has(report, "href=\"/committees/board/2017-07-19/Risk%20register-text/\">Text version"));
    const std::string meeting = read(out / "committees/board/2017-07-19/index.html");
    CHECK(has(meeting, ">Agenda pack.pdf (PDF, "));
    CHECK(has(meeting, ", 1 page)</a>"));
    CHECK(has(meeting, ">Scanned letter.pdf (PDF, "));
    CHECK(has(meeting, "3 pages, scanned image, no text)</a>"));
    CHECK_FALSE(has(meeting, "Scanned%20letter-text"));  // nothing to show as text
    CHECK_FALSE(fs::exists(out / "committees/board/2017-07-19/Scanned letter-text"));
  }

  SECTION("the build warns naming the scan") {
    CHECK(has(r.err, kMeeting + "Scanned letter.pdf: warning:"));
    CHECK(has(r.err, "scanned image with no text"));
    CHECK_FALSE(has(r.err, "Risk register.pdf:0:0"));
  }

  SECTION("the text version is page by page, escaped, with links back") {
    const std::string page = read(out / "committees/board/2017-07-19/Risk register-text/index.html");
    CHECK(has(page, "<h1>Text version: Appendix 1: Risk register</h1>"));
    CHECK(has(page, "<h2 id=\"page-1\">Page 1</h2>"));
    CHECK(has(page, "<h2 id=\"page-2\">Page 2</h2>"));
    CHECK(page.find("Risk register 2017") < page.find("id=\"page-2\""));
    CHECK(page.find("Zebrafinch") > page.find("id=\"page-2\""));
    CHECK(has(page, "&lt;script&gt; &amp; co"));
    CHECK_FALSE(has(page, "<script> & co"));
    CHECK(has(page, "href=\"/committees/board/2017-07-19/Risk%20register.pdf\""));
    CHECK(has(page, "href=\"/committees/board/2017-07-19/reports/budget/\""));
    CHECK(has(page, "class=\"skip-link\"") == has(read(out / "committees/board/2017-07-19/index.html"), "class=\"skip-link\""));
  }

  SECTION("search finds a word inside the PDF with its page") {
    const json pages = search_pages(out);
    const json* hit = nullptr;
    for (const auto& p : pages) {
      if (has(p["text"].get<std::string>(), "Zebrafinch")) hit = &p;
    }
    REQUIRE(hit != nullptr);
    CHECK((*hit)["type"] == "attachment");
    CHECK((*hit)["page"] == 2);
    CHECK((*hit)["url"] == "/committees/board/2017-07-19/Risk%20register-text/#page-2");
    CHECK((*hit)["title"] == "Appendix 1: Risk register, page 2");
  }

  SECTION("an exempt report's PDF is never copied, extracted or indexed") {
    std::string where;
    CHECK_FALSE(any_file_contains(out, "MARKERPDFSECRET", &where));
    INFO(where);
    const fs::path cache = dir / ".site.quorum-cache";
    REQUIRE(fs::exists(cache / "pdf"));
    CHECK_FALSE(any_file_contains(cache, "MARKERPDFSECRET", &where));
    CHECK(list_files(cache / "pdf").size() == 3);  // the three published PDFs, by blob id
  }

  SECTION("a rebuild reuses the cache by blob id and makes the same bytes") {
    const std::string before = read(out / "committees/board/2017-07-19/Risk register-text/index.html");
    const std::string index_before = search_index_bytes(out);
    // A cache entry is trusted: changing it shows the second build read it instead of the PDF.
    for (const auto& f : list_files(dir / ".site.quorum-cache/pdf")) fs::last_write_time(dir / ".site.quorum-cache/pdf" / f, fs::file_time_type::clock::now());
    const BuildResult again = build_ref(src, out, "HEAD", /*clean=*/true);
    REQUIRE(again.exit_code == 0);
    CHECK(read(out / "committees/board/2017-07-19/Risk register-text/index.html") == before);
    CHECK(search_index_bytes(out) == index_before);
  }
}
