#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "fuzz_targets.h"
#include "html_safety.h"
#include "model/model_load.h"
#include "load/source_tree.h"
#include "model/loader.h"
#include "model/site_model.h"
#include "render/page_context.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "support/diagnostics.h"
#include "support/output_sink.h"

namespace quorum::fuzz {
namespace {

constexpr std::string_view kMinutesPath = "content/committees/board/meetings/2017-07-19/minutes.md";

// The render stage may call a sink from several threads.
class MemorySink : public OutputSink {
 public:
  void write(const std::string& path, std::string_view bytes) override {
    const std::lock_guard lock(mutex_);
    files[path] = std::string(bytes);
  }
  std::map<std::string, std::string> files;

 private:
  std::mutex mutex_;
};

const SiteModel& base_model() {
  static const MemoryTree tree(site_input(""));
  static Diagnostics diags;
  static const SiteModel model = load_model(tree, diags);
  return model;
}

const Theme& default_theme() {
  static const MemoryTree empty({});
  static Diagnostics diags;
  static const std::unique_ptr<Theme> theme = Theme::load("default", empty, {QUORUM_FUZZ_THEMES}, diags);
  if (!theme) std::abort();  // the harness is broken, not the input
  return *theme;
}

}  // namespace

std::string markdown(std::string_view input) {
  const SiteModel& m = base_model();
  const PageContext ctx(m, m.site.base_url);
  const Body body = loader::make_body(std::string(input), std::string(kMinutesPath), 1);
  MarkdownRenderOptions options;  // as minutes are rendered: decisions marked, items linked
  options.mark_decisions = true;
  options.after_item_heading = [](const std::string& item) {
    return "<p><a href=\"#item-" + item + "\">Item</a></p>";
  };
  const std::string html = ctx.markdown(body, options);
  if (std::string problem = unsafe_html(html, true); !problem.empty()) return problem;
  return {};
}

std::string site_render(std::string_view input) {
  const MemoryTree tree(site_input(input));
  Diagnostics diags;
  const SiteModel m = load_model(tree, diags);
  if (diags.has_errors()) return {};  // such a model is never rendered
  MemorySink sink;
  // Always the default theme: the fuzzed content, not a fuzzed theme, is under test.
  RenderOptions options;
  options.jobs = 1;  // one input at a time is libFuzzer's model; threads would only add noise
  render_site(m, tree, default_theme(), options, sink, diags);
  for (const auto& [path, bytes] : sink.files) {
    const auto ext = path.substr(path.rfind('.') + 1);
    if (ext == "html" || ext == "svg") {
      if (std::string problem = unsafe_html(bytes, false); !problem.empty()) return path + ": " + problem;
    } else if (ext == "json" && !nlohmann::json::accept(bytes)) {
      return path + ": not valid JSON";
    }
  }
  return {};
}

}  // namespace quorum::fuzz
