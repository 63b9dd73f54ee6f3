// Internal to the model: one source file read and parsed, with the messages its parse gave,
// and the two ways the build stage may hand the loaders files ready: parsed ahead on other
// threads (ParsedSource) and outlines kept from an earlier build (OutlineStore). Whether a
// file comes from either or is parsed when asked for, the model and the messages are the
// same: the rules of reading a file are here, the speed-ups in generator/build/.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "load/source_tree.h"
#include "model/site_model.h"
#include "parse/yaml_document.h"
#include "support/diagnostics.h"

namespace quorum::loader {

struct MarkdownFile {
  std::optional<YAML::Node> front;  // front matter, when present and valid
  YamlSource front_source;
  Body body;
};

// One file read and parsed, with what its parse had to say.
struct ParsedYaml {
  std::optional<YAML::Node> node;                 // nullopt: unreadable or not YAML
  std::optional<SiteModel::SourceInputs> inputs;  // nullopt: the file could not be read
  Diagnostics diags;
};
struct ParsedMarkdown {
  std::optional<MarkdownFile> file;
  std::optional<SiteModel::SourceInputs> inputs;
  Diagnostics diags;
};

// What parsing gives of a Markdown file before its front matter is read as YAML (which
// yields a YAML::Node, not kept: the front matter is small and is read again).
struct MarkdownParse {
  std::string front_yaml;
  bool front_present = false;
  int front_first_line = 0;
  Body body;  // in_file, with its outline; `path` is set by whoever asks
  SiteModel::SourceInputs inputs;
};

// Outlines kept from an earlier build, by the bytes they were made from. The build stage
// keeps them (build/parse_cache.h); the model says which may be kept: only clean parses,
// never a withheld file's.
class OutlineStore {
 public:
  virtual ~OutlineStore() = default;
  [[nodiscard]] virtual bool enabled() const = 0;
  // The parse of these bytes (read at `path`), if an earlier build kept it. Safe from any thread.
  virtual std::optional<MarkdownParse> reuse(const std::string& path, const std::string& fingerprint) = 0;
  // Keeps a clean parse of these bytes (read at `path`). Safe from any thread.
  virtual void keep(const std::string& path, const std::string& fingerprint, const MarkdownParse& parse) = 0;
  // The file at `path` turned out to be withheld: nothing of it may be kept.
  virtual void withhold(const std::string& path) = 0;
};

// Files parsed before the loaders ask for them (the build stage reads ahead on other threads:
// build/read_ahead.h). nullopt: not parsed ahead, and the loader parses the file itself.
class ParsedSource {
 public:
  virtual ~ParsedSource() = default;
  virtual std::optional<ParsedYaml> take_yaml(const std::string& path) = 0;
  virtual std::optional<ParsedMarkdown> take_markdown(const std::string& path) = 0;
};

// The work of read_yaml_file / read_markdown_file that needs no Context: safe to run on
// any thread (the tree's reads are). A Markdown file whose bytes are in `outlines` is not
// outlined again, nor read when the tree knows its fingerprint.
ParsedYaml parse_yaml_file(const SourceTree& tree, const std::string& path);
ParsedMarkdown parse_markdown_file(const SourceTree& tree, const std::string& path,
                                   OutlineStore* outlines = nullptr);

}  // namespace quorum::loader
