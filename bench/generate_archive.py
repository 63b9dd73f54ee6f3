#!/usr/bin/env python3
"""Writes a synthetic content repository that follows the content model, for benchmarks.

The shape follows issue 7: C committees in a hierarchy (a top board, parent committees,
their sub-committees and sub-groups, and a joint committee of two bodies), Y years, about
ten meetings a committee a year, each meeting with an 8-item agenda, minutes (mostly 3-8 KB)
with RESOLVED paragraphs, two reports (mostly 5-20 KB with Markdown tables), and a few hundred
people with attendance, declarations and registers of interests. Shapes vary (issue 21), in a
fixed pattern so every 20 files of a kind have each: reports that are standard (9 in 20),
heading-heavy, table-heavy, list-heavy, prose only (no table), very short (1-2 KB) or very long
(40-100 KB); minutes that are standard (14 in 20), short, long (30-90 KB, with sub-headings,
lists and tables), list-heavy or with tables. `--meetings N` derives C and Y
(Y grows like sqrt(N/10), capped at 40 years: an archive runs to decades, not centuries)
and writes exactly N meetings. The same arguments always write the same bytes.

Prose is drawn from a pool of generated paragraphs so that 50,000 meetings take minutes,
not hours; every file still has its own mix, numbers and links, so no two bodies are equal.
"""
import argparse
import math
import os
import random
import re

WORDS = ("board council care health plan budget service report review fund partnership strategy "
         "community adult children social hospital primary public housing support outcome "
         "performance risk quality commissioning integrated local system people resident "
         "improvement delivery workforce prevention wellbeing discharge capacity demand contract "
         "provider market homes transport education safeguarding assessment carers mental access "
         "waiting digital estates savings pressure forecast target measure survey engagement").split()
AREAS = ("Adult Social Care", "Children's Services", "Health and Wellbeing", "Housing", "Public Health",
         "Finance", "Audit", "Planning", "Transport", "Education", "Mental Health", "Primary Care",
         "Community Safety", "Environment", "Workforce", "Digital", "Estates", "Carers",
         "Safeguarding", "Commissioning", "Licensing", "Regeneration", "Culture", "Waste")
TOPICS = [w for w in WORDS if len(w) > 5][:40]
FIRST = ("Alex Sam Jo Chris Pat Morgan Lee Robin Kim Jamie Ali Priya Tom Ruth Owen Grace Amir "
         "Nadia Ian Helen Mark Sara Paul Anne David Fatima Joseph Mary Peter Rosa").split()
LAST = ("Harris Wake Smith Jones Patel Khan Brown Taylor Wilson Evans Thomas Roberts Walker Wright "
        "Hughes Green Hall Wood Clarke Lewis Young King Hill Moore Scott Adams Baker Turner").split()
CATEGORIES = ("employment", "sponsorship", "contracts", "land", "licences", "corporate-tenancies",
              "securities", "other-registrable", "non-registrable")
MEMBER_TERM_YEARS = 4
SEATS = 10


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def quote(text):
    """A YAML double-quoted scalar (the prose has no quotes or backslashes, but be safe)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Prose:
    """Sentences and paragraphs; paragraphs come from a fixed pool for speed."""

    def __init__(self, rng, pool=4000):
        self.rng = rng
        self.pool = [self._paragraph() for _ in range(pool)]

    def sentence(self, n=None):
        n = n or self.rng.randint(8, 20)
        return " ".join(self.rng.choices(WORDS, k=n)).capitalize() + "."

    def title(self, n=5):
        return self.sentence(n)[:-1]

    def _paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 6)))

    def paragraph(self):
        # A pooled paragraph plus a sentence of its own, so bodies differ everywhere.
        return f"{self.rng.choice(self.pool)} {self.sentence()} The figure was {self.rng.randint(1, 99999)}."


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def shape(meetings):
    """(committees, years) for about ten meetings a committee a year, exactly `meetings` in all."""
    years = min(40, max(1, round(math.sqrt(meetings / 10))))
    committees = max(4, round(meetings / (10 * years)))
    return committees, years


def plan_committees(count):
    """Each committee's id, name, kind and reports_to: a board at the top, parent committees
    under it, sub-committees and sub-groups under those, and one joint committee of two bodies."""
    parents = max(1, count // 8)
    plans = []
    for c in range(count):
        area = AREAS[c % len(AREAS)]
        if c == 0:
            kind, name, reports = "board", "Health and Wellbeing Board", []
        elif c <= parents:
            kind, name, reports = "committee", f"{area} Committee", [0]
        elif c == count - 1:
            kind, name = "joint-committee", f"{area} Joint Committee"
            reports = [1, min(2, parents)] if parents >= 2 else [0, 1]
        else:
            parent = 1 + (c - parents - 1) % parents
            kind = "sub-committee" if c % 2 else "sub-group"
            name = f"{area} {'Sub-Committee' if kind == 'sub-committee' else 'Sub-Group'}"
            reports = [parent]
        if c >= len(AREAS):
            name += f" {c // len(AREAS) + 1}"
        plans.append({"index": c, "id": f"{slug(name)}-{c:03d}", "name": name, "kind": kind,
                      "reports_to": reports, "children": []})
    for p in plans:
        if p["reports_to"]:
            plans[p["reports_to"][0]]["children"].append(p["index"])
    return plans


def schedule(count, years, meetings, first_year):
    """Meeting dates per committee: `meetings` spread over count*years committee-years."""
    slots = count * years
    base, extra = divmod(meetings, slots)
    dates = [[] for _ in range(count)]
    for y in range(years):
        for c in range(count):
            k = base + (1 if (y * count + c) < extra else 0)
            taken = set()
            for i in range(k):
                month = 1 + (i * 12) // k
                day = 1 + (c * 7 + i * 3) % 28
                while (month, day) in taken:
                    day = day % 28 + 1
                taken.add((month, day))
                dates[c].append(f"{first_year + y:04d}-{month:02d}-{day:02d}")
    for d in dates:
        d.sort()
    return dates


def person_yaml(i, pid, officer, rng, prose, first_year):
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST) + i) % len(LAST)]}"
    since = f"{first_year - rng.randint(0, 5):04d}-0{rng.randint(1, 9)}-01"
    if officer:
        title = f"Director of {rng.choice(AREAS)}"
        head = f"name: {name}\npositions:\n  - title: {title}\n    organisation: council\n    from: {since}\n"
    else:
        head = (f"name: {name}\nhonorific: Councillor\npositions:\n  - title: Councillor\n"
                f"    organisation: council\n    from: {since}\n")
    entries = []
    for _ in range(rng.randint(1, 3)):
        entry = (f"  - category: {rng.choice(CATEGORIES)}\n    description: {quote(prose.sentence(8))}\n"
                 f"    registered: {since}\n")
        if rng.random() < 0.05:
            entry += "    sensitive: true\n"
        entries.append(entry)
    return head + "register:\n" + "".join(entries), name


def members_for(committee, term, councillors):
    """The ten seats of one committee for one four-year term."""
    local = random.Random(f"{committee}/{term}")
    chosen = local.sample(councillors, SEATS)
    return chosen


def fresh_paragraph(prose):
    """A paragraph of new sentences, for private business: the pooled paragraphs recur
    across the archive, and private text copied word for word from public papers is what
    the tripwire stops a build for."""
    return " ".join(prose.sentence() for _ in range(prose.rng.randint(3, 6)))


def minutes_md(rng, prose, cid, date, previous, agenda, present, officers, target, style="standard"):
    sections = []
    for item in agenda:
        n, title = item["number"], item["title"]
        # Short to start with; the discussion grows below to the target size.
        body = [prose.sentence() if n in ("1", "2", "3", "8") else f"{prose.sentence()} {prose.sentence()}"]
        if style == "short":  # terse minutes: a line and the decision
            body = [prose.sentence(6)]
        if item.get("report"):
            body.append(f"The [report](reports/{item['report']}.md) was presented by "
                        f"[the author](person:{item['presenter']}). {prose.sentence()}")
        if n == "2" and previous:
            body.append(f"The [minutes of the meeting held on {previous}](../{previous}/minutes.md) "
                        f"were agreed as a correct record.")
        if n in ("4", "5", "6", "7") and style != "short":
            body.append(f"[Councillor](person:{rng.choice(present)}) asked about {prose.sentence(9).lower()}")
        resolutions = 1 if n in ("1", "3", "8") or style == "short" else rng.randint(1, 2)
        decided = [f"RESOLVED: {prose.sentence(12 if style != 'short' else 6)}" if r == 0 else f"RESOLVED: That {prose.sentence(10).lower()}"
                   for r in range(resolutions)]
        sections.append([f"## {n}. {title}", *body, *decided])
    actions = "".join(f"  - item: \"{rng.choice(['4', '5', '6'])}\"\n    action: {quote(prose.sentence(7))}\n"
                      f"    owner: {rng.choice(officers)}\n    due: {date}\n" for _ in range(rng.randint(1, 3)))
    front = f"---\nstatus: approved\nactions:\n{actions}---\n"
    # Grow the discussion until the whole file reaches its target size (a paragraph is about
    # 550 bytes: stop half a paragraph short rather than overshoot). Long minutes have
    # sub-headings, lists and tables inside the items' sections; list-heavy ones mostly lists.
    size = len(front) + sum(len(p) + 2 for s in sections for p in s)
    i = 3
    while size < target - 275:
        private = "exempt" in agenda[i % len(sections)]
        para = fresh_paragraph(prose) if private else prose.paragraph()
        if style == "lists" or (style == "long" and rng.random() < 0.2):
            para = bullets(rng, prose)
        elif style in ("long", "tables") and rng.random() < (0.3 if style == "tables" else 0.08):
            para = f"{para}\n\n{table(rng, rng.randint(3, 12))}"
        elif style == "long" and rng.random() < 0.15:
            para = f"### {prose.title(rng.randint(2, 5))}\n\n{para}"
        sections[i % len(sections)].insert(1 + rng.randint(0, 1), para)
        size += len(para) + 2
        i += 1
    return front + "\n\n".join("\n\n".join(s) for s in sections) + "\n"


def bullets(rng, prose):
    """A bulleted or numbered list (numbered from 1: a list starting at a private item's
    number would look like its heading), sometimes with a nested level."""
    numbered = rng.random() < 0.4
    lines = []
    for k in range(rng.randint(3, 9)):
        lines.append(f"{k + 1}. {prose.sentence(rng.randint(5, 14))}" if numbered else f"- {prose.sentence(rng.randint(5, 14))}")
        if rng.random() < 0.2:
            lines.extend(f"   - {prose.sentence(rng.randint(4, 9))}" for _ in range(rng.randint(1, 3)))
    return "\n".join(lines)


# Shapes vary so that no one pattern of content is all the benchmark measures (issue 21). The
# k-th file of a kind takes the style at (7k mod 20) of its pattern: every run of 20 files
# has each style, so even a small archive has them all, and the same seed writes the same bytes.
REPORT_STYLES = (["standard"] * 9 + ["headings"] * 3 + ["tables"] * 2 + ["lists"] * 2 + ["prose"] * 2
                 + ["short", "long"])
MINUTES_STYLES = ["standard"] * 14 + ["short"] * 2 + ["long"] * 2 + ["lists", "tables"]
REPORT_SIZES = {"standard": (5500, 19400), "headings": (8000, 30000), "tables": (8000, 30000),
                "lists": (4000, 15000), "prose": (5000, 25000), "short": (800, 2500), "long": (40000, 100000)}
MINUTES_SIZES = {"standard": (3300, 7600), "short": (1200, 2500), "long": (30000, 90000),
                 "lists": (4000, 12000), "tables": (5000, 15000)}


def style_of(styles, k):
    return styles[(7 * k) % len(styles)]


def table(rng, rows):
    head = "| Service line | Budget (£k) | Actual (£k) | Variance |\n|:---|---:|---:|---:|\n"
    body = []
    for _ in range(rows):
        budget, actual = rng.randint(10, 9999), rng.randint(10, 9999)
        body.append(f"| {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} | {budget:,} | {actual:,} | "
                    f"{actual - budget:+,} |")
    return head + "\n".join(body)


def report_md(rng, prose, title, item, author, target, topics, exempt=False, style="standard"):
    """A report in one of REPORT_STYLES: standard (a few headings and one to three tables),
    headings (a heading over nearly every paragraph, at two levels), tables (many tables),
    lists (mostly bulleted and numbered lists), prose (long paragraphs, no table), short (a
    paragraph or two) and long (every kind of part, at length)."""
    recommendations = "".join(f"  - {quote(prose.sentence(10))}\n" for _ in range(rng.randint(1, 3)))
    paragraph = (lambda: fresh_paragraph(prose)) if exempt else prose.paragraph
    front = (f"---\ntitle: {quote(title)}\nitem: \"{item}\"\nauthors: [{author}]\n"
             + ("classification: exempt\nparagraph: 3\n" if exempt else "") +
             f"report_of: [{{post: \"Director of {rng.choice(AREAS)}, Synthetic Council\"}}]\n"
             f"wards: all\nkey_decision: {'true' if rng.random() < 0.2 else 'false'}\n"
             f"recommendations:\n{recommendations}topics: [{', '.join(topics)}]\n---\n")
    if style == "short":
        parts = [f"## Purpose of the report\n\n{paragraph()}"]
        if rng.random() < 0.5:
            parts.append(table(rng, rng.randint(2, 4)))
        return front + "\n\n".join(parts) + "\n"
    if style == "prose":
        parts = [f"## Purpose of the report\n\n{paragraph()}", f"{paragraph()} {paragraph()}"]
    else:
        parts = [f"## Purpose of the report\n\n{paragraph()}",
                 f"## Recommendations\n\n1. {prose.sentence()}\n2. {prose.sentence()}",
                 f"## Financial position\n\n{paragraph()}\n\n{table(rng, rng.randint(5, 20))}"]
    tables = {"standard": rng.randint(1, 3), "tables": rng.randint(6, 16), "long": rng.randint(10, 30),
              "headings": rng.randint(2, 6)}.get(style, 0)
    # How likely each kind of part is: a table (while the report has some left), a heading
    # over a paragraph, a list; otherwise a plain paragraph.
    p_table, p_heading, p_list = {"standard": (0.15, 0.25, 0.1), "headings": (0.1, 0.85, 0.05),
                                  "tables": (0.6, 0.2, 0.05), "lists": (0, 0.15, 0.7),
                                  "prose": (0, 0.03, 0), "long": (0.12, 0.3, 0.15)}[style]
    size = len(front) + sum(len(p) + 2 for p in parts)
    while size < target - 400:  # a part is up to about 1 KB: stop short rather than overshoot
        roll = rng.random()
        if tables > 1 and roll < p_table:
            part = f"{paragraph()}\n\n{table(rng, rng.randint(3 if style == 'tables' else 5, 20))}"
            tables -= 1
        elif rng.random() < p_heading:
            level = "###" if style in ("headings", "long") and rng.random() < 0.4 else "##"
            part = f"{level} {prose.title(rng.randint(3, 6))}\n\n{paragraph()}"
        elif rng.random() < p_list:
            part = bullets(rng, prose)
        elif style == "prose":
            part = f"{paragraph()} {paragraph()}"
        else:
            part = paragraph()
        parts.append(part)
        size += len(part) + 2
    return front + "\n\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--meetings", type=int, default=1000, help="meetings in all (default 1000)")
    ap.add_argument("--people", type=int, default=0,
                    help="people (default: a few hundred, 200 to 600 growing with --meetings)")
    ap.add_argument("--out", required=True, help="the folder to write the repository into (made if missing)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.meetings < 1:
        ap.error("--meetings must be at least 1")
    rng = random.Random(args.seed)
    prose = Prose(rng)
    root = args.out
    count, years = shape(args.meetings)
    last_year = 2025
    first_year = last_year - years + 1
    people_count = args.people or min(600, max(200, args.meetings // 20))
    committees = plan_committees(count)
    dates = schedule(count, years, args.meetings, first_year)

    write(f"{root}/site-config/site.yaml",
          "title: Synthetic council papers\nbase_url: https://papers.example.org/\norganisation: council\n"
          "contact_email: democratic.services@example.org\naccessibility:\n"
          "  contact: democratic.services@example.org\n  last_tested: 2025-01-01\n")
    orgs = {"council": ("Synthetic Council", "local-authority"), "icb": ("Synthetic Integrated Care Board", "nhs-commissioner"),
            "trust": ("Synthetic Hospitals NHS Trust", "nhs-provider")}
    for oid, (name, kind) in orgs.items():
        write(f"{root}/content/organisations/{oid}.yaml", f"name: {name}\nkind: {kind}\n")

    people = [f"person-{i:04d}" for i in range(people_count)]
    officers = people[: max(20, people_count // 5)]
    councillors = people[len(officers):]
    for i, pid in enumerate(people):
        text, _ = person_yaml(i, pid, pid in officers, rng, prose, first_year)
        write(f"{root}/content/people/{pid}.yaml", text)

    terms = (years + MEMBER_TERM_YEARS - 1) // MEMBER_TERM_YEARS
    minutes_written = reports_written = 0
    for plan in committees:
        cid = plan["id"]
        reports = ", ".join(committees[r]["id"] for r in plan["reports_to"])
        members = []
        for t in range(terms):
            start = first_year + t * MEMBER_TERM_YEARS
            end = min(last_year, start + MEMBER_TERM_YEARS - 1)
            for k, pid in enumerate(members_for(cid, t, councillors)):
                role = "chair" if k == 0 else "vice-chair" if k == 1 else "member"
                members.append(f"  - person: {pid}\n    role: {role}\n    from: {start}-01-01\n    to: {end}-12-31\n")
        members.append(f"  - post: \"Director of {AREAS[plan['index'] % len(AREAS)]}, Synthetic Council\"\n"
                       f"    role: adviser\n    voting: false\n")
        extra = "organisations: [council, icb]\n" if plan["kind"] == "joint-committee" else "organisations: [council]\n"
        write(f"{root}/content/committees/{cid}/committee.yaml",
              f"name: {quote(plan['name'])}\nkind: {plan['kind']}\n"
              + (f"reports_to: [{reports}]\n" if reports else "") + extra
              + f"established: {first_year}-01-01\nmeets: about ten times a year\nmembers:\n" + "".join(members))
        write(f"{root}/content/committees/{cid}/index.md",
              f"The {plan['name']} {prose.sentence(12).lower()}\n\n{prose.paragraph()}\n")

        previous = None
        for date in dates[plan["index"]]:
            year = int(date[:4])
            seated = members_for(cid, (year - first_year) // MEMBER_TERM_YEARS, councillors)
            present = rng.sample(seated, rng.randint(6, 9))
            apologies = [m for m in seated if m not in present]
            attending = rng.sample(officers, 3)
            folder = f"{root}/content/committees/{cid}/meetings/{date}"
            agenda = [{"number": "1", "title": "Apologies for absence", "kind": "apologies"},
                      {"number": "2", "title": "Minutes of the last meeting", "kind": "minutes"},
                      {"number": "3", "title": "Declarations of interest", "kind": "declarations"}]
            used = set()
            for n in ("4", "5"):
                title = prose.title(rng.randint(3, 6))
                report = slug(" ".join(title.split()[:4]))
                if report in used:
                    report += f"-{n}"
                used.add(report)
                agenda.append({"number": n, "title": title, "kind": "report", "report": report,
                               "presenter": attending[int(n) - 4], "topics": rng.sample(TOPICS, 2)})
            received = []
            for child in committees[plan["index"]]["children"][:6]:
                earlier = [d for d in dates[child] if d < date]
                if earlier:
                    received.append(f"{committees[child]['id']}/{earlier[-1]}")
            if received:
                agenda.append({"number": "6", "title": "Minutes of sub-groups", "kind": "standing",
                               "papers_from": received})
            else:
                agenda.append({"number": "6", "title": prose.title(4), "kind": "other",
                               "topics": rng.sample(TOPICS, 1)})
            agenda.append({"number": "7", "title": prose.title(5), "kind": "other",
                           "description": f"{prose.sentence()} See the [{plan['name']}](committee:{cid})."})
            agenda.append({"number": "8", "title": "Date of next meeting", "kind": "standing"})
            # About one meeting in twenty takes item 5 in private (Schedule 12A), with an exempt
            # report: the tripwire then has withheld text to search the output for. Which
            # meetings is decided by each meeting's own seed.
            if random.Random(f"exempt/{cid}/{date}").random() < 0.05:
                agenda[4]["exempt"] = {"paragraph": "3", "reason": prose.sentence(14)}
                agenda[4]["description"] = prose.sentence(16)

            lines = []
            for item in agenda:
                lines.append(f"  - number: \"{item['number']}\"\n    title: {quote(item['title'])}\n    kind: {item['kind']}\n")
                if item["number"] == "2" and previous:
                    lines.append(f"    minutes_of: {cid}/{previous}\n")
                if "report" in item:
                    lines.append(f"    report: {item['report']}\n    presenter: {item['presenter']}\n"
                                 f"    key_decision: false\n")
                if "papers_from" in item:
                    lines.append(f"    papers_from: [{', '.join(item['papers_from'])}]\n")
                if "topics" in item:
                    lines.append(f"    topics: [{', '.join(item['topics'])}]\n")
                if "description" in item:
                    lines.append(f"    description: {quote(item['description'])}\n")
                if "exempt" in item:
                    lines.append(f"    exempt:\n      paragraph: {item['exempt']['paragraph']}\n"
                                 f"      reason: {quote(item['exempt']['reason'])}\n")
            declarations = ""
            for person in rng.sample(present, rng.randint(0, 2)):
                declarations += (f"  - person: {person}\n    item: \"{rng.choice(['4', '5', '6', '7'])}\"\n"
                                 f"    kind: {rng.choice(['pecuniary', 'non-pecuniary', 'other'])}\n"
                                 f"    nature: {quote(prose.sentence(8))}\n")
                if rng.random() < 0.3:
                    declarations += "    action: Left the meeting for the item\n"
            chair = seated[0] if seated[0] in present else present[0]
            present_yaml = "".join(f"    - {{person: {p}, role: Chair}}\n" if p == chair else f"    - {p}\n"
                                   for p in present)
            write(f"{folder}/meeting.yaml",
                  f"date: {date}\nstart: \"14:00\"\nend: \"16:30\"\nvenue: Council Chamber, Civic Offices\n"
                  f"kind: ordinary\nstatus: held\nagenda_published: {date}\nattendance:\n  present:\n{present_yaml}"
                  f"  apologies: [{', '.join(apologies)}]\n  in_attendance: [{', '.join(attending)}]\n"
                  + (f"declarations:\n{declarations}" if declarations else "declarations: none\n")
                  + "agenda:\n" + "".join(lines))
            style = style_of(MINUTES_STYLES, minutes_written)
            minutes_written += 1
            write(f"{folder}/minutes.md",
                  minutes_md(rng, prose, cid, date, previous, agenda, present, officers,
                             rng.randint(*MINUTES_SIZES[style]), style))
            for item in agenda[3:5]:
                style = style_of(REPORT_STYLES, reports_written)
                reports_written += 1
                write(f"{folder}/reports/{item['report']}.md",
                      report_md(rng, prose, item["title"], item["number"], item["presenter"],
                                rng.randint(*REPORT_SIZES[style]), item["topics"], exempt="exempt" in item,
                                style=style))
            previous = date

    # A few strategies owned by the parent committees, approved at one of their meetings.
    for plan in committees[: max(3, count // 8)]:
        own = dates[plan["index"]]
        approved = own[len(own) // 2]
        write(f"{root}/content/documents/{plan['id']}-strategy.md",
              f"---\ntitle: {quote(plan['name'] + ' strategy')}\nkind: strategy\nowner: {plan['id']}\n"
              f"status: approved\napproved_at: {plan['id']}/{approved}\ntopics: [{', '.join(rng.sample(TOPICS, 2))}]\n---\n"
              + "\n\n".join(f"## {prose.title(4)}\n\n{prose.paragraph()}" for _ in range(6)) + "\n")
    print(f"{count} committees x {years} years ({first_year}-{last_year}), {args.meetings} meetings, "
          f"{people_count} people in {root}")


if __name__ == "__main__":
    main()
