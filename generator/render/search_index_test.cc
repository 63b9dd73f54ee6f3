// The search index file is written entry by entry; it must be the very bytes of the index
// made as one JSON value.
#include "render/search_index.h"

#include <catch2/catch.hpp>

#include "load/source_tree.h"
#include "model/site_model.h"
#include "render/open_data.h"
#include "test_support.h"

namespace quorum {

TEST_CASE("search_index_file is json_file(search_index()) byte for byte", "[render][search]") {
  auto files = testing::parse_sections(testing::minimal_site());
  // Markup and quotes in text, which the file must escape the same way.
  files["content/documents/plan.md"] =
      "---\ntitle: A <plan> & \"more\"\nkind: strategy\nowner: board\n---\nText with <b>tags</b> & "
      "'quotes'.\n";
  const MemoryTree tree(files);
  Diagnostics diags;
  const SiteModel model = build_model(tree, diags);
  INFO((diags.all().empty() ? std::string() : diags.all().front().format()));
  REQUIRE(!diags.has_errors());
  const PageContext ctx(model, "https://papers.example.org/");
  const std::string file = search_index_file(ctx);
  CHECK(file == json_file(search_index(ctx)));
  CHECK(file.find("\\u003cplan\\u003e") != std::string::npos);
  CHECK(file.find("minutes") != std::string::npos);
}

}  // namespace quorum
