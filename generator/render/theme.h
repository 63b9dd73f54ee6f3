// A theme: Mustache templates and static assets, found by name. Themes are data, not C++,
// so a council restyles its site without compiling anything.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load/source_tree.h"
#include "support/diagnostics.h"

namespace quorum {

class Theme {
 public:
  // Looks for `themes/<name>/` in the content repository first, then in `search_dirs`
  // (an installed copy, the build's own themes folder). nullptr, with an error, if none.
  static std::unique_ptr<Theme> load(const std::string& name, const SourceTree& tree,
                                     const std::vector<std::filesystem::path>& search_dirs,
                                     Diagnostics& diags);
  ~Theme();
  Theme(const Theme&) = delete;
  Theme& operator=(const Theme&) = delete;

  [[nodiscard]] bool has_template(const std::string& name) const;
  // Renders `templates/<name>.mustache` with the context; template errors go to diags.
  std::string render(const std::string& name, const nlohmann::json& context, Diagnostics& diags) const;
  // Renders `templates/partials/<name>.mustache` alone; "" when the theme has no such partial.
  std::string render_partial(const std::string& name, const nlohmann::json& context, Diagnostics& diags) const;
  // Static files under assets/, by path relative to assets/.
  [[nodiscard]] const std::map<std::string, std::string>& assets() const { return assets_; }
  [[nodiscard]] const std::string& origin() const { return origin_; }
  // Changes whenever any template or asset changes: part of every page's fingerprint.
  [[nodiscard]] const std::string& fingerprint() const { return fingerprint_; }

 private:
  struct Impl;
  Theme();
  std::unique_ptr<Impl> impl_;
  std::map<std::string, std::string> assets_;
  std::string origin_;
  std::string fingerprint_;
};

}  // namespace quorum
