#include "cli/preview_session.h"

#include <algorithm>
#include <ostream>

#include "cli/file_watcher.h"
#include "cli/preview_server.h"

namespace quorum {

namespace {

// Often enough that a saved change shows within a second, rarely enough to cost nothing.
constexpr auto kPollInterval = std::chrono::milliseconds(300);
// Changes keep coming in a burst (a `git checkout`, an editor writing a backup first): wait
// until a look finds nothing new, but no more than this many looks, before building.
constexpr int kMaxSettleLooks = 10;

const std::vector<std::string>& watched_folders() {
  static const std::vector<std::string> folders = {"content", "site-config", "themes"};
  return folders;
}

void describe(const std::vector<std::string>& changed, std::ostream& out) {
  out << "\nChanged: " << changed.front();
  if (changed.size() > 1)
    out << " and " << changed.size() - 1 << (changed.size() == 2 ? " other file" : " other files");
  out << ". Building again.\n";
}

}  // namespace

PreviewSession::PreviewSession(ServeRequest request, std::ostream& out, std::ostream& err)
    : request_(std::move(request)), out_(out), err_(err) {
  request_.build.working_tree = true;
  request_.build.check_only = false;
  request_.build.ref.reset();
}

PreviewSession::~PreviewSession() { stop(); }

std::string PreviewSession::url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

bool PreviewSession::start() {
  server_ = std::make_unique<PreviewServer>(request_.build.out, request_.build.source.string(), builds_);
  port_ = server_->bind(request_.port);
  if (port_ < 0) {
    err_ << "quorum serve: cannot listen on 127.0.0.1:" << request_.port
         << " (is another preview using it?). Try --port " << request_.port + 1
         << ", or --port 0 for any free port.\n";
    return false;
  }
  // Links in the preview lead to the preview, not to the public address in site.yaml.
  request_.build.base_url = url();
  // Look at the files before the first build, so an edit made while it runs is not missed.
  auto watcher = std::make_shared<FileWatcher>(request_.build.source, watched_folders());
  rebuild();
  server_thread_ = std::thread([this] { server_->run(); });
  watch_thread_ = std::thread([this, watcher] {
    while (!wait_or_stop(kPollInterval)) {
      std::vector<std::string> changed = watcher->poll();
      if (changed.empty()) continue;
      for (int look = 0; look < kMaxSettleLooks; ++look) {
        if (wait_or_stop(kPollInterval / 3)) return;
        const auto more = watcher->poll();
        if (more.empty()) break;
        changed.insert(changed.end(), more.begin(), more.end());
      }
      std::sort(changed.begin(), changed.end());
      changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
      describe(changed, out_);
      rebuild();
    }
  });
  return true;
}

void PreviewSession::rebuild() {
  Diagnostics diagnostics;
  run_build(request_.build, out_, err_, &diagnostics);
  builds_.publish(diagnostics);
  if (diagnostics.has_errors()) {
    err_ << "The preview shows these errors in the browser too; the page reloads when they are fixed.\n";
  } else if (builds_.current().generation > 1) {
    out_ << "Open pages reload now.\n";
  }
  out_.flush();
}

bool PreviewSession::wait_or_stop(std::chrono::milliseconds how_long) {
  std::unique_lock lock(stop_mutex_);
  return stop_requested_.wait_for(lock, how_long, [this] { return stopping_; });
}

void PreviewSession::stop() {
  {
    const std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_requested_.notify_all();
  builds_.stop();  // answers every waiting long poll, so the server's threads can finish
  if (watch_thread_.joinable()) watch_thread_.join();
  if (server_ && server_thread_.joinable()) {
    server_->stop();
    server_thread_.join();
  }
}

}  // namespace quorum
