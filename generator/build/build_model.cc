#include "build/build_model.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "build/meeting_cache.h"
#include "build/parse_cache.h"
#include "build/pdf_text_cache.h"
#include "build/read_ahead.h"
#include "load/fingerprint.h"
#include "load/pdf_text.h"
#include "model/model_load.h"
#include "support/parallel.h"
#include "support/text.h"

namespace quorum {

using build::ParseCache;
using build::ParsedFiles;

namespace {

// Only files that are published (copied to the site) are read, and never a withheld one:
// an exempt report's appendix is not opened, let alone indexed.
void extract_pdfs(SiteModel& model, const SourceTree& tree, Diagnostics& diags,
                  const std::filesystem::path& cache) {
  std::map<std::string, PdfSource> sources;
  for (const auto& path : model.published_files) {
    if (model.withheld_paths.count(path) != 0 || path.size() < 4) continue;
    if (to_lower_ascii(path.substr(path.size() - 4)) != ".pdf") continue;
    auto bytes = tree.read(path);
    if (!bytes) continue;
    PdfSource src;
    src.fingerprint = fingerprint(*bytes);
    src.bytes = std::move(*bytes);
    sources.emplace(path, std::move(src));
  }
  if (cache.empty()) {
    model.pdfs = extract_pdf_texts(sources);
  } else {
    build::PdfTextCache store(cache);
    model.pdfs = extract_pdf_texts(sources, &store);
    std::set<std::string> published;
    for (const auto& [path, src] : sources) published.insert(src.fingerprint);
    store.keep_only(published);
  }
  for (const auto& [path, pdf] : model.pdfs) {
    if (!pdf.failure.empty()) {
      diags.warning({path, 0, 0},
                    "the text of this PDF could not be extracted: " + pdf.failure +
                        ". The file is still published and linked, but search cannot find its words and it "
                        "has no text version. Check that it opens in a PDF reader and save it again as a PDF "
                        "(\"Save as\" or \"Print to PDF\"); a scan or a very large drawing may simply be too "
                        "big to read, and then this warning can be left");
    } else if (!pdf.readable) {
      diags.warning({path, 0, 0},
                    "this PDF could not be read (damaged or password-protected): its link shows no page "
                    "count and it has no text version");
    } else if (!pdf.has_text) {
      diags.warning({path, 0, 0},
                    "this PDF is a scanned image with no text: screen readers and search cannot read it; "
                    "please supply an accessible version");
    }
  }
}

// Everything any page may show of other files: their visible parts, and which files exist
// (and the size of those copied as they are). Not "today", which only some pages show (the
// renderer adds it to theirs).
std::string shared_inputs_of(const SiteModel& model, const SourceTree& tree) {
  std::string shared;
  for (const auto& path : tree.files()) {
    shared += '\0' + path;
    if (const auto it = model.inputs.find(path); it != model.inputs.end()) {
      shared += '\0' + it->second.visible;
    } else if (path.rfind("content/", 0) == 0) {
      shared += '\0' + std::to_string(tree.size(path).value_or(0));
    }
  }
  // What attachment links say of each PDF (pages, scanned) is shown on other pages too.
  for (const auto& [path, pdf] : model.pdfs) {
    shared += '\0' + path + '\0' + std::to_string(pdf.pages) + (pdf.has_text ? "t" : "s");
  }
  return fingerprint(shared);
}

}  // namespace

SiteModel build_model(const SourceTree& tree, Diagnostics& diags, History history,
                      const std::filesystem::path& cache_dir, unsigned jobs, ModelCacheStats* stats) {
  // First only where everything is, so the files can be parsed ahead on other threads;
  // then the model's steps, in its order, which is the order of the messages.
  const ContentPlan plan = plan_content(tree);
  const auto& meetings = plan.meeting_folders;
  ModelLoad load(tree, diags, std::move(history));
  ParseCache cache(cache_dir.empty() ? cache_dir : cache_dir / "parse");

  // Meetings an earlier build loaded, whose files have not changed since: taken as they were,
  // so their files are neither read nor parsed (build/meeting_cache.h).
  const unsigned threads = jobs != 0 ? jobs : default_jobs();
  std::vector<std::string> meeting_keys(meetings.size());
  std::vector<std::optional<LoadedMeeting>> cached_meetings(meetings.size());
  if (cache.enabled()) {
    parallel_for(meetings.size(), threads, [&](std::size_t i) {
      meeting_keys[i] = build::meeting_cache_key(tree, meetings[i].folder);
      if (meeting_keys[i].empty()) return;
      if (const auto bytes = cache.entry(meeting_keys[i]))
        cached_meetings[i] = build::decode_loaded_meeting(*bytes);
    });
  }
  std::optional<ParsedFiles> parsed;
  if (threads > 1) {
    std::vector<std::string> meeting_paths;
    meeting_paths.reserve(meetings.size());
    for (std::size_t i = 0; i < meetings.size(); ++i) {
      if (!cached_meetings[i]) meeting_paths.push_back(meetings[i].folder);
    }
    parsed.emplace(tree, build::plan_reads(tree, plan, meeting_paths), threads, &cache);
  }
  load.use(parsed ? &*parsed : nullptr, &cache);

  load.load_entities(plan);
  std::size_t meetings_from_cache = 0;
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    if (!load.check_committee(meetings[i])) continue;
    if (cached_meetings[i]) {
      // Its Markdown files' outlines are not carried into the new cache: the meeting's entry
      // holds them, and should one of its files change, outlining its few files again is cheap.
      cache.carry(meeting_keys[i]);
      load.add_loaded_meeting(std::move(*cached_meetings[i]));
      cached_meetings[i].reset();
      ++meetings_from_cache;
      continue;
    }
    load.load_meeting(meetings[i]);
    if (meeting_keys[i].empty()) continue;
    if (const auto publishable = load.publishable_meeting(meetings[i]))
      cache.keep_entry(meeting_keys[i], build::encode_loaded_meeting(*publishable));
  }
  load.use(nullptr, nullptr);
  parsed.reset();  // stops the workers
  // A build with errors keeps no new cache: what is withheld may not be known when a file
  // could not be read (a private meeting's meeting.yaml with a YAML error leaves its minutes'
  // outline unmarked). The last good build's cache stays.
  if (!diags.has_errors()) cache.finish();
  if (stats != nullptr) *stats = {cache.kept(), cache.reused(), meetings_from_cache};

  SiteModel model = load.finish();
  // A build with errors keeps no PDF text either: what is withheld may not be known.
  extract_pdfs(model, tree, diags,
               cache_dir.empty() || diags.has_errors() ? std::filesystem::path() : cache_dir / "pdf");
  model.shared_inputs = shared_inputs_of(model, tree);
  return model;
}

}  // namespace quorum
