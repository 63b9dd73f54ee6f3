#include "cli/new_skeletons.h"

#include <cstdio>

#include "support/text.h"

namespace quorum {

const std::vector<std::string>& committee_kinds() {
  static const std::vector<std::string> kinds = {"board",     "committee",       "sub-committee",
                                                 "sub-group", "joint-committee", "partnership",
                                                 "executive", "external"};
  return kinds;
}

const std::vector<std::string>& document_kinds() {
  static const std::vector<std::string> kinds = {"strategy", "plan", "policy", "annual-report", "other"};
  return kinds;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string yaml_quote(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", u);
      out += hex;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string committee_skeleton(const std::string& name, const std::string& kind, const std::string& parent) {
  std::string out = "# A committee: fields are described in the content model (docs/content-model.md).\n";
  out += "name: " + yaml_quote(name) + "\n";
  out += "kind: " + kind + "\n";
  if (!parent.empty()) {
    out += "# The first body it reports to is its parent; add further lines of accountability below it.\n";
    out += "reports_to:\n  - " + parent + "\n";
  }
  out += "# meets: bi-monthly\n";
  out += "# organisations: [council-id]\n";
  out += "# members:\n#   - person: person-id\n#     role: chair\n#     from: 2026-01-01\n";
  return out;
}

std::string meeting_skeleton(const Date& date, const std::string& start, const std::string& venue,
                             const std::string& minutes_of) {
  std::string out = "# The meeting of " + date.words() + ". Add the business between the standing items,\n";
  out += "# then the attendance and declarations after the meeting has been held.\n";
  out += "date: " + date.iso() + "\n";
  if (!start.empty()) out += "start: \"" + start + "\"\n";
  out += venue.empty() ? "# venue: Council Chamber, Civic Offices\n" : "venue: " + yaml_quote(venue) + "\n";
  out += "status: scheduled\n";
  out += "agenda:\n";
  int number = 0;
  const auto item = [&](const std::string& title, const std::string& kind) {
    out += "  - number: \"" + std::to_string(++number) + "\"\n";
    out += "    title: " + title + "\n";
    out += "    kind: " + kind + "\n";
  };
  item("Apologies for absence", "apologies");
  item("Declarations of interest", "declarations");
  out += "    description: Members declare any interest in an item on this agenda.\n";
  if (!minutes_of.empty()) {
    item("Minutes of the last meeting", "minutes");
    out += "    minutes_of: " + minutes_of + "\n";
    const auto held = Date::parse(minutes_of.substr(minutes_of.find('/') + 1, 10));
    if (held) {
      out += "    description: To approve as a correct record the minutes of the meeting held on " +
             held->short_words() + ".\n";
    }
  }
  item("Urgent items", "urgent");
  out += "    description: Items the Chair agrees to consider as a matter of urgency.\n";
  return out;
}

std::string report_skeleton(const std::string& title, const std::string& item) {
  std::string out = "---\n";
  out += "title: " + yaml_quote(title) + "\n";
  out += "item: " + yaml_quote(item) + "\n";
  out += "# report_of: [person-id]        # or {post: \"Director of Public Health, Testshire Council\"}\n";
  out += "# authors: [person-id]\n";
  out += "wards: all\n";
  out += "key_decision: false\n";
  out += "recommendations:\n  - That the committee notes the report.\n";
  out += "---\n";
  out += "## Purpose of the report\n\nWhat this report asks the committee to do, and why.\n\n";
  out +=
      "## Background\n\n## Issues and options\n\n## Implications\n\nFinancial, legal, equality and "
      "other implications.\n";
  return out;
}

std::string person_skeleton(const std::string& name) {
  std::string out = "name: " + yaml_quote(name) + "\n";
  out += "# honorific: Councillor\n";
  out += "# positions:\n#   - title: Councillor\n#     organisation: council-id\n#     from: 2026-05-01\n";
  out += "# register:                        # the register of interests\n";
  out += "#   - category: employment\n#     description: Employer and job\n#     registered: 2026-05-01\n";
  return out;
}

std::string document_skeleton(const std::string& title, const std::string& kind) {
  std::string out = "---\n";
  out += "title: " + yaml_quote(title) + "\n";
  out += "kind: " + kind + "\n";
  out += "status: draft\n";
  out +=
      "# owner: committee-id\n# version: \"1.0\"\n# period: 2026-2029\n# approved_at: "
      "committee-id/YYYY-MM-DD\n";
  out += "---\n";
  out += "## Introduction\n\nWhat this document is for and who it is for.\n";
  return out;
}

std::string next_agenda_number(const std::vector<std::string>& numbers) {
  long highest = 0;
  for (const auto& n : numbers) {
    long value = 0;
    std::size_t i = 0;
    for (; i < n.size() && n[i] >= '0' && n[i] <= '9' && value < 100000; ++i)
      value = value * 10 + (n[i] - '0');
    if (i > 0 && value > highest) highest = value;
  }
  return std::to_string(highest + 1);
}

std::optional<std::string> with_agenda_item(const std::string& meeting_yaml, const std::string& number,
                                            const std::string& title, const std::string& report) {
  std::vector<std::string> lines = split(meeting_yaml, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  const auto item_lines = [&](const std::string& indent) {
    return indent + "- number: " + yaml_quote(number) + "\n" + indent + "  title: " + yaml_quote(title) +
           "\n" + indent + "  kind: report\n" + indent + "  report: " + report + "\n";
  };
  const auto join = [](const std::vector<std::string>& from, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end && i < from.size(); ++i) out += from[i] + "\n";
    return out;
  };
  std::size_t at = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("agenda:", 0) == 0) {
      at = i;
      break;
    }
  }
  if (at == lines.size()) return join(lines, 0, lines.size()) + "agenda:\n" + item_lines("  ");
  const std::string rest = trim(lines[at].substr(7));
  if (rest == "[]")
    return join(lines, 0, at) + "agenda:\n" + item_lines("  ") + join(lines, at + 1, lines.size());
  if (!rest.empty() && rest[0] != '#') return std::nullopt;  // a flow list `[...]` or something stranger
  // The block runs to the next line that starts a new top-level key.
  std::size_t end = at + 1;
  std::size_t last_content = at;
  std::string indent;
  for (; end < lines.size(); ++end) {
    const std::string& line = lines[end];
    const std::string stripped = trim(line);
    if (stripped.empty() || stripped[0] == '#') continue;
    const bool top_level = line[0] != ' ' && line[0] != '-';
    if (top_level) break;
    if (indent.empty() && stripped[0] == '-') indent = line.substr(0, line.find('-'));
    last_content = end;
  }
  if (last_content == at) {
    return join(lines, 0, at + 1) + item_lines("  ") + join(lines, at + 1, lines.size());
  }
  return join(lines, 0, last_content + 1) + item_lines(indent) + join(lines, last_content + 1, lines.size());
}

}  // namespace quorum
