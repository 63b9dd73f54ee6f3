// What the record implies but nobody writes down: each committee's meetings in order,
// topic histories, the decisions register, and the day the build treats as "today".
#include <algorithm>

#include "model/loader.h"
#include "support/text.h"

namespace quorum::loader {
namespace {

void add_topics(Context& ctx, const std::vector<std::string>& topics, const Key& key,
                const SourcePos& pos) {
  for (const auto& t : topics) {
    if (!is_slug(t)) {
      ctx.diags.error(pos, "the topic '" + t + "' is not a slug: use lower-case letters, digits and "
                           "hyphens, such as '" + slugify(t) + "'");
      continue;
    }
    ctx.model.topics[t].insert(key);
  }
}

}  // namespace

void derive(Context& ctx) {
  SiteModel& model = ctx.model;
  for (const auto& [mid, m] : model.meetings) {
    if (auto it = model.committees.find(m.committee); it != model.committees.end()) {
      it->second.meetings.push_back(mid);
    }
    for (const auto& item : m.agenda) {
      if (!item.exempt()) add_topics(ctx, item.topics, "meeting:" + mid + "#item-" + item.number, item.pos);
    }
    for (const auto& [slug, r] : m.reports) {
      if (!r.exempt) add_topics(ctx, r.topics, "report:" + r.id, r.pos);
    }
    if (m.minutes && !(m.minutes->status == "draft" && model.site.draft_minutes == "hide")) {
      for (const auto& d : m.minutes->body.outline.decisions) {
        model.decisions.push_back({mid, d.item, d.id, d.text});
      }
    }
  }
  for (auto& [cid, c] : model.committees) {
    std::sort(c.meetings.begin(), c.meetings.end(), [&](const std::string& a, const std::string& b) {
      const Meeting& ma = model.meetings.at(a);
      const Meeting& mb = model.meetings.at(b);
      return std::tie(ma.date, ma.slug) < std::tie(mb.date, mb.slug);
    });
  }
  for (const auto& [did, d] : model.documents) add_topics(ctx, d.topics, "document:" + did, d.pos);
  std::stable_sort(model.decisions.begin(), model.decisions.end(), [&](const Decision& a, const Decision& b) {
    const Meeting& ma = model.meetings.at(a.meeting);
    const Meeting& mb = model.meetings.at(b.meeting);
    if (ma.date != mb.date) return mb.date < ma.date;
    return a.meeting < b.meeting;
  });
}

}  // namespace quorum::loader
