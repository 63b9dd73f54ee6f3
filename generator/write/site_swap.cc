#include "write/site_swap.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc 2.28 and later)
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace quorum {
namespace fs = std::filesystem;

std::atomic<bool> swap_without_exchange_for_testing{false};
std::atomic<bool> stop_swap_between_renames_for_testing{false};

namespace {

bool exists_here(const fs::path& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

// Makes a rename durable: the folder holding both names is synced.
void sync_parent(const fs::path& path) {
  const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: only durability, not the order of events, is at stake
  ::fsync(fd);
  ::close(fd);
}

// The fallback: two renames, with a moment between them when `destination` is missing.
void swap_by_renaming(const fs::path& fresh, const fs::path& destination, const fs::path& aside) {
  std::error_code ec;
  fs::remove_all(aside, ec);
  if (::rename(destination.c_str(), aside.c_str()) != 0) {
    throw std::runtime_error("could not move the previous site aside (" + std::string(std::strerror(errno)) +
                             ")");
  }
  sync_parent(destination);
  if (stop_swap_between_renames_for_testing) throw std::runtime_error("swap stopped for a test");
  if (::rename(fresh.c_str(), destination.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::rename(aside.c_str(), destination.c_str());
    throw std::runtime_error("could not put the new site in place (" + why + ")");
  }
  sync_parent(destination);
  fs::remove_all(aside, ec);
}

}  // namespace

void swap_site(const fs::path& fresh, const fs::path& destination, const fs::path& aside) {
  std::error_code ec;
  if (!exists_here(destination)) {
    if (::rename(fresh.c_str(), destination.c_str()) != 0) {
      throw std::runtime_error("could not put the new site in place (" + std::string(std::strerror(errno)) +
                               ")");
    }
    sync_parent(destination);
    return;
  }
  if (!swap_without_exchange_for_testing &&
      ::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, destination.c_str(), RENAME_EXCHANGE) == 0) {
    sync_parent(destination);
    fs::remove_all(fresh, ec);  // now the old site
    return;
  }
  // EINVAL or ENOSYS: the file system (or kernel) cannot exchange names. Anything else is a
  // real failure that two renames would meet as well, but they report it in their own words.
  swap_by_renaming(fresh, destination, aside);
}

bool recover_swap(const fs::path& destination, const fs::path& aside) {
  if (!exists_here(aside)) return false;
  std::error_code ec;
  if (exists_here(destination)) {
    fs::remove_all(aside, ec);  // the swap finished; only its clean-up was cut short
    return false;
  }
  if (::rename(aside.c_str(), destination.c_str()) != 0) {
    throw std::runtime_error("the previous site was left at " + aside.string() +
                             " by a build that was stopped, and could not be put back (" +
                             std::strerror(errno) + "); move it back to " + destination.string() +
                             " by hand");
  }
  sync_parent(destination);
  return true;
}

}  // namespace quorum
