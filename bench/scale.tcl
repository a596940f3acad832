# make bench-scale: the whole pipeline on generated corpora of growing size.
#   SCALE_MB="10 100" (default; add 1000 for 1 GB)   SCALE_WORKERS=2
#   SCALE_SOURCES=seed|all (all adds ../shared/dev to the generator's text)
#   SCALE_LOAD=staged|overlap (overlap: tools/diwan-load, import and
#   extraction at once, one stage "load"; staged: the two one after the other)
# For each size: import (corpus_read into docs, FTS5 by trigger), extract
# (tools/diwan-extract with SCALE_WORKERS workers), the clusters query, and
# adding 100 documents (import + sql/extract.sql); then the plain-SQLite
# baseline on the same files: fsdir import + FTS5 unicode61. Each stage runs
# in its own sqlite3 process under /usr/bin/time: wall, CPU (user+sys),
# cores used (CPU/wall) and peak resident memory. Ends with the growth ratio
# of each stage between consecutive sizes (wall and CPU: on a loaded machine
# only the CPU ratio means much). Exits non-zero when a stage fails
# or measured nothing.
encoding system utf-8
fconfigure stdout -encoding utf-8
set root [file normalize [file join [file dirname [info script]] ..]]
cd $root
proc env_or {name default} { expr {[info exists ::env($name)] ? $::env($name) : $default} }
set sizes [env_or SCALE_MB "10 100"]
set workers [env_or SCALE_WORKERS 2]
set sources [env_or SCALE_SOURCES seed]
# SCALE_LOAD=overlap: import and extract at once (tools/diwan-load) instead
# of the import statement, then tools/diwan-extract.
set overlap [expr {[env_or SCALE_LOAD staged] eq "overlap"}]
# A copy of the extension: rebuilding dist/ while the bench runs must not
# change the library under running processes.
file mkdir build/scale
file copy -force [env_or DIWAN_SO $root/dist/diwan.so] build/scale/diwan.so
set so $root/build/scale/diwan.so
set sq [env_or SQLITE3 sqlite3]
set timebin /usr/bin/time
if {![file executable $timebin]} { puts stderr "bench-scale: needs $timebin"; exit 1 }

# Runs args under time(1); returns {wall cpu peak_kB}. Any failure ends the bench.
proc measure {args} {
  set log [file join $::root build scale time.log]
  if {[catch {exec $::timebin -o $log -f "%e %U %S %M" {*}$args 2>@1} out]} {
    puts stderr "bench-scale: failed: $args\n$out"; exit 1
  }
  set f [open $log]; set t [lindex [split [string trim [read $f]] \n] end]; close $f
  lassign $t wall user sys kb
  list $wall [expr {$user + $sys}] $kb
}

proc row {mb stage m {extra ""}} {
  lassign $m wall cpu kb
  set use [expr {$wall > 0 ? $cpu / $wall : 0}]
  puts [format "%6s MB  %-22s %8.2f s wall %8.2f s cpu  %4.2f cores  %7.1f MB peak  %s" \
          $mb $stage $wall $cpu $use [expr {$kb / 1024.0}] $extra]
  set ::res($mb,$stage) $wall
  set ::cpu($mb,$stage) $cpu
}

file mkdir build/scale
set add [file join build scale add100]
if {![file isdirectory $add]} {
  # 100 documents none of the corpora has: another seed of the generator.
  exec tclsh bench/gen_corpus.tcl $add.tmp 0.3 $sources
  file mkdir $add
  foreach f [lrange [lsort [glob $add.tmp/*/*.txt]] 0 99] { file rename $f $add/[file tail $f] }
  file delete -force $add.tmp
}
set nadd [llength [glob $add/*.txt]]

puts "diwan bench-scale: sizes $sizes MB, $workers workers, sources $sources, [expr {$overlap ? {overlap} : {staged}}], [exec nproc] cores, load [lindex [exec cat /proc/loadavg] 0]"
foreach mb $sizes {
  set dir build/scale/corpus-$mb-$sources
  if {![file isdirectory $dir]} { exec tclsh bench/gen_corpus.tcl $dir $mb $sources }
  set db build/scale/diwan-$mb.db
  foreach f [glob -nocomplain $db*] { file delete $f }
  if {$overlap} {
    set m [measure env DIWAN_SO=$so SQLITE3=$sq tools/diwan-load $db $dir $workers]
    set ndocs [exec $sq $db "select count(*) from docs"]
    if {$ndocs == 0} { puts stderr "bench-scale: nothing imported from $dir"; exit 1 }
    row $mb "load ($workers workers)" $m "$ndocs docs, [exec $sq $db {select count(*) from doc_events}] events"
    set e2e $m
  } else {
    set m [measure $sq -bail $db -cmd ".load $so" ".read sql/schema.sql" \
             "INSERT INTO docs(path, lang, title, body, bytes, modified, replaced, published)
                SELECT path, lang, title, body, bytes, modified, replaced, published
                  FROM corpus_read('$dir') WHERE error IS NULL"]
    set ndocs [exec $sq $db "select count(*) from docs"]
    if {$ndocs == 0} { puts stderr "bench-scale: nothing imported from $dir"; exit 1 }
    row $mb import $m "$ndocs docs"
    set e2e $m
    set m [measure env DIWAN_SO=$so SQLITE3=$sq tools/diwan-extract $db $workers]
    row $mb "extract ($workers workers)" $m "[exec $sq $db {select count(*) from doc_events}] events"
    set e2e [list [expr {[lindex $e2e 0] + [lindex $m 0]}] [expr {[lindex $e2e 1] + [lindex $m 1]}] \
                  [expr {max([lindex $e2e 2], [lindex $m 2])}]]
  }
  row $mb "end to end" $e2e
  set m [measure $sq $db "select count(*) from event_clusters"]
  row $mb "event_clusters" $m "[exec $sq $db {select count(*) from event_clusters}] clusters"
  set m [measure $sq -bail $db -cmd ".load $so" \
           "INSERT INTO docs(path, lang, title, body, bytes, modified, replaced)
              SELECT 'add/' || path, lang, title, body, bytes, modified, replaced FROM corpus_read('$add')" \
           ".read sql/extract.sql"]
  row $mb "add $nadd docs" $m
  set ::size($mb) [expr {[file size $db] / 1e6}]
  puts [format "%6s MB  database %.1f MB (%.2f× the text)" $mb $::size($mb) [expr {$::size($mb) / $mb}]]

  set bdb build/scale/plain-$mb.db
  foreach f [glob -nocomplain $bdb*] { file delete $f }
  set m [measure $sq -bail $bdb \
           "CREATE TABLE docs(id INTEGER PRIMARY KEY, name TEXT, body TEXT)" \
           "INSERT INTO docs(name, body) SELECT name, CAST(data AS TEXT) FROM fsdir('$dir') WHERE data IS NOT NULL" \
           "CREATE VIRTUAL TABLE docs_fts USING fts5(body, content='docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2')" \
           "INSERT INTO docs_fts(docs_fts) VALUES('rebuild')"]
  # fsdir does not follow a symbolic link to the folder: no rows, no measure.
  if {[exec $sq $bdb "select count(*) from docs"] == 0} {
    puts stderr "bench-scale: plain SQLite read nothing from $dir (fsdir does not follow a symbolic link)"; exit 1
  }
  row $mb "plain: fsdir + FTS5" $m [format "%.1f MB database" [expr {[file size $bdb] / 1e6}]]
}

set prev ""
foreach mb $sizes {
  if {$prev ne ""} {
    set line [format "growth %s→%s MB:" $prev $mb]
    foreach k [lsort [array names ::res $mb,*]] {
      set st [lindex [split $k ,] 1]
      if {[info exists ::res($prev,$st)] && $::res($prev,$st) > 0} {
        append line [format "  %s %.1f× wall" $st [expr {$::res($k) / $::res($prev,$st)}]]
        if {$::cpu($prev,$st) > 0} {
          append line [format " %.1f× cpu" [expr {$::cpu($k) / $::cpu($prev,$st)}]]
        }
      }
    }
    puts $line
  }
  set prev $mb
}
