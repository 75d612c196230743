/* layout_block.c: what tables and charts share about a block of figures,
 * below both: which areas, periods and reference area a block shows, its
 * title when it has none and its sources; and a value as printed, with
 * its unit and the symbols it used. Builds no boxes. */
#include "layout.h"
#include "numfmt.h"
#include "strmap.h"
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------- values */

/* A value as printed: the number (bare in table cells, with its unit
 * elsewhere) and its flag's mark; '.' when suppressed or secret, '-' for
 * nihil, empty when there is no observation. sy (may be NULL) collects the
 * symbols used, for the line that explains them. */
const char *sm_value_text(struct sm_layout *L, const struct sm_indicator *in, const struct sm_value *c, int unit,
			  struct sm_symbols *sy)
{
	if (!c || c->state == SM_V_MISSING)
		return "";
	if (c->state == SM_V_SUPPRESSED) {
		if (sy)
			sy->unknown = 1;
		return ".";
	}
	if (c->flag == SM_FLAG_NIL && c->v == 0) {
		if (sy)
			sy->nil = 1;
		return "-";
	}
	const char *s = unit ? sm_with_unit(L, in, c->v) : sm_fmt_num(L->a, c->v, in->decimals, 1);
	if (c->flag == SM_FLAG_PROVISIONAL) {
		if (sy)
			sy->provisional = 1;
		return sm_arena_printf(L->a, "%s*", s);
	}
	if (c->flag == SM_FLAG_REVISED) {
		if (sy)
			sy->revised = 1;
		return sm_arena_printf(L->a, "%s**", s);
	}
	return s;
}

/* A value with its unit, for running text: "3,7%", "12,3 per 1.000", "€ 1.250". */
const char *sm_with_unit(struct sm_layout *L, const struct sm_indicator *in, double v)
{
	const char *n = sm_fmt_num(L->a, v, in->decimals, 1);
	switch (in->unit) {
	case SM_UNIT_PERCENT: return sm_arena_printf(L->a, "%s%%", n);
	case SM_UNIT_PER_1000: return sm_arena_printf(L->a, "%s per\xC2\xA0" "1.000", n);
	case SM_UNIT_PER_10000: return sm_arena_printf(L->a, "%s per\xC2\xA0" "10.000", n);
	case SM_UNIT_EURO: return sm_fmt_euro(L->a, v, in->decimals);
	case SM_UNIT_YEARS: return sm_arena_printf(L->a, "%s jaar", n);
	default: return n;
	}
}

const char *sm_symbols_note(struct sm_layout *L, const struct sm_symbols *sy, const char *extra)
{
	const char *const *lb = L->t->labels;
	char *s = NULL;
#define ADD(str) s = s ? sm_arena_printf(L->a, "%s; %s", s, str) : sm_arena_strdup(L->a, str)
	if (sy->unknown)
		ADD(sm_arena_printf(L->a, ". = %s", lb[SM_LABEL_sym_unknown]));
	if (sy->provisional)
		ADD(sm_arena_printf(L->a, "* = %s", lb[SM_LABEL_sym_provisional]));
	if (sy->revised)
		ADD(sm_arena_printf(L->a, "** = %s", lb[SM_LABEL_sym_revised]));
	if (sy->nil)
		ADD(sm_arena_printf(L->a, "- = %s", lb[SM_LABEL_sym_nil]));
	if (extra)
		ADD(extra);
#undef ADD
	return s;
}

const char *sm_block_sources(struct sm_layout *L, const struct sm_ref *inds, int n)
{
	/* Each source once, in the order of the indicators. */
	const char **srcs = sm_arena_alloc(L->a, ((size_t)n + 1) * sizeof *srcs);
	int ns = 0;
	struct sm_strmap seen;
	sm_strmap_init(L->a, &seen, (unsigned)n);
	for (int i = 0; i < n; i++) {
		int k = inds[i].index;
		const char *src = k >= 0 ? L->doc->indicators[k].source : NULL;
		if (src && sm_strmap_put(L->a, &seen, src, ns) < 0)
			srcs[ns++] = src;
	}
	return ns ? sm_arena_printf(L->a, "%s: %s", L->t->labels[SM_LABEL_source], sm_arena_join(L->a, srcs, ns, "; "))
		  : NULL;
}

/* ------------------------------------------------------------ areas */

/* The areas a block names: a list, every wijk or buurt of the gemeente,
 * or by default the gemeente. */
int sm_block_areas(struct sm_layout *L, const struct sm_area_set *as, int *out)
{
	const struct sm_doc *d = L->doc;
	int n = 0;
	if (as->sel == SM_AREAS_LIST) {
		for (int i = 0; i < as->n; i++)
			if (as->codes[i].index >= 0)
				out[n++] = as->codes[i].index;
		return n;
	}
	if (as->sel == SM_AREAS_DEFAULT) {
		if (d->gemeente >= 0)
			out[n++] = d->gemeente;
		return n;
	}
	enum sm_area_level want = as->sel == SM_AREAS_WIJKEN ? SM_LEVEL_WIJK : SM_LEVEL_BUURT;
	for (int i = 0; i < d->nareas; i++) {
		const struct sm_area *ar = &d->areas[i];
		if (ar->level != want)
			continue;
		int w = want == SM_LEVEL_BUURT ? ar->parent.index : i;
		if (w >= 0 && d->areas[w].parent.index == d->gemeente)
			out[n++] = i;
	}
	return n;
}

int sm_block_reference(struct sm_layout *L, const struct sm_block *b)
{
	if (b && b->reference.id)
		return b->reference.index;
	return L->doc->nreferences ? L->doc->references[0].index : -1;
}

/* The latest of periods (ascending) with data for ind: at the
 * municipality, or when it has none there, at any of areas. -1 if none. */
int sm_block_latest(struct sm_layout *L, int ind, const int *areas, int na, const int *periods, int np)
{
	const struct sm_data *d = L->data;
	int gm = L->doc->gemeente;
	for (int pass = 0; pass < 2; pass++)
		for (int s = np - 1; s >= 0; s--) {
			const struct sm_value *c = sm_calc_cell(d, ind, gm, periods[s]);
			if (pass == 0 && c && c->state != SM_V_MISSING)
				return periods[s];
			for (int k = 0; pass == 1 && k < na; k++) {
				c = sm_calc_cell(d, ind, areas[k], periods[s]);
				if (c && c->state != SM_V_MISSING)
					return periods[s];
			}
		}
	return -1;
}

/* The period a block shows one indicator in when it shows one period: the
 * period it names, or the indicator's own latest (within its range, for a
 * range). Indicators of one block may differ in it. */
int sm_block_period(struct sm_layout *L, const struct sm_block *b, int ind, const int *areas, int na)
{
	const struct sm_data *d = L->data;
	const struct sm_years *y = &b->years;
	if (ind < 0)
		return -1;
	if (y->kind == SM_YEARS_LIST && y->n)
		return y->list[y->n - 1];
	if (y->kind == SM_YEARS_RANGE) {
		int *ps = sm_arena_alloc(L->a, (size_t)(d->nper + 1) * sizeof *ps);
		int n = 0;
		for (int s = 0; s < d->nper; s++)
			if (d->periods[s] >= y->from && d->periods[s] <= y->to)
				ps[n++] = d->periods[s];
		return sm_block_latest(L, ind, areas, na, ps, n);
	}
	return sm_calc_latest_of(d, ind, areas, na);
}

/* The period all indicators of a single-period block share; -1 when none
 * has one, -2 when they differ. */
int sm_block_common_period(struct sm_layout *L, const struct sm_block *b, const int *areas, int na)
{
	int common = -1;
	for (int i = 0; i < b->nindicators; i++) {
		int p = sm_block_period(L, b, b->indicators[i].index, areas, na);
		if (p < 0)
			continue;
		if (common >= 0 && p != common)
			return -2;
		common = p;
	}
	return common;
}

/* The periods of a years-shaped block. */
int sm_block_periods(struct sm_layout *L, const struct sm_block *b, const int *areas, int na, int *out)
{
	const struct sm_data *d = L->data;
	const struct sm_years *y = &b->years;
	int n = 0;
	if (y->kind == SM_YEARS_LIST) {
		for (int i = 0; i < y->n; i++)
			out[n++] = y->list[i];
		return n;
	}
	if (y->kind == SM_YEARS_LATEST) {
		/* Each indicator's own latest period: one column per distinct one. */
		for (int i = 0; i < b->nindicators; i++) {
			int p = sm_block_period(L, b, b->indicators[i].index, areas, na), seen = 0;
			for (int k = 0; k < n; k++)
				seen |= out[k] == p;
			if (p >= 0 && !seen)
				out[n++] = p;
		}
		qsort(out, (size_t)n, sizeof *out, sm_cmp_int);
		return n;
	}
	/* Every period with data for the block, in the range or overall. */
	for (int s = 0; s < d->nper; s++) {
		int p = d->periods[s];
		if (y->kind == SM_YEARS_RANGE && (p < y->from || p > y->to))
			continue;
		int any = 0;
		for (int i = 0; i < b->nindicators && !any; i++)
			for (int k = 0; k < na && !any; k++)
				any = sm_calc_cell(d, b->indicators[i].index, areas[k], p) &&
				      sm_calc_cell(d, b->indicators[i].index, areas[k], p)->state != SM_V_MISSING;
		if (any)
			out[n++] = p;
	}
	qsort(out, (size_t)n, sizeof *out, sm_cmp_int);
	if (y->kind == SM_YEARS_LAST5 && n > 5) {
		memmove(out, out + n - 5, 5 * sizeof *out);
		n = 5;
	}
	return n;
}

/* A block's title when it has none: its indicator's name, or the names of
 * its indicators (a warning asked for a title then). */
const char *sm_block_title(struct sm_layout *L, const struct sm_block *b)
{
	const char **names = sm_arena_alloc(L->a, ((size_t)b->nindicators + 1) * sizeof *names);
	int n = 0;
	for (int i = 0; i < b->nindicators; i++) {
		int k = b->indicators[i].index;
		if (k >= 0)
			names[n++] = L->doc->indicators[k].name;
	}
	return n ? sm_arena_join(L->a, names, n, " \xC2\xB7 ") : NULL;
}
