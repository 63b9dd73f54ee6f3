#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "model/body_text.h"
#include "model/loader.h"
#include "model/parse_cache.h"
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

AgendaItem read_agenda_item(Context& ctx, const YAML::Node& node, const YamlSource& source,
                            const std::string& meeting) {
  const std::string number = scalar_field(node, "number");
  YamlFields f(node, source, (number.empty() ? std::string("an agenda item") : "agenda item " + number) + " of " + meeting,
               ctx.diags);
  AgendaItem item;
  item.pos = f.pos();
  item.number = f.text("number", Need::required);
  item.title = f.text("title", Need::required);
  item.report = f.text("report");
  item.kind = f.choice("kind", {"apologies", "minutes", "urgent", "declarations", "report",
                                "standing", "other"},
                       Need::optional, item.report.empty() ? "other" : "report");
  item.presenters = read_person_refs(f, "presenter");
  item.pages = f.text("pages");
  item.minutes_of = f.text("minutes_of");
  item.papers_from = f.text_list("papers_from");
  item.key_decision = f.boolean("key_decision");
  item.wards = f.text_list("wards");
  item.topics = f.text_list("topics");
  if (f.has("exempt")) {
    YamlFields ef(f.node("exempt"), source, "exempt section", ctx.diags);
    item.exempt_paragraph = ef.choice("paragraph", {"1", "2", "3", "4", "5", "6", "7"},
                                      Need::required, "?");
    // Read for validation only: the reason is never published, only searched for (tripwire).
    const std::string reason = ef.text("reason");
    withhold_text(ctx, reason, "the reason of exempt item " + item.number + " of " + meeting,
                  ef.pos_of("reason"), item.title);
    ef.finish();
  }
  const std::string description = f.text("description");
  if (!description.empty() && !item.exempt()) {
    const SourcePos at = f.pos_of("description");
    item.description = make_body(description, source.path, at.line);
  } else if (item.exempt()) {
    withhold_text(ctx, description, "the description of exempt item " + item.number + " of " + meeting,
                  f.pos_of("description"), item.title);
  }
  f.finish();
  return item;
}

// The level a heading was written at ('#' markers or a setext underline), which the outline's
// level is not when the body uses '#' headings and is shifted down under the page's h1.
int written_heading_level(const std::vector<std::string>& lines, std::size_t at, int fallback) {
  if (at >= lines.size()) return fallback;
  const std::string line = trim(lines[at]);
  const auto hashes = std::min(line.find_first_not_of('#'), line.size());
  if (hashes >= 1 && hashes <= 6) return static_cast<int>(hashes);
  const std::string under = at + 1 < lines.size() ? trim(lines[at + 1]) : std::string();
  if (!under.empty() && under[0] == '=') return 1;
  if (!under.empty() && under[0] == '-') return 2;
  return fallback;
}

// Exempt items' minutes sections are replaced, line for line, by their heading and a
// notice, so later line numbers still point at the real file and nothing of the section
// survives in the model.
// Nothing (and no copy of the text) when the minutes have no exempt section, as most don't.
std::optional<std::string> cut_exempt_sections(const Body& body, const Meeting& meeting,
                                               const SourceTree& tree) {
  std::vector<std::string> lines;
  const auto& headings = body.outline.headings;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    const AgendaItem* item = meeting.item(headings[h].item);
    if (item == nullptr || !item->exempt() || headings[h].item.empty()) continue;
    if (lines.empty()) lines = split(body_text(body, tree), '\n');
    std::size_t end_line = lines.size();
    for (std::size_t k = h + 1; k < headings.size(); ++k) {
      if (headings[k].level <= headings[h].level) {
        end_line = static_cast<std::size_t>(headings[k].line - body.first_line);
        break;
      }
    }
    const auto start = static_cast<std::size_t>(headings[h].line - body.first_line);
    const int level = written_heading_level(lines, start, headings[h].level);
    for (std::size_t l = start; l < end_line && l < lines.size(); ++l) lines[l].clear();
    if (start < lines.size()) {
      lines[start] = std::string(static_cast<std::size_t>(level), '#') + " " +
                     markdown_escape(item->number) + ". " + markdown_escape(item->title);
    }
    if (start + 2 < end_line && start + 2 < lines.size()) {
      lines[start + 2] = "*This item was considered in private: the public were excluded under "
                         "paragraph " + item->exempt_paragraph +
                         " of Schedule 12A to the Local Government Act 1972.*";
    }
  }
  if (lines.empty()) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() ? "\n" : "");
  return out;
}

void load_minutes(Context& ctx, Meeting& m, const std::string& path) {
  auto file = read_markdown_file(ctx, path);
  if (!file) return;
  Minutes minutes;
  if (file->front) {
    YamlFields f(*file->front, file->front_source, "minutes of " + meeting_label(ctx, m.committee, m.slug),
                 ctx.diags);
    minutes.status = f.choice("status", {"draft", "approved"}, Need::optional, "draft");
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
      if (item != nullptr && item->exempt()) {  // an exempt item's actions are private
        withhold_text(ctx, a.action,
                      "an action of exempt item " + item->number + " in the minutes of " +
                          meeting_label(ctx, m.committee, m.slug),
                      af.pos_of("action"), item->title);
        continue;
      }
      minutes.actions.push_back(std::move(a));
    }
    f.finish();
  } else {
    minutes.status = "draft";
    ctx.diags.warning({path, 1, 1}, "minutes without front matter are published as a draft; add "
                                    "'status: approved' and 'approved_at:' once approved");
  }
  // With exempt sections cut, the outline is made again: their headings, links and
  // decisions must not reach the model. Cutting reads the text again; a file saved since it
  // was parsed (a working-tree build) is reported, and these minutes are left out.
  std::optional<std::string> public_text;
  try {
    public_text = cut_exempt_sections(file->body, m, ctx.tree);
  } catch (const std::runtime_error& e) {
    ctx.diags.error({path, 0, 0}, e.what());
    return;
  }
  // The minutes of a meeting with private business may hold it in their outline (exempt
  // sections) or front matter (an exempt item's actions): kept out of the parse cache whole.
  const bool private_business =
      std::any_of(m.agenda.begin(), m.agenda.end(), [](const AgendaItem& a) { return a.exempt(); });
  if (private_business && ctx.cache != nullptr) ctx.cache->withhold(path);
  if (public_text) {
    minutes.body = make_body(std::move(*public_text), path, file->body.first_line);
  } else {
    minutes.body = std::move(file->body);
  }
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
    ctx.diags.error({path, 1, 1}, "a report starts with front matter between '---' lines, with "
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
  if (r.exempt) {
    // An exempt report keeps its id and item only: what it says never enters the model
    // (only the tripwire's list), and its appendices' files are withheld from the copy.
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
    for (const auto& a : r.appendices) {
      if (!a.file.empty()) ctx.withheld_files.insert(a.file);
    }
    ctx.model.withheld_paths.insert(path);
    if (ctx.cache != nullptr) ctx.cache->withhold(path);
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
  for (auto it = std::lower_bound(all.begin(), all.end(), prefix); it != all.end() && it->rfind(prefix, 0) == 0; ++it) {
    out.push_back(*it);
  }
  return out;
}

}  // namespace

void load_meeting(Context& ctx, const std::string& committee, const std::string& folder) {
  const std::string path = folder + "/meeting.yaml";
  const std::string slug = folder.substr(folder.rfind('/') + 1);
  if (!ctx.tree.exists(path)) {
    ctx.diags.error({folder, 0, 0}, "this meeting folder has no meeting.yaml; every meeting needs "
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
    const bool matches = slug == date->iso() ||
                         (slug.rfind(date->iso() + "-", 0) == 0 && is_slug(slug.substr(11)));
    if (!matches) {
      ctx.diags.error(f.pos_of("date"), "the meeting's date is " + date->iso() +
                                            " but its folder is named '" + slug +
                                            "': name the folder " + date->iso() +
                                            " (or " + date->iso() + "-suffix for a second meeting that day)");
    }
  }
  m.start = f.time("start");
  m.end = f.time("end");
  m.venue = f.text("venue");
  m.kind = f.choice("kind", {"ordinary", "extraordinary"}, Need::optional, "ordinary");
  m.status = f.choice("status", {"scheduled", "held", "cancelled", "postponed"}, Need::required,
                      "scheduled");
  m.status_note = f.text("status_note");
  m.agenda_published = f.date("agenda_published");
  m.webcast = f.text("webcast");
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
    if (!item.number.empty() && !numbers.insert(item.number).second) {
      ctx.diags.error(item.pos, "Meeting " + slug + " of " + committee_label(ctx, committee) +
                                    ": two agenda items are numbered '" + item.number + "'");
    }
    m.agenda.push_back(std::move(item));
  }
  f.finish();

  const std::string reports_prefix = folder + "/reports/";
  for (const auto& file : files_under(ctx.tree, reports_prefix)) {
    if (file.size() > 3 &&
        file.compare(file.size() - 3, 3, ".md") == 0 &&
        file.find('/', reports_prefix.size()) == std::string::npos) {
      load_report(ctx, m, file);
    }
  }
  for (const auto& item : m.agenda) {
    if (!item.report.empty() && m.reports.count(item.report) == 0) {
      std::vector<std::string> slugs;
      for (const auto& [slug_of_report, report] : m.reports) slugs.push_back(slug_of_report);
      std::string message = "Meeting " + slug + " of " + committee_label(ctx, committee) + ": agenda item " +
                            item.number + " points to report '" + item.report + "', but there is no file " +
                            reports_prefix + item.report + ".md";
      if (const auto guess = nearest(item.report, slugs); !guess.empty()) message += ". Did you mean '" + guess + "'?";
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
    if (file == path || file == folder + "/minutes.md") continue;
    if (file.rfind(reports_prefix, 0) == 0 && file.size() > 3 &&
        file.compare(file.size() - 3, 3, ".md") == 0) {
      continue;
    }
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
