#include "render/search_index.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "parse/markdown.h"
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

// Calls `add(type, key, date, make)` for each entry of the index, in order; `make()` builds
// the entry (its text is the costly part), so a caller that wants only some entries, or only
// their count, builds no more than those. An entry is made from the page of `key`: from its
// source files, and from what any page may show of others (see search_shard_inputs).
template <typename Add>
void each_entry(const PageContext& ctx, Add&& add) {
  const SiteModel& model = ctx.model();
  const std::optional<Date> undated;
  for (const auto& [id, c] : model.committees) {
    add("committee", "committee:" + id, undated, [&, &id = id, &c = c] {
      std::string text = c.short_name + " " + c.meets;
      if (c.description) text += " " + markdown_plain_text(model.body_text(*c.description));
      return entry(ctx, "committee", "committee:" + id, c.name, id, undated, text);
    });
  }
  for (const auto& [id, m] : model.meetings) {
    const std::optional<Date> date = m.date;
    add("meeting", "meeting:" + id, date, [&, &id = id, &m = m] {
      std::string text = m.venue + " " + m.status_note;
      for (const auto& item : m.agenda) {
        text += " " + item.number + ". " + item.title;
        if (item.description) text += " " + markdown_plain_text(model.body_text(*item.description));
      }
      return entry(ctx, "meeting", "meeting:" + id, model.title_of("meeting:" + id), m.committee, date, text);
    });
    if (minutes_published(ctx, m)) {
      add("minutes", "minutes:" + id, date, [&, &id = id, &m = m] {
        return entry(ctx, "minutes", "minutes:" + id, model.title_of("minutes:" + id), m.committee, date,
                     markdown_plain_text(model.body_text(m.minutes->body)));
      });
    }
    for (const auto& [slug, r] : m.reports) {
      if (r.exempt) continue;
      add("report", "report:" + r.id, date, [&, &m = m, &r = r] {
        std::string body = markdown_plain_text(model.body_text(r.body));
        for (const auto& rec : r.recommendations) body += " " + rec;
        return entry(ctx, "report", "report:" + r.id, r.title, m.committee, date, body);
      });
    }
  }
  for (const auto& [id, d] : model.documents) {
    add("document", "document:" + id, undated, [&, &id = id, &d = d] {
      return entry(ctx, "document", "document:" + id, d.title, d.owner, undated,
                   d.period + " " + markdown_plain_text(model.body_text(d.body)));
    });
  }
  // PDF text: one entry per page with text, pointing at that page of the text version, so a
  // word inside an appendix is found with its page number. Only published PDFs were ever
  // extracted, so an exempt report's appendix cannot be found here. An attachment is dated
  // by what it is attached to.
  for (const auto& [path, pdf] : model.pdfs) {
    if (!has_text_version(model, path)) continue;
    const PdfOwner owner = pdf_owner(ctx, path);
    for (std::size_t i = 0; i < pdf.text.size(); ++i) {
      if (pdf.text[i].find_first_not_of(" \t\r\n") == std::string::npos) continue;
      const std::string n = std::to_string(i + 1);
      add("attachment", "pdf:" + path + "#page-" + n, owner.date, [&, &path = path, &pdf = pdf, i, n] {
        json e = entry(ctx, "attachment", "pdf:" + path + "#page-" + n, owner.title + ", page " + n,
                       owner.committee, owner.date, pdf.text[i]);
        e["page"] = i + 1;
        return e;
      });
    }
  }
  for (const auto& [id, p] : model.people) {
    add("person", "person:" + id, undated, [&, &id = id, &p = p] {
      std::string text;
      for (const auto& pos : p.positions) text += " " + pos.title;
      for (const auto& i : p.interests) {
        if (!i.sensitive) text += " " + i.description;
      }
      return entry(ctx, "person", "person:" + id, p.display_name(), "", undated, text);
    });
  }
  for (const auto& [id, o] : model.organisations) {
    add("organisation", "organisation:" + id, undated, [&, &id = id, &o = o] {
      return entry(ctx, "organisation", "organisation:" + id, o.name, "", undated, o.short_name);
    });
  }
}

bool holds(const SearchShard& shard, const std::optional<Date>& date) {
  return shard.year ? date && date->year == *shard.year : !date;
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

std::string SearchShard::file_name() const {
  return (year ? std::to_string(*year) : std::string("undated")) + ".json";
}

std::string SearchShard::path() const { return "search/" + file_name(); }

std::vector<SearchShard> search_shards(const PageContext& ctx) {
  std::map<int, SearchShard, std::greater<>> years;
  SearchShard undated;
  std::map<int, std::set<std::string>> types_by_year;
  std::set<std::string> undated_types;
  each_entry(ctx, [&](const std::string& type, const Key&, const std::optional<Date>& date, auto&&) {
    SearchShard& shard = date ? years[date->year] : undated;
    if (date) shard.year = date->year;
    ++shard.count;
    (date ? types_by_year[date->year] : undated_types).insert(type);
  });
  const auto in_index_order = [](const std::set<std::string>& present) {
    std::vector<std::string> types;
    for (const auto& [id, label] : type_labels()) {
      if (present.count(id) != 0) types.push_back(id);
    }
    return types;
  };
  std::vector<SearchShard> out;
  for (auto& [year, shard] : years) {
    shard.types = in_index_order(types_by_year[year]);
    out.push_back(std::move(shard));
  }
  if (undated.count != 0) {
    undated.types = in_index_order(undated_types);
    out.push_back(std::move(undated));
  }
  return out;
}

json search_manifest(const PageContext& ctx, const std::vector<SearchShard>& shards) {
  json list = json::array();
  for (const auto& shard : shards) {
    list.push_back({{"url", shard.file_name()},
                    {"year", shard.year ? json(*shard.year) : json(nullptr)},
                    {"count", shard.count},
                    {"types", shard.types}});
  }
  return {{"version", 2}, {"committees", committee_list(ctx.model())}, {"types", type_list()}, {"shards", list}};
}

std::string search_manifest_file(const PageContext& ctx, const std::vector<SearchShard>& shards) {
  return json_file(search_manifest(ctx, shards));
}

json search_shard(const PageContext& ctx, const SearchShard& shard) {
  json pages = json::array();
  each_entry(ctx, [&](const std::string&, const Key&, const std::optional<Date>& date, auto&& make) {
    if (holds(shard, date)) pages.push_back(make());
  });
  return {{"version", 2}, {"year", shard.year ? json(*shard.year) : json(nullptr)}, {"pages", pages}};
}

std::string search_shard_inputs(const PageContext& ctx, const SearchShard& shard) {
  const SiteModel& model = ctx.model();
  std::string inputs = shard.path();
  each_entry(ctx, [&](const std::string& type, const Key& key, const std::optional<Date>& date, auto&&) {
    if (!holds(shard, date)) return;
    inputs.append(1, '\0').append(type).append(1, '\0').append(key);
    for (const auto& source : model.source_paths(key)) {
      inputs.append(1, '\1').append(source).append(1, '\1');
      if (const auto it = model.inputs.find(source); it != model.inputs.end()) inputs += it->second.whole;
    }
    if (type == "attachment") {
      // A page of a PDF's text: the PDF is no source file of the model, so its words count.
      const std::size_t page_at = key.rfind("#page-");
      const auto pdf = model.pdfs.find(key.substr(4, page_at - 4));
      const std::size_t page = std::stoul(key.substr(page_at + 6)) - 1;
      if (pdf != model.pdfs.end() && page < pdf->second.text.size()) {
        inputs.append(1, '\1').append(pdf->second.text[page]);
      }
    }
  });
  return inputs;
}

std::string search_shard_file(const PageContext& ctx, const SearchShard& shard) {
  // The bytes of json_file(search_shard(ctx, shard)), entry by entry: the shard never exists
  // as a JSON tree beside its text. An object's keys come out sorted, as nlohmann's do.
  // The entries are joined once, at their full size: a shard is megabytes, and growing one
  // string entry by entry copied it over and over into freshly mapped memory.
  std::vector<std::string> pieces;
  std::size_t size = 0;
  each_entry(ctx, [&](const std::string&, const Key&, const std::optional<Date>& date, auto&& make) {
    if (!holds(shard, date)) return;
    pieces.push_back(json_piece(make()));
    size += pieces.back().size() + 1;
  });
  const std::string head = "{\"pages\":[";
  const std::string tail =
      "],\"version\":2,\"year\":" + (shard.year ? std::to_string(*shard.year) : std::string("null")) + "}\n";
  std::string out;
  out.reserve(head.size() + size + tail.size());
  out += head;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i != 0) out += ',';
    out += pieces[i];
    std::string().swap(pieces[i]);  // each piece goes as soon as it is copied
  }
  out += tail;
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
