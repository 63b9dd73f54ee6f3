#include "tripwire/matcher.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_set>

#include "tripwire/words.h"

namespace quorum::tripwire {
namespace {

std::size_t power_of_two_at_least(std::size_t n) {
  std::size_t p = 16;
  while (p < n) p *= 2;
  return p;
}

// A hash of words [from, from + length) of `w`: a needle's identity, for `allowed`.
std::uint64_t run_hash(const std::vector<std::uint64_t>& w, std::size_t from, std::size_t length) {
  std::uint64_t h = length;
  for (std::size_t i = from; i < from + length; ++i) h = (h ^ w[i]) * 0x9E3779B97F4A7C15ULL + 1;
  return h;
}

}  // namespace

std::uint64_t key_of(const std::uint64_t* last_words) {
  // Word hashes are well mixed already (words.cc): rotating each by its place is enough.
  std::uint64_t k = 0;
  for (std::size_t i = 0; i < kFewestWords; ++i) {
    const unsigned shift = 17U * static_cast<unsigned>(i);
    k ^= shift == 0 ? last_words[i] : (last_words[i] << shift) | (last_words[i] >> (64U - shift));
  }
  return k == 0 ? 1 : k;  // 0 marks an empty slot
}

Matcher::Matcher(const std::vector<std::string_view>& texts, const std::vector<std::string_view>& allowed) {
  if (texts.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("too many withheld texts");
  // Every run of kFewestWords to kShingleWords words of the allowed wording.
  std::unordered_set<std::uint64_t> public_runs;
  for (const auto text : allowed) {
    const auto w = words_of(text);
    for (std::size_t length = kFewestWords; length <= kShingleWords; ++length) {
      for (std::size_t from = 0; from + length <= w.size(); ++from)
        public_runs.insert(run_hash(w, from, length));
    }
  }
  const auto is_public = [&](const std::vector<std::uint64_t>& w, std::size_t from, std::size_t length) {
    return !public_runs.empty() && public_runs.count(run_hash(w, from, length)) != 0;
  };
  words_.reserve(texts.size());
  std::size_t needles = 0;
  for (const auto text : texts) {
    words_.push_back(words_of(text));
    const std::size_t n = words_.back().size();
    if (n >= kShingleWords) {
      needles += (n - kShingleWords) / kShingleStep + 2;
    } else if (n >= kFewestWords) {
      ++needles;
    }
  }
  // Only needles not in the allowed wording are filed.
  if (needles > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("too many withheld words");
  if (needles == 0) return;
  needles_by_key_.reserve(needles);
  for (std::size_t t = 0; t < words_.size(); ++t) {
    const auto& w = words_[t];
    const auto text = static_cast<std::uint32_t>(t);
    if (w.size() >= kShingleWords) {
      const std::size_t last = w.size() - kShingleWords;
      for (std::size_t start = 0;; start += kShingleStep) {
        start = std::min(start, last);
        if (!is_public(w, start, kShingleWords)) {
          needles_by_key_.push_back(
              {key_of(&w[start + kShingleWords - kFewestWords]), text, static_cast<std::uint32_t>(start)});
        }
        if (start == last) break;
      }
    } else if (w.size() >= kFewestWords && !is_public(w, 0, w.size())) {
      needles_by_key_.push_back({key_of(&w[w.size() - kFewestWords]), text, 0});
    }
  }
  needles_ = needles_by_key_.size();
  if (needles_ == 0) return;
  std::sort(needles_by_key_.begin(), needles_by_key_.end(), [](const Needle& a, const Needle& b) {
    return a.key != b.key ? a.key < b.key : (a.text != b.text ? a.text < b.text : a.start < b.start);
  });
  std::size_t keys = 0;
  for (std::size_t i = 0; i < needles_; ++i)
    keys += i == 0 || needles_by_key_[i].key != needles_by_key_[i - 1].key;
  table_.resize(power_of_two_at_least(keys * 2));
  table_mask_ = table_.size() - 1;
  const std::size_t filter_bits = power_of_two_at_least(std::max<std::size_t>(keys * 16, 4096));
  filter_.resize(filter_bits / 64);
  filter_mask_ = filter_bits - 1;
  for (std::size_t i = 0; i < needles_;) {
    const std::uint64_t key = needles_by_key_[i].key;
    std::size_t end = i;
    while (end < needles_ && needles_by_key_[end].key == key) ++end;
    const std::uint64_t bit = (key >> 7) & filter_mask_;
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    std::uint64_t slot = key & table_mask_;
    while (table_[slot].key != 0) slot = (slot + 1) & table_mask_;
    table_[slot] = {key, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)};
    i = end;
  }
}

// Reads bytes keeping the last kShingleWords words of the text and of the tag being read.
class MatchReader : public WordReader {
 public:
  explicit MatchReader(const Matcher& m) : m_(m) {}
  std::optional<Hit> hit;

 protected:
  void main_word(const Word& w) override { take(main_, w); }
  void tag_start() override { tag_.count = 0; }
  void tag_word(const Word& w) override { take(tag_, w); }

 private:
  // The last words read, in a ring of a power of two at least kShingleWords long.
  static constexpr std::size_t kRing = 16;
  static_assert(kRing >= kShingleWords && (kRing & (kRing - 1)) == 0);
  struct Recent {
    std::uint64_t words[kRing]{};
    std::size_t count = 0;  // words read so far in this sequence
    [[nodiscard]] std::uint64_t back(std::size_t k) const { return words[(count - 1 - k) % kRing]; }
  };

  void take(Recent& r, const Word& w) {
    r.words[r.count % kRing] = w.hash;
    ++r.count;
    if (r.count < kFewestWords || hit) return;
    std::uint64_t last[kFewestWords];
    for (std::size_t i = 0; i < kFewestWords; ++i) last[i] = r.back(kFewestWords - 1 - i);
    const std::uint64_t key = key_of(last);
    const std::uint64_t bit = (key >> 7) & m_.filter_mask_;
    if ((m_.filter_[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return;
    std::uint64_t slot = key & m_.table_mask_;
    while (m_.table_[slot].key != key) {
      if (m_.table_[slot].key == 0) return;
      slot = (slot + 1) & m_.table_mask_;
    }
    for (std::uint32_t i = m_.table_[slot].first; i < m_.table_[slot].end; ++i) {
      const auto& e = m_.needles_by_key_[i];
      const auto& words = m_.words_[e.text];
      const std::size_t length = std::min(words.size(), kShingleWords);
      if (r.count < length) continue;
      bool same = true;
      for (std::size_t k = 0; k < length && same; ++k) same = r.back(k) == words[e.start + length - 1 - k];
      if (same) {
        hit = Hit{e.text, w.end};
        return;
      }
    }
  }

  const Matcher& m_;
  Recent main_, tag_;
};

std::optional<Hit> Matcher::find(std::string_view bytes) const {
  if (needles_ == 0) return std::nullopt;
  MatchReader reader(*this);
  reader.read(bytes);
  return reader.hit;
}

}  // namespace quorum::tripwire
