#include "cli/site_files.h"

#include <map>

#include "support/text.h"

namespace quorum {
namespace fs = std::filesystem;

namespace {

bool plain_segments(const std::string& url_path) {
  if (url_path.empty() || url_path[0] != '/') return false;
  if (url_path.find_first_of(std::string("\\\0", 2)) != std::string::npos) return false;
  for (const auto& segment : split(url_path.substr(1), '/')) {
    // Empty segments ("a//b", the trailing slash) are harmless; dot segments are not, and
    // hidden names are the build's own bookkeeping, not the site.
    if (!segment.empty() && segment[0] == '.') return false;
  }
  return true;
}

bool inside(const fs::path& root, const fs::path& candidate) {
  const fs::path rel = candidate.lexically_relative(root);
  return !rel.empty() && *rel.begin() != ".." && !rel.is_absolute();
}

}  // namespace

std::optional<SiteFile> find_site_file(const fs::path& site_root, const std::string& url_path) {
  if (!plain_segments(url_path)) return std::nullopt;
  std::error_code ec;
  const fs::path root = fs::canonical(site_root, ec);
  if (ec) return std::nullopt;
  fs::path wanted = root / fs::path(url_path.substr(1)).relative_path();
  SiteFile found;
  if (fs::is_directory(wanted, ec)) {
    if (url_path.back() != '/') found.kind = SiteFile::Kind::directory_without_slash;
    wanted /= "index.html";
  }
  // The built site has no symbolic links, but a check that follows them costs nothing.
  const fs::path real = fs::canonical(wanted, ec);
  if (ec || !inside(root, real) || !fs::is_regular_file(real, ec)) return std::nullopt;
  found.path = real;
  return found;
}

std::string content_type_for(const fs::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".ics", "text/calendar; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".pdf", "application/pdf"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".doc", "application/msword"},
      {".xls", "application/vnd.ms-excel"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {".odt", "application/vnd.oasis.opendocument.text"},
      {".ods", "application/vnd.oasis.opendocument.spreadsheet"},
  };
  const auto it = types.find(to_lower_ascii(file.extension().string()));
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace quorum
