# Entities and events: entity_each and event_each throughput on the
# generated multilingual text (all languages), one row holding it all, and
# the same text split in paragraphs (one call per paragraph, as extract.sql
# does per document).

set all [gen_text all $::scale]
db eval {
  drop table if exists ev_text;
  create table ev_text(t text);
  insert into ev_text values($all);
}
set bytes [db one {select length(cast(t as blob)) from ev_text}]
set mb [format %.1f [expr {$bytes / 1e6}]]
# Build the lexicons before timing: they are built once per process.
db eval {select count(*) from event_each('Kuwait opened an embassy in Baku in 2006.')}

set t_ent [timeit { db one {select count(*) from ev_text, entity_each(ev_text.t)} }]
set n_ent [db one {select count(*) from ev_text, entity_each(ev_text.t)}]
report "entity_each, all languages ($mb MB, $n_ent mentions)" [mbps $bytes $t_ent] MB/s ">= 50"

set t_ev [timeit { db one {select count(*) from ev_text, event_each(ev_text.t)} }]
set n_ev [db one {select count(*) from ev_text, event_each(ev_text.t)}]
report "event_each, all languages ($mb MB, $n_ev events)" [mbps $bytes $t_ev] MB/s ">= 20"

db eval {
  drop table if exists ev_paras;
  create table ev_paras(p text);
}
db transaction {
  foreach p [split $all \n] { if {$p ne ""} { db eval {insert into ev_paras values($p)} } }
}
set t_evp [timeit { db one {select count(*) from ev_paras, event_each(ev_paras.p)} }]
report "event_each, one call per paragraph (cold caches each call)" [mbps $bytes $t_evp] MB/s
db eval {drop table ev_text; drop table ev_paras}
