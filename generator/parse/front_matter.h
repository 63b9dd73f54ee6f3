// Splits a Markdown file into its YAML front matter and its body.
#pragma once

#include <string>
#include <string_view>

#include "support/diagnostics.h"

namespace quorum {

struct FrontMatter {
  std::string yaml;        // without the `---` fences; empty when the file has none
  int yaml_first_line = 0;  // 1-based line of the first YAML line in the file
  std::string body;        // the Markdown after the closing fence
  int body_first_line = 1;  // 1-based line of the body's first line in the file
  bool present = false;
};

// A file that opens a front matter block (`---` on its first line) and never closes it is
// an error; the whole file is then treated as body so later checks still run.
FrontMatter split_front_matter(std::string_view text, const std::string& path,
                               Diagnostics& diags);

}  // namespace quorum
