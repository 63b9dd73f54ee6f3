#include "model/loader.h"

#include "load/fingerprint.h"
#include "parse/front_matter.h"
#include "support/text.h"

namespace quorum::loader {

std::optional<YAML::Node> read_yaml_file(Context& ctx, const std::string& path) {
  const auto bytes = ctx.tree.read(path);
  if (!bytes) {
    ctx.diags.error({path, 0, 0}, "could not read this file");
    return std::nullopt;
  }
  // A YAML file is all metadata: every byte of it may show on other pages.
  const std::string fp = fingerprint(*bytes);
  ctx.model.inputs[path] = {fp, fp};
  return load_yaml(*bytes, {path, 1}, ctx.diags);
}

Body make_body(std::string markdown, const std::string& path, int first_line) {
  Body body;
  body.outline = outline_markdown(markdown, first_line);
  body.markdown = std::move(markdown);
  body.path = path;
  body.first_line = first_line;
  return body;
}

std::optional<MarkdownFile> read_markdown_file(Context& ctx, const std::string& path) {
  auto bytes = ctx.tree.read(path);
  if (!bytes) {
    ctx.diags.error({path, 0, 0}, "could not read this file");
    return std::nullopt;
  }
  if (bytes->size() >= 3 && bytes->compare(0, 3, "\xEF\xBB\xBF") == 0) bytes->erase(0, 3);
  if (const auto bad = find_invalid_utf8(*bytes); bad != std::string::npos) {
    const auto lc = line_column_at(*bytes, bad);
    ctx.diags.error({path, lc.line, lc.column}, "this text is not valid UTF-8; save the file as UTF-8");
    return std::nullopt;
  }
  if (const auto nul = bytes->find('\0'); nul != std::string::npos) {
    const auto lc = line_column_at(*bytes, nul);
    ctx.diags.error({path, lc.line, lc.column}, "this file contains a NUL byte; it is not a text file");
    return std::nullopt;
  }
  FrontMatter fm = split_front_matter(*bytes, path, ctx.diags);
  MarkdownFile file;
  file.front_source = {path, fm.yaml_first_line};
  if (fm.present) {
    file.front = load_yaml(fm.yaml, file.front_source, ctx.diags);
    if (file.front && file.front->IsNull()) file.front = YAML::Node(YAML::NodeType::Map);
  }
  file.body = make_body(std::move(fm.body), path, fm.body_first_line);
  // What other pages can see of a Markdown file: its front matter and its outline (headings,
  // links, decisions), not the wording of its body, which shows only on its own page.
  std::string visible = fm.yaml;
  for (const auto& h : file.body.outline.headings) {
    visible += "\0h" + std::to_string(h.level) + h.id + '|' + h.item + '|' + h.text;
  }
  for (const auto& l : file.body.outline.links) visible += "\0l" + l.url;
  for (const auto& d : file.body.outline.decisions) visible += "\0d" + d.id + '|' + d.item + '|' + d.text;
  ctx.model.inputs[path] = {fingerprint(*bytes), fingerprint(visible)};
  return file;
}

PersonRef read_person_ref(const YAML::Node& node, const YamlSource& source, Diagnostics& diags,
                          const std::string& what) {
  PersonRef ref;
  ref.pos = position_of(node, source);
  if (node.IsScalar()) {
    ref.person = node.Scalar();
    return ref;
  }
  YamlFields fields(node, source, what, diags);
  if (!fields.is_map()) return ref;
  ref.person = fields.text("person");
  ref.post = fields.text("post");
  ref.role = fields.text("role");
  if (ref.person.empty() && ref.post.empty()) {
    diags.error(ref.pos, "the " + what + " names nobody: give a person id, or 'post:' for a seat "
                         "named by its office");
  }
  if (!ref.person.empty()) ref.pos = fields.pos_of("person");
  fields.finish();
  return ref;
}

std::vector<PersonRef> read_person_refs(YamlFields& fields, const std::string& key) {
  std::vector<PersonRef> out;
  for (const auto& item : fields.items(key)) {
    out.push_back(read_person_ref(item, fields.source(), fields.diags(), "'" + key + "' entry"));
  }
  return out;
}

std::string scalar_field(const YAML::Node& node, const std::string& key) {
  if (!node.IsMap()) return {};
  const YAML::Node value = node[key];
  return value.IsDefined() && value.IsScalar() ? trim(value.Scalar()) : std::string();
}

std::string committee_label(const Context& ctx, const std::string& committee) {
  const auto it = ctx.model.committees.find(committee);
  return it != ctx.model.committees.end() && !it->second.name.empty() ? it->second.name : "committee '" + committee + "'";
}

std::string meeting_label(const Context& ctx, const std::string& committee, const std::string& slug) {
  return "meeting " + slug + " of " + committee_label(ctx, committee);
}

std::string id_from_name(Context& ctx, const std::string& name, const std::string& path,
                         const std::string& what) {
  if (!is_slug(name)) {
    std::string message = "'" + name + "' cannot be a " + what +
                          " id: ids use only lower-case letters, digits and hyphens";
    if (const auto s = slugify(name); !s.empty()) message += " (for example '" + s + "')";
    ctx.diags.error({path, 0, 0}, message);
  }
  return name;
}

}  // namespace quorum::loader
