// The manifest a build leaves in its site folder: every file the build published, with the
// fingerprint it was made from, and the build stamp. It is what lets the next build leave
// unchanged files alone, delete only what Quorum itself wrote, and keep everything else
// (a CNAME, a .well-known folder) that someone put in the folder by hand.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace quorum {

struct SiteManifest {
  std::map<std::string, std::string> files;  // site-relative path -> fingerprint ("" none)
  std::string stamp;                         // the build line of the pages it lists
  bool found = false;                        // a manifest was there to read
};

// Version 2 escapes every path and the stamp (a backslash, a newline or any control
// character in a name cannot start a line of its own), so no file name can forge an entry.
// Version 1 (no header line) wrote paths raw; it is still read, as it was written.
std::string format_manifest(const SiteManifest& manifest);
SiteManifest parse_manifest(const std::string& text);

}  // namespace quorum
