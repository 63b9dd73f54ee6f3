#include "model/withheld_copies.h"

#include <map>
#include <string>
#include <vector>

#include "load/fingerprint.h"
#include "model/loader.h"
#include "model/meeting_files.h"

namespace quorum::loader {
namespace {

// Every repository file the site copies as it is: the published papers.
std::vector<std::string> copied_files(const Context& ctx) {
  return {ctx.model.published_files.begin(), ctx.model.published_files.end()};
}

// Free for a git tree (the blob id it lists); otherwise the file is read.
std::string fingerprint_of(const SourceTree& tree, const std::string& path) {
  if (auto known = tree.known_fingerprint(path)) return *known;
  const auto bytes = tree.read(path);
  return bytes ? fingerprint(*bytes) : std::string();
}

void withhold_copy(Context& ctx, const std::string& path) {
  ctx.model.published_files.erase(path);
  ctx.model.withheld_paths.insert(path);
}

}  // namespace

void refuse_withheld_copies(Context& ctx) {
  const SourceTree& tree = ctx.tree;
  // Compared by size first, so that only a file as long as a withheld one is fingerprinted.
  // An empty file holds nothing to withhold.
  std::map<std::size_t, std::vector<std::string>> withheld_by_size;
  for (const auto& path : ctx.model.withheld_paths) {
    if (const auto size = tree.size(path); size && *size > 0) withheld_by_size[*size].push_back(path);
  }
  if (withheld_by_size.empty()) return;
  std::map<std::string, std::string> fingerprints;
  const auto fingerprint_once = [&](const std::string& path) -> const std::string& {
    auto it = fingerprints.find(path);
    if (it == fingerprints.end()) it = fingerprints.emplace(path, fingerprint_of(tree, path)).first;
    return it->second;
  };
  for (const auto& path : copied_files(ctx)) {
    if (ctx.model.withheld_paths.count(path) != 0) continue;
    const auto size = tree.size(path);
    const auto same_size = size ? withheld_by_size.find(*size) : withheld_by_size.end();
    if (same_size == withheld_by_size.end()) continue;
    for (const auto& withheld : same_size->second) {
      const std::string& print = fingerprint_once(path);
      if (print.empty() || print != fingerprint_once(withheld)) continue;
      withhold_copy(ctx, path);
      ctx.diags.error({path, 0, 0}, "this file is identical to " + withheld + ", which is withheld with " +
                                        why_withheld(ctx, withheld) +
                                        ": it is the same private paper under another name, so it is not "
                                        "published. Remove this copy; if the paper is public, take it out of "
                                        "the private business instead");
      break;
    }
  }
}

}  // namespace quorum::loader
