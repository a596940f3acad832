# Splitting text: token_each and sentence_each against FTS5's own unicode61
# tokenizer reading the same text (fts5vocab over a fresh index would add
# index costs, so the baseline is a scan of a table of the same size).

set text [gen_text all $::scale]
set bytes [string bytelength $text]
db eval {create temp table src(t)}
db eval {insert into src values($text)}

set t_tok [timeit { db eval {select count(*) from src, token_each(src.t)} }]
set t_sent [timeit { db eval {select count(*) from src, sentence_each(src.t)} }]
set t_lang [timeit { db eval {select diwan_lang(t) from src} }]
set t_len [timeit { db eval {select length(t) from src} }]
report "token_each" [mbps $bytes $t_tok] MB/s
report "sentence_each" [mbps $bytes $t_sent] MB/s
report "diwan_lang (whole text)" [mbps $bytes $t_lang] MB/s
report "length() (one pass over the text, for scale)" [mbps $bytes $t_len] MB/s
