#include "model/loader.h"
#include "model/url_check.h"

namespace quorum::loader {
namespace {

std::string stem(const std::string& path) {
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  return path.substr(slash + 1, dot - slash - 1);
}

}  // namespace

void load_organisation(Context& ctx, const std::string& path) {
  const auto node = read_yaml_file(ctx, path);
  Organisation o;
  o.id = id_from_name(ctx, stem(path), path, "organisation");
  if (!node) {
    // The reason is reported; keep the id so references to it are not also called missing.
    ctx.model.organisations.emplace(o.id, std::move(o));
    return;
  }
  const std::string name = scalar_field(*node, "name");
  YamlFields f(*node, {path, 1}, "organisation '" + (name.empty() ? o.id : name) + "'", ctx.diags);
  o.pos = f.pos();
  o.name = f.text("name", Need::required);
  o.short_name = f.text("short_name");
  o.kind = f.choice("kind",
                    {"local-authority", "nhs-commissioner", "nhs-provider", "voluntary-sector", "healthwatch",
                     "university", "other"},
                    Need::optional, "other");
  o.url = read_url(f, "url", UrlUse::link);
  o.established = f.date("established");
  o.dissolved = f.date("dissolved");
  o.replaced_by = f.text_list("replaced_by");
  f.finish();
  ctx.model.organisations.emplace(o.id, std::move(o));
}

void load_person(Context& ctx, const std::string& path) {
  const auto node = read_yaml_file(ctx, path);
  Person p;
  p.id = id_from_name(ctx, stem(path), path, "person");
  if (!node) {
    // The reason is reported; keep the id so references to it are not also called missing.
    ctx.model.people.emplace(p.id, std::move(p));
    return;
  }
  const std::string name = scalar_field(*node, "name");
  YamlFields f(*node, {path, 1}, "person '" + (name.empty() ? p.id : name) + "'", ctx.diags);
  p.pos = f.pos();
  p.name = f.text("name", Need::required);
  p.honorific = f.text("honorific");
  for (const auto& item : f.items("positions")) {
    YamlFields pf(item, f.source(), "position", ctx.diags);
    Position pos;
    pos.title = pf.text("title", Need::required);
    pos.organisation = pf.text("organisation");
    pos.from = pf.date("from");
    pos.to = pf.date("to");
    pf.finish();
    p.positions.push_back(std::move(pos));
  }
  for (const auto& item : f.items("register")) {
    YamlFields rf(item, f.source(), "register entry", ctx.diags);
    Interest interest;
    interest.category =
        rf.choice("category",
                  {"employment", "sponsorship", "contracts", "land", "licences", "corporate-tenancies",
                   "securities", "other-registrable", "non-registrable"},
                  Need::required);
    // A value that is not a clear yes or no (nothing at all included) is an error, and
    // meanwhile counts as yes.
    const bool marked = rf.written("sensitive");
    const auto sensitive = rf.boolean("sensitive");
    if (marked && !rf.has("sensitive")) {
      ctx.diags.error(rf.pos(), rf.subject() +
                                    ": 'sensitive' has no value; write 'sensitive: true' to withhold "
                                    "this interest's description, or 'sensitive: false'");
    }
    interest.sensitive = sensitive.value_or(marked);
    // A sensitive interest is withheld by law: its description is checked, never kept.
    const std::string description = rf.text("description");
    if (!interest.sensitive) {
      interest.description = description;
    } else {
      withhold_text(
          ctx, description,
          "the description of a sensitive interest of person '" + (name.empty() ? p.id : name) + "'",
          rf.pos_of("description"));
    }
    interest.registered = rf.date("registered");
    interest.removed = rf.date("removed");
    rf.finish();
    p.interests.push_back(std::move(interest));
  }
  f.finish();
  ctx.model.people.emplace(p.id, std::move(p));
}

}  // namespace quorum::loader
