#include "model/publishing_rules.h"

#include <catch2/catch.hpp>

namespace quorum {
namespace {

Date day(const char* iso) { return *Date::parse(iso); }

TEST_CASE("working days exclude weekends and bank holidays", "[model][publishing]") {
  const std::set<Date> holidays{day("2026-12-25"), day("2026-12-28")};
  CHECK(is_working_day(day("2026-11-09"), holidays));        // Monday
  CHECK(is_working_day(day("2026-11-13"), holidays));        // Friday
  CHECK_FALSE(is_working_day(day("2026-11-14"), holidays));  // Saturday
  CHECK_FALSE(is_working_day(day("2026-11-15"), holidays));  // Sunday
  CHECK_FALSE(is_working_day(day("2026-12-25"), holidays));  // Christmas Day, a Friday
  CHECK(is_working_day(day("2026-12-25"), {}));
}

TEST_CASE("clear working days leave out the day of publication and the day of the meeting",
          "[model][publishing]") {
  const std::set<Date> none;
  // Monday to the next Monday: Tuesday to Friday are clear, the weekend is not.
  CHECK(clear_working_days(day("2026-11-02"), day("2026-11-09"), none) == 4);
  // Monday to the Tuesday after: Tuesday to Friday and Monday.
  CHECK(clear_working_days(day("2026-11-02"), day("2026-11-10"), none) == 5);
  // Saturday to Saturday: Monday to Friday between them.
  CHECK(clear_working_days(day("2026-10-31"), day("2026-11-07"), none) == 5);
  // The same day, the day before, and a meeting before its agenda.
  CHECK(clear_working_days(day("2026-11-09"), day("2026-11-09"), none) == 0);
  CHECK(clear_working_days(day("2026-11-08"), day("2026-11-09"), none) == 0);
  CHECK(clear_working_days(day("2026-11-10"), day("2026-11-09"), none) == 0);
  // Christmas: Friday 18 December to Tuesday 29 December 2026 has six weekdays between,
  // two of them bank holidays (Christmas Day and the substitute for Boxing Day).
  CHECK(clear_working_days(day("2026-12-18"), day("2026-12-29"), none) == 6);
  CHECK(clear_working_days(day("2026-12-18"), day("2026-12-29"), {day("2026-12-25"), day("2026-12-28")}) ==
        4);
  // Across a month and a year end.
  CHECK(clear_working_days(day("2026-12-30"), day("2027-01-08"), {day("2027-01-01")}) == 5);
}

}  // namespace
}  // namespace quorum
