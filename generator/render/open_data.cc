#include "render/open_data.h"

#include <set>
#include <stdexcept>

#include "model/urls.h"
#include "render/calendar.h"
#include "render/feeds.h"
#include "render/labels.h"
#include "render/pages.h"
#include "support/text.h"

namespace quorum {
namespace {

json optional_date(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

std::string page_url(const PageContext& ctx, const Key& key) {
  return absolute_url(ctx, url_encode_path(page_path(key)));
}

std::string committee_name(const SiteModel& model, const std::string& id) {
  const auto c = model.committees.find(id);
  return c != model.committees.end() ? c->second.name : id;
}

std::string person_name(const SiteModel& model, const PersonRef& ref) {
  const auto p = model.people.find(ref.person);
  return p != model.people.end() ? p->second.display_name() : ref.post;
}

json ref_id(const PersonRef& ref) { return ref.person.empty() ? json(nullptr) : json("person:" + ref.person); }

std::string post_id(const std::string& committee, const std::string& post) {
  return "post:" + committee + "/" + slugify(post);
}

// "2017-07-19T14:00:00+01:00", or the date alone when there is no time.
std::string local_date_time(const Date& d, const std::optional<TimeOfDay>& t, const std::string& timezone) {
  if (!t) return d.iso();
  return d.iso() + "T" + t->iso() + ":00" + (timezone == "Europe/London" ? london_utc_offset(d, *t) : "Z");
}

const std::vector<std::pair<std::string, std::string>>& attendance_kinds() {
  static const std::vector<std::pair<std::string, std::string>> kKinds = {
      {"present", "present"}, {"apologies", "apologies"}, {"in_attendance", "in attendance"}, {"absent", "absent"}};
  return kKinds;
}

const std::vector<Attendee>& attendance_list(const Attendance& a, const std::string& kind) {
  if (kind == "present") return a.present;
  if (kind == "apologies") return a.apologies;
  if (kind == "in_attendance") return a.in_attendance;
  return a.absent;
}

std::string event_status(const Meeting& m) {
  if (m.status == MeetingStatus::cancelled) return "cancelled";
  if (m.status == MeetingStatus::postponed) return "postponed";
  if (m.status == MeetingStatus::held) return "passed";
  return "confirmed";
}

json people_json(const PageContext& ctx) {
  json out = json::array();
  for (const auto& [id, p] : ctx.model().people) {
    json person = {{"id", "person:" + id}, {"name", p.name}, {"sort_name", p.name}};
    if (!p.honorific.empty()) person["honorific_prefix"] = p.honorific;
    person["links"] = json::array({{{"url", page_url(ctx, "person:" + id)}, {"note", "Page on this site"}}});
    out.push_back(person);
  }
  return out;
}

json organizations_json(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  json out = json::array();
  for (const auto& [id, o] : model.organisations) {
    json org = {{"id", "organisation:" + id}, {"name", o.name}, {"classification", o.kind},
                {"founding_date", optional_date(o.established)}, {"dissolution_date", optional_date(o.dissolved)}};
    if (!o.short_name.empty()) org["other_names"] = json::array({{{"name", o.short_name}, {"note", "short name"}}});
    json links = json::array({{{"url", page_url(ctx, "organisation:" + id)}, {"note", "Page on this site"}}});
    if (!o.url.empty()) links.push_back({{"url", o.url}, {"note", "Website"}});
    org["links"] = links;
    out.push_back(org);
  }
  for (const auto& [id, c] : model.committees) {
    json org = {{"id", "committee:" + id}, {"name", c.name}, {"classification", c.kind.empty() ? "committee" : c.kind},
                {"founding_date", optional_date(c.established)}, {"dissolution_date", optional_date(c.dissolved)}};
    if (!c.reports_to.empty()) {
      org["parent_id"] = "committee:" + c.reports_to.front();
    } else if (!c.organisations.empty()) {
      org["parent_id"] = "organisation:" + c.organisations.front();
    }
    if (!c.short_name.empty()) org["other_names"] = json::array({{{"name", c.short_name}, {"note", "short name"}}});
    org["links"] = json::array({{{"url", page_url(ctx, "committee:" + id)}, {"note", "Page on this site"}}});
    out.push_back(org);
  }
  return out;
}

json memberships_json(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  json out = json::array();
  for (const auto& [id, c] : model.committees) {
    int n = 0;
    for (const auto& m : c.members) {
      ++n;
      json row = {{"id", "membership:" + id + "/" + std::to_string(n)},
                  {"person_id", ref_id(m.who)},
                  {"organization_id", "committee:" + id},
                  {"role", m.role},
                  {"label", person_name(model, m.who)},
                  {"start_date", optional_date(m.from)},
                  {"end_date", optional_date(m.to)}};
      if (!m.who.post.empty()) row["post_id"] = post_id(id, m.who.post);
      if (!m.representing.empty()) row["on_behalf_of_id"] = "organisation:" + m.representing;
      if (m.voting) row["voting"] = *m.voting;
      out.push_back(row);
    }
  }
  for (const auto& [id, p] : model.people) {
    int n = 0;
    for (const auto& pos : p.positions) {
      ++n;
      if (pos.organisation.empty() || model.organisations.count(pos.organisation) == 0) continue;
      out.push_back({{"id", "membership:" + id + "/position-" + std::to_string(n)},
                     {"person_id", "person:" + id},
                     {"organization_id", "organisation:" + pos.organisation},
                     {"role", pos.title},
                     {"label", pos.title},
                     {"start_date", optional_date(pos.from)},
                     {"end_date", optional_date(pos.to)}});
    }
  }
  return out;
}

json posts_json(const PageContext& ctx) {
  json out = json::array();
  std::set<std::string> seen;
  for (const auto& [id, c] : ctx.model().committees) {
    for (const auto& m : c.members) {
      if (m.who.post.empty() || !seen.insert(post_id(id, m.who.post)).second) continue;
      out.push_back({{"id", post_id(id, m.who.post)}, {"label", m.who.post},
                     {"role", m.role}, {"organization_id", "committee:" + id}});
    }
  }
  return out;
}

// One meeting as an Open Civic Data event.
json event_json(const PageContext& ctx, const std::string& id, const Meeting& m) {
  const SiteModel& model = ctx.model();
  json ev = {{"id", "meeting:" + id},
               {"name", model.title_of("meeting:" + id)},
               {"classification", m.kind == "extraordinary" ? "extraordinary-meeting" : "committee-meeting"},
               {"status", event_status(m)},
               {"status_note", m.status_note},
               {"start_date", local_date_time(m.date, m.start, model.site.timezone)},
               {"end_date", m.end ? json(local_date_time(m.date, m.end, model.site.timezone)) : json(nullptr)},
               {"all_day", !m.start.has_value()},
               {"timezone", model.site.timezone},
               {"location", m.venue.empty() ? json(nullptr) : json{{"name", m.venue}}},
               {"participants", json::array({{{"entity_type", "organization"},
                                              {"entity_id", "committee:" + m.committee},
                                              {"entity_name", committee_name(model, m.committee)},
                                              {"note", "host"}}})},
               {"links", json::array({{{"url", page_url(ctx, "meeting:" + id)}, {"note", "Meeting page"}}})}};
    json agenda = json::array();
    int order = 0;
    for (const auto& item : m.agenda) {
      json a = {{"order", order++}, {"number", item.number}, {"description", item.title},
                {"classification", item.kind.empty() ? json::array() : json::array({item.kind})},
                {"subjects", item.topics}, {"exempt", item.exempt()}};
      if (item.exempt()) a["exempt_paragraph"] = item.exempt_paragraph;
      if (item.key_decision) a["key_decision"] = *item.key_decision;
      json related = json::array();
      if (!item.report.empty()) {
        if (const auto r = m.reports.find(item.report); r != m.reports.end() && !r->second.exempt) {
          related.push_back({{"entity_type", "report"}, {"entity_id", "report:" + r->second.id},
                             {"entity_name", r->second.title}, {"url", page_url(ctx, "report:" + r->second.id)}});
        }
      }
      a["related_entities"] = related;
      agenda.push_back(a);
    }
    ev["agenda"] = agenda;
    json attendance = json::array();
    for (const auto& [kind, label] : attendance_kinds()) {
      for (const auto& a : attendance_list(m.attendance, kind)) {
        json row = {{"person_id", ref_id(a.who)}, {"name", person_name(model, a.who)}, {"status", label}};
        if (!a.substitute_for.empty()) row["substitute_for"] = "person:" + a.substitute_for;
        attendance.push_back(row);
      }
    }
    ev["attendance"] = attendance;
    json documents = json::array();
    if (minutes_published(ctx, m)) {
      documents.push_back({{"note", m.minutes->status == PaperStatus::draft ? "Draft minutes" : "Minutes"},
                           {"url", page_url(ctx, "minutes:" + id)}, {"media_type", "text/html"}});
    }
    for (const auto& [slug, r] : m.reports) {
      if (r.exempt) continue;
      documents.push_back({{"note", "Report: " + r.title}, {"url", page_url(ctx, "report:" + r.id)},
                           {"media_type", "text/html"}});
    }
    for (const auto& att : m.attachments) {
      documents.push_back({{"note", att.name}, {"url", absolute_url(ctx, url_encode_path(attachment_path(att.path)))},
                           {"media_type", nullptr}});
    }
    ev["documents"] = documents;
  return ev;
}

std::string meetings_csv(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  std::string out = csv_row({"meeting_id", "committee_id", "committee", "date", "start", "end", "venue", "kind",
                             "status", "status_note", "url"});
  for (const auto& [id, m] : model.meetings) {
    out += csv_row({id, m.committee, committee_name(model, m.committee), m.date.iso(), m.start ? m.start->iso() : "",
                    m.end ? m.end->iso() : "", m.venue, m.kind, std::string(to_string(m.status)), m.status_note, page_url(ctx, "meeting:" + id)});
  }
  return out;
}

std::string decisions_csv(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  std::string out = csv_row({"meeting_id", "committee_id", "committee", "date", "item", "decision", "url"});
  for (const auto& d : model.decisions) {
    const Meeting* m = model.meeting(d.meeting);
    if (m == nullptr) continue;
    out += csv_row({d.meeting, m->committee, committee_name(model, m->committee), m->date.iso(), d.item, d.text,
                    page_url(ctx, "minutes:" + d.meeting) + (d.anchor.empty() ? "" : "#" + d.anchor)});
  }
  return out;
}

std::string attendance_csv(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  std::string out = csv_row({"meeting_id", "committee_id", "date", "person_id", "name", "post", "attendance",
                             "substitute_for"});
  for (const auto& [id, m] : model.meetings) {
    for (const auto& [kind, label] : attendance_kinds()) {
      for (const auto& a : attendance_list(m.attendance, kind)) {
        out += csv_row({id, m.committee, m.date.iso(), a.who.person, person_name(model, a.who), a.who.post, label,
                        a.substitute_for});
      }
    }
  }
  return out;
}

std::string declarations_csv(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  std::string out = csv_row({"meeting_id", "committee_id", "date", "person_id", "name", "item", "kind", "nature",
                             "action"});
  for (const auto& [id, m] : model.meetings) {
    for (const auto& d : m.declarations) {
      PersonRef ref;
      ref.person = d.person;
      out += csv_row({id, m.committee, m.date.iso(), d.person, person_name(model, ref), d.item, d.kind, d.nature,
                      d.action});
    }
  }
  return out;
}

struct DataFile {
  const char* name;
  const char* format;
  const char* description;
};

const std::vector<DataFile>& data_files() {
  static const std::vector<DataFile> kFiles = {
      {"people.json", "JSON (Popolo persons)", "Everyone named in the record: id, name, honorific and their page."},
      {"organizations.json", "JSON (Popolo organizations)",
       "Organisations (ids \"organisation:…\") and committees (ids \"committee:…\", with the body they report to "
       "as parent_id)."},
      {"memberships.json", "JSON (Popolo memberships)",
       "Committee memberships with role, dates and whom a member represents, and people's jobs in organisations."},
      {"posts.json", "JSON (Popolo posts)", "Seats on committees held by virtue of a post."},
      {"events.json", "JSON (Open Civic Data events)",
       "Every meeting: status, start and end with time zone offset, venue, agenda items, attendance and papers."},
      {"meetings.csv", "CSV", "One row per meeting: committee, date, times, venue, status and page address."},
      {"decisions.csv", "CSV", "The decisions register: every resolution in the minutes, with its meeting and item."},
      {"attendance.csv", "CSV", "One row per person per meeting: present, apologies, in attendance or absent."},
      {"declarations.csv", "CSV", "Declarations of interest made at meetings."}};
  return kFiles;
}

}  // namespace

json events_json(const PageContext& ctx) {
  json out = json::array();
  for (const auto& [id, m] : ctx.model().meetings) out.push_back(event_json(ctx, id, m));
  return out;
}

std::string events_json_file(const PageContext& ctx) {
  // json_file(events_json(ctx), 1), event by event: as a JSON tree, a large archive's events
  // take several times the file's size, and they were the build's peak of memory. Each event
  // is dumped on its own and indented one level, as it would be inside the array (JSON strings
  // hold no raw newline, so every newline starts a line of the event).
  std::string out = "[";
  bool first = true;
  for (const auto& [id, m] : ctx.model().meetings) {
    out += first ? "\n " : ",\n ";
    first = false;
    const std::string event = json_file(event_json(ctx, id, m), 1);
    for (std::size_t i = 0; i + 1 < event.size(); ++i) {  // without its final newline
      out += event[i];
      if (event[i] == '\n') out += ' ';
    }
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

namespace {

// A spreadsheet runs a cell that begins with one of these as a formula (after any leading
// spaces): a title such as "=HYPERLINK(...)" in a clerk's file would run on a reader's
// computer. OWASP's advice, followed by most publishers of open data: begin it with an
// apostrophe, which spreadsheets show as text. The data page says so.
bool could_start_formula(std::string_view value) {
  const auto first = value.find_first_not_of(' ');
  return first != std::string_view::npos && std::string_view("=+-@\t\r").find(value[first]) != std::string_view::npos;
}

}  // namespace

std::string csv_field(std::string_view value) {
  std::string neutral;
  if (could_start_formula(value)) {
    neutral = "'" + std::string(value);
    value = neutral;
  }
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i == 0 ? "" : ",") + csv_field(fields[i]);
  return out + "\r\n";
}

std::vector<std::string> open_data_paths() {
  std::vector<std::string> paths;
  for (const auto& f : data_files()) paths.push_back(std::string("data/") + f.name);
  return paths;
}

std::string open_data_file(const PageContext& ctx, const std::string& path) {
  const auto dump = [](const json& j) { return json_file(j, 1); };
  if (path == "data/people.json") return dump(people_json(ctx));
  if (path == "data/organizations.json") return dump(organizations_json(ctx));
  if (path == "data/memberships.json") return dump(memberships_json(ctx));
  if (path == "data/posts.json") return dump(posts_json(ctx));
  if (path == "data/events.json") return events_json_file(ctx);
  if (path == "data/meetings.csv") return meetings_csv(ctx);
  if (path == "data/decisions.csv") return decisions_csv(ctx);
  if (path == "data/attendance.csv") return attendance_csv(ctx);
  if (path == "data/declarations.csv") return declarations_csv(ctx);
  throw std::logic_error("no open data file " + path);
}

std::map<std::string, std::string> open_data_files(const PageContext& ctx) {
  std::map<std::string, std::string> out;
  for (const auto& path : open_data_paths()) out[path] = open_data_file(ctx, path);
  return out;
}

json data_page(const PageContext& ctx) {
  const Site& s = ctx.model().site;
  json page = ctx.frame("list:data", "Open data", json::array({ctx.link("home:", "Home")}), "data");
  json files = json::array();
  for (const auto& f : data_files()) {
    files.push_back({{"name", f.name}, {"href", ctx.base_path() + "data/" + f.name}, {"format", f.format},
                     {"description", f.description}});
  }
  const bool ogl = s.data_licence == "Open Government Licence v3.0";
  page["data"] = {{"files", files},
                  {"licence", s.data_licence},
                  {"licence_url", ogl ? json("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
                                      : json(nullptr)},
                  {"feed", ctx.base_path() + "feed.xml"},
                  {"calendar", ctx.base_path() + "meetings.ics"},
                  {"sitemap", ctx.base_path() + "sitemap.xml"},
                  {"search_index", ctx.base_path() + "search/index.json"}};
  return page;
}

std::string json_file(const json& value, int indent) {
  const std::string raw = value.dump(indent, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out + "\n";
}

std::string script_safe_json(const json& value) {
  const std::string raw = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 2, "</") == 0) {
      out += "<\\/";
      ++i;
    } else if (raw.compare(i, 4, "<!--") == 0) {
      out += "\\u003c";
    } else {
      out += raw[i];
    }
  }
  return out;
}

json meeting_event_ld(const PageContext& ctx, const Meeting& m) {
  const SiteModel& model = ctx.model();
  const char* status = m.status == MeetingStatus::cancelled   ? "https://schema.org/EventCancelled"
                       : m.status == MeetingStatus::postponed ? "https://schema.org/EventPostponed"
                                                 : "https://schema.org/EventScheduled";
  json ev = {{"@context", "https://schema.org"},
             {"@type", "Event"},
             {"name", model.title_of("meeting:" + m.id)},
             {"startDate", local_date_time(m.date, m.start, model.site.timezone)},
             {"eventStatus", status},
             {"eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode"},
             {"url", page_url(ctx, "meeting:" + m.id)},
             {"organizer", {{"@type", "Organization"}, {"name", committee_name(model, m.committee)},
                            {"url", page_url(ctx, "committee:" + m.committee)}}}};
  if (m.end) ev["endDate"] = local_date_time(m.date, m.end, model.site.timezone);
  if (!m.venue.empty()) ev["location"] = {{"@type", "Place"}, {"name", m.venue}, {"address", m.venue}};
  std::string description;
  for (const auto& item : m.agenda) description += (description.empty() ? "Agenda: " : "; ") + item.number + ". " + item.title;
  if (!m.status_note.empty()) description = m.status_note + (description.empty() ? "" : " " + description);
  if (!description.empty()) ev["description"] = description;
  return ev;
}

}  // namespace quorum
