// The bytes the build's caches store an entry as (parse_cache.h,
// meeting_cache.h), and back.
//
// Each kind of entry lists its fields once, in a `fields_of_*` template over `Io`, which is a
// CacheWriter over const values or a CacheReader over values to fill: writing and reading
// cannot drift apart. Integers are little-endian, strings and lists carry their length, and
// any read past the end marks the whole entry damaged, so a damaged cache reads as a miss.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace quorum::build {

// A Markdown outline's fields, in order.
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
template <class Io, class Outline>
void fields_of_outline(Io& io, Outline& o) {
  io(o.headings, [](Io& in, auto& h) { fields_of_heading(in, h); });
  io(o.links, [](Io& in, auto& l) { fields_of_link(in, l); });
  io(o.decisions, [](Io& in, auto& d) { fields_of_decision(in, d); });
}

// Appends an entry's fields to a string.
class CacheWriter {
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
  // A status or kind (model/statuses.h), by its number.
  template <class E>
    requires std::is_enum_v<E>
  void operator()(E v) {
    u32(static_cast<std::uint32_t>(v));
  }
  void operator()(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  template <class T, class Each>
  void operator()(const std::vector<T>& items, Each each) {
    u32(static_cast<std::uint32_t>(items.size()));
    for (const auto& item : items) each(*this, item);
  }
  template <class T, class Each>
  void operator()(const std::optional<T>& value, Each each) {
    (*this)(value.has_value());
    if (value) each(*this, *value);
  }
  template <class T, class Each>
  void operator()(const std::map<std::string, T>& items, Each each) {
    u32(static_cast<std::uint32_t>(items.size()));
    for (const auto& [key, item] : items) {
      (*this)(key);
      each(*this, item);
    }
  }
  // A string that recurs within one entry (a file's path, in every position): written once,
  // then by its number.
  void shared(std::string_view s) {
    const auto it = std::find(seen_.begin(), seen_.end(), s);
    if (it != seen_.end()) {
      u32(static_cast<std::uint32_t>(it - seen_.begin()) + 1U);
      return;
    }
    u32(0);
    (*this)(s);
    seen_.emplace_back(s);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  std::vector<std::string> seen_;
};

// Reads what CacheWriter wrote; any read past the end marks the whole entry damaged.
class CacheReader {
 public:
  explicit CacheReader(std::string_view in) : in_(in) {}
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
  // A number that names no value of the enum (enum_size, found beside it) is damage.
  template <class E>
    requires std::is_enum_v<E>
  void operator()(E& v) {
    const std::uint32_t n = u32();
    if (n >= enum_size(E{})) {
      fail();
      return;
    }
    v = static_cast<E>(n);
  }
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
  template <class T, class Each>
  void operator()(std::optional<T>& value, Each each) {
    bool present = false;
    (*this)(present);
    value.reset();
    if (!present) return;
    each(*this, value.emplace());
  }
  template <class T, class Each>
  void operator()(std::map<std::string, T>& items, Each each) {
    const std::uint32_t n = u32();
    if (n > in_.size() / 4) {
      fail();
      return;
    }
    items.clear();
    for (std::uint32_t i = 0; i < n && ok_; ++i) {
      std::string key;
      (*this)(key);
      T item;
      each(*this, item);
      items.insert_or_assign(std::move(key), std::move(item));
    }
  }
  void shared(std::string& s) {
    const std::uint32_t n = u32();
    if (n == 0) {
      (*this)(s);
      seen_.push_back(s);
    } else if (n <= seen_.size()) {
      s = seen_[n - 1];
    } else {
      fail();
    }
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
  std::vector<std::string> seen_;
};

}  // namespace quorum::build
