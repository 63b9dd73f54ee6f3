#include "load/git_tree.h"

#include <git2.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>

namespace quorum {
namespace {

// libgit2 wants one init per process; counting keeps that true however many trees exist.
struct Libgit2 {
  Libgit2() {
    git_libgit2_init();
    // libgit2 re-hashes every object it reads to check its id (SHA-1 with collision
    // detection): a sixth of a rebuild's time. Git itself does not on reads; `git fsck` is
    // the place to find a corrupt repository.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  }
  ~Libgit2() { git_libgit2_shutdown(); }
};
void ensure_libgit2() { static const Libgit2 instance; }

std::string last_git_error() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

Revision revision_of(const git_commit* commit) {
  Revision r;
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, git_commit_id(commit));
  r.commit = hex;
  r.short_commit = r.commit.substr(0, 10);
  r.commit_time = static_cast<long long>(git_commit_time(commit));
  return r;
}

}  // namespace

// A blob of the commit: its id, and its size once known (from a read or a header), so
// `exists` and `size` after a read cost a map lookup instead of another inflate.
struct BlobEntry {
  git_oid id{};
  mutable std::atomic<long long> size{-1};
  explicit BlobEntry(const git_oid& oid) : id(oid) {}
};

struct GitTree::Impl {
  git_repository* repo = nullptr;
  // Reads go straight to the object database: since libgit2 1.2 a git_odb locks internally
  // and may be used from several threads at once (docs/threading.md), and zlib inflation
  // runs outside its locks, so files are read and inflated in parallel. A repository
  // handle is not thread-safe, so none is used after open().
  git_odb* odb = nullptr;
  std::map<std::string, BlobEntry> blobs;
  // Only for a libgit2 built without thread support, where nothing may run concurrently.
  bool serialise = false;
  mutable std::mutex mutex;
  ~Impl() {
    if (odb != nullptr) git_odb_free(odb);
    if (repo != nullptr) git_repository_free(repo);
  }
  [[nodiscard]] std::unique_lock<std::mutex> lock_if_needed() const {
    return serialise ? std::unique_lock(mutex) : std::unique_lock<std::mutex>();
  }
};

GitTree::GitTree(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GitTree::~GitTree() = default;

std::unique_ptr<GitTree> GitTree::open(const std::filesystem::path& repo_path, const std::string& ref,
                                       Diagnostics& diags) {
  ensure_libgit2();
  auto impl = std::make_unique<Impl>();
  if (git_repository_open(&impl->repo, repo_path.c_str()) != 0) {
    diags.error({repo_path.string(), 0, 0}, "not a git repository: " + last_git_error());
    return nullptr;
  }
  git_object* object = nullptr;
  if (git_revparse_single(&object, impl->repo, ref.c_str()) != 0) {
    diags.error({repo_path.string(), 0, 0},
                "'" + ref + "' names no commit in this repository (" + last_git_error() + ")");
    return nullptr;
  }
  git_commit* commit = nullptr;
  const int peeled = git_object_peel(reinterpret_cast<git_object**>(&commit), object, GIT_OBJECT_COMMIT);
  git_object_free(object);
  if (peeled != 0) {
    diags.error({repo_path.string(), 0, 0}, "'" + ref + "' is not a commit");
    return nullptr;
  }
  if (git_repository_odb(&impl->odb, impl->repo) != 0) {
    git_commit_free(commit);
    diags.error({repo_path.string(), 0, 0}, "cannot read the repository's objects: " + last_git_error());
    return nullptr;
  }
  impl->serialise = (git_libgit2_features() & GIT_FEATURE_THREADS) == 0;
  git_tree* tree = nullptr;
  git_commit_tree(&tree, commit);
  auto result = std::unique_ptr<GitTree>(new GitTree(std::move(impl)));
  result->revision_ = revision_of(commit);
  git_commit_free(commit);

  struct WalkState {
    GitTree* self;
    Diagnostics* diags;
  } state{result.get(), &diags};
  git_tree_walk(
      tree, GIT_TREEWALK_PRE,
      [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        auto* s = static_cast<WalkState*>(payload);
        const std::string path = std::string(root) + git_tree_entry_name(entry);
        const auto type = git_tree_entry_type(entry);
        if (type == GIT_OBJECT_TREE) {
          // Descend only into folders Quorum reads (and their parents).
          const std::string folder = path + "/";
          const bool wanted = is_read_by_quorum(folder) || std::string("content/").rfind(folder, 0) == 0 ||
                              std::string("site-config/").rfind(folder, 0) == 0 ||
                              std::string("themes/").rfind(folder, 0) == 0;
          if (wanted && !accept_file_name(path, *s->diags)) return 1;  // one message for the folder
          return wanted ? 0 : 1;
        }
        if (type != GIT_OBJECT_BLOB || !is_read_by_quorum(path)) return 0;
        if (!accept_file_name(path, *s->diags)) return 0;
        if (git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK) {
          s->diags->error({path, 0, 0},
                          "this is a symbolic link; Quorum publishes only real files inside "
                          "the repository. Replace the link with the file.");
          return 0;
        }
        s->self->impl_->blobs.emplace(path, *git_tree_entry_id(entry));
        return 0;
      },
      &state);
  git_tree_free(tree);
  for (const auto& [path, blob] : result->impl_->blobs) result->paths_.push_back(path);
  return result;
}

std::optional<std::string> GitTree::read(const std::string& path) const {
  const auto it = impl_->blobs.find(path);
  if (it == impl_->blobs.end()) return std::nullopt;
  const auto lock = impl_->lock_if_needed();
  git_odb_object* object = nullptr;
  if (git_odb_read(&object, impl_->odb, &it->second.id) != 0) return std::nullopt;
  std::optional<std::string> bytes;
  if (git_odb_object_type(object) == GIT_OBJECT_BLOB) {
    bytes.emplace(static_cast<const char*>(git_odb_object_data(object)), git_odb_object_size(object));
    it->second.size.store(static_cast<long long>(bytes->size()), std::memory_order_relaxed);
  }
  git_odb_object_free(object);
  return bytes;
}

std::optional<std::string> GitTree::known_fingerprint(const std::string& path) const {
  const auto it = impl_->blobs.find(path);
  if (it == impl_->blobs.end()) return std::nullopt;
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &it->second.id);
  return hex;
}

std::optional<std::size_t> GitTree::size(const std::string& path) const {
  const auto it = impl_->blobs.find(path);
  if (it == impl_->blobs.end()) return std::nullopt;
  if (const long long known = it->second.size.load(std::memory_order_relaxed); known >= 0) {
    return static_cast<std::size_t>(known);
  }
  const auto lock = impl_->lock_if_needed();
  // The object's header has its size: no need to read (and inflate) the whole file.
  std::size_t bytes = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&bytes, &type, impl_->odb, &it->second.id) != 0 || type != GIT_OBJECT_BLOB) {
    return std::nullopt;
  }
  it->second.size.store(static_cast<long long>(bytes), std::memory_order_relaxed);
  return bytes;
}

RepositoryState inspect_repository(const std::filesystem::path& folder) {
  ensure_libgit2();
  RepositoryState state;
  git_repository* repo = nullptr;
  if (git_repository_open(&repo, folder.c_str()) != 0) return state;
  state.is_git = true;
  git_object* head = nullptr;
  if (git_revparse_single(&head, repo, "HEAD^{commit}") == 0) {
    state.has_commits = true;
    state.head = revision_of(reinterpret_cast<git_commit*>(head));
    git_object_free(head);
  }
  if (git_repository_is_bare(repo) == 0) {
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    char content[] = "content";
    char site_config[] = "site-config";
    char themes[] = "themes";
    char* specs[] = {content, site_config, themes};
    options.pathspec = {specs, 3};
    git_status_list* list = nullptr;
    if (git_status_list_new(&list, repo, &options) == 0) {
      state.content_changed = git_status_list_entrycount(list) > 0;
      git_status_list_free(list);
    }
  }
  git_repository_free(repo);
  return state;
}

}  // namespace quorum
