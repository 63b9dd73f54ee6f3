#include "cli/reload_script.h"

namespace quorum {

std::string with_reload_script(std::string html, std::uint64_t generation) {
  // A failed request (the server stopped, or is restarting) is retried after a second; a new
  // server counts builds from 1 again, so any different number means "reload".
  const std::string script =
      "<script id=\"" + std::string(kReloadScriptId) +
      "\">/* added by quorum serve, not part of the site */\n"
      "(function () {\n"
      "  var seen = '" +
      std::to_string(generation) +
      "';\n"
      "  function wait() {\n"
      "    fetch('" +
      std::string(kEventsPath) +
      "?since=' + seen, {cache: 'no-store'})\n"
      "      .then(function (r) { return r.text(); })\n"
      "      .then(function (now) { if (now.trim() !== seen) { location.reload(); } else { wait(); } })\n"
      "      .catch(function () { setTimeout(wait, 1000); });\n"
      "  }\n"
      "  wait();\n"
      "})();\n"
      "</script>\n";
  const auto body_end = html.rfind("</body>");
  if (body_end == std::string::npos) {
    html += script;
  } else {
    html.insert(body_end, script);
  }
  return html;
}

}  // namespace quorum
