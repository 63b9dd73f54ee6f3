#include "write/site_path.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <stdexcept>

namespace quorum {

bool is_site_path(const std::string& path) {
  if (path.empty() || path[0] == '/') return false;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return false;
  }
  for (const auto& part : std::filesystem::path(path)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

std::string link_on_the_way(const std::filesystem::path& root, const std::string& path,
                            std::set<std::string>& checked) {
  std::string prefix;
  for (std::size_t at = 0; at <= path.size();) {
    const std::size_t slash = std::min(path.find('/', at), path.size());
    prefix = path.substr(0, slash);
    at = slash + 1;
    const bool folder = slash < path.size();
    if (folder && checked.count(prefix) != 0) continue;
    struct stat st {};
    if (::lstat((root / prefix).c_str(), &st) != 0) return {};  // missing: the build makes it
    if (S_ISLNK(st.st_mode)) return prefix;
    if (folder) checked.insert(prefix);
  }
  return {};
}

void refuse_links(const std::filesystem::path& root, const std::vector<std::string>& paths) {
  std::set<std::string> checked;
  for (const auto& path : paths) {
    const std::string link = link_on_the_way(root, path, checked);
    if (link.empty()) continue;
    const std::filesystem::path where = root / link;
    std::error_code ec;
    const std::string target = std::filesystem::read_symlink(where, ec).string();
    throw std::runtime_error(where.string() + " is a symbolic link (to " + (ec ? "somewhere else" : target) +
                             "), where the site has its own files. Quorum never writes or deletes through a "
                             "link inside the site folder, since what it points at is not the site's. Delete "
                             "the link (rm " +
                             where.string() + ") and build again. Nothing was published");
  }
}

}  // namespace quorum
