// The one error type of Quorum, and the collector every stage reports into.
//
// A build never stops at the first mistake: each stage records every problem it finds
// with the file, line and column it came from, and the command line prints them all
// together before deciding whether anything may be written.
#pragma once

#include <string>
#include <vector>

namespace quorum {

// A place in a source file. Lines and columns are 1-based; 0 means "unknown".
struct SourcePos {
  std::string path;  // repository-relative, with forward slashes
  int line = 0;
  int column = 0;
  bool operator==(const SourcePos&) const = default;
};

enum class Severity { warning, error };

// How diagnostics are printed: `text` for people and editors, `github` as GitHub Actions
// workflow commands (`::error file=...,line=...::message`), which a pull request shows on
// the changed line.
enum class DiagnosticStyle { text, github };

struct Diagnostic {
  Severity severity = Severity::error;
  SourcePos pos;
  std::string message;

  // `path:line:column: error: message`, the form editors and CI annotations understand.
  [[nodiscard]] std::string format() const;
  [[nodiscard]] std::string format(DiagnosticStyle style) const;
};

class Diagnostics {
 public:
  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);

  [[nodiscard]] bool has_errors() const { return error_count_ > 0; }
  [[nodiscard]] std::size_t error_count() const { return error_count_; }
  [[nodiscard]] std::size_t warning_count() const { return all_.size() - error_count_; }

  // Sorted by path, line, column so output is stable however the stages were scheduled.
  [[nodiscard]] std::vector<Diagnostic> sorted() const;
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return all_; }

 private:
  std::vector<Diagnostic> all_;
  std::size_t error_count_ = 0;
};

}  // namespace quorum
