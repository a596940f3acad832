# Writes a libFuzzer dictionary of the words of lexicon files: every field
# of every line of a .tsv or .txt (comments left out), whole and each of its
# words, up to 64 bytes; a .words file gives its lines as they are (marks,
# HTML, names that no lexicon holds). Non-ASCII bytes are written \xNN, as
# libFuzzer wants.
#   tclsh tools/fuzz_dict.tcl OUT FILE...
encoding system utf-8
set out [lindex $argv 0]
set words [dict create]
proc add {w} {
  if {$w eq "" || [string length [encoding convertto utf-8 $w]] > 64} return
  dict set ::words $w 1
}
foreach f [lrange $argv 1 end] {
  set fh [open $f]
  fconfigure $fh -encoding utf-8
  set lines [split [read $fh] \n]
  close $fh
  foreach line $lines {
    if {[string match *.words $f]} { add $line; continue }
    if {$line eq "" || [string index $line 0] eq "#"} continue
    foreach field [split $line \t] {
      add $field
      foreach w [split $field " "] { add $w }
    }
  }
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
