// Writes a whole site into a staging folder and swaps it into place in one step.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "support/output_sink.h"

namespace quorum {

class AtomicOutput : public OutputSink {
 public:
  // Takes a lock beside `destination` so two builds never write the same folder at once;
  // throws std::runtime_error with a readable message when it cannot.
  explicit AtomicOutput(std::filesystem::path destination);
  ~AtomicOutput() override;  // discards the staging folder unless committed
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  void write(const std::string& path, std::string_view bytes) override;
  // Replaces the destination with everything written. Throws on failure, leaving the
  // previous site in place.
  void commit();
  [[nodiscard]] std::size_t bytes_written() const { return bytes_; }

 private:
  std::filesystem::path destination_;
  std::filesystem::path staging_;
  int lock_fd_ = -1;
  bool committed_ = false;
  std::size_t bytes_ = 0;
};

// Keeps every file in memory: for tests and for the preview server.
class MemoryOutput : public OutputSink {
 public:
  void write(const std::string& path, std::string_view bytes) override {
    files[path] = std::string(bytes);
  }
  std::map<std::string, std::string> files;
};

}  // namespace quorum
