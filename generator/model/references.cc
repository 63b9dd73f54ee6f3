#include "model/references.h"

#include "model/url_check.h"
#include "model/urls.h"
#include "support/text.h"

namespace quorum {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Browsers ignore control characters and spaces around a scheme ("java\tscript:"), so the
// check looks at the URL as a browser would.
std::string without_controls(const std::string& url) {
  std::string out;
  for (char c : url) {
    if (static_cast<unsigned char>(c) > 0x20) out += c;
  }
  return out;
}

// Git web interfaces write "My%20file.pdf" for a file with a space; the repository has the space.
std::string percent_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto hex = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

ResolvedLink error(std::string message) {
  ResolvedLink r;
  r.message = std::move(message);
  return r;
}

ResolvedLink page(Key key, const std::string& fragment) {
  ResolvedLink r;
  r.kind = ResolvedLink::Kind::page;
  r.key = fragment.empty() ? std::move(key) : key + "#" + fragment;
  return r;
}

// The file a typed link's id would be read from, so a message can say what is missing.
std::string expected_file(const std::string& what, const std::string& id) {
  const auto parts = split(id, '/');
  if (what == "person") return "content/people/" + id + ".yaml";
  if (what == "organisation") return "content/organisations/" + id + ".yaml";
  if (what == "committee") return "content/committees/" + id + "/committee.yaml";
  if (what == "document") return "content/documents/" + id + ".md";
  if (what == "meeting" && parts.size() == 2) {
    return "content/committees/" + parts[0] + "/meetings/" + parts[1] + "/meeting.yaml";
  }
  if (what == "report" && parts.size() == 3) {
    return "content/committees/" + parts[0] + "/meetings/" + parts[1] + "/reports/" + parts[2] + ".md";
  }
  return {};
}

std::string unknown(const std::string& what, const std::string& id, std::vector<std::string> known) {
  const std::string file = expected_file(what, id);
  std::string message = "the link to " + what + " '" + id + "' leads nowhere: ";
  if (!file.empty()) {
    message += "there is no file " + file;
  } else if (what == "topic") {
    message += "no agenda item, report or document has the topic '" + id + "'";
  } else if (what == "meeting" || what == "report") {
    message += "there is no " + what + " '" + id + "' (write " +
               (what == "meeting" ? "committee-id/YYYY-MM-DD" : "committee-id/YYYY-MM-DD/report-slug") + ")";
  } else {
    message += "there is no " + what + " '" + id + "'";
  }
  if (const auto guess = nearest(id, known); !guess.empty()) message += ". Did you mean '" + guess + "'?";
  return message;
}

template <typename Map>
std::vector<std::string> keys_of(const Map& map) {
  std::vector<std::string> out;
  out.reserve(map.size());
  for (const auto& [k, v] : map) out.push_back(k);
  return out;
}

ResolvedLink typed(const SiteModel& model, const std::string& kind, const std::string& id,
                   const std::string& fragment) {
  if (kind == "person") {
    if (model.people.count(id) != 0) return page("person:" + id, fragment);
    return error(unknown("person", id, keys_of(model.people)));
  }
  if (kind == "organisation") {
    if (model.organisations.count(id) != 0) return page("organisation:" + id, fragment);
    return error(unknown("organisation", id, keys_of(model.organisations)));
  }
  if (kind == "committee") {
    if (model.committees.count(id) != 0) return page("committee:" + id, fragment);
    return error(unknown("committee", id, keys_of(model.committees)));
  }
  if (kind == "meeting") {
    if (model.meetings.count(id) != 0) return page("meeting:" + id, fragment);
    return error(unknown("meeting", id, keys_of(model.meetings)));
  }
  if (kind == "terms") {
    const auto it = model.committees.find(id);
    if (it != model.committees.end() && it->second.terms) return page("terms:" + id, fragment);
    return error("the link to the terms of reference of committee '" + id + "' leads nowhere: there is no file content/committees/" + id + "/terms-of-reference.md");
  }
  if (kind == "minutes") {
    const Meeting* m = model.meeting(id);
    if (m != nullptr && m->minutes) return page("minutes:" + id, fragment);
    const auto slash = id.find('/');
    return error("the link to the minutes of meeting '" + id + "' leads nowhere: " +
                 (slash == std::string::npos ? std::string("there is no meeting with that id (write committee-id/YYYY-MM-DD)")
                                             : "there is no file content/committees/" + id.substr(0, slash) + "/meetings/" +
                                                   id.substr(slash + 1) + "/minutes.md"));
  }
  if (kind == "report") {
    const Report* r = model.report(id);
    if (r == nullptr) {
      std::vector<std::string> ids;
      for (const auto& [mid, m] : model.meetings) {
        for (const auto& [slug, rep] : m.reports) ids.push_back(rep.id);
      }
      return error(unknown("report", id, ids));
    }
    if (r->exempt) {
      ResolvedLink w;
      w.kind = ResolvedLink::Kind::withheld;
      return w;
    }
    return page("report:" + id, fragment);
  }
  if (kind == "document") {
    if (model.documents.count(id) != 0) return page("document:" + id, fragment);
    return error(unknown("document", id, keys_of(model.documents)));
  }
  if (kind == "topic") {
    if (model.topics.count(id) != 0) return page("topic:" + id, fragment);
    return error(unknown("topic", id, keys_of(model.topics)));
  }
  return error("unknown link type '" + kind + ":'");
}

}  // namespace

Key key_of_content_file(const std::string& path) {
  const auto parts = split(path, '/');
  if (parts.size() < 3 || parts[0] != "content") return {};
  const auto stem = [](const std::string& name) { return name.substr(0, name.rfind('.')); };
  if (parts[1] == "people" && parts.size() == 3 && ends_with(path, ".yaml")) return "person:" + stem(parts[2]);
  if (parts[1] == "organisations" && parts.size() == 3 && ends_with(path, ".yaml")) {
    return "organisation:" + stem(parts[2]);
  }
  if (parts[1] == "documents" && parts.size() == 3 && ends_with(path, ".md")) return "document:" + stem(parts[2]);
  if (parts[1] != "committees") return {};
  const std::string& c = parts[2];
  if (parts.size() == 3) return "committee:" + c;  // the folder itself
  if (parts.size() == 4 && (parts[3] == "committee.yaml" || parts[3] == "index.md")) return "committee:" + c;
  if (parts.size() == 4 && parts[3] == "terms-of-reference.md") return "terms:" + c;
  if (parts.size() < 5 || parts[3] != "meetings") return {};
  const std::string meeting = c + "/" + parts[4];
  if (parts.size() == 5 || (parts.size() == 6 && parts[5] == "meeting.yaml")) return "meeting:" + meeting;
  if (parts.size() == 6 && parts[5] == "minutes.md") return "minutes:" + meeting;
  if (parts.size() == 7 && parts[5] == "reports" && ends_with(path, ".md")) {
    return "report:" + meeting + "/" + stem(parts[6]);
  }
  return {};
}

ResolvedLink resolve_link(const SiteModel& model, const std::string& from_path, const std::string& raw) {
  const std::string url = without_controls(raw);
  if (url.empty()) return error("the link has no target");
  if (url[0] == '#') {
    ResolvedLink r;
    r.kind = ResolvedLink::Kind::fragment;
    r.url = url;
    return r;
  }
  const std::string scheme = url_scheme(url);
  if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") {
    ResolvedLink r;
    r.kind = ResolvedLink::Kind::external;
    r.url = raw;
    return r;
  }
  // Only a scheme is read as a browser would; a file path keeps its spaces ("Appendix 1.pdf").
  const std::string link = scheme.empty() ? trim(raw) : url;
  const auto hash = link.find('#');
  const std::string fragment = hash == std::string::npos ? std::string() : link.substr(hash + 1);
  const std::string target = link.substr(0, hash);
  if (!scheme.empty()) {
    static const char* const kTyped[] = {"person", "organisation", "committee", "meeting",
                                         "minutes", "report", "document", "topic"};
    for (const char* kind : kTyped) {
      if (scheme == kind) return typed(model, kind, target.substr(scheme.size() + 1), fragment);
    }
    ResolvedLink r;
    r.kind = ResolvedLink::Kind::unsafe;
    r.message = "the link target '" + raw.substr(0, 60) + "' uses '" + scheme +
                ":', which is not published; the link text is shown without a link";
    return r;
  }
  if (target.rfind("//", 0) == 0) return error("a link starting with '//' leaves the site; write it with https://");
  const std::string path = resolve_relative(from_path, percent_decode(target));
  if (path.empty()) {
    return error("the link '" + target + "' leads outside the repository; link to a file inside "
                 "it, relative to this file, or use a typed link such as person:id");
  }
  if (const Key key = key_of_content_file(path); !key.empty()) {
    const auto colon = key.find(':');
    return typed(model, key.substr(0, colon), key.substr(colon + 1), fragment);
  }
  ResolvedLink r;
  r.kind = ResolvedLink::Kind::file;
  r.file = path;
  return r;
}

}  // namespace quorum
