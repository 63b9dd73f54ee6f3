#include "tripwire/words.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace quorum::tripwire {
namespace {

// A word's characters are gathered by rotating and xoring (a cycle a character: this loop is
// most of the tripwire's time); finish_hash mixes the result once a word. Up to nine ASCII
// letters fit without overlap, so short words never collide, and a collision between long
// ones could only matter if twelve words in a row collided.
constexpr std::uint64_t kStart = 0x9E3779B97F4A7C15ULL;
inline std::uint64_t add_char(std::uint64_t h, std::uint32_t c) { return ((h << 7) | (h >> 57)) ^ c; }
constexpr std::size_t kLongestTag = 4096;

std::uint64_t finish_hash(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// ASCII letters and digits, as the small letter or digit they fold to; 0 for anything else.
constexpr std::array<char, 128> make_ascii_words() {
  std::array<char, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  return t;
}
constexpr std::array<char, 128> kAsciiWord = make_ascii_words();

// Code points beyond ASCII that separate words: Latin-1 punctuation and signs, modifier
// letters (the typographic apostrophe), general punctuation (quotes, dashes, spaces), signs
// and arrows, CJK and full-width punctuation, the byte order mark.
bool separates(std::uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2B0 && cp <= 0x2FF) ||
         (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFE10 && cp <= 0xFE6F) || cp == 0xFEFF || (cp >= 0xFF00 && cp <= 0xFF20) || cp >= 0xFFF0;
}

// Capitals of Latin-1, Latin Extended-A, Greek and Cyrillic to small letters.
std::uint32_t fold(std::uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE) return cp + 0x20;
  if (((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0) return cp + 1;
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A named character reference's code point: the ones a renderer writes, and the few an
// author might. Others only separate words.
std::uint32_t named_reference(std::string_view name) {
  struct Named {
    const char* name;
    std::uint32_t cp;
  };
  static constexpr Named kNames[] = {{"amp", '&'},     {"lt", '<'},      {"gt", '>'},      {"quot", '"'},
                                     {"apos", '\''},   {"nbsp", ' '},    {"eacute", 0xE9}, {"Eacute", 0xC9},
                                     {"egrave", 0xE8}, {"agrave", 0xE0}, {"ccedil", 0xE7}, {"ouml", 0xF6},
                                     {"uuml", 0xFC},   {"auml", 0xE4},   {"pound", 0xA3},  {"euro", 0x20AC}};
  for (const auto& n : kNames) {
    if (name == n.name) return n.cp;
  }
  return ' ';
}

// One sequence of words being read: the word under way, and where words go.
struct Sequence {
  std::uint64_t hash = kStart;
  bool in_word = false;
};

// Reads bytes into word sequences: the text's, and each tag's.
class Scanner {
 public:
  Scanner(std::string_view s, WordReader& reader, void (*main)(WordReader&, const Word&),
          void (*tag_word)(WordReader&, const Word&), void (*tag_start)(WordReader&))
      : s_(s), reader_(reader), main_(main), tag_word_(tag_word), tag_start_(tag_start) {}

  void run() {
    Sequence seq;
    read(0, s_.size(), seq, main_, true);
  }

 private:
  using Emit = void (*)(WordReader&, const Word&);

  void end_word(Sequence& seq, Emit emit, std::size_t end) {
    if (!seq.in_word) return;
    emit(reader_, {finish_hash(seq.hash), end});
    seq.hash = kStart;
    seq.in_word = false;
  }

  void put(Sequence& seq, Emit emit, std::uint32_t cp, std::size_t before) {
    if (cp < 0x80) {
      const char w = kAsciiWord[cp];
      if (w == 0) return end_word(seq, emit, before);
      cp = static_cast<unsigned char>(w);
    } else if (separates(cp)) {
      return end_word(seq, emit, before);
    } else {
      cp = fold(cp);
    }
    seq.hash = add_char(seq.hash, cp);
    seq.in_word = true;
  }

  // Where the tag starting at `at` ('<') ends ('>'), or npos when it is not a tag.
  std::size_t tag_end(std::size_t at, std::size_t to) const {
    if (at + 1 >= to) return std::string_view::npos;
    const char next = s_[at + 1];
    const bool starts = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' ||
                        next == '!' || next == '?';
    if (!starts) return std::string_view::npos;
    const std::size_t limit = std::min(to, at + kLongestTag);
    char quote = 0;
    char last = 0;  // the last byte outside a quoted value that is not a space
    for (std::size_t i = at + 1; i < limit; ++i) {
      const char c = s_[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '>') return i;
      if (c == '<') return std::string_view::npos;
      if ((c == '"' || c == '\'') && last == '=') {
        quote = c;
        continue;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') last = c;
    }
    return std::string_view::npos;
  }

  // A character reference at `i` ('&'): the code point and the bytes it takes (0: not one).
  std::pair<std::uint32_t, std::size_t> reference(std::size_t i, std::size_t to) const {
    std::size_t j = i + 1;
    if (j < to && s_[j] == '#') {
      ++j;
      const bool hex = j < to && (s_[j] == 'x' || s_[j] == 'X');
      if (hex) ++j;
      std::uint32_t cp = 0;
      const std::size_t digits_from = j;
      while (j < to && j - digits_from < 8) {
        const int v = hex ? hex_value(s_[j]) : (s_[j] >= '0' && s_[j] <= '9' ? s_[j] - '0' : -1);
        if (v < 0) break;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
        ++j;
      }
      if (j == digits_from || j >= to || s_[j] != ';') return {0, 0};
      return {cp > 0x10FFFF ? ' ' : cp, j + 1 - i};
    }
    while (j < to && j - i <= 32 && static_cast<unsigned char>(s_[j]) < 0x80 &&
           kAsciiWord[static_cast<unsigned char>(s_[j])] != 0) {
      ++j;
    }
    if (j == i + 1 || j >= to || s_[j] != ';') return {0, 0};
    return {named_reference(s_.substr(i + 1, j - i - 1)), j + 1 - i};
  }

  // A JSON escape at `i` ('\\'): the code point and the bytes it takes (0: not one).
  std::pair<std::uint32_t, std::size_t> escape(std::size_t i, std::size_t to) const {
    if (i + 1 >= to) return {0, 0};
    const char c = s_[i + 1];
    if (c != 'u') {
      const bool known = c != 0 && std::strchr("\"\\/bfnrt", c) != nullptr;
      return {known ? ' ' : 0, known ? 2 : 0};
    }
    const auto four = [&](std::size_t at) -> int {
      if (at + 4 > to) return -1;
      int v = 0;
      for (std::size_t k = at; k < at + 4; ++k) {
        const int h = hex_value(s_[k]);
        if (h < 0) return -1;
        v = v * 16 + h;
      }
      return v;
    };
    const int first = four(i + 2);
    if (first < 0) return {0, 0};
    if (first >= 0xD800 && first <= 0xDBFF && i + 12 <= to && s_[i + 6] == '\\' && s_[i + 7] == 'u') {
      const int second = four(i + 8);
      if (second >= 0xDC00 && second <= 0xDFFF) {
        return {0x10000 + ((static_cast<std::uint32_t>(first) - 0xD800) << 10) +
                    (static_cast<std::uint32_t>(second) - 0xDC00),
                12};
      }
    }
    if (first >= 0xD800 && first <= 0xDFFF) return {' ', 6};
    return {static_cast<std::uint32_t>(first), 6};
  }

  // A UTF-8 sequence at `i`: the code point and its length (a space for a malformed one).
  std::pair<std::uint32_t, std::size_t> utf8(std::size_t i, std::size_t to) const {
    const auto b0 = static_cast<unsigned char>(s_[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
      cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      cp = b0 & 0x0Fu;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      cp = b0 & 0x07u;
    } else {
      return {' ', 1};
    }
    if (i + len > to) return {' ', 1};
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s_[i + k]);
      if ((b & 0xC0u) != 0x80u) return {' ', 1};
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return {' ', 1};
    return {cp, len};
  }

  void read(std::size_t from, std::size_t to, Sequence& seq, Emit emit, bool tags) {
    std::size_t i = from;
    while (i < to) {
      const auto c = static_cast<unsigned char>(s_[i]);
      if (c < 0x80) {
        const char w = kAsciiWord[c];
        if (w != 0) {  // the common case: a run of letters and digits, in registers
          std::uint64_t h = add_char(seq.hash, static_cast<unsigned char>(w));
          for (++i; i < to; ++i) {
            const auto next = static_cast<unsigned char>(s_[i]);
            if (next >= 0x80 || kAsciiWord[next] == 0) break;
            h = add_char(h, static_cast<unsigned char>(kAsciiWord[next]));
          }
          seq.hash = h;
          seq.in_word = true;
          continue;
        }
        if (c == '<' && tags) {
          if (const std::size_t end = tag_end(i, to); end != std::string_view::npos) {
            end_word(seq, emit, i);
            std::size_t name = i + 1;
            while (name < end && s_[name] != ' ' && s_[name] != '\t' && s_[name] != '\n' &&
                   s_[name] != '\r' && s_[name] != '/') {
              ++name;
            }
            if (s_[i + 1] == '/') ++name;
            tag_start_(reader_);
            Sequence inside;
            read(std::min(name, end), end, inside, tag_word_, false);
            end_word(inside, tag_word_, end);
            i = end + 1;
            continue;
          }
        } else if (c == '&') {
          if (const auto [cp, len] = reference(i, to); len != 0) {
            put(seq, emit, cp, i);
            i += len;
            continue;
          }
        } else if (c == '\\') {
          if (const auto [cp, len] = escape(i, to); len != 0) {
            put(seq, emit, cp, i);
            i += len;
            continue;
          }
        }
        end_word(seq, emit, i);
        ++i;
        continue;
      }
      const auto [cp, len] = utf8(i, to);
      put(seq, emit, cp, i);
      i += len;
    }
    end_word(seq, emit, to);
  }

  std::string_view s_;
  WordReader& reader_;
  Emit main_, tag_word_;
  void (*tag_start_)(WordReader&);
};

}  // namespace

// The scanner calls these through plain function pointers: WordReader's hooks are protected.
struct WordReaderAccess {
  static void main(WordReader& r, const Word& w) { r.main_word(w); }
  static void tag_word(WordReader& r, const Word& w) { r.tag_word(w); }
  static void tag_start(WordReader& r) { r.tag_start(); }
};

void WordReader::read(std::string_view bytes) {
  Scanner(bytes, *this, &WordReaderAccess::main, &WordReaderAccess::tag_word, &WordReaderAccess::tag_start)
      .run();
}

std::vector<std::uint64_t> words_of(std::string_view text) {
  class Collect : public WordReader {
   public:
    std::vector<std::uint64_t> words;

   protected:
    void main_word(const Word& w) override { words.push_back(w.hash); }
    void tag_start() override {}
    void tag_word(const Word& /*w*/) override {}
  };
  Collect c;
  c.read(text);
  return std::move(c.words);
}

}  // namespace quorum::tripwire
