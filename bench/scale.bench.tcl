# The extractors on real news, one call per article (what sql/extract.sql
# does): the seed corpus and ../shared/dev when they are there, else sample/.
# diwan_extract is the one-pass call that replaces the three. The targets
# are those of generated text (issues 8, 9, 10: they must hold on news too).
set arts [real_articles]
set src "../shared (seed corpus + dev)"
if {![llength $arts]} {
  foreach f [lsort [glob -nocomplain sample/*/*.txt sample/*/*.md]] { lappend arts [read_utf8 $f] }
  set src "sample/"
}
if {![llength $arts]} { error "no articles to measure" }
# The articles are few (0.18 MB: a pass takes milliseconds, and one pass
# varies by half on a shared machine), so the table holds them repeated to
# about 2 MB: still one call per article, with the best of several passes.
db eval {CREATE TEMP TABLE arts(body TEXT)}
set one 0
foreach a $arts { incr one [string length [encoding convertto utf-8 $a]] }
set reps [expr {max(1, int(ceil(2e6 / $one)))}]
for {set r 0} {$r < $reps} {incr r} {
  foreach a $arts { db eval {INSERT INTO arts VALUES ($a)} }
}
set bytes [db one {select sum(length(cast(body as blob))) from temp.arts}]
puts "[llength $arts] articles from $src ([format %.2f [expr {$one / 1e6}]] MB) × $reps: [format %.2f [expr {$bytes / 1e6}]] MB"
foreach {name sql target} {
  date_each     {select count(*) from temp.arts, date_each(body)}     ">= 100"
  entity_each   {select count(*) from temp.arts, entity_each(body)}   ">= 50"
  event_each    {select count(*) from temp.arts, event_each(body)}    ">= 20"
  diwan_extract {select count(*) from temp.arts, diwan_extract(body)} ""
} {
  set t($name) [timeit {db eval $sql} 5]
  report "$name, one call per article" [mbps $bytes $t($name)] MB/s $target
}
set three [expr {$t(date_each) + $t(entity_each) + $t(event_each)}]
report "diwan_extract time / (date_each + entity_each + event_each)" [expr {$t(diwan_extract) / $three}] ×
report "diwan_extract time / event_each" [expr {$t(diwan_extract) / $t(event_each)}] ×
