#!/bin/sh
# Installs what diwan needs to build, test, demo and benchmark on Debian 12.
# Runs apt-get as root, or through sudo when not root.
#
#   sh tools/install-deps.sh [--lemmas]
#
# --lemmas (or DIWAN_LEMMA_DEPS=1): also the morphological analysers that
# make eval-lemmas and the lemma tests of make test measure matching
# against (hspell, hunspell, hunspell-ar); optional, for developers: without
# them those are skipped with a message.
set -eu
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
LEMMAS="${DIWAN_LEMMA_DEPS:-0}"
for arg in "$@"; do
  case "$arg" in
    --lemmas) LEMMAS=1 ;;
    *) echo "usage: sh tools/install-deps.sh [--lemmas]" >&2; exit 2 ;;
  esac
done
PKGS="build-essential pkg-config libsqlite3-dev libicu-dev libstemmer-dev sqlite3 tcl libsqlite3-tcl python3 valgrind"
# The benchmark compares with dateparser; optional (make bench only).
if [ "${DIWAN_BENCH_DEPS:-1}" = "1" ]; then PKGS="$PKGS python3-dateparser"; fi
if [ "$LEMMAS" = "1" ]; then PKGS="$PKGS hspell hunspell hunspell-ar"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $PKGS
