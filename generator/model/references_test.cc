#include "model/references.h"

#include <catch2/catch.hpp>

#include "load/source_tree.h"
#include "model/model_load.h"

namespace quorum {
namespace {

using Kind = ResolvedLink::Kind;

const char* const kMinutes2 = "content/committees/board/meetings/2017-09-08/minutes.md";
const char* const kDocument = "content/documents/plan.md";

SiteModel small_model() {
  const MemoryTree tree({
      {"site-config/site.yaml", "title: Papers\n"},
      {"content/people/ada-clerk.yaml", "name: Ada Clerk\n"},
      {"content/organisations/council.yaml", "name: Council\n"},
      {"content/committees/board/committee.yaml", "name: Board\nkind: board\n"},
      {"content/committees/board/terms-of-reference.md", "---\nversion: \"1\"\n---\nTerms.\n"},
      {"content/committees/board/meetings/2017-07-19/meeting.yaml",
       "date: 2017-07-19\nstatus: held\nagenda:\n"
       "  - {number: \"1\", title: Budget, report: budget, topics: [finance]}\n"
       "  - {number: \"2\", title: Contract, report: contract, exempt: {paragraph: 3}}\n"},
      {"content/committees/board/meetings/2017-07-19/minutes.md",
       "---\nstatus: approved\n---\n## 1. Budget\n\nMinutes.\n\n## 2. Contract\n\nConsidered in private.\n"},
      {"content/committees/board/meetings/2017-07-19/reports/budget.md", "---\ntitle: Budget\nitem: \"1\"\n---\nB.\n"},
      {"content/committees/board/meetings/2017-07-19/reports/contract.md",
       "---\ntitle: Contract\nitem: \"2\"\n---\nPrivate.\n"},
      {"content/committees/board/meetings/2017-07-19/Budget summary.csv", "a,b\n"},
      {"content/committees/board/meetings/2017-09-08/meeting.yaml", "date: 2017-09-08\nstatus: held\n"},
      {"content/committees/board/meetings/2017-09-08/minutes.md", "---\nstatus: draft\n---\nDraft.\n"},
      {"content/documents/plan.md", "---\ntitle: Plan\nkind: plan\n---\nPlan.\n"},
  });
  Diagnostics diags;
  SiteModel model = load_model(tree, diags);
  std::string messages;
  for (const auto& d : diags.all()) messages += d.format() + "\n";
  INFO(messages);
  REQUIRE(diags.all().empty());
  return model;
}

const SiteModel& model() {
  static const SiteModel m = small_model();
  return m;
}

ResolvedLink resolve(const std::string& url, const std::string& from = kMinutes2) {
  return resolve_link(model(), from, url);
}

TEST_CASE("external links, fragments and typed links", "[model][references]") {
  CHECK(resolve("https://example.org/a?b#c").kind == Kind::external);
  CHECK(resolve("https://example.org/a?b#c").url == "https://example.org/a?b#c");
  CHECK(resolve("HTTP://example.org").kind == Kind::external);
  CHECK(resolve("mailto:clerk@example.org").kind == Kind::external);
  CHECK(resolve("tel:+441375652082").kind == Kind::external);

  const ResolvedLink frag = resolve("#item-5");
  CHECK(frag.kind == Kind::fragment);
  CHECK(frag.url == "#item-5");

  CHECK(resolve("person:ada-clerk").kind == Kind::page);
  CHECK(resolve("person:ada-clerk").key == "person:ada-clerk");
  CHECK(resolve("person:ada-clerk#register").key == "person:ada-clerk#register");
  CHECK(resolve("organisation:council").key == "organisation:council");
  CHECK(resolve("committee:board").key == "committee:board");
  CHECK(resolve("meeting:board/2017-07-19").key == "meeting:board/2017-07-19");
  CHECK(resolve("minutes:board/2017-07-19").key == "minutes:board/2017-07-19");
  CHECK(resolve("report:board/2017-07-19/budget").key == "report:board/2017-07-19/budget");
  CHECK(resolve("document:plan").key == "document:plan");
  CHECK(resolve("topic:finance").key == "topic:finance");
}

TEST_CASE("typed links to unknown ids are errors with suggestions", "[model][references]") {
  const ResolvedLink person = resolve("person:ada-clark");
  CHECK(person.kind == Kind::error);
  CHECK(person.message ==
        "the link to person 'ada-clark' leads nowhere: there is no file content/people/ada-clark.yaml. "
        "Did you mean 'ada-clerk'?");
  CHECK(resolve("committee:bored").message ==
        "the link to committee 'bored' leads nowhere: there is no file content/committees/bored/committee.yaml. "
        "Did you mean 'board'?");
  CHECK(resolve("meeting:board/2017-07-20").kind == Kind::error);
  CHECK_THAT(resolve("meeting:board/2017-07-20").message, Catch::Contains("Did you mean 'board/2017-07-19'?"));
  CHECK(resolve("report:board/2017-07-19/budgett").kind == Kind::error);
  CHECK(resolve("report:board/2017-07-19/budgett").message ==
        "the link to report 'board/2017-07-19/budgett' leads nowhere: there is no file "
        "content/committees/board/meetings/2017-07-19/reports/budgett.md. Did you mean 'board/2017-07-19/budget'?");
  CHECK(resolve("document:zzzzzz").message ==
        "the link to document 'zzzzzz' leads nowhere: there is no file content/documents/zzzzzz.md");
  CHECK(resolve("topic:nothing-here").kind == Kind::error);
  CHECK(resolve("minutes:board/2017-09-09").kind == Kind::error);
}

TEST_CASE("unsafe schemes are shown as text, with a warning message", "[model][references]") {
  for (const char* url : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                          " javascript:alert(1)", "java\nscript:alert(1)", "vbscript:msgbox(1)",
                          "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd"}) {
    INFO(url);
    const ResolvedLink r = resolve(url);
    CHECK(r.kind == Kind::unsafe);
    CHECK_THAT(r.message, Catch::Contains("not published"));
  }
  CHECK_THAT(resolve("javascript:alert(1)").message, Catch::Contains("'javascript:'"));
}

TEST_CASE("protocol-relative and empty links are errors", "[model][references]") {
  CHECK(resolve("//evil.example.org/x").kind == Kind::error);
  CHECK_THAT(resolve("//evil.example.org/x").message, Catch::Contains("https://"));
  CHECK(resolve("").kind == Kind::error);
}

TEST_CASE("relative links to content files become their pages", "[model][references]") {
  const ResolvedLink minutes = resolve("../2017-07-19/minutes.md");
  CHECK(minutes.kind == Kind::page);
  CHECK(minutes.key == "minutes:board/2017-07-19");
  CHECK(resolve("../2017-07-19/reports/budget.md#recommendations").key ==
        "report:board/2017-07-19/budget#recommendations");
  CHECK(resolve("../2017-07-19/meeting.yaml").key == "meeting:board/2017-07-19");
  CHECK(resolve("../2017-07-19/").key == "meeting:board/2017-07-19");
  CHECK(resolve("../../terms-of-reference.md").key == "terms:board");
  CHECK(resolve("../../committee.yaml").key == "committee:board");
  CHECK(resolve("../../../../people/ada-clerk.yaml").key == "person:ada-clerk");
  CHECK(resolve("plan.md", kDocument).key == "document:plan");
  CHECK(resolve("../committees/board/meetings/2017-07-19/minutes.md", kDocument).key == "minutes:board/2017-07-19");
}

TEST_CASE("relative links to missing content pages are errors", "[model][references]") {
  CHECK(resolve("../2017-07-20/minutes.md").kind == Kind::error);
  CHECK(resolve("../../../../people/nobody.yaml").kind == Kind::error);
}

TEST_CASE("relative links to other files name the repository file, decoded", "[model][references]") {
  const ResolvedLink r = resolve("../2017-07-19/Budget%20summary.csv");
  CHECK(r.kind == Kind::file);
  CHECK(r.file == "content/committees/board/meetings/2017-07-19/Budget summary.csv");
  CHECK(resolve("../2017-07-19/Budget summary.csv").file == r.file);
}

TEST_CASE("links out of the repository are errors", "[model][references]") {
  const ResolvedLink r = resolve("../../../../../etc/passwd", kDocument);
  CHECK(r.kind == Kind::error);
  CHECK_THAT(r.message, Catch::Contains("outside the repository"));
  CHECK(resolve("/etc/passwd").kind == Kind::error);
  CHECK(resolve("..%2F..%2F..%2F..%2F..%2F..%2Fetc/passwd").kind == Kind::error);
}

TEST_CASE("links to an exempt report are withheld", "[model][references]") {
  CHECK(resolve("report:board/2017-07-19/contract").kind == Kind::withheld);
  CHECK(resolve("../2017-07-19/reports/contract.md").kind == Kind::withheld);
}

TEST_CASE("key_of_content_file names the page a content file becomes", "[model][references]") {
  CHECK(key_of_content_file("content/people/ada.yaml") == "person:ada");
  CHECK(key_of_content_file("content/organisations/council.yaml") == "organisation:council");
  CHECK(key_of_content_file("content/documents/plan.md") == "document:plan");
  CHECK(key_of_content_file("content/committees/board") == "committee:board");
  CHECK(key_of_content_file("content/committees/board/committee.yaml") == "committee:board");
  CHECK(key_of_content_file("content/committees/board/index.md") == "committee:board");
  CHECK(key_of_content_file("content/committees/board/terms-of-reference.md") == "terms:board");
  CHECK(key_of_content_file("content/committees/board/meetings/2017-09-08") == "meeting:board/2017-09-08");
  CHECK(key_of_content_file("content/committees/board/meetings/2017-09-08/meeting.yaml") ==
        "meeting:board/2017-09-08");
  CHECK(key_of_content_file("content/committees/board/meetings/2017-09-08/minutes.md") ==
        "minutes:board/2017-09-08");
  CHECK(key_of_content_file("content/committees/board/meetings/2017-09-08/reports/bcf.md") ==
        "report:board/2017-09-08/bcf");

  CHECK(key_of_content_file("content/committees/board/meetings/2017-09-08/x.pdf") == "");
  CHECK(key_of_content_file("content/committees/board/meetings/2017-09-08/reports/x.pdf") == "");
  CHECK(key_of_content_file("content/documents/plan.pdf") == "");
  CHECK(key_of_content_file("content/people/ada.md") == "");
  CHECK(key_of_content_file("site-config/site.yaml") == "");
  CHECK(key_of_content_file("content/committees/board/meetings") == "");
}

}  // namespace
}  // namespace quorum
