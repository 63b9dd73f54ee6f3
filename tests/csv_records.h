// Reading the CSV open data files in tests: strictly RFC 4180, as the data page promises.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "test_support.h"

namespace quorum::testing {

// RFC 4180, strictly: CRLF records, quoted fields with doubled quotes.
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      REQUIRE(field.empty());
      REQUIRE_FALSE(quoted);
      in_quotes = quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r') {
      REQUIRE(i + 1 < text.size());
      REQUIRE(text[i + 1] == '\n');
      ++i;
      rows.back().push_back(field);
      field.clear();
      quoted = false;
      rows.emplace_back();
    } else {
      REQUIRE(c != '\n');
      field += c;
    }
  }
  REQUIRE_FALSE(in_quotes);
  REQUIRE(rows.back().empty());  // the last record ends with CRLF
  rows.pop_back();
  for (const auto& r : rows) REQUIRE(r.size() == rows.front().size());
  return rows;
}

// Rows as header -> value maps.
inline std::vector<std::map<std::string, std::string>> csv_records(const std::filesystem::path& file) {
  const auto rows = parse_csv(read(file));
  REQUIRE(!rows.empty());
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::map<std::string, std::string> r;
    for (std::size_t j = 0; j < rows[0].size(); ++j) r[rows[0][j]] = rows[i][j];
    out.push_back(r);
  }
  return out;
}

}  // namespace quorum::testing
