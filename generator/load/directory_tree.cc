#include "load/directory_tree.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace quorum {
namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& root, const fs::path& candidate) {
  const auto rel = candidate.lexically_relative(root);
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

// Files that say what is withheld, or are read as text: never followed through a link.
bool is_text_file(const fs::path& p) {
  std::string ext = p.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : {".md", ".markdown", ".mdown", ".mkd", ".yaml", ".yml", ".txt"}) {
    if (ext == e) return true;
  }
  return false;
}

}  // namespace

// Why a symbolic link is not followed, or "" when it may be: its target, every link of a
// chain resolved, must be a file inside content/, site-config/ or themes/.
std::string DirectoryTree::refuse_link(const fs::path& link, const std::string& rel) {
  std::error_code ec;
  const fs::path target = fs::canonical(link, ec);
  if (ec) {
    return "this is a symbolic link that leads nowhere (the file it points to is missing, or links point "
           "at each other in a circle). Replace the link with the file itself, or delete it";
  }
  bool allowed = false;
  for (const char* top : {"content", "site-config", "themes"})
    allowed = allowed || inside(root_ / top, target);
  if (!allowed) {
    const bool in_git = inside(root_ / ".git", target) || target == root_ / ".git";
    return std::string("this is a symbolic link to ") +
           (in_git                  ? "git's own files (.git/), which may hold passwords"
            : inside(root_, target) ? "a file outside content/, site-config/ and themes/"
                                    : "a place outside the repository") +
           "; Quorum follows a link only to a file inside content/, site-config/ or themes/. Replace the "
           "link with a copy of the file";
  }
  if (fs::is_directory(target, ec)) {
    return "this is a symbolic link to a folder; Quorum does not follow links to folders. Replace the link "
           "with the folder's files";
  }
  if (is_text_file(link) || is_text_file(target)) {
    return "this is a symbolic link to " + target.lexically_relative(root_).generic_string() +
           "; Quorum reads Markdown, YAML and text files only as real files, since the same file under "
           "another name could publish what the original withholds. Copy the file, or link to its page";
  }
  links_[rel] = target.lexically_relative(root_).generic_string();
  return "";
}

DirectoryTree::DirectoryTree(fs::path root, Revision revision, Diagnostics& diags)
    : root_(fs::weakly_canonical(root)), revision_(std::move(revision)) {
  for (const char* top : {"content", "site-config", "themes"}) {
    const fs::path start = root_ / top;
    std::error_code ec;
    if (fs::is_symlink(start, ec)) {
      diags.error({std::string(top), 0, 0}, "this folder is a symbolic link; Quorum reads " +
                                                std::string(top) +
                                                "/ only as a real folder of the repository. Replace the link "
                                                "with the folder");
      continue;
    }
    if (!fs::is_directory(start, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(start, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string rel = p.lexically_relative(root_).generic_string();
      if (!accept_file_name(rel, diags)) {
        it.disable_recursion_pending();  // one message for a folder, not one per file in it
        continue;
      }
      if (it->is_symlink()) {
        if (const std::string why = refuse_link(p, rel); !why.empty()) {
          diags.error({rel, 0, 0}, why);
          it.disable_recursion_pending();
          continue;
        }
      }
      if (!it->is_regular_file()) continue;
      // A hard link is the same file as one elsewhere on the disk (.git/config, another
      // folder): what it is cannot be told from here. Git never makes one in a checkout.
      if (!it->is_symlink() && it->hard_link_count(ec) > 1) {
        diags.error({rel, 0, 0},
                    "this file is a hard link: the same file as another one elsewhere on the "
                    "disk, which may be private. Replace it with a copy of the file");
        ec.clear();
        continue;
      }
      ec.clear();
      paths_.push_back(rel);
    }
    if (ec) diags.error({std::string(top), 0, 0}, "could not read this folder: " + ec.message());
  }
  std::sort(paths_.begin(), paths_.end());
}

std::optional<std::string> DirectoryTree::link_target(const std::string& path) const {
  const auto it = links_.find(path);
  if (it == links_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> DirectoryTree::read(const std::string& path) const {
  if (!std::binary_search(paths_.begin(), paths_.end(), path)) return std::nullopt;
  std::ifstream in(root_ / path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::optional<std::size_t> DirectoryTree::size(const std::string& path) const {
  if (!std::binary_search(paths_.begin(), paths_.end(), path)) return std::nullopt;
  std::error_code ec;
  const auto bytes = fs::file_size(root_ / path, ec);
  if (ec) return std::nullopt;
  return static_cast<std::size_t>(bytes);
}

}  // namespace quorum
