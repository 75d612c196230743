/* calc.c: indicator computations. Pure functions over the model; nothing
 * here formats or draws. */
#include "calc.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static struct sm_value *cell(const struct sm_data *d, int ind, int area, int slot)
{
	return &d->cells[((size_t)ind * (size_t)d->narea + (size_t)area) * (size_t)d->nper + (size_t)slot];
}

static int slot_of(const struct sm_data *d, int period)
{
	int y = SM_PERIOD_YEAR(period) - d->first_year;
	if (y < 0 || y >= d->nyears)
		return -1;
	return y * 3 + SM_PERIOD_HALF(period);
}

static int period_of(const struct sm_data *d, int slot)
{
	return SM_PERIOD(d->first_year + slot / 3, slot % 3);
}

const struct sm_value *sm_calc_cell(const struct sm_data *d, int ind, int area, int period)
{
	if (ind < 0 || area < 0 || ind >= d->nind || area >= d->narea)
		return NULL;
	int s = slot_of(d, period);
	return s < 0 ? NULL : cell(d, ind, area, s);
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
		if (present(cell(d, ind, area, s)))
			out[n++] = period_of(d, s);
	return n;
}

int sm_calc_latest(const struct sm_data *d, int ind, int area)
{
	if (ind < 0 || area < 0)
		return -1;
	for (int s = d->nper - 1; s >= 0; s--)
		if (present(cell(d, ind, area, s)))
			return period_of(d, s);
	return -1;
}

int sm_calc_previous(const struct sm_data *d, int ind, int area, int p)
{
	int s = slot_of(d, p);
	if (ind < 0 || area < 0 || s < 0)
		return -1;
	/* A half year compares with the half year before it; a year with the
	 * year before it that has data. */
	int half = s % 3 != 0;
	for (int k = s - 1; k >= 0; k--)
		if ((k % 3 != 0) == half && present(cell(d, ind, area, k)))
			return period_of(d, k);
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
	if (in->has_target) {
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

static void suppress_small(const struct sm_indicator *in, struct sm_value *c)
{
	if (c->state == SM_V_OK && in->min_n > 0 && c->has_n && c->n < in->min_n)
		c->state = SM_V_SUPPRESSED;
}

/* A ratio aggregate of area A over its buurten, for every period. */
static void aggregate(struct sm_data *d, int ind, int area, const int *buurten, int nb)
{
	const struct sm_doc *doc = d->doc;
	const struct sm_indicator *in = &doc->indicators[ind];
	int warned = 0;
	for (int s = 0; s < d->nper; s++) {
		struct sm_value *c = cell(d, ind, area, s);
		if (c->state != SM_V_MISSING || c->flag == SM_FLAG_SECRET || nb == 0)
			continue;           /* a value the file gives stands */
		double num = 0, den = 0, n = 0;
		int all_n = 1, some = 0, missing = -1, suppressed = 0, flag = SM_FLAG_NONE;
		for (int k = 0; k < nb; k++) {
			const struct sm_value *b = cell(d, ind, buurten[k], s);
			if (!b->has_nd) {
				if (missing < 0)
					missing = buurten[k];
				continue;
			}
			some = 1;
			num += b->num;
			den += b->den;
			if (b->has_n)
				n += b->n;
			else
				all_n = 0;
			suppressed += b->state == SM_V_SUPPRESSED;
			/* A sum of provisional figures is provisional. */
			if (b->flag == SM_FLAG_PROVISIONAL || (b->flag == SM_FLAG_REVISED && flag != SM_FLAG_PROVISIONAL))
				flag = b->flag;
		}
		if (!some)
			continue;
		if (missing >= 0) {
			if (!warned++) {
				int p = period_of(d, s);
				char per[16];
				snprintf(per, sizeof per, "%d%s", SM_PERIOD_YEAR(p),
					 SM_PERIOD_HALF(p) ? (SM_PERIOD_HALF(p) == 1 ? "-H1" : "-H2") : "");
				struct sm_pos pos = { doc->areas_file, doc->areas[missing].pos.line, 1 };
				sm_diag(SM_MSG_aggregate_missing, &pos, in->id, doc->areas[area].code, per,
					doc->areas[missing].code);
			}
			continue;
		}
		if (den == 0)
			continue;
		c->state = SM_V_OK;
		c->v = num / den * sm_unit_factor(in->unit);
		c->num = num;
		c->den = den;
		c->has_nd = 1;
		c->computed = 1;
		c->flag = (unsigned char)flag;
		if (all_n) {
			c->n = n;
			c->has_n = 1;
		}
		/* With exactly one buurt suppressed, the aggregate minus the
		 * others would reveal it. */
		if (suppressed == 1)
			c->state = SM_V_SUPPRESSED;
		suppress_small(in, c);
	}
}

static void derive(struct sm_data *d, int ind, int *done)
{
	const struct sm_indicator *in = &d->doc->indicators[ind];
	int a = in->numerator.index, b = in->denominator.index;
	if (a < 0 || b < 0 || !done[a] || !done[b])
		return;
	for (int area = 0; area < d->narea; area++)
		for (int s = 0; s < d->nper; s++) {
			struct sm_value *c = cell(d, ind, area, s);
			if (c->state != SM_V_MISSING)
				continue;
			const struct sm_value *x = cell(d, a, area, s), *y = cell(d, b, area, s);
			if (x->state == SM_V_MISSING || y->state == SM_V_MISSING)
				continue;
			if (x->state == SM_V_SUPPRESSED || y->state == SM_V_SUPPRESSED) {
				c->state = SM_V_SUPPRESSED;
				c->computed = 1;
				continue;
			}
			if (y->v == 0)
				continue;
			c->state = SM_V_OK;
			c->v = x->v / y->v * in->factor;
			c->num = x->v;
			c->den = y->v;
			c->has_nd = 1;
			c->computed = 1;
		}
	done[ind] = 1;
}

int sm_calc(struct sm_arena *a, const struct sm_doc *doc, struct sm_data *d)
{
	memset(d, 0, sizeof *d);
	d->doc = doc;
	d->nind = doc->nindicators;
	d->narea = doc->nareas;
	d->first_year = doc->first_year;
	d->nyears = doc->nobs ? doc->last_year - doc->first_year + 1 : 0;
	d->nper = d->nyears * 3;
	d->cells = sm_arena_alloc(a, (size_t)(d->nind ? d->nind : 1) * (size_t)(d->narea ? d->narea : 1) *
					(size_t)(d->nper ? d->nper : 1) * sizeof *d->cells);
	d->latest_gm = sm_arena_alloc(a, (size_t)(d->nind + 1) * sizeof *d->latest_gm);
	for (int i = 0; i < doc->nobs; i++) {
		const struct sm_obs *o = &doc->obs[i];
		const struct sm_indicator *in = &doc->indicators[o->indicator];
		struct sm_value *c = cell(d, o->indicator, o->area, slot_of(d, o->period));
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
			c->state = SM_V_OK;
		} else if (c->has_nd && o->den != 0) {
			c->v = o->num / o->den * sm_unit_factor(in->unit);
			c->state = SM_V_OK;
		}
		if (o->flag == SM_FLAG_SECRET)
			c->state = SM_V_SUPPRESSED;
		suppress_small(in, c);
	}
	/* Buurten per wijk and per gemeente. */
	int *members = sm_arena_alloc(a, (size_t)(d->narea + 1) * sizeof *members);
	for (int ind = 0; ind < d->nind; ind++) {
		if (!doc->indicators[ind].ratio)
			continue;
		for (int area = 0; area < d->narea; area++) {
			const struct sm_area *ar = &doc->areas[area];
			if (ar->level != SM_LEVEL_WIJK && ar->level != SM_LEVEL_GEMEENTE)
				continue;
			int nb = 0;
			for (int b = 0; b < d->narea; b++) {
				const struct sm_area *bu = &doc->areas[b];
				if (bu->level != SM_LEVEL_BUURT || bu->parent.index < 0)
					continue;
				int wijk = bu->parent.index;
				if (wijk == area || (ar->level == SM_LEVEL_GEMEENTE && doc->areas[wijk].parent.index == area))
					members[nb++] = b;
			}
			aggregate(d, ind, area, members, nb);
		}
	}
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
	return 0;
}
