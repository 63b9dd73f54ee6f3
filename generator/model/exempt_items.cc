// What the model keeps of private business is what may be published, so that no page, feed,
// calendar, search index or open data file has to remember to leave anything out.
//
// An exempt agenda item keeps its number, title and paragraph (the content model publishes
// these), its kind, its report's slug (to check references; an exempt report is itself a
// stub), `minutes_of` and `papers_from` (links to other, public meetings' papers) and whether
// it is a key decision (a private key decision must still be in the forward plan: Local
// Authorities (Executive Arrangements) (Meetings and Access to Information) (England)
// Regulations 2012, regulations 5 and 9). Its topics, wards, pages and presenters are read
// to check them, then dropped: a topic page that listed a private item would say what it
// was about. A meeting's files, a public report's appendices and a document's attachments
// are only those published: an exempt report's appendix is none of them, wherever it is.
#include <algorithm>

#include "model/loader.h"
#include "support/text.h"

namespace quorum::loader {

void withhold_exempt_items(Context& ctx) {
  for (auto& [mid, m] : ctx.model.meetings) {
    for (auto& item : m.agenda) {
      if (!item.exempt()) continue;
      for (const auto& p : item.presenters) {
        if (p.person.empty() || ctx.model.people.count(p.person) != 0) continue;
        ctx.diags.error(p.pos, "Meeting " + m.slug + " of " + committee_label(ctx, m.committee) +
                                   ": agenda item " + item.number + "'s 'presenter' names person '" +
                                   p.person + "', but there is no file content/people/" + p.person + ".yaml");
      }
      item.description.reset();
      item.topics.clear();
      item.wards.clear();
      item.pages.clear();
      item.presenters.clear();
    }
  }
}

void keep_published_attachments(Context& ctx) {
  const SiteModel& model = ctx.model;
  const auto withheld = [&](const std::string& path) {
    return model.published_files.count(path) == 0 || model.withheld_paths.count(path) != 0;
  };
  for (auto& [mid, m] : ctx.model.meetings) {
    std::erase_if(m.attachments, [&](const Attachment& a) { return withheld(a.path); });
    // A public report's appendix may name a file that an exempt report names too.
    for (auto& [slug, r] : m.reports) {
      std::erase_if(r.appendices, [&](const Appendix& a) { return !a.file.empty() && withheld(a.file); });
    }
  }
  for (auto& [did, d] : ctx.model.documents) {
    std::erase_if(d.attachments,
                  [&](const DocumentAttachment& a) { return !a.file.empty() && withheld(a.file); });
  }
}

}  // namespace quorum::loader
