#include "model/model_load.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "model/linked_files.h"
#include "model/loader.h"
#include "model/withheld_copies.h"
#include "model/withheld_history.h"
#include "model/yaml_release.h"
#include "support/text.h"

namespace quorum {
namespace {

bool is_direct_child(const std::string& path, const std::string& folder, const std::string& ext) {
  return path.rfind(folder, 0) == 0 && path.find('/', folder.size()) == std::string::npos &&
         path.size() > folder.size() + ext.size() &&
         path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
}

// Whether a meeting may be kept between builds as it is: nothing of it withheld. A meeting
// with private business (an exempt item, whose minutes section is withheld) or an exempt
// report is loaded from its files on every build.
bool wholly_public(const Meeting& meeting) {
  const bool private_item = std::any_of(meeting.agenda.begin(), meeting.agenda.end(),
                                        [](const AgendaItem& a) { return a.exempt(); });
  const bool exempt_report = std::any_of(meeting.reports.begin(), meeting.reports.end(),
                                         [](const auto& entry) { return entry.second.exempt; });
  return !private_item && !exempt_report;
}

// "Today" is the day of the commit being built, so the same commit always renders the same
// upcoming meetings; outside git, SOURCE_DATE_EPOCH or else the clock.
Date build_date_of(const Revision& revision, const Site& site) {
  long long seconds = revision.commit_time;
  if (seconds == 0) {
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) seconds = std::atoll(sde);
  }
  if (seconds == 0) seconds = static_cast<long long>(std::time(nullptr));
  return Date::from_unix_time(seconds, site.timezone);
}

}  // namespace

ContentPlan plan_content(const SourceTree& tree) {
  using Step = ContentPlan::Step;
  ContentPlan plan;
  for (const auto& path : tree.files()) {
    if (is_direct_child(path, "content/organisations/", ".yaml")) {
      plan.steps.emplace_back(Step::organisation, path);
    } else if (is_direct_child(path, "content/people/", ".yaml")) {
      plan.steps.emplace_back(Step::person, path);
    } else if (is_direct_child(path, "content/documents/", ".md")) {
      plan.steps.emplace_back(Step::document, path);
    } else if (path.rfind("content/committees/", 0) == 0) {
      const auto parts = split(path, '/');
      if (parts.size() == 4 && parts[3] == "committee.yaml") {
        plan.committee_folders.push_back("content/committees/" + parts[2]);
      } else if (parts.size() >= 6 && parts[3] == "meetings") {
        std::string folder = "content/committees/" + parts[2] + "/meetings/" + parts[4];
        if (plan.meeting_folders.empty() || plan.meeting_folders.back().folder != folder) {
          plan.meeting_folders.push_back({parts[2], std::move(folder)});
        }
      } else if (parts.size() == 4 && parts[3] != "index.md" && parts[3] != "terms-of-reference.md") {
        plan.steps.emplace_back(Step::stray_committee_file, path);
      }
    } else if (path.rfind("content/", 0) == 0 && path.find('/', 8) == std::string::npos) {
      plan.steps.emplace_back(Step::stray_content_file, path);
    }
  }
  auto& meetings = plan.meeting_folders;
  std::sort(meetings.begin(), meetings.end());
  meetings.erase(std::unique(meetings.begin(), meetings.end()), meetings.end());
  return plan;
}

ModelLoad::ModelLoad(const SourceTree& tree, Diagnostics& diags, History history)
    : model_(std::make_unique<SiteModel>()) {
  model_->history = std::move(history);
  model_->source = &tree;
  model_->revision = tree.revision();
  ctx_ = std::make_unique<loader::Context>(loader::Context{tree, diags, *model_, {}, {}});
}

ModelLoad::~ModelLoad() = default;

void ModelLoad::use(loader::ParsedSource* parsed, loader::OutlineStore* outlines) {
  ctx_->parsed = parsed;
  ctx_->outlines = outlines;
  // Freeing YAML trees on a thread of their own pays only while other threads parse ahead.
  if (parsed != nullptr && !release_) {
    release_ = std::make_unique<loader::YamlRelease>();
  } else if (parsed == nullptr) {
    ctx_->release = nullptr;
    release_.reset();
  }
  ctx_->release = release_.get();
}

void ModelLoad::load_entities(const ContentPlan& plan) {
  using Step = ContentPlan::Step;
  loader::load_site(*ctx_);
  for (const auto& [step, path] : plan.steps) {
    switch (step) {
      case Step::organisation:
        loader::load_organisation(*ctx_, path);
        break;
      case Step::person:
        loader::load_person(*ctx_, path);
        break;
      case Step::document:
        loader::load_document(*ctx_, path);
        break;
      case Step::stray_committee_file:
        ctx_->diags.warning({path, 0, 0},
                            "this file is not part of a committee's content (committee.yaml, "
                            "index.md, terms-of-reference.md, meetings/) and is not published");
        break;
      case Step::stray_content_file:
        ctx_->diags.warning({path, 0, 0}, "files directly in content/ are not published");
        break;
    }
  }
  for (const auto& folder : plan.committee_folders) {
    loader::load_committee(*ctx_, folder);
    committee_folders_.insert(folder);
  }
}

bool ModelLoad::check_committee(const ContentPlan::MeetingFolder& meeting) {
  const auto& [committee, folder] = meeting;
  if (model_->committees.count(committee) != 0 ||
      committee_folders_.count("content/committees/" + committee) != 0)
    return true;
  ctx_->diags.error({folder, 0, 0}, "this meeting belongs to committee '" + committee +
                                        "', which has no content/committees/" + committee +
                                        "/committee.yaml");
  return false;
}

void ModelLoad::load_meeting(const ContentPlan::MeetingFolder& meeting) {
  messages_before_ = ctx_->diags.all().size();
  withheld_before_ = ctx_->withheld_files.size() + model_->withheld_paths.size();
  loader::load_meeting(*ctx_, meeting.committee, meeting.folder);
}

std::optional<PublishableMeeting> ModelLoad::publishable_meeting(
    const ContentPlan::MeetingFolder& meeting) const {
  const bool clean = ctx_->diags.all().size() == messages_before_ &&
                     ctx_->withheld_files.size() + model_->withheld_paths.size() == withheld_before_;
  if (!clean) return std::nullopt;
  const std::string id = meeting.committee + "/" + meeting.folder.substr(meeting.folder.rfind('/') + 1);
  const auto it = model_->meetings.find(id);
  if (it == model_->meetings.end() || !wholly_public(it->second)) return std::nullopt;
  PublishableMeeting loaded{&it->second, {}};
  const std::string prefix = meeting.folder + "/";
  for (auto input = model_->inputs.lower_bound(prefix);
       input != model_->inputs.end() && input->first.rfind(prefix, 0) == 0; ++input) {
    loaded.inputs.emplace_back(input->first, input->second);
  }
  return loaded;
}

void ModelLoad::add_loaded_meeting(LoadedMeeting loaded) {
  for (auto& [path, inputs] : loaded.inputs) model_->inputs[path] = std::move(inputs);
  std::string id = loaded.meeting.id;
  model_->meetings.emplace(std::move(id), std::move(loaded.meeting));
}

SiteModel ModelLoad::finish() {
  use(nullptr, nullptr);
  SiteModel& model = *model_;
  loader::Context& ctx = *ctx_;
  loader::withhold_exempt_items(ctx);
  loader::derive(ctx);
  loader::check_references(ctx);
  model.withheld_paths.insert(ctx.withheld_files.begin(), ctx.withheld_files.end());
  loader::withhold_linked_files(model, ctx.tree, ctx.diags);
  loader::refuse_withheld_copies(ctx);
  loader::keep_published_attachments(ctx);
  // Every withheld file that is text, for the tripwire: exempt reports' appendices and the
  // files withheld with them (linked from them, or slipped: model/linked_files.cc).
  // (Exempt reports themselves were remembered field by field as they were loaded.)
  for (const auto& path : model.withheld_paths) {
    const bool report = path.find("/reports/") != std::string::npos && path.size() > 3 &&
                        path.compare(path.size() - 3, 3, ".md") == 0;
    if (!report) loader::withhold_file_text(ctx, path);
  }
  find_withheld_commits(model);
  model.build_date = build_date_of(model.revision, model.site);
  return std::move(model);
}

SiteModel load_model(const SourceTree& tree, Diagnostics& diags, History history) {
  const ContentPlan plan = plan_content(tree);
  ModelLoad load(tree, diags, std::move(history));
  load.load_entities(plan);
  for (const auto& meeting : plan.meeting_folders) {
    if (load.check_committee(meeting)) load.load_meeting(meeting);
  }
  return load.finish();
}

}  // namespace quorum
