# make bench: speed ratios measured side by side in one run.
#
# Each bench/*.bench.tcl file adds cases; they share the generated text below
# so every ratio compares two things on the same input in the same process.
# Numbers are the fastest of several runs; only ratios are meant to be
# compared across machines.

package require sqlite3
encoding system utf-8
fconfigure stdout -encoding utf-8
set ::root [file normalize [file join [file dirname [info script]] ..]]
cd $::root
set ::so [expr {[info exists ::env(DIWAN_SO)] ? $::env(DIWAN_SO) : "$::root/dist/diwan.so"}]
set ::scale [expr {[info exists ::env(BENCH_MB)] ? $::env(BENCH_MB) : 8}]

sqlite3 db :memory:
db enable_load_extension 1
db eval {select load_extension($::so)}

proc read_utf8 {path} {
  set f [open $path r]; fconfigure $f -encoding utf-8
  set s [read $f]; close $f; return $s
}

# Generated text: the seed corpus and the sample repeated, shuffled by
# paragraph with a fixed seed, to about $::scale MB per language group.
proc gen_text {langs mb} {
  expr {srand(42)}
  set paras {}
  foreach f [lsort [concat [glob -nocomplain ../shared/corpus/*.txt] \
                           [glob -nocomplain sample/*/*.txt sample/*/*.md sample/*/*.html]]] {
    set body [read_utf8 $f]
    set lang [db one {select diwan_lang($body)}]
    if {[lsearch $langs $lang] < 0 && $langs ne "all"} continue
    foreach p [split $body \n] { if {[string length $p] > 40} { lappend paras $p } }
  }
  if {![llength $paras]} {
    puts stderr "bench: no text for languages $langs (neither ../shared/corpus nor sample/)"
    exit 1
  }
  set out {}
  set want [expr {$mb * 1000000}]
  set n 0
  while {$n < $want && [llength $paras]} {
    set p [lindex $paras [expr {int(rand() * [llength $paras])}]]
    append out $p \n
    incr n [string bytelength $p]
    incr n
  }
  return $out
}

# Fastest wall time in seconds of n runs of script: on a shared machine the
# other load only ever adds time, so the minimum is the least disturbed run.
proc timeit {script {n 5}} {
  set best 1e9
  for {set i 0} {$i < $n} {incr i} {
    set t0 [clock microseconds]
    uplevel 1 $script
    set t [expr {([clock microseconds] - $t0) / 1e6}]
    if {$t < $best} { set best $t }
  }
  return $best
}

proc mbps {bytes secs} { expr {$secs > 0 ? $bytes / $secs / 1e6 : 0} }

# A target is "OP NUMBER" (">= 20", "<= 1.3"): the line says PASS or MISS
# beside it, and the summary at the end counts them.
set ::targets {}
proc report {name value unit {target ""}} {
  set line [format "%-58s %10.2f %s" $name $value $unit]
  if {$target ne ""} {
    lassign $target op want
    set ok [expr {$op eq "<=" ? $value <= $want : $value >= $want}]
    set verdict [expr {$ok ? "PASS" : "MISS"}]
    append line "   target $target: $verdict"
    lappend ::targets [list $verdict $name $value $unit $target]
  }
  puts $line
}

# Real text, one call per article: the seed corpus and the dev set when
# ../shared is there (bench files skip what needs it otherwise).
proc real_articles {} {
  set out {}
  foreach f [lsort [concat [glob -nocomplain ../shared/corpus/*.txt] \
                           [glob -nocomplain ../shared/dev/*/*.txt]]] {
    lappend out [read_utf8 $f]
  }
  return $out
}

puts "diwan bench: [db one {select diwan_version()}], ~$::scale MB per sample"
set ::errors 0
# BENCH_ONLY=memory,events runs only those bench files (their targets only).
set only [expr {[info exists ::env(BENCH_ONLY)] ? [split $::env(BENCH_ONLY) ,] : {}}]
foreach f [lsort [glob -nocomplain bench/*.bench.tcl]] {
  set name [file rootname [file rootname [file tail $f]]]
  if {[llength $only] && $name ni $only} continue
  puts "\n== $name"
  if {[catch {source -encoding utf-8 $f} err]} {
    puts "bench error in $f: $err"
    incr ::errors
  }
}
proc summary {} {
  set load [expr {[file readable /proc/loadavg] ? [lindex [split [exec cat /proc/loadavg]] 0] : "?"}]
  puts "\n== targets (load average $load: wall figures drop under load)"
  set miss 0
  foreach tg $::targets {
    lassign $tg verdict name value unit target
    if {$verdict eq "MISS"} { incr miss }
    puts [format "%-4s %-58s %10.2f %s (target %s)" $verdict $name $value $unit $target]
  }
  puts "[expr {[llength $::targets] - $miss}] of [llength $::targets] targets met"
}
summary
# A bench that measured nothing or failed must not pass for a result.
if {$::errors} { puts stderr "bench: $::errors bench file(s) failed"; exit 1 }
