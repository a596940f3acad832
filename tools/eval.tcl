# make eval: diwan measured on the development set ../shared/dev and on the
# date parsers' own suites ../shared/peers/dates.
#
#   tclsh tools/eval.tcl [dev] [peers] [-v|verbose]
#
# With no section named, both run (dev first, then peers). Environment:
#   DIWAN_SO=path       the extension (default dist/diwan.so)
#   EVAL_VERBOSE=1      also list the failures (same as -v)
#   EVAL_LANGS=ar,fr    only these languages (dev and peers)
#   EVAL_JSON=file      also write the figures as JSON
#   EVAL_DEV=dir        another gold folder of the same format (default ../shared/dev)
#   EVAL_PEERS=dir      default ../shared/peers/dates
#   EVAL_DATEPARSER=0   do not run dateparser on the peers' cases even when
#                       it is installed; EVAL_DATEPARSER_SECONDS bounds it (120)
#   EVAL_PYTHON=path    the python that has dateparser (default: python3, then
#                       /usr/bin/python3)
#
# Scoring follows ../shared/dev/README.md, "How it is scored"; the choices the
# README leaves open are stated where they are made (search "Reading:").
# The procedures live in namespace dweval and can be sourced without running
# anything (tests/95_eval_scorer.test does).

package require sqlite3

namespace eval ::dweval {
  variable contact_types {visit meeting talks}
  variable directed_types {visit embassy_opened ambassador_appointed aid support invitation mediation}
  variable lang_order {ar fr he ru en az}
}

# ---------------------------------------------------------------- reading

proc ::dweval::read_utf8 {path} {
  set f [open $path r]
  fconfigure $f -encoding utf-8
  set s [read $f]
  close $f
  return $s
}

# A TSV with '#' comment lines and one header line: a list of dicts keyed by
# the header's names (missing trailing fields are "").
proc ::dweval::read_tsv {path} {
  set rows {}
  set header {}
  foreach line [split [read_utf8 $path] \n] {
    set line [string trimright $line \r]
    if {$line eq "" || [string index $line 0] eq "#"} continue
    set fields [split $line \t]
    if {$header eq ""} { set header $fields; continue }
    set d {}
    set i 0
    foreach h $header {
      dict set d $h [lindex $fields $i]
      incr i
    }
    lappend rows $d
  }
  return $rows
}

# ---------------------------------------------------------------- days

# What a gold day interval is: "none" ('-', bare 'XXXX' or empty: no usable
# date), "md" (year unknown: XXXX-MM-DD on both ends), "open" (one end a day,
# the other XXXX: "since 1997" is 1997-01-01..XXXX) or "full".
proc ::dweval::date_kind {first last} {
  set day {^[0-9]{4}-[0-9]{2}-[0-9]{2}$}
  set f [regexp $day $first]
  set l [regexp $day $last]
  if {$f && $l} { return full }
  if {($f && $last in {- XXXX ""}) || ($l && $first in {- XXXX ""})} { return open }
  if {[string match XXXX-* $first] && [string match XXXX-* $last]} { return md }
  return none
}

# The days of a full or open gold interval, an open end made far.
proc ::dweval::bounds {first last} {
  set day {^[0-9]{4}-[0-9]{2}-[0-9]{2}$}
  list [expr {[regexp $day $first] ? $first : "0000-01-01"}] [expr {[regexp $day $last] ? $last : "9999-12-31"}]
}

proc ::dweval::month_days {year month} {
  set month [scan $month %d]
  if {$month == 2} {
    if {![string is integer -strict $year]} { return 29 }
    set y [scan $year %d]
    return [expr {($y % 4 == 0 && $y % 100 != 0) || $y % 400 == 0 ? 29 : 28}]
  }
  return [expr {$month in {4 6 9 11} ? 30 : 31}]
}

# The month-day interval {MM-DD MM-DD} of an extracted date, from its days when
# both lie in one year, else from an EDTF value ????-MM-DD or ????-MM; "" when
# it has none.
proc ::dweval::md_of {first last value} {
  if {$first ne "" && $last ne ""} {
    if {[string range $first 0 3] ne [string range $last 0 3]} { return "" }
    return [list [string range $first 5 end] [string range $last 5 end]]
  }
  if {[regexp {^([0-9X]{4})-([0-9]{2})-([0-9]{2})$} $value -> y m d]} {
    return [list $m-$d $m-$d]
  }
  if {[regexp {^([0-9X]{4})-([0-9]{2})$} $value -> y m]} {
    return [list $m-01 $m-[month_days $y $m]]
  }
  return ""
}

proc ::dweval::next_day {day} {
  clock format [clock add [clock scan $day -format %Y-%m-%d -gmt 1] 1 day] -format %Y-%m-%d -gmt 1
}

# Gold contact rows are merged when their dates meet. Reading: the intervals
# share a day or touch (one ends the day before the other starts); a row with
# no usable date meets any; two year-less ones are compared on month-day; a
# year-less and a full one on month-day too.
proc ::dweval::dates_meet {f1 l1 f2 l2} {
  set k1 [date_kind $f1 $l1]
  set k2 [date_kind $f2 $l2]
  if {$k1 eq "none" || $k2 eq "none"} { return 1 }
  if {$k1 ne "md" && $k2 ne "md"} {
    lassign [bounds $f1 $l1] f1 l1
    lassign [bounds $f2 $l2] f2 l2
    if {$l1 ne "9999-12-31"} { set l1 [next_day $l1] }
    if {$l2 ne "9999-12-31"} { set l2 [next_day $l2] }
    return [expr {[string compare $f1 $l2] <= 0 && [string compare $f2 $l1] <= 0}]
  }
  lassign [list [string range $f1 5 end] [string range $l1 5 end] [string range $f2 5 end] [string range $l2 5 end]] a b c d
  return [expr {[string compare $a $d] <= 0 && [string compare $c $b] <= 0}]
}

# Dated right: the extracted [first_day, last_day] lies inside the gold
# interval (an open end: no bound there); a year-less gold (XXXX-MM-DD) wants
# an extracted value ending in -MM-DD (generally: its month-day interval
# inside the gold's).
proc ::dweval::date_inside {gfirst glast efirst elast evalue} {
  switch [date_kind $gfirst $glast] {
    none { return 1 }
    full - open {
      if {$efirst eq "" || $elast eq ""} { return 0 }
      lassign [bounds $gfirst $glast] gfirst glast
      return [expr {[string compare $gfirst $efirst] <= 0 && [string compare $elast $glast] <= 0}]
    }
    md {
      set md [md_of $efirst $elast $evalue]
      if {$md eq ""} { return 0 }
      lassign $md a b
      return [expr {[string compare [string range $gfirst 5 end] $a] <= 0 &&
                    [string compare $b [string range $glast 5 end]] <= 0}]
    }
  }
}

# A date_each row "has the interval" of a gold date: the same first and last
# day. Reading for the gold that has no such days: XXXX-MM-DD is met by a
# value ending in -MM-DD (the year, when the row gives one, is not judged: the
# gold says it cannot be known; XXXX-MM-01..XXXX-MM-31 by one ending in -MM);
# a bare XXXX by a value whose year is unknown (XXXX…); an open interval
# (1997-01-01..XXXX, "since 1997") by a row with the same known end (since
# date_each's modifier does not change the days, "since 1997" gives 1997).
proc ::dweval::date_equal {gfirst glast efirst elast evalue} {
  switch [date_kind $gfirst $glast] {
    none {
      if {$gfirst ne "XXXX" && $glast ne "XXXX"} { return 0 }
      return [string match XXXX* $evalue]
    }
    full { return [expr {$efirst eq $gfirst && $elast eq $glast}] }
    open {
      if {[regexp {^[0-9]{4}-} $gfirst]} { return [expr {$efirst eq $gfirst}] }
      return [expr {$elast eq $glast}]
    }
    md {
      set md [md_of $efirst $elast $evalue]
      return [expr {$md ne "" && $md eq [list [string range $gfirst 5 end] [string range $glast 5 end]]}]
    }
  }
}

# ---------------------------------------------------------------- rows

# Constructors (used by the tests, and by the loaders below).
# gold row: doc, evidence, types (a list), actor1, actor2, first_day, last_day,
# status, required.
proc ::dweval::grow {doc types a1 a2 first last status required {evidence ""}} {
  dict create doc $doc evidence $evidence types [split $types |] actor1 $a1 actor2 $a2 \
    first_day $first last_day $last status $status required $required
}

# extracted row: doc, type, actor1, actor2, status, first_day, last_day, value, text.
proc ::dweval::xrow {doc type a1 a2 {status happened} {first ""} {last ""} {value ""} {text ""}} {
  dict create doc $doc type $type actor1 $a1 actor2 $a2 status $status \
    first_day $first last_day $last value $value text $text
}

proc ::dweval::pair {a1 a2} {
  join [lsort [list $a1 $a2]] -
}

# Maximum bipartite matching (Kuhn): adj is a dict left -> rights in order of
# preference; lefts are tried in the order given. Returns a dict right -> left.
proc ::dweval::bipartite {lefts adj} {
  array set owner {}
  foreach l $lefts {
    array unset seen
    array set seen {}
    bp_try $l adj owner seen
  }
  array get owner
}

proc ::dweval::bp_try {l adjName ownerName seenName} {
  upvar 1 $adjName adj $ownerName owner $seenName seen
  if {![dict exists $adj $l]} { return 0 }
  foreach r [dict get $adj $l] {
    if {[info exists seen($r)]} continue
    set seen($r) 1
    if {![info exists owner($r)] || [bp_try $owner($r) adj owner seen]} {
      set owner($r) $l
      return 1
    }
  }
  return 0
}

# ---------------------------------------------------------------- events

# The gold rows of one document become its events. Rows whose types are all
# contact types (visit, meeting, talks), with the same unordered pair, the same
# status and dates that meet (transitively) are one event with the union of
# their types; its actor1/actor2 are the visit row's (the visitor first), its
# days the span of its dated rows, required when any of its rows is. Every
# other row is an event of its own. An event: types pair actor1 actor2
# first_day last_day status required evidence (list) rows (indices).
proc ::dweval::gold_events {gold} {
  variable contact_types
  set n [llength $gold]
  for {set i 0} {$i < $n} {incr i} { set parent($i) $i }
  set contact {}
  for {set i 0} {$i < $n} {incr i} {
    set g [lindex $gold $i]
    set all 1
    foreach t [dict get $g types] { if {$t ni $contact_types} { set all 0 } }
    if {$all && [llength [dict get $g types]]} { lappend contact $i }
  }
  foreach i $contact {
    set gi [lindex $gold $i]
    foreach j $contact {
      if {$j <= $i} continue
      set gj [lindex $gold $j]
      if {[dict get $gi doc] ne [dict get $gj doc]} continue
      if {[pair [dict get $gi actor1] [dict get $gi actor2]] ne [pair [dict get $gj actor1] [dict get $gj actor2]]} continue
      if {[dict get $gi status] ne [dict get $gj status]} continue
      if {![dates_meet [dict get $gi first_day] [dict get $gi last_day] [dict get $gj first_day] [dict get $gj last_day]]} continue
      set ri [uf_find parent $i]
      set rj [uf_find parent $j]
      if {$ri != $rj} { set parent([expr {max($ri, $rj)}]) [expr {min($ri, $rj)}] }
    }
  }
  set groups {}
  for {set i 0} {$i < $n} {incr i} { dict lappend groups [uf_find parent $i] $i }
  set events {}
  dict for {root members} $groups {
    set first [lindex $gold [lindex $members 0]]
    set lead $first
    foreach m $members {
      if {"visit" in [dict get [lindex $gold $m] types]} { set lead [lindex $gold $m]; break }
    }
    set types {}
    set req 0
    set ev {}
    set dated {}
    foreach m $members {
      set g [lindex $gold $m]
      foreach t [dict get $g types] { if {$t ni $types} { lappend types $t } }
      if {[dict get $g required] eq "1"} { set req 1 }
      lappend ev [dict get $g evidence]
      set k [date_kind [dict get $g first_day] [dict get $g last_day]]
      if {$k ne "none"} { dict lappend dated $k [list [dict get $g first_day] [dict get $g last_day]] }
    }
    # The span of the dated rows (the full dates when some are year-less).
    if {[dict exists $dated full]} {
      set spans [dict get $dated full]
    } elseif {[dict exists $dated md]} {
      set spans [dict get $dated md]
    } else {
      set spans [list [list [dict get $first first_day] [dict get $first last_day]]]
    }
    set f [lindex [lsort [lmap s $spans {lindex $s 0}]] 0]
    set l [lindex [lsort [lmap s $spans {lindex $s 1}]] end]
    lappend events [dict create doc [dict get $first doc] types $types \
      actor1 [dict get $lead actor1] actor2 [dict get $lead actor2] \
      pair [pair [dict get $lead actor1] [dict get $lead actor2]] \
      first_day $f last_day $l status [dict get $first status] required $req \
      evidence $ev rows $members]
  }
  return $events
}

proc ::dweval::uf_find {parentName i} {
  upvar 1 $parentName parent
  while {$parent($i) != $i} { set i $parent($i) }
  return $i
}

# Does extracted row x fit event e (type among its types, same unordered pair,
# and, when aware, the same status)?
proc ::dweval::fits {x e aware} {
  if {[dict get $x type] ni [dict get $e types]} { return 0 }
  if {[pair [dict get $x actor1] [dict get $x actor2]] ne [dict get $e pair]} { return 0 }
  if {$aware && [dict get $x status] ne [dict get $e status]} { return 0 }
  return 1
}

# Preference among the events a row fits (only a tie-break of the matching,
# which maximises the matched required events): the event told in the row's
# sentence, then one whose date the row's lies inside, then gold order.
proc ::dweval::preference {x e} {
  set score 0
  set text [dict get $x text]
  foreach ev [dict get $e evidence] {
    set probe [string trim [string range $ev 0 24]]
    if {$probe ne "" && [string first $probe $text] >= 0} { set score 2; break }
  }
  if {[date_kind [dict get $e first_day] [dict get $e last_day]] ne "none" &&
      [date_inside [dict get $e first_day] [dict get $e last_day] [dict get $x first_day] [dict get $x last_day] [dict get $x value]]} {
    incr score
  }
  return $score
}

# Score one document: events (from gold_events) against its extracted rows.
# Returns a dict:
#   outcome: per row, one of right (matched a required event), fp (counted,
#            wrong), ignored (not counted)
#   types_on: per event, the types of the rows scored on it (the matching
#            row's, then the contact rows not counted)
#   why:     per row, the reason (matched, no-fit, duplicate, doubtful, contact)
#   event_of: per row, the event index it was scored against, or -1
#   matched: per event, the index of the row that matched it, or -1
proc ::dweval::score_doc {events rows aware} {
  variable contact_types
  set nr [llength $rows]
  set ne [llength $events]
  # Rows that fit each event, and the matching over required events.
  set adj {}
  set lefts {}
  for {set r 0} {$r < $nr} {incr r} {
    set x [lindex $rows $r]
    set cands {}
    for {set e 0} {$e < $ne} {incr e} {
      set ev [lindex $events $e]
      if {[dict get $ev required] == 1 && [fits $x $ev $aware]} {
        lappend cands [list $e [preference $x $ev]]
      }
    }
    set cands [lsort -integer -decreasing -index 1 $cands]
    dict set adj $r [lmap c $cands {lindex $c 0}]
    lappend lefts [list $r [expr {[llength $cands] ? [lindex $cands 0 1] : -1}]]
  }
  # Rows told in the gold event's sentence (then with its date) claim first;
  # lsort is stable, so text order otherwise.
  set lefts [lmap l [lsort -integer -decreasing -index 1 $lefts] {lindex $l 0}]
  set owner [bipartite $lefts $adj]
  set matched [lrepeat $ne -1]
  set outcome [lrepeat $nr ""]
  set why [lrepeat $nr ""]
  set event_of [lrepeat $nr -1]
  dict for {e r} $owner {
    lset matched $e $r
    lset outcome $r right
    lset why $r matched
    lset event_of $r $e
  }
  # Types already scored on each matched event (the matching row's type).
  set used {}
  dict for {e r} $owner { dict lappend used $e [dict get [lindex $rows $r] type] }
  # The other rows, in text order.
  for {set r 0} {$r < $nr} {incr r} {
    if {[lindex $outcome $r] ne ""} continue
    set x [lindex $rows $r]
    set type [dict get $x type]
    # Rows that fit a required = 0 event are ignored (matched to a free one
    # when there is one, for the record).
    set doubtful -1
    for {set e 0} {$e < $ne} {incr e} {
      set ev [lindex $events $e]
      if {[dict get $ev required] != 1 && [fits $x $ev $aware]} {
        if {$doubtful < 0 || [lindex $matched $e] < 0 && [lindex $matched $doubtful] >= 0} { set doubtful $e }
      }
    }
    if {$doubtful >= 0} {
      if {[lindex $matched $doubtful] < 0} { lset matched $doubtful $r }
      dict lappend used $doubtful $type
      lset outcome $r ignored
      lset why $r doubtful
      lset event_of $r $doubtful
      continue
    }
    # A contact row of another type than the one(s) already scored on a
    # matched event it fits (the talks row of a matched visit|talks) is not
    # counted. Reading: "fits" as for a right row: its type among the
    # event's types (after the merge), the same unordered pair, the same
    # status when aware.
    set contact -1
    if {$type in $contact_types} {
      for {set e 0} {$e < $ne} {incr e} {
        if {[lindex $matched $e] < 0} continue
        if {![fits $x [lindex $events $e] $aware]} continue
        if {[dict exists $used $e] && $type in [dict get $used $e]} continue
        set contact $e
        break
      }
    }
    if {$contact >= 0} {
      dict lappend used $contact $type
      lset outcome $r ignored
      lset why $r contact
      lset event_of $r $contact
      continue
    }
    # Anything else is a false positive: it fits no event, or it is another
    # row of the same type for an already matched event.
    lset outcome $r fp
    set dup -1
    for {set e 0} {$e < $ne} {incr e} {
      if {[fits $x [lindex $events $e] $aware]} { set dup $e; break }
    }
    lset why $r [expr {$dup >= 0 ? "duplicate" : "no-fit"}]
    lset event_of $r $dup
  }
  set types_on {}
  for {set e 0} {$e < $ne} {incr e} {
    lappend types_on [expr {[dict exists $used $e] ? [dict get $used $e] : {}}]
  }
  dict create outcome $outcome why $why event_of $event_of matched $matched types_on $types_on
}

# Counters of one scoring, added to the dict in varName:
#   rows right fp ignored counted req matched dir_n dir_ok dat_n dat_ok
#   type,<t>,rows type,<t>,right type,<t>,counted type,<t>,req
#   type,<t>,matched (required events with type t found by a row of type t)
proc ::dweval::tally {varName events rows result} {
  upvar 1 $varName acc
  variable directed_types
  foreach k {rows right fp ignored counted req matched dir_n dir_ok dat_n dat_ok} {
    if {![dict exists $acc $k]} { dict set acc $k 0 }
  }
  foreach x $rows o [dict get $result outcome] e [dict get $result event_of] {
    set t [dict get $x type]
    dict incr acc rows
    dict incr acc type,$t,rows
    if {$o eq "right"} {
      dict incr acc right
      dict incr acc counted
      dict incr acc type,$t,right
      dict incr acc type,$t,counted
      if {$t in $directed_types} {
        dict incr acc dir_n
        if {[dict get $x actor1] eq [dict get [lindex $events $e] actor1]} { dict incr acc dir_ok }
      }
    } elseif {$o eq "fp"} {
      dict incr acc fp
      dict incr acc counted
      dict incr acc type,$t,counted
    } else {
      dict incr acc ignored
    }
  }
  foreach ev $events m [dict get $result matched] on [dict get $result types_on] {
    if {[dict get $ev required] != 1} continue
    dict incr acc req
    foreach t [dict get $ev types] {
      dict incr acc type,$t,req
      if {$m >= 0 && $t in $on} { dict incr acc type,$t,matched }
    }
    if {$m < 0} continue
    set x [lindex $rows $m]
    dict incr acc matched
    if {[date_kind [dict get $ev first_day] [dict get $ev last_day]] ne "none"} {
      dict incr acc dat_n
      if {[date_inside [dict get $ev first_day] [dict get $ev last_day] \
             [dict get $x first_day] [dict get $x last_day] [dict get $x value]]} {
        dict incr acc dat_ok
      }
    }
  }
}

# Score gold rows against extracted rows (both of any number of documents).
# Returns the counters of tally plus, under "fp" and "missed" lists, the
# false positives (rows) and the unmatched required events.
proc ::dweval::score_events {gold rows {aware 1}} {
  set docs {}
  foreach g $gold { dict lappend docs [dict get $g doc] [list g $g] }
  foreach x $rows { dict lappend docs [dict get $x doc] [list x $x] }
  set acc {}
  set fps {}
  set missed {}
  set undated {}
  dict for {doc items} $docs {
    set dg {}
    set dx {}
    foreach it $items {
      if {[lindex $it 0] eq "g"} { lappend dg [lindex $it 1] } else { lappend dx [lindex $it 1] }
    }
    set events [gold_events $dg]
    set res [score_doc $events $dx $aware]
    tally acc $events $dx $res
    foreach x $dx o [dict get $res outcome] w [dict get $res why] {
      if {$o eq "fp"} { lappend fps [dict replace $x why $w] }
    }
    foreach ev $events m [dict get $res matched] {
      if {[dict get $ev required] != 1} continue
      if {$m < 0} { lappend missed $ev; continue }
      # A matched event with a gold date its row does not hold (dated wrong).
      set x [lindex $dx $m]
      if {[date_kind [dict get $ev first_day] [dict get $ev last_day]] ne "none" &&
          ![date_inside [dict get $ev first_day] [dict get $ev last_day] \
              [dict get $x first_day] [dict get $x last_day] [dict get $x value]]} {
        lappend undated [list $ev $x]
      }
    }
  }
  foreach k {rows right fp ignored counted req matched dir_n dir_ok dat_n dat_ok} {
    if {![dict exists $acc $k]} { dict set acc $k 0 }
  }
  dict set acc fp_rows $fps
  dict set acc missed_events $missed
  dict set acc undated $undated
  return $acc
}

# ---------------------------------------------------------------- dates

# Character positions (1-based, as date_each's) of every occurrence of s in
# body, found by SQLite so that they count characters as date_each does.
proc ::dweval::occurrences {db body s} {
  set out {}
  if {$s eq ""} { return $out }
  set from 1
  while 1 {
    set i [$db onecolumn {select instr(substr($body, $from), $s)}]
    if {$i == 0} break
    lappend out [expr {$from + $i - 1}]
    set from [expr {$from + $i}]
  }
  return $out
}

# Score the dates of one document. gold: dicts with surface first_day
# last_day; rows: date_each rows (start length value first_day last_day).
# occ: a dict surface -> list of 1-based starts in the body (occurrences).
#
# Where a gold surface occurs: every occurrence of it in the body that is not
# inside an occurrence of a longer gold surface of the same document (أمس in
# عصر أمس). Reading: when a surface occurs more often than the gold lists it,
# any of its occurrences may be the gold one; a gold date is found when a row
# with its interval overlaps one of them, each occurrence serving one gold
# row (maximum matching). A row is right when it overlaps an occurrence of
# some gold surface and has that gold's interval.
proc ::dweval::score_dates {gold rows occ} {
  # Spans of each gold surface.
  set spans {}
  set surfaces {}
  foreach g $gold { if {[dict get $g surface] ni $surfaces} { lappend surfaces [dict get $g surface] } }
  foreach s $surfaces {
    set len [string length $s]
    set keep {}
    foreach p [expr {[dict exists $occ $s] ? [dict get $occ $s] : {}}] {
      set inside 0
      foreach t $surfaces {
        if {[string length $t] <= $len || [string first $s $t] < 0} continue
        set tl [string length $t]
        foreach q [expr {[dict exists $occ $t] ? [dict get $occ $t] : {}}] {
          if {$q <= $p && $p + $len <= $q + $tl} { set inside 1; break }
        }
        if {$inside} break
      }
      if {!$inside} { lappend keep [list $p $len] }
    }
    dict set spans $s $keep
  }
  set overlap [list apply {{a b} {
    lassign $a s1 l1
    lassign $b s2 l2
    expr {$s1 < $s2 + $l2 && $s2 < $s1 + $l1}
  }}]
  # Gold -> spans a row with its interval overlaps.
  set adj {}
  set lefts {}
  set gi 0
  foreach g $gold {
    set cands {}
    foreach sp [dict get $spans [dict get $g surface]] {
      foreach x $rows {
        if {[{*}$overlap $sp [list [dict get $x start] [dict get $x length]]] &&
            [date_equal [dict get $g first_day] [dict get $g last_day] [dict get $x first_day] [dict get $x last_day] [dict get $x value]]} {
          lappend cands [dict get $g surface]@[lindex $sp 0]
          break
        }
      }
    }
    dict set adj $gi $cands
    lappend lefts $gi
    incr gi
  }
  set owner [bipartite $lefts $adj]
  set found_idx {}
  dict for {sp g} $owner { lappend found_idx $g }
  set missed {}
  set gi 0
  foreach g $gold {
    if {$gi ni $found_idx} { lappend missed $g }
    incr gi
  }
  set right 0
  set wrong {}
  foreach x $rows {
    set ok 0
    foreach g $gold {
      foreach sp [dict get $spans [dict get $g surface]] {
        if {[{*}$overlap $sp [list [dict get $x start] [dict get $x length]]] &&
            [date_equal [dict get $g first_day] [dict get $g last_day] [dict get $x first_day] [dict get $x last_day] [dict get $x value]]} {
          set ok 1
          break
        }
      }
      if {$ok} break
    }
    if {$ok} { incr right } else { lappend wrong $x }
  }
  dict create gold [llength $gold] found [llength $found_idx] rows [llength $rows] \
    right $right missed $missed wrong $wrong
}

# ---------------------------------------------------------------- output

proc ::dweval::ratio {n d} {
  if {$d == 0} { return "-" }
  format %.3f [expr {double($n) / $d}]
}

# "0.857 12/14" in a fixed width.
proc ::dweval::cell {n d {w 13}} {
  format "%-${w}s" "[ratio $n $d] $n/$d"
}

proc ::dweval::json_str {s} {
  set map [list \\ \\\\ \" \\\" \n \\n \r \\r \t \\t]
  return "\"[string map $map $s]\""
}

# A figure as JSON: {"n": .., "d": .., "value": ..|null}.
proc ::dweval::json_fig {n d} {
  set v [expr {$d == 0 ? "null" : [format %.4f [expr {double($n) / $d}]]}]
  return "{\"n\": $n, \"d\": $d, \"value\": $v}"
}

proc ::dweval::json_obj {pairs} {
  set parts {}
  foreach {k v} $pairs { lappend parts "[json_str $k]: $v" }
  return "{[join $parts {, }]}"
}

# ---------------------------------------------------------------- running

proc ::dweval::open_db {so} {
  sqlite3 ::dweval::db :memory:
  ::dweval::db enable_load_extension 1
  ::dweval::db eval {select load_extension($so)}
  ::dweval::db enable_load_extension 0
}

proc ::dweval::has_status {} {
  expr {"status" in [db eval {select name from pragma_table_info('event_each')}]}
}

proc ::dweval::sorted_langs {langs} {
  variable lang_order
  set out {}
  foreach l $lang_order { if {$l in $langs} { lappend out $l } }
  foreach l [lsort $langs] { if {$l ni $out} { lappend out $l } }
  return $out
}

proc ::dweval::wanted {lang} {
  variable only
  expr {![llength $only] || $lang in $only}
}

# Everything of the dev set: the figures per language and overall, the
# per-type table, and with verbose the failures.
proc ::dweval::run_dev {dir verbose} {
  variable json
  set status [has_status]
  set langs {}
  foreach f [glob -nocomplain -directory $dir docs.*.tsv] {
    set l [lindex [split [file tail $f] .] 1]
    if {[wanted $l]} { lappend langs $l }
  }
  set langs [sorted_langs $langs]
  puts "== events and dates on $dir"
  if {$status} {
    puts "event_each has a status column: status-aware scoring uses it"
  } else {
    puts "event_each has no status column: its rows count as 'happened'"
  }
  set per {}
  foreach l $langs {
    set docs [read_tsv [file join $dir docs.$l.tsv]]
    set gold {}
    if {[file exists [file join $dir events.$l.tsv]]} {
      foreach g [read_tsv [file join $dir events.$l.tsv]] {
        lappend gold [grow [dict get $g docid] [dict get $g types] [dict get $g actor1] [dict get $g actor2] \
          [dict get $g first_day] [dict get $g last_day] [dict get $g status] [dict get $g required] [dict get $g evidence]]
      }
    }
    set dgold {}
    if {[file exists [file join $dir dates.$l.tsv]]} {
      foreach g [read_tsv [file join $dir dates.$l.tsv]] { dict lappend dgold [dict get $g docid] $g }
    }
    set rows {}
    set dacc [dict create gold 0 found 0 rows 0 right 0]
    set dmissed {}
    set dwrong {}
    set ndocs 0
    foreach d $docs {
      set id [dict get $d docid]
      set pub [dict get $d published]
      set path [file join $dir $l $id.txt]
      if {![file exists $path]} { puts "warning: $path not found"; continue }
      incr ndocs
      set body [read_utf8 $path]
      set cols {type actor1 actor2 first_day last_day value text}
      if {$status} { lappend cols status }
      set sel "select [join $cols ,] from event_each(\$body[expr {$pub ne {} ? {, $pub} : {}}])"
      set xrows {}
      if {[catch {
        db eval $sel r {
          set st [expr {$status && $r(status) ne "" ? $r(status) : "happened"}]
          lappend xrows [xrow $id $r(type) $r(actor1) $r(actor2) $st $r(first_day) $r(last_day) $r(value) $r(text)]
        }
      } err]} {
        # An error is reported and the document scored with no row.
        puts "ERROR: $l/$id: event_each: $err (the document counts with no event row)"
        set xrows {}
      }
      lappend rows {*}$xrows
      set drows {}
      if {$pub ne ""} {
        set q {select start, length, surface, value, first_day, last_day from date_each($body, $pub)}
      } else {
        set q {select start, length, surface, value, first_day, last_day from date_each($body, NULL)}
      }
      if {[catch {
        db eval $q r {
          lappend drows [dict create start $r(start) length $r(length) surface $r(surface) \
            value $r(value) first_day $r(first_day) last_day $r(last_day)]
        }
      } err]} {
        puts "ERROR: $l/$id: date_each: $err (the document counts with no date row)"
        set drows {}
      }
      set g [expr {[dict exists $dgold $id] ? [dict get $dgold $id] : {}}]
      set occ {}
      foreach x $g {
        set s [dict get $x surface]
        if {![dict exists $occ $s]} {
          dict set occ $s [occurrences db $body $s]
          if {![llength [dict get $occ $s]]} { puts "warning: $l/$id: date surface '$s' not in the text" }
        }
      }
      set res [score_dates $g $drows $occ]
      foreach k {gold found rows right} { dict incr dacc $k [dict get $res $k] }
      foreach x [dict get $res missed] { lappend dmissed [list $id $x $drows] }
      foreach x [dict get $res wrong] { lappend dwrong [list $id $x] }
    }
    set aware [score_events $gold $rows 1]
    set blind [score_events $gold $rows 0]
    dict set per $l [dict create docs $ndocs aware $aware blind $blind dates $dacc \
      gold_rows [llength [lsearch -all -exact [lmap g $gold {dict get $g required}] 1]] dmissed $dmissed dwrong $dwrong]
  }
  # Overall: the counters summed over the languages.
  set sum_aware {}
  set sum_blind {}
  set sum_dates {}
  set sum_docs 0
  set sum_goldrows 0
  dict for {l p} $per {
    incr sum_docs [dict get $p docs]
    incr sum_goldrows [dict get $p gold_rows]
    foreach {name src} {sum_aware aware sum_blind blind sum_dates dates} {
      dict for {k v} [dict get $p $src] {
        if {[string is integer -strict $v]} { dict incr $name $k $v }
      }
    }
  }
  puts ""
  puts "Events: a row is right when its type is among the gold types and its actor pair is the gold pair."
  puts "Status-aware (the main figure) needs the status too. P = right/counted rows, R = matched/required"
  puts "gold events (contact rows merged). Directed = right rows of directed types with the gold actor1."
  puts "Dated = matched required gold events with a date whose extracted days lie inside it."
  puts "Dates: P = right date_each rows/rows, R = gold dates found/gold dates."
  puts ""
  set hdr [format "%-4s %4s %9s %5s  %-13s %-13s  %-13s %-13s  %-13s %-13s  %-13s %-13s" \
    lang docs "req(rows)" rows "P aware" "R aware" "P blind" "R blind" directed dated "dates P" "dates R"]
  puts $hdr
  puts [string repeat - [string length $hdr]]
  set lines {}
  dict for {l p} $per { lappend lines [list $l [dict get $p docs] [dict get $p gold_rows] [dict get $p aware] [dict get $p blind] [dict get $p dates]] }
  if {[llength $langs] > 1} {
    lappend lines [list all $sum_docs $sum_goldrows $sum_aware $sum_blind $sum_dates]
  }
  set jlangs {}
  foreach line $lines {
    lassign $line l nd ngold a b d
    foreach k {req rows right counted matched dir_ok dir_n dat_ok dat_n} {
      if {![dict exists $a $k]} { dict set a $k 0 }
      if {![dict exists $b $k]} { dict set b $k 0 }
    }
    foreach k {gold found rows right} { if {![dict exists $d $k]} { dict set d $k 0 } }
    if {$l eq "all"} { puts [string repeat - [string length $hdr]] }
    puts [format "%-4s %4d %9s %5d  %s %s  %s %s  %s %s  %s %s" $l $nd \
      "[dict get $a req]($ngold)" [dict get $a rows] \
      [cell [dict get $a right] [dict get $a counted]] [cell [dict get $a matched] [dict get $a req]] \
      [cell [dict get $b right] [dict get $b counted]] [cell [dict get $b matched] [dict get $b req]] \
      [cell [dict get $a dir_ok] [dict get $a dir_n]] [cell [dict get $a dat_ok] [dict get $a dat_n]] \
      [cell [dict get $d right] [dict get $d rows]] [cell [dict get $d found] [dict get $d gold]]]
    lappend jlangs $l [json_obj [list \
      docs $nd required_gold_rows $ngold required_events [dict get $a req] rows [dict get $a rows] \
      ignored_rows [dict get $a ignored] \
      events_precision [json_fig [dict get $a right] [dict get $a counted]] \
      events_recall [json_fig [dict get $a matched] [dict get $a req]] \
      events_precision_blind [json_fig [dict get $b right] [dict get $b counted]] \
      events_recall_blind [json_fig [dict get $b matched] [dict get $b req]] \
      directed_right [json_fig [dict get $a dir_ok] [dict get $a dir_n]] \
      dated_right [json_fig [dict get $a dat_ok] [dict get $a dat_n]] \
      dates_precision [json_fig [dict get $d right] [dict get $d rows]] \
      dates_recall [json_fig [dict get $d found] [dict get $d gold]]]]
  }
  puts "(req: required gold events after the contact merge (required gold rows); rows: event_each rows;"
  puts " rows neither right nor counted are ignored: doubtful gold, or a contact row of a matched event)"

  # Per language, per type (status-aware).
  puts ""
  puts "Per type, status-aware: P over the rows of the type; R: of the required gold events that"
  puts "have the type among theirs, those a row of that type found (the matching row, or a contact"
  puts "row of the matched event)"
  set hdr2 [format "%-4s %-24s %5s %4s %6s %6s  %-13s %-13s" lang type rows req right matched P R]
  puts $hdr2
  puts [string repeat - [string length $hdr2]]
  set jtypes {}
  dict for {l p} $per {
    set a [dict get $p aware]
    set types {}
    dict for {k v} $a {
      if {[regexp {^type,([^,]+),} $k -> t] && $t ni $types} { lappend types $t }
    }
    set jt {}
    foreach t [lsort $types] {
      set g [list apply {{a k} { expr {[dict exists $a $k] ? [dict get $a $k] : 0} }} $a]
      set nrows [{*}$g type,$t,rows]
      set nreq [{*}$g type,$t,req]
      set nright [{*}$g type,$t,right]
      set ncount [{*}$g type,$t,counted]
      set nmatch [{*}$g type,$t,matched]
      puts [format "%-4s %-24s %5d %4d %6d %6d  %s %s" $l $t $nrows $nreq $nright $nmatch \
        [cell $nright $ncount] [cell $nmatch $nreq]]
      lappend jt $t [json_obj [list rows $nrows required $nreq \
        precision [json_fig $nright $ncount] recall [json_fig $nmatch $nreq]]]
    }
    lappend jtypes $l [json_obj $jt]
  }
  lappend json dev [json_obj [list dir [json_str $dir] status_column [expr {$status ? "true" : "false"}] \
    langs [json_obj $jlangs] types [json_obj $jtypes]]]

  if {$verbose} {
    puts ""
    puts "Failures (status-aware)"
    dict for {l p} $per {
      set a [dict get $p aware]
      set b [dict get $p blind]
      puts ""
      puts "-- $l: false positives ([llength [dict get $a fp_rows]])"
      foreach x [dict get $a fp_rows] {
        puts [format "FP   %-36s %-22s %-12s %-12s %-9s %s" [dict get $x doc] [dict get $x type] \
          "[dict get $x actor1]-[dict get $x actor2]" [dict get $x status] [dict get $x why] \
          [string map {\n " "} [string range [dict get $x text] 0 39]]]
      }
      # Events missed only for their status: matched when status-blind.
      set blind_missed {}
      foreach ev [dict get $b missed_events] { lappend blind_missed [list [dict get $ev doc] [dict get $ev rows]] }
      puts "-- $l: missed required gold events ([llength [dict get $a missed_events]])"
      foreach ev [dict get $a missed_events] {
        set note [expr {[list [dict get $ev doc] [dict get $ev rows]] ni $blind_missed ? " (found with another status)" : ""}]
        puts [format "MISS %-36s %-40s  %-30s %-12s %s%s" [dict get $ev doc] [lindex [dict get $ev evidence] 0] \
          [join [dict get $ev types] |] "[dict get $ev actor1]-[dict get $ev actor2]" [dict get $ev status] $note]
      }
      puts "-- $l: matched events not dated right ([llength [dict get $a undated]])"
      foreach u [dict get $a undated] {
        lassign $u ev x
        puts [format "UNDATED %-33s %-40s  %-12s gold %s..%s row %s..%s" [dict get $ev doc] \
          [lindex [dict get $ev evidence] 0] "[dict get $ev actor1]-[dict get $ev actor2]" \
          [dict get $ev first_day] [dict get $ev last_day] [dict get $x first_day] [dict get $x last_day]]
      }
      puts "-- $l: dates missed ([llength [dict get $p dmissed]])"
      foreach m [dict get $p dmissed] {
        lassign $m id g drows
        puts [format "MISS %-36s %-30s %s..%s" $id [dict get $g surface] [dict get $g first_day] [dict get $g last_day]]
      }
      puts "-- $l: date rows wrong ([llength [dict get $p dwrong]])"
      foreach m [dict get $p dwrong] {
        lassign $m id x
        puts [format "WRONG %-35s %-30s %s (%s..%s) at %d" $id [dict get $x surface] [dict get $x value] \
          [dict get $x first_day] [dict get $x last_day] [dict get $x start]]
      }
    }
  }
}

# ---------------------------------------------------------------- peers

# The peers' date suites: a case is right when date_each(text, anchor, lang)
# gives exactly one row with the expected first and last day. The lang
# argument is the case's language (NULL for 'und'); anchor NULL when empty.
proc ::dweval::peer_cases {dir} {
  set cases {}
  foreach f [lsort [glob -nocomplain -directory $dir *.tsv]] {
    set src [file rootname [file tail $f]]
    set i 0
    foreach r [read_tsv $f] {
      lappend cases [dict create source $src index $i lang [dict get $r lang] text [dict get $r text] \
        anchor [dict get $r anchor] first_day [dict get $r first_day] last_day [dict get $r last_day]]
      incr i
    }
  }
  return $cases
}

# Each peer is scored with its own convention for the side of the anchor a
# bare weekday or a year-less date falls on (issue 9, item 4): Duckling
# reads the next one, dateparser its default (the current period), chrono
# the nearest (its findYearClosestToRef, and a weekday without a modifier
# "closest to the reference"). EVAL_PREFER=news (or past, future, current,
# nearest) scores every peer with one setting instead.
proc ::dweval::peer_prefer {source} {
  global env
  if {[info exists env(EVAL_PREFER)] && $env(EVAL_PREFER) ne ""} { return $env(EVAL_PREFER) }
  switch -- $source { duckling { return future } dateparser { return current } chrono { return nearest } }
  return news
}

proc ::dweval::peer_right {text anchor lang first last {prefer news}} {
  set a [expr {$anchor eq "" ? "" : $anchor}]
  set l [expr {$lang in {"" und} ? "" : $lang}]
  if {[catch {
    set rows [db eval {select first_day, last_day from date_each($text, nullif($a, ''), nullif($l, ''), $prefer)}]
  }]} { return 0 }
  expr {[llength $rows] == 2 && [lindex $rows 0] eq $first && [lindex $rows 1] eq $last}
}

# dateparser's answers on the same cases, by tools/eval_dateparser.py when a
# python with dateparser is there. A dict "source index" -> 0/1, or "" when
# not run; the message says why.
proc ::dweval::dateparser_results {dir msgVar} {
  upvar 1 $msgVar msg
  global env
  if {[info exists env(EVAL_DATEPARSER)] && $env(EVAL_DATEPARSER) eq "0"} {
    set msg "dateparser: not run (EVAL_DATEPARSER=0)"
    return ""
  }
  set pys [expr {[info exists env(EVAL_PYTHON)] ? [list $env(EVAL_PYTHON)] : {python3 /usr/bin/python3}}]
  set py ""
  foreach p $pys {
    if {![catch {exec $p -c {import dateparser} 2>/dev/null}]} { set py $p; break }
  }
  if {$py eq ""} {
    set msg "dateparser: not installed (python3 -c 'import dateparser' fails), not compared"
    return ""
  }
  set secs [expr {[info exists env(EVAL_DATEPARSER_SECONDS)] ? $env(EVAL_DATEPARSER_SECONDS) : 120}]
  set helper [file join $::dweval::root tools eval_dateparser.py]
  set cmd [list $py $helper --budget $secs $dir]
  if {[auto_execok timeout] ne ""} { set cmd [list timeout [expr {$secs + 60}] {*}$cmd] }
  if {[catch {exec {*}$cmd 2>/dev/null} out]} {
    set msg "dateparser: the helper failed or timed out: [lindex [split $out \n] end]"
    return ""
  }
  set res {}
  set version ""
  set skipped 0
  foreach line [split $out \n] {
    set f [split $line \t]
    if {[lindex $f 0] eq "version"} { set version [lindex $f 1]; continue }
    if {[llength $f] != 3} continue
    lassign $f src i ok
    if {$ok eq "-"} { incr skipped; continue }
    dict set res "$src $i" $ok
  }
  set msg "dateparser $version ($py): search_dates with RELATIVE_BASE = anchor and the case's language;\n  right = exactly one date found, its day interval (by dateparser's period) the expected one"
  if {$skipped} { append msg "\n  $skipped cases not run within ${secs}s (counted wrong)" }
  return $res
}

proc ::dweval::run_peers {dir} {
  variable json
  puts "== peers' date suites in $dir"
  puts "A case is right when date_each(text, anchor, lang, prefer) gives exactly one row with the expected days;"
  puts "prefer is each peer's own convention (duckling future, dateparser current, chrono nearest) unless EVAL_PREFER is set."
  set cases {}
  foreach c [peer_cases $dir] { if {[wanted [dict get $c lang]] || ([dict get $c lang] eq "und" && ![llength $::dweval::only])} { lappend cases $c } }
  set dp [dateparser_results $dir dpmsg]
  puts $dpmsg
  set acc {}
  foreach c $cases {
    set ok [peer_right [dict get $c text] [dict get $c anchor] [dict get $c lang] [dict get $c first_day] [dict get $c last_day] [peer_prefer [dict get $c source]]]
    set src [dict get $c source]
    set l [dict get $c lang]
    set dok 0
    if {$dp ne "" && [dict exists $dp "$src [dict get $c index]"]} { set dok [dict get $dp "$src [dict get $c index]"] }
    foreach k [list "$src $l" "$src *" "* $l" "* *"] {
      dict incr acc "$k n"
      dict incr acc "$k ok" $ok
      dict incr acc "$k dp" $dok
    }
  }
  set hdr [format "%-12s %-4s %5s  %-15s %s" source lang cases diwan [expr {$dp ne "" ? "dateparser" : ""}]]
  puts $hdr
  puts [string repeat - [string length $hdr]]
  set keys {}
  foreach k [dict keys $acc] { set k [lrange $k 0 1]; if {$k ni $keys} { lappend keys $k } }
  set srcs [lsort -unique [lmap k $keys {lindex $k 0}]]
  set langs [sorted_langs [lsort -unique [lmap k $keys {lindex $k 1}]]]
  set jsrc {}
  set row [list apply {{acc k dp} {
    set n [dict get $acc "$k n"]
    set line [format "%-12s %-4s %5d  %s" {*}[string map {* all} $k] $n [::dweval::cell [dict get $acc "$k ok"] $n 15]]
    if {$dp ne ""} { append line " " [::dweval::cell [dict get $acc "$k dp"] $n 15] }
    puts $line
  }}]
  foreach s [lsort $srcs] {
    if {$s eq "*"} continue
    foreach l $langs {
      if {$l eq "*" || ![dict exists $acc "$s $l n"]} continue
      {*}$row $acc [list $s $l] $dp
    }
    {*}$row $acc [list $s *] $dp
    puts ""
  }
  foreach l $langs {
    if {$l eq "*"} continue
    {*}$row $acc [list * $l] $dp
  }
  puts [string repeat - [string length $hdr]]
  {*}$row $acc [list * *] $dp
  set jp {}
  foreach k $keys {
    set n [dict get $acc "$k n"]
    set o [list cases $n diwan [json_fig [dict get $acc "$k ok"] $n]]
    if {$dp ne ""} { lappend o dateparser [json_fig [dict get $acc "$k dp"] $n] }
    lappend jp [string map {* all} [join $k /]] [json_obj $o]
  }
  lappend json peers [json_obj [list dir [json_str $dir] figures [json_obj $jp]]]
}

proc ::dweval::main {argv} {
  global env
  variable root [file normalize [file join [file dirname [info script]] ..]]
  variable json {}
  variable only {}
  cd $root
  set verbose [expr {[info exists env(EVAL_VERBOSE)] && $env(EVAL_VERBOSE) ni {"" 0}}]
  set sections {}
  foreach a $argv {
    switch -- $a {
      -v - --verbose - verbose { set verbose 1 }
      dev - peers { lappend sections $a }
      default { puts stderr "usage: tclsh tools/eval.tcl \[dev\] \[peers\] \[-v\]"; exit 2 }
    }
  }
  if {![llength $sections]} { set sections {dev peers} }
  if {[info exists env(EVAL_LANGS)] && $env(EVAL_LANGS) ne ""} {
    set only [split [string map {" " ""} $env(EVAL_LANGS)] ,]
  }
  set so [expr {[info exists env(DIWAN_SO)] ? $env(DIWAN_SO) : "$root/dist/diwan.so"}]
  set dev [expr {[info exists env(EVAL_DEV)] ? $env(EVAL_DEV) : "../shared/dev"}]
  set peers [expr {[info exists env(EVAL_PEERS)] ? $env(EVAL_PEERS) : "../shared/peers/dates"}]
  open_db $so
  puts "diwan eval: [db onecolumn {select diwan_version()}] ($so)[expr {[llength $only] ? ", languages: [join $only ,]" : ""}]"
  foreach s $sections {
    puts ""
    if {$s eq "dev"} {
      if {![file isdirectory $dev]} {
        puts "skipped: $dev not found"
      } else {
        run_dev $dev $verbose
      }
    } else {
      if {![file isdirectory $peers]} {
        puts "skipped: $peers not found"
      } else {
        run_peers $peers
      }
    }
  }
  if {[info exists env(EVAL_JSON)] && $env(EVAL_JSON) ne ""} {
    set f [open $env(EVAL_JSON) w]
    fconfigure $f -encoding utf-8
    puts $f [json_obj [concat [list version [json_str [db onecolumn {select diwan_version()}]]] $json]]
    close $f
    puts "\nfigures written to $env(EVAL_JSON)"
  }
  db close
}

if {[info exists ::argv0] && [file normalize [info script]] eq [file normalize $::argv0]} {
  encoding system utf-8
  fconfigure stdout -encoding utf-8
  fconfigure stderr -encoding utf-8
  ::dweval::main $::argv
}
