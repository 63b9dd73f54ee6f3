// The outcome of the preview's latest build, shared between the thread that builds and the
// threads that serve: a generation number that goes up after every build (open pages reload
// when it changes) and the errors of that build, if it failed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

#include "support/diagnostics.h"

namespace quorum {

class BuildGeneration {
 public:
  struct Snapshot {
    std::uint64_t generation = 0;  // 0 until the first build has finished
    bool failed = false;
    std::vector<Diagnostic> errors;  // of the latest build, sorted; empty when it succeeded
  };

  // Records a finished build and wakes everyone waiting for a change.
  void publish(const Diagnostics& diagnostics);
  [[nodiscard]] Snapshot current() const;

  // Waits until the generation differs from `seen`, the deadline passes or stop() is called;
  // returns the generation then.
  std::uint64_t wait_for_change(std::uint64_t seen, std::chrono::steady_clock::time_point deadline) const;

  // Wakes every waiter for good, so the server's threads can finish.
  void stop();
  [[nodiscard]] bool stopped() const;

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  Snapshot latest_;
  bool stopped_ = false;
};

}  // namespace quorum
