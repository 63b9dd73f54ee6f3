// Puts a site on disk so that a failed build changes nothing: a clean build swaps in a whole
// new folder; an incremental one moves only the changed files into place, under a journal.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/output_sink.h"

namespace quorum {

class AtomicOutput : public OutputSink {
 public:
  // Takes a lock beside `destination` so two builds never write the same folder at once;
  // throws std::runtime_error with a readable message when it cannot. Then finishes the
  // commit of a build that was killed while committing (see commit()).
  // With `incremental` and a previous build's manifest, files whose fingerprint matches are
  // left where they are instead of being rendered again, and commit() works in place.
  explicit AtomicOutput(std::filesystem::path destination, bool incremental = false);
  ~AtomicOutput() override;  // discards the staging folder unless committed (or committing)
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  void write(const std::string& path, std::string_view bytes) override;
  void write_with_fingerprint(const std::string& path, std::string_view bytes,
                              const std::string& fingerprint) override;
  bool reuse(const std::string& path, const std::string& fingerprint,
             bool carries_build_stamp = true) override;
  [[nodiscard]] std::size_t reused() const { return reused_; }
  [[nodiscard]] std::string previous_build_stamp() const override { return previous_stamp_; }
  void set_build_stamp(const std::string& stamp) override { stamp_ = stamp; }
  // The manifest's name inside the site folder.
  static constexpr const char* kManifest = ".quorum-manifest";
  // Where caches that outlive a build are kept: a sibling ".<out>.quorum-cache" folder, like
  // the staging folder and the lock, so the site folder holds only the site.
  static std::filesystem::path cache_dir(const std::filesystem::path& destination);
  // The journal of an in-place commit: a sibling ".<out>.quorum-journal" file.
  static std::filesystem::path journal_path(const std::filesystem::path& destination);
  // Publishes everything written. Throws on failure.
  // A clean build (no previous manifest) swaps the staging folder and the destination in
  // one step (write/site_swap.h), after linking into it the files of the folder that Quorum
  // did not write (write/foreign_files.h). An incremental build first writes a
  // journal of the moves and deletions, then renames each staged file over its destination
  // (atomic per file), deletes what this build no longer makes, and moves the manifest
  // last. A build killed before the journal leaves the previous site byte-identical; one
  // killed after it leaves a journal that the next AtomicOutput on this folder completes.
  void commit();
  [[nodiscard]] std::size_t bytes_written() const { return bytes_; }
  // Files staged for an in-place commit (0 for a clean build): what commit() will move.
  [[nodiscard]] std::size_t staged() const { return staged_.size(); }
  [[nodiscard]] bool in_place() const { return in_place_; }
  // --force: files in the folder that Quorum did not write may be replaced by the site's own
  // files of the same name. Without it such a build stops before publishing anything.
  void set_replace_foreign_files(bool replace) { replace_foreign_ = replace; }
  // For the message of a build that stops: what the site folder holds now, checked on disk
  // (its manifest against the one read at the start, any journal left), never assumed.
  [[nodiscard]] std::string state_after_failure() const;
  // Every file commit() would publish (the site's path) and where its bytes are now: in the
  // staging folder when this build wrote it, in the site when it is kept from the last
  // build (`kept`). For the tripwire (tripwire/tripwire.h), which reads them before
  // commit(). Call once rendering is over.
  struct PublishedFile {
    std::string path;
    std::filesystem::path disk;
    bool kept = false;
  };
  [[nodiscard]] std::vector<PublishedFile> files_to_publish() const;

  // For tests: the next in-place commit throws after this many journal steps, as if the
  // process died there (the journal and the staging folder are left). -1: never.
  static std::atomic<long> stop_commit_after_for_testing;

 private:
  // Writes the file to the staging folder, unless the previous site has exactly these
  // bytes there: then (in place) it is left alone, so its inode and modification time stay
  // as they were (rsync and web servers see it unchanged).
  void store(const std::string& path, std::string_view bytes);
  void make_parent(const std::filesystem::path& file);
  void make_folder(const std::filesystem::path& folder);
  void record(const std::string& path, const std::string& fingerprint, bool reused);
  void commit_in_place(const std::string& manifest);
  void swap_in(const std::string& manifest);
  void refuse_collisions(const std::vector<std::string>& foreign) const;

  std::filesystem::path destination_;
  std::filesystem::path staging_;
  int lock_fd_ = -1;
  bool in_place_ = false;
  bool committed_ = false;
  bool journal_written_ = false;
  bool commit_started_ = false;
  bool recovered_ = false;  // this build first finished an interrupted one
  bool had_site_ = false;   // the folder existed when the build began
  bool replace_foreign_ = false;
  std::string manifest_at_start_;  // the manifest's bytes when the build began
  std::size_t bytes_ = 0;
  std::size_t reused_ = 0;
  std::map<std::string, std::string> previous_;  // path -> fingerprint, from the last build
  std::map<std::string, std::string> manifest_;  // path -> fingerprint, this build ("" none)
  std::string previous_stamp_, stamp_;
  std::mutex mutex_;              // guards what the render threads share: the fields below
  std::set<std::string> made_;    // folders created in the staging folder
  std::set<std::string> staged_;  // files written to the staging folder (in place only)
};

// Keeps every file in memory: for tests and for the preview server.
class MemoryOutput : public OutputSink {
 public:
  void write(const std::string& path, std::string_view bytes) override {
    const std::lock_guard lock(mutex_);
    files[path] = std::string(bytes);
  }
  std::map<std::string, std::string> files;  // read it once rendering is over

 private:
  std::mutex mutex_;
};

// Keeps nothing, counts bytes: `quorum check` renders every page to find template errors,
// and holding the whole site in memory to throw it away would cost as much as the site.
class DiscardOutput : public OutputSink {
 public:
  void write(const std::string& /*path*/, std::string_view bytes) override { bytes_ += bytes.size(); }
  [[nodiscard]] std::size_t bytes_written() const { return bytes_; }

 private:
  std::atomic<std::size_t> bytes_{0};
};

}  // namespace quorum
