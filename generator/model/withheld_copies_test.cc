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

// Found by a second outside tester: Cyrillic and Greek letters drawn like Latin ones.
TEST_CASE("a name spelt with Cyrillic or Greek look-alike letters has the Latin name's skeleton",
          "[model][withheld-content]") {
  const std::string latin = name_skeleton("Tender prices.xlsx");
  CHECK(name_skeleton("T\xD0\xB5nder prices.xlsx") == latin);                       // Cyrillic е
  CHECK(name_skeleton("\xD0\xA2\xD0\xB5nder prices.xlsx") == latin);                // Cyrillic Т and е
  CHECK(name_skeleton("T\xD0\xB5nd\xD0\xB5r pri\xD1\x81\xD0\xB5s.xlsx") == latin);  // е, с
  CHECK(name_skeleton("\xCE\xA4"
                      "ender pri\xCE\xBF"
                      "ces.xlsx") != latin);                          // Greek Τ, and ο for e: not the same
  CHECK(name_skeleton("\xCE\xA4\xCE\x95NDER PRICES.XLSX") == latin);  // Greek Τ and Ε
}
