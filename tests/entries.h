/* Every entry point of diwan as one SQL statement each (with its set-up):
** shared by the out-of-memory driver (tests/oom) and the threads driver
** (tests/threads). */
#ifndef DIWAN_TEST_ENTRIES_H
#define DIWAN_TEST_ENTRIES_H
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
typedef struct entry {
  const char *name;
  const char *setup;        /* run once, without failures, before the call */
  const char *sql;
} entry;

#define AR "وصل وزير الخارجية الكويتي إلى باكو في 15 مارس 2023 لبحث العلاقات مع أذربيجان."
#define FR "Le ministre koweïtien des Affaires étrangères s''est rendu à Bakou le 15 mars 2023."
#define HE "שר החוץ של כווית ביקר בבאקו ב-15 במרץ 2023 ונפגש עם נשיא אזרבייג''ן."
#define RU "Министр иностранных дел Кувейта посетил Баку 15 марта 2023 года."
#define EN "Kuwait''s foreign minister visited Baku on 15 March 2023 and met Azerbaijan''s president."
#define AZ "Küveytin xarici işlər naziri 15 mart 2023-cü ildə Bakıya səfər edib."
#define ALL AR " " FR " " HE " " RU " " EN " " AZ

static const entry entries[] = {
  {"diwan_version", 0, "select diwan_version() is not null"},
  {"diwan_lang", 0, "select diwan_lang('" AR "'), diwan_lang('" FR "'), diwan_lang('" RU "')"},
  {"ar_normalize", 0, "select ar_normalize('" AR "'), ar_normalize('" AR "', 'loose')"},
  {"he_normalize", 0, "select he_normalize('" HE "')"},
  {"latin_fold", 0, "select latin_fold('" FR " " AZ "')"},
  {"diwan_fold", 0, "select diwan_fold('" ALL "')"},
  {"ar_stem", 0, "select ar_stem('والكويتيون'), ar_stem('بالعلاقات')"},
  {"diwan_stem", 0, "select diwan_stem('" ALL "')"},
  {"diwan_match", 0, "select diwan_match('" ALL "', 'koweit'), diwan_match('" AR "', 'الكويت')"},
  {"collation", 0,
   "select group_concat(column1, '|') from (select column1 from (values ('Koweït'), "
   "('KOWEIT'), ('أذربيجان'), ('اذربيجان'), ('Bakou'), ('באקו'), ('Баку')) "
   "order by column1 collate diwan, column1)"},
  {"token_each", 0, "select count(*), sum(length), group_concat(kind) from token_each('" ALL "')"},
  {"sentence_each", 0, "select group_concat(sentence, '|') from sentence_each('" ALL "')"},
  {"date_parse", 0, "select date_parse('15 mars 2023'), date_parse('١٥ آذار', '2023-03-20')"},
  {"date_each", 0, "select group_concat(value, ',') from date_each('" ALL "', '2023-03-20')"},
  {"entity_each", 0, "select group_concat(id, ',') from entity_each('" ALL "')"},
  {"event_each", 0,
   "select group_concat(type || ':' || coalesce(actor1, '') || '>' || coalesce(actor2, ''), ',') "
   "from event_each('" ALL "', '2023-03-20')"},
  {"entity_each+diwan_gazetteer",
   "create table diwan_gazetteer(id, kind, name, country, lang, surface);"
   "insert into diwan_gazetteer values ('city:xanadu', 'city', 'Xanadu', 'CN', 'en', 'Xanadu'),"
   "('org:gcc', 'organization', NULL, NULL, NULL, 'Gulf Cooperation Council');",
   "select group_concat(id, ',') from entity_each('Xanadu and the Gulf Cooperation Council met in Baku.')"},
  {"event_each+diwan_triggers",
   "create table diwan_triggers(lang, type, cameo, surface, argument, rank);"
   "insert into diwan_triggers values ('en', 'visit', '042', 'paid a call on', 'destination', NULL);",
   "select group_concat(type, ',') from event_each('Kuwait''s emir paid a call on Azerbaijan on 2 May 2021.')"},
  {"date_each+diwan_months",
   "create table diwan_months(form, month, calendar, lang, flags);"
   "insert into diwan_months values ('juill', 7, 'g', 'fr', NULL);",
   "select group_concat(value, ',') from date_each('le 3 juill 2021')"},
  {"fts5 tokenizer",
   "create virtual table f using fts5(body, tokenize='diwan');"
   "insert into f values ('" AR "'), ('" FR "'), ('" HE "'), ('" RU "');",
   "select count(*) from f where f match 'باكو OR bakou OR Баку'"},
  {"fts5 tokenizer insert",
   "create virtual table f using fts5(body, tokenize='diwan');",
   "insert into f values ('" ALL "') returning rowid > 0"},
  {"fts5 tokenizer stem 0, prefix",
   "create virtual table f using fts5(body, tokenize='diwan stem 0');"
   "insert into f values ('" AR "'), ('" FR "'), ('" HE "'), ('" RU "'), ('" AZ "');",
   "select count(*) from f where f match 'bak* OR koweitien OR باكو'"},
  {"diwan_stem lang, diwan_match lang, diwan_query", 0,
   "select diwan_stem('relations', 'fr'), diwan_stem('العلاقات', 'ar'), "
   "diwan_match('" FR "', 'koweitiens', 'fr'), diwan_query('باكو OR bakou')"},
  {"date_parse prefer", 0,
   "select date_parse('lundi', '2023-03-20', 'past'), date_parse('in May', '2023-03-20', 'future')"},
  {"date_each lang prefer", 0,
   "select group_concat(value, ',') from date_each('lundi, le 3 mai et mardi " ALL "', "
   "'2023-03-20', 'fr', 'future')"},
  {"event_each partial", 0,
   "select group_concat(type || ':' || coalesce(actor1, '') || '>' || coalesce(actor2, ''), ',') "
   "from event_each('" ALL "', '2023-03-20', 1)"},
  {"diwan_extract", 0,
   "select group_concat(what || ':' || coalesce(value, id, type, ''), ',') "
   "from diwan_extract('" ALL "', '2023-03-20')"},
  {"event_each+diwan_titles+diwan_roles",
   "create table diwan_gazetteer(id, kind, name, country, lang, surface);"
   "insert into diwan_gazetteer values ('person:ursula-plassnik', 'person', 'Ursula Plassnik', 'AT', 'en', 'Ursula Plassnik');"
   "create table diwan_titles(lang, role, surface);"
   "insert into diwan_titles values ('en', 'foreign_minister', 'Federal Minister for European and International Affairs');"
   "create table diwan_roles(person, role, country, \"from\", \"to\");"
   "insert into diwan_roles values ('person:ursula-plassnik', 'foreign_minister', 'AT', '2004-10-18', '2008-12-02');",
   "select group_concat(type || ':' || actor1 || '>' || actor2 || persons, ',') from event_each("
   "'The Austrian Federal Minister for European and International Affairs visited Kuwait on 3 May 2005.', NULL, 1)"},
  /* in a write transaction the user tables are read again by every
  ** statement (user_cache.c): their reading is failed warm too */
  {"diwan_extract+all user tables, rereading",
   "create table diwan_gazetteer(id, kind, name, country, lang, surface);"
   "insert into diwan_gazetteer values ('city:xanadu', 'city', 'Xanadu', 'CN', 'en', 'Xanadu');"
   "create table diwan_triggers(lang, type, cameo, surface, argument, rank);"
   "insert into diwan_triggers values ('en', 'visit', '042', 'toured', '', 1);"
   "create table diwan_titles(lang, role, surface);"
   "insert into diwan_titles values ('en', 'foreign_minister', 'top diplomat');"
   "create table diwan_roles(person, role, country, \"from\", \"to\");"
   "insert into diwan_roles values ('person:x', 'foreign_minister', 'KW', '2020', NULL);"
   "create table diwan_months(form, month, calendar, lang, flags);"
   "insert into diwan_months values ('juill', 7, 'g', 'fr', NULL);"
   "create table out(x);",
   "insert into out select group_concat(what || ':' || coalesce(value, id, type, ''), ',') "
   "from diwan_extract('Kuwait''s top diplomat toured Xanadu on 3 juill 2021.', '2023-03-20') "
   "returning x"},
  {"diwan_debug, diwan_lexicon_cache", 0,
   "select length(diwan_debug()) > 0, diwan_lexicon_cache()"},
  {"corpus_read", 0,
   "select count(*), sum(bytes), sum(length(body)), group_concat(path, ',') from corpus_read('sample')"},
};

/* A fresh in-memory database with the extension at so loaded and the
** entry's set-up run; exits 2 naming prog and the entry when it cannot. */
static sqlite3 *entry_open(const char *prog, const char *so, const entry *e) {
  sqlite3 *db = NULL;
  char *err = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
      sqlite3_enable_load_extension(db, 1) != SQLITE_OK ||
      sqlite3_load_extension(db, so, NULL, &err) != SQLITE_OK ||
      (e->setup && sqlite3_exec(db, e->setup, NULL, NULL, &err) != SQLITE_OK)) {
    fprintf(stderr, "%s: %s: cannot set up: %s\n", prog, e->name,
            err ? err : sqlite3_errmsg(db));
    exit(2);
  }
  return db;
}
#endif
