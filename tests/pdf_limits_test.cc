// Bounded work on hostile PDFs (issue 20): a decompression bomb as a report's appendix is read
// by a helper process under memory and time limits. The build succeeds, warns naming the file,
// and still links the appendix; only its text (search, text version) is missing.
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "load/pdf_text.h"
#include "pdf_bomb.h"
#include "pdf_maker.h"
#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

const std::string kMeeting = "content/committees/board/meetings/2017-07-19/";

Files bomb_site() {
  Files files = parse_sections(minimal_site());
  files[kMeeting + "meeting.yaml"] = R"(date: 2017-07-19
status: held
agenda:
  - number: "1"
    title: Apologies
  - number: "2"
    title: Site plans
    report: plans
)";
  files[kMeeting + "reports/plans.md"] = R"(---
title: Site plans
item: "2"
appendices:
  - title: "Appendix A: Site drawing"
    file: ../site drawing.pdf
  - title: "Appendix B: Schedule"
    file: ../schedule.pdf
---
The plans.
)";
  // 300 MB of text once inflated, from a file of a few hundred KB.
  files[kMeeting + "site drawing.pdf"] = make_pdf_bomb(300);
  files[kMeeting + "schedule.pdf"] = make_pdf({{"Schedule of works: Kestrelwood"}});
  return files;
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The process's extractor with a lower memory limit for one test, put back afterwards.
class LowMemoryLimit {
 public:
  explicit LowMemoryLimit(std::uint64_t megabytes) : saved_(quorum::pdf_extractor()) {
    quorum::PdfExtractor low = saved_;
    low.limits.memory_bytes = megabytes << 20;
    quorum::set_pdf_extractor(low);
  }
  ~LowMemoryLimit() { quorum::set_pdf_extractor(saved_); }
  LowMemoryLimit(const LowMemoryLimit&) = delete;
  LowMemoryLimit& operator=(const LowMemoryLimit&) = delete;

 private:
  quorum::PdfExtractor saved_;
};

void check_site(const fs::path& out, const std::string& err) {
  // The warning names the file and says what is lost and what to do.
  CHECK(has(err, kMeeting + "site drawing.pdf: warning: the text of this PDF could not be extracted"));
  CHECK(has(err, "search cannot find its words"));
  CHECK(has(err, "save it again as a PDF"));
  CHECK_FALSE(has(err, "damaged or password-protected"));
  CHECK_FALSE(has(err, "schedule.pdf: warning"));
  // The appendix is still published and linked, with no text version; the other keeps its text.
  CHECK(fs::exists(out / "committees/board/2017-07-19/site drawing.pdf"));
  const std::string report = read(out / "committees/board/2017-07-19/reports/plans/index.html");
  CHECK(has(report, "href=\"/committees/board/2017-07-19/site%20drawing.pdf\""));
  CHECK(has(report, ">Appendix A: Site drawing (PDF, "));
  CHECK_FALSE(has(report, "site%20drawing-text"));
  CHECK_FALSE(fs::exists(out / "committees/board/2017-07-19/site drawing-text"));
  CHECK(has(report, "href=\"/committees/board/2017-07-19/schedule-text/\""));
  CHECK(has(read(out / "committees/board/2017-07-19/schedule-text/index.html"), "Kestrelwood"));
}

}  // namespace

TEST_CASE("a PDF bomb beyond the memory limit is a warning on its appendix, never a failed build",
          "[e2e][pdf][security]") {
  TempDir dir;
  write_files(dir / "src", bomb_site());
  commit_all(dir / "src", "Plans with a drawing");
  const LowMemoryLimit limit(32);
  const BuildResult r = build(dir / "src", dir / "site");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  check_site(dir / "site", r.err);
  // "needs more than the 32 MB of memory allowed", or (where the allocator aborts rather than
  // saying so) "may need more than the 32 MB of memory allowed".
  CHECK(has(r.err, "more than the 32 MB of memory allowed"));
}

TEST_CASE("the quorum command takes its PDF limits from the environment", "[e2e][pdf][security]") {
  TempDir dir;
  write_files(dir / "src", bomb_site());
  commit_all(dir / "src", "Plans with a drawing");
  const std::string build = "cd '" + (dir / "src").string() + "' && QUORUM_PDF_MEMORY_MB=32 '" +
                            std::string(QUORUM_BINARY) + "' build --out '" + (dir / "site").string() +
                            "' >'" + (dir / "out.txt").string() + "' 2>&1";
  const int status = shell(build);
  const std::string printed = read(dir / "out.txt");
  INFO(printed);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  check_site(dir / "site", printed);

  // A limit that is not a number is a usage error naming the variable, before any work.
  const std::string bad = "cd '" + (dir / "src").string() + "' && QUORUM_PDF_SECONDS=soon '" +
                          std::string(QUORUM_BINARY) + "' check >'" + (dir / "bad.txt").string() + "' 2>&1";
  const int bad_status = shell(bad);
  CHECK(WEXITSTATUS(bad_status) == 2);
  CHECK(has(read(dir / "bad.txt"), "QUORUM_PDF_SECONDS='soon' is not a whole number"));
}
