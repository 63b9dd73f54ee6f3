#!/usr/bin/env python3
"""Writes a synthetic content repository that follows the content model, for benchmarks.

C committees in a hierarchy, about ten meetings a committee a year, each with an 8-item
agenda, minutes of 3-8 KB with RESOLVED paragraphs, two reports of 5-20 KB with tables,
and a few hundred people with attendance and declarations. Deterministic for a seed.
"""
import argparse
import os
import random

WORDS = ("board council care health plan budget service report review fund partnership "
         "strategy community adult children social hospital primary public housing support "
         "outcome performance risk quality commissioning integrated local system people "
         "resident improvement delivery workforce prevention wellbeing").split()


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences=5):
    return " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(sentences))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=1000)
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    root = args.out
    committees = max(2, args.meetings // 100)  # ~10 years of 10 meetings each
    years = max(1, round(args.meetings / committees / 10))

    write(f"{root}/site-config/site.yaml",
          "title: Synthetic council papers\nbase_url: https://papers.example.org/\norganisation: council\n")
    write(f"{root}/content/organisations/council.yaml", "name: Synthetic Council\nkind: local-authority\n")
    people = [f"person-{i:04d}" for i in range(args.people)]
    for i, p in enumerate(people):
        write(f"{root}/content/people/{p}.yaml",
              f"name: Person {i}\nhonorific: Councillor\npositions:\n  - title: Councillor\n"
              f"    organisation: council\n    from: 2000-01-01\nregister:\n  - category: employment\n"
              f"    description: Employed as a {rng.choice(WORDS)} officer\n")
    for c in range(committees):
        cid = f"committee-{c:03d}"
        parent = f"\nreports_to: [committee-{(c - 1) // 4:03d}]" if c > 0 else ""
        members = rng.sample(people, 10)
        member_yaml = "".join(f"  - person: {m}\n    role: {'chair' if k == 0 else 'member'}\n"
                              for k, m in enumerate(members))
        write(f"{root}/content/committees/{cid}/committee.yaml",
              f"name: Committee {c}\nkind: committee{parent}\nmembers:\n{member_yaml}")
        write(f"{root}/content/committees/{cid}/index.md", paragraph(rng, 3) + "\n")
        previous = None
        for y in range(years):
            for month in range(1, 11):
                date = f"{2000 + y:04d}-{month:02d}-{(c % 27) + 1:02d}"
                folder = f"{root}/content/committees/{cid}/meetings/{date}"
                present = rng.sample(members, 7)
                apologies = [m for m in members if m not in present][:2]
                agenda = [
                    '  - number: "1"\n    title: Apologies for absence\n    kind: apologies\n',
                    '  - number: "2"\n    title: Minutes of the last meeting\n    kind: minutes\n'
                    + (f"    minutes_of: {cid}/{previous}\n" if previous else ""),
                    '  - number: "3"\n    title: Declarations of interest\n    kind: declarations\n']
                for n in range(4, 9):
                    report = f"    report: report-{n}\n" if n in (4, 5) else ""
                    agenda.append(f'  - number: "{n}"\n    title: {sentence(rng, 5)[:-1]}\n{report}'
                                  f"    topics: [{rng.choice(WORDS)}]\n")
                decl = (f"declarations:\n  - person: {present[0]}\n    item: \"4\"\n    kind: non-pecuniary\n"
                        f"    nature: {sentence(rng, 8)}\n")
                write(f"{folder}/meeting.yaml",
                      f"date: {date}\nstart: \"14:00\"\nstatus: held\nvenue: Council Chamber\n"
                      f"attendance:\n  present: [{', '.join(present)}]\n  apologies: [{', '.join(apologies)}]\n"
                      f"{decl}agenda:\n{''.join(agenda)}")
                sections = []
                for n in range(1, 9):
                    body = "\n\n".join(paragraph(rng, rng.randint(2, 5)) for _ in range(rng.randint(1, 2)))
                    sections.append(f"## {n}. Item {n}\n\n{body}\n\nRESOLVED: {sentence(rng, 12)}\n")
                write(f"{folder}/minutes.md",
                      f"---\nstatus: approved\nactions:\n  - item: \"4\"\n    action: {sentence(rng, 6)}\n"
                      f"    owner: {present[1]}\n    due: {date}\n---\n" + "\n".join(sections))
                for n in (4, 5):
                    rows = "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(1, 999)} | {rng.randint(1, 999)} |"
                                     for _ in range(rng.randint(5, 20)))
                    body = "\n\n".join(f"## {sentence(rng, 4)[:-1]}\n\n{paragraph(rng, rng.randint(4, 9))}"
                                       for _ in range(rng.randint(2, 6)))
                    write(f"{folder}/reports/report-{n}.md",
                          f"---\ntitle: {sentence(rng, 6)[:-1]}\nitem: \"{n}\"\nauthors: [{rng.choice(people)}]\n"
                          f"recommendations:\n  - {sentence(rng, 10)}\n---\n{body}\n\n| Line | Budget | Actual |\n"
                          f"|------|--------|--------|\n{rows}\n")
                previous = date
    print(f"{committees} committees x {years} years x 10 = {committees * years * 10} meetings in {root}")


if __name__ == "__main__":
    main()
