#!/usr/bin/env bash
# Installs the Micropub test server without root and without prompts: a
# Python virtual environment with django-indieweb from PyPI, and a template
# database (migrated, a user, bearer tokens) made from the small Django
# project in tests/servers/micropub/. Everything lives in a cache outside
# the repository; the tests (tests/servers/micropub_server.rs) copy the
# database and start the server from it.
#
#   tests/servers/micropub.sh [CACHE]    (default ~/.cache/byline-test-servers)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${1:-${BYLINE_TEST_SERVERS:-$HOME/.cache/byline-test-servers}}"
dest="$cache/micropub"
# The stamp names the versions, so changing them reinstalls.
versions="django-indieweb==0.6.2 Django==5.2.19"
stamp="$dest/.installed-1"
[ -e "$stamp" ] && exit 0

echo "Installing the Micropub test server into $dest"
python="$(command -v python3 || true)"
if [ -z "$python" ] || ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
  # Debian splits venv and ensurepip out of python3.
  sudo="$([ "$(id -u)" = 0 ] || echo sudo)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3 python3-venv
  python="$(command -v python3)"
fi
rm -rf "$dest"
mkdir -p "$dest"
"$python" -m venv "$dest/venv"
"$dest/venv/bin/pip" install -q --disable-pip-version-check --no-input $versions

mkdir -p "$dest/template"
export BYLINE_MP_DATA="$dest/template"
cd "$here/micropub"
"$dest/venv/bin/python" manage.py migrate -v 0
PYTHONPATH="$here/micropub" DJANGO_SETTINGS_MODULE=site_settings "$dest/venv/bin/python" seed.py
touch "$stamp"
echo "Micropub test server installed ($(du -sh "$dest" | cut -f1))"
