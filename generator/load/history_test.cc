#include "load/history.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "load/git_tree.h"
#include "test_support.h"

namespace fs = std::filesystem;
using quorum::testing::commit_all;
using quorum::testing::TempDir;
using quorum::testing::write_files;

namespace {

// Writes down what each side of each commit answers, for every file the walk classifies, and
// for paths that are not files: the answers come from trees the walk keeps between lookups
// (a folder's tree is read once, not once per file), so they must still be those of the
// right tree.
class Recorder final : public quorum::PastPrivacy {
 public:
  mutable std::vector<std::string> seen;
  [[nodiscard]] quorum::PastVerdict classify(const std::string& path,
                                             const quorum::CommitSide& side) const override {
    std::string line = path;
    line += side.same_as_built(path) ? " same" : " other";
    line += side.mentions(path, "SENSITIVE") ? " mentions" : "";
    // Not files: a folder, a path through a file, a folder that is not there.
    for (const std::string& odd :
         {std::string("content/people"), path + "/x", std::string("content/nope/a.yaml")}) {
      if (side.same_as_built(odd) || side.mentions(odd, "a")) line += " ODD:" + odd;
    }
    seen.push_back(line);
    return {};
  }
};

}  // namespace

TEST_CASE("the history walk answers for each file from its own commit's tree", "[load][git][history]") {
  TempDir dir;
  const fs::path repo = dir / "repo";
  const std::string meeting = "content/committees/board/meetings/2020-01-10/meeting.yaml";
  write_files(repo, {{"content/people/a.yaml", "name: A\nnote: sensitive\n"},
                     {"content/people/b.yaml", "name: B\n"},
                     {meeting, "date: 2020-01-10\n"}});
  commit_all(repo, "First", 1500000000);
  write_files(repo, {{"content/people/a.yaml", "name: A\n"}, {"content/people/c.yaml", "name: C\n"}});
  commit_all(repo, "Second", 1500086400);
  fs::remove(repo / "content/people/b.yaml");
  commit_all(repo, "Third", 1500172800);

  quorum::Diagnostics diags;
  const auto tree = quorum::GitTree::open(repo, "HEAD", diags);
  REQUIRE(tree != nullptr);
  const Recorder recorder;
  const quorum::History history = quorum::History::read(repo, tree->revision().commit, diags, &recorder);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(recorder.seen == std::vector<std::string>{
                             // Third: b deleted, as the second commit left it.
                             "content/people/b.yaml other",
                             // Second: a as built, then as the first commit had it; c added.
                             "content/people/a.yaml same",
                             "content/people/a.yaml other mentions",
                             "content/people/c.yaml same",
                             // First: everything added.
                             meeting + " same",
                             "content/people/a.yaml other mentions",
                             "content/people/b.yaml other",
                         });
}
