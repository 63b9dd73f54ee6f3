// The model's interface to the build stage: the steps of reading the whole record, for
// generator/build/ to drive. The model decides what each file means, what is an error and
// what is withheld; the build decides the threads, what an earlier build may stand in for,
// and what is kept between builds, from what the model says may be kept.
//
// load_model() takes every step on one thread with no help: the model as the rules give it.
// build::build_model() (build/build_model.h) takes the same steps with files parsed ahead
// and caches, and gives the same model and messages.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "load/history.h"
#include "load/source_tree.h"
#include "model/site_model.h"
#include "support/diagnostics.h"

namespace quorum {

namespace loader {
struct Context;
class ParsedSource;
class OutlineStore;
class YamlRelease;
}  // namespace loader

// Where each file of the content goes, from its path alone, in the order the loaders take it.
struct ContentPlan {
  enum class Step { organisation, person, document, stray_committee_file, stray_content_file };
  std::vector<std::pair<Step, std::string>> steps;  // in path order
  std::vector<std::string> committee_folders;       // content/committees/<id>, with a committee.yaml
  struct MeetingFolder {
    std::string committee;  // its committee's id
    std::string folder;     // content/committees/<id>/meetings/<slug>
    bool operator==(const MeetingFolder&) const = default;
    auto operator<=>(const MeetingFolder&) const = default;
  };
  std::vector<MeetingFolder> meeting_folders;  // in folder order, each once
};
ContentPlan plan_content(const SourceTree& tree);

// A meeting as a load left it in the model: the meeting and the inputs of the files it read.
struct LoadedMeeting {
  Meeting meeting;
  std::vector<std::pair<std::string, SiteModel::SourceInputs>> inputs;
};
// The same, of a meeting still in the model (not copied).
struct PublishableMeeting {
  const Meeting* meeting = nullptr;
  std::vector<std::pair<std::string, SiteModel::SourceInputs>> inputs;
};

class ModelLoad {
 public:
  ModelLoad(const SourceTree& tree, Diagnostics& diags, History history);
  ~ModelLoad();
  ModelLoad(const ModelLoad&) = delete;
  ModelLoad& operator=(const ModelLoad&) = delete;

  // Files parsed ahead and outlines of earlier builds (null: none). Either may be set and
  // unset between steps; the YAML trees read are freed on a thread of their own while set.
  void use(loader::ParsedSource* parsed, loader::OutlineStore* outlines);

  // site.yaml, then organisations, people and documents, then committees.
  void load_entities(const ContentPlan& plan);
  // False (with an error) when the meeting's committee has no committee.yaml: the meeting is
  // not loaded. Call before either way of adding a meeting.
  bool check_committee(const ContentPlan::MeetingFolder& meeting);
  // Loads the meeting from its files.
  void load_meeting(const ContentPlan::MeetingFolder& meeting);
  // After load_meeting: what it added, when an earlier-build cache may hold it as it is:
  // the load gave no message, and the meeting is wholly public (no exempt item or report, no
  // private business). nullopt otherwise: withholding is decided here, so a cache writer can
  // only ever take what the model marked as publishable.
  [[nodiscard]] std::optional<PublishableMeeting> publishable_meeting(
      const ContentPlan::MeetingFolder& meeting) const;
  // A meeting as an earlier build's load of the same files left it.
  void add_loaded_meeting(LoadedMeeting loaded);

  // After every meeting: exempt items, derived records, references, what is withheld, and
  // "today". The load is spent.
  SiteModel finish();

 private:
  std::unique_ptr<SiteModel> model_;
  std::unique_ptr<loader::Context> ctx_;
  std::unique_ptr<loader::YamlRelease> release_;
  std::set<std::string> committee_folders_;
  // The messages and withheld files before the last load_meeting, to tell whether it was clean.
  std::size_t messages_before_ = 0;
  std::size_t withheld_before_ = 0;
};

// Every step on this thread, no file parsed ahead, no cache: the model the rules give.
SiteModel load_model(const SourceTree& tree, Diagnostics& diags, History history = {});

}  // namespace quorum
