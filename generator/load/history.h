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

// One side of a commit as the walk sees it (the commit's tree, or its parent's), for
// PastPrivacy: only what a rule about withheld material needs, without YAML or committees.
class CommitSide {
 public:
  virtual ~CommitSide() = default;
  // True when `path` is in this tree as the very blob it is in the commit being built.
  [[nodiscard]] virtual bool same_as_built(const std::string& path) const = 0;
  // True when `path` is in this tree and its bytes contain `word`, ignoring ASCII case.
  [[nodiscard]] virtual bool mentions(const std::string& path, const std::string& word) const = 0;
  // True when `path` is a file in this tree.
  [[nodiscard]] virtual bool has(const std::string& path) const = 0;
  // The paths of the files directly in `folder` (no trailing '/') in this tree.
  [[nodiscard]] virtual std::vector<std::string> files_in(const std::string& folder) const = 0;
};

// Whether a file as a commit left it (or found it) held withheld material.
struct PastVerdict {
  bool withheld = false;           // yes, by its bytes (or its meeting's) at that time
  std::set<std::string> if_built;  // or: yes if any of these paths of the built commit is withheld now
};

// The rule, given by the model (the load stage knows nothing of reports or meetings) and
// asked of every file each commit touched, on each side of it.
class PastPrivacy {
 public:
  virtual ~PastPrivacy() = default;
  [[nodiscard]] virtual PastVerdict classify(const std::string& path, const CommitSide& side) const = 0;
};

// One file through the history walked: every name it had, renames followed. A file deleted
// before the commit built has no `path`; a name used again later is another lineage.
struct Lineage {
  std::string path;                   // its path in the built commit, "" when it was deleted
  std::string last_name;              // its path when last seen (the path, or where it was deleted)
  std::vector<std::string> commits;   // that touched it, newest first, each once
  bool withheld_then = false;         // PastPrivacy said so of some version of it
  std::set<std::string> withheld_if;  // built paths that, withheld now, make it withheld
};

class History {
 public:
  // Walks the first-parent history of `commit` (a full id) in `repo`. Empty when the folder
  // is not a git repository. With `privacy`, every file each commit touched is classified
  // (see lineages()).
  static History read(const std::filesystem::path& repo, const std::string& commit, Diagnostics& diags,
                      const PastPrivacy* privacy = nullptr);

  // Changes of a file (by its path in the built commit), newest first; empty if none.
  [[nodiscard]] const std::vector<Change>& of(const std::string& path) const;
  // Every path (as named at the time) a commit touched: to keep withheld files' commit
  // messages off public pages.
  [[nodiscard]] const std::set<std::string>& touched_by(const std::string& commit) const;
  // The commits that touched any of `paths`: found once per build, since every page's
  // history asks it of each of its commits.
  [[nodiscard]] std::set<std::string> commits_touching(const std::set<std::string>& paths) const;
  // Every file the walk saw, renames and deletions followed, with what PastPrivacy said of it.
  [[nodiscard]] const std::vector<Lineage>& lineages() const { return lineages_; }
  // The first line of a commit's message ("" for a commit not walked).
  [[nodiscard]] const std::string& summary_of(const std::string& commit) const;
  [[nodiscard]] bool empty() const { return by_path_.empty(); }
  [[nodiscard]] std::size_t commit_count() const { return touched_.size(); }

 private:
  std::map<std::string, std::vector<Change>> by_path_;
  std::map<std::string, std::set<std::string>> touched_;
  std::map<std::string, std::string> summaries_;
  std::vector<Lineage> lineages_;
};

}  // namespace quorum
