#!/bin/sh
# Installs Debian's redis-sentinel for the Sentinel test
# (tests/redis/sentinel.test.ts starts its own sentinel through
# tests/helpers/redisSentinel.ts).
#
# Input:  none (runs as root, or through sudo -n when available).
# Output: /usr/bin/redis-sentinel; exit 0 when it is present afterwards, non-zero otherwise.
# Idempotent and quick when it is already there (scripts/apt-install.sh).
set -eu

SENTINEL=/usr/bin/redis-sentinel
if [ -x "$SENTINEL" ]; then
  exit 0
fi
"$(dirname "$0")/apt-install.sh" "$SENTINEL" redis-sentinel
# Debian starts the packaged sentinel where it can; the test runs one of its own on free ports, never that one.
if command -v service >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then service redis-sentinel stop >/dev/null 2>&1 || true; else sudo -n service redis-sentinel stop >/dev/null 2>&1 || true; fi
fi
