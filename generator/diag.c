/* diag.c: prints messages from the catalog in diag.h and counts them. */
#include "diag.h"
#include <stdio.h>
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
		if (pos->line > 0)
			fprintf(stderr, "%s:%d:%d: ", pos->file, pos->line, pos->col > 0 ? pos->col : 1);
		else
			fprintf(stderr, "%s: ", pos->file);
	} else {
		fputs("sociale-monitor: ", stderr);
	}
	fprintf(stderr, "%s: ", level_words[level]);
	vfprintf(stderr, catalog[id].fmt, ap);
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
	const char *s = sm_suggest(word, candidates, n);
	if (!s)
		return "";
	snprintf(buf, sizeof buf, " (did you mean '%s'?)", s);
	return buf;
}
