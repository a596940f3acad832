# Writes a libFuzzer dictionary of every date lexicon word: the forms of
# ext/data/dates_*.tsv (months, qualifiers, cues, relative words, decades),
# each whole and each of its words, plus the marks and numbers the date
# patterns read. Non-ASCII bytes are written \xNN, as libFuzzer wants.
#   tclsh tools/fuzz_dict.tcl OUT ext/data/dates_*.tsv
encoding system utf-8
set out [lindex $argv 0]
set words [dict create]
foreach f [lrange $argv 1 end] {
  set fh [open $f]
  fconfigure $fh -encoding utf-8
  foreach line [split [read $fh] \n] {
    if {$line eq "" || [string index $line 0] eq "#"} continue
    set form [lindex [split $line \t] 0]
    dict set words $form 1
    foreach w [split $form " "] { if {$w ne ""} { dict set words $w 1 } }
  }
  close $fh
}
foreach w {1994 2015 12 31 0 99999 ١٤٤٥ ٢٠٢٤ 2024-03-25 31/12/2020 15.08.74 '74 ( ) / - . , ، هـ} {
  dict set words $w 1
}
proc escape {s} {
  set r ""
  foreach b [split [encoding convertto utf-8 $s] ""] {
    scan $b %c c
    if {$c < 32 || $c > 126 || $b eq "\"" || $b eq "\\"} {
      append r [format "\\x%02X" $c]
    } else {
      append r $b
    }
  }
  return $r
}
set fh [open $out w]
set i 0
foreach w [lsort [dict keys $words]] { puts $fh "w[incr i]=\"[escape $w]\"" }
close $fh
puts "$out: $i words"
