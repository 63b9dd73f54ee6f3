#include "model/withheld_history.h"

#include <algorithm>

#include "support/text.h"

namespace quorum {
namespace {

// "content/committees/<c>/meetings/<m>" for a file in a meeting's folder, else "".
std::string meeting_folder_of(const std::string& path) {
  const auto parts = split(path, '/');
  if (parts.size() < 6 || parts[0] != "content" || parts[1] != "committees" || parts[3] != "meetings")
    return {};
  return parts[0] + "/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/" + parts[4];
}

bool is_person_file(const std::string& path) {
  const auto parts = split(path, '/');
  return parts.size() == 3 && parts[0] == "content" && parts[1] == "people";
}

// A file under a meeting's reports/ that is text a report could be written in (a report
// saved as .MD or .markdown by mistake counts: it may have been published raw at the time).
bool is_report_text(const std::string& folder, const std::string& path) {
  const std::string reports = folder + "/reports/";
  if (path.rfind(reports, 0) != 0) return false;
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  if (dot == std::string::npos || dot < slash) return true;
  const std::string ext = to_lower_ascii(path.substr(dot + 1));
  return ext == "md" || ext == "markdown" || ext == "mdown" || ext == "txt" || ext == "text";
}

// A meeting.yaml's or person's file's words, for a version other than the built one. A YAML
// escape ("\x65xempt") can spell any key, so a backslash counts as the word.
bool mentions_or_escapes(const CommitSide& side, const std::string& file, const char* word) {
  return side.mentions(file, word) || side.mentions(file, "\\");
}

bool is_meeting_text(const std::string& folder, const std::string& path) {
  return path == folder + "/meeting.yaml" || path == folder + "/minutes.md" || is_report_text(folder, path);
}

// A file under content/ outside meeting folders that is not Markdown or YAML.
bool is_paper_outside_meetings(const std::string& path) {
  if (path.rfind("content/", 0) != 0) return false;
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  if (dot == std::string::npos || dot < slash) return true;
  const std::string ext = to_lower_ascii(path.substr(dot + 1));
  return ext != "md" && ext != "markdown" && ext != "yaml" && ext != "yml";
}

// A paper in a version other than the built one may have been an appendix of an exempt
// report anywhere in the archive, which nothing left in the built commit can tell: withheld.
// As built, the model decides.
void judge_paper(const std::string& path, const CommitSide& side, PastVerdict& verdict) {
  if (!side.has(path)) return;
  if (side.same_as_built(path)) {
    verdict.if_built.insert(path);
  } else {
    verdict.withheld = true;
  }
}

class ContentPrivacy final : public PastPrivacy {
 public:
  [[nodiscard]] PastVerdict classify(const std::string& path, const CommitSide& side) const override {
    PastVerdict verdict;
    // As built, the model decides; another version is judged by its words.
    const auto judge = [&](const std::string& file, const char* word) {
      if (side.same_as_built(file)) {
        verdict.if_built.insert(file);
      } else if (mentions_or_escapes(side, file, word)) {
        verdict.withheld = true;
      }
    };
    if (is_person_file(path)) judge(path, "sensitive");
    const std::string folder = meeting_folder_of(path);
    if (folder.empty()) {
      // A paper elsewhere under content/ (a document's attachment) may have been an exempt
      // report's appendix too, which a report may keep anywhere in the repository.
      if (is_paper_outside_meetings(path)) judge_paper(path, side, verdict);
      return verdict;
    }
    judge(folder + "/meeting.yaml", "exempt");
    // Any exempt report in the folder then made its meeting private (an older version may not
    // have marked the item exempt as well).
    for (const auto& report : side.files_in(folder + "/reports")) {
      if (is_report_text(folder, report)) judge(report, "exempt");
    }
    // Any other file of a meeting folder is a paper.
    if (!is_meeting_text(folder, path)) judge_paper(path, side, verdict);
    return verdict;
  }
};

// Withheld material in the built commit (see withheld_history.h).
class WithheldNow {
 public:
  explicit WithheldNow(const SiteModel& model) : model_(model) {
    for (const auto& [id, m] : model.meetings) {
      if (std::any_of(m.agenda.begin(), m.agenda.end(), [](const AgendaItem& i) { return i.exempt(); })) {
        private_folders_.insert(meeting_folder_of(m.pos.path));
      }
    }
    for (const auto& [id, p] : model.people) {
      if (std::any_of(p.interests.begin(), p.interests.end(),
                      [](const Interest& i) { return i.sensitive; })) {
        sensitive_people_.insert(p.pos.path);
      }
    }
  }

  [[nodiscard]] bool operator()(const std::string& path) const {
    if (path.empty()) return false;
    if (model_.withheld_paths.count(path) != 0 || sensitive_people_.count(path) != 0) return true;
    const std::string folder = meeting_folder_of(path);
    return !folder.empty() && private_folders_.count(folder) != 0;
  }

 private:
  const SiteModel& model_;
  std::set<std::string> private_folders_;  // "content/committees/<c>/meetings/<m>"
  std::set<std::string> sensitive_people_;
};

}  // namespace

const PastPrivacy& content_privacy() {
  static const ContentPrivacy kRule;
  return kRule;
}

void find_withheld_commits(SiteModel& model) {
  const WithheldNow withheld_now(model);
  // Commit -> a withheld file it touched, to name in the tripwire's message.
  std::map<std::string, std::string> why;
  for (const auto& l : model.history.lineages()) {
    const bool withheld = l.withheld_then || withheld_now(l.path) ||
                          std::any_of(l.withheld_if.begin(), l.withheld_if.end(), withheld_now);
    if (!withheld) continue;
    for (const auto& c : l.commits) why.emplace(c, l.last_name);
  }
  // By the names of the built commit's withheld files too, should a walk have missed a lineage.
  for (const auto& c : model.history.commits_touching(model.withheld_paths)) {
    for (const auto& p : model.history.touched_by(c)) {
      if (model.withheld_paths.count(p) != 0) {
        why.emplace(c, p);
        break;
      }
    }
  }
  model.withheld_commits.clear();
  for (const auto& [commit, path] : why) model.withheld_commits.insert(commit);

  // A message a page shows for a commit that is not withheld is published anyway, and so are
  // the words histories say instead of a message.
  std::set<std::string> shown = {"Published", "Updated", "Updated (details withheld)"};
  if (model.site.history_messages == "show") {
    for (const auto& l : model.history.lineages()) {
      for (const auto& c : l.commits) {
        if (model.withheld_commits.count(c) == 0) shown.insert(model.history.summary_of(c));
      }
    }
  }
  for (const auto& [commit, path] : why) {
    const std::string& message = model.history.summary_of(commit);
    if (shown.count(message) != 0) continue;
    model.withheld_texts.add(
        message, "the message of commit " + commit.substr(0, 10) + ", which touched withheld " + path);
  }
}

}  // namespace quorum
