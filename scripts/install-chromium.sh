#!/bin/sh
# Installs Debian's chromium for the browser tests (Bull Board, the console,
# the docs page; driven through playwright-core, tests/helpers/chromium.ts).
#
# Input:  none (runs as root, or through sudo -n when available).
# Output: /usr/bin/chromium; exit 0 when it is present afterwards, non-zero otherwise.
# Idempotent and quick when it is already there (scripts/apt-install.sh).
set -eu
exec "$(dirname "$0")/apt-install.sh" /usr/bin/chromium chromium
