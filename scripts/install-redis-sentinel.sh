#!/bin/sh
# Installs Debian's redis-sentinel for the Sentinel test
# (tests/redis/sentinel.test.ts starts its own sentinel through
# tests/helpers/redisSentinel.ts).
#
# Input:  none (runs as root, or through sudo when available).
# Output: /usr/bin/redis-sentinel; exit 0 when it is present afterwards, non-zero otherwise.
#
# Idempotent and quick: when /usr/bin/redis-sentinel already exists it exits at
# once without touching apt. The package's own service is stopped again: the
# test runs a sentinel of its own on free ports, never the system one.
set -eu

SENTINEL=/usr/bin/redis-sentinel

if [ -x "$SENTINEL" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo -n"
else
  echo "install-redis-sentinel: $SENTINEL is missing and we are not root (no sudo either)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-redis-sentinel: $SENTINEL is missing and apt-get is not available (not Debian/Ubuntu?)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$AS_ROOT apt-get update -q
$AS_ROOT apt-get install -y -q --no-install-recommends redis-sentinel
# Debian starts the packaged sentinel where it can; the tests do not use it.
if command -v service >/dev/null 2>&1; then
  $AS_ROOT service redis-sentinel stop >/dev/null 2>&1 || true
fi

if [ ! -x "$SENTINEL" ]; then
  echo "install-redis-sentinel: apt-get finished but $SENTINEL is still missing" >&2
  exit 1
fi
