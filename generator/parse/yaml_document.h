// Loads YAML text into a yaml-cpp node, reporting every problem with its position.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

#include "support/diagnostics.h"

namespace quorum {

// Where a YAML text sits in its file, so positions point at the real line.
struct YamlSource {
  std::string path;
  int first_line = 1;  // the file line of the text's first line
};

// nullopt when the text cannot be used at all (syntax error, invalid UTF-8, NUL byte);
// duplicate keys are errors but the document is still returned for further checks.
std::optional<YAML::Node> load_yaml(std::string_view text, const YamlSource& source,
                                    Diagnostics& diags);

// The file position of a node (yaml-cpp marks are 0-based and relative to the text).
SourcePos position_of(const YAML::Node& node, const YamlSource& source);

}  // namespace quorum
