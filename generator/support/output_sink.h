// Where rendered bytes go. The render stage writes through this interface; the write
// stage implements it atomically on disk, and tests implement it in memory.
#pragma once

#include <string>
#include <string_view>

namespace quorum {

// The render stage calls a sink from several threads at once, each call for a different
// path: implementations must be safe for that.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // `path` is relative to the site root, with forward slashes ("committees/x/index.html").
  virtual void write(const std::string& path, std::string_view bytes) = 0;

  // Incremental builds: `fingerprint` identifies everything a file was made from. A sink
  // that still has the file made from the same fingerprint may keep it and answer true,
  // and the caller skips rendering it.
  //
  // Every page names the commit it was built from, which changes with every commit. So the
  // fingerprint leaves that line out, and a kept page has the previous build's line
  // (`stamp`) swapped for this build's: see build_stamp() and set_build_stamp(). A page that
  // does not carry that line (`carries_build_stamp` false: its footer names the commit that
  // last changed its own files, which the fingerprint covers) is kept as it is.
  virtual bool reuse(const std::string& /*path*/, const std::string& /*fingerprint*/,
                     bool /*carries_build_stamp*/ = true) {
    return false;
  }
  // The build line the last build's pages carry, or "" when there is no last build.
  [[nodiscard]] virtual std::string previous_build_stamp() const { return {}; }
  virtual void set_build_stamp(const std::string& /*stamp*/) {}
  virtual void write_with_fingerprint(const std::string& path, std::string_view bytes,
                                      const std::string& /*fingerprint*/) {
    write(path, bytes);
  }
};

}  // namespace quorum
