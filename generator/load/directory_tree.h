// The working tree as it is on disk: for previews and for folders that are not git
// repositories. A symbolic link is followed only to a file inside content/, site-config/ or
// themes/ (never .git/, never outside), and never to or as a Markdown or YAML file: those
// decide what is withheld, and a copy under another name could publish what they withhold.
#pragma once

#include <filesystem>
#include <map>

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
  [[nodiscard]] std::optional<std::string> link_target(const std::string& path) const override;

 private:
  std::string refuse_link(const std::filesystem::path& link, const std::string& rel);
  std::filesystem::path root_;
  std::vector<std::string> paths_;
  std::map<std::string, std::string> links_;  // a followed link's path -> its target's
  Revision revision_;
};

}  // namespace quorum
