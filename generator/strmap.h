/* strmap.h: string → int index, open addressing, in the arena. For ids and
 * area codes, looked up once per CSV row. */
#ifndef SM_STRMAP_H
#define SM_STRMAP_H
#include "arena.h"

struct sm_strmap {
	const char **keys;
	int *vals;
	unsigned cap, n;
};

void sm_strmap_init(struct sm_arena *a, struct sm_strmap *m, unsigned expected);
/* Adds key → val; returns the existing value when the key is there (and
 * keeps it), -1 when it was added. */
int sm_strmap_put(struct sm_arena *a, struct sm_strmap *m, const char *key, int val);
int sm_strmap_get(const struct sm_strmap *m, const char *key);     /* -1 if absent */

#endif
