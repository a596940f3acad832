# tools/diwan-import.tcl DB FOLDER SO [CHUNK]
# The import of tools/diwan-load: what the documented statement
#   INSERT INTO docs(path, lang, title, body, bytes, modified, replaced, published)
#     SELECT ... FROM corpus_read(FOLDER) WHERE error IS NULL
# does, but committed every CHUNK documents (default 2000), so that
# extraction workers can start on the documents already imported. The
# files are read (corpus_read: text, language, title, publication day) on
# a connection of their own, outside any write transaction; the write
# lock is held only while a chunk is inserted (its FTS5 rows come from the
# triggers on docs). A path already in docs is an error that ends the
# import (the chunks before it stay committed), as the statement's UNIQUE
# constraint would.
if {[llength $argv] < 3 || [llength $argv] > 4} {
  puts stderr "usage: diwan-import.tcl DB FOLDER SO \[CHUNK\]"; exit 2
}
lassign $argv dbfile dir so chunk
if {$chunk eq ""} { set chunk 2000 }
if {![string is integer -strict $chunk] || $chunk < 1} {
  puts stderr "diwan-import: CHUNK must be a number, at least 1"; exit 2
}
package require sqlite3
if {[catch {
  sqlite3 r :memory:
  sqlite3 w $dbfile
  foreach c {r w} { $c enable_load_extension 1; $c eval {SELECT load_extension($so)} }
  # A NULL read must be bound as NULL (an unset variable), not as ''.
  r nullvalue \x01null\x01
  w timeout 600000
  w eval {PRAGMA synchronous = NORMAL}
} err]} { puts stderr "diwan-import: $err"; exit 1 }

# A chunk goes into docs in one statement: FTS5 flushes its pending terms
# at every statement of a transaction (a savepoint), so one INSERT per
# document would write a segment per document (measured: 3 times the
# import's CPU). The rows wait in a temporary table, filled outside the
# write transaction.
w eval {CREATE TEMP TABLE chunk(path, lang, title, body, bytes, modified, replaced, published)}
set rows {}
proc flush_chunk {} {
  if {![llength $::rows]} return
  w eval {BEGIN}
  foreach {path lang title body bytes modified replaced published} $::rows {
    foreach v {title bytes modified published} {
      if {[set $v] eq "\x01null\x01"} { unset $v }
    }
    w eval {INSERT INTO temp.chunk VALUES ($path, $lang, $title, $body, $bytes, $modified, $replaced, $published)}
  }
  w eval {COMMIT}
  set ::rows {}
  w eval {BEGIN IMMEDIATE}
  if {[catch {
    w eval {INSERT INTO docs(path, lang, title, body, bytes, modified, replaced, published)
              SELECT * FROM temp.chunk ORDER BY rowid}
  } err]} {
    set dup [w onecolumn {SELECT path FROM temp.chunk WHERE path IN (SELECT path FROM docs) LIMIT 1}]
    w eval {ROLLBACK}
    if {$dup ne ""} { set err "docs row for $dup: $err" }
    error $err
  }
  w eval {COMMIT; DELETE FROM temp.chunk}
}
if {[catch {
  r eval {SELECT path, lang, title, body, bytes, modified, replaced, published
            FROM corpus_read($dir) WHERE error IS NULL} {
    lappend rows $path $lang $title $body $bytes $modified $replaced $published
    if {[llength $rows] >= 8 * $chunk} flush_chunk
  }
  flush_chunk
} err]} { puts stderr "diwan-import: $err"; exit 1 }
r close
w close
