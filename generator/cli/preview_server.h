// The HTTP side of `quorum serve` (cpp-httplib, loopback only): serves the built preview
// folder, adds the reload script to HTML pages, answers the reload script's long poll, and
// shows the error page instead of the site while the latest build failed.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/build_generation.h"

namespace httplib {
class Server;
}

namespace quorum {

class PreviewServer {
 public:
  // `source_label` names the content repository on the error page.
  PreviewServer(std::filesystem::path site_root, std::string source_label, const BuildGeneration& builds);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  // Binds 127.0.0.1:`port` (0: any free port). Returns the port, or -1 when it is taken.
  int bind(int port);
  // Answers requests until stop(); call after bind(), on a thread of its own.
  void run();
  void stop();

 private:
  std::filesystem::path site_root_;
  std::string source_label_;
  const BuildGeneration& builds_;
  std::unique_ptr<httplib::Server> server_;
  std::atomic<bool> finished_{false};  // run() has returned
};

}  // namespace quorum
