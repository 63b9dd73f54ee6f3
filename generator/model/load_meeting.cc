#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "model/body_text.h"
#include "model/loader.h"
#include "model/meeting_files.h"
#include "model/private_minutes.h"
#include "model/unread_front_matter.h"
#include "parse/markdown_bounds.h"
#include "model/url_check.h"
#include "model/urls.h"
#include "support/text.h"

namespace quorum::loader {
namespace {

std::vector<Attendee> read_attendees(YamlFields& f, const std::string& key) {
  std::vector<Attendee> out;
  for (const auto& item : f.items(key)) {
    Attendee a;
    if (item.IsMap()) {
      YamlFields af(item, f.source(), "attendance entry", f.diags());
      a.who.pos = af.pos_of("person");
      a.who.person = af.text("person");
      a.who.post = af.text("post");
      a.who.role = af.text("role");
      a.substitute_for = af.text("substitute_for");
      if (a.who.person.empty() && a.who.post.empty()) {
        f.diags().error(af.pos(), "an attendance entry needs 'person:' (a person id)");
      }
      af.finish();
    } else {
      a.who = read_person_ref(item, f.source(), f.diags(), "attendance entry");
    }
    out.push_back(std::move(a));
  }
  return out;
}

// `exempt: {paragraph: N, reason: ...}`. Anything else that is not a clear "no" still makes
// the item private (and is an error, so nothing is published until it is written plainly).
void read_exemption(Context& ctx, YamlFields& f, AgendaItem& item) {
  const YAML::Node node = f.node("exempt");
  const SourcePos at = f.pos_of("exempt");
  if (node.IsMap()) {
    YamlFields ef(node, f.source(), "the exempt section of " + f.subject(), ctx.diags);
    item.exempt_paragraph = ef.choice("paragraph", {"1", "2", "3", "4", "5", "6", "7"}, Need::required, "?");
    // Read for validation only: the reason is never published, only searched for (tripwire).
    const std::string reason = ef.text("reason");
    withhold_text(ctx, reason, "the reason for taking agenda item " + item.number + " in private",
                  ef.pos_of("reason"), item.title);
    withhold_files_mentioned_in(ctx, f.source().path, reason,
                                "the reason for taking agenda item " + item.number + " in private");
    ef.finish();
    return;
  }
  const std::string value = node.IsScalar() ? to_lower_ascii(trim(node.Scalar())) : std::string();
  if (value == "false" || value == "no") return;  // written out, but public
  item.exempt_paragraph = "?";
  ctx.diags.error(at, f.subject() +
                          ": 'exempt' must name the paragraph of Schedule 12A that the item is "
                          "taken in private under, for example 'exempt: {paragraph: 3}' (on its own "
                          "line: 'exempt:', then '  paragraph: 3' indented below it). Until it does, "
                          "the item is treated as private and nothing is published");
}

bool is_item_number(const std::string& number) {
  if (number.size() > 12) return false;
  const auto alnum = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  if (!alnum(number[0]) && number[0] != '(') return false;
  bool any = false;
  for (char c : number) {
    if (!alnum(c) && c != '.' && c != '(' && c != ')' && c != '/' && c != '-') return false;
    any = any || alnum(c);
  }
  return any;
}

// The files a private item's description links to are withheld with it, as an exempt report's
// are. Links are read only when the text is within the Markdown limits; otherwise which files
// it names cannot be known, and that is an error.
void withhold_description_links(Context& ctx, const std::string& description, const std::string& path,
                                const SourcePos& at, const std::string& number) {
  if (description.empty()) return;
  if (const auto hazard = find_markdown_hazard(description)) {
    ctx.diags.error(at, "in the description of private agenda item " + number + ", line " +
                            std::to_string(hazard->line) + ": " + hazard->message +
                            " (Quorum must read it to withhold the files it links to)");
    return;
  }
  withhold_files_linked_from(ctx, path, outline_markdown(description, at.line).links,
                             "the description of private agenda item " + number);
}

AgendaItem read_agenda_item(Context& ctx, const YAML::Node& node, const YamlSource& source,
                            const std::string& meeting) {
  const std::string number = scalar_field(node, "number");
  YamlFields f(node, source,
               (number.empty() ? std::string("an agenda item") : "agenda item " + number) + " of " + meeting,
               ctx.diags);
  AgendaItem item;
  item.pos = f.pos();
  item.number = f.text("number", Need::required);
  if (!item.number.empty() && !is_item_number(item.number)) {
    // Minutes tie their sections to items by number: a space, a line break or a stray mark in
    // one would leave a private item's section unplaceable, and its messages unreadable.
    ctx.diags.error(f.pos_of("number"),
                    f.subject() + ": the number '" + item.number +
                        "' can hold only letters, digits, '.', '(', ')', '/' and '-', and must "
                        "begin with a letter, a digit or '(': for example 5, 10a, 7.1, 7(a) or B1");
  }
  item.title = f.text("title", Need::required);
  item.report = f.text("report");
  item.kind =
      f.choice("kind", {"apologies", "minutes", "urgent", "declarations", "report", "standing", "other"},
               Need::optional, item.report.empty() ? "other" : "report");
  item.presenters = read_person_refs(f, "presenter");
  item.pages = f.text("pages");
  item.minutes_of = f.text("minutes_of");
  item.papers_from = f.text_list("papers_from");
  item.key_decision = f.boolean("key_decision");
  item.wards = f.text_list("wards");
  item.topics = f.text_list("topics");
  if (f.written("exempt")) read_exemption(ctx, f, item);
  const std::string description = f.text("description");
  if (!description.empty() && !item.exempt()) {
    const SourcePos at = f.pos_of("description");
    if (const auto hazard = find_markdown_hazard(description)) {
      ctx.diags.error(at,
                      "in this description, line " + std::to_string(hazard->line) + ": " + hazard->message);
    } else {
      item.description = make_body(description, source.path, at.line);
    }
  } else if (item.exempt()) {
    withhold_text(ctx, description, "the description of exempt item " + item.number + " of " + meeting,
                  f.pos_of("description"), item.title);
    withhold_description_links(ctx, description, source.path, f.pos_of("description"), item.number);
    withhold_files_mentioned_in(ctx, source.path, description,
                                "the description of private agenda item " + item.number);
  }
  f.finish();
  return item;
}

void load_minutes(Context& ctx, Meeting& m, const std::string& path) {
  auto file = read_markdown_file(ctx, path);
  if (!file) return;
  const bool private_business = std::any_of(m.agenda.begin(), m.agenda.end(),
                                            [&](const AgendaItem& a) { return is_private_item(m, a); });
  // The minutes of a meeting with private business may hold it in their outline (private
  // sections) or front matter (a private item's actions): kept out of the parse cache whole,
  // whether or not they load.
  if (private_business && ctx.outlines != nullptr) ctx.outlines->withhold(path);
  // The text of minutes with private business is read once, here, to be checked and cut. A
  // file saved since it was parsed (a working-tree build) is reported, and left out.
  std::string text;
  if (private_business) {
    try {
      text = normalise_line_endings(body_text(file->body, ctx.tree));
    } catch (const std::runtime_error& e) {
      ctx.diags.error({path, 0, 0}, e.what());
      return;
    }
  }
  // What looks like front matter but is not read as it (a blank line or a space of any kind
  // before the first '---', four dashes, a title or an empty front matter above it) would be
  // published as text: private actions included.
  std::vector<std::string> private_numbers;
  for (const auto& item : m.agenda) {
    if (is_private_item(m, item)) private_numbers.push_back(item.number);
  }
  if (private_business && holds_unread_front_matter(text, {"status", "approved_at", "actions"}, private_numbers)) {
    ctx.diags.error({path, 1, 1},
                    "these minutes hold front matter ('---' with 'status:' or 'actions:') that Quorum "
                    "does not read as front matter, and their meeting has private business, so the "
                    "actions of a private item would be published as text. Put the front matter on "
                    "the very first lines of the file: '---' on line 1 with nothing before it (not "
                    "a title, a comment, a blank line or a space), then 'status: draft' (or "
                    "'approved') and the actions, then '---'; and only once");
    return;
  }
  Minutes minutes;
  if (file->front) {
    YamlFields f(*file->front, file->front_source, "minutes of " + meeting_label(ctx, m.committee, m.slug),
                 ctx.diags);
    minutes.status = f.choice("status", kMinutesOrTermsStatuses, Need::optional, PaperStatus::draft);
    minutes.approved_at = f.text("approved_at");
    for (const auto& node : f.items("actions")) {
      YamlFields af(node, f.source(), "action", ctx.diags);
      Action a;
      a.item = af.text("item");
      a.action = af.text("action", Need::required);
      if (af.has("owner")) {
        a.owner = read_person_ref(af.node("owner"), f.source(), ctx.diags, "action owner");
      }
      a.due = af.date("due");
      a.done = af.text("done");
      af.finish();
      const AgendaItem* item = m.item(a.item);
      if (item != nullptr && is_private_item(m, *item)) {  // a private item's actions are private
        withhold_text(ctx, a.action,
                      "an action of private item " + item->number + " in the minutes of " +
                          meeting_label(ctx, m.committee, m.slug),
                      af.pos_of("action"), item->title);
        continue;
      }
      minutes.actions.push_back(std::move(a));
    }
    f.finish();
  } else {
    minutes.status = PaperStatus::draft;
    ctx.diags.warning({path, 1, 1},
                      "minutes without front matter are published as a draft; add "
                      "'status: approved' and 'approved_at:' once approved");
  }
  // With private sections cut, the outline is made again from what is left: their headings,
  // links and decisions must not reach the model.
  if (!private_business) {
    minutes.body = std::move(file->body);
    m.minutes = std::move(minutes);
    return;
  }
  // Each withheld piece's lines, to withhold the files its links name.
  struct PrivateLines {
    int first = 0;
    int last = 0;
    std::string what;
  };
  std::vector<PrivateLines> private_lines;
  auto public_text =
      cut_private_sections(text, file->body.first_line, path, m, ctx.diags,
                           [&ctx, &private_lines, &path](const std::string& cut, const std::string& what,
                                                  const SourcePos& at, const std::string& shown) {
                             withhold_text(ctx, cut, what, at, shown);
                             if (cut.empty()) return;
                             withhold_files_mentioned_in(ctx, path, cut, what);
                             const auto lines = static_cast<int>(std::count(cut.begin(), cut.end(), '\n'));
                             private_lines.push_back({at.line, at.line + std::max(lines, 1) - 1, what});
                           });
  // The files a private section links to are withheld with it, as an exempt report's are.
  // Links are read from the whole text, so that a reference link ("[the bids][b]") resolves
  // through its definition wherever that is.
  if (!private_lines.empty()) {
    for (const auto& link : outline_markdown(text, file->body.first_line).links) {
      for (const auto& lines : private_lines) {
        if (link.line < lines.first || link.line > lines.last) continue;
        withhold_files_linked_from(ctx, path, {link}, lines.what);
        break;
      }
    }
  }
  if (!public_text) return;  // the reasons are errors: these minutes are not published
  minutes.body = make_body(std::move(*public_text), path, file->body.first_line);
  m.minutes = std::move(minutes);
}

Appendix read_appendix(Context& ctx, const YAML::Node& node, const YamlSource& source) {
  YamlFields f(node, source, "appendix", ctx.diags);
  Appendix a;
  a.pos = f.pos();
  a.title = f.text("title", Need::required);
  const std::string file = f.text("file");
  a.report = f.text("report");
  a.document = f.text("document");
  if (!file.empty()) {
    a.pos = f.pos_of("file");
    a.file = resolve_relative(source.path, file);
    if (a.file.empty()) {
      ctx.diags.error(a.pos, "the appendix file '" + file +
                                 "' leads outside the repository; name a file inside it, "
                                 "relative to this report");
    }
  }
  if (file.empty() && a.report.empty() && a.document.empty()) {
    ctx.diags.error(f.pos(), "an appendix needs 'file:', 'report:' or 'document:'");
  }
  f.finish();
  return a;
}

void load_report(Context& ctx, Meeting& m, const std::string& path) {
  auto file = read_markdown_file(ctx, path);
  Report r;
  r.slug = path.substr(path.rfind('/') + 1);
  r.slug = id_from_name(ctx, r.slug.substr(0, r.slug.size() - 3), path, "report");
  r.meeting = m.id;
  r.id = m.id + "/" + r.slug;
  r.pos = {path, 1, 1};
  if (!file) {
    // The reason is reported; keep the id so links to it are not also called missing.
    m.reports.emplace(r.slug, std::move(r));
    return;
  }
  if (!file->front) {
    ctx.diags.error({path, 1, 1},
                    "a report starts with front matter between '---' lines, with "
                    "at least 'title' and 'item'");
    m.reports.emplace(r.slug, std::move(r));
    return;
  }
  YamlFields f(*file->front, file->front_source,
               "report '" + r.slug + "' to " + meeting_label(ctx, m.committee, m.slug), ctx.diags);
  r.title = f.text("title", Need::required);
  r.item = f.text("item", Need::required);
  r.classification = f.choice("classification", {"public", "exempt"}, Need::optional, "public");
  r.paragraph = f.text("paragraph");
  const AgendaItem* item = m.item(r.item);
  const bool listed_exempt = std::any_of(m.agenda.begin(), m.agenda.end(), [&](const AgendaItem& a) {
    return a.report == r.slug && a.exempt();
  });
  r.exempt = r.classification == "exempt" || listed_exempt || (item != nullptr && item->exempt());
  r.report_of = read_person_refs(f, "report_of");
  r.accountable = read_person_refs(f, "accountable");
  r.authors = read_person_refs(f, "authors");
  r.wards = f.text_list("wards");
  r.key_decision = f.boolean("key_decision");
  r.recommendations = f.text_list("recommendations");
  r.background_papers = f.text_list("background_papers");
  r.topics = f.text_list("topics");
  for (const auto& node : f.items("appendices")) r.appendices.push_back(read_appendix(ctx, node, f.source()));
  f.finish();
  if (r.exempt && item != nullptr && !item->exempt()) {
    // Otherwise the item's minutes section, description and actions would be public while
    // its report is withheld: private business half-marked is an error, never output.
    ctx.diags.error(f.pos_of("classification"),
                    f.subject() + " is exempt, but agenda item " + item->number + " ('" + item->title +
                        "') is not marked as private business. In meeting.yaml, give item " + item->number +
                        " 'exempt:' with the paragraph, for example 'exempt: {paragraph: " +
                        (r.paragraph.empty() ? std::string("3") : r.paragraph) +
                        "}', so that its minutes are withheld too; or make this report public");
  }
  if (r.exempt) {
    // An exempt report keeps its id and item only: what it says never enters the model
    // (only the tripwire's list), and every file it names is withheld from the copy.
    const std::string public_title = item != nullptr ? item->title : std::string();
    const std::string what = "exempt report '" + r.slug + "' of " + meeting_label(ctx, m.committee, m.slug);
    withhold_text(ctx, r.title, "the title of " + what, f.pos_of("title"), public_title);
    for (const auto& recommendation : r.recommendations) {
      withhold_text(ctx, recommendation, "a recommendation of " + what, f.pos_of("recommendations"),
                    public_title);
    }
    try {
      withhold_text(ctx, body_text(file->body, ctx.tree), "the text of " + what,
                    {path, file->body.first_line, 1});
    } catch (const std::runtime_error&) {
      withhold_text(ctx, ctx.tree.read(path).value_or(""), "the text of " + what, {path, 1, 1});
    }
    withhold_exempt_report_files(ctx, path, r.appendices, file->body);
    // Its whole file, front matter included: a name in raw HTML or a site address is not a link.
    withhold_files_mentioned_in(ctx, path, ctx.tree.read(path).value_or(""), "the private report " + path);
    withhold_files_named_after(ctx, path);
    ctx.model.withheld_paths.insert(path);
    ctx.withheld_because.emplace(path, "its meeting's private business (it is a private report)");
    if (ctx.outlines != nullptr) ctx.outlines->withhold(path);
    Report stub;
    stub.id = r.id;
    stub.slug = r.slug;
    stub.meeting = r.meeting;
    stub.item = r.item;
    stub.classification = "exempt";
    stub.exempt = true;
    stub.pos = r.pos;
    m.reports.emplace(stub.slug, std::move(stub));
    return;
  }
  if (item == nullptr && !r.item.empty()) {
    std::string numbers;
    for (const auto& a : m.agenda) numbers += (numbers.empty() ? "" : ", ") + a.number;
    ctx.diags.error(f.pos_of("item"), f.subject() + ": this report is for agenda item '" + r.item +
                                          "', but the meeting's agenda has no item with that number" +
                                          (numbers.empty() ? std::string(" (it has no items)")
                                                           : " (its items are " + numbers + ")"));
  }
  r.body = std::move(file->body);
  m.reports.emplace(r.slug, std::move(r));
}

// The files whose path starts with `prefix`: a range of the sorted list, so loading stays
// linear in the size of the archive rather than meetings times files.
std::vector<std::string> files_under(const SourceTree& tree, const std::string& prefix) {
  const auto& all = tree.files();
  std::vector<std::string> out;
  for (auto it = std::lower_bound(all.begin(), all.end(), prefix);
       it != all.end() && it->rfind(prefix, 0) == 0; ++it) {
    out.push_back(*it);
  }
  return out;
}

}  // namespace

void load_meeting(Context& ctx, const std::string& committee, const std::string& folder) {
  const std::string path = folder + "/meeting.yaml";
  const std::string slug = folder.substr(folder.rfind('/') + 1);
  if (!ctx.tree.exists(path)) {
    ctx.diags.error({folder, 0, 0},
                    "this meeting folder has no meeting.yaml; every meeting needs "
                    "one with its 'date' and 'status'");
    return;
  }
  const auto node = read_yaml_file(ctx, path);
  if (!node) return;
  Meeting m;
  m.committee = committee;
  m.slug = slug;
  m.id = committee + "/" + slug;
  YamlFields f(*node, {path, 1}, meeting_label(ctx, committee, slug), ctx.diags);
  m.pos = f.pos();
  const auto date = f.date("date", Need::required);
  if (date) {
    m.date = *date;
    const bool matches =
        slug == date->iso() || (slug.rfind(date->iso() + "-", 0) == 0 && is_slug(slug.substr(11)));
    if (!matches) {
      ctx.diags.error(f.pos_of("date"), "the meeting's date is " + date->iso() +
                                            " but its folder is named '" + slug + "': name the folder " +
                                            date->iso() + " (or " + date->iso() +
                                            "-suffix for a second meeting that day)");
    }
  }
  m.start = f.time("start");
  m.end = f.time("end");
  m.venue = f.text("venue");
  m.kind = f.choice("kind", {"ordinary", "extraordinary"}, Need::optional, "ordinary");
  m.status = f.choice("status", kMeetingStatuses, Need::required, MeetingStatus::scheduled);
  m.status_note = f.text("status_note");
  m.agenda_published = f.date("agenda_published");
  m.webcast = read_url(f, "webcast", UrlUse::link);
  if (f.has("attendance")) {
    YamlFields af(f.node("attendance"), f.source(), "attendance", ctx.diags);
    m.attendance.present = read_attendees(af, "present");
    m.attendance.apologies = read_attendees(af, "apologies");
    m.attendance.in_attendance = read_attendees(af, "in_attendance");
    m.attendance.absent = read_attendees(af, "absent");
    af.finish();
  }
  if (f.has("declarations")) {
    const YAML::Node decl = f.node("declarations");
    if (decl.IsScalar() && to_lower_ascii(decl.Scalar()) == "none") {
      m.declarations_none = true;
    } else {
      for (const auto& item : f.items("declarations")) {
        YamlFields df(item, f.source(), "declaration", ctx.diags);
        Declaration d;
        d.pos = df.pos_of("person");
        d.person = df.text("person", Need::required);
        d.item = df.text("item");
        d.kind = df.choice("kind", {"pecuniary", "non-pecuniary", "other"}, Need::optional, "other");
        d.nature = df.text("nature");
        d.action = df.text("action");
        df.finish();
        m.declarations.push_back(std::move(d));
      }
    }
  }
  std::set<std::string> numbers;
  for (const auto& node_item : f.items("agenda")) {
    AgendaItem item = read_agenda_item(ctx, node_item, f.source(), "meeting " + slug);
    if (!item.number.empty() && !numbers.insert(to_lower_ascii(item.number)).second) {
      ctx.diags.error(item.pos, "Meeting " + slug + " of " + committee_label(ctx, committee) +
                                    ": two agenda items are numbered '" + item.number + "'");
    }
    m.agenda.push_back(std::move(item));
  }
  f.finish();

  const std::string reports_prefix = folder + "/reports/";
  for (const auto& file : files_under(ctx.tree, reports_prefix)) {
    if (classify_meeting_file(folder, file).kind == MeetingFile::Kind::report) load_report(ctx, m, file);
  }
  for (const auto& item : m.agenda) {
    if (!item.report.empty() && m.reports.count(item.report) == 0) {
      std::vector<std::string> slugs;
      for (const auto& [slug_of_report, report] : m.reports) slugs.push_back(slug_of_report);
      std::string message = "Meeting " + slug + " of " + committee_label(ctx, committee) + ": agenda item " +
                            item.number + " points to report '" + item.report + "', but there is no file " +
                            reports_prefix + item.report + ".md";
      if (const auto guess = nearest(item.report, slugs); !guess.empty())
        message += ". Did you mean '" + guess + "'?";
      ctx.diags.error(item.pos, message);
    }
  }
  if (const std::string minutes = folder + "/minutes.md"; ctx.tree.exists(minutes)) {
    load_minutes(ctx, m, minutes);
  }
  // Papers whose names differ only by case would overwrite each other on a web server or a
  // laptop that ignores case (Windows, macOS): one of them would silently not be published.
  std::map<std::string, std::string> by_folded_name;
  for (const auto& file : files_under(ctx.tree, folder + "/")) {
    // Only known files are published: a misnamed file is an error, never a paper.
    const MeetingFile kind = classify_meeting_file(folder, file);
    if (kind.kind == MeetingFile::Kind::refused) ctx.diags.error({file, 0, 0}, kind.problem);
    if (kind.kind == MeetingFile::Kind::ignored) ctx.diags.warning({file, 0, 0}, kind.problem);
    if (kind.kind != MeetingFile::Kind::attachment) continue;
    const std::string name = file.substr(file.rfind('/') + 1);
    if (const auto [it, fresh] = by_folded_name.emplace(to_lower_ascii(name), file); !fresh) {
      ctx.diags.error({file, 0, 0}, "this file's name differs from '" + it->second +
                                        "' only by upper and lower case; many web servers and "
                                        "computers treat them as one file. Rename one of them");
      continue;
    }
    m.attachments.push_back({file, name, ctx.tree.size(file).value_or(0)});
  }
  ctx.model.meetings.emplace(m.id, std::move(m));
}

}  // namespace quorum::loader
