// A stable fingerprint of bytes: the git blob id (SHA-1), from libgit2, so a copied file's
// fingerprint is the id git already gave it.
#pragma once

#include <string>
#include <string_view>

namespace quorum {

std::string fingerprint(std::string_view bytes);

}  // namespace quorum
