#include "cli/error_page.h"

#include "support/text.h"

namespace quorum {

ErrorAdvice split_advice(const std::string& message) {
  // Every stage words its suggestion the same way (support/text.h `nearest`).
  for (const char* marker : {". Did you mean ", " Did you mean "}) {
    const auto at = message.find(marker);
    if (at != std::string::npos) {
      const std::size_t skip = marker[0] == '.' ? 2 : 1;
      return {message.substr(0, marker[0] == '.' ? at + 1 : at), message.substr(at + skip)};
    }
  }
  return {message, ""};
}

namespace {

std::string where(const Diagnostic& d) {
  if (d.pos.path.empty()) return "Quorum itself";
  std::string text = "<code>" + html_escape(d.pos.path) + "</code>";
  if (d.pos.line > 0) text += ", line " + std::to_string(d.pos.line);
  if (d.pos.column > 0) text += ", column " + std::to_string(d.pos.column);
  return text;
}

}  // namespace

std::string error_page(const std::vector<Diagnostic>& errors, const std::string& source) {
  const std::string count = std::to_string(errors.size()) + (errors.size() == 1 ? " problem" : " problems");
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Preview: the site could not be built (" +
      count +
      ")</title>\n"
      "<style>body{font:1.1rem/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff;margin:0}"
      "main{max-width:48rem;margin:0 auto;padding:1rem 1.25rem}h1{font-size:1.6rem;color:#8a1c1c}"
      "li{margin:0 0 1.25rem}code{font-size:1rem;background:#f3f2f1;padding:0 .2em;overflow-wrap:anywhere}"
      ".fix{border-left:.3rem solid #1d70b8;padding-left:.6rem}</style>\n"
      "</head>\n<body>\n<main>\n<h1>The site could not be built</h1>\n<p>Quorum found " +
      count + " in the content of <code>" + html_escape(source) + "</code>. Fix " +
      (errors.size() == 1 ? "it" : "them") +
      " and save: this page reloads by itself and shows the site again. "
      "The last site that built correctly is kept until then.</p>\n<ol>\n";
  for (const auto& d : errors) {
    const ErrorAdvice advice = split_advice(d.message);
    html += "<li>\n<p><strong>Where:</strong> " + where(d) + "</p>\n<p><strong>What is wrong:</strong> " +
            html_escape(advice.problem) + "</p>\n";
    if (!advice.suggestion.empty()) {
      html += "<p class=\"fix\"><strong>Suggested fix:</strong> " + html_escape(advice.suggestion) + "</p>\n";
    }
    html += "</li>\n";
  }
  html += "</ol>\n</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace quorum
