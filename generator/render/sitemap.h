// `sitemap.xml` (every page, with lastmod from git when the page's files have a history)
// and `robots.txt` pointing at it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "render/page_context.h"

namespace quorum {

// Site path -> bytes of sitemap.xml and robots.txt, for the pages of `keys`.
std::map<std::string, std::string> sitemap_files(const PageContext& ctx, const std::vector<Key>& keys);

}  // namespace quorum
