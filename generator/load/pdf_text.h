// Text from PDF attachments, through poppler's C++ API: per-page text, the page count, and
// whether the file has a text layer at all (a scan has none). Reads bytes only; which files
// may be extracted (never a withheld one) is the caller's decision.
//
// Poppler never runs in the build's own process: a PDF is untrusted, and a decompression
// bomb can take gigabytes or minutes. Each PDF goes to a helper process (the `quorum`
// executable itself, load/pdf_helper.h) under memory and time limits; a PDF whose helper
// fails gives a result with `failure` set, and the build goes on without its text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum {

struct PdfText {
  bool readable = false;  // poppler could open it (not damaged, not encrypted)
  int pages = 0;
  bool has_text = false;          // some page has non-blank text: false for a scan
  std::vector<std::string> text;  // UTF-8, one entry per page
  // Set when the text could not be extracted at all: the helper ran out of memory or time,
  // crashed, gave an answer that did not check, or could not be started. Words for a clerk,
  // completing "the text could not be extracted: ...". Then readable is false; such a
  // result is never cached (it may be the machine's fault, not the file's).
  std::string failure;
};

// Limits on the helper extracting one PDF.
struct PdfLimits {
  // Address space the helper may take beyond what it holds when it starts (RLIMIT_AS).
  std::uint64_t memory_bytes = std::uint64_t{1024} << 20;
  // Processor time for one PDF (RLIMIT_CPU), and wall-clock time for one PDF, from sending
  // it to the last byte of its answer (the parent kills the helper when it runs out).
  int cpu_seconds = 30;
  int wall_milliseconds = 30000;
};

// How PDFs are extracted: the helper executable (the `quorum` binary, run as
// `quorum internal-pdf-text MEMORY_BYTES CPU_SECONDS`) and the limits.
struct PdfExtractor {
  std::filesystem::path helper;  // empty: none, and every PDF fails (says so)
  PdfLimits limits;
};

// The process's default extractor, used when none is passed. Empty until set: `main` of the
// `quorum` executable sets itself as the helper, the tests' main the built `quorum`. A
// process that is not `quorum` must never be its own helper.
void set_pdf_extractor(PdfExtractor extractor);
PdfExtractor pdf_extractor();

// Reads QUORUM_PDF_MEMORY_MB and QUORUM_PDF_SECONDS (wall and processor time) into `limits`
// through `getenv`; returns what is wrong with a value that is set but not a whole number in
// range ("" when nothing is).
std::string pdf_limits_from_environment(PdfLimits& limits, const char* (*getenv)(const char*));

// One PDF through a fresh helper.
PdfText extract_pdf_text(std::string_view bytes, const PdfExtractor& extractor = pdf_extractor());

// Poppler in this very process, with no limits: the helper's own work, and nothing else's.
PdfText extract_pdf_text_in_process(std::string_view bytes);

// Results kept from earlier builds, by the file's fingerprint: the build stage keeps them
// (build/pdf_text_cache.h). Both calls are made from any of the extracting threads.
class PdfTextStore {
 public:
  virtual ~PdfTextStore() = default;
  virtual std::optional<PdfText> find(const std::string& fingerprint) = 0;
  // Only a result without a failure is offered: a failure may be the machine's (a busy CI
  // runner's clock, no process to spare) or the limits', which may be raised.
  virtual void keep(const std::string& fingerprint, const PdfText& text) = 0;
};

// Extracts many PDFs at once, keyed by the caller's name (a repository path), on a pool of
// up to hardware_concurrency threads, each feeding one helper process at a time (a helper
// takes PDF after PDF; one that fails is replaced, and only its PDF loses its text).
// A source with a fingerprint (its blob id) is first looked for in `store`, and its result is
// offered to it. The result does not depend on the order threads finish in.
struct PdfSource {
  std::string fingerprint;
  std::string bytes;
};
std::map<std::string, PdfText> extract_pdf_texts(const std::map<std::string, PdfSource>& sources,
                                                 PdfTextStore* store = nullptr,
                                                 const PdfExtractor& extractor = pdf_extractor());

}  // namespace quorum
