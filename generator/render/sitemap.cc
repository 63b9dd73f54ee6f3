#include "render/sitemap.h"

#include <set>

#include "model/urls.h"
#include "support/text.h"

namespace quorum {

std::map<std::string, std::string> sitemap_files(const PageContext& ctx, const std::vector<Key>& keys) {
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                  "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  std::set<std::string> seen;
  for (const Key& key : keys) {
    const std::string url = ctx.base_url() + url_encode_path(page_path(key));
    if (!seen.insert(url).second) continue;
    x += "  <url><loc>" + xml_escape(url) + "</loc>";
    const json h = ctx.history(key);
    if (h.is_object()) x += "<lastmod>" + h["last_updated"]["iso"].get<std::string>() + "</lastmod>";
    x += "</url>\n";
  }
  x += "</urlset>\n";
  std::string robots = "User-agent: *\nAllow: /\n";
  const bool absolute = ctx.base_url().find("://") != std::string::npos;
  robots += "\nSitemap: " + (absolute ? ctx.base_url() : ctx.base_path()) + "sitemap.xml\n";
  return {{"sitemap.xml", x}, {"robots.txt", robots}};
}

}  // namespace quorum
