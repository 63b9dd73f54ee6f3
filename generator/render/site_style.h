// What site.yaml's `theme_options:` become on the site: a small <style> block overriding
// the theme's CSS custom properties, and the logo's place among the site's files.
#pragma once

#include <string>

#include "model/entities.h"

namespace quorum {

// ":root{--brand:#1d4f4a;...}" for the colours site.yaml sets (and the shades derived from
// them), "" when it sets none. Only colours that parse as #rrggbb are written, so nothing
// else from site.yaml can reach the page's <style>.
std::string theme_style(const ThemeOptions& options);

// Where the logo is copied, relative to the site root ("assets/logo.svg"), "" for none.
// A theme asset of the same name is replaced by the site's own.
std::string logo_site_path(const ThemeOptions& options);

}  // namespace quorum
