#include "model/loader.h"
#include "model/parsed_file.h"
#include "model/yaml_release.h"
#include "support/text.h"

namespace quorum::loader {

namespace {

// A file's messages join the build's at the point the file is asked for, whichever thread
// parsed it, so they come in the same order however many threads there are.
void report(Context& ctx, const Diagnostics& found) {
  for (const auto& d : found.all()) {
    if (d.severity == Severity::error) {
      ctx.diags.error(d.pos, d.message);
    } else {
      ctx.diags.warning(d.pos, d.message);
    }
  }
}

}  // namespace

std::optional<YAML::Node> read_yaml_file(Context& ctx, const std::string& path) {
  std::optional<ParsedYaml> parsed;
  if (ctx.parsed != nullptr) parsed = ctx.parsed->take_yaml(path);
  if (!parsed) parsed = parse_yaml_file(ctx.tree, path);
  if (parsed->inputs) ctx.model.inputs[path] = std::move(*parsed->inputs);
  report(ctx, parsed->diags);
  if (parsed->node && ctx.release != nullptr) ctx.release->hand_over(*parsed->node);
  return std::move(parsed->node);
}

Body make_body(std::string markdown, const std::string& path, int first_line) {
  Body body;
  body.outline = outline_markdown(markdown, first_line);
  body.blank = markdown.find_first_not_of(" \t\r\n") == std::string::npos;
  body.markdown = std::move(markdown);
  body.path = path;
  body.first_line = first_line;
  return body;
}

std::optional<MarkdownFile> read_markdown_file(Context& ctx, const std::string& path) {
  std::optional<ParsedMarkdown> parsed;
  if (ctx.parsed != nullptr) parsed = ctx.parsed->take_markdown(path);
  if (!parsed) parsed = parse_markdown_file(ctx.tree, path, ctx.outlines);
  if (parsed->inputs) ctx.model.inputs[path] = std::move(*parsed->inputs);
  report(ctx, parsed->diags);
  if (parsed->file && parsed->file->front && ctx.release != nullptr)
    ctx.release->hand_over(*parsed->file->front);
  return std::move(parsed->file);
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
