# Coverage of the dated offices (ext/data/roles*.tsv) for the 193 UN
# member states, 1990 to 2025: for each state and each of the four
# offices (head of state, head of government, foreign and defence
# minister), the share of the days a listed holder covers, counted from
# 1990-01-01 or from the day the state came into being, and the gaps of
# more than a month between holders.
#
#   tclsh tools/leaders_coverage.tcl            # one line per state
#   tclsh tools/leaders_coverage.tcl gaps       # and the gaps, per office
#
# tests/40_leaders_data.test sources this file and holds floors on the
# totals, so coverage cannot silently regress.

namespace eval lcov {
  variable offices {head_of_state head_of_government foreign_minister defence_minister}
  # The 193 UN member states (ISO 3166-1 alpha-2).
  variable un {
    AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR
    BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ KP DK
    DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW
    GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS
    LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA
    NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR RO RU RW
    KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH
    SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM
    ZW
  }
  # States born after 1990-01-01: coverage counts from that day (the
  # Soviet and Yugoslav offices before it are SU's and YU's).
  variable born {
    NA 19900321 YE 19900522 HR 19910625 SI 19910625 MK 19910908
    EE 19910820 LV 19910821 LT 19910906
    RU 19911226 UA 19911226 BY 19911226 MD 19911226 GE 19911226 AM 19911226
    AZ 19911226 KZ 19911226 UZ 19911226 TM 19911226 KG 19911226 TJ 19911226
    BA 19920303 CZ 19930101 SK 19930101 ER 19930524 PW 19941001
    TL 20020520 RS 20060605 ME 20060603 SS 20110709
  }
  variable last 20251231

  proc jd {n} { clock format [clock scan $n -format %Y%m%d -gmt 1] -format %J -gmt 1 }
  proc day {s} {
    if {![regexp {^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$} $s -> y m d]} { return -1 }
    if {$m eq ""} { set m 01 }
    if {$d eq ""} { set d 01 }
    return $y$m$d
  }

  # Reads roles*.tsv under $dir into spans(office/cc) = {{from to} ...}.
  proc load {dir} {
    variable spans
    array unset spans
    foreach path [lsort [glob -directory $dir roles*.tsv]] {
      set f [open $path r]
      fconfigure $f -encoding utf-8
      foreach line [split [read $f] \n] {
        if {$line eq "" || [string index $line 0] eq "#"} continue
        lassign [split $line \t] person role cc from to
        set a [day $from]
        set b [expr {$to eq "" ? 99991231 : [day $to]}]
        if {$a < 0 || $b < 0} continue
        lappend spans($role/$cc) [list $a $b]
      }
      close $f
    }
  }

  # Days covered and the gaps (> 31 days) of one office of one state.
  proc measure {office cc} {
    variable spans
    variable born
    variable last
    set start 19900101
    if {[dict exists $born $cc]} { set start [dict get $born $cc] }
    set s0 [jd $start]
    set s1 [jd $last]
    set total [expr {$s1 - $s0 + 1}]
    if {![info exists spans($office/$cc)]} { return [list 0 $total [list [list $start $last]]] }
    set covered 0
    set gaps {}
    set at $s0
    foreach sp [lsort -integer -index 0 $spans($office/$cc)] {
      lassign $sp a b
      set ja [expr {max([jd $a], $s0)}]
      set jb [expr {min([jd [expr {min($b, $last)}]], $s1)}]
      if {$jb < $at} continue
      if {$ja > $at} {
        if {$ja - $at > 31} { lappend gaps [list [ymd $at] [ymd [expr {$ja - 1}]]] }
        set at $ja
      }
      incr covered [expr {$jb - $at + 1}]
      set at [expr {$jb + 1}]
    }
    if {$at <= $s1 && $s1 - $at + 1 > 31} { lappend gaps [list [ymd $at] $last] }
    return [list $covered $total $gaps]
  }
  proc ymd {j} { clock format [clock scan $j -format %J -gmt 1] -format %Y%m%d -gmt 1 }

  # totals: office -> {covered-days total-days states-with-any states->=90%}
  proc totals {} {
    variable un
    variable offices
    set out {}
    foreach o $offices {
      set c 0; set t 0; set any 0; set most 0
      foreach cc $un {
        lassign [measure $o $cc] cov tot
        incr c $cov; incr t $tot
        if {$cov > 0} { incr any }
        if {$cov >= 0.9 * $tot} { incr most }
      }
      dict set out $o [list $c $t $any $most]
    }
    return $out
  }
}

if {[info exists argv0] && [file tail $argv0] eq "leaders_coverage.tcl"} {
  set dir [file join [file dirname [info script]] .. ext data]
  lcov::load $dir
  puts [format "%-3s %5s %5s %5s %5s" cc HoS HoG FM DM]
  foreach cc [lsort $lcov::un] {
    set row [list $cc]
    set gl {}
    foreach o $lcov::offices {
      lassign [lcov::measure $o $cc] cov tot gaps
      lappend row [format %3d%% [expr {100 * $cov / $tot}]]
      if {$cov > 0} { foreach g $gaps { lappend gl "$o [join $g -]" } }
    }
    puts [format "%-3s %5s %5s %5s %5s" {*}$row]
    if {[lindex $argv 0] eq "gaps"} { foreach g $gl { puts "      gap $g" } }
  }
  dict for {o v} [lcov::totals] {
    lassign $v c t any most
    puts [format "%-20s %5.1f%% of state-days; %3d states with a holder, %3d with >= 90%%" \
      $o [expr {100.0 * $c / $t}] $any $most]
  }
}
