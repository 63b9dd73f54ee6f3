// `quorum new committee|meeting|report|person|document ...`: writes a skeleton file at the
// place the content model expects, so a clerk starts from something that already passes
// `quorum check`. It never overwrites: an existing file is reported and left alone.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace quorum {

struct NewRequest {
  std::string what;               // committee, meeting, report, person, document
  std::vector<std::string> args;  // positional: ids and dates
  std::filesystem::path source = ".";
  std::string name;    // committee, person
  std::string title;   // report, document
  std::string parent;  // committee: the body it reports to
  std::string kind;    // committee or document kind
  std::string time;    // meeting start, HH:MM
  std::string venue;   // meeting
  std::string item;    // report: agenda item number
};

// The kinds of thing `new` makes, for the command line's list of choices.
const std::vector<std::string>& new_kinds();

// Writes the skeleton; prints the path made and what to do next to `out`, or why not to `err`.
// Returns an ExitCode (build/run_build.h): 0 made, 1 the file exists, 2 bad arguments.
int run_new(const NewRequest& request, std::ostream& out, std::ostream& err);

}  // namespace quorum
