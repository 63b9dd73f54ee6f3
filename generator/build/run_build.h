// The pipeline behind `quorum build` and `quorum check`, callable from tests.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "support/diagnostics.h"

namespace quorum {

class OutputSink;
struct SiteModel;

struct BuildRequest {
  std::filesystem::path source = ".";
  std::filesystem::path out = "public";
  std::string base_url;               // overrides site.yaml when set
  std::optional<std::string> ref;     // build this commit; default: HEAD when clean
  bool working_tree = false;          // read files as they are on disk
  bool check_only = false;            // validate, write nothing
  bool clean = false;                 // render every page, ignoring the last build
  bool force = false;                 // --force: --out may hold files Quorum did not write
  std::filesystem::path executable;   // to find an installed default theme
  bool publishing_rules = false;      // also warn about late agendas and stale draft minutes
  DiagnosticStyle style = DiagnosticStyle::text;  // --format text|github
  unsigned jobs = 0;                  // --jobs: threads to render on; 0: one per core
  bool verbose = false;               // --verbose: time each stage and print the figures
  bool progress = false;              // "Rendering pages n/N" on stderr, when it is a terminal
};

// Exit codes of the command line.
enum ExitCode { kOk = 0, kContentErrors = 1, kUsage = 2 };

// Prints every diagnostic to `err` as well as collecting them in `collected` when given (the
// preview server shows them in the browser too).
int run_build(const BuildRequest& request, std::ostream& out, std::ostream& err,
              Diagnostics* collected = nullptr);

// For tests only (tests/withheld_tripwire_test.cc): when set, called after rendering and
// before the tripwire with the model and the output the site is being written to, so a
// test can copy a withheld text into a page and see the tripwire stop the build. Only code
// linked into the process can set it: no option, file or environment variable reaches it.
using LeakInjector = std::function<void(const SiteModel&, OutputSink&)>;
void set_leak_injector_for_testing(LeakInjector inject);

}  // namespace quorum
