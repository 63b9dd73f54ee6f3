// The text of a Markdown body. The model keeps a body's text only when it is not simply its
// file's tail (see Body); otherwise the text is read again from the source tree, checked to be
// the bytes the model was built from.
#pragma once

#include <string>

#include "load/source_tree.h"
#include "model/entities.h"

namespace quorum {

// Throws std::runtime_error when the file is gone or changed since the model read it (a
// working-tree build while someone saves), so a page never mixes two versions of a file.
std::string body_text(const Body& body, const SourceTree& tree);

}  // namespace quorum
