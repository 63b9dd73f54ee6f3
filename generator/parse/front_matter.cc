#include "parse/front_matter.h"

namespace quorum {
namespace {

bool is_fence(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

}  // namespace

FrontMatter split_front_matter(std::string_view text, const std::string& path,
                               Diagnostics& diags) {
  FrontMatter fm;
  const auto first_end = text.find('\n');
  if (first_end == std::string_view::npos || !is_fence(text.substr(0, first_end))) {
    fm.body = std::string(text);
    return fm;
  }
  std::size_t pos = first_end + 1;
  int line = 2;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    if (is_fence(text.substr(pos, end - pos))) {
      fm.present = true;
      fm.yaml = std::string(text.substr(first_end + 1, pos - first_end - 1));
      fm.yaml_first_line = 2;
      fm.body = last ? std::string() : std::string(text.substr(end + 1));
      fm.body_first_line = line + 1;
      return fm;
    }
    if (last) break;
    pos = end + 1;
    ++line;
  }
  diags.error({path, 1, 1},
              "the front matter opened with '---' on line 1 is never closed: add a line "
              "with just '---' after the last field");
  fm.body = std::string(text);
  return fm;
}

}  // namespace quorum
