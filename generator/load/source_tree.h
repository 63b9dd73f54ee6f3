// A content repository as a set of files, wherever they come from.
//
// Every later stage reads through this interface, so a build from a git commit, from the
// working tree and from a test's in-memory files behave the same.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace quorum {

// Which commit the files came from, when they came from git.
struct Revision {
  std::string commit;         // full hex id, empty outside git
  std::string short_commit;   // first 10 hex digits
  long long commit_time = 0;  // seconds since the epoch, from the commit (never the clock)
  bool from_working_tree = false;
};

class SourceTree {
 public:
  virtual ~SourceTree() = default;
  // Every file under the folders Quorum reads, repository-relative, sorted.
  [[nodiscard]] virtual const std::vector<std::string>& files() const = 0;
  [[nodiscard]] virtual std::optional<std::string> read(const std::string& path) const = 0;
  [[nodiscard]] virtual std::optional<std::size_t> size(const std::string& path) const = 0;
  [[nodiscard]] virtual const Revision& revision() const = 0;
  [[nodiscard]] bool exists(const std::string& path) const;
  // The file's fingerprint (load/fingerprint.h) when the tree knows it without reading the
  // file, as a git tree lists each blob's id; nullopt: read the file and fingerprint it.
  [[nodiscard]] virtual std::optional<std::string> known_fingerprint(const std::string& /*path*/) const {
    return std::nullopt;
  }
  // For a file that is a symbolic link (a working tree's), the repository path of the file it
  // leads to, so that what is withheld under one name is withheld under every name.
  [[nodiscard]] virtual std::optional<std::string> link_target(const std::string& /*path*/) const {
    return std::nullopt;
  }
};

// The folders of a content repository that Quorum reads; anything else is ignored.
bool is_read_by_quorum(const std::string& path);

// A file whose name (or a folder's on its path) holds a control character (a line break, a
// tab, an escape) is refused at load: such a name would be published as an address, and a
// line break in it could pass for a second line in any list of files. Reports the error,
// the name shown with the characters spelled out (\n, \t), and returns false.
bool accept_file_name(const std::string& path, Diagnostics& diags);

// Test double: files given as a map of path to bytes.
class MemoryTree : public SourceTree {
 public:
  explicit MemoryTree(std::map<std::string, std::string> files, Revision revision = {});
  [[nodiscard]] const std::vector<std::string>& files() const override { return paths_; }
  [[nodiscard]] std::optional<std::string> read(const std::string& path) const override;
  [[nodiscard]] std::optional<std::size_t> size(const std::string& path) const override;
  [[nodiscard]] const Revision& revision() const override { return revision_; }

 private:
  std::map<std::string, std::string> files_;
  std::vector<std::string> paths_;
  Revision revision_;
};

}  // namespace quorum
