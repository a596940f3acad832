# diwan's test harness: tclsh tests/all.tcl [PATTERN...]
#
# Runs every tests/*.test (Tcl, with do_execsql_test / do_catchsql_test /
# do_test as in SQLite's own tester.tcl) and every tests/*.sql (sqlean
# style: each `select 'id', expr;` must give exactly one row whose second
# value is 1; other statements are set-up and must succeed). Each file gets a
# fresh in-memory database `db` with the extension loaded. Ends with the line
# "N passed, N failed, K skipped" and exits non-zero on any failure.
#
# Tests that need ../shared (the seed corpus and the dev set, which a plain
# clone does not have; CI has it) are skipped and counted when it is absent:
# `needs_shared` on a file's first line skips the file, `needs_shared {...}`
# skips a block, `have_shared` tells a loop whether to run or `skip NAME`.

package require sqlite3
encoding system utf-8
fconfigure stdout -encoding utf-8
fconfigure stderr -encoding utf-8

set ::root [file normalize [file join [file dirname [info script]] ..]]
cd $::root
set ::so [expr {[info exists ::env(DIWAN_SO)] ? $::env(DIWAN_SO) : "$::root/dist/diwan.so"}]
# DIWAN_SHARED=/nowhere make test: what a plain clone sees.
set ::shared [file normalize [expr {[info exists ::env(DIWAN_SHARED)] ? $::env(DIWAN_SHARED) : [file join $::root .. shared]}]]
set ::corpus [file join $::shared corpus]
set ::passed 0
set ::failed 0
set ::skipped 0
set ::failures {}
set ::current_file ""

# Under valgrind, tests marked slow are skipped (they would take minutes).
proc slow_ok {} { expr {![info exists ::env(DIWAN_VALGRIND)]} }

proc open_db {{name db} {file :memory:}} {
  catch {$name close}
  sqlite3 $name $file
  $name enable_load_extension 1
  $name eval {select load_extension($::so)}
  $name enable_load_extension 0
}

proc pass {name} { incr ::passed }
# skip NAME ?WHY?: count a test not run; the summary says why by reason
# (without WHY: ../shared is absent).
set ::skip_why [dict create]
proc skip {name {why ""}} {
  incr ::skipped
  if {$why eq ""} { set why "they need $::shared (the seed corpus and dev set, see README)" }
  dict incr ::skip_why $why
}

proc have_shared {} { file isdirectory $::corpus }

# The test commands written in a script: what a skip counts (a test in a
# loop counts once).
proc count_tests {script} {
  regexp -all {(?:^|[\s\{\[;])do_(?:test|execsql_test|catchsql_test)\s} $script
}

# needs_shared: skip the rest of the file; needs_shared SCRIPT: run SCRIPT
# only when ../shared is there. Either way the skipped tests are counted.
# With ../shared there, the tests a block or file runs must equal what a
# plain clone counts as skipped (a test in a loop would run N times but be
# counted once): a mismatch is a failure naming the block.
proc needs_shared {{script ""}} {
  if {[have_shared]} {
    if {$script eq ""} {
      set ::shared_file_expect [list [count_tests [read_utf8 $::current_path]] [tests_so_far]]
    } else {
      set before [tests_so_far]
      uplevel 1 $script
      shared_count_check "block [string range [string trim $script] 0 40]" \
        [count_tests $script] [expr {[tests_so_far] - $before}]
    }
    return
  }
  if {$script eq ""} {
    set n [count_tests [read_utf8 $::current_path]]
    incr ::skipped $n
    dict incr ::skip_why "they need $::shared (the seed corpus and dev set, see README)" $n
    return -code return
  }
  set n [count_tests $script]
  incr ::skipped $n
  dict incr ::skip_why "they need $::shared (the seed corpus and dev set, see README)" $n
}
proc tests_so_far {} { expr {$::passed + $::failed + $::skipped} }
proc shared_count_check {what expected ran} {
  if {$ran != $expected} {
    fail needs_shared "$what: ran $ran tests, a plain clone counts $expected skipped; keep loops out of needs_shared (use have_shared and skip in the loop)"
  }
}
proc fail {name msg} {
  incr ::failed
  lappend ::failures "$::current_file $name"
  puts "FAILED $::current_file: $name\n  $msg"
}

proc check {name got expected} {
  if {$got eq $expected} { pass $name } else {
    fail $name "expected: [list $expected]\n  got:      [list $got]"
  }
}

proc do_test {name script expected} {
  if {[catch {uplevel 1 $script} got]} {
    fail $name "error: $got"
    return
  }
  check $name $got $expected
}

# The result of every row, flattened, NULL as "" (SQLite's execsql).
proc execsql {sql {dbh db}} {
  set r {}
  $dbh eval $sql row {
    foreach c $row(*) { lappend r $row($c) }
  }
  return $r
}

proc catchsql {sql {dbh db}} {
  set rc [catch {execsql $sql $dbh} msg]
  list $rc $msg
}

proc do_execsql_test {name sql expected} {
  if {[catch {execsql $sql} got]} {
    fail $name "error: $got\n  sql: [string trim $sql]"
    return
  }
  check $name $got [list {*}$expected]
}

proc do_catchsql_test {name sql expected} {
  check $name [catchsql $sql] [list {*}$expected]
}

# Run a program with the release build and without the sanitizer runtime,
# so shell and Python tests see what a user sees.
proc run_clean {args} {
  set saved [array get ::env]
  foreach v {LD_PRELOAD ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS DIWAN_TESTDIR} { unset -nocomplain ::env($v) }
  set rc [catch {exec {*}$args 2>@1} out opts]
  # Element by element: unsetting the whole env array would unlink it from
  # the process environment, and later changes would not reach children.
  foreach v [array names ::env] { if {![dict exists $saved $v]} { unset ::env($v) } }
  dict for {k v} $saved { set ::env($k) $v }
  if {$rc} {
    # exec appends this line when the child exits non-zero; report the status instead.
    regsub {\n?child process exited abnormally$} $out "" out
    set code [dict get $opts -errorcode]
    set rc [expr {[lindex $code 0] eq "CHILDSTATUS" ? [lindex $code 2] : 1}]
  }
  list $rc $out
}

proc read_utf8 {path} {
  set f [open $path r]
  fconfigure $f -encoding utf-8
  set s [read $f]
  close $f
  return $s
}

proc run_sql_file {path} {
  set sql [read_utf8 $path]
  set stmt ""
  set line 0
  set start 0
  foreach l [split $sql \n] {
    incr line
    if {$stmt eq "" && [string trim $l] eq ""} continue
    if {$stmt eq ""} { set start $line }
    append stmt $l \n
    if {![db complete $stmt]} continue
    run_sql_stmt [string trim $stmt] $start
    set stmt ""
  }
  if {[string trim $stmt] ne ""} { fail "line $start" "incomplete statement" }
}

proc run_sql_stmt {stmt line} {
  # Strip leading comment lines before classifying the statement.
  regsub -all -line {^\s*--.*$} $stmt "" body
  set body [string trim $body]
  if {$body eq ""} return
  if {[regexp -nocase {^select\s+'([^']*)'\s*,} $body -> id]} {
    if {[catch {set rows [db eval $body]} err]} {
      fail "$id (line $line)" "error: $err"
    } elseif {[llength $rows] != 2} {
      fail "$id (line $line)" "expected one row of two values, got: [list $rows]"
    } elseif {[lindex $rows 1] ne "1"} {
      fail "$id (line $line)" "got [list [lindex $rows 1]], expected 1"
    } else {
      pass $id
    }
  } elseif {[catch {db eval $body} err]} {
    fail "setup (line $line)" "error: $err\n  sql: $body"
  }
}

# DIWAN_TESTDIR runs another folder (the harness's own self-test uses it).
set dir [expr {[info exists ::env(DIWAN_TESTDIR)] ? $::env(DIWAN_TESTDIR) : "tests"}]
set files [lsort [concat [glob -nocomplain $dir/*.test] [glob -nocomplain $dir/*.sql]]]
if {[llength $argv]} {
  set keep {}
  foreach f $files {
    foreach p $argv { if {[string match *$p* [file tail $f]]} { lappend keep $f; break } }
  }
  set files $keep
}

foreach f $files {
  set ::current_file [file tail $f]
  set ::current_path $f
  set before [expr {$::passed + $::failed}]
  if {[catch {open_db} err]} {
    fail load "cannot load $::so: $err"
    continue
  }
  set ::shared_file_expect {}
  if {[file extension $f] eq ".sql"} {
    run_sql_file $f
  } elseif {[catch {uplevel #0 [list source -encoding utf-8 $f]} err]} {
    fail "(file aborted)" "$err\n$::errorInfo"
  }
  if {$::shared_file_expect ne ""} {
    lassign $::shared_file_expect expected start
    # The file's own text counts the needs_shared line's tests too: none.
    shared_count_check "file" $expected [expr {[tests_so_far] - $start}]
  }
  catch {db close}
  puts [format "%-28s %4d assertions" $::current_file [expr {$::passed + $::failed - $before}]]
}

if {$::failed} {
  puts "\nFailures:"
  foreach f $::failures { puts "  $f" }
}
if {$::skipped} {
  puts ""
  dict for {why n} $::skip_why { puts "$n tests skipped: $why" }
}
puts "\n$::passed passed, $::failed failed, $::skipped skipped"
exit [expr {$::failed ? 1 : 0}]
