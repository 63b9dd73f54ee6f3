// A meeting taken from the cache is the meeting its files gave, field for field; its key
// changes with any file of its folder and nothing else; private business is never kept
// (that rule is the model's: model/model_load_test.cc).
#include "build/meeting_cache.h"

#include <catch2/catch.hpp>

#include "load/fingerprint.h"

namespace quorum {
namespace {


// A tree that knows its files' fingerprints, as a git tree does.
class KnowingTree : public MemoryTree {
 public:
  using MemoryTree::MemoryTree;
  [[nodiscard]] std::optional<std::string> known_fingerprint(const std::string& path) const override {
    const auto bytes = MemoryTree::read(path);
    return bytes ? std::optional<std::string>(fingerprint(*bytes)) : std::nullopt;
  }
};

SourcePos at(const std::string& path, int line) { return {path, line, line + 2}; }

PersonRef someone(const std::string& id) { return {id, "Post of " + id, "Role of " + id, at("m.yaml", 3)}; }

Body a_body(const std::string& path, bool in_file) {
  Body b;
  b.markdown = in_file ? "" : "Text of " + path;
  b.path = path;
  b.first_line = 4;
  b.outline.headings = {{2, "5. Budget", "item-5", "5", 6}};
  b.outline.links = {{"reports/budget.md", "the report", 8, 3, false}, {"chart.png", "a chart", 9, 1, true}};
  b.outline.decisions = {{"decision-1", "5", "RESOLVED: approved.", 10}};
  b.in_file = in_file;
  b.offset = in_file ? 31 : 0;
  b.file_fingerprint = in_file ? std::string(40, 'a') : "";
  b.blank = false;
  return b;
}

// Every field of every part set to something other than its default.
LoadedMeeting full_meeting() {
  LoadedMeeting l;
  Meeting& m = l.meeting;
  m.id = "board/2026-01-05";
  m.committee = "board";
  m.slug = "2026-01-05";
  m.venue = "Town Hall";
  m.kind = "extraordinary";
  m.status = MeetingStatus::held;
  m.status_note = "Moved to the Civic Centre";
  m.webcast = "https://example.org/live";
  m.date = {2026, 1, 5};
  m.start = TimeOfDay{14, 0};
  m.end = TimeOfDay{16, 30};
  m.agenda_published = Date{2025, 12, 24};
  m.attendance.present = {{someone("ann"), ""}};
  m.attendance.apologies = {{someone("bob"), "ann"}};
  m.attendance.in_attendance = {{someone("cat"), ""}};
  m.attendance.absent = {{someone("dan"), ""}};
  m.declarations_none = true;
  m.declarations = {{"ann", "5", "pecuniary", "Owns land", "Left the room", at("m.yaml", 20)}};
  AgendaItem item;
  item.number = "5";
  item.title = "Budget";
  item.kind = "report";
  item.report = "budget";
  item.pages = "3-9";
  item.minutes_of = "board/2025-12-01";
  item.description = a_body("m.yaml", false);
  item.presenters = {someone("eve")};
  item.papers_from = {"sub/2025-11-30"};
  item.wards = {"north"};
  item.topics = {"money"};
  item.key_decision = true;
  item.exempt_paragraph = "3";
  item.pos = at("m.yaml", 30);
  m.agenda = {item};
  Minutes minutes;
  minutes.status = PaperStatus::draft;
  minutes.approved_at = "board/2026-02-02";
  Action action;
  action.item = "5";
  action.action = "Write to the ICB";
  action.done = "yes";
  action.owner = someone("fay");
  action.due = Date{2026, 2, 1};
  minutes.actions = {action};
  minutes.body = a_body("minutes.md", true);
  m.minutes = minutes;
  Report r;
  r.id = "board/2026-01-05/budget";
  r.slug = "budget";
  r.meeting = m.id;
  r.title = "Budget 2026";
  r.item = "5";
  r.classification = "exempt";
  r.paragraph = "3";
  r.report_of = {someone("gil")};
  r.accountable = {someone("hal")};
  r.authors = {someone("ivy")};
  r.wards = {"south"};
  r.recommendations = {"Approve it"};
  r.background_papers = {"The plan"};
  r.topics = {"money"};
  r.key_decision = false;
  r.appendices = {{"Appendix A", "reports/a.pdf", "other", "plan", at("budget.md", 2)}};
  r.body = a_body("budget.md", true);
  r.exempt = true;
  r.pos = at("budget.md", 1);
  m.reports = {{"budget", r}};
  m.attachments = {{"content/x/agenda.pdf", "agenda.pdf", 12345}};
  m.pos = at("m.yaml", 1);
  l.inputs = {{"m.yaml", {"whole-1", "visible-1"}}, {"minutes.md", {"whole-2", "visible-2"}}};
  return l;
}

TEST_CASE("a meeting comes back from its cache entry field for field", "[build][meeting-cache]") {
  const LoadedMeeting original = full_meeting();
  const std::string bytes = build::encode_loaded_meeting({&original.meeting, original.inputs});
  const auto back = build::decode_loaded_meeting(bytes);
  REQUIRE(back.has_value());
  CHECK(back->meeting.attendance == original.meeting.attendance);
  CHECK(back->meeting.agenda == original.meeting.agenda);
  CHECK(back->meeting.minutes == original.meeting.minutes);
  CHECK(back->meeting.reports == original.meeting.reports);
  CHECK(back->meeting == original.meeting);
  CHECK(back->inputs == original.inputs);

  SECTION("absent parts stay absent") {
    LoadedMeeting plain;
    plain.meeting.id = "board/2026-01-06";
    const auto again =
        build::decode_loaded_meeting(build::encode_loaded_meeting({&plain.meeting, plain.inputs}));
    REQUIRE(again.has_value());
    CHECK(again->meeting == plain.meeting);
    CHECK_FALSE(again->meeting.minutes.has_value());
    CHECK_FALSE(again->meeting.start.has_value());
  }
  SECTION("a damaged entry reads as nothing") {
    CHECK_FALSE(build::decode_loaded_meeting(bytes.substr(0, bytes.size() - 1)).has_value());
    CHECK_FALSE(build::decode_loaded_meeting(bytes + "x").has_value());
    CHECK_FALSE(build::decode_loaded_meeting("").has_value());
  }
}

TEST_CASE("a meeting's cache key changes with the files of its folder and nothing else",
          "[build][meeting-cache]") {
  const std::string folder = "content/committees/board/meetings/2026-01-05";
  const std::map<std::string, std::string> files = {
      {folder + "/meeting.yaml", "date: 2026-01-05\n"},
      {folder + "/minutes.md", "# Minutes\n"},
      {folder + "/reports/budget.md", "---\ntitle: Budget\n---\n"},
      {"content/committees/board/meetings/2026-01-050/meeting.yaml", "date: 2026-01-05\n"},
      {"content/committees/board/meetings/2026-02-02/meeting.yaml", "date: 2026-02-02\n"}};
  const auto key = [&](const std::map<std::string, std::string>& tree_files) {
    return build::meeting_cache_key(KnowingTree(tree_files), folder);
  };
  const std::string original = key(files);
  REQUIRE(original.size() == 40);
  CHECK(key(files) == original);
  // A folder of files, whose fingerprints are read, gives the same key.
  CHECK(build::meeting_cache_key(MemoryTree(files), folder) == original);

  auto changed = files;
  changed[folder + "/reports/budget.md"] += "More.\n";
  CHECK(key(changed) != original);
  auto added = files;
  added[folder + "/agenda.pdf"] = "%PDF-1.4";
  CHECK(key(added) != original);
  auto removed = files;
  removed.erase(folder + "/minutes.md");
  CHECK(key(removed) != original);
  auto renamed = files;
  renamed.erase(folder + "/minutes.md");
  renamed[folder + "/minutes2.md"] = "# Minutes\n";
  CHECK(key(renamed) != original);
  // In a folder of files a paper is known by its size, all a meeting holds of it, so its
  // bytes are not read on every build.
  auto paper = files;
  paper[folder + "/agenda.pdf"] = "%PDF-1.4 one";
  const std::string with_paper = build::meeting_cache_key(MemoryTree(paper), folder);
  paper[folder + "/agenda.pdf"] = "%PDF-1.4 two";
  CHECK(build::meeting_cache_key(MemoryTree(paper), folder) == with_paper);
  paper[folder + "/agenda.pdf"] = "%PDF-1.4 three";
  CHECK(build::meeting_cache_key(MemoryTree(paper), folder) != with_paper);
  // Other meetings, even one whose folder name starts with this one's, are not its files.
  auto elsewhere = files;
  elsewhere["content/committees/board/meetings/2026-02-02/meeting.yaml"] += "venue: Hall\n";
  elsewhere["content/committees/board/meetings/2026-01-050/meeting.yaml"] += "venue: Hall\n";
  CHECK(key(elsewhere) == original);
}

}  // namespace
}  // namespace quorum
