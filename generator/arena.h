/* arena.h: per-build memory. One arena owns the model, the computed tables,
 * the boxes and the display list; it is freed once at the end of a build.
 * Allocation failure prints one message and exits 3, so callers never test
 * for NULL. */
#ifndef SM_ARENA_H
#define SM_ARENA_H
#include <stddef.h>

struct sm_arena_chunk;
struct sm_arena {
	struct sm_arena_chunk *head;
	size_t used_total;
};

void *sm_arena_alloc(struct sm_arena *a, size_t n);          /* zeroed */
/* A larger copy of old (or old itself, grown in place); the new room is
 * not cleared. */
void *sm_arena_grow(struct sm_arena *a, void *old, size_t oldn, size_t newn);
char *sm_arena_strdup(struct sm_arena *a, const char *s);
char *sm_arena_strndup(struct sm_arena *a, const char *s, size_t n);
char *sm_arena_printf(struct sm_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The n strings joined with sep between them, copied once (joining them
 * one by one with sm_arena_printf copies the growing string n times). */
char *sm_arena_join(struct sm_arena *a, const char *const *parts, int n, const char *sep);
void sm_arena_free(struct sm_arena *a);
/* Empties the arena for reuse (a scratch arena, per paragraph). */
void sm_arena_reset(struct sm_arena *a);

/* Process-wide allocation that never returns NULL (for scratch buffers
 * outside the arena). */
void *sm_xmalloc(size_t n);
void *sm_xcalloc(size_t n, size_t size);                      /* zeroed */
void *sm_xrealloc(void *p, size_t n);
/* "out of memory" and exit 3; atexit handlers remove what is half done. */
void sm_oom(void) __attribute__((noreturn));

/* A growable array in the arena: SM_PUSH(arena, items, n, cap, value).
 * Arrays of large elements start small: most (the display items of one
 * line) hold one or two. */
#define SM_PUSH(ar, arr, n, cap, val) do { \
	if ((n) == (cap)) { \
		size_t nc_ = (cap) ? (cap) * 2 : sizeof *(arr) >= 64 ? 2 : 8; \
		(arr) = sm_arena_grow((ar), (arr), (cap) * sizeof *(arr), nc_ * sizeof *(arr)); \
		(cap) = nc_; \
	} \
	(arr)[(n)++] = (val); \
} while (0)

/* Room for `want` elements in such an array at once, when the count is
 * known: no copies left behind by doubling. */
#define SM_RESERVE(ar, arr, cap, want) do { \
	if ((size_t)(cap) < (size_t)(want)) { \
		(arr) = sm_arena_grow((ar), (arr), (cap) * sizeof *(arr), (size_t)(want) * sizeof *(arr)); \
		(cap) = (want); \
	} \
} while (0)

#endif
