#include "render/feeds.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "model/urls.h"
#include "parse/markdown.h"
#include "render/pages.h"
#include "support/text.h"

namespace quorum {
namespace {

// Feed readers fetch a feed every few minutes or hours, so a feed carries only the newest
// entries (an archive of 10,000 meetings made a 34 MB feed.xml); the whole archive is on the
// site itself.
constexpr std::size_t kFeedEntries = 100;

struct Entry {
  Key key;
  std::string committee;  // "" for documents
  std::string title;
  std::string summary;    // when there is no body
  const Body* body = nullptr;  // the summary is made from its text, only if the entry is in a feed
  long long published = 0;
  long long updated = 0;
};

long long midnight_utc(const Date& d) { return static_cast<long long>(d.days_since_epoch()) * 86400; }

std::string meeting_name(const SiteModel& model, const Meeting& m) {
  const Committee* c = model.committee_of(m);
  return (c != nullptr ? c->name : m.committee) + ", " + m.date.words();
}

Entry entry(const SiteModel& model, const Key& key, std::string committee, std::string title,
            std::string summary, const Body* body, const std::optional<Date>& fallback) {
  Entry e{key, std::move(committee), std::move(title), std::move(summary), body, 0, 0};
  const CommitTimes t = commit_times(model, key);
  e.published = t.first;
  e.updated = t.last;
  if (t.last == 0 && fallback) e.published = e.updated = midnight_utc(*fallback);
  return e;
}

std::string summary_of(const std::string& plain, std::size_t limit = 300) {
  std::string text = trim(plain);
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (text.size() <= limit) return text;
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) cut = limit;
  // never cut inside a UTF-8 sequence
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::vector<Entry> all_entries(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  std::vector<Entry> out;
  for (const auto& [id, m] : model.meetings) {
    const std::string name = meeting_name(model, m);
    if (!m.agenda.empty()) {
      std::string items;
      for (const auto& item : m.agenda) items += (items.empty() ? "" : "; ") + item.number + ". " + item.title;
      std::string status = m.status == MeetingStatus::cancelled ? "Cancelled. " : m.status == MeetingStatus::postponed ? "Postponed. " : "";
      out.push_back(entry(model, "meeting:" + id, m.committee, "Agenda: " + name,
                          summary_of(status + items), nullptr, m.agenda_published ? m.agenda_published : m.date));
    }
    if (minutes_published(ctx, m)) {
      std::string title = "Minutes: " + name;
      if (m.minutes->status == PaperStatus::draft) title += " (draft)";
      out.push_back(entry(model, "minutes:" + id, m.committee, title, "", &m.minutes->body, m.date));
    }
    for (const auto& [slug, r] : m.reports) {
      if (r.exempt) continue;
      out.push_back(entry(model, "report:" + r.id, m.committee, "Report: " + r.title + " (" + name + ")",
                          "", &r.body, m.agenda_published ? m.agenda_published : m.date));
    }
  }
  for (const auto& [id, d] : model.documents) {
    out.push_back(entry(model, "document:" + id, "", "Document: " + d.title, "", &d.body, std::nullopt));
  }
  // Newest first; ties by key, so the order never depends on anything but the content.
  std::stable_sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return a.updated != b.updated ? a.updated > b.updated : a.key < b.key;
  });
  return out;
}

std::string render_feed(const PageContext& ctx, const std::string& path, const std::string& title,
                        const std::string& page_href, const std::vector<const Entry*>& entries,
                        long long fallback_updated) {
  const SiteModel& model = ctx.model();
  long long updated = entries.empty() ? fallback_updated : 0;
  for (const Entry* e : entries) updated = std::max(updated, e->updated);
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"";
  x += " xml:lang=\"" + xml_escape(model.site.language) + "\">\n";
  x += "  <id>" + xml_escape(absolute_url(ctx, path)) + "</id>\n";
  x += "  <title>" + xml_escape(title) + "</title>\n";
  x += "  <updated>" + rfc3339_utc(updated) + "</updated>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(absolute_url(ctx, path)) + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(page_href) + "\"/>\n";
  std::string author = model.site.title;
  if (const auto o = model.organisations.find(model.site.organisation); o != model.organisations.end()) {
    author = o->second.name;
  }
  x += "  <author><name>" + xml_escape(author) + "</name>";
  if (!model.site.contact_email.empty()) x += "<email>" + xml_escape(model.site.contact_email) + "</email>";
  x += "</author>\n";
  x += "  <generator>Quorum</generator>\n";
  for (const Entry* e : entries) {
    const std::string url = absolute_url(ctx, url_encode_path(page_path(e->key)));
    x += "  <entry>\n";
    x += "    <id>" + xml_escape(url) + "</id>\n";
    x += "    <title>" + xml_escape(e->title) + "</title>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(url) + "\"/>\n";
    x += "    <published>" + rfc3339_utc(e->published) + "</published>\n";
    x += "    <updated>" + rfc3339_utc(e->updated) + "</updated>\n";
    if (!e->committee.empty()) {
      const auto c = model.committees.find(e->committee);
      x += "    <category term=\"" + xml_escape(e->committee) + "\" label=\"" +
           xml_escape(c != model.committees.end() ? c->second.name : e->committee) + "\"/>\n";
    }
    const std::string summary = e->body != nullptr ? summary_of(markdown_plain_text(model.body_text(*e->body))) : e->summary;
    if (!summary.empty()) x += "    <summary>" + xml_escape(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace

CommitTimes commit_times(const SiteModel& model, const Key& key) {
  CommitTimes t;
  for (const auto& path : model.source_paths(key)) {
    for (const auto& c : model.history.of(path)) {
      if (t.first == 0 || c.time < t.first) t.first = c.time;
      t.last = std::max(t.last, c.time);
    }
  }
  return t;
}

std::string rfc3339_utc(long long seconds) {
  long days = static_cast<long>(seconds / 86400);
  long long rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const Date d = Date::from_days_since_epoch(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.iso().c_str(), static_cast<int>(rest / 3600),
                static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
  return buf;
}

std::string absolute_url(const PageContext& ctx, const std::string& site_path) {
  return ctx.base_url() + site_path;
}

std::map<std::string, std::string> atom_feeds(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  const std::vector<Entry> entries = all_entries(ctx);
  std::map<std::string, std::string> out;
  std::vector<const Entry*> all;
  for (const auto& e : entries) {
    if (all.size() < kFeedEntries) all.push_back(&e);
  }
  out["feed.xml"] = render_feed(ctx, "feed.xml", model.site.title, ctx.base_url(), all, 0);
  for (const auto& [id, c] : model.committees) {
    std::vector<const Entry*> mine;
    for (const auto& e : entries) {
      if (e.committee == id && mine.size() < kFeedEntries) mine.push_back(&e);
    }
    const std::string path = page_path("committee:" + id) + "feed.xml";
    out[path] = render_feed(ctx, path, c.name + " – " + model.site.title,
                            absolute_url(ctx, url_encode_path(page_path("committee:" + id))), mine,
                            commit_times(model, "committee:" + id).last);
  }
  return out;
}

json page_feeds(const PageContext& ctx, const Key& self) {
  json out = json::array({{{"href", ctx.base_path() + "feed.xml"},
                           {"title", "New papers: " + ctx.model().site.title}}});
  const auto colon = self.find(':');
  const std::string kind = self.substr(0, colon);
  std::string committee;
  if (kind == "committee" || kind == "terms") {
    committee = self.substr(colon + 1);
  } else if (kind == "meeting" || kind == "minutes" || kind == "report") {
    committee = self.substr(colon + 1, self.find('/') - colon - 1);
  }
  if (const auto c = ctx.model().committees.find(committee); c != ctx.model().committees.end()) {
    out.push_back({{"href", ctx.base_path() + url_encode_path(page_path("committee:" + committee)) + "feed.xml"},
                   {"title", "New papers: " + c->second.name}});
  }
  return out;
}

}  // namespace quorum
