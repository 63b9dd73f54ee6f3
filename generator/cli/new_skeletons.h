// The text of the files `quorum new` writes: one small function per kind of file, each
// producing YAML or front matter that passes `quorum check` as it stands, with comments
// saying what a clerk fills in next.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/date.h"

namespace quorum {

const std::vector<std::string>& committee_kinds();
const std::vector<std::string>& document_kinds();
std::string join_words(const std::vector<std::string>& words);  // "a, b, c"

// A YAML double-quoted scalar: any text (quotes, colons, '#', newlines) reads back as itself.
std::string yaml_quote(const std::string& text);

std::string committee_skeleton(const std::string& name, const std::string& kind, const std::string& parent);
// The standing items: apologies, declarations, the minutes of `minutes_of` (omitted when
// "", a committee's first meeting) and urgent business.
std::string meeting_skeleton(const Date& date, const std::string& start, const std::string& venue,
                             const std::string& minutes_of);
std::string report_skeleton(const std::string& title, const std::string& item);
std::string person_skeleton(const std::string& name);
std::string document_skeleton(const std::string& title, const std::string& kind);

// One more than the largest whole-number item ("1", "2", "10a" -> "11"), "1" for none.
std::string next_agenda_number(const std::vector<std::string>& numbers);

// `meeting_yaml` with an agenda item for a report appended to its block-style `agenda:` list
// (or a new `agenda:`); nullopt when the agenda is written in a form this cannot extend.
std::optional<std::string> with_agenda_item(const std::string& meeting_yaml, const std::string& number,
                                            const std::string& title, const std::string& report);

}  // namespace quorum
