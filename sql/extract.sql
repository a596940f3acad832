-- sql/extract.sql: derive dates, entities and events from docs, index the
-- text for search, and define the timeline and the event clusters.
--   sqlite3 corpus.db
--   .load ./dist/diwan
--   .read sql/schema.sql      -- and fill docs (see schema.sql)
--   .read sql/extract.sql
-- Re-runnable: the three tables and the index are emptied and refilled, so
-- run it again after adding documents or rows to diwan_gazetteer or
-- diwan_triggers. Offsets (start, length) are 1-based characters of
-- docs.body: substr(body, start, length) is the surface.

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
CREATE INDEX IF NOT EXISTS doc_events_type ON doc_events(type, first_day);

BEGIN;
DELETE FROM doc_dates;
DELETE FROM doc_entities;
DELETE FROM doc_events;

INSERT INTO doc_dates(doc_id, start, length, surface, value, first_day,
                      last_day, precision, calendar, modifier, lang)
  SELECT d.id, x.start, x.length, x.surface, x.value, x.first_day, x.last_day,
         x.precision, x.calendar, x.modifier, x.lang
    FROM docs AS d, date_each(d.body, d.published) AS x;

INSERT INTO doc_entities(doc_id, start, length, surface, kind, id, name, country)
  SELECT d.id, x.start, x.length, x.surface, x.kind, x.id, x.name, x.country
    FROM docs AS d, entity_each(d.body) AS x;

-- The anchor is the publication day when the document says it (docs.published);
-- without one a date without a year stays XXXX-08-21 (the file's date is not
-- the publication date).
INSERT INTO doc_events(doc_id, sentence, start, length, trigger, type, cameo,
                       value, first_day, last_day, precision, actor1, actor2,
                       persons, place, status, mentions, text)
  SELECT d.id, x.sentence, x.start, x.length, x.trigger, x.type, x.cameo,
         x.value, x.first_day, x.last_day, x.precision, x.actor1, x.actor2,
         x.persons, x.place, x.status, x.mentions, x.text
    FROM docs AS d, event_each(d.body, d.published) AS x;
COMMIT;

-- Full-text search with the diwan tokenizer (folds, stems, Hebrew
-- prefixes): MATCH 'الكويت' finds بالكويت and الكويتية.
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(
  title, body, content='docs', content_rowid='id', tokenize='diwan'
);
INSERT INTO docs_fts(docs_fts) VALUES('rebuild');
-- One settled segment: queries need not merge the build's segments.
INSERT INTO docs_fts(docs_fts) VALUES('optimize');

-- Every event with its date, type, actors, status and source, oldest
-- first; events without a known year come last. timeline keeps the events
-- that happened; timeline_all also those denied, planned or supposed. A
-- row added by hand without a status counts as happened.
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

-- Dated events with both actors, the pair in a fixed order (AZ-KW and KW-AZ
-- are one pair), the length of their date in days and their status.
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

-- The canonical date of each dated event: the most precise date of the same
-- type and pair that lies within its own (1994 → 1994-10-10), when there is
-- exactly one such date; with two (two different days in 1994) the event
-- keeps its own date, so two different days never meet.
DROP VIEW IF EXISTS event_canonical;
CREATE VIEW event_canonical AS
  WITH inside AS (
    SELECT e.event_id, f.first_day AS f_first, f.last_day AS f_last,
           f.width AS f_width
      FROM event_dated AS e JOIN event_dated AS f
        ON f.type = e.type AND f.a1 = e.a1 AND f.a2 = e.a2
       AND f.status = e.status AND f.first_day >= e.first_day AND f.last_day <= e.last_day
  ), narrowest AS (
    SELECT event_id, min(f_width) AS w FROM inside GROUP BY event_id
  ), choice AS (
    SELECT i.event_id, count(DISTINCT i.f_first || '/' || i.f_last) AS n,
           min(i.f_first) AS c_first, min(i.f_last) AS c_last
      FROM inside AS i JOIN narrowest AS w
        ON w.event_id = i.event_id AND i.f_width = w.w
     GROUP BY i.event_id
  )
  SELECT e.*,
         CASE WHEN c.n = 1 THEN c.c_first ELSE e.first_day END AS c_first,
         CASE WHEN c.n = 1 THEN c.c_last ELSE e.last_day END AS c_last
    FROM event_dated AS e JOIN choice AS c ON c.event_id = e.event_id;

-- The same event told by several documents or languages: one row per type,
-- actor pair, status and canonical date. event_clusters keeps the events
-- that happened; event_clusters_all also those denied, planned or supposed
-- (a visit announced and the visit made are two rows).
DROP VIEW IF EXISTS event_clusters_all;
CREATE VIEW event_clusters_all AS
  SELECT c.type, c.a1 AS actor1, c.a2 AS actor2,
         (SELECT x.value FROM event_dated AS x
           WHERE x.type = c.type AND x.a1 = c.a1 AND x.a2 = c.a2
             AND x.status = c.status
             AND x.first_day = c.c_first AND x.last_day = c.c_last
           ORDER BY x.event_id LIMIT 1) AS date,
         (SELECT x.precision FROM event_dated AS x
           WHERE x.type = c.type AND x.a1 = c.a1 AND x.a2 = c.a2
             AND x.status = c.status
             AND x.first_day = c.c_first AND x.last_day = c.c_last
           ORDER BY x.event_id LIMIT 1) AS precision,
         c.c_first AS first_day, c.c_last AS last_day,
         count(*) AS num_events,
         count(DISTINCT c.doc_id) AS num_docs,
         count(DISTINCT c.lang) AS num_langs,
         group_concat(DISTINCT c.lang) AS langs,
         group_concat(DISTINCT c.path) AS docs,
         c.status
    FROM (SELECT e.*, d.lang, d.path
            FROM event_canonical AS e JOIN docs AS d ON d.id = e.doc_id
           ORDER BY d.lang, d.path) AS c
   GROUP BY c.type, c.a1, c.a2, c.status, c.c_first, c.c_last
   ORDER BY c.c_first, c.c_last, c.type, c.a1, c.a2, c.status;
DROP VIEW IF EXISTS event_clusters;
CREATE VIEW event_clusters AS
  SELECT type, actor1, actor2, date, precision, first_day, last_day,
         num_events, num_docs, num_langs, langs, docs
    FROM event_clusters_all WHERE status = 'happened';
