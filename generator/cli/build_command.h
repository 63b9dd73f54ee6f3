// The pipeline behind `quorum build` and `quorum check`, callable from tests.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace quorum {

struct BuildRequest {
  std::filesystem::path source = ".";
  std::filesystem::path out = "public";
  std::string base_url;               // overrides site.yaml when set
  std::optional<std::string> ref;     // build this commit; default: HEAD when clean
  bool working_tree = false;          // read files as they are on disk
  bool check_only = false;            // validate, write nothing
  bool clean = false;                 // render every page, ignoring the last build
  std::filesystem::path executable;   // to find an installed default theme
};

// Exit codes of the command line.
enum ExitCode { kOk = 0, kContentErrors = 1, kUsage = 2 };

int run_build(const BuildRequest& request, std::ostream& out, std::ostream& err);

}  // namespace quorum
