#include "model/site_model.h"

#include <algorithm>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "load/fingerprint.h"
#include "model/body_text.h"
#include "model/linked_files.h"
#include "model/loader.h"
#include "model/meeting_cache.h"
#include "model/parsed_files.h"
#include "model/urls.h"
#include "model/withheld_history.h"
#include "model/yaml_release.h"
#include "support/parallel.h"
#include "support/text.h"

namespace quorum {

const Position* Person::position_on(const Date& day) const {
  const Position* best = nullptr;
  for (const auto& p : positions) {
    const bool started = !p.from || *p.from <= day;
    const bool not_ended = !p.to || day <= *p.to;
    if (started && not_ended && (best == nullptr || (p.from && (!best->from || *best->from < *p.from)))) {
      best = &p;
    }
  }
  return best;
}

const Position* Person::current_position() const {
  for (const auto& p : positions) {
    if (!p.to) return &p;
  }
  return positions.empty() ? nullptr : &positions.back();
}

// Item numbers are text ("7A", "7.1", "7(a)") and a heading or a report may write "7a":
// compared without regard to case, as the agenda allows no two numbers that differ only so.
struct AgendaIndex::Entries {
  const AgendaItem* data = nullptr;  // the agenda this was made from
  std::size_t size = 0;
  std::vector<std::pair<std::string, std::size_t>> by_number;  // lower-case number, position
};

const AgendaItem* AgendaIndex::find(const std::vector<AgendaItem>& agenda, const std::string& number) const {
  std::shared_ptr<const Entries> entries = entries_.load();
  if (!entries || entries->data != agenda.data() || entries->size != agenda.size()) {
    auto made = std::make_shared<Entries>();
    made->data = agenda.data();
    made->size = agenda.size();
    made->by_number.reserve(agenda.size());
    for (std::size_t i = 0; i < agenda.size(); ++i)
      made->by_number.emplace_back(to_lower_ascii(agenda[i].number), i);
    std::sort(made->by_number.begin(), made->by_number.end());  // equal numbers stay in agenda order
    entries = made;
    entries_.store(entries);
  }
  const std::string key = to_lower_ascii(number);
  const auto first = std::lower_bound(entries->by_number.begin(), entries->by_number.end(),
                                      std::pair<std::string, std::size_t>(key, 0));
  const AgendaItem* fallback = nullptr;
  for (auto it = first; it != entries->by_number.end() && it->first == key; ++it) {
    const AgendaItem& item = agenda[it->second];
    if (item.number == number) return &item;  // as written, first in agenda order
    if (fallback == nullptr) fallback = &item;
  }
  return fallback;
}

const AgendaItem* Meeting::item(const std::string& number) const { return index_.find(agenda, number); }

const Meeting* SiteModel::meeting(const std::string& id) const {
  const auto it = meetings.find(id);
  return it == meetings.end() ? nullptr : &it->second;
}

const Report* SiteModel::report(const std::string& id) const {
  const auto slash = id.rfind('/');
  if (slash == std::string::npos) return nullptr;
  const Meeting* m = meeting(id.substr(0, slash));
  if (m == nullptr) return nullptr;
  const auto it = m->reports.find(id.substr(slash + 1));
  return it == m->reports.end() ? nullptr : &it->second;
}

const Committee* SiteModel::committee_of(const Meeting& m) const {
  const auto it = committees.find(m.committee);
  return it == committees.end() ? nullptr : &it->second;
}

std::pair<const Meeting*, const Meeting*> SiteModel::neighbours(const Meeting& m) const {
  const Committee* c = committee_of(m);
  if (c == nullptr) return {nullptr, nullptr};
  // derive() sorts a committee's meetings by date, then folder name.
  const auto& ids = c->meetings;
  auto it = std::lower_bound(ids.begin(), ids.end(), m, [&](const std::string& id, const Meeting& key) {
    const Meeting& other = meetings.at(id);
    return std::tie(other.date, other.slug) < std::tie(key.date, key.slug);
  });
  if (it == ids.end() || *it != m.id) return {nullptr, nullptr};
  const Meeting* previous = it == ids.begin() ? nullptr : &meetings.at(*(it - 1));
  const Meeting* next = it + 1 == ids.end() ? nullptr : &meetings.at(*(it + 1));
  return {previous, next};
}

bool SiteModel::exists(const Key& key_with_fragment) const {
  const std::string key = key_with_fragment.substr(0, key_with_fragment.find('#'));
  const auto colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string id = key.substr(colon + 1);
  if (kind == "person") return people.count(id) != 0;
  if (kind == "organisation") return organisations.count(id) != 0;
  if (kind == "committee") return committees.count(id) != 0;
  if (kind == "terms") return committees.count(id) != 0 && committees.at(id).terms.has_value();
  if (kind == "meeting") return meeting(id) != nullptr;
  if (kind == "minutes") return meeting(id) != nullptr && meeting(id)->minutes.has_value();
  if (kind == "report") return report(id) != nullptr && !report(id)->exempt;
  if (kind == "document") return documents.count(id) != 0;
  if (kind == "topic") return topics.count(id) != 0;
  return kind == "home" || kind == "list";
}

std::string SiteModel::title_of(const Key& key_with_fragment) const {
  const std::string key = key_with_fragment.substr(0, key_with_fragment.find('#'));
  const auto colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string id = key.substr(colon + 1);
  const auto committee_name = [&](const Meeting& m) {
    const Committee* c = committee_of(m);
    return c != nullptr ? c->name : m.committee;
  };
  if (kind == "person" && people.count(id) != 0) return people.at(id).display_name();
  if (kind == "organisation" && organisations.count(id) != 0) return organisations.at(id).name;
  if (kind == "committee" && committees.count(id) != 0) return committees.at(id).name;
  if (kind == "terms" && committees.count(id) != 0) return "Terms of reference: " + committees.at(id).name;
  if (kind == "document" && documents.count(id) != 0) return documents.at(id).title;
  if (kind == "topic") return humanize_slug(id);
  if (kind == "meeting" || kind == "minutes") {
    if (const Meeting* m = meeting(id)) {
      return std::string(kind == "minutes" ? "Minutes: " : "") + committee_name(*m) + ", " +
             m->date.short_words();
    }
  }
  if (kind == "report") {
    if (const Report* r = report(id); r != nullptr && !r->exempt) {
      const Meeting* m = meeting(r->meeting);
      return r->title + (m != nullptr ? " (" + committee_name(*m) + ", " + m->date.short_words() + ")" : "");
    }
  }
  if (kind == "home") return site.title;
  return id;
}

std::vector<std::string> SiteModel::source_paths(const Key& key_with_fragment) const {
  const std::string key = key_with_fragment.substr(0, key_with_fragment.find('#'));
  const auto colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string id = key.substr(colon + 1);
  std::vector<std::string> out;
  if (kind == "person" && people.count(id) != 0) out.push_back(people.at(id).pos.path);
  if (kind == "organisation" && organisations.count(id) != 0) out.push_back(organisations.at(id).pos.path);
  if (kind == "document" && documents.count(id) != 0) out.push_back(documents.at(id).pos.path);
  if (kind == "committee" && committees.count(id) != 0) {
    const Committee& c = committees.at(id);
    out.push_back(c.pos.path);
    if (c.description) out.push_back(c.description->path);
  }
  if (kind == "terms" && committees.count(id) != 0 && committees.at(id).terms) {
    out.push_back(committees.at(id).terms->body.path);
  }
  if (const Meeting* m = meeting(id); m != nullptr && kind == "meeting") out.push_back(m->pos.path);
  if (const Meeting* m = meeting(id); m != nullptr && kind == "minutes" && m->minutes) {
    out.push_back(m->minutes->body.path);
  }
  if (const Report* r = report(id); r != nullptr && kind == "report" && !r->exempt)
    out.push_back(r->pos.path);
  return out;
}

namespace {

// Only files that are published (copied to the site) are read, and never a withheld one:
// an exempt report's appendix is not opened, let alone indexed.
void extract_pdfs(SiteModel& model, const SourceTree& tree, Diagnostics& diags,
                  const std::filesystem::path& cache) {
  std::map<std::string, PdfSource> sources;
  for (const auto& path : model.published_files) {
    if (model.withheld_paths.count(path) != 0 || path.size() < 4) continue;
    if (to_lower_ascii(path.substr(path.size() - 4)) != ".pdf") continue;
    auto bytes = tree.read(path);
    if (!bytes) continue;
    PdfSource src;
    src.fingerprint = fingerprint(*bytes);
    src.bytes = std::move(*bytes);
    sources.emplace(path, std::move(src));
  }
  model.pdfs = extract_pdf_texts(sources, cache);
  for (const auto& [path, pdf] : model.pdfs) {
    if (!pdf.failure.empty()) {
      diags.warning({path, 0, 0},
                    "the text of this PDF could not be extracted: " + pdf.failure +
                        ". The file is still published and linked, but search cannot find its words and it "
                        "has no text version. Check that it opens in a PDF reader and save it again as a PDF "
                        "(\"Save as\" or \"Print to PDF\"); a scan or a very large drawing may simply be too "
                        "big to read, and then this warning can be left");
    } else if (!pdf.readable) {
      diags.warning({path, 0, 0},
                    "this PDF could not be read (damaged or password-protected): its link shows no page "
                    "count and it has no text version");
    } else if (!pdf.has_text) {
      diags.warning({path, 0, 0},
                    "this PDF is a scanned image with no text: screen readers and search cannot read it; "
                    "please supply an accessible version");
    }
  }
}

// A meeting as an earlier build loaded it goes into the model as that load put it there.
// Its Markdown files' outlines are not carried into the new cache: the meeting's entry holds
// them, and should one of its files change, outlining the meeting's few files again is cheap.
void take_cached_meeting(SiteModel& model, loader::ParseCache& cache, const std::string& key,
                         loader::LoadedMeeting loaded) {
  cache.carry(key);
  for (auto& [path, inputs] : loaded.inputs) model.inputs[path] = std::move(inputs);
  ++model.meetings_from_cache;
  std::string id = loaded.meeting.id;
  model.meetings.emplace(std::move(id), std::move(loaded.meeting));
}

// Keeps a meeting whose load gave no message and withheld nothing, unless it has private
// business (model/meeting_cache.h).
void keep_loaded_meeting(const SiteModel& model, loader::ParseCache& cache, const std::string& key,
                         const std::string& id, const std::string& folder) {
  const auto it = model.meetings.find(id);
  if (it == model.meetings.end() || !loader::may_cache_meeting(it->second)) return;
  std::vector<std::pair<std::string, SiteModel::SourceInputs>> inputs;
  const std::string prefix = folder + "/";
  for (auto input = model.inputs.lower_bound(prefix);
       input != model.inputs.end() && input->first.rfind(prefix, 0) == 0; ++input) {
    inputs.emplace_back(input->first, input->second);
  }
  cache.keep_entry(key, loader::encode_loaded_meeting(it->second, inputs));
}

}  // namespace

std::string SiteModel::body_text(const Body& body) const {
  if (body.in_file && source == nullptr)
    throw std::logic_error("the model of " + body.path + " has no source tree");
  return body.in_file ? quorum::body_text(body, *source) : body.markdown;
}

SiteModel build_model(const SourceTree& tree, Diagnostics& diags, History history,
                      const std::filesystem::path& cache_dir, unsigned jobs) {
  SiteModel model;
  model.history = std::move(history);
  model.source = &tree;
  model.revision = tree.revision();
  loader::Context ctx{tree, diags, model, {}};

  // First only where everything is, so the files can be parsed ahead on other threads;
  // then the loaders, in this order, which is the order of the messages.
  const auto is_direct_child = [](const std::string& path, const std::string& folder,
                                  const std::string& ext) {
    return path.rfind(folder, 0) == 0 && path.find('/', folder.size()) == std::string::npos &&
           path.size() > folder.size() + ext.size() &&
           path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  enum class Step { organisation, person, document, stray_committee_file, stray_content_file };
  std::vector<std::pair<Step, const std::string*>> steps;  // in path order
  std::vector<loader::PlannedRead> entity_files;
  std::vector<std::string> committee_folders;
  std::vector<std::pair<std::string, std::string>> meeting_folders;  // committee, folder
  for (const auto& path : tree.files()) {
    if (is_direct_child(path, "content/organisations/", ".yaml")) {
      steps.emplace_back(Step::organisation, &path);
      entity_files.push_back({path, loader::FileKind::yaml});
    } else if (is_direct_child(path, "content/people/", ".yaml")) {
      steps.emplace_back(Step::person, &path);
      entity_files.push_back({path, loader::FileKind::yaml});
    } else if (is_direct_child(path, "content/documents/", ".md")) {
      steps.emplace_back(Step::document, &path);
      entity_files.push_back({path, loader::FileKind::markdown});
    } else if (path.rfind("content/committees/", 0) == 0) {
      const auto parts = split(path, '/');
      if (parts.size() == 4 && parts[3] == "committee.yaml") {
        committee_folders.push_back("content/committees/" + parts[2]);
      } else if (parts.size() >= 6 && parts[3] == "meetings") {
        const std::string folder = "content/committees/" + parts[2] + "/meetings/" + parts[4];
        if (meeting_folders.empty() || meeting_folders.back().second != folder) {
          meeting_folders.emplace_back(parts[2], folder);
        }
      } else if (parts.size() == 4 && parts[3] != "index.md" && parts[3] != "terms-of-reference.md") {
        steps.emplace_back(Step::stray_committee_file, &path);
      }
    } else if (path.rfind("content/", 0) == 0 && path.find('/', 8) == std::string::npos) {
      steps.emplace_back(Step::stray_content_file, &path);
    }
  }
  std::sort(meeting_folders.begin(), meeting_folders.end());
  meeting_folders.erase(std::unique(meeting_folders.begin(), meeting_folders.end()), meeting_folders.end());

  loader::ParseCache cache(cache_dir.empty() ? cache_dir : cache_dir / "parse");
  ctx.cache = &cache;
  // Meetings an earlier build loaded, whose files have not changed since: taken as they were,
  // so their files are neither read nor parsed (model/meeting_cache.h).
  const unsigned threads = jobs != 0 ? jobs : default_jobs();
  std::vector<std::string> meeting_keys(meeting_folders.size());
  std::vector<std::optional<loader::LoadedMeeting>> cached_meetings(meeting_folders.size());
  if (cache.enabled()) {
    parallel_for(meeting_folders.size(), threads, [&](std::size_t i) {
      meeting_keys[i] = loader::meeting_cache_key(tree, meeting_folders[i].second);
      if (meeting_keys[i].empty()) return;
      if (const auto bytes = cache.entry(meeting_keys[i]))
        cached_meetings[i] = loader::decode_loaded_meeting(*bytes);
    });
  }
  std::optional<loader::YamlRelease> release;
  std::optional<loader::ParsedFiles> parsed;
  if (threads > 1) {
    std::vector<std::string> meeting_paths;
    meeting_paths.reserve(meeting_folders.size());
    for (std::size_t i = 0; i < meeting_folders.size(); ++i) {
      if (!cached_meetings[i]) meeting_paths.push_back(meeting_folders[i].second);
    }
    parsed.emplace(tree, loader::plan_reads(tree, entity_files, committee_folders, meeting_paths), threads,
                   &cache);
    ctx.parsed = &*parsed;
    release.emplace();
    ctx.release = &*release;
  }

  loader::load_site(ctx);
  for (const auto& [step, path] : steps) {
    switch (step) {
      case Step::organisation:
        loader::load_organisation(ctx, *path);
        break;
      case Step::person:
        loader::load_person(ctx, *path);
        break;
      case Step::document:
        loader::load_document(ctx, *path);
        break;
      case Step::stray_committee_file:
        diags.warning({*path, 0, 0},
                      "this file is not part of a committee's content (committee.yaml, "
                      "index.md, terms-of-reference.md, meetings/) and is not published");
        break;
      case Step::stray_content_file:
        diags.warning({*path, 0, 0}, "files directly in content/ are not published");
        break;
    }
  }
  for (const auto& folder : committee_folders) loader::load_committee(ctx, folder);
  for (std::size_t i = 0; i < meeting_folders.size(); ++i) {
    const auto& [committee, folder] = meeting_folders[i];
    if (model.committees.count(committee) == 0 &&
        std::find(committee_folders.begin(), committee_folders.end(), "content/committees/" + committee) ==
            committee_folders.end()) {
      diags.error({folder, 0, 0}, "this meeting belongs to committee '" + committee +
                                      "', which has no content/committees/" + committee + "/committee.yaml");
      continue;
    }
    if (cached_meetings[i]) {
      take_cached_meeting(model, cache, meeting_keys[i], std::move(*cached_meetings[i]));
      cached_meetings[i].reset();
      continue;
    }
    const std::size_t messages = diags.all().size();
    const std::size_t withheld = ctx.withheld_files.size() + model.withheld_paths.size();
    loader::load_meeting(ctx, committee, folder);
    if (!meeting_keys[i].empty() && diags.all().size() == messages &&
        ctx.withheld_files.size() + model.withheld_paths.size() == withheld) {
      keep_loaded_meeting(model, cache, meeting_keys[i],
                          committee + "/" + folder.substr(folder.rfind('/') + 1), folder);
    }
  }
  ctx.parsed = nullptr;
  parsed.reset();  // stops the workers
  ctx.cache = nullptr;
  ctx.release = nullptr;
  release.reset();
  // A build with errors keeps no new cache: what is withheld may not be known when a file
  // could not be read (a private meeting's meeting.yaml with a YAML error leaves its minutes'
  // outline unmarked). The last good build's cache stays.
  if (!diags.has_errors()) cache.finish();
  model.markdown_outlined = cache.kept();
  model.markdown_from_cache = cache.reused();
  loader::withhold_exempt_items(ctx);
  loader::derive(ctx);
  loader::check_references(ctx);
  model.withheld_paths.insert(ctx.withheld_files.begin(), ctx.withheld_files.end());
  loader::withhold_linked_files(model, tree, diags);
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
  // A build with errors keeps no PDF text either: what is withheld may not be known.
  extract_pdfs(model, tree, diags,
               cache_dir.empty() || diags.has_errors() ? std::filesystem::path() : cache_dir / "pdf");

  // "Today" is the day of the commit being built, so the same commit always renders the
  // same upcoming meetings; outside git, SOURCE_DATE_EPOCH or else the clock.
  long long seconds = model.revision.commit_time;
  if (seconds == 0) {
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) seconds = std::atoll(sde);
  }
  if (seconds == 0) seconds = static_cast<long long>(std::time(nullptr));
  model.build_date = Date::from_unix_time(seconds, model.site.timezone);

  // Everything any page may show of other files: their visible parts, and which files exist
  // (and the size of those copied as they are). Not "today", which only some pages show
  // (the renderer adds it to theirs).
  std::string shared;
  for (const auto& path : tree.files()) {
    shared += '\0' + path;
    if (const auto it = model.inputs.find(path); it != model.inputs.end()) {
      shared += '\0' + it->second.visible;
    } else if (path.rfind("content/", 0) == 0) {
      shared += '\0' + std::to_string(tree.size(path).value_or(0));
    }
  }
  // What attachment links say of each PDF (pages, scanned) is shown on other pages too.
  for (const auto& [path, pdf] : model.pdfs) {
    shared += '\0' + path + '\0' + std::to_string(pdf.pages) + (pdf.has_text ? "t" : "s");
  }
  model.shared_inputs = fingerprint(shared);
  return model;
}

}  // namespace quorum
