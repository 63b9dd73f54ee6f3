#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "render/labels.h"
#include "render/pages.h"

namespace quorum {
namespace {

bool current_on(const Member& m, const Date& day) {
  return (!m.from || *m.from <= day) && (!m.to || day <= *m.to);
}

json member_json(const PageContext& ctx, const Member& m, const Date& day) {
  json out = ctx.person(m.who, day);
  out["role"] = role_label(m.role);
  out["representing"] = m.representing.empty() ? json(nullptr) : ctx.organisation(m.representing);
  out["from"] = PageContext::date(m.from);
  out["to"] = PageContext::date(m.to);
  out["non_voting"] = m.voting.has_value() && !*m.voting;
  return out;
}

json committee_summary(const PageContext& ctx, const Committee& c) {
  json out = ctx.committee(c.id);
  out["kind"] = committee_kind_label(c.kind);
  out["dissolved"] = PageContext::date(c.dissolved);
  json replaced = json::array();
  for (const auto& r : c.replaced_by) replaced.push_back(ctx.committee(r));
  out["replaced_by"] = replaced;
  json also = json::array();
  for (std::size_t i = 1; i < c.reports_to.size(); ++i) also.push_back(ctx.committee(c.reports_to[i]));
  out["also_reports_to"] = also;
  out["external"] = c.kind == "external";
  return out;
}

}  // namespace

json committee_tree(const PageContext& ctx) {
  const auto& committees = ctx.model().committees;
  std::map<std::string, std::vector<std::string>> children;
  std::vector<std::string> roots;
  for (const auto& [id, c] : committees) {
    const bool has_parent = !c.reports_to.empty() && committees.count(c.reports_to.front()) != 0 &&
                            c.reports_to.front() != id;
    if (has_parent) {
      children[c.reports_to.front()].push_back(id);
    } else {
      roots.push_back(id);
    }
  }
  // Current bodies before dissolved ones, boards first (the top of a council's structure),
  // then by name, so the tree reads from the top down whatever the ids are.
  const auto order = [&](const std::string& a, const std::string& b) {
    const Committee& ca = committees.at(a);
    const Committee& cb = committees.at(b);
    return std::make_tuple(ca.dissolved.has_value(), ca.kind != "board", ca.kind == "external", ca.name) <
           std::make_tuple(cb.dissolved.has_value(), cb.kind != "board", cb.kind == "external", cb.name);
  };
  std::sort(roots.begin(), roots.end(), order);
  for (auto& [parent, kids] : children) std::sort(kids.begin(), kids.end(), order);
  std::set<std::string> drawn;
  std::function<json(const std::string&)> node = [&](const std::string& id) -> json {
    json out = committee_summary(ctx, committees.at(id));
    json kids = json::array();
    if (drawn.insert(id).second) {
      for (const auto& child : children[id]) kids.push_back(node(child));
    }
    out["children"] = kids;
    return out;
  };
  json tree = json::array();
  for (const auto& r : roots) tree.push_back(node(r));
  // A loop of reporting lines has no root: still show every committee once.
  for (const auto& [id, c] : committees) {
    if (drawn.count(id) == 0) tree.push_back(node(id));
  }
  return tree;
}

json committees_page(const PageContext& ctx) {
  json page = ctx.frame("list:committees", "Committees",
                        json::array({ctx.link("home:", "Home")}), "committees");
  page["tree"] = committee_tree(ctx);
  return page;
}

json committee_page(const PageContext& ctx, const Committee& c) {
  const SiteModel& model = ctx.model();
  json trail = ctx.committee_trail(c.id);
  trail.erase(trail.size() - 1);
  json page = ctx.frame("committee:" + c.id, c.name, trail, "committees");
  json out = committee_summary(ctx, c);
  out["short_name"] = c.short_name;
  out["description"] = c.description ? ctx.markdown(*c.description) : "";
  out["established"] = PageContext::date(c.established);
  out["meets"] = c.meets;
  out["contact"] = c.contact;
  const bool is_email = c.contact.find('@') != std::string::npos && c.contact.find(' ') == std::string::npos;
  out["contact_email"] = is_email ? c.contact : "";
  out["external_url"] = c.external_url;
  out["parent"] = c.reports_to.empty() ? json(nullptr) : ctx.committee(c.reports_to.front());
  json replaces = json::array();
  for (const auto& r : c.replaces) replaces.push_back(ctx.committee(r));
  out["replaces"] = replaces;
  json orgs = json::array();
  for (const auto& o : c.organisations) orgs.push_back(ctx.organisation(o));
  out["organisations"] = orgs;

  json subs = json::array();
  for (const auto& [id, other] : model.committees) {
    const auto it = std::find(other.reports_to.begin(), other.reports_to.end(), c.id);
    if (it == other.reports_to.end()) continue;
    json s = committee_summary(ctx, other);
    s["secondary"] = it != other.reports_to.begin();
    subs.push_back(s);
  }
  out["reporting_bodies"] = subs;

  // Current members grouped by role, chair first; the day is the build's "today".
  const Date today = model.build_date;
  std::map<int, std::pair<std::string, json>> groups;
  json past = json::array();
  for (const auto& m : c.members) {
    if (current_on(m, today) && !c.dissolved) {
      auto& g = groups[role_rank(m.role)];
      if (g.second.is_null()) g = {role_plural(m.role), json::array()};
      g.second.push_back(member_json(ctx, m, today));
    } else {
      past.push_back(member_json(ctx, m, m.to.value_or(today)));
    }
  }
  json current = json::array();
  for (auto& [rank, g] : groups) current.push_back({{"role", g.first}, {"members", g.second}});
  out["members"] = current;
  out["past_members"] = past;
  out["terms"] = c.terms ? ctx.link("terms:" + c.id, "Terms of reference") : json(nullptr);

  std::map<int, json, std::greater<>> years;
  for (const auto& mid : c.meetings) {
    const Meeting& m = model.meetings.at(mid);
    auto& y = years[m.date.year];
    if (y.is_null()) y = json::array();
    y.push_back(meeting_summary(ctx, m));
  }
  json by_year = json::array();
  for (auto& [year, list] : years) {
    std::reverse(list.begin(), list.end());
    by_year.push_back({{"year", year}, {"meetings", list}});
  }
  out["years"] = by_year;
  page["committee"] = out;
  return page;
}

json terms_page(const PageContext& ctx, const Committee& c) {
  json trail = ctx.committee_trail(c.id);
  json page = ctx.frame("terms:" + c.id, "Terms of reference: " + c.name, trail, "committees");
  const TermsOfReference& t = *c.terms;
  page["terms"] = {{"committee", ctx.committee(c.id)}, {"version", t.version},
                   {"status", status_label(t.status)}, {"draft", t.status == PaperStatus::draft},
                   {"date", PageContext::date(t.date)},
                   {"approved_at", t.approved_at.empty() ? json(nullptr) : ctx.link("meeting:" + t.approved_at)},
                   {"body", ctx.markdown(t.body)}};
  return page;
}

}  // namespace quorum
