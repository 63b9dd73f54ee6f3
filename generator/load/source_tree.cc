#include "load/source_tree.h"

#include "support/text.h"

namespace quorum {

bool SourceTree::exists(const std::string& path) const { return size(path).has_value(); }

bool is_read_by_quorum(const std::string& path) {
  return path.rfind("content/", 0) == 0 || path.rfind("site-config/", 0) == 0 ||
         path.rfind("themes/", 0) == 0;
}

bool accept_file_name(const std::string& path, Diagnostics& diags) {
  const std::string shown = escape_control_characters(path);
  if (shown == path) return true;
  diags.error({shown, 0, 0},
              "this file's name holds a hidden control character (shown here as \\n for a line break, "
              "\\t for a tab, \\x.. for others), usually pasted in by accident. Quorum does not "
              "publish such names: rename the file (or its folder) using letters, digits, spaces, hyphens "
              "and full stops");
  return false;
}

MemoryTree::MemoryTree(std::map<std::string, std::string> files, Revision revision)
    : files_(std::move(files)), revision_(std::move(revision)) {
  for (const auto& [path, bytes] : files_) {
    if (is_read_by_quorum(path)) paths_.push_back(path);
  }
}

std::optional<std::string> MemoryTree::read(const std::string& path) const {
  const auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> MemoryTree::size(const std::string& path) const {
  const auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

}  // namespace quorum
