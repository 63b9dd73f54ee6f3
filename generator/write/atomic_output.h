// Writes a whole site into a staging folder and swaps it into place in one step.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "support/output_sink.h"

namespace quorum {

class AtomicOutput : public OutputSink {
 public:
  // Takes a lock beside `destination` so two builds never write the same folder at once;
  // throws std::runtime_error with a readable message when it cannot.
  // With `incremental`, files whose fingerprint matches the previous build's manifest are
  // hard-linked from the previous site instead of being rendered again.
  explicit AtomicOutput(std::filesystem::path destination, bool incremental = false);
  ~AtomicOutput() override;  // discards the staging folder unless committed
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  void write(const std::string& path, std::string_view bytes) override;
  void write_with_fingerprint(const std::string& path, std::string_view bytes, const std::string& fingerprint) override;
  bool reuse(const std::string& path, const std::string& fingerprint, bool carries_build_stamp = true) override;
  [[nodiscard]] std::size_t reused() const { return reused_; }
  [[nodiscard]] std::string previous_build_stamp() const override { return previous_stamp_; }
  void set_build_stamp(const std::string& stamp) override { stamp_ = stamp; }
  // The manifest's name inside the site folder.
  static constexpr const char* kManifest = ".quorum-manifest";
  // Where caches that outlive a build are kept: a sibling ".<out>.quorum-cache" folder, like
  // the staging folder and the lock, so the site folder holds only the site.
  static std::filesystem::path cache_dir(const std::filesystem::path& destination);
  // Replaces the destination with everything written. Throws on failure, leaving the
  // previous site in place.
  void commit();
  [[nodiscard]] std::size_t bytes_written() const { return bytes_; }

 private:
  // Writes the file, unless the previous site has exactly these bytes there: then it is
  // linked, so its inode and modification time stay as they were (rsync and web servers
  // see it unchanged).
  void store(const std::string& path, std::string_view bytes);
  void make_parent(const std::filesystem::path& file);
  void record(const std::string& path, const std::string& fingerprint, bool reused);

  std::filesystem::path destination_;
  std::filesystem::path staging_;
  int lock_fd_ = -1;
  bool committed_ = false;
  std::size_t bytes_ = 0;
  std::size_t reused_ = 0;
  std::map<std::string, std::string> previous_;  // path -> fingerprint, from the last build
  std::map<std::string, std::string> manifest_;  // path -> fingerprint, this build
  std::string previous_stamp_, stamp_;
  std::mutex mutex_;             // guards what the render threads share: the fields below
  std::set<std::string> made_;   // folders created in the staging folder
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
