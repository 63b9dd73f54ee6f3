#include "load/pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "load/pdf_helper.h"

namespace quorum {
namespace {

// Poppler prints parse complaints to stderr by default; a build's output is its diagnostics.
void quiet_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

std::string to_utf8(const poppler::ustring& u) {
  const poppler::byte_array bytes = u.to_utf8();
  std::string s(bytes.begin(), bytes.end());
  // Form feeds and NULs end up in some extractions; neither belongs in HTML or JSON text.
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '\f' || c == '\0'; }), s.end());
  return s;
}

PdfExtractor& default_extractor() {
  static PdfExtractor extractor;
  return extractor;
}

std::mutex& extractor_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

void set_pdf_extractor(PdfExtractor extractor) {
  const std::lock_guard<std::mutex> lock(extractor_mutex());
  default_extractor() = std::move(extractor);
}

PdfExtractor pdf_extractor() {
  const std::lock_guard<std::mutex> lock(extractor_mutex());
  return default_extractor();
}

std::string pdf_limits_from_environment(PdfLimits& limits, const char* (*getenv)(const char*)) {
  const auto whole = [&](const char* name, std::uint64_t low, std::uint64_t high,
                         std::uint64_t& out) -> std::string {
    const char* text = getenv(name);
    if (text == nullptr || *text == '\0') return "";
    std::uint64_t v = 0;
    for (const char* c = text; *c != '\0'; ++c) {
      if (*c < '0' || *c > '9' || v > high)
        return std::string(name) + "='" + text + "' is not a whole number";
      v = v * 10 + static_cast<std::uint64_t>(*c - '0');
    }
    if (v < low || v > high) {
      return std::string(name) + "='" + text + "' is out of range: give " + std::to_string(low) + " to " +
             std::to_string(high);
    }
    out = v;
    return "";
  };
  std::uint64_t mb = limits.memory_bytes >> 20;
  std::uint64_t secs = static_cast<std::uint64_t>(limits.cpu_seconds);
  std::string problem = whole("QUORUM_PDF_MEMORY_MB", 16, 1 << 20, mb);
  if (problem.empty()) problem = whole("QUORUM_PDF_SECONDS", 1, 24 * 60 * 60, secs);
  if (!problem.empty()) return problem;
  limits.memory_bytes = mb << 20;
  limits.cpu_seconds = static_cast<int>(secs);
  limits.wall_milliseconds = static_cast<int>(secs * 1000);
  return "";
}

PdfText extract_pdf_text(std::string_view bytes, const PdfExtractor& extractor) {
  PdfHelperProcess helper(extractor);
  return helper.extract(bytes);
}

PdfText extract_pdf_text_in_process(std::string_view bytes) {
  quiet_poppler();
  PdfText out;
  if (bytes.empty() || bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return out;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc || doc->is_locked()) return out;
  out.readable = true;
  out.pages = doc->pages();
  for (int i = 0; i < out.pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::string text =
        page ? to_utf8(page->text(poppler::rectf(), poppler::page::physical_layout)) : std::string();
    if (!blank(text)) out.has_text = true;
    out.text.push_back(std::move(text));
  }
  return out;
}

std::map<std::string, PdfText> extract_pdf_texts(const std::map<std::string, PdfSource>& sources,
                                                 PdfTextStore* store, const PdfExtractor& extractor) {
  std::vector<const std::pair<const std::string, PdfSource>*> work;
  for (const auto& entry : sources) work.push_back(&entry);
  std::vector<PdfText> results(work.size());
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    PdfHelperProcess helper(extractor);  // started on this thread's first cache miss
    for (std::size_t i = next++; i < work.size(); i = next++) {
      const PdfSource& src = work[i]->second;
      const bool cached = store != nullptr && !src.fingerprint.empty();
      if (cached) {
        if (auto hit = store->find(src.fingerprint)) {
          results[i] = std::move(*hit);
          continue;
        }
      }
      results[i] = helper.extract(src.bytes);
      // A failure is not kept: the file is tried again next build.
      if (cached && results[i].failure.empty()) store->keep(src.fingerprint, results[i]);
    }
  };
  const std::size_t threads =
      std::min<std::size_t>(work.size(), std::max(1U, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  std::map<std::string, PdfText> out;
  for (std::size_t i = 0; i < work.size(); ++i) out.emplace(work[i]->first, std::move(results[i]));
  return out;
}

}  // namespace quorum
