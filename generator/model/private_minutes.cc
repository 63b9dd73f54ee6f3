#include "model/private_minutes.h"

#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "parse/markdown.h"
#include "support/text.h"

namespace quorum {
namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A number as a careless hand might write it, to recognise lines that look like an item's
// heading without being written as one: "Agenda Item 07 -", "**7a.**", "Item 7(A)" all give
// "7a". Only letters and digits count, lower-cased, without leading zeros. "" for no number.
std::string loose_number(std::string_view text) {
  std::string t = to_lower_ascii(text);
  std::string_view v = t;
  bool stripped = true;
  while (stripped) {
    stripped = false;
    while (!v.empty() && !is_alnum(v.front())) v.remove_prefix(1);
    for (std::string_view word : {"agenda", "items", "item", "minutes", "minute", "number", "no"}) {
      if (v.substr(0, word.size()) == word && (v.size() == word.size() || !is_alnum(v[word.size()]))) {
        v.remove_prefix(word.size());
        stripped = true;
        break;
      }
    }
  }
  std::string out;
  for (char c : v) {
    if (is_alnum(c)) {
      out += c;
    } else if (c != '.' && c != '(' && c != ')') {
      break;
    }
  }
  if (out.find_first_of("0123456789") == std::string::npos) return {};
  const auto nonzero = out.find_first_not_of('0');
  return nonzero == std::string::npos ? "0" : out.substr(nonzero);
}

std::string item_label(const AgendaItem& item) {
  return "private item " + item.number + " ('" + item.title + "')";
}

std::string heading_for(const AgendaItem& item) { return "## " + item.number + ". " + item.title; }

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
      if (const auto key = loose_number(item.number); !key.empty()) private_by_loose_.emplace(key, &item);
    }
  }

  // The sections of the minutes, in order; nothing when any private item cannot be placed.
  std::optional<std::vector<Section>> place(const std::vector<MarkdownTopBlock>& blocks) {
    std::vector<Section> sections;
    const AgendaItem* current = nullptr;
    std::map<const AgendaItem*, int> first_line_of;
    for (const auto& b : blocks) {
      if (b.kind == MarkdownTopBlock::Kind::heading) {
        const std::string number = leading_item_number(b.text);
        const AgendaItem* tied = number.empty() ? nullptr : meeting_.item(number);
        const AgendaItem* looks_like = private_item_like(b.text);
        if (!b.setext && b.level <= 2 && tied != nullptr) {
          // Two sections for one item, even a public one, mean a heading inside some section
          // (perhaps a private one) begins with an item's number: where that section ends is
          // then a guess.
          if (const auto [it, fresh] = first_line_of.emplace(tied, b.line); !fresh) {
            error(b.line, "the minutes give agenda item " + tied->number + " two sections, at lines " +
                              std::to_string(file_line(it->second)) + " and " +
                              std::to_string(file_line(b.line)) +
                              ". In minutes with private business each item has one '#' or '##' heading that "
                              "begins with its number, so Quorum can tell exactly which text is private. Put "
                              "all of item " +
                              tied->number + "'s minutes under one heading '" + heading_for(*tied) +
                              "', and reword the other heading so that it does not begin with a number "
                              "(or make it a '###' sub-heading)");
          }
          sections.push_back({tied, b.line, b.level});
          current = tied;
          continue;
        }
        if (b.setext && (tied != nullptr || looks_like != nullptr)) {
          const AgendaItem& item = tied != nullptr ? *tied : *looks_like;
          error(b.line, "this underlined heading begins with the number of agenda item " + item.number +
                            ". In minutes with private business Quorum only trusts headings that begin "
                            "with '#' to start an item's section: write it as '" +
                            heading_for(item) +
                            "' (two # signs and a space), or reword it if it does not start the item");
        } else if (looks_like != nullptr && looks_like != current) {
          error(b.line, "this heading looks like the start of " + item_label(*looks_like) +
                            " but is not written as its section heading, so Quorum cannot be sure where "
                            "the private minutes begin and end. Write the item's heading as '" +
                            heading_for(*looks_like) +
                            "' (the number exactly as in meeting.yaml, after one or two # signs), or "
                            "reword this heading if it is not about that item");
        }
      } else if (b.kind == MarkdownTopBlock::Kind::paragraph && b.starts_emphasised) {
        if (const AgendaItem* looks_like = private_item_like(b.text);
            looks_like != nullptr && looks_like != current) {
          error(b.line, "this bold or italic line looks like the heading of " + item_label(*looks_like) +
                            ", but it is not a heading, so Quorum cannot tell where the private minutes "
                            "begin and end. Write it as a heading: '" +
                            heading_for(*looks_like) + "'");
        }
      }
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
  const AgendaItem* private_item_like(std::string_view text) const {
    const auto it = private_by_loose_.find(loose_number(text));
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

std::string normalise_line_endings(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  return out;
}

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
                                                Diagnostics& diags, WithheldTexts& withheld) {
  Placer placer(path, first_line, meeting, diags);
  const auto sections = placer.place(markdown_top_blocks(text));
  if (!sections) return std::nullopt;
  std::vector<std::string> lines = split(text, '\n');
  const auto line_count = static_cast<int>(lines.size());
  for (std::size_t s = 0; s < sections->size(); ++s) {
    const Section& section = (*sections)[s];
    if (!is_private_item(meeting, *section.item)) continue;
    const int end = s + 1 < sections->size() ? (*sections)[s + 1].line : line_count + 1;
    std::string cut;
    for (int l = section.line; l < end && l <= line_count; ++l) {
      auto& line = lines[static_cast<std::size_t>(l - 1)];
      cut += line + "\n";
      line.clear();
    }
    withheld.add(std::move(cut), "the minutes of " + item_label(*section.item) + " (" + path + ":" +
                                     std::to_string(first_line + section.line - 1) + ")");
    const AgendaItem& item = *section.item;
    lines[static_cast<std::size_t>(section.line - 1)] =
        std::string(static_cast<std::size_t>(section.level), '#') + " " + markdown_escape(item.number) +
        ". " + markdown_escape(item.title);
    if (section.line + 2 < end && section.line + 2 <= line_count) {
      lines[static_cast<std::size_t>(section.line + 1)] =
          item.exempt_paragraph.empty()
              ? std::string("*This item was considered in private.*")
              : "*This item was considered in private: the public were excluded under paragraph " +
                    item.exempt_paragraph + " of Schedule 12A to the Local Government Act 1972.*";
    }
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() ? "\n" : "");
  return out;
}

}  // namespace quorum
