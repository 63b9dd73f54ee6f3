// The search index in shards: each shard file is written entry by entry and must be the very
// bytes of the shard made as one JSON value; the shards between them hold every entry once.
#include "render/search_index.h"

#include <catch2/catch.hpp>

#include <set>

#include "load/source_tree.h"
#include "model/model_load.h"
#include "model/site_model.h"
#include "render/open_data.h"
#include "test_support.h"

namespace quorum {
namespace {

struct Built {
  MemoryTree tree;  // the model reads bodies' text from it
  SiteModel model;
  explicit Built(const testing::Files& files) : tree(files) {
    Diagnostics diags;
    model = load_model(tree, diags);
    INFO((diags.all().empty() ? std::string() : diags.all().front().format()));
    REQUIRE(!diags.has_errors());
  }
};

testing::Files site_with_plan() {
  auto files = testing::parse_sections(testing::minimal_site());
  // Markup and quotes in text, which the file must escape the same way.
  files["content/documents/plan.md"] =
      "---\ntitle: A <plan> & \"more\"\nkind: strategy\nowner: board\n---\nText with <b>tags</b> & "
      "'quotes'.\n";
  files["content/committees/board/meetings/2019-03-04/meeting.yaml"] =
      "date: 2019-03-04\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Apologies\n";
  files["content/committees/board/meetings/2019-03-04/minutes.md"] = "## 1. Apologies\n\n*None* were `given`.\n";
  return files;
}

}  // namespace

TEST_CASE("search_shard_file is json_file(search_shard()) byte for byte", "[render][search]") {
  const Built b(site_with_plan());
  const PageContext ctx(b.model, "https://papers.example.org/");
  const std::vector<SearchShard> shards = search_shards(ctx);
  REQUIRE(shards.size() == 3);  // 2019, 2017, undated
  for (const auto& shard : shards) {
    INFO(shard.path());
    CHECK(search_shard_file(ctx, shard) == json_file(search_shard(ctx, shard)));
  }
  const std::string undated = search_shard_file(ctx, shards.back());
  CHECK(undated.find("\\u003cplan\\u003e") != std::string::npos);
  CHECK(search_shard_file(ctx, shards[1]).find("minutes") != std::string::npos);
  // Bodies are searched as plain text, without their Markdown.
  CHECK(search_shard_file(ctx, shards[0]).find("None were given.") != std::string::npos);
}

TEST_CASE("search shards: years newest first, counts, every entry once", "[render][search]") {
  const Built b(site_with_plan());
  const PageContext ctx(b.model, "https://papers.example.org/");
  const std::vector<SearchShard> shards = search_shards(ctx);
  REQUIRE(shards.size() == 3);
  CHECK(shards[0].year == 2019);
  CHECK(shards[1].year == 2017);
  CHECK_FALSE(shards[2].year.has_value());
  CHECK(shards[0].path() == "search/2019.json");
  CHECK(shards[2].path() == "search/undated.json");
  CHECK(shards[0].types == std::vector<std::string>{"meeting", "minutes"});
  CHECK(shards[2].types == std::vector<std::string>{"document", "committee", "person", "organisation"});

  std::set<std::string> urls;
  std::size_t total = 0;
  for (const auto& shard : shards) {
    const json data = search_shard(ctx, shard);
    CHECK(data["pages"].size() == shard.count);
    for (const auto& p : data["pages"]) {
      INFO(p.dump());
      const std::string date = p["date"];
      CHECK(date.substr(0, 4) == (shard.year ? std::to_string(*shard.year) : std::string()));
      urls.insert(p["url"].get<std::string>());
      ++total;
    }
  }
  CHECK(urls.size() == total);
  // 3 meetings, 2 sets of minutes, 1 report, 1 document, 1 committee, 2 people, 1 organisation.
  CHECK(total == 11);

  const json manifest = search_manifest(ctx, shards);
  CHECK(manifest["version"] == 2);
  REQUIRE(manifest["shards"].size() == 3);
  CHECK(manifest["shards"][0] == json({{"url", "2019.json"}, {"year", 2019}, {"count", 2},
                                       {"types", {"meeting", "minutes"}}}));
  CHECK(manifest["shards"][2]["year"].is_null());
  CHECK(manifest["shards"][2]["url"] == "undated.json");
  CHECK(manifest["committees"][0]["id"] == "board");
  CHECK(search_manifest_file(ctx, shards) == json_file(manifest));
}

}  // namespace quorum
