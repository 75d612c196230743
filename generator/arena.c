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
	exit(3);        /* atexit handlers undo what is half done (the PDF's temporary file) */
}

/* Test hook: SM_TEST_FAIL_ALLOC=N makes the Nth counted allocation fail,
 * so the tests can see that a failure anywhere ends in one message and
 * exit 3. A build that makes fewer allocations prints their number at
 * exit, so the tests know the range to try. Counted are arena chunks and
 * sm_xmalloc, sm_xcalloc and sm_xrealloc, through which libharu,
 * libdeflate (dev_pdf.c), cmark (load_md.c) and libcsv (load_csv.c)
 * allocate too. */
static long alloc_count, alloc_fail_at = -1;

static void report_allocations(void)
{
	if (alloc_count < alloc_fail_at)
		fprintf(stderr, "sociale-monitor: test: %ld allocations\n", alloc_count);
}

static int injected_failure(void)
{
	if (alloc_fail_at < 0) {
		const char *s = getenv("SM_TEST_FAIL_ALLOC");
		alloc_fail_at = s && *s ? strtol(s, NULL, 10) : 0;
		if (alloc_fail_at > 0)
			atexit(report_allocations);
	}
	return alloc_fail_at > 0 && ++alloc_count == alloc_fail_at;
}

void *sm_xmalloc(size_t n)
{
	void *p = injected_failure() ? NULL : malloc(n ? n : 1);
	if (!p)
		sm_oom();
	return p;
}

void *sm_xcalloc(size_t n, size_t size)
{
	void *p = injected_failure() ? NULL : calloc(n ? n : 1, size ? size : 1);
	if (!p)
		sm_oom();
	return p;
}

void *sm_xrealloc(void *p, size_t n)
{
	p = injected_failure() ? NULL : realloc(p, n ? n : 1);
	if (!p)
		sm_oom();
	return p;
}

static void *alloc_raw(struct sm_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	struct sm_arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > 64 * 1024 ? n : 64 * 1024;
		c = sm_xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	a->used_total += n;
	return p;
}

void *sm_arena_alloc(struct sm_arena *a, size_t n)
{
	void *p = alloc_raw(a, n);
	memset(p, 0, n);
	return p;
}

void *sm_arena_grow(struct sm_arena *a, void *old, size_t oldn, size_t newn)
{
	/* The last allocation of a chunk grows in place. */
	struct sm_arena_chunk *c = a->head;
	if (old && c && (char *)old + (oldn + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t) ==
			       (char *)c->data + c->used) {
		size_t align = sizeof(max_align_t);
		size_t have = (oldn + align - 1) / align * align, want = (newn + align - 1) / align * align;
		if (c->used - have + want <= c->size) {
			c->used += want - have;
			a->used_total += want - have;
			return old;
		}
	}
	/* The new room is not cleared: arrays that grow fill it themselves. */
	char *p = alloc_raw(a, newn);
	size_t keep = old && oldn ? (oldn < newn ? oldn : newn) : 0;
	if (keep)
		memcpy(p, old, keep);
	return p;
}

char *sm_arena_strndup(struct sm_arena *a, const char *s, size_t n)
{
	char *p = alloc_raw(a, n + 1);
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
	char *p = alloc_raw(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

char *sm_arena_join(struct sm_arena *a, const char *const *parts, int n, const char *sep)
{
	size_t seplen = strlen(sep), len = 0;
	for (int i = 0; i < n; i++)
		len += strlen(parts[i]) + (i ? seplen : 0);
	char *s = alloc_raw(a, len + 1), *p = s;
	for (int i = 0; i < n; i++) {
		if (i) {
			memcpy(p, sep, seplen);
			p += seplen;
		}
		size_t l = strlen(parts[i]);
		memcpy(p, parts[i], l);
		p += l;
	}
	*p = 0;
	return s;
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

void sm_arena_reset(struct sm_arena *a)
{
	/* Keep the newest chunk for reuse; free the others. */
	struct sm_arena_chunk *c = a->head;
	if (!c)
		return;
	struct sm_arena_chunk *rest = c->next;
	while (rest) {
		struct sm_arena_chunk *next = rest->next;
		free(rest);
		rest = next;
	}
	c->next = NULL;
	c->used = 0;
	a->used_total = 0;
}
