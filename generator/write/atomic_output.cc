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

// The stamp is HTML on one manifest line: newlines and backslashes are escaped.
std::string escape_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string unescape_line(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      out += s[i + 1] == 'n' ? '\n' : s[i + 1];
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

fs::path AtomicOutput::cache_dir(const fs::path& destination) { return sibling(destination, ".quorum-cache"); }

AtomicOutput::AtomicOutput(fs::path destination, bool incremental) : destination_(std::move(destination)) {
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
  if (incremental) {
    std::ifstream manifest(destination_ / kManifest);
    std::string line;
    while (std::getline(manifest, line)) {
      if (line.rfind("#stamp\t", 0) == 0) {
        previous_stamp_ = unescape_line(line.substr(7));
        continue;
      }
      const auto tab = line.find('\t');
      if (tab != std::string::npos) previous_[line.substr(tab + 1)] = line.substr(0, tab);
    }
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

void AtomicOutput::make_parent(const fs::path& file) {
  const fs::path parent = file.parent_path();
  {
    const std::lock_guard lock(mutex_);
    if (made_.count(parent.native()) != 0) return;
  }
  // Two threads may make the same folder at once; each succeeds or finds it made.
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec && !fs::is_directory(parent)) throw std::runtime_error("could not create " + parent.string() + ": " + ec.message());
  const std::lock_guard lock(mutex_);
  made_.insert(parent.native());
}

void AtomicOutput::record(const std::string& path, const std::string& fingerprint, bool reused) {
  const std::lock_guard lock(mutex_);
  manifest_[path] = fingerprint;
  if (reused) ++reused_;
}

void AtomicOutput::store(const std::string& path, std::string_view bytes) {
  if (!safe_relative(path)) throw std::runtime_error("refusing to write outside the site: " + path);
  const fs::path target = staging_ / path;
  make_parent(target);
  if (previous_.count(path) != 0) {
    const fs::path before = destination_ / path;
    std::error_code ec;
    if (fs::file_size(before, ec) == bytes.size() && !ec && read_all(before) == bytes) {
      fs::create_hard_link(before, target, ec);
      if (!ec) return;
    }
  }
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("could not write " + target.string() + " (is the disk full?)");
  const std::lock_guard lock(mutex_);
  bytes_ += bytes.size();
}

void AtomicOutput::write(const std::string& path, std::string_view bytes) { store(path, bytes); }

void AtomicOutput::write_with_fingerprint(const std::string& path, std::string_view bytes, const std::string& fingerprint) {
  store(path, bytes);
  record(path, fingerprint, false);
}

bool AtomicOutput::reuse(const std::string& path, const std::string& fingerprint, bool carries_build_stamp) {
  const auto it = previous_.find(path);
  if (it == previous_.end() || it->second != fingerprint || !safe_relative(path)) return false;
  const fs::path from = destination_ / path;
  const fs::path to = staging_ / path;
  std::error_code ec;
  if (!fs::is_regular_file(from, ec)) return false;
  const bool html = path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0;
  if (carries_build_stamp && html && stamp_ != previous_stamp_) {
    // The page is unchanged but for the build line: swap exactly one occurrence, or render.
    std::string bytes = read_all(from);
    const auto at = bytes.find(previous_stamp_);
    if (previous_stamp_.empty() || at == std::string::npos ||
        bytes.find(previous_stamp_, at + 1) != std::string::npos) {
      return false;
    }
    bytes.replace(at, previous_stamp_.size(), stamp_);
    store(path, bytes);
    record(path, fingerprint, true);
    return true;
  }
  make_parent(to);
  fs::create_hard_link(from, to, ec);
  if (ec) {
    ec.clear();
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) return false;
  }
  record(path, fingerprint, true);
  return true;
}

void AtomicOutput::commit() {
  if (!manifest_.empty()) {
    std::string text;
    if (!stamp_.empty()) text += "#stamp\t" + escape_line(stamp_) + "\n";
    for (const auto& [path, fp] : manifest_) text += fp + "\t" + path + "\n";
    write(kManifest, text);
  }
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
