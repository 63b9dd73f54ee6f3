// One builder per page type: each returns the full template context of one page.
#pragma once

#include "render/page_context.h"

namespace quorum {

json home_page(const PageContext& ctx);
json committees_page(const PageContext& ctx);
json committee_page(const PageContext& ctx, const Committee& c);
json terms_page(const PageContext& ctx, const Committee& c);
json meeting_page(const PageContext& ctx, const Meeting& m);
json minutes_page(const PageContext& ctx, const Meeting& m);
json report_page(const PageContext& ctx, const Meeting& m, const Report& r);
json person_page(const PageContext& ctx, const Person& p);
json people_page(const PageContext& ctx);
json organisation_page(const PageContext& ctx, const Organisation& o);
json organisations_page(const PageContext& ctx);
json document_page(const PageContext& ctx, const Document& d);
json documents_page(const PageContext& ctx);
json topic_page(const PageContext& ctx, const std::string& topic);
json topics_page(const PageContext& ctx);
json meetings_page(const PageContext& ctx);
json decisions_page(const PageContext& ctx);
json not_found_page(const PageContext& ctx);
// The accessibility statement (/accessibility/), from site.yaml `accessibility:`.
json accessibility_page(const PageContext& ctx);

// Shared pieces.
json meeting_summary(const PageContext& ctx, const Meeting& m);
json committee_tree(const PageContext& ctx);
bool minutes_published(const PageContext& ctx, const Meeting& m);

}  // namespace quorum
