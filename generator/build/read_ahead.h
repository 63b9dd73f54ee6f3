// The source files the loaders open, read and parsed on several threads ahead of the
// loaders, which stay on one thread and in one order.
//
// Reading a blob, checking UTF-8, splitting front matter, parsing YAML, outlining Markdown
// and fingerprinting are most of a load and need nothing from other files. Each file's
// result keeps the messages its parse produced in its own Diagnostics; the loader that asks
// for the file appends them where a one-thread load would have reported them, so the
// messages, their order and the model do not depend on the number of threads.
#pragma once

#include <yaml-cpp/yaml.h>

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "build/parse_cache.h"
#include "model/model_load.h"
#include "model/parsed_file.h"

namespace quorum::build {

using loader::ParsedMarkdown;
using loader::ParsedYaml;

enum class FileKind { yaml, markdown };
struct PlannedRead {
  std::string path;
  FileKind kind = FileKind::yaml;
};

// The files the loaders will open, in the order they open them (the plan's order):
// site.yaml; the plan's organisations, people and documents, in path order; each
// committee's committee.yaml, index.md and terms-of-reference.md; each meeting's
// meeting.yaml, reports and minutes, meetings in folder order. A file planned here that no
// loader asks for costs only time; one a loader asks for that is not planned is read by the
// loader itself. Either way the result is the same.
// `meeting_folders`: those of the plan's meetings that are to be loaded from their files.
std::vector<PlannedRead> plan_reads(const SourceTree& tree, const ContentPlan& plan,
                                    const std::vector<std::string>& meeting_folders);

// Parses the planned files on `threads` threads in the background while the loaders
// consume them. Workers stay at most a window of files ahead of the furthest file asked
// for, so memory stays bounded however large the archive.
class ParsedFiles final : public loader::ParsedSource {
 public:
  ParsedFiles(const SourceTree& tree, std::vector<PlannedRead> plan, unsigned threads,
              ParseCache* cache = nullptr);
  ~ParsedFiles() override;  // stops the workers (files nobody asked for are not parsed)
  ParsedFiles(const ParsedFiles&) = delete;
  ParsedFiles& operator=(const ParsedFiles&) = delete;

  // The parsed file, waiting for it if a worker has it in hand; nullopt when it was not
  // planned as this kind or was already taken (the caller then reads it itself).
  std::optional<ParsedYaml> take_yaml(const std::string& path) override;
  std::optional<ParsedMarkdown> take_markdown(const std::string& path) override;

 private:
  struct Slot {
    PlannedRead read;
    bool done = false;
    bool taken = false;
    std::optional<ParsedYaml> yaml;
    std::optional<ParsedMarkdown> markdown;
    std::exception_ptr failure;  // rethrown to the loader that asks, as if it had parsed
  };
  void work(std::size_t index);
  // Waits until the planned file is parsed and marks it taken; nullptr when `path` is not
  // planned as `kind` or was taken before.
  Slot* wait_for(const std::string& path, FileKind kind, std::unique_lock<std::mutex>& lock);

  const SourceTree& tree_;
  ParseCache* cache_;
  std::vector<Slot> slots_;
  std::map<std::string, std::size_t> index_;  // path -> slot
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t furthest_asked_ = 0;  // workers may start slots below this plus the window
  bool stopping_ = false;
  std::jthread runner_;  // runs parallel_for over the slots
};

}  // namespace quorum::build
