// data/events.json is written one event at a time; its bytes must be those of the whole
// array dumped at once, which is what the open data format promises.
#include <catch2/catch.hpp>

#include "load/source_tree.h"
#include "model/model_load.h"
#include "model/site_model.h"
#include "render/open_data.h"
#include "test_support.h"

namespace quorum {
namespace {

TEST_CASE("events.json made event by event is the array dumped at once", "[render][data]") {
  auto files = testing::parse_sections(testing::minimal_site());
  // Characters the file escapes (<, >, &), a quote, and text beyond ASCII.
  files["content/committees/board/meetings/2018-01-10/meeting.yaml"] =
      "date: 2018-01-10\nstatus: held\nvenue: \"Room <3> & \\\"Annexe\\\" – Café\"\nagenda:\n"
      "  - number: \"1\"\n    title: A <b>bold</b> item\n";
  const MemoryTree tree(files);
  Diagnostics diags;
  const SiteModel model = load_model(tree, diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(model.meetings.size() >= 3);
  const PageContext ctx(model, "https://papers.example.org/");
  const std::string streamed = events_json_file(ctx);
  CHECK(streamed == json_file(events_json(ctx), 1));
  CHECK(streamed.find("\\u003cb\\u003e") != std::string::npos);
}

TEST_CASE("events.json of a site without meetings is an empty array", "[render][data]") {
  auto files = testing::parse_sections(testing::minimal_site());
  for (auto it = files.begin(); it != files.end();) {
    it = it->first.find("/meetings/") != std::string::npos ? files.erase(it) : std::next(it);
  }
  const MemoryTree tree(files);
  Diagnostics diags;
  const SiteModel model = load_model(tree, diags);
  REQUIRE(model.meetings.empty());
  const PageContext ctx(model, "https://papers.example.org/");
  CHECK(events_json_file(ctx) == "[]\n");
  CHECK(events_json_file(ctx) == json_file(events_json(ctx), 1));
}

}  // namespace
}  // namespace quorum
