// Atom feeds (RFC 4287): one for the whole site (`feed.xml`) and one per committee
// (`committees/<id>/feed.xml`), an entry per published agenda, set of minutes, report and
// document; each feed carries its newest 100 entries. Times come from git (the commits of
// each page's source files), falling back to the meeting's date: never the clock, so the same
// commit always makes the same feed.
#pragma once

#include <map>
#include <string>

#include "render/page_context.h"

namespace quorum {

// First and last commit times (seconds since the epoch) of the files a page is made from;
// both 0 when they have no history (a preview of uncommitted files, or no git).
struct CommitTimes {
  long long first = 0;
  long long last = 0;
};
CommitTimes commit_times(const SiteModel& model, const Key& key);

// 1500541200 -> "2017-07-20T09:00:00Z"
std::string rfc3339_utc(long long seconds);

// The absolute address of a site path ("committees/x/feed.xml"), under the base URL.
std::string absolute_url(const PageContext& ctx, const std::string& site_path);

// Site path -> bytes of every feed.
std::map<std::string, std::string> atom_feeds(const PageContext& ctx);

// The feeds a page links to with <link rel="alternate">: the site feed, and the
// committee's feed on the committee's own pages. Each {href, title}.
json page_feeds(const PageContext& ctx, const Key& self);

}  // namespace quorum
