#include "write/atomic_output.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "write/commit_journal.h"

namespace quorum {
namespace fs = std::filesystem;

std::atomic<long> AtomicOutput::stop_commit_after_for_testing{-1};

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

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool is_regular_file_here(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// True when `file` holds exactly `bytes` (the size is compared first, so most differing
// files are never read).
bool holds(const fs::path& file, std::string_view bytes) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  if (static_cast<std::size_t>(st.st_size) != bytes.size()) return false;
  return read_all(file) == bytes;
}

// Makes the staged files durable before the journal names them: each one when they are
// few (a small rebuild), the whole file system in one call when they are many.
void sync_staged(const fs::path& staging, const std::set<std::string>& staged) {
  constexpr std::size_t kOneByOne = 64;
  if (staged.size() > kOneByOne) {
    const int fd = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
      ::syncfs(fd);
      ::close(fd);
    }
    return;
  }
  for (const auto& path : staged) {
    const int fd = ::open((staging / path).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ::fdatasync(fd);
    ::close(fd);
  }
}

// Finishes the commit of a build killed after writing its journal. With `discard` (a clean
// build, which replaces everything anyway) a journal that cannot be finished is dropped.
void finish_interrupted_commit(const fs::path& journal, const fs::path& staging, const fs::path& destination,
                               bool discard) {
  std::error_code ec;
  fs::remove(journal.string() + ".tmp", ec);  // a journal never put in place: nothing moved
  try {
    const auto plan = read_journal(journal);
    if (!plan) return;
    apply_journal(*plan, staging, destination);
  } catch (const std::exception& e) {
    if (!discard) {
      throw std::runtime_error("could not finish the commit of an earlier, interrupted build of " +
                               destination.string() + " (" + e.what() +
                               "); build with --clean to replace the whole site");
    }
  }
  fs::remove(journal, ec);
}

}  // namespace

fs::path AtomicOutput::cache_dir(const fs::path& destination) {
  return sibling(destination, ".quorum-cache");
}

fs::path AtomicOutput::journal_path(const fs::path& destination) {
  return sibling(destination, ".quorum-journal");
}

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
  staging_ = sibling(destination_, ".quorum-staging");
  try {
    // Before anything else: the staging folder of a killed commit holds files it still owes.
    finish_interrupted_commit(journal_path(destination_), staging_, destination_, !incremental);
  } catch (...) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw;
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
    // A manifest lists every file of the site it sits in: that is what lets a build leave
    // unchanged files where they are and know which files to delete.
    in_place_ = !previous_.empty() && fs::is_directory(destination_, ec);
  }
  fs::remove_all(staging_, ec);  // what a killed build left behind
  fs::create_directories(staging_);
}

AtomicOutput::~AtomicOutput() {
  std::error_code ec;
  // A commit stopped after its journal still needs the staged files: the next build moves them.
  if (!committed_ && !journal_written_) fs::remove_all(staging_, ec);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void AtomicOutput::make_parent(const fs::path& file) { make_folder(file.parent_path()); }

// mkdir(2) first, and the parent only when that says it is missing: std::filesystem's
// create_directories asks for the status of the folder and of its parent before making it,
// and those lookups of long paths cost more than the mkdir itself when every page of a
// large archive has a folder of its own.
void AtomicOutput::make_folder(const fs::path& folder) {
  {
    const std::lock_guard lock(mutex_);
    if (made_.count(folder.native()) != 0) return;
  }
  int failure = ::mkdir(folder.c_str(), 0777) == 0 ? 0 : errno;
  if (failure == ENOENT && folder.has_relative_path() && folder.parent_path() != folder) {
    make_folder(folder.parent_path());
    failure = ::mkdir(folder.c_str(), 0777) == 0 ? 0 : errno;
  }
  // Two threads may make the same folder at once: each succeeds or finds it made.
  if (failure != 0 && !(failure == EEXIST && fs::is_directory(folder))) {
    throw std::runtime_error("could not create " + folder.string() + ": " + std::strerror(failure));
  }
  const std::lock_guard lock(mutex_);
  made_.insert(folder.native());
}

void AtomicOutput::record(const std::string& path, const std::string& fingerprint, bool reused) {
  const std::lock_guard lock(mutex_);
  manifest_[path] = fingerprint;
  if (!fingerprint.empty()) fingerprinted_ = true;
  if (reused) ++reused_;
}

void AtomicOutput::store(const std::string& path, std::string_view bytes) {
  if (!safe_relative(path)) throw std::runtime_error("refusing to write outside the site: " + path);
  // Bytes the site already has stay as they are: same inode, same modification time.
  if (in_place_ && previous_.count(path) != 0 && holds(destination_ / path, bytes)) return;
  const fs::path target = staging_ / path;
  make_parent(target);
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("could not write " + target.string() + " (is the disk full?)");
  const std::lock_guard lock(mutex_);
  bytes_ += bytes.size();
  if (in_place_) staged_.insert(path);
}

// Files written without a fingerprint are listed too (and never reused), so that the
// manifest names every file of the site and a later build can delete what it stops making.
void AtomicOutput::write(const std::string& path, std::string_view bytes) {
  store(path, bytes);
  record(path, std::string(), false);
}

void AtomicOutput::write_with_fingerprint(const std::string& path, std::string_view bytes,
                                          const std::string& fingerprint) {
  store(path, bytes);
  record(path, fingerprint, false);
}

bool AtomicOutput::reuse(const std::string& path, const std::string& fingerprint, bool carries_build_stamp) {
  if (!in_place_ || fingerprint.empty()) return false;
  const auto it = previous_.find(path);
  if (it == previous_.end() || it->second != fingerprint) return false;
  const fs::path from = destination_ / path;
  if (!is_regular_file_here(from)) return false;
  if (carries_build_stamp && stamp_ != previous_stamp_ && ends_with(path, ".html")) {
    // The page is unchanged but for the build line: swap exactly one occurrence, or render.
    std::string bytes = read_all(from);
    const auto at = bytes.find(previous_stamp_);
    if (previous_stamp_.empty() || at == std::string::npos ||
        bytes.find(previous_stamp_, at + 1) != std::string::npos) {
      return false;
    }
    bytes.replace(at, previous_stamp_.size(), stamp_);
    store(path, bytes);  // new bytes: staged, moved into place by commit()
  }
  record(path, fingerprint, true);
  return true;
}

std::vector<AtomicOutput::PublishedFile> AtomicOutput::files_to_publish() const {
  std::vector<PublishedFile> out;
  out.reserve(manifest_.size());
  for (const auto& [path, fingerprint] : manifest_) {
    // A clean build stages every file; an in-place one only those whose bytes changed.
    const bool staged = !in_place_ || staged_.count(path) != 0;
    out.push_back({path, (staged ? staging_ : destination_) / path, !staged});
  }
  return out;
}

void AtomicOutput::commit() {
  std::string manifest;
  // In place, the manifest is always written: it is what says which files are the site's.
  if (fingerprinted_ || in_place_) {
    if (!stamp_.empty()) manifest += "#stamp\t" + escape_line(stamp_) + "\n";
    for (const auto& [path, fp] : manifest_) manifest += fp + "\t" + path + "\n";
  }
  if (in_place_) {
    commit_in_place(manifest);
  } else {
    swap_in(manifest);
  }
}

void AtomicOutput::swap_in(const std::string& manifest) {
  if (!manifest.empty()) {
    std::ofstream out(staging_ / kManifest, std::ios::binary | std::ios::trunc);
    out << manifest;
    out.close();
    if (!out)
      throw std::runtime_error("could not write " + (staging_ / kManifest).string() + " (is the disk full?)");
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

void AtomicOutput::commit_in_place(const std::string& manifest) {
  CommitJournal plan;
  for (const auto& [path, fp] : previous_) {
    if (manifest_.count(path) == 0 && safe_relative(path) && path != kManifest)
      plan.deletions.push_back(path);
  }
  plan.moves.assign(staged_.begin(), staged_.end());
  // The manifest goes last: until it is in place, the previous one still describes the site.
  if (!holds(destination_ / kManifest, manifest)) {
    std::ofstream out(staging_ / kManifest, std::ios::binary | std::ios::trunc);
    out << manifest;
    out.close();
    if (!out)
      throw std::runtime_error("could not write " + (staging_ / kManifest).string() + " (is the disk full?)");
    plan.moves.emplace_back(kManifest);
  }
  std::error_code ec;
  if (!plan.moves.empty() || !plan.deletions.empty()) {
    std::set<std::string> sync = staged_;
    sync.insert(kManifest);
    sync_staged(staging_, sync);
    const fs::path journal = journal_path(destination_);
    write_journal(journal, plan);
    journal_written_ = true;
    try {
      apply_journal(plan, staging_, destination_, stop_commit_after_for_testing.load());
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string(e.what()) +
                               "; the site is partly updated, and the next build of " +
                               destination_.string() + " finishes the update first");
    }
    fs::remove(journal, ec);
  }
  committed_ = true;
  fs::remove_all(staging_, ec);
}

}  // namespace quorum
