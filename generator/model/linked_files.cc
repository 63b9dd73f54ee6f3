#include "model/linked_files.h"

namespace quorum::loader {

void withhold_linked_files(SiteModel& model, const SourceTree& tree, Diagnostics& diags) {
  for (const auto& path : tree.files()) {
    const auto target = tree.link_target(path);
    if (!target) continue;
    const bool withheld = model.withheld_paths.count(path) != 0 || model.withheld_paths.count(*target) != 0;
    if (!withheld) continue;
    model.withheld_paths.insert(path);
    model.withheld_paths.insert(*target);
    model.published_files.erase(path);
    model.published_files.erase(*target);
    diags.error({path, 0, 0}, "this is a symbolic link to " + *target +
                                  ", and one of the two is private (an exempt report or one of its papers): "
                                  "neither is published. Delete the link; if the file is needed here, it "
                                  "cannot be both private and public");
  }
}

}  // namespace quorum::loader
