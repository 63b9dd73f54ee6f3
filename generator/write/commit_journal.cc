#include "write/commit_journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include "support/text.h"
#include "write/site_path.h"

namespace quorum {
namespace fs = std::filesystem;

namespace {

constexpr const char* kHeader = "quorum-journal 1";
constexpr const char* kTrailer = "end";

void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;  // best effort: the data is written, only its durability is at stake
  ::fsync(fd);
  ::close(fd);
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(error));
}

// Removes the folders above `file` that its removal left empty, up to `root`.
void remove_empty_parents(const fs::path& root, fs::path file) {
  for (fs::path dir = file.parent_path(); dir != root && dir.native().size() > root.native().size();
       dir = dir.parent_path()) {
    if (::rmdir(dir.c_str()) != 0) return;  // not empty (or already gone): stop
  }
}

// Whether the deletions empty the folder `folder` (site-relative) entirely, so that it goes
// with them (a folder of pages that became a single page): every file in it is deleted, and
// every folder in it holds such a file. Links are not followed.
bool emptied_by(const fs::path& destination, const std::string& folder,
                const std::set<std::string>& deleted) {
  std::error_code ec;
  const fs::path root = destination / folder;
  if (fs::is_empty(root, ec) || ec) return false;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const auto status = it->symlink_status(ec);
    if (ec) return false;
    if (fs::is_directory(status)) {
      if (fs::is_empty(it->path(), ec) || ec) return false;
    } else if (deleted.count(folder + "/" + it->path().lexically_relative(root).generic_string()) == 0) {
      return false;
    }
  }
  return !ec;
}

}  // namespace

std::string escape_line(const std::string& s) {
  std::string doubled;
  doubled.reserve(s.size());
  for (const char c : s) {
    if (c == '\\') doubled += '\\';
    doubled += c;
  }
  return escape_control_characters(doubled);
}

std::string unescape_line(const std::string& s) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    const char next = s[++i];
    if (next == 'n') {
      out += '\n';
    } else if (next == 't') {
      out += '\t';
    } else if (next == 'x' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += next;
    }
  }
  return out;
}

void write_journal(const fs::path& journal, const CommitJournal& plan) {
  std::string text = std::string(kHeader) + "\n";
  for (const auto& path : plan.deletions) text += "D\t" + escape_line(path) + "\n";
  for (const auto& path : plan.moves) text += "M\t" + escape_line(path) + "\n";
  text += std::string(kTrailer) + "\n";
  const fs::path temporary = journal.string() + ".tmp";
  const int fd = ::open(temporary.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", temporary, errno);
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : ENOSPC;
      ::close(fd);
      ::unlink(temporary.c_str());
      fail("could not write (is the disk full?)", temporary, error);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail("could not write (is the disk full?)", temporary, error);
  }
  if (::rename(temporary.c_str(), journal.c_str()) != 0) fail("could not put in place", journal, errno);
  sync_path(journal.parent_path().empty() ? fs::path(".") : journal.parent_path(), O_RDONLY | O_DIRECTORY);
}

std::optional<CommitJournal> read_journal(const fs::path& journal) {
  std::error_code ec;
  if (!fs::exists(journal, ec)) return std::nullopt;
  std::ifstream in(journal, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + journal.string());
  CommitJournal plan;
  std::string line;
  bool header = false, trailer = false;
  while (std::getline(in, line)) {
    if (!header) {
      header = line == kHeader;
      if (!header) break;
    } else if (line == kTrailer) {
      trailer = true;
      break;
    } else if (line.size() > 2 && line[1] == '\t' && (line[0] == 'D' || line[0] == 'M')) {
      std::string path = unescape_line(line.substr(2));
      // The journal lies beside the site where anyone may edit it: a path that leaves the
      // site ("../notes.txt", "/home/...") refuses the whole journal before any step is taken.
      if (!is_site_path(path)) {
        throw std::runtime_error(journal.string() + " names '" + escape_line(path) +
                                 "', which is not a file inside the site folder; Quorum never writes such "
                                 "a journal, so nothing in it was carried out. Delete the file " +
                                 journal.string() + " if you did not put it there");
      }
      (line[0] == 'D' ? plan.deletions : plan.moves).push_back(std::move(path));
    } else {
      break;
    }
  }
  if (!header || !trailer) {
    throw std::runtime_error(journal.string() + " is not a whole quorum commit journal");
  }
  return plan;
}

void check_journal_targets(const CommitJournal& plan, const fs::path& destination) {
  const std::set<std::string> deleted(plan.deletions.begin(), plan.deletions.end());
  const auto refuse = [&](const fs::path& where, const std::string& why) {
    throw std::runtime_error(
        where.string() + " " + why +
        ". Quorum never replaces a folder or a file it did not write there, not even with "
        "--force: move or delete it (and what it holds), then build again. Nothing was "
        "published");
  };
  const auto writable = [&](const fs::path& folder) {
    if (::access(folder.c_str(), W_OK) != 0) {
      throw std::runtime_error("the folder " + folder.string() + " cannot be written (" +
                               std::strerror(errno) +
                               "), and the new site changes files in it: give the user who builds the site "
                               "write permission there, then build again. Nothing was published");
    }
  };
  std::map<std::string, bool> folders;  // checked already: true a folder, false to be made
  for (const auto& path : plan.moves) {
    // Every folder on the way: a folder, or missing (made), or a file of the site deleted first.
    bool parent_exists = true;
    fs::path parent = destination;
    for (std::size_t slash = path.find('/'); parent_exists && slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      const std::string folder = path.substr(0, slash);
      auto known = folders.find(folder);
      if (known == folders.end()) {
        struct stat st {};
        const bool here = ::lstat((destination / folder).c_str(), &st) == 0;
        if (here && !S_ISDIR(st.st_mode) && deleted.count(folder) == 0) {
          refuse(destination / folder, "is a file where the new site needs a folder (for " + path + ")");
        }
        known = folders.emplace(folder, here && S_ISDIR(st.st_mode)).first;
      }
      parent_exists = known->second;
      if (parent_exists) parent = destination / folder;
    }
    struct stat st {};
    if (parent_exists && ::lstat((destination / path).c_str(), &st) == 0 && S_ISDIR(st.st_mode) &&
        !emptied_by(destination, path, deleted)) {
      refuse(destination / path, "is a folder where the new site puts a file");
    }
    if (parent_exists) writable(parent);
  }
  for (const auto& path : plan.deletions) {
    struct stat st {};
    if (::lstat((destination / path).c_str(), &st) == 0) writable((destination / path).parent_path());
  }
}

void apply_journal(const CommitJournal& plan, const fs::path& staging, const fs::path& destination,
                   long stop_after) {
  // A folder of the site replaced by a link since the journal was written: refused before
  // the first step, so nothing outside the site is written or deleted.
  std::vector<std::string> touched = plan.deletions;
  touched.insert(touched.end(), plan.moves.begin(), plan.moves.end());
  refuse_links(destination, touched);
  long steps = 0;
  const auto step = [&] {
    if (stop_after >= 0 && steps++ >= stop_after) throw std::runtime_error("commit stopped for a test");
  };
  for (const auto& path : plan.deletions) {
    step();
    const fs::path target = destination / path;
    // unlink, never a recursive removal: on a replay this path may be a folder that a move
    // has since filled (a page that became a folder), and that must stay.
    if (::unlink(target.c_str()) != 0) {
      if (errno == ENOENT || errno == EISDIR || errno == ENOTDIR || errno == EPERM) continue;
      fail("could not remove", target, errno);
    }
    remove_empty_parents(destination, target);
  }
  std::set<std::string> made;
  for (const auto& path : plan.moves) {
    step();
    const fs::path from = staging / path;
    const fs::path to = destination / path;
    const std::string parent = to.parent_path().native();
    if (made.insert(parent).second) {
      std::error_code ec;
      fs::create_directories(to.parent_path(), ec);
      if (ec) throw std::runtime_error("could not create " + parent + ": " + ec.message());
    }
    if (::rename(from.c_str(), to.c_str()) != 0) {
      // Moved already by the run that was killed: its staged copy is gone.
      if (errno == ENOENT && ::access(from.c_str(), F_OK) != 0) continue;
      fail("could not move into place", to, errno);
    }
  }
}

}  // namespace quorum
