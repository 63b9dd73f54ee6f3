// What each file in a meeting folder is, decided by a positive rule: the meeting, the
// minutes, a report, or an attachment of a known, safe kind. Anything else is not published
// and the clerk is told how to fix it, because a misnamed file is most often the minutes or a
// report saved under the wrong name, and publishing it raw would publish what it withholds.
#pragma once

#include <string>
#include <vector>

#include "model/entities.h"

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

// The files an exempt report names (its appendices' `file:` and the files its body links
// to) are withheld. Each must exist where it is written; when one does not, any file of the
// same name elsewhere in the meeting folder is withheld too (the path was most likely
// written from the meeting folder instead of the report's), and the build fails saying so.
void withhold_exempt_report_files(Context& ctx, const std::string& report_path,
                                  const std::vector<Appendix>& appendices, const Body& body);

}  // namespace quorum::loader
