// Site search without a server. The index holds every page's type, title, committee, date,
// address and text (titles, agenda items, minutes, reports, documents, people), and `/search/`
// queries it with a small script. Only what the model holds is indexed, so exempt and
// withheld material (never loaded into it) can never be found.
//
// The index comes in shards, so that a phone never has to fetch the whole archive at once and
// the build never holds it as one string: `search/index.json` is a small manifest (committees,
// types, and the shards), and each shard holds the entries of one year of their meeting's date
// (`search/2019.json`), or those without a date (`search/undated.json`: committees, people,
// organisations, documents and their attachments).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/page_context.h"

namespace quorum {

inline constexpr const char* kSearchIndexPath = "search/index.json";

struct SearchShard {
  std::optional<int> year;         // none: the entries without a date
  std::size_t count = 0;           // entries
  std::vector<std::string> types;  // the entry types it holds, in the index's order of types

  // "2019.json" or "undated.json": its address relative to the manifest.
  [[nodiscard]] std::string file_name() const;
  // "search/2019.json": where it is written in the site.
  [[nodiscard]] std::string path() const;
};

// The shards with at least one entry: newest year first, then the undated one.
std::vector<SearchShard> search_shards(const PageContext& ctx);

// The manifest: {"version":2,"committees":[{id,name}],"types":[{id,label}],
// "shards":[{"url":"2019.json","year":2019,"count":N,"types":[...]},
// ...,{"url":"undated.json","year":null,...}]}.
json search_manifest(const PageContext& ctx, const std::vector<SearchShard>& shards);
std::string search_manifest_file(const PageContext& ctx, const std::vector<SearchShard>& shards);

// Everything a shard is made from besides what any page may show of every file (the
// renderer's shared inputs): each entry's type and key, its page's source files (their
// fingerprints) and, for a page of a PDF, its text. While these are unchanged, so is the
// shard, and an incremental build neither makes nor writes it.
std::string search_shard_inputs(const PageContext& ctx, const SearchShard& shard);

// One shard: {"version":2,"year":2019,"pages":[{type,title,committee,date,url,text[,page]}]}.
json search_shard(const PageContext& ctx, const SearchShard& shard);
// The same as json_file(search_shard(ctx, shard)), made entry by entry without a JSON tree of
// the shard beside its text; each body's plain text is made only for the entries it holds.
std::string search_shard_file(const PageContext& ctx, const SearchShard& shard);

// The /search/ page ("list:search").
json search_page(const PageContext& ctx);

}  // namespace quorum
