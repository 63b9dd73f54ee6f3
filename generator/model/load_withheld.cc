// What the loaders withhold, remembered for the tripwire (model/withheld_text.h).
#include <cctype>

#include "model/loader.h"
#include "support/text.h"

namespace quorum::loader {
namespace {

// Lower-case words of letters and digits, one space apart, with a space at each end. As the
// tripwire reads words (tripwire/words.h), a no-break space and the typographic spaces,
// dashes and quotes (U+2000 to U+203F) separate words rather than join them.
std::string plain_words(const std::string& raw) {
  std::string text = raw;
  for (std::size_t at = 0; (at = text.find('\xC2', at)) != std::string::npos;) {
    if (at + 1 < text.size() && text[at + 1] == '\xA0') text.replace(at, 2, " ");
    ++at;
  }
  for (std::size_t at = 0; (at = text.find('\xE2', at)) != std::string::npos;) {
    if (at + 2 < text.size() && text[at + 1] == '\x80') text.replace(at, 3, " ");
    ++at;
  }
  std::string out = " ";
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

}  // namespace

bool adds_nothing_to(const std::string& text, const std::string& public_text) {
  if (public_text.empty()) return false;
  return plain_words(public_text).find(plain_words(text)) != std::string::npos;
}

void withhold_text(Context& ctx, const std::string& text, const std::string& what, const SourcePos& pos,
                   const std::string& public_text) {
  if (adds_nothing_to(text, public_text)) return;
  std::string source = what;
  if (!pos.path.empty())
    source += " (" + pos.path + (pos.line > 0 ? ":" + std::to_string(pos.line) : "") + ")";
  ctx.model.withheld_texts.add(text, std::move(source), pos);
}

void withhold_file_text(Context& ctx, const std::string& path) {
  const auto dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return;
  const std::string ext = to_lower_ascii(path.substr(dot + 1));
  if (ext != "csv" && ext != "txt" && ext != "md" && ext != "markdown" && ext != "tsv") return;
  if (const auto bytes = ctx.tree.read(path)) {
    withhold_text(ctx, *bytes, "the withheld file " + path, {path, 1, 1});
  }
}

}  // namespace quorum::loader
