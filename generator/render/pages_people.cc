#include <algorithm>
#include <map>

#include "render/labels.h"
#include "render/pages.h"

namespace quorum {
namespace {

bool named(const PersonRef& ref, const std::string& id) { return ref.person == id; }

bool in_list(const std::vector<Attendee>& list, const std::string& id) {
  return std::any_of(list.begin(), list.end(), [&](const Attendee& a) { return named(a.who, id); });
}

// How many of a committee's held meetings (`held`: their dates, oldest first) fell on a day
// the person was a member: each membership covers a run of the dates, found by binary
// search; a meeting inside two overlapping memberships counts once.
int held_while_member(const Committee& c, const std::string& id, const std::vector<Date>& held) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // [first, last) indexes into held
  for (const auto& m : c.members) {
    if (!named(m.who, id)) continue;
    const auto first = m.from ? std::lower_bound(held.begin(), held.end(), *m.from) : held.begin();
    const auto last = m.to ? std::upper_bound(held.begin(), held.end(), *m.to) : held.end();
    if (first < last) {
      runs.emplace_back(static_cast<std::size_t>(first - held.begin()),
                        static_cast<std::size_t>(last - held.begin()));
    }
  }
  std::sort(runs.begin(), runs.end());
  std::size_t count = 0;
  std::size_t counted_to = 0;  // every index before this one is counted
  for (const auto& [first, last] : runs) {
    const std::size_t from = std::max(first, counted_to);
    if (from < last) {
      count += last - from;
      counted_to = last;
    }
  }
  return static_cast<int>(count);
}

// Per committee (in id order, as model.committees), the held meetings while a member, and
// those attended or sent apologies for. Only the person's own records are read: the
// meetings that name them and the committees that list them.
json attendance_record(const PageContext& ctx, const Person& p) {
  const SiteModel& model = ctx.model();
  const SiteModel::PersonRecords& records = model.records_of(p.id);
  struct Counts {
    int held_while_member = 0;
    int attended = 0;
    int apologies = 0;
  };
  std::map<std::string, Counts> committees;
  for (const auto& mid : records.meetings) {
    const Meeting& m = model.meetings.at(mid);
    if (m.status != MeetingStatus::held || model.committees.count(m.committee) == 0) continue;
    const bool present = in_list(m.attendance.present, p.id) || in_list(m.attendance.in_attendance, p.id);
    const bool sent_apologies = in_list(m.attendance.apologies, p.id);
    if (!present && !sent_apologies) continue;
    Counts& counts = committees[m.committee];
    if (present) ++counts.attended;
    if (sent_apologies) ++counts.apologies;
  }
  for (const auto& cid : records.committees) {
    const auto held = model.held_meeting_dates.find(cid);
    if (held == model.held_meeting_dates.end()) continue;
    committees[cid].held_while_member = held_while_member(model.committees.at(cid), p.id, held->second);
  }
  json out = json::array();
  for (const auto& [cid, n] : committees) {
    if (n.held_while_member == 0 && n.attended == 0 && n.apologies == 0) continue;
    out.push_back({{"committee", ctx.committee(cid)}, {"attended", n.attended}, {"apologies", n.apologies},
                   {"held_while_member", n.held_while_member}});
  }
  return out;
}

}  // namespace

json person_page(const PageContext& ctx, const Person& p) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("person:" + p.id, p.display_name(),
                        json::array({ctx.link("home:", "Home"), ctx.link("list:people", "People")}), "people");
  json positions = json::array();
  for (const auto& pos : p.positions) {
    positions.push_back({{"title", pos.title},
                         {"organisation", pos.organisation.empty() ? json(nullptr) : ctx.organisation(pos.organisation)},
                         {"from", PageContext::date(pos.from)}, {"to", PageContext::date(pos.to)}});
  }
  json current = json::array();
  json past = json::array();
  const SiteModel::PersonRecords& records = model.records_of(p.id);
  for (const auto& cid : records.committees) {
    const Committee& c = model.committees.at(cid);
    for (const auto& m : c.members) {
      if (!named(m.who, p.id)) continue;
      const bool is_current = !c.dissolved && (!m.to || model.build_date <= *m.to);
      json entry = {{"committee", ctx.committee(cid)}, {"role", role_label(m.role)},
                    {"post", m.who.post},
                    {"representing", m.representing.empty() ? json(nullptr) : ctx.organisation(m.representing)},
                    {"from", PageContext::date(m.from)}, {"to", PageContext::date(is_current ? std::nullopt : (m.to ? m.to : c.dissolved))}};
      (is_current ? current : past).push_back(entry);
    }
  }
  json declarations = json::array();
  json reports = json::array();
  // Newest id first: the meetings that name this person, not every meeting.
  for (auto it = records.meetings.rbegin(); it != records.meetings.rend(); ++it) {
    const Meeting& m = model.meetings.at(*it);
    for (const auto& d : m.declarations) {
      if (d.person != p.id) continue;
      const AgendaItem* item = m.item(d.item);
      declarations.push_back({{"meeting", meeting_summary(ctx, m)},
                              {"item", d.item.empty() ? json(nullptr)
                                                      : json{{"number", d.item},
                                                             {"href", ctx.href("meeting:" + m.id + "#item-" + d.item)},
                                                             {"title", item != nullptr ? item->title : ""}}},
                              {"kind", declaration_kind_label(d.kind)}, {"nature", d.nature}, {"action", d.action}});
    }
    for (const auto& [slug, r] : m.reports) {
      if (r.exempt) continue;
      std::string relation;
      const auto has = [&](const std::vector<PersonRef>& refs) {
        return std::any_of(refs.begin(), refs.end(), [&](const PersonRef& ref) { return named(ref, p.id); });
      };
      if (has(r.authors)) relation = "Author";
      else if (has(r.report_of) || has(r.accountable)) relation = "Report of";
      else if (const AgendaItem* item = m.item(r.item); item != nullptr && has(item->presenters)) relation = "Presented";
      if (relation.empty()) continue;
      json entry = ctx.link("report:" + r.id, r.title);
      entry["relation"] = relation;
      entry["meeting"] = meeting_summary(ctx, m);
      reports.push_back(entry);
    }
  }
  json interests = json::array();
  for (const auto& i : p.interests) {
    interests.push_back({{"category", interest_category_label(i.category)},
                         {"description", i.sensitive ? "" : i.description},
                         {"sensitive", i.sensitive},
                         {"registered", PageContext::date(i.registered)},
                         {"removed", PageContext::date(i.removed)}});
  }
  const Position* now = p.current_position();
  page["person"] = {{"name", p.display_name()},
                    {"title", now != nullptr ? ctx.person(p.id)["title"] : json(nullptr)},
                    {"positions", positions},
                    {"memberships", current},
                    {"past_memberships", past},
                    {"attendance", attendance_record(ctx, p)},
                    {"declarations", declarations},
                    {"interests", interests},
                    {"has_register", !p.interests.empty()},
                    {"reports", reports}};
  return page;
}

json people_page(const PageContext& ctx) {
  json page = ctx.frame("list:people", "People", json::array({ctx.link("home:", "Home")}), "people");
  std::vector<const Person*> people;
  for (const auto& [id, p] : ctx.model().people) people.push_back(&p);
  // Sorted by family name: the last word of the name, as a register is read.
  const auto family = [](const Person& p) {
    const auto space = p.name.rfind(' ');
    return (space == std::string::npos ? p.name : p.name.substr(space + 1)) + " " + p.name;
  };
  std::sort(people.begin(), people.end(), [&](const Person* a, const Person* b) { return family(*a) < family(*b); });
  std::map<std::string, json> letters;
  for (const Person* p : people) {
    const std::string key = family(*p).substr(0, 1);
    auto& list = letters[key];
    if (list.is_null()) list = json::array();
    list.push_back(ctx.person(p->id));
  }
  json groups = json::array();
  for (auto& [letter, list] : letters) groups.push_back({{"letter", letter}, {"people", list}});
  page["groups"] = groups;
  page["count"] = people.size();
  return page;
}

json organisation_page(const PageContext& ctx, const Organisation& o) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("organisation:" + o.id, o.name,
                        json::array({ctx.link("home:", "Home"), ctx.link("list:organisations", "Organisations")}),
                        "organisations");
  json people = json::array();
  for (const auto& [pid, p] : model.people) {
    for (const auto& pos : p.positions) {
      if (pos.organisation != o.id) continue;
      json entry = ctx.person(pid);
      entry["position"] = pos.title;
      entry["from"] = PageContext::date(pos.from);
      entry["to"] = PageContext::date(pos.to);
      people.push_back(entry);
    }
  }
  json committees = json::array();
  for (const auto& [cid, c] : model.committees) {
    const bool constituent = std::find(c.organisations.begin(), c.organisations.end(), o.id) != c.organisations.end();
    const bool represented = std::any_of(c.members.begin(), c.members.end(),
                                         [&](const Member& m) { return m.representing == o.id; });
    if (constituent || represented) committees.push_back(ctx.committee(cid));
  }
  json replaces = json::array();
  for (const auto& [oid, other] : model.organisations) {
    if (std::find(other.replaced_by.begin(), other.replaced_by.end(), o.id) != other.replaced_by.end()) {
      replaces.push_back(ctx.organisation(oid));
    }
  }
  page["organisation"] = {{"name", o.name}, {"short_name", o.short_name}, {"kind", organisation_kind_label(o.kind)},
                          {"url", o.url}, {"established", PageContext::date(o.established)},
                          {"dissolved", PageContext::date(o.dissolved)},
                          {"replaced_by", [&] {
                             json list = json::array();
                             for (const auto& r : o.replaced_by) list.push_back(ctx.organisation(r));
                             return list;
                           }()},
                          {"replaces", replaces}, {"people", people}, {"committees", committees}};
  return page;
}

json organisations_page(const PageContext& ctx) {
  json page = ctx.frame("list:organisations", "Organisations", json::array({ctx.link("home:", "Home")}),
                        "organisations");
  json list = json::array();
  for (const auto& [id, o] : ctx.model().organisations) {
    json entry = ctx.organisation(id);
    entry["kind"] = organisation_kind_label(o.kind);
    entry["dissolved"] = PageContext::date(o.dissolved);
    list.push_back(entry);
  }
  std::sort(list.begin(), list.end(), [](const json& a, const json& b) { return a["text"] < b["text"]; });
  page["organisations"] = list;
  return page;
}

}  // namespace quorum
