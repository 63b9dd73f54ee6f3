// Helpers for end-to-end tests: whole content repositories written inline, committed as
// real git repositories, built with the same pipeline the command line runs.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace quorum::testing {

// A fresh folder under the system temp folder, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& p) const { return path_ / p; }

 private:
  std::filesystem::path path_;
};

// Parses a site written as "-- path --" sections (Hugo's integration-test style):
//   -- site-config/site.yaml --
//   title: Test
using Files = std::map<std::string, std::string>;
Files parse_sections(const std::string& text);

void write_files(const std::filesystem::path& root, const Files& files);
// `git init` and one commit of everything, through libgit2, with a fixed author and time
// so the same files always make the same commit.
void commit_all(const std::filesystem::path& root, const std::string& message, long long time = 1500000000);

struct BuildResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
BuildResult build(const std::filesystem::path& source, const std::filesystem::path& out,
                  bool working_tree = false);
BuildResult check(const std::filesystem::path& source);
// Builds one commit (branch, tag or id) of `source`; `clean` ignores the last build.
BuildResult build_ref(const std::filesystem::path& source, const std::filesystem::path& out,
                      const std::string& ref, bool clean = false);
// As build(), with --verbose: `out` also has the stage timings and the counts.
BuildResult build_verbose(const std::filesystem::path& source, const std::filesystem::path& out);
// Runs a shell command (git, for clones); returns its exit status.
int shell(const std::string& command);

std::string read(const std::filesystem::path& file);
// Every file under `root`, relative, sorted.
std::set<std::string> list_files(const std::filesystem::path& root);
// How many times `needle` occurs in `text`, not overlapping.
std::size_t count_of(const std::string& text, const std::string& needle);
// True when `needle` occurs in any file under `root`; names the first file in `where`.
bool any_file_contains(const std::filesystem::path& root, const std::string& needle, std::string* where = nullptr);

// A small but complete content repository used by several tests.
std::string minimal_site();

}  // namespace quorum::testing
