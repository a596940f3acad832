# make eval-lemmas: how well diwan's matching conflates the forms of one
# lemma (and only those) in real Arabic and Hebrew news, against the gold
# lemmas of two morphological analysers from Debian.
#
#   tclsh tools/eval_lemmas.tcl [-v]
#
# Environment: DIWAN_SO (default dist/diwan.so), EVAL_VERBOSE=1 (same as
# -v: also list the worst false merges and misses), EVAL_LANGS=ar,he,
# EVAL_DEV (default ../shared/dev), EVAL_CORPUS (default ../shared/corpus),
# SBSTEM (the Snowball helper, default build/sbstem: tools/sbstem.c).
#
# Words: every Arabic-script word of EVAL_DEV/ar and every Hebrew-script
# word of EVAL_DEV/he, plus those of EVAL_CORPUS/*.txt; marks (tashkeel,
# niqqud) and tatweel are taken off, one- letter words dropped; each
# distinct form counts once (types, not tokens).
#
# Gold (read_hspell, read_hunspell_ar say exactly which analyses count):
#   Hebrew: hspell -l (Hspell 1.4): lemma and part of speech of each
#     reading; noun, proper noun, adjective.
#   Arabic: hunspell -m with Ayaspell (hunspell-ar): the dictionary stem of
#     each reading (st:) and whether it is a verb (po:verb). Ayaspell marks
#     no noun/adjective/name difference, so Arabic has one class, "nominal",
#     and it lists a broken plural as its own stem (مدن is not مدينة): a
#     pair of forms whose gold stems are a plural and its singular in
#     ext/data/ar_plurals.tsv is left out of every figure and counted apart
#     (the gold cannot judge it).
#   Ayaspell's function words (its stopwords and tools sections) are left
#   out. A form is kept when its readings (after the preferences below) name one
#   lemma and at least one reading is nominal (noun, proper noun,
#   adjective) and none is a verb of another lemma.
#
# Scores, by pairs of distinct forms (not B-cubed): two forms "meet" when a
# query of either finds the other. recall = pairs of forms of one lemma
# that meet / pairs of forms of one lemma; precision = pairs that meet and
# share the lemma / pairs that meet. Methods, each an FTS5 table holding one
# form per row, queried with each form in turn:
#   diwan     tokenize='diwan' queried through diwan_query (what a user's
#             search does: the fold key, the stems, Hebrew prefix readings,
#             Arabic clitic keys)
#   stem key  diwan_stem(form) alone: equal keys meet
#   fold only tokenize='diwan stem 0'
#   trigram   tokenize='trigram' queried with the form as a phrase: a form
#             finds every form that holds it as a substring (forms under
#             three letters find nothing), which is how FTS5's trigram
#             tokenizer matches
#   snowball  Snowball's Arabic stemmer (libstemmer): equal stems meet
#             (Snowball has no Hebrew)
# The lemmas are split in thirds by a hash of the lemma: "dev" (two thirds,
# the ones rules may be tuned against) and "held-out" (one third, to read
# only); pairs are scored within each part.

package require sqlite3

namespace eval ::dwlem {
  variable verbose 0
}

proc ::dwlem::read_utf8 {path} {
  set f [open $path r]
  fconfigure $f -encoding utf-8
  set s [read $f]
  close $f
  return $s
}

# The distinct words of one script in the files, marks and tatweel off.
proc ::dwlem::words {lang files} {
  if {$lang eq "ar"} {
    set word {[\u0621-\u064A\u0671\u0640\u064B-\u065F\u0670]+}
    set marks {[\u064B-\u065F\u0670\u0640]}
  } else {
    set word {[\u05D0-\u05EA\u0591-\u05C7]+}
    set marks {[\u0591-\u05C7]}
  }
  set seen [dict create]
  foreach path $files {
    foreach w [regexp -all -inline -- $word [read_utf8 $path]] {
      regsub -all -- $marks $w "" w
      if {[string length $w] >= 2} { dict set seen $w 1 }
    }
  }
  return [lsort [dict keys $seen]]
}

proc ::dwlem::tmpfile {name} {
  global env
  set dir [expr {[info exists env(TMPDIR)] ? $env(TMPDIR) : "/tmp"}]
  return [file join $dir "diwan-lemmas-[pid]-$name"]
}

# ------------------------------------------------------------------ Hebrew

# hspell -l prints each word it knows as "מילה חוקית: W" (W as a whole)
# or "צירוף חוקי: P+R" (prefix P on R), then one reading a line, tab
# first: LEMMA(POS,...). POS ע is a noun (ע,...,פרטי a proper noun), ת an
# adjective, פ a verb, x unknown. Preferences: a word that is valid whole
# is read whole (מדינה is not מ + דינה); else the reading with the shortest
# prefix (ב+כנסת, not בכ+נסת). A reading x is a function word (את(x) in
# אותו): a lemma like any other, so אותו (את or אות) is ambiguous.
proc ::dwlem::read_hspell {forms} {
  set in [tmpfile he.txt]
  set f [open $in w]
  fconfigure $f -encoding iso8859-8
  puts $f [join $forms \n]
  close $f
  # without the sanitizers make test SANITIZE=1 preloads: hspell's own
  # leaks would fail it
  set out [exec env -u LD_PRELOAD hspell -l $in 2>/dev/null]
  file delete $in
  set out [encoding convertfrom iso8859-8 [encoding convertto iso8859-1 $out]]
  set cur ""
  set asked [dict create]
  foreach w $forms { dict set asked $w 1 }
  set reads [dict create]     ;# form -> list of {plen lemma pos}
  foreach line [split $out \n] {
    if {[regexp {^\S[^:]*: (\S+)$} $line -> w]} {
      set plen 0
      if {[regexp {^(.+)\+(.+)$} $w -> p r]} {
        set plen [string length $p]
        set w $p$r
        # hspell writes a word behind a prefix with its doubled ו once
        # (ה+ועדה for הוועדה): the form as it was asked
        if {![dict exists $asked $w] && [string index $r 0] eq "ו"} { set w ${p}ו$r }
      }
      set cur $w
      continue
    }
    if {$cur eq "" || ![regexp {^\t([^(]+)\(([^)]*)\)} $line -> lemma feats]} {
      if {![string match "\t*" $line]} { set cur "" }
      continue
    }
    set fs [split $feats ,]
    switch -- [lindex $fs 0] {
      ע { set pos [expr {"פרטי" in $fs ? "propn" : "noun"}] }
      ת { set pos adj }
      פ { set pos verb }
      default { set pos other }
    }
    # שונות(x) is a function word or numeral of no named lemma (שנים
    # "two", אם "if"): a reading of its own; שונות as a name is none.
    if {$lemma eq "שונות" && $pos ne "other"} continue
    dict lappend reads $cur [list $plen $lemma $pos]
  }
  set gold [dict create]
  dict for {w rs} $reads {
    set best [lindex [lsort -integer -index 0 $rs] 0 0]
    set lemmas [dict create]
    set poss {}
    foreach r $rs {
      lassign $r plen lemma pos
      if {$plen != $best} continue
      dict set lemmas $lemma 1
      lappend poss $pos
    }
    if {[dict size $lemmas] != 1} continue
    foreach p {propn noun adj} {
      if {$p in $poss} { dict set gold $w [list [dict keys $lemmas] $p]; break }
    }
  }
  return $gold
}

# ------------------------------------------------------------------ Arabic

# hunspell -m prints one reading a line, "FORM PFX MORPH" (PFX empty when
# no prefix was split off) and a blank line after each word. MORPH holds
# st:STEM, po:verb for verbs, fl:… flags (those before st: are prefixes).
# Preferences: a word whose bare reading is itself (st: = the form, nothing
# before it) is its own lemma; else the readings without a prefix, if any;
# else all. A verb among the chosen readings drops the word.
proc ::dwlem::read_hunspell_ar {forms} {
  set in [tmpfile ar.txt]
  set f [open $in w]
  fconfigure $f -encoding utf-8
  puts $f [join $forms \n]
  close $f
  set fd [open "|env -u LD_PRELOAD hunspell -d ar -i utf-8 -m < $in 2>/dev/null" r]
  fconfigure $fd -encoding utf-8
  set out [read $fd]
  catch {close $fd}
  file delete $in
  set reads [dict create]    ;# form -> list of {bare stem verb}
  foreach line [split $out \n] {
    if {![regexp {^(\S+) (\S*) (.*)$} $line -> w pfx morph]} continue
    if {![regexp {(?:^|\s)st:(\S+)} $morph -> stem]} continue
    set bare [expr {$pfx eq "" && [string first st: $morph] == 0}]
    dict lappend reads $w [list $bare $stem [regexp {po:verb} $morph]]
  }
  set stop [function_words /usr/share/hunspell/ar.dic]
  set gold [dict create]
  dict for {w rs} $reads {
    if {[dict exists $stop $w]} continue
    set bare [lsearch -all -inline -index 0 $rs 1]
    set chosen [expr {[llength $bare] ? $bare : $rs}]
    set verb 0
    set lemmas [dict create]
    set self 0
    foreach r $chosen {
      lassign $r b stem v
      if {$v} { set verb 1 }
      dict set lemmas $stem 1
      if {$b && $stem eq $w} { set self 1 }
    }
    if {$verb} continue
    if {$self} { dict set gold $w [list $w nominal]; continue }
    if {[dict size $lemmas] == 1} { dict set gold $w [list [dict keys $lemmas] nominal] }
  }
  return $gold
}

# Ayaspell's dictionary opens with its function words (sections
# stopwords.dic and tools.dic, each with its clitic forms: وأنه, بغير),
# before the nouns (names.dic): those forms are no nouns, whatever their
# readings say.
proc ::dwlem::function_words {dic} {
  set stop [dict create]
  if {[catch {open $dic r} f]} { return $stop }
  fconfigure $f -encoding utf-8
  while {[gets $f line] >= 0} {
    if {$line eq "names.dic"} break
    dict set stop [lindex [split [lindex [split $line \t] 0] /] 0] 1
  }
  close $f
  return $stop
}

# Plural/singular pairs of ar_plurals.tsv as written: "a b" keys, both ways.
proc ::dwlem::plural_pairs {root} {
  set pairs [dict create]
  set path [file join $root ext data ar_plurals.tsv]
  if {![file exists $path]} { return $pairs }
  foreach line [split [read_utf8 $path] \n] {
    if {$line eq "" || [string index $line 0] eq "#"} continue
    lassign [split $line \t] p s
    if {$p eq "" || $s eq ""} continue
    dict set pairs "$p $s" 1
    dict set pairs "$s $p" 1
  }
  return $pairs
}

# ------------------------------------------------------------------ methods

# The matches of each form by an FTS5 table: a dict form -> list of forms
# it finds (itself left out). tokenize: the FTS5 tokenizer; quote: how a
# form is turned into a MATCH expression.
proc ::dwlem::fts_matches {db forms tokenize quote} {
  $db eval {DROP TABLE IF EXISTS lem}
  $db eval "CREATE VIRTUAL TABLE lem USING fts5(w, tokenize=\"$tokenize\")"
  $db transaction {
    set i 0
    foreach w $forms { incr i; $db eval {INSERT INTO lem(rowid, w) VALUES($i, $w)} }
  }
  set found [dict create]
  set i 0
  foreach w $forms {
    incr i
    set hits {}
    if {$quote eq "diwan"} {
      set q [$db onecolumn {SELECT diwan_query($w)}]
    } else {
      set q "\"$w\""
    }
    if {$q ne ""} {
      $db eval {SELECT rowid FROM lem WHERE lem MATCH $q} {
        if {$rowid != $i} { lappend hits [lindex $forms [expr {$rowid - 1}]] }
      }
    }
    dict set found $w $hits
  }
  $db eval {DROP TABLE lem}
  return $found
}

# The same shape from a key per form: forms of one key find each other.
proc ::dwlem::key_matches {forms keys} {
  set by [dict create]
  foreach w $forms k $keys { dict lappend by $k $w }
  set found [dict create]
  foreach w $forms k $keys {
    dict set found $w [lsearch -all -inline -exact -not [dict get $by $k] $w]
  }
  return $found
}

proc ::dwlem::sql_keys {db forms sql} {
  set keys {}
  foreach w $forms { lappend keys [$db onecolumn $sql] }
  return $keys
}

proc ::dwlem::snowball_keys {sbstem algo forms} {
  set in [tmpfile sb.txt]
  set f [open $in w]
  fconfigure $f -encoding utf-8
  puts -nonewline $f [join $forms \n]\n
  close $f
  set fd [open "|[list $sbstem $algo] < $in" r]
  fconfigure $fd -encoding utf-8
  set keys [split [string trimright [read $fd] \n] \n]
  close $fd
  file delete $in
  return $keys
}

# ------------------------------------------------------------------ scoring

# A small stable hash of a lemma: its part (0: held-out, else dev).
proc ::dwlem::part {lemma} {
  set h 5381
  foreach c [split $lemma ""] { set h [expr {($h * 33 + [scan $c %c]) & 0x7FFFFFFF}] }
  return [expr {$h % 3 == 0 ? "held-out" : "dev"}]
}

# Pairs of forms by part and POS class. found: form -> forms it finds.
# Returns a dict {part pos} -> {same met_same met met_false} plus lists
# of false merges and misses under "false" / "miss" {part}.
proc ::dwlem::score {gold found skip} {
  set r [dict create]
  set byl [dict create]
  dict for {w g} $gold { dict lappend byl [lindex $g 0] $w }
  # meeting pairs, unordered, both forms in the gold
  set met [dict create]
  dict for {a hits} $found {
    if {![dict exists $gold $a]} continue
    foreach b $hits {
      if {![dict exists $gold $b]} continue
      set key [expr {$a < $b ? [list $a $b] : [list $b $a]}]
      dict set met $key 1
    }
  }
  foreach part {dev held-out} {
    foreach pos {all noun propn adj nominal} { dict set r [list $part $pos] {0 0 0 0} }
  }
  # recall: every same-lemma pair
  dict for {lemma ws} $byl {
    set part [part $lemma]
    set pos [lindex [dict get $gold [lindex $ws 0]] 1]
    set n [llength $ws]
    set ws [lsort $ws]
    for {set i 0} {$i < $n} {incr i} {
      for {set j [expr {$i + 1}]} {$j < $n} {incr j} {
        set key [list [lindex $ws $i] [lindex $ws $j]]
        set m [dict exists $met $key]
        foreach p [list all $pos] {
          lassign [dict get $r [list $part $p]] s ms mt mf
          dict set r [list $part $p] [list [incr s] [incr ms $m] $mt $mf]
        }
        if {!$m} { dict lappend r [list miss $part] "$lemma: [lindex $key 0] ≠ [lindex $key 1]" }
      }
    }
  }
  # precision: every meeting pair within one part
  dict for {key _} $met {
    lassign $key a b
    lassign [dict get $gold $a] la pa
    lassign [dict get $gold $b] lb pb
    set part [part $la]
    if {[part $lb] ne $part} continue
    if {$la ne $lb && [dict exists $skip "$la $lb"]} {
      dict incr r [list skipped $part]
      continue
    }
    set bad [expr {$la ne $lb}]
    foreach p [lsort -unique [list all $pa $pb]] {
      lassign [dict get $r [list $part $p]] s ms mt mf
      dict set r [list $part $p] [list $s $ms [incr mt] [incr mf $bad]]
    }
    if {$bad} { dict lappend r [list false $part] "$a ($la) ~ $b ($lb)" }
  }
  return $r
}

proc ::dwlem::ratio {n d} {
  if {!$d} { return "-" }
  return [format %.3f [expr {double($n) / $d}]]
}

proc ::dwlem::report {lang name r verbose} {
  set line [format "  %-10s" $name]
  foreach part {dev held-out} {
    lassign [dict get $r [list $part all]] s ms mt mf
    append line [format " | R %5s (%d/%d) P %5s (%d/%d)" [ratio $ms $s] $ms $s [ratio [expr {$mt - $mf}] $mt] [expr {$mt - $mf}] $mt]
  }
  puts $line
  foreach pos {noun propn adj} {
    if {$lang ne "he"} break
    set line [format "    %-8s" $pos]
    foreach part {dev held-out} {
      lassign [dict get $r [list $part $pos]] s ms mt mf
      append line [format " | R %5s (%d/%d) P %5s (%d/%d)" [ratio $ms $s] $ms $s [ratio [expr {$mt - $mf}] $mt] [expr {$mt - $mf}] $mt]
    }
    puts $line
  }
  if {!$verbose} return
  foreach kind {false miss} title {"false merges" "misses"} {
    set items {}
    if {[dict exists $r [list $kind dev]]} { set items [lsort [dict get $r [list $kind dev]]] }
    if {![llength $items]} continue
    puts "      $title (dev, [llength $items]):"
    foreach it $items { puts "        $it" }
  }
}

# Why lang cannot be measured here ("" when it can): its analyser is
# missing. sh tools/install-deps.sh --lemmas installs them.
proc ::dwlem::missing {lang} {
  set tool [expr {$lang eq "he" ? "hspell" : "hunspell"}]
  if {[auto_execok $tool] eq ""} {
    return "no $tool (sh tools/install-deps.sh --lemmas, or apt-get install hspell hunspell hunspell-ar)"
  }
  if {$lang eq "ar" && ![file exists /usr/share/hunspell/ar.dic]} {
    return "no /usr/share/hunspell/ar.dic (sh tools/install-deps.sh --lemmas, or apt-get install hunspell-ar)"
  }
  return ""
}

# The forms of lang in the dev folder (and corpus), and their gold.
proc ::dwlem::gold_of {lang dev corpus root} {
  set files [glob -nocomplain -directory [file join $dev $lang] -type f *]
  if {$corpus ne ""} { lappend files {*}[glob -nocomplain -directory $corpus -type f *.txt] }
  set forms [words $lang $files]
  if {$lang eq "he"} {
    return [list $forms [read_hspell $forms] "hspell -l" [dict create]]
  }
  return [list $forms [read_hunspell_ar $forms] "hunspell -m, Ayaspell" [plural_pairs $root]]
}

# diwan's scores alone (score's dict): what tests/95_eval_lemmas.test checks.
proc ::dwlem::diwan_score {db lang dev corpus root} {
  lassign [gold_of $lang $dev $corpus $root] forms gold source skip
  set kept [lsort [dict keys $gold]]
  return [score $gold [fts_matches $db $kept diwan diwan] $skip]
}

proc ::dwlem::run_lang {db lang dev corpus sbstem verbose root} {
  lassign [gold_of $lang $dev $corpus $root] forms gold source skip
  set kept [lsort [dict keys $gold]]
  set lemmas [dict create]
  dict for {w g} $gold { dict set lemmas [lindex $g 0] 1 }
  set parts [dict create dev 0 held-out 0]
  dict for {l _} $lemmas { dict incr parts [part $l] }
  puts "== lemmas, $lang: [llength $forms] distinct words, [llength $kept] kept by $source, [dict size $lemmas] lemmas ([dict get $parts dev] dev, [dict get $parts held-out] held-out)"
  puts [format "  %-10s | %-36s | %s" method "dev: recall (pairs) precision (pairs)" "held-out"]
  set methods [list diwan [fts_matches $db $kept diwan diwan] \
                   "stem key" [key_matches $kept [sql_keys $db $kept {SELECT diwan_stem($w)}]] \
                   "fold only" [fts_matches $db $kept "diwan stem 0" diwan] \
                   trigram [fts_matches $db $kept trigram phrase]]
  if {$lang eq "ar"} {
    if {$sbstem ne "" && [file executable $sbstem]} {
      lappend methods snowball [key_matches $kept [snowball_keys $sbstem arabic $kept]]
    } else {
      puts "  (snowball skipped: no $sbstem; make eval-lemmas builds it)"
    }
  }
  foreach {name found} $methods {
    set r [score $gold $found $skip]
    report $lang $name $r [expr {$verbose && $name eq "diwan"}]
    if {$name eq "diwan"} { set diwan $r }
  }
  if {$lang eq "ar"} {
    set n 0
    foreach part {dev held-out} { if {[dict exists $diwan [list skipped $part]]} { incr n [dict get $diwan [list skipped $part]] } }
    puts "  (diwan: $n meeting pairs of a broken plural and its singular, not judged)"
  }
}

proc ::dwlem::main {argv} {
  global env
  set root [file normalize [file join [file dirname [info script]] ..]]
  cd $root
  set verbose [expr {([info exists env(EVAL_VERBOSE)] && $env(EVAL_VERBOSE) ni {"" 0}) || "-v" in $argv}]
  set so [expr {[info exists env(DIWAN_SO)] ? $env(DIWAN_SO) : "$root/dist/diwan.so"}]
  set dev [expr {[info exists env(EVAL_DEV)] ? $env(EVAL_DEV) : "../shared/dev"}]
  set corpus [expr {[info exists env(EVAL_CORPUS)] ? $env(EVAL_CORPUS) : "../shared/corpus"}]
  set sbstem [expr {[info exists env(SBSTEM)] ? $env(SBSTEM) : "$root/build/sbstem"}]
  set langs {ar he}
  if {[info exists env(EVAL_LANGS)] && $env(EVAL_LANGS) ne ""} {
    set langs [lmap l {ar he} { expr {$l in [split $env(EVAL_LANGS) ,] ? $l : [continue]} }]
  }
  if {![file isdirectory $dev]} { puts "lemmas skipped: $dev not found"; return }
  if {![file isdirectory $corpus]} { set corpus "" }
  sqlite3 ::dwlem::db :memory:
  ::dwlem::db enable_load_extension 1
  ::dwlem::db eval {SELECT load_extension($so)}
  foreach lang $langs {
    set why [missing $lang]
    if {$why ne ""} { puts "lemmas, $lang skipped: $why"; continue }
    run_lang ::dwlem::db $lang $dev $corpus $sbstem $verbose $root
  }
  ::dwlem::db close
}

if {[info exists ::argv0] && [file normalize [info script]] eq [file normalize $::argv0]} {
  encoding system utf-8
  ::dwlem::main $::argv
}
