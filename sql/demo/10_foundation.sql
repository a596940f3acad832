.load ./dist/diwan
.read sql/schema.sql
.print
.print == diwan demo: the bundled sample corpus (sample/)
INSERT INTO docs(path, lang, title, body, bytes, modified, replaced)
  SELECT path, lang, title, body, bytes, modified, replaced FROM corpus_read('sample')
   WHERE path <> 'README.md';
.mode box
SELECT id, path, lang, title FROM docs;
.print
.print == Sentences of the Hebrew article
SELECT idx, start, length, sentence FROM doc_sentences
 WHERE doc_id = (SELECT id FROM docs WHERE path = 'he/kazakhstan.txt') LIMIT 3;
.print
.print == Tokens keep geresh, gershayim, elisions, decimals and grouped numbers
SELECT idx, token, kind FROM token_each('אזרבייג''ן וצה"ל، l’Azerbaïdjan: 136.6 M$ ; 10,357,139 ؟');
