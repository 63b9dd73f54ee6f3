#include "load/history.h"

#include <git2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// Finds paths in git trees, keeping each folder's tree once read. libgit2 caches no tree
// over 4 KB, so git_tree_entry_bypath read and parsed a whole folder again for every file in
// it: classifying the 10,000 files of one folder (people, or a committee's meetings) read that
// folder 10,000 times, and the history stage grew with the square of a folder's size.
// The built commit's folders are kept for the whole walk; another commit's until the next.
class TreePaths {
 public:
  explicit TreePaths(git_repository* repo) : repo_(repo) {}
  TreePaths(const TreePaths&) = delete;
  TreePaths& operator=(const TreePaths&) = delete;
  ~TreePaths() {
    clear(built_);
    clear(commit_);
  }
  void next_commit() { clear(commit_); }

  // The names of the blobs directly in `folder` of `root` (the built tree when `built`).
  std::vector<std::string> blobs_in(git_tree* root, const std::string& folder, bool built) {
    std::vector<std::string> out;
    git_tree* tree = root;
    std::size_t start = 0;
    while (tree != nullptr && start <= folder.size()) {
      const std::size_t slash = std::min(folder.find('/', start), folder.size());
      const git_tree_entry* entry = git_tree_entry_byname(tree, folder.substr(start, slash - start).c_str());
      if (entry == nullptr || git_tree_entry_type(entry) != GIT_OBJECT_TREE) return out;
      tree = subtree(git_tree_entry_id(entry), built);
      start = slash + 1;
    }
    if (tree == nullptr) return out;
    for (std::size_t i = 0; i < git_tree_entrycount(tree); ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) out.emplace_back(git_tree_entry_name(entry));
    }
    return out;
  }

  // The blob at `path` in `root` (the built tree when `built`), if there is one.
  std::optional<git_oid> blob_at(git_tree* root, const std::string& path, bool built) {
    if (root == nullptr) return std::nullopt;
    git_tree* tree = root;
    std::size_t start = 0;
    for (;;) {
      const std::size_t slash = path.find('/', start);
      const std::string name =
          path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      const git_tree_entry* entry = git_tree_entry_byname(tree, name.c_str());
      if (entry == nullptr) return std::nullopt;
      if (slash == std::string::npos) {
        if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return std::nullopt;
        return *git_tree_entry_id(entry);
      }
      if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) return std::nullopt;
      tree = subtree(git_tree_entry_id(entry), built);
      if (tree == nullptr) return std::nullopt;
      start = slash + 1;
    }
  }

 private:
  using Trees = std::unordered_map<std::string, git_tree*>;
  static void clear(Trees& trees) {
    for (auto& [id, tree] : trees) git_tree_free(tree);
    trees.clear();
  }
  git_tree* subtree(const git_oid* id, bool built) {
    const std::string key(reinterpret_cast<const char*>(id->id), GIT_OID_RAWSZ);
    if (const auto it = built_.find(key); it != built_.end()) return it->second;
    Trees& trees = built ? built_ : commit_;
    if (const auto it = trees.find(key); it != trees.end()) return it->second;
    git_tree* tree = nullptr;
    if (git_tree_lookup(&tree, repo_, id) != 0) return nullptr;
    trees.emplace(key, tree);
    return tree;
  }

  git_repository* repo_;
  Trees built_;
  Trees commit_;
};

bool contains_ignoring_case(std::string_view text, std::string_view word) {
  const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  return std::search(text.begin(), text.end(), word.begin(), word.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

// What PastPrivacy asks of a tree, answered through libgit2. A blob is searched once per word
// however many commits and sides name it.
class GitSide final : public CommitSide {
  // Whether the blob's bytes contain `word`, ignoring ASCII case; an unreadable blob does.
  [[nodiscard]] bool blob_mentions(const git_oid& oid, const std::string& word) const {
    const std::string key = oid_hex(&oid) + '\0' + word;
    if (const auto it = found_.find(key); it != found_.end()) return it->second;
    bool hit = false;
    git_blob* blob = nullptr;
    if (git_blob_lookup(&blob, repo_, &oid) == 0) {
      const auto* bytes = static_cast<const char*>(git_blob_rawcontent(blob));
      hit = contains_ignoring_case(std::string_view(bytes, static_cast<std::size_t>(git_blob_rawsize(blob))),
                                   word);
      git_blob_free(blob);
    } else {
      hit = true;  // unreadable: fail closed
    }
    found_.emplace(key, hit);
    return hit;
  }

 public:
  GitSide(git_repository* repo, git_tree* built, std::map<std::string, bool>& found)
      : repo_(repo), built_(built), found_(found), paths_(repo) {}
  void set_tree(git_tree* tree) { tree_ = tree; }
  // The commit being built, whose folders are kept for the whole walk.
  [[nodiscard]] bool is_built() const {
    return tree_ == built_ ||
           (tree_ != nullptr && built_ != nullptr && git_oid_equal(git_tree_id(tree_), git_tree_id(built_)));
  }
  // The trees of one commit are freed after it: their answers go with them.
  void next_commit() {
    same_.clear();
    paths_.next_commit();
  }

  // Asked once per file and again for its folder's meeting.yaml: the answer for each path is
  // kept for the commit (every file of a large first commit shares one meeting.yaml each).
  [[nodiscard]] bool same_as_built(const std::string& path) const override {
    const std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(tree_)) + '\0' + path;
    if (const auto it = same_.find(key); it != same_.end()) return it->second;
    const auto here = paths_.blob_at(tree_, path, is_built());
    const auto built = here ? paths_.blob_at(built_, path, true) : std::nullopt;
    const bool same = here && built && git_oid_equal(&*here, &*built);
    same_.emplace(key, same);
    return same;
  }

  [[nodiscard]] bool mentions(const std::string& path, const std::string& word) const override {
    const auto oid = paths_.blob_at(tree_, path, is_built());
    return oid && blob_mentions(*oid, word);
  }

  [[nodiscard]] bool has(const std::string& path) const override {
    return paths_.blob_at(tree_, path, is_built()).has_value();
  }

  [[nodiscard]] std::vector<std::string> files_in(const std::string& folder) const override {
    std::vector<std::string> out = paths_.blobs_in(tree_, folder, is_built());
    for (auto& name : out) name = folder + "/" + name;
    return out;
  }

 private:
  git_repository* repo_;
  git_tree* built_;
  git_tree* tree_ = nullptr;
  std::map<std::string, bool>& found_;
  mutable std::map<std::string, bool> same_;
  mutable TreePaths paths_;
};

}  // namespace

const std::string& History::summary_of(const std::string& commit) const {
  static const std::string kNone;
  const auto it = summaries_.find(commit);
  return it == summaries_.end() ? kNone : it->second;
}

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

History History::read(const std::filesystem::path& path, const std::string& commit_id, Diagnostics& diags,
                      const PastPrivacy* privacy) {
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
  // Lineages by the name their file has at this point of the walk: a file deleted later gets
  // one when the walk meets its deletion, and a name is free again once the walk passes the
  // commit that added it.
  std::map<std::string, std::size_t> lineage_of;
  const auto lineage_named = [&](const std::string& name) {
    if (const auto it = lineage_of.find(name); it != lineage_of.end()) return it->second;
    history.lineages_.push_back({name, name, {}, false, {}});
    lineage_of[name] = history.lineages_.size() - 1;
    return history.lineages_.size() - 1;
  };
  git_commit* start_commit = nullptr;
  git_tree* built_tree = nullptr;
  if (git_commit_lookup(&start_commit, r.repo, &start) == 0) git_commit_tree(&built_tree, start_commit);
  std::map<std::string, bool> found;
  GitSide side(r.repo, built_tree, found);
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
      history.summaries_[id] = base.summary;
      side.next_commit();
      // Classifies one side of a touched file into its lineage, unless already withheld.
      const auto classify = [&](std::size_t lineage, const std::string& name, git_tree* side_tree) {
        Lineage& l = history.lineages_[lineage];
        if (l.commits.empty() || l.commits.back() != id) l.commits.push_back(id);
        if (privacy == nullptr || l.withheld_then || side_tree == nullptr) return;
        side.set_tree(side_tree);
        PastVerdict verdict = privacy->classify(name, side);
        l.withheld_then = verdict.withheld;
        l.withheld_if.insert(verdict.if_built.begin(), verdict.if_built.end());
      };
      for (std::size_t i = 0; i < git_diff_num_deltas(diff); ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff, i);
        const std::string new_path = delta->new_file.path;
        const std::string old_path = delta->old_file.path;
        if (!is_read_by_quorum(new_path) && !is_read_by_quorum(old_path)) continue;
        touched.insert(new_path);
        touched.insert(old_path);
        if (delta->status == GIT_DELTA_DELETED) {
          // Met going back: a file the built commit no longer has. Older commits that name
          // it belong to this lineage, until the one that added it.
          history.lineages_.push_back({"", old_path, {}, false, {}});
          lineage_of[old_path] = history.lineages_.size() - 1;
          classify(lineage_of[old_path], old_path, parent_tree);
          continue;  // a deleted file has no page
        }
        const std::size_t lineage = lineage_named(new_path);
        classify(lineage, new_path, tree);
        if (delta->status == GIT_DELTA_ADDED) {
          lineage_of.erase(new_path);
        } else {
          classify(lineage, old_path, parent_tree);
          if (delta->status == GIT_DELTA_RENAMED) {
            lineage_of.erase(new_path);
            lineage_of[old_path] = lineage;
            history.lineages_[lineage].last_name = old_path;
          }
        }
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
  git_tree_free(built_tree);
  git_commit_free(start_commit);
  git_libgit2_shutdown();
  return history;
}

}  // namespace quorum
