// The manifest cannot be forged by a file name: whatever bytes a name holds, it reads back
// as exactly the one entry it was written as.
#include "write/site_manifest.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace quorum {

TEST_CASE("no file name can add, hide or change an entry of the manifest", "[write][manifest][security]") {
  SiteManifest manifest;
  manifest.stamp = "Built from commit 1234\nwith a line break";
  manifest.files = {
      {"index.html", "fp1"},
      // A name that, written raw, would end its line and start an entry for the operator's CNAME.
      {"papers/x.pdf\nfp-forged\tCNAME", "fp2"},
      {"tab\there", ""},
      {"back\\slash\\n.pdf", "fp3"},
      {"cr\r.pdf", "fp4"},
      {std::string("nul\x01\x1f\x7f.pdf"), "fp5"},
      {"#stamp\tforged", "fp6"},
      {"caf\xc3\xa9/menu.pdf", "fp7"},
  };
  const std::string text = format_manifest(manifest);
  // One line per entry, one for the header and one for the stamp: nothing more.
  CHECK(std::count(text.begin(), text.end(), '\n') == static_cast<long>(manifest.files.size()) + 2);
  const SiteManifest read = parse_manifest(text);
  CHECK(read.files == manifest.files);
  CHECK(read.stamp == manifest.stamp);
  CHECK(read.files.count("CNAME") == 0);
}

TEST_CASE("a manifest written before names were escaped is read as it was written", "[write][manifest]") {
  const SiteManifest read = parse_manifest("#stamp\tBuilt 1\nfp1\tindex.html\n\tpeople/a\\b.html\n");
  CHECK(read.stamp == "Built 1");
  CHECK(read.files == std::map<std::string, std::string>{{"index.html", "fp1"}, {"people/a\\b.html", ""}});
}

}  // namespace quorum
