#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, move the prefix, and build the sample site with
# the moved executable: the installed copy finds its theme from its own location and does not
# depend on the source tree (QUORUM_NO_SOURCE_THEMES=1 turns off the compile-time fallback).
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(realpath "$1")"
src="$(realpath "$2")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/quorum-install-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in bin/quorum share/quorum/themes/default/templates share/quorum/themes/default/assets \
         share/doc/quorum/README.md share/doc/quorum/CHANGELOG.md share/doc/quorum/content-model.md \
         share/doc/quorum/release.md share/man/man1/quorum.1 share/bash-completion/completions/quorum \
         share/quorum/ci/quorum-build.sh share/quorum/ci/quorum-action/action.yml share/quorum/ci/gitlab-quorum.yml; do
  [ -e "$tmp/prefix/$f" ] || fail "the install has no $f"
done
[ -x "$tmp/prefix/share/quorum/ci/quorum-build.sh" ] || fail "quorum-build.sh is not executable when installed"

mv "$tmp/prefix" "$tmp/moved"
quorum="$tmp/moved/bin/quorum"
export QUORUM_NO_SOURCE_THEMES=1
"$quorum" --version | grep -Eq '^quorum [0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]+|unknown\)' \
  || fail "unexpected --version: $("$quorum" --version)"

check_site() {
  for page in index.html committees/index.html people/index.html feed.xml sitemap.xml; do
    [ -s "$1/$page" ] || fail "the site built by the moved executable has no $page"
  done
  [ "$(find "$1" -name '*.html' | wc -l)" -ge 50 ] || fail "fewer than 50 pages in $1"
}

# The sample site, as the brief's command line builds it.
"$quorum" build --source "$src" --working-tree --out "$tmp/site" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "build of the sample site"; }
check_site "$tmp/site"

# The sample repository carries themes/default itself; a copy of its content without themes/
# must take the default theme from the moved prefix.
mkdir "$tmp/content-only"
cp -r "$src/content" "$src/site-config" "$tmp/content-only/"
# Run by name from PATH, as users do: argv[0] is then just "quorum" and cannot lead to the prefix.
(cd "$tmp" && PATH="$tmp/moved/bin:$PATH" quorum build --source content-only --out site2) >"$tmp/log" 2>&1 \
  || { cat "$tmp/log"; fail "build without themes/ in the content, quorum run from PATH"; }
check_site "$tmp/site2"

# And without the prefix's themes (and the source fallback off) it must fail, saying why.
mv "$tmp/moved/share/quorum/themes" "$tmp/themes-away"
if "$quorum" build --source "$tmp/content-only" --out "$tmp/site3" >"$tmp/log" 2>&1; then
  fail "built without any theme: the executable found one outside its prefix"
fi
grep -q "theme 'default' was not found" "$tmp/log" || { cat "$tmp/log"; fail "no 'theme not found' error"; }
echo "install test: ok"
