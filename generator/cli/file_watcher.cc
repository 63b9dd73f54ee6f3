#include "cli/file_watcher.h"

#include <algorithm>

namespace quorum {
namespace fs = std::filesystem;

FileWatcher::FileWatcher(fs::path root, std::vector<std::string> folders)
    : root_(std::move(root)), folders_(std::move(folders)), last_(look()) {}

FileWatcher::Snapshot FileWatcher::look() const {
  Snapshot snapshot;
  for (const auto& folder : folders_) {
    std::error_code ec;
    // A file vanishing mid-walk (an editor's temporary file) is not an error: skip it and
    // let the next look see the folder as it settled.
    for (auto it = fs::recursive_directory_iterator(root_ / folder,
                                                    fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code file_ec;
      if (!it->is_regular_file(file_ec)) continue;
      Stamp stamp;
      stamp.modified = it->last_write_time(file_ec);
      if (file_ec) continue;
      stamp.size = it->file_size(file_ec);
      if (file_ec) continue;
      snapshot.emplace(it->path().lexically_relative(root_).generic_string(), stamp);
    }
  }
  return snapshot;
}

std::vector<std::string> FileWatcher::poll() {
  Snapshot now = look();
  std::vector<std::string> changed;
  for (const auto& [path, stamp] : now) {
    const auto before = last_.find(path);
    if (before == last_.end() || !(before->second == stamp)) changed.push_back(path);
  }
  for (const auto& [path, stamp] : last_) {
    if (!now.contains(path)) changed.push_back(path);
  }
  std::sort(changed.begin(), changed.end());
  last_ = std::move(now);
  return changed;
}

}  // namespace quorum
