// Every reference in the record resolves or is an error naming file, line and the unknown
// id; every resolved reference becomes a back-link on the page it points to.
#include <algorithm>
#include <map>
#include <unordered_set>

#include "model/loader.h"
#include "model/meeting_files.h"
#include "model/references.h"
#include "support/text.h"

namespace quorum::loader {
namespace {

template <typename Map>
std::vector<std::string> keys_of(const Map& map) {
  std::vector<std::string> out;
  for (const auto& [k, v] : map) out.push_back(k);
  return out;
}

// The same positive rule as a meeting folder's files (model/meeting_files.h): a file named
// anywhere is published only when it is of a known, safe kind.
bool is_publishable_file(const std::string& path) {
  return path.rfind("content/", 0) == 0 && is_attachment_type(path);
}

// Which field of the thing being checked holds a reference, by the relation it makes:
// "the attendance list names person 'x'".
std::string field_phrase(const std::string& relation) {
  static const std::map<std::string, std::string> kPhrases = {
      {"publisher", "'organisation'"},
      {"replaces", "'replaced_by'"},
      {"replaced by", "'replaces'"},
      {"constituent body", "'organisations'"},
      {"reports here", "'reports_to'"},
      {"member", "the members list"},
      {"represented", "a member's 'representing'"},
      {"approved terms of reference", "'approved_at'"},
      {"meeting", "the folder"},
      {"attended", "the attendance list"},
      {"substituted", "'substitute_for'"},
      {"apologies", "the apologies list"},
      {"absent", "the absent list"},
      {"declared an interest", "a declaration"},
      {"presented", "'presenter'"},
      {"minutes approved", "'minutes_of'"},
      {"papers received", "'papers_from'"},
      {"approved minutes", "'approved_at'"},
      {"action owner", "an action's 'owner'"},
      {"report of", "'report_of'"},
      {"author", "'authors'"},
      {"appendix", "an appendix"},
      {"owns", "'owner'"},
      {"approved", "'approved_at'"},
      {"superseded by", "'supersedes'"},
  };
  const auto it = kPhrases.find(relation);
  return it != kPhrases.end() ? it->second : "a field";
}

class Checker {
 public:
  explicit Checker(Context& ctx) : ctx_(ctx), model_(ctx.model) {}

  // Each back-link once, in the order first found. The set answers "seen before?" without
  // scanning the target's list, which for a person at thousands of meetings made this
  // quadratic in the archive.
  void link(const Key& target, const Key& from, const std::string& relation) {
    const Key page = target.substr(0, target.find('#'));
    if (!linked_.insert(page + '\0' + from + '\0' + relation).second) return;
    model_.backlinks[page].push_back(BackLink{from, relation});
  }

  template <typename Map>
  bool id(const Map& map, const std::string& kind, const std::string& file_hint,
          const std::string& value, const SourcePos& pos, const Key& from, const std::string& relation) {
    if (value.empty()) return false;
    if (map.count(value) != 0) {
      link(kind + ":" + value, from, relation);
      return true;
    }
    std::string message = subject_ + ": " + (item_.empty() ? "" : "agenda item " + item_ + "'s ") +
                          field_phrase(relation) + " names " + kind + " '" + value + "', but there is no " +
                          file_hint;
    if (const auto guess = nearest(value, keys_of(map)); !guess.empty()) {
      message += ". Did you mean '" + guess + "'?";
    }
    ctx_.diags.error(pos, message);
    return false;
  }

  void person(const std::string& value, const SourcePos& pos, const Key& from, const std::string& relation) {
    id(model_.people, "person", "file content/people/" + value + ".yaml", value, pos, from, relation);
  }
  void person(const PersonRef& ref, const Key& from, const std::string& relation) {
    person(ref.person, ref.pos, from, relation);
  }
  void organisation(const std::string& value, const SourcePos& pos, const Key& from, const std::string& relation) {
    id(model_.organisations, "organisation", "file content/organisations/" + value + ".yaml", value, pos, from,
       relation);
  }
  void committee(const std::string& value, const SourcePos& pos, const Key& from, const std::string& relation) {
    id(model_.committees, "committee", "file content/committees/" + value + "/committee.yaml", value, pos, from,
       relation);
  }
  void meeting(const std::string& value, const SourcePos& pos, const Key& from, const std::string& relation) {
    const auto slash = value.find('/');
    const std::string hint = slash == std::string::npos
                                 ? "meeting with that id (write committee-id/YYYY-MM-DD)"
                                 : "file content/committees/" + value.substr(0, slash) + "/meetings/" +
                                       value.substr(slash + 1) + "/meeting.yaml";
    id(model_.meetings, "meeting", hint, value, pos, from, relation);
  }
  void document(const std::string& value, const SourcePos& pos, const Key& from, const std::string& relation) {
    id(model_.documents, "document", "file content/documents/" + value + ".md", value, pos, from, relation);
  }

  void file(const std::string& path, const SourcePos& pos, const Key& from) {
    if (!ctx_.tree.exists(path)) {
      std::string message = subject_ + ": there is no file " + path + " in the repository";
      const std::string name = path.substr(path.rfind('/') + 1);
      if (const auto guess = nearest(name, names_beside(path)); !guess.empty()) {
        message += ". Did you mean '" + guess + "'?";
      }
      ctx_.diags.error(pos, message);
    } else if (!is_publishable_file(path)) {
      ctx_.diags.error(pos, subject_ + ": " + path + " is not a file that is published (only PDF, Word, "
                                "Excel, CSV, PowerPoint, OpenDocument, image, audio, video, .zip and .msg "
                                "files are); link to its page instead, or save it as one of those");
    } else if (ctx_.withheld_files.count(path) == 0) {
      model_.published_files.insert(path);
      link("file:" + path, from, "attached");
    } else {
      // Withheld wins: the file stays private and this link is shown as plain text.
      ctx_.diags.warning(
          pos, subject_ + ": this links to " + path + ", which is withheld with " + why_withheld(ctx_, path) +
                   ", so the file is not published and this link is shown as plain text. If the "
                   "file is public, take it out of the private business");
    }
  }

  void body(const Body& body, const Key& from) {
    for (const auto& l : body.outline.links) {
      const SourcePos pos{body.path, l.line, l.column};
      const ResolvedLink r = resolve_link(model_, body.path, l.url);
      switch (r.kind) {
        case ResolvedLink::Kind::page: link(r.key, from, "mentioned"); break;
        case ResolvedLink::Kind::file: file(r.file, pos, from); break;
        case ResolvedLink::Kind::unsafe: ctx_.diags.warning(pos, subject_ + ": " + r.message); break;
        case ResolvedLink::Kind::error: ctx_.diags.error(pos, subject_ + ": " + r.message); break;
        default: break;
      }
    }
  }

  void check_all() {
    const Site& s = model_.site;
    subject_ = "site.yaml";
    if (!s.organisation.empty()) organisation(s.organisation, s.pos, "home:", "publisher");
    for (const auto& [oid, o] : model_.organisations) {
      subject_ = "Organisation '" + (o.name.empty() ? oid : o.name) + "'";
      for (const auto& r : o.replaced_by) organisation(r, o.pos, "organisation:" + oid, "replaces");
    }
    for (const auto& [pid, p] : model_.people) {
      for (const auto& pos : p.positions) {
        if (!pos.organisation.empty() && model_.organisations.count(pos.organisation) != 0) {
          link("organisation:" + pos.organisation, "person:" + pid, "works here");
        }
      }
    }
    for (const auto& [cid, c] : model_.committees) check_committee(c);
    for (const auto& [mid, m] : model_.meetings) check_meeting(m);
    for (const auto& [did, d] : model_.documents) check_document(d);
  }

 private:
  void check_committee(const Committee& c) {
    const Key from = "committee:" + c.id;
    subject_ = "Committee '" + (c.name.empty() ? c.id : c.name) + "'";
    for (const auto& o : c.organisations) organisation(o, c.pos, from, "constituent body");
    for (const auto& r : c.reports_to) {
      if (r == c.id) ctx_.diags.error(c.pos, subject_ + ": a committee cannot report to itself");
      committee(r, c.pos, from, "reports here");
    }
    for (const auto& r : c.replaces) committee(r, c.pos, from, "replaced by");
    for (const auto& r : c.replaced_by) committee(r, c.pos, from, "replaces");
    for (const auto& m : c.members) {
      person(m.who, from, "member");
      if (!m.representing.empty()) organisation(m.representing, m.who.pos, from, "represented");
    }
    if (c.description) body(*c.description, from);
    if (c.terms) {
      const Key terms = "terms:" + c.id;
      subject_ = "Terms of reference of " + (c.name.empty() ? c.id : c.name);
      if (!c.terms->approved_at.empty()) meeting(c.terms->approved_at, c.terms->body.path.empty() ? c.pos : SourcePos{c.terms->body.path, 2, 1}, terms, "approved terms of reference");
      body(c.terms->body, terms);
    }
  }

  void check_meeting(const Meeting& m) {
    const Key from = "meeting:" + m.id;
    subject_ = "Meeting " + meeting_words(m);
    committee(m.committee, m.pos, from, "meeting");
    for (const auto* list : {&m.attendance.present, &m.attendance.in_attendance}) {
      for (const auto& a : *list) {
        person(a.who, from, "attended");
        if (!a.substitute_for.empty()) person(a.substitute_for, a.who.pos, from, "substituted");
      }
    }
    for (const auto& a : m.attendance.apologies) person(a.who, from, "apologies");
    for (const auto& a : m.attendance.absent) person(a.who, from, "absent");
    for (const auto& d : m.declarations) {
      person(d.person, d.pos, from, "declared an interest");
      if (!d.item.empty() && m.item(d.item) == nullptr) {
        ctx_.diags.error(d.pos, subject_ + ": a declaration is for item '" + d.item +
                                    "', but the agenda has no such item");
      }
    }
    for (const auto& item : m.agenda) {
      const Key item_key = from + "#item-" + item.number;
      item_ = item.number;
      for (const auto& p : item.presenters) person(p, item_key, "presented");
      if (!item.minutes_of.empty()) meeting(item.minutes_of, item.pos, from, "minutes approved");
      for (const auto& p : item.papers_from) meeting(p, item.pos, from, "papers received");
      item_.clear();
      if (item.description) body(*item.description, from);
    }
    for (const auto& [slug, r] : m.reports) {
      if (!r.exempt) check_report(r);
    }
    if (m.minutes) {
      const Key minutes = "minutes:" + m.id;
      subject_ = "Minutes of the meeting " + meeting_words(m);
      const SourcePos at{m.minutes->body.path, 1, 1};
      if (!m.minutes->approved_at.empty()) meeting(m.minutes->approved_at, at, minutes, "approved minutes");
      for (const auto& a : m.minutes->actions) {
        if (!a.owner.person.empty()) person(a.owner, minutes, "action owner");
        if (!a.item.empty() && m.item(a.item) == nullptr) {
          ctx_.diags.error(at, subject_ + ": an action is for item '" + a.item + "', but the agenda has no such item");
        }
      }
      body(m.minutes->body, minutes);
    }
    for (const auto& a : m.attachments) {
      if (ctx_.withheld_files.count(a.path) == 0) model_.published_files.insert(a.path);
    }
  }

  void check_report(const Report& r) {
    const Key from = "report:" + r.id;
    const Meeting* m = model_.meeting(r.meeting);
    subject_ = "Report '" + r.slug + "'" + (m != nullptr ? " to the meeting " + meeting_words(*m) : std::string());
    for (const auto* list : {&r.report_of, &r.accountable}) {
      for (const auto& p : *list) person(p, from, "report of");
    }
    for (const auto& p : r.authors) person(p, from, "author");
    for (const auto& a : r.appendices) {
      if (!a.file.empty()) file(a.file, a.pos, from);
      if (!a.document.empty()) document(a.document, a.pos, from, "appendix");
      if (!a.report.empty()) {
        const ResolvedLink link = resolve_link(model_, r.pos.path, "report:" + a.report);
        if (link.kind == ResolvedLink::Kind::error) ctx_.diags.error(a.pos, subject_ + ": " + link.message);
        if (link.kind == ResolvedLink::Kind::page) this->link(link.key, from, "appendix");
      }
    }
    body(r.body, from);
  }

  void check_document(const Document& d) {
    const Key from = "document:" + d.id;
    subject_ = "Document '" + (d.title.empty() ? d.id : d.title) + "'";
    if (!d.owner.empty()) committee(d.owner, d.pos, from, "owns");
    if (!d.approved_at.empty()) meeting(d.approved_at, d.pos, from, "approved");
    if (!d.supersedes.empty()) document(d.supersedes, d.pos, from, "superseded by");
    for (const auto& a : d.attachments) {
      if (!a.file.empty()) file(a.file, a.pos, from);
    }
    body(d.body, from);
  }

  // "2017-09-08 of Health and Wellbeing Board": how a clerk names a meeting.
  std::string meeting_words(const Meeting& m) const {
    const auto it = model_.committees.find(m.committee);
    const std::string name = it != model_.committees.end() && !it->second.name.empty() ? it->second.name : m.committee;
    return m.slug + " of " + name;
  }

  // Names of the files in the same folder as `path`, for "did you mean" when a link names a
  // missing one (compared by name: whole paths share too much to tell typos apart).
  std::vector<std::string> names_beside(const std::string& path) const {
    const std::string folder = path.substr(0, path.rfind('/') + 1);
    std::vector<std::string> out;
    const auto& all = ctx_.tree.files();
    for (auto it = std::lower_bound(all.begin(), all.end(), folder); it != all.end() && it->rfind(folder, 0) == 0; ++it) {
      if (it->find('/', folder.size()) == std::string::npos) out.push_back(it->substr(folder.size()));
    }
    return out;
  }

  Context& ctx_;
  SiteModel& model_;
  std::unordered_set<std::string> linked_;  // target page, from and relation of each back-link
  std::string subject_;  // what is being checked, to begin each message
  std::string item_;     // the agenda item being checked, or ""
};

}  // namespace

void check_references(Context& ctx) { Checker(ctx).check_all(); }

}  // namespace quorum::loader
