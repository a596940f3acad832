#!/bin/sh
# make test-clients: every client the README shows loads diwan and runs a
# real query; the Python and Node packages install and load; the timeline
# page renders in headless Chromium. Each check prints ok, FAIL or skip
# (with what is missing); exits 1 on any FAIL.
#   Needs (Debian): sqlite3 tcl libsqlite3-tcl python3-pip python3-setuptools
#   python3-wheel golang-go golang-github-mattn-go-sqlite3-dev sqlite-utils
#   chromium nodejs npm. NODE_MODULES=dir: a node_modules with better-sqlite3
#   12 already built (else it is installed from the npm registry).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$ROOT/build/clients
rm -rf "$W" && mkdir -p "$W"
cd "$W" || exit 1
ln -s "$ROOT/dist" dist
ln -s "$ROOT/sample" sample
PY=/usr/bin/python3; [ -x $PY ] || PY=python3
FAILS=0
ok()   { echo "ok    $1"; }
fail() { echo "FAIL  $1: $2"; FAILS=$((FAILS + 1)); }
skip() { echo "skip  $1 ($2)"; }
check() {  # check NAME EXPECTED COMMAND...
  name=$1 want=$2; shift 2
  got=$("$@" 2>&1)
  if [ "$got" = "$want" ]; then ok "$name"; else fail "$name" "expected [$want], got [$got]"; fi
}
have() { command -v "$1" >/dev/null 2>&1; }

# A corpus for everyone: the CLI imports and extracts sample/.
dist/diwan --quiet --db corpus.db import sample --exclude README.md &&
  dist/diwan --quiet --db corpus.db extract || fail cli "import/extract"
PAIRS=$(sqlite3 corpus.db -cmd '.load ./dist/diwan' "select count(*) from timeline where 'KW' in (actor1, actor2)")

check shell "$PAIRS" sqlite3 corpus.db -cmd '.load ./dist/diwan' \
  "select count(*) from timeline where 'KW' in (actor1, actor2)"

cat > snippet.py <<'PY'
import sqlite3
db = sqlite3.connect("corpus.db")
db.enable_load_extension(True)
db.load_extension("./dist/diwan")
db.enable_load_extension(False)
print(db.execute("select diwan_lang(?)", ("שתי המדינות",)).fetchone()[0])
PY
check python he $PY snippet.py

# The Python package, built and installed offline with Debian's tools.
if $PY -c 'import setuptools, wheel, pip' 2>/dev/null; then
  if $PY -m pip install -q --no-build-isolation --no-index --target "$W/pylib" "$ROOT/python" >pip.log 2>&1; then
    check python-package "fr $(cat "$ROOT/VERSION") True" env PYTHONPATH="$W/pylib" $PY -c '
import sqlite3, diwan, os
db = sqlite3.connect(":memory:")
diwan.load(db)
print(db.execute("select diwan_lang(?)", ("Les deux pays ont signé",)).fetchone()[0], diwan.__version__,
      diwan.loadable_path().startswith(os.environ["PYTHONPATH"]))'
  else fail python-package "pip install: $(tail -3 pip.log)"; fi
else skip python-package "python3-pip python3-setuptools python3-wheel"; fi

if have tclsh; then
  cat > snippet.tcl <<'TCL'
package require sqlite3
sqlite3 db corpus.db
db enable_load_extension 1
db eval {select load_extension('./dist/diwan')}
puts [db one {select count(*) from timeline where 'KW' in (actor1, actor2)}]
TCL
  check tcl "$PAIRS" tclsh snippet.tcl
else skip tcl "tcl libsqlite3-tcl"; fi

if have go && [ -d /usr/share/gocode/src/github.com/mattn/go-sqlite3 ]; then
  # The README's main.go, as written there.
  awk '/^```go$/{on=1; next} /^```$/{on=0} on' "$ROOT/README.md" > main.go
  check go fr env GOPATH=/usr/share/gocode GO111MODULE=off GOCACHE="$W/gocache" GOFLAGS= go run main.go
else skip go "golang-go golang-github-mattn-go-sqlite3-dev"; fi

if have sqlite-utils; then
  check sqlite-utils "[{\"n\": $PAIRS}]" sqlite-utils query corpus.db --load-extension ./dist/diwan.so \
    "select count(*) as n from timeline where 'KW' in (actor1, actor2)"
else skip sqlite-utils "sqlite-utils"; fi

if have node; then
  NM=${NODE_MODULES:-}
  if [ -z "$NM" ]; then
    mkdir -p node && (cd node && npm install -q --no-audit --no-fund better-sqlite3@12 >npm.log 2>&1)
    NM=$W/node/node_modules
  fi
  if [ -d "$NM/better-sqlite3" ]; then
    check node "ב,-,27,באוגוסט,1992" env NODE_PATH="$NM" node -e '
const Database = require("better-sqlite3");
const db = new Database("corpus.db");
db.loadExtension("./dist/diwan.so");
console.log(db.prepare("select token from token_each(?)").pluck().all("ב-27 באוגוסט 1992").join(","));'
    check node-package "fr $PAIRS true" env NODE_PATH="$NM" DIWAN_NODE="$ROOT/node" node -e '
const Database = require("better-sqlite3");
const diwan = require(process.env.DIWAN_NODE);
const db = diwan.load(new Database("corpus.db"));
console.log(db.prepare("select diwan_lang(?)").pluck().get("Les deux pays ont signé"),
  db.prepare("select count(*) from timeline where ? in (actor1, actor2)").pluck().get("KW"),
  diwan.getLoadablePath().endsWith("node/diwan.so"));'
  else skip node "better-sqlite3@12 could not be installed: see $W/node/npm.log"; fi
else skip node "nodejs npm"; fi

# The timeline page in headless Chromium: as many marks as clusters, no
# script error, and a screenshot to look at; for sample/ and, when
# ../shared is there, for the seed corpus.
page() {  # page NAME DB
  dist/diwan --quiet --db "$2" timeline --html "$1.html"
  want=$(sqlite3 "$2" -cmd '.load ./dist/diwan' "select count(*) from event_clusters_all")
  CH="chromium --headless --no-sandbox --disable-gpu --disable-background-networking"
  $CH --user-data-dir="$(mktemp -d)" --dump-dom "file://$W/$1.html" > "$1.dom" 2>>chromium.log
  marks=$(grep -o 'class="mark' "$1.dom" | wc -l)
  drawn=$(sed -n 's/.*data-drawn="\([0-9]*\)".*/\1/p' "$1.dom" | head -1)
  if [ "$marks" = "$want" ] && [ "$drawn" = "$want" ] && ! grep -q 'data-error=' "$1.dom"; then
    ok "chromium $1 ($marks marks for $want clusters)"
  else fail "chromium $1" "marks $marks, drawn [$drawn], clusters $want; $(grep -o 'data-error="[^"]*"' "$1.dom")"; fi
  $CH --user-data-dir="$(mktemp -d)" --window-size=1200,${3:-600} --hide-scrollbars \
    --screenshot="$W/$1.png" "file://$W/$1.html" >/dev/null 2>>chromium.log &&
    [ -s "$1.png" ] && ok "chromium $1 screenshot: $W/$1.png" || fail "chromium $1 screenshot" "no png"
}
if have chromium; then
  page timeline corpus.db
  SEED=${DIWAN_SHARED:-$ROOT/../shared}/corpus
  if [ -d "$SEED" ]; then
    dist/diwan --quiet --db seed.db import "$SEED" --exclude README.md &&
      dist/diwan --quiet --db seed.db extract && page seed seed.db 500
  else skip "chromium seed" "no $SEED"; fi
else skip chromium "chromium"; fi

[ $FAILS -eq 0 ] && echo "test-clients: all passed" || echo "test-clients: $FAILS failed"
exit $([ $FAILS -eq 0 ] && echo 0 || echo 1)
