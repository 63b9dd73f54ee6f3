#include "tripwire/tripwire.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "support/parallel.h"
#include "tripwire/matcher.h"

namespace quorum {
namespace fs = std::filesystem;

namespace {

// Messages for the first files only: a leak through a shared part of the pages would
// otherwise print one message for every page of the site.
constexpr std::size_t kMostMessages = 10;

// The whole file, into `buffer` (reused by the thread, so a large site is not allocated
// file by file).
void read_into(const fs::path& path, std::string& buffer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw std::runtime_error("could not read " + path.string() + " to check it: " + std::strerror(errno));
  struct stat st {};
  ::fstat(fd, &st);
  buffer.resize(static_cast<std::size_t>(std::max<off_t>(st.st_size, 0)));
  std::size_t got = 0;
  while (true) {
    if (got == buffer.size()) buffer.resize(buffer.size() * 2 + 4096);  // grew since fstat
    const ssize_t n = ::read(fd, buffer.data() + got, buffer.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  buffer.resize(got);
}

struct Found {
  tripwire::Hit hit;
  int line = 1;
};

}  // namespace

std::string tripwire_digest(const WithheldTexts& withheld, const std::vector<std::string>& allowed) {
  // FNV-1a over every byte, twice with different seeds: a change to any text changes it.
  std::uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  const auto add = [&](std::string_view bytes) {
    for (const char c : bytes) {
      a = (a ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
      b = (b ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL + 1;
    }
    a = (a ^ 0xff) * 0x100000001b3ULL;
    b = (b ^ 0xfe) * 0x100000001b3ULL + 1;
  };
  add("words-v1 shingle " + std::to_string(tripwire::kShingleWords) + " fewest " +
      std::to_string(tripwire::kFewestWords));
  for (const auto& w : withheld.all()) add(w.text);
  add("allowed");
  for (const auto& text : allowed) add(text);
  char out[40];
  std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return std::string(out) + " " + std::to_string(withheld.all().size());
}

std::vector<ScannedFile> cache_files(const fs::path& folder) {
  std::vector<ScannedFile> out;
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec)) return out;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) {
      out.push_back({fs::relative(it->path(), folder, ec).generic_string(), it->path(), true});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const ScannedFile& a, const ScannedFile& b) { return a.name < b.name; });
  return out;
}

TripwireStats check_withheld_texts(const WithheldTexts& withheld, const std::vector<std::string>& allowed,
                                   const std::vector<ScannedFile>& files, const std::string& site_label,
                                   unsigned jobs, Diagnostics& diags) {
  TripwireStats stats;
  std::vector<std::string_view> texts;
  texts.reserve(withheld.all().size());
  for (const auto& w : withheld.all()) texts.emplace_back(w.text);
  const tripwire::Matcher matcher(texts, std::vector<std::string_view>(allowed.begin(), allowed.end()));
  stats.needles = matcher.needles();
  if (matcher.empty()) return stats;

  std::vector<std::optional<Found>> found(files.size());
  std::atomic<std::size_t> bytes{0};
  parallel_for(files.size(), jobs != 0 ? jobs : default_jobs(), [&](std::size_t i) {
    thread_local std::string buffer;
    read_into(files[i].disk, buffer);
    bytes += buffer.size();
    if (const auto hit = matcher.find(buffer)) {
      const auto line =
          std::count(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(hit->end), '\n');
      found[i] = Found{*hit, static_cast<int>(line) + 1};
    }
  });
  stats.files = files.size();
  stats.bytes = bytes.load();

  std::size_t leaks = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!found[i]) continue;
    const auto& file = files[i];
    std::error_code ec;
    if (file.cache) fs::remove(file.disk, ec);
    if (++leaks > kMostMessages) continue;
    const WithheldText& text = withheld.all()[found[i]->hit.text];
    const std::string where = file.cache ? "the build cache file " + file.disk.string() + " (now deleted)"
                                         : "the page or file " + site_label + "/" + file.name + " (line " +
                                               std::to_string(found[i]->line) + ")";
    SourcePos pos = text.pos;
    if (pos.path.empty())
      pos = {file.cache ? file.disk.string() : site_label + "/" + file.name, found[i]->line, 0};
    diags.error(pos,
                "text that is withheld from the public (" + text.source + ") appears in " + where +
                    ". The build stopped before publishing anything. "
                    "Either private text was copied into a public field (find these words in the public "
                    "papers and remove or reword them there), or this is a fault in Quorum (please report "
                    "it, without quoting the private text)");
  }
  if (leaks > kMostMessages) {
    diags.error({site_label, 0, 0}, std::to_string(leaks - kMostMessages) +
                                        " more files about to be published hold withheld text (the first " +
                                        std::to_string(kMostMessages) +
                                        " are listed); nothing was published");
  }
  return stats;
}

}  // namespace quorum
