// Where each thing lives on the site, relative to the site root ("committees/x/").
// Every page is a folder with an index.html, so addresses never show ".html".
#pragma once

#include <string>

#include "model/site_model.h"

namespace quorum {

// The page path of a key (without its fragment), "" for the home page.
// "pdf:<repository path>" is a published PDF's text version, beside the file.
std::string page_path(const Key& key);

// The site path a published file is copied to: the repository path without `content/`
// and without the `meetings/` folder, so a meeting's papers sit beside its page.
std::string attachment_path(const std::string& repository_path);

// Percent-encodes what a URL path cannot carry (spaces, non-ASCII) and keeps '/'.
std::string url_encode_path(const std::string& path);

// "a/b/../c.md" relative to "x/y/file.md" -> "x/y/a/c.md"; "" when it climbs out of the root.
std::string resolve_relative(const std::string& from_file, const std::string& target);

}  // namespace quorum
