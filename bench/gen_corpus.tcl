# tclsh bench/gen_corpus.tcl OUTDIR MB [seed|all]
# A generated news folder of about MB megabytes for make bench-scale: the
# seed corpus and sample/ (with "all", the dev set too), each copy with
# its countries swapped among ten (per language, so clitics and case endings
# stay attached) and its years shifted, so events and clusters spread over
# many pairs and dates. Files go 1000 to a folder. Fixed seed: the same
# arguments give the same files.
encoding system utf-8
set root [file normalize [file join [file dirname [info script]] ..]]
lassign $argv out mb which
if {$which eq ""} { set which seed }
if {$out eq "" || ![string is double -strict $mb] || $mb <= 0 || $which ni {seed all}} {
  puts stderr "usage: tclsh bench/gen_corpus.tcl OUTDIR MB \[seed|all\]"; exit 2
}

proc read_utf8 {path} {
  set f [open $path r]; fconfigure $f -encoding utf-8
  set s [read $f]; close $f; return $s
}

# One row per country: its name in ar fr en he ru.
set countries {
  KW {الكويت Koweït Kuwait כווית Кувейт}
  BH {البحرين Bahreïn Bahrain בחריין Бахрейн}
  IQ {العراق Irak Iraq עיראק Ирак}
  DZ {الجزائر Algérie Algeria אלג'יריה Алжир}
  JO {الأردن Jordanie Jordan ירדן Иордани}
  KZ {كازاخستان Kazakhstan Kazakhstan קזחסטן Казахстан}
  TR {تركيا Turquie Turkey טורקיה Турци}
  UZ {أوزبكستان Ouzbékistan Uzbekistan אוזבקיסטן Узбекистан}
  GE {جورجيا Géorgie Georgia גאורגיה Грузи}
  PK {باكستان Pakistan Pakistan פקיסטן Пакистан}
}
set codes [dict keys $countries]

set sources {}
set pats [list $root/../shared/corpus/*.txt $root/sample/*/*.txt \
               $root/sample/*/*.md $root/sample/*/*.html]
if {$which eq "all"} { lappend pats $root/../shared/dev/*/*.txt }
foreach pat $pats {
  foreach f [lsort [glob -nocomplain $pat]] { lappend sources [read_utf8 $f] }
}
if {![llength $sources]} { puts stderr "gen_corpus: no source text"; exit 1 }

# A map swapping every country for a random one, in every language.
proc swap_map {} {
  global countries codes
  set m {}
  foreach c $codes {
    set to [lindex $codes [expr {int(rand() * [llength $codes])}]]
    foreach a [dict get $countries $c] b [dict get $countries $to] {
      if {$a ne $b} { lappend m $a $b }
    }
  }
  return $m
}

# Years 1950-2029 shifted by one offset per copy (Western and Arabic-Indic digits).
proc shift_years {s k} {
  set out ""
  set i 0
  foreach {m} [regexp -all -inline -indices {(?:19[5-9][0-9]|20[0-2][0-9]|١٩[٥-٩][٠-٩]|٢٠[٠-٢][٠-٩])} $s] {
    lassign $m a b
    set y [string range $s $a $b]
    set arab [regexp {[٠-٩]} $y]
    set v [expr {[scan [string map {٠ 0 ١ 1 ٢ 2 ٣ 3 ٤ 4 ٥ 5 ٦ 6 ٧ 7 ٨ 8 ٩ 9} $y] %d] + $k}]
    if {$arab} { set v [string map {0 ٠ 1 ١ 2 ٢ 3 ٣ 4 ٤ 5 ٥ 6 ٦ 7 ٧ 8 ٨ 9 ٩} $v] }
    append out [string range $s $i [expr {$a - 1}]] $v
    set i [expr {$b + 1}]
  }
  append out [string range $s $i end]
}

expr {srand(10)}
file mkdir $out
set want [expr {wide($mb * 1e6)}]
set n 0
set i 0
while {$n < $want} {
  set src [lindex $sources [expr {$i % [llength $sources]}]]
  set text [shift_years [string map [swap_map] $src] [expr {int(rand() * 31) - 15}]]
  set dir [format %s/%04d $out [expr {$i / 1000}]]
  if {$i % 1000 == 0} { file mkdir $dir }
  set f [open [format %s/%07d.txt $dir $i] w]
  fconfigure $f -encoding utf-8 -translation lf
  puts -nonewline $f $text
  close $f
  incr n [string length [encoding convertto utf-8 $text]]
  incr i
}
puts "$i files, $n bytes in $out"
