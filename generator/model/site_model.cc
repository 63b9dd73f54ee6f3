#include "model/site_model.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "model/body_text.h"
#include "model/urls.h"
#include "support/text.h"

namespace quorum {

const Position* Person::position_on(const Date& day) const {
  const Position* best = nullptr;
  for (const auto& p : positions) {
    const bool started = !p.from || *p.from <= day;
    const bool not_ended = !p.to || day <= *p.to;
    if (started && not_ended && (best == nullptr || (p.from && (!best->from || *best->from < *p.from)))) {
      best = &p;
    }
  }
  return best;
}

const Position* Person::current_position() const {
  for (const auto& p : positions) {
    if (!p.to) return &p;
  }
  return positions.empty() ? nullptr : &positions.back();
}

// Item numbers are text ("7A", "7.1", "7(a)") and a heading or a report may write "7a":
// compared without regard to case, as the agenda allows no two numbers that differ only so.
struct AgendaIndex::Entries {
  const AgendaItem* data = nullptr;  // the agenda this was made from
  std::size_t size = 0;
  std::vector<std::pair<std::string, std::size_t>> by_number;  // lower-case number, position
};

const AgendaItem* AgendaIndex::find(const std::vector<AgendaItem>& agenda, const std::string& number) const {
  std::shared_ptr<const Entries> entries = entries_.load();
  if (!entries || entries->data != agenda.data() || entries->size != agenda.size()) {
    auto made = std::make_shared<Entries>();
    made->data = agenda.data();
    made->size = agenda.size();
    made->by_number.reserve(agenda.size());
    for (std::size_t i = 0; i < agenda.size(); ++i)
      made->by_number.emplace_back(to_lower_ascii(agenda[i].number), i);
    std::sort(made->by_number.begin(), made->by_number.end());  // equal numbers stay in agenda order
    entries = made;
    entries_.store(entries);
  }
  const std::string key = to_lower_ascii(number);
  const auto first = std::lower_bound(entries->by_number.begin(), entries->by_number.end(),
                                      std::pair<std::string, std::size_t>(key, 0));
  const AgendaItem* fallback = nullptr;
  for (auto it = first; it != entries->by_number.end() && it->first == key; ++it) {
    const AgendaItem& item = agenda[it->second];
    if (item.number == number) return &item;  // as written, first in agenda order
    if (fallback == nullptr) fallback = &item;
  }
  return fallback;
}

const AgendaItem* Meeting::item(const std::string& number) const { return index_.find(agenda, number); }

const Meeting* SiteModel::meeting(const std::string& id) const {
  const auto it = meetings.find(id);
  return it == meetings.end() ? nullptr : &it->second;
}

const Report* SiteModel::report(const std::string& id) const {
  const auto slash = id.rfind('/');
  if (slash == std::string::npos) return nullptr;
  const Meeting* m = meeting(id.substr(0, slash));
  if (m == nullptr) return nullptr;
  const auto it = m->reports.find(id.substr(slash + 1));
  return it == m->reports.end() ? nullptr : &it->second;
}

const Committee* SiteModel::committee_of(const Meeting& m) const {
  const auto it = committees.find(m.committee);
  return it == committees.end() ? nullptr : &it->second;
}

std::pair<const Meeting*, const Meeting*> SiteModel::neighbours(const Meeting& m) const {
  const Committee* c = committee_of(m);
  if (c == nullptr) return {nullptr, nullptr};
  // derive() sorts a committee's meetings by date, then folder name.
  const auto& ids = c->meetings;
  auto it = std::lower_bound(ids.begin(), ids.end(), m, [&](const std::string& id, const Meeting& key) {
    const Meeting& other = meetings.at(id);
    return std::tie(other.date, other.slug) < std::tie(key.date, key.slug);
  });
  if (it == ids.end() || *it != m.id) return {nullptr, nullptr};
  const Meeting* previous = it == ids.begin() ? nullptr : &meetings.at(*(it - 1));
  const Meeting* next = it + 1 == ids.end() ? nullptr : &meetings.at(*(it + 1));
  return {previous, next};
}

bool SiteModel::exists(const Key& key_with_fragment) const {
  const std::string key = key_with_fragment.substr(0, key_with_fragment.find('#'));
  const auto colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string id = key.substr(colon + 1);
  if (kind == "person") return people.count(id) != 0;
  if (kind == "organisation") return organisations.count(id) != 0;
  if (kind == "committee") return committees.count(id) != 0;
  if (kind == "terms") return committees.count(id) != 0 && committees.at(id).terms.has_value();
  if (kind == "meeting") return meeting(id) != nullptr;
  if (kind == "minutes") return meeting(id) != nullptr && meeting(id)->minutes.has_value();
  if (kind == "report") return report(id) != nullptr && !report(id)->exempt;
  if (kind == "document") return documents.count(id) != 0;
  if (kind == "topic") return topics.count(id) != 0;
  return kind == "home" || kind == "list";
}

std::string SiteModel::title_of(const Key& key_with_fragment) const {
  const std::string key = key_with_fragment.substr(0, key_with_fragment.find('#'));
  const auto colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string id = key.substr(colon + 1);
  const auto committee_name = [&](const Meeting& m) {
    const Committee* c = committee_of(m);
    return c != nullptr ? c->name : m.committee;
  };
  if (kind == "person" && people.count(id) != 0) return people.at(id).display_name();
  if (kind == "organisation" && organisations.count(id) != 0) return organisations.at(id).name;
  if (kind == "committee" && committees.count(id) != 0) return committees.at(id).name;
  if (kind == "terms" && committees.count(id) != 0) return "Terms of reference: " + committees.at(id).name;
  if (kind == "document" && documents.count(id) != 0) return documents.at(id).title;
  if (kind == "topic") return humanize_slug(id);
  if (kind == "meeting" || kind == "minutes") {
    if (const Meeting* m = meeting(id)) {
      return std::string(kind == "minutes" ? "Minutes: " : "") + committee_name(*m) + ", " +
             m->date.short_words();
    }
  }
  if (kind == "report") {
    if (const Report* r = report(id); r != nullptr && !r->exempt) {
      const Meeting* m = meeting(r->meeting);
      return r->title + (m != nullptr ? " (" + committee_name(*m) + ", " + m->date.short_words() + ")" : "");
    }
  }
  if (kind == "home") return site.title;
  return id;
}

std::vector<std::string> SiteModel::source_paths(const Key& key_with_fragment) const {
  const std::string key = key_with_fragment.substr(0, key_with_fragment.find('#'));
  const auto colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string id = key.substr(colon + 1);
  std::vector<std::string> out;
  if (kind == "person" && people.count(id) != 0) out.push_back(people.at(id).pos.path);
  if (kind == "organisation" && organisations.count(id) != 0) out.push_back(organisations.at(id).pos.path);
  if (kind == "document" && documents.count(id) != 0) out.push_back(documents.at(id).pos.path);
  if (kind == "committee" && committees.count(id) != 0) {
    const Committee& c = committees.at(id);
    out.push_back(c.pos.path);
    if (c.description) out.push_back(c.description->path);
  }
  if (kind == "terms" && committees.count(id) != 0 && committees.at(id).terms) {
    out.push_back(committees.at(id).terms->body.path);
  }
  if (const Meeting* m = meeting(id); m != nullptr && kind == "meeting") out.push_back(m->pos.path);
  if (const Meeting* m = meeting(id); m != nullptr && kind == "minutes" && m->minutes) {
    out.push_back(m->minutes->body.path);
  }
  if (const Report* r = report(id); r != nullptr && kind == "report" && !r->exempt)
    out.push_back(r->pos.path);
  return out;
}

std::string SiteModel::body_text(const Body& body) const {
  if (body.in_file && source == nullptr)
    throw std::logic_error("the model of " + body.path + " has no source tree");
  return body.in_file ? quorum::body_text(body, *source) : body.markdown;
}

}  // namespace quorum
