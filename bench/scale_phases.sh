#!/bin/sh
# bench/scale_phases.sh DB [BATCH [SQL]]
# Where extraction's CPU goes: runs sql/extract_batch.sql as one worker
# (BATCH documents per batch, default 2000, a 64 MiB page cache as
# tools/diwan-extract) on a copy of DB (a database whose documents are
# imported and pending, e.g. from make bench-scale before its extract), with
# the sqlite3 shell's .timer, and prints the user+sys CPU seconds of each
# statement of the file summed over all batches. SQL runs first (e.g.
# "DROP INDEX doc_entities_id;" to see what an index costs). The copy is
# DB.phases, deleted at the end. Environment: SQLITE3, DIWAN_SO.
set -eu
[ $# -ge 1 ] && [ $# -le 3 ] || { echo "usage: bench/scale_phases.sh DB [BATCH [SQL]]" >&2; exit 2; }
db=$1; batch=${2:-2000}; pre=${3:-}
[ -f "$db" ] || { echo "scale_phases: no database $db" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
so=${DIWAN_SO:-$root/dist/diwan.so}
sq=${SQLITE3:-sqlite3}
copy=$db.phases
rm -f "$copy" "$copy-wal" "$copy-shm"
cp "$db" "$copy"
trap 'rm -f "$copy" "$copy-wal" "$copy-shm"' EXIT
"$sq" -bail "$copy" "PRAGMA journal_mode=WAL" >/dev/null
n=$("$sq" "$copy" "SELECT count(*) FROM docs_pending")
[ "$n" -gt 0 ] || { echo "scale_phases: nothing pending in $db" >&2; exit 1; }
rounds=$(( (n + batch - 1) / batch ))
# The statements of the file, one label each (the text up to its first
# parenthesis or keyword break), in order.
labels=$(sed -e 's/--.*//' "$root/sql/extract_batch.sql" | tr '\n' ' ' | tr ';' '\n' |
         sed -e 's/^ *//' -e 's/  */ /g' | grep -v '^$' | cut -c1-40 | tr ' ' '_')
{
  echo ".bail on"; echo ".load '$so'"; echo "PRAGMA cache_size = -65536;"
  echo ".parameter set :shard 0"; echo ".parameter set :nshards 1"
  echo ".parameter set :batch $batch"; [ -z "$pre" ] || echo "$pre"
  echo ".timer on"
  i=0; while [ $i -lt $rounds ]; do echo ".read '$root/sql/extract_batch.sql'"; i=$((i + 1)); done
} | "$sq" "$copy" | awk -v labels="$labels" '
  BEGIN { per = split(labels, name, "\n") }
  /^Run Time/ { k = n++ % per + 1; cpu[k] += $6 + $8 }
  END {
    if (n % per) { print "scale_phases: the timer lines do not match the statements" > "/dev/stderr"; exit 1 }
    for (k = 1; k <= per; k++) { printf "%8.2f s  %s\n", cpu[k], name[k]; t += cpu[k] }
    printf "%8.2f s  total (%d batches)\n", t, n / per
  }'
