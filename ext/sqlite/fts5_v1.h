/* The FTS5 tokenizer ABI, version 1 (SQLite 3.9 and later, unchanged in
** 3.40). There is no fts5.h to include: sqlite3.h declares these itself
** when it was generated with FTS5 (Debian's is); for headers without that
** section this declares the part diwan uses, which is a stable ABI. */
#ifndef DW_FTS5_V1_H
#define DW_FTS5_V1_H
#include <sqlite3ext.h>
#ifndef FTS5_TOKENIZE_QUERY

typedef struct Fts5Tokenizer Fts5Tokenizer;
typedef struct fts5_tokenizer {
  int (*xCreate)(void *, const char **azArg, int nArg, Fts5Tokenizer **ppOut);
  void (*xDelete)(Fts5Tokenizer *);
  int (*xTokenize)(Fts5Tokenizer *, void *pCtx, int flags, const char *pText,
                   int nText,
                   int (*xToken)(void *pCtx, int tflags, const char *pToken,
                                 int nToken, int iStart, int iEnd));
} fts5_tokenizer;

#define FTS5_TOKENIZE_QUERY    0x0001
#define FTS5_TOKENIZE_PREFIX   0x0002
#define FTS5_TOKENIZE_DOCUMENT 0x0004
#define FTS5_TOKENIZE_AUX      0x0008
#define FTS5_TOKEN_COLOCATED   0x0001

typedef struct fts5_api fts5_api;
struct fts5_api {
  int iVersion;
  int (*xCreateTokenizer)(fts5_api *pApi, const char *zName, void *pContext,
                          fts5_tokenizer *pTokenizer, void (*xDestroy)(void *));
  int (*xFindTokenizer)(fts5_api *pApi, const char *zName, void **ppContext,
                        fts5_tokenizer *pTokenizer);
  /* xCreateFunction and, from version 3, the v2 tokenizer calls follow;
  ** diwan does not use them, so they are not declared. */
};

#endif /* FTS5_TOKENIZE_QUERY */
#endif
