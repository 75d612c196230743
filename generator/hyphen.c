/* hyphen.c: Dutch hyphenation with Liang's patterns from Debian's
 * hyph_nl_NL.dic (hyphen-nl), the TeX patterns libhyphen reads.
 *
 * The patterns are read into a trie here rather than through libhyphen:
 * libhyphen builds a state machine out of tens of thousands of small
 * allocations, some 10 ms per run, a third of a small build; the trie takes
 * about a millisecond and gives the same break points (a unit test
 * compares the two on the 400,000 words of Debian's Dutch word list). The dictionary is
 * ISO-8859-1, so words are converted to Latin-1 (lower case) and the break
 * positions mapped back to UTF-8. Replacement patterns ("/"), which change
 * the spelling at a break, are not read: Dutch hyphen-nl has none, and
 * the engine never breaks with a changed spelling. */
#include "hyphenate.h"
#include "sm.h"
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The trie: node 0 is the root; its edges are kept in one hash table
 * keyed by (node, letter), so each step of a match is one probe. */
struct node {
	uint32_t pattern;           /* offset in values of the pattern ending here, + 1; 0: none */
};

struct edge {
	uint32_t key;               /* (node + 1) << 8 | letter; 0: empty */
	uint32_t child;
};

static struct {
	struct node *nodes;
	uint32_t nnodes, cap;
	struct edge *edges;
	uint32_t mask;              /* edges has mask + 1 slots */
	unsigned char *values;      /* per pattern: its number of letters n, then n + 1 digits */
	size_t nvalues, values_cap;
	/* The previous pattern's letters and nodes: the file lists patterns
	 * with a common start one after another (72% of letters are shared). */
	unsigned char prev[64];
	uint32_t path[64];
	int prev_len;
	int tried, loaded;
} T;

static uint32_t slot(uint32_t key)
{
	uint32_t h = (key * 2654435761u) >> 7;
	while (T.edges[h & T.mask].key && T.edges[h & T.mask].key != key)
		h++;
	return h & T.mask;
}

static uint32_t child(uint32_t node, unsigned char c)
{
	const struct edge *e = &T.edges[slot((node + 1) << 8 | c)];
	return e->key ? e->child : 0;
}

static uint32_t add_child(uint32_t node, unsigned char c)
{
	uint32_t key = (node + 1) << 8 | c, at = slot(key);
	if (T.edges[at].key)
		return T.edges[at].child;
	if (T.nnodes == T.cap) {
		T.cap *= 2;
		T.nodes = sm_xrealloc(T.nodes, T.cap * sizeof *T.nodes);
	}
	uint32_t k = T.nnodes++;
	memset(&T.nodes[k], 0, sizeof T.nodes[k]);
	T.edges[at].key = key;
	T.edges[at].child = k;
	/* At most three quarters full: rebuilt twice as large. */
	if (T.nnodes * 4 > T.mask * 3) {
		struct edge *old = T.edges;
		uint32_t n = T.mask + 1;
		T.mask = n * 2 - 1;
		T.edges = sm_xcalloc(n * 2, sizeof *T.edges);
		for (uint32_t i = 0; i < n; i++)
			if (old[i].key)
				T.edges[slot(old[i].key)] = old[i];
		free(old);
	}
	return k;
}

/* One pattern line such as ".a4c2ht": letters, with a digit before,
 * between or after them. */
static void add_pattern(const unsigned char *s, size_t n)
{
	unsigned char letters[64], digits[65];
	int len = 0;
	memset(digits, 0, sizeof digits);
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			digits[len] = (unsigned char)(s[i] - '0');
		} else if (s[i] == '/' || len == 63) {
			return;         /* a replacement pattern, or nonsense */
		} else {
			letters[len++] = s[i];
		}
	}
	if (!len)
		return;
	int same = 0;
	while (same < len && same < T.prev_len && letters[same] == T.prev[same])
		same++;
	uint32_t node = same ? T.path[same - 1] : 0;
	for (int i = same; i < len; i++) {
		node = add_child(node, letters[i]);
		T.path[i] = node;
		T.prev[i] = letters[i];
	}
	T.prev_len = len;
	if (T.nvalues + (size_t)len + 2 > T.values_cap) {
		T.values_cap = (T.nvalues + (size_t)len + 2) * 2;
		T.values = sm_xrealloc(T.values, T.values_cap);
	}
	T.nodes[node].pattern = (uint32_t)T.nvalues + 1;
	T.values[T.nvalues] = (unsigned char)len;
	memcpy(T.values + T.nvalues + 1, digits, (size_t)len + 1);
	T.nvalues += (size_t)len + 2;
}

/* Reads the dictionary; -1 when it is not installed (the engine then does
 * not hyphenate, as the layout's `hyphenate: false` would). Not being
 * able to open it for another reason (too many open files, no memory) is
 * a system error: hyphenating or not must not depend on the machine's
 * state, or the same input would give other bytes. */
static int load(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno != ENOENT && errno != ENOTDIR && errno != EACCES) {
			struct sm_pos p = { path, 0, 0 };
			sm_diag_system(SM_MSG_file_unreadable, &p, path, strerror(errno));
		}
		return -1;
	}
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, got;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 256 * 1024;
			buf = sm_xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got && n < SM_MAX_FILE_SIZE);
	fclose(f);
	T.cap = 32768;
	T.nodes = sm_xmalloc(T.cap * sizeof *T.nodes);
	memset(&T.nodes[0], 0, sizeof T.nodes[0]);   /* the root */
	T.nnodes = 1;
	T.mask = 32767;             /* 18,000 nodes in the Dutch patterns */
	T.edges = sm_xcalloc(T.mask + 1, sizeof *T.edges);
	int first = 1;
	for (size_t i = 0; i < n;) {
		const unsigned char *nl = memchr(buf + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - buf) : n;
		/* The first line names the character set; a line in capitals is a
		 * setting (LEFTHYPHENMIN ...): the engine sets its own minimums. */
		size_t len = end - i;
		while (len && (buf[i + len - 1] == ' ' || buf[i + len - 1] == '\t' || buf[i + len - 1] == '\r'))
			len--;
		if (!first && len && buf[i] != '%' && !(buf[i] >= 'A' && buf[i] <= 'Z'))
			add_pattern(buf + i, len);
		first = 0;
		i = end + 1;
	}
	free(buf);
	return 0;
}

int sm_hyphen_open(void)
{
	if (!T.tried) {
		T.tried = 1;
		T.loaded = !load(SM_HYPHEN_DICT);
	}
	return T.loaded ? 0 : -1;
}

void sm_hyphen_close(void)
{
	free(T.nodes);
	free(T.edges);
	free(T.values);
	memset(&T, 0, sizeof T);
}

static int is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

static int is_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

/* Hyphenates one run of letters (Latin-1 lower case in lat, with the
 * UTF-8 end offset of each letter in ends): every pattern found in
 * ".word." raises the values between its letters; an odd value allows a
 * break. */
static int hyphenate_letters(const char *lat, int n, const size_t *ends, size_t base, unsigned char *breaks)
{
	if (n < 5 || n > 100)
		return 0;
	unsigned char w[104], v[105];
	int L = n + 2;
	w[0] = '.';
	memcpy(w + 1, lat, (size_t)n);
	w[n + 1] = '.';
	memset(v, 0, sizeof v);
	for (int s = 0; s < L; s++) {
		uint32_t node = 0;
		for (int t = s; t < L; t++) {
			node = child(node, w[t]);
			if (!node)
				break;
			uint32_t pat = T.nodes[node].pattern;
			if (pat) {
				const unsigned char *d = T.values + pat;
				for (int j = 0; j <= d[-1]; j++)
					if (d[j] > v[s + j])
						v[s + j] = d[j];
			}
		}
	}
	/* v[i + 2] lies between letter i and letter i + 1 of the word; at
	 * least 2 letters before a break and 3 after. */
	int count = 0;
	for (int i = 1; i < n - 3; i++)
		if (v[i + 2] & 1) {
			breaks[base + ends[i] - 1] = 1;
			count++;
		}
	return count;
}

int sm_hyphenate(const char *word, size_t len, unsigned char *breaks)
{
	memset(breaks, 0, len);
	if (!T.loaded || len > 200)
		return 0;
	/* Decode; refuse codes, numbers and addresses. */
	uint32_t cps[200];
	size_t ends[200];
	int n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int k = sm_utf8_decode(word + i, len - i, &cp);
		if (!k)
			return 0;
		if ((cp >= '0' && cp <= '9') || cp == '@' || cp == '/' || cp == ':' || cp == '_' || cp == '=')
			return 0;
		i += (size_t)k;
		cps[n] = cp;
		ends[n] = i;
		n++;
	}
	/* The letters of the word: leading and trailing punctuation stay off. */
	int a = 0, b = n;
	while (a < b && !is_letter(cps[a]))
		a++;
	while (b > a && !is_letter(cps[b - 1]))
		b--;
	for (int i = a + 1; i < b; i++)
		if (is_upper(cps[i]))
			return 0;
	int count = 0;
	/* Each part between hyphens on its own (the hyphen itself is a break
	 * point the line breaker knows). */
	int i = a;
	while (i < b) {
		int end = i;
		while (end < b && cps[end] != '-')
			end++;
		/* A part may carry brackets of its own: "(Niet-)eenzaamheid". */
		while (i < end && !is_letter(cps[i]))
			i++;
		int j = i, stop = end;
		while (stop > i && !is_letter(cps[stop - 1]))
			stop--;
		char lat[128];
		size_t rel_ends[128];
		int m = 0, ok = 1;
		while (j < stop) {
			uint32_t c = cps[j];
			if (!is_letter(c) || m >= 120) {
				ok = 0;         /* not a word to hyphenate */
				break;
			}
			if (c >= 'A' && c <= 'Z')
				c += 32;
			else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
				c += 32;
			lat[m] = (char)c;
			rel_ends[m] = ends[j] - (i > 0 ? ends[i - 1] : 0);
			m++;
			j++;
		}
		if (ok && m >= 5) {
			size_t base = i > 0 ? ends[i - 1] : 0;
			count += hyphenate_letters(lat, m, rel_ends, base, breaks);
		}
		i = end + 1;
	}
	return count;
}
