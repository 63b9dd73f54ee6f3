// What a path inside the site folder may look like, wherever it comes from: a page the
// renderer names, a line of the last manifest, a line of a commit journal left on disk. The
// manifest and the journal sit beside the site where anyone can edit them, so a path read
// back from either is checked exactly like one the build makes itself before anything is
// written, moved or deleted there.
#pragma once

#include <string>

namespace quorum {

// True for a relative path that stays inside the folder it is joined to: not empty, not
// absolute, no "." or ".." part, and no control character (no name the loader accepts has
// one, and the manifest's escaping is the only way to write one).
bool is_site_path(const std::string& path);

}  // namespace quorum
