.print
.print == Entities of one sentence: countries, adjectives, clitics, persons
.mode box
SELECT start, length, surface, kind, id, country
  FROM entity_each('التقى حيدر علييف الرئيس الأذربيجاني مع أمير دولة الكويت، ثم زار l’Azerbaïdjan וקזחסטן.');
.print
.print == Events of one sentence: type, date, actors, persons resolved on the date
SELECT type, cameo, value, actor1, actor2, persons
  FROM event_each('قام وزير الخارجية الاذربيجاني بزيارة للكويت في ٢٠ يناير عام ٢٠٠٧ والتقى أمير دولة الكويت.');
.print
.print == sql/extract.sql: doc_dates, doc_entities, doc_events, docs_fts, views
.read sql/extract.sql
SELECT (SELECT count(*) FROM doc_dates) AS dates,
       (SELECT count(*) FROM doc_entities) AS entities,
       (SELECT count(*) FROM doc_events) AS events;
.print
.print == The timeline (dated events)
SELECT date, type, actor1, actor2, lang, path
  FROM timeline WHERE first_day IS NOT NULL LIMIT 12;
.print
.print == The same event in several documents and languages
SELECT type, actor1, actor2, date, num_docs, num_langs, langs
  FROM event_clusters WHERE num_docs > 1;
.print
.print == A new minister, without recompiling: a row in diwan_gazetteer
CREATE TABLE IF NOT EXISTS diwan_gazetteer(id, kind, name, country, lang, surface);
INSERT INTO diwan_gazetteer VALUES
  ('person:mukhtar-babayev', 'person', 'Mukhtar Babayev', 'AZ', 'en', 'Mukhtar Babayev');
SELECT type, value, actor1, actor2, persons
  FROM event_each('Mukhtar Babayev visited Kuwait on 2 June 2023.');
DROP TABLE diwan_gazetteer;
