// The `quorum` command line.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <system_error>

#ifdef QUORUM_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/cli_app.h"
#include "load/pdf_helper.h"
#include "load/pdf_text.h"

// The command line itself (subcommands, options, help, version) is defined in cli_app.cc,
// shared with the man page and completion generators in cli_docs.cc.
int main(int argc, char** argv) {
#ifdef QUORUM_MIMALLOC
  // Linking mimalloc replaces malloc for the whole process; this call keeps a linker that
  // drops unused libraries (--as-needed) from dropping it.
  (void)mi_version();
#endif
  // Started by a build to read PDFs (load/pdf_helper.h): before anything else, so the helper
  // limits itself before doing any work. Not a subcommand: nobody types it.
  if (argc > 1 && argv[1] == quorum::kPdfHelperCommand) {
#ifdef QUORUM_MIMALLOC
    // Out of memory is the limit working, and the parent is told so by the exit status.
    mi_register_error(
        [](int err, void*) {
          if (err == ENOMEM) ::_exit(quorum::kPdfHelperOutOfMemory);
        },
        nullptr);
#endif
    return quorum::run_pdf_helper(argc, argv);
  }

  // This executable reads PDFs by starting itself again; the limits are the operator's to set.
  quorum::PdfExtractor pdf;
  std::error_code ec;
  pdf.helper = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) pdf.helper.clear();  // every PDF then says its text could not be extracted, and why
  if (const std::string problem = quorum::pdf_limits_from_environment(
          pdf.limits, [](const char* name) -> const char* { return std::getenv(name); });
      !problem.empty()) {
    std::cerr << "quorum: " << problem
              << " (QUORUM_PDF_MEMORY_MB is the memory in MB, QUORUM_PDF_SECONDS the time in seconds, "
                 "that reading one PDF may take)\n";
    return 2;
  }
  quorum::set_pdf_extractor(std::move(pdf));
  return quorum::run_cli(argc, argv, std::cout, std::cerr);
}
