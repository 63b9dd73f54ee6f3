#include "build/parse_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <system_error>

#include "build/cache_codec.h"

namespace quorum::build {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "quorum-parse-cache 1\n";
constexpr std::size_t kFingerprintSize = 40;  // hex git blob id
constexpr std::uint32_t kMaxEntry = 64U * 1024U * 1024U;

// What an entry holds, in order (cache_codec.h).
template <class Io, class Parse>
void fields_of_parse(Io& io, Parse& p) {
  io(p.front_yaml);
  io(p.front_present);
  io(p.front_first_line);
  io(p.body.first_line);
  io(p.body.offset);
  io(p.body.blank);
  io(p.body.file_fingerprint);
  fields_of_outline(io, p.body.outline);
  io(p.inputs.whole);
  io(p.inputs.visible);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return {};
  return bytes;
}

}  // namespace

std::string encode_markdown_parse(const MarkdownParse& parse) {
  CacheWriter w;
  fields_of_parse(w, parse);
  return w.take();
}

std::optional<MarkdownParse> decode_markdown_parse(std::string_view bytes) {
  CacheReader r(bytes);
  MarkdownParse parse;
  fields_of_parse(r, parse);
  if (!r.ok()) return std::nullopt;
  parse.body.in_file = true;
  return parse;
}

std::string ParseCache::executable_identity() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const auto size = fs::file_size(exe, ec);
  if (ec) return {};
  const auto time = fs::last_write_time(exe, ec);
  if (ec) return {};
  return exe.string() + '|' + std::to_string(size) + '|' + std::to_string(time.time_since_epoch().count());
}

ParseCache::ParseCache(fs::path folder, std::string writer)
    : folder_(std::move(folder)), writer_(std::move(writer)) {
  // Without knowing which executable wrote a cache, no cache can be trusted.
  if (writer_.empty() || writer_.find('\n') != std::string::npos) folder_.clear();
  if (folder_.empty()) return;
  const int fd = ::open((folder_ / "markdown.cache").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    void* map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (map != MAP_FAILED) {
      old_map_ = static_cast<const char*>(map);
      old_size_ = static_cast<std::size_t>(st.st_size);
    }
  }
  ::close(fd);
  const std::string header = std::string(kMagic) + writer_ + '\n';
  std::string_view rest(old_map_ == nullptr ? "" : old_map_, old_size_);
  if (rest.substr(0, header.size()) != header) return;
  rest.remove_prefix(header.size());
  while (rest.size() >= kFingerprintSize + 4) {
    const std::string_view key = rest.substr(0, kFingerprintSize);
    CacheReader size_reader(rest.substr(kFingerprintSize, 4));
    const std::uint32_t size = size_reader.u32();
    rest.remove_prefix(kFingerprintSize + 4);
    if (size > kMaxEntry || size > rest.size()) break;  // cut short: keep what came before
    old_entries_.emplace(key, rest.substr(0, size));
    rest.remove_prefix(size);
  }
}

ParseCache::~ParseCache() {
  if (old_map_ != nullptr) ::munmap(const_cast<char*>(old_map_), old_size_);
  if (new_file_.is_open()) {
    new_file_.close();
    std::error_code ec;
    fs::remove(new_path_, ec);
  }
}

std::optional<MarkdownParse> ParseCache::reuse(const std::string& path, const std::string& fingerprint) {
  if (folder_.empty()) return std::nullopt;
  const auto it = old_entries_.find(fingerprint);  // read-only after construction
  if (it == old_entries_.end()) return std::nullopt;
  auto parse = decode_markdown_parse(it->second);
  if (!parse) return std::nullopt;
  const std::lock_guard lock(mutex_);
  append(path, fingerprint, it->second);
  ++reused_;
  return parse;
}

void ParseCache::keep(const std::string& path, const std::string& fingerprint, const MarkdownParse& parse) {
  if (folder_.empty() || fingerprint.size() != kFingerprintSize) return;
  const std::string entry = encode_markdown_parse(parse);
  if (entry.size() > kMaxEntry) return;
  const std::lock_guard lock(mutex_);
  append(path, fingerprint, entry);
  ++kept_;
}

std::optional<std::string_view> ParseCache::entry(const std::string& key) const {
  if (folder_.empty()) return std::nullopt;
  const auto it = old_entries_.find(key);  // read-only after construction
  if (it == old_entries_.end()) return std::nullopt;
  return it->second;
}

void ParseCache::carry(const std::string& key) {
  const auto bytes = entry(key);
  if (!bytes) return;
  const std::lock_guard lock(mutex_);
  append(key, key, *bytes);
}

void ParseCache::keep_entry(const std::string& key, std::string_view bytes) {
  if (folder_.empty() || key.size() != kFingerprintSize || bytes.size() > kMaxEntry) return;
  const std::lock_guard lock(mutex_);
  append(key, key, bytes);
}

void ParseCache::withhold(const std::string& path) {
  const std::lock_guard lock(mutex_);
  if (const auto it = fingerprint_of_.find(path); it != fingerprint_of_.end()) withheld_.insert(it->second);
}

void ParseCache::append(const std::string& path, const std::string& fingerprint, std::string_view entry) {
  fingerprint_of_[path] = fingerprint;
  if (!written_.insert(fingerprint).second) return;
  if (!new_file_.is_open()) {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    new_path_ = folder_ / ("markdown.cache.new-" + std::to_string(::getpid()));
    new_file_.open(new_path_, std::ios::binary | std::ios::trunc);
    new_file_ << kMagic << writer_ << '\n';
  }
  CacheWriter size;
  size.u32(static_cast<std::uint32_t>(entry.size()));
  new_file_ << fingerprint << size.take() << entry;
}

void ParseCache::finish() {
  const std::lock_guard lock(mutex_);
  if (!new_file_.is_open()) return;
  new_file_.close();
  std::error_code ec;
  if (new_file_.fail()) {
    fs::remove(new_path_, ec);
    return;
  }
  if (!withheld_.empty()) drop_withheld();
  fs::rename(new_path_, folder_ / "markdown.cache", ec);
  if (ec) fs::remove(new_path_, ec);
}

// Entries are written as files are parsed, before the loaders know which are withheld, so
// the few that are come out afterwards: the file is copied without them.
void ParseCache::drop_withheld() {
  const std::string written = read_file(new_path_);
  const std::string header = std::string(kMagic) + writer_ + '\n';
  std::string kept = header;
  std::string_view rest(written);
  rest.remove_prefix(std::min(header.size(), rest.size()));
  while (rest.size() >= kFingerprintSize + 4) {
    CacheReader size_reader(rest.substr(kFingerprintSize, 4));
    const std::size_t whole = kFingerprintSize + 4 + size_reader.u32();
    if (whole > rest.size()) break;
    if (withheld_.count(std::string(rest.substr(0, kFingerprintSize))) == 0) kept += rest.substr(0, whole);
    rest.remove_prefix(whole);
  }
  std::ofstream out(new_path_, std::ios::binary | std::ios::trunc);
  out << kept;
  if (!out.flush()) {
    std::error_code ec;
    fs::remove(new_path_, ec);
  }
}

}  // namespace quorum::build
