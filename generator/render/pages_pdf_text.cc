// A published PDF's text version: the text poppler extracted, page by page, in the site's
// frame, so a screen-reader user (or anyone on a small screen) is never stuck with a PDF.
#include "model/urls.h"
#include "render/labels.h"
#include "render/pages.h"

namespace quorum {

PdfOwner pdf_owner(const PageContext& ctx, const std::string& path) {
  const SiteModel& model = ctx.model();
  PdfOwner out;
  out.title = path.substr(path.rfind('/') + 1);
  for (const auto& [id, m] : model.meetings) {
    for (const auto& [slug, r] : m.reports) {
      if (r.exempt) continue;
      for (const auto& a : r.appendices) {
        if (a.file != path) continue;
        out.key = "report:" + r.id;
        out.committee = m.committee;
        out.date = m.date;
        if (!a.title.empty()) out.title = a.title;
        out.trail = ctx.committee_trail(m.committee);
        out.trail.push_back(ctx.link("meeting:" + m.id, m.date.short_words()));
        out.trail.push_back(ctx.link(out.key, r.title));
        return out;
      }
    }
  }
  for (const auto& [id, m] : model.meetings) {
    for (const auto& a : m.attachments) {
      if (a.path != path) continue;
      out.key = "meeting:" + m.id;
      out.committee = m.committee;
      out.date = m.date;
      out.trail = ctx.committee_trail(m.committee);
      out.trail.push_back(ctx.link(out.key, m.date.short_words()));
      return out;
    }
  }
  for (const auto& [id, d] : model.documents) {
    for (const auto& a : d.attachments) {
      if (a.file != path) continue;
      out.key = "document:" + id;
      out.committee = d.owner;
      if (!a.title.empty()) out.title = a.title;
      out.trail = json::array({ctx.link("home:", "Home"), ctx.link("list:documents", "Documents"),
                               ctx.link(out.key, d.title)});
      return out;
    }
  }
  out.trail = json::array({ctx.link("home:", "Home")});
  return out;
}

json pdf_text_page(const PageContext& ctx, const std::string& path) {
  if (!has_text_version(ctx.model(), path)) return nullptr;
  const PdfText& pdf = ctx.model().pdfs.at(path);
  const PdfOwner owner = pdf_owner(ctx, path);
  json page = ctx.frame("pdf:" + path, "Text version: " + owner.title, owner.trail, "meetings");
  json pages = json::array();
  for (std::size_t i = 0; i < pdf.text.size(); ++i) {
    json paragraphs = json::array();
    // Blank lines separate paragraphs; single line breaks are kept as poppler laid them out.
    std::string current;
    std::size_t start = 0;
    const std::string& text = pdf.text[i];
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.find_first_not_of(' ') == std::string::npos) {
        if (!current.empty()) paragraphs.push_back(current);
        current.clear();
      } else {
        current += (current.empty() ? "" : "\n") + line;
      }
      start = end + 1;
    }
    if (!current.empty()) paragraphs.push_back(current);
    const std::string n = std::to_string(i + 1);
    pages.push_back({{"number", i + 1}, {"anchor", "page-" + n}, {"heading", "Page " + n},
                     {"paragraphs", paragraphs}, {"empty", paragraphs.empty()}});
  }
  const std::string name = path.substr(path.rfind('/') + 1);
  page["pdf_text"] = {
      {"title", owner.title},
      {"pdf", {{"href", ctx.file_href(path)},
               {"text", owner.title},
               {"details", file_type_label(name) + ", " + std::to_string(pdf.pages) + (pdf.pages == 1 ? " page" : " pages")}}},
      {"from", owner.key.empty() ? json(nullptr) : ctx.link(owner.key)},
      {"pages", pages},
      {"page_count", pdf.pages}};
  return page;
}

}  // namespace quorum
