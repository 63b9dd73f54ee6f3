// What a link written by a clerk points at. One resolver serves validation (model) and
// rendering (render), so a link that passed the check is exactly the link published.
#pragma once

#include <string>

#include "model/site_model.h"

namespace quorum {

struct ResolvedLink {
  enum class Kind {
    page,      // a page of the site: `key` (may carry a #fragment)
    file,      // a file of the repository copied to the site: `file`
    external,  // http(s), mailto, tel: `url`
    fragment,  // "#x" on the same page: `url`
    unsafe,    // javascript:, data:, vbscript: and other schemes: shown as text, with a warning
    withheld,  // an exempt report: shown as text, never linked
    error,     // does not resolve: `message` says why
  };
  Kind kind = Kind::error;
  Key key;
  std::string file;
  std::string url;
  std::string message;
};

// `from_path` is the repository path of the file that contains the link.
ResolvedLink resolve_link(const SiteModel& model, const std::string& from_path,
                          const std::string& url);

// The key of the page a content file becomes ("content/people/x.yaml" -> "person:x"),
// or "" when the file is not a page of its own.
Key key_of_content_file(const std::string& repository_path);

}  // namespace quorum
