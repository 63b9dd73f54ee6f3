// Replaces a whole site folder by a new one so that, at every instant, the folder's name
// holds either the complete old site or the complete new one.
#pragma once

#include <atomic>
#include <filesystem>

namespace quorum {

// Puts the folder `fresh` in place of `destination` (which may be missing), then removes
// the old site. Where the file system can exchange two names in one step (Linux
// renameat2 with RENAME_EXCHANGE: ext4, xfs, btrfs, tmpfs and most others), it does.
// Where it cannot (some network and FUSE file systems), it falls back to two renames: the
// old site to `aside`, then the new one in. A build killed between those two leaves no
// folder at `destination` for a moment; recover_swap() puts the old site back, and every
// build calls it before anything else. Throws std::runtime_error, with the old site still
// in place, when neither works.
void swap_site(const std::filesystem::path& fresh, const std::filesystem::path& destination,
               const std::filesystem::path& aside);

// Finishes what a swap killed part way left: the old site put back when `destination` is
// missing and `aside` holds it (true then), or the leftover old site removed when both are
// there.
bool recover_swap(const std::filesystem::path& destination, const std::filesystem::path& aside);

// For tests: take the two-rename fallback as if the file system could not exchange names.
extern std::atomic<bool> swap_without_exchange_for_testing;
// For tests: throw after moving the old site aside, as if the process died between the two
// renames of the fallback.
extern std::atomic<bool> stop_swap_between_renames_for_testing;

}  // namespace quorum
