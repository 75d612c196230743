/* arena.c: bump allocation in chunks, freed all at once. */
#include "arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sm_arena_chunk {
	struct sm_arena_chunk *next;
	size_t size, used;
	max_align_t data[];
};

void sm_oom(void)
{
	fputs("sociale-monitor: error: out of memory\n", stderr);
	exit(3);
}

void *sm_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		sm_oom();
	return p;
}

void *sm_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		sm_oom();
	return p;
}

void *sm_arena_alloc(struct sm_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	struct sm_arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > 64 * 1024 ? n : 64 * 1024;
		c = malloc(sizeof *c + size);
		if (!c)
			sm_oom();
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	a->used_total += n;
	memset(p, 0, n);
	return p;
}

void *sm_arena_grow(struct sm_arena *a, void *old, size_t oldn, size_t newn)
{
	void *p = sm_arena_alloc(a, newn);
	if (old && oldn)
		memcpy(p, old, oldn < newn ? oldn : newn);
	return p;
}

char *sm_arena_strndup(struct sm_arena *a, const char *s, size_t n)
{
	char *p = sm_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *sm_arena_strdup(struct sm_arena *a, const char *s)
{
	return sm_arena_strndup(a, s, strlen(s));
}

char *sm_arena_printf(struct sm_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = sm_arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void sm_arena_free(struct sm_arena *a)
{
	struct sm_arena_chunk *c = a->head;
	while (c) {
		struct sm_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used_total = 0;
}
