// Extracted PDF text kept between builds by blob id (build/pdf_text_cache.h): reused while the
// bytes are unchanged, never a failure, and nothing of a file no longer published.
#include "build/pdf_text_cache.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "load/fingerprint.h"
#include "pdf_maker.h"
#include "test_support.h"

using quorum::testing::make_pdf;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("pdf text: many at once, in parallel, cached by blob id", "[build][pdf]") {
  quorum::testing::TempDir dir;
  quorum::build::PdfTextCache cache(dir.path());
  std::map<std::string, quorum::PdfSource> sources;
  for (int i = 0; i < 12; ++i) {
    const std::string bytes = make_pdf({{"Document " + std::to_string(i)}});
    sources["f" + std::to_string(i) + ".pdf"] = {quorum::fingerprint(bytes), bytes};
  }
  const auto first = quorum::extract_pdf_texts(sources, &cache);
  REQUIRE(first.size() == 12);
  CHECK(first.at("f7.pdf").text[0].find("Document 7") != std::string::npos);
  // The second run is served from the cache: the bytes are not even needed.
  for (auto& [name, src] : sources) src.bytes.clear();
  const auto second = quorum::extract_pdf_texts(sources, &cache);
  for (const auto& [name, t] : first) {
    CHECK(second.at(name).text == t.text);
    CHECK(second.at(name).pages == t.pages);
  }
}

TEST_CASE("pdf helper: a failure is not cached; the next build tries the file again", "[build][pdf]") {
  quorum::testing::TempDir dir;
  quorum::build::PdfTextCache cache(dir.path());
  const std::string bytes = make_pdf({{"Cached only when read"}});
  const std::map<std::string, quorum::PdfSource> sources{{"a.pdf", {quorum::fingerprint(bytes), bytes}}};
  quorum::PdfExtractor slow = quorum::pdf_extractor();
  slow.limits.wall_milliseconds = 0;
  CHECK_FALSE(quorum::extract_pdf_texts(sources, &cache, slow).at("a.pdf").failure.empty());
  CHECK(quorum::testing::list_files(dir.path()).empty());
  const auto again = quorum::extract_pdf_texts(sources, &cache);
  CHECK(again.at("a.pdf").failure.empty());
  CHECK(has(again.at("a.pdf").text.at(0), "Cached only when read"));
  CHECK(quorum::testing::list_files(dir.path()).size() == 1);
}

TEST_CASE("pdf text cache: only this build's entries stay", "[build][pdf][withheld]") {
  quorum::testing::TempDir dir;
  quorum::build::PdfTextCache cache(dir.path());
  const std::string kept_bytes = make_pdf({{"Still published"}});
  const std::string gone_bytes = make_pdf({{"Withheld since"}});
  std::map<std::string, quorum::PdfSource> sources{{"a.pdf", {quorum::fingerprint(kept_bytes), kept_bytes}},
                                                   {"b.pdf", {quorum::fingerprint(gone_bytes), gone_bytes}}};
  (void)quorum::extract_pdf_texts(sources, &cache);
  std::ofstream(dir.path() / "stray.tmp123") << "half an entry";
  REQUIRE(quorum::testing::list_files(dir.path()).size() == 3);
  cache.keep_only({quorum::fingerprint(kept_bytes)});
  const auto left = quorum::testing::list_files(dir.path());
  REQUIRE(left.size() == 1);
  CHECK(left.begin()->find(quorum::fingerprint(kept_bytes)) != std::string::npos);
  std::ofstream(dir.path() / (quorum::fingerprint(kept_bytes) + ".json")) << "{damaged";
  CHECK_FALSE(cache.find(quorum::fingerprint(kept_bytes)).has_value());
}

TEST_CASE("pdf text: a cache folder that is a symbolic link is not used, and nothing behind it deleted",
          "[build][pdf][security]") {
  quorum::testing::TempDir dir;
  quorum::testing::write_files(dir / "victim", {{"important.json", "V"}, {"notes.txt", "V"}});
  std::filesystem::create_directories(dir / "cache");
  std::filesystem::create_symlink(dir / "victim", dir / "cache/pdf");
  quorum::build::PdfTextCache cache(dir / "cache/pdf");
  const std::string bytes = make_pdf({{"Document"}});
  std::map<std::string, quorum::PdfSource> sources = {{"a.pdf", {quorum::fingerprint(bytes), bytes}}};
  CHECK(quorum::extract_pdf_texts(sources, &cache).at("a.pdf").readable);
  cache.keep_only({quorum::fingerprint(bytes)});
  CHECK(quorum::testing::list_files(dir / "victim") == std::set<std::string>{"important.json", "notes.txt"});
}
