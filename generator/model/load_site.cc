#include "model/loader.h"

#include "support/text.h"

namespace quorum::loader {

void load_site(Context& ctx) {
  const std::string path = "site-config/site.yaml";
  if (!ctx.tree.exists(path)) {
    ctx.diags.error({path, 0, 0}, "there is no site-config/site.yaml: every site needs one, "
                                  "with at least a 'title'");
    return;
  }
  const auto node = read_yaml_file(ctx, path);
  if (!node) return;
  YamlFields f(*node, {path, 1}, "site configuration", ctx.diags);
  Site& s = ctx.model.site;
  s.pos = f.pos();
  s.title = f.text("title", Need::required);
  s.base_url = f.text("base_url");
  if (s.base_url.empty() || s.base_url.back() != '/') s.base_url += '/';  // "" means the root
  if (const auto lang = f.text("language"); !lang.empty()) s.language = lang;
  if (const auto tz = f.text("timezone"); !tz.empty()) s.timezone = tz;
  s.organisation = f.text("organisation");
  s.contact_email = f.text("contact_email");
  if (const auto theme = f.text("theme"); !theme.empty()) s.theme = theme;
  s.draft_minutes = f.choice("draft_minutes", {"publish", "hide"}, Need::optional, "publish");
  s.source_url = f.text("source_url");
  if (f.has("accessibility")) {
    YamlFields a(f.node("accessibility"), f.source(), "accessibility section", ctx.diags);
    s.accessibility.contact = a.text("contact");
    s.accessibility.last_tested = a.date("last_tested");
    s.accessibility.known_issues = a.text_list("known_issues");
    a.finish();
  }
  f.finish();
}

}  // namespace quorum::loader
