// What `build` and `check` say while they work: a progress line on a terminal, and with
// --verbose the time each stage took.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

namespace quorum {

// "Rendering pages 1234/20400", rewritten in place (\r). Only for a terminal: a log file
// or a CI run gets nothing from it.
class ProgressLine {
 public:
  ProgressLine(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
  // Whether stderr is a terminal that a progress line may be drawn on.
  static bool stderr_is_terminal();
  [[nodiscard]] bool enabled() const { return enabled_; }
  // Redraws at most every tenth of a second, and always for the last page.
  void update(std::size_t done, std::size_t total);
  // Ends the line, so what is printed next starts on a line of its own.
  void finish();

 private:
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// Wall and CPU time of each stage of a build, in the order they ran.
class StageTimes {
 public:
  StageTimes();
  // Ends the stage running since the last call (or since construction).
  void end(const std::string& stage);
  // "load 120 ms wall, 118 ms CPU" lines, a total, and `counts` after them.
  void print(std::ostream& out, const std::string& counts) const;

 private:
  struct Stage {
    std::string name;
    double wall_ms = 0;
    double cpu_ms = 0;
  };
  static double cpu_now_ms();
  std::vector<Stage> stages_;
  std::chrono::steady_clock::time_point wall_start_, wall_last_;
  double cpu_start_ = 0, cpu_last_ = 0;
};

}  // namespace quorum
