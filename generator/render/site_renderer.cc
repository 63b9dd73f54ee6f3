#include "render/site_renderer.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "load/fingerprint.h"
#include "model/urls.h"
#include "render/calendar.h"
#include "render/feeds.h"
#include "render/open_data.h"
#include "render/pages.h"
#include "render/pages_forward_plan.h"
#include "render/search_index.h"
#include "render/site_style.h"
#include "render/sitemap.h"
#include "render/structure_diagram.h"
#include "support/parallel.h"

namespace quorum {
namespace {

using ContextBuilder = std::function<json()>;

// Whether a page of this key may change with the build's "today" alone: lists of what is
// upcoming, committees' current members, people's current memberships, the forward plan.
// These kinds never show it, so the first build of a new day does not make them again (a
// large archive's meetings, minutes and reports). A kind not named here is taken to.
bool shows_today(const Key& key) {
  static const std::set<std::string, std::less<>> kNever = {"meeting", "minutes",      "report",   "terms",
                                                            "pdf",     "organisation", "document", "topic"};
  return kNever.count(std::string_view(key).substr(0, key.find(':'))) == 0;
}

using FileMaker = std::function<std::map<std::string, std::string>()>;

// The site as a list of independent jobs, planned in one thread in a fixed order and then run
// on several. Each job reports into its own Diagnostics, merged in plan order afterwards, and
// writes files no other job writes, so the output and the messages are the same whatever the
// number of threads.
class RenderPlan {
 public:
  RenderPlan(const PageContext& ctx, const Theme& theme, OutputSink& sink, const RenderOptions& options)
      : ctx_(ctx), theme_(theme), sink_(sink), options_(options) {
    // What every page is made from besides its own files: the theme, the address, and what
    // any page may show of every other file. The build line is left out when the theme
    // draws it through its `build` partial: it changes with every commit, and the sink
    // swaps it in kept pages. A theme without that partial re-renders every page.
    shared_ = theme.fingerprint() + '\0' + ctx.base_url() + '\0' + ctx.model().shared_inputs;
    if (!theme.has_template("partials/build")) shared_ += '\0' + ctx.model().revision.commit;
    today_ = ctx.model().build_date.iso();
  }

  // `key` decides the address; the page is the folder's index.html.
  // `extra`: inputs the key's source files do not cover (a PDF text version's blob id).
  void page(const Key& key, const std::string& template_name, ContextBuilder build,
            std::function<std::string()> extra = {}) {
    keys_.push_back(key);
    write(page_path(key) + "index.html", template_name, key, std::move(build), std::move(extra));
  }

  // A page's fingerprint covers everything its bytes are made from: what is shared, its
  // template, and the whole of its own source files with their history. Only when that
  // changed is the page's context built (Markdown rendered) and the template run.
  void write(const std::string& path, const std::string& template_name, const Key& key, ContextBuilder build,
             std::function<std::string()> extra = {}) {
    ++pages_;
    add(/*is_page=*/true, [this, path, template_name, key, build = std::move(build),
                           extra = std::move(extra)](Diagnostics& diags) {
      std::string inputs;
      inputs.reserve(1024);
      inputs.append(shared_)
          .append(1, '\0')
          .append(template_name)
          .append(1, '\0')
          .append(key)
          .append(1, '\0');
      if (shows_today(key)) inputs.append(today_).append(1, '\0');
      if (extra) inputs += extra();
      const std::vector<std::string> sources = ctx_.model().source_paths(key);
      for (const auto& source : sources) {
        const auto it = ctx_.model().inputs.find(source);
        inputs.append(1, '\0').append(source).append(1, '\0');
        if (it != ctx_.model().inputs.end()) inputs += it->second.whole;
      }
      const bool has_history = append_history_inputs(sources, inputs);
      const std::string fp = fingerprint(inputs);
      // A page with a history names its own last commit in its footer (see PageContext::
      // frame), which its fingerprint covers; the others name the build's commit.
      if (sink_.reuse(path, fp, /*carries_build_stamp=*/!has_history)) return;
      sink_.write_with_fingerprint(path, theme_.render(template_name, build(), diags), fp);
      ++rendered_;
    });
  }

  // Files made without a template (feeds, calendars, data): fingerprinted by their bytes.
  void files(FileMaker make) {
    add(/*is_page=*/false, /*long_running=*/true, [this, make = std::move(make)](Diagnostics&) {
      for (const auto& [path, bytes] : make()) file(path, bytes);
    });
  }

  // A file made without a template whose inputs are known without making it (open data, a
  // search shard): fingerprinted by those inputs and the shared ones, as a page is, so an
  // incremental build that changed none of them neither makes it nor writes it.
  void derived(const std::string& path, std::function<std::string()> inputs,
               std::function<std::string()> make) {
    add(/*is_page=*/false, /*long_running=*/true,
        [this, path, inputs = std::move(inputs), make = std::move(make)](Diagnostics&) {
          const std::string fp = fingerprint(shared_ + '\0' + path + '\0' + inputs());
          ++files_;
          ++derived_;
          if (sink_.reuse(path, fp, /*carries_build_stamp=*/false)) return;
          sink_.write_with_fingerprint(path, make(), fp);
          ++derived_made_;
        });
  }

  // One file whose bytes are read when the job runs (attachments, the logo).
  void copy(const std::string& path, std::function<std::optional<std::string>()> read) {
    add(/*is_page=*/false, [this, path, read = std::move(read)](Diagnostics&) {
      if (const auto bytes = read()) file(path, *bytes);
    });
  }

  // Messages found while planning, kept in their place among the jobs' messages.
  void messages(Diagnostics found) {
    add(/*is_page=*/false, [found = std::move(found)](Diagnostics& diags) { diags = found; });
  }

  // Every page planned so far, in order: for the sitemap.
  [[nodiscard]] const std::vector<Key>& keys() const { return keys_; }

  RenderStats run(Diagnostics& diags) {
    std::vector<Diagnostics> found(jobs_.size());
    const unsigned threads = options_.jobs != 0 ? options_.jobs : default_jobs();
    // The few long jobs (feeds, search index, open data) start first, so no thread is left
    // with one of them once the pages are done.
    std::vector<std::size_t> order(jobs_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return jobs_[i].long_running; });
    std::mutex progress_mutex;
    std::size_t pages_done = 0;
    parallel_for(order.size(), threads, [&](std::size_t n) {
      const std::size_t i = order[n];
      jobs_[i].run(found[i]);
      if (jobs_[i].is_page && options_.progress) {
        const std::lock_guard lock(progress_mutex);
        options_.progress(++pages_done, pages_);
      }
    });
    for (const auto& job_diags : found) {
      for (const auto& d : job_diags.all()) {
        if (d.severity == Severity::error)
          diags.error(d.pos, d.message);
        else
          diags.warning(d.pos, d.message);
      }
    }
    RenderStats stats;
    stats.pages = pages_;
    stats.rendered = rendered_;
    stats.files = files_;
    stats.derived = derived_;
    stats.derived_made = derived_made_;
    return stats;
  }

 private:
  struct Job {
    bool is_page = false;
    bool long_running = false;
    std::function<void(Diagnostics&)> run;
  };

  void add(bool is_page, std::function<void(Diagnostics&)> run) { add(is_page, false, std::move(run)); }
  void add(bool is_page, bool long_running, std::function<void(Diagnostics&)> run) {
    jobs_.push_back({is_page, long_running, std::move(run)});
  }

  // Appends to `inputs` everything PageContext::history() makes a page's history from, without
  // building and printing that JSON for every page on every build: each commit of the page's
  // source files, in the same order and kept once (its full id, time, kind and the summary
  // shown), whether its message is shown, and the time zone its dates are shown in.
  // False when the page has no history.
  bool append_history_inputs(const std::vector<std::string>& sources, std::string& inputs) const {
    const SiteModel& model = ctx_.model();
    std::set<std::string_view> seen;
    bool any = false;
    for (const auto& source : sources) {
      for (const auto& c : model.history.of(source)) {
        if (!seen.insert(c.commit).second) continue;
        if (!any) inputs.append(1, '\0').append("history\0").append(model.site.timezone);
        any = true;
        const bool message = history_message_shown(model, c);
        const std::string shown = history_summary(model, c);
        inputs.append(1, '\0').append(c.commit).append(1, '\1').append(std::to_string(c.time));
        inputs.append(1, '\1').append(c.kind).append(1, '\1').append(message ? "p" : "w");
        inputs.append(1, '\1').append(std::to_string(shown.size())).append(1, ':').append(shown);
      }
    }
    return any;
  }

  void file(const std::string& path, const std::string& bytes) {
    const std::string fp = fingerprint(bytes);
    if (!sink_.reuse(path, fp, /*carries_build_stamp=*/false)) sink_.write_with_fingerprint(path, bytes, fp);
    ++files_;
  }

  const PageContext& ctx_;
  const Theme& theme_;
  OutputSink& sink_;
  const RenderOptions& options_;
  std::string shared_;
  std::string today_;  // the build's "today", an input of the pages that show it
  std::vector<Key> keys_;
  std::vector<Job> jobs_;
  std::size_t pages_ = 0;
  std::atomic<std::size_t> rendered_{0};
  std::atomic<std::size_t> files_{0};
  std::atomic<std::size_t> derived_{0}, derived_made_{0};
};

}  // namespace

namespace {

// The home page, the lists and the pages of the whole site; the committees list carries the
// structure diagram.
void plan_list_pages(RenderPlan& out, const PageContext& ctx, const Theme& theme,
                     const StructureDiagram& diagram) {
  const SiteModel& model = ctx.model();
  out.page("home:", "home", [&ctx] { return home_page(ctx); });
  out.write("404.html", "404", "list:404", [&ctx] { return not_found_page(ctx); });
  out.page("list:committees", "committees", [&ctx, &diagram] {
    json committees = committees_page(ctx);
    if (!diagram.empty()) {
      committees["structure"] = {{"svg", diagram.svg}, {"href", ctx.base_path() + kStructureDiagramPath}};
    }
    return committees;
  });
  out.page("list:accessibility", "accessibility", [&ctx] { return accessibility_page(ctx); });
  out.page("list:meetings", "meetings", [&ctx] { return meetings_page(ctx); });
  for (const auto& [year, ids] : model.meetings_by_year) {
    out.page(meetings_year_key(year), "meetings",
             [&ctx, year = year] { return meetings_year_page(ctx, year); });
  }
  out.page("list:decisions", "decisions", [&ctx] { return decisions_page(ctx); });
  for (const auto& [year, positions] : model.decisions_by_year) {
    out.page(decisions_year_key(year), "decisions",
             [&ctx, year = year] { return decisions_year_page(ctx, year); });
  }
  out.page("list:people", "people", [&ctx] { return people_page(ctx); });
  out.page("list:organisations", "organisations", [&ctx] { return organisations_page(ctx); });
  out.page("list:documents", "documents", [&ctx] { return documents_page(ctx); });
  out.page("list:topics", "topics", [&ctx] { return topics_page(ctx); });
  // Pages of themes that have their templates (a council's older copy of a theme may not).
  if (theme.has_template("search")) out.page("list:search", "search", [&ctx] { return search_page(ctx); });
  if (theme.has_template("data")) out.page("list:data", "data", [&ctx] { return data_page(ctx); });
  if (theme.has_template("forward_plan")) {
    out.page("list:forward-plan", "forward_plan", [&ctx] { return forward_plan_page(ctx); });
  }
}

// A page for each record: committees, meetings, minutes, reports, PDF text versions, people,
// organisations, documents, topics.
void plan_record_pages(RenderPlan& out, const PageContext& ctx, const SourceTree& tree, const Theme& theme) {
  const SiteModel& model = ctx.model();
  // The builders run later, on any thread: they hold the model's entries, never a loop's.
  for (const auto& [id, c] : model.committees) {
    const Committee* committee = &c;
    const std::string key = "committee:" + id;
    out.page(key, "committee", [&ctx, committee, key] {
      json page = committee_page(ctx, *committee);
      if (page["committee"].is_object()) {
        page["committee"]["subscribe"] = {
            {"feed", ctx.base_path() + url_encode_path(page_path(key)) + "feed.xml"},
            {"calendar", ctx.base_path() + url_encode_path(page_path(key)) + "meetings.ics"}};
      }
      return page;
    });
    if (c.terms) out.page("terms:" + id, "terms", [&ctx, committee] { return terms_page(ctx, *committee); });
  }
  for (const auto& [id, m] : model.meetings) {
    const Meeting* meeting = &m;
    out.page("meeting:" + id, "meeting", [&ctx, meeting] {
      json page = meeting_page(ctx, *meeting);
      page["page"]["json_ld"] = script_safe_json(meeting_event_ld(ctx, *meeting));
      return page;
    });
    if (minutes_published(ctx, m))
      out.page("minutes:" + id, "minutes", [&ctx, meeting] { return minutes_page(ctx, *meeting); });
    for (const auto& [slug, r] : m.reports) {
      const Report* report = &r;
      if (!r.exempt)
        out.page("report:" + r.id, "report",
                 [&ctx, meeting, report] { return report_page(ctx, *meeting, *report); });
    }
  }
  // Each published PDF with a text layer has its text version beside it (themes without the
  // template go without). The page changes only when the PDF's bytes do.
  if (theme.has_template("pdf_text")) {
    for (const auto& [path, pdf] : model.pdfs) {
      if (!has_text_version(model, path)) continue;
      const std::string* file = &path;
      out.page(
          "pdf:" + path, "pdf_text", [&ctx, file] { return pdf_text_page(ctx, *file); },
          [&tree, file] {
            const auto bytes = tree.read(*file);
            return bytes ? fingerprint(*bytes) : std::string();
          });
    }
  }
  for (const auto& [id, p] : model.people) {
    const Person* person = &p;
    out.page("person:" + id, "person", [&ctx, person] { return person_page(ctx, *person); });
  }
  for (const auto& [id, o] : model.organisations) {
    const Organisation* organisation = &o;
    out.page("organisation:" + id, "organisation",
             [&ctx, organisation] { return organisation_page(ctx, *organisation); });
  }
  for (const auto& [id, d] : model.documents) {
    const Document* document = &d;
    out.page("document:" + id, "document", [&ctx, document] { return document_page(ctx, *document); });
  }
  for (const auto& [topic, keys] : model.topics) {
    const std::string* name = &topic;
    out.page("topic:" + topic, "topic", [&ctx, name] { return topic_page(ctx, *name); });
  }
}

// Subscribe, search and reuse: feeds, calendars, open data, the search index, the sitemap.
void plan_data_files(RenderPlan& out, const PageContext& ctx, const std::vector<SearchShard>& shards) {
  out.files([&ctx] { return atom_feeds(ctx); });
  out.files([&ctx] { return calendars(ctx); });
  // Open data shows only what any page may show of every file: the shared inputs are its.
  for (const auto& path : open_data_paths()) {
    out.derived(
        path, [] { return std::string(); }, [&ctx, path] { return open_data_file(ctx, path); });
  }
  // The search index: a manifest and one job per shard, so a thread holds one shard's text.
  out.files([&ctx, &shards] {
    return std::map<std::string, std::string>{{kSearchIndexPath, search_manifest_file(ctx, shards)}};
  });
  for (const SearchShard& shard : shards) {
    const SearchShard* one = &shard;
    out.derived(
        one->path(), [&ctx, one] { return search_shard_inputs(ctx, *one); },
        [&ctx, one] { return search_shard_file(ctx, *one); });
  }
  out.files([&ctx, &out] { return sitemap_files(ctx, out.keys()); });
}

// The papers, the theme's assets and the logo, copied from the repository as they are.
void plan_copies(RenderPlan& out, const SiteModel& model, const SourceTree& tree, const Theme& theme) {
  // Every file copied from the repository is checked against what the model withholds, once
  // more: the model reports such a file as an error (model/withheld_copies.h), and this only
  // makes sure that no path round it copies one.
  const auto withheld = [&model](const std::string& path) { return model.withheld_paths.count(path) != 0; };
  for (const auto& path : model.published_files) {
    if (withheld(path)) continue;
    const std::string* file = &path;
    out.copy(attachment_path(path), [&tree, file] { return tree.read(*file); });
  }
  const std::string logo =
      withheld(model.site.theme_options.logo) ? std::string() : logo_site_path(model.site.theme_options);
  // A theme kept in the repository has its repository folder as its origin ("themes/x/").
  const std::string& origin = theme.origin();
  const bool from_repository = origin.rfind("themes/", 0) == 0 && origin.back() == '/';
  for (const auto& [path, bytes] : theme.assets()) {
    if ("assets/" + path == logo) continue;  // the site's own logo replaces the theme's
    if (from_repository && withheld(origin + "assets/" + path)) continue;
    const std::string* asset = &bytes;
    out.copy("assets/" + path, [asset] { return std::optional<std::string>(*asset); });
  }
  if (!logo.empty()) out.copy(logo, [&tree, &model] { return tree.read(model.site.theme_options.logo); });
}

}  // namespace

RenderStats render_site(const SiteModel& model, const SourceTree& tree, const Theme& theme,
                        const RenderOptions& options, OutputSink& sink, Diagnostics& diags) {
  const PageContext ctx(model, options.base_url.empty() ? model.site.base_url : options.base_url);
  RenderPlan out(ctx, theme, sink, options);
  sink.set_build_stamp(
      theme.render_partial("build", ctx.frame("home:", model.site.title, json::array(), "home"), diags));
  // The committees page carries the structure diagram inline; it is also a file of its own.
  // Graphviz is not for use on several threads, so the diagram is drawn here, once.
  Diagnostics diagram_diags;
  const StructureDiagram diagram = draw_structure_diagram(ctx, diagram_diags);
  out.messages(std::move(diagram_diags));
  if (!diagram.empty()) {
    out.files([&diagram] {
      return std::map<std::string, std::string>{{kStructureDiagramPath, diagram.file()}};
    });
  }
  plan_list_pages(out, ctx, theme, diagram);
  plan_record_pages(out, ctx, tree, theme);
  const std::vector<SearchShard> shards = search_shards(ctx);
  plan_data_files(out, ctx, shards);
  plan_copies(out, model, tree, theme);
  return out.run(diags);
}

}  // namespace quorum
