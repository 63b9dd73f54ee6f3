// Faults: the previous site survives a build killed mid-write and a full disk; a second build
// into the same folder refuses clearly. Runs the real binary (QUORUM_BINARY) as a process.
#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "test_support.h"

extern char** environ;

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& f : list_files(root)) out[f] = read(root / f);
  return out;
}

// The minimal site plus `n` papers of `size` bytes each: slow enough to write that a kill
// lands in the middle.
void write_big_site(const fs::path& repo, int n, std::size_t size) {
  Files files = parse_sections(minimal_site());
  for (int i = 0; i < n; ++i) {
    files["content/committees/board/meetings/2017-07-19/paper-" + std::to_string(i) + ".csv"] =
        std::string(size, static_cast<char>('a' + i % 26));
  }
  write_files(repo, files);
}

pid_t spawn_build(const fs::path& source, const fs::path& out, const fs::path& log) {
  const std::string cmd = std::string("exec '") + QUORUM_BINARY + "' build --working-tree --clean --source '" +
                          source.string() + "' --out '" + out.string() + "' >'" + log.string() + "' 2>&1";
  const char* argv[] = {"/bin/sh", "-c", cmd.c_str(), nullptr};
  pid_t pid = -1;
  REQUIRE(posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) == 0);
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits until the staging folder beside `out` holds at least one file (the build is writing).
bool wait_for_staging(const fs::path& staging, pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    if (fs::exists(staging, ec) && !fs::is_empty(staging, ec)) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

}  // namespace

TEST_CASE("a build killed with SIGKILL mid-write leaves the previous site byte-identical", "[e2e][faults]") {
  TempDir dir;
  write_big_site(dir / "repo", 1, 10);
  REQUIRE(build(dir / "repo", dir / "public", true).exit_code == 0);
  const auto before = snapshot(dir / "public");
  REQUIRE_FALSE(before.empty());

  write_big_site(dir / "repo", 300, 1 << 20);  // 300 MB of papers to copy
  const pid_t pid = spawn_build(dir / "repo", dir / "public", dir / "log");
  const bool writing = wait_for_staging(dir / ".public.quorum-staging", pid);
  kill(pid, SIGKILL);
  const int status = wait_exit(pid);
  INFO(read(dir / "log"));
  REQUIRE(writing);
  CHECK(status == 128 + SIGKILL);
  CHECK(fs::exists(dir / ".public.quorum-staging"));  // killed: nothing cleaned up
  CHECK(snapshot(dir / "public") == before);

  write_big_site(dir / "repo", 0, 0);
  for (int i = 0; i < 300; ++i) {
    fs::remove(dir / "repo" / ("content/committees/board/meetings/2017-07-19/paper-" + std::to_string(i) + ".csv"));
  }
  const BuildResult again = build(dir / "repo", dir / "public", true);
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK_FALSE(fs::exists(dir / ".public.quorum-staging"));
}

TEST_CASE("a second build into the same folder at once refuses clearly", "[e2e][faults]") {
  TempDir dir;
  write_big_site(dir / "repo", 200, 1 << 20);
  const pid_t first = spawn_build(dir / "repo", dir / "public", dir / "log1");
  const bool writing = wait_for_staging(dir / ".public.quorum-staging", first);
  const pid_t second = spawn_build(dir / "repo", dir / "public", dir / "log2");
  const int second_status = wait_exit(second);
  const int first_status = wait_exit(first);
  INFO(read(dir / "log1"));
  INFO(read(dir / "log2"));
  REQUIRE(writing);
  CHECK(first_status == 0);
  CHECK(second_status != 0);
  CHECK(read(dir / "log2").find("another quorum build is writing") != std::string::npos);
  CHECK(fs::exists(dir / "public/index.html"));
}

TEST_CASE("a full disk fails readably and leaves the previous site intact", "[e2e][faults]") {
  TempDir dir;
  const fs::path disk = dir / "disk";
  fs::create_directories(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=2m") != 0) {
    WARN("skipped: cannot mount a 2 MB tmpfs here (needs root): " << std::strerror(errno));
    return;
  }
  write_big_site(dir / "repo", 1, 10);
  const BuildResult first = build(dir / "repo", disk / "public", true);
  INFO(first.err);
  CHECK(first.exit_code == 0);
  const auto before = snapshot(disk / "public");

  write_big_site(dir / "repo", 3, 1 << 20);  // 3 MB of papers into 2 MB
  const BuildResult full = build(dir / "repo", disk / "public", true);
  INFO(full.err);
  CHECK(full.exit_code != 0);
  CHECK(full.err.find("disk") != std::string::npos);
  CHECK(snapshot(disk / "public") == before);
  ::umount2(disk.c_str(), MNT_DETACH);
}
