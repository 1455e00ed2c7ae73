#!/usr/bin/env bash
# Installs a WordPress test server without root and without prompts, from
# Debian's own packages: WordPress 6.1, PHP 8.2 (CLI and its built-in web
# server), MariaDB 10.11. Nothing is installed system-wide: the packages are
# unpacked into a cache outside the repository, which the tests
# (tests/cli/wordpress_server.rs) start servers from and stop again.
#
#   tests/servers/wordpress.sh [CACHE]    (default ~/.cache/byline-test-servers)
set -euo pipefail

cache="${1:-${BYLINE_TEST_SERVERS:-$HOME/.cache/byline-test-servers}}"
dest="$cache/wordpress"
stamp="$dest/.installed-1"
[ -e "$stamp" ] && exit 0

echo "Installing the WordPress test server into $dest"
rm -rf "$dest"
mkdir -p "$dest/debs" "$dest/root"
cd "$dest/debs"
apt-get download -qq \
  php8.2-cli php8.2-common php8.2-mysql php8.2-readline \
  wordpress php-getid3 mariadb-server-core mariadb-client-core 2>/dev/null \
  || { apt-get update -qq >/dev/null 2>&1 || true; apt-get download -qq \
  php8.2-cli php8.2-common php8.2-mysql php8.2-readline \
  wordpress php-getid3 mariadb-server-core mariadb-client-core; }
for deb in *.deb; do dpkg-deb -x "$deb" "$dest/root"; done
rm -rf "$dest/debs"

# The site's files: Debian's WordPress with a wp-config.php of our own
# (Debian's reads /etc/wordpress/config-HOST.php), reading its database
# socket from the environment so every test server has its own database.
www="$dest/www"
cp -a "$dest/root/usr/share/wordpress" "$www"
rm -f "$www/wp-config.php"
# Debian links some of WordPress's libraries to other packages' files
# (getID3, for media); point the links at the unpacked copies.
find "$www" -xtype l | while read -r link; do
  target="$(readlink "$link")"
  case "$target" in /*) [ -e "$dest/root$target" ] && ln -sfn "$dest/root$target" "$link" ;; esac
done
cat > "$www/wp-config.php" <<'PHP'
<?php
// Byline's test server: one database per test, its socket from the
// environment; application passwords need 'local' over plain http.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . getenv('BYLINE_WP_SOCKET'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_ENVIRONMENT_TYPE', 'local');
define('AUTH_KEY', 'byline-test'); define('SECURE_AUTH_KEY', 'byline-test');
define('LOGGED_IN_KEY', 'byline-test'); define('NONCE_KEY', 'byline-test');
define('AUTH_SALT', 'byline-test'); define('SECURE_AUTH_SALT', 'byline-test');
define('LOGGED_IN_SALT', 'byline-test'); define('NONCE_SALT', 'byline-test');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

# Installs the site and mints an application password for its admin.
cat > "$dest/setup.php" <<'PHP'
<?php
// php setup.php HOST:PORT — installs WordPress into the empty database and
// prints an application password for the admin (user "admin").
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = $argv[1];
$_SERVER['REQUEST_URI'] = '/';
require getenv('BYLINE_WP_WWW') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$installed = wp_install('Byline Test', 'admin', 'admin@example.com', true, '', 'adminpass');
update_option('siteurl', 'http://' . $argv[1]);
update_option('home', 'http://' . $argv[1]);
$created = WP_Application_Passwords::create_new_application_password(
    $installed['user_id'], array('name' => 'byline-test'));
if (is_wp_error($created)) { fwrite(STDERR, $created->get_error_message() . "\n"); exit(1); }
echo $created[0], "\n";
PHP
touch "$stamp"
echo "WordPress test server installed ($(du -sh "$dest" | cut -f1))"
