// The committee structure diagram: every committee as a box linked to its page, a solid
// line to the body it reports to first (its parent), a dashed line labelled "also reports
// to" for each further line of accountability, dissolved bodies drawn dashed and labelled.
// Laid out at build time by Graphviz's dot as SVG, with the same bytes for the same input.
#pragma once

#include <string>

#include "render/page_context.h"

namespace quorum {

struct StructureDiagram {
  // The <svg> element alone, for inlining in a page: named by its <title>
  // (id "structure-title") and described by its <desc> (id "structure-desc").
  // Empty when the site has no committees or Graphviz could not draw it.
  std::string svg;

  [[nodiscard]] bool empty() const { return svg.empty(); }
  // The same drawing as a file of its own (committees/structure.svg).
  [[nodiscard]] std::string file() const;
};

// Where the diagram file goes, relative to the site root.
inline constexpr const char* kStructureDiagramPath = "committees/structure.svg";

// Draws the hierarchy of `ctx.model().committees`. Graphviz failures become warnings:
// the committees page still has its nested list.
StructureDiagram draw_structure_diagram(const PageContext& ctx, Diagnostics& diags);

}  // namespace quorum
