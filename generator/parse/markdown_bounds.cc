#include "parse/markdown_bounds.h"

#include <algorithm>

#include "support/text.h"

namespace quorum {
namespace {

using B = MarkdownBounds;

// "5,000": numbers in messages are read by clerks.
std::string number(int n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return digits;
}

const std::string kSlow =
    "Markdown shaped like this takes the publishing software minutes to read, so it is "
    "refused";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The quote ('>') and list ('-', '+', '*', '1.', '1)') markers a line opens with, one inside
// the other; returns the offset of the marker past the limit, or npos.
std::size_t too_deep(std::string_view line) {
  std::size_t p = 0;
  int markers = 0;
  for (;;) {
    while (p < line.size() && is_space(line[p])) ++p;
    if (p >= line.size()) break;
    const std::size_t at = p;
    const char c = line[p];
    if (c == '>') {
      ++p;
    } else if ((c == '-' || c == '+' || c == '*') && (p + 1 == line.size() || is_space(line[p + 1]))) {
      ++p;
    } else {
      std::size_t q = p;
      while (q < line.size() && is_digit(line[q]) && q - p < 9) ++q;
      if (q == p || q >= line.size() || (line[q] != '.' && line[q] != ')') ||
          (q + 1 < line.size() && !is_space(line[q + 1]))) {
        break;
      }
      p = q + 1;
    }
    if (++markers > B::kMaxNesting) return at;
  }
  return std::string_view::npos;
}

// Whether the run of one mark starting at `j` has a space or the line's edge on both sides.
bool spaced_run(std::string_view line, std::size_t j) {
  std::size_t k = j;
  while (k < line.size() && line[k] == line[j]) ++k;
  return (j == 0 || is_space(line[j - 1])) && (k == line.size() || is_space(line[k]));
}

// An ATX heading line ("## Title"): its text is read on its own, apart from the lines around.
bool is_atx_heading(std::string_view line) {
  std::size_t p = 0;
  while (p < line.size() && p < 4 && line[p] == ' ') ++p;
  if (p > 3) return false;
  std::size_t hashes = 0;
  while (p < line.size() && line[p] == '#') ++p, ++hashes;
  return hashes >= 1 && hashes <= 6 && (p == line.size() || is_space(line[p]));
}

// A line only of '-', ':', '|' and spaces may be a table's rule (its second line); the number
// of its columns when it has a '|' and a '-', else 0; -1 when it is not such a line.
int rule_columns(std::string_view line) {
  int columns = 0;
  bool dash_in_cell = false;
  bool bar = false;
  if (line.find_first_of("-:") == std::string_view::npos) return -1;  // "| | |": an empty row
  for (const char c : line) {
    if (c == '|') {
      bar = true;
      if (dash_in_cell) ++columns;
      dash_in_cell = false;
    } else if (c == '-') {
      dash_in_cell = true;
    } else if (c != ':' && !is_space(c)) {
      return -1;
    }
  }
  if (dash_in_cell) ++columns;
  return bar ? columns : 0;
}

struct Found {
  std::size_t offset;
  std::string message;
};

// A line that may begin a link definition, "[name]: address", also inside a quote or a list
// item ("> [name]:", "- [name]:"): only the '[' and a "]:" after it are required, so that
// anything cmark might read as one is counted.
bool may_begin_definition(std::string_view line) {
  const std::size_t p = line.find_first_not_of(" \t>-*+0123456789.)");
  return p != std::string_view::npos && line[p] == '[' && line.find("]:", p + 1) != std::string_view::npos;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::optional<Found> run() {
    std::size_t previous_line = 0;
    for (std::size_t start = 0; start < text_.size();) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      const std::string_view line = text_.substr(start, end - start);
      if (line.find_first_not_of(" \t\r>") == std::string_view::npos) {
        new_paragraph();  // a blank line (in a quote or not) always ends a paragraph
      } else {
        track_definition(line, start);
        const bool heading = is_atx_heading(line);
        if (heading) new_paragraph();
        // A table's first line is named when its rule, the next line, has too many columns
        // (before the bars of the first line are counted).
        const std::size_t next_end = end < text_.size() ? text_.find('\n', end + 1) : std::string_view::npos;
        const std::string_view next =
            end < text_.size()
                ? text_.substr(end + 1,
                               (next_end == std::string_view::npos ? text_.size() : next_end) - end - 1)
                : std::string_view();
        if (rule_columns(next) > B::kMaxColumns) return too_wide(start, rule_columns(next));
        if (auto found = scan_line(line, start, previous_line)) return found;
        if (heading) new_paragraph();
      }
      previous_line = start;
      start = end + 1;
    }
    if (closing_brackets_ * longest_definition_ > B::kMaxDefinitionCopies) {
      return Found{longest_definition_at_,
                   "this paragraph begins with a link definition ('[name]: address'), which with the lines "
                   "under it runs to " +
                       number(static_cast<int>(std::min<long long>(longest_definition_, 2000000000))) +
                       " characters, and the text has " +
                       number(static_cast<int>(std::min<long long>(closing_brackets_, 2000000000))) +
                       " closing brackets ']', each of which could be a link that copies it. " + kSlow +
                       ". Put a blank line after the definition and keep it on one short line"};
    }
    return std::nullopt;
  }

 private:
  static Found too_wide(std::size_t table_start, int columns) {
    return Found{table_start, "this table has " + number(columns) + " columns; a table may have at most " +
                                  number(B::kMaxColumns) + " (" + kSlow +
                                  "). Split it into narrower tables, or publish the figures as a spreadsheet "
                                  "attachment"};
  }

  void new_paragraph() {
    brackets_ = emphasis_ = tildes_ = tags_ = rules_ = table_columns_ = 0;
    definition_at_ = std::string_view::npos;
  }

  // A definition's extent: from its line to the end of its paragraph, the most a title that
  // runs on over the following lines can take.
  void track_definition(std::string_view line, std::size_t start) {
    if (definition_at_ == std::string_view::npos && may_begin_definition(line)) {
      definition_at_ = start;
      definition_bytes_ = 0;
    }
    if (definition_at_ == std::string_view::npos) return;
    definition_bytes_ += static_cast<long long>(line.size()) + 1;
    if (definition_bytes_ > longest_definition_) {
      longest_definition_ = definition_bytes_;
      longest_definition_at_ = definition_at_;
    }
  }

  std::optional<Found> scan_line(std::string_view line, std::size_t start, std::size_t previous_line) {
    if (const std::size_t at = too_deep(line); at != std::string_view::npos) {
      return Found{start + at, "this line opens more than " + number(B::kMaxNesting) +
                                   " quotes ('>') or lists ('-', '*', '+' or a number) inside one another. " +
                                   kSlow + ". Write the text with fewer levels"};
    }
    // A table's rows are as wide as its rule, however short they are written ("a" under 64
    // columns is 64 cells): what a table costs is its rows times its columns.
    if (table_columns_ > 0) {
      cells_ += table_columns_;
      if (cells_ > B::kMaxTableCells) {
        return Found{start, "the tables of this text have more than " + number(B::kMaxTableCells) +
                                " cells in all (rows times columns). " + kSlow +
                                ". Publish the largest tables as spreadsheet attachments"};
      }
    }
    if (const int columns = rule_columns(line); columns >= 0) {
      if (columns > B::kMaxColumns) return too_wide(previous_line, columns);
      if (columns > 0) table_columns_ = columns;
      if (++rules_ > B::kMaxTableRuleLines) {
        return Found{start, "this paragraph has more than " + number(B::kMaxTableRuleLines) +
                                " lines made only of '-', ':' and '|' (lines that can start a table). " +
                                kSlow + ". Put a blank line before and after each table"};
      }
    }
    int bars = 0;
    int links_in_word = 0;
    int parens_in_word = 0;
    char previous = 0;
    for (std::size_t j = 0; j < line.size(); ++j) {
      const char c = line[j];
      const std::size_t at = start + j;
      if (c == '\\' && j + 1 < line.size()) {
        ++j;  // an escaped mark is text
        previous = 0;
        continue;
      }
      const bool run_start = c != previous;
      previous = c;
      switch (c) {
        case ' ':
        case '\t':
          links_in_word = parens_in_word = 0;
          break;
        case '[':
          if (++brackets_ > B::kMaxOpenBrackets) {
            return Found{at, "this paragraph opens more than " + number(B::kMaxOpenBrackets) +
                                 " square brackets '[' that are not closed. " + kSlow +
                                 ". Close each '[' with ']', or write a bracket that is only text as '\\['"};
          }
          break;
        case ']':
          // "[text](address)" names its address itself; any other ']' may close a link that
          // copies a definition.
          if (j + 1 >= line.size() || line[j + 1] != '(') ++closing_brackets_;
          if (brackets_ > 0) --brackets_;
          break;
        case '*':
        case '_':
          if (run_start && ++emphasis_ > B::kMaxEmphasisRuns) {
            return Found{at, "this paragraph has more than " + number(B::kMaxEmphasisRuns) +
                                 " marks '*' or '_' (Markdown's bold and italic). " + kSlow +
                                 ". Put blank lines between paragraphs, or write a mark that is only text as "
                                 "'\\*' or '\\_'"};
          }
          break;
        case '~':
          // A '~' with a space (or the line's edge) on both sides is not strike-through.
          if (run_start && !spaced_run(line, j) && ++tildes_ > B::kMaxTildeRuns) {
            return Found{at, "this paragraph has more than " + number(B::kMaxTildeRuns) +
                                 " marks '~' (Markdown's strike-through). " + kSlow +
                                 ". Write a '~' that is only text as '\\~'"};
          }
          break;
        case '<':
          if (j + 1 < line.size() &&
              (is_letter(line[j + 1]) || line[j + 1] == '/' || line[j + 1] == '?' || line[j + 1] == '!')) {
            if (++tags_ > B::kMaxTagStarts) {
              return Found{at, "this paragraph has more than " + number(B::kMaxTagStarts) +
                                   " '<' followed by a letter (which Markdown reads as web-page code). " +
                                   kSlow + ". Write a '<' that is only text as '\\<'"};
            }
          }
          break;
        case '|':
          if (++bars > B::kMaxBars) {
            return Found{at, "this line has more than " + number(B::kMaxBars) +
                                 " bars '|'; a table may have at most " + number(B::kMaxColumns) +
                                 " columns (" + kSlow +
                                 "). Split the table, or write a bar that is only text "
                                 "as '\\|'"};
          }
          break;
        case '(':
        case ')':
          if (++parens_in_word > B::kMaxParensInWord) {
            return Found{at, "this word (text with no space in it) has more than " +
                                 number(B::kMaxParensInWord) + " brackets '(' or ')'. " + kSlow +
                                 ". Put spaces between words"};
          }
          break;
        case 'w':
        case ':':
          if (line.substr(j, 4) == "www." || line.substr(j, 3) == "://") {
            if (++links_in_word > B::kMaxLinksInWord) {
              return Found{at, "this word (text with no space in it) has more than " +
                                   number(B::kMaxLinksInWord) + " web addresses ('www.' or '://'). " + kSlow +
                                   ". Put a space between web addresses"};
            }
          }
          break;
        default:
          break;
      }
    }
    return std::nullopt;
  }

  std::string_view text_;
  int brackets_ = 0;  // '[' open now
  int emphasis_ = 0;
  int tildes_ = 0;
  int tags_ = 0;
  int rules_ = 0;
  int table_columns_ = 0;                               // of the table these lines are rows of, or 0
  long long cells_ = 0;                                 // of all tables so far
  std::size_t definition_at_ = std::string_view::npos;  // the link definition this paragraph began
  long long definition_bytes_ = 0;
  long long longest_definition_ = 0;
  std::size_t longest_definition_at_ = 0;
  long long closing_brackets_ = 0;  // in the whole text
};

}  // namespace

std::optional<MarkdownHazard> find_markdown_hazard(std::string_view text) {
  auto found = Scanner(text).run();
  if (!found) return std::nullopt;
  const LineColumn lc = line_column_at(text, found->offset);
  return MarkdownHazard{lc.line, lc.column, std::move(found->message)};
}

}  // namespace quorum
