#include "render/site_renderer.h"

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

class PageWriter {
 public:
  PageWriter(const Theme& theme, OutputSink& sink, Diagnostics& diags, RenderStats& stats)
      : theme_(theme), sink_(sink), diags_(diags), stats_(stats),
        swappable_stamp_(theme.has_template("partials/build")) {}

  // `key` decides the address; the page is the folder's index.html.
  void page(const Key& key, const std::string& template_name, const json& context) {
    keys_.push_back(key);
    write(page_path(key) + "index.html", template_name, context);
  }

  // A page's fingerprint covers everything its bytes are made from: the theme, the
  // template and the complete context (which holds the rendered Markdown and history).
  void write(const std::string& path, const std::string& template_name, const json& context) {
    ++stats_.pages;
    // The build line is left out: it changes with every commit and is swapped in by the sink.
    std::string inputs = theme_.fingerprint() + '\0' + template_name;
    for (const auto& [key, value] : context.items()) {
      if (key != "build" || !swappable_stamp_) inputs += '\0' + key + '\0' + value.dump();
    }
    const std::string fp = fingerprint(inputs);
    if (sink_.reuse(path, fp)) return;
    sink_.write_with_fingerprint(path, theme_.render(template_name, context, diags_), fp);
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
  const Theme& theme_;
  OutputSink& sink_;
  Diagnostics& diags_;
  RenderStats& stats_;
  bool swappable_stamp_;
  std::vector<Key> keys_;
};

}  // namespace

RenderStats render_site(const SiteModel& model, const SourceTree& tree, const Theme& theme,
                        const RenderOptions& options, OutputSink& sink, Diagnostics& diags) {
  RenderStats stats;
  const PageContext ctx(model, options.base_url.empty() ? model.site.base_url : options.base_url);
  PageWriter out(theme, sink, diags, stats);
  const json home = home_page(ctx);
  // The stamp is only safe to swap when the theme renders the build line through its own
  // partial; otherwise every page is fingerprinted with the commit and re-rendered.
  sink.set_build_stamp(theme.render_partial("build", home, diags));

  out.page("home:", "home", home);
  out.write("404.html", "404", not_found_page(ctx));
  {
    // The committees page carries the structure diagram inline; it is also a file of its own.
    json committees = committees_page(ctx);
    const StructureDiagram diagram = draw_structure_diagram(ctx, diags);
    if (!diagram.empty()) {
      committees["structure"] = {{"svg", diagram.svg}, {"href", ctx.base_path() + kStructureDiagramPath}};
      const std::string file = diagram.file();
      const std::string fp = fingerprint(file);
      if (!sink.reuse(kStructureDiagramPath, fp)) sink.write_with_fingerprint(kStructureDiagramPath, file, fp);
      ++stats.files;
    }
    out.page("list:committees", "committees", committees);
  }
  out.page("list:accessibility", "accessibility", accessibility_page(ctx));
  out.page("list:meetings", "meetings", meetings_page(ctx));
  out.page("list:decisions", "decisions", decisions_page(ctx));
  out.page("list:people", "people", people_page(ctx));
  out.page("list:organisations", "organisations", organisations_page(ctx));
  out.page("list:documents", "documents", documents_page(ctx));
  out.page("list:topics", "topics", topics_page(ctx));
  // Pages of themes that have their templates (a council's older copy of a theme may not).
  if (theme.has_template("search")) out.page("list:search", "search", search_page(ctx));
  if (theme.has_template("data")) out.page("list:data", "data", data_page(ctx));
  if (theme.has_template("forward_plan")) out.page("list:forward-plan", "forward_plan", forward_plan_page(ctx));

  for (const auto& [id, c] : model.committees) {
    json committee = committee_page(ctx, c);
    if (committee["committee"].is_object()) {
      committee["committee"]["subscribe"] = {
          {"feed", ctx.base_path() + url_encode_path(page_path("committee:" + id)) + "feed.xml"},
          {"calendar", ctx.base_path() + url_encode_path(page_path("committee:" + id)) + "meetings.ics"}};
    }
    out.page("committee:" + id, "committee", committee);
    if (c.terms) out.page("terms:" + id, "terms", terms_page(ctx, c));
  }
  for (const auto& [id, m] : model.meetings) {
    json meeting = meeting_page(ctx, m);
    meeting["page"]["json_ld"] = script_safe_json(meeting_event_ld(ctx, m));
    out.page("meeting:" + id, "meeting", meeting);
    if (minutes_published(ctx, m)) out.page("minutes:" + id, "minutes", minutes_page(ctx, m));
    for (const auto& [slug, r] : m.reports) {
      if (!r.exempt) out.page("report:" + r.id, "report", report_page(ctx, m, r));
    }
  }
  for (const auto& [id, p] : model.people) out.page("person:" + id, "person", person_page(ctx, p));
  for (const auto& [id, o] : model.organisations) {
    out.page("organisation:" + id, "organisation", organisation_page(ctx, o));
  }
  for (const auto& [id, d] : model.documents) out.page("document:" + id, "document", document_page(ctx, d));
  for (const auto& [topic, keys] : model.topics) out.page("topic:" + topic, "topic", topic_page(ctx, topic));

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
