# The cost of a large user table: a diwan_gazetteer of N rows (default
# 100,000; one-word surfaces Town1, Town2, …), then CALLS entity_each calls (default 100) on a short text.
# Prints the time of the first call and of the others. Used for the figure
# of the lexicon cache (user_cache.c); run it on two builds to compare:
#   tclsh bench/user_tables.tcl [so] [rows] [calls]
package require sqlite3
set so [expr {[llength $argv] > 0 ? [lindex $argv 0] : "dist/diwan.so"}]
set rows [expr {[llength $argv] > 1 ? [lindex $argv 1] : 100000}]
set calls [expr {[llength $argv] > 2 ? [lindex $argv 2] : 100}]
sqlite3 db :memory:
db enable_load_extension 1
db eval {select load_extension($so)}
db eval {
  create table diwan_gazetteer(id, kind, name, country, lang, surface);
  with recursive c(i) as (select 1 union all select i + 1 from c where i < $rows)
  insert into diwan_gazetteer
    select 'city:c' || i, 'city', 'Town ' || i, 'AZ', 'en', 'Town' || i from c;
}
set text "The minister visited Town4242 and Baku on 3 May 2021."
set t0 [clock microseconds]
set first [db eval {select group_concat(id) from entity_each($text)}]
set t1 [clock microseconds]
for {set i 1} {$i < $calls} {incr i} {
  set r [db eval {select group_concat(id) from entity_each($text)}]
  if {$r ne $first} { error "call $i: $r ne $first" }
}
set t2 [clock microseconds]
puts [format "%d rows, %d calls: first %.1f ms, the other %d %.1f ms (%.3f ms each); %s" \
  $rows $calls [expr {($t1 - $t0) / 1e3}] [expr {$calls - 1}] [expr {($t2 - $t1) / 1e3}] \
  [expr {($t2 - $t1) / 1e3 / max(1, $calls - 1)}] $first]
