// The project's own sample site: it builds, every internal link and fragment resolves,
// every page has the frame accessibility needs, and withheld text never appears.
#include <catch2/catch.hpp>

#include <regex>

#include "test_support.h"

using namespace quorum::testing;
namespace fs = std::filesystem;

namespace {

struct Built {
  TempDir dir;
  BuildResult result;
  Built() { result = build(QUORUM_REPO_DIR, dir / "public", /*working_tree=*/true); }
  [[nodiscard]] fs::path root() const { return dir / "public"; }
};

const Built& sample() {
  static const Built built;
  return built;
}

std::vector<std::string> matches(const std::string& html, const std::regex& re) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the sample site builds with no errors", "[sample]") {
  INFO(sample().result.err);
  REQUIRE(sample().result.exit_code == 0);
  const auto files = list_files(sample().root());
  std::size_t people = 0;
  std::size_t meetings = 0;
  for (const auto& f : files) {
    if (std::regex_match(f, std::regex("people/[a-z0-9-]+/index.html"))) ++people;
    if (std::regex_match(f, std::regex("committees/[a-z0-9-]+/\\d{4}-\\d{2}-\\d{2}[a-z0-9-]*/index.html"))) ++meetings;
  }
  CHECK(people >= 40);
  CHECK(meetings >= 6);
}

TEST_CASE("every internal link and fragment of the sample site resolves", "[sample]") {
  REQUIRE(sample().result.exit_code == 0);
  const fs::path root = sample().root();
  const std::regex href_re("(?:href|src)=\"([^\"]*)\"");
  const std::regex id_re(" id=\"([^\"]*)\"");
  std::map<std::string, std::set<std::string>> ids;  // page file -> ids
  const auto files = list_files(root);
  for (const auto& f : files) {
    if (f.size() < 5 || f.compare(f.size() - 5, 5, ".html") != 0) continue;
    for (const auto& id : matches(read(root / f), id_re)) ids[f].insert(id);
  }
  std::size_t checked = 0;
  for (const auto& [page, page_ids] : ids) {
    for (const auto& href : matches(read(root / page), href_re)) {
      if (href.rfind("http", 0) == 0 || href.rfind("mailto:", 0) == 0 || href.rfind("tel:", 0) == 0) continue;
      INFO(page << " links to " << href);
      const auto hash = href.find('#');
      std::string path = percent_decode(href.substr(0, hash));
      const std::string fragment = hash == std::string::npos ? "" : href.substr(hash + 1);
      std::string target = page;
      if (!path.empty()) {
        REQUIRE(path[0] == '/');
        target = path.substr(1);
        if (target.empty() || target.back() == '/') target += "index.html";
        CHECK(files.count(target) == 1);
      }
      if (!fragment.empty()) CHECK(ids[target].count(percent_decode(fragment)) == 1);
      ++checked;
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("every sample page has one h1, a language, a skip link and landmarks", "[sample]") {
  REQUIRE(sample().result.exit_code == 0);
  for (const auto& f : list_files(sample().root())) {
    if (f.size() < 5 || f.compare(f.size() - 5, 5, ".html") != 0) continue;
    const std::string html = read(sample().root() / f);
    INFO(f);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<html lang=\"en-GB\">") != std::string::npos);
    CHECK(matches(html, std::regex("<h1([ >])")).size() == 1);
    CHECK(html.find("<a class=\"skip-link\" href=\"#main\">") != std::string::npos);
    CHECK(html.find("<main id=\"main\"") != std::string::npos);
    CHECK(html.find("<header") != std::string::npos);
    CHECK(html.find("<footer") != std::string::npos);
    // No script but data (a meeting's schema.org JSON-LD) and the search page's own script.
    std::string scripts = std::regex_replace(html, std::regex("<script type=\"application/ld\\+json\">"), "");
    if (f == "search/index.html") scripts = std::regex_replace(scripts, std::regex("<script src=\"/assets/search\\.js\" defer>"), "");
    CHECK(scripts.find("<script") == std::string::npos);
  }
}

TEST_CASE("withheld text in the sample content never reaches the sample site", "[sample][security]") {
  REQUIRE(sample().result.exit_code == 0);
  for (const char* marker : {"Hollowbrook", "QRM-EXEMPT-7741", "confidential tender figures", "61,750",
                             "Larkspur Close", "Quillmarsh Holdings"}) {
    std::string where;
    INFO(marker);
    CHECK_FALSE(any_file_contains(sample().root(), marker, &where));
    INFO(where);
  }
}
