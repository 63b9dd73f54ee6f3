// Reads bytes of any kind the site is made of (HTML, JSON, CSV, XML, Markdown, plain text,
// a cache file) as the sequence of words a reader would see, each word as a 64-bit hash.
//
// The same text written two ways gives the same words, so a withheld text is found however
// a page came to carry it:
// - letters and digits make words; everything else (punctuation, spaces, line breaks,
//   Markdown markers, CSV quotes, typographic quotes and dashes) only separates them, and
//   ASCII and Latin-1 capitals are folded to small letters;
// - HTML character references (`&amp;`, `&#233;`, `&#xE9;`, `&nbsp;`) and JSON escapes
//   (`\u00e9`, `\"`, `\n`) are decoded first;
// - an HTML tag (`<em>`, `</p>`, `<a href="...">`) does not split the text it sits in: the
//   text before and after it reads on as one sequence, and what is inside the tag after its
//   name (attribute values: a `title`, a `content`) is read as a sequence of its own, so a
//   meta description is searched too. Something that only looks like a tag (no `>` before
//   the next `<` or within 4 KB) is read as text.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace quorum::tripwire {

// A word's hash and the offset just past its last byte in the input.
struct Word {
  std::uint64_t hash;
  std::size_t end;
};

// The words of `bytes`, in order, to `main`; the words inside each tag to `tag`, each tag
// preceded by a call of `tag_start` (a new sequence begins). Linear in the size of `bytes`.
class WordReader {
 public:
  virtual ~WordReader() = default;
  void read(std::string_view bytes);

 protected:
  friend struct WordReaderAccess;
  virtual void main_word(const Word& w) = 0;
  virtual void tag_start() = 0;
  virtual void tag_word(const Word& w) = 0;
};

// The words of `text` as `main` receives them: for the withheld texts themselves.
std::vector<std::uint64_t> words_of(std::string_view text);

}  // namespace quorum::tripwire
