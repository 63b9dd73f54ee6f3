#include "load/pdf_text.h"

#include <catch2/catch.hpp>

#include "load/fingerprint.h"
#include "pdf_maker.h"
#include "test_support.h"

using quorum::testing::make_pdf;

TEST_CASE("pdf text: pages, text by page, and scans", "[load][pdf]") {
  const auto t = quorum::extract_pdf_text(make_pdf({{"First page"}, {"Second (page)"}}));
  CHECK(t.readable);
  CHECK(t.pages == 2);
  CHECK(t.has_text);
  REQUIRE(t.text.size() == 2);
  CHECK(t.text[0].find("First page") != std::string::npos);
  CHECK(t.text[1].find("Second (page)") != std::string::npos);

  const auto scan = quorum::extract_pdf_text(make_pdf({{}, {}}, true));
  CHECK(scan.readable);
  CHECK(scan.pages == 2);
  CHECK_FALSE(scan.has_text);

  const auto junk = quorum::extract_pdf_text("not a pdf at all");
  CHECK_FALSE(junk.readable);
  CHECK(junk.pages == 0);
}

TEST_CASE("pdf text: many at once, in parallel, cached by blob id", "[load][pdf]") {
  quorum::testing::TempDir dir;
  std::map<std::string, quorum::PdfSource> sources;
  for (int i = 0; i < 12; ++i) {
    const std::string bytes = make_pdf({{"Document " + std::to_string(i)}});
    sources["f" + std::to_string(i) + ".pdf"] = {quorum::fingerprint(bytes), bytes};
  }
  const auto first = quorum::extract_pdf_texts(sources, dir.path());
  REQUIRE(first.size() == 12);
  CHECK(first.at("f7.pdf").text[0].find("Document 7") != std::string::npos);
  // The second run is served from the cache: the bytes are not even needed.
  for (auto& [name, src] : sources) src.bytes.clear();
  const auto second = quorum::extract_pdf_texts(sources, dir.path());
  for (const auto& [name, t] : first) {
    CHECK(second.at(name).text == t.text);
    CHECK(second.at(name).pages == t.pages);
  }
}
