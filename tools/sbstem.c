/* sbstem ALGO: one word a line on stdin, its Snowball stem a line on
** stdout (UTF-8). Used by tools/eval_lemmas.tcl to put Snowball's own
** stemmer beside diwan's (libstemmer, as linked into diwan.so). */
#include <stdio.h>
#include <string.h>
#include <libstemmer.h>

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: sbstem ALGORITHM < words\n"); return 2; }
  struct sb_stemmer *st = sb_stemmer_new(argv[1], "UTF_8");
  if (!st) { fprintf(stderr, "sbstem: no Snowball algorithm '%s'\n", argv[1]); return 2; }
  char line[4096];
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strcspn(line, "\r\n");
    const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)line, (int)n);
    if (!s) { fprintf(stderr, "sbstem: out of memory\n"); sb_stemmer_delete(st); return 1; }
    fwrite(s, 1, (size_t)sb_stemmer_length(st), stdout);
    putchar('\n');
  }
  sb_stemmer_delete(st);
  return 0;
}
