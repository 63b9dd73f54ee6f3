#include "load/fingerprint.h"

#include <git2.h>

namespace quorum {

std::string fingerprint(std::string_view bytes) {
  git_oid oid;
  git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB);
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

}  // namespace quorum
