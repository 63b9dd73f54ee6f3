#include "render/site_renderer.h"

#include "model/urls.h"
#include "render/pages.h"

namespace quorum {
namespace {

class PageWriter {
 public:
  PageWriter(const Theme& theme, OutputSink& sink, Diagnostics& diags, RenderStats& stats)
      : theme_(theme), sink_(sink), diags_(diags), stats_(stats) {}

  // `key` decides the address; the page is the folder's index.html.
  void page(const Key& key, const std::string& template_name, const json& context) {
    write(page_path(key) + "index.html", template_name, context);
  }

  void write(const std::string& path, const std::string& template_name, const json& context) {
    sink_.write(path, theme_.render(template_name, context, diags_));
    ++stats_.pages;
  }

 private:
  const Theme& theme_;
  OutputSink& sink_;
  Diagnostics& diags_;
  RenderStats& stats_;
};

}  // namespace

RenderStats render_site(const SiteModel& model, const SourceTree& tree, const Theme& theme,
                        const RenderOptions& options, OutputSink& sink, Diagnostics& diags) {
  RenderStats stats;
  const PageContext ctx(model, options.base_url.empty() ? model.site.base_url : options.base_url);
  PageWriter out(theme, sink, diags, stats);

  out.page("home:", "home", home_page(ctx));
  out.write("404.html", "404", not_found_page(ctx));
  out.page("list:committees", "committees", committees_page(ctx));
  out.page("list:meetings", "meetings", meetings_page(ctx));
  out.page("list:decisions", "decisions", decisions_page(ctx));
  out.page("list:people", "people", people_page(ctx));
  out.page("list:organisations", "organisations", organisations_page(ctx));
  out.page("list:documents", "documents", documents_page(ctx));
  out.page("list:topics", "topics", topics_page(ctx));

  for (const auto& [id, c] : model.committees) {
    out.page("committee:" + id, "committee", committee_page(ctx, c));
    if (c.terms) out.page("terms:" + id, "terms", terms_page(ctx, c));
  }
  for (const auto& [id, m] : model.meetings) {
    out.page("meeting:" + id, "meeting", meeting_page(ctx, m));
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

  for (const auto& path : model.published_files) {
    if (auto bytes = tree.read(path)) {
      sink.write(attachment_path(path), *bytes);
      ++stats.files;
    }
  }
  for (const auto& [path, bytes] : theme.assets()) {
    sink.write("assets/" + path, bytes);
    ++stats.files;
  }
  return stats;
}

}  // namespace quorum
