#!/bin/sh
# Installs what diwan needs to build, test, demo and benchmark on Debian 12.
# Runs apt-get as root, or through sudo when not root.
set -eu
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
PKGS="build-essential pkg-config libsqlite3-dev libicu-dev libstemmer-dev sqlite3 tcl libsqlite3-tcl python3 valgrind"
# The benchmark compares with dateparser; optional (make bench only).
if [ "${DIWAN_BENCH_DEPS:-1}" = "1" ]; then PKGS="$PKGS python3-dateparser"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $PKGS
