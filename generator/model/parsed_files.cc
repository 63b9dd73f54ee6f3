#include "model/parsed_files.h"

#include <algorithm>

#include "load/fingerprint.h"
#include "model/meeting_files.h"
#include "parse/front_matter.h"
#include "parse/markdown_bounds.h"
#include "support/parallel.h"
#include "support/text.h"

namespace quorum::loader {
namespace {

// How far the workers may run ahead of the loaders, in files: enough to keep every thread
// busy while the loaders validate, few enough that parsed YAML trees of a large archive
// are not all held at once.
constexpr std::size_t kWindow = 512;

bool listed(const SourceTree& tree, const std::string& path) {
  const auto& all = tree.files();
  return std::binary_search(all.begin(), all.end(), path);
}

}  // namespace

ParsedYaml parse_yaml_file(const SourceTree& tree, const std::string& path) {
  ParsedYaml out;
  const auto bytes = tree.read(path);
  if (!bytes) {
    out.diags.error({path, 0, 0}, "could not read this file");
    return out;
  }
  // A YAML file is all metadata: every byte of it may show on other pages.
  auto known = tree.known_fingerprint(path);
  const std::string fp = known ? std::move(*known) : fingerprint(*bytes);
  out.inputs = SiteModel::SourceInputs{fp, fp};
  out.node = load_yaml(*bytes, {path, 1}, out.diags);
  return out;
}

namespace {

// Everything of a Markdown file but reading its front matter as YAML; nullopt (with the
// reason in `diags`) when the bytes cannot be used. `raw_fingerprint` is of `bytes` as read.
std::optional<MarkdownParse> parse_markdown_bytes(std::string bytes, const std::string& raw_fingerprint,
                                                  const std::string& path, Diagnostics& diags) {
  const bool bom = bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (bom) bytes.erase(0, 3);
  if (const auto bad = find_invalid_utf8(bytes); bad != std::string::npos) {
    const auto lc = line_column_at(bytes, bad);
    diags.error({path, lc.line, lc.column}, "this text is not valid UTF-8; save the file as UTF-8");
    return std::nullopt;
  }
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    const auto lc = line_column_at(bytes, nul);
    diags.error({path, lc.line, lc.column}, "this file contains a NUL byte; it is not a text file");
    return std::nullopt;
  }
  // A file saved with '\r' alone at line ends (old Mac editors, some web forms): read as cmark
  // reads it, or its front matter is not seen and is published as text.
  bool lone_cr = false;
  for (std::size_t at = bytes.find('\r'); at != std::string::npos && !lone_cr; at = bytes.find('\r', at + 1)) {
    lone_cr = at + 1 == bytes.size() || bytes[at + 1] != '\n';
  }
  if (lone_cr) bytes = normalise_line_endings(std::move(bytes));
  FrontMatter fm = split_front_matter(bytes, path, diags);
  // Refused before cmark-gfm sees it: some shapes take it minutes (markdown_bounds.h).
  if (const auto hazard = find_markdown_hazard(fm.body)) {
    diags.error({path, fm.body_first_line + hazard->line - 1, hazard->column}, hazard->message);
    return std::nullopt;
  }
  // The body is usually the file's tail as it is: then the model keeps where, not the text.
  const std::size_t body_offset = bytes.size() - std::min(bytes.size(), fm.body.size());
  // (Not when line endings were changed: the text is then not the file's bytes.)
  const bool body_is_tail = !lone_cr && bytes.compare(body_offset, std::string::npos, fm.body) == 0;
  MarkdownParse out;
  out.front_present = fm.present;
  out.front_first_line = fm.yaml_first_line;
  out.body = make_body(std::move(fm.body), path, fm.body_first_line);
  // What other pages can see of a Markdown file: its front matter and its outline (headings,
  // links, decisions), not the wording of its body, which shows only on its own page. Each
  // part starts with a NUL and a letter, so no text can pass for another kind of part.
  std::string visible = fm.yaml;
  const auto part = [&visible](char kind) {
    visible += '\0';
    visible += kind;
  };
  for (const auto& h : out.body.outline.headings) {
    part('h');
    visible += std::to_string(h.level) + h.id + '|' + h.item + '|' + h.text;
  }
  for (const auto& l : out.body.outline.links) {
    part('l');
    visible += l.url;
  }
  for (const auto& d : out.body.outline.decisions) {
    part('d');
    visible += d.id + '|' + d.item + '|' + d.text;
  }
  out.front_yaml = std::move(fm.yaml);
  out.inputs = SiteModel::SourceInputs{bom ? fingerprint(bytes) : raw_fingerprint, fingerprint(visible)};
  if (body_is_tail) {
    // Swapped out, not assigned an empty string: libstdc++'s move assignment from a short
    // string keeps the target's buffer, so every body's text stayed in the model.
    std::string().swap(out.body.markdown);
    out.body.in_file = true;
    out.body.offset = body_offset;
    out.body.file_fingerprint = out.inputs.whole;
  }
  return out;
}

}  // namespace

ParsedMarkdown parse_markdown_file(const SourceTree& tree, const std::string& path, ParseCache* cache) {
  ParsedMarkdown out;
  // A git tree names each file's fingerprint without reading it: a cached file is not read.
  std::optional<std::string> raw_fingerprint = tree.known_fingerprint(path);
  std::optional<std::string> bytes;
  if (!raw_fingerprint && cache != nullptr && cache->enabled()) {
    bytes = tree.read(path);
    if (bytes) raw_fingerprint = fingerprint(*bytes);
  }
  std::optional<MarkdownParse> parse;
  if (raw_fingerprint && cache != nullptr) parse = cache->reuse(path, *raw_fingerprint);
  const bool from_cache = parse.has_value();
  if (!parse) {
    if (!bytes) bytes = tree.read(path);
    if (!bytes) {
      out.diags.error({path, 0, 0}, "could not read this file");
      return out;
    }
    if (!raw_fingerprint) raw_fingerprint = fingerprint(*bytes);
    parse = parse_markdown_bytes(std::move(*bytes), *raw_fingerprint, path, out.diags);
    if (!parse) return out;
  }
  MarkdownFile file;
  file.front_source = {path, parse->front_first_line};
  if (parse->front_present) {
    file.front = load_yaml(parse->front_yaml, file.front_source, out.diags);
    if (file.front && file.front->IsNull()) file.front = YAML::Node(YAML::NodeType::Map);
  }
  // Kept only when clean, so a file's messages are reported on every build.
  if (!from_cache && cache != nullptr && parse->body.in_file && out.diags.all().empty()) {
    cache->keep(path, *raw_fingerprint, *parse);
  }
  file.body = std::move(parse->body);
  file.body.path = path;
  out.inputs = std::move(parse->inputs);
  out.file = std::move(file);
  return out;
}

std::vector<PlannedRead> plan_reads(const SourceTree& tree, const std::vector<PlannedRead>& entity_files,
                                    const std::vector<std::string>& committee_folders,
                                    const std::vector<std::string>& meeting_folders) {
  std::vector<PlannedRead> plan;
  const auto add_if_listed = [&](const std::string& path, FileKind kind) {
    if (listed(tree, path)) plan.push_back({path, kind});
  };
  add_if_listed("site-config/site.yaml", FileKind::yaml);
  plan.insert(plan.end(), entity_files.begin(), entity_files.end());
  for (const auto& folder : committee_folders) {
    add_if_listed(folder + "/committee.yaml", FileKind::yaml);
    add_if_listed(folder + "/index.md", FileKind::markdown);
    add_if_listed(folder + "/terms-of-reference.md", FileKind::markdown);
  }
  const auto& all = tree.files();
  for (const auto& folder : meeting_folders) {
    add_if_listed(folder + "/meeting.yaml", FileKind::yaml);
    const std::string reports = folder + "/reports/";
    for (auto it = std::lower_bound(all.begin(), all.end(), reports);
         it != all.end() && it->rfind(reports, 0) == 0; ++it) {
      // Only what the loader reads as a report: a misnamed file must not reach the parse cache.
      if (loader::classify_meeting_file(folder, *it).kind == loader::MeetingFile::Kind::report) {
        plan.push_back({*it, FileKind::markdown});
      }
    }
    add_if_listed(folder + "/minutes.md", FileKind::markdown);
  }
  return plan;
}

ParsedFiles::ParsedFiles(const SourceTree& tree, std::vector<PlannedRead> plan, unsigned threads,
                         ParseCache* cache)
    : tree_(tree), cache_(cache) {
  slots_.resize(plan.size());
  for (std::size_t i = 0; i < plan.size(); ++i) {
    index_.emplace(plan[i].path, i);  // a path planned twice is parsed at its first place
    slots_[i].read = std::move(plan[i]);
  }
  runner_ = std::jthread(
      [this, threads] { parallel_for(slots_.size(), threads, [this](std::size_t i) { work(i); }); });
}

ParsedFiles::~ParsedFiles() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  // runner_ (declared last) is joined first, before the slots it writes are destroyed.
}

void ParsedFiles::work(std::size_t i) {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopping_ || i < furthest_asked_ + kWindow; });
    if (stopping_) return;
  }
  Slot& slot = slots_[i];  // read.path and read.kind are fixed before the workers start
  std::optional<ParsedYaml> yaml;
  std::optional<ParsedMarkdown> markdown;
  std::exception_ptr failure;
  try {
    if (slot.read.kind == FileKind::yaml) {
      yaml = parse_yaml_file(tree_, slot.read.path);
    } else {
      markdown = parse_markdown_file(tree_, slot.read.path, cache_);
    }
  } catch (...) {
    failure = std::current_exception();
  }
  {
    const std::lock_guard lock(mutex_);
    slot.yaml = std::move(yaml);
    slot.markdown = std::move(markdown);
    slot.failure = failure;
    slot.done = true;
  }
  changed_.notify_all();
}

ParsedFiles::Slot* ParsedFiles::wait_for(const std::string& path, FileKind kind,
                                         std::unique_lock<std::mutex>& lock) {
  const auto it = index_.find(path);
  if (it == index_.end()) return nullptr;
  Slot& slot = slots_[it->second];
  if (slot.read.kind != kind || slot.taken) return nullptr;
  if (it->second + 1 > furthest_asked_) {
    furthest_asked_ = it->second + 1;
    changed_.notify_all();  // workers held back by the window may go on
  }
  changed_.wait(lock, [&] { return slot.done; });
  slot.taken = true;
  if (slot.failure) std::rethrow_exception(slot.failure);
  return &slot;
}

std::optional<ParsedYaml> ParsedFiles::take_yaml(const std::string& path) {
  std::unique_lock lock(mutex_);
  Slot* slot = wait_for(path, FileKind::yaml, lock);
  if (slot == nullptr) return std::nullopt;
  std::optional<ParsedYaml> out = std::move(slot->yaml);
  slot->yaml.reset();
  return out;
}

std::optional<ParsedMarkdown> ParsedFiles::take_markdown(const std::string& path) {
  std::unique_lock lock(mutex_);
  Slot* slot = wait_for(path, FileKind::markdown, lock);
  if (slot == nullptr) return std::nullopt;
  std::optional<ParsedMarkdown> out = std::move(slot->markdown);
  slot->markdown.reset();
  return out;
}

}  // namespace quorum::loader
