#include "build/read_ahead.h"

#include <algorithm>

#include "model/meeting_files.h"
#include "support/parallel.h"

namespace quorum::build {
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

std::vector<PlannedRead> plan_reads(const SourceTree& tree, const ContentPlan& content,
                                    const std::vector<std::string>& meeting_folders) {
  std::vector<PlannedRead> plan;
  const auto add_if_listed = [&](const std::string& path, FileKind kind) {
    if (listed(tree, path)) plan.push_back({path, kind});
  };
  add_if_listed("site-config/site.yaml", FileKind::yaml);
  for (const auto& [step, path] : content.steps) {
    if (step == ContentPlan::Step::organisation || step == ContentPlan::Step::person) {
      plan.push_back({path, FileKind::yaml});
    } else if (step == ContentPlan::Step::document) {
      plan.push_back({path, FileKind::markdown});
    }
  }
  for (const auto& folder : content.committee_folders) {
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
      yaml = loader::parse_yaml_file(tree_, slot.read.path);
    } else {
      markdown = loader::parse_markdown_file(tree_, slot.read.path, cache_);
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

}  // namespace quorum::build
