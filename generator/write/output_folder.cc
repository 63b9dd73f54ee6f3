#include "write/output_folder.h"

#include <array>
#include <fstream>
#include <string_view>
#include <vector>

namespace quorum {
namespace fs = std::filesystem;

namespace {

// The manifest every Quorum build leaves in its site folder (atomic_output.h).
constexpr std::string_view kManifest = ".quorum-manifest";

// `path` with symlinks and `..` resolved as far as it exists, so that `--out ./x/..` or a
// link to the repository is seen for what it is.
fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  fs::path out = fs::weakly_canonical(abs, ec);
  if (ec) out = abs.lexically_normal();
  // "a/b/" and "a/b" are one folder.
  if (out.filename().empty() && out.has_parent_path()) out = out.parent_path();
  return out;
}

// Whether `inner` is `outer` or lies inside it (both resolved).
bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

// The work tree of the git repository that holds `repo` (resolved): the nearest folder at or
// above it with a .git, "" when there is none. --source may be a folder of a repository.
fs::path enclosing_work_tree(const fs::path& repo) {
  std::error_code ec;
  for (fs::path dir = repo; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(fs::symlink_status(dir / ".git", ec))) return dir;
    if (dir == dir.parent_path()) break;
  }
  return {};
}

// Where the repository at `root` keeps its history: root/.git, and, when .git is a file (a
// worktree, a submodule), the folder its "gitdir:" line names too.
std::vector<fs::path> git_dirs(const fs::path& root) {
  std::vector<fs::path> out = {root / ".git"};
  std::ifstream in(root / ".git");
  std::string line;
  if (fs::is_regular_file(root / ".git") && std::getline(in, line) && line.rfind("gitdir:", 0) == 0) {
    std::string named = line.substr(7);
    while (!named.empty() && (named.front() == ' ' || named.front() == '\t')) named.erase(0, 1);
    while (!named.empty() && (named.back() == '\r' || named.back() == ' ')) named.pop_back();
    if (!named.empty())
      out.push_back(resolved(fs::path(named).is_absolute() ? fs::path(named) : root / named));
  }
  return out;
}

}  // namespace

std::string refuse_output_folder(const fs::path& source, const fs::path& out, bool force) {
  const fs::path repo = resolved(source);
  const fs::path site = resolved(out);
  const std::string named = "--out '" + out.string() + "'";
  if (within(repo, site)) {
    return named + " is the content repository" + (repo == site ? "" : std::string(" or a folder above it")) +
           " (" + repo.string() +
           "): a build replaces its output folder, which would delete the "
           "repository. Choose a folder of its own for the site, for example --out public";
  }
  for (const char* owned : {"content", "site-config", "themes", ".git"}) {
    if (within(site, repo / owned)) {
      return named + " is inside the repository's " + owned +
             "/ folder, which a build reads and must "
             "never replace. Choose a folder of its own for the site, for example --out public";
    }
  }
  // --source a folder of a git repository: the repository's work tree and its history are
  // as much the build's to never replace as the folder it reads.
  if (const fs::path root = enclosing_work_tree(repo); !root.empty()) {
    if (root != repo && within(root, site)) {
      return named + " is the git repository that holds the content" +
             (root == site ? "" : std::string(" or a folder above it")) + " (" + root.string() +
             "): a build replaces its output folder, which would delete the repository. Choose a folder of "
             "its own for the site, for example --out public";
    }
    for (const fs::path& git : git_dirs(root)) {
      if (within(site, git) || within(git, site)) {
        return named + " is inside the git repository's history folder (" + git.string() +
               "), which a build must never replace. Choose a folder of its own for the site, for example "
               "--out public";
      }
    }
  }
  std::error_code ec;
  // A clean build replaces the folder's name with a new folder: given a link, it would
  // replace the link (someone's deployment set-up) and never write where it points.
  fs::path given = out;
  if (given.filename().empty() && given.has_parent_path()) given = given.parent_path();
  if (fs::is_symlink(fs::symlink_status(given, ec))) {
    const fs::path target = fs::read_symlink(given, ec);
    const fs::path folder = resolved(target.is_absolute() ? target : given.parent_path() / target);
    return named + " is a symbolic link (to " + target.string() + ", the folder " + folder.string() +
           "). Quorum replaces its output folder as a whole, which would replace the link rather than "
           "write where it points. Give that folder itself: --out '" +
           folder.string() + "'";
  }
  const auto status = fs::symlink_status(out, ec);
  if (ec || !fs::exists(status)) return {};  // a new folder: the build makes it
  if (!fs::is_directory(fs::status(out, ec))) {
    return named + " is a file, not a folder. Choose a folder for the site, for example --out public";
  }
  if (fs::exists(site / kManifest, ec) || fs::is_empty(site, ec)) return {};
  if (force) return {};
  return named + " already holds files that Quorum did not write (it has no " + std::string(kManifest) +
         "), and a build would replace them. Choose a new or empty folder for the site, or add --force if "
         "this folder is meant to hold the site (files Quorum did not write are kept, unless the site has a "
         "file "
         "of the same name, which replaces it)";
}

}  // namespace quorum
