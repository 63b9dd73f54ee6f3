// Private business in minutes fails closed (issue 19, paths 1, 2, 3 and 11): each private
// item's section is placed by structure, whatever its numbering, line endings or contents;
// what cannot be placed with certainty stops the build, and a key that looks like a privacy
// key is an error. Each case plants a marker in what must be withheld and searches every
// output file and the cache folder for it.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "write/atomic_output.h"

using namespace quorum::testing;
namespace fs = std::filesystem;
using quorum::AtomicOutput;

namespace {

constexpr const char* kMeeting = "content/committees/board/meetings/2017-09-01/";
constexpr const char* kMarker = "MARKER-PRIVATE-MINUTES";
constexpr const char* kPublicAfter = "PUBLIC-AFTER-PRIVATE";

// A meeting with public items 1 and 9 and a private item numbered `number` between them.
Files site_with_private_item(const std::string& number, const std::string& minutes_body) {
  Files files = parse_sections(minimal_site());
  files[std::string(kMeeting) + "meeting.yaml"] =
      "date: 2017-09-01\nstatus: held\nagenda:\n"
      "  - number: \"1\"\n    title: Apologies\n"
      "  - number: \"" +
      number +
      "\"\n    title: Sale of land at Mill Lane\n    exempt:\n      paragraph: 3\n"
      "  - number: \"9\"\n    title: Any other business\n";
  files[std::string(kMeeting) + "minutes.md"] = "---\nstatus: approved\n---\n" + minutes_body;
  return files;
}

struct Built {
  BuildResult result;
  bool leaked = false;
  std::string where;
};

// Builds `files` and searches the whole output and cache for the marker.
Built build_and_search(const Files& files, const std::string& marker = kMarker) {
  TempDir dir;
  write_files(dir / "repo", files);
  commit_all(dir / "repo", "Minutes");
  Built b;
  b.result = build(dir / "repo", dir / "public");
  b.leaked = any_file_contains(dir / "public", marker, &b.where) ||
             any_file_contains(AtomicOutput::cache_dir(dir / "public"), marker, &b.where);
  if (b.result.exit_code == 0) {
    const auto minutes = read(dir / "public/committees/board/2017-09-01/minutes/index.html");
    if (minutes.find(kPublicAfter) == std::string::npos)
      b.where += " (the public section after it is missing)";
    if (minutes.find("considered in private") == std::string::npos)
      b.where += " (no notice of private business)";
  }
  return b;
}

std::string private_section(const std::string& heading) {
  return heading + "\n\nThe board discussed " + std::string(kMarker) + " offers.\n\nRESOLVED: That " +
         kMarker + " be accepted.\n\n";
}

std::string minutes_around(const std::string& private_part) {
  return "## 1. Apologies\n\nNone.\n\n" + private_part + "## 9. Any other business\n\n" + kPublicAfter +
         " noted.\n";
}

}  // namespace

TEST_CASE("a private item's minutes are withheld whatever its numbering", "[e2e][security][withheld]") {
  struct Case {
    const char* number;   // as in meeting.yaml
    const char* heading;  // as the clerk wrote it
  };
  const Case cases[] = {
      {"7A", "## 7A. Sale of land"},
      {"7.1", "## 7.1 Sale of land"},
      {"7(a)", "## 7(a) Sale of land"},
      {"B1", "## B1. Sale of land"},
      {"7a", "## 7A. Sale of land"},
      {"7A", "## 7a) Sale of land"},
      {"10b", "## 10B: Sale of land"},
      {"7", "## Agenda item 7 - Sale"},
      {"7", "## Item 7: Sale of land"},
      {"7", "# 7. Sale of land"},
      {"12", "## 12"},
  };
  for (const auto& c : cases) {
    INFO("item " << c.number << ", heading " << c.heading);
    const Built b =
        build_and_search(site_with_private_item(c.number, minutes_around(private_section(c.heading))));
    INFO(b.result.err);
    CHECK(b.result.exit_code == 0);
    INFO(b.where);
    CHECK_FALSE(b.leaked);
    CHECK(b.where.empty());
  }
}

TEST_CASE("a private item's minutes that cannot be placed stop the build", "[e2e][security][withheld]") {
  struct Case {
    std::string body;
    std::string message;  // part of the error a clerk reads
    int line;             // of minutes.md (front matter is 3 lines)
  };
  const std::string marker = kMarker;
  const std::string after = minutes_around(private_section("## 7. Sale of land"));  // lines 4 to 16
  const Case cases[] = {
      // A heading whose number is written differently: "07" for item 7.
      {minutes_around(private_section("## 07. Sale of land")), "looks like the start of private item 7", 8},
      // A bold line instead of a heading.
      {minutes_around(private_section("**7. Sale of land**")), "line looks like the start of private item 7",
       8},
      // No heading for the private item at all: its text sits in item 1's section.
      {minutes_around("The board then discussed " + marker + ".\n\n"), "no section for private item 7", 1},
      // An underlined heading.
      {minutes_around(private_section("Item 7 - Sale of land\n---------------")), "underlined heading", 8},
      // Two sections for the private item, the second after a public item's.
      {after + private_section("## 7. Sale of land (continued)"), "two sections", 17},
      // A heading inside the private section that begins with another item's number.
      {minutes_around(private_section("## 7. Sale of land") + "## 9 options were considered\n\n" + marker +
                      "\n\n"),
       "cannot tell whether it starts the minutes of item 9", 14},
      // A heading for an earlier item inside the private section.
      {minutes_around(private_section("## 7. Sale of land") + "## Item 1: matters arising\n\n" + marker +
                      "\n\n"),
       "comes inside the minutes of private item 7", 14},
      // A deeper heading written for the private item, not a section heading.
      {"## 1. Apologies\n\nNone.\n\n" + private_section("### 7. Sale of land") +
           "## 9. Any other business\n\nx\n",
       "looks like the start of private item 7", 8},
      // The private item's heading again elsewhere: in a quote, as raw HTML, as a numbered
      // list pasted from a word processor, as a plain line.
      {after + "\n> ## 7. Sale of land\n>\n> " + marker + "\n",
       "heading looks like the start of private item 7", 18},
      {after + "\n<h2>7. Sale of land</h2>\n\n" + marker + "\n",
       "piece of HTML looks like the start of private item 7", 18},
      {after + "\n7. SALE OF LAND\n\n" + marker + "\n",
       "numbered list looks like the start of private item 7", 18},
      {after + "\nItem 7: Sale of land\n\n" + marker + "\n", "line looks like the start of private item 7",
       18},
  };
  for (const auto& c : cases) {
    INFO(c.body);
    const Built b = build_and_search(site_with_private_item("7", c.body));
    INFO(b.result.err);
    CHECK(b.result.exit_code == 1);
    CHECK(b.result.err.find(std::string(kMeeting) + "minutes.md:" + std::to_string(c.line) + ":1: error:") !=
          std::string::npos);
    CHECK(b.result.err.find(c.message) != std::string::npos);
    INFO(b.where);
    CHECK_FALSE(b.leaked);
  }
}

TEST_CASE("private minutes are cut on the right lines whatever the line endings",
          "[e2e][security][withheld]") {
  const std::string lf = minutes_around(private_section("## 7. Sale of land"));
  const auto with = [&](const std::string& ending, bool mixed) {
    std::string out;
    int n = 0;
    for (char ch : lf) {
      if (ch != '\n') {
        out += ch;
        continue;
      }
      // Mixed: CR, CRLF and LF in turn, as a file edited on three machines.
      const int kind = mixed ? n++ % 3 : 0;
      out += mixed ? (kind == 0 ? "\r" : kind == 1 ? "\r\n" : "\n") : ending;
    }
    return out;
  };
  const std::pair<const char*, std::string> bodies[] = {
      {"CR only", with("\r", false)}, {"CRLF", with("\r\n", false)}, {"mixed", with("", true)}};
  for (const auto& [name, body] : bodies) {
    INFO(name);
    Files files = site_with_private_item("7", "");
    files[std::string(kMeeting) + "minutes.md"] = "---\r\nstatus: approved\r\n---\r\n" + body;
    const Built b = build_and_search(files);
    INFO(b.result.err);
    CHECK(b.result.exit_code == 0);
    INFO(b.where);
    CHECK_FALSE(b.leaked);
    CHECK(b.where.empty());
  }
}

TEST_CASE("nothing inside a private section ends it early", "[e2e][security][withheld]") {
  const std::string insides[] = {
      // An underlined line (a setext heading) with no number.
      "Background\n----------\n\n" + std::string(kMarker) + " figures.\n\n",
      // A '#' heading and a '##' heading without a number.
      "# Part B\n\n" + std::string(kMarker) + " one.\n\n## Discussion\n\n" + kMarker + " two.\n\n",
      // Deeper headings that begin with other items' numbers.
      "### 9 options\n\n" + std::string(kMarker) + " three.\n\n#### 1. First\n\n" + kMarker + "\n\n",
      // A table, a quote holding a heading, a list holding a heading.
      "| a | b |\n|---|---|\n| " + std::string(kMarker) + " | 1 |\n\n> ## 9. Quoted\n> " + kMarker +
          "\n\n- ## 9. In a list\n  " + kMarker + "\n\n",
      // An unclosed code fence: everything to the end of the file is withheld with it, the
      // public item after it too (withholding too much is safe; so the last case checks only
      // that nothing leaked).
      "```\n" + std::string(kMarker) + "\n\n",
  };
  for (std::size_t i = 0; i < std::size(insides); ++i) {
    INFO(insides[i]);
    const std::string body = minutes_around(private_section("## 7. Sale of land") + insides[i]);
    const Built b = build_and_search(site_with_private_item("7", body));
    INFO(b.result.err);
    INFO(b.where);
    CHECK_FALSE(b.leaked);
    if (i + 1 < std::size(insides)) {
      CHECK(b.result.exit_code == 0);
      CHECK(b.where.empty());
    }
  }
}

TEST_CASE("an item whose report is exempt must itself be marked private", "[e2e][security][withheld]") {
  Files files = site_with_private_item("7", minutes_around(private_section("## 7. Sale of land")));
  files[std::string(kMeeting) + "meeting.yaml"] =
      "date: 2017-09-01\nstatus: held\nagenda:\n"
      "  - number: \"1\"\n    title: Apologies\n"
      "  - number: \"7\"\n    title: Sale of land at Mill Lane\n    report: land\n"
      "  - number: \"9\"\n    title: Any other business\n";
  files[std::string(kMeeting) + "reports/land.md"] =
      "---\ntitle: Land\nitem: \"7\"\nclassification: exempt\nparagraph: 3\n---\nMARKER-REPORT\n";
  const Built b = build_and_search(files);
  INFO(b.result.err);
  CHECK(b.result.exit_code == 1);
  CHECK(b.result.err.find(std::string(kMeeting) + "reports/land.md:4:") != std::string::npos);
  CHECK(b.result.err.find("is not marked as private business") != std::string::npos);
  INFO(b.where);
  CHECK_FALSE(b.leaked);
}

TEST_CASE("a key that looks like a privacy key, or an unclear privacy value, is an error",
          "[e2e][security][withheld]") {
  struct Case {
    const char* name;
    std::string file;
    std::string text;
    std::string position;  // file:line of the error
  };
  const std::string person = "content/people/carol-member.yaml";
  const std::string meeting = std::string(kMeeting) + "meeting.yaml";
  const auto interest = [](const std::string& line) {
    return "name: Carol Member\nregister:\n  - category: land\n    description: MARKER-PRIVATE-MINUTES "
           "house\n    " +
           line + "\n";
  };
  const auto item = [](const std::string& lines) {
    return "date: 2017-09-01\nstatus: held\nagenda:\n  - number: \"1\"\n    title: Land\n"
           "    description: MARKER-PRIVATE-MINUTES plot\n" +
           lines;
  };
  const Case cases[] = {
      {"senstive", person, interest("senstive: true"), person + ":5:"},
      {"Sensitive", person, interest("Sensitive: true"), person + ":5:"},
      {"sensitive: maybe", person, interest("sensitive: maybe"), person + ":5:"},
      {"sensitive: 1", person, interest("sensitive: 1"), person + ":5:"},
      {"confidential", person, interest("confidential: true"), person + ":5:"},
      {"Exempt", meeting, item("    Exempt:\n      paragraph: 3\n"), meeting + ":7:"},
      {"exmept", meeting, item("    exmept:\n      paragraph: 3\n"), meeting + ":7:"},
      {"exempt: yes", meeting, item("    exempt: yes\n"), meeting + ":7:"},
      {"exempt: true", meeting, item("    exempt: true\n"), meeting + ":7:"},
      {"exempt: [3]", meeting, item("    exempt: [3]\n"), meeting + ":7:"},
      {"private: true", meeting, item("    private: true\n"), meeting + ":7:"},
      // Written with nothing after it, or nothing a person would read as a value.
      {"exempt:", meeting, item("    exempt:\n"), meeting + ":7:"},
      {"exempt: ~", meeting, item("    exempt: ~\n"), meeting + ":7:"},
      {"exempt: null", meeting, item("    exempt: null\n"), meeting + ":7:"},
      {"exempt: # TBC", meeting, item("    exempt:   # paragraph 3 - TBC\n"), meeting + ":7:"},
      {"paragraph not indented", meeting, item("    exempt:\n    paragraph: 3\n"), meeting + ":7:"},
      {"sensitive:", person, interest("sensitive:"), person + ":"},
      {"sensitive: ~", person, interest("sensitive: ~"), person + ":"},
      {"sensitive: Null", person, interest("sensitive: Null"), person + ":"},
      // Other words for the same wish, and keys with invisible characters in them.
      {"is_exempt", meeting, item("    is_exempt: true\n"), meeting + ":7:"},
      {"exempt_paragraph", meeting, item("    exempt_paragraph: 3\n"), meeting + ":7:"},
      {"schedule_12a", meeting, item("    schedule_12a: 3\n"), meeting + ":7:"},
      {"part: 2", meeting, item("    part: 2\n"), meeting + ":7:"},
      {"closed_session", meeting, item("    closed_session: true\n"), meeting + ":7:"},
      {"press_excluded", meeting, item("    press_excluded: true\n"), meeting + ":7:"},
      {"zero-width space", meeting, item("    ex\u200Bempt:\n      paragraph: 3\n"), meeting + ":7:"},
      {"merge key", meeting, item("    <<: {exempt: {paragraph: 3}}\n"), meeting + ":7:"},
      {"is_sensitive", person, interest("is_sensitive: true"), person + ":5:"},
      {"publish: false", person, interest("publish: false"), person + ":5:"},
      {"public: false", person, interest("public: false"), person + ":5:"},
      {"do_not_publish", person, interest("do_not_publish: true"), person + ":5:"},
      {"redacted", person, interest("redacted: true"), person + ":5:"},
      {"sensitive on the person", person,
       "name: Carol Member\nsensitive: true\nregister:\n  - category: land\n    description: "
       "MARKER-PRIVATE-MINUTES house\n",
       person + ":2:"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Files files = parse_sections(minimal_site());
    files[c.file] = c.text;
    const Built b = build_and_search(files);
    INFO(b.result.err);
    CHECK(b.result.exit_code == 1);
    CHECK(b.result.err.find(c.position) != std::string::npos);
    INFO(b.where);
    CHECK_FALSE(b.leaked);
  }
  // A clear "no" is public, and builds.
  Files files = parse_sections(minimal_site());
  files[meeting] = item("    exempt: no\n");
  files[person] =
      "name: Carol Member\nregister:\n  - category: land\n    description: House\n    sensitive: no\n";
  const Built b = build_and_search(files, "no-such-marker");
  INFO(b.result.err);
  CHECK(b.result.exit_code == 0);
}

TEST_CASE("minutes a clerk may well write are not refused, and still withhold", "[e2e][security][withheld]") {
  struct Case {
    const char* name;
    std::string number;  // the private item's, in meeting.yaml
    std::string body;
  };
  const std::string nbsp = "\xC2\xA0";
  const Case cases[] = {
      {"public lines that begin with the private item's number", "7",
       "# 7 September 2017: minutes of the Board\n\n## 1. Apologies\n\n### 7 day discharge target\n\n"
       "**7 members voted in favour.**\n\n*7 members were present.*\n\n7% more admissions.\n\n" +
           private_section("## 7. Sale of land") + "## 9. Any other business\n\n" + kPublicAfter + "\n"},
      {"a no-break space after the number", "7",
       minutes_around(private_section("## 7." + nbsp + "Sale of land"))},
      {"a letter for a number", "A", minutes_around(private_section("## A. Sale of land"))},
      {"a number in brackets", "(7)", minutes_around(private_section("## (7) Sale of land"))},
      {"an en dash after the number", "7", minutes_around(private_section("## 7 \xE2\x80\x93 Sale of land"))},
      {"a sub-item", "7.1", minutes_around(private_section("## 7.1 Sale of land"))},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const Built b = build_and_search(site_with_private_item(c.number, c.body));
    INFO(b.result.err);
    CHECK(b.result.exit_code == 0);
    INFO(b.where);
    CHECK_FALSE(b.leaked);
    CHECK(b.where.empty());
  }
}

TEST_CASE("minutes with private business must have front matter Quorum can read",
          "[e2e][security][withheld]") {
  const std::string body = minutes_around(private_section("## 7. Sale of land"));
  const std::string front =
      "---\nstatus: approved\nactions:\n  - item: \"7\"\n    action: " + std::string(kMarker) +
      " chase the buyer\n---\n";
  // Front matter a reader would take for it, but not where it must be: published as text.
  // (The last five were found by an outside tester: an empty front matter above the real one,
  // a no-break or zero-width space before it, a title or a comment above it.)
  for (const std::string& written :
       {"\n" + front + body, " " + front + body, "-" + front + body, "---\n---\n" + front + body,
        "\xC2\xA0" + front + body, "\xE2\x80\x8B" + front + body, "# Minutes\n\n" + front + body,
        "<!-- draft -->\n" + front + body}) {
    INFO(written);
    Files files = site_with_private_item("7", "");
    files[std::string(kMeeting) + "minutes.md"] = written;
    const Built b = build_and_search(files);
    INFO(b.result.err);
    CHECK(b.result.exit_code == 1);
    CHECK(b.result.err.find("does not read as front matter") != std::string::npos);
    CHECK_FALSE(b.leaked);
  }
  // Saved with '\r' alone at line ends: the front matter is read, and the private action kept back.
  std::string cr = front + body;
  for (auto& ch : cr) {
    if (ch == '\n') ch = '\r';
  }
  Files files = site_with_private_item("7", "");
  files[std::string(kMeeting) + "minutes.md"] = cr;
  const Built b = build_and_search(files);
  INFO(b.result.err);
  CHECK(b.result.exit_code == 0);
  INFO(b.where);
  CHECK_FALSE(b.leaked);
  CHECK(b.where.empty());
}

TEST_CASE("letters and numbers inside a private section do not end it", "[e2e][security][withheld]") {
  struct Case {
    std::string inside;  // a heading and text under it, inside private item 7's section
    int exit_code;       // 0: built, the text withheld with the section; 1: refused
  };
  const std::string marker = kMarker;
  const Case cases[] = {
      {"## A summary of the bids\n\n" + marker + "\n\n", 0},
      {"## a) Evaluation\n\n" + marker + "\n\n", 1},
      {"## I. Evaluation\n\n" + marker + "\n\n", 1},
      {"## B1 bids were opened\n\n" + marker + "\n\n", 1},
      {"## 7A Land\n\n" + marker + "\n\n", 0},  // not an item here: part of the section
  };
  for (const auto& c : cases) {
    INFO(c.inside);
    Files files = site_with_private_item("7", "");
    files[std::string(kMeeting) + "meeting.yaml"] +=
        "  - number: \"A\"\n    title: Lettered item\n  - number: \"I\"\n    title: Roman item\n"
        "  - number: \"B1\"\n    title: Mixed item\n";
    files[std::string(kMeeting) + "minutes.md"] = "---\nstatus: approved\n---\n## 1. Apologies\n\nNone.\n\n" +
                                                  private_section("## 7. Sale of land") + c.inside +
                                                  "## 9. Any other business\n\n" + kPublicAfter +
                                                  " noted.\n\n## A. Lettered item\n\nPublic A.\n";
    const Built b = build_and_search(files);
    INFO(b.result.err);
    CHECK(b.result.exit_code == c.exit_code);
    INFO(b.where);
    CHECK_FALSE(b.leaked);
  }
}
