#include "build/pdf_text_cache.h"

#include <sys/stat.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <system_error>
#include <thread>
#include <vector>

namespace quorum::build {
namespace {

constexpr int kCacheVersion = 1;

bool is_link(const std::filesystem::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

}  // namespace

PdfTextCache::PdfTextCache(std::filesystem::path folder) : folder_(std::move(folder)) {
  if (!folder_.empty() && (is_link(folder_) || is_link(folder_.parent_path()))) folder_.clear();
}

std::optional<PdfText> PdfTextCache::find(const std::string& fingerprint) {
  if (folder_.empty()) return std::nullopt;
  std::ifstream in(folder_ / (fingerprint + ".json"), std::ios::binary);
  if (!in) return std::nullopt;
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (j.value("version", 0) != kCacheVersion) return std::nullopt;
    PdfText t;
    t.readable = j.at("readable").get<bool>();
    t.pages = j.at("pages").get<int>();
    t.has_text = j.at("has_text").get<bool>();
    t.text = j.at("text").get<std::vector<std::string>>();
    return t;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged cache entry is only a miss
  }
}

void PdfTextCache::keep(const std::string& name, const PdfText& t) {
  if (folder_.empty()) return;
  const std::filesystem::path& dir = folder_;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return;
  const nlohmann::json j = {{"version", kCacheVersion},
                            {"readable", t.readable},
                            {"pages", t.pages},
                            {"has_text", t.has_text},
                            {"text", t.text}};
  // Written beside and renamed into place, so a reader never sees half an entry.
  const auto tmp =
      dir / (name + ".tmp" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  std::filesystem::rename(tmp, dir / (name + ".json"), ec);
  if (ec) std::filesystem::remove(tmp, ec);
}

void PdfTextCache::keep_only(const std::set<std::string>& fingerprints) {
  if (folder_.empty()) return;
  std::set<std::string> names;
  for (const auto& fp : fingerprints) {
    if (!fp.empty()) names.insert(fp + ".json");
  }
  std::error_code ec;
  std::vector<std::filesystem::path> stale;
  for (std::filesystem::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
    if (names.count(it->path().filename().string()) == 0) stale.push_back(it->path());
  }
  for (const auto& p : stale) std::filesystem::remove_all(p, ec);
}

}  // namespace quorum::build
