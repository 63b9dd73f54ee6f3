#include "write/site_path.h"

#include <filesystem>

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

}  // namespace quorum
