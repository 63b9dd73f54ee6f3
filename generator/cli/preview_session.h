// One `quorum serve` session, in-process: builds the working tree into the preview folder,
// serves it on 127.0.0.1, watches content/, site-config/ and themes/ and builds again after
// each change. The command line (serve_command.cc) runs one until Ctrl-C; tests run one on a
// free port and talk to it over loopback.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "build/run_build.h"
#include "cli/build_generation.h"

namespace quorum {

class PreviewServer;

struct ServeRequest {
  // source, out (the preview folder: must be set), executable; base_url is the server's own.
  BuildRequest build;
  int port = 8000;  // 0: any free port
};

class PreviewSession {
 public:
  PreviewSession(ServeRequest request, std::ostream& out, std::ostream& err);
  ~PreviewSession();  // stops
  PreviewSession(const PreviewSession&) = delete;
  PreviewSession& operator=(const PreviewSession&) = delete;

  // Takes the port, builds once (printing what the build prints), then serves and watches on
  // threads of its own. Returns false, saying why on `err`, when the port cannot be had.
  bool start();
  // Stops watching and serving and waits for both threads; safe to call twice.
  void stop();

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url() const;
  [[nodiscard]] const BuildGeneration& builds() const { return builds_; }

 private:
  void rebuild();
  // Sleeps for `how_long` unless stop() is called first; true when stopping.
  bool wait_or_stop(std::chrono::milliseconds how_long);

  ServeRequest request_;
  std::ostream& out_;
  std::ostream& err_;
  int port_ = -1;
  BuildGeneration builds_;
  std::unique_ptr<PreviewServer> server_;
  std::thread server_thread_;
  std::thread watch_thread_;
  std::mutex stop_mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
};

}  // namespace quorum
