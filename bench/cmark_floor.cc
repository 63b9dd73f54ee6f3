// The Markdown floor for the benchmark: how long cmark-gfm alone takes to render every
// Markdown body under a content folder, with the extensions Quorum attaches (table,
// strikethrough, autolink) and the same options. One thread; reading the files is timed
// apart from rendering. render_s is the CPU time of rendering (this process, one thread), so
// other work sharing the cores does not inflate it; render_wall_s is the wall time.
// Usage: cmark_floor CONTENT_DIR
// Prints: files=N bytes=B read_s=R render_s=S render_wall_s=W html_bytes=H
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// The body after YAML front matter, as Quorum's parser sees it.
std::string body_of(const std::string& text) {
  if (text.rfind("---\n", 0) == 0) {
    const auto end = text.find("\n---\n", 4);
    if (end != std::string::npos) return text.substr(end + 5);
  }
  return text;
}

std::string render(const std::string& markdown) {
  constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
  cmark_parser* parser = cmark_parser_new(kOptions);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, kOptions, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cmark_floor CONTENT_DIR\n");
    return 2;
  }
  cmark_gfm_core_extensions_ensure_registered();
  const auto read_start = Clock::now();
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> bodies;
  bodies.reserve(paths.size());
  std::size_t bytes = 0;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bodies.push_back(body_of(text));
    bytes += bodies.back().size();
  }
  const auto render_start = Clock::now();
  const double cpu_start = cpu_seconds();
  std::size_t html_bytes = 0;
  for (const auto& body : bodies) html_bytes += render(body).size();
  const double render_cpu = cpu_seconds() - cpu_start;
  const auto end = Clock::now();
  const std::chrono::duration<double> read_s = render_start - read_start;
  const std::chrono::duration<double> render_s = end - render_start;
  std::printf("files=%zu bytes=%zu read_s=%.3f render_s=%.3f render_wall_s=%.3f html_bytes=%zu\n",
              bodies.size(), bytes, read_s.count(), render_cpu, render_s.count(), html_bytes);
  return 0;
}
