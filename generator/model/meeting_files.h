// What each file in a meeting folder is, decided by a positive rule: the meeting, the
// minutes, a report, or an attachment of a known, safe kind. Anything else is not published
// and the clerk is told how to fix it, because a misnamed file is most often the minutes or a
// report saved under the wrong name, and publishing it raw would publish what it withholds.
#pragma once

#include <string>
#include <vector>

#include "model/entities.h"
#include "parse/markdown.h"

namespace quorum::loader {

struct Context;

struct MeetingFile {
  enum class Kind { meeting, minutes, report, attachment, ignored, refused };
  Kind kind = Kind::refused;
  std::string problem;  // for `refused` and `ignored`: what is wrong and the fix, in clerk words
};

// `file` is a repository path inside `folder` (a meeting folder, no trailing '/').
MeetingFile classify_meeting_file(const std::string& folder, const std::string& file);

// Whether a file of this name may be copied to the site as it is (a PDF, a spreadsheet, an
// image...), wherever it is named from: by its extension, ignoring case. The one list to
// change to refuse a kind (issue 20: active SVG).
bool is_attachment_type(const std::string& path);

// Files named from withheld text are withheld, never copied, read or indexed: an exempt
// report's appendices' files and the files its body links to (withhold_exempt_report_files),
// the files an exempt agenda item's description or a private section of the minutes links to
// (withhold_files_linked_from). Each must exist where it is written; when one does not, any file of
// the same name elsewhere in the meeting folder is withheld too (the path was most likely
// written from the meeting folder instead of the file's own), and the build fails saying so.
void withhold_exempt_report_files(Context& ctx, const std::string& report_path,
                                  const std::vector<Appendix>& appendices, const Body& body);
// `from` is the file holding the links (meeting.yaml, minutes.md); `what` names the withheld
// text in messages ("the description of private agenda item 2"). Links to pages are left to
// the page's own rules.
void withhold_files_linked_from(Context& ctx, const std::string& from, const std::vector<MarkdownLink>& links,
                                const std::string& what);

// Files of `from`'s meeting folder whose name appears anywhere in withheld `text` (a raw HTML
// link, a site address, a bare name, percent-encoded or written with HTML character
// references: whatever a link rule would miss) are withheld with it, with a warning naming
// the text. A name is found, ignoring ASCII case, where it does not continue a longer name.
void withhold_files_mentioned_in(Context& ctx, const std::string& from, const std::string& text,
                                 const std::string& what);

// A paper in reports/ named after an exempt report (reports/<slug>.pdf, any extension, or
// anything in a folder reports/<slug>/) is that report's, so it is withheld with it, with a
// warning unless the report names it.
void withhold_files_named_after(Context& ctx, const std::string& report_path);

// The meeting folder of a file inside one ("content/committees/x/meetings/y/"), or else the
// file's own folder, with a trailing '/'.
std::string meeting_folder_of(const std::string& path);

// Marks a file withheld, remembering why for messages (the first reason given is kept).
void withhold_file(Context& ctx, const std::string& path, const std::string& because);
// "the private report content/.../x.md": why a withheld file is withheld, for messages.
std::string why_withheld(const Context& ctx, const std::string& path);

}  // namespace quorum::loader
