/* calc.c: indicator computations. Pure functions over the model; nothing
 * here formats or draws. */
#include "calc.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct sm_value missing_cell;

static unsigned hash3(int ind, int area, int period)
{
	uint64_t h = ((uint64_t)(unsigned)ind << 40 ^ (uint64_t)(unsigned)area << 20) * 0x9E3779B97F4A7C15u ^
		     (uint64_t)(unsigned)period;
	/* splitmix64's finaliser: every input bit reaches the low bits. */
	h = (h ^ h >> 30) * 0xBF58476D1CE4E5B9u;
	h = (h ^ h >> 27) * 0x94D049BB133111EBu;
	return (unsigned)(h ^ h >> 31);
}

/* The number of the cell, or -1 when it does not exist. */
static int find(const struct sm_data *d, int ind, int area, int period)
{
	if (!d->nindex)
		return -1;
	for (unsigned i = hash3(ind, area, period) & (d->nindex - 1);; i = (i + 1) & (d->nindex - 1)) {
		int k = d->index[i];
		if (k < 0)
			return -1;
		const struct sm_value *c = &d->cells[k];
		if (c->ind == ind && c->area == area && c->period == period)
			return k;
	}
}

static void index_put(struct sm_data *d, int k)
{
	const struct sm_value *c = &d->cells[k];
	unsigned i = hash3(c->ind, c->area, c->period) & (d->nindex - 1);
	while (d->index[i] >= 0)
		i = (i + 1) & (d->nindex - 1);
	d->index[i] = k;
}

/* The cell to fill: the existing one, or a new missing one. The pointer
 * holds until the next call. */
static struct sm_value *cell_put(struct sm_data *d, int ind, int area, int period)
{
	int k = find(d, ind, area, period);
	if (k >= 0)
		return &d->cells[k];
	if ((unsigned)d->ncells * 2 >= d->nindex) {
		unsigned n = d->nindex ? d->nindex * 2 : 1024;
		d->index = sm_arena_alloc(d->a, (size_t)n * sizeof *d->index);
		memset(d->index, 0xff, (size_t)n * sizeof *d->index);
		d->nindex = n;
		for (int i = 0; i < d->ncells; i++)
			index_put(d, i);
	}
	SM_PUSH(d->a, d->cells, d->ncells, d->capcells, missing_cell);
	struct sm_value *c = &d->cells[d->ncells - 1];
	c->ind = ind;
	c->area = area;
	c->period = period;
	index_put(d, d->ncells - 1);
	return c;
}

/* The cell, or the shared missing one. */
static const struct sm_value *cell(const struct sm_data *d, int ind, int area, int period)
{
	int k = find(d, ind, area, period);
	return k >= 0 ? &d->cells[k] : &missing_cell;
}

/* The position of period in d->periods, or -1. */
static int slot_of(const struct sm_data *d, int period)
{
	int lo = 0, hi = d->nper - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (d->periods[mid] == period)
			return mid;
		if (d->periods[mid] < period)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

const struct sm_value *sm_calc_cell(const struct sm_data *d, int ind, int area, int period)
{
	if (ind < 0 || area < 0 || ind >= d->nind || area >= d->narea)
		return NULL;
	return cell(d, ind, area, period);
}

int sm_calc_has(const struct sm_data *d, int ind, int area, int period, double *v)
{
	const struct sm_value *c = sm_calc_cell(d, ind, area, period);
	if (!c || c->state != SM_V_OK)
		return 0;
	if (v)
		*v = c->v;
	return 1;
}

static int present(const struct sm_value *c) { return c->state != SM_V_MISSING; }

int sm_calc_periods(const struct sm_data *d, int ind, int area, int *out, int max)
{
	int n = 0;
	if (ind < 0 || area < 0)
		return 0;
	for (int s = 0; s < d->nper && n < max; s++)
		if (present(cell(d, ind, area, d->periods[s])))
			out[n++] = d->periods[s];
	return n;
}

int sm_calc_latest(const struct sm_data *d, int ind, int area)
{
	if (ind < 0 || area < 0)
		return -1;
	for (int s = d->nper - 1; s >= 0; s--)
		if (present(cell(d, ind, area, d->periods[s])))
			return d->periods[s];
	return -1;
}

/* An indicator's own latest period: the municipality's, or when the
 * municipality has none, the latest of the areas given. */
int sm_calc_latest_of(const struct sm_data *d, int ind, const int *areas, int na)
{
	if (ind < 0 || ind >= d->nind)
		return -1;
	int p = d->latest_gm[ind];
	for (int k = 0; p < 0 && k < na; k++) {
		int q = sm_calc_latest(d, ind, areas[k]);
		if (q > p)
			p = q;
	}
	return p;
}

int sm_calc_previous(const struct sm_data *d, int ind, int area, int p)
{
	int s = slot_of(d, p);
	if (ind < 0 || area < 0 || s < 0)
		return -1;
	/* A half year compares with the half year before it; a year with the
	 * year before it that has data. */
	int half = SM_PERIOD_HALF(p) != 0;
	for (int k = s - 1; k >= 0; k--)
		if ((SM_PERIOD_HALF(d->periods[k]) != 0) == half && present(cell(d, ind, area, d->periods[k])))
			return d->periods[k];
	return -1;
}

int sm_calc_change_base(const struct sm_data *d, int ind, int area, int p)
{
	const struct sm_doc *doc = d->doc;
	if (doc->has_baseline) {
		int b = SM_PERIOD(doc->baseline, 0);
		if (b < p && sm_calc_cell(d, ind, area, b) && present(sm_calc_cell(d, ind, area, b)))
			return b;
	}
	return sm_calc_previous(d, ind, area, p);
}

double sm_calc_threshold(const struct sm_indicator *ind, double ref)
{
	if (ind->has_threshold)
		return ind->threshold;
	if (ind->unit == SM_UNIT_PERCENT)
		return 2;
	return fabs(ref) * 0.10;
}

enum sm_judgement sm_calc_compare(const struct sm_indicator *ind, double value, double ref)
{
	double diff = value - ref;
	if (ind->polarity == SM_POL_NEUTRAL)
		return diff > 0 ? SM_J_HIGHER : diff < 0 ? SM_J_LOWER : SM_J_COMPARABLE;
	if (fabs(diff) < sm_calc_threshold(ind, ref))
		return SM_J_COMPARABLE;
	int better = ind->polarity == SM_POL_HIGHER ? diff > 0 : diff < 0;
	return better ? SM_J_FAVOURABLE : SM_J_UNFAVOURABLE;
}

enum sm_status sm_calc_indicator_status(const struct sm_data *d, int ind, int area, int p)
{
	const struct sm_indicator *in = &d->doc->indicators[ind];
	double v, prev;
	if (in->polarity == SM_POL_NEUTRAL || p < 0 || !sm_calc_has(d, ind, area, p, &v))
		return SM_STATUS_NO_JUDGEMENT;
	int q = sm_calc_previous(d, ind, area, p);
	int has_prev = q >= 0 && sm_calc_has(d, ind, area, q, &prev);
	int lower = in->polarity == SM_POL_LOWER;
	/* The target is the municipality's: other areas are judged as an
	 * indicator without one, against their previous measurement. */
	if (in->has_target && area == d->doc->gemeente) {
		if (lower ? v <= in->target : v >= in->target)
			return SM_STATUS_ON_TRACK;
		if (has_prev && (lower ? v < prev : v > prev))
			return SM_STATUS_ATTENTION;
		return SM_STATUS_OFF_TRACK;
	}
	if (!has_prev)
		return SM_STATUS_NO_JUDGEMENT;
	double change = v - prev;
	if (change == 0 || (lower ? change < 0 : change > 0))
		return SM_STATUS_ON_TRACK;
	return fabs(change) < sm_calc_threshold(in, prev) ? SM_STATUS_ATTENTION : SM_STATUS_OFF_TRACK;
}

static int severity(enum sm_status s)
{
	return s == SM_STATUS_OFF_TRACK ? 3 : s == SM_STATUS_ATTENTION ? 2 : s == SM_STATUS_ON_TRACK ? 1 : 0;
}

enum sm_status sm_calc_goal_status(const struct sm_data *d, const struct sm_goal *g)
{
	if (g->status != SM_STATUS_AUTO)
		return g->status;
	enum sm_status worst = SM_STATUS_NO_JUDGEMENT;
	for (int i = 0; i < g->nindicators; i++) {
		int ind = g->indicators[i].index;
		if (ind < 0)
			continue;
		int area = d->doc->gemeente;
		enum sm_status s = sm_calc_indicator_status(d, ind, area, sm_calc_latest(d, ind, area));
		if (severity(s) > severity(worst))
			worst = s;
	}
	return worst;
}

int sm_calc_stapeling(const struct sm_data *d, const struct sm_ref *inds, int n, int area, int *judged)
{
	int count = 0;
	*judged = 0;
	int gm = d->doc->gemeente;
	for (int i = 0; i < n; i++) {
		int ind = inds[i].index;
		if (ind < 0)
			continue;
		int p = sm_calc_latest(d, ind, gm);
		double v, ref;
		if (p < 0 || !sm_calc_has(d, ind, area, p, &v) || !sm_calc_has(d, ind, gm, p, &ref))
			continue;
		if (d->doc->indicators[ind].polarity == SM_POL_NEUTRAL)
			continue;
		(*judged)++;
		count += sm_calc_compare(&d->doc->indicators[ind], v, ref) == SM_J_UNFAVOURABLE;
	}
	return count;
}

struct sm_budget sm_calc_budget(const struct sm_chapter *ch)
{
	struct sm_budget b = { 0, 0, 1, 0 };
	for (int i = 0; i < ch->ninterventions; i++) {
		const struct sm_intervention *iv = &ch->interventions[i];
		if (!iv->has_budget)
			continue;
		b.n++;
		b.planned += iv->planned;
		if (iv->has_actual)
			b.actual += iv->actual;
		else
			b.has_actual = 0;
	}
	if (!b.n)
		b.has_actual = 0;
	return b;
}

double sm_calc_realisation(long long planned, long long actual, int has_actual)
{
	if (!has_actual || planned == 0)
		return -1;
	return (double)actual / (double)planned;
}

/* ------------------------------------------------------------ filling */

/* Primary suppression. A count (aggregate: sum) is its own n: a handful
 * of people is hidden, but 0 (nobody) is not. */
static void suppress_small(const struct sm_indicator *in, struct sm_value *c)
{
	if (c->state != SM_V_OK || in->min_n <= 0)
		return;
	if (c->has_n ? c->n < in->min_n : in->sum && c->v > 0 && c->v < in->min_n)
		c->state = SM_V_SUPPRESSED;
}

/* What an area's aggregate lacks, gathered over every period for one
 * warning: the buurten without data (secret ones marked) and the periods. */
struct lack {
	unsigned char *buurt;           /* per area: 1 missing, 2 secret */
	int *periods, nperiods;
	int *list;                      /* the areas marked, for clearing */
	int nlist;
};

static void lack_mark(struct lack *l, int b, int secret)
{
	if (!l->buurt[b])
		l->list[l->nlist++] = b;
	if (l->buurt[b] < 1 + secret)
		l->buurt[b] = (unsigned char)(1 + secret);
}

/* "2019-2021, 2023" */
static void period_ranges(char *out, size_t size, const int *p, int n)
{
	out[0] = 0;
	for (int i = 0; i < n; i++) {
		int j = i;
		while (j + 1 < n && !SM_PERIOD_HALF(p[j]) && !SM_PERIOD_HALF(p[j + 1]) &&
		       SM_PERIOD_YEAR(p[j + 1]) == SM_PERIOD_YEAR(p[j]) + 1)
			j++;
		size_t at = strlen(out);
		if (j > i)
			snprintf(out + at, size - at, "%s%d-%d", i ? ", " : "", SM_PERIOD_YEAR(p[i]), SM_PERIOD_YEAR(p[j]));
		else
			snprintf(out + at, size - at, "%s%d%s", i ? ", " : "", SM_PERIOD_YEAR(p[i]), sm_period_half(p[i]));
		i = j;
	}
}

/* "buurt A", "3 buurten: A, B, C", "14 buurten: A, B, C, D, E and 9 more" */
static void name_list(char *out, size_t size, const char *one, const char *many, const char *const *codes, int n)
{
	enum { SHOWN = 5 };
	if (n == 1) {
		snprintf(out, size, "%s %s", one, codes[0]);
		return;
	}
	snprintf(out, size, "%d %s: ", n, many);
	for (int i = 0; i < n && i < SHOWN; i++) {
		size_t at = strlen(out);
		snprintf(out + at, size - at, "%s%s", i ? ", " : "", codes[i]);
	}
	if (n > SHOWN) {
		size_t at = strlen(out);
		snprintf(out + at, size - at, " and %d more", n - SHOWN);
	}
}

/* One warning for an area's aggregate: whole wijken without data, the
 * buurten without data, the secret ones, and every period affected. */
static void lack_report(struct sm_data *d, struct lack *l, int ind, int area, const int *count)
{
	const struct sm_doc *doc = d->doc;
	if (!l->nlist)
		return;
	struct sm_arena *a = d->a;
	const char **wijken = sm_arena_alloc(a, (size_t)(l->nlist + 1) * sizeof *wijken);
	const char **buurten = sm_arena_alloc(a, (size_t)(l->nlist + 1) * sizeof *buurten);
	const char **secret = sm_arena_alloc(a, (size_t)(l->nlist + 1) * sizeof *secret);
	int nw = 0, nb = 0, ns = 0;
	/* A wijk all of whose buurten lack data is named as the wijk (in the
	 * gemeente's aggregate); its buurten are not listed one by one. */
	int *missing_in = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *missing_in);
	for (int i = 0; i < l->nlist; i++) {
		int w = doc->areas[l->list[i]].parent.index;
		if (w >= 0 && l->buurt[l->list[i]] == 1)
			missing_in[w]++;
	}
	for (int i = 0; i < l->nlist; i++) {
		int b = l->list[i], w = doc->areas[b].parent.index;
		int whole = doc->areas[area].level == SM_LEVEL_GEMEENTE && w >= 0 &&
			    (missing_in[w] == count[w] || missing_in[w] < 0);
		if (whole) {
			if (missing_in[w] > 0) {
				wijken[nw++] = doc->areas[w].code;
				missing_in[w] = -1;     /* named once */
			}
		} else if (l->buurt[b] == 2) {
			secret[ns++] = doc->areas[b].code;
		} else {
			buurten[nb++] = doc->areas[b].code;
		}
		l->buurt[b] = 0;
	}
	qsort(wijken, (size_t)nw, sizeof *wijken, sm_cmp_str);
	qsort(buurten, (size_t)nb, sizeof *buurten, sm_cmp_str);
	qsort(secret, (size_t)ns, sizeof *secret, sm_cmp_str);
	char what[1024] = "", part[400];
	if (nw) {
		name_list(part, sizeof part, "wijk", "wijken", wijken, nw);
		snprintf(what, sizeof what, "%s %s no data for it", part, nw == 1 ? "has" : "have");
	}
	if (nb) {
		name_list(part, sizeof part, "buurt", "buurten", buurten, nb);
		size_t at = strlen(what);
		snprintf(what + at, sizeof what - at, "%s%s %s no %s for it", at ? "; " : "", part, nb == 1 ? "has" : "have",
			 doc->indicators[ind].sum ? "value" : "numerator and denominator");
	}
	if (ns) {
		name_list(part, sizeof part, "buurt", "buurten", secret, ns);
		size_t at = strlen(what);
		snprintf(what + at, sizeof what - at, "%s%s %s secret (.)", at ? "; " : "", part, ns == 1 ? "is" : "are");
	}
	char per[256];
	period_ranges(per, sizeof per, l->periods, l->nperiods);
	struct sm_pos pos = doc->areas[area].pos;
	sm_diag(SM_MSG_aggregate_missing, &pos, doc->indicators[ind].id, doc->areas[area].code, per, what);
	l->nlist = 0;
	l->nperiods = 0;
}

/* A buurt's part in a sum or ratio: 1 when it has one, 0 when it lacks it
 * (secret: it is flagged '.'). */
static int part_of(const struct sm_indicator *in, const struct sm_value *b, int *secret)
{
	*secret = b->flag == SM_FLAG_SECRET;
	int empty = b->has_nd && b->num == 0 && b->den == 0;
	return in->sum ? b->has_v || empty : b->has_nd;
}

/* The aggregate of area A over its buurten, for every period in which the
 * indicator has data: a ratio (the numerators over the denominators) or a
 * sum. A buurt with nothing in it (0 of 0, or a count of 0) adds nothing;
 * a buurt without data, or secret, leaves the aggregate out. */
static void aggregate(struct sm_data *d, int ind, int area, const int *buurten, int nb, const unsigned char *has,
		      struct lack *l, const int *count)
{
	const struct sm_doc *doc = d->doc;
	const struct sm_indicator *in = &doc->indicators[ind];
	for (int s = 0; s < d->nper; s++) {
		int p = d->periods[s];
		const struct sm_value *given = cell(d, ind, area, p);
		if (!has[s] || given->state != SM_V_MISSING || given->flag == SM_FLAG_SECRET || given->has_nd || nb == 0)
			continue;           /* a value the file gives stands, an empty area stays empty */
		double num = 0, den = 0, n = 0;
		int all_n = 1, some = 0, filled = 0, missing = 0, flag = SM_FLAG_NONE;
		for (int k = 0; k < nb; k++) {
			const struct sm_value *b = cell(d, ind, buurten[k], p);
			int secret;
			if (!part_of(in, b, &secret)) {
				missing = 1;
				continue;
			}
			some |= b->has_v || b->has_nd;
			filled |= b->has_v || (b->has_nd && b->den != 0);
			num += in->sum ? b->v : b->num;
			den += in->sum ? 0 : b->den;
			if (b->has_n)
				n += b->n;
			else
				all_n = 0;
			/* A sum of provisional figures is provisional. */
			if (b->flag == SM_FLAG_PROVISIONAL || (b->flag == SM_FLAG_REVISED && flag != SM_FLAG_PROVISIONAL))
				flag = b->flag;
		}
		if (!some)
			continue;           /* no data at all: nothing left out */
		if (missing) {
			for (int k = 0; k < nb; k++) {
				int secret;
				if (!part_of(in, cell(d, ind, buurten[k], p), &secret))
					lack_mark(l, buurten[k], secret);
			}
			l->periods[l->nperiods++] = p;
			continue;
		}
		if (!filled || (!in->sum && den == 0))
			continue;           /* only empty buurten: the area is empty too */
		struct sm_value *c = cell_put(d, ind, area, p);
		c->state = SM_V_OK;
		if (in->sum) {
			c->v = num;
			c->has_v = 1;
		} else {
			c->v = num / den * sm_unit_factor(in->unit);
			c->num = num;
			c->den = den;
			c->has_nd = 1;
		}
		c->computed = 1;
		c->flag = (unsigned char)flag;
		if (all_n) {
			c->n = n;
			c->has_n = 1;
		}
		suppress_small(in, c);
	}
	lack_report(d, l, ind, area, count);
}

/* --------------------------------------------------- secondary suppression
 *
 * A reader who knows the public denominators turns every printed value
 * into its numerator (within rounding), and every parent = sum of its
 * children into an equation. A hidden cell is protected when the interval
 * of numerators it could have, given everything printed, is at least
 * min-n wide (or, when its denominator is smaller, the whole of 0 to its
 * denominator). For one indicator and period the relations form a tree
 * (gemeente = its wijken, wijk = its buurten), and on a tree the bounds
 * that propagate through the equations are exactly those a linear
 * programme finds. While a hidden cell is not protected, one more printed
 * cell is hidden: the first, in the fixed cost order, that widens its
 * interval. Printed values are taken as exact here, so the reader, who
 * sees them rounded, can only know less. */

enum { N_FIXED, N_HIDDEN, N_FREE };

struct snode {
	const char *code;
	int area, parent, level;        /* parent: node number, -1 for the root */
	int kids, nkids;                /* node numbers kids .. kids+nkids-1 */
	int kind, hops;
	double x, den, cap, lo, hi;
	int has_den;
	struct sm_value *c;             /* the cell, NULL when there is none */
};

struct stree {
	struct snode *n;
	int nn;
	double min_n;
	int percent;
};

static void widen(struct stree *t, int k)
{
	struct snode *m = &t->n[k];
	if (m->kind == N_FIXED) {
		m->lo = m->hi = m->x;
	} else {
		m->lo = 0;
		m->hi = m->cap;
	}
}

/* Bounds on every unknown numerator, from the equations, until they hold. */
static void propagate(struct stree *t)
{
	for (int k = 0; k < t->nn; k++)
		widen(t, k);
	for (int pass = 0; pass < 64; pass++) {
		int changed = 0;
		for (int k = 0; k < t->nn; k++) {
			struct snode *p = &t->n[k];
			if (!p->nkids)
				continue;
			double slo = 0, shi = 0;
			int inf = 0;
			for (int j = p->kids; j < p->kids + p->nkids; j++) {
				slo += t->n[j].lo;
				if (isinf(t->n[j].hi))
					inf++;
				else
					shi += t->n[j].hi;
			}
			if (p->kind != N_FIXED) {
				if (slo > p->lo + 1e-9) {
					p->lo = slo;
					changed = 1;
				}
				if (!inf && shi < p->hi - 1e-9) {
					p->hi = shi;
					changed = 1;
				}
			}
			for (int j = p->kids; j < p->kids + p->nkids; j++) {
				struct snode *q = &t->n[j];
				if (q->kind == N_FIXED)
					continue;
				/* The others at their most and their least. */
				int others_inf = inf - isinf(q->hi);
				double ohi = others_inf ? INFINITY : shi - (isinf(q->hi) ? 0 : q->hi);
				double olo = slo - q->lo;
				double lo = p->lo - ohi, hi = p->hi - olo;
				if (lo > q->lo + 1e-9) {
					q->lo = lo;
					changed = 1;
				}
				if (hi < q->hi - 1e-9) {
					q->hi = hi;
					changed = 1;
				}
			}
		}
		if (!changed)
			break;
	}
}

static double need(const struct stree *t, const struct snode *m)
{
	double want = t->min_n > 1 ? t->min_n : 1;
	return m->cap < want ? m->cap : want;
}

static int exposed(const struct stree *t, const struct snode *m)
{
	return m->kind == N_HIDDEN && m->hi - m->lo < need(t, m) - 1e-7;
}

/* The cost order: buurten before wijken, the gemeente last; then the
 * smallest denominator; then the code. */
static int cheaper(const struct snode *a, const struct snode *b)
{
	if (a->level != b->level)
		return a->level > b->level;     /* SM_LEVEL_BUURT is the highest */
	if (a->den != b->den)
		return a->den < b->den;
	return strcmp(a->code, b->code) < 0;
}

/* The nodes qsort compares (the engine runs one build at a time). */
static const struct snode *sort_nodes;

static int cmp_cost(const void *x, const void *y)
{
	const struct snode *a = &sort_nodes[*(const int *)x], *b = &sort_nodes[*(const int *)y];
	return cheaper(a, b) ? -1 : cheaper(b, a) ? 1 : 0;
}

/* Steps through the equations from node k to every other node. */
static void hops_from(struct stree *t, int k, int *queue)
{
	for (int i = 0; i < t->nn; i++)
		t->n[i].hops = -1;
	int head = 0, tail = 0;
	t->n[k].hops = 0;
	queue[tail++] = k;
	while (head < tail) {
		int u = queue[head++];
		const struct snode *m = &t->n[u];
		int nb[3][2] = { { m->kids, m->nkids }, { -1, 0 }, { -1, 0 } };
		if (m->parent >= 0) {
			nb[1][0] = m->parent;
			nb[1][1] = 1;
			nb[2][0] = t->n[m->parent].kids;
			nb[2][1] = t->n[m->parent].nkids;
		}
		for (int g = 0; g < 3; g++)
			for (int v = nb[g][0]; v >= 0 && v < nb[g][0] + nb[g][1]; v++)
				if (t->n[v].hops < 0) {
					t->n[v].hops = m->hops + 1;
					queue[tail++] = v;
				}
	}
}

/* Hides printed cells until every hidden cell of the tree is protected.
 * The cell hidden next is the first in the cost order whose hiding widens
 * the exposed cell's interval; when no single one does (the interval is
 * pinned from two sides), the nearest in steps through the equations,
 * which opens the way for the next. The gemeente is hidden only when
 * nothing else is left. */
static void protect_tree(struct stree *t, int *queue)
{
	/* The nodes in the cost order, once: queue[nn .. 2nn-1]. */
	int *by_cost = queue + t->nn;
	for (int k = 0; k < t->nn; k++)
		by_cost[k] = k;
	sort_nodes = t->n;
	qsort(by_cost, (size_t)t->nn, sizeof *by_cost, cmp_cost);
	for (;;) {
		propagate(t);
		int v = -1;
		for (int i = 0; i < t->nn && v < 0; i++)
			if (exposed(t, &t->n[by_cost[i]]))
				v = by_cost[i];
		if (v < 0)
			return;
		/* The candidates in the cost order: printed cells, not the gemeente. */
		int nc = 0, gm = -1;
		for (int i = 0; i < t->nn; i++) {
			int k = by_cost[i];
			const struct snode *m = &t->n[k];
			if (m->kind != N_FIXED || !m->c || m->c->state != SM_V_OK)
				continue;
			if (m->level == SM_LEVEL_GEMEENTE)
				gm = k;
			else
				queue[nc++] = k;
		}
		int pick = -1;
		double before = t->n[v].hi - t->n[v].lo;
		for (int i = 0; i < nc && i < 256 && pick < 0; i++) {
			struct snode *m = &t->n[queue[i]];
			m->kind = N_HIDDEN;
			propagate(t);
			if (t->n[v].hi - t->n[v].lo > before + 1e-7)
				pick = queue[i];
			m->kind = N_FIXED;
		}
		if (pick < 0 && nc) {
			hops_from(t, v, queue + 2 * t->nn);
			for (int i = 0; i < nc; i++)
				if (t->n[queue[i]].hops >= 0 && (pick < 0 || t->n[queue[i]].hops < t->n[pick].hops))
					pick = queue[i];
		}
		if (pick < 0)
			pick = gm;
		if (pick < 0)
			return;             /* everything is hidden already */
		t->n[pick].kind = N_HIDDEN;
		t->n[pick].c->state = SM_V_SUPPRESSED;
		t->n[pick].c->secondary = 1;
	}
}

/* One node per area of the gemeente's tree, for indicator ind in period p. */
static void add_node(struct sm_data *d, struct stree *t, int ind, int area, int parent, int p)
{
	struct snode *m = &t->n[t->nn++];
	memset(m, 0, sizeof *m);
	m->area = area;
	m->code = d->doc->areas[area].code;
	m->parent = parent;
	m->level = d->doc->areas[area].level;
	int k = find(d, ind, area, p);
	m->c = k >= 0 ? &d->cells[k] : NULL;
	if (m->c && m->c->has_nd) {
		m->den = m->c->den;
		m->has_den = 1;
	}
}

static void classify(const struct sm_data *d, struct stree *t, int k, int ind)
{
	struct snode *m = &t->n[k];
	if (!m->has_den && m->nkids) {
		/* A parent without its own denominator has its children's. */
		double den = 0;
		int all = 1;
		for (int j = m->kids; j < m->kids + m->nkids; j++) {
			den += t->n[j].den;
			all &= t->n[j].has_den;
		}
		m->den = den;
		m->has_den = all;
	}
	const struct sm_value *c = m->c;
	if (d->doc->indicators[ind].sum) {
		/* A count is its own numerator, with no bound above. */
		m->cap = INFINITY;
		m->den = c && c->has_v ? c->v : 0;      /* for the cost order only */
		m->kind = c && c->state == SM_V_SUPPRESSED ? N_HIDDEN : c && c->state == SM_V_OK ? N_FIXED : N_FREE;
		m->x = c && c->state == SM_V_OK ? c->v : 0;
		if (c && c->state == SM_V_MISSING && c->has_nd && c->den == 0)
			m->kind = N_FIXED;          /* empty: nothing in it */
		return;
	}
	double factor = sm_unit_factor(d->doc->indicators[ind].unit);
	m->cap = t->percent && m->has_den ? m->den : INFINITY;
	m->kind = N_FREE;
	if (c && c->state == SM_V_SUPPRESSED) {
		m->kind = N_HIDDEN;
	} else if (c && c->state == SM_V_OK && (c->has_nd || m->has_den)) {
		m->kind = N_FIXED;
		m->x = c->has_nd ? c->num : c->v * m->den / factor;
	} else if (c && c->has_nd && c->den == 0) {
		m->kind = N_FIXED;          /* empty: nothing in it */
		m->x = 0;
	}
}

/* Protects every hidden cell of every gemeente's tree, per indicator and
 * period. */
static void protect_trees(struct sm_data *d, struct sm_arena *a)
{
	const struct sm_doc *doc = d->doc;
	/* Which indicator and period have a hidden cell in a gemeente's tree. */
	unsigned char *todo = sm_arena_alloc(a, (size_t)d->nind * (size_t)d->nper + 1);
	int any = 0;
	for (int k = 0; k < d->ncells; k++) {
		const struct sm_value *c = &d->cells[k];
		enum sm_area_level lv = doc->areas[c->area].level;
		if (c->state == SM_V_SUPPRESSED && lv >= SM_LEVEL_GEMEENTE) {
			todo[(size_t)c->ind * (size_t)d->nper + (size_t)slot_of(d, c->period)] = 1;
			any = 1;
		}
	}
	if (!any)
		return;
	/* The trees: each gemeente, its wijken, their buurten. */
	int *kids = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *kids);
	int *nkids = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *nkids);
	int *order = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *order);
	for (int i = 0; i < d->narea; i++)
		if (doc->areas[i].parent.index >= 0)
			nkids[doc->areas[i].parent.index]++;
	int at = 0;
	for (int i = 0; i < d->narea; i++) {
		kids[i] = at;
		at += nkids[i];
		nkids[i] = 0;
	}
	for (int i = 0; i < d->narea; i++) {
		int p = doc->areas[i].parent.index;
		if (p >= 0)
			order[kids[p] + nkids[p]++] = i;
	}
	struct stree t = { 0 };
	t.n = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *t.n);
	int *queue = sm_arena_alloc(a, 3 * (size_t)(d->narea + 1) * sizeof *queue);
	for (int ind = 0; ind < d->nind; ind++) {
		const struct sm_indicator *in = &doc->indicators[ind];
		t.min_n = in->min_n;
		t.percent = in->unit == SM_UNIT_PERCENT;
		for (int s = 0; s < d->nper; s++) {
			if (!todo[(size_t)ind * (size_t)d->nper + (size_t)s])
				continue;
			int p = d->periods[s];
			for (int g = 0; g < d->narea; g++) {
				if (doc->areas[g].level != SM_LEVEL_GEMEENTE || !nkids[g])
					continue;
				/* Breadth first: the gemeente, its wijken, their buurten,
				 * so that each node's children are consecutive. */
				t.nn = 0;
				add_node(d, &t, ind, g, -1, p);
				for (int k = 0; k < t.nn; k++) {
					int area = t.n[k].area;
					t.n[k].kids = t.nn;
					t.n[k].nkids = nkids[area];
					for (int j = 0; j < nkids[area]; j++)
						add_node(d, &t, ind, order[kids[area] + j], k, p);
				}
				int hidden = 0;
				for (int k = t.nn - 1; k >= 0; k--) {
					classify(d, &t, k, ind);
					hidden |= t.n[k].kind == N_HIDDEN;
				}
				if (hidden)
					protect_tree(&t, queue);
			}
		}
	}
}

static int indicator_of(const struct sm_doc *doc, const char *id)
{
	for (int i = 0; i < doc->nindicators; i++)
		if (!strcmp(doc->indicators[i].id, id))
			return i;
	return -1;
}

/* The CBS column an indicator's count comes from: its numerator, or the
 * value of a count that is summed (aggregate: sum); NULL when none. */
static const char *numerator_column(const struct sm_doc *doc, const struct sm_cbs_column *m)
{
	int ind = indicator_of(doc, m->indicator.id);
	if (ind < 0)
		return NULL;
	if (m->col[SM_CBS_NUM])
		return m->col[SM_CBS_NUM];
	return doc->indicators[ind].sum ? m->col[SM_CBS_VALUE] : NULL;
}

static int group_root(int *group, int i)
{
	while (group[i] != i)
		i = group[i];
	return i;
}

/* Indicators whose counts are the same data: the same CBS column of the
 * same file as the numerator of one and the numerator (or the summed
 * value) of another. group[ind] is the first indicator of its group;
 * returns whether any two are linked. Observation files (CSV) cannot show
 * that two indicators count the same people: FORMAT.md asks for one
 * indicator per numerator there. */
static int numerator_groups(const struct sm_doc *doc, int *group)
{
	int linked = 0;
	for (int i = 0; i < doc->nindicators; i++)
		group[i] = i;
	for (int s = 0; s < doc->nobservation_files && doc->obs_sources; s++) {
		const struct sm_obs_source *src = &doc->obs_sources[s];
		for (int k = 0; src->cbs && k < src->ncolumns; k++) {
			const char *col = numerator_column(doc, &src->columns[k]);
			if (!col)
				continue;
			int a = indicator_of(doc, src->columns[k].indicator.id);
			for (int s2 = s; s2 < doc->nobservation_files; s2++) {
				const struct sm_obs_source *o = &doc->obs_sources[s2];
				if (!o->cbs || strcmp(o->file, src->file))
					continue;
				for (int k2 = s2 == s ? k + 1 : 0; k2 < o->ncolumns; k2++) {
					const char *c2 = numerator_column(doc, &o->columns[k2]);
					int b = indicator_of(doc, o->columns[k2].indicator.id);
					if (!c2 || strcmp(c2, col) || b == a)
						continue;
					int ra = group_root(group, a), rb = group_root(group, b);
					if (ra != rb) {
						group[ra > rb ? ra : rb] = ra < rb ? ra : rb;
						linked = 1;
					}
				}
			}
		}
	}
	for (int i = 0; i < doc->nindicators; i++)
		group[i] = group_root(group, i);
	return linked;
}

/* Hides in each linked indicator what is hidden in any of them, in the
 * gemeente's trees; returns whether it hid anything. */
static int hide_linked(struct sm_data *d, const int *group)
{
	int changed = 0;
	for (int k = 0; k < d->ncells; k++) {
		const struct sm_value *c = &d->cells[k];
		if (c->state != SM_V_SUPPRESSED || d->doc->areas[c->area].level < SM_LEVEL_GEMEENTE)
			continue;
		for (int j = 0; j < d->nind; j++) {
			if (j == c->ind || group[j] != group[c->ind])
				continue;
			int q = find(d, j, c->area, c->period);
			if (q >= 0 && d->cells[q].state == SM_V_OK) {
				d->cells[q].state = SM_V_SUPPRESSED;
				d->cells[q].secondary = 1;
				changed = 1;
			}
		}
	}
	return changed;
}

/* Secondary suppression: every tree protected on its own, then what one
 * of a group of indicators with the same counts hides is hidden in all of
 * them, and the trees are protected again, until nothing changes (each
 * round hides more, so it ends). */
static void secondary_suppression(struct sm_data *d, struct sm_arena *a)
{
#ifdef SM_TEST_NO_SECONDARY
	/* Only in the test binary build/test/sociale-monitor-nosecondary:
	 * shows that the audit catches what this stage prevents. No switch
	 * in the released program turns the protection off. */
	(void)d;
	(void)a;
	return;
#endif
	int *group = sm_arena_alloc(a, (size_t)(d->nind + 1) * sizeof *group);
	int linked = numerator_groups(d->doc, group);
	do
		protect_trees(d, a);
	while (linked && hide_linked(d, group));
}

static void derive(struct sm_data *d, int ind, int *done)
{
	const struct sm_indicator *in = &d->doc->indicators[ind];
	int a = in->numerator.index, b = in->denominator.index;
	if (a < 0 || b < 0 || !done[a] || !done[b])
		return;
	/* Every cell of the numerator's indicator; cell_put may move them. */
	int n = d->ncells;
	for (int k = 0; k < n; k++) {
		if (d->cells[k].ind != a)
			continue;
		int area = d->cells[k].area, p = d->cells[k].period;
		if (cell(d, ind, area, p)->state != SM_V_MISSING)
			continue;
		struct sm_value x = d->cells[k], y = *cell(d, b, area, p);
		if (x.state == SM_V_MISSING || y.state == SM_V_MISSING)
			continue;
		if (x.state == SM_V_SUPPRESSED || y.state == SM_V_SUPPRESSED) {
			struct sm_value *c = cell_put(d, ind, area, p);
			c->state = SM_V_SUPPRESSED;
			c->computed = 1;
			continue;
		}
		if (y.v == 0)
			continue;
		struct sm_value *c = cell_put(d, ind, area, p);
		c->state = SM_V_OK;
		c->v = x.v / y.v * in->factor;
		c->num = x.v;
		c->den = y.v;
		c->has_nd = 1;
		c->computed = 1;
	}
	done[ind] = 1;
}

int sm_calc(struct sm_arena *a, const struct sm_doc *doc, struct sm_data *d)
{
	memset(d, 0, sizeof *d);
	d->doc = doc;
	d->a = a;
	d->nind = doc->nindicators;
	d->narea = doc->nareas;
	d->latest_gm = sm_arena_alloc(a, (size_t)(d->nind + 1) * sizeof *d->latest_gm);
	/* The periods that occur. */
	d->periods = sm_arena_alloc(a, (size_t)(doc->nobs + 1) * sizeof *d->periods);
	for (int i = 0; i < doc->nobs; i++)
		d->periods[i] = doc->obs[i].period;
	qsort(d->periods, (size_t)doc->nobs, sizeof *d->periods, sm_cmp_int);
	for (int i = 0; i < doc->nobs; i++)
		if (!d->nper || d->periods[d->nper - 1] != d->periods[i])
			d->periods[d->nper++] = d->periods[i];
	/* Per indicator, the periods in which it has an observation. */
	unsigned char *has = sm_arena_alloc(a, (size_t)d->nind * (size_t)d->nper + 1);
	for (int i = 0; i < doc->nobs; i++) {
		const struct sm_obs *o = &doc->obs[i];
		const struct sm_indicator *in = &doc->indicators[o->indicator];
		has[(size_t)o->indicator * (size_t)d->nper + (size_t)slot_of(d, o->period)] = 1;
		struct sm_value *c = cell_put(d, o->indicator, o->area, o->period);
		c->flag = (unsigned char)o->flag;
		if ((o->has & SM_HAS_NUM) && (o->has & SM_HAS_DEN)) {
			c->num = o->num;
			c->den = o->den;
			c->has_nd = 1;
		}
		if (o->has & SM_HAS_N) {
			c->n = o->n;
			c->has_n = 1;
		}
		if ((o->has & SM_HAS_LOWER) && (o->has & SM_HAS_UPPER)) {
			c->lower = o->lower;
			c->upper = o->upper;
			c->has_ci = 1;
		}
		if (o->has & SM_HAS_VALUE) {
			c->v = o->value;
			c->has_v = 1;
			c->state = SM_V_OK;
		} else if (c->has_nd && o->den != 0) {
			c->v = o->num / o->den * sm_unit_factor(in->unit);
			c->state = SM_V_OK;
		}
		if (o->flag == SM_FLAG_SECRET)
			c->state = SM_V_SUPPRESSED;
		suppress_small(in, c);
	}
	/* Buurten per wijk and per gemeente, once. */
	int *first = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *first);
	int *count = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *count);
	int total = 0;
	for (int b = 0; b < d->narea; b++) {
		const struct sm_area *bu = &doc->areas[b];
		if (bu->level != SM_LEVEL_BUURT || bu->parent.index < 0)
			continue;
		count[bu->parent.index]++;
		if (doc->areas[bu->parent.index].parent.index >= 0)
			count[doc->areas[bu->parent.index].parent.index]++;
	}
	for (int area = 0; area < d->narea; area++) {
		first[area] = total;
		total += count[area];
		count[area] = 0;
	}
	int *members = sm_arena_alloc(a, (size_t)(total + 1) * sizeof *members);
	for (int b = 0; b < d->narea; b++) {
		const struct sm_area *bu = &doc->areas[b];
		if (bu->level != SM_LEVEL_BUURT || bu->parent.index < 0)
			continue;
		int w = bu->parent.index, g = doc->areas[w].parent.index;
		members[first[w] + count[w]++] = b;
		if (g >= 0)
			members[first[g] + count[g]++] = b;
	}
	/* The buurten of each wijk, for naming a wijk without data. */
	int *nbuurten = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *nbuurten);
	for (int area = 0; area < d->narea; area++)
		if (doc->areas[area].level == SM_LEVEL_WIJK)
			nbuurten[area] = count[area];
	struct lack l = { 0 };
	l.buurt = sm_arena_alloc(a, (size_t)(d->narea + 1));
	l.list = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *l.list);
	l.periods = sm_arena_alloc(a, (size_t)(d->nper + 1) * sizeof *l.periods);
	for (int ind = 0; ind < d->nind; ind++) {
		if (!doc->indicators[ind].ratio && !doc->indicators[ind].sum)
			continue;
		for (int area = 0; area < d->narea; area++) {
			enum sm_area_level lv = doc->areas[area].level;
			if (lv == SM_LEVEL_WIJK || lv == SM_LEVEL_GEMEENTE)
				aggregate(d, ind, area, members + first[area], count[area], has + (size_t)ind * (size_t)d->nper,
					  &l, nbuurten);
		}
	}
	secondary_suppression(d, a);
	/* Derived indicators, in as many passes as their formulas need. */
	int *done = sm_arena_alloc(a, (size_t)(d->nind + 1) * sizeof *done);
	for (int ind = 0; ind < d->nind; ind++)
		done[ind] = !doc->indicators[ind].derived;
	for (int pass = 0; pass < d->nind; pass++)
		for (int ind = 0; ind < d->nind; ind++)
			if (!done[ind])
				derive(d, ind, done);
	for (int ind = 0; ind < d->nind; ind++)
		d->latest_gm[ind] = doc->gemeente >= 0 ? sm_calc_latest(d, ind, doc->gemeente) : -1;
	d->a = NULL;
	return 0;
}
