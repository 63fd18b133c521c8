#!/bin/sh
# Installs promtool, Prometheus's checker, for the test that runs
# `promtool check metrics` over a real GET /metrics scrape
# (tests/metrics/promtool.test.ts).
#
# Input:  none (runs as root, or through sudo -n when available).
# Output: the path of promtool on stdout; exit 0 when it is present afterwards,
#         non-zero otherwise.
#
# Idempotent and quick: when promtool is already on PATH (or was put in
# /usr/local/bin by an earlier run) it prints that path at once without
# touching apt.
#
# promtool ships in Debian's `prometheus` package. Installing that package
# would also register, and on a systemd machine enable and start, a Prometheus
# server on port 9090 with its own system user; a test run must not leave a
# daemon behind. So the script fetches the package with apt-get download and
# copies only /usr/bin/promtool out of it (a static Go binary, no
# dependencies).
set -eu

TARGET=/usr/local/bin/promtool

if FOUND=$(command -v promtool 2>/dev/null); then
  echo "$FOUND"
  exit 0
fi
if [ -x "$TARGET" ]; then
  echo "$TARGET"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo -n"
else
  echo "install-promtool: promtool is missing and we are not root (no sudo either)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "install-promtool: promtool is missing and apt-get/dpkg-deb are not available (not Debian/Ubuntu?)" >&2
  exit 1
fi

WORK=$(mktemp -d)
trap '$AS_ROOT rm -rf "$WORK"' EXIT
chmod 0755 "$WORK"
mkdir "$WORK/deb"
# apt-get download drops to the _apt user, which must be able to write the file.
if id _apt >/dev/null 2>&1; then $AS_ROOT chown _apt "$WORK/deb"; fi

export DEBIAN_FRONTEND=noninteractive
$AS_ROOT apt-get update -q >&2
(cd "$WORK/deb" && $AS_ROOT apt-get download -q prometheus >&2)
dpkg-deb --fsys-tarfile "$WORK"/deb/prometheus_*.deb | tar -x -C "$WORK" ./usr/bin/promtool
$AS_ROOT install -m 0755 "$WORK/usr/bin/promtool" "$TARGET"

if [ ! -x "$TARGET" ]; then
  echo "install-promtool: the download finished but $TARGET is still missing" >&2
  exit 1
fi
echo "$TARGET"
