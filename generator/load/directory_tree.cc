#include "load/directory_tree.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace quorum {
namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& root, const fs::path& candidate) {
  const auto rel = candidate.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

DirectoryTree::DirectoryTree(fs::path root, Revision revision, Diagnostics& diags)
    : root_(fs::weakly_canonical(root)), revision_(std::move(revision)) {
  for (const char* top : {"content", "site-config", "themes"}) {
    const fs::path start = root_ / top;
    std::error_code ec;
    if (!fs::is_directory(start, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(start, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string rel = p.lexically_relative(root_).generic_string();
      if (it->is_symlink()) {
        const fs::path target = fs::weakly_canonical(p, ec);
        if (ec || !inside(root_, target)) {
          diags.error({rel, 0, 0},
                      "this is a symbolic link to a place outside the repository; "
                      "Quorum publishes only files inside it. Replace the link with the file.");
          it.disable_recursion_pending();
          ec.clear();
          continue;
        }
      }
      if (it->is_regular_file()) paths_.push_back(rel);
    }
    if (ec) diags.error({std::string(top), 0, 0}, "could not read this folder: " + ec.message());
  }
  std::sort(paths_.begin(), paths_.end());
}

std::optional<std::string> DirectoryTree::read(const std::string& path) const {
  if (!std::binary_search(paths_.begin(), paths_.end(), path)) return std::nullopt;
  std::ifstream in(root_ / path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::optional<std::size_t> DirectoryTree::size(const std::string& path) const {
  if (!std::binary_search(paths_.begin(), paths_.end(), path)) return std::nullopt;
  std::error_code ec;
  const auto bytes = fs::file_size(root_ / path, ec);
  if (ec) return std::nullopt;
  return static_cast<std::size_t>(bytes);
}

}  // namespace quorum
