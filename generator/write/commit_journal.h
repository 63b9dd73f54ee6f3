// The journal of an in-place commit: which staged files move over the site's files and
// which of the site's files go. Written durably before anything in the site changes, and
// replayed until done, so a commit killed halfway is finished by the next build.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace quorum {

struct CommitJournal {
  std::vector<std::string> deletions;  // site-relative paths removed from the site
  std::vector<std::string> moves;      // site-relative paths moved from staging into the site
};

// Writes `journal` to a temporary name, syncs it and renames it into place (then syncs the
// folder), so the journal is either whole or absent.
void write_journal(const std::filesystem::path& journal, const CommitJournal& plan);

// The journal at `journal`, or nothing when there is none. Throws std::runtime_error when
// the file is not a whole journal.
std::optional<CommitJournal> read_journal(const std::filesystem::path& journal);

// Carries the journal out: deletions first (and the folders they leave empty), then the
// moves in order. Every step may be repeated: a path already deleted, or a staged file
// already moved, is skipped. `stop_after` >= 0 throws after that many steps (tests).
// Throws std::runtime_error when a step fails.
void apply_journal(const CommitJournal& plan, const std::filesystem::path& staging,
                   const std::filesystem::path& destination, long stop_after = -1);

// Throws std::runtime_error, before anything is done, when a step of `plan` could not be
// carried out in `destination` as the site stands: a folder (someone's) where a file moves
// to, a file that is not deleted first where a folder has to be made, a folder that cannot
// be written. Checked before the journal is written, so such a commit publishes nothing
// rather than stopping half way.
void check_journal_targets(const CommitJournal& plan, const std::filesystem::path& destination);

// One path or stamp per line: backslashes and every control character (a newline, a tab)
// escaped, so no name can end a line or split a field.
std::string escape_line(const std::string& s);
std::string unescape_line(const std::string& s);

}  // namespace quorum
