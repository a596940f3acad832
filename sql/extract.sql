-- sql/extract.sql: bring the derived tables up to date with docs.
--   sqlite3 corpus.db
--   .load ./dist/diwan
--   .read sql/schema.sql      -- and fill docs (see schema.sql)
--   .read sql/extract.sql
-- Only the documents in docs_pending (inserted, updated or deleted since the
-- last run; triggers on docs fill it) get their dates, entities and events
-- recomputed, and only the clusters of the event types and pairs whose events
-- changed are recomputed. Running it again is a no-op. After editing
-- diwan_gazetteer or diwan_triggers, re-extract everything with
--   INSERT OR REPLACE INTO docs_pending SELECT id, random() FROM docs;
-- The FTS5 index docs_fts is kept in step by the triggers on docs.
-- One transaction: concurrent runs queue on the write lock and the later one
-- finds nothing pending. To use several cores, see tools/diwan-extract.

BEGIN IMMEDIATE;
DELETE FROM doc_dates WHERE doc_id IN (SELECT doc_id FROM docs_pending);
DELETE FROM doc_entities WHERE doc_id IN (SELECT doc_id FROM docs_pending);
DELETE FROM doc_events WHERE doc_id IN (SELECT doc_id FROM docs_pending);

INSERT INTO doc_dates(doc_id, start, length, surface, value, first_day,
                      last_day, precision, calendar, modifier, lang)
  SELECT d.id, x.start, x.length, x.surface, x.value, x.first_day, x.last_day,
         x.precision, x.calendar, x.modifier, x.lang
    FROM docs_pending AS p CROSS JOIN docs AS d ON d.id = p.doc_id,
         date_each(d.body) AS x;

INSERT INTO doc_entities(doc_id, start, length, surface, kind, id, name, country)
  SELECT d.id, x.start, x.length, x.surface, x.kind, x.id, x.name, x.country
    FROM docs_pending AS p CROSS JOIN docs AS d ON d.id = p.doc_id,
         entity_each(d.body) AS x;

-- No anchor: a date without a year stays XXXX-08-21 rather than taking the
-- file's date (which is not the publication date).
INSERT INTO doc_events(doc_id, sentence, start, length, trigger, type, cameo,
                       value, first_day, last_day, precision, actor1, actor2,
                       persons, place, text)
  SELECT d.id, x.sentence, x.start, x.length, x.trigger, x.type, x.cameo,
         x.value, x.first_day, x.last_day, x.precision, x.actor1, x.actor2,
         x.persons, x.place, x.text
    FROM docs_pending AS p CROSS JOIN docs AS d ON d.id = p.doc_id,
         event_each(d.body) AS x;
DELETE FROM docs_pending;

-- ---- the clusters of the pending pairs (event_pairs_pending is filled by
-- triggers on doc_events, so editing doc_events by hand and running this
-- file again also refreshes them). Cost: the events of those pairs, and for
-- each distinct span the distinct spans of its pair that start inside it.
DELETE FROM event_spans WHERE (type, a1, a2) IN
  (SELECT type, a1, a2 FROM event_pairs_pending);
INSERT INTO event_spans(type, a1, a2, first_day, last_day, width)
  SELECT DISTINCT e.type, p.a1, p.a2, e.first_day, e.last_day,
         julianday(e.last_day) - julianday(e.first_day)
    FROM event_pairs_pending AS p CROSS JOIN doc_events AS e INDEXED BY doc_events_pair
      ON e.type = p.type AND min(e.actor1, e.actor2) = +p.a1
     AND max(e.actor1, e.actor2) = +p.a2
   WHERE e.first_day IS NOT NULL AND e.last_day IS NOT NULL;

-- The narrowest spans inside each span (f starts inside s and ends in it);
-- exactly one → canonical, else the span keeps its own dates.
UPDATE event_spans AS s SET (c_first, c_last) = (
  SELECT CASE WHEN count(*) = 1 THEN min(f.first_day) ELSE s.first_day END,
         CASE WHEN count(*) = 1 THEN min(f.last_day) ELSE s.last_day END
    FROM event_spans AS f
   WHERE f.type = s.type AND f.a1 = s.a1 AND f.a2 = s.a2
     AND f.first_day >= s.first_day AND f.first_day <= s.last_day
     AND f.last_day <= s.last_day
     AND f.width = (SELECT min(g.width) FROM event_spans AS g
                     WHERE g.type = s.type AND g.a1 = s.a1 AND g.a2 = s.a2
                       AND g.first_day >= s.first_day
                       AND g.first_day <= s.last_day
                       AND g.last_day <= s.last_day))
 WHERE (s.type, s.a1, s.a2) IN (SELECT type, a1, a2 FROM event_pairs_pending);

DELETE FROM event_cluster_rows WHERE (type, actor1, actor2) IN
  (SELECT type, a1, a2 FROM event_pairs_pending);
-- date and precision: those of the first event (lowest event_id) whose own
-- date is the canonical one. langs and docs follow the sub-query's order
-- (lang, path).
INSERT INTO event_cluster_rows(first_day, last_day, type, actor1, actor2, date,
                               precision, num_events, num_docs, num_langs,
                               langs, docs)
  SELECT c.c_first, c.c_last, c.type, c.a1, c.a2,
         (SELECT x.value FROM doc_events AS x INDEXED BY doc_events_pair
           WHERE x.type = c.type AND min(x.actor1, x.actor2) = +c.a1
             AND max(x.actor1, x.actor2) = +c.a2
             AND x.first_day = c.c_first AND x.last_day = c.c_last
           ORDER BY x.event_id LIMIT 1),
         (SELECT x.precision FROM doc_events AS x INDEXED BY doc_events_pair
           WHERE x.type = c.type AND min(x.actor1, x.actor2) = +c.a1
             AND max(x.actor1, x.actor2) = +c.a2
             AND x.first_day = c.c_first AND x.last_day = c.c_last
           ORDER BY x.event_id LIMIT 1),
         count(*), count(DISTINCT c.doc_id), count(DISTINCT c.lang),
         group_concat(DISTINCT c.lang), group_concat(DISTINCT c.path)
    FROM (SELECT e.doc_id, e.type, p.a1, p.a2, s.c_first, s.c_last,
                 d.lang, d.path
            FROM event_pairs_pending AS p CROSS JOIN doc_events AS e INDEXED BY doc_events_pair
              ON e.type = p.type AND min(e.actor1, e.actor2) = +p.a1
             AND max(e.actor1, e.actor2) = +p.a2
            CROSS JOIN event_spans AS s
              ON s.type = e.type AND s.a1 = p.a1 AND s.a2 = p.a2
             AND s.first_day = e.first_day AND s.last_day = e.last_day
            CROSS JOIN docs AS d ON d.id = e.doc_id
           ORDER BY e.type, p.a1, p.a2, s.c_first, s.c_last, d.lang, d.path) AS c
   GROUP BY c.type, c.a1, c.a2, c.c_first, c.c_last;
DELETE FROM event_pairs_pending;
COMMIT;
