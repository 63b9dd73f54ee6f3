// The last check before a site is published: no file about to be published, and no cache
// file kept beside it, may hold any text the model withheld (model/withheld_text.h),
// whatever path it took to get there.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/withheld_text.h"
#include "support/diagnostics.h"

namespace quorum {

struct ScannedFile {
  std::string name;            // how messages name it: "committees/x/index.html"
  std::filesystem::path disk;  // where its bytes are now
  bool cache = false;          // a cache file: deleted when it holds withheld text
};

struct TripwireStats {
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::size_t needles = 0;  // shingles and short texts searched for
};

// Searches every file for every withheld text (matcher.h says how), on `jobs` threads.
// Each file holding one is an error at the withheld text's source position, naming the
// file (under `site_label`, or the cache folder for a cache file) and the text's source,
// never the text itself (build logs may be public). A cache file holding one is deleted.
// `allowed`: wording the site shows whatever the content (Matcher's `allowed`).
TripwireStats check_withheld_texts(const WithheldTexts& withheld, const std::vector<std::string>& allowed,
                                   const std::vector<ScannedFile>& files, const std::string& site_label,
                                   unsigned jobs, Diagnostics& diags);

// What a search looks for: the withheld texts, the allowed wording and how they are matched.
// A file kept unchanged from a build whose search passed with the same digest holds nothing
// this search would find, so an incremental build need not read it again.
std::string tripwire_digest(const WithheldTexts& withheld, const std::vector<std::string>& allowed);

// Every file under `folder` (the caches), to scan with the site's.
std::vector<ScannedFile> cache_files(const std::filesystem::path& folder);

}  // namespace quorum
