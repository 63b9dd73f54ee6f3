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
// /meetings/<year>/: every meeting of one year, newest first.
Key meetings_year_key(int year);
json meetings_year_page(const PageContext& ctx, int year);
// The decisions register: /decisions/ has the newest and links a page for each year.
json decisions_page(const PageContext& ctx);
json decisions_year_page(const PageContext& ctx, int year);
Key decisions_year_key(int year);
json not_found_page(const PageContext& ctx);
// The accessibility statement (/accessibility/), from site.yaml `accessibility:`.
json accessibility_page(const PageContext& ctx);

// Shared pieces.
json meeting_summary(const PageContext& ctx, const Meeting& m);
json committee_tree(const PageContext& ctx);
bool minutes_published(const PageContext& ctx, const Meeting& m);
// A link to a published file that says what it is, the GOV.UK way: `details` is
// "PDF, 2.3 MB, 48 pages" (size when `bytes` is known); a PDF with no text layer adds
// "scanned image, no text"; a PDF with text has `text_version`, its HTML text page.
json attachment_link(const PageContext& ctx, const std::string& path, const std::string& title, std::size_t bytes);
// Where a published PDF is linked from: its report, meeting or document.
struct PdfOwner {
  Key key;                  // "" when nothing links to it
  std::string title;        // its title there ("Appendix 1: Risk register"), or its file name
  std::string committee;    // for the search index
  std::optional<Date> date;
  json trail;               // breadcrumbs of its text version
};
PdfOwner pdf_owner(const PageContext& ctx, const std::string& path);
// A published PDF's text version ("pdf:<path>"), page by page; null for a PDF without one.
json pdf_text_page(const PageContext& ctx, const std::string& path);
// Whether a published PDF has a text version page.
bool has_text_version(const SiteModel& model, const std::string& path);

}  // namespace quorum
