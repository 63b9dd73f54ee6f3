#include "load/pdf_helper.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <optional>
#include <thread>

extern char** environ;

namespace quorum {
namespace {

using Clock = std::chrono::steady_clock;

// Exit statuses of the helper, beyond 0 (stdin ended after whole requests) and
// kPdfHelperOutOfMemory.
constexpr int kBadArguments = 2;
constexpr int kBadRequest = 3;
constexpr int kOutOfMemory = kPdfHelperOutOfMemory;
constexpr int kFailed = 5;

// No PDF the build reads is anywhere near these; an answer beyond them is not believed.
constexpr std::uint64_t kMaxRequestBytes = std::uint64_t{1} << 32;
constexpr std::uint64_t kMaxAnswerBytes = std::uint64_t{256} << 20;
constexpr std::uint32_t kMaxPages = 1000000;

constexpr char kMagic[] = "QPT1";
constexpr char kTrailer[] = "END1";

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint64_t get_le(const std::string& bytes) {
  std::uint64_t v = 0;
  for (std::size_t i = bytes.size(); i-- > 0;) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  return v;
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

std::string encode_answer(const PdfText& t) {
  std::string out(kMagic, 4);
  out += static_cast<char>(t.readable ? 1 : 0);
  out += static_cast<char>(t.has_text ? 1 : 0);
  put_u32(out, static_cast<std::uint32_t>(t.pages));
  put_u32(out, static_cast<std::uint32_t>(t.text.size()));
  for (const auto& page : t.text) {
    put_u32(out, static_cast<std::uint32_t>(page.size()));
    out += page;
  }
  out.append(kTrailer, 4);
  return out;
}

// ---- the helper's side ----

// Blocking I/O on the helper's stdin and stdout. False at end of input or on an error;
// `got` says how much arrived, so a clean end between requests can be told from a cut one.
bool read_fd(int fd, char* data, std::size_t size, std::size_t& got) {
  got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd, data + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

bool write_fd(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::optional<std::uint64_t> parse_whole(const char* text) {
  if (text == nullptr || *text < '0' || *text > '9') return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0') return std::nullopt;
  return v;
}

// The address space the helper holds now (the program, its libraries, the allocator's first
// arenas): the limit is counted beyond it, so it means the same under any allocator.
std::uint64_t address_space_now() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

void lower_limit(int resource, std::uint64_t soft) {
  rlimit now{};
  if (::getrlimit(resource, &now) != 0) return;
  rlimit want = now;
  want.rlim_cur = now.rlim_max == RLIM_INFINITY ? soft : std::min<rlim_t>(soft, now.rlim_max);
  (void)::setrlimit(resource, &want);
}

// Processor time used so far, rounded up to whole seconds (RLIMIT_CPU counts whole seconds).
std::uint64_t cpu_seconds_used() {
  rusage use{};
  ::getrusage(RUSAGE_SELF, &use);
  return static_cast<std::uint64_t>(use.ru_utime.tv_sec + use.ru_stime.tv_sec) + 1;
}

// Out of memory, said plainly: the exit status tells the parent. (mimalloc, the executable's
// allocator, aborts on an allocation it cannot make unless a new-handler is set; throwing
// from here would have to unwind through its C frames.)
[[noreturn]] void out_of_memory() { ::_exit(kOutOfMemory); }

}  // namespace

int run_pdf_helper(int argc, char** argv) {
  const auto memory = argc == 4 ? parse_whole(argv[2]) : std::nullopt;
  const auto cpu = argc == 4 ? parse_whole(argv[3]) : std::nullopt;
  if (!memory || !cpu || *cpu == 0) return kBadArguments;
  // First of all, before a byte of the PDF is read: a crash leaves no core file in the
  // repository, and the address space is capped for good (the helper cannot raise it).
  const rlimit no_core{0, 0};
  (void)::setrlimit(RLIMIT_CORE, &no_core);
  {
    const std::uint64_t cap = address_space_now() + *memory;
    rlimit as{};
    ::getrlimit(RLIMIT_AS, &as);
    as.rlim_cur = std::min<rlim_t>(cap, as.rlim_max);
    as.rlim_max = as.rlim_cur;
    (void)::setrlimit(RLIMIT_AS, &as);
  }
  std::set_new_handler(out_of_memory);
  try {
    for (;;) {
      std::string length(8, '\0');
      std::size_t got = 0;
      if (!read_fd(0, length.data(), length.size(), got)) return got == 0 ? 0 : kBadRequest;
      const std::uint64_t size = get_le(length);
      if (size > kMaxRequestBytes) return kBadRequest;
      std::string pdf(static_cast<std::size_t>(size), '\0');
      if (!read_fd(0, pdf.data(), pdf.size(), got)) return kBadRequest;
      // Each PDF has its own processor time: the soft limit (SIGXCPU) moves on with the
      // time already used, the hard one stays where it was.
      lower_limit(RLIMIT_CPU, cpu_seconds_used() + *cpu);
      PdfText text = extract_pdf_text_in_process(pdf);
      pdf = std::string();
      if (!write_fd(1, encode_answer(text))) return kFailed;
    }
  } catch (const std::bad_alloc&) {
    return kOutOfMemory;
  } catch (...) {
    return kFailed;
  }
}

// ---- the parent's side ----

namespace {

enum class IoResult { ok, closed, timeout };

int ms_left(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1000 * 60 * 60));
}

bool wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, ms_left(deadline));
    if (n < 0 && errno == EINTR) continue;
    return n > 0;
  }
}

IoResult send_all(int fd, const char* data, std::size_t size, Clock::time_point deadline) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::send(fd, data + done, size - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait_for(fd, POLLOUT, deadline)) return IoResult::timeout;
      continue;
    }
    return IoResult::closed;
  }
  return IoResult::ok;
}

// The buffer grows as bytes arrive, so a length the helper claims costs nothing until sent.
IoResult recv_exact(int fd, std::string& out, std::size_t size, Clock::time_point deadline) {
  out.clear();
  std::size_t done = 0;
  while (done < size) {
    out.resize(std::min(size, done + (std::size_t{1} << 20)));
    const ssize_t n = ::recv(fd, out.data() + done, out.size() - done, 0);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait_for(fd, POLLIN, deadline)) return IoResult::timeout;
      continue;
    }
    return IoResult::closed;
  }
  return IoResult::ok;
}

// Reads one answer and checks every part of it: the result, or why not.
struct Answer {
  IoResult io = IoResult::ok;
  bool valid = false;
  PdfText text;
};

Answer read_answer(int fd, Clock::time_point deadline) {
  Answer a;
  std::string buf;
  std::uint64_t total = 0;
  const auto take = [&](std::size_t n) {
    total += n;
    if (total > kMaxAnswerBytes) return false;
    a.io = recv_exact(fd, buf, n, deadline);
    return a.io == IoResult::ok;
  };
  if (!take(14) || buf.compare(0, 4, kMagic, 4) != 0) return a;
  const auto readable = static_cast<unsigned char>(buf[4]);
  const auto has_text = static_cast<unsigned char>(buf[5]);
  const std::uint64_t pages = get_le(buf.substr(6, 4));
  const std::uint64_t count = get_le(buf.substr(10, 4));
  if (readable > 1 || has_text > 1 || pages > kMaxPages) return a;
  if (readable == 1 ? count != pages : (count != 0 || pages != 0 || has_text != 0)) return a;
  a.text.readable = readable == 1;
  a.text.pages = static_cast<int>(pages);
  bool any_text = false;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (!take(4)) return a;
    const std::uint64_t size = get_le(buf);
    if (!take(static_cast<std::size_t>(size))) return a;
    if (!blank(buf)) any_text = true;
    a.text.text.push_back(std::move(buf));
    buf.clear();
  }
  if ((has_text == 1) != any_text) return a;
  a.text.has_text = any_text;
  if (!take(4) || buf.compare(0, 4, kTrailer, 4) != 0) return a;
  // Nothing may follow an answer before the next request: bytes that do were not asked for.
  char extra = 0;
  a.valid = ::recv(fd, &extra, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
  return a;
}

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

std::string seconds(int milliseconds) {
  if (milliseconds >= 1000 && milliseconds % 1000 == 0) {
    return std::to_string(milliseconds / 1000) + (milliseconds == 1000 ? " second" : " seconds");
  }
  return std::to_string(milliseconds) + " milliseconds";
}

PdfText failed(std::string why) {
  PdfText t;
  t.failure = std::move(why);
  return t;
}

}  // namespace

PdfHelperProcess::PdfHelperProcess(PdfExtractor extractor) : extractor_(std::move(extractor)) {}

// A helper between requests holds nothing worth waiting for: it is killed and reaped at once
// (a sanitizer's exit-time checks would otherwise hold up every build in a sanitizer CI job).
PdfHelperProcess::~PdfHelperProcess() { (void)stop(0); }

std::string PdfHelperProcess::start() {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return std::strerror(errno);
  posix_spawn_file_actions_t files;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&files);
  posix_spawnattr_init(&attr);
  // stdin and stdout are the helper's end of the socket (dup2 clears close-on-exec); its
  // stderr goes nowhere: poppler's complaints are not the build's messages.
  posix_spawn_file_actions_adddup2(&files, sv[1], 0);
  posix_spawn_file_actions_adddup2(&files, sv[1], 1);
  posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
  // Whatever this process blocks or ignores, the helper dies of the signals its limits send.
  sigset_t none;
  sigset_t defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGXCPU, SIGXFSZ, SIGSEGV, SIGABRT, SIGBUS}) sigaddset(&defaults, sig);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  const std::string program = extractor_.helper.string();
  std::string command(kPdfHelperCommand);
  std::string memory = std::to_string(extractor_.limits.memory_bytes);
  std::string cpu = std::to_string(std::max(1, extractor_.limits.cpu_seconds));
  std::string argv0 = program;
  char* argv[] = {argv0.data(), command.data(), memory.data(), cpu.data(), nullptr};
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, program.c_str(), &files, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
  ::close(sv[1]);
  if (rc != 0) {
    ::close(sv[0]);
    return program + ": " + std::strerror(rc);
  }
  ::fcntl(sv[0], F_SETFL, ::fcntl(sv[0], F_GETFL) | O_NONBLOCK);
  pid_ = pid;
  fd_ = sv[0];
  return "";
}

int PdfHelperProcess::stop(int grace_ms) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  killed_ = false;
  if (pid_ < 0) return 0;
  int status = 0;
  // Closing the socket ends a helper; one that has not gone by the grace period is killed.
  // Either way it is reaped here, so no zombie is left.
  const auto deadline = Clock::now() + std::chrono::milliseconds(grace_ms);
  for (;;) {
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) break;
    if (Clock::now() >= deadline) {
      ::kill(pid_, SIGKILL);
      killed_ = true;
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  pid_ = -1;
  return status;
}

PdfText PdfHelperProcess::extract(std::string_view bytes) {
  if (extractor_.helper.empty()) return failed("Quorum's PDF reader is not set up in this program");
  if (pid_ < 0) {
    if (const std::string problem = start(); !problem.empty()) {
      return failed("the PDF reader could not be started (" + problem + ")");
    }
  }
  const PdfLimits& limits = extractor_.limits;
  const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(0, limits.wall_milliseconds));
  std::string length;
  const std::uint64_t size = bytes.size();
  for (int i = 0; i < 8; ++i) length += static_cast<char>((size >> (8 * i)) & 0xFF);
  IoResult io = send_all(fd_, length.data(), length.size(), deadline);
  if (io == IoResult::ok) io = send_all(fd_, bytes.data(), bytes.size(), deadline);
  Answer answer;
  if (io == IoResult::ok) {
    answer = read_answer(fd_, deadline);
    io = answer.io;
  }
  if (io == IoResult::ok && answer.valid) return std::move(answer.text);

  // Something went wrong: the helper is ended whatever state it is in, and its end says why.
  if (io == IoResult::timeout || Clock::now() >= deadline) {
    (void)stop(0);
    return failed("reading it took longer than " + seconds(limits.wall_milliseconds));
  }
  // A helper that answered, but not in the form asked for, is not asked again.
  const int status = stop(io == IoResult::closed ? 1000 : 0);
  if (io == IoResult::closed && !killed_) {
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
      return failed("reading it took more than " + seconds(1000 * std::max(1, limits.cpu_seconds)) +
                    " of processor time");
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == kOutOfMemory) {
      return failed("reading it needs more than the " + megabytes(limits.memory_bytes) +
                    " of memory allowed");
    }
    if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0)) {
      return failed("the PDF reader stopped on it (it may need more than the " +
                    megabytes(limits.memory_bytes) + " of memory allowed, or be damaged)");
    }
  }
  return failed("the PDF reader gave an answer Quorum could not check");
}

}  // namespace quorum
