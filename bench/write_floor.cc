// The write floor for the benchmark: how long it takes just to write a site's bytes, as
// the same files and folders, into a fresh folder on the same disk. Each file is read
// first (not timed); only making its folder and the open/write/close are timed, so the
// figure is the cost of writing Quorum's output, not of producing it. No fsync, as Quorum
// does not. write_s is the CPU time (user+sys) of those calls, which other work sharing the
// cores does not inflate; write_wall_s is their wall time.
// Usage: write_floor SITE_DIR NEW_DIR   (NEW_DIR must not exist)
// Prints: files=N bytes=B write_s=S write_wall_s=W
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: write_floor SITE_DIR NEW_DIR\n");
    return 2;
  }
  const fs::path from = argv[1];
  const fs::path to = argv[2];
  if (fs::exists(to)) {
    std::fprintf(stderr, "write_floor: %s exists\n", argv[2]);
    return 2;
  }
  Clock::duration writing{};
  double writing_cpu = 0;
  std::size_t files = 0;
  std::size_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const fs::path target = to / fs::relative(entry.path(), from);
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds();
    fs::create_directories(target.parent_path());
    std::FILE* out = std::fopen(target.c_str(), "wb");
    if (out == nullptr || std::fwrite(data.data(), 1, data.size(), out) != data.size() ||
        std::fclose(out) != 0) {
      std::perror(target.c_str());
      return 1;
    }
    writing_cpu += cpu_seconds() - cpu_start;
    writing += Clock::now() - start;
    ++files;
    bytes += data.size();
  }
  std::printf("files=%zu bytes=%zu write_s=%.3f write_wall_s=%.3f\n", files, bytes, writing_cpu,
              std::chrono::duration<double>(writing).count());
  return 0;
}
