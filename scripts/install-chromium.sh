#!/bin/sh
# Installs Debian's chromium for the Bull Board browser test
# (tests/board/board.browser.test.ts drives it through playwright-core).
#
# Input:  none (runs as root, or through sudo when available).
# Output: /usr/bin/chromium; exit 0 when it is present afterwards, non-zero otherwise.
#
# Idempotent and quick: when /usr/bin/chromium already exists it exits at once
# without touching apt.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo -n"
else
  echo "install-chromium: $CHROMIUM is missing and we are not root (no sudo either)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $CHROMIUM is missing and apt-get is not available (not Debian/Ubuntu?)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$AS_ROOT apt-get update -q
$AS_ROOT apt-get install -y -q --no-install-recommends chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
