#include "test_support.h"

#include <git2.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "build/run_build.h"

namespace quorum::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("quorum-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

Files parse_sections(const std::string& text) {
  Files files;
  std::istringstream in(text);
  std::string line;
  std::string current;
  std::string body;
  const auto flush = [&] {
    if (!current.empty()) files[current] = body;
    body.clear();
  };
  while (std::getline(in, line)) {
    if (line.size() > 6 && line.rfind("-- ", 0) == 0 && line.compare(line.size() - 3, 3, " --") == 0) {
      flush();
      current = line.substr(3, line.size() - 6);
      continue;
    }
    body += line + "\n";
  }
  flush();
  return files;
}

void write_files(const fs::path& root, const Files& files) {
  for (const auto& [path, bytes] : files) {
    const fs::path target = root / path;
    fs::create_directories(target.parent_path());
    std::ofstream(target, std::ios::binary) << bytes;
  }
}

namespace {

void check_git(int rc, const char* what) {
  if (rc != 0) {
    const git_error* e = git_error_last();
    throw std::runtime_error(std::string(what) + ": " + (e != nullptr ? e->message : "?"));
  }
}

}  // namespace

void commit_all(const fs::path& root, const std::string& message, long long time) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  if (git_repository_open(&repo, root.c_str()) != 0) check_git(git_repository_init(&repo, root.c_str(), 0), "init");
  git_index* index = nullptr;
  check_git(git_repository_index(&index, repo), "index");
  char star[] = "*";
  char* specs[] = {star};
  git_strarray paths = {specs, 1};
  check_git(git_index_add_all(index, &paths, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr), "add");
  check_git(git_index_update_all(index, &paths, nullptr, nullptr), "update");
  check_git(git_index_write(index), "write index");
  git_oid tree_id;
  git_oid commit_id;
  check_git(git_index_write_tree(&tree_id, index), "write tree");
  git_tree* tree = nullptr;
  check_git(git_tree_lookup(&tree, repo, &tree_id), "tree");
  git_signature* sig = nullptr;
  check_git(git_signature_new(&sig, "Clerk", "clerk@example.org", time, 0), "signature");
  git_commit* parent = nullptr;
  git_object* head = nullptr;
  if (git_revparse_single(&head, repo, "HEAD^{commit}") == 0) parent = reinterpret_cast<git_commit*>(head);
  const git_commit* parents[] = {parent};
  check_git(git_commit_create(&commit_id, repo, "HEAD", sig, sig, nullptr, message.c_str(), tree,
                              parent != nullptr ? 1 : 0, parents),
            "commit");
  if (parent != nullptr) git_commit_free(parent);
  git_signature_free(sig);
  git_tree_free(tree);
  git_index_free(index);
  git_repository_free(repo);
  git_libgit2_shutdown();
}

namespace {

// Runs the pipeline as `quorum build` / `quorum check` would, capturing what it prints.
BuildResult run(const BuildRequest& request) {
  std::ostringstream o;
  std::ostringstream e;
  BuildResult r;
  r.exit_code = run_build(request, o, e);
  r.out = o.str();
  r.err = e.str();
  return r;
}

}  // namespace

BuildResult build(const fs::path& source, const fs::path& out, bool working_tree) {
  BuildRequest request;
  request.source = source;
  request.out = out;
  request.working_tree = working_tree;
  return run(request);
}

BuildResult build_ref(const fs::path& source, const fs::path& out, const std::string& ref, bool clean) {
  BuildRequest request;
  request.source = source;
  request.out = out;
  request.ref = ref;
  request.clean = clean;
  return run(request);
}

BuildResult build_verbose(const fs::path& source, const fs::path& out) {
  BuildRequest request;
  request.source = source;
  request.out = out;
  request.verbose = true;
  return run(request);
}

int shell(const std::string& command) { return std::system(command.c_str()); }

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

BuildResult check(const fs::path& source) {
  BuildRequest request;
  request.source = source;
  request.check_only = true;
  return run(request);
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> list_files(const fs::path& root) {
  std::set<std::string> out;
  if (!fs::exists(root)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) out.insert(entry.path().lexically_relative(root).generic_string());
  }
  return out;
}

bool any_file_contains(const fs::path& root, const std::string& needle, std::string* where) {
  for (const auto& rel : list_files(root)) {
    if (read(root / rel).find(needle) != std::string::npos) {
      if (where != nullptr) *where = rel;
      return true;
    }
  }
  return false;
}

std::string minimal_site() {
  return R"(-- site-config/site.yaml --
title: Testshire Council papers
base_url: https://papers.example.org/
organisation: testshire-council
contact_email: democracy@example.org
-- content/organisations/testshire-council.yaml --
name: Testshire Council
kind: local-authority
-- content/people/ada-clerk.yaml --
name: Ada Clerk
positions:
  - title: Democratic Services Officer
    organisation: testshire-council
    from: 2015-01-01
-- content/people/bob-member.yaml --
name: Bob Member
honorific: Councillor
positions:
  - title: Councillor
    organisation: testshire-council
register:
  - category: land
    description: Allotment on Mill Lane
    registered: 2016-05-01
-- content/committees/board/committee.yaml --
name: Testshire Board
kind: board
members:
  - person: bob-member
    role: chair
    representing: testshire-council
-- content/committees/board/index.md --
The board meets [with its clerk](person:ada-clerk).
-- content/committees/board/meetings/2017-07-19/meeting.yaml --
date: 2017-07-19
status: held
attendance:
  present: [bob-member]
  in_attendance: [ada-clerk]
declarations: none
agenda:
  - number: "1"
    title: Apologies
    kind: apologies
  - number: "2"
    title: Budget report
    report: budget
    topics: [finance]
-- content/committees/board/meetings/2017-07-19/reports/budget.md --
---
title: Budget report 2017
item: "2"
authors: [ada-clerk]
topics: [finance]
---
The budget is set out below, as [the board](committee:board) asked.

| Line | Amount |
|------|--------|
| Care | 100    |
-- content/committees/board/meetings/2017-07-19/minutes.md --
---
status: approved
approved_at: board/2017-09-08
---
## 1. Apologies

None.

## 2. Budget report

The board discussed [the report](reports/budget.md).

RESOLVED: That the budget be approved.
-- content/committees/board/meetings/2017-09-08/meeting.yaml --
date: 2017-09-08
status: held
agenda:
  - number: "1"
    title: Minutes of the last meeting
    kind: minutes
    minutes_of: board/2017-07-19
)";
}

}  // namespace quorum::testing
