#include "write/atomic_output.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "write/commit_journal.h"
#include "write/foreign_files.h"
#include "write/site_manifest.h"
#include "write/site_path.h"
#include "write/site_swap.h"

namespace quorum {
namespace fs = std::filesystem;

std::atomic<long> AtomicOutput::stop_commit_after_for_testing{-1};

namespace {

fs::path sibling(const fs::path& destination, const std::string& suffix) {
  fs::path clean = destination.lexically_normal();
  if (clean.filename().empty()) clean = clean.parent_path();
  return clean.parent_path() / ("." + clean.filename().string() + suffix);
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The file's bytes; empty when it cannot be read.
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
bool finish_interrupted_commit(const fs::path& journal, const fs::path& staging, const fs::path& destination,
                               bool discard) {
  std::error_code ec;
  fs::remove(journal.string() + ".tmp", ec);  // a journal never put in place: nothing moved
  try {
    const auto plan = read_journal(journal);
    if (!plan) return false;
    apply_journal(*plan, staging, destination);
  } catch (const std::exception& e) {
    if (!discard) {
      throw std::runtime_error("could not finish the commit of an earlier, interrupted build of " +
                               destination.string() + " (" + e.what() +
                               "); build with --clean to replace the whole site");
    }
  }
  fs::remove(journal, ec);
  return true;
}

// How a list of paths reads in a message: the first few, and how many more.
std::string some_of(const std::vector<std::string>& paths) {
  std::string out;
  constexpr std::size_t kShown = 5;
  for (std::size_t i = 0; i < paths.size() && i < kShown; ++i) out += (i == 0 ? "" : ", ") + paths[i];
  if (paths.size() > kShown) out += " and " + std::to_string(paths.size() - kShown) + " more";
  return out;
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
  lock_fd_ = ::open(lock.c_str(), O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0644);  // never a link's target
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
    // Before anything else: a swap cut short between its two renames left the old site
    // aside, and the staging folder of a killed commit holds files it still owes.
    recovered_ = recover_swap(destination_, sibling(destination_, ".quorum-old"));
    recovered_ =
        finish_interrupted_commit(journal_path(destination_), staging_, destination_, !incremental) ||
        recovered_;
  } catch (...) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw;
  }
  // The manifest is read even for a clean build: it tells Quorum's files from the files
  // someone else put in the folder, which every build keeps.
  manifest_at_start_ = read_all(destination_ / kManifest);
  const SiteManifest previous = parse_manifest(manifest_at_start_);
  had_site_ = fs::is_directory(destination_, ec);
  previous_ = previous.files;
  previous_stamp_ = previous.stamp;
  // A manifest lists every file of the site it sits in: that is what lets a build leave
  // unchanged files where they are and know which files to delete.
  in_place_ = incremental && !previous_.empty() && had_site_;
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
  // Two files at one address: one would silently replace the other (an attachment named like
  // a page the site makes). Nothing is published rather than either.
  if (!manifest_.emplace(path, fingerprint).second) {
    throw std::runtime_error("two files would be published at the same address, " + path +
                             ": a file in the repository has the name of a page or file the site makes. "
                             "Rename the file in the repository");
  }
  if (reused) ++reused_;
}

void AtomicOutput::store(const std::string& path, std::string_view bytes) {
  if (!is_site_path(path) || path == kManifest) {
    throw std::runtime_error("refusing to write outside the site: " + path);
  }
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
  commit_started_ = true;
  SiteManifest manifest;
  manifest.files = manifest_;
  manifest.stamp = stamp_;
  const std::string text = format_manifest(manifest);
  if (in_place_) {
    commit_in_place(text);
  } else {
    swap_in(text);
  }
}

void AtomicOutput::refuse_collisions(const std::vector<std::string>& foreign) const {
  // --force lets a site file replace one at its own address (an index.html of someone's);
  // never files inside a folder where the site puts a file, or one where it needs a folder:
  // those are not at any address of the site, and replacing them would delete them unseen.
  std::vector<std::string> inside;
  for (const auto& path : foreign) {
    const bool folder = !path.empty() && path.back() == '/';
    if (manifest_.count(folder ? path.substr(0, path.size() - 1) : path) == 0) inside.push_back(path);
  }
  if (!inside.empty()) {
    throw std::runtime_error(
        "the site folder " + destination_.string() + " holds " + some_of(inside) +
        ", which Quorum did not write, inside a folder where the new site puts a file "
        "of its own, or where the new site needs a folder. Quorum never deletes such "
        "files, not even with --force: move or delete them, then build again. Nothing was "
        "published");
  }
  if (foreign.empty() || replace_foreign_) return;
  throw std::runtime_error("the site folder " + destination_.string() + " holds " + some_of(foreign) +
                           ", which Quorum did not write, where the new site has files of its own. Quorum "
                           "never replaces a file it did not write: move or delete those files, or build "
                           "with --force to let the site's files replace them. Nothing was published");
}

void AtomicOutput::swap_in(const std::string& manifest) {
  {
    std::ofstream out(staging_ / kManifest, std::ios::binary | std::ios::trunc);
    out << manifest;
    out.close();
    if (!out)
      throw std::runtime_error("could not write " + (staging_ / kManifest).string() + " (is the disk full?)");
  }
  // A CNAME, a .well-known/ folder: kept, by linking them into the new site before the swap.
  std::vector<std::string> foreign = foreign_files(destination_, previous_, kManifest);
  const std::vector<std::string> collide = colliding(foreign, manifest_);
  refuse_collisions(collide);
  std::vector<std::string> keep;
  std::set_difference(foreign.begin(), foreign.end(), collide.begin(), collide.end(),
                      std::back_inserter(keep));
  carry_foreign_files(destination_, staging_, keep);
  swap_site(staging_, destination_, sibling(destination_, ".quorum-old"));
  committed_ = true;
}

void AtomicOutput::commit_in_place(const std::string& manifest) {
  // A file this build adds where the folder already has one its manifest does not list.
  std::vector<std::string> foreign;
  for (const auto& [path, fp] : manifest_) {
    if (previous_.count(path) != 0) continue;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(destination_ / path, ec))) foreign.push_back(path);
  }
  CommitJournal plan;
  for (const auto& [path, fp] : previous_) {
    if (manifest_.count(path) == 0 && is_site_path(path) && path != kManifest) plan.deletions.push_back(path);
  }
  plan.moves.assign(staged_.begin(), staged_.end());
  // A folder of the site that is now a link to another folder (out/people -> elsewhere):
  // moving into it or deleting in it would change that folder. Refused before the journal,
  // so the refusal leaves the site as it was and no journal for the next build to replay.
  {
    std::vector<std::string> touched = plan.deletions;
    touched.insert(touched.end(), plan.moves.begin(), plan.moves.end());
    touched.emplace_back(kManifest);
    refuse_links(destination_, touched);
  }
  // A folder where a page goes (someone's, with --force too): found now, not half way
  // through the moves, which would leave the site partly updated.
  check_journal_targets(plan, destination_);
  refuse_collisions(foreign);
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

std::string AtomicOutput::state_after_failure() const {
  const std::string where = destination_.string();
  const std::string first =
      recovered_ ? "an earlier build of " + where + " that was stopped part way was finished first; " : "";
  if (committed_) return first + "the new site was published to " + where + ".";
  if (journal_written_) {
    return first + "the site in " + where + " is partly updated: the next build finishes the update first.";
  }
  std::error_code ec;
  const bool site_now = fs::is_directory(destination_, ec);
  if (!had_site_ && !site_now)
    return first + "nothing was published (there is no site in " + where + " yet).";
  if (had_site_ && !site_now) {
    return first + "nothing new was published, and the site in " + where +
           " is missing: the next build puts the previous one back.";
  }
  if (site_now && read_all(destination_ / kManifest) == manifest_at_start_ &&
      !fs::exists(journal_path(destination_), ec)) {
    return first + "nothing was published: the site in " + where + " is as the last build left it.";
  }
  return first + "nothing was published by this build, but the site in " + where +
         " is not as it was when the build began (something else changed it); build again with --clean.";
}

}  // namespace quorum
