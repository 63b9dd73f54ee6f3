#include "cli/build_generation.h"

namespace quorum {

void BuildGeneration::publish(const Diagnostics& diagnostics) {
  Snapshot next;
  next.failed = diagnostics.has_errors();
  if (next.failed) {
    for (auto& d : diagnostics.sorted()) {
      if (d.severity == Severity::error) next.errors.push_back(std::move(d));
    }
  }
  {
    const std::lock_guard lock(mutex_);
    next.generation = latest_.generation + 1;
    latest_ = std::move(next);
  }
  changed_.notify_all();
}

BuildGeneration::Snapshot BuildGeneration::current() const {
  const std::lock_guard lock(mutex_);
  return latest_;
}

std::uint64_t BuildGeneration::wait_for_change(std::uint64_t seen,
                                               std::chrono::steady_clock::time_point deadline) const {
  std::unique_lock lock(mutex_);
  changed_.wait_until(lock, deadline, [&] { return stopped_ || latest_.generation != seen; });
  return latest_.generation;
}

void BuildGeneration::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

bool BuildGeneration::stopped() const {
  const std::lock_guard lock(mutex_);
  return stopped_;
}

}  // namespace quorum
