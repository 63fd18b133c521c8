#!/bin/sh
# Installs one Debian package for a test that needs a program of it
# (scripts/install-chromium.sh and scripts/install-redis-sentinel.sh call it).
#
# Input:  $1 the program's path (e.g. /usr/bin/chromium), $2 the package that
#         ships it; runs as root, or through sudo -n when available.
# Output: exit 0 when the program is present afterwards, non-zero otherwise.
#
# Idempotent and quick: when the program already exists it exits at once
# without touching apt.
set -eu

PROGRAM=$1
PACKAGE=$2
NAME=$(basename "$0")

if [ -x "$PROGRAM" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo -n"
else
  echo "$NAME: $PROGRAM is missing and we are not root (no sudo either)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "$NAME: $PROGRAM is missing and apt-get is not available (not Debian/Ubuntu?)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$AS_ROOT apt-get update -q
$AS_ROOT apt-get install -y -q --no-install-recommends "$PACKAGE"

if [ ! -x "$PROGRAM" ]; then
  echo "$NAME: apt-get finished but $PROGRAM is still missing" >&2
  exit 1
fi
