#include "load/history.h"

#include <git2.h>

#include <algorithm>

#include "load/source_tree.h"

namespace quorum {
namespace {

struct Repo {
  git_repository* repo = nullptr;
  ~Repo() {
    if (repo != nullptr) git_repository_free(repo);
  }
};

std::string oid_hex(const git_oid* oid) {
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, oid);
  return hex;
}

const char* kind_of(git_delta_t status) {
  switch (status) {
    case GIT_DELTA_ADDED:
      return "added";
    case GIT_DELTA_RENAMED:
      return "renamed";
    case GIT_DELTA_DELETED:
      return "deleted";
    default:
      return "changed";
  }
}

}  // namespace

const std::vector<Change>& History::of(const std::string& path) const {
  static const std::vector<Change> kNone;
  const auto it = by_path_.find(path);
  return it == by_path_.end() ? kNone : it->second;
}

const std::set<std::string>& History::touched_by(const std::string& commit) const {
  static const std::set<std::string> kNone;
  const auto it = touched_.find(commit);
  return it == touched_.end() ? kNone : it->second;
}

std::set<std::string> History::commits_touching(const std::set<std::string>& paths) const {
  std::set<std::string> commits;
  for (const auto& [commit, touched] : touched_) {
    // Walk the smaller set and look up in the larger: a commit may touch thousands of files,
    // and a large archive withholds thousands too.
    const bool fewer_touched = touched.size() < paths.size();
    const auto& walked = fewer_touched ? touched : paths;
    const auto& searched = fewer_touched ? paths : touched;
    if (std::any_of(walked.begin(), walked.end(),
                    [&](const std::string& p) { return searched.count(p) != 0; })) {
      commits.insert(commit);
    }
  }
  return commits;
}

History History::read(const std::filesystem::path& path, const std::string& commit_id, Diagnostics& diags) {
  History history;
  if (commit_id.empty()) return history;
  git_libgit2_init();
  Repo r;
  git_oid start;
  if (git_repository_open(&r.repo, path.c_str()) != 0 || git_oid_fromstr(&start, commit_id.c_str()) != 0) {
    git_libgit2_shutdown();
    return history;
  }
  git_revwalk* walk = nullptr;
  git_revwalk_new(&walk, r.repo);
  git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  git_revwalk_simplify_first_parent(walk);
  git_revwalk_push(walk, &start);

  // Walking newest to oldest, `alias` maps a path as it was named at this point in history
  // to the path it has in the built commit, so renamed files keep their whole history.
  std::map<std::string, std::string> alias;
  const auto final_name = [&](const std::string& p) {
    const auto it = alias.find(p);
    return it == alias.end() ? p : it->second;
  };
  git_diff_options diff_options = GIT_DIFF_OPTIONS_INIT;
  git_diff_find_options find_options = GIT_DIFF_FIND_OPTIONS_INIT;
  find_options.flags = GIT_DIFF_FIND_RENAMES;
  git_oid oid;
  while (git_revwalk_next(&oid, walk) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, r.repo, &oid) != 0) continue;
    git_tree* tree = nullptr;
    git_tree* parent_tree = nullptr;
    git_commit_tree(&tree, commit);
    if (git_commit_parentcount(commit) > 0) {
      git_commit* parent = nullptr;
      if (git_commit_parent(&parent, commit, 0) == 0) {
        git_commit_tree(&parent_tree, parent);
        git_commit_free(parent);
      }
    }
    git_diff* diff = nullptr;
    if (git_diff_tree_to_tree(&diff, r.repo, parent_tree, tree, &diff_options) == 0) {
      git_diff_find_similar(diff, &find_options);
      const std::string id = oid_hex(&oid);
      const char* summary = git_commit_summary(commit);
      const Change base{id, static_cast<long long>(git_commit_time(commit)),
                        summary != nullptr ? summary : "", ""};
      auto& touched = history.touched_[id];
      for (std::size_t i = 0; i < git_diff_num_deltas(diff); ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff, i);
        const std::string new_path = delta->new_file.path;
        const std::string old_path = delta->old_file.path;
        if (!is_read_by_quorum(new_path) && !is_read_by_quorum(old_path)) continue;
        touched.insert(new_path);
        touched.insert(old_path);
        if (delta->status == GIT_DELTA_DELETED) continue;  // a deleted file has no page
        const std::string target = final_name(new_path);
        Change change = base;
        change.kind = kind_of(delta->status);
        history.by_path_[target].push_back(change);
        if (delta->status == GIT_DELTA_RENAMED) {
          alias.erase(new_path);
          alias[old_path] = target;
        }
      }
      git_diff_free(diff);
    } else {
      diags.warning({path.string(), 0, 0},
                    "could not read the changes of one commit; page histories may be short");
    }
    git_tree_free(parent_tree);
    git_tree_free(tree);
    git_commit_free(commit);
  }
  git_revwalk_free(walk);
  git_libgit2_shutdown();
  return history;
}

}  // namespace quorum
