#include "model/meeting_files.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <string_view>

#include "model/loader.h"
#include "model/references.h"
#include "support/text.h"

namespace quorum::loader {
namespace {

// Kinds of file published as they are. Text formats Quorum reads itself (Markdown, YAML)
// and web pages or scripts are not among them: those would be published raw, unchecked.
constexpr std::array<std::string_view, 21> kAttachmentTypes = {
    "pdf", "doc", "docx", "odt",  "rtf", "xls",  "xlsx", "ods", "csv", "ppt", "pptx",
    "odp", "png", "jpg",  "jpeg", "gif", "webp", "mp3",  "mp4", "zip", "msg"};

// Kinds a browser runs as a page of the council's own site: script in them would run with the
// site's address (and an "index.html" would replace a page Quorum made). Never published.
constexpr std::array<std::string_view, 11> kActiveTypes = {"html", "htm", "xhtml", "xht", "shtml", "svg",
                                                           "svgz", "xml", "xsl",   "js",  "mjs"};

// Text files: as likely as not the minutes or a report under the wrong name.
constexpr std::array<std::string_view, 11> kTextTypes = {"md",   "markdown", "mdown", "mkd", "mkdn", "txt",
                                                         "text", "rst",      "yaml",  "yml", "rtfd"};

std::string extension_of(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? "" : to_lower_ascii(name.substr(dot + 1));
}

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, const std::string& ext) {
  for (const auto& e : list) {
    if (e == ext) return true;
  }
  return false;
}

// The name without any extension, lower case: "Minutes.md.txt" -> "minutes".
std::string stem_of(const std::string& name) { return to_lower_ascii(name.substr(0, name.find('.', 1))); }

std::string kinds_in_words() {
  return "PDF, Word (.doc, .docx), OpenDocument (.odt, .ods, .odp), RTF, Excel (.xls, .xlsx), CSV, "
         "PowerPoint (.ppt, .pptx), images (.png, .jpg, .gif, .webp), audio and video (.mp3, "
         ".mp4), .zip and .msg";
}

MeetingFile refused(std::string problem) { return {MeetingFile::Kind::refused, std::move(problem)}; }

}  // namespace

bool is_attachment_type(const std::string& path) {
  const std::string name = path.substr(path.rfind('/') + 1);
  return listed(kAttachmentTypes, extension_of(name));
}

MeetingFile classify_meeting_file(const std::string& folder, const std::string& file) {
  const std::string rel = file.substr(folder.size() + 1);
  const std::string name = rel.substr(rel.rfind('/') + 1);
  const std::string ext = extension_of(name);
  const std::string stem = stem_of(name);
  const bool in_reports = rel.rfind("reports/", 0) == 0;
  const bool direct = rel.find('/') == std::string::npos;
  const bool direct_report = in_reports && rel.find('/', 8) == std::string::npos;

  if (rel == "meeting.yaml") return {MeetingFile::Kind::meeting, ""};
  if (rel == "minutes.md") return {MeetingFile::Kind::minutes, ""};
  if (direct_report && name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0 &&
      name.find('.') == name.size() - 3) {
    return {MeetingFile::Kind::report, ""};
  }
  if (name[0] == '.') {
    return {MeetingFile::Kind::ignored,
            "files whose names begin with '.' are hidden files made by computers, not papers: this one is "
            "not published. Remove it from the meeting folder"};
  }
  const bool text = listed(kTextTypes, ext) || ext.empty() || name.find(".md.") != std::string::npos ||
                    name.find(".MD.") != std::string::npos;
  if (stem.rfind("minute", 0) == 0 || stem == "mins") {
    if (!listed(kAttachmentTypes, ext) || name.find(".md") != std::string::npos ||
        name.find(".MD") != std::string::npos) {
      return refused(
          "this file looks like the minutes, but Quorum reads the minutes only from a file named "
          "exactly 'minutes.md' in the meeting folder, so it is not published (it would be "
          "published as it is, private sections and all). Rename it to " +
          folder + "/minutes.md");
    }
  }
  if (stem == "meeting" && (ext == "yaml" || ext == "yml" || ext.empty() || text)) {
    return refused(
        "this file looks like the meeting's details, but Quorum reads only a file named exactly "
        "'meeting.yaml'. Rename it to " +
        folder + "/meeting.yaml");
  }
  if (listed(kActiveTypes, ext)) {
    return refused(
        "a web browser would open this file as a page of the council's site and run any script in "
        "it, so Quorum never publishes it. Publish it as a PDF (print or save it as PDF), or write "
        "what it says as a report or in the minutes");
  }
  if (text) {
    if (in_reports || (direct && ext != "yaml" && ext != "yml")) {
      const std::string slug = slugify(stem);
      return refused(std::string("this file looks like ") +
                     (in_reports ? "a report" : "the minutes or a report") +
                     " but is not named as one, so it is not published (it would be published as it is, "
                     "with nothing withheld). A report must be a file named <name>.md directly in reports/: "
                     "rename it to " +
                     folder + "/reports/" + (slug.empty() ? "name" : slug) +
                     ".md. Minutes must be named minutes.md. A paper to publish as it is should be saved "
                     "as a PDF");
    }
    return refused(
        "Quorum does not publish this kind of file from a meeting folder; the kinds it publishes "
        "as they are: " +
        kinds_in_words() +
        ". Save it as one of those, or move it out of "
        "the meeting folder");
  }
  if (!listed(kAttachmentTypes, ext)) {
    return refused(
        "Quorum does not publish this kind of file from a meeting folder (it cannot tell what is "
        "in it); the kinds it publishes as they are: " +
        kinds_in_words() + ". Save it as one of those, or move it out of the meeting folder");
  }
  return {MeetingFile::Kind::attachment, ""};
}

namespace {

// "Tender%20Prices.PDF" -> "tender prices.pdf": how two names are compared for a slip.
std::string folded_name(const std::string& path) {
  const std::string name = path.substr(path.rfind('/') + 1);
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size() &&
        std::isxdigit(static_cast<unsigned char>(name[i + 1])) != 0 &&
        std::isxdigit(static_cast<unsigned char>(name[i + 2])) != 0) {
      out += static_cast<char>(std::stoi(name.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += name[i];
    }
  }
  return to_lower_ascii(out);
}

// Who names a file from withheld text, for messages.
struct Namer {
  std::string from;            // the file holding the name (a report, meeting.yaml, minutes.md)
  std::string meeting_folder;  // with a trailing '/'
  std::string names;           // "this private report links to "
  std::string because;         // what withholds it: "the private report ..."
};

void withhold_named_file(Context& ctx, const Namer& namer, const std::string& file, const SourcePos& pos) {
  withhold_file(ctx, file, namer.because);
  if (ctx.tree.exists(file)) return;
  const std::string& meeting_folder = namer.meeting_folder;
  const std::string from_folder = namer.from.substr(0, namer.from.rfind('/'));
  const std::string wanted = folded_name(file);
  std::vector<std::string> same_name;
  const auto& all = ctx.tree.files();
  for (auto it = std::lower_bound(all.begin(), all.end(), meeting_folder);
       it != all.end() && it->rfind(meeting_folder, 0) == 0; ++it) {
    if (folded_name(*it) == wanted) same_name.push_back(*it);
  }
  std::string message = namer.names + file +
                        ", but there is no such file (a path is read from the folder of the file that "
                        "names it, here " +
                        from_folder + "/)";
  if (same_name.empty()) {
    message += ". Correct the path, or remove it";
  } else {
    for (const auto& other : same_name) withhold_file(ctx, other, namer.because);
    const std::string relative =
        std::filesystem::path(same_name.front()).lexically_relative(from_folder).generic_string();
    message +=
        ". A file of that name is at " + same_name.front() +
        (same_name.size() > 1 ? " (and " + std::to_string(same_name.size() - 1) + " more)" : std::string()) +
        ": it is withheld, not published, because it may be this private paper. If it is, write "
        "the path from " +
        from_folder + "/: '" + relative + "'";
  }
  ctx.diags.error(pos, message);
}

void withhold_links(Context& ctx, Namer namer, const std::vector<MarkdownLink>& links,
                    const std::string& body_path) {
  for (const auto& l : links) {
    const ResolvedLink r = resolve_link(ctx.model, namer.from, l.url);
    if (r.kind != ResolvedLink::Kind::file) continue;
    withhold_named_file(ctx, namer, r.file, {body_path, l.line, l.column});
  }
}

}  // namespace

// The meeting folder of a file inside it ("content/committees/x/meetings/y/"), or its folder.
std::string meeting_folder_of(const std::string& path) {
  const auto parts = split(path, '/');
  if (parts.size() > 5 && parts[0] == "content" && parts[1] == "committees" && parts[3] == "meetings") {
    return "content/committees/" + parts[2] + "/meetings/" + parts[4] + "/";
  }
  return path.substr(0, path.rfind('/') + 1);
}

void withhold_file(Context& ctx, const std::string& path, const std::string& because) {
  ctx.withheld_files.insert(path);
  ctx.withheld_because.emplace(path, because);
}

std::string why_withheld(const Context& ctx, const std::string& path) {
  const auto it = ctx.withheld_because.find(path);
  return it != ctx.withheld_because.end() ? it->second : "the private business that names it";
}

void withhold_exempt_report_files(Context& ctx, const std::string& report_path,
                                  const std::vector<Appendix>& appendices, const Body& body) {
  Namer namer{report_path, meeting_folder_of(report_path), "this private report names the appendix file ",
              "the private report " + report_path};
  for (const auto& a : appendices) {
    if (!a.file.empty()) withhold_named_file(ctx, namer, a.file, a.pos);
  }
  namer.names = "this private report links to ";
  withhold_links(ctx, namer, body.outline.links, body.path);
}

void withhold_files_linked_from(Context& ctx, const std::string& from, const std::vector<MarkdownLink>& links,
                                const std::string& what) {
  withhold_links(ctx, {from, meeting_folder_of(from), what + " links to ", what + " (" + from + ")"}, links,
                 from);
}

namespace {

// The text as a reader of the address would see it: %XX, &#NN;, &#xNN; and &amp; decoded,
// ASCII lower-cased.
std::string decoded_lower(const std::string& text) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else if (text.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 4;
    } else if (text.compare(i, 2, "&#") == 0) {
      const bool is_hex = i + 2 < text.size() && (text[i + 2] == 'x' || text[i + 2] == 'X');
      std::size_t j = i + (is_hex ? 3 : 2);
      long value = 0;
      while (j < text.size() && j < i + 10 &&
             (is_hex ? hex(text[j]) >= 0 : (text[j] >= '0' && text[j] <= '9'))) {
        value = value * (is_hex ? 16 : 10) + (is_hex ? hex(text[j]) : text[j] - '0');
        ++j;
      }
      if (j < text.size() && text[j] == ';' && value > 0 && value < 128) {
        out += static_cast<char>(value);
        i = j;
      } else {
        out += text[i];
      }
    } else {
      out += text[i];
    }
  }
  return to_lower_ascii(out);
}

bool continues_name(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool mentions_name(const std::string& haystack, const std::string& name) {
  for (std::size_t at = haystack.find(name); at != std::string::npos; at = haystack.find(name, at + 1)) {
    const bool starts = at == 0 || !continues_name(haystack[at - 1]);
    const std::size_t end = at + name.size();
    const bool ends =
        end == haystack.size() || !continues_name(haystack[end]) ||
        (haystack[end] == '.' && (end + 1 == haystack.size() || !continues_name(haystack[end + 1])));
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

void withhold_files_mentioned_in(Context& ctx, const std::string& from, const std::string& text,
                                 const std::string& what) {
  if (text.empty()) return;
  const std::string folder = meeting_folder_of(from);
  const std::string haystack = decoded_lower(text);
  const auto& all = ctx.tree.files();
  for (auto it = std::lower_bound(all.begin(), all.end(), folder);
       it != all.end() && it->rfind(folder, 0) == 0; ++it) {
    if (ctx.withheld_files.count(*it) != 0) continue;
    if (classify_meeting_file(folder.substr(0, folder.size() - 1), *it).kind != MeetingFile::Kind::attachment)
      continue;
    const std::string name = to_lower_ascii(it->substr(it->rfind('/') + 1));
    if (!mentions_name(haystack, name)) continue;
    withhold_file(ctx, *it, what + " (" + from + ")");
    ctx.diags.warning({*it, 0, 0}, "this file is named in " + what + " (" + from +
                                       "), which is withheld, so it is withheld too and not published. "
                                       "If it is a public paper, take its name out of the private text");
  }
}

void withhold_files_named_after(Context& ctx, const std::string& report_path) {
  const std::string reports = report_path.substr(0, report_path.rfind('/') + 1);
  const std::string folder = reports.substr(0, reports.size() - 9);  // without "/reports/"
  const std::string name = report_path.substr(reports.size());
  const std::string slug = name.substr(0, name.size() - 3);
  const auto& all = ctx.tree.files();
  for (auto it = std::lower_bound(all.begin(), all.end(), reports);
       it != all.end() && it->rfind(reports, 0) == 0; ++it) {
    const std::string first = it->substr(reports.size(), it->find('/', reports.size()) - reports.size());
    if (slugify(first.substr(0, first.find('.', 1))) != slug) continue;
    // Reports load as reports; any other kind of file is an error there already.
    if (classify_meeting_file(folder, *it).kind != MeetingFile::Kind::attachment) continue;
    if (ctx.withheld_files.count(*it) != 0) continue;  // the report names it
    withhold_file(ctx, *it, "the private report " + report_path + " (it is named after it)");
    ctx.diags.warning({*it, 0, 0}, "this file is named after the private report " + report_path +
                                       ", so it is withheld with it, not published. If it is one of that "
                                       "report's papers, list it in the report's 'appendices'; if it is a "
                                       "public paper, rename it" +
                                       (first.size() < it->size() - reports.size() ? " or its folder" : ""));
  }
}

}  // namespace quorum::loader
