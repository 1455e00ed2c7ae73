# Byline. `make run` and `make test` install what is missing on Debian/Ubuntu
# (apt packages, npm packages, tauri-driver) without prompting, then do their job.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# What Tauri needs to build on Linux, and what the end-to-end tests drive it with
# (x11-utils: xwininfo reads the window's title when WebDriver cannot).
APT_BUILD := build-essential pkg-config file libwebkit2gtk-4.1-dev libsoup-3.0-dev \
             libjavascriptcoregtk-4.1-dev librsvg2-dev libxdo-dev
APT_E2E   := xvfb xauth webkit2gtk-driver x11-utils
# Spell checking: WebKitGTK checks with Enchant (hunspell's dictionaries);
# the tests ask enchant-2 which words a dictionary flags.
APT_SPELL := enchant-2 hunspell-en-us hunspell-en-gb
# Publishing secrets live in the Secret Service; the tests run GNOME Keyring
# on a private session bus and read it back with secret-tool.
APT_KEYRING := gnome-keyring dbus-daemon libsecret-tools
SUDO      := $(if $(filter 0,$(shell id -u)),,sudo)
export PATH := $(HOME)/.cargo/bin:$(PATH)

HAS_DISPLAY := $(or $(DISPLAY),$(WAYLAND_DISPLAY))
# Tests that open the real window run under a virtual display when there is none.
WITH_DISPLAY := $(if $(HAS_DISPLAY),,xvfb-run -a -s "-screen 0 1400x900x24")
BYLINE_ARGS := $(if $(LIBRARY),--library "$(LIBRARY)")
# Every end-to-end test file (tests/e2e*.rs), so a new one is never left out.
E2E_TESTS := $(patsubst tests/%.rs,--test %,$(sort $(wildcard tests/e2e*.rs)))

.PHONY: help run test bench build ui ui-deps deps deps-build deps-e2e test-servers bindings fmt clean \
        package package-files deps-package test-package bench-package

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

run: build ## Build and open Byline (LIBRARY=path to use another library)
	@if [ -z "$(HAS_DISPLAY)" ]; then \
	  echo "make run: no display (DISPLAY and WAYLAND_DISPLAY are unset); Byline opens a window, so run it in a desktop session, or headless under Xvfb: xvfb-run -a make run" >&2; \
	  exit 1; \
	fi
	./target/debug/byline $(BYLINE_ARGS)

test: deps-build deps-e2e ui-deps test-servers ## Install what is missing, then run every test
	cd ui && npm run check && npm test && npm run build
	cargo test --workspace
	cargo test --test publish_wordpress -- --ignored --test-threads=1 --skip measure
	cargo test --test publish_micropub -- --ignored --test-threads=1 --skip measure
	cargo test --test publish_ghost -- --ignored --test-threads=1 --skip measure
	$(WITH_DISPLAY) cargo test $(E2E_TESTS) -- --ignored --test-threads=1

# Real publishing servers for the tests, unpacked from Debian's packages
# into ~/.cache/byline-test-servers (no root, no prompts; once); Ghost from
# the npm registry (about 6 minutes the first time).
test-servers:
	tests/servers/wordpress.sh
	tests/servers/micropub.sh
	tests/servers/ghost.sh

bench: deps-build deps-e2e ui ## Run the benchmarks and print the figures BENCHMARKS.md records
	cargo bench -p byline-core --bench render -- --noplot
	cargo bench -p byline-core --bench search
	cargo bench -p byline-core --bench revisions -- --noplot
	cargo test -p byline-core --lib growth_tests -- --nocapture
	cargo bench -p byline-core --bench import_export
	cargo bench -p byline-core --bench backups
	cargo bench -p byline-core --bench import_blog -- --noplot
	cargo bench -p byline-core --bench durability -- --noplot
	cargo bench -p byline-core --bench checks -- --noplot
	$(WITH_DISPLAY) cargo bench --bench app_typing
	cargo build --release --example minimal_window
	$(WITH_DISPLAY) cargo bench --bench cold_start

build: deps-build ui ## Build the UI and the app
	cargo build

ui: ui-deps
	cd ui && npm run build

bindings: ## Regenerate ui/src/lib/bindings.ts from the Rust IPC types
	UPDATE_BINDINGS=1 cargo test --bin byline typescript_bindings

fmt: ## Format the Rust code
	cargo fmt --all

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules

deps: deps-build deps-e2e ui-deps ## Install everything the build and the tests need

deps-build:
	@$(call apt_install,$(APT_BUILD) $(APT_SPELL) $(APT_KEYRING))

deps-e2e:
	@$(call apt_install,$(APT_E2E))
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked

ui-deps: ui/node_modules/.install-stamp

ui/node_modules/.install-stamp: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

# Packages (.deb and .rpm) with Tauri's bundler. Its CLI is the npm package
# @tauri-apps/cli (a devDependency of ui/, same minor version as the tauri
# crate), which ships a prebuilt binary: `cargo install tauri-cli` would
# compile ~600 crates, longer than the rest of CI's packaging on two cores.
# packaging/linux/bundle.json is merged over tauri.conf.json for the bundle
# only; it names the files below, which the release binary itself writes
# (man page and completions, from the same clap definitions as the CLI).
TARGET_DIR  := $(or $(CARGO_TARGET_DIR),target)
RELEASE_BIN := $(TARGET_DIR)/release/byline
BUNDLE_DIR  := $(TARGET_DIR)/release/bundle
PKG_FILES   := packaging/linux/generated
# Checking packages: dpkg-deb is there; rpm reads the .rpm, man-db answers
# `man -w`, desktop-file-utils validates the desktop entry.
APT_PACKAGE := rpm man-db desktop-file-utils shared-mime-info

package: deps-build ui ## Build the release .deb and .rpm (in target/release/bundle)
	@start=$$(date +%s); cargo build --release; \
	  echo "release build: $$(( $$(date +%s) - start )) s"
	$(MAKE) package-files
	ui/node_modules/.bin/tauri bundle --ci --bundles deb,rpm --config packaging/linux/bundle.json
	@ls -l $(BUNDLE_DIR)/deb/*.deb $(BUNDLE_DIR)/rpm/*.rpm

package-files:
	mkdir -p $(PKG_FILES)
	$(RELEASE_BIN) man | gzip -9n > $(PKG_FILES)/byline.1.gz
	$(RELEASE_BIN) completions bash > $(PKG_FILES)/byline.bash
	$(RELEASE_BIN) completions zsh > $(PKG_FILES)/_byline
	$(RELEASE_BIN) completions fish > $(PKG_FILES)/byline.fish

deps-package:
	@$(call apt_install,$(APT_PACKAGE))

# Installs the .deb on this machine (root, or sudo), checks it, drives the
# installed app, then purges it. CI runs it after `make test`.
test-package: package deps-package deps-e2e ## Build the packages, then install, check and remove the .deb
	SUDO='$(SUDO)' packaging/linux/test-package.sh $(BUNDLE_DIR)

# The installed app's cold start against the debug build's (BENCHMARKS.md).
bench-package: package deps-package deps-e2e ## Cold start of the installed app against the debug build
	SUDO='$(SUDO)' packaging/linux/test-package.sh $(BUNDLE_DIR) --measure

# Installs the named Debian packages that are not installed yet.
define apt_install
missing=""; \
for p in $(1); do \
  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "Installing system packages:$$missing"; \
  $(SUDO) apt-get update -qq; \
  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
fi
endef
