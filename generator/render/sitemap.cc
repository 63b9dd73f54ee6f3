#include "render/sitemap.h"

#include <set>

#include "model/urls.h"
#include "render/feeds.h"
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
    // The day of the page's last change, as its footer says; only that, not its history.
    if (const CommitTimes t = commit_times(ctx.model(), key); t.last != 0) {
      x += "<lastmod>" + Date::from_unix_time(t.last, ctx.model().site.timezone).iso() + "</lastmod>";
    }
    x += "</url>\n";
  }
  x += "</urlset>\n";
  std::string robots = "User-agent: *\nAllow: /\n";
  const bool absolute = ctx.base_url().find("://") != std::string::npos;
  robots += "\nSitemap: " + (absolute ? ctx.base_url() : ctx.base_path()) + "sitemap.xml\n";
  return {{"sitemap.xml", x}, {"robots.txt", robots}};
}

}  // namespace quorum
