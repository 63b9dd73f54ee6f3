// Every input the fuzzers ever broke Quorum with (and a few hostile inputs written by hand),
// replayed through the same code the fuzzers run: tests/fuzz/regressions/<target>/*.
// The fuzzers themselves need clang and run in tests/fuzz/run; this runs in every build,
// the sanitizer build included.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "fuzz_targets.h"
#include "html_safety.h"
#include "model/model_load.h"
#include "load/source_tree.h"
#include "model/site_model.h"
#include "support/diagnostics.h"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void replay(const std::string& target, const std::function<std::string(std::string_view)>& run) {
  const fs::path folder = fs::path(QUORUM_REPO_DIR) / "tests/fuzz/regressions" / target;
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    INFO(entry.path().string());
    CHECK(run(slurp(entry.path())).empty());
    ++count;
  }
  CHECK(count > 0);  // a folder that lost its inputs would otherwise pass
}

}  // namespace

TEST_CASE("fuzz regressions: front matter splitting", "[fuzz]") {
  replay("front_matter", quorum::fuzz::front_matter);
}
TEST_CASE("fuzz regressions: YAML loading into the model", "[fuzz]") { replay("model", quorum::fuzz::model); }
TEST_CASE("fuzz regressions: Markdown with link rewriting", "[fuzz]") {
  replay("markdown", quorum::fuzz::markdown);
}
TEST_CASE("fuzz regressions: the whole site through the default theme", "[fuzz]") {
  replay("site_render", quorum::fuzz::site_render);
}

TEST_CASE("the fuzzers' HTML oracle sees script however it is spelled", "[fuzz]") {
  using quorum::fuzz::unsafe_html;
  CHECK(unsafe_html(R"h(<p><a href="https://example.org/">x</a> &lt;script&gt;</p>)h", true).empty());
  CHECK_FALSE(unsafe_html(R"h(<a href="jav&#x61;script:alert(1)">x</a>)h", true).empty());
  CHECK_FALSE(unsafe_html(R"h(<a href=" java&Tab;script&colon;alert(1)">x</a>)h", true).empty());
  CHECK_FALSE(unsafe_html(R"h(<img src="x" onerror="alert(1)">)h", true).empty());
  CHECK_FALSE(unsafe_html(R"h(<IFRAME src="https://example.org/"></IFRAME>)h", true).empty());
  CHECK_FALSE(unsafe_html("<script>alert(1)</script>", true).empty());
  CHECK_FALSE(unsafe_html(R"h(<svg><a xlink:href="data:text/html,x">x</a></svg>)h", true).empty());
  // A page's own JSON-LD is allowed only while it stays JSON.
  CHECK(
      unsafe_html(R"h(<script type="application/ld+json">{"name":"a<\/script>"}</script>)h", false).empty());
  CHECK_FALSE(
      unsafe_html(R"h(<script type="application/ld+json">{"name":"a</script><script>alert(1)</script>)h",
                  false)
          .empty());
}

TEST_CASE("a fuzzed site is the base site with the input laid over it", "[fuzz]") {
  // The base site must be clean, or the site render target would stop at the errors and
  // never render anything.
  quorum::Diagnostics diags;
  const quorum::MemoryTree base(quorum::fuzz::site_input(""));
  const quorum::SiteModel model = quorum::load_model(base, diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(model.meetings.size() == 1);
  // Input without sections is the meeting.yaml; sections replace or add files; no PDFs.
  CHECK(quorum::fuzz::site_input("date: [").count(
            "content/committees/board/meetings/2017-07-19/meeting.yaml") == 1);
  CHECK(quorum::fuzz::site_input("-- content/x.yaml --\na: 1\n").at("content/x.yaml") == "a: 1\n");
  CHECK(quorum::fuzz::site_input("-- a.pdf --\n%PDF").count("a.pdf") == 0);
}
