// The working tree as it is on disk: for previews and for folders that are not git
// repositories. Symbolic links are followed only when they stay inside the repository.
#pragma once

#include <filesystem>

#include "load/source_tree.h"

namespace quorum {

class DirectoryTree : public SourceTree {
 public:
  // Problems (a link leading outside the repository, an unreadable folder) go to `diags`.
  DirectoryTree(std::filesystem::path root, Revision revision, Diagnostics& diags);
  [[nodiscard]] const std::vector<std::string>& files() const override { return paths_; }
  [[nodiscard]] std::optional<std::string> read(const std::string& path) const override;
  [[nodiscard]] std::optional<std::size_t> size(const std::string& path) const override;
  [[nodiscard]] const Revision& revision() const override { return revision_; }

 private:
  std::filesystem::path root_;
  std::vector<std::string> paths_;
  Revision revision_;
};

}  // namespace quorum
