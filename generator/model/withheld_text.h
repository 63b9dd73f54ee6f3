// Every withheld text the model read: exempt items' descriptions and reasons, exempt
// reports, cut minutes sections, an exempt item's actions, sensitive interests'
// descriptions, withheld appendices and commit messages. The model keeps none of it for
// publishing; it keeps this list only so that the bytes about to be published can be
// searched for it (the tripwire), whatever path a leak took.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "support/diagnostics.h"

namespace quorum {

struct WithheldText {
  std::string text;    // as read from the source
  std::string source;  // for the message: "the reason of exempt item 3 (path:line)"
  SourcePos pos;       // where it was read, when known: the tripwire's message points there
};

class WithheldTexts {
 public:
  // Remembers `text` (blank text is ignored).
  void add(std::string text, std::string source, SourcePos pos = {}) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
    all_.push_back({std::move(text), std::move(source), std::move(pos)});
  }
  [[nodiscard]] const std::vector<WithheldText>& all() const { return all_; }
  [[nodiscard]] bool empty() const { return all_.empty(); }

 private:
  std::vector<WithheldText> all_;
};

}  // namespace quorum
