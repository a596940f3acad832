-- sql/merge_shard.sql: add a shard's documents and derived rows to this
-- database (docs/scaling.md). Each shard is a database made with
-- sql/schema.sql, filled and extracted on its own (another machine, another
-- folder); the documents get new ids here, mapped by path (unique: give each
-- shard its own path prefix when folders may share names). Rows extracted in
-- the shard are copied, not extracted again; what was still pending there
-- stays pending here. Run sql/extract.sql afterwards: it builds the
-- clusters of the merged events. Parameter :shard is the shard's file:
--   sqlite3 all.db -cmd '.load ./dist/diwan' \
--     '.parameter set :shard "'"'"'shard1.db'"'"'"' '.read sql/merge_shard.sql'
ATTACH :shard AS s;
BEGIN IMMEDIATE;
-- New ids in the target; the path (unique) maps old ids to new ones.
INSERT INTO docs(path, lang, title, body, bytes, modified, replaced)
  SELECT path, lang, title, body, bytes, modified, replaced FROM s.docs;
CREATE TEMP TABLE id_map AS
  SELECT o.id AS old_id, n.id AS new_id FROM s.docs AS o JOIN main.docs AS n ON n.path = o.path;
-- Copied rows need no extraction (only what was pending in the shard).
DELETE FROM docs_pending WHERE doc_id IN (SELECT new_id FROM temp.id_map)
  AND doc_id NOT IN (SELECT m.new_id FROM temp.id_map AS m JOIN s.docs_pending AS p ON p.doc_id = m.old_id);
INSERT INTO doc_dates(doc_id, start, length, surface, value, first_day, last_day, precision, calendar, modifier, lang)
  SELECT m.new_id, x.start, x.length, x.surface, x.value, x.first_day, x.last_day, x.precision, x.calendar, x.modifier, x.lang
    FROM s.doc_dates AS x JOIN temp.id_map AS m ON m.old_id = x.doc_id;
INSERT INTO doc_entities(doc_id, start, length, surface, kind, id, name, country)
  SELECT m.new_id, x.start, x.length, x.surface, x.kind, x.id, x.name, x.country
    FROM s.doc_entities AS x JOIN temp.id_map AS m ON m.old_id = x.doc_id;
INSERT INTO doc_events(doc_id, sentence, start, length, trigger, type, cameo, value, first_day, last_day, precision, actor1, actor2, persons, place, status, mentions, text)
  SELECT m.new_id, x.sentence, x.start, x.length, x.trigger, x.type, x.cameo, x.value, x.first_day, x.last_day, x.precision, x.actor1, x.actor2, x.persons, x.place, x.status, x.mentions, x.text
    FROM s.doc_events AS x JOIN temp.id_map AS m ON m.old_id = x.doc_id ORDER BY x.event_id;
DROP TABLE temp.id_map;
COMMIT;
DETACH s;
