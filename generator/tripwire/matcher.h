// Finds any of many withheld texts in bytes of any kind, in one pass, in time linear in the
// bytes (and independent of how many texts there are).
//
// Texts and bytes are compared as words (words.h), so escaping, markup and line breaks do
// not hide a match. What is searched for:
// - a text of kShingleWords words or more: each run of kShingleWords consecutive words of it
//   (a "shingle"), so any part of a long text as long as a sentence is found. Twelve words,
//   not fewer: a report's stock phrases and table headings ("Service line, Budget (£k),
//   Actual (£k), Variance" and the word before them) are public in other reports, and runs
//   of eight words stopped a synthetic archive's build hundreds of times for them;
// - a shorter text of kFewestWords words or more: the whole text;
// - a text of fewer than kFewestWords words (a two-word reason such as "Commercially
//   sensitive", a one-word description) is not searched for: words that few are ordinary
//   in public papers too, and would stop builds for nothing.
//
// How: every needle (a shingle or a whole short text) is filed in one hash table under a
// hash of its last kFewestWords words. Reading the bytes, after each word the hash of the
// last kFewestWords words is looked up (a bitmap in front of the table answers most lookups
// from the processor's cache); each needle filed there is compared word by word with the
// words just read, so a hash collision never counts as a match. One lookup per word: the
// scan costs the same for one withheld text as for a million.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace quorum::tripwire {

inline constexpr std::size_t kShingleWords = 12;
// Of a long text's shingles, every kShingleStep-th is filed (and its last): any run of
// kShingleWords + kShingleStep - 1 (16) of its words holds one whole, so any such run is
// found, with a table a quarter the size (at 10,000 meetings, filing every shingle made the
// table outgrow the processor's cache and the search four times slower).
inline constexpr std::size_t kShingleStep = 5;
inline constexpr std::size_t kSureRun = kShingleWords + kShingleStep - 1;
inline constexpr std::size_t kFewestWords = 4;

struct Hit {
  std::size_t text;  // which of the texts the matcher was made from
  std::size_t end;   // offset in the bytes just past the match's last word
};

class Matcher {
 public:
  // `allowed`: public wording the site itself shows whatever the content (the statutory
  // description of each Schedule 12A paragraph, which a clerk's reason naturally echoes).
  // A needle found in it proves nothing and is not searched for.
  explicit Matcher(const std::vector<std::string_view>& texts,
                   const std::vector<std::string_view>& allowed = {});
  // True when none of the texts is long enough to search for.
  [[nodiscard]] bool empty() const { return needles_ == 0; }
  [[nodiscard]] std::size_t needles() const { return needles_; }
  // The first match in `bytes` (the earliest end), if any.
  [[nodiscard]] std::optional<Hit> find(std::string_view bytes) const;

 private:
  friend class MatchReader;
  struct Needle {
    std::uint64_t key = 0;
    std::uint32_t text = 0;
    std::uint32_t start = 0;  // first word of the needle in the text's words
  };
  // One slot per distinct key (needles of many texts may end in the same four words): the
  // table stays sparse, so a lookup ends after a probe or two.
  struct Slot {
    std::uint64_t key = 0;             // 0: empty
    std::uint32_t first = 0, end = 0;  // its needles: needles_by_key_[first, end)
  };

  std::vector<std::vector<std::uint64_t>> words_;  // each text's words
  std::vector<Needle> needles_by_key_;             // sorted by key
  std::vector<Slot> table_;
  std::uint64_t table_mask_ = 0;
  std::vector<std::uint64_t> filter_;  // one bit per hash value, below filter_mask_
  std::uint64_t filter_mask_ = 0;
  std::size_t needles_ = 0;
};

// The key a needle is filed under: a hash of its last kFewestWords words, in order.
std::uint64_t key_of(const std::uint64_t* last_words);

}  // namespace quorum::tripwire
