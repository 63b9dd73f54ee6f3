// iCalendar (RFC 5545) files of meetings: `meetings.ics` for the site and
// `committees/<id>/meetings.ics` per committee. Local times with a VTIMEZONE for
// Europe/London, stable UIDs, cancelled meetings kept with STATUS:CANCELLED, and DTSTAMP
// from git (or the meeting's date), never the clock.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "render/page_context.h"

namespace quorum {

// TEXT value escaping: backslash, semicolon, comma, and newlines as "\n".
std::string ics_escape(std::string_view text);

// One content line folded at 75 octets (never inside a UTF-8 sequence), every line ending CRLF.
std::string ics_fold(std::string_view line);

// Site path -> bytes of every calendar.
std::map<std::string, std::string> calendars(const PageContext& ctx);

// The UTC offset ("+01:00" or "+00:00") of a local time in Europe/London.
std::string london_utc_offset(const Date& day, const TimeOfDay& time);

}  // namespace quorum
