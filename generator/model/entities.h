// Every entity of the content model (../shared/content-model.md), as the later stages see
// it: validated, with ids resolved, withheld material already removed.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/statuses.h"
#include "parse/markdown.h"
#include "support/date.h"
#include "support/diagnostics.h"

namespace quorum {

// Someone named in the record: a person, a post ("Director of Public Health, Thurrock
// Council"), or a post and who holds it.
struct PersonRef {
  std::string person;  // person id, or ""
  std::string post;    // the seat's title, or ""
  std::string role;    // free text ("Chair", "Corporate Director") when given
  SourcePos pos;
  bool operator==(const PersonRef&) const = default;
};

// A Markdown body and what it contains.
//
// Its text is not kept when it is its file's own (`in_file`): an archive's bodies are most
// of its bytes, and the model is held for the whole build, so SiteModel::body_text reads the
// text again when a page is rendered. Text that is not a file's (a description in YAML, or
// minutes with exempt sections cut out) stays in `markdown`.
struct Body {
  std::string markdown;  // the text, unless `in_file`
  std::string path;
  int first_line = 1;
  MarkdownOutline outline;
  bool in_file = false;  // the text is `path`'s bytes (without a BOM) from `offset` on
  std::size_t offset = 0;
  std::string file_fingerprint;  // of those bytes, to notice a file changed since it was read
  bool blank = true;             // no text but white space
  [[nodiscard]] bool empty() const { return blank; }
  bool operator==(const Body&) const = default;
};

struct AccessibilityInfo {
  std::string contact;
  std::optional<Date> last_tested;
  std::vector<std::string> known_issues;
  // `full`, `partial` or `non-compliant`; when site.yaml is silent, `partial` if there are
  // known issues, else `full`.
  std::string compliance = "full";
  std::optional<Date> prepared;  // when the statement was first prepared
};

// site.yaml `theme_options:`, validated: only `#rrggbb` colours (lower case) get here.
struct ThemeOptions {
  // Option name ("brand", "brand_text", "link", "text", "background", "focus",
  // "focus_text") -> "#rrggbb". Only the colours site.yaml sets.
  std::map<std::string, std::string> colours;
  std::string logo;  // repository path of the image, "" for none
  std::string logo_alt;
  SourcePos logo_pos;  // where site.yaml names it

  // The option names, in a fixed order.
  static const std::vector<std::string>& colour_names();
  // The default theme's value of a colour (themes/default/assets/quorum.css), "" if unknown.
  static std::string default_colour(const std::string& name);
  // What site.yaml set, else the default theme's value.
  [[nodiscard]] std::string colour(const std::string& name) const;
};

struct Site {
  std::string title;
  std::string base_url = "/";
  std::string language = "en-GB";
  std::string timezone = "Europe/London";
  std::string organisation;
  std::string contact_email;
  std::string theme = "default";
  std::string draft_minutes = "publish";
  // site.yaml `history: {messages}`: `show` commit messages in page histories (never those of
  // a commit that touched withheld material), or `hide` them all.
  std::string history_messages = "show";
  std::string source_url;                                     // pattern with {commit}
  std::string data_licence = "Open Government Licence v3.0";  // of the files under /data/
  std::set<Date> bank_holidays;  // site.yaml `bank_holidays:`, for the publishing rules
  AccessibilityInfo accessibility;
  ThemeOptions theme_options;
  SourcePos pos;
};

struct Organisation {
  std::string id, name, short_name, kind, url;
  std::vector<std::string> replaced_by;  // usually one successor; a split body has several
  std::optional<Date> established, dissolved;
  SourcePos pos;
};

struct Position {
  std::string title, organisation;
  std::optional<Date> from, to;
};

// A sensitive interest keeps only its category: the description is never stored.
struct Interest {
  std::string category, description;
  std::optional<Date> registered, removed;
  bool sensitive = false;
};

struct Person {
  std::string id, name, honorific;
  std::vector<Position> positions;
  std::vector<Interest> interests;
  SourcePos pos;

  [[nodiscard]] std::string display_name() const { return honorific.empty() ? name : honorific + " " + name; }
  // The position held on a day (the latest one that had started), if any.
  [[nodiscard]] const Position* position_on(const Date& day) const;
  [[nodiscard]] const Position* current_position() const;
};

struct Member {
  PersonRef who;
  std::string role = "member";
  std::string representing;
  std::optional<Date> from, to;
  std::optional<bool> voting;
};

struct TermsOfReference {
  std::string version, approved_at;
  PaperStatus status = PaperStatus::approved;
  std::optional<Date> date;
  Body body;
};

struct Committee {
  std::string id, name, short_name, kind, meets, contact, external_url;
  std::vector<std::string> organisations, reports_to, replaces, replaced_by;
  std::optional<Date> established, dissolved;
  std::vector<Member> members;
  std::optional<Body> description;
  std::optional<TermsOfReference> terms;
  std::vector<std::string> meetings;  // meeting ids, oldest first
  SourcePos pos;
};

struct Attendee {
  PersonRef who;
  std::string substitute_for;  // person id
  bool operator==(const Attendee&) const = default;
};

struct Attendance {
  std::vector<Attendee> present, apologies, in_attendance, absent;
  [[nodiscard]] bool empty() const {
    return present.empty() && apologies.empty() && in_attendance.empty() && absent.empty();
  }
  bool operator==(const Attendance&) const = default;
};

struct Declaration {
  std::string person, item, kind, nature, action;
  SourcePos pos;
  bool operator==(const Declaration&) const = default;
};

struct AgendaItem {
  std::string number, title, kind, report, pages, minutes_of;
  std::optional<Body> description;  // never set for an exempt item
  std::vector<PersonRef> presenters;
  std::vector<std::string> papers_from, wards, topics;
  std::optional<bool> key_decision;
  std::string exempt_paragraph;  // "" for a public item; its reason is never stored
  SourcePos pos;
  [[nodiscard]] bool exempt() const { return !exempt_paragraph.empty(); }
  bool operator==(const AgendaItem&) const = default;
};

// Agenda items by number, for Meeting::item: a search of the whole agenda per lookup made a
// meeting's pages cost the square of its items. Made from the agenda the first time it is
// asked for (on any thread; two threads may both make it, and either result is right), and
// made again when the agenda has moved or changed size. It is derived from the agenda, not
// part of the meeting: a copy starts empty and any two compare equal.
class AgendaIndex {
 public:
  AgendaIndex() = default;
  AgendaIndex(const AgendaIndex& /*other*/) {}
  AgendaIndex& operator=(const AgendaIndex& /*other*/) {
    entries_.store(nullptr);
    return *this;
  }
  ~AgendaIndex() = default;
  bool operator==(const AgendaIndex& /*other*/) const { return true; }
  // The item numbered `number` as written, else the first whose number differs only in case.
  [[nodiscard]] const struct AgendaItem* find(const std::vector<struct AgendaItem>& agenda,
                                              const std::string& number) const;

 private:
  struct Entries;
  mutable std::atomic<std::shared_ptr<const Entries>> entries_;
};

struct Action {
  std::string item, action, done;
  PersonRef owner;
  std::optional<Date> due;
  bool operator==(const Action&) const = default;
};

struct Minutes {
  PaperStatus status = PaperStatus::approved;
  std::string approved_at;
  std::vector<Action> actions;
  Body body;  // exempt sections already cut out
  bool operator==(const Minutes&) const = default;
};

struct Appendix {
  std::string title, file, report, document;  // file: repository path
  SourcePos pos;
  bool operator==(const Appendix&) const = default;
};

struct Report {
  std::string id, slug, meeting, title, item, classification = "public", paragraph;
  std::vector<PersonRef> report_of, accountable, authors;
  std::vector<std::string> wards, recommendations, background_papers, topics;
  std::optional<bool> key_decision;
  std::vector<Appendix> appendices;
  Body body;
  bool exempt = false;  // an exempt report keeps its id only, to validate references
  SourcePos pos;
  bool operator==(const Report&) const = default;
};

struct Attachment {
  std::string path;  // repository path
  std::string name;  // file name
  std::size_t bytes = 0;
  bool operator==(const Attachment&) const = default;
};

struct Meeting {
  std::string id, committee, slug, venue, kind = "ordinary", status_note, webcast;
  MeetingStatus status = MeetingStatus::scheduled;
  Date date;
  std::optional<TimeOfDay> start, end;
  std::optional<Date> agenda_published;
  Attendance attendance;
  bool declarations_none = false;
  std::vector<Declaration> declarations;
  std::vector<AgendaItem> agenda;
  std::optional<Minutes> minutes;
  std::map<std::string, Report> reports;  // by slug, public and exempt
  std::vector<Attachment> attachments;    // published files in the meeting folder
  SourcePos pos;
  [[nodiscard]] const AgendaItem* item(const std::string& number) const;
  bool operator==(const Meeting&) const = default;

 private:
  AgendaIndex index_;  // for item(): a meeting of 3,000 items is looked up 3,000 times
};

struct DocumentAttachment {
  std::string title, file;
  SourcePos pos;
};

struct Document {
  std::string id, title, kind, owner, version, period, approved_at, supersedes;
  PaperStatus status = PaperStatus::approved;
  std::vector<DocumentAttachment> attachments;
  std::vector<std::string> topics;
  Body body;
  SourcePos pos;
};

}  // namespace quorum
