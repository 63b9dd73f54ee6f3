#include "model/publishing_rules.h"

#include <algorithm>

namespace quorum {
namespace {

// 1970-01-01 was a Thursday; Monday is 0.
int weekday_from_monday(const Date& day) {
  const long days = day.days_since_epoch();
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

// The latest working day an agenda could have been published for `meeting` and still been in time.
Date latest_publication_day(const Date& meeting, const std::set<Date>& bank_holidays) {
  long day = meeting.days_since_epoch() - 1;
  // The last working day, since that is when a clerk can publish.
  while (clear_working_days(Date::from_days_since_epoch(day), meeting, bank_holidays) <
             kAgendaClearWorkingDays ||
         !is_working_day(Date::from_days_since_epoch(day), bank_holidays)) {
    --day;
  }
  return Date::from_days_since_epoch(day);
}

std::string committee_name(const SiteModel& model, const Meeting& m) {
  const Committee* c = model.committee_of(m);
  return c != nullptr && !c->name.empty() ? c->name : m.committee;
}

void check_agenda(const SiteModel& model, const Meeting& m, Diagnostics& diags) {
  if (m.status != MeetingStatus::scheduled && m.status != MeetingStatus::held) return;
  const auto published = agenda_first_published(model, m);
  // A meeting first committed after it took place is the archive being filled in, not a late agenda.
  if (!published || m.date < *published) return;
  const auto& holidays = model.site.bank_holidays;
  const int clear = clear_working_days(*published, m.date, holidays);
  if (clear >= kAgendaClearWorkingDays) return;
  diags.warning(m.pos, "Meeting " + m.id.substr(m.committee.size() + 1) + " of " + committee_name(model, m) +
                           ": the agenda was first published on " + published->words() + ", " +
                           std::to_string(clear) + " clear working day" + (clear == 1 ? "" : "s") +
                           " before the meeting; it must be published at least " +
                           std::to_string(kAgendaClearWorkingDays) +
                           " clear working days before (not counting the day it is published, the day of "
                           "the meeting, weekends and bank holidays), that is by " +
                           latest_publication_day(m.date, holidays).words());
}

void check_draft_minutes(const SiteModel& model, const Meeting& m, Diagnostics& diags) {
  if (!m.minutes || m.minutes->status != PaperStatus::draft) return;
  const Committee* c = model.committee_of(m);
  if (c == nullptr) return;
  bool after = false;
  for (const auto& id : c->meetings) {
    if (id == m.id) {
      after = true;
      continue;
    }
    const Meeting* next = model.meeting(id);
    if (!after || next == nullptr || !(m.date < next->date)) continue;
    if (next->status == MeetingStatus::cancelled || next->status == MeetingStatus::postponed) continue;
    const bool taken_place = next->status == MeetingStatus::held || next->date < model.build_date;
    if (!taken_place) return;
    diags.warning(
        {m.minutes->body.path, 1, 1},
        "Minutes of the meeting of " + committee_name(model, m) + " on " + m.date.short_words() +
            " are still a draft, but the committee has met again since (" + next->date.short_words() +
            "): once they are approved, set 'status: approved' and 'approved_at: " + next->id + "'");
    return;
  }
}

}  // namespace

bool is_working_day(const Date& day, const std::set<Date>& bank_holidays) {
  return weekday_from_monday(day) < 5 && bank_holidays.count(day) == 0;
}

int clear_working_days(const Date& published, const Date& meeting, const std::set<Date>& bank_holidays) {
  int count = 0;
  for (long d = published.days_since_epoch() + 1; d < meeting.days_since_epoch(); ++d) {
    if (is_working_day(Date::from_days_since_epoch(d), bank_holidays)) ++count;
  }
  return count;
}

std::optional<Date> agenda_first_published(const SiteModel& model, const Meeting& meeting) {
  const auto& changes = model.history.of(meeting.pos.path);
  if (!changes.empty()) {
    long long first = changes.front().time;
    for (const auto& c : changes) first = std::min(first, c.time);
    return Date::from_unix_time(first, model.site.timezone);
  }
  return meeting.agenda_published;
}

void check_publishing_rules(const SiteModel& model, Diagnostics& diags) {
  for (const auto& [id, meeting] : model.meetings) {
    check_agenda(model, meeting, diags);
    check_draft_minutes(model, meeting, diags);
  }
}

}  // namespace quorum
