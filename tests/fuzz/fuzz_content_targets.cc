#include <algorithm>
#include <cctype>
#include <map>

#include "fuzz_targets.h"
#include "model/model_load.h"
#include "load/source_tree.h"
#include "model/site_model.h"
#include "parse/front_matter.h"
#include "support/diagnostics.h"

namespace quorum::fuzz {
namespace {

// A small complete site: a council, a clerk, a member with a register of interests, a board
// with a held meeting that has minutes, a public report and an exempt one.
constexpr std::string_view kBaseSite = R"(-- site-config/site.yaml --
title: Testshire Council papers
base_url: https://papers.example.org/
organisation: testshire-council
contact_email: democracy@example.org
-- content/organisations/testshire-council.yaml --
name: Testshire Council
kind: local-authority
-- content/people/ada-clerk.yaml --
name: Ada Clerk
positions:
  - title: Democratic Services Officer
    organisation: testshire-council
    from: 2015-01-01
-- content/people/bob-member.yaml --
name: Bob Member
honorific: Councillor
positions:
  - title: Councillor
    organisation: testshire-council
register:
  - category: land
    description: Allotment on Mill Lane
    registered: 2016-05-01
-- content/committees/board/committee.yaml --
name: Testshire Board
kind: board
members:
  - person: bob-member
    role: chair
    representing: testshire-council
-- content/committees/board/index.md --
The board meets [with its clerk](person:ada-clerk).
-- content/committees/board/meetings/2017-07-19/meeting.yaml --
date: 2017-07-19
status: held
attendance:
  present: [bob-member]
  in_attendance: [ada-clerk]
declarations: none
agenda:
  - number: "1"
    title: Budget
    kind: report
    report: budget
    presenter: ada-clerk
    description: The budget for [the board](committee:board).
  - number: "2"
    title: Land sale
    kind: report
    report: land-sale
    description: Sale of land at Mill Lane.
    exempt:
      paragraph: 3
      reason: The price is confidential until contracts are exchanged.
-- content/committees/board/meetings/2017-07-19/reports/budget.md --
---
title: Budget 2017/18
item: "1"
report_of:
  - {post: "Democratic Services Officer", person: ada-clerk}
---
The budget for [the board](committee:board), see [the minutes](../minutes.md).
-- content/committees/board/meetings/2017-07-19/reports/land-sale.md --
---
title: Land sale
item: "2"
---
Exempt detail.
-- content/committees/board/meetings/2017-07-19/minutes.md --
## 1. Budget

RESOLVED that the budget be approved.

## 2. Land sale

Considered in private.
)";

constexpr std::string_view kMeetingPath = "content/committees/board/meetings/2017-07-19/meeting.yaml";

// "-- path --" sections, as tests/test_support.cc parse_sections reads them.
FileMap parse_sections(std::string_view text) {
  FileMap files;
  std::string* current = nullptr;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (line.size() > 6 && line.substr(0, 3) == "-- " && line.substr(line.size() - 3) == " --") {
      current = &files[std::string(line.substr(3, line.size() - 6))];
      current->clear();
    } else if (current != nullptr) {
      current->append(line);
      if (end < text.size()) current->push_back('\n');
    }
    pos = end + 1;
  }
  return files;
}

bool ends_with_pdf(const std::string& path) {
  if (path.size() < 4) return false;
  std::string tail = path.substr(path.size() - 4);
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return tail == ".pdf";
}

}  // namespace

FileMap site_input(std::string_view input) {
  FileMap files = parse_sections(kBaseSite);
  if (input.substr(0, 3) == "-- ") {
    for (auto& [path, bytes] : parse_sections(input)) files[path] = std::move(bytes);
  } else if (!input.empty()) {
    files[std::string(kMeetingPath)] = std::string(input);
  }
  // PDFs go to poppler, which OSS-Fuzz fuzzes already; Quorum's side of them is its tests'.
  std::erase_if(files, [](const auto& file) { return ends_with_pdf(file.first); });
  return files;
}

std::string front_matter(std::string_view input) {
  Diagnostics diags;
  const FrontMatter fm = split_front_matter(input, "fuzz.md", diags);
  if (!fm.present) {
    if (fm.body != input) return "no front matter, but the body is not the whole file";
    return {};
  }
  if (diags.has_errors()) return "front matter found, and an error too";
  // The file is: a fence line, the YAML, a fence line, the body. Nothing lost or repeated.
  const auto first_end = input.find('\n');
  if (input.substr(first_end + 1, fm.yaml.size()) != fm.yaml)
    return "the YAML is not the lines after the fence";
  if (input.size() < fm.body.size() || input.substr(input.size() - fm.body.size()) != fm.body) {
    return "the body is not the end of the file";
  }
  const auto fence_start = first_end + 1 + fm.yaml.size();
  const auto fence_length = input.size() - fm.body.size() - fence_start;
  const std::string_view fence = input.substr(fence_start, fence_length);
  if (fence.find("---") == std::string_view::npos || std::count(fence.begin(), fence.end(), '\n') > 1) {
    return "what lies between the YAML and the body is not one fence line";
  }
  const auto lines_before_body =
      std::count(input.begin(), input.end() - static_cast<std::ptrdiff_t>(fm.body.size()), '\n');
  if (!fm.body.empty() && fm.body_first_line != lines_before_body + 1)
    return "the body's first line number is wrong";
  if (fm.yaml_first_line != 2) return "the YAML's first line number is not 2";
  return {};
}

std::string model(std::string_view input) {
  const MemoryTree tree(site_input(input));
  Diagnostics diags;
  const SiteModel m = load_model(tree, diags);
  for (const auto& path : m.published_files) {
    if (m.withheld_paths.count(path) != 0) return "withheld file published: " + path;
  }
  return {};
}

}  // namespace quorum::fuzz
