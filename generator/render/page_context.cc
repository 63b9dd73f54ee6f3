#include "render/page_context.h"

#include <algorithm>
#include <set>

#include "model/references.h"
#include "model/urls.h"
#include "parse/markdown.h"
#include "render/feeds.h"
#include "render/site_style.h"

namespace quorum {

PageContext::PageContext(const SiteModel& model, const std::string& base_url)
    : model_(model), base_url_(base_url) {
  if (base_url_.empty() || base_url_.back() != '/') base_url_ += '/';
  // The path part of the address: "https://x.gov.uk/democracy/" -> "/democracy/".
  const auto scheme = base_url_.find("://");
  if (scheme == std::string::npos) {
    base_path_ = base_url_[0] == '/' ? base_url_ : "/" + base_url_;
  } else {
    const auto slash = base_url_.find('/', scheme + 3);
    base_path_ = slash == std::string::npos ? "/" : base_url_.substr(slash);
  }
}

std::string PageContext::href(const Key& key) const {
  const auto hash = key.find('#');
  std::string out = base_path_ + url_encode_path(page_path(key));
  if (hash != std::string::npos) out += "#" + url_encode_path(key.substr(hash + 1));
  return out;
}

std::string PageContext::file_href(const std::string& repository_path) const {
  return base_path_ + url_encode_path(attachment_path(repository_path));
}

json PageContext::link(const Key& key) const { return link(key, model_.title_of(key)); }

json PageContext::link(const Key& key, const std::string& text) const {
  return {{"href", href(key)}, {"text", text}};
}

json PageContext::date(const Date& d) {
  return {{"iso", d.iso()}, {"words", d.words()}, {"short", d.short_words()}, {"year", d.year}};
}

json PageContext::date(const std::optional<Date>& d) { return d ? date(*d) : json(nullptr); }

json PageContext::person(const std::string& id, const std::optional<Date>& on) const {
  PersonRef ref;
  ref.person = id;
  return person(ref, on);
}

json PageContext::person(const PersonRef& ref, const std::optional<Date>& on) const {
  json out = {
      {"text", ref.post}, {"href", nullptr}, {"title", nullptr}, {"post", ref.post}, {"role", ref.role}};
  const auto it = model_.people.find(ref.person);
  if (it == model_.people.end()) return out;
  const Person& p = it->second;
  out["text"] = p.display_name();
  out["href"] = href("person:" + p.id);
  const Position* pos = on ? p.position_on(*on) : p.current_position();
  if (pos != nullptr) {
    std::string title = pos->title;
    if (const auto org = model_.organisations.find(pos->organisation); org != model_.organisations.end()) {
      title += ", " + org->second.name;
    } else if (!pos->organisation.empty()) {
      title += ", " + pos->organisation;
    }
    out["title"] = title;
  }
  if (!ref.post.empty()) out["title"] = ref.post;
  return out;
}

json PageContext::people(const std::vector<PersonRef>& refs, const std::optional<Date>& on) const {
  json out = json::array();
  for (const auto& r : refs) out.push_back(person(r, on));
  return out;
}

json PageContext::organisation(const std::string& id) const {
  const auto it = model_.organisations.find(id);
  if (it == model_.organisations.end()) return {{"text", id}, {"href", nullptr}};
  return link("organisation:" + id, it->second.name);
}

json PageContext::committee(const std::string& id) const {
  const auto it = model_.committees.find(id);
  if (it == model_.committees.end()) return {{"text", id}, {"href", nullptr}};
  return link("committee:" + id, it->second.name);
}

std::string PageContext::markdown(const Body& body, bool mark_decisions) const {
  MarkdownRenderOptions options;
  options.mark_decisions = mark_decisions;
  return markdown(body, options);
}

std::string PageContext::markdown(const Body& body, const MarkdownRenderOptions& options) const {
  return render_markdown(model_.body_text(body), options, [&](const std::string& url) -> LinkTarget {
    const ResolvedLink r = resolve_link(model_, body.path, url);
    switch (r.kind) {
      case ResolvedLink::Kind::page:
        return {true, href(r.key)};
      case ResolvedLink::Kind::file:
        if (model_.published_files.count(r.file) != 0) return {true, file_href(r.file)};
        return {false, {}};
      case ResolvedLink::Kind::external:
      case ResolvedLink::Kind::fragment:
        return {true, r.url};
      default:
        return {false, {}};
    }
  });
}

json PageContext::committee_trail(const std::string& committee_id) const {
  std::vector<std::string> chain;
  std::set<std::string> seen;
  for (std::string id = committee_id; !id.empty() && seen.insert(id).second;) {
    const auto it = model_.committees.find(id);
    if (it == model_.committees.end()) break;
    chain.push_back(id);
    id = it->second.reports_to.empty() ? std::string() : it->second.reports_to.front();
  }
  json trail = json::array({link("home:", "Home"), link("list:committees", "Committees")});
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) trail.push_back(committee(*it));
  return trail;
}

const Change* PageContext::latest_change(const Key& key) const {
  // The same commit history() puts first: the newest, the first seen among equals.
  const Change* latest = nullptr;
  for (const auto& path : model_.source_paths(key)) {
    for (const auto& c : model_.history.of(path)) {
      if (latest == nullptr || c.time > latest->time) latest = &c;
    }
  }
  return latest;
}

bool history_message_shown(const SiteModel& model, const Change& change) {
  return model.site.history_messages == "show" && !model.touches_withheld(change.commit);
}

std::string history_summary(const SiteModel& model, const Change& change) {
  if (history_message_shown(model, change)) return change.summary;
  // With every message hidden, a withheld commit looks like any other.
  if (model.site.history_messages == "hide") return change.kind == "added" ? "Published" : "Updated";
  return "Updated (details withheld)";
}

json PageContext::history(const Key& key) const {
  std::vector<const Change*> changes;
  std::set<std::string> seen;
  for (const auto& path : model_.source_paths(key)) {
    for (const auto& c : model_.history.of(path)) {
      if (seen.insert(c.commit).second) changes.push_back(&c);
    }
  }
  if (changes.empty()) return nullptr;
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change* a, const Change* b) { return b->time < a->time; });
  const auto& tz = model_.site.timezone;
  json list = json::array();
  for (const Change* c : changes) {
    list.push_back({{"date", date(Date::from_unix_time(c->time, tz))},
                    {"summary", history_summary(model_, *c)},
                    {"message_shown", history_message_shown(model_, *c)},
                    {"commit", c->commit.substr(0, 10)},
                    {"kind", c->kind}});
  }
  return {{"first_published", date(Date::from_unix_time(changes.back()->time, tz))},
          {"last_updated", date(Date::from_unix_time(changes.front()->time, tz))},
          {"changed", changes.size() > 1},
          {"latest", list.front()},
          {"changes", list}};
}

json PageContext::frame(const Key& self, const std::string& title, json breadcrumbs,
                        const std::string& kind) const {
  const Site& s = model_.site;
  json page = {{"title", title},
               {"kind", kind},
               {"href", href(self)},
               {"is_home", self == "home:"},
               {"canonical", base_url_.substr(0, base_url_.size() - base_path_.size()) + href(self)},
               {"breadcrumbs", std::move(breadcrumbs)}};
  json backlinks = json::array();
  if (const auto it = model_.backlinks.find(self); it != model_.backlinks.end()) {
    std::vector<std::pair<std::string, json>> items;
    std::set<std::string> seen;
    for (const auto& b : it->second) {
      const std::string from = b.from.substr(0, b.from.find('#'));
      if (from == self || !model_.exists(b.from) || from.rfind("file:", 0) == 0) continue;
      if (!seen.insert(from).second) continue;
      items.emplace_back(model_.title_of(from), link(from));
    }
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [t, l] : items) backlinks.push_back(std::move(l));
  }
  page["backlinks"] = std::move(backlinks);
  page["history"] = history(self);
  page["feeds"] = page_feeds(*this, self);  // <link rel="alternate"> to the Atom feeds
  json nav = json::array();
  for (const auto& [key, text] :
       std::vector<std::pair<std::string, std::string>>{{"home:", "Home"},
                                                        {"list:committees", "Committees"},
                                                        {"list:meetings", "Meetings"},
                                                        {"list:decisions", "Decisions"},
                                                        {"list:people", "People"},
                                                        {"list:organisations", "Organisations"},
                                                        {"list:documents", "Documents"},
                                                        {"list:topics", "Topics"},
                                                        {"list:search", "Search"}}) {
    json item = link(key, text);
    item["current"] = (key == self) || (key != "home:" && kind == key.substr(5));
    item["current_page"] = key == self;  // aria-current="page"; a page inside the section gets "true"
    nav.push_back(std::move(item));
  }
  // The footer's commit line. A page made from files of its own names the commit that last
  // changed them ("Last changed in commit ..."), so it stays the same, and is not rewritten,
  // when other files change; the rest (lists, home) name the commit built.
  const Revision& rev = model_.revision;
  std::string commit = rev.commit;
  long long commit_time = rev.commit_time;
  const Change* own = latest_change(self);
  if (own != nullptr) {
    commit = own->commit;
    commit_time = own->time;
  }
  json build = {
      {"commit", commit},
      {"short_commit", commit.substr(0, 10)},
      {"date", commit_time != 0 ? date(Date::from_days_since_epoch(static_cast<long>(commit_time / 86400)))
                                : json(nullptr)},
      {"page", own != nullptr},
      {"source_url", nullptr}};
  if (!s.source_url.empty() && !commit.empty()) {
    std::string url = s.source_url;
    if (const auto at = url.find("{commit}"); at != std::string::npos) url.replace(at, 8, commit);
    build["source_url"] = url;
  }
  json organisation = s.organisation.empty() ? json(nullptr) : this->organisation(s.organisation);
  return {
      {"site",
       {{"title", s.title},
        {"language", s.language},
        {"base", base_path_},
        {"home", href("home:")},
        {"contact_email", s.contact_email},
        {"organisation", organisation},
        {"assets", base_path_ + "assets/"},
        // site.yaml theme_options: a <style> of validated colours, and the logo
        {"theme_style", theme_style(s.theme_options)},
        {"logo", s.theme_options.logo.empty() ? json(nullptr)
                                              : json{{"src", base_path_ + logo_site_path(s.theme_options)},
                                                     {"alt", s.theme_options.logo_alt}}},
        {"accessibility", href("list:accessibility")},
        {"data", href("list:data")},
        {"forward_plan", href("list:forward-plan")},
        {"feed", base_path_ + "feed.xml"},
        {"calendar", base_path_ + "meetings.ics"}}},
      {"page", std::move(page)},
      {"nav", std::move(nav)},
      {"build", std::move(build)}};
}

}  // namespace quorum
