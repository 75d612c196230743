/* layout_text.c: setting paragraphs. Runs of styled text become a list of
 * boxes (pieces of words), glue (spaces) and penalties (places where a line
 * may end: Dutch hyphenation points, existing hyphens), as in Knuth and
 * Plass. Lines are chosen for the whole paragraph at once (total fit) so
 * that no line is loose or tight beyond the limits, with at most two
 * hyphenated lines in a row; ragged-right text is broken the same way,
 * minimising raggedness, so hyphenation also saves it from very short
 * lines. Words are measured with pair kerning, and each word is placed by
 * us: kerning and the stretch of a justified space are shifts inside a text
 * item (libharu's word spacing does nothing with UTF-8 fonts). A word
 * longer than the line is cut between characters: nothing runs into the
 * margin. */
#include "layout.h"
#include "hyphenate.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define INF_PENALTY 10000.0
#define HYPHEN_PENALTY 50.0
#define RAGGED_HYPHEN_PENALTY 250.0
#define FLAGGED_DEMERITS 3000.0
#define FITNESS_DEMERITS 100.0
#define PRETOLERANCE 0.8         /* without hyphenation: spaces up to 1,4 times */
#define MAX_STRETCH 2.0          /* spaces may grow to 1 + 2 x 0,5 = 2 times */
#define STRETCH 0.5              /* glue stretch, as a share of the space */
#define SHRINK 0.25              /* glue shrink */
#define SUPER_SIZE 0.62          /* a footnote's number in the text: its size, */
#define SUPER_RISE 0.36          /* and how far it is raised, as shares of the size */
/* The hyphen added where a line breaks a word: U+00AD, drawn with the
 * hyphen's glyph (font.c), so that extracted text gives the word whole;
 * a hyphen written in the text stays U+002D. */
#define SOFT_HYPHEN "\xC2\xAD"

enum { K_BOX, K_GLUE, K_PENALTY };

struct kitem {
	int type;
	double w, y, z;             /* width, stretch, shrink */
	int fill;                   /* glue of infinite stretch (paragraph end) */
	double penalty;
	int flagged;                /* a hyphen is drawn when the line ends here */
	const char *s;              /* box text */
	size_t len;
	int role;
	const char *url;
	int note;                   /* a footnote's number, set superior: 1 + its foot in
				       L->feet; negative when its foot is set elsewhere */
	int link;                   /* box of a link: its Link element (link_elements) */
};

struct para {
	struct kitem *v;
	int n, cap;
};

static int role_of(const struct sm_pstyle *ps, unsigned style)
{
	switch (style & 3) {
	case SM_STYLE_BOLD: return ps->role_bold;
	case SM_STYLE_ITALIC: return ps->role_italic;
	case SM_STYLE_BOLD | SM_STYLE_ITALIC: return ps->role_bold_italic;
	default: return ps->role_regular;
	}
}

double sm_baseline(const struct sm_pstyle *ps)
{
	return (ps->leading + ps->size * 0.72) / 2;
}

/* Width of text in role at size, with pair kerning inside it. */
double sm_measure(struct sm_layout *L, int role, double size, const char *s, size_t len)
{
	return sm_font_measure(L->fonts, role, s, len) * size / 1000.0;
}

static void push(struct sm_layout *L, struct para *p, struct kitem it)
{
	SM_PUSH(&L->scratch, p->v, p->n, p->cap, it);
}

static void box(struct sm_layout *L, struct para *p, const char *s, size_t len, int role, const char *url, double size,
		int note)
{
	if (note)
		size *= SUPER_SIZE;
	struct kitem it = { K_BOX, sm_measure(L, role, size, s, len), 0, 0, 0, 0, 0, s, len, role, url, note, -1 };
	push(L, p, it);
}

static void penalty(struct sm_layout *L, struct para *p, double w, double pen, int flagged, int role)
{
	struct kitem it = { K_PENALTY, w, 0, 0, 0, pen, flagged, NULL, 0, role, NULL, 0, -1 };
	push(L, p, it);
}

/* A word: its pieces in their runs. */
struct seg { const char *s; size_t len; int role; const char *url; int note; };

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Emits the boxes of one word with its break points: Dutch hyphenation
 * (optional, with a hyphen), after an existing hyphen between letters
 * (at least three characters either side), and after a slash in long
 * tokens such as web addresses. */
static void word(struct sm_layout *L, struct para *p, const struct seg *segs, int nseg, const struct sm_pstyle *ps)
{
	size_t total = 0;
	for (int i = 0; i < nseg; i++)
		total += segs[i].len;
	char *text = sm_arena_alloc(&L->scratch, total + 1);
	unsigned char *brk = sm_arena_alloc(&L->scratch, total + 1);
	int *flag = sm_arena_alloc(&L->scratch, (total + 1) * sizeof *flag);
	size_t at = 0;
	for (int i = 0; i < nseg; i++) {
		memcpy(text + at, segs[i].s, segs[i].len);
		at += segs[i].len;
	}
	/* Labels and headings (nohyphen) are still hyphenated when a word is
	 * wider than the whole line: a Dutch break point with a hyphen reads
	 * better than the forced break that would follow. */
	if (L->t->hyphenate && !L->no_hyphens && !sm_hyphen_open() &&
	    (!ps->nohyphen || sm_measure(L, segs[0].role, ps->size, text, total) > ps->width))
		sm_hyphenate(text, total, brk);
	for (size_t i = 0; i < total; i++)
		flag[i] = brk[i];
	/* Web and e-mail addresses may break after any character (best after
	 * '/', '.', '-' or '@'), without a hyphen: justified lines around them
	 * then stay within the stretch limit. */
	int address = strstr(text, "://") || !strncmp(text, "www.", 4) || strchr(text, '@');
	double *cost = sm_arena_alloc(&L->scratch, (total + 1) * sizeof *cost);
	int letters_before = 0;
	for (size_t i = 0; i < total; i++) {
		unsigned char c = (unsigned char)text[i];
		if ((c & 0xC0) != 0x80)
			letters_before++;
		if (c == '-' && letters_before >= 4 && i + 3 < total && !is_digit(text[i + 1]) &&
		    (i == 0 || !is_digit(text[i - 1]))) {
			/* "(Niet-)eenzaamheid" breaks after the bracket, not before it. */
			size_t at_brk = text[i + 1] == ')' || text[i + 1] == ']' ? i + 1 : i;
			brk[at_brk] = 1;
			flag[at_brk] = 0;
		}
		if (address && i >= 2 && i + 3 < total && ((unsigned char)text[i + 1] & 0xC0) != 0x80) {
			int good = c == '/' || c == '.' || c == '-' || c == '@' || c == '_';
			brk[i] = 1;
			flag[i] = 0;
			cost[i] = good ? 0 : HYPHEN_PENALTY;
		}
	}
	double hyphen_w = 0;
	at = 0;
	for (int i = 0; i < nseg; i++) {
		const struct seg *g = &segs[i];
		size_t start = 0;
		for (size_t k = 0; k < g->len; k++) {
			if (!brk[at + k] || at + k + 1 >= total)
				continue;
			box(L, p, g->s + start, k + 1 - start, g->role, g->url, ps->size, g->note);
			if (flag[at + k]) {
				hyphen_w = sm_measure(L, g->role, ps->size, SOFT_HYPHEN, 2);
				penalty(L, p, hyphen_w, ps->justify ? HYPHEN_PENALTY : RAGGED_HYPHEN_PENALTY, 1, g->role);
			} else {
				penalty(L, p, 0, cost[at + k], 0, g->role);
			}
			start = k + 1;
		}
		if (start < g->len)
			box(L, p, g->s + start, g->len - start, g->role, g->url, ps->size, g->note);
		at += g->len;
	}
}

static void glue(struct sm_layout *L, struct para *p, int role, double size)
{
	double w = sm_measure(L, role, size, " ", 1);
	struct kitem it = { K_GLUE, w, w * STRETCH, w * SHRINK, 0, 0, 0, " ", 1, role, NULL, 0, -1 };
	push(L, p, it);
}

static void finish(struct sm_layout *L, struct para *p)
{
	/* Drop trailing glue, then end with infinite stretch and a forced break. */
	while (p->n && p->v[p->n - 1].type == K_GLUE)
		p->n--;
	struct kitem fill = { K_GLUE, 0, 0, 0, 1, 0, 0, NULL, 0, 0, NULL, 0, -1 };
	push(L, p, fill);
	penalty(L, p, 0, -INF_PENALTY, 0, 0);
}

static void build(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps, struct para *p)
{
	struct seg segs[64];
	int nseg = 0, glue_role = -1;
	for (int r = 0; r < nruns; r++) {
		const char *s = runs[r].text;
		int role = role_of(ps, runs[r].style);
		if (!strcmp(s, "\n")) {
			if (nseg)
				word(L, p, segs, nseg, ps);
			nseg = 0;
			glue_role = -1;
			finish(L, p);
			continue;
		}
		size_t len = strlen(s);
		for (size_t i = 0; i < len;) {
			if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
				if (nseg) {
					word(L, p, segs, nseg, ps);
					nseg = 0;
				}
				glue_role = role;
				i++;
				continue;
			}
			size_t e = i;
			while (e < len && s[e] != ' ' && s[e] != '\t' && s[e] != '\n' && s[e] != '\r')
				e++;
			if (!nseg && glue_role >= 0 && p->n && p->v[p->n - 1].type != K_PENALTY)
				glue(L, p, glue_role, ps->size);
			else if (!nseg && glue_role >= 0 && p->n && p->v[p->n - 1].type == K_PENALTY &&
				 p->v[p->n - 1].penalty > -INF_PENALTY)
				glue(L, p, glue_role, ps->size);
			glue_role = -1;
			if (nseg == 64) {
				word(L, p, segs, nseg, ps);
				nseg = 0;
			}
			segs[nseg++] = (struct seg){ s + i, e - i, role, runs[r].url, runs[r].note };
			i = e;
		}
	}
	if (nseg)
		word(L, p, segs, nseg, ps);
	if (!p->n || p->v[p->n - 1].type != K_PENALTY || p->v[p->n - 1].penalty > -INF_PENALTY)
		finish(L, p);
}

/* Cuts boxes wider than the narrowest line into pieces that fit, with a
 * break allowed between them; says whether it had to. */
static int cut_wide(struct sm_layout *L, struct para *p, const struct sm_pstyle *ps, double width)
{
	int wide = 0;
	for (int i = 0; i < p->n && !wide; i++)
		wide = p->v[i].type == K_BOX && p->v[i].w > width;
	if (!wide)
		return 0;
	struct para out = { 0 };
	for (int i = 0; i < p->n; i++) {
		struct kitem it = p->v[i];
		if (it.type != K_BOX || it.w <= width) {
			push(L, &out, it);
			continue;
		}
		size_t j = 0;
		while (j < it.len) {
			size_t e = j;
			double used = 0;
			while (e < it.len) {
				uint32_t cp;
				int n = sm_utf8_decode(it.s + e, it.len - e, &cp);
				if (!n)
					n = 1;
				double cw = sm_measure(L, it.role, ps->size, it.s + e, (size_t)n);
				if (used + cw > width && e > j)
					break;
				used += cw;
				e += (size_t)n;
			}
			box(L, &out, it.s + j, e - j, it.role, it.url, ps->size, it.note);
			if (e < it.len)
				penalty(L, &out, 0, 0, 0, it.role);
			j = e;
		}
	}
	*p = out;
	return 1;
}

/* ------------------------------------------------------- total fit */

struct node {
	int pos;                    /* the break: an item index, -1 at the start */
	int line;                   /* lines before the break */
	int fit;
	int hyph;                   /* hyphenated lines in a row ending here */
	double demerits;
	int prev;                   /* node of the previous break, -1 */
	int start;                  /* the first item of the line after the break */
};

struct line { int from, to, brk; double r; };

static int start_after(const struct para *p, int pos)
{
	int i = pos + 1;
	while (i < p->n && p->v[i].type != K_BOX && !(p->v[i].type == K_PENALTY && p->v[i].penalty <= -INF_PENALTY))
		i++;
	return i;
}

static double line_width(const struct sm_pstyle *ps, int line)
{
	return ps->width - (line == 0 ? ps->first_indent : 0);
}

/* Total fit over the paragraph; 0 with *out set, or -1 when no set of
 * breaks keeps every line within tolerance. */
static int total_fit(struct sm_layout *L, const struct para *p, const struct sm_pstyle *ps, double tolerance,
		     struct line **out, int *nout)
{
	int n = p->n;
	double *sw = sm_arena_alloc(&L->scratch, (size_t)(n + 1) * sizeof *sw);
	double *sy = sm_arena_alloc(&L->scratch, (size_t)(n + 1) * sizeof *sy);
	double *sz = sm_arena_alloc(&L->scratch, (size_t)(n + 1) * sizeof *sz);
	int *sf = sm_arena_alloc(&L->scratch, (size_t)(n + 1) * sizeof *sf);
	for (int i = 0; i < n; i++) {
		const struct kitem *it = &p->v[i];
		int counts = it->type != K_PENALTY;
		sw[i + 1] = sw[i] + (counts ? it->w : 0);
		sy[i + 1] = sy[i] + (it->type == K_GLUE ? it->y : 0);
		sz[i + 1] = sz[i] + (it->type == K_GLUE ? it->z : 0);
		sf[i + 1] = sf[i] + (it->type == K_GLUE && it->fill);
	}
	struct node *nodes = NULL;
	int nn = 0, ncap = 0;
	int *active = NULL, na = 0, acap = 0;
	struct node start = { -1, 0, 1, 0, 0, -1, start_after(p, -1) };
	SM_PUSH(&L->scratch, nodes, nn, ncap, start);
	SM_PUSH(&L->scratch, active, na, acap, 0);
	for (int b = 0; b < n && na; b++) {
		const struct kitem *it = &p->v[b];
		int legal = (it->type == K_GLUE && b > 0 && p->v[b - 1].type == K_BOX) ||
			    (it->type == K_PENALTY && it->penalty < INF_PENALTY);
		if (!legal)
			continue;
		int forced = it->type == K_PENALTY && it->penalty <= -INF_PENALTY;
		double best[4] = { INFINITY, INFINITY, INFINITY, INFINITY };
		int best_prev[4] = { -1, -1, -1, -1 };
		int best_hyph[4] = { 0, 0, 0, 0 };
		for (int k = 0; k < na; k++) {
			const struct node *a = &nodes[active[k]];
			int s = a->start;
			if (s > b) {
				continue;
			}
			double target = line_width(ps, a->line);
			double w = sw[b] - sw[s] + (it->type == K_PENALTY ? it->w : 0);
			double r;
			int fills = sf[b] - sf[s];
			if (w < target) {
				if (fills)
					r = 0;
				else if (ps->justify)
					r = sy[b] - sy[s] > 0 ? (target - w) / (sy[b] - sy[s]) : 1000;
				else
					r = (target - w) / (target * 0.12);   /* raggedness */
			} else if (w > target) {
				double z = ps->justify ? sz[b] - sz[s] : 0;
				r = z > 0 ? (target - w) / z : -1000;
			} else {
				r = 0;
			}
			if (r < -1 || forced) {
				/* Too long (or past a forced break): no line from here again. */
				if (r >= -1 && (r <= tolerance || !ps->justify || fills))
					goto candidate;
				active[k--] = active[--na];
				continue;
			}
			if (ps->justify && r > tolerance && !fills)
				continue;
		candidate:;
			int flagged = it->type == K_PENALTY && it->flagged;
			int prev_flagged = a->pos >= 0 && p->v[a->pos].type == K_PENALTY && p->v[a->pos].flagged;
			if (flagged && a->hyph >= 2)
				continue;           /* at most two hyphenated lines in a row */
			double ar = fabs(r), bad = fmin(100 * ar * ar * ar, 10000);
			double d = (10 + bad) * (10 + bad);
			if (it->type == K_PENALTY) {
				if (it->penalty >= 0)
					d += it->penalty * it->penalty;
				else if (it->penalty > -INF_PENALTY)
					d -= it->penalty * it->penalty;
			}
			if (flagged && prev_flagged)
				d += FLAGGED_DEMERITS;
			if (forced && prev_flagged)
				d += FLAGGED_DEMERITS;          /* no hyphen on the last full line */
			int fit = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
			if (abs(fit - a->fit) > 1)
				d += FITNESS_DEMERITS;
			d += a->demerits;
			if (d < best[fit]) {
				best[fit] = d;
				best_prev[fit] = (int)(a - nodes);
				best_hyph[fit] = flagged ? a->hyph + 1 : 0;
			}
			if (forced && r < -1)
				active[k--] = active[--na];
		}
		if (forced)
			na = 0;
		for (int f = 0; f < 4; f++) {
			if (best_prev[f] < 0)
				continue;
			struct node nd = { b, nodes[best_prev[f]].line + 1, f, best_hyph[f], best[f], best_prev[f],
					   start_after(p, b) };
			SM_PUSH(&L->scratch, nodes, nn, ncap, nd);
			SM_PUSH(&L->scratch, active, na, acap, nn - 1);
		}
	}
	/* The best node at the end of the paragraph. */
	int end = -1;
	for (int i = 0; i < nn; i++)
		if (nodes[i].pos == n - 1 && (end < 0 || nodes[i].demerits < nodes[end].demerits))
			end = i;
	if (end < 0)
		return -1;
	int count = nodes[end].line;
	struct line *lines = sm_arena_alloc(&L->scratch, (size_t)(count + 1) * sizeof *lines);
	for (int k = end, i = count - 1; k > 0 && i >= 0; k = nodes[k].prev, i--) {
		const struct node *nd = &nodes[k];
		int s = start_after(p, nodes[nd->prev].pos);
		lines[i].from = s;
		lines[i].to = nd->pos;
		lines[i].brk = nd->pos;
	}
	*out = lines;
	*nout = count;
	return 0;
}

/* The adjustment ratio each line is set with: justified lines fill the
 * measure (within the glue's shrink), the last line and lines before a
 * hard break keep their natural spaces. */
static void ratios(const struct para *p, const struct sm_pstyle *ps, struct line *lines, int n)
{
	for (int i = 0; i < n; i++) {
		const struct kitem *b = &p->v[lines[i].brk];
		lines[i].r = 0;
		if (!ps->justify)
			continue;
		int last = b->type == K_PENALTY && b->penalty <= -INF_PENALTY;
		double w = b->type == K_PENALTY ? b->w : 0, y = 0, z = 0;
		int fill = 0;
		for (int k = lines[i].from; k < lines[i].brk; k++) {
			const struct kitem *it = &p->v[k];
			if (it->type == K_PENALTY)
				continue;
			w += it->w;
			y += it->type == K_GLUE ? it->y : 0;
			z += it->type == K_GLUE ? it->z : 0;
			fill |= it->type == K_GLUE && it->fill;
		}
		double target = line_width(ps, i);
		/* A last line is set at its natural width, unless it must shrink to fit. */
		if ((fill || last) && w <= target)
			continue;
		if (w < target && y > 0)
			lines[i].r = (target - w) / y;
		else if (w > target && z > 0)
			lines[i].r = fmax((target - w) / z, -1);
	}
}

/* First fit, the last resort: never fails. */
static int first_fit(struct sm_layout *L, const struct para *p, const struct sm_pstyle *ps, struct line **out)
{
	struct line *lines = NULL;
	int nl = 0, cap = 0;
	int s = start_after(p, -1);
	while (s < p->n) {
		double target = line_width(ps, nl), w = 0;
		int last_ok = -1, b;
		for (b = s; b < p->n; b++) {
			const struct kitem *it = &p->v[b];
			int legal = (it->type == K_GLUE && p->v[b - 1].type == K_BOX) || it->type == K_PENALTY;
			if (legal && (w + (it->type == K_PENALTY ? it->w : 0) <= target || last_ok < 0))
				last_ok = b;
			if (it->type == K_PENALTY && it->penalty <= -INF_PENALTY)
				break;
			if (it->type != K_PENALTY)
				w += it->w;
			if (w > target && last_ok >= 0)
				break;
		}
		if (b >= p->n || (p->v[b].type == K_PENALTY && p->v[b].penalty <= -INF_PENALTY && w <= target))
			last_ok = b < p->n ? b : p->n - 1;
		struct line l = { s, last_ok, last_ok, 0 };
		SM_PUSH(&L->scratch, lines, nl, cap, l);
		s = start_after(p, last_ok);
	}
	*out = lines;
	return nl;
}

/* ------------------------------------------------------------ drawing */

/* A line's text becomes as few items as its styles and links allow: the
 * moves that kerning and justified spaces make are shifts inside an item
 * (one TJ operator in the PDF), and copy and paste gives whole sentences
 * with their spaces. */
struct pen {
	struct sm_layout *L;
	struct sm_items *out;
	const struct sm_pstyle *ps;
	double y;
	int cur;                    /* index of the open item in out, -1: none */
	int link;                   /* the Link element of the text being drawn, -1 */
	double next_x;              /* where the advances alone put the next character */
	char *buf;
	size_t blen, bcap;
	struct sm_shift *shifts;
	int nshifts, scap;
};

static void pen_flush(struct pen *pn)
{
	if (pn->cur >= 0) {
		struct sm_item *it = &pn->out->v[pn->cur];
		it->text = sm_arena_strndup(pn->L->a, pn->buf, pn->blen);
		it->len = (unsigned)pn->blen;
		if (pn->nshifts) {
			struct sm_shift *sh = sm_arena_alloc(pn->L->a, (size_t)pn->nshifts * sizeof *sh);
			memcpy(sh, pn->shifts, (size_t)pn->nshifts * sizeof *sh);
			it->shifts = sh;
			it->npts = pn->nshifts;
		}
	}
	pn->cur = -1;
	pn->blen = 0;
	pn->nshifts = 0;
}

static void pen_char(struct pen *pn, const char *s, size_t n, int role, const char *url, double x, double adv,
		     int super)
{
	struct sm_item *cur = pn->cur >= 0 ? &pn->out->v[pn->cur] : NULL;
	float size = (float)(super ? pn->ps->size * SUPER_SIZE : pn->ps->size);
	if (!cur || cur->role != role || cur->url != url || cur->size != size) {
		pen_flush(pn);
		struct sm_item *it = sm_item_add(pn->L->a, pn->out, SM_ITEM_TEXT);
		it->x = x;
		it->y = pn->y - (super ? pn->ps->size * SUPER_RISE : 0);
		it->role = role;
		it->size = size;
		it->color = url ? pn->ps->link_color : pn->ps->color;
		it->url = url;
		if (url && pn->link >= 0)
			it->node = pn->link;
		/* The item moves when the array grows: keep its index. */
		pn->cur = pn->out->n - 1;
	} else if (fabs(x - pn->next_x) > 0.001) {
		if (pn->nshifts == pn->scap) {
			pn->scap = pn->scap ? pn->scap * 2 : 16;
			pn->shifts = sm_xrealloc(pn->shifts, (size_t)pn->scap * sizeof *pn->shifts);
		}
		pn->shifts[pn->nshifts++] = (struct sm_shift){ (unsigned)pn->blen, (float)(x - pn->next_x) };
	}
	if (pn->blen + n + 1 > pn->bcap) {
		pn->bcap = (pn->blen + n + 1) * 2 + 64;
		pn->buf = sm_xrealloc(pn->buf, pn->bcap);
	}
	memcpy(pn->buf + pn->blen, s, n);
	pn->blen += n;
	pn->next_x = x + adv;
}

static double draw_text(struct pen *pn, const char *s, size_t len, int role, const char *url, double x, int super)
{
	uint32_t prev = 0;
	double size = pn->ps->size * (super ? SUPER_SIZE : 1);
	for (size_t i = 0; i < len;) {
		size_t at = i;
		uint32_t cp = sm_utf8_next(s, len, &i);
		if (prev)
			x += sm_font_kern(pn->L->fonts, role, prev, cp) * size / 1000.0;
		double adv = sm_font_advance(pn->L->fonts, role, cp) * size / 1000.0;
		pen_char(pn, s + at, i - at, role, url, x, adv, super);
		x += adv;
		prev = cp;
	}
	return x;
}

/* Closes a link that ends at x: its clickable area and its underline. */
static void close_link(struct sm_layout *L, struct pen *pn, const struct sm_pstyle *ps, const char *url, double from,
		       double to, double y, struct sm_items *out)
{
	pen_flush(pn);
	struct sm_item *lk = sm_item_add(L->a, out, SM_ITEM_LINK);
	lk->x = from;
	lk->y = y - ps->size * 0.85;
	lk->w = to - from;
	lk->h = ps->size * 1.15;
	lk->url = url;
	if (pn->link >= 0)
		lk->node = pn->link;
	sm_line_item(L, out, from, y + ps->size * 0.12, to, y + ps->size * 0.12, ps->link_color, 0.4);
	out->v[out->n - 1].node = SM_ART_LAYOUT;
}

static void place_line(struct sm_layout *L, const struct para *p, const struct line *ln, double x, double y,
		       const struct sm_pstyle *ps, struct sm_items *out)
{
	struct pen pn = { L, out, ps, y, -1, -1, 0, NULL, 0, 0, NULL, 0, 0 };
	const char *link = NULL;
	double link_x = 0;
	for (int i = ln->from; i < ln->to; i++) {
		const struct kitem *it = &p->v[i];
		if (it->type == K_BOX) {
			if (it->url != link || (link && it->link != pn.link)) {
				if (link)
					close_link(L, &pn, ps, link, link_x, x, y, out);
				link = it->url;
				link_x = x;
				pn.link = it->link;
			}
			x = draw_text(&pn, it->s, it->len, it->role, it->url, x, it->note != 0);
		} else if (it->type == K_GLUE && !it->fill) {
			double w = it->w + (ln->r > 0 ? ln->r * it->y : ln->r * it->z);
			/* A space is a real space in the text; its stretch becomes a
			 * shift before the next word. */
			if (it->s)
				pen_char(&pn, " ", 1, it->role, link, x, it->w, 0);
			x += w;
		}
	}
	const struct kitem *b = &p->v[ln->brk];
	if (b->type == K_PENALTY && b->flagged)
		x = draw_text(&pn, SOFT_HYPHEN, 2, b->role, link, x, 0);
	/* A line that ends between words keeps the space there, after the
	 * last character drawn: it takes no ink, and text taken from the
	 * page (or from its structure, line by line) keeps the words apart. */
	int between = b->type == K_GLUE ? !b->fill : b->penalty <= -INF_PENALTY && ln->brk < p->n - 1;
	if (between && pn.cur >= 0) {
		const struct sm_item *last = &out->v[pn.cur];
		pen_char(&pn, " ", 1, last->role, last->url, pn.next_x, sm_font_advance(L->fonts, last->role, ' ') * last->size / 1000.0,
			 last->size != (float)ps->size);
	}
	if (link)
		close_link(L, &pn, ps, link, link_x, x, y, out);
	pen_flush(&pn);
	free(pn.buf);
	free(pn.shifts);
}

static int prepare(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps,
		   struct para *p, struct line **lines)
{
	int n;
	/* As TeX does: first without hyphenation, within tight limits; most
	 * paragraphs need no more. */
	memset(p, 0, sizeof *p);
	L->no_hyphens = 1;
	build(L, runs, nruns, ps, p);
	L->no_hyphens = 0;
	/* A word wider than the line goes to the second pass, where it is
	 * hyphenated before anything is cut. */
	if (!cut_wide(L, p, ps, ps->width - ps->first_indent) && !total_fit(L, p, ps, PRETOLERANCE, lines, &n)) {
		ratios(p, ps, *lines, n);
		return n;
	}
	/* Then with hyphenation: within the limits, and beyond them only when
	 * the measure leaves no other way (a very narrow column, a long
	 * unbreakable word). */
	memset(p, 0, sizeof *p);
	build(L, runs, nruns, ps, p);
	cut_wide(L, p, ps, ps->width - ps->first_indent);
	if (total_fit(L, p, ps, 1.0, lines, &n) && total_fit(L, p, ps, MAX_STRETCH, lines, &n) &&
	    total_fit(L, p, ps, 1e9, lines, &n))
		n = first_fit(L, p, ps, lines);
	ratios(p, ps, *lines, n);
	return n;
}

/* Each link of the paragraph (its boxes with one address, glue between
 * them) becomes a Link element of the element being filled: the text it
 * owns, its annotation, and where it leads, for assistive technology. */
static void link_elements(struct sm_layout *L, struct para *p)
{
	const char *url = NULL;
	int node = -1;
	for (int i = 0; i < p->n; i++) {
		struct kitem *it = &p->v[i];
		if (it->type != K_BOX)
			continue;
		if (it->url && it->url != url) {
			node = sm_struct_add(L, SM_S_LINK, L->node);
			L->pages->nodes[node].alt = it->url;
		}
		url = it->url;
		it->link = url ? node : -1;
	}
}

/* Text set into the flow directly in a grouping element (a chapter's
 * Sect, a card, a list item's body) is a paragraph of its own. */
static int needs_p(const struct sm_layout *L)
{
	switch (L->pages->nodes[L->node].type) {
	case SM_S_DOCUMENT: case SM_S_SECT: case SM_S_DIV: case SM_S_BLOCKQUOTE: case SM_S_LBODY: case SM_S_NOTE:
		return 1;
	default:
		return 0;
	}
}

int sm_set_lines(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps,
		 struct sm_items *out, double x, double y)
{
	struct para p;
	struct line *lines;
	int n = prepare(L, runs, nruns, ps, &p, &lines);
	link_elements(L, &p);
	for (int i = 0; i < n; i++)
		place_line(L, &p, &lines[i], x + ps->indent + (i == 0 ? ps->first_indent : 0),
			   y + i * ps->leading + sm_baseline(ps), ps, out);
	sm_arena_reset(&L->scratch);
	return n;
}

int sm_set_runs(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps,
		sm_deco_fn deco, void *ctx)
{
	struct para p;
	struct line *lines;
	int n = prepare(L, runs, nruns, ps, &p, &lines);
	int para = needs_p(L);
	if (para)
		sm_struct_open(L, SM_S_P);
	link_elements(L, &p);
	int first = L->flow.n;
	for (int i = 0; i < n; i++) {
		struct sm_flow_item *box = sm_flow_box(L, ps->leading);
		place_line(L, &p, &lines[i], ps->indent + (i == 0 ? ps->first_indent : 0), sm_baseline(ps), ps,
			   &box->items);
		/* The footnotes whose numbers are on this line go to the foot of
		 * its page (layout_page.c). */
		for (int k = lines[i].from; k < lines[i].to; k++) {
			const struct kitem *it = &p.v[k];
			if (it->type != K_BOX || it->note <= 0 || (k > lines[i].from && p.v[k - 1].note == it->note))
				continue;
			const struct sm_foot *ft = &L->feet[it->note - 1];
			for (int j = 0; j < ft->items.n; j++) {
				struct sm_item x = ft->items.v[j];
				x.y += box->foot_h;
				SM_PUSH(L->a, box->foot.v, box->foot.n, box->foot.cap, x);
			}
			box->foot_h += ft->h;
		}
		/* No orphans and no widows: the first two lines stay together,
		 * and so do the last two. */
		if ((i == 0 && n > 1) || (i == n - 2 && n > 1))
			box->keep_next = 1;
		if (deco)
			deco(L, box, ctx, i == 0, i == n - 1);
	}
	if (para)
		sm_struct_close(L);
	sm_arena_reset(&L->scratch);
	return first;
}

int sm_set_text(struct sm_layout *L, const char *text, unsigned style, const struct sm_pstyle *ps,
		sm_deco_fn deco, void *ctx)
{
	struct sm_run r = { text, style, NULL };
	return sm_set_runs(L, &r, 1, ps, deco, ctx);
}
