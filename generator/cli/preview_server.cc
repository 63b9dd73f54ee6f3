#include "cli/preview_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cctype>
#include <fstream>
#include <iterator>
#include <thread>

#include "cli/error_page.h"
#include "cli/reload_script.h"
#include "cli/site_files.h"

namespace quorum {
namespace fs = std::filesystem;

namespace {

// How long one long poll waits before answering "no change"; the script asks again at once.
constexpr auto kLongPoll = std::chrono::seconds(20);
// Each open page keeps one long poll waiting, so allow more threads than httplib's default 8.
constexpr std::size_t kThreads = 24;

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A request path (decoded by httplib) written back for a Location header: only unreserved
// characters and slashes stay as they are, so nothing in it can end the header.
std::string encode_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : path) {
    if (std::isalnum(c) != 0 || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void no_store(httplib::Response& res) { res.set_header("Cache-Control", "no-store"); }

}  // namespace

PreviewServer::PreviewServer(fs::path site_root, std::string source_label, const BuildGeneration& builds)
    : site_root_(std::move(site_root)),
      source_label_(std::move(source_label)),
      builds_(builds),
      server_(std::make_unique<httplib::Server>()) {
  server_->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  // httplib's default also sets SO_REUSEPORT, with which a second preview on the same port
  // would share it silently; SO_REUSEADDR alone lets a restarted preview take its port back.
  server_->set_socket_options([](socket_t sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Idle keep-alive connections hold a thread; a short timeout also makes stop() quick.
  server_->set_keep_alive_timeout(2);

  server_->Get(std::string(kEventsPath), [this](const httplib::Request& req, httplib::Response& res) {
    std::uint64_t since = builds_.current().generation;
    try {
      if (req.has_param("since")) since = std::stoull(req.get_param_value("since"));
    } catch (const std::exception&) {
      // A malformed number: answer with the current generation, which makes the page reload.
    }
    const auto now = builds_.wait_for_change(since, std::chrono::steady_clock::now() + kLongPoll);
    no_store(res);
    res.set_content(std::to_string(now), "text/plain; charset=utf-8");
  });

  server_->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    no_store(res);
    const BuildGeneration::Snapshot build = builds_.current();
    if (build.failed) {
      res.status = 500;
      res.set_content(with_reload_script(error_page(build.errors, source_label_), build.generation),
                      "text/html; charset=utf-8");
      return;
    }
    // A build that just finished swaps the new site into place with two renames; a request
    // arriving between them waits for the folder to come back rather than seeing a 404.
    std::error_code ec;
    for (int tries = 0; tries < 100 && !fs::exists(site_root_, ec); ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto file = find_site_file(site_root_, req.path);
    if (file && file->kind == SiteFile::Kind::directory_without_slash) {
      res.status = 301;
      res.set_header("Location", encode_path(req.path + "/"));
      return;
    }
    fs::path path;
    if (file) {
      path = file->path;
    } else {
      res.status = 404;
      const auto not_found = find_site_file(site_root_, "/404.html");
      if (!not_found) {
        res.set_content("Not found\n", "text/plain; charset=utf-8");
        return;
      }
      path = not_found->path;
    }
    const std::string type = content_type_for(path);
    std::string body = read_file(path);
    if (type.rfind("text/html", 0) == 0) body = with_reload_script(std::move(body), build.generation);
    res.set_content(body, type);
  });
}

PreviewServer::~PreviewServer() = default;

int PreviewServer::bind(int port) {
  if (port == 0) return server_->bind_to_any_port("127.0.0.1");
  return server_->bind_to_port("127.0.0.1", port) ? port : -1;
}

void PreviewServer::run() {
  server_->listen_after_bind();
  finished_ = true;
}

void PreviewServer::stop() {
  // httplib's stop() does nothing until the accept loop has begun: wait for it, or for run()
  // to have given up, so a stop right after start cannot leave run() serving for ever.
  while (!server_->is_running() && !finished_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  server_->stop();
}

}  // namespace quorum
