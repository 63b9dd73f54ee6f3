#!/usr/bin/env bash
# Installs the Quorum Debian package, with the libraries it depends on, in CI: the install
# step of the GitHub action. QUORUM_PACKAGE is a .deb's path or an http(s) URL (a release asset).
set -euo pipefail
package="${QUORUM_PACKAGE:?set QUORUM_PACKAGE to the path or URL of quorum_<version>_<arch>.deb}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
case "$package" in
  http://* | https://*)
    deb="$(mktemp -d)/quorum.deb"
    curl -fsSL --retry 3 -o "$deb" "$package" ;;
  *) deb="$(realpath "$package")" ;;
esac
$SUDO apt-get update -qq
# apt-get (not dpkg -i) so the Depends (libgit2, libcmark-gfm, libyaml-cpp, libgvc...) come too.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
quorum --version
