// What a path inside the site folder may look like, wherever it comes from: a page the
// renderer names, a line of the last manifest, a line of a commit journal left on disk. The
// manifest and the journal sit beside the site where anyone can edit them, so a path read
// back from either is checked exactly like one the build makes itself before anything is
// written, moved or deleted there.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace quorum {

// True for a relative path that stays inside the folder it is joined to: not empty, not
// absolute, no "." or ".." part, and no control character (no name the loader accepts has
// one, and the manifest's escaping is the only way to write one).
bool is_site_path(const std::string& path);

// The first of `path`'s parts under `root` ("people", then "people/index.html") that is a
// symbolic link on disk, "" when none is (a part that does not exist ends the search). A
// build never writes, moves or deletes through a link in the site folder: the folder it
// points at is someone else's. `checked` remembers folders already found to be real ones,
// so a commit of many files in few folders looks at each folder once.
std::string link_on_the_way(const std::filesystem::path& root, const std::string& path,
                            std::set<std::string>& checked);

// Throws std::runtime_error naming the first of `paths` with a link on the way (see above),
// with what it points at and the way out; "nothing was published".
void refuse_links(const std::filesystem::path& root, const std::vector<std::string>& paths);

}  // namespace quorum
