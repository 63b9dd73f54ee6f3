// Meetings as an earlier build loaded them, kept in the parse cache
// (parse_cache.h) so that a rebuild neither reads nor parses a meeting whose files did not
// change.
//
// After the parse cache, most of a rebuild of a large archive was still parsing every
// meeting.yaml and front matter with yaml-cpp and loading them, for the one meeting a commit
// touched. Loading a meeting depends on nothing but the files in its folder, so an entry is
// keyed by their paths and git blob ids (which a git tree lists without reading a file; in a
// folder of files the YAML and Markdown are read and fingerprinted, and papers, of which a
// meeting holds only the size, are known by it), and any change, addition or removal in the
// folder misses.
//
// Only a meeting whose load was clean is kept: no message (so a problem is reported on every
// build) and nothing withheld (no exempt agenda item or report). So an entry holds only what
// the site publishes, and the model is the same whether a meeting came from the cache or from
// its files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/source_tree.h"
#include "model/model_load.h"

namespace quorum::build {

// The key of the meeting in `folder`: a fingerprint of its files' paths and fingerprints (git
// blob ids, or a paper's size); empty when a file cannot be read.
std::string meeting_cache_key(const SourceTree& tree, const std::string& folder);

// A meeting the model called publishable (ModelLoad::publishable_meeting), and back.
std::string encode_loaded_meeting(const PublishableMeeting& publishable);
std::optional<LoadedMeeting> decode_loaded_meeting(std::string_view bytes);

}  // namespace quorum::build
