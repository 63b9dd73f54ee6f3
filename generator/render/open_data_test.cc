#include "render/open_data.h"

#include <catch2/catch.hpp>

#include "render/feeds.h"

using namespace quorum;

TEST_CASE("csv_field quotes only what needs quoting (RFC 4180)", "[render][csv]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("Grays, Essex") == "\"Grays, Essex\"");
  CHECK(csv_field("the \"Board\"") == "\"the \"\"Board\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field(" padded ") == "\" padded \"");
  CHECK(csv_row({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("a CSV cell that a spreadsheet would run as a formula is shown as text", "[render][csv][security]") {
  CHECK(csv_field("=HYPERLINK(\"https://evil.example/\",\"x\")") == "\"'=HYPERLINK(\"\"https://evil.example/\"\",\"\"x\"\")\"");
  CHECK(csv_field("+1") == "'+1");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\t=1") == "'\t=1");
  CHECK(csv_field("\r=1") == "\"'\r=1\"");
  CHECK(csv_field("  =1") == "'  =1");
  // Ordinary text, dates and a formula sign later in a cell are left alone.
  CHECK(csv_field("2017-09-08") == "2017-09-08");
  CHECK(csv_field("Item 5 = approved") == "Item 5 = approved");
  CHECK(csv_field("") == "");
}

TEST_CASE("script_safe_json cannot end a script element", "[render][jsonld]") {
  const json value = {{"name", "</script><script>alert(1)</script> <!-- x"}};
  const std::string out = script_safe_json(value);
  CHECK(out.find("</") == std::string::npos);
  CHECK(out.find("<!--") == std::string::npos);
  CHECK(out.find("<\\/script>") != std::string::npos);
  CHECK(json::parse(out) == value);  // still the same JSON
}

TEST_CASE("json_file escapes markup characters and stays the same JSON", "[render][json]") {
  const json value = {{"name", "Ada <b> & \"co\""}, {"n", 1}};
  const std::string out = json_file(value);
  CHECK(out.find('<') == std::string::npos);
  CHECK(out.find('&') == std::string::npos);
  CHECK(json::parse(out) == value);
}

TEST_CASE("rfc3339_utc formats commit times", "[render][atom]") {
  CHECK(rfc3339_utc(0) == "1970-01-01T00:00:00Z");
  CHECK(rfc3339_utc(1500541200) == "2017-07-20T09:00:00Z");
  CHECK(rfc3339_utc(1500541200 + 86400 + 3661) == "2017-07-21T10:01:01Z");
}
