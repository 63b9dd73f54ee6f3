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

namespace {

// GitHub's escaping for a workflow command's message (data): % and line breaks.
std::string github_data(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

// A property value (file=..., title=...) also escapes the separators ':' and ','.
std::string github_property(const std::string& text) {
  std::string out;
  for (const char c : github_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string Diagnostic::format(DiagnosticStyle style) const {
  if (style == DiagnosticStyle::text) return format();
  std::string out = severity == Severity::error ? "::error " : "::warning ";
  if (!pos.path.empty()) {
    out += "file=" + github_property(pos.path) + ",";
    if (pos.line > 0) {
      out += "line=" + std::to_string(pos.line) + ",";
      if (pos.column > 0) out += "col=" + std::to_string(pos.column) + ",";
    }
  }
  out += "title=Quorum::" + github_data(message);
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
