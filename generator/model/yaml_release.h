// Internal to the model: frees parsed YAML trees on a thread of its own.
//
// A yaml-cpp tree is a shared_ptr per node, and freeing a meeting's tree took a fifth of the
// loader thread's time, the thread every later stage waits for. The loaders hand each tree
// they read to a YamlRelease, which holds a reference until the loaders are a few files
// further on and then drops it on its own thread; that is where the tree is freed, unless a
// loader still holds part of it (shared_ptr counts are atomic, so either way is safe).
#pragma once

#include <yaml-cpp/yaml.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace quorum::loader {

class YamlRelease {
 public:
  YamlRelease();
  ~YamlRelease();  // frees everything still held, on its thread, and waits for it
  YamlRelease(const YamlRelease&) = delete;
  YamlRelease& operator=(const YamlRelease&) = delete;

  // Keeps a reference to `node`'s tree until `kLag` more trees have been handed over.
  void hand_over(const YAML::Node& node);

 private:
  static constexpr std::size_t kLag = 64;
  static constexpr std::size_t kBatch = 64;  // freed together, to wake the thread less often

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<YAML::Node> held_;      // newest last
  std::vector<YAML::Node> to_free_;  // dropped by the thread
  bool stopping_ = false;
  std::jthread thread_;  // last: started after, and joined before, the members above go
};

}  // namespace quorum::loader
