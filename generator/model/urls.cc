#include "model/urls.h"

#include "support/text.h"

namespace quorum {

std::string page_path(const Key& key_with_fragment) {
  const std::string key = key_with_fragment.substr(0, key_with_fragment.find('#'));
  const auto colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string id = colon == std::string::npos ? std::string() : key.substr(colon + 1);
  if (kind == "home") return "";
  if (kind == "person") return "people/" + id + "/";
  if (kind == "organisation") return "organisations/" + id + "/";
  if (kind == "committee") return "committees/" + id + "/";
  if (kind == "terms") return "committees/" + id + "/terms-of-reference/";
  if (kind == "document") return "documents/" + id + "/";
  if (kind == "topic") return "topics/" + id + "/";
  const auto parts = split(id, '/');
  if (kind == "meeting" && parts.size() == 2) return "committees/" + parts[0] + "/" + parts[1] + "/";
  if (kind == "minutes" && parts.size() == 2) {
    return "committees/" + parts[0] + "/" + parts[1] + "/minutes/";
  }
  if (kind == "report" && parts.size() == 3) {
    return "committees/" + parts[0] + "/" + parts[1] + "/reports/" + parts[2] + "/";
  }
  if (kind == "pdf") {  // a PDF's text version, beside it: "papers/Risk register.pdf" -> "papers/Risk register-text/"
    std::string p = attachment_path(id);
    if (const auto dot = p.rfind('.'); dot != std::string::npos && p.find('/', dot) == std::string::npos) p.resize(dot);
    return p + "-text/";
  }
  if (kind == "list") return id + "/";  // index pages: "list:people", "list:meetings"
  return "";
}

std::string attachment_path(const std::string& repository_path) {
  std::string p = repository_path;
  if (p.rfind("content/", 0) == 0) p = p.substr(8);
  if (p.rfind("committees/", 0) == 0) {
    const auto meetings = p.find("/meetings/");
    if (meetings != std::string::npos) p = p.substr(0, meetings) + p.substr(meetings + 9);
  }
  return p;
}

std::string url_encode_path(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool safe = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                      c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (safe) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string resolve_relative(const std::string& from_file, const std::string& target) {
  // An absolute path names a place on somebody's disk, never inside the repository.
  if (target.empty() || target[0] == '/' || target[0] == '\\') return "";
  std::vector<std::string> parts = split(from_file, '/');
  parts.pop_back();  // the file's own name
  for (const auto& segment : split(target, '/')) {
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else {
      parts.push_back(segment);
    }
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace quorum
