#include "render/theme.h"

#include <kainjow/mustache.hpp>

#include <fstream>
#include <sstream>

#include "load/fingerprint.h"
#include "render/template_inlining.h"
#include "support/text.h"

namespace quorum {
namespace fs = std::filesystem;
namespace mus = kainjow::mustache;

namespace {

// kainjow's set() and push_back() copy what they are given, so building a page's data with
// them copies every string once per level of nesting: most of a big list page's time and
// memory. These move the value in instead. The const_casts are sound: the elements they reach
// belong to non-const containers that kainjow only hands out as const.
void put(mus::data& object, const std::string& key, mus::data&& value) {
  object.set(key, mus::data(false));
  *const_cast<mus::data*>(object.get(key)) = std::move(value);
}

void append(mus::data& list, mus::data&& value) {
  const_cast<mus::list&>(list.list_value()).push_back(std::move(value));
}

// Mustache's truthiness differs from JSON's: an empty string or null must hide a section.
mus::data to_mustache(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mus::data obj{mus::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) {
        put(obj, it.key(), to_mustache(it.value()));
        // Every list `x` also gets `has_x`, so a template can wrap a non-empty list in
        // <ul>...</ul> without printing an empty one.
        if (it.value().is_array()) obj.set("has_" + it.key(), mus::data(!it.value().empty()));
      }
      return obj;
    }
    case nlohmann::json::value_t::array: {
      mus::data list{mus::data::type::list};
      for (const auto& item : j) append(list, to_mustache(item));
      return list;
    }
    case nlohmann::json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      return s.empty() ? mus::data(false) : mus::data(s);
    }
    case nlohmann::json::value_t::boolean:
      return mus::data(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return mus::data(std::to_string(j.get<long long>()));
    case nlohmann::json::value_t::number_float:
      return mus::data(j.dump());
    default:
      return mus::data(false);
  }
}

// Partials live in their own namespace: a page whose data has a `person` key can still
// include the `person` partial.
class ThemeContext : public mus::context<std::string> {
 public:
  ThemeContext(const mus::data* data, const mus::data* partials) : mus::context<std::string>(data), partials_(partials) {}
  const mus::data* get_partial(const std::string& name) const override { return partials_->get(name); }

 private:
  const mus::data* partials_;
};

// Kinds of file a web page uses. Anything else under assets/ is not published.
bool is_asset_type(const std::string& rel) {
  const auto dot = rel.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : to_lower_ascii(rel.substr(dot + 1));
  for (const char* e : {"css", "js", "mjs", "woff", "woff2", "ttf", "otf", "png", "jpg", "jpeg", "gif", "webp",
                        "avif", "svg", "ico"}) {
    if (ext == e) return true;
  }
  return false;
}

// A name, or a folder on the way to it, that begins with '.': .git, .env, .DS_Store. Never
// part of a theme, never read or published.
bool is_hidden(const std::string& rel) {
  return !rel.empty() && (rel[0] == '.' || rel.find("/.") != std::string::npos);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

struct Theme::Impl {
  std::map<std::string, std::string> sources;  // "meeting", "partials/breadcrumbs"
  std::map<std::string, std::unique_ptr<mus::mustache>> compiled;
  mus::data partials{mus::data::type::object};  // name -> template text
};

Theme::Theme() : impl_(std::make_unique<Impl>()) {}
Theme::~Theme() = default;

std::unique_ptr<Theme> Theme::load(const std::string& name, const SourceTree& tree,
                                   const std::vector<fs::path>& search_dirs, Diagnostics& diags) {
  // site.yaml's loader refuses a theme that is not a name; this never joins a path either.
  if (!is_slug(name)) {
    diags.error({"site-config/site.yaml", 0, 0}, "the theme '" + name + "' is not a name: write the name of a "
                                                 "folder in themes/, such as 'default'");
    return nullptr;
  }
  auto theme = std::unique_ptr<Theme>(new Theme());
  const std::string prefix = "themes/" + name + "/";
  std::map<std::string, std::string> files;  // relative to the theme folder
  for (const auto& path : tree.files()) {
    if (path.rfind(prefix, 0) == 0 && !is_hidden(path.substr(prefix.size()))) {
      files[path.substr(prefix.size())] = tree.read(path).value_or("");
    }
  }
  theme->origin_ = prefix;
  if (files.empty()) {
    for (const auto& dir : search_dirs) {
      const fs::path root = dir / name;
      std::error_code ec;
      if (!fs::is_directory(root / "templates", ec)) continue;
      const fs::path real_root = fs::canonical(root, ec);
      for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        const std::string rel = it->path().lexically_relative(root).generic_string();
        if (is_hidden(rel)) {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_symlink()) {
          std::error_code link_ec;
          const fs::path target = fs::canonical(it->path(), link_ec);
          const auto inner = target.lexically_relative(real_root);
          if (link_ec || inner.empty() || *inner.begin() == "..") {
            diags.error({it->path().string(), 0, 0},
                        "this is a symbolic link out of the theme's folder; a theme publishes only its own "
                        "files. Replace the link with a copy of the file");
            continue;
          }
        }
        if (it->is_regular_file()) files[rel] = read_file(it->path());
      }
      theme->origin_ = root.string();
      break;
    }
  }
  if (files.empty()) {
    diags.error({"site-config/site.yaml", 0, 0},
                "the theme '" + name + "' was not found: add themes/" + name + "/ to the repository or "
                "set 'theme: default'");
    return nullptr;
  }
  std::string everything;
  for (const auto& [rel, bytes] : files) everything += rel + '\0' + bytes + '\0';
  theme->fingerprint_ = quorum::fingerprint(everything);
  for (auto& [rel, bytes] : files) {
    if (rel.rfind("templates/", 0) == 0 && rel.size() > 19 && rel.compare(rel.size() - 9, 9, ".mustache") == 0) {
      const std::string tname = rel.substr(10, rel.size() - 19);
      theme->impl_->sources[tname] = bytes;
    } else if (rel.rfind("assets/", 0) == 0 && is_asset_type(rel)) {
      theme->assets_[rel.substr(7)] = std::move(bytes);
    } else if (rel.rfind("assets/", 0) == 0) {
      diags.error({theme->origin_ + (theme->origin_.back() == '/' ? "" : "/") + rel, 0, 0},
                  "this file is in the theme's assets/ folder, which is published, but it is not a kind of "
                  "file a web page uses (stylesheets .css, scripts .js, fonts, images); it would be published "
                  "as it is. Remove it, or move it out of assets/");
    }
  }
  std::map<std::string, std::string> partial_sources;  // "link" -> its text
  for (auto& [tname, source] : theme->impl_->sources) {
    // A partial file's final newline would otherwise land inside every sentence using it.
    if (tname.rfind("partials/", 0) == 0) {
      while (!source.empty() && (source.back() == '\n' || source.back() == '\r')) source.pop_back();
      partial_sources[tname.substr(9)] = source;
    }
  }
  for (auto& [tname, source] : theme->impl_->sources) {
    // Checked as written, so a template error names the file it is in.
    auto compiled = std::make_unique<mus::mustache>(source);
    if (!compiled->is_valid()) {
      diags.error({theme->origin_ + "/templates/" + tname + ".mustache", 0, 0},
                  "template error: " + compiled->error_message());
      continue;
    }
    // Parsed once here with its partials in place (render/template_inlining.h).
    std::vector<std::string> including;
    if (tname.rfind("partials/", 0) == 0) including.push_back(tname.substr(9));
    if (const auto inlined = inline_partials(source, partial_sources, including); inlined && *inlined != source) {
      auto expanded = std::make_unique<mus::mustache>(*inlined);
      if (expanded->is_valid()) compiled = std::move(expanded);
    }
    compiled->set_custom_escape([](const std::string& s) { return html_escape(s); });
    if (tname.rfind("partials/", 0) == 0) theme->impl_->partials.set(tname.substr(9), mus::data(source));
    theme->impl_->compiled[tname] = std::move(compiled);
  }
  return theme;
}

std::string Theme::render_partial(const std::string& name, const nlohmann::json& context, Diagnostics& diags) const {
  if (!has_template("partials/" + name)) return {};
  return render("partials/" + name, context, diags);
}

bool Theme::has_template(const std::string& name) const { return impl_->compiled.count(name) != 0; }

std::string Theme::render(const std::string& name, const nlohmann::json& context, Diagnostics& diags) const {
  const auto it = impl_->compiled.find(name);
  if (it == impl_->compiled.end()) {
    diags.error({origin_ + "/templates/" + name + ".mustache", 0, 0}, "the theme has no template '" + name + "'");
    return {};
  }
  const mus::data data = to_mustache(context);
  ThemeContext ctx(&data, &impl_->partials);
  std::string out = it->second->render(ctx);
  if (!it->second->is_valid()) {
    diags.error({origin_ + "/templates/" + name + ".mustache", 0, 0}, "template error: " + it->second->error_message());
  }
  return out;
}

}  // namespace quorum
