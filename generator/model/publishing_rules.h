// The statutory deadlines a clerk works to, checked from the git record
// (`quorum check --publishing-rules`): an agenda is published at least five clear working
// days before its meeting (Local Government Act 1972, s.100B), and draft minutes do not
// outlive the committee's next meeting. Both are warnings: the record is still published.
#pragma once

#include <set>

#include "model/site_model.h"
#include "support/date.h"
#include "support/diagnostics.h"

namespace quorum {

// Neither a Saturday, a Sunday nor one of `bank_holidays`.
bool is_working_day(const Date& day, const std::set<Date>& bank_holidays);

// Working days strictly between `published` and `meeting`: a clear day excludes both the day
// of publication and the day of the meeting. 0 when `meeting` is not after `published`.
int clear_working_days(const Date& published, const Date& meeting, const std::set<Date>& bank_holidays);

constexpr int kAgendaClearWorkingDays = 5;

// The day a meeting's agenda was first published: the first commit of its meeting.yaml (in
// the site's time zone), or else its `agenda_published` field; nullopt when neither is known.
std::optional<Date> agenda_first_published(const SiteModel& model, const Meeting& meeting);

// Warns, at each meeting's file, about a late agenda and about draft minutes whose
// committee has met again since.
void check_publishing_rules(const SiteModel& model, Diagnostics& diags);

}  // namespace quorum
