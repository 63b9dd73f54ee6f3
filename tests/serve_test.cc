// End to end: `quorum serve` over loopback. A session runs in-process on a free port (and, for
// the command line and its signals, as the real binary); requests go through httplib's client.
// Waits are for the build generation to change (the reload script's own long poll), bounded,
// never fixed sleeps.
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli/preview_session.h"
#include "cli/reload_script.h"
#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

const std::string kMeeting = "content/committees/board/meetings/2017-07-19/meeting.yaml";
const std::string kReport = "content/committees/board/meetings/2017-07-19/reports/budget.md";

// A content repository (committed, as a clerk's would be) served from a free port.
struct Served {
  TempDir dir;
  std::ostringstream out, err;  // read only after stop(): the watcher's thread writes them
  std::unique_ptr<quorum::PreviewSession> session;
  std::unique_ptr<httplib::Client> client;

  Served() {
    write_files(dir / "repo", parse_sections(minimal_site()));
    commit_all(dir / "repo", "Publish the July papers");
    quorum::ServeRequest request;
    request.build.source = dir / "repo";
    request.build.out = dir / "preview";
    request.port = 0;
    session = std::make_unique<quorum::PreviewSession>(request, out, err);
    REQUIRE(session->start());
    client = std::make_unique<httplib::Client>("127.0.0.1", session->port());
    client->set_read_timeout(60, 0);  // longer than the server's 20 s long poll
  }
  ~Served() { session->stop(); }

  httplib::Result get(const std::string& path) const { return client->Get(path.c_str()); }

  // The generation the server is at now (the long poll answers at once for an unknown one).
  std::uint64_t generation() const {
    const auto r = get(std::string(quorum::kEventsPath) + "?since=none");
    REQUIRE(r);
    return std::stoull(r->body);
  }

  // Waits, as the reload script does, until a build after `seen` has finished.
  std::uint64_t wait_for_build_after(std::uint64_t seen) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (std::chrono::steady_clock::now() < deadline) {
      const auto r = get(std::string(quorum::kEventsPath) + "?since=" + std::to_string(seen));
      REQUIRE(r);
      const auto now = std::stoull(r->body);
      if (now != seen) return now;
    }
    FAIL("no build finished after generation " << seen);
    return seen;
  }

  void edit(const std::string& path, const std::string& from, const std::string& to) const {
    std::string text = read(dir / "repo" / path);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(dir / "repo" / path, std::ios::binary | std::ios::trunc) << text;
  }
};

int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST_CASE("serve: a request returns the page, and a saved change is in the next one", "[e2e][serve]") {
  Served s;
  const auto home = s.get("/");
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(home->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(home->body.find("Testshire Council papers") != std::string::npos);
  // The reload script is in what is served, and never in the built files.
  CHECK(home->body.find(quorum::kReloadScriptId) != std::string::npos);
  CHECK(fs::exists(s.dir / "preview/index.html"));
  std::string where;
  CHECK_FALSE(any_file_contains(s.dir / "preview", std::string(quorum::kReloadScriptId), &where));
  INFO(where);

  const std::string report = "/committees/board/2017-07-19/reports/budget/";
  const auto before = s.get(report);
  REQUIRE(before);
  CHECK(before->status == 200);
  CHECK(before->body.find("The budget is set out below") != std::string::npos);
  // Links lead to the preview, not to base_url in site.yaml.
  CHECK(home->body.find("https://papers.example.org/") == std::string::npos);

  const auto seen = s.generation();
  s.edit(kReport, "The budget is set out below", "The revised budget is set out below");
  s.wait_for_build_after(seen);
  const auto after = s.get(report);
  REQUIRE(after);
  CHECK(after->status == 200);
  CHECK(after->body.find("The revised budget is set out below") != std::string::npos);
  CHECK(
      read(s.dir / "preview/committees/board/2017-07-19/reports/budget/index.html").find("revised budget") !=
      std::string::npos);

  s.session->stop();
  CHECK(s.out.str().find("Changed: " + kReport + ". Building again.") != std::string::npos);
}

TEST_CASE("serve: a broken file shows its error with file, line and fix until it is fixed", "[e2e][serve]") {
  Served s;
  const auto seen = s.generation();
  s.edit(kMeeting, "present: [bob-member]", "present: [bob-membr]");
  const int line = line_of(read(s.dir / "repo" / kMeeting), "bob-membr");
  const auto broken_at = s.wait_for_build_after(seen);

  for (const std::string& path : std::vector<std::string>{"/", "/committees/board/", "/no/such/page/"}) {
    INFO(path);
    const auto page = s.get(path);
    REQUIRE(page);
    CHECK(page->status == 500);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("<h1>The site could not be built</h1>") != std::string::npos);
    CHECK(page->body.find("<code>" + kMeeting + "</code>, line " + std::to_string(line)) !=
          std::string::npos);
    CHECK(page->body.find("bob-membr") != std::string::npos);
    CHECK(page->body.find("<strong>Suggested fix:</strong> Did you mean &#39;bob-member&#39;?") !=
          std::string::npos);
    CHECK(page->body.find(quorum::kReloadScriptId) != std::string::npos);
  }
  // The last good site is still whole on disk.
  CHECK(read(s.dir / "preview/index.html").find("Testshire Council papers") != std::string::npos);

  s.edit(kMeeting, "present: [bob-membr]", "present: [bob-member]");
  s.wait_for_build_after(broken_at);
  const auto fixed = s.get("/committees/board/");
  REQUIRE(fixed);
  CHECK(fixed->status == 200);
  CHECK(fixed->body.find("Testshire Board") != std::string::npos);
  CHECK(fixed->body.find("could not be built") == std::string::npos);

  s.session->stop();
  // The terminal shows the same error, in the form editors understand.
  CHECK(s.err.str().find(kMeeting + ":" + std::to_string(line) + ":") != std::string::npos);
  CHECK(s.err.str().find("Did you mean 'bob-member'?") != std::string::npos);
}

TEST_CASE("serve: directory URLs, 404s, content types, and nothing outside the site", "[e2e][serve]") {
  Served s;
  std::ofstream(s.dir / "secret.txt") << "TOP SECRET";
  std::ofstream(s.dir / "preview.txt") << "TOP SECRET";

  const auto redirect = s.get("/committees/board");
  REQUIRE(redirect);
  CHECK(redirect->status == 301);
  CHECK(redirect->get_header_value("Location") == "/committees/board/");

  const auto missing = s.get("/committees/nothing-here/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body.find("Page not found") != std::string::npos);
  CHECK(missing->body.find(quorum::kReloadScriptId) != std::string::npos);

  const auto css = s.get("/assets/quorum.css");
  REQUIRE(css);
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(css->body == read(s.dir / "preview/assets/quorum.css"));

  // Sent exactly as written: no encoding or normalising by the client.
  s.client->set_url_encode(false);
  for (const std::string& path : std::vector<std::string>{
           "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
           "/../preview.txt", "/committees/../../secret.txt", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
           "//etc/passwd", "/.quorum-manifest", "/..%5csecret.txt"}) {
    INFO(path);
    const auto r = s.get(path);
    REQUIRE(r);  // answered by the server, not refused by the client
    CHECK((r->status == 404 || r->status == 400));
    CHECK(r->body.find("TOP SECRET") == std::string::npos);
    CHECK(r->body.find("root:") == std::string::npos);
  }
}

TEST_CASE("serve: a port in use is refused with a way out", "[e2e][serve]") {
  Served s;
  std::ostringstream out, err;
  quorum::ServeRequest request;
  request.build.source = s.dir / "repo";
  request.build.out = s.dir / "second-preview";
  request.port = s.session->port();
  quorum::PreviewSession second(request, out, err);
  CHECK_FALSE(second.start());
  CHECK(err.str().find("--port 0") != std::string::npos);
}

namespace {

// Runs the real binary with its stdout on a pipe; returns the pid and the read end.
std::pair<pid_t, int> spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;  // made before fork: the child only calls what is safe after it
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  return {pid, fds[0]};
}

// Reads the child's output until `pattern` matches it (bounded); returns the first group.
std::string read_until(int fd, const std::regex& pattern, std::string& seen) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  std::smatch match;
  while (!std::regex_search(seen, match, pattern)) {
    if (std::chrono::steady_clock::now() > deadline) return "";
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 1000) <= 0) continue;
    char buffer[4096];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) return "";
    seen.append(buffer, static_cast<std::size_t>(n));
  }
  return match[1];
}

}  // namespace

TEST_CASE("serve: the command prints its address for --port 0 and stops cleanly on a signal",
          "[e2e][serve]") {
  const int signal_number = GENERATE(SIGINT, SIGTERM);
  TempDir dir;
  write_files(dir / "repo", parse_sections(minimal_site()));
  const auto [pid, fd] = spawn({QUORUM_BINARY, "serve", "--source", (dir / "repo").string(), "--port", "0",
                                "--out", (dir / "preview").string()});
  std::string output;
  const std::string port =
      read_until(fd, std::regex(R"(Serving the preview at http://127\.0\.0\.1:(\d+)/)"), output);
  INFO(output);
  REQUIRE_FALSE(port.empty());
  httplib::Client client("127.0.0.1", std::stoi(port));
  const auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("Testshire Council papers") != std::string::npos);

  REQUIRE(kill(pid, signal_number) == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  close(fd);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
