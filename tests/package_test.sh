#!/usr/bin/env bash
# Builds the Debian package with CPack from a configured build folder into a temporary folder,
# lists it with dpkg-deb, checks its Depends, installs it with dpkg -i (root only), runs the
# installed quorum (--version, a build of the sample site) and removes the package.
# Exit 77 (ctest: skipped) when the tools or root are missing. Usage: package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(realpath "$1")"
src="$(realpath "$2")"
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIPPED: $*"; exit 77; }
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || skip "$tool is missing (install cmake and dpkg-dev)"
done
tmp="$(mktemp -d "${TMPDIR:-/tmp}/quorum-package-test.XXXXXX")"
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then dpkg -r quorum >/dev/null 2>&1 || echo "warning: dpkg -r quorum failed" >&2; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

(cd "$tmp" && timeout 300 cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg") >"$tmp/cpack.log" 2>&1 \
  || { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }
debs=("$tmp"/pkg/quorum_*.deb)
[ -f "${debs[0]}" ] || fail "cpack made no quorum_*.deb"
deb="${debs[0]}"
echo "== $(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb -I "$deb"
dpkg-deb -c "$deb" | tee "$tmp/contents" | awk '{print $6}'

[ "$(dpkg-deb -f "$deb" Package)" = quorum ] || fail "package name"
version="$(dpkg-deb -f "$deb" Version)"
grep -q "project(quorum VERSION $version " "$src/CMakeLists.txt" || fail "version $version is not project()'s"
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libgit2 libcmark-gfm libyaml-cpp libgvc libc6; do
  grep -q "$lib" <<<"$depends" || fail "Depends does not name $lib: $depends"
done
for f in ./usr/bin/quorum ./usr/share/quorum/themes/default/templates/ ./usr/share/man/man1/quorum.1 \
         ./usr/share/bash-completion/completions/quorum ./usr/share/doc/quorum/README.md \
         ./usr/share/doc/quorum/CHANGELOG.md ./usr/share/quorum/ci/quorum-build.sh; do
  awk '{print $6}' "$tmp/contents" | grep -qx -- "$f" || fail "the package has no $f"
done

[ "$(id -u)" -eq 0 ] || skip "not root: the package was built and listed, but not installed (dpkg -i needs root)"
# One install at a time, across parallel test runs on this machine (the lock is released when
# this script exits, after the package is removed).
exec 9>/tmp/quorum-package-test.lock
flock -w 600 9 || fail "waited 10 minutes for another package test"
if dpkg-query -W -f='${Status}' quorum 2>/dev/null | grep -q "ok installed"; then
  skip "a quorum package is already installed on this machine; not replacing it"
fi
[ ! -e /usr/bin/quorum ] || skip "/usr/bin/quorum exists and is not from a package; not overwriting it"
installed=1
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
  if dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1; then break; fi
  # Another dpkg or apt on this machine holds the lock: wait for it, up to a minute.
  if [ "$attempt" -lt 12 ] && grep -qi "lock" "$tmp/dpkg.log"; then sleep 5; continue; fi
  cat "$tmp/dpkg.log"
  fail "dpkg -i (are the Depends installed?)"
done
/usr/bin/quorum --version | grep -q "^quorum $version (commit " || fail "installed --version: $(/usr/bin/quorum --version)"
export QUORUM_NO_SOURCE_THEMES=1
mkdir "$tmp/content-only"
cp -r "$src/content" "$src/site-config" "$tmp/content-only/"
for source in "$src" "$tmp/content-only"; do
  out="$tmp/site-$(basename "$source")"
  (cd "$tmp" && timeout 120 quorum build --source "$source" --working-tree --out "$out") >"$tmp/build.log" 2>&1 \
    || { cat "$tmp/build.log"; fail "the installed quorum did not build $source"; }
  [ -s "$out/index.html" ] && [ -s "$out/committees/index.html" ] || fail "no pages from $source"
  echo "== installed quorum: $(tail -1 "$tmp/build.log")"
done
bash -c 'source /usr/share/bash-completion/completions/quorum && complete -p quorum' | grep -q _quorum \
  || fail "the installed bash completion does not register"
dpkg -r quorum >/dev/null
installed=0
[ ! -e /usr/bin/quorum ] || fail "dpkg -r left /usr/bin/quorum"
echo "package test: ok"
