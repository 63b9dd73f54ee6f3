// A withheld file must not reach the site under another name. Run in ModelLoad::finish once
// every withheld file is known (model.withheld_paths, symbolic links included). The files the
// site copies from the repository as they are (published papers, site.yaml's logo, the assets
// of a theme kept in the repository) are checked: a withheld one named as the logo or kept in
// the theme's assets is an error, and one whose bytes are a withheld file's is an error
// naming both, and is withheld too. An identical copy of a private appendix in a public
// folder is the private appendix, whatever it is called.
//
// Nor under a name that looks the same: a copied file in the same meeting folder as a
// withheld one, whose name has the same skeleton (name_skeleton), is an error too. The
// skeleton is rough on purpose: a false alarm only asks the clerk to rename a file, while a
// lookalike published is a private paper any reader can take for the public one.
#pragma once

#include <string>

namespace quorum::loader {

struct Context;

void refuse_withheld_copies(Context& ctx);

// A file name as a reader, or a computer that ignores case or Unicode spelling, may take it:
// ASCII letters and digits, lower case; everything else dropped, and a letter followed by a
// combining accent dropped with it, so that "Annexe é.xlsx" with é as one character (NFC), as
// e and an accent (NFD, as macOS writes it), or as É, and "annexe-e.XLSX"... all give
// "annexexlsx". Fullwidth forms of ASCII count as ASCII.
std::string name_skeleton(const std::string& name);

}  // namespace quorum::loader
