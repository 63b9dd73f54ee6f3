#include "write/site_manifest.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "write/commit_journal.h"

namespace quorum {

namespace {

constexpr std::string_view kHeader = "#quorum-manifest 2";
constexpr std::string_view kStamp = "#stamp\t";

}  // namespace

std::string format_manifest(const SiteManifest& manifest) {
  std::string out(kHeader);
  out += '\n';
  if (!manifest.stamp.empty()) {
    out += kStamp;
    out += escape_line(manifest.stamp);
    out += '\n';
  }
  for (const auto& [path, fingerprint] : manifest.files) {
    out += escape_line(fingerprint);
    out += '\t';
    out += escape_line(path);
    out += '\n';
  }
  return out;
}

SiteManifest parse_manifest(const std::string& text) {
  SiteManifest manifest;
  manifest.found = true;
  std::istringstream in(text);
  std::string line;
  bool escaped = false;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && line == kHeader) {
      escaped = true;
      first = false;
      continue;
    }
    first = false;
    if (line.rfind(kStamp, 0) == 0) {
      manifest.stamp = unescape_line(line.substr(kStamp.size()));
      continue;
    }
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string path = line.substr(tab + 1);
    std::string fingerprint = line.substr(0, tab);
    if (escaped) {
      path = unescape_line(path);
      fingerprint = unescape_line(fingerprint);
    }
    manifest.files[std::move(path)] = std::move(fingerprint);
  }
  return manifest;
}

}  // namespace quorum
