// Files parsed ahead on several threads give the model and the messages, in their order,
// that parsing each file when a loader asks for it gives; and what other pages can see of a
// Markdown file keeps its parts apart in its fingerprint.
#include "build/read_ahead.h"

#include <catch2/catch.hpp>

#include "load/source_tree.h"
#include "build/build_model.h"
#include "model/site_model.h"

namespace quorum {
namespace {

// Committees with meetings whose files go wrong in every way a parse can report: broken
// YAML, unknown fields, text that is not UTF-8, a NUL byte, front matter never closed,
// unknown people, missing reports; more files than the workers' window.
std::map<std::string, std::string> troubled_site(int committees, int meetings_each) {
  std::map<std::string, std::string> files;
  files["site-config/site.yaml"] = "title: Test\nsurprise: 1\n";
  files["content/people/ann.yaml"] = "name: Ann\nhonourific: Dr\n";
  files["content/people/bad person.yaml"] = "name: [unclosed\n";
  files["content/documents/plan.md"] = "---\ntitle: Plan\nkind: plan\ncolour: red\n---\n# Plan\n";
  files["content/stray.md"] = "Stray\n";
  for (int c = 0; c < committees; ++c) {
    const std::string dir = "content/committees/c" + std::to_string(c) + "/";
    files[dir + "committee.yaml"] =
        c == 1 ? "name: [\n" : "name: C" + std::to_string(c) + "\nkind: board\nvenu: x\n";
    files[dir + "index.md"] = "---\nignored: yes\n---\nAbout.\n";
    for (int m = 0; m < meetings_each; ++m) {
      const std::string date = "2019-" + std::string(m + 1 < 10 ? "0" : "") + std::to_string(m + 1) + "-01";
      const std::string meeting = dir + "meetings/" + date + "/";
      const int n = c * meetings_each + m;
      files[meeting + "meeting.yaml"] =
          n % 7 == 3
              ? "date: " + date + "\nstatus: held\nagenda: [\n"
              : "date: " + date + "\nstatus: held\nattendance:\n  present: [ann, nobody-" +
                    std::to_string(n) + "]\nagenda:\n  - number: \"1\"\n    title: R\n    report: r\n" +
                    "  - number: \"2\"\n    title: Gone\n    report: missing\n";
      std::string report = "---\ntitle: R\nitem: \"1\"\nfield" + std::to_string(n) + ": x\n---\n## Body\n";
      if (n % 5 == 1) report += "bad \xC3\x28 byte\n";
      if (n % 5 == 2) report += std::string("nul \0 byte\n", 11);
      if (n % 5 == 3) report = "---\ntitle: never closed\n";
      files[meeting + "reports/r.md"] = report;
      files[meeting + "minutes.md"] = n % 2 == 0 ? "## 1. R\n\nRESOLVED: noted [link](nowhere.md).\n"
                                                 : "---\nstatus: approved\nextra: 1\n---\n## 1. R\n";
    }
  }
  return files;
}

std::vector<std::string> messages_in_order(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(d.format());
  return out;
}

}  // namespace

TEST_CASE("parsing on 4 threads gives the same messages in the same order as on 1", "[build][parallel]") {
  const MemoryTree tree(troubled_site(6, 120));  // 720 meetings, about 2,900 files
  Diagnostics one_diags, four_diags;
  const SiteModel one = build_model(tree, one_diags, {}, {}, 1);
  const SiteModel four = build_model(tree, four_diags, {}, {}, 4);
  REQUIRE(one_diags.error_count() > 500);
  REQUIRE(one_diags.warning_count() > 500);
  CHECK(messages_in_order(one_diags) == messages_in_order(four_diags));
  CHECK(one.meetings.size() == four.meetings.size());
  CHECK(one.inputs.size() == four.inputs.size());
  for (const auto& [path, inputs] : one.inputs) {
    INFO(path);
    REQUIRE(four.inputs.count(path) == 1);
    CHECK(four.inputs.at(path).whole == inputs.whole);
    CHECK(four.inputs.at(path).visible == inputs.visible);
  }
  CHECK(one.shared_inputs == four.shared_inputs);
}

TEST_CASE("a file asked for that was not planned, or asked for twice, is read directly",
          "[build][parallel]") {
  const MemoryTree tree(std::map<std::string, std::string>{{"content/people/ann.yaml", "name: Ann\n"},
                                                           {"content/documents/d.md", "# D\n"}});
  build::ParsedFiles parsed(tree, {{"content/people/ann.yaml", build::FileKind::yaml}}, 2);
  CHECK_FALSE(parsed.take_markdown("content/documents/d.md"));   // not planned
  CHECK_FALSE(parsed.take_markdown("content/people/ann.yaml"));  // planned as YAML
  const auto ann = parsed.take_yaml("content/people/ann.yaml");
  REQUIRE(ann);
  REQUIRE(ann->node);
  CHECK((*ann->node)["name"].as<std::string>() == "Ann");
  CHECK(ann->inputs);
  CHECK_FALSE(parsed.take_yaml("content/people/ann.yaml"));  // already taken
}

TEST_CASE("the parts of what other pages see of a Markdown file stay apart", "[build][parallel]") {
  // Two links, or one link whose address is both joined: without a separator between the
  // parts their fingerprints would be the same, and a change would go unnoticed.
  const MemoryTree tree(std::map<std::string, std::string>{
      {"content/documents/two.md", "[a](https://example.org/a) [b](https://example.org/b)\n"},
      {"content/documents/one.md", "[ab](https://example.org/ahttps://example.org/b)\n"}});
  const auto two = loader::parse_markdown_file(tree, "content/documents/two.md");
  const auto one = loader::parse_markdown_file(tree, "content/documents/one.md");
  REQUIRE(two.inputs);
  REQUIRE(one.inputs);
  REQUIRE(two.file->body.outline.links.size() == 2);
  CHECK(two.inputs->visible != one.inputs->visible);
}

}  // namespace quorum
