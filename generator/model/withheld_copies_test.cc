#include "model/withheld_copies.h"

#include <catch2/catch.hpp>

using quorum::loader::name_skeleton;

TEST_CASE("a name's skeleton is the same however an accent or a capital is written",
          "[model][withheld-content]") {
  const std::string nfc = name_skeleton("Annexe \xC3\xA9.xlsx");  // é as one character
  CHECK(nfc == "annexexlsx");
  CHECK(name_skeleton("Annexe e\xCC\x81.xlsx") == nfc);  // e and a combining acute (NFD)
  CHECK(name_skeleton("Annexe \xC3\x89.xlsx") == nfc);   // É
  CHECK(name_skeleton("ANNEXE_\xC3\xA9.XLSX") == nfc);
  CHECK(name_skeleton("Annexe\xE2\x80\x8B \xC3\xA9.xlsx") == nfc);                 // a zero-width space
  CHECK(name_skeleton("\xEF\xBC\xA1nnexe.xlsx") == name_skeleton("Annexe.xlsx"));  // fullwidth A
  // Names that read differently stay apart.
  CHECK(name_skeleton("Annexe A.xlsx") != name_skeleton("Annexe B.xlsx"));
  CHECK(name_skeleton("Annexe e.xlsx") != nfc);
  CHECK(name_skeleton("Annexe \xC3\xA9.pdf") != nfc);
  // Broken UTF-8 is dropped, never read past the end.
  CHECK(name_skeleton("Annexe \xC3") == "annexe");
  CHECK(name_skeleton("\xE2\x82") == "");
}
