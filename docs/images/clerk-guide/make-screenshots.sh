#!/usr/bin/env bash
# Makes the screenshots of docs/clerk-guide.md: copies the sample site into a new git
# repository, plays a clerk's January to March 2027 through it (agenda, supplementary report,
# attendance and declarations, draft minutes, approval, a correction), one dated commit at a
# time, builds the site after the steps the guide shows and photographs them (shoot.mjs).
# Then prints what `quorum check` says about the mistakes the guide describes.
# Usage: docs/images/clerk-guide/make-screenshots.sh [QUORUM]   (default: build/quorum)
# Needs node and the npm packages of tests/browser (tests/browser/run installs them), chromium
# and ImageMagick's convert.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
quorum="$(realpath "${1:-$root/build/quorum}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/quorum-clerk-guide.XXXXXX")"
trap 'rm -rf "$work"' EXIT
repo="$work/papers"
meetings="$repo/content/committees/thurrock-hwb/meetings"
jan="$meetings/2027-01-15"

mkdir -p "$repo"
cp -r "$root/content" "$root/site-config" "$repo/"
rm -rf "$jan"
git -C "$repo" init -q -b main
commit() {  # commit DATE MESSAGE
  git -C "$repo" add -A
  GIT_AUTHOR_DATE="$1T10:00:00Z" GIT_COMMITTER_DATE="$1T10:00:00Z" \
    git -C "$repo" -c user.name="Darren Kristiansen" -c user.email=democratic.services@example.org.uk \
    commit -qm "$2"
}
build() { "$quorum" build --source "$repo" --out "$work/$1" --clean >/dev/null; }
commit 2026-12-01 "Publish the Board's papers 2017 to 2022"

# 1. Publish an agenda (and an item in private).
mkdir -p "$jan"
cat >"$jan/meeting.yaml" <<'YAML'
date: 2027-01-15
start: "10:00"
venue: "Committee Room 2, Civic Offices, New Road, Grays, Essex, RM17 6SL"
kind: ordinary
status: scheduled
agenda_published: 2027-01-06
agenda:
  - number: "1"
    title: Apologies for Absence
    kind: apologies
  - number: "2"
    title: Minutes
    kind: minutes
    description: To approve as a correct record the minutes of the meeting held in November 2026.
  - number: "3"
    title: Urgent Items
    kind: urgent
  - number: "4"
    title: Declaration of Interests
    kind: declarations
  - number: "5"
    title: Better Care Fund Plan 2027-28 - planning requirements and timetable
    kind: report
    presenter: {post: "Corporate Director of Adults, Housing and Health, Thurrock Council"}
    wards: all
    topics: [better-care-fund, integrated-care]
  - number: "6"
    title: "Better Care Together Thurrock: annual progress report"
    kind: report
    description: Report to follow.
    topics: [integrated-care, adult-social-care]
  - number: "7"
    title: "Care home placements: contract extension"
    kind: report
    key_decision: true
    exempt:
      paragraph: 3
      reason: >-
        The report contains the providers' prices; publishing them during the negotiation would
        harm the Council's position. The public interest in withholding them outweighs disclosure.
YAML
commit 2027-01-06 "Agenda: Health and Wellbeing Board, 15 January 2027"
build site-agenda

# 2. A late report, published as a supplementary paper.
mkdir -p "$jan/reports"
cat >"$jan/reports/better-care-together-progress.md" <<'MD'
---
title: "Better Care Together Thurrock: annual progress report"
item: "6"
report_of:
  - {post: "Corporate Director of Adults, Housing and Health, Thurrock Council", person: roger-harris}
authors:
  - ceri-armstrong
wards: all
recommendations:
  - That the Board notes the progress made in the second year of the strategy.
topics: [integrated-care, adult-social-care]
---

## Summary

This report sets out the progress made in the second year of the adult integrated care
strategy, Better Care Together Thurrock.
MD
python3 - "$jan/meeting.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("    description: Report to follow.\n",
              "    report: better-care-together-progress\n"
              "    description: Supplementary report, published on 12 January 2027.\n")
open(p, "w", encoding="utf-8").write(s)
PY
commit 2027-01-12 "Supplementary agenda: report for item 6, Better Care Together Thurrock annual progress report"
build site-late

# 3. Apologies and declarations, after the meeting; 4. draft minutes.
python3 - "$jan/meeting.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("status: scheduled\n", "end: \"11:45\"\nstatus: held\n")
s = s.replace("agenda:\n", """attendance:
  present:
    - {person: deborah-huelin, role: Chair}
    - ian-wake
    - jo-broadbent
    - kim-james
    - kristina-jackson
  apologies:
    - les-billingham
    - michelle-stapleton
  in_attendance:
    - ceri-armstrong
    - {person: darren-kristiansen, role: Clerk}
declarations:
  - person: kristina-jackson
    item: "6"
    kind: non-pecuniary
    nature: Chief Executive of Thurrock CVS, which delivers part of the strategy.
    action: Took part in the discussion.
agenda:
""", 1)
open(p, "w", encoding="utf-8").write(s)
PY
commit 2027-01-15 "Attendance and declarations: Health and Wellbeing Board, 15 January 2027"
cat >"$jan/minutes.md" <<'MD'
---
status: draft
---

# Minutes of the Health and Wellbeing Board, 15 January 2027

## 1. Apologies for Absence

Apologies were received from the members listed above.

## 5. Better Care Fund Plan 2027-28 - planning requirements and timetable

The Board noted that the pooled budget for 2027-28 is expected to be £1.36 million.

RESOLVED: That the Board notes the planning requirements and timetable.

## 6. Better Care Together Thurrock: annual progress report

RESOLVED: That the Board notes the progress made in the second year of the strategy.
MD
commit 2027-01-22 "Draft minutes: Health and Wellbeing Board, 15 January 2027"
build site-draft

# 5. The next meeting approves them.
mkdir -p "$meetings/2027-03-12"
cat >"$meetings/2027-03-12/meeting.yaml" <<'YAML'
date: 2027-03-12
start: "10:00"
venue: "Committee Room 2, Civic Offices, New Road, Grays, Essex, RM17 6SL"
kind: ordinary
status: held
agenda_published: 2027-03-03
agenda:
  - number: "1"
    title: Apologies for Absence
    kind: apologies
  - number: "2"
    title: Minutes
    kind: minutes
    minutes_of: thurrock-hwb/2027-01-15
YAML
commit 2027-03-03 "Agenda: Health and Wellbeing Board, 12 March 2027"
sed -i 's/^status: draft$/status: approved\napproved_at: thurrock-hwb\/2027-03-12/' "$jan/minutes.md"
commit 2027-03-12 "Minutes of 15 January 2027 approved at the meeting on 12 March 2027"
build site-approved

# 6. A correction after publication.
sed -i 's/£1.36 million/£13.6 million/' "$jan/minutes.md"
commit 2027-03-16 "Correct minute 5: the pooled budget is £13.6 million, not £1.36 million"
build site-corrected

m=/committees/thurrock-hwb/2027-01-15/
cat >"$work/shots.json" <<JSON
[
 {"site": "$work/site-agenda", "path": "$m", "from": "main h1", "to": "#item-2", "file": "agenda.png"},
 {"site": "$work/site-agenda", "path": "$m", "from": "#item-7", "to": "#item-7", "file": "private-item.png"},
 {"site": "$work/site-late", "path": "$m", "from": "#item-6", "to": "#item-6", "file": "late-report.png"},
 {"site": "$work/site-late", "path": "$m", "from": ".page-history", "to": ".page-history", "file": "late-report-history.png"},
 {"site": "$work/site-draft", "path": "$m", "from": "#attendance", "to": "#declarations + ul", "file": "attendance.png"},
 {"site": "$work/site-draft", "path": "${m}minutes/", "from": "main h1", "to": ".summary-list", "file": "minutes-draft.png"},
 {"site": "$work/site-approved", "path": "${m}minutes/", "from": "main h1", "to": ".summary-list", "file": "minutes-approved.png"},
 {"site": "$work/site-corrected", "path": "${m}minutes/", "from": "main h1", "to": ".summary-list", "file": "correction-notice.png"},
 {"site": "$work/site-corrected", "path": "${m}minutes/", "from": ".page-history", "to": ".page-history", "file": "correction-history.png"}
]
JSON
node "$here/shoot.mjs" "$work/shots.json" "$here"

# The preview's error page (quorum serve), for a misspelt report on item 6.
mkdir "$work/serve"
cp -r "$repo" "$work/serve/papers"
sed -i 's/^    report: better-care-together-progress$/    report: better-care-together/' \
  "$work/serve/papers/content/committees/thurrock-hwb/meetings/2027-01-15/meeting.yaml"
(cd "$work/serve" && exec "$quorum" serve --source papers --out "$work/preview" --port 0) >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 60); do grep -q "Serving the preview at" "$work/serve.log" && break; sleep 1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -1)
"${CHROMIUM:-/usr/bin/chromium}" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,560 \
  --screenshot="$work/error.png" "${url}committees/thurrock-hwb/2027-01-15/" >/dev/null 2>&1
kill "$serve_pid"
wait "$serve_pid" || true
convert "$work/error.png" -crop 820x400+230+20 +repage "$here/preview-error.png"
echo "preview-error.png: ${url}committees/thurrock-hwb/2027-01-15/"

# What `quorum check --publishing-rules` says about a late agenda and minutes left in draft.
sed -i 's/^status: approved$/status: draft/; /^approved_at:/d' "$jan/minutes.md"
mkdir -p "$meetings/2027-05-14"
sed 's/2027-03-12/2027-05-14/; s/2027-03-03/2027-05-11/; s/status: held/status: scheduled/; /minutes_of/d' \
  "$meetings/2027-03-12/meeting.yaml" >"$meetings/2027-05-14/meeting.yaml"
commit 2027-05-11 "Agenda: Health and Wellbeing Board, 14 May 2027"
echo "--- quorum check --publishing-rules after a late agenda:"
"$quorum" check --source "$repo" --publishing-rules || true
git -C "$repo" reset -q --hard HEAD~1

# What `quorum check` says about the mistakes in the guide, on a copy of the last commit.
cp -r "$repo" "$work/broken"
b="$work/broken/content/committees/thurrock-hwb/meetings/2027-01-15"
sed -i 's/^    report: better-care-together-progress$/    report: better-care-together/' "$b/meeting.yaml"
sed -i 's/^    - les-billingham$/    - les-bilingham/; s/kind: non-pecuniary/kind: personal/; s/paragraph: 3/paragraph: 8/' "$b/meeting.yaml"
sed -i 's/^status: approved$/status: agreed/' "$b/minutes.md"
sed -i 's/^date: 2027-03-12$/date: 2027-03-13/' "$work/broken/content/committees/thurrock-hwb/meetings/2027-03-12/meeting.yaml"
echo "--- quorum check on the broken copy:"
(cd "$work/broken" && "$quorum" check --working-tree) || true
