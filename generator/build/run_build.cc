#include "build/run_build.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "build/build_model.h"
#include "build/build_progress.h"
#include "load/directory_tree.h"
#include "load/git_tree.h"
#include "load/history.h"
#include "model/publishing_rules.h"
#include "model/site_model.h"
#include "model/url_check.h"
#include "model/withheld_history.h"
#include "render/labels.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "support/parallel.h"
#include "tripwire/tripwire.h"
#include "write/atomic_output.h"
#include "write/output_folder.h"

#ifndef QUORUM_SOURCE_THEMES
#define QUORUM_SOURCE_THEMES ""
#endif

namespace quorum {
namespace fs = std::filesystem;

namespace {

void report(const Diagnostics& diags, std::ostream& err, DiagnosticStyle style) {
  for (const auto& d : diags.sorted()) err << d.format(style) << '\n';
}

std::unique_ptr<SourceTree> open_source(const BuildRequest& request, Diagnostics& diags, std::ostream& out) {
  const RepositoryState repo = inspect_repository(request.source);
  if (request.ref) {
    if (!repo.is_git) {
      diags.error({request.source.string(), 0, 0},
                  "--ref needs a git repository, and this folder is not one");
      return nullptr;
    }
    auto tree = GitTree::open(request.source, *request.ref, diags);
    if (tree) out << "Reading commit " << tree->revision().short_commit << " (" << *request.ref << ")\n";
    return tree;
  }
  const bool use_git = repo.is_git && repo.has_commits && !request.working_tree && !repo.content_changed;
  if (use_git) {
    auto tree = GitTree::open(request.source, "HEAD", diags);
    if (tree) out << "Reading commit " << tree->revision().short_commit << " (HEAD)\n";
    return tree;
  }
  Revision revision = repo.head;
  revision.from_working_tree = true;
  if (repo.is_git) {
    out << "Reading the working tree" << (repo.content_changed ? " (it has uncommitted changes)" : "")
        << "\n";
  }
  return std::make_unique<DirectoryTree>(request.source, revision, diags);
}

LeakInjector& leak_injector() {
  static LeakInjector inject;
  return inject;
}

// Where a build whose tripwire passed leaves the digest of what it searched for ("" when
// the cache is not used this build).
fs::path tripwire_passed_file(const fs::path& cache_dir) {
  return cache_dir.empty() ? fs::path() : cache_dir / "tripwire" / "passed";
}

// The cache folder beside the site, or a symbolic link in it (pdf -> another folder), when
// there is one: the caches would write into, and clear, a folder that is not theirs.
fs::path link_in_cache(const fs::path& cache_dir) {
  const auto is_link = [](const fs::path& p) {
    std::error_code ec;
    return fs::is_symlink(fs::symlink_status(p, ec));
  };
  if (is_link(cache_dir)) return cache_dir;
  std::error_code ec;
  for (fs::directory_iterator it(cache_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_link(it->path())) return it->path();
  }
  return {};
}

// The tripwire over every file about to be published and every cache file kept beside the
// site: withheld text in any of them fails the build (tripwire/tripwire.h). A file kept from
// the last build is read again unless that build's search looked for exactly the same texts
// (the digest it left matches), since what is withheld may have grown since. Returns the
// digest to leave once this build is published ("" when there is nothing to search for).
std::string check_output(const SiteModel& model, const AtomicOutput& output, const BuildRequest& request,
                         const fs::path& cache_dir, Diagnostics& diags, TripwireStats& stats) {
  if (model.withheld_texts.empty()) return {};  // the caller removes the last digest
  // Every page of an exempt item quotes its paragraph of Schedule 12A, which a reason echoes.
  std::vector<std::string> allowed;
  for (const char* paragraph : {"1", "2", "3", "4", "5", "6", "7"})
    allowed.push_back(exempt_paragraph_description(paragraph));
  std::string digest = tripwire_digest(model.withheld_texts, allowed);
  std::string previous;
  if (std::ifstream in(tripwire_passed_file(cache_dir)); !cache_dir.empty() && in) std::getline(in, previous);
  // Until this build is published, no digest may vouch for the files it leaves: a commit
  // cut short is finished by the next build, with files this search (not the last) read.
  std::error_code ec;
  if (!cache_dir.empty()) fs::remove(tripwire_passed_file(cache_dir), ec);
  std::vector<ScannedFile> files;
  for (auto& f : output.files_to_publish()) {
    if (f.kept && previous == digest) continue;
    files.push_back({f.path, std::move(f.disk), false});
  }
  for (auto& cache : cache_files(cache_dir)) files.push_back(std::move(cache));
  stats =
      check_withheld_texts(model.withheld_texts, allowed, files, request.out.string(), request.jobs, diags);
  return digest;
}

// After a publish: what this build searched for, or nothing (the next build reads every file).
void leave_tripwire_digest(const fs::path& cache_dir, const std::string& digest) {
  if (cache_dir.empty()) return;
  std::error_code ec;
  const fs::path file = tripwire_passed_file(cache_dir);
  fs::remove(file, ec);
  if (digest.empty()) return;
  fs::create_directories(file.parent_path(), ec);
  std::ofstream(file) << digest << '\n';
}

std::vector<fs::path> theme_search_dirs(const BuildRequest& request) {
  std::vector<fs::path> dirs;
  if (!request.executable.empty()) {
    std::error_code ec;
    const fs::path exe = fs::canonical(request.executable, ec);
    if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "quorum" / "themes");
  }
  // The source tree's themes, for a binary run from its build folder. An installed binary finds
  // its prefix's themes first; QUORUM_NO_SOURCE_THEMES=1 turns this fallback off, so a test can
  // prove an installed copy does not depend on the source tree.
  const char* no_source = std::getenv("QUORUM_NO_SOURCE_THEMES");
  const bool source_fallback =
      no_source == nullptr || std::string(no_source).empty() || std::string(no_source) == "0";
  if (source_fallback && std::string(QUORUM_SOURCE_THEMES).size() > 0) {
    dirs.emplace_back(QUORUM_SOURCE_THEMES);
  }
  return dirs;
}

}  // namespace

void set_leak_injector_for_testing(LeakInjector inject) { leak_injector() = std::move(inject); }

int run_build(const BuildRequest& request, std::ostream& out, std::ostream& err, Diagnostics* collected) {
  const auto started = std::chrono::steady_clock::now();
  StageTimes times;
  Diagnostics own;
  Diagnostics& diags = collected != nullptr ? *collected : own;
  // Opened before anything is read: it takes the folder's lock and first finishes a build
  // that was stopped part way, so even a build that fails leaves no half-updated site.
  std::optional<AtomicOutput> output;
  const auto finish_with_errors = [&] {
    report(diags, err, request.style);
    err << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors") << ", "
        << diags.warning_count() << (diags.warning_count() == 1 ? " warning" : " warnings");
    // What the folder holds now is checked on disk, never assumed.
    if (output) {
      err << "; " << output->state_after_failure();
    } else {
      err << (request.check_only ? "." : "; nothing was published.");
    }
    err << '\n';
    return kContentErrors;
  };

  // Before anything is read: a build replaces its output folder, so it must be one that is
  // the site's to replace (write/output_folder.h).
  if (!request.base_url.empty()) {
    if (const std::string problem = url_problem(request.base_url, UrlUse::site_address); !problem.empty()) {
      err << "quorum: --base-url '" << request.base_url
          << "' is not a site address Quorum can publish: " << problem
          << ". Write it in full, for example --base-url https://democracy.example.gov.uk/\n";
      return kUsage;
    }
  }
  if (!request.check_only) {
    if (const std::string refused = refuse_output_folder(request.source, request.out, request.force);
        !refused.empty()) {
      err << "quorum: " << refused << '\n';
      return kUsage;
    }
    try {
      output.emplace(request.out, /*incremental=*/!request.clean);
      output->set_replace_foreign_files(request.force);
    } catch (const std::exception& e) {
      diags.error({request.out.string(), 0, 0}, e.what());
      return finish_with_errors();
    }
  }
  const auto tree = open_source(request, diags, out);
  if (!tree) return finish_with_errors();
  times.end("load");
  // Every file each commit touched is classified as it was then, so that a commit that touched
  // withheld material at any point in a file's history keeps its message off the site.
  History history = History::read(request.source, tree->revision().commit, diags, &content_privacy());
  times.end("history");
  // Extracted PDF text and Markdown outlines are kept by blob id beside the site, so
  // unchanged files cost little on the next build (`check` writes nothing, so it goes
  // without the caches).
  std::filesystem::path cache_dir =
      request.check_only ? std::filesystem::path() : AtomicOutput::cache_dir(request.out);
  // A link in the cache folder points at someone else's folder: the caches are not used, so
  // nothing is written or cleared there (and --clean leaves it too).
  if (const fs::path link = cache_dir.empty() ? fs::path() : link_in_cache(cache_dir); !link.empty()) {
    std::error_code ec;
    diags.warning({link.string(), 0, 0},
                  "this is a symbolic link (to " + fs::read_symlink(link, ec).string() +
                      "), in the folder where Quorum keeps its caches between builds; Quorum never writes "
                      "or deletes through it, so this build uses no cache and is slower. Delete the link "
                      "(Quorum makes a real folder again)");
    cache_dir.clear();
  }
  // --clean ignores everything the last build left, its caches too: they are removed, so a
  // clean build is also a sure way to clear anything an earlier build kept of a file that has
  // been withheld since.
  if (request.clean && !cache_dir.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(cache_dir, ec);
  }
  // The same threads as rendering (-j): the files are parsed on them too.
  ModelCacheStats cached;
  const SiteModel model = build_model(*tree, diags, std::move(history), cache_dir, request.jobs, &cached);
  if (request.publishing_rules) check_publishing_rules(model, diags);
  times.end("parse+model");
  const auto theme = Theme::load(model.site.theme, *tree, theme_search_dirs(request), diags);
  if (diags.has_errors() || !theme) return finish_with_errors();
  times.end("theme");

  RenderOptions options;
  options.base_url = request.base_url;
  options.jobs = request.jobs;
  ProgressLine progress(err, request.progress && ProgressLine::stderr_is_terminal());
  if (progress.enabled())
    options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  RenderStats stats;
  TripwireStats searched_stats;
  if (request.check_only) {
    DiscardOutput discard;  // rendering still runs, so template errors are found by check too
    // A file that changes while it is read throws from the render threads (body_text.h):
    // a message, as for a build, never a terminated `check`.
    try {
      stats = render_site(model, *tree, *theme, options, discard, diags);
    } catch (const std::exception& e) {
      diags.error({request.source.string(), 0, 0}, e.what());
      return finish_with_errors();
    }
    progress.finish();
    times.end("render");
  } else {
    try {
      stats = render_site(model, *tree, *theme, options, *output, diags);
      progress.finish();
      times.end("render+write");
      if (diags.has_errors()) return finish_with_errors();
      if (leak_injector()) leak_injector()(model, *output);
      const std::string searched = check_output(model, *output, request, cache_dir, diags, searched_stats);
      times.end("tripwire");
      if (diags.has_errors()) return finish_with_errors();  // the staged files are dropped
      output->commit();
      leave_tripwire_digest(cache_dir, searched);
      times.end("commit");
    } catch (const std::exception& e) {
      diags.error({request.out.string(), 0, 0}, e.what());
      return finish_with_errors();
    }
  }
  if (diags.has_errors()) return finish_with_errors();
  report(diags, err, request.style);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
          .count();
  if (request.check_only) {
    out << "No errors (" << diags.warning_count() << (diags.warning_count() == 1 ? " warning" : " warnings")
        << "): " << model.meetings.size() << " meetings, " << model.people.size() << " people, "
        << model.committees.size() << " committees checked in " << ms << " ms\n";
  } else {
    out << "Wrote " << stats.pages << " pages (" << stats.rendered << " rendered, "
        << stats.pages - stats.rendered << " unchanged) and copied " << stats.files << " files to "
        << request.out.string() << " in " << ms << " ms\n";
  }
  if (request.verbose) {
    times.print(out, "Counts: " + std::to_string(tree->files().size()) + " source files (" +
                         std::to_string(cached.markdown_from_cache) +
                         " Markdown outlines reused from the cache, " +
                         std::to_string(cached.markdown_outlined) + " cached anew), " +
                         std::to_string(model.meetings.size()) + " meetings (" +
                         std::to_string(cached.meetings_from_cache) + " taken from the cache), " +
                         std::to_string(stats.pages) + " pages (" + std::to_string(stats.rendered) +
                         " rendered), " + std::to_string(stats.files) + " other files (" +
                         std::to_string(stats.derived_made) + " of " + std::to_string(stats.derived) +
                         " data and search files made), " + std::to_string(searched_stats.files) +
                         " files (" + std::to_string(searched_stats.bytes / 1000000) + " MB) searched for " +
                         std::to_string(searched_stats.needles) + " runs of withheld words, " +
                         std::to_string(options.jobs != 0 ? options.jobs : default_jobs()) + " threads");
  }
  return kOk;
}

}  // namespace quorum
