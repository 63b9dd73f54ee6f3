// Which commits touched withheld material, at any point in a file's history: their messages
// stay off every page, since clerks write them quickly and they may name what the law
// withholds.
//
// A file is withheld material when, now or in any version the history walk saw of it
// (renames and deletions followed, both sides of each commit):
// - it is an exempt report or one of its appendices' files (SiteModel::withheld_paths);
// - it is in the folder of a meeting with private business (any exempt agenda item): its
//   meeting.yaml holds the items' reasons and descriptions, its minutes the private sections,
//   and any other file there may be an appendix of an exempt report;
// - it is a person's file with a sensitive interest in their register.
// For a version that differs from the built commit's, the generator does not load the old
// files again; it fails closed on their words: a meeting folder whose meeting.yaml mentions
// "exempt" (or holds a backslash, which a YAML escape can spell any key with), or any of
// whose reports/ files does; a person's file that mentions "sensitive" (or holds a
// backslash); and any paper (a file under content/ that is not Markdown or YAML, in a
// meeting folder or not) in a version that is not the built one (deleted since, or changed),
// which may have been an appendix of an exempt report kept in another folder: all held
// withheld material then. Every commit that touched such a file
// (under any of its names) is withheld.
#pragma once

#include "load/history.h"
#include "model/site_model.h"

namespace quorum {

// The rule above for the history walk (History::read), for versions of files other than the
// built commit's.
const PastPrivacy& content_privacy();

// Fills model.withheld_commits from model.history and the model's withheld material, and
// adds each withheld commit's message to model.withheld_texts (unless a commit that is not
// withheld shows the very same message).
void find_withheld_commits(SiteModel& model);

}  // namespace quorum
