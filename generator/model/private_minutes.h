// Cutting private business out of minutes, by their structure and failing closed.
//
// When a meeting has private items (exempt under Schedule 12A), each must have a section of
// its own in the minutes: a `#` or `##` heading that begins with the item's number as the
// agenda writes it (`## 7A. Land at Grays`, compared without regard to case), running to
// the next such heading that begins with another item's number. Everything in the section is
// withheld: deeper headings, underlined lines, tables, code blocks, an unclosed fence. What
// Quorum cannot place with certainty is an error, never output: a private item with no
// section or with two, a heading or bold line that looks like a private item's number but is
// not written as its section heading, an underlined heading that begins with a number.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "model/entities.h"
#include "model/withheld_text.h"
#include "support/diagnostics.h"

namespace quorum {

// Receives each withheld text cut out: the text, what it is, where it was read, and the
// public text that takes its place (loader::withhold_text, for the tripwire).
using Withhold = std::function<void(const std::string& text, const std::string& what, const SourcePos& pos,
                                    const std::string& public_text)>;

// `text` is the minutes' body (after front matter, line endings normalised), whose first
// line is line `first_line` of the file at `path`. Returns the text to publish, each private
// section replaced line for line by its agenda heading and a notice (so later line numbers
// still point at the file), and hands each cut heading and section to `withhold`. Returns
// nothing when the private business cannot be placed with certainty: the reasons are
// errors in `diags`.
std::optional<std::string> cut_private_sections(const std::string& text, int first_line,
                                                const std::string& path, const Meeting& meeting,
                                                Diagnostics& diags, const Withhold& withhold);

// Whether an agenda item is private business: exempt, or with an exempt report.
bool is_private_item(const Meeting& meeting, const AgendaItem& item);

}  // namespace quorum
