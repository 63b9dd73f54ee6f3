// The page the preview server shows instead of the site while the content has errors: every
// error with its file, line and suggested fix, readable by anyone (plain, escaped, accessible
// HTML with no outside resources). Never written into a built site.
#pragma once

#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace quorum {

// A message split into what is wrong and the suggested fix ("Did you mean 'board'?"), when
// the message carries one.
struct ErrorAdvice {
  std::string problem;
  std::string suggestion;  // empty when there is none
};
ErrorAdvice split_advice(const std::string& message);

// `source` is the content repository as the clerk named it, shown so paths make sense.
std::string error_page(const std::vector<Diagnostic>& errors, const std::string& source);

}  // namespace quorum
