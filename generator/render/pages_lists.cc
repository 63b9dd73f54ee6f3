#include <algorithm>
#include <map>

#include "model/urls.h"
#include "render/labels.h"
#include "render/pages.h"
#include "support/text.h"

namespace quorum {
namespace {

json home_trail() { return json::array(); }

json document_summary(const PageContext& ctx, const Document& d) {
  json out = ctx.link("document:" + d.id, d.title);
  out["kind"] = document_kind_label(d.kind);
  out["status"] = status_label(d.status);
  out["superseded"] = d.status == PaperStatus::superseded;
  out["draft"] = d.status == PaperStatus::draft;
  out["period"] = d.period;
  return out;
}

std::vector<const Meeting*> meetings_by_date(const SiteModel& model, bool newest_first) {
  std::vector<const Meeting*> out;
  for (const auto& [id, m] : model.meetings) out.push_back(&m);
  std::stable_sort(out.begin(), out.end(), [&](const Meeting* a, const Meeting* b) {
    if (a->date != b->date) return newest_first ? b->date < a->date : a->date < b->date;
    return a->id < b->id;
  });
  return out;
}

bool upcoming(const SiteModel& model, const Meeting& m) {
  return (m.status == MeetingStatus::scheduled || m.status == MeetingStatus::postponed) && model.build_date <= m.date;
}

}  // namespace

json home_page(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("home:", model.site.title, home_trail(), "home");
  json next = json::array();
  for (const Meeting* m : meetings_by_date(model, false)) {
    if (upcoming(model, *m) && next.size() < 6) next.push_back(meeting_summary(ctx, *m));
  }
  // Latest papers: the newest published minutes and reports, then documents.
  json papers = json::array();
  for (const Meeting* m : meetings_by_date(model, true)) {
    if (papers.size() >= 8) break;
    for (const auto& [slug, r] : m->reports) {
      if (r.exempt || papers.size() >= 8) continue;
      json l = ctx.link("report:" + r.id, r.title);
      l["type"] = "Report";
      l["meeting"] = meeting_summary(ctx, *m);
      papers.push_back(l);
    }
    if (minutes_published(ctx, *m) && papers.size() < 8) {
      json l = ctx.link("minutes:" + m->id, "Minutes of " + m->date.short_words());
      l["type"] = m->minutes->status == PaperStatus::draft ? "Draft minutes" : "Minutes";
      l["meeting"] = meeting_summary(ctx, *m);
      papers.push_back(l);
    }
  }
  json docs = json::array();
  for (const auto& [id, d] : model.documents) docs.push_back(document_summary(ctx, d));
  page["home"] = {
      {"organisation",
       model.site.organisation.empty() ? json(nullptr) : ctx.organisation(model.site.organisation)},
      {"upcoming", next},
      {"papers", papers},
      {"documents", docs},
      {"tree", committee_tree(ctx)}};
  return page;
}

namespace {

// A decades-long archive lists thousands of meetings: /meetings/ shows those coming up and
// the newest past ones, and links a page a year, as the decisions register does.
constexpr std::size_t kNewestMeetings = 100;

// Each year of `by_year` (newest first) with how many it holds and a link to its page,
// `key_of(year)`; `current` marks the page's own. For the meetings and decisions by year.
template <typename ByYear>
json year_links(const PageContext& ctx, const ByYear& by_year, Key (*key_of)(int), int current) {
  json years = json::array();
  for (const auto& [year, entries] : by_year) {
    years.push_back({{"year", year},
                     {"href", ctx.href(key_of(year))},
                     {"count", entries.size()},
                     {"current", year == current}});
  }
  return years;
}

json meeting_year_links(const PageContext& ctx, int current) {
  return year_links(ctx, ctx.model().meetings_by_year, meetings_year_key, current);
}

}  // namespace

Key meetings_year_key(int year) { return "list:meetings/" + std::to_string(year); }

json meetings_page(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("list:meetings", "Meetings", json::array({ctx.link("home:", "Home")}), "meetings");
  json next = json::array();
  for (const Meeting* m : meetings_by_date(model, false)) {
    if (upcoming(model, *m)) next.push_back(meeting_summary(ctx, *m));
  }
  // The newest past meetings, under their years.
  json groups = json::array();
  std::size_t shown = 0;
  std::size_t past = 0;
  for (const auto& [year, ids] : model.meetings_by_year) {
    json list = json::array();
    for (const auto& id : ids) {
      const Meeting& m = model.meetings.at(id);
      if (upcoming(model, m)) continue;
      ++past;
      if (shown < kNewestMeetings) {
        list.push_back(meeting_summary(ctx, m));
        ++shown;
      }
    }
    if (!list.empty()) groups.push_back({{"year", year}, {"meetings", list}});
  }
  page["upcoming"] = next;
  page["years"] = groups;
  page["shown"] = shown;
  page["more"] = past > shown;
  page["year_links"] = meeting_year_links(ctx, 0);
  return page;
}

json meetings_year_page(const PageContext& ctx, int year) {
  const SiteModel& model = ctx.model();
  const std::string y = std::to_string(year);
  json page =
      ctx.frame(meetings_year_key(year), "Meetings in " + y,
                json::array({ctx.link("home:", "Home"), ctx.link("list:meetings", "Meetings")}), "meetings");
  json list = json::array();
  if (const auto it = model.meetings_by_year.find(year); it != model.meetings_by_year.end()) {
    for (const auto& id : it->second) list.push_back(meeting_summary(ctx, model.meetings.at(id)));
  }
  page["meetings"] = list;
  page["year"] = y;
  page["year_links"] = meeting_year_links(ctx, year);
  return page;
}

namespace {

// The register of a decades-long archive runs to tens of megabytes on one page, too much
// for a phone on a slow connection: /decisions/ shows the newest and links a page a year.
constexpr std::size_t kNewestDecisions = 100;

json decision_entry(const PageContext& ctx, const Decision& d, const Meeting& m) {
  const AgendaItem* item = m.item(d.item);
  return {{"meeting", meeting_summary(ctx, m)},
          {"item", item == nullptr ? json(nullptr)
                                   : json{{"number", item->number},
                                          {"title", item->title},
                                          {"href", ctx.href("meeting:" + m.id + "#item-" + item->number)}}},
          {"href", ctx.href("minutes:" + m.id + "#" + d.anchor)},
          {"text", d.text}};
}

json decision_year_links(const PageContext& ctx, int current) {
  return year_links(ctx, ctx.model().decisions_by_year, decisions_year_key, current);
}

}  // namespace

Key decisions_year_key(int year) { return "list:decisions/" + std::to_string(year); }

json decisions_page(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("list:decisions", "Decisions", json::array({ctx.link("home:", "Home")}), "decisions");
  json list = json::array();
  for (const auto& d : model.decisions) {
    if (list.size() == kNewestDecisions) break;
    if (const Meeting* m = model.meeting(d.meeting)) list.push_back(decision_entry(ctx, d, *m));
  }
  page["decisions"] = list;
  page["shown"] = list.size();
  page["more"] = model.decisions.size() > list.size();
  page["years"] = decision_year_links(ctx, 0);
  return page;
}

json decisions_year_page(const PageContext& ctx, int year) {
  const SiteModel& model = ctx.model();
  const std::string y = std::to_string(year);
  json page = ctx.frame(decisions_year_key(year), "Decisions in " + y,
                        json::array({ctx.link("home:", "Home"), ctx.link("list:decisions", "Decisions")}),
                        "decisions");
  json list = json::array();
  if (const auto it = model.decisions_by_year.find(year); it != model.decisions_by_year.end()) {
    for (const std::size_t i : it->second) {
      const Decision& d = model.decisions[i];
      if (const Meeting* m = model.meeting(d.meeting)) list.push_back(decision_entry(ctx, d, *m));
    }
  }
  page["decisions"] = list;
  page["year"] = y;
  page["years"] = decision_year_links(ctx, year);
  return page;
}

json documents_page(const PageContext& ctx) {
  json page = ctx.frame("list:documents", "Documents", json::array({ctx.link("home:", "Home")}), "documents");
  json list = json::array();
  for (const auto& [id, d] : ctx.model().documents) list.push_back(document_summary(ctx, d));
  std::sort(list.begin(), list.end(), [](const json& a, const json& b) { return a["text"] < b["text"]; });
  page["documents"] = list;
  return page;
}

json document_page(const PageContext& ctx, const Document& d) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("document:" + d.id, d.title,
                        json::array({ctx.link("home:", "Home"), ctx.link("list:documents", "Documents")}),
                        "documents");
  json contents = json::array();
  for (const auto& h : d.body.outline.headings) {
    if (h.level == 2) contents.push_back({{"href", "#" + h.id}, {"text", h.text}});
  }
  json attachments = json::array();
  for (const auto& a : d.attachments) {
    if (model.published_files.count(a.file) == 0) continue;
    attachments.push_back(attachment_link(ctx, a.file, a.title, 0));
  }
  json superseded_by = nullptr;
  for (const auto& [oid, other] : model.documents) {
    if (other.supersedes == d.id) superseded_by = ctx.link("document:" + oid);
  }
  json topics = json::array();
  for (const auto& t : d.topics) topics.push_back(ctx.link("topic:" + t));
  json out = document_summary(ctx, d);
  out["version"] = d.version;
  out["owner"] = d.owner.empty() ? json(nullptr) : ctx.committee(d.owner);
  out["approved_at"] = d.approved_at.empty() ? json(nullptr) : ctx.link("meeting:" + d.approved_at);
  out["supersedes"] = d.supersedes.empty() ? json(nullptr) : ctx.link("document:" + d.supersedes);
  out["superseded_by"] = superseded_by;
  // A contents list helps once a document is long enough to scroll past its headings.
  out["contents"] = contents.size() >= 3 ? contents : json::array();
  out["attachments"] = attachments;
  out["topics"] = topics;
  out["body"] = ctx.markdown(d.body);
  page["document"] = out;
  return page;
}

json topics_page(const PageContext& ctx) {
  json page = ctx.frame("list:topics", "Topics", json::array({ctx.link("home:", "Home")}), "topics");
  json list = json::array();
  for (const auto& [t, keys] : ctx.model().topics) {
    json l = ctx.link("topic:" + t);
    l["count"] = keys.size();
    list.push_back(l);
  }
  page["topics"] = list;
  return page;
}

json topic_page(const PageContext& ctx, const std::string& topic) {
  const SiteModel& model = ctx.model();
  json page =
      ctx.frame("topic:" + topic, humanize_slug(topic),
                json::array({ctx.link("home:", "Home"), ctx.link("list:topics", "Topics")}), "topics");
  struct Entry {
    Date date;
    json item;
  };
  std::vector<Entry> entries;
  for (const Key& key : model.topics.at(topic)) {
    const std::string kind = key.substr(0, key.find(':'));
    const std::string id = key.substr(key.find(':') + 1);
    if (kind == "meeting") {
      const std::string mid = id.substr(0, id.find('#'));
      const Meeting* m = model.meeting(mid);
      if (m == nullptr) continue;
      const AgendaItem* item = m->item(id.substr(id.find("#item-") + 6));
      json e = ctx.link(key, item != nullptr ? item->number + ". " + item->title : model.title_of(key));
      e["type"] = "Agenda item";
      e["meeting"] = meeting_summary(ctx, *m);
      entries.push_back({m->date, e});
    } else if (kind == "report") {
      const Report* r = model.report(id);
      const Meeting* m = r != nullptr ? model.meeting(r->meeting) : nullptr;
      if (m == nullptr) continue;
      json e = ctx.link(key, r->title);
      e["type"] = "Report";
      e["meeting"] = meeting_summary(ctx, *m);
      entries.push_back({m->date, e});
    } else if (kind == "document") {
      const Document& d = model.documents.at(id);
      const Meeting* approved = model.meeting(d.approved_at);
      json e = ctx.link(key, d.title);
      e["type"] = document_kind_label(d.kind);
      e["meeting"] = approved != nullptr ? meeting_summary(ctx, *approved) : json(nullptr);
      entries.push_back({approved != nullptr ? approved->date : Date{}, e});
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return b.date < a.date; });
  json list = json::array();
  for (auto& e : entries) list.push_back(std::move(e.item));
  page["entries"] = list;
  return page;
}

json not_found_page(const PageContext& ctx) {
  json page = ctx.frame("list:404", "Page not found", json::array({ctx.link("home:", "Home")}), "404");
  return page;
}

}  // namespace quorum
