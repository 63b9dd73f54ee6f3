#include "render/calendar.h"

#include <catch2/catch.hpp>

using namespace quorum;

TEST_CASE("ics_escape escapes backslash, semicolon, comma and newlines", "[render][ics]") {
  CHECK(ics_escape("Room 1, Town Hall; Grays") == "Room 1\\, Town Hall\\; Grays");
  CHECK(ics_escape("a\\b") == "a\\\\b");
  CHECK(ics_escape("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ics_escape("bell\x07") == "bell");  // control characters cannot be carried
  CHECK(ics_escape("Caf\xC3\xA9: ok") == "Caf\xC3\xA9: ok");  // colons need no escape in TEXT
}

TEST_CASE("ics_fold folds at 75 octets with CRLF and a leading space", "[render][ics]") {
  CHECK(ics_fold("SUMMARY:short") == "SUMMARY:short\r\n");
  const std::string line = "DESCRIPTION:" + std::string(200, 'x');
  const std::string folded = ics_fold(line);
  std::string unfolded;
  std::size_t start = 0;
  while (start < folded.size()) {
    const auto end = folded.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const std::string physical = folded.substr(start, end - start);
    CHECK(physical.size() <= 75);
    unfolded += start == 0 ? physical : physical.substr(1);
    if (start != 0) CHECK(physical[0] == ' ');
    start = end + 2;
  }
  CHECK(unfolded == line);
  // Exactly 75 octets stays on one line.
  CHECK(ics_fold(std::string(75, 'a')) == std::string(75, 'a') + "\r\n");
}

TEST_CASE("ics_fold never splits a UTF-8 sequence", "[render][ics]") {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 60; ++i) line += "\xC3\xA9";  // é, two octets each
  const std::string folded = ics_fold(line);
  std::size_t start = 0;
  while (start < folded.size()) {
    const auto end = folded.find("\r\n", start);
    std::string physical = folded.substr(start, end - start);
    if (start != 0) physical = physical.substr(1);
    CHECK(physical.size() <= 75);
    // Each physical line starts on a character boundary.
    if (!physical.empty()) CHECK((static_cast<unsigned char>(physical[0]) & 0xC0) != 0x80);
    start = end + 2;
  }
}

TEST_CASE("london_utc_offset follows British Summer Time", "[render][ics]") {
  CHECK(london_utc_offset(Date{2017, 7, 19}, TimeOfDay{14, 0}) == "+01:00");
  CHECK(london_utc_offset(Date{2017, 1, 10}, TimeOfDay{14, 0}) == "+00:00");
  // 2017: BST from Sunday 26 March 01:00 UTC to Sunday 29 October 01:00 UTC.
  CHECK(london_utc_offset(Date{2017, 3, 25}, TimeOfDay{23, 0}) == "+00:00");
  CHECK(london_utc_offset(Date{2017, 3, 26}, TimeOfDay{10, 0}) == "+01:00");
  CHECK(london_utc_offset(Date{2017, 10, 28}, TimeOfDay{18, 0}) == "+01:00");
  CHECK(london_utc_offset(Date{2017, 10, 29}, TimeOfDay{10, 0}) == "+00:00");
}
