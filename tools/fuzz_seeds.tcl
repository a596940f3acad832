# Seeds for the fuzzers (make fuzz): the sample corpus, the seed corpus
# (../shared/corpus, when there) and every quoted text of the tests of 10
# bytes or more, one file each, into the folder given.
#   tclsh tools/fuzz_seeds.tcl OUTDIR
encoding system utf-8
set out [lindex $argv 0]
file mkdir $out
set n 0
proc put {bytes} {
  set f [open [file join $::out seed[incr ::n]] wb]
  puts -nonewline $f $bytes
  close $f
}
foreach path [concat [glob -nocomplain sample/*/*] [glob -nocomplain ../shared/corpus/*.txt]] {
  if {![file isfile $path]} continue
  set f [open $path rb]
  set b [read $f 4096]
  close $f
  put $b
}
foreach path [glob -nocomplain tests/*.test] {
  set f [open $path]
  fconfigure $f -encoding utf-8
  set t [read $f]
  close $f
  foreach {- s} [regexp -all -inline {'((?:[^'\n]|'')+)'} $t] {
    set s [string map {'' '} $s]
    if {[string length $s] >= 10} { put [encoding convertto utf-8 $s] }
  }
}
puts "$out: $n seeds"
