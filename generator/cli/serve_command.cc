#include "cli/serve_command.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ostream>
#include <stdexcept>

#include "load/fingerprint.h"

namespace quorum {
namespace fs = std::filesystem;

fs::path default_preview_folder(const fs::path& source) {
  const fs::path real_source = fs::weakly_canonical(fs::absolute(source));
  // Private to this user: the temp folder is shared, and a folder someone else made (or a
  // link they planted) must not receive the build.
  const fs::path mine = fs::temp_directory_path() / ("quorum-preview-" + std::to_string(::getuid()));
  ::mkdir(mine.c_str(), 0700);
  struct stat info {};
  if (::lstat(mine.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::getuid() ||
      (info.st_mode & 077) != 0) {
    throw std::runtime_error(mine.string() + " is not a private folder of this user; choose one with --out");
  }
  const std::string name = real_source.filename().empty() ? "site" : real_source.filename().string();
  return mine / (name + "-" + fingerprint(real_source.string()).substr(0, 12));
}

namespace {

// A preview folder inside what is watched would rebuild for ever, and inside content/ it
// would be read as content.
bool inside_watched(const fs::path& source, const fs::path& out) {
  const fs::path real_source = fs::weakly_canonical(fs::absolute(source));
  const fs::path real_out = fs::weakly_canonical(fs::absolute(out));
  if (real_out == real_source) return true;
  for (const char* folder : {"content", "site-config", "themes"}) {
    const fs::path rel = real_out.lexically_relative(real_source / folder);
    if (!rel.empty() && *rel.begin() != "..") return true;
  }
  return false;
}

}  // namespace

int run_serve(ServeRequest request, std::ostream& out, std::ostream& err) {
  if (request.port < 0 || request.port > 65535) {
    err << "quorum serve: --port must be a number from 0 to 65535 (0: any free port)\n";
    return kUsage;
  }
  try {
    if (request.build.out.empty()) request.build.out = default_preview_folder(request.build.source);
  } catch (const std::exception& e) {
    err << "quorum serve: " << e.what() << '\n';
    return kUsage;
  }
  if (inside_watched(request.build.source, request.build.out)) {
    err << "quorum serve: --out " << request.build.out.string()
        << " is inside the content repository's content/, site-config/ or themes/ (or is the repository); "
           "choose a folder outside them\n";
    return kUsage;
  }
  // Ctrl-C and SIGTERM are taken by this thread alone (sigwait below): block them before the
  // server's and the watcher's threads start, which inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);

  out << "Building a preview of " << request.build.source.string() << " in " << request.build.out.string()
      << '\n';
  int code = kOk;
  {
    PreviewSession session(request, out, err);
    if (session.start()) {
      out << "Serving the preview at " << session.url() << " (only this computer can see it). "
          << "Press Ctrl-C to stop.\n";
      out.flush();
      int signal_number = 0;
      sigwait(&stop_signals, &signal_number);
      out << "\nStopping the preview.\n";
    } else {
      code = kUsage;
    }
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return code;
}

}  // namespace quorum
