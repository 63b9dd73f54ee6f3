// The parse cache gives back exactly what parsing gave, for the same bytes and the same
// executable only; it keeps no file with a problem, reads nothing it has, and a damaged
// cache is an empty one.
#include "build/parse_cache.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "load/fingerprint.h"
#include "model/parsed_file.h"
#include "test_support.h"

namespace quorum {
namespace {

namespace fs = std::filesystem;
using build::ParseCache;
using loader::MarkdownParse;
using Files = std::map<std::string, std::string>;

const char* const kMinutes =
    "---\nstatus: approved\n---\n# 5. Budget\n\nSee [the report](reports/budget.md) and "
    "![a chart](chart.png).\n\nRESOLVED: that the budget be *approved*.\n\n## 6) Any other business\n";

// A tree that knows its files' fingerprints, as a git tree does, and counts its reads.
class CountingTree : public MemoryTree {
 public:
  using MemoryTree::MemoryTree;
  [[nodiscard]] std::optional<std::string> read(const std::string& path) const override {
    ++reads;
    return MemoryTree::read(path);
  }
  [[nodiscard]] std::optional<std::string> known_fingerprint(const std::string& path) const override {
    const auto bytes = MemoryTree::read(path);
    return bytes ? std::optional<std::string>(fingerprint(*bytes)) : std::nullopt;
  }
  mutable int reads = 0;
};

void same_parse(const loader::ParsedMarkdown& a, const loader::ParsedMarkdown& b) {
  REQUIRE(a.file);
  REQUIRE(b.file);
  REQUIRE(a.inputs);
  REQUIRE(b.inputs);
  CHECK(a.inputs->whole == b.inputs->whole);
  CHECK(a.inputs->visible == b.inputs->visible);
  const Body& x = a.file->body;
  const Body& y = b.file->body;
  CHECK(x.path == y.path);
  CHECK(x.first_line == y.first_line);
  CHECK(x.in_file == y.in_file);
  CHECK(x.offset == y.offset);
  CHECK(x.file_fingerprint == y.file_fingerprint);
  CHECK(x.blank == y.blank);
  CHECK(x.markdown == y.markdown);
  REQUIRE(x.outline.headings.size() == y.outline.headings.size());
  for (std::size_t i = 0; i < x.outline.headings.size(); ++i) {
    const auto& h = x.outline.headings[i];
    const auto& k = y.outline.headings[i];
    CHECK(std::tie(h.level, h.text, h.id, h.item, h.line) == std::tie(k.level, k.text, k.id, k.item, k.line));
  }
  REQUIRE(x.outline.links.size() == y.outline.links.size());
  for (std::size_t i = 0; i < x.outline.links.size(); ++i) {
    const auto& l = x.outline.links[i];
    const auto& k = y.outline.links[i];
    CHECK(std::tie(l.url, l.text, l.line, l.column, l.image) ==
          std::tie(k.url, k.text, k.line, k.column, k.image));
  }
  REQUIRE(x.outline.decisions.size() == y.outline.decisions.size());
  for (std::size_t i = 0; i < x.outline.decisions.size(); ++i) {
    const auto& d = x.outline.decisions[i];
    const auto& k = y.outline.decisions[i];
    CHECK(std::tie(d.id, d.item, d.text, d.line) == std::tie(k.id, k.item, k.text, k.line));
  }
  CHECK(a.file->front_source.first_line == b.file->front_source.first_line);
  REQUIRE(a.file->front.has_value() == b.file->front.has_value());
  if (a.file->front) CHECK(YAML::Dump(*a.file->front) == YAML::Dump(*b.file->front));
}

}  // namespace

TEST_CASE("a parse read back from the cache is the parse that was kept", "[build][parse-cache]") {
  const MemoryTree tree(Files{{"content/committees/b/meetings/2020-01-01/minutes.md", kMinutes}});
  const auto parsed =
      loader::parse_markdown_file(tree, "content/committees/b/meetings/2020-01-01/minutes.md");
  REQUIRE(parsed.file);
  REQUIRE(parsed.file->body.outline.headings.size() == 2);
  REQUIRE(parsed.file->body.outline.links.size() == 2);
  REQUIRE(parsed.file->body.outline.decisions.size() == 1);
  MarkdownParse parse;
  parse.front_yaml = "status: approved\n";
  parse.front_present = true;
  parse.front_first_line = 2;
  parse.body = parsed.file->body;
  parse.inputs = *parsed.inputs;
  const std::string bytes = build::encode_markdown_parse(parse);
  const auto back = build::decode_markdown_parse(bytes);
  REQUIRE(back);
  CHECK(back->front_yaml == parse.front_yaml);
  CHECK(back->front_present);
  CHECK(back->front_first_line == 2);
  CHECK(build::encode_markdown_parse(*back) == bytes);

  SECTION("any damaged entry reads as no entry") {
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      INFO(n);
      CHECK_FALSE(build::decode_markdown_parse(bytes.substr(0, n)));
    }
    CHECK_FALSE(build::decode_markdown_parse(bytes + "x"));
    std::string huge_count = bytes;
    huge_count.replace(0, 4, "\xFF\xFF\xFF\x7F");  // the front matter's length
    CHECK_FALSE(build::decode_markdown_parse(huge_count));
  }
}

TEST_CASE("a Markdown file in the cache is not read or outlined again, and parses the same",
          "[build][parse-cache]") {
  testing::TempDir dir;
  const std::string path = "content/committees/b/meetings/2020-01-01/minutes.md";
  const CountingTree tree(Files{{path, kMinutes}});
  const auto plain = loader::parse_markdown_file(tree, path);
  {
    ParseCache cache(dir / "parse", "writer-1");
    const auto first = loader::parse_markdown_file(tree, path, &cache);
    same_parse(plain, first);
    CHECK(cache.kept() == 1);
    CHECK(cache.reused() == 0);
    cache.finish();
  }
  REQUIRE(fs::exists(dir / "parse/markdown.cache"));
  const int reads_before = tree.reads;
  {
    ParseCache cache(dir / "parse", "writer-1");
    const auto second = loader::parse_markdown_file(tree, path, &cache);
    CHECK(tree.reads == reads_before);  // its fingerprint was known, and its parse kept
    CHECK(cache.reused() == 1);
    CHECK(cache.kept() == 0);
    same_parse(plain, second);
    cache.finish();
  }
  SECTION("another executable's cache is not used") {
    ParseCache cache(dir / "parse", "writer-2");
    (void)loader::parse_markdown_file(tree, path, &cache);
    CHECK(cache.reused() == 0);
    CHECK(cache.kept() == 1);
  }
  SECTION("a damaged cache file is an empty cache") {
    const std::string whole = testing::read(dir / "parse/markdown.cache");
    std::ofstream(dir / "parse/markdown.cache", std::ios::binary | std::ios::trunc)
        << whole.substr(0, whole.size() - 7);
    ParseCache cache(dir / "parse", "writer-1");
    same_parse(plain, loader::parse_markdown_file(tree, path, &cache));
    CHECK(cache.reused() == 0);
  }
  SECTION("a file whose bytes changed misses") {
    const CountingTree changed(Files{{path, std::string(kMinutes) + "\n## 7. Late item\n"}});
    ParseCache cache(dir / "parse", "writer-1");
    const auto parsed = loader::parse_markdown_file(changed, path, &cache);
    CHECK(cache.reused() == 0);
    REQUIRE(parsed.file);
    CHECK(parsed.file->body.outline.headings.size() == 3);
  }
  SECTION("entries no build used are dropped") {
    const CountingTree other(Files{{"content/documents/d.md", "# D\n"}});
    {
      ParseCache cache(dir / "parse", "writer-1");
      (void)loader::parse_markdown_file(other, "content/documents/d.md", &cache);
      cache.finish();
    }
    ParseCache cache(dir / "parse", "writer-1");
    (void)loader::parse_markdown_file(tree, path, &cache);
    CHECK(cache.reused() == 0);
  }
}

TEST_CASE("a Markdown file with a problem is parsed again on every build", "[build][parse-cache]") {
  testing::TempDir dir;
  const std::string path = "content/documents/d.md";
  const CountingTree tree(Files{{path, "---\ntitle: [unclosed\n---\n# D\n"}});
  for (int build = 0; build < 2; ++build) {
    ParseCache cache(dir / "parse", "writer-1");
    const auto parsed = loader::parse_markdown_file(tree, path, &cache);
    CHECK(parsed.diags.has_errors());  // reported every time, not only the first
    CHECK(cache.kept() == 0);
    CHECK(cache.reused() == 0);
    cache.finish();
  }
}

TEST_CASE("a body that is its file's tail is not held in memory", "[build][parse-cache]") {
  const std::string path = "content/documents/d.md";
  const MemoryTree tree(Files{{path, "---\ntitle: D\n---\n" + std::string(20000, 'x') + "\n"}});
  const auto parsed = loader::parse_markdown_file(tree, path);
  REQUIRE(parsed.file);
  CHECK(parsed.file->body.in_file);
  CHECK(parsed.file->body.markdown.empty());
  // Emptied is not enough: the buffer must go too, or every body stays in the model.
  CHECK(parsed.file->body.markdown.capacity() < 64);
}

TEST_CASE("a withheld file's parse is left out of the cache file", "[build][parse-cache]") {
  testing::TempDir dir;
  const std::string open = "content/committees/b/meetings/2020-01-01/reports/open.md";
  const std::string exempt = "content/committees/b/meetings/2020-01-01/reports/exempt.md";
  const CountingTree tree(
      Files{{open, "# Open report\n"}, {exempt, "# SECRET-HEADING\n\nRESOLVED: SECRET-DECISION\n"}});
  {
    ParseCache cache(dir / "parse", "writer-1");
    (void)loader::parse_markdown_file(tree, open, &cache);
    (void)loader::parse_markdown_file(tree, exempt, &cache);
    cache.withhold(exempt);
    cache.finish();
  }
  const std::string bytes = testing::read(dir / "parse/markdown.cache");
  CHECK(bytes.find("Open report") != std::string::npos);
  CHECK(bytes.find("SECRET") == std::string::npos);
  ParseCache cache(dir / "parse", "writer-1");
  (void)loader::parse_markdown_file(tree, open, &cache);
  (void)loader::parse_markdown_file(tree, exempt, &cache);
  CHECK(cache.reused() == 1);
  CHECK(cache.kept() == 1);
}

}  // namespace quorum
