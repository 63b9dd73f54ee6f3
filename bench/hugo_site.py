#!/usr/bin/env python3
"""Writes a Quorum content repository's Markdown into a Hugo site, for the benchmark.

Every Markdown body (committee descriptions, minutes, reports) is copied byte for byte after
its front matter, so Hugo renders the same Markdown Quorum does, tables and all. Minimal
templates that do the same kind of work as Quorum's pages: a page per report, per minutes
and per meeting (the meeting page lists attendance, declarations and its agenda, linking
the reports and minutes), a list page per committee (its meetings) and a committees page.
Every page has a head, a navigation bar, breadcrumbs, the git dates (enableGitInfo, as
Quorum shows dates from git) and a footer.

Not equivalent, so switched off (Hugo does less than Quorum here, never more): taxonomies,
RSS, sitemap, robots.txt and 404 (Quorum writes feeds, calendars, a sitemap, a search index
and open data that Hugo is not asked for). Goldmark runs with cmark-gfm's extensions: tables,
strikethrough, autolinks (linkify); typographer, footnotes, definition and task lists off.
"""
import argparse
import json
import os

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    Loader = yaml.SafeLoader

CONFIG = """baseURL = "https://papers.example.org/"
title = "Synthetic council papers"
languageCode = "en-gb"
enableGitInfo = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[markup.goldmark.extensions]
  table = true
  strikethrough = true
  linkify = true
  typographer = false
  footnote = false
  definitionList = false
  taskList = false
"""

BASEOF = """<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title><link rel="stylesheet" href="/quorum.css"></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<header><a href="/">{{ .Site.Title }}</a>
<nav aria-label="Site"><ul><li><a href="/committees/">Committees</a></li></ul></nav></header>
<nav aria-label="Breadcrumb"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></nav>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>Published {{ .Date.Format "2 January 2006" }}{{ with .GitInfo }}; last updated {{ .AuthorDate.Format "2 January 2006" }}: {{ .Subject }}{{ end }}</p></footer>
</body></html>
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ with .Sections }}<ul>{{ range .ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
{{ end }}
"""

COMMITTEE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Params.kind }}{{ with .Params.reports_to }}, reports to {{ delimit . ", " }}{{ end }}</p>
{{ .Content }}
<h2>Members</h2><ul>{{ range .Params.members }}<li>{{ .name }} ({{ .role }})</li>{{ end }}</ul>
<h2>Meetings</h2><ul>{{ range .Sections.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Date.Format "2 January 2006" }}</a></li>{{ end }}</ul>
{{ end }}
"""

MEETING = """{{ define "main" }}<h1>{{ .Parent.Title }}, {{ .Date.Format "2 January 2006" }}</h1>
<p>{{ .Params.start }} at {{ .Params.venue }}</p>
<h2>Attendance</h2><ul>{{ range .Params.present }}<li>{{ . }}</li>{{ end }}</ul>
<h3>Apologies</h3><ul>{{ range .Params.apologies }}<li>{{ . }}</li>{{ end }}</ul>
<h2>Declarations of interest</h2><ul>{{ range .Params.declarations }}<li>{{ .name }}, item {{ .item }}: {{ .nature }}</li>{{ else }}<li>None</li>{{ end }}</ul>
<h2>Agenda</h2><ol>{{ range .Params.agenda }}<li><span>{{ .number }}.</span> {{ .title }}{{ with .report }} <a href="{{ .url }}">{{ .title }}</a>{{ end }}{{ with .description }}{{ . | markdownify }}{{ end }}</li>{{ end }}</ol>
<h2>Papers</h2><ul>{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"""

SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Parent.Parent.Title }}, {{ .Parent.Date.Format "2 January 2006" }}{{ with .Params.item }}, item {{ . }}{{ end }}</p>
{{ with .Params.recommendations }}<h2>Recommendations</h2><ol>{{ range . }}<li>{{ . }}</li>{{ end }}</ol>{{ end }}
{{ .Content }}
{{ end }}
"""


def split_front(text):
    """(front matter dict, body) of a Markdown file with optional `---` front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return yaml.load(text[4:end], Loader=Loader) or {}, text[end + 5:]
    return {}, text


def write(path, front, body=""):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        # JSON front matter: Hugo reads it, and Python writes it fast.
        f.write(json.dumps(front, ensure_ascii=False, indent=1))
        f.write("\n")
        f.write(body)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def person_name(people, ref):
    pid = ref.get("person") if isinstance(ref, dict) else ref
    return people.get(pid, pid) if pid else ref.get("post", "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", required=True, help="the Quorum content repository")
    ap.add_argument("--out", required=True, help="the Hugo site folder to write (made if missing)")
    args = ap.parse_args()
    src, out = args.source, args.out
    for name, text in {"hugo.toml": CONFIG, "layouts/_default/baseof.html": BASEOF,
                       "layouts/_default/list.html": LIST, "layouts/_default/single.html": SINGLE,
                       "layouts/committee/list.html": COMMITTEE, "layouts/meeting/list.html": MEETING}.items():
        os.makedirs(os.path.dirname(f"{out}/{name}") or out, exist_ok=True)
        with open(f"{out}/{name}", "w", encoding="utf-8") as f:
            f.write(text)

    people = {}
    for name in sorted(os.listdir(f"{src}/content/people")):
        data = yaml.load(read(f"{src}/content/people/{name}"), Loader=Loader)
        people[name[:-5]] = data["name"]

    write(f"{out}/content/_index.md", {"title": "Home"})
    write(f"{out}/content/committees/_index.md", {"title": "Committees"})
    pages = 0
    for cid in sorted(os.listdir(f"{src}/content/committees")):
        cdir = f"{src}/content/committees/{cid}"
        committee = yaml.load(read(f"{cdir}/committee.yaml"), Loader=Loader)
        description = read(f"{cdir}/index.md") if os.path.exists(f"{cdir}/index.md") else ""
        members = [{"name": person_name(people, m), "role": m.get("role", "member")} for m in committee.get("members", [])]
        write(f"{out}/content/committees/{cid}/_index.md",
              {"title": committee["name"], "type": "committee", "kind": committee["kind"],
               "reports_to": committee.get("reports_to", []), "members": members}, description)
        meetings = f"{cdir}/meetings"
        for mid in sorted(os.listdir(meetings)) if os.path.isdir(meetings) else []:
            mdir = f"{meetings}/{mid}"
            meeting = yaml.load(read(f"{mdir}/meeting.yaml"), Loader=Loader)
            date = str(meeting["date"])
            target = f"{out}/content/committees/{cid}/{mid}"
            agenda = []
            for item in meeting.get("agenda", []):
                entry = {"number": str(item["number"]), "title": item["title"]}
                if item.get("description"):
                    entry["description"] = item["description"]
                if item.get("report"):
                    report_front, report_body = split_front(read(f"{mdir}/reports/{item['report']}.md"))
                    entry["report"] = {"title": report_front["title"], "url": f"reports/{item['report']}/"}
                    write(f"{target}/reports/{item['report']}.md",
                          {"title": report_front["title"], "date": date, "item": str(report_front.get("item", "")),
                           "recommendations": report_front.get("recommendations", [])}, report_body)
                    pages += 1
                agenda.append(entry)
            attendance = meeting.get("attendance", {})
            declarations = meeting.get("declarations")
            declared = [] if not isinstance(declarations, list) else [
                {"name": person_name(people, d), "item": str(d.get("item", "")), "nature": d.get("nature", "")}
                for d in declarations]
            write(f"{target}/_index.md",
                  {"title": f"{committee['name']} {date}", "type": "meeting", "date": date,
                   "start": meeting.get("start", ""), "venue": meeting.get("venue", ""),
                   "present": [person_name(people, p) for p in attendance.get("present", [])],
                   "apologies": [person_name(people, p) for p in attendance.get("apologies", [])],
                   "declarations": declared, "agenda": agenda})
            pages += 1
            if os.path.exists(f"{mdir}/minutes.md"):
                _, minutes_body = split_front(read(f"{mdir}/minutes.md"))
                write(f"{target}/minutes.md", {"title": f"Minutes: {committee['name']} {date}", "date": date},
                      minutes_body)
                pages += 1
    print(f"Hugo site with {pages} meeting, minutes and report pages in {out}")


if __name__ == "__main__":
    main()
