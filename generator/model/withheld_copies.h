// A withheld file must not reach the site under another name. Run in ModelLoad::finish once
// every withheld file is known (model.withheld_paths, symbolic links included): each file the
// site would copy from the repository as it is, whose bytes are a withheld file's, is an
// error naming both, and is withheld too. An identical copy of a private appendix in a public
// folder is the private appendix, whatever it is called.
#pragma once

namespace quorum::loader {

struct Context;

void refuse_withheld_copies(Context& ctx);

}  // namespace quorum::loader
