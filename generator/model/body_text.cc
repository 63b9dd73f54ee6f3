#include "model/body_text.h"

#include <stdexcept>

#include "load/fingerprint.h"

namespace quorum {

std::string body_text(const Body& body, const SourceTree& tree) {
  if (!body.in_file) return body.markdown;
  auto bytes = tree.read(body.path);
  // As parse_markdown_file read it: without a byte order mark.
  if (bytes && bytes->size() >= 3 && bytes->compare(0, 3, "\xEF\xBB\xBF") == 0) bytes->erase(0, 3);
  if (!bytes || body.offset > bytes->size() || fingerprint(*bytes) != body.file_fingerprint) {
    throw std::runtime_error(body.path + " changed while the site was being built; build again");
  }
  bytes->erase(0, body.offset);
  return std::move(*bytes);
}

}  // namespace quorum
