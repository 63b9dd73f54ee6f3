#include "render/search_index.h"

#include <algorithm>
#include <set>

#include "render/open_data.h"
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

// Calls `add` with each entry of the index, in order.
template <typename Add>
void each_entry(const PageContext& ctx, Add&& add) {
  const SiteModel& model = ctx.model();
  for (const auto& [id, c] : model.committees) {
    std::string text = c.short_name + " " + c.meets;
    if (c.description) text += " " + c.description->outline.plain_text;
    add(entry(ctx, "committee", "committee:" + id, c.name, id, std::nullopt, text));
  }
  for (const auto& [id, m] : model.meetings) {
    std::string text = m.venue + " " + m.status_note;
    for (const auto& item : m.agenda) {
      text += " " + item.number + ". " + item.title;
      if (item.description) text += " " + item.description->outline.plain_text;
    }
    add(entry(ctx, "meeting", "meeting:" + id, model.title_of("meeting:" + id), m.committee, m.date, text));
    if (minutes_published(ctx, m)) {
      add(entry(ctx, "minutes", "minutes:" + id, model.title_of("minutes:" + id), m.committee, m.date,
                            m.minutes->body.outline.plain_text));
    }
    for (const auto& [slug, r] : m.reports) {
      if (r.exempt) continue;
      std::string body = r.body.outline.plain_text;
      for (const auto& rec : r.recommendations) body += " " + rec;
      add(entry(ctx, "report", "report:" + r.id, r.title, m.committee, m.date, body));
    }
  }
  for (const auto& [id, d] : model.documents) {
    add(entry(ctx, "document", "document:" + id, d.title, d.owner, std::nullopt,
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
      add(std::move(e));
    }
  }
  for (const auto& [id, p] : model.people) {
    std::string text;
    for (const auto& pos : p.positions) text += " " + pos.title;
    for (const auto& i : p.interests) {
      if (!i.sensitive) text += " " + i.description;
    }
    add(entry(ctx, "person", "person:" + id, p.display_name(), "", std::nullopt, text));
  }
  for (const auto& [id, o] : model.organisations) {
    add(entry(ctx, "organisation", "organisation:" + id, o.name, "", std::nullopt, o.short_name));
  }
}

json committee_list(const SiteModel& model) {
  json committees = json::array();
  for (const auto& [id, c] : model.committees) committees.push_back({{"id", id}, {"name", c.name}});
  return committees;
}

json type_list() {
  json types = json::array();
  for (const auto& [id, label] : type_labels()) types.push_back({{"id", id}, {"label", label}});
  return types;
}

// json_file() of a value, without its final newline.
std::string json_piece(const json& value) {
  std::string out = json_file(value);
  out.pop_back();
  return out;
}

}  // namespace

json search_index(const PageContext& ctx) {
  json pages = json::array();
  each_entry(ctx, [&](json e) { pages.push_back(std::move(e)); });
  return {{"version", 1}, {"committees", committee_list(ctx.model())}, {"types", type_list()}, {"pages", pages}};
}

std::string search_index_file(const PageContext& ctx) {
  // The bytes of json_file(search_index(ctx)), entry by entry: the whole index never exists
  // as a JSON tree beside its text. An object's keys come out sorted, as nlohmann's do.
  std::string out = "{\"committees\":" + json_piece(committee_list(ctx.model())) + ",\"pages\":[";
  bool first = true;
  each_entry(ctx, [&](const json& e) {
    if (!first) out += ',';
    first = false;
    out += json_piece(e);
  });
  out += "],\"types\":" + json_piece(type_list()) + ",\"version\":1}\n";
  return out;
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
