/* layout_text.c: line breaking. Runs of styled text are cut into words at
 * spaces, words are measured with the font metrics, lines are filled first
 * fit, and each word is placed by us (libharu's word spacing does nothing
 * with UTF-8 fonts). A word longer than the line is cut between
 * characters, so nothing ever runs into the margin. */
#include "layout.h"
#include <string.h>

struct piece {
	const char *s;
	size_t len;
	int role;
	const char *url;
	double w;
};

struct word {
	int first, n;               /* pieces */
	double w;
	double space;               /* width of the space after it, 0 if none */
	int forced;                 /* a hard line break follows */
};

struct words {
	struct piece *p;
	int np, pcap;
	struct word *w;
	int nw, wcap;
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

static void add_piece(struct sm_layout *L, struct words *ws, const char *s, size_t len, int role,
		      const char *url, double size, int join)
{
	struct piece p = { s, len, role, url, sm_font_width(L->fonts, role, size, s, len) };
	SM_PUSH(L->a, ws->p, ws->np, ws->pcap, p);
	if (join && ws->nw) {
		struct word *w = &ws->w[ws->nw - 1];
		w->n++;
		w->w += p.w;
	} else {
		struct word w = { ws->np - 1, 1, p.w, 0, 0 };
		SM_PUSH(L->a, ws->w, ws->nw, ws->wcap, w);
	}
}

/* Cuts runs into words; `join` says the next piece continues the current
 * word (no space between them). */
static void split_words(struct sm_layout *L, const struct sm_run *runs, int nruns,
			const struct sm_pstyle *ps, struct words *ws)
{
	int join = 0;
	for (int r = 0; r < nruns; r++) {
		const char *s = runs[r].text;
		int role = role_of(ps, runs[r].style);
		if (!strcmp(s, "\n")) {
			if (ws->nw) {
				ws->w[ws->nw - 1].forced = 1;
				ws->w[ws->nw - 1].space = 0;
			}
			join = 0;
			continue;
		}
		size_t i = 0, len = strlen(s);
		while (i < len) {
			if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
				if (ws->nw && join && !ws->w[ws->nw - 1].forced)
					ws->w[ws->nw - 1].space = sm_font_width(L->fonts, role, ps->size, " ", 1);
				join = 0;
				i++;
				continue;
			}
			size_t e = i;
			while (e < len && s[e] != ' ' && s[e] != '\t' && s[e] != '\n' && s[e] != '\r')
				e++;
			add_piece(L, ws, s + i, e - i, role, runs[r].url, ps->size, join);
			join = 1;
			i = e;
		}
	}
}

/* Cuts a word wider than width into pieces that fit, each ending in a
 * forced break. */
static void cut_long_words(struct sm_layout *L, struct words *ws, const struct sm_pstyle *ps, double width)
{
	struct words out = { 0 };
	for (int i = 0; i < ws->nw; i++) {
		struct word *w = &ws->w[i];
		if (w->w <= width) {
			for (int k = 0; k < w->n; k++)
				add_piece(L, &out, ws->p[w->first + k].s, ws->p[w->first + k].len,
					  ws->p[w->first + k].role, ws->p[w->first + k].url, ps->size, k > 0);
			out.w[out.nw - 1].space = w->space;
			out.w[out.nw - 1].forced = w->forced;
			continue;
		}
		double line = 0;
		int started = 0;
		for (int k = 0; k < w->n; k++) {
			struct piece *p = &ws->p[w->first + k];
			size_t j = 0;
			while (j < p->len) {
				/* Take as many characters as fit on the current line. */
				size_t e = j;
				double used = 0;
				while (e < p->len) {
					uint32_t cp;
					int n = sm_utf8_decode(p->s + e, p->len - e, &cp);
					if (!n)
						n = 1;
					double cw = sm_font_width(L->fonts, p->role, ps->size, p->s + e, (size_t)n);
					if (line + used + cw > width && (e > j || line > 0))
						break;
					used += cw;
					e += (size_t)n;
				}
				if (e > j) {
					add_piece(L, &out, p->s + j, e - j, p->role, p->url, ps->size, started);
					started = 1;
					line += used;
					j = e;
				}
				if (j < p->len) {
					out.w[out.nw - 1].forced = 1;
					started = 0;
					line = 0;
				}
			}
		}
		out.w[out.nw - 1].space = w->space;
		out.w[out.nw - 1].forced = w->forced;
	}
	*ws = out;
}

/* Draws one line of words [from, to) at (x, baseline y). */
static void place_line(struct sm_layout *L, struct words *ws, int from, int to, double x, double y,
		       double extra, const struct sm_pstyle *ps, struct sm_items *out)
{
	for (int i = from; i < to; i++) {
		struct word *w = &ws->w[i];
		for (int k = 0; k < w->n; k++) {
			struct piece *p = &ws->p[w->first + k];
			/* Without stretch, neighbouring pieces in one style become one
			 * text item with its spaces, which copies and pastes best. */
			size_t len = p->len;
			double pw = p->w;
			char *joined = NULL;
			if (extra == 0 && k == w->n - 1 && !p->url) {
				int j = i;
				while (j + 1 < to && ws->w[j].space > 0 && ws->w[j + 1].n == 1 &&
				       ws->p[ws->w[j + 1].first].role == p->role && !ws->p[ws->w[j + 1].first].url)
					j++;
				if (j > i) {
					size_t total = len;
					for (int q = i + 1; q <= j; q++)
						total += 1 + ws->p[ws->w[q].first].len;
					joined = sm_arena_alloc(L->a, total + 1);
					memcpy(joined, p->s, len);
					size_t at = len;
					for (int q = i + 1; q <= j; q++) {
						struct piece *pq = &ws->p[ws->w[q].first];
						joined[at++] = ' ';
						memcpy(joined + at, pq->s, pq->len);
						at += pq->len;
						pw += ws->w[q - 1].space + pq->w;
					}
					len = total;
					struct sm_item *it = sm_item_add(L->a, out, SM_ITEM_TEXT);
					it->x = x;
					it->y = y;
					it->role = p->role;
					it->size = ps->size;
					it->color = ps->color;
					it->text = joined;
					it->len = len;
					x += pw + ws->w[j].space;
					i = j;
					goto next_word;
				}
			}
			struct sm_item *it = sm_item_add(L->a, out, SM_ITEM_TEXT);
			it->x = x;
			it->y = y;
			it->role = p->role;
			it->size = ps->size;
			it->color = p->url ? ps->link_color : ps->color;
			it->text = p->s;
			it->len = p->len;
			if (p->url) {
				struct sm_item *ln = sm_item_add(L->a, out, SM_ITEM_LINK);
				ln->x = x;
				ln->y = y - ps->size * 0.85;
				ln->w = p->w;
				ln->h = ps->size * 1.15;
				ln->url = p->url;
				sm_line_item(L, out, x, y + ps->size * 0.12, x + p->w, y + ps->size * 0.12,
					     ps->link_color, 0.4);
			}
			x += p->w;
		}
		x += w->space + (i < to - 1 ? extra : 0);
	next_word:;
	}
}

/* Breaks words into lines: calls emit(line) for each. */
struct line { int from, to; double extra; };

static int break_lines(struct words *ws, const struct sm_pstyle *ps, struct line **out, struct sm_arena *a)
{
	int n = 0, cap = 0;
	struct line *lines = NULL;
	int start = 0;
	while (start < ws->nw) {
		double width = ps->width - (n == 0 ? ps->first_indent : 0);
		double w = ws->w[start].w;
		int end = start + 1;
		while (end < ws->nw && !ws->w[end - 1].forced &&
		       w + ws->w[end - 1].space + ws->w[end].w <= width + 0.001) {
			w += ws->w[end - 1].space + ws->w[end].w;
			end++;
		}
		struct line l = { start, end, 0 };
		int last = end >= ws->nw || ws->w[end - 1].forced;
		if (ps->justify && !last && end - start > 1)
			l.extra = (width - w) / (end - start - 1);
		SM_PUSH(a, lines, n, cap, l);
		start = end;
	}
	*out = lines;
	return n;
}

static int prepare(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps,
		   struct words *ws, struct line **lines)
{
	memset(ws, 0, sizeof *ws);
	split_words(L, runs, nruns, ps, ws);
	double narrowest = ps->width - ps->first_indent;
	int need_cut = 0;
	for (int i = 0; i < ws->nw; i++)
		if (ws->w[i].w > narrowest)
			need_cut = 1;
	if (need_cut)
		cut_long_words(L, ws, ps, narrowest);
	return break_lines(ws, ps, lines, L->a);
}

int sm_set_lines(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps,
		 struct sm_items *out, double x, double y)
{
	struct words ws;
	struct line *lines;
	int n = prepare(L, runs, nruns, ps, &ws, &lines);
	for (int i = 0; i < n; i++)
		place_line(L, &ws, lines[i].from, lines[i].to,
			   x + ps->indent + (i == 0 ? ps->first_indent : 0),
			   y + i * ps->leading + sm_baseline(ps), lines[i].extra, ps, out);
	return n;
}

int sm_set_runs(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps,
		sm_deco_fn deco, void *ctx)
{
	struct words ws;
	struct line *lines;
	int n = prepare(L, runs, nruns, ps, &ws, &lines);
	int first = L->flow.n;
	for (int i = 0; i < n; i++) {
		struct sm_flow_item *box = sm_flow_box(L, ps->leading);
		place_line(L, &ws, lines[i].from, lines[i].to, ps->indent + (i == 0 ? ps->first_indent : 0),
			   sm_baseline(ps), lines[i].extra, ps, &box->items);
		/* No orphans and no widows: the first two lines stay together,
		 * and so do the last two. */
		if ((i == 0 && n > 1) || (i == n - 2 && n > 1))
			box->keep_next = 1;
		if (deco)
			deco(L, box, ctx, i == 0, i == n - 1);
	}
	return first;
}

int sm_set_text(struct sm_layout *L, const char *text, unsigned style, const struct sm_pstyle *ps,
		sm_deco_fn deco, void *ctx)
{
	struct sm_run r = { text, style, NULL };
	return sm_set_runs(L, &r, 1, ps, deco, ctx);
}
