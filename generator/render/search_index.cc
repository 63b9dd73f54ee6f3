#include "render/search_index.h"

#include <algorithm>
#include <set>

#include "render/pages.h"
#include "support/text.h"

namespace quorum {
namespace {

// Runs of whitespace become one space: the index stays small and snippets read well.
std::string squeeze(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>>& type_labels() {
  static const std::vector<std::pair<std::string, std::string>> kTypes = {
      {"meeting", "Meeting"},   {"minutes", "Minutes"}, {"report", "Report"},
      {"document", "Document"}, {"committee", "Committee"}, {"person", "Person"},
      {"organisation", "Organisation"}, {"attachment", "Attachment (PDF text)"}};
  return kTypes;
}

json entry(const PageContext& ctx, const std::string& type, const Key& key, const std::string& title,
           const std::string& committee, const std::optional<Date>& date, const std::string& text) {
  return {{"type", type}, {"title", title}, {"committee", committee},
          {"date", date ? date->iso() : std::string()}, {"url", ctx.href(key)}, {"text", squeeze(text)}};
}

}  // namespace

json search_index(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  json pages = json::array();
  for (const auto& [id, c] : model.committees) {
    std::string text = c.short_name + " " + c.meets;
    if (c.description) text += " " + c.description->outline.plain_text;
    pages.push_back(entry(ctx, "committee", "committee:" + id, c.name, id, std::nullopt, text));
  }
  for (const auto& [id, m] : model.meetings) {
    std::string text = m.venue + " " + m.status_note;
    for (const auto& item : m.agenda) {
      text += " " + item.number + ". " + item.title;
      if (item.description) text += " " + item.description->outline.plain_text;
    }
    pages.push_back(entry(ctx, "meeting", "meeting:" + id, model.title_of("meeting:" + id), m.committee, m.date, text));
    if (minutes_published(ctx, m)) {
      pages.push_back(entry(ctx, "minutes", "minutes:" + id, model.title_of("minutes:" + id), m.committee, m.date,
                            m.minutes->body.outline.plain_text));
    }
    for (const auto& [slug, r] : m.reports) {
      if (r.exempt) continue;
      std::string body = r.body.outline.plain_text;
      for (const auto& rec : r.recommendations) body += " " + rec;
      pages.push_back(entry(ctx, "report", "report:" + r.id, r.title, m.committee, m.date, body));
    }
  }
  for (const auto& [id, d] : model.documents) {
    pages.push_back(entry(ctx, "document", "document:" + id, d.title, d.owner, std::nullopt,
                          d.period + " " + d.body.outline.plain_text));
  }
  // PDF text: one entry per page with text, pointing at that page of the text version, so a
  // word inside an appendix is found with its page number. Only published PDFs were ever
  // extracted, so an exempt report's appendix cannot be found here.
  for (const auto& [path, pdf] : model.pdfs) {
    if (!has_text_version(model, path)) continue;
    const PdfOwner owner = pdf_owner(ctx, path);
    for (std::size_t i = 0; i < pdf.text.size(); ++i) {
      if (pdf.text[i].find_first_not_of(" \t\r\n") == std::string::npos) continue;
      const std::string n = std::to_string(i + 1);
      json e = entry(ctx, "attachment", "pdf:" + path + "#page-" + n, owner.title + ", page " + n, owner.committee,
                     owner.date, pdf.text[i]);
      e["page"] = i + 1;
      pages.push_back(std::move(e));
    }
  }
  for (const auto& [id, p] : model.people) {
    std::string text;
    for (const auto& pos : p.positions) text += " " + pos.title;
    for (const auto& i : p.interests) {
      if (!i.sensitive) text += " " + i.description;
    }
    pages.push_back(entry(ctx, "person", "person:" + id, p.display_name(), "", std::nullopt, text));
  }
  for (const auto& [id, o] : model.organisations) {
    pages.push_back(entry(ctx, "organisation", "organisation:" + id, o.name, "", std::nullopt, o.short_name));
  }
  json committees = json::array();
  for (const auto& [id, c] : model.committees) committees.push_back({{"id", id}, {"name", c.name}});
  json types = json::array();
  for (const auto& [id, label] : type_labels()) types.push_back({{"id", id}, {"label", label}});
  return {{"version", 1}, {"committees", committees}, {"types", types}, {"pages", pages}};
}

json search_page(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("list:search", "Search", json::array({ctx.link("home:", "Home")}), "search");
  json committees = json::array();
  for (const auto& [id, c] : model.committees) committees.push_back({{"id", id}, {"name", c.name}});
  json types = json::array();
  for (const auto& [id, label] : type_labels()) types.push_back({{"id", id}, {"label", label}});
  std::set<int> years;
  for (const auto& [id, m] : model.meetings) years.insert(m.date.year);
  json year_list = json::array();
  for (auto it = years.rbegin(); it != years.rend(); ++it) year_list.push_back(*it);
  json indexes = json::array();
  for (const auto& [key, text] : std::vector<std::pair<std::string, std::string>>{
           {"list:meetings", "Meetings, newest first"}, {"list:decisions", "Decisions"},
           {"list:committees", "Committees"}, {"list:people", "People"},
           {"list:organisations", "Organisations"}, {"list:documents", "Documents"},
           {"list:topics", "Topics, A to Z"}}) {
    indexes.push_back(ctx.link(key, text));
  }
  page["search"] = {{"index", ctx.base_path() + kSearchIndexPath},
                    {"script", ctx.base_path() + "assets/search.js"},
                    {"committees", committees},
                    {"types", types},
                    {"years", year_list},
                    {"indexes", indexes}};
  return page;
}

}  // namespace quorum
