#include "parse/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm/cmark-gfm.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "parse/markdown_bounds.h"
#include "support/text.h"

namespace quorum {
namespace {

// Without CMARK_OPT_UNSAFE, cmark replaces raw HTML with a comment and drops unsafe URL
// schemes; the resolver still sees every link so it can warn and keep only the text.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

struct DocumentDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using Document = std::unique_ptr<cmark_node, DocumentDeleter>;

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

Document parse(std::string_view text) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(kOptions));
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  // The loaders refuse such text with an error naming its line, so a build never gets here
  // with it; should any other path bring it, cmark is not given minutes of work.
  if (!find_markdown_hazard(text)) cmark_parser_feed(parser.get(), text.data(), text.size());
  return Document(cmark_parser_finish(parser.get()));
}

void append_plain_text(cmark_node* node, std::string& out) {
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_EXIT) {
      // Blocks (paragraphs, headings, list items, table cells) are separate words: without
      // this a heading runs into the paragraph after it ("SummaryThe fund") in search text.
      const auto type = static_cast<unsigned>(cmark_node_get_type(cur));
      if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK && !out.empty() && out.back() != ' ')
        out += ' ';
      continue;
    }
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(cur)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(cur);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

std::string plain_text_of(cmark_node* node) {
  std::string out;
  append_plain_text(node, out);
  return trim(out);
}

bool is_decision(const std::string& paragraph_text) { return paragraph_text.rfind("RESOLVED", 0) == 0; }

// One walk that both entry points share, so anchors on the page and in the model agree.
struct Annotation {
  struct Heading {
    cmark_node* node;
    MarkdownHeading info;
  };
  struct Decision {
    cmark_node* node;
    MarkdownDecision info;
  };
  std::vector<Heading> headings;
  std::vector<Decision> decisions;
  std::vector<std::pair<cmark_node*, MarkdownLink>> links;
  int level_shift = 0;
};

Annotation annotate(cmark_node* root, int first_line) {
  Annotation a;
  int top_level = 7;
  std::map<std::string, int> used_ids;
  std::map<std::string, int> decisions_per_item;
  std::string current_item;
  int paragraph_line = 0;

  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(node);
    const int line = cmark_node_get_start_line(node);
    if (type == CMARK_NODE_HEADING) {
      MarkdownHeading h;
      h.level = cmark_node_get_heading_level(node);
      top_level = std::min(top_level, h.level);
      h.text = plain_text_of(node);
      h.item = leading_item_number(h.text);
      h.line = first_line + line - 1;
      std::string base = !h.item.empty() ? "item-" + h.item : slugify(h.text);
      if (base.empty()) base = "section";
      const int n = ++used_ids[base];
      h.id = n == 1 ? base : base + "-" + std::to_string(n);
      if (h.level <= 2) current_item = h.item;
      a.headings.push_back({node, h});
    } else if (type == CMARK_NODE_PARAGRAPH) {
      paragraph_line = line;
      if (cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT) {
        std::string text = plain_text_of(node);
        if (is_decision(text)) {
          MarkdownDecision d;
          d.item = current_item;
          const int k = ++decisions_per_item[current_item];
          d.id = (current_item.empty() ? std::string("resolved-") : "item-" + current_item + "-resolved-") +
                 std::to_string(k);
          d.text = std::move(text);
          d.line = first_line + line - 1;
          a.decisions.push_back({node, d});
        }
      }
    } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      MarkdownLink link;
      const char* url = cmark_node_get_url(node);
      link.url = url != nullptr ? url : "";
      link.text = plain_text_of(node);
      link.image = type == CMARK_NODE_IMAGE;
      // cmark-gfm gives inline positions only sometimes; fall back to the paragraph's line.
      const int inline_line = line > 0 ? line : paragraph_line;
      link.line = first_line + std::max(inline_line, 1) - 1;
      link.column = line > 0 ? cmark_node_get_start_column(node) : 0;
      a.links.emplace_back(node, link);
    }
  }
  cmark_iter_free(iter);
  // The page owns the only h1: a body that uses `#` headings is shifted down one level.
  a.level_shift = top_level < 2 ? 2 - top_level : 0;
  for (auto& h : a.headings) h.info.level = std::min(6, h.info.level + a.level_shift);
  return a;
}

void replace_with_children(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    // cmark refuses (returns 0) to move a child where its new parent may not hold it; such a
    // child is dropped rather than looping forever.
    if (cmark_node_insert_before(node, child) == 0) cmark_node_free(child);
  }
  cmark_node_free(node);
}

// Where a heading's tag was placed in the page, for naming the tables under it.
struct PlacedHeading {
  std::size_t at;  // offset of its `<hN id=...>` in the page
  const Annotation::Heading* heading;
};

// cmark renders `<hN>` with no attributes; heading text is escaped, so the tags that remain
// are exactly the headings, in document order. Every search starts where the last ended, so
// the page is read once.
std::string add_heading_ids(const std::string& html, const std::vector<Annotation::Heading>& hs,
                            const MarkdownRenderOptions& options, std::vector<PlacedHeading>& placed) {
  std::string out;
  out.reserve(html.size() + hs.size() * 16);
  std::size_t pos = 0;
  for (const auto& h : hs) {
    const std::string tag = "<h" + std::to_string(h.info.level) + ">";
    const auto at = html.find(tag, pos);
    if (at == std::string::npos) break;
    out.append(html, pos, at - pos);
    placed.push_back({out.size(), &h});
    out += "<h" + std::to_string(h.info.level) + " id=\"" + html_escape(h.info.id) + "\">";
    pos = at + tag.size();
    if (options.after_item_heading && !h.info.item.empty()) {
      const std::string close = "</h" + std::to_string(h.info.level) + ">";
      const auto end = html.find(close, pos);
      if (end == std::string::npos) continue;
      out.append(html, pos, end + close.size() - pos);
      out += options.after_item_heading(h.info.item);
      pos = end + close.size();
    }
  }
  out.append(html, pos, std::string::npos);
  return out;
}

// Appends a table with cmark-gfm's obsolete align="..." made a class, in one pass.
void append_table(std::string& out, std::string_view table) {
  static constexpr std::string_view kAlign = " align=\"";
  std::size_t pos = 0;
  for (std::size_t i; (i = table.find(kAlign, pos)) != std::string_view::npos;) {
    const std::size_t value = i + kAlign.size();
    const std::size_t close = table.find('"', value);
    if (close == std::string_view::npos) break;
    const std::string_view side = table.substr(value, close - value);
    if (side != "left" && side != "center" && side != "right") {
      out.append(table.substr(pos, close + 1 - pos));
    } else {
      out.append(table.substr(pos, i - pos));
      out += " class=\"align-";
      out.append(side);
      out += '"';
    }
    pos = close + 1;
  }
  out.append(table.substr(pos));
}

// A wide table scrolls inside its own region, which keyboard users can reach and scroll.
// The region is named after the heading above the table ("Schemes"), and column alignment
// becomes a class. One forward pass: the tables and the placed headings are both in page
// order, so the heading above a table is the last one met before it (this was a backwards
// search of the page for every heading at every table: tables x headings x page size).
std::string wrap_tables(const std::string& html, const std::vector<PlacedHeading>& placed) {
  // A tag written twice (two headings given the same id) names its tables after the first
  // heading that has it, as the backwards search did.
  std::map<std::string_view, const std::string*> first_with_tag;
  std::vector<std::string_view> tags;
  tags.reserve(placed.size());
  for (const auto& p : placed) {
    const std::size_t end = html.find('>', p.at);
    tags.push_back(std::string_view(html).substr(p.at, end - p.at));
    first_with_tag.emplace(tags.back(), &p.heading->info.text);
  }
  std::string wrapped;
  wrapped.reserve(html.size() + 64);
  std::size_t pos = 0;
  std::size_t next_heading = 0;
  const std::string* heading = nullptr;
  int n = 0;
  std::map<std::string, int> tables_under;
  for (std::size_t at; (at = html.find("<table>", pos)) != std::string::npos;) {
    const auto end = html.find("</table>", at);
    if (end == std::string::npos) break;
    wrapped.append(html, pos, at - pos);
    ++n;
    while (next_heading < placed.size() && placed[next_heading].at < at) {
      heading = first_with_tag[tags[next_heading]];
      ++next_heading;
    }
    std::string label = "Table " + std::to_string(n);
    if (heading != nullptr && !heading->empty()) {
      const int k = ++tables_under[*heading];
      label = k == 1 ? *heading : *heading + " (table " + std::to_string(k) + ")";
    }
    wrapped += "<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"";
    wrapped += html_escape(label);
    wrapped += "\">";
    append_table(wrapped, std::string_view(html).substr(at, end + 8 - at));
    wrapped += "</section>";
    pos = end + 8;
  }
  wrapped.append(html, pos, std::string::npos);
  return wrapped;
}

}  // namespace

namespace {

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '(' ||
         c == ')';
}

// A part of a number between dots is short ("7", "10a", "B1", "(a)"); a longer run of letters
// is a word ("5.Better"), where the number has ended.
bool is_number_part(std::string_view part) {
  if (part.empty() || part.size() > 5) return false;
  std::size_t letters = 0;
  for (char c : part) {
    letters = (c >= '0' && c <= '9') ? 0 : letters + 1;
    if (letters > 3) return false;
  }
  return true;
}

}  // namespace

std::string leading_item_number(std::string_view text) {
  std::string t = trim(text);
  std::string_view v = t;
  for (std::string_view prefix : {"agenda item ", "item "}) {
    if (starts_with_icase(v, prefix)) {
      v.remove_prefix(prefix.size());
      break;
    }
  }
  std::size_t run = 0;
  while (run < v.size() && is_number_char(v[run])) ++run;
  // After the number: the end, a space, a colon, or the number's own '.' or ')'.
  if (run < v.size() && v[run] != ' ' && v[run] != '\t' && v[run] != ':') return {};
  std::string number;
  std::size_t start = 0;
  while (start <= run) {
    const std::size_t dot = std::min(v.find('.', start), run);
    const std::string_view part = v.substr(start, dot - start);
    if (!is_number_part(part)) break;
    number += (number.empty() ? "" : ".") + std::string(part);
    start = dot + 1;
  }
  // A closing bracket with no opening one ends the number: "10a)" is item "10a".
  const auto opened = std::count(number.begin(), number.end(), '(');
  if (!number.empty() && number.back() == ')' && std::count(number.begin(), number.end(), ')') > opened) {
    number.pop_back();
  }
  if (number.empty() || number.find_first_of("0123456789") == std::string::npos) return {};
  if (number.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == 0)
    return {};
  return number;
}

namespace {

std::string without_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
      out += ' ';
    } else if (!in_tag) {
      out += c;
    }
  }
  return trim(out);
}

}  // namespace

std::vector<MarkdownBlock> markdown_blocks(std::string_view text) {
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts.push_back(i + 1);
  }
  const auto line_text = [&](int line) -> std::string_view {
    if (line < 1 || static_cast<std::size_t>(line) > line_starts.size()) return {};
    const std::size_t from = line_starts[static_cast<std::size_t>(line) - 1];
    const std::size_t to = static_cast<std::size_t>(line) < line_starts.size()
                               ? line_starts[static_cast<std::size_t>(line)]
                               : text.size();
    return text.substr(from, to - from);
  };
  std::vector<MarkdownBlock> out;
  const Document doc = parse(text);
  cmark_iter* iter = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER || node == doc.get()) continue;
    const auto type = cmark_node_get_type(node);
    if ((static_cast<unsigned>(type) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) continue;
    MarkdownBlock b;
    b.top = cmark_node_parent(node) == doc.get();
    b.line = cmark_node_get_start_line(node);
    if (type == CMARK_NODE_HEADING) {
      b.kind = MarkdownBlock::Kind::heading;
      b.level = cmark_node_get_heading_level(node);
      b.text = plain_text_of(node);
      const std::string written = trim(line_text(b.line));
      b.setext = written.empty() || written[0] != '#';
    } else if (type == CMARK_NODE_PARAGRAPH) {
      b.kind = MarkdownBlock::Kind::paragraph;
      cmark_node* first = cmark_node_first_child(node);
      b.starts_emphasised = first != nullptr && (cmark_node_get_type(first) == CMARK_NODE_STRONG ||
                                                 cmark_node_get_type(first) == CMARK_NODE_EMPH);
      b.text = plain_text_of(node);
      if (b.text.size() > 200) b.text.resize(200);
    } else if (type == CMARK_NODE_HTML_BLOCK) {
      b.kind = MarkdownBlock::Kind::html;
      const char* literal = cmark_node_get_literal(node);
      b.text = without_tags(literal != nullptr ? literal : "");
      if (b.text.size() > 200) b.text.resize(200);
    } else if (type == CMARK_NODE_LIST && cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
      b.kind = MarkdownBlock::Kind::ordered_list;
      b.text = std::to_string(cmark_node_get_list_start(node)) +
               (cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : ".");
    }
    out.push_back(std::move(b));
  }
  cmark_iter_free(iter);
  return out;
}

std::string markdown_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_{}[]()#+-.!<>&|~\"'").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

MarkdownOutline outline_markdown(std::string_view text, int first_line) {
  Document doc = parse(text);
  Annotation a = annotate(doc.get(), first_line);
  MarkdownOutline out;
  for (auto& h : a.headings) out.headings.push_back(std::move(h.info));
  for (auto& d : a.decisions) out.decisions.push_back(std::move(d.info));
  for (auto& [node, link] : a.links) out.links.push_back(std::move(link));
  return out;
}

std::string markdown_plain_text(std::string_view text) {
  const Document doc = parse(text);
  return plain_text_of(doc.get());
}

std::string render_markdown(std::string_view text, const MarkdownRenderOptions& options,
                            const LinkResolver& resolve) {
  Document doc = parse(text);
  Annotation a = annotate(doc.get(), 1);
  for (auto& h : a.headings) cmark_node_set_heading_level(h.node, h.info.level);
  // Last link first: a link may sit inside another link or an image, and replacing the outer
  // one frees its children, so an inner link must be dealt with before its container (in
  // document order the fuzzer found a freed inner link then used: a hang or a crash).
  // The resolver is still asked in document order (its warnings read top to bottom).
  std::vector<LinkTarget> targets;
  targets.reserve(a.links.size());
  for (const auto& [node, link] : a.links) targets.push_back(resolve(link.url));
  for (std::size_t i = a.links.size(); i-- > 0;) {
    auto& [node, link] = a.links[i];
    const LinkTarget& target = targets[i];
    if (target.keep) {
      cmark_node_set_url(node, target.href.c_str());
    } else if (link.image) {
      // An image that may not be shown keeps its description as text.
      cmark_node* alt = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(alt, link.text.c_str());
      if (cmark_node_insert_before(node, alt) == 0) cmark_node_free(alt);
      cmark_node_free(node);
    } else {
      replace_with_children(node);
    }
  }
  if (options.mark_decisions) {
    for (auto& d : a.decisions) {
      cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
      const std::string open = "<div class=\"decision\" id=\"" + html_escape(d.info.id) + "\">";
      cmark_node_set_on_enter(block, open.c_str());
      cmark_node_set_on_exit(block, "</div>");
      cmark_node_insert_before(d.node, block);
      cmark_node_append_child(block, d.node);
    }
  }
  char* raw = cmark_render_html(doc.get(), kOptions, nullptr);
  std::string html = raw;
  free(raw);  // NOLINT(cppcoreguidelines-no-malloc): cmark allocates with malloc
  std::vector<PlacedHeading> placed;
  placed.reserve(a.headings.size());
  html = add_heading_ids(html, a.headings, options, placed);
  return wrap_tables(html, placed);
}

}  // namespace quorum
