#include "build/build_progress.h"

#include <unistd.h>

#include <ctime>
#include <iomanip>
#include <ostream>

namespace quorum {

bool ProgressLine::stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void ProgressLine::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done != total && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  err_ << "\rRendering pages " << done << '/' << total << std::flush;
}

void ProgressLine::finish() {
  if (!enabled_ || !drawn_) return;
  err_ << '\n' << std::flush;
  drawn_ = false;
}

double StageTimes::cpu_now_ms() {
  timespec ts{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

StageTimes::StageTimes()
    : wall_start_(std::chrono::steady_clock::now()),
      wall_last_(wall_start_),
      cpu_start_(cpu_now_ms()),
      cpu_last_(cpu_start_) {}

void StageTimes::end(const std::string& stage) {
  const auto wall = std::chrono::steady_clock::now();
  const double cpu = cpu_now_ms();
  stages_.push_back(
      {stage, std::chrono::duration<double, std::milli>(wall - wall_last_).count(), cpu - cpu_last_});
  wall_last_ = wall;
  cpu_last_ = cpu;
}

void StageTimes::print(std::ostream& out, const std::string& counts) const {
  // CPU above wall time means several threads were busy.
  const auto line = [&](const std::string& name, double wall_ms, double cpu_ms) {
    out << "  " << std::left << std::setw(14) << name << std::right << std::setw(8) << std::fixed
        << std::setprecision(0) << wall_ms << " ms wall " << std::setw(8) << cpu_ms << " ms CPU\n";
  };
  out << "Timings:\n";
  for (const auto& s : stages_) line(s.name, s.wall_ms, s.cpu_ms);
  line("total", std::chrono::duration<double, std::milli>(wall_last_ - wall_start_).count(),
       cpu_last_ - cpu_start_);
  out << counts << '\n';
}

}  // namespace quorum
