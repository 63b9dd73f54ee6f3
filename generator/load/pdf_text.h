// Text from PDF attachments, through poppler's C++ API: per-page text, the page count, and
// whether the file has a text layer at all (a scan has none). Reads bytes only; which files
// may be extracted (never a withheld one) is the caller's decision.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace quorum {

struct PdfText {
  bool readable = false;           // poppler could open it (not damaged, not encrypted)
  int pages = 0;
  bool has_text = false;           // some page has non-blank text: false for a scan
  std::vector<std::string> text;   // UTF-8, one entry per page
};

PdfText extract_pdf_text(std::string_view bytes);

// Extracts many PDFs at once, keyed by the caller's name (a repository path), on a pool of
// up to hardware_concurrency threads. `fingerprints` names each file's blob id: with a
// `cache_dir`, each result is kept as <cache_dir>/<blob id>.json and reused while the bytes
// are unchanged, and every other entry there is removed: the cache holds only the files of
// `sources` (so only published ones). The result does not depend on the order threads finish in.
struct PdfSource {
  std::string fingerprint;
  std::string bytes;
};
std::map<std::string, PdfText> extract_pdf_texts(const std::map<std::string, PdfSource>& sources,
                                                 const std::filesystem::path& cache_dir = {});

}  // namespace quorum
