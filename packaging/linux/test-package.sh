#!/usr/bin/env bash
# Checks the packages `make package` built, installs the .deb on this
# machine, uses the installed app as a writer would, then purges it and
# checks that nothing but the writer's library is left.
#
#   packaging/linux/test-package.sh BUNDLE_DIR [--measure]
#
# Run by `make test-package` (CI, as root) and `make bench-package`
# (--measure: the installed app's cold start against the debug build's).
# Needs root or sudo ($SUDO); the window tests run under Xvfb when there is
# no display.
set -euo pipefail
cd "$(dirname "$0")/../.."

bundle_dir=${1:?usage: test-package.sh BUNDLE_DIR [--measure]}
mode=${2:-test}
SUDO=${SUDO:-}
export DEBIAN_FRONTEND=noninteractive

with_display() {
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1400x900x24" "$@"; fi
}
fail() { echo "test-package: $*" >&2; exit 1; }
step() { echo "== $*"; }

shopt -s nullglob
debs=("$bundle_dir"/deb/*.deb)
rpms=("$bundle_dir"/rpm/*.rpm)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one .deb in $bundle_dir/deb, found ${#debs[@]}"
[ ${#rpms[@]} -eq 1 ] || fail "expected one .rpm in $bundle_dir/rpm, found ${#rpms[@]}"
deb=${debs[0]}
rpm=${rpms[0]}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  # Never leave the package behind when a check fails halfway.
  if dpkg-query -W -f='${Status}' byline 2>/dev/null | grep -q installed; then
    $SUDO dpkg --purge byline >/dev/null || true
  fi
}
trap cleanup EXIT

# What both packages must install (the .deb's paths; the .rpm differs only
# in where zsh looks).
icons=()
for size in 16 24 32 48 64 128 256 512; do
  icons+=("/usr/share/icons/hicolor/${size}x${size}/apps/byline.png")
done
expected=(
  /usr/bin/byline
  /usr/share/applications/Byline.desktop
  /usr/share/mime/packages/byline.xml
  /usr/share/man/man1/byline.1.gz
  /usr/share/bash-completion/completions/byline
  /usr/share/fish/vendor_completions.d/byline.fish
  "${icons[@]}"
)

if [ "$mode" = test ]; then
  step "metadata of $deb"
  info=$(dpkg-deb -I "$deb")
  echo "$info" | sed -n '/Package:/,$p'
  field() { echo "$info" | sed -n "s/^ $1: //p"; }
  [ "$(field Package)" = byline ] || fail "package name is $(field Package), not byline"
  [ "$(field Version)" = "$version" ] || fail "version $(field Version) is not Cargo.toml's $version"
  [ "$(field Architecture)" = amd64 ] || fail "architecture $(field Architecture)"
  depends=$(field Depends)
  for dep in libwebkit2gtk-4.1-0 libgtk-3-0 libsoup-3.0-0 libjavascriptcoregtk-4.1-0; do
    echo "$depends" | grep -qw -- "$dep" || fail "Depends lacks $dep: $depends"
  done
  echo "$depends" | grep -q -- '-dev' && fail "Depends names a -dev package: $depends"
  [ "$(field Installed-Size)" -gt 1000 ] || fail "Installed-Size $(field Installed-Size) KiB is too small"

  step "files of $deb"
  listing=$(dpkg-deb -c "$deb")
  for path in "${expected[@]}" /usr/share/zsh/vendor-completions/_byline; do
    echo "$listing" | grep -qE " (\./)?${path#/}\$" || fail "the .deb lacks $path"
  done
  # Nothing empty (a generated file that failed would be).
  echo "$listing" | awk '$1 !~ /^d/ && $3 == 0 {print $NF}' | grep . && fail "empty files in the .deb"

  step "the packaged binary and files"
  dpkg-deb -x "$deb" "$work/root"
  bin="$work/root/usr/bin/byline"
  file "$bin" | grep -q ', stripped' || fail "the binary is not stripped: $(file "$bin")"
  # The UI is embedded: the built page's script is inside the binary.
  script=$(basename "$(ls ui/dist/assets/index-*.js | head -1)")
  grep -qa "$script" "$bin" || fail "the binary does not embed ui/dist ($script)"
  [ "$("$bin" --version)" = "byline $version" ] || fail "--version says $("$bin" --version)"
  desktop-file-validate "$work/root/usr/share/applications/Byline.desktop"
  grep -q '^Exec=byline %f$' "$work/root/usr/share/applications/Byline.desktop" || fail "Exec does not open a file"
  grep -q '^MimeType=application/x-byline-library;$' "$work/root/usr/share/applications/Byline.desktop" || fail "no MimeType"
  for size in 16 24 32 48 64 128 256 512; do
    file "$work/root/usr/share/icons/hicolor/${size}x${size}/apps/byline.png" | grep -q "$size x $size" \
      || fail "the ${size}x${size} icon is not that size"
  done
  zcat "$work/root/usr/share/man/man1/byline.1.gz" | grep -q '^\.SH "BYLINE LIST"' || fail "the man page lacks its command sections"

  step "metadata of $rpm"
  rpm -qip "$rpm"
  requires=$(rpm -qp --requires "$rpm" 2>/dev/null)
  # Tauri names WebKitGTK and GTK by their sonames, which every RPM
  # distribution resolves.
  for dep in 'libwebkit2gtk-4.1.so.0()(64bit)' 'libgtk-3.so.0()(64bit)' libsoup3 javascriptcoregtk4.1; do
    echo "$requires" | grep -qxF -- "$dep" || fail "the .rpm does not require $dep: $requires"
  done
  echo "$requires" | grep -q -- '-devel' && fail "the .rpm requires a -devel package"
  rpm_files=$(rpm -qlp "$rpm" 2>/dev/null)
  for path in "${expected[@]}" /usr/share/zsh/site-functions/_byline; do
    echo "$rpm_files" | grep -qx -- "$path" || fail "the .rpm lacks $path"
  done
fi

step "install $deb"
if dpkg-query -W -f='${Status}' byline 2>/dev/null | grep -q installed; then
  fail "byline is already installed; remove it first (dpkg --purge byline)"
fi
$SUDO dpkg -i "$deb" || $SUDO apt-get install -f -y -qq
dpkg-query -W -f='${Status}' byline | grep -q 'install ok installed' || fail "byline did not install"
installed_files=$(dpkg -L byline)

if [ "$mode" = --measure ]; then
  step "cold start: installed against debug"
  BYLINE_APP_BINARY=/usr/bin/byline with_display cargo test --test package_start -- --ignored --nocapture --test-threads=1
  exit 0
fi

step "the installed app"
[ "$(command -v byline)" = /usr/bin/byline ] || fail "byline on PATH is $(command -v byline)"
[ "$(/usr/bin/byline --version)" = "byline $version" ] || fail "--version"
/usr/bin/byline --help | grep -q 'Usage: byline' || fail "--help"
if grep -qs 'path-exclude=/usr/share/man' /etc/dpkg/dpkg.cfg.d/*; then
  echo "skipped man -w: this machine's dpkg leaves out /usr/share/man"
else
  [ "$(man -w byline)" = /usr/share/man/man1/byline.1.gz ] || fail "man -w byline says $(man -w byline)"
fi
# The packages' triggers registered the MIME type and the desktop entry
# for it: double-clicking a .byline file opens Byline.
[ -f /usr/share/mime/application/x-byline-library.xml ] || fail "the MIME database lacks application/x-byline-library"
grep -q '^application/x-byline-library=Byline.desktop' /usr/share/applications/mimeinfo.cache \
  || fail "the desktop database does not open .byline files with Byline"
bash -c 'source /usr/share/bash-completion/completions/byline && complete -p byline' >/dev/null \
  || fail "the bash completion does not load"

# A writer's library, made by the installed CLI where it keeps it by default.
mkdir -p "$work/home"
HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" /usr/bin/byline new --title "Kept after removal" >/dev/null
user_library="$work/home/.local/share/byline/library.byline"
[ -f "$user_library" ] || fail "the library is not at $user_library"

step "the installed window (WebDriver)"
BYLINE_APP_BINARY=/usr/bin/byline with_display cargo test --test e2e_install -- --ignored --test-threads=1

step "purge"
$SUDO dpkg --purge byline
dpkg-query -W -f='${Status}' byline 2>/dev/null | grep -q installed && fail "byline is still installed"
[ ! -e /usr/bin/byline ] || fail "/usr/bin/byline is left"
while read -r path; do
  # Directories are shared with other packages; files must all be gone.
  [ -d "$path" ] && continue
  [ ! -e "$path" ] || fail "$path is left after purge"
done <<<"$installed_files"
[ ! -e /usr/share/mime/application/x-byline-library.xml ] || fail "the MIME type is left registered"
grep -q 'x-byline-library' /usr/share/applications/mimeinfo.cache && fail "the desktop database still names Byline"
[ -f "$user_library" ] || fail "purging removed the writer's library"
# Read back with the release binary the package was made from.
"$bundle_dir/../byline" --library "$user_library" list | grep -q 'Kept after removal' \
  || fail "the writer's library lost its article"
echo "test-package: all checks passed"
