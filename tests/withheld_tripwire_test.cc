// The tripwire: after rendering and before publishing, every file about to be published and
// every cache file kept beside the site is searched for every text the model withheld. A
// leak injected by a test-only hook (whatever path a real one would take) must stop the
// build, name the file and the text's source, and publish nothing.
#include <catch2/catch.hpp>
#include <cstdio>
#include <functional>
#include <map>

#include "build/run_build.h"
#include "model/site_model.h"
#include "support/output_sink.h"
#include "test_support.h"
#include "write/atomic_output.h"

using namespace quorum::testing;
namespace fs = std::filesystem;
using quorum::AtomicOutput;
using quorum::OutputSink;
using quorum::SiteModel;

namespace {

// Sets the leak injector for one test and always clears it again.
class Injector {
 public:
  explicit Injector(quorum::LeakInjector inject) { quorum::set_leak_injector_for_testing(std::move(inject)); }
  ~Injector() { quorum::set_leak_injector_for_testing(nullptr); }
  Injector(const Injector&) = delete;
  Injector& operator=(const Injector&) = delete;
};

// Every file of a folder with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& f : list_files(root)) out[f] = read(root / f);
  return out;
}

// Each kind of withheld text, as the sources name it, and a text of that kind with
// characters that every escaping changes (quotes, apostrophes, ampersands, accents).
struct Kind {
  const char* source;  // the start of WithheldText::source
  const char* slug;    // for the file the leak is planted in
};
const Kind kKinds[] = {
    {"the description of exempt item", "description"},        {"the reason for taking agenda item", "reason"},
    {"the title of exempt report", "report-title"},           {"the text of exempt report", "report-text"},
    {"a recommendation of exempt report", "recommendation"},  {"an action of private item", "action"},
    {"the description of a sensitive interest", "sensitive"}, {"the withheld file", "appendix"},
};

std::string site_with_every_kind() {
  return minimal_site() + R"(-- content/people/cal-member.yaml --
name: Cal Member
register:
  - category: land
    description: Flat 2, "Rosé" House & garden, 14 O'Neill Street (shared with a relative)
    sensitive: true
-- content/committees/board/meetings/2017-08-02/meeting.yaml --
date: 2017-08-02
status: held
agenda:
  - number: "1"
    title: Apologies
  - number: "2"
    title: Depot disposal
    report: depot
    description: Sale of the "Riverside" depot & yard to O'Hara Développements for £2.1m, subject to contract
    exempt:
      paragraph: 3
      reason: The buyer's offer & our valuation (Café Quay site) would weaken the council's position if known
-- content/committees/board/meetings/2017-08-02/reports/depot.md --
---
title: Disposal of the "Riverside" depot to O'Hara Développements & partners
item: "2"
classification: exempt
paragraph: 3
recommendations:
  - That the board accepts O'Hara's "best & final" offer of £2.1m for the Riverside depot
appendices:
  - title: Bids
    file: bids.csv
---
The valuer's advice is that the "Riverside" depot & yard is worth £1.8m; O'Hara
Développements offered £2.1m after the second round, and the other bidder withdrew.
-- content/committees/board/meetings/2017-08-02/reports/bids.csv --
bidder,amount,note
O'Hara,2100000,"Final ""best"" offer & withdrawn conditions on the Café Quay access road"
-- content/committees/board/meetings/2017-08-02/minutes.md --
---
status: approved
actions:
  - item: "2"
    action: Instruct the council's solicitor to exchange contracts with O'Hara by the "end of March" & report back
---
## 1. Apologies

None.

## 2. Depot disposal

The board agreed the sale in private.
)";
}

std::string html_escaped(const std::string& text) {
  std::string out = "<p><em>";
  int words = 0;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case ' ':
        out += ++words % 3 == 0 ? "<br>\n" : (words == 1 ? "</em> " : " ");
        break;
      case '\n':
        out += "\n";
        break;
      default:
        out += c;
    }
  }
  return out + "</p>";
}

std::string json_escaped(const std::string& text) {
  std::string out = "{\"entries\":[{\"text\":\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == 0xC3 && i + 1 < text.size()) {  // é and the like, as \u00XX
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", 0xC0 + (static_cast<unsigned char>(text[++i]) & 0x3F));
      out += buf;
    } else if (c == 0xC2 && i + 1 < text.size()) {  // £ as \u00a3
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(text[++i]));
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"}]}";
}

std::string csv_quoted(const std::string& text) {
  std::string out = "id,text\n1,\"";
  int words = 0;
  for (const char c : text) {
    if (c == '"') {
      out += "\"\"";
    } else if (c == ' ' && ++words % 5 == 0) {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out + "\"\n";
}

std::string rewrapped(const std::string& text) {
  std::string out = "    ";
  int words = 0;
  for (const char c : text) out += c == ' ' && ++words % 4 == 0 ? std::string("\n    ") : std::string(1, c);
  return out + "\n";
}

}  // namespace

TEST_CASE("an injected leak stops the build, names the file and the source, and publishes nothing",
          "[e2e][security][tripwire]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(site_with_every_kind()));
  commit_all(dir / "repo", "Board papers");
  const BuildResult first = build(dir / "repo", dir / "public");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const auto before = snapshot(dir / "public");
  REQUIRE(before.count("index.html") == 1);

  const Injector inject([](const SiteModel& model, OutputSink& out) {
    for (const auto& w : model.withheld_texts.all()) {
      if (w.source.rfind("the description of exempt item", 0) == 0) {
        // A page of its own: the output refuses a second file at the address of a page.
        out.write("leaked/index.html", "<html><body>" + html_escaped(w.text) + "</body></html>");
      }
    }
  });
  const BuildResult leaked = build(dir / "repo", dir / "public");
  INFO(leaked.err);
  CHECK(leaked.exit_code == 1);
  CHECK(leaked.err.find("public/leaked/index.html") != std::string::npos);
  CHECK(leaked.err.find("the description of exempt item 2") != std::string::npos);
  // The message points at the withheld text's source line, and never quotes it.
  CHECK(leaked.err.find("content/committees/board/meetings/2017-08-02/meeting.yaml:9:") != std::string::npos);
  CHECK(leaked.err.find("Riverside") == std::string::npos);
  CHECK(leaked.err.find("nothing was published") != std::string::npos);
  CHECK(snapshot(dir / "public") == before);

  // A first build into a new folder makes no folder at all.
  const BuildResult fresh = build(dir / "repo", dir / "fresh");
  CHECK(fresh.exit_code == 1);
  CHECK_FALSE(fs::exists(dir / "fresh"));
}

TEST_CASE("every kind of withheld text is found through HTML, JSON and CSV escaping and re-wrapping",
          "[e2e][security][tripwire]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(site_with_every_kind()));
  commit_all(dir / "repo", "Board papers");
  REQUIRE(build(dir / "repo", dir / "public").exit_code == 0);

  struct Encoding {
    const char* name;
    const char* extension;
    std::function<std::string(const std::string&)> encode;
  };
  const Encoding encodings[] = {{"html", "html", html_escaped},
                                {"json", "json", json_escaped},
                                {"csv", "csv", csv_quoted},
                                {"re-wrapped", "txt", rewrapped}};
  for (const auto& encoding : encodings) {
    INFO(encoding.name);
    std::map<std::string, std::string> planted;  // kind -> the text planted
    const Injector inject([&](const SiteModel& model, OutputSink& out) {
      for (const auto& kind : kKinds) {
        for (const auto& w : model.withheld_texts.all()) {
          if (w.source.rfind(kind.source, 0) != 0) continue;
          planted[kind.slug] = w.text;
          out.write(std::string("leaks/") + kind.slug + "." + encoding.extension, encoding.encode(w.text));
          break;
        }
      }
    });
    const BuildResult r = build(dir / "repo", dir / "public");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    for (const auto& kind : kKinds) {
      INFO(kind.slug);
      REQUIRE(planted.count(kind.slug) == 1);
      const std::string file = std::string("leaks/") + kind.slug + "." + encoding.extension;
      const auto at = r.err.find(file);
      REQUIRE(at != std::string::npos);
      // The message for that file names the text's source.
      const auto line_start = r.err.rfind('\n', at) + 1;
      CHECK(r.err.substr(line_start, r.err.find('\n', at) - line_start).find(kind.source) !=
            std::string::npos);
    }
    CHECK_FALSE(fs::exists(dir / "public/leaks"));
  }
}

TEST_CASE("a site with private business and no leak builds: no false alarm", "[e2e][security][tripwire]") {
  std::size_t withheld = 0;
  const Injector count(
      [&](const SiteModel& model, OutputSink&) { withheld = model.withheld_texts.all().size(); });

  SECTION("the sample site") {
    TempDir dir;
    const BuildResult r = build(QUORUM_REPO_DIR, dir / "public", /*working_tree=*/true);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(withheld >= 3);  // the exempt item's description and reason, the exempt report
  }
  SECTION("public papers that share words, titles and the statutory wording with private ones") {
    TempDir dir;
    Files files = parse_sections(site_with_every_kind());
    // The exempt report is titled as its public agenda item; the reason quotes paragraph 3;
    // public items and reports use many of the same words.
    files["content/committees/board/meetings/2017-08-02/meeting.yaml"] = R"(date: 2017-08-02
status: held
agenda:
  - number: "1"
    title: Apologies
  - number: "2"
    title: Sale of the Riverside depot
    report: depot
    description: Sale of the Riverside depot
    exempt:
      paragraph: 3
      reason: Information relating to the financial or business affairs of any particular person
  - number: "3"
    title: Riverside depot - public consultation on the sale
    description: The board will hear the results of the public consultation on the sale of the Riverside depot.
)";
    files["content/committees/board/meetings/2017-08-02/reports/depot.md"] =
        "---\ntitle: Sale of the Riverside depot\nitem: \"2\"\nclassification: exempt\nparagraph: 3\n---\n"
        "The valuer advises that the Riverside depot and yard are worth 1.8 million pounds and that "
        "the second bidder has withdrawn its offer.\n";
    files["content/committees/board/meetings/2017-08-02/reports/consultation.md"] =
        "---\ntitle: Riverside depot consultation\nitem: \"3\"\n---\n"
        "The council consulted on the sale of the Riverside depot. Residents asked that the yard "
        "be kept open. The valuer's report is considered in private.\n";
    files.erase("content/committees/board/meetings/2017-08-02/reports/bids.csv");
    write_files(dir / "repo", files);
    commit_all(dir / "repo", "Board papers");
    const BuildResult r = build(dir / "repo", dir / "public");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(withheld >= 3);
  }
}

TEST_CASE("a page or cache kept from the last build is searched for text withheld since",
          "[e2e][security][tripwire]") {
  TempDir dir;
  const std::string sentence =
      "Councillor Grey has agreed to step down from the planning committee at Easter";
  Files files = parse_sections(minimal_site());
  // Private business already, so the first build leaves the digest of what it searched for.
  files["content/committees/board/meetings/2017-06-01/meeting.yaml"] =
      "date: 2017-06-01\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Staffing\n"
      "    description: The restructure of the reception team will remove two posts from April\n"
      "    exempt:\n      paragraph: 1\n";
  // Public in the first build: a text file attached to a meeting, and the minutes.
  files["content/committees/board/meetings/2017-07-19/notes.csv"] = "Notes\n" + sentence + "\n";
  files["content/committees/board/meetings/2017-07-19/minutes.md"] =
      "---\nstatus: approved\n---\n## 1. Apologies\n\nNone.\n\n## 2. Budget report\n\n### " + sentence + "\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Board papers", 1500000000);
  const BuildResult first = build(dir / "repo", dir / "public");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const auto before = snapshot(dir / "public");
  std::string attachment;
  for (const auto& [path, bytes] : before) {
    if (path.find("notes.csv") != std::string::npos) attachment = path;
  }
  REQUIRE_FALSE(attachment.empty());

  // Then the same words become private business of another meeting: the kept files, which
  // this build does not write again, hold them.
  files["content/committees/board/meetings/2017-08-02/meeting.yaml"] =
      "date: 2017-08-02\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Staffing\n"
      "    description: " +
      sentence + "\n    exempt:\n      paragraph: 1\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Private staffing item", 1500000100);
  const BuildResult r = build(dir / "repo", dir / "public");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("public/" + attachment) != std::string::npos);
  CHECK(r.err.find("the description of exempt item 1") != std::string::npos);
  CHECK(snapshot(dir / "public") == before);
  // The parse cache held the minutes' heading: it is searched and, holding the text, deleted.
  CHECK(r.err.find("build cache file") != std::string::npos);
  CHECK_FALSE(any_file_contains(AtomicOutput::cache_dir(dir / "public"), "step down from the planning"));
}

TEST_CASE("an incremental build reads kept files again only when what is withheld changed",
          "[e2e][security][tripwire]") {
  TempDir dir;
  write_files(dir / "repo", parse_sections(site_with_every_kind()));
  commit_all(dir / "repo", "Board papers");
  const auto searched = [](const BuildResult& r) {
    const auto at = r.out.find(" MB) searched for ");
    REQUIRE(at != std::string::npos);
    const auto files_at = r.out.rfind(", ", r.out.rfind(" files (", at)) + 2;
    return std::stoul(r.out.substr(files_at));
  };
  const BuildResult first = build_verbose(dir / "repo", dir / "public");
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);
  const std::size_t site_files = list_files(dir / "public").size();
  CHECK(searched(first) >= site_files - 1);  // every file but the manifest, and the caches
  // Nothing changed: the kept files were searched for exactly these texts last time.
  const BuildResult again = build_verbose(dir / "repo", dir / "public");
  REQUIRE(again.exit_code == 0);
  CHECK(searched(again) < 10);
  // A new withheld text: every kept file is read again.
  Files files = parse_sections(site_with_every_kind());
  files["content/people/cal-member.yaml"] +=
      "  - category: securities\n    description: Shares in the company that bid for the Riverside depot\n"
      "    sensitive: true\n";
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "A new sensitive interest", 1500000100);
  const BuildResult grown = build_verbose(dir / "repo", dir / "public");
  INFO(grown.err);
  REQUIRE(grown.exit_code == 0);
  CHECK(searched(grown) >= site_files - 1);
}
