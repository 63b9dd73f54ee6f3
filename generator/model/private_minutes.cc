#include "model/private_minutes.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "parse/markdown.h"
#include "support/text.h"

namespace quorum {
namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Text with a no-break space (pasted from a word processor) read as a space.
std::string with_plain_spaces(std::string_view text) {
  std::string out(text);
  for (std::size_t at; (at = out.find("\xC2\xA0")) != std::string::npos;) out.replace(at, 2, " ");
  return out;
}

// What may follow an item's number to show the number has ended and a title begins:
// "7.", "7)", "7:", "7 -", "7 –" (after spaces), or nothing.
bool delimiter_follows(std::string_view rest) {
  const auto first = rest.find_first_not_of(' ');
  if (first == std::string_view::npos) return true;
  rest.remove_prefix(first);
  return rest[0] == '.' || rest[0] == ')' || rest[0] == ':' || rest[0] == '-' ||
         rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94";
}

bool has_digit(std::string_view text) { return text.find_first_of("0123456789") != std::string_view::npos; }

// A number as a careless hand might write it, to recognise lines that look like an item's
// heading without being written as one: "Agenda Item 07 -", "**7a.**", "Item 7(A):" all give
// "7a". Only letters and digits count, lower-cased, without leading zeros; "" when there is
// no number, or when it runs on into words ("7 members", "7% rise") rather than a title.
std::string loose_number(std::string_view text) {
  const std::string t = to_lower_ascii(with_plain_spaces(text));
  std::string_view v = t;
  bool stripped = true;
  while (stripped) {
    stripped = false;
    while (!v.empty() && !is_alnum(v.front()) && v.front() != '(') v.remove_prefix(1);
    for (std::string_view word : {"agenda", "items", "item", "minutes", "minute", "number", "no"}) {
      if (v.substr(0, word.size()) == word && (v.size() == word.size() || !is_alnum(v[word.size()]))) {
        v.remove_prefix(word.size());
        stripped = true;
        break;
      }
    }
  }
  std::size_t run = 0;
  while (run < v.size() && (is_alnum(v[run]) || v[run] == '.' || v[run] == '(' || v[run] == ')')) ++run;
  const std::string_view number = v.substr(0, run);
  const bool ended = !number.empty() && (number.back() == '.' || number.back() == ')');
  if (!ended && !delimiter_follows(v.substr(run))) return {};
  std::string out;
  for (char c : number) {
    if (is_alnum(c)) out += c;
  }
  if (out.empty() || out.size() > 8) return {};
  const auto nonzero = out.find_first_not_of('0');
  return nonzero == std::string::npos ? "0" : out.substr(nonzero);
}

std::string item_label(const AgendaItem& item) {
  return "private item " + item.number + " ('" + item.title + "')";
}

std::string heading_for(const AgendaItem& item) { return "## " + item.number + ". " + item.title; }

// A heading tied to an agenda item: it begins with the item's number as written (case
// ignored, after "Item " or "Agenda item "), the longest that fits ("7.1" before "7").
struct Tie {
  const AgendaItem* item = nullptr;
  // A title is clearly set off from the number ("7. Title", "7.1 Fees", "7A Land"), not
  // "3 bidders were evaluated", which may be a sentence that happens to begin with a number.
  bool clear = false;
};

Tie tie_to_item(const Meeting& meeting, std::string_view heading) {
  const std::string t = with_plain_spaces(trim(heading));
  std::string_view v = t;
  for (std::string_view prefix : {"agenda item ", "item "}) {
    if (starts_with_icase(v, prefix)) {
      v.remove_prefix(prefix.size());
      break;
    }
  }
  Tie tie;
  std::size_t best = 0;
  for (const auto& item : meeting.agenda) {
    const std::string& n = item.number;
    if (n.empty() || n.size() <= best || !starts_with_icase(v, n)) continue;
    const std::string_view rest = v.substr(n.size());
    if (!rest.empty() && is_alnum(rest[0])) continue;  // "71" is not item 7
    // A number with its own punctuation ("7.1", "7(a)") is set off by it; "7A Land" and
    // "B1 bids" need a delimiter, like "7 Land", as they may be a sentence's first word.
    const bool punctuated = has_digit(n) && n.find_first_of(".()/-") != std::string::npos;
    const bool clear = delimiter_follows(rest) || punctuated;
    if (!has_digit(n) && !clear) continue;  // "A new approach" is not item A
    tie = {&item, clear};
    best = n.size();
  }
  return tie;
}

// Whether a heading goes on, after its number, with the item's title as the agenda has it.
bool title_follows(std::string_view heading, const AgendaItem& item) {
  const std::string words = to_lower_ascii(heading);
  const std::string title = to_lower_ascii(trim(item.title));
  return !title.empty() &&
         words.find(title.substr(0, std::min<std::size_t>(title.size(), 24))) != std::string::npos;
}

std::size_t agenda_index(const Meeting& meeting, const AgendaItem* item) {
  return static_cast<std::size_t>(item - meeting.agenda.data());
}

struct Section {
  const AgendaItem* item;
  int line;   // first line of the heading, of the text (1-based)
  int level;  // as written: 1 or 2
};

class Placer {
 public:
  Placer(const std::string& path, int first_line, const Meeting& meeting, Diagnostics& diags)
      : path_(path), first_line_(first_line), meeting_(meeting), diags_(diags) {
    for (const auto& item : meeting.agenda) {
      if (!is_private_item(meeting, item)) continue;
      if (const auto key = loose_number(item.number + "."); !key.empty())
        private_by_loose_.emplace(key, &item);
    }
  }

  // The sections of the minutes, in order; nothing when any private item cannot be placed.
  std::optional<std::vector<Section>> place(const std::vector<MarkdownBlock>& blocks) {
    std::vector<Section> sections;
    const AgendaItem* current = nullptr;
    std::map<const AgendaItem*, int> first_line_of;
    for (const auto& b : blocks) {
      if (b.top && b.kind == MarkdownBlock::Kind::heading && !b.setext && b.level <= 2) {
        Tie tie = tie_to_item(meeting_, b.text);
        // A private item's section begins only at a heading whose number is clearly set off
        // ("# 7 September 2017: minutes" is a title, not item 7's minutes).
        if (tie.item != nullptr && !tie.clear && is_private_item(meeting_, *tie.item)) tie = {};
        if (tie.item != nullptr && tie.item != current) {
          if (current != nullptr && is_private_item(meeting_, *current) &&
              !leaves_private_section(b, tie, *current)) {
            continue;  // reported; the private section goes on
          }
          if (const auto [it, fresh] = first_line_of.emplace(tie.item, b.line); !fresh) {
            // Two sections for one item, even a public one, mean a heading inside some
            // section (perhaps a private one) begins with an item's number.
            error(b.line, "the minutes give agenda item " + tie.item->number + " two sections, at lines " +
                              std::to_string(file_line(it->second)) + " and " +
                              std::to_string(file_line(b.line)) +
                              ". In minutes with private business each item has one '#' or '##' heading that "
                              "begins with its number, so Quorum can tell exactly which text is private. Put "
                              "all of item " +
                              tie.item->number + "'s minutes under one heading '" + heading_for(*tie.item) +
                              "', and reword the other heading so that it does not begin with a number "
                              "(or make it a '###' sub-heading)");
          }
          sections.push_back({tie.item, b.line, b.level});
          current = tie.item;
          continue;
        }
        if (tie.item != nullptr && tie.item == current) continue;  // "## 7. (continued)" inside item 7
      }
      check_look_alike(b, current);
    }
    for (const auto& item : meeting_.agenda) {
      if (is_private_item(meeting_, item) && first_line_of.count(&item) == 0) {
        diags_.error({path_, 1, 1},
                     "these minutes have no section for " + item_label(item) +
                         ", so Quorum cannot tell which of their text is private. Add the heading '" +
                         heading_for(item) +
                         "' where the item's minutes begin (under it, 'Considered in private.' is "
                         "enough); everything from it to the next item's heading is withheld");
        failed_ = true;
      }
    }
    if (failed_) return std::nullopt;
    return sections;
  }

 private:
  // A heading for another item inside a private section ends it only when that is certain:
  // its number is clearly set off from a title, and it comes later on the agenda (a heading
  // "3 bidders were evaluated" or "Item 2: matters arising" inside item 7's private minutes
  // is more likely part of them than the start of item 3's or item 2's).
  bool leaves_private_section(const MarkdownBlock& b, const Tie& tie, const AgendaItem& current) {
    if (!tie.clear) {
      error(b.line,
            "this heading inside the minutes of " + item_label(current) +
                " begins with a number, so Quorum cannot tell whether it starts the minutes of item " +
                tie.item->number + " or is part of the private item's. If it starts item " +
                tie.item->number + ", write it as '" + heading_for(*tie.item) +
                "' (a full stop after the number); otherwise reword it so that it does not begin with "
                "a number, or make it a '###' sub-heading");
      return false;
    }
    if (!has_digit(tie.item->number) && !title_follows(b.text, *tie.item)) {
      // "I. Evaluation" or "a) Options" inside a private section is far more likely its own
      // numbering than the start of item I or A: only the item's own title makes it certain.
      error(b.line, "this heading inside the minutes of " + item_label(current) + " begins with '" +
                        tie.item->number +
                        "', which may be the private item's own numbering rather than the "
                        "start of item " +
                        tie.item->number + ". If it starts item " + tie.item->number + ", write it as '" +
                        heading_for(*tie.item) +
                        "' (with the item's title); otherwise "
                        "reword it, or make it a '###' sub-heading");
      return false;
    }
    if (agenda_index(meeting_, tie.item) < agenda_index(meeting_, &current)) {
      error(b.line,
            "this heading for item " + tie.item->number + " comes inside the minutes of " +
                item_label(current) +
                ", which is later on the agenda, so Quorum cannot be sure where "
                "the private minutes end. Put each item's minutes in agenda order; if this heading is "
                "part of the private item's minutes, reword it so that it does not begin with a number");
      return false;
    }
    return true;
  }

  // Any block that looks like a private item's heading but is not its section heading: an
  // underlined or deeper heading, a bold line, a heading in a quote or list, raw HTML, a
  // numbered list that starts at the item's number, a line pasted from a word processor.
  void check_look_alike(const MarkdownBlock& b, const AgendaItem* current) {
    using Kind = MarkdownBlock::Kind;
    if (b.kind == Kind::other) return;
    if (b.kind == Kind::heading && b.top && b.setext) {
      const Tie tie = tie_to_item(meeting_, b.text);
      if (tie.item != nullptr && tie.clear) {
        error(b.line,
              "this underlined heading begins with the number of agenda item " + tie.item->number +
                  ". In minutes with private business Quorum only trusts headings that begin with '#' "
                  "to start an item's section: write it as '" +
                  heading_for(*tie.item) +
                  "' (two # signs and a space), or reword it if it does not start the item");
        return;
      }
    }
    const Tie tie = tie_to_item(meeting_, b.text);
    const AgendaItem* like = tie.item != nullptr && tie.clear && is_private_item(meeting_, *tie.item)
                                 ? tie.item
                                 : private_item_like(b.text);
    if (like == nullptr || like == current) return;
    const std::string what = b.kind == Kind::heading        ? "heading"
                             : b.kind == Kind::html         ? "piece of HTML"
                             : b.kind == Kind::ordered_list ? "numbered list"
                                                            : "line";
    error(b.line,
          "this " + what + " looks like the start of " + item_label(*like) +
              ", but it is not the item's section heading, so Quorum cannot be sure where the private "
              "minutes begin and end. Write the item's heading as '" +
              heading_for(*like) +
              "' (the number exactly as in meeting.yaml, after one or two # signs, not inside a "
              "quote or list), or reword this " +
              what + " if it is not about that item");
  }

  const AgendaItem* private_item_like(std::string_view text) const {
    const auto key = loose_number(text);
    if (key.empty()) return nullptr;
    const auto it = private_by_loose_.find(key);
    return it == private_by_loose_.end() ? nullptr : it->second;
  }
  [[nodiscard]] int file_line(int line) const { return first_line_ + line - 1; }
  void error(int line, const std::string& message) {
    diags_.error({path_, file_line(line), 1}, message);
    failed_ = true;
  }

  const std::string& path_;
  int first_line_;
  const Meeting& meeting_;
  Diagnostics& diags_;
  std::map<std::string, const AgendaItem*> private_by_loose_;
  bool failed_ = false;
};

}  // namespace

bool is_private_item(const Meeting& meeting, const AgendaItem& item) {
  if (item.exempt()) return true;
  for (const auto& [slug, report] : meeting.reports) {
    if (!report.exempt) continue;
    if (slug == item.report || (!report.item.empty() && meeting.item(report.item) == &item)) return true;
  }
  return false;
}

std::optional<std::string> cut_private_sections(const std::string& text, int first_line,
                                                const std::string& path, const Meeting& meeting,
                                                Diagnostics& diags, const Withhold& withhold) {
  Placer placer(path, first_line, meeting, diags);
  const auto sections = placer.place(markdown_blocks(text));
  if (!sections) return std::nullopt;
  std::vector<std::string> lines = split(text, '\n');
  const auto line_count = static_cast<int>(lines.size());
  for (std::size_t s = 0; s < sections->size(); ++s) {
    const Section& section = (*sections)[s];
    if (!is_private_item(meeting, *section.item)) continue;
    const int end = s + 1 < sections->size() ? (*sections)[s + 1].line : line_count + 1;
    const AgendaItem& item = *section.item;
    const std::string heading = std::string(static_cast<std::size_t>(section.level), '#') + " " +
                                markdown_escape(item.number) + ". " + markdown_escape(item.title);
    const std::string notice =
        item.exempt_paragraph.empty()
            ? std::string("*This item was considered in private.*")
            : "*This item was considered in private: the public were excluded under paragraph " +
                  item.exempt_paragraph + " of Schedule 12A to the Local Government Act 1972.*";
    // The heading as written and the section under it are withheld; what takes their place
    // (the agenda's title, the notice) is public, so a section that says only that much adds
    // nothing for the tripwire to look for.
    const auto at = static_cast<std::size_t>(section.line - 1);
    const std::string what = "the minutes of " + item_label(item);
    withhold(lines[at], what, {path, first_line + section.line - 1, 1}, item.number + ". " + item.title);
    std::string body;
    for (int l = section.line + 1; l < end && l <= line_count; ++l)
      body += lines[static_cast<std::size_t>(l - 1)] + "\n";
    withhold(body, what, {path, first_line + section.line, 1}, notice);
    for (int l = section.line; l < end && l <= line_count; ++l)
      lines[static_cast<std::size_t>(l - 1)].clear();
    lines[at] = heading;
    if (section.line + 2 < end && section.line + 2 <= line_count) lines[at + 2] = notice;
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() ? "\n" : "");
  return out;
}

}  // namespace quorum
