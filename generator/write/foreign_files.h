// Files in a site folder that Quorum did not write: a CNAME for GitHub Pages, a
// .well-known/ folder, a verification file a search engine asked for. Quorum keeps them:
// a build deletes or replaces only files its own manifest lists.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace quorum {

// Every file, link and empty folder under `site` that `ours` (the last manifest's paths)
// does not list, site-relative, sorted; the manifest itself is Quorum's. Links are listed,
// never followed.
std::vector<std::string> foreign_files(const std::filesystem::path& site,
                                       const std::map<std::string, std::string>& ours,
                                       const std::string& manifest_name);

// Which of `foreign` a site made of `site_files` would overwrite: the same path, a path
// inside a folder of the site's that is a file here, or a file here where the site needs
// a folder.
std::vector<std::string> colliding(const std::vector<std::string>& foreign,
                                   const std::map<std::string, std::string>& site_files);

// Hard-links (or, for an empty folder, makes) each of `files` at the same place under
// `into`, so the new site folder carries them. Throws std::runtime_error when one cannot be.
void carry_foreign_files(const std::filesystem::path& site, const std::filesystem::path& into,
                         const std::vector<std::string>& files);

}  // namespace quorum
