#include "model/parse_cache.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <system_error>

namespace quorum::loader {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "quorum-parse-cache 1\n";
constexpr std::size_t kFingerprintSize = 40;  // hex git blob id
constexpr std::uint32_t kMaxEntry = 64U * 1024U * 1024U;

// The fields an entry holds, in order, listed once for both directions (`Io` is a Writer
// over const values or a Reader over values to fill), so writing and reading cannot drift.
template <class Io, class Heading>
void fields_of_heading(Io& io, Heading& h) {
  io(h.level);
  io(h.text);
  io(h.id);
  io(h.item);
  io(h.line);
}
template <class Io, class Link>
void fields_of_link(Io& io, Link& l) {
  io(l.url);
  io(l.text);
  io(l.line);
  io(l.column);
  io(l.image);
}
template <class Io, class Decision>
void fields_of_decision(Io& io, Decision& d) {
  io(d.id);
  io(d.item);
  io(d.text);
  io(d.line);
}
template <class Io, class Parse>
void fields_of_parse(Io& io, Parse& p) {
  io(p.front_yaml);
  io(p.front_present);
  io(p.front_first_line);
  io(p.body.first_line);
  io(p.body.offset);
  io(p.body.blank);
  io(p.body.file_fingerprint);
  io(p.body.outline.headings, [](Io& in, auto& h) { fields_of_heading(in, h); });
  io(p.body.outline.links, [](Io& in, auto& l) { fields_of_link(in, l); });
  io(p.body.outline.decisions, [](Io& in, auto& d) { fields_of_decision(in, d); });
  io(p.inputs.whole);
  io(p.inputs.visible);
}

class Writer {
 public:
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFFU);
  }
  void operator()(std::size_t v) {
    u32(static_cast<std::uint32_t>(v));
    u32(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) >> 32U));
  }
  void operator()(int v) { u32(static_cast<std::uint32_t>(v)); }
  void operator()(bool v) { out_ += v ? '\1' : '\0'; }
  void operator()(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  template <class T, class Each>
  void operator()(const std::vector<T>& items, Each each) {
    u32(static_cast<std::uint32_t>(items.size()));
    for (const auto& item : items) each(*this, item);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; any read past the end marks the whole entry damaged.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint32_t u32() {
    if (in_.size() < 4) return fail();
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[i])) << (8 * i);
    in_.remove_prefix(4);
    return v;
  }
  void operator()(std::size_t& v) {
    const std::uint64_t low = u32();
    v = static_cast<std::size_t>(low | (static_cast<std::uint64_t>(u32()) << 32U));
  }
  void operator()(int& v) { v = static_cast<int>(u32()); }
  void operator()(bool& v) {
    if (in_.empty()) {
      fail();
      return;
    }
    v = in_[0] != '\0';
    in_.remove_prefix(1);
  }
  void operator()(std::string& s) {
    const std::uint32_t n = u32();
    if (in_.size() < n) {
      fail();
      return;
    }
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
  }
  // Every item takes at least four bytes, so a damaged count cannot make a huge allocation.
  template <class T, class Each>
  void operator()(std::vector<T>& items, Each each) {
    const std::uint32_t n = u32();
    if (n > in_.size() / 4) {
      fail();
      return;
    }
    items.resize(n);
    for (auto& item : items) each(*this, item);
  }
  [[nodiscard]] bool ok() const { return ok_ && in_.empty(); }

 private:
  std::uint32_t fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }
  std::string_view in_;
  bool ok_ = true;
};

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
  Writer w;
  fields_of_parse(w, parse);
  return w.take();
}

std::optional<MarkdownParse> decode_markdown_parse(std::string_view bytes) {
  Reader r(bytes);
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
  old_bytes_ = read_file(folder_ / "markdown.cache");
  const std::string header = std::string(kMagic) + writer_ + '\n';
  if (old_bytes_.compare(0, header.size(), header) != 0) {
    old_bytes_.clear();
    return;
  }
  std::string_view rest(old_bytes_);
  rest.remove_prefix(header.size());
  while (rest.size() >= kFingerprintSize + 4) {
    const std::string_view key = rest.substr(0, kFingerprintSize);
    Reader size_reader(rest.substr(kFingerprintSize, 4));
    const std::uint32_t size = size_reader.u32();
    rest.remove_prefix(kFingerprintSize + 4);
    if (size > kMaxEntry || size > rest.size()) break;  // cut short: keep what came before
    old_entries_.emplace(key, rest.substr(0, size));
    rest.remove_prefix(size);
  }
}

ParseCache::~ParseCache() {
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
  Writer size;
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
    Reader size_reader(rest.substr(kFingerprintSize, 4));
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

}  // namespace quorum::loader
