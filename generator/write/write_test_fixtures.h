// What the write stage's tests share: a scratch folder, reading and writing whole files, a
// file's inode (to tell a kept file from a replaced one), and stopping a commit part way.
#pragma once

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "write/atomic_output.h"

namespace quorum::write_testing {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed with everything in it.
struct Scratch {
  fs::path path;
  Scratch() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("quorum-write-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

inline std::string get(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void put(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

inline ino_t inode(const fs::path& file) {
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  return st.st_ino;
}

// Stops AtomicOutput's next commits after `steps` steps of their journal, as a killed build
// would, for as long as it lives.
struct StopCommitAfter {
  explicit StopCommitAfter(long steps) { AtomicOutput::stop_commit_after_for_testing = steps; }
  ~StopCommitAfter() { AtomicOutput::stop_commit_after_for_testing = -1; }
  StopCommitAfter(const StopCommitAfter&) = delete;
  StopCommitAfter& operator=(const StopCommitAfter&) = delete;
};

}  // namespace quorum::write_testing
