// What the record implies but nobody writes down: each committee's meetings in order,
// topic histories, the decisions register, and the day the build treats as "today"; and the
// indexes pages use to find their own records (see SiteModel::person_records).
#include <algorithm>

#include "model/loader.h"
#include "support/text.h"

namespace quorum {

const SiteModel::PersonRecords& SiteModel::records_of(const std::string& person) const {
  static const PersonRecords kNone;
  const auto it = person_records.find(person);
  return it == person_records.end() ? kNone : it->second;
}

}  // namespace quorum

namespace quorum::loader {
namespace {

// Adds `id` unless it is already the last entry: callers visit in order, so each appears once.
void add_once(std::vector<std::string>& list, const std::string& id) {
  if (list.empty() || list.back() != id) list.push_back(id);
}

// Everyone a meeting's record names, for SiteModel::person_records.
void index_people(SiteModel& model, const std::string& mid, const Meeting& m) {
  const auto add = [&](const std::string& person) {
    if (!person.empty()) add_once(model.person_records[person].meetings, mid);
  };
  for (const auto* list :
       {&m.attendance.present, &m.attendance.apologies, &m.attendance.in_attendance, &m.attendance.absent}) {
    for (const auto& a : *list) add(a.who.person);
  }
  for (const auto& d : m.declarations) add(d.person);
  for (const auto& item : m.agenda) {
    for (const auto& ref : item.presenters) add(ref.person);
  }
  for (const auto& [slug, r] : m.reports) {
    for (const auto* refs : {&r.authors, &r.report_of, &r.accountable}) {
      for (const auto& ref : *refs) add(ref.person);
    }
  }
}

void add_topics(Context& ctx, const std::vector<std::string>& topics, const Key& key, const SourcePos& pos) {
  for (const auto& t : topics) {
    if (!is_slug(t)) {
      ctx.diags.error(pos, "the topic '" + t +
                               "' is not a slug: use lower-case letters, digits and "
                               "hyphens, such as '" +
                               slugify(t) + "'");
      continue;
    }
    ctx.model.topics[t].insert(key);
  }
}

}  // namespace

void derive(Context& ctx) {
  SiteModel& model = ctx.model;
  for (const auto& [mid, m] : model.meetings) {
    if (auto it = model.committees.find(m.committee); it != model.committees.end()) {
      it->second.meetings.push_back(mid);
    }
    for (const auto& item : m.agenda) {
      if (!item.exempt()) add_topics(ctx, item.topics, "meeting:" + mid + "#item-" + item.number, item.pos);
    }
    for (const auto& [slug, r] : m.reports) {
      if (!r.exempt) add_topics(ctx, r.topics, "report:" + r.id, r.pos);
    }
    if (m.minutes && !(m.minutes->status == PaperStatus::draft && model.site.draft_minutes == "hide")) {
      for (const auto& d : m.minutes->body.outline.decisions) {
        model.decisions.push_back({mid, d.item, d.id, d.text});
      }
    }
    if (m.status == MeetingStatus::held) {
      // Later meetings overwrite earlier ones: the last in id order wins.
      for (const auto& item : m.agenda) {
        if (!item.minutes_of.empty()) model.minutes_approved_by[item.minutes_of] = mid;
      }
    }
    index_people(model, mid, m);
  }
  for (auto& [cid, c] : model.committees) {
    std::sort(c.meetings.begin(), c.meetings.end(), [&](const std::string& a, const std::string& b) {
      const Meeting& ma = model.meetings.at(a);
      const Meeting& mb = model.meetings.at(b);
      return std::tie(ma.date, ma.slug) < std::tie(mb.date, mb.slug);
    });
    auto& held = model.held_meeting_dates[cid];
    for (const auto& mid : c.meetings) {
      if (const Meeting& m = model.meetings.at(mid); m.status == MeetingStatus::held) held.push_back(m.date);
    }
    for (const auto& member : c.members) {
      if (!member.who.person.empty()) add_once(model.person_records[member.who.person].committees, cid);
    }
  }
  for (const auto& [did, d] : model.documents) add_topics(ctx, d.topics, "document:" + did, d.pos);
  std::stable_sort(model.decisions.begin(), model.decisions.end(), [&](const Decision& a, const Decision& b) {
    const Meeting& ma = model.meetings.at(a.meeting);
    const Meeting& mb = model.meetings.at(b.meeting);
    if (ma.date != mb.date) return mb.date < ma.date;
    return a.meeting < b.meeting;
  });
  for (const auto& [mid, m] : model.meetings) model.meetings_by_year[m.date.year].push_back(mid);
  for (auto& [year, ids] : model.meetings_by_year) {
    std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
      const Date& da = model.meetings.at(a).date;
      const Date& db = model.meetings.at(b).date;
      return da != db ? db < da : a < b;
    });
  }
  for (std::size_t i = 0; i < model.decisions.size(); ++i) {
    model.decisions_by_year[model.meetings.at(model.decisions[i].meeting).date.year].push_back(i);
  }
}

}  // namespace quorum::loader
