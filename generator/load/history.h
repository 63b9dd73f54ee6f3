// Each file's change history from git, read in one walk of the commits (not once per
// page): who changed what, when, and why, with renames followed.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace quorum {

struct Change {
  std::string commit;        // full id
  long long time = 0;        // commit time, seconds since the epoch
  std::string summary;       // first line of the commit message
  std::string kind;          // "added", "changed", "renamed"
};

class History {
 public:
  // Walks the first-parent history of `commit` (a full id) in `repo`. Empty when the folder
  // is not a git repository.
  static History read(const std::filesystem::path& repo, const std::string& commit, Diagnostics& diags);

  // Changes of a file (by its path in the built commit), newest first; empty if none.
  [[nodiscard]] const std::vector<Change>& of(const std::string& path) const;
  // Every path (as named at the time) a commit touched: to keep withheld files' commit
  // messages off public pages.
  [[nodiscard]] const std::set<std::string>& touched_by(const std::string& commit) const;
  // The commits that touched any of `paths`: found once per build, since every page's
  // history asks it of each of its commits.
  [[nodiscard]] std::set<std::string> commits_touching(const std::set<std::string>& paths) const;
  [[nodiscard]] bool empty() const { return by_path_.empty(); }
  [[nodiscard]] std::size_t commit_count() const { return touched_.size(); }

 private:
  std::map<std::string, std::vector<Change>> by_path_;
  std::map<std::string, std::set<std::string>> touched_;
};

}  // namespace quorum
