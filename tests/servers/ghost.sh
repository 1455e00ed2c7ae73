#!/usr/bin/env bash
# Installs a Ghost 5 test server without root and without prompts, from the
# npm registry: Ghost 5.130 (Ghost 6 needs a newer Node than Debian 12 ships),
# which runs on SQLite in development mode. It goes into a cache outside the
# repository, which the tests (tests/servers/ghost_server.rs) start servers
# from, each with its own content folder, and stop again.
#
#   tests/servers/ghost.sh [CACHE]    (default ~/.cache/byline-test-servers)
set -euo pipefail

version="5.130.6"
cache="${1:-${BYLINE_TEST_SERVERS:-$HOME/.cache/byline-test-servers}}"
dest="$cache/ghost"
stamp="$dest/.installed-$version"
[ -e "$stamp" ] && exit 0

command -v npm >/dev/null || { echo "ghost.sh: npm is missing (install Node.js 20 and npm)" >&2; exit 1; }
echo "Installing the Ghost $version test server into $dest (takes about 6 minutes, once)"
rm -rf "$dest"
mkdir -p "$dest"
cd "$dest"
# `npm install ghost` fails on the package's own file:components/*.tgz, so
# unpack the published tarball and install its dependencies in place.
npm pack --silent "ghost@$version" >/dev/null
tar -xzf "ghost-$version.tgz"
rm "ghost-$version.tgz"
cd package
# One devDependency is a git dependency on a host that may be unreachable;
# the server needs none of them.
npm pkg delete devDependencies
# The prebuilt re2/sqlite3 binaries are fetched from GitHub, which may be
# unreachable; building them needs Node's headers, which Debian keeps in /usr.
npm_config_nodedir=/usr npm install --omit=dev --legacy-peer-deps \
  --no-audit --no-fund --loglevel=error
touch "$stamp"
echo "Ghost test server installed ($(du -sh "$dest" | cut -f1))"
