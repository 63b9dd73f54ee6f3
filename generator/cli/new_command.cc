#include "cli/new_command.h"

#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "build/run_build.h"
#include "cli/new_skeletons.h"
#include "support/date.h"
#include "support/text.h"

namespace quorum {
namespace fs = std::filesystem;

namespace {

// A failed request: the message for the clerk and the exit code.
struct Refusal {
  int code = kUsage;
  std::string message;
};

std::string did_you_mean(const std::string& wanted, const std::vector<std::string>& known) {
  const std::string guess = nearest(wanted, known);
  return guess.empty() ? std::string() : " Did you mean '" + guess + "'?";
}

std::optional<std::string> read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What `new` needs to know of the content: read from the folders themselves (not the whole
// model), so a mistake elsewhere in the content never stops a clerk starting a new file.
class Content {
 public:
  explicit Content(fs::path root) : root_(std::move(root)) {}

  [[nodiscard]] std::vector<std::string> committees() const {
    return folders("content/committees", "committee.yaml");
  }
  [[nodiscard]] std::vector<std::string> meetings(const std::string& committee) const {
    return folders("content/committees/" + committee + "/meetings", "meeting.yaml");
  }
  [[nodiscard]] fs::path path(const std::string& relative) const { return root_ / relative; }

  // A meeting's status as written, "" when it cannot be read.
  [[nodiscard]] std::string meeting_status(const std::string& committee, const std::string& meeting) const {
    const YAML::Node node =
        yaml("content/committees/" + committee + "/meetings/" + meeting + "/meeting.yaml");
    return node.IsMap() && node["status"].IsScalar() ? node["status"].Scalar() : std::string();
  }

  [[nodiscard]] YAML::Node yaml(const std::string& relative) const {
    const auto text = read_text(path(relative));
    if (!text) return {};
    try {
      return YAML::Load(*text);
    } catch (const YAML::Exception&) {
      return {};
    }
  }

 private:
  // Names of the sub-folders of `under` that hold `marker`, sorted.
  [[nodiscard]] std::vector<std::string> folders(const std::string& under, const std::string& marker) const {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(root_ / under, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_directory() && fs::exists(it->path() / marker))
        out.push_back(it->path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  fs::path root_;
};

std::optional<Refusal> bad_id(const std::string& id, const std::string& what) {
  if (is_slug(id)) return std::nullopt;
  std::string message = "'" + id + "' cannot be a " + what +
                        " id: ids use only lower-case letters, digits and "
                        "single hyphens";
  if (const auto s = slugify(id); !s.empty()) message += " (for example '" + s + "')";
  return Refusal{kUsage, message};
}

std::optional<Refusal> unknown_committee(const Content& content, const std::string& id) {
  const auto known = content.committees();
  if (std::find(known.begin(), known.end(), id) != known.end()) return std::nullopt;
  return Refusal{kUsage, "there is no committee '" + id + "': no file content/committees/" + id +
                             "/committee.yaml." + did_you_mean(id, known)};
}

// The latest meeting of `committee` before `date` that can have minutes (not cancelled or
// postponed): the one whose minutes the new meeting approves.
std::string previous_meeting(const Content& content, const std::string& committee, const Date& date) {
  const auto meetings = content.meetings(committee);
  for (auto it = meetings.rbegin(); it != meetings.rend(); ++it) {
    const auto day = Date::parse(it->substr(0, 10));
    if (!day || !(*day < date)) continue;
    const std::string status = content.meeting_status(committee, *it);
    if (status == "cancelled" || status == "postponed") continue;
    return committee + "/" + *it;
  }
  return {};
}

// A symbolic link among the parts of `relative` (content, content/people, the file itself):
// writing through it would write wherever it points, outside the repository perhaps.
std::optional<Refusal> link_on_the_way(const Content& content, const std::string& relative) {
  for (std::size_t slash = 0; slash != std::string::npos;) {
    slash = relative.find('/', slash + 1);
    const std::string part = relative.substr(0, slash);
    struct stat st {};
    if (::lstat(content.path(part).c_str(), &st) != 0) return std::nullopt;  // made by new
    if (!S_ISLNK(st.st_mode)) continue;
    std::error_code ec;
    const std::string target = fs::read_symlink(content.path(part), ec).string();
    return Refusal{kContentErrors,
                   part + " is a symbolic link (to " + target +
                       "); quorum new never writes through a link, since what it points at may "
                       "be outside the repository. Nothing was written. Put the real " +
                       (slash == std::string::npos ? "file" : "folder") +
                       " there instead of the link, or write " + relative + " by hand"};
  }
  return std::nullopt;
}

// Creates `relative` with `text`, never replacing a file (fopen "wx" fails if one appeared).
std::optional<Refusal> create_file(const Content& content, const std::string& relative,
                                   const std::string& text) {
  if (auto link = link_on_the_way(content, relative)) return link;
  const fs::path file = content.path(relative);
  if (fs::exists(file)) {
    return Refusal{kContentErrors, relative +
                                       " already exists; nothing was written. Edit that file, or choose "
                                       "another id or date"};
  }
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::FILE* f = std::fopen(file.string().c_str(), "wx");
  if (f == nullptr) return Refusal{kContentErrors, "could not create " + relative};
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) return Refusal{kContentErrors, "could not write " + relative};
  return std::nullopt;
}

std::optional<Refusal> need(const std::vector<std::string>& args, std::size_t count,
                            const std::string& usage) {
  if (args.size() == count) return std::nullopt;
  return Refusal{kUsage, "usage: quorum new " + usage};
}

std::optional<Refusal> need_text(const std::string& value, const std::string& option,
                                 const std::string& what) {
  if (!trim(value).empty()) return std::nullopt;
  return Refusal{kUsage, what + " needs " + option + " \"...\""};
}

struct Made {
  std::vector<std::string> paths;  // repository paths written or changed
  std::string next;                // what to do next
};

using Result = std::pair<std::optional<Refusal>, Made>;

Result new_committee(const NewRequest& r, const Content& content) {
  if (auto bad = need(r.args, 1, "committee <id> --name \"...\" [--kind KIND] [--parent ID]"))
    return {bad, {}};
  const std::string& id = r.args[0];
  if (auto bad = bad_id(id, "committee")) return {bad, {}};
  if (auto bad = need_text(r.name, "--name", "a committee")) return {bad, {}};
  const std::string kind = r.kind.empty() ? "committee" : r.kind;
  const auto& kinds = committee_kinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    return {Refusal{kUsage, "--kind '" + kind + "' is not a kind of committee (" + join_words(kinds) + ")." +
                                did_you_mean(kind, kinds)},
            {}};
  }
  if (!r.parent.empty()) {
    if (auto bad = unknown_committee(content, r.parent)) return {bad, {}};
  }
  const std::string path = "content/committees/" + id + "/committee.yaml";
  if (auto bad = create_file(content, path, committee_skeleton(r.name, kind, r.parent))) return {bad, {}};
  return {std::nullopt,
          {{path},
           "add its members, and optionally content/committees/" + id +
               "/index.md describing what it does; "
               "then `quorum new meeting " +
               id + " YYYY-MM-DD` for its first meeting"}};
}

Result new_meeting(const NewRequest& r, const Content& content) {
  if (auto bad = need(r.args, 2, "meeting <committee-id> <YYYY-MM-DD> [--time HH:MM] [--venue \"...\"]")) {
    return {bad, {}};
  }
  const std::string& committee = r.args[0];
  if (auto bad = unknown_committee(content, committee)) return {bad, {}};
  const auto date = Date::parse(r.args[1]);
  if (!date) {
    return {
        Refusal{kUsage, "'" + r.args[1] + "' is not a date: write it as YYYY-MM-DD, for example 2017-09-08"},
        {}};
  }
  if (!r.time.empty() && !TimeOfDay::parse(r.time)) {
    return {Refusal{kUsage, "--time '" + r.time +
                                "' is not a time: write it as HH:MM on the 24-hour clock, "
                                "for example 14:00"},
            {}};
  }
  const std::string minutes_of = previous_meeting(content, committee, *date);
  const std::string path = "content/committees/" + committee + "/meetings/" + date->iso() + "/meeting.yaml";
  if (auto bad = create_file(content, path, meeting_skeleton(*date, r.time, r.venue, minutes_of))) {
    if (bad->code == kContentErrors) {
      bad->message += " (for a second meeting that day, name its folder " + date->iso() + "-suffix)";
    }
    return {bad, {}};
  }
  std::string next =
      "add the agenda items between the standing ones, and a report for each with `quorum new "
      "report " +
      committee + "/" + date->iso() + " <slug> --title \"...\"`";
  if (minutes_of.empty()) next += "; there is no earlier meeting, so there are no minutes to approve";
  return {std::nullopt, {{path}, next}};
}

// The agenda numbers in a meeting.yaml, in order.
std::vector<std::string> agenda_numbers(const YAML::Node& meeting) {
  std::vector<std::string> out;
  if (!meeting.IsMap() || !meeting["agenda"].IsSequence()) return out;
  for (const auto& item : meeting["agenda"]) {
    if (item.IsMap() && item["number"].IsScalar()) out.push_back(item["number"].Scalar());
  }
  return out;
}

Result new_report(const NewRequest& r, const Content& content) {
  const std::string usage = "report <committee-id>/<meeting-date> <slug> --title \"...\" [--item N]";
  if (auto bad = need(r.args, 2, usage)) return {bad, {}};
  const std::string& meeting_id = r.args[0];
  const auto slash = meeting_id.find('/');
  if (slash == std::string::npos) return {Refusal{kUsage, "usage: quorum new " + usage}, {}};
  const std::string committee = meeting_id.substr(0, slash);
  const std::string meeting = meeting_id.substr(slash + 1);
  if (auto bad = unknown_committee(content, committee)) return {bad, {}};
  const auto meetings = content.meetings(committee);
  if (std::find(meetings.begin(), meetings.end(), meeting) == meetings.end()) {
    std::vector<std::string> ids;
    for (const auto& m : meetings) ids.push_back(committee + "/" + m);
    return {
        Refusal{kUsage, "there is no meeting '" + meeting_id + "': no file content/committees/" + committee +
                            "/meetings/" + meeting + "/meeting.yaml." + did_you_mean(meeting_id, ids)},
        {}};
  }
  const std::string& slug = r.args[1];
  if (auto bad = bad_id(slug, "report")) return {bad, {}};
  if (auto bad = need_text(r.title, "--title", "a report")) return {bad, {}};

  const std::string folder = "content/committees/" + committee + "/meetings/" + meeting;
  const std::string meeting_path = folder + "/meeting.yaml";
  const std::string path = folder + "/reports/" + slug + ".md";
  if (fs::exists(content.path(path))) return {create_file(content, path, ""), {}};
  const auto numbers = agenda_numbers(content.yaml(meeting_path));
  std::string item = r.item;
  const bool listed = !item.empty() && std::find(numbers.begin(), numbers.end(), item) != numbers.end();
  std::string agenda_note;
  if (!listed) {
    if (item.empty()) item = next_agenda_number(numbers);
    const auto text = read_text(content.path(meeting_path));
    const auto changed = text ? with_agenda_item(*text, item, r.title, slug) : std::nullopt;
    if (!changed) {
      return {Refusal{kUsage, "could not add agenda item " + item + " to " + meeting_path +
                                  " (its agenda is not a simple list); add the item yourself, then run this "
                                  "again with --item " +
                                  item},
              {}};
    }
    // Both files are checked before either is written.
    if (auto link = link_on_the_way(content, meeting_path)) return {link, {}};
    if (auto bad = create_file(content, path, report_skeleton(r.title, item))) return {bad, {}};
    std::ofstream(content.path(meeting_path), std::ios::binary | std::ios::trunc) << *changed;
    agenda_note = "agenda item " + item + " was added at the end of the agenda in " + meeting_path +
                  "; move it if it belongs elsewhere. ";
    return {std::nullopt,
            {{path, meeting_path},
             agenda_note + "Write the report below its front matter; its appendices go in " + folder + "/"}};
  }
  if (auto bad = create_file(content, path, report_skeleton(r.title, item))) return {bad, {}};
  return {std::nullopt,
          {{path},
           "write the report below its front matter (agenda item " + item +
               " already points at "
               "its number; add 'report: " +
               slug + "' to that item to link them)"}};
}

Result new_person(const NewRequest& r, const Content& content) {
  if (auto bad = need(r.args, 1, "person <id> --name \"...\"")) return {bad, {}};
  const std::string& id = r.args[0];
  if (auto bad = bad_id(id, "person")) return {bad, {}};
  if (auto bad = need_text(r.name, "--name", "a person")) return {bad, {}};
  const std::string path = "content/people/" + id + ".yaml";
  if (auto bad = create_file(content, path, person_skeleton(r.name))) return {bad, {}};
  return {std::nullopt,
          {{path}, "add their positions and register of interests; name them elsewhere as '" + id + "'"}};
}

Result new_document(const NewRequest& r, const Content& content) {
  if (auto bad = need(r.args, 1, "document <id> --title \"...\" [--kind KIND]")) return {bad, {}};
  const std::string& id = r.args[0];
  if (auto bad = bad_id(id, "document")) return {bad, {}};
  if (auto bad = need_text(r.title, "--title", "a document")) return {bad, {}};
  const std::string kind = r.kind.empty() ? "other" : r.kind;
  const auto& kinds = document_kinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    return {Refusal{kUsage, "--kind '" + kind + "' is not a kind of document (" + join_words(kinds) + ")." +
                                did_you_mean(kind, kinds)},
            {}};
  }
  const std::string path = "content/documents/" + id + ".md";
  if (auto bad = create_file(content, path, document_skeleton(r.title, kind))) return {bad, {}};
  return {std::nullopt, {{path}, "write the document below its front matter, and set 'owner' and 'status'"}};
}

}  // namespace

const std::vector<std::string>& new_kinds() {
  static const std::vector<std::string> kinds = {"committee", "meeting", "report", "person", "document"};
  return kinds;
}

int run_new(const NewRequest& request, std::ostream& out, std::ostream& err) {
  const Content content(request.source);
  if (!fs::is_directory(content.path("content")) && !fs::exists(content.path("site-config/site.yaml"))) {
    err << "quorum new: " << request.source.string()
        << " holds no content/ or site-config/ folder; run this in the site's repository, or give --source\n";
    return kUsage;
  }
  Result result;
  if (request.what == "committee") result = new_committee(request, content);
  if (request.what == "meeting") result = new_meeting(request, content);
  if (request.what == "report") result = new_report(request, content);
  if (request.what == "person") result = new_person(request, content);
  if (request.what == "document") result = new_document(request, content);
  if (result.first) {
    err << "quorum new: " << result.first->message << '\n';
    return result.first->code;
  }
  for (std::size_t i = 0; i < result.second.paths.size(); ++i) {
    out << (i == 0 ? "Created " : "Changed ") << result.second.paths[i] << '\n';
  }
  out << "Next: " << result.second.next << ".\nThen run `quorum check` and commit the new file"
      << (result.second.paths.size() > 1 ? "s" : "") << ".\n";
  return kOk;
}

}  // namespace quorum
