#include "render/structure_diagram.h"

#include <dlfcn.h>
#include <gvc.h>

#include <map>
#include <memory>
#include <vector>

#include "render/labels.h"
#include "support/contrast.h"
#include "support/text.h"

#ifndef QUORUM_GRAPHVIZ_PLUGIN_DIR
#define QUORUM_GRAPHVIZ_PLUGIN_DIR "/usr/lib/x86_64-linux-gnu/graphviz"
#endif
#ifndef QUORUM_GRAPHVIZ_PLUGIN_VERSION
#define QUORUM_GRAPHVIZ_PLUGIN_VERSION "6"
#endif

namespace quorum {
namespace {

constexpr const char* kFont = "Helvetica";  // drawn as "Helvetica,sans-Serif"; measured with Arial's widths
constexpr std::size_t kLabelWidth = 24;     // characters per line of a committee's name

// A Graphviz context with only the dot layout and the core (SVG) renderer. Loading them
// by name, rather than every plugin Graphviz has installed, leaves out the pango text
// layout: text is then measured with Graphviz's built-in font metrics, which do not
// depend on the fonts of the machine building the site, so the same content gives the
// same bytes everywhere. Falls back to Graphviz's own plugin configuration.
GVC_t* new_context() {
  static const std::vector<lt_symlist_t> builtins = [] {
    struct Plugin {
      const char* file;
      const char* symbol;
    };
    std::vector<lt_symlist_t> out;
    for (const Plugin& plugin : {Plugin{"libgvplugin_core.so", "gvplugin_core_LTX_library"},
                                 Plugin{"libgvplugin_dot_layout.so", "gvplugin_dot_layout_LTX_library"}}) {
      const std::string base = std::string(QUORUM_GRAPHVIZ_PLUGIN_DIR) + "/" + plugin.file;
      void* lib = dlopen((base + "." + QUORUM_GRAPHVIZ_PLUGIN_VERSION).c_str(), RTLD_NOW | RTLD_LOCAL);
      if (lib == nullptr) lib = dlopen(base.c_str(), RTLD_NOW | RTLD_LOCAL);
      void* address = lib != nullptr ? dlsym(lib, plugin.symbol) : nullptr;
      if (address == nullptr) return std::vector<lt_symlist_t>{};
      out.push_back({plugin.symbol, address});  // the libraries stay loaded for the process
    }
    out.push_back({nullptr, nullptr});
    return out;
  }();
  return builtins.empty() ? gvContext() : gvContextPlugins(builtins.data(), 0);
}

// Graphviz's C API takes `char*` for names it does not modify.
char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }

void set(void* object, const std::string& name, const std::string& value) {
  agsafeset(object, c(name), c(value), c(std::string()));
}

// An escString: backslash starts an escape (\n, \N), and '&' would start an entity.
std::string label_text(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\\') {
      out += "\\\\";
    } else if (ch == '&') {
      out += "&amp;";
    } else if (ch == '\n' || ch == '\r') {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

// Lines of at most `width` characters, broken at spaces, joined with Graphviz's "\n".
std::string wrap(const std::string& text, std::size_t width) {
  std::string out;
  std::string line;
  for (const auto& word : split(text, ' ')) {
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += (out.empty() ? "" : "\\n") + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += (out.empty() ? "" : "\\n") + line;
  return out;
}

// A URL for an attribute Graphviz writes unescaped: anything that could end the attribute
// or start an escape or entity is percent-encoded (the page addresses are already safe).
std::string url_text(const std::string& href) {
  std::string out;
  for (char ch : href) {
    switch (ch) {
      case '&': out += "%26"; break;
      case '"': out += "%22"; break;
      case '\'': out += "%27"; break;
      case '<': out += "%3C"; break;
      case '>': out += "%3E"; break;
      case '\\': out += "%5C"; break;
      case ' ': out += "%20"; break;
      default: out += ch;
    }
  }
  return out;
}

// Both copy the text once into a new string: erasing or replacing in place moves the whole
// rest of the SVG at every match, which grows with the square of its size (a diagram of a
// thousand committees has tens of thousands of matches).
void erase_all(std::string& s, const std::string& open, const std::string& close) {
  std::string out;
  out.reserve(s.size());
  std::size_t from = 0;
  for (auto at = s.find(open); at != std::string::npos; at = s.find(open, from)) {
    const auto end = s.find(close, at + open.size());
    if (end == std::string::npos) break;
    out.append(s, from, at - from);
    from = end + close.size();
    if (from < s.size() && s[from] == '\n') ++from;
  }
  out.append(s, from, std::string::npos);
  s = std::move(out);
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  std::string out;
  out.reserve(s.size());
  std::size_t done = 0;
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, done)) {
    out.append(s, done, at - done);
    out += to;
    done = at + from.size();
  }
  out.append(s, done, std::string::npos);
  s = std::move(out);
}

// Graphviz's SVG, made fit to inline and the same on every machine: no XML declaration,
// doctype or comments (one names the Graphviz version), no <title> per node and edge (a
// screen reader would read node ids and "a->b"), and one <title> and <desc> for the whole.
std::string clean_svg(std::string svg, const std::string& title, const std::string& desc) {
  const auto start = svg.find("<svg");
  if (start == std::string::npos) return {};
  svg.erase(0, start);
  erase_all(svg, "<!--", "-->");
  erase_all(svg, "<title>", "</title>");
  replace_all(svg, "&#45;", "-");  // Graphviz writes every hyphen as an entity
  const auto open_end = svg.find('>');
  if (open_end == std::string::npos) return {};
  std::string open = svg.substr(0, open_end);
  replace_all(open, "\n ", " ");
  replace_all(open, "\n", " ");
  svg = open +
        " aria-labelledby=\"structure-title\" aria-describedby=\"structure-desc\""
        " class=\"structure-svg\">\n<title id=\"structure-title\">" +
        html_escape(title) + "</title>\n<desc id=\"structure-desc\">" + html_escape(desc) + "</desc>" +
        svg.substr(open_end + 1);
  while (!svg.empty() && (svg.back() == '\n' || svg.back() == ' ')) svg.pop_back();
  return svg + "\n";
}

struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};
struct ContextDeleter {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};

}  // namespace

std::string StructureDiagram::file() const {
  if (svg.empty()) return {};
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + svg;
}

StructureDiagram draw_structure_diagram(const PageContext& ctx, Diagnostics& diags) {
  const auto& committees = ctx.model().committees;
  if (committees.empty()) return {};
  const ThemeOptions& theme = ctx.model().site.theme_options;
  const std::string text = theme.colour("text");
  const std::string background = theme.colour("background");
  const std::string brand = theme.colour("brand");
  std::string muted = background;  // a pale panel for dissolved bodies
  if (const auto bg = parse_hex_colour(background), fg = parse_hex_colour(text); bg && fg) {
    muted = mix(*bg, *fg, 0.06).hex();
  }

  agseterr(AGMAX);  // nothing on stderr: failures are reported below
  std::unique_ptr<GVC_t, ContextDeleter> gvc(new_context());
  if (!gvc) {
    diags.warning({"site-config/site.yaml", 0, 0}, "Graphviz could not start, so the committees page has no "
                                                   "structure diagram (the list is still there)");
    return {};
  }
  std::unique_ptr<Agraph_t, GraphDeleter> graph(agopen(c("committee-structure"), Agdirected, nullptr));
  Agraph_t* g = graph.get();
  agattr(g, AGRAPH, c("rankdir"), c("LR"));  // a tall drawing reads at full size in a page column
  agattr(g, AGRAPH, c("nodesep"), c("0.3"));
  agattr(g, AGRAPH, c("ranksep"), c("0.6"));
  agattr(g, AGRAPH, c("bgcolor"), c(background));
  agattr(g, AGRAPH, c("id"), c("structure-graph"));
  agattr(g, AGRAPH, c("fontname"), c(kFont));
  agattr(g, AGNODE, c("shape"), c("box"));
  agattr(g, AGNODE, c("style"), c("rounded,filled"));
  agattr(g, AGNODE, c("fontname"), c(kFont));
  agattr(g, AGNODE, c("fontsize"), c("14"));
  agattr(g, AGNODE, c("fontcolor"), c(text));
  agattr(g, AGNODE, c("color"), c(brand));
  agattr(g, AGNODE, c("fillcolor"), c(background));
  agattr(g, AGNODE, c("penwidth"), c("2"));
  agattr(g, AGNODE, c("margin"), c("0.15,0.08"));
  agattr(g, AGEDGE, c("fontname"), c(kFont));
  agattr(g, AGEDGE, c("fontsize"), c("12"));
  agattr(g, AGEDGE, c("fontcolor"), c(text));
  agattr(g, AGEDGE, c("color"), c(text));
  agattr(g, AGEDGE, c("penwidth"), c("1.5"));

  // Nodes in id order, then edges in id order: Graphviz's layout depends on the order it
  // is given things in, so a fixed order gives a fixed drawing.
  std::map<std::string, Agnode_t*> nodes;
  for (const auto& [id, committee] : committees) {
    Agnode_t* n = agnode(g, c(id), 1);
    nodes[id] = n;
    std::string label = wrap(label_text(committee.name), kLabelWidth);
    std::string cls = "committee";
    if (committee.kind == "external") {
      label += "\\n(" + label_text(committee_kind_label(committee.kind)) + ")";
      cls += " external";
    }
    if (committee.dissolved) {
      label += "\\nDissolved " + committee.dissolved->short_words();
      set(n, "style", "rounded,filled,dashed");
      set(n, "fillcolor", muted);
      set(n, "color", text);
      cls += " dissolved";
    }
    set(n, "label", label);
    set(n, "URL", url_text(ctx.href("committee:" + id)));
    set(n, "tooltip", label_text(committee.name));
    set(n, "id", "structure-" + id);
    set(n, "class", cls);
  }
  for (const auto& [id, committee] : committees) {
    for (std::size_t i = 0; i < committee.reports_to.size(); ++i) {
      const std::string& parent = committee.reports_to[i];
      if (parent == id || nodes.count(parent) == 0) continue;
      // Parent above, child below; the arrow points at the body reported to.
      Agedge_t* e = agedge(g, nodes[parent], nodes[id], nullptr, 1);
      set(e, "dir", "back");
      set(e, "id", "structure-" + id + "-to-" + parent);
      if (i == 0) {
        set(e, "class", "reports-to");
      } else {
        set(e, "style", "dashed");
        set(e, "label", "also reports to");
        set(e, "class", "also-reports-to");
        set(e, "constraint", "false");  // the hierarchy follows first lines only
      }
    }
  }

  if (gvLayout(gvc.get(), g, "dot") != 0) {
    const char* why = aglasterr();
    diags.warning({"site-config/site.yaml", 0, 0},
                  std::string("Graphviz could not lay out the committee structure diagram") +
                      (why != nullptr ? ": " + trim(why) : std::string()) + "; the committees page lists them only");
    return {};
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc.get(), g, "svg", &data, &length);
  std::string raw = rendered == 0 && data != nullptr ? std::string(data, length) : std::string();
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), g);
  if (raw.empty()) {
    diags.warning({"site-config/site.yaml", 0, 0},
                  "Graphviz could not draw the committee structure diagram as SVG; the committees page lists them only");
    return {};
  }

  StructureDiagram out;
  out.svg = clean_svg(raw, "Committee structure of " + ctx.model().site.title,
                      "Each box is a committee and links to its page. A solid line with an arrow joins a "
                      "committee to the body it reports to; a dashed line labelled \"also reports to\" is a "
                      "further line of accountability. Dissolved bodies have dashed, shaded boxes and say "
                      "when they were dissolved. The same structure is listed on the committees page.");
  return out;
}

}  // namespace quorum
