-- sql/extract_batch.sql: one batch of one extraction worker (tools/diwan-extract
-- runs N of them at once on one database; docs/scaling.md). Parameters:
--   :shard, :nshards  this worker takes the pending documents with
--                     doc_id % :nshards = :shard
--   :batch            at most this many documents per run
-- The extraction runs outside any write transaction (in WAL mode the workers
-- and the writer do not wait for each other); the results are written in
-- one short transaction, only for the documents whose docs_pending.seq did
-- not change meanwhile (a document updated or deleted while it was read is
-- left pending for a later batch). Clusters are not refreshed here: run
-- sql/extract.sql once the workers are done.

DROP TABLE IF EXISTS temp.w_docs;
DROP TABLE IF EXISTS temp.w_rows;
CREATE TEMP TABLE w_docs AS
  SELECT doc_id, seq FROM docs_pending
   WHERE doc_id % :nshards = :shard ORDER BY doc_id LIMIT :batch;

-- One pass per document (diwan_extract): dates, entities and events.
CREATE TEMP TABLE w_rows AS
  SELECT d.id AS doc_id, x.*
    FROM temp.w_docs AS w CROSS JOIN docs AS d ON d.id = w.doc_id,
         diwan_extract(d.body, d.published) AS x;   -- the publication day anchors dates, as in extract.sql

BEGIN IMMEDIATE;
DELETE FROM temp.w_docs WHERE NOT EXISTS (
  SELECT 1 FROM docs_pending AS p WHERE p.doc_id = w_docs.doc_id AND p.seq = w_docs.seq);
DELETE FROM doc_dates WHERE doc_id IN (SELECT doc_id FROM temp.w_docs);
DELETE FROM doc_entities WHERE doc_id IN (SELECT doc_id FROM temp.w_docs);
DELETE FROM doc_events WHERE doc_id IN (SELECT doc_id FROM temp.w_docs);
INSERT INTO doc_dates(doc_id, start, length, surface, value, first_day,
                      last_day, precision, calendar, modifier, lang)
  SELECT doc_id, start, length, surface, value, first_day, last_day, precision,
         calendar, modifier, lang
    FROM temp.w_rows WHERE what = 'date' AND doc_id IN (SELECT doc_id FROM temp.w_docs);
INSERT INTO doc_entities(doc_id, start, length, surface, kind, id, name, country)
  SELECT doc_id, start, length, surface, kind, id, name, country
    FROM temp.w_rows WHERE what = 'entity' AND doc_id IN (SELECT doc_id FROM temp.w_docs);
INSERT INTO doc_events(doc_id, sentence, start, length, trigger, type, cameo,
                       value, first_day, last_day, precision, actor1, actor2,
                       persons, place, status, mentions, text)
  SELECT doc_id, sentence, start, length, surface, type, cameo, value,
         first_day, last_day, precision, actor1, actor2, persons, place,
         status, mentions, text
    FROM temp.w_rows WHERE what = 'event' AND doc_id IN (SELECT doc_id FROM temp.w_docs);
DELETE FROM docs_pending WHERE doc_id IN (SELECT doc_id FROM temp.w_docs);
COMMIT;
