#include "render/pages_forward_plan.h"

#include <algorithm>
#include <vector>

#include "render/pages.h"

namespace quorum {

json forward_plan_page(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  json page = ctx.frame("list:forward-plan", "Forward plan of key decisions",
                        json::array({ctx.link("home:", "Home")}), "forward-plan");
  std::vector<const Meeting*> meetings;
  for (const auto& [id, m] : model.meetings) {
    if (m.status == MeetingStatus::scheduled && model.build_date <= m.date) meetings.push_back(&m);
  }
  std::stable_sort(meetings.begin(), meetings.end(), [](const Meeting* a, const Meeting* b) {
    return a->date != b->date ? a->date < b->date : a->id < b->id;
  });
  json decisions = json::array();
  for (const Meeting* m : meetings) {
    for (const auto& item : m->agenda) {
      const Report* report = nullptr;
      if (!item.report.empty()) {
        if (const auto r = m->reports.find(item.report); r != m->reports.end()) report = &r->second;
      }
      const bool key = item.key_decision.value_or(report != nullptr && !report->exempt && report->key_decision.value_or(false));
      if (!key) continue;
      json d = {{"number", item.number},
                {"title", item.title},
                {"href", ctx.href("meeting:" + m->id + "#item-" + item.number)},
                {"meeting", meeting_summary(ctx, *m)},
                {"exempt", item.exempt()},
                {"paragraph", item.exempt_paragraph},
                {"report", nullptr},
                {"wards", item.wards}};
      if (report != nullptr && !report->exempt) {
        d["report"] = ctx.link("report:" + report->id, report->title);
        if (d["wards"].empty()) d["wards"] = report->wards;
      }
      decisions.push_back(d);
    }
  }
  page["decisions"] = decisions;
  page["as_of"] = PageContext::date(model.build_date);
  return page;
}

}  // namespace quorum
