// Reading a built site's search index (issue 7): `search/index.json` is a manifest naming the
// shards (`search/2019.json`, `search/undated.json`, ...) that hold the entries.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace quorum::testing {

// The manifest of the site built into `out`.
inline nlohmann::json search_manifest(const std::filesystem::path& out) {
  return nlohmann::json::parse(read(out / "search/index.json"));
}

// Every entry of every shard the manifest lists, shard by shard in its order.
inline nlohmann::json search_pages(const std::filesystem::path& out) {
  nlohmann::json pages = nlohmann::json::array();
  // Held by name: a range-for over search_manifest(out).at(...) would outlive the manifest.
  const nlohmann::json manifest = search_manifest(out);
  for (const auto& shard : manifest.at("shards")) {
    const auto data = nlohmann::json::parse(read(out / "search" / shard.at("url").get<std::string>()));
    for (const auto& p : data.at("pages")) pages.push_back(p);
  }
  return pages;
}

// The bytes of the manifest and of every file under search/ but the page, for "same bytes" checks.
inline std::string search_index_bytes(const std::filesystem::path& out) {
  std::string bytes;
  for (const auto& f : list_files(out / "search")) {
    if (f != "index.html") bytes += f + '\n' + read(out / "search" / f) + '\n';
  }
  return bytes;
}

}  // namespace quorum::testing
