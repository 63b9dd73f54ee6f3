#include "render/template_inlining.h"

#include <algorithm>

#include "support/text.h"

namespace quorum {

std::optional<std::string> inline_partials(const std::string& source,
                                           const std::map<std::string, std::string>& partials,
                                           std::vector<std::string>& including) {
  std::string out;
  out.reserve(source.size());
  std::size_t pos = 0;
  while (pos < source.size()) {
    const std::size_t open = source.find("{{", pos);
    if (open == std::string::npos) break;
    const bool triple = source.compare(open, 3, "{{{") == 0;
    const std::size_t contents = open + (triple ? 3 : 2);
    const std::size_t close = source.find(triple ? "}}}" : "}}", contents);
    if (close == std::string::npos) break;  // an unclosed tag: kainjow reports it
    const std::size_t end = close + (triple ? 3 : 2);
    const std::string tag = triple ? std::string() : trim(source.substr(contents, close - contents));
    if (!tag.empty() && tag[0] == '=') return std::nullopt;
    const std::string name = !tag.empty() && tag[0] == '>' ? trim(tag.substr(1)) : std::string();
    const auto partial = partials.find(name);
    const bool inline_it =
        partial != partials.end() && std::find(including.begin(), including.end(), name) == including.end();
    std::optional<std::string> text;
    if (inline_it) {
      including.push_back(name);
      text = inline_partials(partial->second, partials, including);
      including.pop_back();
    }
    out.append(source, pos, (text ? open : end) - pos);
    if (text) out += *text;
    pos = end;
  }
  out.append(source, pos, std::string::npos);
  return out;
}

}  // namespace quorum
