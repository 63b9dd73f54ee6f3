#include "support/date.h"

#include <array>
#include <cstdio>

namespace quorum {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays.at(static_cast<std::size_t>(m - 1));
}

bool all_digits(const std::string& s, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int number_at(const std::string& s, std::size_t from, std::size_t count) {
  return std::stoi(s.substr(from, count));
}

}  // namespace

std::optional<Date> Date::parse(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!all_digits(text, 0, 4) || !all_digits(text, 5, 2) || !all_digits(text, 8, 2)) {
    return std::nullopt;
  }
  Date d{number_at(text, 0, 4), number_at(text, 5, 2), number_at(text, 8, 2)};
  if (d.year < 1800 || d.month < 1 || d.month > 12) return std::nullopt;
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
long Date::days_since_epoch() const {
  const int y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days_since_epoch(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

namespace {

// Seconds since the epoch of 01:00 UTC on the last Sunday of a month: when British Summer
// Time starts (March) and ends (October).
long long last_sunday_0100_utc(int year, int month) {
  Date last{year, month, days_in_month(year, month)};
  long days = last.days_since_epoch();
  const long weekday = ((days % 7) + 7 + 4) % 7;  // 0 = Sunday (1970-01-01 was a Thursday)
  days -= weekday;
  return static_cast<long long>(days) * 86400 + 3600;
}

}  // namespace

Date Date::from_unix_time(long long seconds, const std::string& timezone) {
  long long local = seconds;
  if (timezone == "Europe/London") {
    const int year = from_days_since_epoch(static_cast<long>(seconds / 86400)).year;
    if (seconds >= last_sunday_0100_utc(year, 3) && seconds < last_sunday_0100_utc(year, 10)) local += 3600;
  }
  long days = static_cast<long>(local / 86400);
  if (local < 0 && local % 86400 != 0) --days;
  return from_days_since_epoch(days);
}

const char* Date::weekday() const {
  static constexpr std::array<const char*, 7> kNames = {
      "Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};
  const long days = days_since_epoch();
  return kNames.at(static_cast<std::size_t>(((days % 7) + 7) % 7));
}

const char* Date::month_name() const {
  static constexpr std::array<const char*, 12> kNames = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return kNames.at(static_cast<std::size_t>(month - 1));
}

std::string Date::words() const {
  return std::string(weekday()) + ' ' + std::to_string(day) + ' ' + month_name() + ' ' +
         std::to_string(year);
}

std::string Date::short_words() const {
  return std::to_string(day) + ' ' + std::string(month_name()) + ' ' + std::to_string(year);
}

std::optional<TimeOfDay> TimeOfDay::parse(const std::string& text) {
  if (text.size() != 5 || text[2] != ':' || !all_digits(text, 0, 2) || !all_digits(text, 3, 2)) {
    return std::nullopt;
  }
  TimeOfDay t{number_at(text, 0, 2), number_at(text, 3, 2)};
  if (t.hour > 23 || t.minute > 59) return std::nullopt;
  return t;
}

std::string TimeOfDay::iso() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
  return buf;
}

std::string TimeOfDay::words() const {
  const int h12 = hour % 12 == 0 ? 12 : hour % 12;
  std::string out = std::to_string(h12);
  if (minute != 0) {
    char buf[4];
    std::snprintf(buf, sizeof buf, ":%02d", minute);
    out += buf;
  }
  if (hour == 12 && minute == 0) return "midday";
  return out + (hour < 12 ? "am" : "pm");
}

}  // namespace quorum
