// Site search without a server: `search/index.json` holds every page's type, title,
// committee, date, address and text (titles, agenda items, minutes, reports, documents,
// people), and `/search/` queries it with a small script. Only what the model holds is
// indexed, so exempt and withheld material (never loaded into it) can never be found.
#pragma once

#include <string>

#include "render/page_context.h"

namespace quorum {

inline constexpr const char* kSearchIndexPath = "search/index.json";

// The index as compact JSON: {"version":1,"committees":[...],"types":[...],"pages":[...]}.
json search_index(const PageContext& ctx);
// The same as json_file(search_index(ctx)), made without holding the index twice.
std::string search_index_file(const PageContext& ctx);

// The /search/ page ("list:search").
json search_page(const PageContext& ctx);

}  // namespace quorum
