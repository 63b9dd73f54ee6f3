// A body's text is read again from its file rather than held in the model, and is exactly
// the text the model was built from: never another version of the file.
#include "model/body_text.h"

#include <catch2/catch.hpp>
#include <optional>
#include <stdexcept>

#include "model/model_load.h"
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
  const SiteModel model = load_model(tree, diags);
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
  const SiteModel model = load_model(tree, diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(model.body_text(plan_body(model)) == "Text.\n");
}

TEST_CASE("a body whose file changed since the model read it is refused", "[model][body]") {
  const MemoryTree before(site("---\ntitle: Plan\nkind: plan\n---\nThe old text.\n"));
  Diagnostics diags;
  const SiteModel model = load_model(before, diags);
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
  const SiteModel model = load_model(tree, diags);
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

// A tree whose file `changing` reads differently after its first read: a clerk saving it
// while a working-tree build runs.
class SavedDuringBuild : public MemoryTree {
 public:
  SavedDuringBuild(const testing::Files& files, std::string changing, std::string later)
      : MemoryTree(files), changing_(std::move(changing)), later_(std::move(later)) {}
  [[nodiscard]] std::optional<std::string> read(const std::string& path) const override {
    if (path == changing_ && reads_++ > 0) return later_;
    return MemoryTree::read(path);
  }

 private:
  std::string changing_, later_;
  mutable int reads_ = 0;
};

TEST_CASE("minutes saved while their exempt section is cut are an error, not a crash",
          "[model][body][withheld]") {
  auto files = testing::parse_sections(testing::minimal_site());
  const std::string minutes = "content/committees/board/meetings/2018-02-01/minutes.md";
  files["content/committees/board/meetings/2018-02-01/meeting.yaml"] =
      "date: 2018-02-01\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Apologies\n"
      "  - number: \"2\"\n    title: Contract award\n    exempt:\n      paragraph: \"3\"\n";
  files[minutes] =
      "---\nstatus: draft\n---\n## 1. Apologies\n\nNone.\n\n## 2. Contract award\n\nSECRET prices.\n";
  SECTION("unchanged, the section is cut and the rest kept") {
    const MemoryTree tree(files);
    Diagnostics diags;
    const SiteModel model = load_model(tree, diags);
    REQUIRE_FALSE(diags.has_errors());
    const Body& body = model.meetings.at("board/2018-02-01").minutes->body;
    CHECK_FALSE(body.in_file);
    CHECK(model.body_text(body).find("SECRET") == std::string::npos);
    CHECK(model.body_text(body).find("None.") != std::string::npos);
  }
  SECTION("saved in between, the build stops with the file named") {
    const SavedDuringBuild tree(files, minutes, "## 1. Apologies\n\nSaved later.\n");
    Diagnostics diags;
    const SiteModel model = load_model(tree, diags);
    REQUIRE(diags.has_errors());
    bool named = false;
    for (const auto& d : diags.all()) {
      named =
          named || (d.severity == Severity::error && d.format().find(minutes + ":") != std::string::npos &&
                    d.format().find("changed while the site was being built") != std::string::npos);
    }
    CHECK(named);
    CHECK_FALSE(model.meetings.at("board/2018-02-01").minutes.has_value());
  }
}

}  // namespace
}  // namespace quorum
