// What every page builder shares: addresses, dates, names as held on a day, Markdown
// bodies with their links resolved, and the frame every page sits in (site, breadcrumbs,
// "referred to by"). Builders produce plain JSON so template authors see plain data.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/site_model.h"
#include "parse/markdown.h"
#include "support/diagnostics.h"

namespace quorum {

using nlohmann::json;

// Whether a page history shows a commit's message: only with site.yaml `history: {messages:
// show}` (the default), and never for a commit that touched withheld material.
bool history_message_shown(const SiteModel& model, const Change& change);
// What a page history says of a commit: its message when shown; else "Updated (details
// withheld)", or with every message hidden "Published" or "Updated", the same for all commits.
std::string history_summary(const SiteModel& model, const Change& change);

class PageContext {
 public:
  // `base_url` is the public address of the site root ("https://x.gov.uk/democracy/").
  PageContext(const SiteModel& model, const std::string& base_url);

  [[nodiscard]] const SiteModel& model() const { return model_; }
  [[nodiscard]] const std::string& base_path() const { return base_path_; }
  [[nodiscard]] const std::string& base_url() const { return base_url_; }

  [[nodiscard]] std::string href(const Key& key) const;
  [[nodiscard]] std::string file_href(const std::string& repository_path) const;
  [[nodiscard]] json link(const Key& key) const;
  [[nodiscard]] json link(const Key& key, const std::string& text) const;
  [[nodiscard]] static json date(const Date& d);
  [[nodiscard]] static json date(const std::optional<Date>& d);
  // A person or post; `on` picks the job title held that day.
  [[nodiscard]] json person(const PersonRef& ref, const std::optional<Date>& on = std::nullopt) const;
  [[nodiscard]] json person(const std::string& id, const std::optional<Date>& on = std::nullopt) const;
  [[nodiscard]] json people(const std::vector<PersonRef>& refs, const std::optional<Date>& on = std::nullopt) const;
  [[nodiscard]] json organisation(const std::string& id) const;
  [[nodiscard]] json committee(const std::string& id) const;

  // The HTML of a body, every link resolved through the model.
  [[nodiscard]] std::string markdown(const Body& body, bool mark_decisions = false) const;
  [[nodiscard]] std::string markdown(const Body& body, const MarkdownRenderOptions& options) const;

  // Home > Committees > parent > ... > committee
  [[nodiscard]] json committee_trail(const std::string& committee_id) const;

  // A page's history from git: first published, last updated, every change newest first.
  // Null when its files have no commits (a preview of uncommitted files, or no git).
  [[nodiscard]] json history(const Key& key) const;
  // The newest commit that changed a page's files; nullptr when they have none.
  [[nodiscard]] const Change* latest_change(const Key& key) const;

  // The frame of a page: site, page title, breadcrumbs, back-links, history, build.
  [[nodiscard]] json frame(const Key& self, const std::string& title, json breadcrumbs,
                           const std::string& kind) const;

 private:
  const SiteModel& model_;
  std::string base_url_;
  std::string base_path_;
};

}  // namespace quorum
