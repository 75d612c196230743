/* diag.c: prints messages from the catalog in diag.h and counts them. */
#include "sm.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	enum sm_level level;
	const char *fmt;
} catalog[] = {
#define SM_X(id, lvl, f) [SM_MSG_##id] = { #id, lvl, f },
	SM_MESSAGES(SM_X)
#undef SM_X
};

static int n_errors, n_warnings, n_system, quiet;
enum { MAX_PRINTED = 200 };

static const char *const level_words[] = {
	[SM_NOTE] = "note", [SM_WARNING] = "warning", [SM_ERROR] = "error",
};

/* Unicode format characters that hide text or reorder it on a bidi-aware
 * screen: zero-width spaces and joiners, direction marks, embeddings,
 * overrides and isolates, invisible operators, the byte order mark and
 * the soft hyphen. */
static int hides_text(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0xFEFF || cp == 0x00AD;
}

/* Writes s with what a terminal or a log would act on made visible: C0
 * controls, DEL and C1 controls become escapes (\n, \r, \t, \x1b,
 * \u0085), as do bytes that are not UTF-8 (\xff) and the format
 * characters that hide or reorder text (\u200b, \u202e). A file name or a
 * value from a project can then neither forge a line nor rewrite the
 * screen, nor look like another; other valid UTF-8 is written as it is. */
static void put_escaped(const char *str, FILE *f)
{
	const unsigned char *s = (const unsigned char *)str;
	while (*s) {
		unsigned char c = *s;
		uint32_t cp;
		int n = sm_utf8_decode((const char *)s, strnlen((const char *)s, 4), &cp);
		if (!n) {
			fprintf(f, "\\x%02x", c);
			s++;
		} else if (cp == '\n' || cp == '\r' || cp == '\t') {
			fputc('\\', f);
			fputc(cp == '\n' ? 'n' : cp == '\r' ? 'r' : 't', f);
			s++;
		} else if (cp < 0x20 || cp == 0x7F) {
			fprintf(f, "\\x%02x", (unsigned)cp);
			s++;
		} else if ((cp >= 0x80 && cp <= 0x9F) || hides_text(cp)) {
			fprintf(f, "\\u%04x", (unsigned)cp);
			s += n;
		} else {
			fwrite(s, 1, (size_t)n, f);
			s += n;
		}
	}
}

void sm_vdiag(enum sm_msg id, const struct sm_pos *pos, va_list ap)
{
	enum sm_level level = catalog[id].level;
	if (level == SM_ERROR)
		n_errors++;
	else if (level == SM_WARNING)
		n_warnings++;
	int printed = n_errors + n_warnings;
	if (quiet || printed > MAX_PRINTED + 1)
		return;
	if (printed == MAX_PRINTED + 1) {
		fputs("sociale-monitor: note: too many messages; the rest are not shown\n", stderr);
		return;
	}
	if (pos && pos->file) {
		put_escaped(pos->file, stderr);
		if (pos->line > 0)
			fprintf(stderr, ":%d:%d: ", pos->line, pos->col > 0 ? pos->col : 1);
		else
			fputs(": ", stderr);
	} else {
		fputs("sociale-monitor: ", stderr);
	}
	fprintf(stderr, "%s: ", level_words[level]);
	/* The catalogue's formats hold no control characters, so escaping the
	 * whole message escapes exactly what its arguments bring. */
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, catalog[id].fmt, ap2);
	va_end(ap2);
	char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (msg)
		vsnprintf(msg, (size_t)n + 1, catalog[id].fmt, ap);
	put_escaped(msg ? msg : catalog[id].fmt, stderr);
	free(msg);
	/* The test suite asks which catalogue entry a line comes from. */
	static int show_ids = -1;
	if (show_ids < 0) {
		const char *e = getenv("SM_TEST_MSG_IDS");
		show_ids = e && e[0] == '1';
	}
	if (show_ids)
		fprintf(stderr, " [%s]", catalog[id].name);
	fputc('\n', stderr);
}

void sm_diag(enum sm_msg id, const struct sm_pos *pos, ...)
{
	va_list ap;
	va_start(ap, pos);
	sm_vdiag(id, pos, ap);
	va_end(ap);
}

void sm_diag_system(enum sm_msg id, const struct sm_pos *pos, ...)
{
	va_list ap;
	va_start(ap, pos);
	n_system++;
	sm_vdiag(id, pos, ap);
	va_end(ap);
}

int sm_diag_errors(void) { return n_errors; }
int sm_diag_system_errors(void) { return n_system; }
int sm_diag_warnings(void) { return n_warnings; }
void sm_diag_reset(void) { n_errors = n_warnings = n_system = 0; }
void sm_diag_quiet(int q) { quiet = q; }
const char *sm_msg_name(enum sm_msg id) { return catalog[id].name; }
enum sm_level sm_msg_level(enum sm_msg id) { return catalog[id].level; }

/* Levenshtein distance on bytes, bounded to short words. */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63)
		return 99;
	int row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int prev = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int cur = row[j];
			int cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int best = prev + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

const char *sm_suggest(const char *word, const char *const *candidates, int n)
{
	const char *best = NULL;
	int best_d = 99;
	size_t len = strlen(word);
	int limit = len < 4 ? 1 : len < 8 ? 2 : 3;
	for (int i = 0; i < n; i++) {
		/* Words whose lengths differ by more than the limit are never
		 * close: a long list costs a comparison of lengths each. */
		size_t lc = strlen(candidates[i]);
		if ((lc > len ? lc - len : len - lc) > (size_t)limit)
			continue;
		int d = distance(word, candidates[i]);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	return best_d <= limit ? best : NULL;
}

const char *sm_did_you_mean(const char *word, const char *const *candidates, int n)
{
	static char buf[160];
	/* Past the messages that are printed, a suggestion would not be read. */
	if (n_errors + n_warnings >= MAX_PRINTED)
		return "";
	const char *s = sm_suggest(word, candidates, n);
	if (!s)
		return "";
	snprintf(buf, sizeof buf, " (did you mean '%s'?)", s);
	return buf;
}
