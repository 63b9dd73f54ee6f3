#!/usr/bin/env python3
"""Runs the ready-made CI workflows of docs/ci/ locally, as GitHub Actions and GitLab CI would.

For docs/ci/github-pages.yml: the build job's steps in order, on a push to main (the site must
appear in the folder handed to actions/upload-pages-artifact, at the Pages address), on a
pull request (built, not published; the publishing-deadline check prints warning annotations)
and on a pull request with a broken content file (the build step fails with exit 1 and the
annotation step prints a GitHub annotation naming the file and line). For docs/ci/gitlab-pages.yml: the
`pages` job, with its `extends` resolved from docs/ci/gitlab-quorum.yml (the template the
pipeline includes), must leave the site in its `public/` artifact, and fail with exit 1 naming
file and line on broken content.

Each run is against a copy of the sample site made into a git repository. What needs the network
or root (apt-get, downloading the package) is the CI runner's business and is not run: the
quorum under test stands in for the installed package, and /usr/share/quorum/ci/ (where the
package puts docs/ci/) is read from this source tree. Third-party actions are stood in for by
what they do to the workspace (checkout: nothing, the copy is the checkout).

Usage: ci_workflows_test.py QUORUM_BINARY SOURCE_DIR   (exit 77: PyYAML is not installed)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("ci workflows test: skipped, python3-yaml is not installed")
    sys.exit(77)

QUORUM = os.path.realpath(sys.argv[1])
SRC = os.path.realpath(sys.argv[2])
CI = os.path.join(SRC, "docs", "ci")
MEETING = "content/committees/thurrock-hwb/meetings/2017-09-08/meeting.yaml"
PAGES_URL = "https://council.example.io/papers"


def fail(message, output=""):
    if output:
        sys.stderr.write(output + "\n")
    sys.stderr.write("FAIL: " + message + "\n")
    sys.exit(1)


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "\t" in text:
        fail(path + " has a tab (YAML forbids them for indentation)")
    return yaml.safe_load(text)


class Workspace:
    """A copy of the sample site as a content repository, a HOME and a PATH with quorum on it."""

    def __init__(self, root, name, broken):
        self.dir = os.path.join(root, name)
        self.home = os.path.join(root, name + "-home")
        bindir = os.path.join(root, name + "-bin")
        os.makedirs(self.home)
        os.makedirs(bindir)
        os.symlink(QUORUM, os.path.join(bindir, "quorum"))
        self.path = bindir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")
        for part in ("content", "site-config"):
            shutil.copytree(os.path.join(SRC, part), os.path.join(self.dir, part))
        self.git("init", "-q", "-b", "main")
        self.commit("Publish the papers")
        self.broken_lines = set()
        if broken:
            # A clerk's typo: the agenda points to a report that does not exist.
            path = os.path.join(self.dir, MEETING)
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            index = lines.index("    report: better-care-fund-plan")
            lines[index] = "    report: bcf-plan"
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            # The error may point at the `report:` line or at the start of its agenda item.
            item = max(i for i in range(index) if lines[i].startswith("  - number:"))
            self.broken_lines = {index + 1, item + 1}
            self.commit("Agenda item 5: shorter report id")

    def env(self, extra):
        env = {"PATH": self.path, "HOME": self.home, "LANG": "C.UTF-8", "GIT_CONFIG_NOSYSTEM": "1"}
        env.update(extra)
        return env

    def git(self, *args):
        subprocess.run(["git", "-C", self.dir, *args], check=True, env=self.env({}))

    def commit(self, message):
        self.git("add", "-A")
        self.git("-c", "user.name=Clerk", "-c", "user.email=clerk@example.org", "commit", "-qm", message)

    def run(self, script, env):
        """Runs a step's script the way both CI systems do: bash, stopping at the first failure."""
        done = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=self.dir, env=self.env(env),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return done.returncode, done.stdout

    def has_site(self, folder):
        index = os.path.join(self.dir, folder, "index.html")
        return os.path.isfile(index) and os.path.getsize(index) > 0


# --- GitHub Actions ---------------------------------------------------------------------------

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
CONTEXT_NAME = re.compile(r"\b(?:github|steps|inputs|env|vars)(?:\.[A-Za-z_][A-Za-z0-9_-]*)+")


def github_value(expression, context):
    """The value of a context name (steps.site.outcome): the workflow may use only those the test
    knows, so a new expression cannot silently evaluate to nothing here."""
    step = re.match(r"steps\.([^.]+)\.outputs\.", expression)
    if step and context.get("steps.%s.outcome" % step.group(1)) == "skipped":
        return ""  # a skipped step's outputs are empty
    if expression not in context:
        fail("the workflow uses ${{ %s }}, which this test does not know how to evaluate" % expression)
    return context[expression]


def github_substitute(text, context):
    return EXPRESSION.sub(lambda m: str(github_value(m.group(1), context)), str(text))


def github_condition(condition, context, job_failed):
    """Evaluates an `if:` of the forms the workflow uses: context names compared with strings,
    success() / failure() / always(), joined with && and ||."""
    if condition is None:
        return not job_failed
    expr = EXPRESSION.sub(lambda m: m.group(1), str(condition))
    # As on GitHub: without a status function, `success() &&` is implied, so such a step never
    # runs after a failed one.
    if not re.search(r"\b(?:success|failure|always|cancelled)\(\)", expr):
        expr = "success() && (" + expr + ")"
    expr = CONTEXT_NAME.sub(lambda m: repr(github_value(m.group(0), context)), expr)
    expr = expr.replace("success()", repr(not job_failed)).replace("failure()", repr(job_failed))
    expr = expr.replace("always()", "True").replace("cancelled()", "False").replace("&&", " and ").replace("||", " or ")
    expr = re.sub(r"!(?!=)", " not ", expr)
    # Only literals and operators are left; anything else is a form this test does not know.
    if re.sub(r"'[^']*'|\b(?:True|False|and|or|not)\b|==|!=|[()\s]", "", expr):
        fail("cannot evaluate if: " + str(condition))
    return bool(eval(expr, {"__builtins__": {}}, {}))  # our own file, reduced to literals above


def run_action(ws, action_dir, inputs_given, context):
    """Runs a composite action's steps with its inputs, as the runner would; the install step
    (apt-get, needs root) is replaced by quorum already on PATH."""
    action = load_yaml(os.path.join(action_dir, "action.yml"))
    inputs = {}
    for name, spec in action["inputs"].items():
        if name in inputs_given:
            inputs[name] = inputs_given[name]
        elif spec.get("required"):
            fail("the workflow does not give the action its required input " + name)
        else:
            inputs[name] = spec.get("default", "")
    unknown = set(inputs_given) - set(action["inputs"])
    if unknown:
        fail("the workflow gives the action inputs it does not have: " + ", ".join(sorted(unknown)))
    action_context = dict(context)
    action_context.update({"inputs." + k: v for k, v in inputs.items()})
    output = ""
    for step in action["runs"]["steps"]:
        if "quorum-install.sh" in step["run"]:
            continue
        env = {k: github_substitute(v, action_context) for k, v in step.get("env", {}).items()}
        env.update({"GITHUB_ACTION_PATH": action_dir, "GITHUB_WORKSPACE": ws.dir})
        code, said = ws.run(step["run"], env)
        output += said
        if code != 0:
            return code, output
    return 0, output


def run_github_build_job(ws, event):
    workflow = load_yaml(os.path.join(CI, "github-pages.yml"))
    steps = workflow["jobs"]["build"]["steps"]
    context = {"github.event_name": event, "github.ref": "refs/heads/main", "github.sha": "0" * 40,
               "github.workspace": ws.dir}
    job_failed = False
    record = {"artifact": None, "cache": [], "outputs": {}, "ran": []}
    for step in steps:
        name = step.get("name", step.get("uses", "?"))
        if not github_condition(step.get("if"), context, job_failed):
            if "id" in step:
                context["steps.%s.outcome" % step["id"]] = "skipped"
            continue
        uses, code, said = step.get("uses", ""), 0, ""
        if "run" in step and re.match(r"\s*apt-get\b", step["run"]):
            record["ran"].append(name)  # the runner's packages: not run here
            continue
        if uses.startswith("actions/checkout@"):
            if step.get("with", {}).get("fetch-depth") != 0:
                fail("actions/checkout must fetch the whole history (fetch-depth: 0) for page dates")
        elif uses.startswith("actions/configure-pages@"):
            context["steps.%s.outputs.base_url" % step["id"]] = PAGES_URL
        elif uses.startswith("actions/cache@"):
            record["cache"] = [p for p in step["with"]["path"].split("\n") if p.strip()]
        elif re.search(r"/docs/ci/quorum-action@", uses):
            given = {k: github_substitute(v, context) for k, v in step.get("with", {}).items()}
            code, said = run_action(ws, os.path.join(CI, "quorum-action"), given, context)
            record["outputs"] = given
        elif uses.startswith("actions/upload-pages-artifact@"):
            record["artifact"] = step["with"]["path"]
        elif uses:
            fail("the workflow uses %s, which this test does not stand in for" % uses)
        else:
            code, said = ws.run(github_substitute(step["run"], context), {"GITHUB_WORKSPACE": ws.dir})
        record["ran"].append(name)
        record.setdefault("said", {})[name] = (code, said)
        if "id" in step:
            context["steps.%s.outcome" % step["id"]] = "success" if code == 0 else "failure"
            context["steps.%s.conclusion" % step["id"]] = "success" if code == 0 else "failure"
        if code != 0:
            job_failed = True
    return job_failed, record


def test_github(root):
    # A push to main: the site is built at the Pages address and handed to upload-pages-artifact.
    ws = Workspace(root, "github-push", broken=False)
    failed, record = run_github_build_job(ws, "push")
    said = "\n".join(s for _, s in record.get("said", {}).values())
    if failed:
        fail("the GitHub build job failed on the sample site", said)
    if "Show the errors on the pull request" in record["ran"]:
        fail("the annotation step ran although the build succeeded")
    folder = record["artifact"]
    if not folder or not ws.has_site(folder):
        fail("no index.html in the folder handed to upload-pages-artifact (%s)" % folder, said)
    with open(os.path.join(ws.dir, folder, "sitemap.xml"), encoding="utf-8") as f:
        if PAGES_URL + "/" not in f.read():
            fail("the site was not built at the GitHub Pages address")
    for path in record["cache"]:
        if not os.path.exists(os.path.join(ws.dir, path.strip())):
            fail("actions/cache keeps %s, which the build did not make" % path)
    if not os.path.exists(os.path.join(ws.dir, folder, ".quorum-manifest")):
        fail("the cached site has no .quorum-manifest, so the next build cannot be incremental")

    # A pull request with good content: built, not published; the deadline check annotates
    # (the sample site's minutes of 8 September 2017 are still a draft) without failing.
    ws = Workspace(root, "github-pr-good", broken=False)
    failed, record = run_github_build_job(ws, "pull_request")
    said = "\n".join(s for _, s in record.get("said", {}).values())
    if failed:
        fail("the GitHub build job failed on a pull request of the sample site", said)
    if record["artifact"] is not None:
        fail("a pull request handed its site to GitHub Pages")
    deadlines = record.get("said", {}).get("Check the publishing deadlines")
    if deadlines is None:
        fail("the publishing deadlines were not checked on a pull request")
    if not re.search(r"^::warning file=content/committees/thurrock-hwb/meetings/2017-09-08/minutes\.md,.*draft",
                     deadlines[1], re.M):
        fail("no ::warning annotation for the draft minutes of 8 September 2017", deadlines[1])

    # A pull request with a broken file: the build step fails, the annotations name file and line.
    ws = Workspace(root, "github-pr", broken=True)
    failed, record = run_github_build_job(ws, "pull_request")
    outcomes = record.get("said", {})
    build = next((v for k, v in outcomes.items() if k == "Build the site"), None)
    if not failed or build is None or build[0] != 1:
        fail("the build step did not fail with exit 1 on a broken file", str(build))
    if record["artifact"] is not None:
        fail("a pull request handed its site to GitHub Pages")
    annotate = outcomes.get("Show the errors on the pull request")
    if annotate is None:
        fail("the annotation step did not run after the failed build")
    code, said = annotate
    if code != 1:
        fail("the annotation step exited %d, not 1" % code, said)
    found = False
    for line in said.splitlines():
        m = re.match(r"::error (.*?)::(.*)", line)
        if not m:
            continue
        props = dict(p.split("=", 1) for p in m.group(1).split(",") if "=" in p)
        if props.get("file") == MEETING and int(props.get("line", 0)) in ws.broken_lines and "bcf-plan" in m.group(2):
            found = True
    if not found:
        fail("no ::error annotation for %s line %s" % (MEETING, sorted(ws.broken_lines)), said)


# --- GitLab CI ----------------------------------------------------------------------------------

def deep_merge(base, over):
    """GitLab's `extends`: hashes merge key by key, anything else is replaced."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def gitlab_job(pipeline, name):
    job = pipeline[name]
    parents = job.get("extends", [])
    parents = [parents] if isinstance(parents, str) else parents
    resolved = {}
    for parent in parents:
        resolved = deep_merge(resolved, gitlab_job(pipeline, parent))
    resolved = deep_merge(resolved, {k: v for k, v in job.items() if k != "extends"})
    return resolved


def gitlab_pipeline():
    """The pipeline file with its include: the template it names is this tree's gitlab-quorum.yml."""
    own = load_yaml(os.path.join(CI, "gitlab-pages.yml"))
    pipeline = {}
    for include in own.get("include", []):
        if not include.get("remote", "").endswith("/docs/ci/gitlab-quorum.yml"):
            fail("gitlab-pages.yml includes something other than gitlab-quorum.yml: %s" % include)
        pipeline.update(load_yaml(os.path.join(CI, "gitlab-quorum.yml")))
    pipeline.update({k: v for k, v in own.items() if k != "include"})
    return own, pipeline


def expand(value, env):
    return re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda m: env.get(m.group(1), ""), str(value))


def run_gitlab_pages_job(ws):
    own, pipeline = gitlab_pipeline()
    job = gitlab_job(pipeline, "pages")
    predefined = {"CI_PROJECT_DIR": ws.dir, "CI_PAGES_URL": PAGES_URL, "CI_DEFAULT_BRANCH": "main",
                  "CI_COMMIT_BRANCH": "main", "CI_COMMIT_REF_SLUG": "main"}
    env = dict(predefined)
    for key, value in list(own.get("variables", {}).items()) + list(job.get("variables", {}).items()):
        env[key] = expand(value, env)
    if env.get("GIT_DEPTH") != "0":
        fail("the pages job does not fetch the whole history (GIT_DEPTH: \"0\") for page dates")
    before = job.get("before_script", [])
    if not any("apt-get install" in line and "/tmp/quorum.deb" in line for line in before):
        fail("the pages job does not install the package it downloads")
    # The runner's packages (apt-get, the download of QUORUM_PACKAGE) are not run here.
    lines = [l for l in before if "apt-get" not in l and "quorum.deb" not in l] + job["script"]
    script = "\n".join(l.replace("/usr/share/quorum/ci/", CI + "/") for l in lines)
    code, said = ws.run(script, env)
    paths = [expand(p, env).rstrip("/") for p in job.get("artifacts", {}).get("paths", [])]
    cache = [expand(p, env).rstrip("/") for p in job.get("cache", {}).get("paths", [])]
    return code, said, paths, cache


def test_gitlab(root):
    ws = Workspace(root, "gitlab", broken=False)
    code, said, paths, cache = run_gitlab_pages_job(ws)
    if code != 0:
        fail("the GitLab pages job failed on the sample site", said)
    if paths != ["public"]:
        fail("the pages job's artifacts are %s; GitLab Pages publishes public/" % paths)
    if not ws.has_site("public"):
        fail("no public/index.html after the pages job", said)
    with open(os.path.join(ws.dir, "public", "sitemap.xml"), encoding="utf-8") as f:
        if PAGES_URL + "/" not in f.read():
            fail("the site was not built at $CI_PAGES_URL")
    for path in cache:
        if not os.path.exists(os.path.join(ws.dir, path)):
            fail("the pages job caches %s, which the build did not make" % path)

    ws = Workspace(root, "gitlab-broken", broken=True)
    code, said, _, _ = run_gitlab_pages_job(ws)
    if code != 1:
        fail("the pages job exited %d on a broken file, not 1" % code, said)
    named = re.findall(r"^%s:(\d+):\d+: error: .*bcf-plan" % re.escape(MEETING), said, re.M)
    if not any(int(line) in ws.broken_lines for line in named):
        fail("the pages job did not name %s line %s" % (MEETING, sorted(ws.broken_lines)), said)


def main():
    root = tempfile.mkdtemp(prefix="quorum-ci-workflows.")
    try:
        test_github(root)
        test_gitlab(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print("ci workflows test: ok")


if __name__ == "__main__":
    main()
