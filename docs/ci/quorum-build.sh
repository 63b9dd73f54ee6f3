#!/usr/bin/env bash
# Builds a Quorum site in CI: the build step of the GitHub action (quorum-action/action.yml)
# and of the GitLab CI template (gitlab-quorum.yml), tested by tests/ci_templates_test.sh.
# Installed with the package as /usr/share/quorum/ci/quorum-build.sh.
#
# Inputs, from the environment:
#   QUORUM_SOURCE        content repository (default: .)
#   QUORUM_REF           commit, branch or tag to build (default: HEAD when clean, see README)
#   QUORUM_BASE_URL      public address of the site, overriding site.yaml (default: site.yaml's)
#   QUORUM_OUT           where the site goes (default: public)
#   QUORUM_WORKING_TREE  "true" to build the files on disk, uncommitted changes included
#   QUORUM_BIN           the quorum executable (default: quorum on PATH)
set -euo pipefail

bin="${QUORUM_BIN:-quorum}"
source_dir="${QUORUM_SOURCE:-.}"
out="${QUORUM_OUT:-public}"
args=(build --source "$source_dir" --out "$out")
if [ -n "${QUORUM_REF:-}" ]; then args+=(--ref "$QUORUM_REF"); fi
if [ -n "${QUORUM_BASE_URL:-}" ]; then args+=(--base-url "$QUORUM_BASE_URL"); fi
case "${QUORUM_WORKING_TREE:-false}" in
  true | 1 | yes) args+=(--working-tree) ;;
  false | 0 | no | "") ;;
  *) echo "quorum-build.sh: QUORUM_WORKING_TREE must be true or false, not '$QUORUM_WORKING_TREE'" >&2; exit 2 ;;
esac

# Page histories come from git: a shallow clone would date every page from its last commit.
if git -C "$source_dir" rev-parse --is-shallow-repository 2>/dev/null | grep -qx true; then
  echo "quorum-build.sh: warning: $source_dir is a shallow clone; fetch the full history" \
       "(actions/checkout: fetch-depth: 0; GitLab: GIT_DEPTH: 0) for correct page dates" >&2
fi

"$bin" --version
"$bin" "${args[@]}"
