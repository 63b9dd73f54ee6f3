#include "write/atomic_output.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace quorum {
namespace fs = std::filesystem;

namespace {

fs::path sibling(const fs::path& destination, const std::string& suffix) {
  fs::path clean = destination.lexically_normal();
  if (clean.filename().empty()) clean = clean.parent_path();
  return clean.parent_path() / ("." + clean.filename().string() + suffix);
}

bool safe_relative(const std::string& path) {
  if (path.empty() || path[0] == '/') return false;
  for (const auto& part : fs::path(path)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

}  // namespace

AtomicOutput::AtomicOutput(fs::path destination) : destination_(std::move(destination)) {
  if (destination_.filename().empty()) destination_ = destination_.parent_path();
  std::error_code ec;
  if (!destination_.parent_path().empty()) fs::create_directories(destination_.parent_path(), ec);
  const fs::path lock = sibling(destination_, ".quorum-lock");
  lock_fd_ = ::open(lock.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    throw std::runtime_error("cannot create " + lock.string() + ": " + std::strerror(errno));
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw std::runtime_error("another quorum build is writing " + destination_.string() +
                             " right now; wait for it to finish and try again");
  }
  staging_ = sibling(destination_, ".quorum-staging");
  fs::remove_all(staging_, ec);  // what a killed build left behind
  fs::create_directories(staging_);
}

AtomicOutput::~AtomicOutput() {
  std::error_code ec;
  if (!committed_) fs::remove_all(staging_, ec);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void AtomicOutput::write(const std::string& path, std::string_view bytes) {
  if (!safe_relative(path)) throw std::runtime_error("refusing to write outside the site: " + path);
  const fs::path target = staging_ / path;
  fs::create_directories(target.parent_path());
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("could not write " + target.string() + " (is the disk full?)");
  bytes_ += bytes.size();
}

void AtomicOutput::commit() {
  const fs::path old = sibling(destination_, ".quorum-old");
  std::error_code ec;
  fs::remove_all(old, ec);
  const bool had_previous = fs::exists(destination_);
  if (had_previous) {
    fs::rename(destination_, old, ec);
    if (ec) throw std::runtime_error("could not move the previous site aside: " + ec.message());
  }
  fs::rename(staging_, destination_, ec);
  if (ec) {
    if (had_previous) fs::rename(old, destination_);
    throw std::runtime_error("could not put the new site in place: " + ec.message());
  }
  committed_ = true;
  fs::remove_all(old, ec);
}

}  // namespace quorum
