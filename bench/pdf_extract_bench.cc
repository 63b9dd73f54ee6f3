// Measures PDF text extraction (generator/load/pdf_text.h) on a PDF made here: N pages of
// committee-paper prose, about 2.5 KB of text a page. Prints pages per second for a cold
// extraction (poppler in this process, and through the helper process a build uses) and for
// the cached path (the result read back by blob id), as a rebuild with an unchanged PDF takes
// it; then what the helper process costs on many small PDFs, against poppler in-process.
// Run through bench/pdf_extract.
// Usage: quorum_bench_pdf [PAGES] [REPEATS]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "build/pdf_text_cache.h"
#include "load/fingerprint.h"
#include "load/pdf_text.h"
#include "pdf_maker.h"

namespace {

// Words of a council report, so poppler sees ordinary word lengths and spacing.
const char* const kWords[] = {
    "the",        "board",     "council",     "care",      "health",      "plan",          "budget",
    "service",    "report",    "review",      "fund",      "partnership", "strategy",      "community",
    "adult",      "children",  "social",      "hospital",  "primary",     "public",        "housing",
    "support",    "outcome",   "performance", "risk",      "quality",     "commissioning", "integrated",
    "local",      "system",    "people",      "resident",  "improvement", "delivery",      "workforce",
    "prevention", "wellbeing", "of",          "and",       "to",          "for",           "in",
    "with",       "that",      "2017-19",     "1,250,000", "Thurrock",    "(see",          "appendix)"};

// One page: lines of up to ~75 characters (they fit the 612 pt page in 12 pt Helvetica),
// until the page holds about `bytes` of text.
std::vector<std::string> page_text(std::mt19937& rng, int page, std::size_t bytes) {
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
  std::vector<std::string> lines{"Page " + std::to_string(page) + " - Better Care Fund Plan 2017-19"};
  std::size_t total = lines[0].size();
  std::string line;
  while (total < bytes) {
    const std::string word = kWords[pick(rng)];
    if (line.size() + word.size() + 1 > 75) {
      total += line.size() + 1;
      lines.push_back(line + ".");
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return lines;
}

// Runs `work` `repeats` times; returns the fastest run in seconds (the least disturbed by
// other processes on a shared machine).
double best_seconds(int repeats, const std::function<void()>& work) {
  double best = 1e300;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const int pages = argc > 1 ? std::atoi(argv[1]) : 200;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  if (pages < 1 || repeats < 1) {
    std::fprintf(stderr, "usage: quorum_bench_pdf [PAGES] [REPEATS]\n");
    return 2;
  }
  // A build reads PDFs through the `quorum` executable as a helper process (load/pdf_helper.h).
  quorum::PdfExtractor helper;
  helper.helper = QUORUM_BINARY;
  quorum::set_pdf_extractor(helper);

  std::mt19937 rng(1);
  std::vector<std::vector<std::string>> text;
  std::size_t text_bytes = 0;
  for (int p = 1; p <= pages; ++p) {
    text.push_back(page_text(rng, p, 2500));
    for (const auto& line : text.back()) text_bytes += line.size() + 1;
  }
  const std::string pdf = quorum::testing::make_pdf(text);

  // A check that the figures measure real work: every page's text came out.
  const quorum::PdfText once = quorum::extract_pdf_text(pdf);
  if (once.pages != pages || !once.has_text ||
      once.text.back().find("Page " + std::to_string(pages)) == std::string::npos) {
    std::fprintf(stderr, "quorum_bench_pdf: extraction did not return the pages' text\n");
    return 1;
  }

  const double cold = best_seconds(repeats, [&] { (void)quorum::extract_pdf_text_in_process(pdf); });
  const double cold_helper = best_seconds(repeats, [&] {
    if (!quorum::extract_pdf_text(pdf).failure.empty()) std::abort();
  });

  // The cached path as a build takes it: one PDF keyed by its git blob id.
  const auto cache =
      std::filesystem::temp_directory_path() / ("quorum-bench-pdf-" + std::to_string(std::random_device{}()));
  const std::map<std::string, quorum::PdfSource> sources{{"appendix.pdf", {quorum::fingerprint(pdf), pdf}}};
  quorum::build::PdfTextCache store(cache);
  const double first = best_seconds(1, [&] { (void)quorum::extract_pdf_texts(sources, &store); });
  const double cached = best_seconds(repeats, [&] {
    if (quorum::extract_pdf_texts(sources, &store).at("appendix.pdf").pages != pages) std::abort();
  });
  std::filesystem::remove_all(cache);

  std::printf("pdf:                    %d pages, %.1f KB text (%.2f KB a page), %.1f KB file\n", pages,
              text_bytes / 1024.0, text_bytes / 1024.0 / pages, pdf.size() / 1024.0);
  std::printf("cold (poppler):         %.3f s  %.0f pages/s\n", cold, pages / cold);
  std::printf("cold (helper process):  %.3f s  %.0f pages/s\n", cold_helper, pages / cold_helper);
  std::printf("first build (+ cache):  %.3f s  %.0f pages/s\n", first, pages / first);
  std::printf("cached (by blob id):    %.4f s  %.0f pages/s\n", cached, pages / cached);

  // Many small PDFs (two pages each, as a short appendix), no cache: the helper's start-up
  // is paid once per worker thread, then each PDF is one request and one answer.
  std::map<std::string, quorum::PdfSource> many;
  for (int i = 0; i < 200; ++i) {
    many["f" + std::to_string(i) + ".pdf"] = {
        "", quorum::testing::make_pdf({text[i % text.size()], text[(i + 1) % text.size()]})};
  }
  const double many_helper = best_seconds(repeats, [&] {
    for (const auto& [name, t] : quorum::extract_pdf_texts(many)) {
      if (!t.failure.empty()) std::abort();
    }
  });
  // The same on as many threads, poppler in this process, as builds did before the helper.
  const unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  const double many_in_process = best_seconds(repeats, [&] {
    std::vector<const std::string*> work;
    for (const auto& [name, src] : many) work.push_back(&src.bytes);
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
      for (std::size_t i = next++; i < work.size(); i = next++)
        (void)quorum::extract_pdf_text_in_process(*work[i]);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
  });
  const double spawn =
      best_seconds(repeats, [&] { (void)quorum::extract_pdf_text(many.begin()->second.bytes); });
  std::printf("200 two-page PDFs:      %.3f s through helpers, %.3f s in-process (%u threads each)\n",
              many_helper, many_in_process, threads);
  std::printf("one two-page PDF, fresh helper (start, extract, stop): %.4f s\n", spawn);
  return 0;
}
