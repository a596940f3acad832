-- diwan corpus database. Load the extension first (.load ./dist/diwan), then
--   .read sql/schema.sql
-- and fill it from a folder with one statement:
--   INSERT INTO docs(path, lang, title, body, bytes, modified, replaced, published)
--     SELECT path, lang, title, body, bytes, modified, replaced, published
--       FROM corpus_read('sample') WHERE error IS NULL;
-- sql/extract.sql then derives dates, entities, events and clusters from the
-- documents changed since its last run (docs_pending). Re-runnable: every
-- statement here is IF NOT EXISTS. See docs/scaling.md.

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

-- Full-text search with the diwan tokenizer (folds, stems, Hebrew
-- prefixes): MATCH 'الكويت' finds بالكويت and الكويتية. Kept in step with
-- docs by the triggers below (an external-content table needs the old text
-- to delete a row, and only a trigger still has it).
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(
  title, body, content='docs', content_rowid='id', tokenize='diwan'
);

-- The documents whose dates, entities and events are stale: inserted,
-- updated or deleted since sql/extract.sql last ran. seq changes at every
-- change, so a worker that read a document writes its rows only if the
-- document did not change meanwhile (docs/scaling.md).
CREATE TABLE IF NOT EXISTS docs_pending(
  doc_id INTEGER PRIMARY KEY,        -- docs.id (the row may be gone)
  seq    INTEGER NOT NULL
);

CREATE TRIGGER IF NOT EXISTS docs_after_insert AFTER INSERT ON docs BEGIN
  INSERT INTO docs_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
  INSERT OR REPLACE INTO docs_pending(doc_id, seq) VALUES (new.id, random());
END;
CREATE TRIGGER IF NOT EXISTS docs_after_delete AFTER DELETE ON docs BEGIN
  INSERT INTO docs_fts(docs_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
  INSERT OR REPLACE INTO docs_pending(doc_id, seq) VALUES (old.id, random());
END;
CREATE TRIGGER IF NOT EXISTS docs_after_update_text AFTER UPDATE OF id, title, body ON docs BEGIN
  INSERT INTO docs_fts(docs_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO docs_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
-- Any column may matter (lang and path show in the clusters).
CREATE TRIGGER IF NOT EXISTS docs_after_update AFTER UPDATE ON docs BEGIN
  INSERT OR REPLACE INTO docs_pending(doc_id, seq) VALUES (old.id, random());
  INSERT OR REPLACE INTO docs_pending(doc_id, seq) VALUES (new.id, random());
END;

-- What sql/extract.sql derives from each document. Offsets (start, length)
-- are 1-based characters of docs.body: substr(body, start, length) is the
-- surface.
CREATE TABLE IF NOT EXISTS doc_dates(
  doc_id INTEGER NOT NULL REFERENCES docs(id),
  start INTEGER, length INTEGER, surface TEXT,
  value TEXT, first_day TEXT, last_day TEXT, precision TEXT,
  calendar TEXT, modifier TEXT, lang TEXT
);
CREATE TABLE IF NOT EXISTS doc_entities(
  doc_id INTEGER NOT NULL REFERENCES docs(id),
  start INTEGER, length INTEGER, surface TEXT,
  kind TEXT, id TEXT, name TEXT, country TEXT
);
CREATE TABLE IF NOT EXISTS doc_events(
  event_id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES docs(id),
  sentence INTEGER, start INTEGER, length INTEGER, trigger TEXT,
  type TEXT, cameo TEXT, value TEXT, first_day TEXT, last_day TEXT,
  precision TEXT, actor1 TEXT, actor2 TEXT, persons TEXT, place TEXT,
  status TEXT, mentions TEXT, text TEXT
);
CREATE INDEX IF NOT EXISTS doc_dates_doc ON doc_dates(doc_id);
CREATE INDEX IF NOT EXISTS doc_entities_doc ON doc_entities(doc_id);
CREATE INDEX IF NOT EXISTS doc_entities_id ON doc_entities(id);
CREATE INDEX IF NOT EXISTS doc_events_doc ON doc_events(doc_id);
-- (No index on (type, first_day): doc_events_pair below starts with type and
-- serves WHERE type = ...; each event inserted at a random place of a
-- second date-keyed index cost 0.75 s CPU per 100 MB of news. Earlier
-- databases drop it when this file runs again.)
DROP INDEX IF EXISTS doc_events_type;
-- The events of one type, status and pair (in either order), by date: what
-- the cluster refresh reads. A row added by hand without a status counts as
-- happened.
CREATE INDEX IF NOT EXISTS doc_events_pair ON doc_events(
  type, coalesce(status, 'happened'), min(actor1, actor2), max(actor1, actor2),
  first_day, last_day);

-- ---- event clusters, kept up to date by the changes of their events
-- (docs/scaling.md). A cluster key is a type, a status and a pair in a fixed
-- order (AZ-KW and KW-AZ are one pair): a1 = min(actor1, actor2),
-- a2 = max(actor1, actor2).
-- Every dated event added (n = 1) or removed (n = -1) since the last refresh
-- (sql/extract.sql ends with the refresh), with its document, key and date
-- span: rows are appended in the order events change (no key to keep in
-- order: a million events cost a million appends, not a million random
-- B-tree inserts). The refresh adds up the changes of each span and
-- document, so a cluster costs what changed in it, not what it holds.
CREATE TABLE IF NOT EXISTS event_changes(
  doc_id INTEGER, n INTEGER NOT NULL,
  type TEXT NOT NULL, status TEXT NOT NULL, a1 TEXT NOT NULL, a2 TEXT NOT NULL,
  first_day TEXT NOT NULL, last_day TEXT NOT NULL
);
-- Dropped and made again: databases made before logged the spans only
-- (event_spans_pending).
DROP TRIGGER IF EXISTS doc_events_after_insert;
CREATE TRIGGER doc_events_after_insert AFTER INSERT ON doc_events
  WHEN new.type IS NOT NULL AND new.actor1 IS NOT NULL AND new.actor2 IS NOT NULL
   AND new.first_day IS NOT NULL AND new.last_day IS NOT NULL BEGIN
  INSERT INTO event_changes(doc_id, n, type, status, a1, a2, first_day, last_day)
    VALUES (new.doc_id, 1, new.type, coalesce(new.status, 'happened'),
            min(new.actor1, new.actor2), max(new.actor1, new.actor2),
            new.first_day, new.last_day);
END;
DROP TRIGGER IF EXISTS doc_events_after_delete;
CREATE TRIGGER doc_events_after_delete AFTER DELETE ON doc_events
  WHEN old.type IS NOT NULL AND old.actor1 IS NOT NULL AND old.actor2 IS NOT NULL
   AND old.first_day IS NOT NULL AND old.last_day IS NOT NULL BEGIN
  INSERT INTO event_changes(doc_id, n, type, status, a1, a2, first_day, last_day)
    VALUES (old.doc_id, -1, old.type, coalesce(old.status, 'happened'),
            min(old.actor1, old.actor2), max(old.actor1, old.actor2),
            old.first_day, old.last_day);
END;
DROP TRIGGER IF EXISTS doc_events_after_update;
CREATE TRIGGER doc_events_after_update AFTER UPDATE ON doc_events BEGIN
  INSERT INTO event_changes(doc_id, n, type, status, a1, a2, first_day, last_day)
    SELECT old.doc_id, -1, old.type, coalesce(old.status, 'happened'),
           min(old.actor1, old.actor2), max(old.actor1, old.actor2),
           old.first_day, old.last_day
     WHERE old.type IS NOT NULL AND old.actor1 IS NOT NULL AND old.actor2 IS NOT NULL
       AND old.first_day IS NOT NULL AND old.last_day IS NOT NULL;
  INSERT INTO event_changes(doc_id, n, type, status, a1, a2, first_day, last_day)
    SELECT new.doc_id, 1, new.type, coalesce(new.status, 'happened'),
           min(new.actor1, new.actor2), max(new.actor1, new.actor2),
           new.first_day, new.last_day
     WHERE new.type IS NOT NULL AND new.actor1 IS NOT NULL AND new.actor2 IS NOT NULL
       AND new.first_day IS NOT NULL AND new.last_day IS NOT NULL;
END;

-- Every distinct date span of a key that has events, with its canonical
-- span: the narrowest span of the same key inside it when exactly one is
-- narrowest (1994 → 1994-10-10), else itself (two different days never
-- meet). Many events on one day are one span.
CREATE TABLE IF NOT EXISTS event_spans(
  type TEXT NOT NULL, status TEXT NOT NULL, a1 TEXT NOT NULL, a2 TEXT NOT NULL,
  first_day TEXT NOT NULL, last_day TEXT NOT NULL,
  width REAL,                        -- days from first_day to last_day
  c_first TEXT, c_last TEXT,
  PRIMARY KEY(type, status, a1, a2, first_day, last_day)
) WITHOUT ROWID;
-- The spans of one width that may contain a given span (first_day in a
-- window as long as the width), and the spans of one canonical span.
CREATE INDEX IF NOT EXISTS event_spans_width
  ON event_spans(type, status, a1, a2, width, first_day);
CREATE INDEX IF NOT EXISTS event_spans_canonical
  ON event_spans(type, status, a1, a2, c_first, c_last);
-- The distinct widths of each key (a day, the months, the years, ranges...):
-- a span is looked for inside the spans of each width at least its own.
CREATE TABLE IF NOT EXISTS event_widths(
  type TEXT NOT NULL, status TEXT NOT NULL, a1 TEXT NOT NULL, a2 TEXT NOT NULL,
  width REAL NOT NULL,
  PRIMARY KEY(type, status, a1, a2, width)
) WITHOUT ROWID;

-- One row per key and canonical span (a cluster), in timeline order: its
-- number of events and the date and precision of its first event (lowest
-- event_id) whose own date is the canonical one.
CREATE TABLE IF NOT EXISTS event_cluster_sums(
  first_day TEXT NOT NULL, last_day TEXT NOT NULL, type TEXT NOT NULL,
  actor1 TEXT NOT NULL, actor2 TEXT NOT NULL, status TEXT NOT NULL,
  date TEXT, precision TEXT, num_events INTEGER NOT NULL,
  PRIMARY KEY(first_day, last_day, type, actor1, actor2, status)
) WITHOUT ROWID;
-- The documents of each cluster, in the same key order: n of their events
-- are in it; lang and path as of the refresh that last touched the row.
-- event_clusters reads num_docs, langs and docs from here at query time,
-- so adding a document to a cluster writes one row, whatever its size.
CREATE TABLE IF NOT EXISTS event_cluster_docs(
  first_day TEXT NOT NULL, last_day TEXT NOT NULL, type TEXT NOT NULL,
  actor1 TEXT NOT NULL, actor2 TEXT NOT NULL, status TEXT NOT NULL,
  doc_id INTEGER NOT NULL, n INTEGER NOT NULL, lang TEXT, path TEXT,
  PRIMARY KEY(first_day, last_day, type, actor1, actor2, status, doc_id)
) WITHOUT ROWID;

-- A database made before kept whole clusters in event_cluster_rows and the
-- changed spans (without documents) in event_spans_pending: its clusters
-- are built again from all its events at the next sql/extract.sql.
INSERT INTO event_changes(doc_id, n, type, status, a1, a2, first_day, last_day)
  SELECT doc_id, 1, type, coalesce(status, 'happened'), min(actor1, actor2),
         max(actor1, actor2), first_day, last_day
    FROM doc_events
   WHERE type IS NOT NULL AND actor1 IS NOT NULL AND actor2 IS NOT NULL
     AND first_day IS NOT NULL AND last_day IS NOT NULL
     AND EXISTS (SELECT 1 FROM sqlite_schema
                  WHERE type = 'table' AND name = 'event_cluster_rows');
DELETE FROM event_spans WHERE EXISTS (SELECT 1 FROM sqlite_schema
                  WHERE type = 'table' AND name = 'event_cluster_rows');
DELETE FROM event_widths WHERE EXISTS (SELECT 1 FROM sqlite_schema
                  WHERE type = 'table' AND name = 'event_cluster_rows');
DROP TABLE IF EXISTS event_cluster_rows;
DROP TABLE IF EXISTS event_spans_pending;

-- The views are dropped and made again, so that running this file on a
-- database made by an older version brings them up to date.
-- Every event with its date, type, actors, status and source, oldest
-- first; events without a known year come last. timeline keeps the events
-- that happened; timeline_all also those denied, planned or supposed.
DROP VIEW IF EXISTS timeline_all;
CREATE VIEW timeline_all AS
  SELECT e.value AS date, e.first_day, e.last_day, e.precision, e.type,
         e.cameo, e.actor1, e.actor2, e.persons, e.place, d.path, d.lang,
         e.trigger, e.text, e.doc_id, e.sentence, e.event_id,
         coalesce(e.status, 'happened') AS status
    FROM doc_events AS e JOIN docs AS d ON d.id = e.doc_id
   ORDER BY e.first_day IS NULL, e.first_day, e.last_day, d.path, e.sentence,
            e.start;
DROP VIEW IF EXISTS timeline;
CREATE VIEW timeline AS
  SELECT * FROM timeline_all WHERE status = 'happened';

-- Dated events with both actors, the pair in a fixed order, the length of
-- their date in days and their status.
DROP VIEW IF EXISTS event_dated;
CREATE VIEW event_dated AS
  SELECT e.event_id, e.doc_id, e.type, e.cameo,
         coalesce(e.status, 'happened') AS status,
         min(e.actor1, e.actor2) AS a1, max(e.actor1, e.actor2) AS a2,
         e.value, e.first_day, e.last_day, e.precision,
         julianday(e.last_day) - julianday(e.first_day) AS width
    FROM doc_events AS e
   WHERE e.first_day IS NOT NULL AND e.last_day IS NOT NULL
     AND e.actor1 IS NOT NULL AND e.actor2 IS NOT NULL;

-- Each dated event with its canonical date (c_first, c_last), as of the
-- last refresh.
DROP VIEW IF EXISTS event_canonical;
CREATE VIEW event_canonical AS
  SELECT e.*, s.c_first, s.c_last
    FROM event_dated AS e JOIN event_spans AS s
      ON s.type = e.type AND s.status = e.status AND s.a1 = e.a1
     AND s.a2 = e.a2 AND s.first_day = e.first_day AND s.last_day = e.last_day;

-- The same event told by several documents or languages: one row per type,
-- actor pair, status and canonical date, as of the last refresh.
-- event_clusters keeps the events that happened; event_clusters_all also
-- those denied, planned or supposed (a visit announced and the visit made
-- are two rows).
DROP VIEW IF EXISTS event_clusters_all;
-- (num_docs, langs and docs: index ranges of event_cluster_docs, computed
-- only when asked for; langs in order, docs by lang then path.)
CREATE VIEW event_clusters_all AS
  SELECT r.type, r.actor1, r.actor2, r.date, r.precision, r.first_day,
         r.last_day, r.num_events,
         (SELECT count(*) FROM event_cluster_docs AS c
           WHERE c.first_day = r.first_day AND c.last_day = r.last_day AND c.type = r.type
                 AND c.actor1 = r.actor1 AND c.actor2 = r.actor2 AND c.status = r.status) AS num_docs,
         (SELECT count(DISTINCT c.lang) FROM event_cluster_docs AS c
           WHERE c.first_day = r.first_day AND c.last_day = r.last_day AND c.type = r.type
                 AND c.actor1 = r.actor1 AND c.actor2 = r.actor2 AND c.status = r.status) AS num_langs,
         (SELECT group_concat(x.lang) FROM (
            SELECT DISTINCT c.lang FROM event_cluster_docs AS c
             WHERE c.first_day = r.first_day AND c.last_day = r.last_day AND c.type = r.type
                 AND c.actor1 = r.actor1 AND c.actor2 = r.actor2 AND c.status = r.status
             ORDER BY c.lang) AS x) AS langs,
         (SELECT group_concat(x.path) FROM (
            SELECT c.path FROM event_cluster_docs AS c
             WHERE c.first_day = r.first_day AND c.last_day = r.last_day AND c.type = r.type
                 AND c.actor1 = r.actor1 AND c.actor2 = r.actor2 AND c.status = r.status
             ORDER BY c.lang, c.path) AS x) AS docs,
         r.status
    FROM event_cluster_sums AS r
   ORDER BY r.first_day, r.last_day, r.type, r.actor1, r.actor2, r.status;
DROP VIEW IF EXISTS event_clusters;
CREATE VIEW event_clusters AS
  SELECT type, actor1, actor2, date, precision, first_day, last_day,
         num_events, num_docs, num_langs, langs, docs
    FROM event_clusters_all WHERE status = 'happened'
   ORDER BY first_day, last_day, type, actor1, actor2;
