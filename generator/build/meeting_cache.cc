#include "build/meeting_cache.h"

#include <algorithm>

#include "load/fingerprint.h"
#include "build/cache_codec.h"

namespace quorum::build {
namespace {

// What an entry holds, in order (cache_codec.h). Every field of every part of a meeting is
// listed: meeting_cache_test.cc fills each one and checks it comes back.
template <class Io, class Pos>
void fields_of_pos(Io& io, Pos& p) {
  io.shared(p.path);
  io(p.line);
  io(p.column);
}
template <class Io, class Ref>
void fields_of_person_ref(Io& io, Ref& r) {
  io(r.person);
  io(r.post);
  io(r.role);
  fields_of_pos(io, r.pos);
}
template <class Io, class Body>
void fields_of_body(Io& io, Body& b) {
  io(b.markdown);
  io.shared(b.path);
  io(b.first_line);
  fields_of_outline(io, b.outline);
  io(b.in_file);
  io(b.offset);
  io(b.file_fingerprint);
  io(b.blank);
}
template <class Io, class Date>
void fields_of_date(Io& io, Date& d) {
  io(d.year);
  io(d.month);
  io(d.day);
}
template <class Io, class Time>
void fields_of_time(Io& io, Time& t) {
  io(t.hour);
  io(t.minute);
}
template <class Io, class Text>
void text_list(Io& io, Text& list) {
  io(list, [](Io& in, auto& s) { in(s); });
}
template <class Io, class Refs>
void person_refs(Io& io, Refs& refs) {
  io(refs, [](Io& in, auto& r) { fields_of_person_ref(in, r); });
}
template <class Io, class Flag>
void maybe_flag(Io& io, Flag& flag) {
  io(flag, [](Io& in, auto& b) { in(b); });
}
template <class Io, class Attendees>
void attendees(Io& io, Attendees& list) {
  io(list, [](Io& in, auto& a) {
    fields_of_person_ref(in, a.who);
    in(a.substitute_for);
  });
}
template <class Io, class Item>
void fields_of_agenda_item(Io& io, Item& i) {
  io(i.number);
  io(i.title);
  io(i.kind);
  io(i.report);
  io(i.pages);
  io(i.minutes_of);
  io(i.description, [](Io& in, auto& b) { fields_of_body(in, b); });
  person_refs(io, i.presenters);
  text_list(io, i.papers_from);
  text_list(io, i.wards);
  text_list(io, i.topics);
  maybe_flag(io, i.key_decision);
  io(i.exempt_paragraph);
  fields_of_pos(io, i.pos);
}
template <class Io, class Minutes>
void fields_of_minutes(Io& io, Minutes& m) {
  io(m.status);
  io(m.approved_at);
  io(m.actions, [](Io& in, auto& a) {
    in(a.item);
    in(a.action);
    in(a.done);
    fields_of_person_ref(in, a.owner);
    in(a.due, [](Io& in_due, auto& d) { fields_of_date(in_due, d); });
  });
  fields_of_body(io, m.body);
}
template <class Io, class Report>
void fields_of_report(Io& io, Report& r) {
  io(r.id);
  io(r.slug);
  io(r.meeting);
  io(r.title);
  io(r.item);
  io(r.classification);
  io(r.paragraph);
  person_refs(io, r.report_of);
  person_refs(io, r.accountable);
  person_refs(io, r.authors);
  text_list(io, r.wards);
  text_list(io, r.recommendations);
  text_list(io, r.background_papers);
  text_list(io, r.topics);
  maybe_flag(io, r.key_decision);
  io(r.appendices, [](Io& in, auto& a) {
    in(a.title);
    in(a.file);
    in(a.report);
    in(a.document);
    fields_of_pos(in, a.pos);
  });
  fields_of_body(io, r.body);
  io(r.exempt);
  fields_of_pos(io, r.pos);
}
template <class Io, class Meeting>
void fields_of_meeting(Io& io, Meeting& m) {
  io(m.id);
  io(m.committee);
  io(m.slug);
  io(m.venue);
  io(m.kind);
  io(m.status);
  io(m.status_note);
  io(m.webcast);
  fields_of_date(io, m.date);
  io(m.start, [](Io& in, auto& t) { fields_of_time(in, t); });
  io(m.end, [](Io& in, auto& t) { fields_of_time(in, t); });
  io(m.agenda_published, [](Io& in, auto& d) { fields_of_date(in, d); });
  attendees(io, m.attendance.present);
  attendees(io, m.attendance.apologies);
  attendees(io, m.attendance.in_attendance);
  attendees(io, m.attendance.absent);
  io(m.declarations_none);
  io(m.declarations, [](Io& in, auto& d) {
    in(d.person);
    in(d.item);
    in(d.kind);
    in(d.nature);
    in(d.action);
    fields_of_pos(in, d.pos);
  });
  io(m.agenda, [](Io& in, auto& i) { fields_of_agenda_item(in, i); });
  io(m.minutes, [](Io& in, auto& mins) { fields_of_minutes(in, mins); });
  io(m.reports, [](Io& in, auto& r) { fields_of_report(in, r); });
  io(m.attachments, [](Io& in, auto& a) {
    in(a.path);
    in(a.name);
    in(a.bytes);
  });
  fields_of_pos(io, m.pos);
}
template <class Io, class Loaded>
void fields_of_loaded(Io& io, Loaded& l) {
  fields_of_meeting(io, l.meeting);
  io(l.inputs, [](Io& in, auto& file) {
    in(file.first);
    in(file.second.whole);
    in(file.second.visible);
  });
}

}  // namespace

std::string meeting_cache_key(const SourceTree& tree, const std::string& folder) {
  // The format's version is part of every key: a change to what an entry holds misses.
  std::string listing = "quorum meeting 2\n" + folder + '\n';
  const std::string prefix = folder + "/";
  const auto& all = tree.files();
  for (auto it = std::lower_bound(all.begin(), all.end(), prefix);
       it != all.end() && it->rfind(prefix, 0) == 0; ++it) {
    // A git tree lists each blob's id. In a folder of files, the YAML and Markdown a meeting
    // is loaded from are read and fingerprinted, which costs far less than parsing them; of
    // its other files (papers, often large) a meeting holds only the name and size.
    auto id = tree.known_fingerprint(*it);
    if (!id && (it->ends_with(".yaml") || it->ends_with(".md"))) {
      const auto bytes = tree.read(*it);
      if (!bytes) return {};
      id = fingerprint(*bytes);
    } else if (!id) {
      const auto size = tree.size(*it);
      if (!size) return {};
      id = "size " + std::to_string(*size);
    }
    listing.append(*it).append(1, '\0').append(*id).append(1, '\n');
  }
  return fingerprint(listing);
}

std::string encode_loaded_meeting(const PublishableMeeting& publishable) {
  // The model's own meeting, written without a copy.
  struct View {
    const Meeting& meeting;
    const std::vector<std::pair<std::string, SiteModel::SourceInputs>>& inputs;
  };
  CacheWriter w;
  const View view{*publishable.meeting, publishable.inputs};
  fields_of_loaded(w, view);
  return w.take();
}

std::optional<LoadedMeeting> decode_loaded_meeting(std::string_view bytes) {
  CacheReader r(bytes);
  LoadedMeeting loaded;
  fields_of_loaded(r, loaded);
  if (!r.ok()) return std::nullopt;
  return loaded;
}

}  // namespace quorum::build
