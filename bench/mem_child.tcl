# Child of memory.bench.tcl: tclsh mem_child.tcl SO DB QUERY
# Opens DB (table t(x), one row), builds the lexicons on a short text, runs
# QUERY once and prints the process's peak resident set (VmHWM) in kB.
package require sqlite3
lassign $argv so dbfile query
sqlite3 db $dbfile
db enable_load_extension 1
db eval {select load_extension($so)}
foreach f {date_each entity_each event_each diwan_extract} {
  db eval "select count(*) from ${f}('Kuwait opened an embassy in Baku on 3 May 2006.')"
}
db eval $query
set f [open /proc/self/status]
regexp {VmHWM:\s+(\d+)} [read $f] -> kb
close $f
puts $kb
