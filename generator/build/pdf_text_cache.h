// Extracted PDF text kept between builds, one file per PDF named by its blob id
// (<cache folder>/pdf/<blob id>.json), so an unchanged PDF is never read again.
//
// It holds only published PDFs: the build offers only those (build_model.cc reads no withheld
// file), and after each build every entry not of this build's files is removed, so the text of
// a file no longer published (deleted, or withheld since: an appendix of a report made exempt)
// does not stay on disk beside the site, where a CI job may upload it. A damaged entry is a
// miss; an entry is written beside and renamed into place, so a reader never sees half of one.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "load/pdf_text.h"

namespace quorum::build {

class PdfTextCache final : public PdfTextStore {
 public:
  // A `folder` (or cache folder above it) that is a symbolic link is not used at all: the
  // cache would write, and keep_only delete, in a folder that is not the cache's.
  explicit PdfTextCache(std::filesystem::path folder);
  std::optional<PdfText> find(const std::string& fingerprint) override;
  void keep(const std::string& fingerprint, const PdfText& text) override;
  // Removes everything in the folder but the entries of `fingerprints` (a half-written entry
  // and a foreign file too).
  void keep_only(const std::set<std::string>& fingerprints);

 private:
  std::filesystem::path folder_;
};

}  // namespace quorum::build
