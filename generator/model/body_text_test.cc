// A body's text is read again from its file rather than held in the model, and is exactly
// the text the model was built from: never another version of the file.
#include "model/body_text.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "model/site_model.h"
#include "test_support.h"

namespace quorum {
namespace {

constexpr const char* kDocument = "content/documents/plan.md";

testing::Files site(const std::string& plan) {
  auto files = testing::parse_sections(testing::minimal_site());
  files[kDocument] = plan;
  return files;
}

const Body& plan_body(const SiteModel& model) {
  REQUIRE(model.documents.count("plan") == 1);
  return model.documents.at("plan").body;
}

TEST_CASE("a file's body is read again, not kept in the model", "[model][body]") {
  const std::string text = "Our plan has *two* parts.\n\n## First\n\nThe first part.\n";
  const MemoryTree tree(site("---\ntitle: Plan\nkind: plan\n---\n" + text));
  Diagnostics diags;
  const SiteModel model = build_model(tree, diags);
  REQUIRE_FALSE(diags.has_errors());
  const Body& body = plan_body(model);
  CHECK(body.in_file);
  CHECK(body.markdown.empty());
  CHECK_FALSE(body.empty());
  CHECK(body.outline.headings.size() == 1);
  CHECK(model.body_text(body) == text);
}

TEST_CASE("a body after a byte order mark is read without it", "[model][body]") {
  const MemoryTree tree(site("\xEF\xBB\xBF---\ntitle: Plan\nkind: plan\n---\nText.\n"));
  Diagnostics diags;
  const SiteModel model = build_model(tree, diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(model.body_text(plan_body(model)) == "Text.\n");
}

TEST_CASE("a body whose file changed since the model read it is refused", "[model][body]") {
  const MemoryTree before(site("---\ntitle: Plan\nkind: plan\n---\nThe old text.\n"));
  Diagnostics diags;
  const SiteModel model = build_model(before, diags);
  REQUIRE_FALSE(diags.has_errors());
  const MemoryTree after(site("---\ntitle: Plan\nkind: plan\n---\nThe new text.\n"));
  CHECK(body_text(plan_body(model), before) == "The old text.\n");
  CHECK_THROWS_WITH(body_text(plan_body(model), after),
                    Catch::Contains("changed while the site was being built"));
  const MemoryTree gone(testing::parse_sections(testing::minimal_site()));
  CHECK_THROWS_WITH(body_text(plan_body(model), gone), Catch::Contains(kDocument));
}

TEST_CASE("text that is not a file's own stays in the model", "[model][body]") {
  auto files = testing::parse_sections(testing::minimal_site());
  files["content/committees/board/meetings/2018-01-10/meeting.yaml"] =
      "date: 2018-01-10\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Libraries\n"
      "    description: Plans for the *new* library.\n";
  Diagnostics diags;
  const MemoryTree tree(files);
  const SiteModel model = build_model(tree, diags);
  REQUIRE_FALSE(diags.has_errors());
  // An agenda item's description is written in meeting.yaml: its text is the model's.
  bool found = false;
  for (const auto& [id, m] : model.meetings) {
    for (const auto& item : m.agenda) {
      if (!item.description) continue;
      found = true;
      CHECK_FALSE(item.description->in_file);
      CHECK(model.body_text(*item.description) == "Plans for the *new* library.");
    }
  }
  CHECK(found);
}

}  // namespace
}  // namespace quorum
