.print
.print == Matching: one key for every spelling (diwan_fold, ar_stem, diwan_stem)
.mode box
SELECT 'ar_normalize' AS function, 'أَحْمَدُ' AS written, ar_normalize('أَحْمَدُ') AS result
UNION ALL SELECT 'ar_normalize', '١٠ أكتوبر ١٩٩٤', ar_normalize('١٠ أكتوبر ١٩٩٤')
UNION ALL SELECT 'diwan_fold', 'L’Azerbaïdjan et le Koweït', diwan_fold('L’Azerbaïdjan et le Koweït')
UNION ALL SELECT 'diwan_fold', 'לְקַזַחְסְטָן צה״ל', diwan_fold('לְקַזַחְסְטָן צה״ל');
SELECT w AS word, ar_stem(w) AS ar_stem
  FROM (SELECT 'بالكويت' AS w UNION ALL SELECT 'وبالكويت' UNION ALL SELECT 'الكويتية'
        UNION ALL SELECT 'الأذربيجانية' UNION ALL SELECT 'والجزائرية' UNION ALL SELECT 'إلهام');
.print
.print == Full-text search with tokenize='diwan' (fold keys + stems at the same position)
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(title, body, content=docs, content_rowid=id, tokenize='diwan');
INSERT INTO docs_fts(docs_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE docs_u61 USING fts5(title, body, content=docs, content_rowid=id,
  tokenize='unicode61 remove_diacritics 2');
INSERT INTO docs_u61(docs_u61) VALUES ('rebuild');
SELECT q AS query,
       (SELECT group_concat(path, ' ') FROM docs_fts JOIN docs ON docs.id = docs_fts.rowid
         WHERE docs_fts MATCH q) AS diwan,
       (SELECT group_concat(path, ' ') FROM docs_u61 JOIN docs ON docs.id = docs_u61.rowid
         WHERE docs_u61 MATCH q) AS unicode61
  FROM (SELECT 'بالكويت' AS q UNION ALL SELECT 'كويت*' UNION ALL SELECT 'Koweit'
        UNION ALL SELECT 'לקזחסטן' UNION ALL SELECT 'اذربيجان');
.print
.print == highlight() marks the words as written
SELECT path, snippet(docs_fts, 1, '[', ']', '…', 8) AS snippet
  FROM docs_fts JOIN docs ON docs.id = docs_fts.rowid
 WHERE docs_fts MATCH 'بالكويت OR Koweit OR קזחסטן' ORDER BY path;
.print
.print == diwan_match(text, query) and the collation DIWAN
SELECT path, diwan_match(body, 'الكويت أذربيجان') AS kuwait_and_azerbaijan
  FROM docs ORDER BY path;
SELECT 'Koweït' = 'KOWEIT' COLLATE DIWAN AS latin, 'أذربيجان' = 'اذربيجان' COLLATE DIWAN AS arabic;
