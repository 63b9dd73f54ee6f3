#include "support/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace quorum {

std::string Diagnostic::format() const {
  std::string out = pos.path.empty() ? std::string("quorum") : pos.path;
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column > 0) out += ':' + std::to_string(pos.column);
  }
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  return out;
}

void Diagnostics::error(SourcePos pos, std::string message) {
  all_.push_back({Severity::error, std::move(pos), std::move(message)});
  ++error_count_;
}

void Diagnostics::warning(SourcePos pos, std::string message) {
  all_.push_back({Severity::warning, std::move(pos), std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = all_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.path, a.pos.line, a.pos.column) <
           std::tie(b.pos.path, b.pos.line, b.pos.column);
  });
  return out;
}

}  // namespace quorum
