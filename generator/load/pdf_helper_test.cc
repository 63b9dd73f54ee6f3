// The helper process that reads PDFs (load/pdf_helper.h): the real `quorum` executable under
// limits, and stand-in helpers (shell scripts) that hang or answer nonsense. Whatever the
// helper does, the result is "could not be extracted" with a reason, never a crash or a hang.
#include <catch2/catch.hpp>
#include <fstream>

#include "load/fingerprint.h"
#include "load/pdf_text.h"
#include "pdf_bomb.h"
#include "pdf_maker.h"
#include "test_support.h"

using quorum::testing::make_pdf;
using quorum::testing::make_pdf_bomb;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A helper that is a shell script: what a broken or hostile helper might do.
quorum::PdfExtractor script_helper(const quorum::testing::TempDir& dir, const std::string& body) {
  const fs::path script = dir / "helper.sh";
  std::ofstream(script) << "#!/bin/sh\n" << body << "\n";
  fs::permissions(script, fs::perms::owner_all);
  quorum::PdfExtractor e;
  e.helper = script;
  e.limits.wall_milliseconds = 2000;
  return e;
}

// A script helper first reads the whole request (the length, then the PDF): a socket closed
// with bytes unread is reset, and the answer with it.
std::string read_request(const std::string& pdf) {
  return "head -c " + std::to_string(8 + pdf.size()) + " >/dev/null; ";
}

}  // namespace

TEST_CASE("pdf helper: a valid PDF is extracted by the quorum executable as a separate process",
          "[load][pdf]") {
  const quorum::PdfExtractor e = quorum::pdf_extractor();
  REQUIRE(e.helper == fs::path(QUORUM_BINARY));
  const auto t = quorum::extract_pdf_text(make_pdf({{"Through the helper"}}), e);
  CHECK(t.failure.empty());
  CHECK(t.readable);
  REQUIRE(t.text.size() == 1);
  CHECK(has(t.text[0], "Through the helper"));
}

TEST_CASE("pdf helper: a decompression bomb beyond the memory limit is a failure, and only its own",
          "[load][pdf]") {
  quorum::PdfExtractor e = quorum::pdf_extractor();
  e.limits.memory_bytes = std::uint64_t{32} << 20;
  // About 300 KB of file, 300 MB of text string once inflated: poppler would hold it all.
  const std::string bomb = make_pdf_bomb(300);
  CHECK(bomb.size() < 400 * 1024);
  std::map<std::string, quorum::PdfSource> sources;
  sources["a.pdf"] = {"", make_pdf({{"Before the bomb"}})};
  sources["b.pdf"] = {"", bomb};
  sources["c.pdf"] = {"", make_pdf({{"After the bomb"}})};
  const auto out = quorum::extract_pdf_texts(sources, {}, e);
  const quorum::PdfText& b = out.at("b.pdf");
  CHECK_FALSE(b.readable);
  CHECK(b.pages == 0);
  CHECK(b.text.empty());
  INFO(b.failure);
  CHECK(has(b.failure, "32 MB of memory"));
  // The other PDFs keep their text, whichever helper (the same or a new one) read them.
  CHECK(out.at("a.pdf").failure.empty());
  CHECK(has(out.at("a.pdf").text.at(0), "Before the bomb"));
  CHECK(has(out.at("c.pdf").text.at(0), "After the bomb"));
}

TEST_CASE("pdf helper: running out of wall-clock time is a failure", "[load][pdf]") {
  SECTION("the real helper, given no time at all") {
    quorum::PdfExtractor e = quorum::pdf_extractor();
    e.limits.wall_milliseconds = 0;
    const auto t = quorum::extract_pdf_text(make_pdf({{"No time"}}), e);
    CHECK_FALSE(t.readable);
    CHECK(has(t.failure, "took longer than 0 milliseconds"));
  }
  SECTION("a helper that never answers is killed") {
    quorum::testing::TempDir dir;
    quorum::PdfExtractor e = script_helper(dir, "exec sleep 30");
    e.limits.wall_milliseconds = 200;
    const auto t = quorum::extract_pdf_text(make_pdf({{"Hang"}}), e);
    CHECK_FALSE(t.readable);
    CHECK(has(t.failure, "took longer than 200 milliseconds"));
  }
}

TEST_CASE("pdf helper: an answer that does not check is rejected", "[load][pdf]") {
  quorum::testing::TempDir dir;
  const std::string pdf = make_pdf({{"Some text"}});
  // Each answer differs from a valid one for a one-page PDF with text in one way.
  const std::vector<std::string> answers = {
      R"(printf 'not an answer at all')",
      R"(printf 'QPT1\001\001\001\000\000\000\001\000\000\000\004\000\000\000TextEND1 trailing')",
      R"(printf 'QPT1\001\001\002\000\000\000\001\000\000\000\004\000\000\000TextEND1')",  // 2 pages, 1 text
      R"(printf 'QPT1\001\001\001\000\000\000\001\000\000\000\004\000\000\000    END1')",  // has_text, blank
      R"(printf 'QPT1\002\001\001\000\000\000\001\000\000\000\004\000\000\000TextEND1')",  // readable = 2
      R"(printf 'QPT1\001\001\001\000\000\000\001\000\000\000\377\377\377\000Text')",      // cut short
      R"(printf 'QPT1\001\001\001\000\000\000\001\000\000\000\004\000\000\000TextEND2')",  // trailer
  };
  for (const auto& answer : answers) {
    INFO(answer);
    const quorum::PdfExtractor e = script_helper(dir, read_request(pdf) + answer);
    const auto t = quorum::extract_pdf_text(pdf, e);
    CHECK_FALSE(t.readable);
    CHECK(t.text.empty());
    CHECK_FALSE(t.failure.empty());
  }
  // The same framing, valid, is accepted: the rejections above are for what differs.
  const quorum::PdfExtractor ok = script_helper(
      dir,
      read_request(pdf) + R"(printf 'QPT1\001\001\001\000\000\000\001\000\000\000\004\000\000\000TextEND1')");
  const auto t = quorum::extract_pdf_text(pdf, ok);
  CHECK(t.failure.empty());
  CHECK(t.text == std::vector<std::string>{"Text"});
}

TEST_CASE("pdf helper: a helper that cannot start, or crashes, is a failure", "[load][pdf]") {
  quorum::testing::TempDir dir;
  quorum::PdfExtractor missing;
  missing.helper = dir / "no-such-quorum";
  CHECK(has(quorum::extract_pdf_text(make_pdf({{"x"}}), missing).failure, "could not be started"));
  CHECK(has(quorum::extract_pdf_text(make_pdf({{"x"}}), quorum::PdfExtractor{}).failure, "not set up"));
  const auto crashed = quorum::extract_pdf_text(make_pdf({{"x"}}), script_helper(dir, "kill -SEGV $$"));
  CHECK(has(crashed.failure, "stopped on it"));
}

TEST_CASE("pdf helper: the limits an operator sets in the environment", "[load][pdf]") {
  static std::map<std::string, std::string> env;
  const auto getenv = [](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  quorum::PdfLimits limits;
  env = {};
  CHECK(quorum::pdf_limits_from_environment(limits, getenv).empty());
  CHECK(limits.memory_bytes == std::uint64_t{1024} << 20);
  CHECK(limits.wall_milliseconds == 30000);
  env = {{"QUORUM_PDF_MEMORY_MB", "2048"}, {"QUORUM_PDF_SECONDS", "120"}};
  CHECK(quorum::pdf_limits_from_environment(limits, getenv).empty());
  CHECK(limits.memory_bytes == std::uint64_t{2048} << 20);
  CHECK(limits.cpu_seconds == 120);
  CHECK(limits.wall_milliseconds == 120000);
  for (const char* bad : {"lots", "-1", "1.5", "0", "99999999999999999999999"}) {
    env = {{"QUORUM_PDF_SECONDS", bad}};
    CHECK(has(quorum::pdf_limits_from_environment(limits, getenv), "QUORUM_PDF_SECONDS"));
  }
  env = {{"QUORUM_PDF_MEMORY_MB", "8"}};
  CHECK(has(quorum::pdf_limits_from_environment(limits, getenv), "out of range"));
  CHECK(limits.cpu_seconds == 120);  // a refused value changes nothing
}
