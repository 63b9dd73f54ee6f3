// The default preview folder is outside the content repository, private, and the same each time.
#include "cli/serve_command.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "test_support.h"

namespace quorum {
namespace {

TEST_CASE("the default preview folder is private, outside the repository and stable", "[serve][folder]") {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "papers");
  std::filesystem::create_directories(dir / "other/papers");
  const auto folder = default_preview_folder(dir / "papers");
  CHECK(folder == default_preview_folder(dir / "papers/../papers"));
  CHECK(folder != default_preview_folder(dir / "other/papers"));
  CHECK(folder.filename().string().rfind("papers-", 0) == 0);
  const auto rel = folder.lexically_relative(std::filesystem::canonical(dir.path()));
  CHECK((rel.empty() || *rel.begin() == ".."));
  struct stat info {};
  REQUIRE(::stat(folder.parent_path().c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);
}

}  // namespace
}  // namespace quorum
