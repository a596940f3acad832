# Peak memory per input byte of each extractor: the peak resident set of a
# child process that runs the extractor once over one row of generated text
# (all languages, $::scale MB), minus that of the same child reading the row
# with length(), divided by the row's bytes. The row comes from a database
# file, so the child holds no other copy of the text; the argument copy a
# table-valued function keeps counts, as it is part of the call's cost.
if {![file exists /proc/self/status]} {
  puts "memory: not measured (no /proc/self/status on this system)"
  return
}
set mtext [gen_text all $::scale]
set mdb [file join $::root build bench_mem.db]
file delete -force $mdb
sqlite3 mdbh $mdb
mdbh eval {create table t(x text)}
mdbh eval {insert into t values($mtext)}
set mbytes [mdbh one {select length(cast(x as blob)) from t}]
mdbh close
unset mtext
proc child_peak {query} {
  exec [info nameofexecutable] [file join $::root bench mem_child.tcl] $::so $::mdb $query
}
set base [child_peak {select length(x) from t}]
foreach f {date_each entity_each event_each diwan_extract} {
  set kb [child_peak "select count(*) from t, ${f}(t.x)"]
  set per [expr {($kb - $base) * 1024.0 / $mbytes}]
  report "$f peak memory, [format %.1f [expr {$mbytes / 1e6}]] MB row ([format %.0f [expr {($kb - $base) / 1024.0}]] MB over the reading)" \
    $per B/byte "<= 4"
}
file delete -force $mdb
