// Renders every page of the site and copies its files, writing through an OutputSink.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "load/source_tree.h"
#include "model/site_model.h"
#include "render/theme.h"
#include "support/output_sink.h"

namespace quorum {

struct RenderOptions {
  std::string base_url;  // overrides site.yaml's base_url when set
  unsigned jobs = 0;     // threads to render on; 0: one per core. The output is the same.
  // Called after each page, one call at a time (from any rendering thread): for a progress line.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct RenderStats {
  std::size_t pages = 0;
  std::size_t rendered = 0;  // pages whose inputs changed (the rest were kept from the last build)
  std::size_t files = 0;  // attachments and theme assets
  // Of those, the files made from the model whose inputs are fingerprinted (open data and the
  // search shards), and how many of them had to be made this build.
  std::size_t derived = 0;
  std::size_t derived_made = 0;
};

RenderStats render_site(const SiteModel& model, const SourceTree& tree, const Theme& theme,
                        const RenderOptions& options, OutputSink& sink, Diagnostics& diags);

}  // namespace quorum
