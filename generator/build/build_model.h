// The model of one build: the model's steps (model/model_load.h), taken with the files
// parsed ahead on other threads and with what earlier builds kept beside the site, then the
// text of the published PDFs and the fingerprint of what every page may show of other files.
#pragma once

#include <cstddef>
#include <filesystem>

#include "load/history.h"
#include "load/source_tree.h"
#include "model/site_model.h"
#include "support/diagnostics.h"

namespace quorum {

// What the caches saved this build, for --verbose.
struct ModelCacheStats {
  std::size_t markdown_outlined = 0;    // Markdown files outlined and cached anew
  std::size_t markdown_from_cache = 0;  // Markdown outlines taken from the parse cache
  std::size_t meetings_from_cache = 0;  // meetings taken as an earlier build loaded them
};

// Loads, validates and cross-references everything in `tree`. Errors go to `diags`; the
// returned model is complete enough to keep checking but must not be rendered when
// diags.has_errors().
// `cache_dir` (optional) keeps, between builds, extracted PDF text (in pdf/) and what
// each Markdown file's bytes gave its parse, and each wholly public meeting as it was loaded
// (in parse/), all by blob id: with or without them, the model is the same.
// `jobs`: threads to read and parse the files on (0: one per core; 1: this thread only).
// The model and the messages, in their order, are the same for any number.
SiteModel build_model(const SourceTree& tree, Diagnostics& diags, History history = {},
                      const std::filesystem::path& cache_dir = {}, unsigned jobs = 0,
                      ModelCacheStats* stats = nullptr);

}  // namespace quorum
