// A file reached through a symbolic link (a working tree's) is the same file under two names:
// when either name is withheld, both are, and the link is an error.
#pragma once

#include "load/source_tree.h"
#include "model/site_model.h"

namespace quorum::loader {

// Run once `model.withheld_paths` is complete, before any file is read for publishing.
void withhold_linked_files(SiteModel& model, const SourceTree& tree, Diagnostics& diags);

}  // namespace quorum::loader
