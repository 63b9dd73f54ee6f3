// `quorum serve`: a live preview of the working tree on 127.0.0.1 until Ctrl-C.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "cli/preview_session.h"

namespace quorum {

// Where the preview is built when --out is not given: a folder of its own per content
// repository under a private (0700) folder of the system temp folder,
// e.g. /tmp/quorum-preview-1000/papers-3f2a9c0d1e4b. Outside the repository, so a preview
// can never be committed or published by mistake and nothing needs adding to .gitignore;
// the same folder every time, so the next session's build is incremental too.
// Throws std::runtime_error when the private folder cannot be made safely.
std::filesystem::path default_preview_folder(const std::filesystem::path& source);

// Runs a session until SIGINT or SIGTERM; returns the exit code (0 after a clean stop,
// 2 when the port or the folders cannot be used).
int run_serve(ServeRequest request, std::ostream& out, std::ostream& err);

}  // namespace quorum
