// The helper process that runs poppler for load/pdf_text.h, and the parent's side of it.
//
// The helper is the `quorum` executable started again (posix_spawn, never a fork of the
// threaded build) as `quorum internal-pdf-text MEMORY_BYTES CPU_SECONDS`. Before reading
// anything it limits itself: no core file, its address space to what it holds now plus
// MEMORY_BYTES, and before each PDF its processor time to CPU_SECONDS more. It then reads
// requests on stdin and answers each on stdout until stdin ends:
//   request: u64 length, then that many bytes of PDF
//   answer:  "QPT1", u8 readable, u8 has_text, u32 pages, u32 n, n x (u32 length, bytes),
//            "END1"
// (integers little-endian). The parent sends one PDF at a time, waits for its answer with a
// wall-clock deadline, checks it strictly, and on any failure kills and reaps the helper and
// starts a new one for the next PDF: one bad PDF loses only its own text.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

#include "load/pdf_text.h"

namespace quorum {

// The first argument that makes `quorum` the helper (main() checks it before anything else).
inline constexpr std::string_view kPdfHelperCommand = "internal-pdf-text";

// The helper's exit status when an allocation fails. main() also makes the allocator's own
// out-of-memory error (mimalloc aborts rather than calling the new-handler) exit with it.
inline constexpr int kPdfHelperOutOfMemory = 4;

// The helper's side: argv is the whole command line. Returns the exit status.
int run_pdf_helper(int argc, char** argv);

// The parent's side: one helper process at a time, started on the first PDF and replaced
// after a failure. Not shared between threads: each worker thread has its own.
class PdfHelperProcess {
 public:
  explicit PdfHelperProcess(PdfExtractor extractor);
  ~PdfHelperProcess();
  PdfHelperProcess(const PdfHelperProcess&) = delete;
  PdfHelperProcess& operator=(const PdfHelperProcess&) = delete;

  // Never throws for anything the PDF or the helper does: a failure is in the result.
  PdfText extract(std::string_view bytes);

 private:
  std::string start();  // "" or what went wrong
  // Ends the helper (killing it if it has not exited by `grace_ms`: killed_) and returns its
  // wait status.
  int stop(int grace_ms);

  PdfExtractor extractor_;
  pid_t pid_ = -1;
  int fd_ = -1;
  bool killed_ = false;  // the last stop() had to kill the helper
};

}  // namespace quorum
