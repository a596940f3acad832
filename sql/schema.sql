-- diwan corpus database. Load the extension first (.load ./dist/diwan), then
--   .read sql/schema.sql
-- and fill it from a folder with one statement:
--   INSERT INTO docs(path, lang, title, body, bytes, modified, replaced, published)
--     SELECT path, lang, title, body, bytes, modified, replaced, published
--       FROM corpus_read('sample') WHERE error IS NULL;
-- sql/extract.sql then derives dates, entities and events from docs.

CREATE TABLE IF NOT EXISTS docs(
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL UNIQUE,     -- relative to the imported folder
  lang     TEXT NOT NULL,            -- ISO 639-1 from diwan_lang(), or 'und'
  title    TEXT,                     -- first non-empty line (HTML: <title>)
  body     TEXT NOT NULL,            -- UTF-8, LF line ends, no BOM
  bytes    INTEGER,                  -- size of the file on disk
  modified TEXT,                     -- file time, ISO 8601 UTC
  replaced INTEGER NOT NULL DEFAULT 0, -- invalid UTF-8 sequences replaced by U+FFFD
  published TEXT                     -- publication day YYYY-MM-DD (HTML metadata,
                                     -- file name, dateline), or NULL: the anchor
                                     -- of relative and year-less dates
);
CREATE INDEX IF NOT EXISTS docs_lang ON docs(lang);

-- Every sentence of every document, with 1-based character offsets into body.
CREATE VIEW IF NOT EXISTS doc_sentences AS
  SELECT d.id AS doc_id, s.idx, s.start, s.length, s.sentence
  FROM docs AS d, sentence_each(d.body) AS s;
