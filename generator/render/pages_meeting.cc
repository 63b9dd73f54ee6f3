#include <algorithm>

#include "model/urls.h"
#include "render/labels.h"
#include "render/pages.h"
#include "support/text.h"

namespace quorum {
namespace {

std::string meeting_title(const PageContext& ctx, const Meeting& m) {
  const Committee* c = ctx.model().committee_of(m);
  return (c != nullptr ? c->name : m.committee) + ", " + m.date.words();
}

json meeting_trail(const PageContext& ctx, const Meeting& m) {
  json trail = ctx.committee_trail(m.committee);
  return trail;
}

// The anchor of an item's section in the minutes, when the minutes have one.
std::string minutes_anchor(const Meeting& m, const std::string& number) {
  if (!m.minutes) return {};
  for (const auto& h : m.minutes->body.outline.headings) {
    if (h.item == number) return h.id;
  }
  return {};
}

json time_json(const std::optional<TimeOfDay>& t) {
  if (!t) return nullptr;
  return {{"iso", t->iso()}, {"words", t->words()}};
}

json attendees(const PageContext& ctx, const std::vector<Attendee>& list, const Date& day) {
  json out = json::array();
  for (const auto& a : list) {
    json p = ctx.person(a.who, day);
    p["substitute_for"] = a.substitute_for.empty() ? json(nullptr) : ctx.person(a.substitute_for, day);
    out.push_back(p);
  }
  return out;
}

json attachment_json(const PageContext& ctx, const std::string& path, const std::string& title,
                     std::size_t bytes) {
  return attachment_link(ctx, path, title, bytes);
}

}  // namespace

bool has_text_version(const SiteModel& model, const std::string& path) {
  const auto it = model.pdfs.find(path);
  return it != model.pdfs.end() && it->second.readable && it->second.has_text &&
         model.published_files.count(path) != 0 && model.withheld_paths.count(path) == 0;
}

json attachment_link(const PageContext& ctx, const std::string& path, const std::string& title, std::size_t bytes) {
  const std::string name = path.substr(path.rfind('/') + 1);
  json out = {{"href", ctx.file_href(path)}, {"text", title.empty() ? name : title},
              {"type", file_type_label(name)}, {"size", bytes != 0 ? json(file_size_words(bytes)) : json(nullptr)},
              {"pages", nullptr}, {"scanned", false}, {"text_version", nullptr}};
  std::string details = file_type_label(name);
  if (bytes != 0) details += ", " + file_size_words(bytes);
  if (const auto it = ctx.model().pdfs.find(path); it != ctx.model().pdfs.end() && it->second.readable) {
    const PdfText& pdf = it->second;
    out["pages"] = pdf.pages;
    details += ", " + std::to_string(pdf.pages) + (pdf.pages == 1 ? " page" : " pages");
    if (!pdf.has_text) {
      out["scanned"] = true;
      details += ", scanned image, no text";
    }
    if (has_text_version(ctx.model(), path)) {
      out["text_version"] = ctx.link("pdf:" + path, "Text version");
      out["text_version"]["attachment_text"] = title.empty() ? name : title;
    }
  }
  out["details"] = details;
  return out;
}

bool minutes_published(const PageContext& ctx, const Meeting& m) {
  return m.minutes.has_value() && !(m.minutes->status == PaperStatus::draft && ctx.model().site.draft_minutes == "hide");
}

json meeting_summary(const PageContext& ctx, const Meeting& m) {
  json out = ctx.link("meeting:" + m.id, meeting_title(ctx, m));
  out["committee"] = ctx.committee(m.committee);
  out["date"] = PageContext::date(m.date);
  out["status"] = status_label(m.status);
  out["status_code"] = std::string(to_string(m.status));
  out["cancelled"] = m.status == MeetingStatus::cancelled;
  out["postponed"] = m.status == MeetingStatus::postponed;
  out["status_note"] = m.status_note;
  out["start"] = time_json(m.start);
  out["has_minutes"] = minutes_published(ctx, m);
  return out;
}

json meeting_page(const PageContext& ctx, const Meeting& m) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("meeting:" + m.id, meeting_title(ctx, m), meeting_trail(ctx, m), "meetings");
  json out = meeting_summary(ctx, m);
  out["end"] = time_json(m.end);
  out["venue"] = m.venue;
  out["extraordinary"] = m.kind == "extraordinary";
  out["agenda_published"] = PageContext::date(m.agenda_published);
  out["webcast"] = m.webcast;
  out["held"] = m.status == MeetingStatus::held;
  json att = {{"present", attendees(ctx, m.attendance.present, m.date)},
              {"apologies", attendees(ctx, m.attendance.apologies, m.date)},
              {"in_attendance", attendees(ctx, m.attendance.in_attendance, m.date)},
              {"absent", attendees(ctx, m.attendance.absent, m.date)}};
  out["attendance"] = m.attendance.empty() ? json(nullptr) : att;
  json decls = json::array();
  for (const auto& d : m.declarations) {
    const AgendaItem* item = m.item(d.item);
    decls.push_back({{"person", ctx.person(d.person, m.date)},
                     {"item", d.item.empty() ? json(nullptr)
                                             : json{{"number", d.item},
                                                    {"href", "#item-" + d.item},
                                                    {"title", item != nullptr ? item->title : ""}}},
                     {"kind", declaration_kind_label(d.kind)},
                     {"nature", d.nature},
                     {"action", d.action}});
  }
  out["declarations"] = decls;
  out["declarations_none"] = m.declarations_none;
  const bool minutes_public = minutes_published(ctx, m);
  json agenda = json::array();
  for (const auto& item : m.agenda) {
    json i = {{"number", item.number}, {"title", item.title}, {"anchor", "item-" + item.number},
              {"pages", item.pages}, {"key_decision", item.key_decision.value_or(false)}};
    if (item.exempt()) {
      i["exempt"] = {{"paragraph", item.exempt_paragraph},
                     {"description", exempt_paragraph_description(item.exempt_paragraph)}};
      agenda.push_back(i);
      continue;
    }
    i["exempt"] = nullptr;
    i["description"] = item.description ? ctx.markdown(*item.description) : "";
    const auto report = m.reports.find(item.report);
    i["report"] = report != m.reports.end() && !report->second.exempt
                      ? ctx.link("report:" + report->second.id, report->second.title)
                      : json(nullptr);
    i["presenters"] = ctx.people(item.presenters, m.date);
    i["minutes_of"] = item.minutes_of.empty() ? json(nullptr) : ctx.link("meeting:" + item.minutes_of);
    if (const Meeting* earlier = model.meeting(item.minutes_of); earlier != nullptr && minutes_published(ctx, *earlier)) {
      i["minutes_of_minutes"] = ctx.link("minutes:" + earlier->id);
    }
    json papers = json::array();
    for (const auto& p : item.papers_from) {
      const Meeting* from = model.meeting(p);
      if (from == nullptr) continue;
      json paper = ctx.link("meeting:" + p);
      paper["minutes"] = minutes_published(ctx, *from) ? ctx.link("minutes:" + p) : json(nullptr);
      papers.push_back(paper);
    }
    i["papers_from"] = papers;
    json wards = json::array();
    for (const auto& w : item.wards) wards.push_back(w == "all" ? "All wards" : w);
    i["wards"] = wards;
    json topics = json::array();
    for (const auto& t : item.topics) topics.push_back(ctx.link("topic:" + t));
    i["topics"] = topics;
    const std::string anchor = minutes_anchor(m, item.number);
    i["minutes_section"] = minutes_public && !anchor.empty()
                               ? ctx.link("minutes:" + m.id + "#" + anchor, "Minutes for item " + item.number)
                               : json(nullptr);
    agenda.push_back(i);
  }
  out["agenda"] = agenda;
  out["minutes"] = minutes_public ? ctx.link("minutes:" + m.id, "Minutes") : json(nullptr);
  if (minutes_public) out["minutes"]["draft"] = m.minutes->status == PaperStatus::draft;
  json files = json::array();
  for (const auto& a : m.attachments) {
    if (model.published_files.count(a.path) != 0) files.push_back(attachment_json(ctx, a.path, "", a.bytes));
  }
  out["attachments"] = files;
  const auto [previous, next] = model.neighbours(m);
  if (previous != nullptr) out["previous"] = meeting_summary(ctx, *previous);
  if (next != nullptr) out["next"] = meeting_summary(ctx, *next);
  // Minutes approved at this meeting.
  page["meeting"] = out;
  return page;
}

json minutes_page(const PageContext& ctx, const Meeting& m) {
  json trail = meeting_trail(ctx, m);
  trail.push_back(ctx.link("meeting:" + m.id, m.date.short_words()));
  json page = ctx.frame("minutes:" + m.id, "Minutes: " + meeting_title(ctx, m), trail, "meetings");
  const Minutes& mi = *m.minutes;
  // "Approved at": as the minutes say, or else the meeting whose agenda approved them.
  std::string approved_at = mi.approved_at;
  if (approved_at.empty()) {
    const auto& approvals = ctx.model().minutes_approved_by;
    if (const auto it = approvals.find(m.id); it != approvals.end()) approved_at = it->second;
  }
  MarkdownRenderOptions options;
  options.mark_decisions = true;
  options.after_item_heading = [&](const std::string& number) -> std::string {
    const AgendaItem* item = m.item(number);
    if (item == nullptr) return {};
    std::string html = "\n<p class=\"section-links\"><a href=\"" +
                       html_escape(ctx.href("meeting:" + m.id + "#item-" + number)) + "\">Agenda item " +
                       html_escape(number) + "</a>";
    const auto report = m.reports.find(item->report);
    if (!item->exempt() && report != m.reports.end() && !report->second.exempt) {
      html += " · <a href=\"" + html_escape(ctx.href("report:" + report->second.id)) + "\">Report: " +
              html_escape(report->second.title) + "</a>";
    }
    return html + "</p>\n";
  };
  json actions = json::array();
  for (const auto& a : mi.actions) {
    actions.push_back({{"item", a.item},
                       {"item_href", a.item.empty() ? "" : ctx.href("meeting:" + m.id + "#item-" + a.item)},
                       {"action", a.action},
                       {"owner", a.owner.person.empty() && a.owner.post.empty() ? json(nullptr) : ctx.person(a.owner, m.date)},
                       {"due", PageContext::date(a.due)},
                       {"done", a.done == "true" || a.done == "yes" ? "Yes" : a.done == "false" || a.done == "no" ? "No" : a.done}});
  }
  page["minutes"] = {{"meeting", meeting_summary(ctx, m)},
                     {"draft", mi.status == PaperStatus::draft},
                     {"status", status_label(mi.status)},
                     {"approved_at", approved_at.empty() ? json(nullptr) : ctx.link("meeting:" + approved_at)},
                     {"body", ctx.markdown(mi.body, options)},
                     {"actions", actions},
                     {"decision_count", mi.body.outline.decisions.size()}};
  return page;
}

json report_page(const PageContext& ctx, const Meeting& m, const Report& r) {
  json trail = meeting_trail(ctx, m);
  trail.push_back(ctx.link("meeting:" + m.id, m.date.short_words()));
  json page = ctx.frame("report:" + r.id, r.title, trail, "meetings");
  json recs = json::array();
  for (const auto& rec : r.recommendations) recs.push_back(rec);
  json appendices = json::array();
  for (const auto& a : r.appendices) {
    if (!a.file.empty()) {
      if (ctx.model().published_files.count(a.file) == 0) continue;
      const std::size_t bytes = [&] {
        for (const auto& att : m.attachments) {
          if (att.path == a.file) return att.bytes;
        }
        return std::size_t{0};
      }();
      appendices.push_back(attachment_json(ctx, a.file, a.title, bytes));
    } else if (!a.document.empty()) {
      json l = ctx.link("document:" + a.document, a.title);
      l["type"] = "Document";
      appendices.push_back(l);
    } else if (!a.report.empty()) {
      const Report* other = ctx.model().report(a.report);
      if (other == nullptr || other->exempt) continue;
      json l = ctx.link("report:" + a.report, a.title);
      l["type"] = "Report";
      appendices.push_back(l);
    }
  }
  json wards = json::array();
  for (const auto& w : r.wards) wards.push_back(w == "all" ? "All wards" : w);
  json topics = json::array();
  for (const auto& t : r.topics) topics.push_back(ctx.link("topic:" + t));
  const AgendaItem* item = m.item(r.item);
  const std::string anchor = minutes_anchor(m, r.item);
  page["report"] = {
      {"title", r.title},
      {"meeting", meeting_summary(ctx, m)},
      {"item", item == nullptr ? json(nullptr)
                               : json{{"number", item->number}, {"title", item->title},
                                      {"href", ctx.href("meeting:" + m.id + "#item-" + item->number)}}},
      {"minutes_section", minutes_published(ctx, m) && !anchor.empty()
                              ? ctx.link("minutes:" + m.id + "#" + anchor, "Minutes for item " + r.item)
                              : json(nullptr)},
      {"report_of", ctx.people(r.report_of, m.date)},
      {"accountable", ctx.people(r.accountable, m.date)},
      {"authors", ctx.people(r.authors, m.date)},
      {"presenters", item != nullptr ? ctx.people(item->presenters, m.date) : json::array()},
      {"wards", wards},
      {"key_decision", r.key_decision.has_value() ? json(*r.key_decision ? "Yes" : "No") : json(nullptr)},
      {"recommendations", recs},
      {"appendices", appendices},
      {"background_papers", r.background_papers},
      {"topics", topics},
      {"body", ctx.markdown(r.body)}};
  return page;
}

}  // namespace quorum
