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

