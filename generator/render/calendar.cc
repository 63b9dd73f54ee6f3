#include "render/calendar.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "model/urls.h"
#include "render/feeds.h"
#include "support/text.h"

namespace quorum {
namespace {

long long last_sunday_0100_utc(int year, int month) {
  Date d{year, month, 31};
  if (month == 10 || month == 3) d.day = 31;
  long days = d.days_since_epoch();
  // 1970-01-01 was a Thursday: day 3 is a Sunday.
  while (((days - 3) % 7 + 7) % 7 != 0) --days;
  return static_cast<long long>(days) * 86400 + 3600;
}

std::string compact_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

std::string compact_local(const Date& d, const TimeOfDay& t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "T%02d%02d00", t.hour, t.minute);
  return compact_date(d) + buf;
}

std::string compact_utc(long long seconds) {
  std::string s = rfc3339_utc(seconds);  // 2017-07-20T09:00:00Z
  std::string out;
  for (char c : s) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

std::string host_of(const std::string& base_url) {
  const auto scheme = base_url.find("://");
  if (scheme == std::string::npos) return "quorum.invalid";
  const auto start = scheme + 3;
  const auto end = base_url.find_first_of("/:", start);
  const std::string host = base_url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  return host.empty() ? "quorum.invalid" : host;
}

const char* const kLondon =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/London\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:BST\r\n"
    "DTSTART:19810329T010000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\n"
    "TZNAME:GMT\r\n"
    "DTSTART:19961027T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

std::string vevent(const PageContext& ctx, const Meeting& m, bool london) {
  const SiteModel& model = ctx.model();
  const Committee* c = model.committee_of(m);
  const std::string name = c != nullptr ? c->name : m.committee;
  std::string id = m.id;
  for (char& ch : id) {
    if (ch == '/') ch = '-';
  }
  std::string out;
  const auto line = [&](const std::string& l) { out += ics_fold(l); };
  line("BEGIN:VEVENT");
  line("UID:" + id + "@" + host_of(ctx.base_url()));
  const CommitTimes t = commit_times(model, "meeting:" + m.id);
  line("DTSTAMP:" + (t.last != 0 ? compact_utc(t.last) : compact_date(m.date) + "T000000Z"));
  if (t.last != 0) line("LAST-MODIFIED:" + compact_utc(t.last));
  if (t.first != 0) line("CREATED:" + compact_utc(t.first));
  const std::string tz = london ? ";TZID=Europe/London" : "";
  if (m.start) {
    line("DTSTART" + tz + ":" + compact_local(m.date, *m.start));
    if (m.end && *m.end > *m.start) line("DTEND" + tz + ":" + compact_local(m.date, *m.end));
  } else {
    line("DTSTART;VALUE=DATE:" + compact_date(m.date));
    line("DTEND;VALUE=DATE:" + compact_date(Date::from_days_since_epoch(m.date.days_since_epoch() + 1)));
  }
  std::string summary = name;
  if (m.kind == "extraordinary") summary += " (extraordinary meeting)";
  if (m.status == MeetingStatus::cancelled) summary += " – cancelled";
  if (m.status == MeetingStatus::postponed) summary += " – postponed";
  line("SUMMARY:" + ics_escape(summary));
  if (!m.venue.empty()) line("LOCATION:" + ics_escape(m.venue));
  std::string description = "Meeting of the " + name + ", " + m.date.words() + ".";
  if (!m.status_note.empty()) description += "\n" + m.status_note;
  if (!m.agenda.empty()) {
    description += "\n\nAgenda:";
    for (const auto& item : m.agenda) description += "\n" + item.number + ". " + item.title;
  }
  const std::string url = absolute_url(ctx, url_encode_path(page_path("meeting:" + m.id)));
  description += "\n\n" + url;
  line("DESCRIPTION:" + ics_escape(description));
  line("URL:" + url);
  if (m.status == MeetingStatus::cancelled || m.status == MeetingStatus::postponed) {
    line("STATUS:CANCELLED");
  } else {
    line("STATUS:CONFIRMED");
  }
  line("TRANSP:OPAQUE");
  line("END:VEVENT");
  return out;
}

std::string calendar(const PageContext& ctx, const std::string& name, const std::vector<const Meeting*>& meetings) {
  const bool london = ctx.model().site.timezone == "Europe/London";
  std::string out;
  out += ics_fold("BEGIN:VCALENDAR");
  out += ics_fold("VERSION:2.0");
  out += ics_fold("PRODID:-//Quorum//Committee papers//EN");
  out += ics_fold("CALSCALE:GREGORIAN");
  out += ics_fold("METHOD:PUBLISH");
  out += ics_fold("X-WR-CALNAME:" + ics_escape(name));
  if (london) {
    out += ics_fold("X-WR-TIMEZONE:Europe/London");
    out += kLondon;
  }
  for (const Meeting* m : meetings) out += vevent(ctx, *m, london);
  out += ics_fold("END:VCALENDAR");
  return out;
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      out += "\\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      // control characters cannot appear in a content line
    } else {
      out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t pos = 0;
  std::size_t limit = 75;  // octets on the first line; continuation lines start with a space
  while (line.size() - pos > limit) {
    std::size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + limit;  // not UTF-8 at all: cut where the octets run out
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    limit = 74;
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

std::string london_utc_offset(const Date& day, const TimeOfDay& time) {
  const long long local = static_cast<long long>(day.days_since_epoch()) * 86400 + time.hour * 3600 + time.minute * 60;
  const long long utc_if_bst = local - 3600;
  const bool bst = utc_if_bst >= last_sunday_0100_utc(day.year, 3) && utc_if_bst < last_sunday_0100_utc(day.year, 10);
  return bst ? "+01:00" : "+00:00";
}

std::map<std::string, std::string> calendars(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  std::map<std::string, std::string> out;
  std::vector<const Meeting*> all;
  for (const auto& [id, m] : model.meetings) all.push_back(&m);
  // Oldest first, by date then id: stable whatever the map order.
  std::stable_sort(all.begin(), all.end(), [](const Meeting* a, const Meeting* b) {
    return a->date != b->date ? a->date < b->date : a->id < b->id;
  });
  out["meetings.ics"] = calendar(ctx, "Meetings – " + model.site.title, all);
  for (const auto& [id, c] : model.committees) {
    std::vector<const Meeting*> mine;
    for (const Meeting* m : all) {
      if (m->committee == id) mine.push_back(m);
    }
    out[page_path("committee:" + id) + "meetings.ics"] = calendar(ctx, c.name + " – meetings", mine);
  }
  return out;
}

}  // namespace quorum
