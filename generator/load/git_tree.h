// The files of one git commit, read through libgit2 without a checkout: the published
// site is exactly what was committed, and a bare repository builds too.
#pragma once

#include <filesystem>
#include <memory>

#include "load/source_tree.h"

namespace quorum {

class GitTree : public SourceTree {
 public:
  // Returns nullptr (with an error in `diags`) when `ref` names no commit.
  static std::unique_ptr<GitTree> open(const std::filesystem::path& repo, const std::string& ref,
                                       Diagnostics& diags);
  ~GitTree() override;
  GitTree(const GitTree&) = delete;
  GitTree& operator=(const GitTree&) = delete;

  [[nodiscard]] const std::vector<std::string>& files() const override { return paths_; }
  [[nodiscard]] std::optional<std::string> read(const std::string& path) const override;
  [[nodiscard]] std::optional<std::size_t> size(const std::string& path) const override;
  [[nodiscard]] const Revision& revision() const override { return revision_; }
  [[nodiscard]] std::optional<std::string> known_fingerprint(const std::string& path) const override;

 private:
  struct Impl;
  explicit GitTree(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> paths_;
  Revision revision_;
};

// What kind of folder the source is, so the command line can choose how to read it.
struct RepositoryState {
  bool is_git = false;
  bool has_commits = false;
  bool content_changed = false;  // uncommitted changes under content/, site-config/, themes/
  Revision head;                 // HEAD's id and time, when there is one
};
RepositoryState inspect_repository(const std::filesystem::path& folder);

}  // namespace quorum
