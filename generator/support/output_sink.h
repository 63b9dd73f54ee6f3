// Where rendered bytes go. The render stage writes through this interface; the write
// stage implements it atomically on disk, and tests implement it in memory.
#pragma once

#include <string>
#include <string_view>

namespace quorum {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // `path` is relative to the site root, with forward slashes ("committees/x/index.html").
  virtual void write(const std::string& path, std::string_view bytes) = 0;
};

}  // namespace quorum
