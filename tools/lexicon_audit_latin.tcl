# Lexicon breadth for the 193 UN member states in French, English and
# Russian (ext/data/countries.tsv, cities.tsv): which states lack
#   fr  a lower-case adjective in its masculine, feminine and plural forms
#       (sénégalais, sénégalaise, sénégalaises), or the invariable form and
#       its plural (belge, belges);
#   en  an adjective or demonym besides the name (Senegalese, Belgian);
#   ru  the adjective in -ский/-цкий/-ний (and the six case forms of its
#       masculine: -ого, -ому, -им, -ом; the feminine -ая, -ой, -ую; the
#       plural -ие, -их, -им, -ими), and an oblique case of the name;
#   cap the capital in the language (by its English name below).
#
#   tclsh tools/lexicon_audit_latin.tcl            # one line per state that lacks something
#   tclsh tools/lexicon_audit_latin.tcl all        # and the totals
#
# tests/40_gazetteer_data.test sources this file and requires that no
# state lack anything, so breadth cannot silently regress.

source [file join [file dirname [info script]] leaders_coverage.tcl]

namespace eval lataudit {
  # The capital of each UN member state, by its English name in cities.tsv
  # (alternatives after |: the seat of government where it differs, The
  # Hague beside Amsterdam; one of them suffices).
  variable capital {
    AF Kabul AL Tirana DZ Algiers AD {Andorra la Vella} AO Luanda AG {Saint John's}
    AR {Buenos Aires} AM Yerevan AU Canberra AT Vienna AZ Baku BS Nassau BH Manama
    BD Dhaka BB Bridgetown BY Minsk BE Brussels BZ Belmopan BJ Porto-Novo BT Thimphu
    BO {La Paz|Sucre} BA Sarajevo BW Gaborone BR Brasília BN {Bandar Seri Begawan}
    BG Sofia BF Ouagadougou BI {Gitega|Bujumbura} CV Praia KH {Phnom Penh} CM Yaoundé
    CA Ottawa CF Bangui TD {N'Djamena} CL Santiago CN Beijing CO Bogotá KM Moroni
    CG Brazzaville CD Kinshasa CR {San José} CI {Yamoussoukro|Abidjan} HR Zagreb CU Havana
    CY Nicosia CZ Prague KP Pyongyang DK Copenhagen DJ Djibouti DM Roseau
    DO {Santo Domingo} EC Quito EG Cairo SV {San Salvador} GQ Malabo ER Asmara EE Tallinn
    SZ {Mbabane|Lobamba} ET {Addis Ababa} FJ Suva FI Helsinki FR Paris GA Libreville
    GM Banjul GE Tbilisi DE Berlin GH Accra GR Athens GD {St. George's} GT {Guatemala City}
    GN Conakry GW Bissau GY Georgetown HT Port-au-Prince HN Tegucigalpa HU Budapest
    IS Reykjavík IN {New Delhi} ID Jakarta IR Tehran IQ Baghdad IE Dublin IL Jerusalem
    IT Rome JM Kingston JP Tokyo JO Amman KZ Astana KE Nairobi KI {South Tarawa|Tarawa}
    KW {Kuwait City} KG Bishkek LA Vientiane LV Riga LB Beirut LS Maseru LR Monrovia
    LY Tripoli LI Vaduz LT Vilnius LU {Luxembourg City} MG Antananarivo MW Lilongwe
    MY {Kuala Lumpur} MV Malé ML Bamako MT Valletta MH Majuro MR Nouakchott MU {Port Louis}
    MX {Mexico City} FM Palikir MD Chișinău MC Monaco MN Ulaanbaatar ME Podgorica
    MA Rabat MZ Maputo MM {Naypyidaw|Yangon} NA Windhoek NR Yaren NP Kathmandu
    NL {Amsterdam|The Hague} NZ Wellington NI Managua NE Niamey NG Abuja MK Skopje NO Oslo
    OM Muscat PK Islamabad PW Ngerulmud PA {Panama City} PG {Port Moresby} PY Asunción
    PE Lima PH Manila PL Warsaw PT Lisbon QA Doha KR Seoul RO Bucharest RU Moscow
    RW Kigali KN Basseterre LC Castries VC Kingstown WS Apia SM {San Marino} ST {São Tomé}
    SA Riyadh SN Dakar RS Belgrade SC Victoria SL Freetown SG Singapore SK Bratislava
    SI Ljubljana SB Honiara SO Mogadishu ZA {Pretoria|Cape Town} SS Juba ES Madrid
    LK {Colombo|Sri Jayawardenepura Kotte} SD Khartoum SR Paramaribo SE Stockholm CH Bern
    SY Damascus TJ Dushanbe TH Bangkok TL Dili TG Lomé TO {Nukuʻalofa|Nuku'alofa}
    TT {Port of Spain} TN Tunis TR Ankara TM Ashgabat TV Funafuti UG Kampala UA Kyiv
    AE {Abu Dhabi} GB London TZ {Dodoma|Dar es Salaam} US {Washington, D.C.|Washington} UY Montevideo
    UZ Tashkent VU {Port Vila} VE Caracas VN Hanoi YE Sanaa ZM Lusaka ZW Harare
  }

  # Lacks left on purpose (countries.tsv and cities.tsv say why): forms
  # that fold like ordinary words or another state's, capitals named like
  # their state (listed only under a form that names the city).
  # Russian names that do not decline (Бангладеш, Никарагуа, Самоа) and
  # Того ("of that"); small states with no Russian adjective in use;
  # capitals whose name is an ordinary word, a common name or another
  # place's (tests/40_gazetteer_data.test gz_no_city, docs/gazetteer.md:
  # Malé, Victoria, Roseau, Apia); "Congolese" is CD's, "Dominican" DO's.
  variable exempt {
    CG {fr-adjective en-adjective ru-adjective ru-adjective-cases}
    DJ {cap-fr cap-en cap-ru} MC {cap-fr cap-en cap-ru} SG {cap-fr cap-en cap-ru}
    SM {cap-fr cap-en cap-ru} MV {cap-fr cap-en cap-ru} SC {cap-fr cap-en cap-ru}
    DM {en-adjective ru-adjective ru-adjective-cases cap-fr cap-en cap-ru}
    WS {ru-cases cap-fr cap-en cap-ru}
    BD ru-cases NI ru-cases TG ru-cases
    KN {ru-adjective ru-adjective-cases} SB {ru-adjective ru-adjective-cases}
    ST {ru-adjective ru-adjective-cases} VC {ru-adjective ru-adjective-cases}
  }

  # surfaces(cc,lang) from countries.tsv; cities(cc,lang) names of the
  # cities of cc with a surface in lang
  proc load {dir} {
    variable surf
    variable city
    array unset surf
    array unset city
    foreach {file arr} {countries.tsv surf cities.tsv city} {
      set f [open [file join $dir $file]]
      fconfigure $f -encoding utf-8
      while {[gets $f line] >= 0} {
        if {[string index $line 0] eq "#"} continue
        set r [split $line \t]
        if {[llength $r] < 6} continue
        lassign $r id kind name cc lang s
        if {$arr eq "surf"} {
          if {$id ne $cc} continue
          lappend surf($cc,$lang) $s
        } else {
          lappend city($cc,$lang,$name) $s
        }
      }
      close $f
    }
  }

  proc has_suffix {list suffixes} {
    foreach s $list {
      foreach x $suffixes { if {[string match *$x $s]} { return 1 } }
    }
    return 0
  }

  # The lacks of cc, a list of words (empty: none).
  proc lacks {cc} {
    variable surf
    variable city
    variable capital
    set out {}
    # fr: lower-case one-word forms (adjectives)
    set fr {}
    foreach s [expr {[info exists surf($cc,fr)] ? $surf($cc,fr) : {}}] {
      if {[string is lower [string index $s 0]] && [string first " " $s] < 0} { lappend fr $s }
    }
    set plural 0
    foreach s $fr { if {[string index $s end] in {s x}} { set plural 1 } }
    if {![llength $fr]} { lappend out fr-adjective } elseif {!$plural} { lappend out fr-plural }
    # en: a one-word form that is not the short name
    set en [expr {[info exists surf($cc,en)] ? $surf($cc,en) : {}}]
    set adj 0
    foreach s $en {
      if {$s ne [lindex $en 0] && ![regexp {Republic|Kingdom|State|Union|Federation|Confederation|Islands| of } $s] &&
          [regexp {(an|ese|i|ish|ic|ch|ss|er|ot|ek|ard|ik|ois|ene|ite|ean|ine|in|en|ak|be|se|que|sy|tho|Ni-.*)s?$} $s]} { set adj 1 }
    }
    if {!$adj} { lappend out en-adjective }
    # ru: the adjective and its case forms, an oblique case of the name
    set ru [expr {[info exists surf($cc,ru)] ? $surf($cc,ru) : {}}]
    foreach {what suf} {ru-adjective {ский цкий ний} ru-adjective-cases {ского ому ских ская скую цкого цкая}} {
      if {![has_suffix $ru $suf]} { lappend out $what }
    }
    # ru oblique: a capitalised form whose last word ends in -и, -у, -ю, -е,
    # -ом, -ой, -ей, -ах, -ов; a name in -о, -е, -и, -у, -ю, -э (Марокко,
    # Того, Конго, Сент-Винсент и Гренадины aside) does not decline
    set obl 0
    set nom [lindex $ru 0]
    if {[regexp {(о|е|и|у|ю|э)$} $nom]} { set obl 1 }
    foreach s $ru {
      if {[string is upper [string index $s 0]] && [regexp {(и|у|ю|е|ом|ой|ей|ах|ов|ам)$} $s]} { set obl 1 }
    }
    if {!$obl} { lappend out ru-cases }
    # capital in fr, en, ru
    foreach lang {fr en ru} {
      set found 0
      foreach name [split [dict get $capital $cc] |] {
        if {[info exists city($cc,$lang,$name)]} { set found 1 }
      }
      if {!$found} { lappend out cap-$lang }
    }
    variable exempt
    if {[dict exists $exempt $cc]} {
      set keep {}
      foreach l $out { if {$l ni [dict get $exempt $cc]} { lappend keep $l } }
      set out $keep
    }
    return $out
  }
}

if {[info script] eq $::argv0} {
  lataudit::load [file join [file dirname [info script]] .. ext data]
  set n 0
  foreach cc [lsort $lcov::un] {
    set l [lataudit::lacks $cc]
    if {[llength $l]} { incr n; puts "$cc [join $l { }]" }
  }
  if {[lindex $argv 0] eq "all"} { puts "$n of [llength $lcov::un] UN member states lack a form" }
}
