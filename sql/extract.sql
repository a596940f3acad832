-- sql/extract.sql: bring the derived tables up to date with docs.
--   sqlite3 corpus.db
--   .load ./dist/diwan
--   .read sql/schema.sql      -- and fill docs (see schema.sql)
--   .read sql/extract.sql
-- Only the documents in docs_pending (inserted, updated or deleted since the
-- last run; triggers on docs fill it) get their dates, entities and events
-- recomputed, and the clusters take the events added and removed (each
-- change costs about the same whatever the size of its cluster). Running
-- it again is a no-op. After editing
-- diwan_gazetteer or diwan_triggers, re-extract everything with
--   INSERT OR REPLACE INTO docs_pending SELECT id, random() FROM docs;
-- The FTS5 index docs_fts is kept in step by the triggers on docs.
-- One transaction: concurrent runs queue on the write lock and the later one
-- finds nothing pending. To use several cores, see tools/diwan-extract.

BEGIN IMMEDIATE;
DELETE FROM doc_dates WHERE doc_id IN (SELECT doc_id FROM docs_pending);
DELETE FROM doc_entities WHERE doc_id IN (SELECT doc_id FROM docs_pending);
DELETE FROM doc_events WHERE doc_id IN (SELECT doc_id FROM docs_pending);

-- One pass per document: diwan_extract gives its dates, entities and events
-- together, and these temporary triggers route each row to its table.
-- No anchor: a date without a year stays XXXX-08-21 rather than taking the
-- file's date (which is not the publication date).
DROP VIEW IF EXISTS temp.extract_rows;
CREATE TEMP VIEW extract_rows(doc_id, what, start, length, surface, value,
    first_day, last_day, precision, calendar, modifier, lang, kind, id, name,
    country, sentence, type, cameo, actor1, actor2, persons, place, status,
    mentions, text) AS
  SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL;
CREATE TEMP TRIGGER extract_date INSTEAD OF INSERT ON extract_rows
  WHEN new.what = 'date' BEGIN
  INSERT INTO doc_dates(doc_id, start, length, surface, value, first_day,
                        last_day, precision, calendar, modifier, lang)
    VALUES (new.doc_id, new.start, new.length, new.surface, new.value,
            new.first_day, new.last_day, new.precision, new.calendar,
            new.modifier, new.lang);
END;
CREATE TEMP TRIGGER extract_entity INSTEAD OF INSERT ON extract_rows
  WHEN new.what = 'entity' BEGIN
  INSERT INTO doc_entities(doc_id, start, length, surface, kind, id, name, country)
    VALUES (new.doc_id, new.start, new.length, new.surface, new.kind, new.id,
            new.name, new.country);
END;
CREATE TEMP TRIGGER extract_event INSTEAD OF INSERT ON extract_rows
  WHEN new.what = 'event' BEGIN
  INSERT INTO doc_events(doc_id, sentence, start, length, trigger, type, cameo,
                         value, first_day, last_day, precision, actor1, actor2,
                         persons, place, status, mentions, text)
    VALUES (new.doc_id, new.sentence, new.start, new.length, new.surface,
            new.type, new.cameo, new.value, new.first_day, new.last_day,
            new.precision, new.actor1, new.actor2, new.persons, new.place,
            new.status, new.mentions, new.text);
END;
INSERT INTO extract_rows
  SELECT d.id, x.*
    FROM docs_pending AS p CROSS JOIN docs AS d ON d.id = p.doc_id,
         diwan_extract(d.body, d.published) AS x;   -- the publication day anchors dates
DROP VIEW temp.extract_rows;
DELETE FROM docs_pending;
-- tools/diwan-extract drops this index while it fills an empty database
-- (one sorted build at the end costs less than a random insert per
-- mention); as in sql/schema.sql.
CREATE INDEX IF NOT EXISTS doc_entities_id ON doc_entities(id);

-- ---- the clusters (docs/scaling.md). A key is a type, a status and a pair
-- (a1 < a2). event_changes holds each event added (+1) or removed (-1)
-- since the last refresh (triggers on doc_events fill it, so editing
-- doc_events by hand and running this file again refreshes them too). Only
-- the spans that contain a changed span can change their canonical span;
-- a span that keeps it passes its net change per document to its cluster,
-- one that changes it moves its events from the old cluster to the new.
-- The cost follows the changes, not the size of the clusters they touch.
-- (tools/diwan-extract runs this part, from the line "-- ---- the clusters"
-- to the end, after each batch of its workers: keep it self-contained.)
-- The refresh reads this index, which tools/diwan-extract drops while it
-- fills an empty database; as in sql/schema.sql.
CREATE INDEX IF NOT EXISTS doc_events_pair ON doc_events(
  type, coalesce(status, 'happened'), min(actor1, actor2), max(actor1, actor2),
  first_day, last_day);
DROP TABLE IF EXISTS temp.r_dirty;
DROP TABLE IF EXISTS temp.r_affected;
DROP TABLE IF EXISTS temp.r_moved;
DROP TABLE IF EXISTS temp.r_sum;
CREATE TEMP TABLE r_dirty(type, status, a1, a2, first_day, last_day, width,
  has_events, PRIMARY KEY(type, status, a1, a2, first_day, last_day)) WITHOUT ROWID;
-- o_: the canonical span before this refresh (NULL: the span is new);
-- c_: after it (NULL: the span is gone).
CREATE TEMP TABLE r_affected(type, status, a1, a2, first_day, last_day,
  o_first, o_last, c_first, c_last,
  PRIMARY KEY(type, status, a1, a2, first_day, last_day)) WITHOUT ROWID;

-- (+p.x: the column's affinity would keep the expression index unused.)
INSERT INTO temp.r_dirty
  SELECT p.type, p.status, p.a1, p.a2, p.first_day, p.last_day,
         julianday(p.last_day) - julianday(p.first_day),
         EXISTS (SELECT 1 FROM doc_events AS e INDEXED BY doc_events_pair
                  WHERE e.type = p.type AND coalesce(e.status, 'happened') = +p.status
                    AND min(e.actor1, e.actor2) = +p.a1
                    AND max(e.actor1, e.actor2) = +p.a2
                    AND e.first_day = p.first_day AND e.last_day = p.last_day)
    FROM (SELECT DISTINCT type, status, a1, a2, first_day, last_day
            FROM event_changes) AS p;

-- The affected spans, with their canonical span before the change: the
-- changed spans, and the spans that contain one (for each width of the key
-- at least its own, those starting at most that width before its end). A
-- containing span of a width the key did not have yet is new, so changed.
-- (The width test is written as a difference: as w.width >= d.width the
-- planner would range over s.width instead of taking s.width = w.width.)
INSERT INTO temp.r_affected(type, status, a1, a2, first_day, last_day, o_first, o_last)
  SELECT d.type, d.status, d.a1, d.a2, d.first_day, d.last_day, s.c_first, s.c_last
    FROM temp.r_dirty AS d LEFT JOIN event_spans AS s
      ON s.type = d.type AND s.status = d.status AND s.a1 = d.a1 AND s.a2 = d.a2
     AND s.first_day = d.first_day AND s.last_day = d.last_day;
INSERT OR IGNORE INTO temp.r_affected(type, status, a1, a2, first_day, last_day, o_first, o_last)
  SELECT s.type, s.status, s.a1, s.a2, s.first_day, s.last_day, s.c_first, s.c_last
    FROM temp.r_dirty AS d
         CROSS JOIN event_widths AS w
            ON w.type = d.type AND w.status = d.status AND w.a1 = d.a1
           AND w.a2 = d.a2 AND w.width - d.width >= 0
         CROSS JOIN event_spans AS s INDEXED BY event_spans_width
            ON s.type = d.type AND s.status = d.status AND s.a1 = d.a1
           AND s.a2 = d.a2 AND s.width = w.width
           AND s.first_day >= date(julianday(d.last_day) - w.width)
           AND s.first_day <= d.first_day AND s.last_day >= d.last_day;

-- Spans left without events go; new spans come; the widths follow.
DELETE FROM event_spans WHERE (type, status, a1, a2, first_day, last_day) IN
  (SELECT type, status, a1, a2, first_day, last_day FROM temp.r_dirty
    WHERE NOT has_events);
INSERT OR IGNORE INTO event_spans(type, status, a1, a2, first_day, last_day, width)
  SELECT type, status, a1, a2, first_day, last_day, width
    FROM temp.r_dirty WHERE has_events;
DELETE FROM event_widths WHERE (type, status, a1, a2, width) IN
    (SELECT type, status, a1, a2, width FROM temp.r_dirty WHERE NOT has_events)
  AND NOT EXISTS (SELECT 1 FROM event_spans AS s INDEXED BY event_spans_width
                   WHERE s.type = event_widths.type AND s.status = event_widths.status
                     AND s.a1 = event_widths.a1 AND s.a2 = event_widths.a2
                     AND s.width = event_widths.width);
INSERT OR IGNORE INTO event_widths(type, status, a1, a2, width)
  SELECT type, status, a1, a2, width FROM temp.r_dirty
   WHERE has_events AND width IS NOT NULL;

-- The canonical span of each affected span s: the narrowest width of the
-- key that has a span inside s (f inside s: f starts in s, and at most its
-- width before s ends), then the first two spans of that width inside s;
-- exactly one → canonical, else s keeps its own dates. Each probe is an
-- index range: the cost is the key's widths, not its spans.
UPDATE event_spans AS s SET (c_first, c_last) = (
  SELECT CASE WHEN count(*) = 1 THEN min(n.first_day) ELSE s.first_day END,
         CASE WHEN count(*) = 1 THEN min(n.last_day) ELSE s.last_day END
    FROM (SELECT f.first_day, f.last_day
            FROM event_spans AS f INDEXED BY event_spans_width
           WHERE f.type = s.type AND f.status = s.status AND f.a1 = s.a1
             AND f.a2 = s.a2
             AND f.width = (
                 SELECT min(w.width) FROM event_widths AS w
                  WHERE w.type = s.type AND w.status = s.status
                    AND w.a1 = s.a1 AND w.a2 = s.a2 AND w.width <= s.width
                    AND EXISTS (
                        SELECT 1 FROM event_spans AS g INDEXED BY event_spans_width
                         WHERE g.type = s.type AND g.status = s.status
                           AND g.a1 = s.a1 AND g.a2 = s.a2
                           AND g.width = w.width AND g.first_day >= s.first_day
                           AND g.first_day <= date(julianday(s.last_day) - w.width)))
             AND f.first_day >= s.first_day AND f.first_day <= s.last_day
             AND f.first_day <= date(julianday(s.last_day) - f.width)
           LIMIT 2) AS n)
 WHERE (s.type, s.status, s.a1, s.a2, s.first_day, s.last_day) IN
       (SELECT type, status, a1, a2, first_day, last_day FROM temp.r_affected);
UPDATE temp.r_affected AS a SET (c_first, c_last) = (
  SELECT s.c_first, s.c_last FROM event_spans AS s
   WHERE s.type = a.type AND s.status = a.status AND s.a1 = a.a1
     AND s.a2 = a.a2 AND s.first_day = a.first_day AND s.last_day = a.last_day);
-- The spans that moved from one canonical span to another, once as leaving
-- the old (sign -1) and once as joining the new (sign 1).
CREATE TEMP TABLE r_moved(type, status, a1, a2, s_first, s_last, sign,
  first_day, last_day,
  PRIMARY KEY(type, status, a1, a2, s_first, s_last, sign)) WITHOUT ROWID;
INSERT INTO temp.r_moved
  SELECT type, status, a1, a2, first_day, last_day, -1, o_first, o_last
    FROM temp.r_affected
   WHERE o_first IS NOT NULL AND c_first IS NOT NULL
     AND (c_first <> o_first OR c_last <> o_last)
  UNION ALL
  SELECT type, status, a1, a2, first_day, last_day, 1, c_first, c_last
    FROM temp.r_affected
   WHERE o_first IS NOT NULL AND c_first IS NOT NULL
     AND (c_first <> o_first OR c_last <> o_last);

-- What each cluster gains or loses, per document: each change goes to
-- the span's canonical span (its former one when the span is gone). A span
-- that moved from one canonical span to another also moves its events
-- from before (now less the changes) from the old cluster to the new. A
-- new span has no events from before: building the clusters of a fresh
-- corpus reads only event_changes. A document whose events went and came
-- back (re-extracted) keeps a sum of 0, so that its lang and path are read
-- again.
CREATE TEMP TABLE r_sum(first_day, last_day, type, a1, a2, status, doc_id, n,
  PRIMARY KEY(first_day, last_day, type, a1, a2, status, doc_id)) WITHOUT ROWID;
INSERT INTO temp.r_sum
  SELECT first_day, last_day, type, a1, a2, status, doc_id, sum(n) FROM (
    SELECT coalesce(a.c_first, a.o_first) AS first_day,
           coalesce(a.c_last, a.o_last) AS last_day,
           a.type, a.a1, a.a2, a.status, x.doc_id, x.n
      FROM event_changes AS x CROSS JOIN temp.r_affected AS a
        ON a.type = x.type AND a.status = x.status AND a.a1 = x.a1
       AND a.a2 = x.a2 AND a.first_day = x.first_day AND a.last_day = x.last_day
     WHERE coalesce(a.c_first, a.o_first) IS NOT NULL
    UNION ALL
    SELECT k.first_day, k.last_day, k.type, k.a1, k.a2, k.status, x.doc_id,
           -k.sign * x.n
      FROM event_changes AS x CROSS JOIN temp.r_moved AS k
        ON k.type = x.type AND k.status = x.status AND k.a1 = x.a1
       AND k.a2 = x.a2 AND k.s_first = x.first_day AND k.s_last = x.last_day
    UNION ALL
    SELECT k.first_day, k.last_day, k.type, k.a1, k.a2, k.status, e.doc_id,
           k.sign
      FROM temp.r_moved AS k CROSS JOIN doc_events AS e INDEXED BY doc_events_pair
        ON e.type = k.type AND coalesce(e.status, 'happened') = +k.status
       AND min(e.actor1, e.actor2) = +k.a1 AND max(e.actor1, e.actor2) = +k.a2
       AND e.first_day = k.s_first AND e.last_day = k.s_last)
   GROUP BY first_day, last_day, type, a1, a2, status, doc_id;

-- Each cluster's documents: the sums added, their lang and path read again,
-- the documents left with no event gone (only a sum of 0 or less can
-- leave a row at 0).
INSERT INTO event_cluster_docs(first_day, last_day, type, actor1, actor2,
                               status, doc_id, n, lang, path)
  SELECT m.first_day, m.last_day, m.type, m.a1, m.a2, m.status, m.doc_id,
         m.n, d.lang, d.path
    FROM temp.r_sum AS m LEFT JOIN docs AS d ON d.id = m.doc_id WHERE true
  ON CONFLICT DO UPDATE SET n = n + excluded.n,
     lang = coalesce(excluded.lang, lang), path = coalesce(excluded.path, path);
DELETE FROM event_cluster_docs
 WHERE n = 0 AND (first_day, last_day, type, actor1, actor2, status, doc_id) IN
       (SELECT first_day, last_day, type, a1, a2, status, doc_id FROM temp.r_sum
         WHERE n <= 0);

-- The clusters' event counts, the same way; then the date and precision of
-- each cluster touched: those of its first event (lowest event_id) whose
-- own date is the canonical one, the first entry of an index range.
INSERT INTO event_cluster_sums(first_day, last_day, type, actor1, actor2,
                               status, num_events)
  SELECT first_day, last_day, type, a1, a2, status, sum(n)
    FROM temp.r_sum WHERE true
   GROUP BY first_day, last_day, type, a1, a2, status
  ON CONFLICT DO UPDATE SET num_events = num_events + excluded.num_events;
DELETE FROM event_cluster_sums
 WHERE num_events = 0 AND (first_day, last_day, type, actor1, actor2, status) IN
       (SELECT first_day, last_day, type, a1, a2, status FROM temp.r_sum
         WHERE n <= 0);
UPDATE event_cluster_sums AS c SET (date, precision) = (
  SELECT x.value, x.precision FROM doc_events AS x INDEXED BY doc_events_pair
   WHERE x.type = c.type AND coalesce(x.status, 'happened') = +c.status
     AND min(x.actor1, x.actor2) = +c.actor1 AND max(x.actor1, x.actor2) = +c.actor2
     AND x.first_day = c.first_day AND x.last_day = c.last_day
   ORDER BY x.event_id LIMIT 1)
 WHERE (first_day, last_day, type, actor1, actor2, status) IN
       (SELECT first_day, last_day, type, a1, a2, status FROM temp.r_sum);

DELETE FROM event_changes;
DROP TABLE temp.r_dirty;
DROP TABLE temp.r_affected;
DROP TABLE temp.r_moved;
DROP TABLE temp.r_sum;
COMMIT;
