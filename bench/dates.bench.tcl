# date_each speed on the generated multilingual text, and its ratio to
# Debian's python3-dateparser (search_dates, one call per paragraph, timed
# inside Python) on a slice of the same text, measured in this run.

set dtext [gen_text all $::scale]
set dbytes [string bytelength $dtext]
set drows 0
set dsecs [timeit { set drows [db one {select count(*) from date_each($dtext)}] }]
set dmbps [mbps $dbytes $dsecs]
report "date_each, [format %.1f [expr {$dbytes / 1e6}]] MB of gen_text all ($drows dates)" $dmbps MB/s ">= 100"

# dateparser reads some kilobytes a second: give it a slice of the text,
# whole paragraphs of about 30 kB.
set slice ""
foreach p [split $dtext \n] {
  if {[string bytelength $slice] > 30000} break
  append slice $p \n
}
set sfile [file join [pwd] build dates_bench_slice.txt]
set f [open $sfile w]; fconfigure $f -encoding utf-8; puts -nonewline $f $slice; close $f
set py {
import sys, time, warnings
warnings.filterwarnings("ignore")
from dateparser.search import search_dates
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p for p in text.split("\n") if p.strip()]
t0 = time.perf_counter()
found = sum(len(search_dates(p) or []) for p in paras)
print(len(text.encode("utf-8")), time.perf_counter() - t0, found)
}
if {[catch {exec /usr/bin/python3 -c $py $sfile 2>/dev/null} out]} {
  puts "dateparser: not run ($out)"
} else {
  lassign $out pbytes psecs pfound
  set pmbps [mbps $pbytes $psecs]
  set sbytes [string bytelength $slice]
  set srows [db one {select count(*) from date_each($slice)}]
  report "python3-dateparser search_dates, [format %.1f [expr {$pbytes / 1e3}]] kB slice ($pfound dates; date_each: $srows)" [expr {$pmbps * 1000}] kB/s
  report "date_each / dateparser speed ratio" [expr {$pmbps > 0 ? $dmbps / $pmbps : 0}] x
}
file delete $sfile
