#!/usr/bin/env bash
# The build step shared by the GitHub action (docs/ci/quorum-action/action.yml) and the GitLab
# template (docs/ci/gitlab-quorum.yml) is docs/ci/quorum-build.sh: run it against the sample
# site the way each passes its inputs, and check both templates still call it with every input.
# Usage: ci_templates_test.sh QUORUM_BINARY SOURCE_DIR
set -euo pipefail
quorum="$(realpath "$1")"
src="$(realpath "$2")"
ci="$src/docs/ci"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/quorum-ci-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
run_step() { env -i PATH="$PATH" HOME="${HOME:-/tmp}" QUORUM_BIN="$quorum" "$@" bash "$ci/quorum-build.sh"; }

# The templates: every input reaches the script through its environment variable.
action="$ci/quorum-action/action.yml"
for input in source ref base-url out working-tree package; do
  grep -Eq "^  $input:$" "$action" || fail "action.yml has no input $input"
done
for pair in "QUORUM_SOURCE: \${{ inputs.source }}" "QUORUM_REF: \${{ inputs.ref }}" \
            "QUORUM_BASE_URL: \${{ inputs.base-url }}" "QUORUM_OUT: \${{ inputs.out }}" \
            "QUORUM_WORKING_TREE: \${{ inputs.working-tree }}" "QUORUM_PACKAGE: \${{ inputs.package }}"; do
  grep -qF "$pair" "$action" || fail "action.yml does not pass $pair"
done
grep -qF 'run: bash "$GITHUB_ACTION_PATH/../quorum-build.sh"' "$action" || fail "action.yml does not run quorum-build.sh"
grep -qF 'run: bash "$GITHUB_ACTION_PATH/../quorum-install.sh"' "$action" || fail "action.yml does not run quorum-install.sh"
gitlab="$ci/gitlab-quorum.yml"
for var in QUORUM_PACKAGE QUORUM_SOURCE QUORUM_REF QUORUM_BASE_URL QUORUM_OUT QUORUM_WORKING_TREE; do
  grep -Eq "^    $var: " "$gitlab" || fail "gitlab-quorum.yml does not declare $var"
done
grep -qF -- "- bash /usr/share/quorum/ci/quorum-build.sh" "$gitlab" || fail "gitlab-quorum.yml does not run quorum-build.sh"
bash -n "$ci/quorum-build.sh" && bash -n "$ci/quorum-install.sh" || fail "a CI script is not valid bash"
# No tabs (YAML forbids them for indentation).
! grep -qP '\t' "$action" "$gitlab" || fail "a tab in a CI template"

# A preview build of the working tree with another base URL, as a pull-request job would run it.
run_step QUORUM_SOURCE="$src" QUORUM_OUT="$tmp/preview" QUORUM_BASE_URL="https://preview.example.org/pr-7/" \
  QUORUM_WORKING_TREE=true >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "the working-tree build step"; }
grep -q "^quorum [0-9]" "$tmp/log" || fail "the step did not print the version"
[ -s "$tmp/preview/index.html" ] && [ -s "$tmp/preview/committees/index.html" ] || fail "no pages from the build step"
grep -q "https://preview.example.org/pr-7/" "$tmp/preview/sitemap.xml" || fail "QUORUM_BASE_URL did not reach the build"

# A build of one commit, as a release job would run it, from inside the repository (source defaults to .).
git -C "$src" rev-parse --verify -q HEAD >/dev/null || fail "the source is not a git repository with commits"
(cd "$src" && run_step QUORUM_REF=HEAD QUORUM_OUT="$tmp/release") >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "the --ref build step"; }
grep -q "^Reading commit .* (HEAD)" "$tmp/log" || { cat "$tmp/log"; fail "QUORUM_REF did not reach the build"; }
[ -s "$tmp/release/index.html" ] || fail "no pages from the --ref build step"

# A wrong input is a usage error, before anything is built.
set +e
run_step QUORUM_SOURCE="$src" QUORUM_OUT="$tmp/bad" QUORUM_WORKING_TREE=maybe >"$tmp/log" 2>&1
code=$?
set -e
[ "$code" = 2 ] || fail "QUORUM_WORKING_TREE=maybe exited $code, not 2"
[ ! -e "$tmp/bad" ] || fail "a usage error wrote a site"
echo "ci templates test: ok"
