#!/usr/bin/env bash
# Keeps the benchmark (bench/) from rotting unseen: a small synthetic archive must follow the
# content model (`quorum check`, no errors), have the shape issue 7 asks for, come out the same
# for the same seed, and convert into a Hugo site. Hugo itself is not run here.
# Usage: bench_smoke_test.sh QUORUM_BINARY SOURCE_DIR
set -euo pipefail
quorum="$(realpath "$1")"
src="$(realpath "$2")"
bench="$src/bench"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/quorum-bench-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
meetings=30

python3 "$bench/generate_archive.py" --meetings "$meetings" --out "$tmp/a"
python3 "$bench/generate_archive.py" --meetings "$meetings" --out "$tmp/b" >/dev/null
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "the same seed wrote different archives"

# The shape: exactly N meetings, 8 agenda items and two reports each, minutes with decisions,
# reports with tables, a hierarchy with a joint committee; and shapes that vary (issue 21):
# short and long files, heading-heavy, table-heavy, list-heavy and prose-only reports.
python3 - "$tmp/a" "$meetings" <<'EOF' || fail "the archive does not have the shapes issues 7 and 21 ask for"
import glob, os, re, sys
root, meetings = sys.argv[1], int(sys.argv[2])
problems = []
folders = sorted(os.path.dirname(p) for p in glob.glob(f"{root}/content/committees/*/meetings/*/meeting.yaml"))
if len(folders) != meetings:
    problems.append(f"{len(folders)} meetings, not {meetings}")
minutes_sizes, reports = [], []
for folder in folders:
    items = len(re.findall(r"^  - number: ", open(f"{folder}/meeting.yaml").read(), re.M))
    if items != 8:
        problems.append(f"{folder}: {items} agenda items")
    minutes = open(f"{folder}/minutes.md").read()
    minutes_sizes.append(len(minutes.encode()))
    if not re.search(r"^RESOLVED", minutes, re.M):
        problems.append(f"{folder}/minutes.md: no RESOLVED")
    found = glob.glob(f"{folder}/reports/*.md")
    if len(found) != 2:
        problems.append(f"{folder}: {len(found)} reports")
    reports += [open(r).read() for r in found]
if not (min(minutes_sizes) < 3000 and max(minutes_sizes) > 20000 and
        sum(3000 <= s <= 8192 for s in minutes_sizes) > len(minutes_sizes) / 2):
    problems.append(f"minutes are not mostly 3-8 KB with some short and some long: {sorted(minutes_sizes)}")
sizes = [len(r.encode()) for r in reports]
tables = [r.count("\n|:---|") for r in reports]
headings = [len(re.findall(r"^#{2,3} ", r, re.M)) for r in reports]
lists = [len(re.findall(r"^(?:- |\d+\. |   - )", r, re.M)) for r in reports]
if sum(5000 <= s <= 20480 and t > 0 for s, t in zip(sizes, tables)) < len(reports) / 3:
    problems.append("fewer than a third of the reports are 5-20 KB with a table")
for what, ok in (("a report under 3 KB", min(sizes) < 3000), ("a report over 40 KB", max(sizes) > 40000),
                 ("a report with no table", min(tables) == 0), ("a report with 6 tables or more", max(tables) >= 6),
                 ("a report with 20 headings or more", max(headings) >= 20),
                 ("a list-heavy report (30 list lines or more)", max(lists) >= 30)):
    if not ok:
        problems.append(f"missing: {what}")
kinds = [re.search(r"^kind: (.*)$", open(p).read(), re.M).group(1)
         for p in glob.glob(f"{root}/content/committees/*/committee.yaml")]
for kind in ("board", "joint-committee", "sub-group"):
    if kind not in kinds:
        problems.append(f"no committee of kind {kind}")
if not any("papers_from:" in open(f"{f}/meeting.yaml").read() for f in folders):
    problems.append("no parent receives a sub-group's minutes")
if len(os.listdir(f"{root}/content/people")) < 200:
    problems.append("fewer than a few hundred people")
print("\n".join(problems), file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

# Quorum reads it from git, as the benchmark does, and finds nothing wrong.
git -C "$tmp/a" init -q
git -C "$tmp/a" add -A
git -C "$tmp/a" -c user.name=Bench -c user.email=bench@example.org commit -qm "Synthetic archive"
"$quorum" check --source "$tmp/a" >"$tmp/check.log" 2>&1 || { cat "$tmp/check.log"; fail "quorum check failed"; }
grep -q "No errors (0 warnings): $meetings meetings" "$tmp/check.log" || { cat "$tmp/check.log"; fail "quorum check was not clean"; }

# The Hugo converter writes a page per meeting, minutes and report.
if python3 -c 'import yaml' 2>/dev/null; then
  python3 "$bench/hugo_site.py" --source "$tmp/a" --out "$tmp/hugo" >/dev/null
  pages=$(find "$tmp/hugo/content/committees" -name '*.md' -path '*/20*' | wc -l)
  [ "$pages" -eq $((meetings * 4)) ] || fail "the Hugo site has $pages meeting, minutes and report pages, not $((meetings * 4))"
  grep -q '^|:---|' -r "$tmp/hugo/content/committees" || fail "the Hugo site lost the tables"
else
  echo "python3-yaml is missing: the Hugo converter is not tried"
fi
python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' "$bench/run"
for program in cmark_floor write_floor; do
  # shellcheck disable=SC2046
  g++ -std=c++20 -fsyntax-only "$bench/$program.cc" $(pkg-config --cflags libcmark-gfm) || fail "$program.cc does not compile"
done
echo "bench: a $meetings-meeting archive checks clean"
