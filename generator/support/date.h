// Calendar dates and clock times as content states them (`2017-09-08`, `14:00`).
//
// No time zones and no clock of the building machine: a date here is a date on the
// council's calendar, so the same content always renders the same words.
#pragma once

#include <optional>
#include <string>

namespace quorum {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Strict `YYYY-MM-DD` that names a real day; nullopt otherwise.
  static std::optional<Date> parse(const std::string& text);

  [[nodiscard]] std::string iso() const;    // 2017-09-08
  [[nodiscard]] std::string words() const;  // Friday 8 September 2017
  [[nodiscard]] std::string short_words() const;  // 8 September 2017
  [[nodiscard]] const char* weekday() const;
  [[nodiscard]] const char* month_name() const;
  [[nodiscard]] long days_since_epoch() const;  // 1970-01-01 is 0
  static Date from_days_since_epoch(long days);
  // The calendar day of a moment (seconds since the epoch) in a time zone. Europe/London
  // (the default) follows British Summer Time; any other zone is treated as UTC.
  static Date from_unix_time(long long seconds, const std::string& timezone);
  [[nodiscard]] bool valid() const { return year > 0; }

  auto operator<=>(const Date&) const = default;
};

struct TimeOfDay {
  int hour = 0;
  int minute = 0;

  // Strict `HH:MM`, 24-hour; nullopt otherwise.
  static std::optional<TimeOfDay> parse(const std::string& text);
  [[nodiscard]] std::string iso() const;    // 14:00
  [[nodiscard]] std::string words() const;  // 2pm, 10:30am
  auto operator<=>(const TimeOfDay&) const = default;
};

}  // namespace quorum
