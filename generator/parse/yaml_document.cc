#include "parse/yaml_document.h"

#include <set>

#include "support/text.h"

namespace quorum {
namespace {

constexpr int kMaxDepth = 64;
// Aliases are shared, not copied, but walking the tree visits an aliased node once per
// reference: nine levels of nine aliases ("billion laughs") is 387 million visits. No content
// file comes near this many nodes; stop walking and refuse the file instead.
constexpr long kMaxNodes = 1'000'000;

SourcePos position_of_mark(const YAML::Mark& mark, const YamlSource& source) {
  if (mark.line < 0) return {source.path, source.first_line, 0};
  return {source.path, source.first_line + mark.line, mark.column + 1};
}

// yaml-cpp keeps both entries of a repeated key and answers with the first: a clerk who
// pastes a field twice would see the wrong value published. Report it instead.
bool check_duplicates(const YAML::Node& node, const YamlSource& source, Diagnostics& diags,
                      int depth, long& visited) {
  if (++visited > kMaxNodes) {
    diags.error(position_of(node, source),
                "the YAML expands to more than 1,000,000 values (anchors and aliases repeated "
                "inside each other?); content never needs this");
    return false;
  }
  if (depth > kMaxDepth) {
    diags.error(position_of(node, source),
                "the YAML is nested more than 64 levels deep; content never needs this");
    return true;
  }
  if (node.IsMap()) {
    std::set<std::string> seen;
    for (const auto& pair : node) {
      if (pair.first.IsScalar()) {
        const std::string key = pair.first.Scalar();
        if (!seen.insert(key).second) {
          diags.error(position_of(pair.first, source),
                      "the field '" + key + "' appears twice here; keep one of them");
        }
      }
      if (!check_duplicates(pair.second, source, diags, depth + 1, visited)) return false;
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (!check_duplicates(item, source, diags, depth + 1, visited)) return false;
    }
  }
  return true;
}

}  // namespace

SourcePos position_of(const YAML::Node& node, const YamlSource& source) {
  return position_of_mark(node.Mark(), source);
}

std::optional<YAML::Node> load_yaml(std::string_view text, const YamlSource& source,
                                    Diagnostics& diags) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto lc = line_column_at(text, nul);
    diags.error({source.path, source.first_line + lc.line - 1, lc.column},
                "this file contains a NUL byte; it is not a text file. Save it again as UTF-8 "
                "text");
    return std::nullopt;
  }
  if (const auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    const auto lc = line_column_at(text, bad);
    diags.error({source.path, source.first_line + lc.line - 1, lc.column},
                "this text is not valid UTF-8; save the file as UTF-8");
    return std::nullopt;
  }
  try {
    YAML::Node node = YAML::Load(std::string(text));
    long visited = 0;
    if (!check_duplicates(node, source, diags, 0, visited)) return std::nullopt;
    return node;
  } catch (const YAML::Exception& e) {
    diags.error(position_of_mark(e.mark, source), "YAML syntax: " + e.msg);
    return std::nullopt;
  }
}

}  // namespace quorum
