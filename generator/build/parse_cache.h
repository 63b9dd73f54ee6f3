// What a Markdown file's bytes gave when they were last parsed, kept
// between builds so a rebuild outlines only the files that changed.
//
// Outlining every body with cmark is about half of a large archive's parse, and a clerk's
// commit changes one file of tens of thousands. An entry is keyed by the file's fingerprint
// (its git blob id, which a git tree lists without reading the file), so it is right for
// any path whose bytes are the same, and a changed file simply misses. The cache file also
// names the executable that wrote it: a different build of Quorum may outline differently,
// so it starts again from empty. Only clean parses are kept (no messages, body the file's
// tail): a file with a problem is parsed again, so its messages are reported every build.
//
// The cache lives in a folder beside the output (AtomicOutput::cache_dir) and is never
// published. Even so it keeps nothing of withheld material: the loaders name the files
// whose parse must not be kept (an exempt report; the minutes of a meeting with private
// business), and those entries are left out of the file. A damaged or foreign cache file
// reads as empty; each build writes a new file holding the entries it used, then renames it
// into place, so the cache does not grow with files long deleted. The same file holds loaded
// meetings (meeting_cache.h), under keys of the same form, through entry/carry/keep_entry.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "model/parsed_file.h"

namespace quorum::build {

using loader::MarkdownParse;

// The bytes one entry is stored as, and back; nullopt when they are damaged.
std::string encode_markdown_parse(const MarkdownParse& parse);
std::optional<MarkdownParse> decode_markdown_parse(std::string_view bytes);

class ParseCache final : public loader::OutlineStore {
 public:
  // Reads <folder>/markdown.cache when this executable wrote it. `folder` empty: a cache
  // that keeps nothing (a check-only build, a test).
  explicit ParseCache(std::filesystem::path folder, std::string writer = executable_identity());
  ~ParseCache() override;  // without finish(), the new file is dropped and the old one stays
  ParseCache(const ParseCache&) = delete;
  ParseCache& operator=(const ParseCache&) = delete;

  [[nodiscard]] bool enabled() const override { return !folder_.empty(); }
  // The entry for these bytes (read at `path`), carried into the new cache file. Safe from
  // any thread.
  std::optional<MarkdownParse> reuse(const std::string& path, const std::string& fingerprint) override;
  // Adds an entry for these bytes (read at `path`) to the new cache file. Safe from any thread.
  void keep(const std::string& path, const std::string& fingerprint, const MarkdownParse& parse) override;
  // Entries of other kinds (meeting_cache.h), under keys of the same form (40 hex digits):
  // the bytes the last build stored under `key` (valid while the cache lives), or nullopt.
  [[nodiscard]] std::optional<std::string_view> entry(const std::string& key) const;
  // Carries the last build's entry under `key`, of any kind, into the new cache file as it is.
  void carry(const std::string& key);
  // Adds `bytes` under `key` to the new cache file.
  void keep_entry(const std::string& key, std::string_view bytes);
  // The file at `path` is withheld: its entry is left out of the new cache file.
  void withhold(const std::string& path) override;
  // Puts the new cache file in place of the old. A failure only loses the cache.
  void finish();

  [[nodiscard]] std::size_t reused() const { return reused_; }
  [[nodiscard]] std::size_t kept() const { return kept_; }

  // This executable's path, size and modification time: a rebuilt Quorum is another writer.
  static std::string executable_identity();

 private:
  void append(const std::string& path, const std::string& fingerprint,
              std::string_view entry);  // mutex_ held
  void drop_withheld();                 // mutex_ held, new_file_ closed

  std::filesystem::path folder_;
  std::string writer_;
  // The old cache file, mapped read-only (not read into memory: at 10,000 meetings it is
  // over 100 MB, most of it never looked at when little changed); entries point into it. The
  // mapping outlives the rename of the new file over it.
  const char* old_map_ = nullptr;
  std::size_t old_size_ = 0;
  std::unordered_map<std::string_view, std::string_view> old_entries_;
  std::mutex mutex_;
  std::filesystem::path new_path_;
  std::ofstream new_file_;
  std::unordered_set<std::string> written_;  // fingerprints already in the new file
  std::unordered_map<std::string, std::string> fingerprint_of_;  // path -> its entry's
  std::unordered_set<std::string> withheld_;                     // fingerprints to leave out
  std::size_t reused_ = 0;
  std::size_t kept_ = 0;
};

}  // namespace quorum::build
