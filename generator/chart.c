/* chart.c: charts → vector display items: line, bar, column, dot and
 * heatmap. Each chart is one box of the flow (never split over a page),
 * with its title above and its source below. Colour never carries meaning
 * alone: lines are labelled and have their own marker shapes, judgements
 * carry a word or a pattern, and the default palette is safe for
 * colour-blind readers. libharu has no patterns, so hatching is clipping
 * plus lines.
 *
 * For assistive technology a chart is a Figure (its title the Caption,
 * its source a P after it) whose alternative text says in Dutch what the
 * chart shows, written from the values it drew (the last section). */
#include "layout.h"
#include "numfmt.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- ticks */

/* Nice ticks: steps of 1, 2, 2,5 or 5 times a power of ten, about
 * `target` of them, covering lo..hi (and zero when from_zero). */
void sm_chart_ticks(double lo, double hi, int target, int from_zero, struct sm_ticks *t)
{
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	if (lo > hi) {
		double x = lo;
		lo = hi;
		hi = x;
	}
	if (from_zero) {
		if (lo > 0)
			lo = 0;
		if (hi < 0)
			hi = 0;
	}
	if (hi - lo < 1e-12) {
		double pad = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1;
		hi += pad;
		if (!from_zero || lo != 0)
			lo -= pad;
	}
	if (target < 2)
		target = 2;
	double rough = (hi - lo) / target;
	double mag = pow(10, floor(log10(rough)));
	static const double steps[] = { 1, 2, 2.5, 5, 10 };
	double step = mag * 10;
	for (int i = 0; i < 5; i++)
		if (mag * steps[i] >= rough * 0.999) {
			step = mag * steps[i];
			break;
		}
	t->step = step;
	t->lo = floor(lo / step + 1e-9) * step;
	t->hi = ceil(hi / step - 1e-9) * step;
	t->n = (int)floor((t->hi - t->lo) / step + 0.5) + 1;
	/* Decimals the step needs: 2,5 needs one, 0,25 two. */
	t->decimals = 0;
	for (double s = step; t->decimals < 6 && fabs(s - floor(s + 1e-9)) > 1e-9; s *= 10)
		t->decimals++;
}

/* ----------------------------------------------------------- helpers */

struct chart {
	struct sm_layout *L;
	const struct sm_block *b;
	struct sm_items *it;
	double w, fs;
	struct sm_color grid, axis, muted, text;
	struct sm_symbols sy;       /* symbols drawn ('.', '*'): explained under the chart */
	int *per;                   /* dot and heatmap: each indicator's period */
	int mixed;                  /* ... and they differ: each figure says its own */
	struct drawn *drawn;        /* every value drawn, in drawing order: what the
				       alternative text is written from */
	int ndrawn, drawncap;
	const char *target_label;   /* line: the target's label as drawn, or NULL */
	int ref_area;               /* bar: the reference line's area, -1 none */
	const struct sm_value *ref_v;
};

/* A value a chart drew (a point, bar, column, dot or cell). Only shown
 * values are recorded: a hidden or missing one is never drawn as a value,
 * so it can never reach the alternative text. */
struct drawn {
	int area, ind, period;
	const struct sm_value *v;
	enum sm_judgement j;        /* heatmap, dot: how it compares with the reference */
	int ref;                    /* dot: the reference's mark (the area may be the gemeente too) */
};

static void drawn_add(struct chart *c, int area, int ind, int period, const struct sm_value *v, enum sm_judgement j,
		      int ref)
{
	if (!v || v->state != SM_V_OK)
		return;
	struct drawn d = { area, ind, period, v, j, ref };
	SM_PUSH(c->L->a, c->drawn, c->ndrawn, c->drawncap, d);
}

/* The target is drawn for an indicator that is judged against one. */
static int target_shown(const struct sm_indicator *in)
{
	return in->has_target && in->polarity != SM_POL_NEUTRAL;
}

static void text_at(struct chart *c, double x, double y, const char *s, int role, struct sm_color col, int align)
{
	double w = sm_font_width(c->L->fonts, role, c->fs, s, strlen(s));
	if (align == 1)
		x -= w / 2;
	else if (align == 2)
		x -= w;
	sm_text_item(c->L, c->it, role, c->fs, col, x, y, s);
}

static double text_w(struct chart *c, const char *s, int role)
{
	return sm_font_width(c->L->fonts, role, c->fs, s, strlen(s));
}

static void line(struct chart *c, double x1, double y1, double x2, double y2, struct sm_color col, double w, int dash)
{
	sm_line_item(c->L, c->it, x1, y1, x2, y2, col, w);
	c->it->v[c->it->n - 1].dash = dash;
}

static struct sm_item *poly(struct chart *c, const double *pts, int n, int closed)
{
	struct sm_item *p = sm_item_add(c->L->a, c->it, SM_ITEM_POLY);
	double *copy = sm_arena_alloc(c->L->a, (size_t)n * 2 * sizeof *copy);
	memcpy(copy, pts, (size_t)n * 2 * sizeof *copy);
	p->pts = copy;
	p->npts = n;
	p->closed = closed;
	return p;
}

/* Marker shapes tell series apart without colour. */
static void marker(struct chart *c, int shape, double x, double y, double r, struct sm_color col, int hollow)
{
	struct sm_color white = { 1, 1, 1 };
	struct sm_item *m;
	switch (shape % 4) {
	case 0:
		m = sm_item_add(c->L->a, c->it, SM_ITEM_CIRCLE);
		m->x = x;
		m->y = y;
		m->radius = r;
		break;
	case 1: {
		double p[8] = { x - r * 0.9, y - r * 0.9, x + r * 0.9, y - r * 0.9, x + r * 0.9, y + r * 0.9, x - r * 0.9, y + r * 0.9 };
		m = poly(c, p, 4, 1);
		break;
	}
	case 2: {
		double p[6] = { x, y - r * 1.15, x + r * 1.1, y + r * 0.8, x - r * 1.1, y + r * 0.8 };
		m = poly(c, p, 3, 1);
		break;
	}
	default: {
		double p[8] = { x, y - r * 1.2, x + r * 1.2, y, x, y + r * 1.2, x - r * 1.2, y };
		m = poly(c, p, 4, 1);
		break;
	}
	}
	m->fill = 1;
	m->color = hollow ? white : col;
	m->do_stroke = 1;
	m->stroke = col;
	m->line_width = hollow ? 1.1 : 0.6;
}

/* Diagonal hatching inside a rectangle. */
static void hatch(struct chart *c, double x, double y, double w, double h, struct sm_color col)
{
	struct sm_item *clip = sm_item_add(c->L->a, c->it, SM_ITEM_CLIP);
	clip->x = x;
	clip->y = y;
	clip->w = w;
	clip->h = h;
	for (double d = -h; d < w; d += 3.2)
		line(c, x + d, y + h, x + d + h, y, col, 0.7, 0);
	sm_item_add(c->L->a, c->it, SM_ITEM_UNCLIP);
}

static struct sm_color mix(struct sm_color a, double t)
{
	return (struct sm_color){ a.r + (1 - a.r) * t, a.g + (1 - a.g) * t, a.b + (1 - a.b) * t };
}

/* A vertical value axis with gridlines, from the plot's top to bottom. */
static void y_axis(struct chart *c, const struct sm_ticks *tk, double x0, double x1, double top, double bottom,
		   const char *unit)
{
	for (int i = 0; i < tk->n; i++) {
		double v = tk->lo + i * tk->step;
		double y = bottom - (v - tk->lo) / (tk->hi - tk->lo) * (bottom - top);
		line(c, x0, y, x1, y, i == 0 ? c->axis : c->grid, i == 0 ? 0.7 : 0.4, 0);
		text_at(c, x0 - 4, y + c->fs * 0.35, sm_fmt_num(c->L->a, v, tk->decimals, 1), SM_FACE_REGULAR, c->muted, 2);
	}
	text_at(c, 0, top - c->fs * 0.9, unit, SM_FACE_REGULAR, c->muted, 0);
}

static double ymap(const struct sm_ticks *tk, double v, double top, double bottom)
{
	return bottom - (v - tk->lo) / (tk->hi - tk->lo) * (bottom - top);
}

static double ticks_width(struct chart *c, const struct sm_ticks *tk)
{
	double w = 0;
	for (int i = 0; i < tk->n; i++) {
		double tw = text_w(c, sm_fmt_num(c->L->a, tk->lo + i * tk->step, tk->decimals, 1), SM_FACE_REGULAR);
		if (tw > w)
			w = tw;
	}
	return w;
}

/* A period on a time axis: years at whole numbers, half years between. */
static double time_pos(int p)
{
	int h = SM_PERIOD_HALF(p);
	return SM_PERIOD_YEAR(p) + (h == 1 ? -0.25 : h == 2 ? 0.25 : 0);
}

/* -------------------------------------------------------------- line */

struct label { double y, want; int series; const char *text; };

static int cmp_label(const void *x, const void *y)
{
	const struct label *a = x, *b = y;
	return (a->want > b->want) - (a->want < b->want);
}

static double legend(struct chart *c, double y, const char *const *names, int n, int shapes)
{
	double x = 0;
	for (int i = 0; i < n; i++) {
		double w = text_w(c, names[i], SM_FACE_REGULAR) + 22;
		if (x + w > c->w && x > 0) {
			x = 0;
			y += c->fs * 1.6;
		}
		struct sm_color col = c->L->t->chart[i % c->L->t->nchart];
		if (shapes) {
			static const int dashes[] = { 0, 5, 2, 8 };
			line(c, x, y - c->fs * 0.35, x + 12, y - c->fs * 0.35, col, 1.6, c->L->t->patterns ? dashes[i % 4] : 0);
			marker(c, i, x + 6, y - c->fs * 0.35, 2.4, col, 0);
		} else {
			sm_rect_item(c->L, c->it, x, y - c->fs * 0.8, 10, c->fs * 0.9, col, 0);
			if (i % 2 == 1)
				hatch(c, x, y - c->fs * 0.8, 10, c->fs * 0.9, (struct sm_color){ 1, 1, 1 });
		}
		text_at(c, x + 16, y, names[i], SM_FACE_REGULAR, c->text, 0);
		x += w;
	}
	return y + c->fs * 1.2;
}

/* The line chart's geometry (pt, or a share where it says so). */
static const struct line_geometry {
	double pad;                 /* share of the value range added above and below */
	double height;              /* of the plot */
	double axis_gap;            /* between the tick labels and the plot, the plot and the end labels */
	double names_share;         /* of the width the end labels may take with names */
	double inset;               /* of the first and last period from the plot's edges */
	double tick;                /* year tick length */
	double line_w, target_w, marker_r, band_alpha, ci_w;
	int target_dash;
	int samples;                /* points per segment tested against the target label */
} LINE = { 0.08, 150, 8, 0.34, 8, 3, 1.8, 0.9, 2.6, 0.16, 0.8, 3, 8 };

/* One line chart as it is drawn: what it shows and where. */
struct line_plot {
	struct chart *c;
	const struct sm_indicator *in;
	int ind, na, np;
	const int *areas, *periods;
	struct sm_ticks tk;
	double top, bottom, x0, x1;
	double t0, t1;              /* the time span of the x axis */
};

static const struct sm_value *line_cell(const struct line_plot *p, int a, int k)
{
	return sm_calc_cell(p->c->L->data, p->ind, p->areas[a], p->periods[k]);
}

static double line_x(const struct line_plot *p, int period)
{
	return p->x0 + LINE.inset + (time_pos(period) - p->t0) / (p->t1 - p->t0) * (p->x1 - p->x0 - 2 * LINE.inset);
}

static double line_y(const struct line_plot *p, double v) { return ymap(&p->tk, v, p->top, p->bottom); }

/* The value axis: every value, its confidence interval, and the target. */
static void line_range(struct line_plot *p, int show_target)
{
	double lo = INFINITY, hi = -INFINITY;
	for (int a = 0; a < p->na; a++)
		for (int k = 0; k < p->np; k++) {
			const struct sm_value *v = line_cell(p, a, k);
			if (!v || v->state != SM_V_OK)
				continue;
			lo = fmin(lo, v->v);
			hi = fmax(hi, v->v);
			if (v->has_ci) {
				lo = fmin(lo, v->lower);
				hi = fmax(hi, v->upper);
			}
		}
	if (show_target) {
		lo = fmin(lo, p->in->target);
		hi = fmax(hi, p->in->target);
	}
	if (!isfinite(lo)) {
		lo = 0;
		hi = 1;
	}
	double pad = (hi - lo) * LINE.pad;
	sm_chart_ticks(lo - pad, hi + pad, 5, lo >= 0 && lo - pad < 0, &p->tk);
}

/* Year labels; with many years, every other one. */
static void line_years(const struct line_plot *p)
{
	struct chart *c = p->c;
	int first = SM_PERIOD_YEAR(p->periods[0]), last = SM_PERIOD_YEAR(p->periods[p->np - 1]);
	int years = last - first + 1;
	int every = (p->x1 - p->x0) / years < text_w(c, "20000", SM_FACE_REGULAR) ? 2 : 1;
	for (int y = first; y <= last; y++) {
		if ((y - first) % every)
			continue;
		double x = line_x(p, SM_PERIOD(y, 0));
		line(c, x, p->bottom, x, p->bottom + LINE.tick, c->axis, 0.5, 0);
		text_at(c, x, p->bottom + c->fs * 1.6, sm_arena_printf(c->L->a, "%d", y), SM_FACE_REGULAR, c->muted, 1);
	}
}

/* How far the box bx0..bx1, by0..by1 stays from every line (sampled along
 * each segment); 1e9 when no line runs below or above it. */
static double line_clearance(const struct line_plot *p, double bx0, double bx1, double by0, double by1)
{
	double clear = 1e9;
	for (int a = 0; a < p->na; a++) {
		double px = 0, py = 0;
		int have = 0;
		for (int q = 0; q < p->np; q++) {
			const struct sm_value *v = line_cell(p, a, q);
			if (!v || v->state != SM_V_OK) {
				have = 0;
				continue;
			}
			double qx = line_x(p, p->periods[q]), qy = line_y(p, v->v);
			/* Sample the segment from the previous point. */
			for (int s = 0; s <= (have ? LINE.samples : 0); s++) {
				double tx = have ? px + (qx - px) * s / LINE.samples : qx;
				double ty = have ? py + (qy - py) * s / LINE.samples : qy;
				if (tx < bx0 || tx > bx1)
					continue;
				double dy = ty < by0 ? by0 - ty : ty > by1 ? ty - by1 : 0;
				if (dy < clear)
					clear = dy;
			}
			px = qx;
			py = qy;
			have = 1;
		}
	}
	return clear;
}

/* The target as a dashed line, and its label left or right, above or
 * below the line: the first place no data point or line runs through. */
static void line_target(const struct line_plot *p)
{
	struct chart *c = p->c;
	struct sm_layout *L = c->L;
	const struct sm_indicator *in = p->in;
	double x0 = p->x0, x1 = p->x1, y = line_y(p, in->target);
	line(c, x0, y, x1, y, c->text, LINE.target_w, LINE.target_dash);
	const char *lab = in->target_year
		? sm_arena_printf(L->a, "%s %d: %s", L->t->labels[SM_LABEL_target], in->target_year, sm_with_unit(L, in, in->target))
		: sm_arena_printf(L->a, "%s: %s", L->t->labels[SM_LABEL_target], sm_with_unit(L, in, in->target));
	double lw = text_w(c, lab, SM_FACE_ITALIC);
	double cand[4][2] = { { x0 + 4, y - 3 }, { x1 - lw - 4, y - 3 }, { x0 + 4, y + c->fs + 2 },
			      { x1 - lw - 4, y + c->fs + 2 } };
	int best = 0;
	double best_clear = -1;
	for (int k = 0; k < 4; k++) {
		double clear = line_clearance(p, cand[k][0] - 2, cand[k][0] + lw + 2, cand[k][1] - c->fs - 1, cand[k][1] + 2);
		if (clear > best_clear + 0.5) {
			best_clear = clear;
			best = k;
		}
	}
	text_at(c, cand[best][0], cand[best][1], lab, SM_FACE_ITALIC, c->text, 0);
	c->target_label = lab;
}

/* Confidence band of area a, per run of points that have one (a bar for
 * a run of one). */
static void line_band(const struct line_plot *p, int a, struct sm_color col)
{
	struct chart *c = p->c;
	for (int k = 0; k < p->np;) {
		int e = k;
		while (e < p->np) {
			const struct sm_value *v = line_cell(p, a, e);
			if (!v || v->state != SM_V_OK || !v->has_ci)
				break;
			e++;
		}
		if (e - k >= 2) {
			double *pts = sm_arena_alloc(c->L->a, (size_t)(e - k) * 4 * sizeof *pts);
			int n = 0;
			for (int q = k; q < e; q++) {
				pts[2 * n] = line_x(p, p->periods[q]);
				pts[2 * n + 1] = line_y(p, line_cell(p, a, q)->upper);
				n++;
			}
			for (int q = e - 1; q >= k; q--) {
				pts[2 * n] = line_x(p, p->periods[q]);
				pts[2 * n + 1] = line_y(p, line_cell(p, a, q)->lower);
				n++;
			}
			struct sm_item *band = poly(c, pts, n, 1);
			band->fill = 1;
			band->color = col;
			band->alpha = LINE.band_alpha;
		} else if (e - k == 1) {
			const struct sm_value *v = line_cell(p, a, k);
			double x = line_x(p, p->periods[k]);
			line(c, x, line_y(p, v->lower), x, line_y(p, v->upper), col, LINE.ci_w, 0);
		}
		k = e > k ? e : k + 1;
	}
}

/* The line of area a, broken where a period has no value, and its
 * markers. Returns the last value drawn (NULL for none) and its y. */
static const struct sm_value *line_series(const struct line_plot *p, int a, struct sm_color col, double *last_y)
{
	struct chart *c = p->c;
	double *pts = sm_arena_alloc(c->L->a, (size_t)p->np * 2 * sizeof *pts);
	int n = 0;
	const struct sm_value *last_v = NULL;
	for (int k = 0; k <= p->np; k++) {
		const struct sm_value *v = k < p->np ? line_cell(p, a, k) : NULL;
		if (v && v->state == SM_V_OK) {
			pts[2 * n] = line_x(p, p->periods[k]);
			pts[2 * n + 1] = line_y(p, v->v);
			*last_y = pts[2 * n + 1];
			last_v = v;
			n++;
			continue;
		}
		if (n >= 2) {
			struct sm_item *pl = poly(c, pts, n, 0);
			pl->do_stroke = 1;
			pl->stroke = col;
			pl->line_width = LINE.line_w;
			/* For greyscale print, series differ in dash as well. */
			static const int dashes[] = { 0, 5, 2, 8 };
			if (c->L->t->patterns)
				pl->dash = dashes[a % 4];
		}
		n = 0;
	}
	for (int k = 0; k < p->np; k++) {
		const struct sm_value *v = line_cell(p, a, k);
		if (v && v->state == SM_V_OK) {
			marker(c, a, line_x(p, p->periods[k]), line_y(p, v->v), LINE.marker_r, col,
			       v->flag == SM_FLAG_PROVISIONAL || v->flag == SM_FLAG_REVISED);
			drawn_add(c, p->areas[a], p->ind, p->periods[k], v, SM_J_NONE, 0);
		}
	}
	return last_v;
}

/* Labels at the line ends, pushed apart; a legend when that moves them
 * too far from their lines, or the names do not fit. Returns where the
 * chart ends. */
static double line_labels(const struct line_plot *p, struct label *labels, int nl, const char *const *names,
			  int names_fit)
{
	struct chart *c = p->c;
	const struct sm_theme *t = c->L->t;
	qsort(labels, (size_t)nl, sizeof *labels, cmp_label);
	double gap = c->fs * 1.25;
	for (int i = 1; i < nl; i++)
		if (labels[i].y < labels[i - 1].y + gap)
			labels[i].y = labels[i - 1].y + gap;
	for (int i = nl - 2; i >= 0; i--)
		if (labels[i].y > labels[i + 1].y - gap)
			labels[i].y = labels[i + 1].y - gap;
	int fits = 1;
	for (int i = 0; i < nl; i++)
		if (fabs(labels[i].y - labels[i].want) > gap * 1.5 || labels[i].y < p->top - c->fs ||
		    labels[i].y > p->bottom + c->fs)
			fits = 0;
	double end = p->bottom + c->fs * 2.4;
	if (fits && names_fit) {
		for (int i = 0; i < nl; i++) {
			struct sm_color col = t->chart[labels[i].series % t->nchart];
			double x = p->x1 + 6, y = labels[i].y + c->fs * 0.35;
			const char *nm = names[labels[i].series];
			text_at(c, x, y, nm, SM_FACE_BOLD, sm_ink(col), 0);
			text_at(c, x + text_w(c, nm, SM_FACE_BOLD) + 3, y, labels[i].text, SM_FACE_REGULAR, c->text, 0);
		}
	} else {
		for (int i = 0; i < nl; i++)
			text_at(c, p->x1 + 6, labels[i].y + c->fs * 0.35, labels[i].text, SM_FACE_REGULAR, c->text, 0);
		end = legend(c, end + c->fs * 0.8, names, p->na, 1);
	}
	return end;
}

static double line_chart(struct chart *c, int ind, const int *areas, int na, const int *periods, int np)
{
	struct sm_layout *L = c->L;
	struct line_plot p = { c, &L->doc->indicators[ind], ind, na, np, areas, periods };
	const struct sm_indicator *in = p.in;
	int show_target = target_shown(in);
	line_range(&p, show_target);
	p.top = c->fs * 2;
	p.bottom = p.top + LINE.height;
	p.x0 = ticks_width(c, &p.tk) + LINE.axis_gap;
	/* Room at the right for the labels at the line ends: the area's name
	 * and its last value, or only the value when the names are long (they
	 * go into a legend then). */
	const char **names = sm_arena_alloc(L->a, (size_t)(na + 1) * sizeof *names);
	double name_w = 0, value_w = 0;
	for (int a = 0; a < na; a++) {
		names[a] = L->doc->areas[areas[a]].name;
		name_w = fmax(name_w, text_w(c, names[a], SM_FACE_BOLD) + 3);
		for (int k = np - 1; k >= 0; k--) {
			const struct sm_value *v = line_cell(&p, a, k);
			if (v && v->state == SM_V_OK) {
				value_w = fmax(value_w, text_w(c, sm_value_text(L, in, v, 1, NULL), SM_FACE_REGULAR));
				break;
			}
		}
	}
	int names_fit = name_w + value_w <= c->w * LINE.names_share;
	p.x1 = c->w - (names_fit ? name_w + value_w : value_w) - LINE.axis_gap;
	p.t0 = time_pos(periods[0]);
	p.t1 = time_pos(periods[np - 1]);
	if (p.t1 - p.t0 < 1e-9) {
		p.t0 -= 0.5;
		p.t1 += 0.5;
	}
	y_axis(c, &p.tk, p.x0, p.x1, p.top, p.bottom, sm_unit_label(in->unit));
	line_years(&p);
	if (show_target)
		line_target(&p);
	struct label *labels = sm_arena_alloc(L->a, (size_t)(na + 1) * sizeof *labels);
	int nl = 0;
	for (int a = 0; a < na; a++) {
		struct sm_color col = L->t->chart[a % L->t->nchart];
		line_band(&p, a, col);
		double last_y = 0;
		const struct sm_value *last_v = line_series(&p, a, col, &last_y);
		if (last_v) {
			labels[nl].want = last_y;
			labels[nl].y = last_y;
			labels[nl].series = a;
			labels[nl].text = sm_value_text(L, in, last_v, 1, &c->sy);
			nl++;
		}
	}
	return line_labels(&p, labels, nl, names, names_fit);
}

/* --------------------------------------------------------------- bar */

/* The bar chart's geometry (pt; shares and font sizes where it says so). */
static const struct bar_geometry {
	double name_share;          /* most of the width the area names take */
	double name_gap;            /* between the names and the plot */
	double value_room;          /* beyond the widest tick value, at the right */
	double top_ref, top;        /* above the plot, in font sizes: with the reference's label, without */
	double row_pad, row_min;    /* added to a row's lines; least row height in font sizes */
	double bar_share, bar_max;  /* bar height: share of the row, most in font sizes */
	double zero_w, grid_w;      /* the zero line and the other gridlines */
	double ref_w;               /* the reference line, dashed ref_dash */
	int ref_dash;
} BAR = { 0.3, 8, 6, 2.4, 0.5, 3, 1.9, 0.66, 1.5, 0.7, 0.4, 1.1, 2 };

struct bar { int area; double v; int state; const struct sm_value *cell; };

static int cmp_bar(const void *x, const void *y)
{
	const struct bar *a = x, *b = y;
	if (a->state != b->state)
		return a->state == SM_V_OK ? -1 : b->state == SM_V_OK ? 1 : 0;
	if (a->v != b->v)
		return a->v < b->v ? 1 : -1;
	return a->area - b->area;
}

static double bar_chart(struct chart *c, int ind, const int *areas, int na, int p, int ref)
{
	struct sm_layout *L = c->L;
	const struct sm_data *d = L->data;
	const struct sm_indicator *in = &L->doc->indicators[ind];
	struct bar *bars = sm_arena_alloc(L->a, (size_t)(na + 1) * sizeof *bars);
	double hi = 0, lo = 0;
	for (int i = 0; i < na; i++) {
		const struct sm_value *v = sm_calc_cell(d, ind, areas[i], p);
		bars[i].area = areas[i];
		bars[i].state = v ? v->state : SM_V_MISSING;
		bars[i].cell = v;
		bars[i].v = v && v->state == SM_V_OK ? v->v : 0;
		hi = fmax(hi, bars[i].v);
		lo = fmin(lo, bars[i].v);
	}
	qsort(bars, (size_t)na, sizeof *bars, cmp_bar);
	double refv = 0;
	int has_ref = ref >= 0 && sm_calc_has(d, ind, ref, p, &refv);
	if (has_ref) {
		hi = fmax(hi, refv);
		lo = fmin(lo, refv);
	}
	struct sm_ticks tk;
	sm_chart_ticks(lo, hi, 5, 1, &tk);
	/* Names in a column of their own, wrapped when long: never colliding. */
	double name_w = 0;
	for (int i = 0; i < na; i++)
		name_w = fmax(name_w, text_w(c, L->doc->areas[bars[i].area].name, SM_FACE_REGULAR));
	name_w = fmin(name_w, c->w * BAR.name_share);
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.size = c->fs;
	ps.leading = c->fs * 1.2;
	ps.justify = 0;
	ps.nohyphen = 1;
	ps.width = name_w;
	ps.color = c->text;
	double value_w = text_w(c, sm_with_unit(L, in, tk.hi), SM_FACE_REGULAR) + BAR.value_room;
	double x0 = name_w + BAR.name_gap, x1 = c->w - value_w;
	double top = has_ref ? c->fs * BAR.top_ref : c->fs * BAR.top;
	double y = top;
	double span = tk.hi - tk.lo;
#define XV(v) (x0 + ((v) - tk.lo) / span * (x1 - x0))
	/* Rows first, to know where the plot ends; gridlines and the reference
	 * line go under the bars, value labels over them on a white ground. */
	double bottom = top;
	for (int i = 0; i < na; i++) {
		struct sm_items names = { 0 };
		struct sm_run run = { L->doc->areas[bars[i].area].name, 0, NULL };
		int lines = sm_set_lines(L, &run, 1, &ps, &names, 0, 0);
		bottom += fmax(lines * ps.leading + BAR.row_pad, c->fs * BAR.row_min);
	}
	for (int i = 0; i < tk.n; i++) {
		double v = tk.lo + i * tk.step, x = XV(v);
		line(c, x, top, x, bottom, fabs(v) < 1e-12 ? c->axis : c->grid, fabs(v) < 1e-12 ? BAR.zero_w : BAR.grid_w, 0);
		text_at(c, x, bottom + c->fs * 1.5, sm_fmt_num(L->a, v, tk.decimals, 1), SM_FACE_REGULAR, c->muted, 1);
	}
	if (has_ref)
		line(c, XV(refv), top - 3, XV(refv), bottom, c->text, BAR.ref_w, BAR.ref_dash);
	for (int i = 0; i < na; i++) {
		struct sm_items names = { 0 };
		struct sm_run run = { L->doc->areas[bars[i].area].name, 0, NULL };
		int lines = sm_set_lines(L, &run, 1, &ps, &names, 0, 0);
		double row = fmax(lines * ps.leading + BAR.row_pad, c->fs * BAR.row_min);
		double off = (row - lines * ps.leading) / 2;
		for (int k = 0; k < names.n; k++) {
			struct sm_item it = names.v[k];
			it.y += y + off;
			SM_PUSH(L->a, c->it->v, c->it->n, c->it->cap, it);
		}
		double bh = fmin(row * BAR.bar_share, c->fs * BAR.bar_max), by = y + (row - bh) / 2;
		if (bars[i].state == SM_V_OK) {
			double xa = XV(fmin(0, bars[i].v)), xb = XV(fmax(0, bars[i].v));
			sm_rect_item(L, c->it, xa, by, fmax(xb - xa, 0.5), bh, L->t->chart[0], 0);
			const char *lab = sm_value_text(L, in, bars[i].cell, 1, &c->sy);
			sm_rect_item(L, c->it, xb + 1.5, by + bh / 2 - c->fs * 0.6, text_w(c, lab, SM_FACE_REGULAR) + 3, c->fs * 1.2,
				     (struct sm_color){ 1, 1, 1 }, 0);
			text_at(c, xb + 3, by + bh / 2 + c->fs * 0.35, lab, SM_FACE_REGULAR, c->text, 0);
			drawn_add(c, bars[i].area, ind, p, bars[i].cell, SM_J_NONE, 0);
		} else if (bars[i].state == SM_V_SUPPRESSED) {
			text_at(c, XV(0) + 3, by + bh / 2 + c->fs * 0.35, ".", SM_FACE_BOLD, c->text, 0);
			c->sy.unknown = 1;
		}
		y += row;
	}
	/* The unit and the period of every bar. */
	text_at(c, x1, bottom + c->fs * 2.9, p >= 0 ? sm_arena_printf(L->a, "%s, %s", sm_unit_label(in->unit),
		sm_period_label(L->a, p)) : sm_unit_label(in->unit), SM_FACE_REGULAR, c->muted, 2);
	if (has_ref) {
		c->ref_area = ref;
		c->ref_v = sm_calc_cell(d, ind, ref, p);
		double x = XV(refv);
		const char *lab = sm_arena_printf(L->a, "%s %s", L->doc->areas[ref].name,
						  sm_value_text(L, in, sm_calc_cell(d, ind, ref, p), 1, &c->sy));
		double lw = text_w(c, lab, SM_FACE_BOLD);
		double lx = fmin(fmax(x - lw / 2, 0), c->w - lw);
		text_at(c, lx, top - 5, lab, SM_FACE_BOLD, c->text, 0);
	}
#undef XV
	return bottom + c->fs * 3.4;
}

/* ------------------------------------------------------------ column */

/* The column chart's geometry (pt, or a share where it says so). */
static const struct column_geometry {
	double headroom;            /* factor on the highest value, for the labels above the columns */
	double height;              /* of the plot */
	double axis_gap;            /* between the tick labels and the plot */
	double column_share;        /* of a period's slot the columns take */
	double column_max;          /* widest column */
	double tint;                /* a provisional value's colour, mixed with white */
} COLUMN = { 1.08, 140, 8, 0.7, 34, 0.55 };

static double column_chart(struct chart *c, int ind, const int *areas, int na, const int *periods, int np)
{
	struct sm_layout *L = c->L;
	const struct sm_data *d = L->data;
	const struct sm_indicator *in = &L->doc->indicators[ind];
	if (na > 2)
		na = 2;
	double hi = 0, lo = 0;
	for (int a = 0; a < na; a++)
		for (int k = 0; k < np; k++) {
			double v;
			if (sm_calc_has(d, ind, areas[a], periods[k], &v)) {
				hi = fmax(hi, v);
				lo = fmin(lo, v);
			}
		}
	struct sm_ticks tk;
	sm_chart_ticks(lo, hi * COLUMN.headroom, 5, 1, &tk);
	double top = c->fs * 2, bottom = top + COLUMN.height;
	double x0 = ticks_width(c, &tk) + COLUMN.axis_gap, x1 = c->w;
	y_axis(c, &tk, x0, x1, top, bottom, sm_unit_label(in->unit));
	double slot = (x1 - x0) / np, cw = fmin(slot * COLUMN.column_share / na, COLUMN.column_max);
	for (int k = 0; k < np; k++) {
		double cx = x0 + slot * (k + 0.5);
		text_at(c, cx, bottom + c->fs * 1.6, sm_period_label(L->a, periods[k]), SM_FACE_REGULAR, c->muted, 1);
		for (int a = 0; a < na; a++) {
			const struct sm_value *v = sm_calc_cell(d, ind, areas[a], periods[k]);
			double x = cx - cw * na / 2 + a * cw;
			if (!v || v->state == SM_V_MISSING)
				continue;
			if (v->state == SM_V_SUPPRESSED) {
				text_at(c, x + cw / 2, bottom - 3, ".", SM_FACE_BOLD, c->text, 1);
				c->sy.unknown = 1;
				continue;
			}
			double y0 = ymap(&tk, 0, top, bottom), y1 = ymap(&tk, v->v, top, bottom);
			struct sm_color col = L->t->chart[a % L->t->nchart];
			double yt = fmin(y0, y1), h = fabs(y1 - y0);
			sm_rect_item(L, c->it, x + 0.5, yt, cw - 1, h, col, 0);
			/* A second area, and provisional values, are hatched. */
			if (a == 1)
				hatch(c, x + 0.5, yt, cw - 1, h, (struct sm_color){ 1, 1, 1 });
			if (v->flag == SM_FLAG_PROVISIONAL || v->flag == SM_FLAG_REVISED) {
				sm_rect_item(L, c->it, x + 0.5, yt, cw - 1, h, mix(col, COLUMN.tint), 0);
				hatch(c, x + 0.5, yt, cw - 1, h, col);
			}
			drawn_add(c, areas[a], ind, periods[k], v, SM_J_NONE, 0);
			const char *lab = sm_value_text(L, in, v, 0, &c->sy);
			if (text_w(c, lab, SM_FACE_REGULAR) <= cw + 2 || na == 1)
				text_at(c, x + cw / 2, yt - 2.5, lab, SM_FACE_REGULAR, c->text, 1);
		}
	}
	double end = bottom + c->fs * 2.4;
	if (na > 1) {
		const char *names[2] = { L->doc->areas[areas[0]].name, L->doc->areas[areas[1]].name };
		end = legend(c, end + c->fs * 0.6, names, 2, 0);
	}
	return end;
}

/* --------------------------------------------------------------- dot */

static struct sm_color judgement_colour(struct sm_layout *L, enum sm_judgement j)
{
	if (j == SM_J_FAVOURABLE)
		return L->t->status[SM_STATUS_ON_TRACK];
	if (j == SM_J_UNFAVOURABLE)
		return L->t->status[SM_STATUS_OFF_TRACK];
	if (j == SM_J_COMPARABLE)
		return L->t->status[SM_STATUS_NO_JUDGEMENT];
	return L->t->primary;
}

/* The dot chart's geometry (pt, or a share where it says so). */
static const struct dot_geometry {
	double name_share;          /* of the width the indicator names take */
	double name_gap, word_gap;  /* between the names and the track, the track and the judgement word */
	double row_min;             /* least row height, in font sizes */
	double row_pad;             /* added to each row */
	double track_w;             /* the grey track a row's marks stand on */
	double mark_r;              /* the dot and the reference's diamond */
	double target_h, target_w;  /* half the height of the target's stroke, its width */
	double value_above;         /* the value's baseline above the dot */
	double tick;                /* tick length of the common axis */
	double legend_r, legend_step;   /* a legend dot, and the room of a mark with its word */
} DOT = { 0.34, 10, 12, 2.6, 8, 2.2, 4.2, 6, 1.2, 7, 3, 3.5, 22 };

/* One row of a dot chart: an indicator at the municipality and the reference. */
struct dot_row { int ind, p, ref, has_v, has_r; double v, r; };

static double dot_x(const struct sm_ticks *tk, double x0, double x1, double v)
{
	return x0 + (v - tk->lo) / (tk->hi - tk->lo) * (x1 - x0);
}

/* The scale of a row on its own: its value, reference and target. */
static void dot_row_ticks(const struct dot_row *r, const struct sm_indicator *in, int target, struct sm_ticks *tk)
{
	double lo = INFINITY, hi = -INFINITY;
	if (r->has_v) { lo = fmin(lo, r->v); hi = fmax(hi, r->v); }
	if (r->has_r) { lo = fmin(lo, r->r); hi = fmax(hi, r->r); }
	if (in->has_target) { lo = fmin(lo, in->target); hi = fmax(hi, in->target); }
	sm_chart_ticks(isfinite(lo) ? lo : 0, isfinite(hi) ? hi : 1, target, lo >= 0, tk);
}

/* The reference's mark: a white diamond through the four points p. */
static void dot_diamond(struct chart *c, const double p[8])
{
	struct sm_item *m = poly(c, p, 4, 1);
	m->fill = 1;
	m->color = (struct sm_color){ 1, 1, 1 };
	m->do_stroke = 1;
	m->stroke = c->text;
	m->line_width = 1;
}

static void dot_circle(struct chart *c, double x, double y, double r, struct sm_color col)
{
	struct sm_item *m = sm_item_add(c->L->a, c->it, SM_ITEM_CIRCLE);
	m->x = x;
	m->y = y;
	m->radius = r;
	m->fill = 1;
	m->color = col;
}

/* One row at y: the name, the track, the target, the reference, the
 * municipality's dot with its value and judgement. Returns its height. */
static double dot_row(struct chart *c, const struct dot_row *r, const struct sm_ticks *common, int same_unit,
		      const struct sm_pstyle *ps, double x0, double x1, double y)
{
	struct sm_layout *L = c->L;
	const struct sm_data *d = L->data;
	int gm = L->doc->gemeente;
	const struct sm_indicator *in = &L->doc->indicators[r->ind];
	struct sm_ticks tk = *common;
	if (!same_unit)
		dot_row_ticks(r, in, 4, &tk);
	struct sm_items names = { 0 };
	/* The period beside the name when the rows differ in it. */
	const char *label = c->mixed && r->p >= 0 ? sm_arena_printf(L->a, "%s (%s)", in->name, sm_period_label(L->a, r->p))
						  : in->name;
	struct sm_run run = { label, 0, NULL };
	int lines = sm_set_lines(L, &run, 1, ps, &names, 0, 0);
	double row = fmax(lines * ps->leading, c->fs * DOT.row_min) + DOT.row_pad;
	for (int k = 0; k < names.n; k++) {
		struct sm_item it = names.v[k];
		it.y += y + (row - lines * ps->leading) / 2;
		SM_PUSH(L->a, c->it->v, c->it->n, c->it->cap, it);
	}
	double cy = y + row / 2;
	line(c, x0, cy, x1, cy, c->grid, DOT.track_w, 0);
	if (!same_unit) {
		text_at(c, x0, cy + c->fs * 1.5, sm_with_unit(L, in, tk.lo), SM_FACE_REGULAR, c->muted, 0);
		text_at(c, x1, cy + c->fs * 1.5, sm_with_unit(L, in, tk.hi), SM_FACE_REGULAR, c->muted, 2);
	}
	if (target_shown(in)) {
		double x = dot_x(&tk, x0, x1, in->target);
		line(c, x, cy - DOT.target_h, x, cy + DOT.target_h, c->text, DOT.target_w, 0);
	}
	if (r->has_r) {
		double x = dot_x(&tk, x0, x1, r->r), h = DOT.mark_r;
		dot_diamond(c, (const double[8]){ x, cy - h, x + h, cy, x, cy + h, x - h, cy });
		drawn_add(c, r->ref, r->ind, r->p, sm_calc_cell(d, r->ind, r->ref, r->p), SM_J_NONE, 1);
	}
	if (r->has_v) {
		enum sm_judgement j = r->has_r ? sm_calc_compare(in, r->v, r->r) : SM_J_NONE;
		drawn_add(c, gm, r->ind, r->p, sm_calc_cell(d, r->ind, gm, r->p), j, 0);
		struct sm_color col = judgement_colour(L, j);
		double x = dot_x(&tk, x0, x1, r->v);
		dot_circle(c, x, cy, DOT.mark_r, col);
		text_at(c, x, cy - DOT.value_above, sm_value_text(L, in, sm_calc_cell(d, r->ind, gm, r->p), 1, &c->sy),
			SM_FACE_BOLD, c->text, 1);
		if (j != SM_J_NONE)
			text_at(c, c->w, cy + c->fs * 0.35, sm_judgement_word(L->t->labels, j), SM_FACE_BOLD, sm_ink(col), 2);
	} else {
		const struct sm_value *v = r->p >= 0 ? sm_calc_cell(d, r->ind, gm, r->p) : NULL;
		text_at(c, x0, cy - 5, sm_value_text(L, in, v, 1, &c->sy), SM_FACE_BOLD, c->text, 0);
	}
	return row;
}

/* The legend of the marks below the rows at y: the municipality's dot in
 * the colour of its judgement (the word stands beside each row too), the
 * reference, the target. Returns where it ends. */
static double dot_legend(struct chart *c, int ref, double y)
{
	struct sm_layout *L = c->L;
	int gm = L->doc->gemeente;
	double ly = y, lx = 0;
	const char *gname = gm >= 0 ? L->doc->areas[gm].name : "";
	text_at(c, lx, ly, gname, SM_FACE_BOLD, c->text, 0);
	lx += text_w(c, gname, SM_FACE_BOLD) + 8;
	enum sm_judgement js[3] = { SM_J_FAVOURABLE, SM_J_COMPARABLE, SM_J_UNFAVOURABLE };
	for (int k = 0; k < (ref >= 0 ? 3 : 0); k++) {
		dot_circle(c, lx + 4, ly - c->fs * 0.35, DOT.legend_r, judgement_colour(L, js[k]));
		const char *w = sm_judgement_word(L->t->labels, js[k]);
		text_at(c, lx + 11, ly, w, SM_FACE_REGULAR, c->text, 0);
		lx += text_w(c, w, SM_FACE_REGULAR) + DOT.legend_step;
	}
	/* What the words judge against: the reference, not the target. */
	if (ref >= 0) {
		const char *basis = sm_arena_printf(L->a, "%s %s", L->t->labels[SM_LABEL_versus], L->doc->areas[ref].name);
		text_at(c, lx - 7, ly, basis, SM_FACE_REGULAR, c->text, 0);
		lx += text_w(c, basis, SM_FACE_REGULAR) + 4;
	}
	/* The reference and the target on a line of their own when they do not
	 * fit after the judgements. */
	double rest = (ref >= 0 ? text_w(c, L->doc->areas[ref].name, SM_FACE_REGULAR) + 24 : 0) + 10 +
		      text_w(c, L->t->labels[SM_LABEL_target], SM_FACE_REGULAR);
	if (ref >= 0 && lx + rest > c->w) {
		lx = 0;
		ly += c->fs * 1.6;
	}
	double my = ly - c->fs * 0.35;
	if (ref < 0) {
		dot_circle(c, lx + 4, my, DOT.legend_r, L->t->primary);
		lx += DOT.legend_step;
	}
	if (ref >= 0) {
		dot_diamond(c, (const double[8]){ lx + 4, my - 3.8, lx + 7.8, my, lx + 4, my + 3.8, lx + 0.2, my });
		text_at(c, lx + 11, ly, L->doc->areas[ref].name, SM_FACE_REGULAR, c->text, 0);
		lx += text_w(c, L->doc->areas[ref].name, SM_FACE_REGULAR) + 24;
	}
	line(c, lx + 4, my - 5, lx + 4, my + 5, c->text, DOT.target_w, 0);
	text_at(c, lx + 10, ly, L->t->labels[SM_LABEL_target], SM_FACE_REGULAR, c->text, 0);
	return ly + c->fs;
}

static double dot_chart(struct chart *c, const struct sm_ref *inds, int ni, int ref)
{
	struct sm_layout *L = c->L;
	const struct sm_data *d = L->data;
	int gm = L->doc->gemeente;
	double name_w = c->w * DOT.name_share, word_w = 0;
	for (int j = SM_J_FAVOURABLE; j <= SM_J_LOWER; j++)
		word_w = fmax(word_w, text_w(c, sm_judgement_word(L->t->labels, (enum sm_judgement)j), SM_FACE_BOLD));
	double x0 = name_w + DOT.name_gap, x1 = c->w - word_w - DOT.word_gap;
	/* One scale for all rows when they share a unit. */
	int same_unit = 1;
	for (int i = 1; i < ni; i++)
		if (inds[i].index >= 0 && inds[0].index >= 0 &&
		    L->doc->indicators[inds[i].index].unit != L->doc->indicators[inds[0].index].unit)
			same_unit = 0;
	double glo = INFINITY, ghi = -INFINITY;
	struct dot_row *rows = sm_arena_alloc(L->a, (size_t)(ni + 1) * sizeof *rows);
	for (int i = 0; i < ni; i++) {
		struct dot_row *r = &rows[i];
		r->ind = inds[i].index;
		if (r->ind < 0)
			continue;
		r->p = c->per[i];
		r->ref = ref;
		r->has_v = sm_calc_has(d, r->ind, gm, r->p, &r->v);
		r->has_r = ref >= 0 && sm_calc_has(d, r->ind, ref, r->p, &r->r);
		const struct sm_indicator *in = &L->doc->indicators[r->ind];
		if (r->has_v) { glo = fmin(glo, r->v); ghi = fmax(ghi, r->v); }
		if (r->has_r) { glo = fmin(glo, r->r); ghi = fmax(ghi, r->r); }
		if (in->has_target) { glo = fmin(glo, in->target); ghi = fmax(ghi, in->target); }
	}
	struct sm_ticks common;
	sm_chart_ticks(isfinite(glo) ? glo : 0, isfinite(ghi) ? ghi : 1, 5, glo >= 0, &common);
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.size = c->fs + 0.5;
	ps.leading = ps.size * 1.25;
	ps.justify = 0;
	ps.nohyphen = 1;
	ps.width = name_w;
	ps.color = c->text;
	double y = c->fs * 0.5;
	for (int i = 0; i < ni; i++)
		if (rows[i].ind >= 0)
			y += dot_row(c, &rows[i], &common, same_unit, &ps, x0, x1, y);
	double bottom = y;
	/* The common axis under the rows. */
	if (same_unit && ni) {
		for (int i = 0; i < common.n; i++) {
			double v = common.lo + i * common.step;
			double x = dot_x(&common, x0, x1, v);
			line(c, x, bottom, x, bottom + DOT.tick, c->axis, 0.5, 0);
			text_at(c, x, bottom + c->fs * 1.5, sm_fmt_num(L->a, v, common.decimals, 1), SM_FACE_REGULAR, c->muted, 1);
		}
		text_at(c, x1, bottom + c->fs * 2.9, inds[0].index >= 0 ? sm_unit_label(L->doc->indicators[inds[0].index].unit) : "",
			SM_FACE_REGULAR, c->muted, 2);
		bottom += c->fs * 3;
	}
	return dot_legend(c, ref, bottom + c->fs * 1.6);
}

/* ----------------------------------------------------------- heatmap */

/* The heatmap's geometry (pt; shares and font sizes where it says so). */
static const struct heatmap_geometry {
	double name_room, name_share;   /* after the widest area name; most of the width for names */
	double head_pad;            /* a column head is this narrower than its column */
	double head_gap;            /* under the heads */
	double row;                 /* row height in font sizes */
	double cell_gap;            /* around each cell */
	double hatch_w;             /* the hatched strip of an unfavourable cell */
	double frame_w;             /* the outline of a cell without a judgement */
	double fav_tint, unf_tint;  /* the status colours, mixed with white */
	double swatch_w, swatch_h;  /* legend: a swatch, its height in font sizes */
	double swatch_hatch, swatch_gap, key_step;
} HEAT = { 6, 0.26, 6, 4, 2.1, 1, 7, 0.5, 0.62, 0.6, 14, 1.1, 5, 18, 30 };

static double heatmap(struct chart *c, const struct sm_ref *inds, int ni, const int *areas, int na, int ref)
{
	struct sm_layout *L = c->L;
	const struct sm_data *d = L->data;
	double name_w = 0;
	for (int a = 0; a < na; a++)
		name_w = fmax(name_w, text_w(c, L->doc->areas[areas[a]].name, SM_FACE_REGULAR));
	name_w = fmin(name_w + HEAT.name_room, c->w * HEAT.name_share);
	double cw = (c->w - name_w) / (ni ? ni : 1);
	/* Column heads: the indicator names, wrapped. */
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.size = c->fs;
	ps.leading = c->fs * 1.2;
	ps.justify = 0;
	ps.nohyphen = 1;
	ps.width = cw - HEAT.head_pad;
	ps.color = c->text;
	ps.role_regular = SM_FACE_BOLD;
	int head_lines = 1;
	struct sm_items *heads = sm_arena_alloc(L->a, (size_t)(ni + 1) * sizeof *heads);
	int *nlines = sm_arena_alloc(L->a, (size_t)(ni + 1) * sizeof *nlines);
	for (int i = 0; i < ni; i++) {
		int ind = inds[i].index;
		const char *h = ind < 0 ? "" : c->mixed && c->per[i] >= 0
			? sm_arena_printf(L->a, "%s (%s,\xC2\xA0%s)", L->doc->indicators[ind].name,
					  sm_unit_label(L->doc->indicators[ind].unit), sm_period_label(L->a, c->per[i]))
			: sm_arena_printf(L->a, "%s (%s)", L->doc->indicators[ind].name,
					  sm_unit_label(L->doc->indicators[ind].unit));
		struct sm_run run = { h, 0, NULL };
		nlines[i] = sm_set_lines(L, &run, 1, &ps, &heads[i], 0, 0);
		if (nlines[i] > head_lines)
			head_lines = nlines[i];
	}
	double head_h = head_lines * ps.leading + HEAT.head_gap;
	/* The heads sit on a common bottom line. */
	for (int i = 0; i < ni; i++)
		for (int k = 0; k < heads[i].n; k++) {
			struct sm_item it = heads[i].v[k];
			it.x += name_w + i * cw + 3;
			it.y += (head_lines - nlines[i]) * ps.leading;
			SM_PUSH(L->a, c->it->v, c->it->n, c->it->cap, it);
		}
	double rh = c->fs * HEAT.row, y = head_h + 2;
	struct sm_color fav = mix(L->t->status[SM_STATUS_ON_TRACK], HEAT.fav_tint),
		       unf = mix(L->t->status[SM_STATUS_OFF_TRACK], HEAT.unf_tint),
		       cmp = (struct sm_color){ 0.9, 0.9, 0.9 };
	for (int a = 0; a < na; a++) {
		text_at(c, 0, y + rh / 2 + c->fs * 0.35, L->doc->areas[areas[a]].name, SM_FACE_REGULAR, c->text, 0);
		for (int i = 0; i < ni; i++) {
			int ind = inds[i].index;
			if (ind < 0)
				continue;
			const struct sm_indicator *in = &L->doc->indicators[ind];
			int p = c->per[i];
			double x = name_w + i * cw;
			const struct sm_value *v = sm_calc_cell(d, ind, areas[a], p);
			double rv;
			int has_ref = ref >= 0 && ref != areas[a] && sm_calc_has(d, ind, ref, p, &rv);
			enum sm_judgement j = v && v->state == SM_V_OK && has_ref ? sm_calc_compare(in, v->v, rv) : SM_J_NONE;
			struct sm_color fill = j == SM_J_FAVOURABLE ? fav : j == SM_J_UNFAVOURABLE ? unf
					     : j == SM_J_COMPARABLE ? cmp : (struct sm_color){ 1, 1, 1 };
			double g = HEAT.cell_gap;
			sm_rect_item(L, c->it, x + g, y + g, cw - 2 * g, rh - 2 * g, fill, 0);
			if (j == SM_J_UNFAVOURABLE)
				hatch(c, x + g, y + g, HEAT.hatch_w, rh - 2 * g, L->t->status[SM_STATUS_OFF_TRACK]);
			if (j == SM_J_NONE) {
				struct sm_item *bx = sm_item_add(L->a, c->it, SM_ITEM_RECT);
				bx->x = x + g;
				bx->y = y + g;
				bx->w = cw - 2 * g;
				bx->h = rh - 2 * g;
				bx->do_stroke = 1;
				bx->stroke = c->grid;
				bx->line_width = HEAT.frame_w;
			}
			drawn_add(c, areas[a], ind, p, v, j, 0);
			const char *txt = sm_value_text(L, in, v, 0, &c->sy);
			text_at(c, x + cw / 2 + 3, y + rh / 2 + c->fs * 0.35, txt, SM_FACE_REGULAR, c->text, 1);
		}
		y += rh;
	}
	/* The legend: colour, pattern and word together. */
	double ly = y + c->fs * 2, lx = 0;
	struct { struct sm_color c; int hatched; const char *w; } keys[3] = {
		{ fav, 0, L->t->labels[SM_LABEL_favourable] }, { cmp, 0, L->t->labels[SM_LABEL_comparable] },
		{ unf, 1, L->t->labels[SM_LABEL_unfavourable] },
	};
	for (int k = 0; k < 3; k++) {
		sm_rect_item(L, c->it, lx, ly - c->fs * 0.85, HEAT.swatch_w, c->fs * HEAT.swatch_h, keys[k].c, 0);
		if (keys[k].hatched)
			hatch(c, lx, ly - c->fs * 0.85, HEAT.swatch_hatch, c->fs * HEAT.swatch_h, L->t->status[SM_STATUS_OFF_TRACK]);
		const char *w = sm_arena_printf(L->a, "%s%s%s", keys[k].w, ref >= 0 ? " t.o.v. " : "",
						ref >= 0 ? L->doc->areas[ref].name : "");
		text_at(c, lx + HEAT.swatch_gap, ly, w, SM_FACE_REGULAR, c->text, 0);
		lx += text_w(c, w, SM_FACE_REGULAR) + HEAT.key_step;
	}
	return ly + c->fs;
}

/* ------------------------------------------------- alternative text
 *
 * What the chart shows, in Dutch, for a reader who cannot see it: the
 * kind of chart, what it shows, the areas or years, per line the first
 * and last value and which way it went, the highest and the lowest, the
 * target and the reference. Written only from the values the chart drew
 * (struct drawn), each as the chart prints it. */

/* How much is named one by one; beyond it the text names the
 * municipality, the reference areas and the highest and lowest, and says
 * how many there are. */
static const struct alt_limits {
	int series;                 /* lines, or column series */
	int bars;
	int rows;                   /* dot chart rows, heatmap indicators */
} ALT = { 4, 6, 8 };

static const char *const alt_kinds[] = { "Lijndiagram", "Staafdiagram", "Kolomdiagram", "Stippendiagram", "Heatmap" };

struct alt {
	struct chart *c;
	const char **parts;         /* sentences, joined by spaces */
	int n, cap;
};

static void say(struct alt *t, const char *s)
{
	SM_PUSH(t->c->L->a, t->parts, t->n, t->cap, s);
}

/* A value as the chart prints it: bare (the unit is in the first
 * sentence) or, where the chart prints it so, with its unit. */
static const char *alt_value(struct alt *t, const struct sm_indicator *in, const struct sm_value *v, int unit)
{
	/* A flag in words, not the sign a reader would hear as "asterisk":
	 * "60 (voorlopig cijfer)". */
	int label = v && v->state == SM_V_OK && v->flag == SM_FLAG_PROVISIONAL ? SM_LABEL_sym_provisional
		: v && v->state == SM_V_OK && v->flag == SM_FLAG_REVISED ? SM_LABEL_sym_revised : -1;
	if (label < 0)
		return sm_value_text(t->c->L, in, v, unit, NULL);
	struct sm_value bare = *v;
	bare.flag = SM_FLAG_NONE;
	return sm_arena_printf(t->c->L->a, "%s (%s)", sm_value_text(t->c->L, in, &bare, unit, NULL),
			       t->c->L->t->labels[label]);
}

/* A label inside a sentence: "Streefwaarde" as "streefwaarde" (not an
 * abbreviation such as "WMO"). */
static const char *alt_lower(struct sm_arena *a, const char *label)
{
	if (!(label[0] >= 'A' && label[0] <= 'Z' && label[1] >= 'a' && label[1] <= 'z'))
		return label;
	char *s = sm_arena_strdup(a, label);
	s[0] = (char)(s[0] - 'A' + 'a');
	return s;
}

static const char *alt_area(struct alt *t, int area) { return t->c->L->doc->areas[area].name; }

/* "buurt" or "buurten": what the block's areas are called. */
static const char *alt_areas_word(struct alt *t, int n)
{
	enum sm_area_sel sel = t->c->b->areas.sel;
	if (sel == SM_AREAS_BUURTEN)
		return n == 1 ? "buurt" : "buurten";
	if (sel == SM_AREAS_WIJKEN)
		return n == 1 ? "wijk" : "wijken";
	return n == 1 ? "gebied" : "gebieden";
}

/* The first sentence: "Lijndiagram: Huishoudens met problematische
 * schulden (%), 2015–2023". */
static const char *alt_head(struct alt *t, const struct sm_indicator *in, int p0, int p1)
{
	struct sm_arena *a = t->c->L->a;
	const char *when = p0 == p1 ? sm_period_label(a, p0)
		: sm_arena_printf(a, "%s\xE2\x80\x93%s", sm_period_label(a, p0), sm_period_label(a, p1));
	return sm_arena_printf(a, "%s: %s (%s), %s", alt_kinds[t->c->b->chart], in->name, sm_unit_label(in->unit), when);
}

/* "hoogste Vogelbuurt 108, laagste Kazerneterrein 26": the highest and
 * the lowest value drawn of indicator ind, with the area and, when the
 * chart spans periods, the period (Hoogste with cap). NULL unless at least
 * two values differ as printed. */
static const char *alt_extremes(struct alt *t, const struct sm_indicator *in, int ind, int periods, int cap)
{
	struct chart *c = t->c;
	/* As printed: of values that print the same, the first drawn. */
	const struct drawn *hi = NULL, *lo = NULL;
	double vhi = 0, vlo = 0;
	for (int i = 0; i < c->ndrawn; i++) {
		const struct drawn *d = &c->drawn[i];
		if (d->ind != ind)
			continue;
		double v = sm_round(d->v->v, in->decimals);
		if (!hi || v > vhi) {
			hi = d;
			vhi = v;
		}
		if (!lo || v < vlo) {
			lo = d;
			vlo = v;
		}
	}
	if (!hi || vhi == vlo)
		return NULL;
	struct sm_arena *a = c->L->a;
	const char *at_hi = periods ? sm_arena_printf(a, " in %s", sm_period_label(a, hi->period)) : "";
	const char *at_lo = periods ? sm_arena_printf(a, " in %s", sm_period_label(a, lo->period)) : "";
	return sm_arena_printf(a, cap ? "Hoogste waarde: %s %s%s; laagste: %s %s%s" : "hoogste %s %s%s, laagste %s %s%s",
			       alt_area(t, hi->area), alt_value(t, in, hi->v, 0), at_hi, alt_area(t, lo->area),
			       alt_value(t, in, lo->v, 0), at_lo);
}

/* One line (or series of columns): "Lindeveld steeg van 47 naar 60". The
 * verb is left out when the series before had the same one ("Nederland
 * van 50 naar 56"); a period is named when it is not the chart's first or
 * last. */
static const char *alt_series(struct alt *t, const struct sm_indicator *in, int area, int p0, int p1,
			      const char **verb_before)
{
	struct chart *c = t->c;
	struct sm_arena *a = c->L->a;
	const struct drawn *f = NULL, *l = NULL;
	for (int i = 0; i < c->ndrawn; i++) {
		const struct drawn *d = &c->drawn[i];
		if (d->area != area)
			continue;
		if (!f || d->period < f->period)
			f = d;
		if (!l || d->period > l->period)
			l = d;
	}
	const char *name = alt_area(t, area), *verb_was = *verb_before;
	*verb_before = NULL;
	if (!f)
		return sm_arena_printf(a, "%s: geen cijfers", name);
	const char *x = alt_value(t, in, f->v, 0), *y = alt_value(t, in, l->v, 0);
	if (f == l)
		return sm_arena_printf(a, "%s: %s in %s", name, x, sm_period_label(a, f->period));
	const char *at0 = f->period != p0 ? sm_arena_printf(a, " (%s)", sm_period_label(a, f->period)) : "";
	const char *at1 = l->period != p1 ? sm_arena_printf(a, " (%s)", sm_period_label(a, l->period)) : "";
	double u = sm_round(f->v->v, in->decimals), w = sm_round(l->v->v, in->decimals);
	if (u == w)
		return sm_arena_printf(a, "%s bleef gelijk op %s%s%s", name, y, at0, at1);
	const char *verb = w > u ? "steeg" : "daalde";
	*verb_before = verb;
	return sm_arena_printf(a, "%s%s%s van %s%s naar %s%s", name, verb == verb_was ? "" : " ",
			       verb == verb_was ? "" : verb, x, at0, y, at1);
}

/* Line and column charts: a line (or series) per area over the years. */
static void alt_lines(struct alt *t, int ind, const int *areas, int na, const int *periods, int np)
{
	struct chart *c = t->c;
	struct sm_layout *L = c->L;
	struct sm_arena *a = L->a;
	const struct sm_indicator *in = &L->doc->indicators[ind];
	int p0 = periods[0], p1 = periods[np - 1];
	const char *head = alt_head(t, in, p0, p1);
	/* With many areas: the municipality and the reference areas. */
	int *shown = sm_arena_alloc(a, (size_t)(na + 1) * sizeof *shown), ns = 0;
	for (int k = 0; k < na; k++) {
		enum sm_area_level lv = L->doc->areas[areas[k]].level;
		if (na <= ALT.series || (ns < ALT.series && (areas[k] == L->doc->gemeente || lv == SM_LEVEL_LAND ||
							     lv == SM_LEVEL_REFERENCE)))
			shown[ns++] = areas[k];
	}
	if (ns < na)
		head = sm_arena_printf(a, "%s, %d %s", head, na, alt_areas_word(t, na));
	say(t, sm_arena_printf(a, "%s.", head));
	const char **lines = sm_arena_alloc(a, (size_t)(ns + 1) * sizeof *lines);
	const char *verb = NULL;
	for (int k = 0; k < ns; k++)
		lines[k] = alt_series(t, in, shown[k], p0, p1, &verb);
	if (ns)
		say(t, sm_arena_printf(a, "%s.", sm_arena_join(a, lines, ns, "; ")));
	const char *ex = alt_extremes(t, in, ind, np > 1, 1);
	if (ex)
		say(t, sm_arena_printf(a, "%s.", ex));
	if (c->target_label)
		say(t, sm_arena_printf(a, "%s.", c->target_label));
}

/* Bar charts: one bar per area in one period, highest first, and the
 * reference as a line. */
static void alt_bars(struct alt *t, int ind, int na, int p)
{
	struct chart *c = t->c;
	struct sm_layout *L = c->L;
	struct sm_arena *a = L->a;
	const struct sm_indicator *in = &L->doc->indicators[ind];
	say(t, sm_arena_printf(a, "%s, %d %s, van hoog naar laag.", alt_head(t, in, p, p), na, alt_areas_word(t, na)));
	if (c->ndrawn <= ALT.bars) {
		const char **bars = sm_arena_alloc(a, (size_t)(c->ndrawn + 1) * sizeof *bars);
		for (int i = 0; i < c->ndrawn; i++)
			bars[i] = sm_arena_printf(a, "%s %s", alt_area(t, c->drawn[i].area), alt_value(t, in, c->drawn[i].v, 0));
		if (c->ndrawn)
			say(t, sm_arena_printf(a, "%s.", sm_arena_join(a, bars, c->ndrawn, "; ")));
	} else {
		const char *ex = alt_extremes(t, in, ind, 0, 1);
		if (ex)
			say(t, sm_arena_printf(a, "%s.", ex));
	}
	if (na > c->ndrawn)
		say(t, sm_arena_printf(a, "Voor %d %s is geen cijfer getoond.", na - c->ndrawn, alt_areas_word(t, na - c->ndrawn)));
	if (c->ref_v && c->ref_v->state == SM_V_OK)
		say(t, sm_arena_printf(a, "Referentielijn: %s %s.", alt_area(t, c->ref_area), alt_value(t, in, c->ref_v, 0)));
}

/* Dot charts: per indicator the municipality's value, the reference's,
 * the judgement and the target. */
static void alt_dots(struct alt *t, const char *title, const struct sm_ref *inds, int ni, int ref)
{
	struct chart *c = t->c;
	struct sm_layout *L = c->L;
	struct sm_arena *a = L->a;
	int gm = L->doc->gemeente;
	say(t, sm_arena_printf(a, "%s: %s.", alt_kinds[SM_CHART_DOT], title));
	int rows = 0;
	for (int i = 0; i < ni; i++) {
		int ind = inds[i].index;
		if (ind < 0)
			continue;
		if (rows++ == ALT.rows) {
			int rest = 0;
			for (int k = i; k < ni; k++)
				rest += inds[k].index >= 0;
			say(t, sm_arena_printf(a, "En nog %d %s.", rest, rest == 1 ? "indicator" : "indicatoren"));
			break;
		}
		const struct sm_indicator *in = &L->doc->indicators[ind];
		const struct drawn *v = NULL, *r = NULL;
		for (int k = 0; k < c->ndrawn; k++)
			if (c->drawn[k].ind == ind && c->drawn[k].period == c->per[i]) {
				if (c->drawn[k].ref)
					r = &c->drawn[k];
				else if (c->drawn[k].area == gm)
					v = &c->drawn[k];
			}
		const char *name = c->mixed && c->per[i] >= 0
			? sm_arena_printf(a, "%s (%s)", in->name, sm_period_label(a, c->per[i])) : in->name;
		const char *s = v ? sm_arena_printf(a, "%s: %s %s", name, alt_area(t, gm), alt_value(t, in, v->v, 1))
				  : sm_arena_printf(a, "%s: geen cijfer voor %s", name, gm >= 0 ? alt_area(t, gm) : "de gemeente");
		if (r && ref != gm)
			s = sm_arena_printf(a, "%s, %s %s", s, alt_area(t, ref), alt_value(t, in, r->v, 1));
		if (v && v->j != SM_J_NONE)
			s = sm_arena_printf(a, "%s, %s", s, sm_judgement_word(L->t->labels, v->j));
		if (target_shown(in))
			s = sm_arena_printf(a, "%s; %s %s", s, alt_lower(a, L->t->labels[SM_LABEL_target]),
					    sm_with_unit(L, in, in->target));
		say(t, sm_arena_printf(a, "%s.", s));
	}
}

/* Heatmaps: per indicator the highest and lowest area and how many cells
 * are favourable, comparable and unfavourable. */
static void alt_heatmap(struct alt *t, const char *title, const struct sm_ref *inds, int ni, int na, int ref)
{
	struct chart *c = t->c;
	struct sm_layout *L = c->L;
	struct sm_arena *a = L->a;
	const char *const *lb = L->t->labels;
	int nind = 0;
	for (int i = 0; i < ni; i++)
		nind += inds[i].index >= 0;
	const char *judged = ref >= 0 ? sm_arena_printf(a, "; elke cel %s, %s of %s %s %s", lb[SM_LABEL_favourable],
							lb[SM_LABEL_comparable], lb[SM_LABEL_unfavourable], lb[SM_LABEL_versus],
							alt_area(t, ref)) : "";
	say(t, sm_arena_printf(a, "%s: %s: %d %s voor %d %s%s.", alt_kinds[SM_CHART_HEATMAP], title, nind,
			       nind == 1 ? "indicator" : "indicatoren", na, alt_areas_word(t, na), judged));
	int rows = 0;
	for (int i = 0; i < ni; i++) {
		int ind = inds[i].index;
		if (ind < 0)
			continue;
		if (rows++ == ALT.rows) {
			say(t, sm_arena_printf(a, "En nog %d indicatoren.", nind - ALT.rows));
			break;
		}
		const struct sm_indicator *in = &L->doc->indicators[ind];
		int count[SM_J_LOWER + 1] = { 0 }, total = 0;
		const struct drawn *one = NULL;
		for (int k = 0; k < c->ndrawn; k++)
			if (c->drawn[k].ind == ind) {
				count[c->drawn[k].j]++;
				total++;
				one = &c->drawn[k];
			}
		const char *name = c->mixed && c->per[i] >= 0
			? sm_arena_printf(a, "%s (%s, %s)", in->name, sm_unit_label(in->unit), sm_period_label(a, c->per[i]))
			: sm_arena_printf(a, "%s (%s)", in->name, sm_unit_label(in->unit));
		/* The highest and lowest; one value, or the same everywhere, as it is. */
		const char *ex = alt_extremes(t, in, ind, 0, 0);
		if (!ex)
			ex = !one ? "geen cijfers" : total == 1
				? sm_arena_printf(a, "alleen %s %s", alt_area(t, one->area), alt_value(t, in, one->v, 0))
				: sm_arena_printf(a, "overal %s", alt_value(t, in, one->v, 0));
		const char *s = sm_arena_printf(a, "%s: %s", name, ex);
		static const enum sm_judgement js[3] = { SM_J_FAVOURABLE, SM_J_COMPARABLE, SM_J_UNFAVOURABLE };
		const char *sep = "; ";
		for (int k = 0; k < 3; k++)
			if (count[js[k]]) {
				s = sm_arena_printf(a, "%s%s%d %s", s, sep, count[js[k]], sm_judgement_word(lb, js[k]));
				sep = ", ";
			}
		if (total < na)
			s = sm_arena_printf(a, "%s%s%d zonder cijfer", s, sep, na - total);
		say(t, sm_arena_printf(a, "%s.", s));
	}
}

/* ------------------------------------------------------------- entry */

void sm_layout_chart(struct sm_layout *L, const struct sm_block *b)
{
	static const char *const kinds[] = { "a line chart", "a bar chart", "a column chart", "a dot chart", "a heatmap" };
	struct chart c;
	memset(&c, 0, sizeof c);
	c.L = L;
	c.b = b;
	c.w = L->tw;
	c.fs = L->t->small;
	c.grid = (struct sm_color){ 0.86, 0.87, 0.87 };
	c.axis = L->t->muted;
	c.muted = L->t->muted;
	c.text = L->t->text;
	int *areas = sm_arena_alloc(L->a, (size_t)(L->doc->nareas + 1) * sizeof *areas);
	struct sm_area_set as = b->areas;
	int na = sm_block_areas(L, &as, areas);
	int ind = b->nindicators ? b->indicators[0].index : -1;
	int ref = sm_block_reference(L, b);
	if (b->reference.id == NULL && ref < 0 && (b->chart == SM_CHART_BAR || b->chart == SM_CHART_DOT ||
						   b->chart == SM_CHART_HEATMAP) && L->doc->gemeente >= 0)
		ref = L->doc->gemeente;
	int *periods = sm_arena_alloc(L->a, (size_t)(L->data->nper + b->years.n + 2) * sizeof *periods);
	int np = 0;
	if (b->chart == SM_CHART_LINE || b->chart == SM_CHART_COLUMN)
		np = sm_block_periods(L, b, areas, na, periods);
	/* Dot charts and heatmaps show each indicator in its own period. */
	c.per = sm_arena_alloc(L->a, (size_t)(b->nindicators + 1) * sizeof *c.per);
	for (int i = 0; i < b->nindicators; i++)
		c.per[i] = sm_block_period(L, b, b->indicators[i].index, areas, na);
	int common = sm_block_common_period(L, b, areas, na);
	c.mixed = common == -2;
	int empty = ind < 0 || (np == 0 && (b->chart == SM_CHART_LINE || b->chart == SM_CHART_COLUMN)) || !na;
	if (b->chart == SM_CHART_DOT)
		empty = !b->nindicators;
	if (empty) {
		sm_diag(SM_MSG_no_data, &b->pos, kinds[b->chart], "the areas and years it names");
		return;
	}
	/* Title, chart and source stay together: the title the Caption of
	 * the chart's Figure (sm_block_heading), each line of the source and
	 * notes a P after it (sm_block_footnote). */
	sm_flow_space(L, L->t->leading * 0.9);
	const char *title = b->title ? b->title : sm_block_title(L, b);
	int p = b->chart == SM_CHART_BAR ? (b->nindicators ? c.per[0] : -1) : common;
	if (!b->title && (b->chart == SM_CHART_BAR || b->chart == SM_CHART_HEATMAP || b->chart == SM_CHART_DOT) && p >= 0)
		title = sm_arena_printf(L->a, "%s, %s", title, sm_period_label(L->a, p));
	int figure = sm_struct_open(L, SM_S_FIGURE);
	sm_block_heading(L, title ? title : "");
	struct sm_flow_item *box = sm_flow_box(L, 0);
	int box_index = L->flow.n - 1;
	struct sm_items items = { 0 };
	c.it = &items;
	c.ref_area = -1;
	double h = 0;
	struct alt alt = { &c, NULL, 0, 0 };
	switch (b->chart) {
	case SM_CHART_LINE:
		h = line_chart(&c, ind, areas, na, periods, np);
		alt_lines(&alt, ind, areas, na, periods, np);
		break;
	case SM_CHART_BAR:
		h = bar_chart(&c, ind, areas, na, p, ref);
		alt_bars(&alt, ind, na, p);
		break;
	case SM_CHART_COLUMN:
		h = column_chart(&c, ind, areas, na, periods, np);
		alt_lines(&alt, ind, areas, na > 2 ? 2 : na, periods, np);
		break;
	case SM_CHART_DOT:
		h = dot_chart(&c, b->indicators, b->nindicators, ref);
		alt_dots(&alt, title ? title : "", b->indicators, b->nindicators, ref);
		break;
	case SM_CHART_HEATMAP:
		h = heatmap(&c, b->indicators, b->nindicators, areas, na, ref);
		alt_heatmap(&alt, title ? title : "", b->indicators, b->nindicators, na, ref);
		break;
	}
	L->pages->nodes[figure].alt = sm_arena_join(L->a, alt.parts, alt.n, " ");
	box = &L->flow.v[box_index];
	box->items = items;
	box->h = h;
	box->keep_next = 1;
	sm_struct_close(L);
	const char *src = sm_block_sources(L, b->indicators, b->nindicators);
	const char *note = sm_symbols_note(L, &c.sy, NULL);
	if (src || note || b->source || b->note)
		sm_block_footnote(L, src, note);
	else
		L->flow.v[L->flow.n - 1].keep_next = 0;
	sm_flow_space(L, L->t->leading * 0.6);
}
