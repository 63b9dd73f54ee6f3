#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "load/pdf_text.h"

// PDF text is extracted by the built `quorum` executable as a helper process, as in a real
// build: this test binary is not `quorum` and must never be started as its own helper.
int main(int argc, char** argv) {
  quorum::PdfExtractor pdf;
  pdf.helper = QUORUM_BINARY;
  quorum::set_pdf_extractor(pdf);
  return Catch::Session().run(argc, argv);
}
