// Maps a request path of the preview server to a file of the built site, refusing anything
// that could lead outside the site folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace quorum {

struct SiteFile {
  enum class Kind { file, directory_without_slash };
  Kind kind = Kind::file;
  std::filesystem::path path;  // the file to send (for a directory URL, its index.html)
};

// `url_path` is the request path, already percent-decoded ("/committees/board/").
// Returns nothing when no such file exists or when the path is not a plain path inside the
// site: a "..", "." or hidden segment (the manifest), a backslash or NUL, or a symbolic link
// leading out of `site_root`.
std::optional<SiteFile> find_site_file(const std::filesystem::path& site_root, const std::string& url_path);

// "text/html; charset=utf-8" for "index.html"; application/octet-stream when unknown.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace quorum
