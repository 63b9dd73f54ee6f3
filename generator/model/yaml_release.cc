#include "model/yaml_release.h"

#include <utility>

namespace quorum::loader {

YamlRelease::YamlRelease()
    : thread_([this] {
        for (;;) {
          std::vector<YAML::Node> batch;
          bool done = false;
          {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !to_free_.empty(); });
            batch.swap(to_free_);
            if (stopping_) {  // what is still held is freed here too
              for (auto& node : held_) batch.push_back(std::move(node));
              held_.clear();
              done = true;
            }
          }
          batch.clear();  // the trees are freed here, outside the lock
          if (done) return;
        }
      }) {}

YamlRelease::~YamlRelease() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void YamlRelease::hand_over(const YAML::Node& node) {
  bool wake = false;
  {
    const std::lock_guard lock(mutex_);
    held_.push_back(node);
    if (held_.size() >= kLag + kBatch) {
      for (std::size_t i = 0; i < kBatch; ++i) {
        to_free_.push_back(std::move(held_.front()));
        held_.pop_front();
      }
      wake = true;
    }
  }
  if (wake) wake_.notify_one();
}

}  // namespace quorum::loader
