#include "write/foreign_files.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace quorum {
namespace fs = std::filesystem;

std::vector<std::string> foreign_files(const fs::path& site, const std::map<std::string, std::string>& ours,
                                       const std::string& manifest_name) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(site, ec))) return out;
  // Folder symlinks are not followed (the default), so nothing outside the site is read.
  for (auto it = fs::recursive_directory_iterator(site, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(site).generic_string();
    const auto status = it->symlink_status(ec);
    if (ec) break;
    if (fs::is_directory(status)) {
      if (fs::is_empty(it->path(), ec) && !ec) out.push_back(rel + "/");
      continue;
    }
    if (rel == manifest_name || ours.count(rel) != 0) continue;
    out.push_back(rel);
  }
  if (ec) throw std::runtime_error("could not read the site folder " + site.string() + ": " + ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> colliding(const std::vector<std::string>& foreign,
                                   const std::map<std::string, std::string>& site_files) {
  std::vector<std::string> out;
  for (const auto& path : foreign) {
    const bool folder = !path.empty() && path.back() == '/';
    const std::string name = folder ? path.substr(0, path.size() - 1) : path;
    bool hit = site_files.count(name) != 0;
    // A file of ours where this one's folder is: "a" ours, "a/CNAME" theirs.
    for (auto slash = name.find('/'); !hit && slash != std::string::npos; slash = name.find('/', slash + 1)) {
      hit = site_files.count(name.substr(0, slash)) != 0;
    }
    // A folder of ours where this file is: "a/index.html" ours, "a" a file of theirs.
    if (!hit && !folder) {
      const auto below = site_files.lower_bound(name + "/");
      hit = below != site_files.end() && below->first.compare(0, name.size() + 1, name + "/") == 0;
    }
    if (hit) out.push_back(path);
  }
  return out;
}

void carry_foreign_files(const fs::path& site, const fs::path& into, const std::vector<std::string>& files) {
  for (const auto& path : files) {
    const fs::path to = into / path;
    std::error_code ec;
    if (!path.empty() && path.back() == '/') {
      fs::create_directories(to, ec);
    } else {
      fs::create_directories(to.parent_path(), ec);
      // link(2) links a symlink itself, not what it points at.
      if (!ec && ::link((site / path).c_str(), to.c_str()) != 0) {
        ec.assign(errno, std::generic_category());
      }
    }
    if (ec) {
      throw std::runtime_error("could not keep " + (site / path).string() +
                               ", a file Quorum did not write, in the new site (" + ec.message() +
                               "); nothing was published");
    }
  }
}

}  // namespace quorum
