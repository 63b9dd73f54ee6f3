// Notices which files under some folders were added, changed or removed since it last looked,
// by comparing each file's modification time and size (polling).
//
// Polling rather than inotify: it is portable, needs no recursive watch bookkeeping when
// folders are added, sees editors' write-to-temporary-then-rename saves and `git checkout`
// like any other change, and works on network and container file systems where inotify
// events never arrive. A content repository has a few thousand files at most, so looking at
// every one of them a few times a second costs a few milliseconds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace quorum {

class FileWatcher {
 public:
  // Watches `folders` (relative to `root`; missing ones are watched for appearing). Takes the
  // first look now, so only changes made after construction are reported.
  FileWatcher(std::filesystem::path root, std::vector<std::string> folders);

  // The files (repository-relative, forward slashes, sorted) added, changed or removed since
  // the last call (or construction).
  std::vector<std::string> poll();

 private:
  struct Stamp {
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  using Snapshot = std::map<std::string, Stamp>;
  [[nodiscard]] Snapshot look() const;

  std::filesystem::path root_;
  std::vector<std::string> folders_;
  Snapshot last_;
};

}  // namespace quorum
