#include "model/parsed_file.h"

#include <algorithm>

#include "load/fingerprint.h"
#include "model/loader.h"
#include "parse/front_matter.h"
#include "parse/markdown_bounds.h"
#include "support/text.h"

namespace quorum::loader {

ParsedYaml parse_yaml_file(const SourceTree& tree, const std::string& path) {
  ParsedYaml out;
  const auto bytes = tree.read(path);
  if (!bytes) {
    out.diags.error({path, 0, 0}, "could not read this file");
    return out;
  }
  // A YAML file is all metadata: every byte of it may show on other pages.
  auto known = tree.known_fingerprint(path);
  const std::string fp = known ? std::move(*known) : fingerprint(*bytes);
  out.inputs = SiteModel::SourceInputs{fp, fp};
  out.node = load_yaml(*bytes, {path, 1}, out.diags);
  return out;
}

namespace {

// Everything of a Markdown file but reading its front matter as YAML; nullopt (with the
// reason in `diags`) when the bytes cannot be used. `raw_fingerprint` is of `bytes` as read.
std::optional<MarkdownParse> parse_markdown_bytes(std::string bytes, const std::string& raw_fingerprint,
                                                  const std::string& path, Diagnostics& diags) {
  const bool bom = bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (bom) bytes.erase(0, 3);
  if (const auto bad = find_invalid_utf8(bytes); bad != std::string::npos) {
    const auto lc = line_column_at(bytes, bad);
    diags.error({path, lc.line, lc.column}, "this text is not valid UTF-8; save the file as UTF-8");
    return std::nullopt;
  }
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    const auto lc = line_column_at(bytes, nul);
    diags.error({path, lc.line, lc.column}, "this file contains a NUL byte; it is not a text file");
    return std::nullopt;
  }
  // A file saved with '\r' alone at line ends (old Mac editors, some web forms): read as cmark
  // reads it, or its front matter is not seen and is published as text.
  bool lone_cr = false;
  for (std::size_t at = bytes.find('\r'); at != std::string::npos && !lone_cr; at = bytes.find('\r', at + 1)) {
    lone_cr = at + 1 == bytes.size() || bytes[at + 1] != '\n';
  }
  if (lone_cr) bytes = normalise_line_endings(std::move(bytes));
  FrontMatter fm = split_front_matter(bytes, path, diags);
  // Refused before cmark-gfm sees it: some shapes take it minutes (markdown_bounds.h).
  if (const auto hazard = find_markdown_hazard(fm.body)) {
    diags.error({path, fm.body_first_line + hazard->line - 1, hazard->column}, hazard->message);
    return std::nullopt;
  }
  // The body is usually the file's tail as it is: then the model keeps where, not the text.
  const std::size_t body_offset = bytes.size() - std::min(bytes.size(), fm.body.size());
  // (Not when line endings were changed: the text is then not the file's bytes.)
  const bool body_is_tail = !lone_cr && bytes.compare(body_offset, std::string::npos, fm.body) == 0;
  MarkdownParse out;
  out.front_present = fm.present;
  out.front_first_line = fm.yaml_first_line;
  out.body = make_body(std::move(fm.body), path, fm.body_first_line);
  // What other pages can see of a Markdown file: its front matter and its outline (headings,
  // links, decisions), not the wording of its body, which shows only on its own page. Each
  // part starts with a NUL and a letter, so no text can pass for another kind of part.
  std::string visible = fm.yaml;
  const auto part = [&visible](char kind) {
    visible += '\0';
    visible += kind;
  };
  for (const auto& h : out.body.outline.headings) {
    part('h');
    visible += std::to_string(h.level) + h.id + '|' + h.item + '|' + h.text;
  }
  for (const auto& l : out.body.outline.links) {
    part('l');
    visible += l.url;
  }
  for (const auto& d : out.body.outline.decisions) {
    part('d');
    visible += d.id + '|' + d.item + '|' + d.text;
  }
  out.front_yaml = std::move(fm.yaml);
  out.inputs = SiteModel::SourceInputs{bom ? fingerprint(bytes) : raw_fingerprint, fingerprint(visible)};
  if (body_is_tail) {
    // Swapped out, not assigned an empty string: libstdc++'s move assignment from a short
    // string keeps the target's buffer, so every body's text stayed in the model.
    std::string().swap(out.body.markdown);
    out.body.in_file = true;
    out.body.offset = body_offset;
    out.body.file_fingerprint = out.inputs.whole;
  }
  return out;
}

}  // namespace

ParsedMarkdown parse_markdown_file(const SourceTree& tree, const std::string& path, OutlineStore* outlines) {
  ParsedMarkdown out;
  // A git tree names each file's fingerprint without reading it: a cached file is not read.
  std::optional<std::string> raw_fingerprint = tree.known_fingerprint(path);
  std::optional<std::string> bytes;
  if (!raw_fingerprint && outlines != nullptr && outlines->enabled()) {
    bytes = tree.read(path);
    if (bytes) raw_fingerprint = fingerprint(*bytes);
  }
  std::optional<MarkdownParse> parse;
  if (raw_fingerprint && outlines != nullptr) parse = outlines->reuse(path, *raw_fingerprint);
  const bool from_cache = parse.has_value();
  if (!parse) {
    if (!bytes) bytes = tree.read(path);
    if (!bytes) {
      out.diags.error({path, 0, 0}, "could not read this file");
      return out;
    }
    if (!raw_fingerprint) raw_fingerprint = fingerprint(*bytes);
    parse = parse_markdown_bytes(std::move(*bytes), *raw_fingerprint, path, out.diags);
    if (!parse) return out;
  }
  MarkdownFile file;
  file.front_source = {path, parse->front_first_line};
  if (parse->front_present) {
    file.front = load_yaml(parse->front_yaml, file.front_source, out.diags);
    if (file.front && file.front->IsNull()) file.front = YAML::Node(YAML::NodeType::Map);
  }
  // Kept only when clean, so a file's messages are reported on every build.
  if (!from_cache && outlines != nullptr && parse->body.in_file && out.diags.all().empty()) {
    outlines->keep(path, *raw_fingerprint, *parse);
  }
  file.body = std::move(parse->body);
  file.body.path = path;
  out.inputs = std::move(parse->inputs);
  out.file = std::move(file);
  return out;
}

}  // namespace quorum::loader
