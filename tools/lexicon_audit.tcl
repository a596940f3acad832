# Lexicon breadth in Arabic and Hebrew for the 193 UN member states: which
# state lacks, in ext/data, a name, a capital, or a country adjective in
# its masculine, feminine and plural forms read through the matcher with
# the article (الـ, ה) and a clitic (و, ו) — the forms news writes, found
# by entity_each, not by the list.
#
#   tclsh tools/lexicon_audit.tcl [path/to/diwan.so]    # one line per gap
#
# The masculine adjective is the first surface of countries.tsv whose last
# word ends in ي (ar) or י (he); the feminine and plurals are made from it
# (-ة, -ون, -ين; -ית, -ים, -יות) and must be read by the matcher.
# tests/40_gazetteer_data.test sources this file and checks no gap is left.

source [file join [file dirname [info script]] leaders_coverage.tcl]
namespace eval laudit {
  variable article {ar ال he ה}
  variable clitic {ar و he ו}
  # city-states: the capital's name is the state's
  variable citystates {SG SM MC}

  proc rows {path} {
    set f [open $path]
    fconfigure $f -encoding utf-8
    set r {}
    foreach line [split [read $f] \n] {
      if {$line eq "" || [string index $line 0] eq "#"} continue
      lappend r [split $line \t]
    }
    close $f
    return $r
  }

  # The masculine adjective: a listed surface whose last word ends in ي
  # (ar) or י (he), of three letters or more before it.
  proc masc {lang surface} {
    set last [lindex [split $surface " "] end]
    set x [expr {$lang eq "ar" ? "ي" : "י"}]
    expr {[string match *$x $last] && [string length $last] > 3 &&
          ([llength [split $surface " "]] == 1 || [string match *$x [lindex [split $surface " "] 0]])}
  }

  # The forms news writes from the masculine: feminine, masculine and
  # feminine plural (ar -ة, -ون, -ين; he -ת, -ים for -י, -יות).
  proc forms {lang m} {
    if {$lang eq "ar"} { return [list fem ${m}ة pl ${m}ون pl ${m}ين] }
    set stem [string range $m 0 end-1]
    return [list fem ${m}ת pl ${stem}ים pl ${m}ות]
  }

  # gaps db dir: a list of {code lang what} for each gap
  proc gaps {db dir} {
    variable article
    variable clitic
    variable citystates
    array set name {}
    array set cap {}
    array set adj {}
    foreach r [rows [file join $dir countries.tsv]] {
      lassign $r id kind nm cc lang surface
      if {$lang ni {ar he}} continue
      set name($cc,$lang) 1
      if {![info exists adj($cc,$lang)] && [masc $lang $surface]} { set adj($cc,$lang) $surface }
    }
    foreach r [rows [file join $dir cities.tsv]] {
      lassign $r id kind nm cc lang surface
      if {$lang in {ar he}} { set cap($cc,$lang) 1 }
    }
    set out {}
    foreach cc $::lcov::un {
      foreach lang {ar he} {
        if {![info exists name($cc,$lang)]} { lappend out [list $cc $lang name] }
        if {![info exists cap($cc,$lang)] && $cc ni $citystates} { lappend out [list $cc $lang capital] }
        if {![info exists adj($cc,$lang)]} { lappend out [list $cc $lang adjective]; continue }
        # each form with a clitic and the article on each of its words (an
        # adjective of two words: الكوري الشمالي), through the matcher
        set words [split $adj($cc,$lang) " "]
        foreach {g k} {masc -1 fem 1 pl 3 pl 5} {
          set phrase {}
          foreach w $words {
            if {$k >= 0 && [masc $lang $w]} { set w [lindex [forms $lang $w] $k] }
            lappend phrase "[dict get $article $lang]$w"
          }
          set text "[dict get $clitic $lang][join $phrase " "]"
          set got [$db eval {select group_concat(distinct coalesce(country, id)) from entity_each($text)}]
          if {$got ne $cc} { lappend out [list $cc $lang "$g $text -> $got"] }
        }
      }
    }
    return $out
  }
}

if {[info exists argv0] && [file tail $argv0] eq "lexicon_audit.tcl"} {
  package require sqlite3
  sqlite3 db :memory:
  db enable_load_extension 1
  set so [expr {[llength $argv] ? [lindex $argv 0] : "dist/diwan.so"}]
  db eval {select load_extension($so)}
  set g [laudit::gaps db [file join [file dirname [info script]] .. ext data]]
  foreach x $g { puts [join $x \t] }
  puts "[llength $g] gaps"
}
