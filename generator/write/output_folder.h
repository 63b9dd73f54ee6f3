// Which folder a build may publish into. A clean build replaces the whole output folder, so
// pointing `--out` at the wrong place once (`--out .`, `--out content`) used to delete a
// repository, uncommitted work included. A build now writes only into a folder that is
// missing, empty, or already a Quorum site (it holds the manifest Quorum writes); a folder
// holding anything else needs `--force`; the repository, a folder above it, and anything
// inside its content/, site-config/, themes/ or .git never, with or without `--force`.
#pragma once

#include <filesystem>
#include <string>

namespace quorum {

// "" when `out` may be written by a build of the repository at `source`; otherwise what is
// wrong and the way out, in words for the person who typed the command.
std::string refuse_output_folder(const std::filesystem::path& source, const std::filesystem::path& out,
                                 bool force);

}  // namespace quorum
