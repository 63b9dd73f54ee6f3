#include "model/loader.h"
#include "model/url_check.h"

namespace quorum::loader {
namespace {

void load_terms(Context& ctx, Committee& c, const std::string& path) {
  auto file = read_markdown_file(ctx, path);
  if (!file) return;
  TermsOfReference t;
  if (file->front) {
    YamlFields f(*file->front, file->front_source, "terms of reference of " + (c.name.empty() ? c.id : c.name),
                 ctx.diags);
    t.version = f.text("version");
    t.status = f.choice("status", kMinutesOrTermsStatuses, Need::optional, PaperStatus::approved);
    t.date = f.date("date");
    t.approved_at = f.text("approved_at");
    f.finish();
  }
  t.body = std::move(file->body);
  c.terms = std::move(t);
}

}  // namespace

void load_committee(Context& ctx, const std::string& folder) {
  const std::string path = folder + "/committee.yaml";
  const std::string name = folder.substr(folder.rfind('/') + 1);
  const auto node = read_yaml_file(ctx, path);
  if (!node) return;
  Committee c;
  c.id = id_from_name(ctx, name, folder, "committee");
  const std::string title = scalar_field(*node, "name");
  YamlFields f(*node, {path, 1}, "committee '" + (title.empty() ? name : title) + "'", ctx.diags);
  c.pos = f.pos();
  c.name = f.text("name", Need::required);
  c.short_name = f.text("short_name");
  c.kind = f.choice("kind", {"board", "committee", "sub-committee", "sub-group", "joint-committee",
                             "partnership", "executive", "external"},
                    Need::required);
  c.organisations = f.text_list("organisations");
  c.reports_to = f.text_list("reports_to");
  c.established = f.date("established");
  c.dissolved = f.date("dissolved");
  c.replaces = f.text_list("replaces");
  c.replaced_by = f.text_list("replaced_by");
  c.meets = f.text("meets");
  c.contact = f.text("contact");
  c.external_url = read_url(f, "external_url", UrlUse::link);
  for (const auto& item : f.items("members")) {
    YamlFields mf(item, f.source(), "member", ctx.diags);
    Member m;
    m.who.pos = mf.pos();
    m.who.person = mf.text("person");
    m.who.post = mf.text("post");
    if (!m.who.person.empty()) m.who.pos = mf.pos_of("person");
    if (m.who.person.empty() && m.who.post.empty()) {
      ctx.diags.error(mf.pos(), "a member needs 'person:' (a person id) or 'post:' (a seat)");
    }
    m.role = mf.choice("role", {"chair", "co-chair", "vice-chair", "member", "deputy",
                                "substitute", "adviser", "secretariat"},
                       Need::optional, "member");
    m.representing = mf.text("representing");
    m.from = mf.date("from");
    m.to = mf.date("to");
    m.voting = mf.boolean("voting");
    mf.finish();
    c.members.push_back(std::move(m));
  }
  f.finish();
  if (const std::string index = folder + "/index.md"; ctx.tree.exists(index)) {
    if (auto file = read_markdown_file(ctx, index)) {
      if (file->front) ctx.diags.warning({index, 1, 1}, "a committee description has no front matter; it is ignored");
      c.description = std::move(file->body);
    }
  }
  if (const std::string tor = folder + "/terms-of-reference.md"; ctx.tree.exists(tor)) {
    load_terms(ctx, c, tor);
  }
  ctx.model.committees.emplace(c.id, std::move(c));
}

}  // namespace quorum::loader
