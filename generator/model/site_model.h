// The whole record after validation: what the render stage draws from.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "load/history.h"
#include "load/pdf_text.h"
#include "load/source_tree.h"
#include "model/entities.h"
#include "model/withheld_text.h"

namespace quorum {

// A thing that can be linked to, as "kind:id": "person:roger-harris",
// "meeting:thurrock-hwb/2017-09-08", "minutes:thurrock-hwb/2017-09-08",
// "report:thurrock-hwb/2017-09-08/bcf-plan", "committee:x", "terms:x", "organisation:x",
// "document:x", "topic:x". A fragment may follow after '#'.
using Key = std::string;

struct BackLink {
  Key from;              // the referring page's key
  std::string relation;  // how: "member", "attended", "mentioned", ...
};

struct Decision {
  std::string meeting;  // meeting id
  std::string item;     // agenda number, or ""
  std::string anchor;   // fragment on the minutes page
  std::string text;
};

struct SiteModel {
  Site site;
  Revision revision;
  Date build_date;  // "today" for upcoming/past: from the commit, never the clock
  std::map<std::string, Organisation> organisations;
  std::map<std::string, Person> people;
  std::map<std::string, Committee> committees;
  std::map<std::string, Meeting> meetings;  // by "committee/slug"
  std::map<std::string, Document> documents;
  std::map<std::string, std::set<Key>> topics;  // slug -> what deals with it
  std::vector<Decision> decisions;              // newest meeting first
  std::map<Key, std::vector<BackLink>> backlinks;

  // Indexes derived once (derive.cc) so that a page finds its own records without scanning
  // the whole archive: a minutes or person page that walked every meeting made the build
  // grow with the square of the number of meetings.
  //
  // Meeting id -> the held meeting whose agenda has an item approving its minutes
  // (`minutes_of`); when several do, the last of them in id order.
  std::map<std::string, std::string> minutes_approved_by;
  struct PersonRecords {
    std::vector<std::string> committees;  // committee ids where listed as a member, in id order
    // Meeting ids, in id order, each once, whose record names the person: attendance (any
    // list), declarations, a report's authors, report_of or accountable, an item's presenters.
    std::vector<std::string> meetings;
  };
  std::map<std::string, PersonRecords> person_records;  // by person id
  // Committee id -> the dates of its held meetings, oldest first (as Committee::meetings).
  std::map<std::string, std::vector<Date>> held_meeting_dates;
  // Year -> positions in `decisions` of that year's decisions, in the register's order;
  // newest year first.
  std::map<int, std::vector<std::size_t>, std::greater<>> decisions_by_year;
  // Year -> ids of that year's meetings, newest first (by date, then id); newest year first.
  std::map<int, std::vector<std::string>, std::greater<>> meetings_by_year;
  // Empty records for a person named nowhere.
  [[nodiscard]] const PersonRecords& records_of(const std::string& person) const;

  std::set<std::string> published_files;  // repository paths copied to the site
  std::set<std::string> withheld_paths;   // exempt reports and their files: never shown
  // Commits that touched withheld material: their messages stay off public pages, since
  // clerks write them quickly and they may name what the law withholds.
  std::set<std::string> withheld_commits;
  [[nodiscard]] bool touches_withheld(const std::string& commit) const {
    return withheld_commits.count(commit) != 0;
  }
  // Every withheld text read, never for publishing: for the tripwire that searches the
  // output for it (model/withheld_text.h).
  WithheldTexts withheld_texts;
  // Text, page count and text layer of every published PDF (never a withheld one), by path.
  std::map<std::string, PdfText> pdfs;
  History history;  // each source file's commits
  // The tree the model was read from, which must outlive it: bodies' text is read from it
  // again when pages are made (see Body).
  const SourceTree* source = nullptr;
  [[nodiscard]] std::string body_text(const Body& body) const;

  // For incremental builds: each source file's fingerprints, and one over everything that a
  // page may show of files other than its own (see SourceInputs).
  struct SourceInputs {
    std::string whole;    // every byte of the file
    std::string visible;  // what other pages may show of it: metadata, headings, links
    bool operator==(const SourceInputs&) const = default;
  };
  std::map<std::string, SourceInputs> inputs;
  std::string shared_inputs;  // set by the build stage (build/build_model.h)

  // The source files a page is made from, for its history ("first published").
  [[nodiscard]] std::vector<std::string> source_paths(const Key& key) const;

  [[nodiscard]] const Meeting* meeting(const std::string& id) const;
  [[nodiscard]] const Report* report(const std::string& id) const;  // public or exempt
  [[nodiscard]] bool exists(const Key& key) const;
  // Human title of what a key names ("Minutes: Health and Wellbeing Board, 8 September 2017").
  [[nodiscard]] std::string title_of(const Key& key) const;
  [[nodiscard]] const Committee* committee_of(const Meeting& m) const;
  // The meetings of m's committee just before and after it (nullptr at either end), by binary
  // search: every meeting page asks, and a search from the start made a committee's pages cost
  // the square of its number of meetings.
  [[nodiscard]] std::pair<const Meeting*, const Meeting*> neighbours(const Meeting& m) const;
};

}  // namespace quorum
