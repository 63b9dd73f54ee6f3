// The watcher reports exactly the files added, changed and removed in the watched folders.
#include "cli/file_watcher.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "test_support.h"

namespace quorum {
namespace {

void put(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

TEST_CASE("the file watcher reports added, changed and removed files, and only in its folders",
          "[serve][watcher]") {
  testing::TempDir dir;
  put(dir / "content/a.md", "one");
  put(dir / "content/sub/b.md", "two");
  put(dir / "notes.txt", "outside");
  FileWatcher watcher(dir.path(), {"content", "themes"});
  CHECK(watcher.poll().empty());

  put(dir / "content/a.md", "one, longer");  // a different size, so no clock granularity matters
  put(dir / "content/sub/c.md", "new");
  std::filesystem::remove(dir / "content/sub/b.md");
  put(dir / "notes.txt", "outside, changed");
  CHECK(watcher.poll() == std::vector<std::string>{"content/a.md", "content/sub/b.md", "content/sub/c.md"});
  CHECK(watcher.poll().empty());

  // A watched folder that did not exist is noticed when it appears.
  put(dir / "themes/mine/templates/home.mustache", "x");
  CHECK(watcher.poll() == std::vector<std::string>{"themes/mine/templates/home.mustache"});
}

}  // namespace
}  // namespace quorum
