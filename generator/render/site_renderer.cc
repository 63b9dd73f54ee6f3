#include "render/site_renderer.h"

#include <functional>
#include <map>
#include <vector>

#include "load/fingerprint.h"
#include "model/urls.h"
#include "render/calendar.h"
#include "render/feeds.h"
#include "render/open_data.h"
#include "render/pages.h"
#include "render/pages_forward_plan.h"
#include "render/search_index.h"
#include "render/sitemap.h"
#include "render/site_style.h"
#include "render/structure_diagram.h"

namespace quorum {
namespace {

using ContextBuilder = std::function<json()>;

class PageWriter {
 public:
  PageWriter(const PageContext& ctx, const Theme& theme, OutputSink& sink, Diagnostics& diags, RenderStats& stats)
      : ctx_(ctx), theme_(theme), sink_(sink), diags_(diags), stats_(stats) {
    // What every page is made from besides its own files: the theme, the address, and what
    // any page may show of every other file. The build line is left out when the theme
    // draws it through its `build` partial: it changes with every commit, and the sink
    // swaps it in kept pages. A theme without that partial re-renders every page.
    shared_ = theme.fingerprint() + '\0' + ctx.base_url() + '\0' + ctx.model().shared_inputs;
    if (!theme.has_template("partials/build")) shared_ += '\0' + ctx.model().revision.commit;
  }

  // `key` decides the address; the page is the folder's index.html.
  // `extra`: inputs the key's source files do not cover (a PDF text version's blob id).
  void page(const Key& key, const std::string& template_name, const ContextBuilder& build,
            const std::string& extra = {}) {
    keys_.push_back(key);
    write(page_path(key) + "index.html", template_name, key, build, extra);
  }

  // A page's fingerprint covers everything its bytes are made from: what is shared, its
  // template, and the whole of its own source files with their history. Only when that
  // changed is the page's context built (Markdown rendered) and the template run.
  void write(const std::string& path, const std::string& template_name, const Key& key,
             const ContextBuilder& build, const std::string& extra = {}) {
    ++stats_.pages;
    std::string inputs = shared_ + '\0' + template_name + '\0' + key + '\0' + extra;
    for (const auto& source : ctx_.model().source_paths(key)) {
      const auto it = ctx_.model().inputs.find(source);
      inputs += '\0' + source + '\0' + (it != ctx_.model().inputs.end() ? it->second.whole : std::string());
    }
    inputs += '\0' + ctx_.history(key).dump();
    const std::string fp = fingerprint(inputs);
    if (sink_.reuse(path, fp)) return;
    sink_.write_with_fingerprint(path, theme_.render(template_name, build(), diags_), fp);
    ++stats_.rendered;
  }

  // Files made without a template (feeds, calendars, data): fingerprinted by their bytes.
  void files(const std::map<std::string, std::string>& made) {
    for (const auto& [path, bytes] : made) {
      const std::string fp = fingerprint(bytes);
      if (!sink_.reuse(path, fp)) sink_.write_with_fingerprint(path, bytes, fp);
      ++stats_.files;
    }
  }

  // Every page written so far, in order: for the sitemap.
  [[nodiscard]] const std::vector<Key>& keys() const { return keys_; }

 private:
  const PageContext& ctx_;
  const Theme& theme_;
  OutputSink& sink_;
  Diagnostics& diags_;
  RenderStats& stats_;
  std::string shared_;
  std::vector<Key> keys_;
};

}  // namespace

RenderStats render_site(const SiteModel& model, const SourceTree& tree, const Theme& theme,
                        const RenderOptions& options, OutputSink& sink, Diagnostics& diags) {
  RenderStats stats;
  const PageContext ctx(model, options.base_url.empty() ? model.site.base_url : options.base_url);
  PageWriter out(ctx, theme, sink, diags, stats);
  sink.set_build_stamp(theme.render_partial("build", ctx.frame("home:", model.site.title, json::array(), "home"), diags));

  out.page("home:", "home", [&] { return home_page(ctx); });
  out.write("404.html", "404", "list:404", [&] { return not_found_page(ctx); });
  {
    // The committees page carries the structure diagram inline; it is also a file of its own.
    const StructureDiagram diagram = draw_structure_diagram(ctx, diags);
    if (!diagram.empty()) {
      const std::string file = diagram.file();
      const std::string fp = fingerprint(file);
      if (!sink.reuse(kStructureDiagramPath, fp)) sink.write_with_fingerprint(kStructureDiagramPath, file, fp);
      ++stats.files;
    }
    out.page("list:committees", "committees", [&] {
      json committees = committees_page(ctx);
      if (!diagram.empty()) {
        committees["structure"] = {{"svg", diagram.svg}, {"href", ctx.base_path() + kStructureDiagramPath}};
      }
      return committees;
    });
  }
  out.page("list:accessibility", "accessibility", [&] { return accessibility_page(ctx); });
  out.page("list:meetings", "meetings", [&] { return meetings_page(ctx); });
  out.page("list:decisions", "decisions", [&] { return decisions_page(ctx); });
  out.page("list:people", "people", [&] { return people_page(ctx); });
  out.page("list:organisations", "organisations", [&] { return organisations_page(ctx); });
  out.page("list:documents", "documents", [&] { return documents_page(ctx); });
  out.page("list:topics", "topics", [&] { return topics_page(ctx); });
  // Pages of themes that have their templates (a council's older copy of a theme may not).
  if (theme.has_template("search")) out.page("list:search", "search", [&] { return search_page(ctx); });
  if (theme.has_template("data")) out.page("list:data", "data", [&] { return data_page(ctx); });
  if (theme.has_template("forward_plan")) out.page("list:forward-plan", "forward_plan", [&] { return forward_plan_page(ctx); });

  for (const auto& [id, c] : model.committees) {
    out.page("committee:" + id, "committee", [&] {
      json committee = committee_page(ctx, c);
      if (committee["committee"].is_object()) {
        committee["committee"]["subscribe"] = {
            {"feed", ctx.base_path() + url_encode_path(page_path("committee:" + id)) + "feed.xml"},
            {"calendar", ctx.base_path() + url_encode_path(page_path("committee:" + id)) + "meetings.ics"}};
      }
      return committee;
    });
    if (c.terms) out.page("terms:" + id, "terms", [&] { return terms_page(ctx, c); });
  }
  for (const auto& [id, m] : model.meetings) {
    out.page("meeting:" + id, "meeting", [&] {
      json meeting = meeting_page(ctx, m);
      meeting["page"]["json_ld"] = script_safe_json(meeting_event_ld(ctx, m));
      return meeting;
    });
    if (minutes_published(ctx, m)) out.page("minutes:" + id, "minutes", [&] { return minutes_page(ctx, m); });
    for (const auto& [slug, r] : m.reports) {
      if (!r.exempt) out.page("report:" + r.id, "report", [&] { return report_page(ctx, m, r); });
    }
  }
  // Each published PDF with a text layer has its text version beside it (themes without the
  // template go without). The page changes only when the PDF's bytes do.
  if (theme.has_template("pdf_text")) {
    for (const auto& [path, pdf] : model.pdfs) {
      if (!has_text_version(model, path)) continue;
      const auto bytes = tree.read(path);
      out.page("pdf:" + path, "pdf_text", [&] { return pdf_text_page(ctx, path); }, bytes ? fingerprint(*bytes) : std::string());
    }
  }
  for (const auto& [id, p] : model.people) out.page("person:" + id, "person", [&] { return person_page(ctx, p); });
  for (const auto& [id, o] : model.organisations) {
    out.page("organisation:" + id, "organisation", [&] { return organisation_page(ctx, o); });
  }
  for (const auto& [id, d] : model.documents) out.page("document:" + id, "document", [&] { return document_page(ctx, d); });
  for (const auto& [topic, keys] : model.topics) out.page("topic:" + topic, "topic", [&] { return topic_page(ctx, topic); });

  // Subscribe, search and reuse: feeds, calendars, open data, the search index, the sitemap.
  out.files(atom_feeds(ctx));
  out.files(calendars(ctx));
  out.files(open_data_files(ctx));
  out.files({{kSearchIndexPath, json_file(search_index(ctx))}});
  out.files(sitemap_files(ctx, out.keys()));

  for (const auto& path : model.published_files) {
    if (auto bytes = tree.read(path)) {
      const std::string fp = fingerprint(*bytes);
      if (!sink.reuse(attachment_path(path), fp)) sink.write_with_fingerprint(attachment_path(path), *bytes, fp);
      ++stats.files;
    }
  }
  const std::string logo = logo_site_path(model.site.theme_options);
  for (const auto& [path, bytes] : theme.assets()) {
    if ("assets/" + path == logo) continue;  // the site's own logo replaces the theme's
    const std::string fp = fingerprint(bytes);
    if (!sink.reuse("assets/" + path, fp)) sink.write_with_fingerprint("assets/" + path, bytes, fp);
    ++stats.files;
  }
  if (!logo.empty()) {
    if (auto bytes = tree.read(model.site.theme_options.logo)) {
      const std::string fp = fingerprint(*bytes);
      if (!sink.reuse(logo, fp)) sink.write_with_fingerprint(logo, *bytes, fp);
      ++stats.files;
    }
  }
  return stats;
}

}  // namespace quorum
