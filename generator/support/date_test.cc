#include "support/date.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

Date must_parse(const std::string& text) {
  const auto d = Date::parse(text);
  REQUIRE(d.has_value());
  return *d;
}

TEST_CASE("Date::parse reads a strict YYYY-MM-DD", "[support][date]") {
  const Date d = must_parse("2017-09-08");
  CHECK(d.year == 2017);
  CHECK(d.month == 9);
  CHECK(d.day == 8);
  CHECK(d.iso() == "2017-09-08");
  CHECK(d.valid());
}

TEST_CASE("Date::parse knows leap years", "[support][date]") {
  CHECK_FALSE(Date::parse("2017-02-29").has_value());
  CHECK(Date::parse("2016-02-29").has_value());
  CHECK(Date::parse("2000-02-29").has_value());   // divisible by 400
  CHECK_FALSE(Date::parse("1900-02-29").has_value());  // divisible by 100 only
  CHECK(Date::parse("2017-02-28").has_value());
}

TEST_CASE("Date::parse refuses anything that is not a real YYYY-MM-DD", "[support][date]") {
  for (const char* bad : {"2017-9-8", "2017-09-8", "17-09-08", "2017/09/08", "08-09-2017",
                          "2017-13-01", "2017-00-10", "2017-04-31", "2017-09-00", "2017-09-32",
                          "2017-09-08 ", " 2017-09-08", "2017-09-08T10:00", "2017-0a-08",
                          "+017-09-08", "2017-+9-08", "", "tomorrow", "8 September 2017"}) {
    INFO("input: '" << bad << "'");
    CHECK_FALSE(Date::parse(bad).has_value());
  }
}

TEST_CASE("Date words, short words, weekday and month name", "[support][date]") {
  const Date d = must_parse("2017-09-08");
  CHECK(d.words() == "Friday 8 September 2017");
  CHECK(d.short_words() == "8 September 2017");
  CHECK(std::string(d.weekday()) == "Friday");
  CHECK(std::string(d.month_name()) == "September");

  CHECK(must_parse("2016-02-29").words() == "Monday 29 February 2016");
  CHECK(must_parse("2000-02-29").words() == "Tuesday 29 February 2000");
  CHECK(must_parse("1969-12-31").words() == "Wednesday 31 December 1969");
  CHECK(must_parse("2022-01-01").words() == "Saturday 1 January 2022");
}

TEST_CASE("days_since_epoch counts from 1970-01-01 and round-trips", "[support][date]") {
  CHECK(must_parse("1970-01-01").days_since_epoch() == 0);
  CHECK(must_parse("1970-01-02").days_since_epoch() == 1);
  CHECK(must_parse("1969-12-31").days_since_epoch() == -1);
  CHECK(must_parse("2017-09-08").days_since_epoch() == 17417);
  CHECK(must_parse("2000-02-29").days_since_epoch() == 11016);
  CHECK(must_parse("1900-03-01").days_since_epoch() == -25508);

  CHECK(Date::from_days_since_epoch(17417) == must_parse("2017-09-08"));
  CHECK(Date::from_days_since_epoch(-1) == must_parse("1969-12-31"));

  // Every day over several leap cycles and a century boundary survives the round trip, and
  // consecutive day numbers are consecutive, strictly increasing dates.
  const long from = must_parse("1899-12-25").days_since_epoch();
  const long to = must_parse("2104-03-05").days_since_epoch();
  Date previous = Date::from_days_since_epoch(from - 1);
  for (long n = from; n <= to; ++n) {
    const Date d = Date::from_days_since_epoch(n);
    if (d.days_since_epoch() != n || !(previous < d) || !Date::parse(d.iso())) {
      FAIL("day " << n << " became " << d.iso());
    }
    previous = d;
  }
  SUCCEED();
}

TEST_CASE("Dates order chronologically", "[support][date]") {
  CHECK(must_parse("2017-07-19") < must_parse("2017-09-08"));
  CHECK(must_parse("2016-12-31") < must_parse("2017-01-01"));
  CHECK(must_parse("2017-09-08") == must_parse("2017-09-08"));
  CHECK_FALSE(Date{}.valid());
}

TEST_CASE("TimeOfDay::parse reads strict 24-hour HH:MM", "[support][date][time]") {
  const auto t = TimeOfDay::parse("14:00");
  REQUIRE(t.has_value());
  CHECK(t->hour == 14);
  CHECK(t->minute == 0);
  CHECK(t->iso() == "14:00");
  CHECK(TimeOfDay::parse("00:00").has_value());
  CHECK(TimeOfDay::parse("23:59").has_value());

  for (const char* bad : {"24:00", "12:60", "9:30", "09:5", "0930", "09.30", "2pm", "", "09:30 ",
                          "-1:00", "1:000"}) {
    INFO("input: '" << bad << "'");
    CHECK_FALSE(TimeOfDay::parse(bad).has_value());
  }
}

TEST_CASE("TimeOfDay words are how a clerk writes a time", "[support][date][time]") {
  const auto words = [](const std::string& text) {
    const auto t = TimeOfDay::parse(text);
    REQUIRE(t.has_value());
    return t->words();
  };
  CHECK(words("14:00") == "2pm");
  CHECK(words("10:30") == "10:30am");
  CHECK(words("12:00") == "midday");
  CHECK(words("12:30") == "12:30pm");
  CHECK(words("00:00") == "12am");
  CHECK(words("00:15") == "12:15am");
  CHECK(words("09:05") == "9:05am");
  CHECK(words("23:59") == "11:59pm");
  CHECK(words("13:00") == "1pm");
}

}  // namespace
}  // namespace quorum
