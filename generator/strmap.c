/* strmap.c: a small string hash map (FNV-1a, linear probing). */
#include "strmap.h"
#include <string.h>

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

void sm_strmap_init(struct sm_arena *a, struct sm_strmap *m, unsigned expected)
{
	unsigned cap = 16;
	while (cap < expected * 2 + 2)
		cap *= 2;
	m->cap = cap;
	m->n = 0;
	m->keys = sm_arena_alloc(a, cap * sizeof *m->keys);
	m->vals = sm_arena_alloc(a, cap * sizeof *m->vals);
}

static void grow(struct sm_arena *a, struct sm_strmap *m)
{
	struct sm_strmap old = *m;
	sm_strmap_init(a, m, old.cap);
	for (unsigned i = 0; i < old.cap; i++)
		if (old.keys[i])
			sm_strmap_put(a, m, old.keys[i], old.vals[i]);
}

int sm_strmap_put(struct sm_arena *a, struct sm_strmap *m, const char *key, int val)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(a, m);
	unsigned i = hash(key) & (m->cap - 1);
	while (m->keys[i]) {
		if (!strcmp(m->keys[i], key))
			return m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return -1;
}

int sm_strmap_get(const struct sm_strmap *m, const char *key)
{
	if (!m->cap)
		return -1;
	unsigned i = hash(key) & (m->cap - 1);
	while (m->keys[i]) {
		if (!strcmp(m->keys[i], key))
			return m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	return -1;
}
