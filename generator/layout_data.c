/* layout_data.c: what the figures put on the page: table blocks (both
 * shapes of FORMAT.md), a goal's figures, the summary's overview of goals,
 * the budget table of a theme, the areas chapter (stapeling and profiles)
 * and the definitions chapter. Numbers are formatted here, through numfmt. */
#include "layout.h"
#include "numfmt.h"
#include "strmap.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ words */

static const char *name_with_unit(struct sm_layout *L, const struct sm_indicator *in)
{
	return sm_arena_printf(L->a, "%s (%s)", in->name, sm_unit_label(in->unit));
}

static const char *cell_text(struct sm_layout *L, const struct sm_indicator *in, const struct sm_value *c,
			     struct sm_symbols *sy)
{
	return sm_value_text(L, in, c, 0, sy);
}

static int has_column(const struct sm_block *b, enum sm_column c)
{
	for (int i = 0; i < b->ncolumns; i++)
		if (b->columns[i] == c)
			return 1;
	return 0;
}

/* The periods the printed changes are measured from, per indicator of a
 * block (a few distinct ones each), for the line under the table. */
#define MAX_BASES 4
struct base_mark { struct sm_tcell *cell; int i, q; };
struct bases {
	int *v, *n, over;
	int last;                   /* the base of the change change_text gave last */
	struct base_mark *m;        /* the change cells of a table, with their base */
	int nm, capm;
};

static struct bases bases_new(struct sm_layout *L, int n)
{
	struct bases bs = { sm_arena_alloc(L->a, (size_t)(n + 1) * MAX_BASES * sizeof(int)),
			    sm_arena_alloc(L->a, (size_t)(n + 1) * sizeof(int)), 0, -1, NULL, 0, 0 };
	return bs;
}

static void add_base(struct bases *bs, int i, int q)
{
	for (int k = 0; k < bs->n[i]; k++)
		if (bs->v[i * MAX_BASES + k] == q)
			return;
	if (bs->n[i] < MAX_BASES)
		bs->v[i * MAX_BASES + bs->n[i]++] = q;
	else
		bs->over = 1;
}

/* The change of ind at area since its base period, as a table prints it;
 * the base goes into bs (slot i) when a change is printed. */
static const char *change_text(struct sm_layout *L, int ind, int area, int p, struct bases *bs, int i)
{
	const struct sm_data *d = L->data;
	const struct sm_value *c = p >= 0 ? sm_calc_cell(d, ind, area, p) : NULL;
	if (!c || c->state == SM_V_MISSING)
		return "";
	int q = sm_calc_change_base(d, ind, area, p);
	const struct sm_value *o = q >= 0 ? sm_calc_cell(d, ind, area, q) : NULL;
	if (!o || o->state == SM_V_MISSING)
		return "";
	if (bs) {
		add_base(bs, i, q);
		bs->last = q;
	}
	if (c->state == SM_V_SUPPRESSED || o->state == SM_V_SUPPRESSED)
		return ".";       /* a change would reveal what is suppressed */
	return sm_fmt_change(L->a, c->v - o->v, d->doc->indicators[ind].decimals);
}

/* A table's change cell, kept with its base for mark_bases. */
static void set_change(struct sm_layout *L, struct sm_tcell *cell, int ind, int area, int p, struct bases *bs, int i)
{
	cell->text = change_text(L, ind, area, p, bs, i);
	if (cell->text[0] && strcmp(cell->text, ".")) {
		struct base_mark m = { cell, i, bs->last };
		SM_PUSH(L->a, bs->m, bs->nm, bs->capm, m);
	}
}

/* When the rows of an indicator measure their changes from different
 * periods, the note names its most common base, and each change measured
 * from another one carries a raised number that the note explains ("+0,5"
 * with a raised 1, and "1 t.o.v. 2021" with a raised 1 in the note).
 * Returns that key, or NULL; leaves one base per indicator in bs. */
static const char *mark_bases(struct sm_layout *L, struct bases *bs, int ni)
{
	static const char *const sup[] = { "\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB4", "\xE2\x81\xB5",
					    "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9" };
	int others[9], no = 0;
	int *main_q = sm_arena_alloc(L->a, (size_t)(ni + 1) * sizeof *main_q);
	if (bs->over)
		return NULL;
	for (int i = 0; i < ni; i++) {
		main_q[i] = bs->n[i] ? bs->v[i * MAX_BASES] : -1;
		if (bs->n[i] < 2)
			continue;
		int best = 0;
		for (int k = 0; k < bs->n[i]; k++) {
			int q = bs->v[i * MAX_BASES + k], count = 0;
			for (int m = 0; m < bs->nm; m++)
				count += bs->m[m].i == i && bs->m[m].q == q;
			if (count > best || (count == best && q < main_q[i])) {
				best = count;
				main_q[i] = q;
			}
		}
	}
	for (int m = 0; m < bs->nm; m++) {
		int q = bs->m[m].q, seen = q == main_q[bs->m[m].i];
		for (int o = 0; o < no; o++)
			seen |= others[o] == q;
		if (seen)
			continue;
		if (no == 9)
			return NULL;        /* too many to key: the note names them all */
		others[no++] = q;
	}
	if (!no)
		return NULL;
	qsort(others, (size_t)no, sizeof *others, sm_cmp_int);
	for (int m = 0; m < bs->nm; m++) {
		struct base_mark *bm = &bs->m[m];
		for (int o = 0; o < no && bm->q != main_q[bm->i]; o++)
			if (others[o] == bm->q)
				bm->cell->text = sm_arena_printf(L->a, "%s%s", bm->cell->text, sup[o]);
	}
	const char **parts = sm_arena_alloc(L->a, (size_t)no * sizeof *parts);
	for (int o = 0; o < no; o++)
		parts[o] = sm_arena_printf(L->a, "%s %s %s", sup[o], L->t->labels[SM_LABEL_versus], sm_period_label(L->a, others[o]));
	for (int i = 0; i < ni; i++)
		if (bs->n[i] > 1) {
			bs->v[i * MAX_BASES] = main_q[i];
			bs->n[i] = 1;
		}
	return sm_arena_join(L->a, parts, no, "; ");
}

static const char *target_text(struct sm_layout *L, const struct sm_indicator *in)
{
	if (!in->has_target || in->polarity == SM_POL_NEUTRAL)
		return in->has_target ? sm_fmt_num(L->a, in->target, in->decimals, 1) : "";
	const char *v = sm_fmt_num(L->a, in->target, in->decimals, 1);
	return in->target_year ? sm_arena_printf(L->a, "%s (%d)", v, in->target_year) : v;
}

/* "Verandering: t.o.v. 2019, in procentpunten bij percentages": the
 * periods the printed changes are really measured from, per indicator when
 * they differ; the word on percentage points only when the block has a
 * percentage. */
static const char *change_note(struct sm_layout *L, const struct sm_block *b, struct bases *bs)
{
	const char *const *lb = L->t->labels;
	const struct sm_doc *d = L->doc;
	int ni = b->nindicators, percent = 0;
	const char *key = mark_bases(L, bs, ni);
	const char **own = sm_arena_alloc(L->a, (size_t)(ni + 1) * sizeof *own);
	for (int i = 0; i < ni; i++) {
		int k = b->indicators[i].index;
		percent |= k >= 0 && d->indicators[k].unit == SM_UNIT_PERCENT;
		own[i] = NULL;
		if (!bs->n[i])
			continue;
		int v[MAX_BASES];
		memcpy(v, bs->v + i * MAX_BASES, (size_t)bs->n[i] * sizeof *v);
		qsort(v, (size_t)bs->n[i], sizeof *v, sm_cmp_int);
		const char **labels = sm_arena_alloc(L->a, MAX_BASES * sizeof *labels);
		for (int q = 0; q < bs->n[i]; q++)
			labels[q] = sm_period_label(L->a, v[q]);
		own[i] = sm_arena_join(L->a, labels, bs->n[i], "/");
	}
	/* Indicators with the same bases in one group, in block order. */
	const char **groups = sm_arena_alloc(L->a, (size_t)(ni + 1) * sizeof *groups);
	const char **members = sm_arena_alloc(L->a, (size_t)(ni + 1) * sizeof *members);
	int ng = 0;
	for (int i = 0; i < ni; i++) {
		if (!own[i])
			continue;
		int g = 0;
		while (g < ng && strcmp(groups[g], own[i]))
			g++;
		const char *name = d->indicators[b->indicators[i].index].name;
		if (g == ng) {
			groups[ng] = own[i];
			members[ng++] = name;
		} else {
			members[g] = sm_arena_printf(L->a, "%s, %s", members[g], name);
		}
	}
	const char *since;
	if (!ng || bs->over)
		since = lb[SM_LABEL_since_previous];
	else if (ng == 1)
		since = sm_arena_printf(L->a, "%s %s", lb[SM_LABEL_versus], groups[0]);
	else {
		const char **parts = sm_arena_alloc(L->a, (size_t)ng * sizeof *parts);
		for (int g = 0; g < ng; g++)
			parts[g] = sm_arena_printf(L->a, "%s %s (%s)", lb[SM_LABEL_versus], groups[g], members[g]);
		since = sm_arena_join(L->a, parts, ng, "; ");
	}
	if (key)
		since = sm_arena_printf(L->a, "%s; %s", since, key);
	return percent ? sm_arena_printf(L->a, "%s: %s, %s", lb[SM_LABEL_change], since, lb[SM_LABEL_points])
		       : sm_arena_printf(L->a, "%s: %s", lb[SM_LABEL_change], since);
}

/* What a judgement by the auto rule is measured against, for indicators:
 * the target, the previous period, or both (each where it applies). NULL
 * when none of them is judged. */
static const char *status_basis(struct sm_layout *L, const struct sm_ref *inds, int n)
{
	const char *const *lb = L->t->labels;
	int target = 0, previous = 0;
	for (int i = 0; i < n; i++) {
		int k = inds[i].index;
		if (k < 0 || L->doc->indicators[k].polarity == SM_POL_NEUTRAL)
			continue;
		if (L->doc->indicators[k].has_target)
			target = 1;
		else
			previous = 1;
	}
	if (target && previous)
		return sm_arena_printf(L->a, "%s (%s: %s)", lb[SM_LABEL_versus_target], lb[SM_LABEL_without_target],
				       lb[SM_LABEL_versus_previous]);
	return target ? lb[SM_LABEL_versus_target] : previous ? lb[SM_LABEL_versus_previous] : NULL;
}

/* The basis of a status column whose rows other than the municipality's
 * judge an indicator with a target: those rows are judged against their
 * previous measurement (the target is the municipality's). */
static const char *status_basis_rows(struct sm_layout *L, const char *basis, int others)
{
	const char *const *lb = L->t->labels;
	if (!basis || !others || L->doc->gemeente < 0)
		return basis;
	return sm_arena_printf(L->a, "%s (%s), %s (%s)", basis, L->doc->areas[L->doc->gemeente].name,
			       lb[SM_LABEL_versus_previous], "overige gebieden");
}

/* What a goal's status is judged against: the basis of the auto rule; a
 * written status judges the goal, against its targets when it has any. */
const char *sm_goal_basis(struct sm_layout *L, const struct sm_goal *g)
{
	const char *basis = status_basis(L, g->indicators, g->nindicators);
	if (g->status != SM_STATUS_AUTO) {
		int target = 0;
		for (int i = 0; i < g->nindicators; i++)
			target |= g->indicators[i].index >= 0 && L->doc->indicators[g->indicators[i].index].has_target;
		basis = target ? L->t->labels[SM_LABEL_versus_target] : NULL;
	}
	return basis ? sm_arena_printf(L->a, "%s %s", L->t->labels[SM_LABEL_judgement], basis) : NULL;
}

/* ------------------------------------------------------- table block */

/* A table block as built, before it is set: the table, and which of its
 * columns and rows hold figures, named, for the warning about one that
 * would print without a single value. A column's figcol says what it holds. */
enum { COL_FIGURES = 1, COL_TARGET, COL_STATUS };
/* A row's figrow: 1, or this for an empty area's row (0 of 0), whose empty
 * cells are what the data says: no warning asks to leave it out. */
enum { ROW_EMPTY_AREA = 2 };

static int shows_area(const int *areas, int na, int area)
{
	for (int k = 0; k < na; k++)
		if (areas[k] == area)
			return 1;
	return 0;
}

struct built {
	struct sm_table *t;
	unsigned char *figcol, *figrow;
	const char **colname, **rowname;
	int any;                    /* some figure at all */
	int no_reference;           /* a reference column, but no reference area */
};

static struct built built_new(struct sm_layout *L, int ncols, int nrows)
{
	struct built bt = { sm_table_new(L, ncols, nrows), NULL, NULL, NULL, NULL, 0, 0 };
	bt.figcol = sm_arena_alloc(L->a, (size_t)ncols + 1);
	bt.figrow = sm_arena_alloc(L->a, (size_t)nrows + 1);
	bt.colname = sm_arena_alloc(L->a, ((size_t)ncols + 1) * sizeof *bt.colname);
	bt.rowname = sm_arena_alloc(L->a, ((size_t)nrows + 1) * sizeof *bt.rowname);
	return bt;
}

/* An area that is empty for ind in period p (FORMAT.md: 0 of 0, no one
 * lives there), or a wijk of only empty buurten. Its empty cells are what
 * the data says, not a lack: no warning asks to leave its row out. */
static int empty_at(struct sm_layout *L, int ind, int area, int p)
{
	const struct sm_value *c = p >= 0 ? sm_calc_cell(L->data, ind, area, p) : NULL;
	if (c && c->state != SM_V_MISSING)
		return 0;
	if (c && c->has_nd && c->num == 0 && c->den == 0)
		return 1;
	if ((c && (c->has_v || c->has_nd || c->flag != SM_FLAG_NONE)) || p < 0 || L->doc->areas[area].level != SM_LEVEL_WIJK)
		return 0;
	int parts = 0;
	for (int k = 0; k < L->doc->nareas; k++)
		if (L->doc->areas[k].parent.index == area && L->doc->areas[k].level == SM_LEVEL_BUURT) {
			if (!empty_at(L, ind, k, p))
				return 0;
			parts++;
		}
	return parts > 0;
}

static struct built years_table(struct sm_layout *L, const struct sm_block *b, const int *areas, int na)
{
	const struct sm_doc *d = L->doc;
	const struct sm_data *data = L->data;
	const char *const *lb = L->t->labels;
	int *periods = sm_arena_alloc(L->a, (size_t)(data->nper + b->years.n + b->nindicators + 2) * sizeof *periods);
	int np = sm_block_periods(L, b, areas, na, periods);
	int ref = sm_block_reference(L, b);
	int want_ref = has_column(b, SM_COL_REFERENCE), no_ref = 0;
	if (want_ref && ref < 0) {
		no_ref = 1;
		want_ref = 0;
	}
	/* Computed columns: as written; by default the target when there is one. */
	enum sm_column cols[SM_COL_COUNT];
	int nc = 0;
	if (b->ncolumns) {
		for (int i = 0; i < b->ncolumns; i++)
			if (b->columns[i] != SM_COL_REFERENCE || want_ref)
				cols[nc++] = b->columns[i];
	} else if (shows_area(areas, na, d->gemeente)) {
		/* The target is the municipality's: without its row, nowhere to stand. */
		for (int i = 0; i < b->nindicators; i++)
			if (b->indicators[i].index >= 0 && d->indicators[b->indicators[i].index].has_target) {
				cols[nc++] = SM_COL_TARGET;
				break;
			}
	}
	/* Value, change and reference columns show each indicator in its own
	 * latest period among those shown. */
	int *own = sm_arena_alloc(L->a, (size_t)(b->nindicators + 1) * sizeof *own);
	int common = -1;
	for (int i = 0; i < b->nindicators; i++) {
		own[i] = b->indicators[i].index >= 0 ? sm_block_latest(L, b->indicators[i].index, areas, na, periods, np) : -1;
		if (own[i] >= 0)
			common = common == -1 || common == own[i] ? own[i] : -2;
	}
	int grouped = na > 1;
	int nrows = b->nindicators * (na + grouped);
	struct built bt = built_new(L, 1 + np + nc, nrows);
	struct sm_table *t = bt.t;
	bt.no_reference = no_ref;
	t->head[0] = grouped ? "" : lb[SM_LABEL_indicators];
	for (int i = 0; i < np; i++) {
		t->head[1 + i] = bt.colname[1 + i] = sm_period_label(L->a, periods[i]);
		bt.figcol[1 + i] = 1;
	}
	for (int i = 0; i < nc; i++) {
		const char *h = "";
		switch (cols[i]) {
		case SM_COL_VALUE: h = common >= 0 ? sm_arena_printf(L->a, "%s %s", lb[SM_LABEL_value], sm_period_label(L->a, common)) : lb[SM_LABEL_value]; break;
		case SM_COL_CHANGE: h = lb[SM_LABEL_change]; break;
		case SM_COL_REFERENCE: h = d->areas[ref].name; break;
		case SM_COL_TARGET: h = lb[SM_LABEL_target]; break;
		case SM_COL_STATUS: h = lb[SM_LABEL_judgement]; t->align[1 + np + i] = SM_ALIGN_RIGHT; break;
		default: break;
		}
		t->head[1 + np + i] = bt.colname[1 + np + i] = h;
		bt.figcol[1 + np + i] = cols[i] == SM_COL_VALUE || cols[i] == SM_COL_CHANGE || cols[i] == SM_COL_REFERENCE ? COL_FIGURES
				      : cols[i] == SM_COL_TARGET ? COL_TARGET : cols[i] == SM_COL_STATUS ? COL_STATUS : 0;
	}
	struct sm_symbols sy = { 0 };
	struct bases bs = bases_new(L, b->nindicators);
	int r = 0, any = 0, others = 0;
	for (int i = 0; i < b->nindicators; i++) {
		int ind = b->indicators[i].index;
		if (ind < 0)
			continue;
		const struct sm_indicator *in = &d->indicators[ind];
		int last = own[i];
		if (grouped) {
			t->kinds[r] = SM_ROW_GROUP;
			sm_table_cell(t, r++, 0)->text = name_with_unit(L, in);
		}
		for (int k = 0; k < na; k++, r++) {
			int area = areas[k];
			t->kinds[r] = grouped ? SM_ROW_SUB : SM_ROW_NORMAL;
			sm_table_cell(t, r, 0)->text = grouped ? d->areas[area].name : name_with_unit(L, in);
			bt.figrow[r] = 1;
			bt.rowname[r] = grouped ? sm_arena_printf(L->a, "%s: %s", in->name, d->areas[area].name) : in->name;
			for (int c = 0; c < np; c++) {
				const struct sm_value *v = sm_calc_cell(data, ind, area, periods[c]);
				sm_table_cell(t, r, 1 + c)->text = cell_text(L, in, v, &sy);
				any |= v && v->state != SM_V_MISSING;
				if (empty_at(L, ind, area, periods[c]))
					bt.figrow[r] = ROW_EMPTY_AREA;
			}
			for (int c = 0; c < nc; c++) {
				struct sm_tcell *cell = sm_table_cell(t, r, 1 + np + c);
				switch (cols[c]) {
				case SM_COL_VALUE:
					cell->text = cell_text(L, in, last >= 0 ? sm_calc_cell(data, ind, area, last) : NULL, &sy);
					break;
				case SM_COL_CHANGE:
					set_change(L, cell, ind, area, last, &bs, i);
					break;
				case SM_COL_REFERENCE:
					cell->text = cell_text(L, in, last >= 0 ? sm_calc_cell(data, ind, ref, last) : NULL, &sy);
					break;
				case SM_COL_TARGET:
					/* The municipality's target, on its own row only. */
					cell->text = area == d->gemeente ? target_text(L, in) : "";
					break;
				case SM_COL_STATUS: {
					enum sm_area_level lv = d->areas[area].level;
					if (lv == SM_LEVEL_LAND || lv == SM_LEVEL_REFERENCE)
						break;
					/* Judged in the latest period shown that has data for
					 * this row, as the goal cards judge. */
					int at = -1;
					for (int q = np - 1; q >= 0 && at < 0; q--) {
						const struct sm_value *v = sm_calc_cell(data, ind, area, periods[q]);
						if (v && v->state != SM_V_MISSING)
							at = periods[q];
					}
					enum sm_status s = sm_calc_indicator_status(data, ind, area, at);
					others |= area != d->gemeente && in->has_target && in->polarity != SM_POL_NEUTRAL;
					cell->status = s;
					cell->text = L->t->status_words[s];
					break;
				}
				default:
					break;
				}
			}
		}
	}
	t->nrows = r;
	bt.any = any;
	t->title = b->title ? b->title : sm_block_title(L, b);
	t->source = sm_block_sources(L, b->indicators, b->nindicators);
	int has_change = 0, has_status = 0;
	for (int i = 0; i < nc; i++) {
		has_change |= cols[i] == SM_COL_CHANGE;
		has_status |= cols[i] == SM_COL_STATUS;
	}
	const char *extra = has_change ? change_note(L, b, &bs) : NULL;
	const char *basis = has_status ? status_basis_rows(L, status_basis(L, b->indicators, b->nindicators), others) : NULL;
	if (basis)
		extra = sm_arena_printf(L->a, "%s%s%s: %s", extra ? extra : "", extra ? "; " : "", lb[SM_LABEL_judgement], basis);
	t->notes = sm_symbols_note(L, &sy, extra);
	t->label_share = 0;
	return bt;
}

static struct built areas_table(struct sm_layout *L, const struct sm_block *b, int *areas, int na)
{
	const struct sm_doc *d = L->doc;
	const struct sm_data *data = L->data;
	const char *const *lb = L->t->labels;
	int ni = b->nindicators;
	/* Each indicator in its own period; the heads say which. */
	int *p = sm_arena_alloc(L->a, (size_t)(ni + 1) * sizeof *p);
	for (int i = 0; i < ni; i++)
		p[i] = sm_block_period(L, b, b->indicators[i].index, areas, na);
	int ref = sm_block_reference(L, b);
	int want_ref = has_column(b, SM_COL_REFERENCE), no_ref = 0;
	if (want_ref && ref < 0) {
		no_ref = 1;
		want_ref = 0;
	}
	int change = has_column(b, SM_COL_CHANGE), target = has_column(b, SM_COL_TARGET);
	int status = has_column(b, SM_COL_STATUS) && ni == 1;
	/* Rows: the areas, then the gemeente (for wijken and buurten), the
	 * reference and the target. */
	int extra_gm = (b->areas.sel == SM_AREAS_WIJKEN || b->areas.sel == SM_AREAS_BUURTEN) && d->gemeente >= 0;
	int nrows = na + extra_gm + want_ref + target;
	int ncols = 1 + ni * (1 + change) + status;
	struct built bt = built_new(L, ncols, nrows);
	struct sm_table *t = bt.t;
	bt.no_reference = no_ref;
	t->head[0] = lb[SM_LABEL_area];
	int c = 1;
	for (int i = 0; i < ni; i++) {
		int ind = b->indicators[i].index;
		const struct sm_indicator *in = ind >= 0 ? &d->indicators[ind] : NULL;
		const char *per = p[i] >= 0 ? sm_period_label(L->a, p[i]) : "";
		if (!in)
			t->head[c] = "";
		else if (ni == 1)
			t->head[c] = sm_arena_printf(L->a, "%s %s", sm_unit_label(in->unit), per);
		else
			t->head[c] = p[i] >= 0 ? sm_arena_printf(L->a, "%s (%s,\xC2\xA0%s)", in->name, sm_unit_label(in->unit), per)
					       : name_with_unit(L, in);
		bt.colname[c] = in ? in->name : "";
		bt.figcol[c++] = in != NULL;
		if (change) {
			t->head[c] = lb[SM_LABEL_change];
			bt.colname[c] = in ? sm_arena_printf(L->a, "%s (%s)", lb[SM_LABEL_change], in->name) : "";
			bt.figcol[c++] = in != NULL;
		}
	}
	if (status) {
		t->head[c] = bt.colname[c] = lb[SM_LABEL_judgement];
		t->align[c] = SM_ALIGN_RIGHT;
		bt.figcol[c] = COL_STATUS;
	}
	struct sm_symbols sy = { 0 };
	struct bases bs = bases_new(L, ni);
	int r = 0, any = 0, others = 0;
	int *rows = sm_arena_alloc(L->a, (size_t)(nrows + 1) * sizeof *rows);
	for (int k = 0; k < na; k++)
		rows[r++] = areas[k];
	if (extra_gm)
		rows[r++] = d->gemeente;
	if (want_ref)
		rows[r++] = ref;
	for (r = 0; r < na + extra_gm + want_ref; r++) {
		int area = rows[r];
		t->kinds[r] = r >= na ? SM_ROW_TOTAL : SM_ROW_NORMAL;
		if (r > na)
			t->kinds[r] = SM_ROW_NORMAL;
		sm_table_cell(t, r, 0)->text = bt.rowname[r] = d->areas[area].name;
		bt.figrow[r] = 1;
		int empty = 0;
		for (int i = 0; i < ni; i++)
			empty |= b->indicators[i].index >= 0 && empty_at(L, b->indicators[i].index, area, p[i]);
		if (empty)
			bt.figrow[r] = ROW_EMPTY_AREA;
		c = 1;
		for (int i = 0; i < ni; i++) {
			int ind = b->indicators[i].index;
			if (ind < 0) {
				c += 1 + change;
				continue;
			}
			const struct sm_indicator *in = &d->indicators[ind];
			const struct sm_value *v = p[i] >= 0 ? sm_calc_cell(data, ind, area, p[i]) : NULL;
			any |= v && v->state != SM_V_MISSING;
			sm_table_cell(t, r, c++)->text = cell_text(L, in, v, &sy);
			if (change)
				set_change(L, sm_table_cell(t, r, c++), ind, area, p[i], &bs, i);
		}
		if (status) {
			enum sm_area_level lv = d->areas[area].level;
			if (lv != SM_LEVEL_LAND && lv != SM_LEVEL_REFERENCE) {
				enum sm_status s = sm_calc_indicator_status(data, b->indicators[0].index, area, p[0]);
				others |= area != d->gemeente && b->indicators[0].index >= 0 &&
					  d->indicators[b->indicators[0].index].has_target &&
					  d->indicators[b->indicators[0].index].polarity != SM_POL_NEUTRAL;
				sm_table_cell(t, r, c)->status = s;
				sm_table_cell(t, r, c)->text = L->t->status_words[s];
			}
		}
	}
	if (target) {
		t->kinds[r] = SM_ROW_NORMAL;
		sm_table_cell(t, r, 0)->text = lb[SM_LABEL_target];
		sm_table_cell(t, r, 0)->style = SM_STYLE_ITALIC;
		c = 1;
		for (int i = 0; i < ni; i++) {
			int ind = b->indicators[i].index;
			if (ind >= 0)
				sm_table_cell(t, r, c)->text = target_text(L, &d->indicators[ind]);
			c += 1 + change;
		}
		r++;
	}
	t->nrows = r;
	bt.any = any;
	t->title = b->title ? b->title : ni == 1 ? sm_arena_printf(L->a, "%s%s%s", sm_block_title(L, b),
				p[0] >= 0 ? ", " : "", p[0] >= 0 ? sm_period_label(L->a, p[0]) : "") : sm_block_title(L, b);
	t->source = sm_block_sources(L, b->indicators, ni);
	const char *extra = change ? change_note(L, b, &bs) : NULL;
	const char *basis = status ? status_basis_rows(L, status_basis(L, b->indicators, ni), others) : NULL;
	if (basis)
		extra = sm_arena_printf(L->a, "%s%s%s: %s", extra ? extra : "", extra ? "; " : "", lb[SM_LABEL_judgement], basis);
	t->notes = sm_symbols_note(L, &sy, extra);
	return bt;
}

static struct built table_block(struct sm_layout *L, const struct sm_block *b)
{
	int *areas = sm_arena_alloc(L->a, (size_t)(L->doc->nareas + 1) * sizeof *areas);
	int na = sm_block_areas(L, &b->areas, areas);
	int years_shape = !b->years.single && b->areas.sel != SM_AREAS_WIJKEN && b->areas.sel != SM_AREAS_BUURTEN;
	return years_shape ? years_table(L, b, areas, na) : areas_table(L, b, areas, na);
}

void sm_layout_table_block(struct sm_layout *L, const struct sm_block *b)
{
	/* Its warnings came from sm_check_figures, before layout. */
	sm_table_emit(L, table_block(L, b).t);
}

/* ------------------------------------------------------ goal figures */

/* Under a goal: per indicator its latest value at the gemeente, the
 * change and the target, in four columns of small type. */
void sm_layout_goal_figures(struct sm_layout *L, const struct sm_goal *g, sm_deco_fn deco, void *ctx)
{
	const struct sm_doc *d = L->doc;
	const struct sm_data *data = L->data;
	const char *const *lb = L->t->labels;
	if (!g->nindicators || d->gemeente < 0)
		return;
	double size = L->t->small + 0.5, leading = size * 1.45;
	double x0 = 13, right = L->tw - 10, gap = 12;
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.size = size;
	ps.leading = leading;
	ps.justify = 0;
	ps.nohyphen = 1;
	ps.color = L->t->muted;
	/* The figures first, to size the three columns to what they hold. */
	const char *heads[4] = { lb[SM_LABEL_indicators], lb[SM_LABEL_latest], lb[SM_LABEL_change], lb[SM_LABEL_target] };
	const char *(*vals)[3] = sm_arena_alloc(L->a, (size_t)g->nindicators * sizeof *vals);
	struct sm_symbols sy = { 0 };
	double colw[3];
	for (int k = 0; k < 3; k++)
		colw[k] = sm_font_width(L->fonts, SM_FACE_BOLD, size, heads[k + 1], strlen(heads[k + 1]));
	for (int i = 0; i < g->nindicators; i++) {
		int ind = g->indicators[i].index;
		if (ind < 0)
			continue;
		const struct sm_indicator *in = &d->indicators[ind];
		int p = data->latest_gm[ind];
		const struct sm_value *c = p >= 0 ? sm_calc_cell(data, ind, d->gemeente, p) : NULL;
		/* The value with its flag's mark and its period; the change with
		 * the period it is measured from. */
		const char *v = sm_value_text(L, in, c, 1, &sy);
		vals[i][0] = !v[0] ? "\xE2\x80\x93" : c->state == SM_V_OK
			? sm_arena_printf(L->a, "%s (%s)", v, sm_period_label(L->a, p)) : v;
		struct bases bs = bases_new(L, 1);
		vals[i][1] = change_text(L, ind, d->gemeente, p, &bs, 0);
		if (!vals[i][1][0])
			vals[i][1] = "\xE2\x80\x93";
		else if (bs.n[0])
			vals[i][1] = sm_arena_printf(L->a, "%s %s\xC2\xA0%s", vals[i][1], lb[SM_LABEL_versus],
						     sm_period_label(L->a, bs.v[0]));
		vals[i][2] = in->has_target ? (in->target_year ? sm_arena_printf(L->a, "%s (%d)", sm_with_unit(L, in, in->target),
						in->target_year) : sm_with_unit(L, in, in->target)) : "\xE2\x80\x93";
		for (int k = 0; k < 3; k++)
			colw[k] = fmax(colw[k], sm_font_width(L->fonts, k == 0 ? SM_FACE_BOLD : SM_FACE_REGULAR, size,
							       vals[i][k], strlen(vals[i][k])));
	}
	/* Right edges of the three columns, from the right. */
	double xs[3];
	xs[2] = right;
	xs[1] = xs[2] - colw[2] - gap;
	xs[0] = xs[1] - colw[1] - gap;
	double name_w = xs[0] - colw[0] - gap - x0;
	/* A table of four columns without a title: the head's cells TH (scope
	 * Column), each row's indicator TH (scope Row) and its figures TD. */
	int back = sm_table_open(L);
	sm_struct_open(L, SM_S_THEAD);
	int tr = sm_struct_open(L, SM_S_TR);
	struct sm_flow_item *h = sm_flow_box(L, leading);
	double base = sm_baseline(&ps);
	for (int k = 0; k < 4; k++) {
		double w = k ? sm_font_width(L->fonts, SM_FACE_BOLD, size, heads[k], strlen(heads[k])) : 0;
		sm_text_item(L, &h->items, SM_FACE_BOLD, size, L->t->muted, k ? xs[k - 1] - w : x0, base, heads[k]);
		int th = sm_struct_add(L, SM_S_TH, tr);
		L->pages->nodes[th].scope = SM_SCOPE_COLUMN;
		h->items.v[h->items.n - 1].node = th;
	}
	sm_line_item(L, &h->items, x0, leading - 1, right, leading - 1, L->t->rule, 0.4);
	if (deco)
		deco(L, h, ctx, 1, 0);
	sm_items_node(&h->items, 0, SM_ART_LAYOUT);
	sm_struct_close(L);
	sm_struct_close(L);
	sm_struct_open(L, SM_S_TBODY);
	for (int i = 0; i < g->nindicators; i++) {
		int ind = g->indicators[i].index;
		if (ind < 0)
			continue;
		tr = sm_struct_open(L, SM_S_TR);
		int name = sm_struct_add(L, SM_S_TH, tr);
		L->pages->nodes[name].scope = SM_SCOPE_ROW;
		/* The name may wrap; the figures sit on its first line. */
		struct sm_pstyle np = ps;
		np.color = L->t->text;
		np.indent = x0;
		np.width = name_w > 60 ? name_w : 60;
		struct sm_run run = { d->indicators[ind].name, 0, NULL };
		struct sm_items tmp = { 0 };
		int lines = sm_set_lines(L, &run, 1, &np, &tmp, 0, 0);
		sm_items_node(&tmp, 0, name);
		struct sm_flow_item *box = sm_flow_box(L, lines * leading);
		for (int k = 0; k < tmp.n; k++)
			SM_PUSH(L->a, box->items.v, box->items.n, box->items.cap, tmp.v[k]);
		for (int k = 0; k < 3; k++) {
			int role = k == 0 ? SM_FACE_BOLD : SM_FACE_REGULAR;
			double w = sm_font_width(L->fonts, role, size, vals[i][k], strlen(vals[i][k]));
			sm_text_item(L, &box->items, role, size, L->t->text, xs[k] - w, base, vals[i][k]);
			box->items.v[box->items.n - 1].node = sm_struct_add(L, SM_S_TD, tr);
		}
		if (deco)
			deco(L, box, ctx, 0, 0);
		sm_items_node(&box->items, 0, SM_ART_LAYOUT);
		sm_struct_close(L);
	}
	sm_struct_close(L);
	sm_struct_close(L);
	const char *note = sm_symbols_note(L, &sy, NULL);
	if (note) {
		struct sm_pstyle nps = ps;
		nps.indent = x0;
		nps.width = right - x0;
		sm_struct_open(L, SM_S_P);
		sm_set_text(L, note, 0, &nps, deco, ctx);
		sm_struct_close(L);
	}
	L->node = back;
}

/* --------------------------------------------------- summary overview */

void sm_layout_overview(struct sm_layout *L)
{
	const struct sm_doc *d = L->doc;
	const char *const *lb = L->t->labels;
	int n = 0, counts[SM_STATUS_COUNT] = { 0 };
	for (int c = 0; c < d->nchapters; c++)
		n += d->chapters[c].ngoals;
	if (!n)
		return;
	sm_layout_section(L, lb[SM_LABEL_overview], 1);
	struct sm_table *t = sm_table_new(L, 3, n);
	t->head[0] = lb[SM_LABEL_goal];
	t->head[1] = lb[SM_LABEL_theme];
	t->head[2] = lb[SM_LABEL_judgement];
	t->align[1] = SM_ALIGN_LEFT;
	t->align[2] = SM_ALIGN_LEFT;
	int r = 0;
	for (int c = 0; c < d->nchapters; c++) {
		const struct sm_chapter *ch = &d->chapters[c];
		for (int g = 0; g < ch->ngoals; g++, r++) {
			const struct sm_goal *goal = &ch->goals[g];
			enum sm_status s = sm_calc_goal_status(L->data, goal);
			counts[s]++;
			sm_table_cell(t, r, 0)->text = sm_arena_printf(L->a, "%s  %s", goal->id ? goal->id : "",
								       goal->title ? goal->title : "");
			sm_table_cell(t, r, 1)->text = ch->title ? ch->title : "";
			sm_table_cell(t, r, 2)->text = L->t->status_words[s];
			sm_table_cell(t, r, 2)->status = s;
		}
	}
	/* The count per status, as a line above the table. */
	char *line = NULL;
	for (int s = 1; s < SM_STATUS_COUNT; s++) {
		if (!counts[s])
			continue;
		const char *part = sm_arena_printf(L->a, "%s: %d", L->t->status_words[s], counts[s]);
		line = line ? sm_arena_printf(L->a, "%s \xC2\xB7 %s", line, part) : sm_arena_strdup(L->a, part);
	}
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.justify = 0;
	sm_struct_open(L, SM_S_P);
	sm_set_text(L, sm_arena_printf(L->a, "%d %s. %s.", n, lb[SM_LABEL_goals_count], line ? line : ""), 0, &ps, NULL, NULL);
	sm_struct_close(L);
	t->label_share = 0.55;
	sm_table_emit(L, t);
}

/* ------------------------------------------------------------ budget */

void sm_layout_budget(struct sm_layout *L, const struct sm_chapter *ch)
{
	const char *const *lb = L->t->labels;
	struct sm_budget tot = sm_calc_budget(ch);
	if (!tot.n)
		return;
	int any_actual = 0;
	for (int i = 0; i < ch->ninterventions; i++)
		any_actual |= ch->interventions[i].has_budget && ch->interventions[i].has_actual;
	sm_layout_section(L, lb[SM_LABEL_costs], 1);
	int ncols = any_actual ? 5 : 2;
	struct sm_table *t = sm_table_new(L, ncols, tot.n + 1);
	t->head[0] = lb[SM_LABEL_intervention];
	t->head[1] = lb[SM_LABEL_planned];
	if (any_actual) {
		t->head[2] = lb[SM_LABEL_actual];
		t->head[3] = lb[SM_LABEL_difference];
		t->head[4] = lb[SM_LABEL_realisation];
	}
	int r = 0;
	for (int i = 0; i < ch->ninterventions; i++) {
		const struct sm_intervention *iv = &ch->interventions[i];
		if (!iv->has_budget)
			continue;
		sm_table_cell(t, r, 0)->text = iv->title ? iv->title : "";
		sm_table_cell(t, r, 1)->text = sm_fmt_num(L->a, (double)iv->planned, 0, 1);
		if (any_actual && iv->has_actual) {
			sm_table_cell(t, r, 2)->text = sm_fmt_num(L->a, (double)iv->actual, 0, 1);
			sm_table_cell(t, r, 3)->text = sm_fmt_change(L->a, (double)(iv->actual - iv->planned), 0);
			double re = sm_calc_realisation(iv->planned, iv->actual, 1);
			sm_table_cell(t, r, 4)->text = re >= 0 ? sm_arena_printf(L->a, "%s%%", sm_fmt_num(L->a, re * 100, 0, 1)) : "";
		}
		r++;
	}
	t->kinds[r] = SM_ROW_TOTAL;
	sm_table_cell(t, r, 0)->text = lb[SM_LABEL_total];
	sm_table_cell(t, r, 1)->text = sm_fmt_num(L->a, (double)tot.planned, 0, 1);
	if (any_actual && tot.has_actual) {
		sm_table_cell(t, r, 2)->text = sm_fmt_num(L->a, (double)tot.actual, 0, 1);
		sm_table_cell(t, r, 3)->text = sm_fmt_change(L->a, (double)(tot.actual - tot.planned), 0);
		double re = sm_calc_realisation(tot.planned, tot.actual, 1);
		sm_table_cell(t, r, 4)->text = re >= 0 ? sm_arena_printf(L->a, "%s%%", sm_fmt_num(L->a, re * 100, 0, 1)) : "";
	}
	t->nrows = r + 1;
	t->title = lb[SM_LABEL_budget_table];
	t->notes = lb[SM_LABEL_amounts];
	sm_table_emit(L, t);
}

/* ------------------------------------------------------------- areas */

struct stap { int area, count, judged; };

static int cmp_stap(const void *x, const void *y)
{
	const struct stap *a = x, *b = y;
	if (a->count != b->count)
		return b->count - a->count;
	return a->area - b->area;
}

void sm_layout_areas(struct sm_layout *L, const struct sm_chapter *ch)
{
	const struct sm_doc *d = L->doc;
	const struct sm_data *data = L->data;
	const char *const *lb = L->t->labels;
	struct sm_pstyle body = sm_pstyle_body(L);
	sm_rich(L, &ch->text, &body);
	struct sm_area_set as = { ch->area_buurten ? SM_AREAS_BUURTEN : SM_AREAS_WIJKEN, NULL, 0, ch->pos };
	int *areas = sm_arena_alloc(L->a, (size_t)(d->nareas + 1) * sizeof *areas);
	int na = sm_block_areas(L, &as, areas);
	/* Stapeling, most unfavourable first. */
	struct stap *st = sm_arena_alloc(L->a, (size_t)(na + 1) * sizeof *st);
	for (int i = 0; i < na; i++) {
		st[i].area = areas[i];
		st[i].count = sm_calc_stapeling(data, ch->area_indicators, ch->narea_indicators, areas[i], &st[i].judged);
	}
	qsort(st, (size_t)na, sizeof *st, cmp_stap);
	sm_layout_section(L, lb[SM_LABEL_stapeling], 1);
	int with_wijk = ch->area_buurten;
	struct sm_table *t = sm_table_new(L, 4 + with_wijk, na);
	int c = 0;
	t->head[c++] = lb[SM_LABEL_area];
	if (with_wijk) {
		t->head[c] = "Wijk";
		t->align[c++] = SM_ALIGN_LEFT;
	}
	t->head[c++] = lb[SM_LABEL_unfavourable_count];
	t->head[c++] = lb[SM_LABEL_judged_count];
	t->head[c] = lb[SM_LABEL_judgement];
	t->align[c] = SM_ALIGN_RIGHT;
	int marked = 0;
	for (int i = 0; i < na; i++) {
		const struct sm_area *ar = &d->areas[st[i].area];
		c = 0;
		sm_table_cell(t, i, c++)->text = ar->name;
		if (with_wijk)
			sm_table_cell(t, i, c++)->text = ar->parent.index >= 0 ? d->areas[ar->parent.index].name : "";
		sm_table_cell(t, i, c++)->text = sm_arena_printf(L->a, "%d", st[i].count);
		sm_table_cell(t, i, c++)->text = sm_arena_printf(L->a, "%d", st[i].judged);
		if (st[i].count >= ch->threshold) {
			sm_table_cell(t, i, c)->text = ch->area_buurten ? "aandachtsbuurt" : "aandachtswijk";
			sm_table_cell(t, i, c)->status = SM_STATUS_OFF_TRACK;
			marked++;
		}
	}
	t->title = sm_arena_printf(L->a, "%s (%s %d)", ch->area_buurten ? "Buurten naar aantal ongunstige indicatoren"
							       : "Wijken naar aantal ongunstige indicatoren",
				   "drempel", ch->threshold);
	t->source = sm_block_sources(L, ch->area_indicators, ch->narea_indicators);
	t->notes = sm_arena_printf(L->a, "Ongunstig: %s dan %s, buiten de marge van de indicator. %s vanaf %d ongunstige indicatoren.",
				   "slechter", d->gemeente >= 0 ? d->areas[d->gemeente].name : "de gemeente",
				   ch->area_buurten ? "Aandachtsbuurt" : "Aandachtswijk", ch->threshold);
	t->label_share = with_wijk ? 0.34 : 0.45;
	sm_table_emit(L, t);
	(void)marked;
	/* A profile per area: each indicator against the gemeente. */
	sm_layout_section(L, lb[SM_LABEL_profiles], 1);
	for (int i = 0; i < na; i++) {
		int area = areas[i];
		const struct sm_area *ar = &d->areas[area];
		struct sm_table *pt = sm_table_new(L, 4, ch->narea_indicators);
		pt->head[0] = lb[SM_LABEL_indicators];
		pt->head[1] = ar->name;
		pt->head[2] = d->gemeente >= 0 ? d->areas[d->gemeente].name : "";
		pt->head[3] = lb[SM_LABEL_judgement];
		pt->align[3] = SM_ALIGN_RIGHT;
		struct sm_symbols sy = { 0 };
		int r = 0;
		for (int k = 0; k < ch->narea_indicators; k++) {
			int ind = ch->area_indicators[k].index;
			if (ind < 0)
				continue;
			const struct sm_indicator *in = &d->indicators[ind];
			int p = data->latest_gm[ind];
			const struct sm_value *v = p >= 0 ? sm_calc_cell(data, ind, area, p) : NULL;
			const struct sm_value *g = p >= 0 ? sm_calc_cell(data, ind, d->gemeente, p) : NULL;
			sm_table_cell(pt, r, 0)->text = sm_arena_printf(L->a, "%s (%s, %s)", in->name, sm_unit_label(in->unit),
									 p >= 0 ? sm_period_label(L->a, p) : "");
			sm_table_cell(pt, r, 1)->text = cell_text(L, in, v, &sy);
			sm_table_cell(pt, r, 2)->text = cell_text(L, in, g, &sy);
			if (v && g && v->state == SM_V_OK && g->state == SM_V_OK) {
				enum sm_judgement j = sm_calc_compare(in, v->v, g->v);
				sm_table_cell(pt, r, 3)->text = sm_judgement_word(L->t->labels, j);
				if (j == SM_J_FAVOURABLE || j == SM_J_UNFAVOURABLE || j == SM_J_COMPARABLE)
					sm_table_cell(pt, r, 3)->judgement = j;
			}
			r++;
		}
		pt->nrows = r;
		pt->title = ar->parent.index >= 0 && ch->area_buurten
			? sm_arena_printf(L->a, "%s (wijk %s)", ar->name, d->areas[ar->parent.index].name) : ar->name;
		pt->notes = sm_symbols_note(L, &sy, NULL);
		pt->label_share = 0.5;
		sm_table_emit(L, pt);
	}
}

/* ------------------------------------------------------- definitions */

void sm_layout_definitions(struct sm_layout *L, const struct sm_chapter *ch)
{
	const struct sm_doc *d = L->doc;
	const char *const *lb = L->t->labels;
	struct sm_pstyle body = sm_pstyle_body(L);
	sm_rich(L, &ch->text, &body);
	for (int i = 0; i < d->nindicators; i++) {
		const struct sm_indicator *in = &d->indicators[i];
		if (!in->used)
			continue;
		sm_flow_space(L, L->t->leading * 0.7);
		int first = L->flow.n;
		struct sm_pstyle hp = body;
		hp.justify = 0;
		hp.role_regular = SM_FACE_BOLD;
		/* Each indicator's name heads its definition and facts (the
		 * chapter's title is the H1; a reader jumps from name to name). */
		sm_struct_open(L, SM_S_H2);
		sm_set_text(L, in->name, 0, &hp, NULL, NULL);
		sm_struct_close(L);
		if (in->definition) {
			sm_struct_open(L, SM_S_P);
			sm_set_text(L, in->definition, 0, &body, NULL, NULL);
			sm_struct_close(L);
		}
		struct sm_pstyle sp = body;
		sp.size = L->t->small + 0.5;
		sp.leading = sp.size * 1.45;
		sp.color = L->t->muted;
		sp.justify = 0;
		char *facts = sm_arena_printf(L->a, "%s: %s \xC2\xB7 %s: %s \xC2\xB7 %s: %s", lb[SM_LABEL_unit],
					      sm_unit_label(in->unit), lb[SM_LABEL_frequency], sm_frequency_words[in->frequency],
					      lb[SM_LABEL_polarity], sm_polarity_words[in->polarity]);
		if (in->source)
			facts = sm_arena_printf(L->a, "%s \xC2\xB7 %s: %s", facts, lb[SM_LABEL_source], in->source);
		if (in->bbv)
			facts = sm_arena_printf(L->a, "%s \xC2\xB7 %s %d", facts, lb[SM_LABEL_bbv], in->bbv);
		if (in->has_target)
			facts = sm_arena_printf(L->a, "%s \xC2\xB7 %s: %s%s", facts, lb[SM_LABEL_target], sm_with_unit(L, in, in->target),
						in->target_year ? sm_arena_printf(L->a, " in %d", in->target_year) : "");
		if (in->min_n)
			facts = sm_arena_printf(L->a, "%s \xC2\xB7 niet getoond bij minder dan %d waarnemingen", facts, in->min_n);
		sm_struct_open(L, SM_S_P);
		sm_set_text(L, facts, 0, &sp, NULL, NULL);
		sm_struct_close(L);
		for (int k = first; k < L->flow.n - 1; k++)
			L->flow.v[k].keep_next = 1;
	}
}

/* ------------------------------------------------------------ checks */

/* A table that would print a column or a row without a single value. */
static void check_table(struct sm_layout *L, const struct sm_block *b)
{
	struct built bt = table_block(L, b);
	struct sm_table *t = bt.t;
	if (bt.no_reference)
		sm_diag(SM_MSG_no_reference, &b->pos, "this table");
	if (!bt.any) {
		sm_diag(SM_MSG_no_data, &b->pos, "this table", "the areas and years it names");
		return;
	}
	for (int c = 1; c < t->ncols; c++) {
		int has = 0;
		for (int r = 0; r < t->nrows && !has; r++)
			has = bt.figrow[r] && sm_table_cell(t, r, c)->text && sm_table_cell(t, r, c)->text[0];
		if (bt.figcol[c] && !has)
			sm_diag(SM_MSG_empty_line, &b->pos, "this table", "the column", bt.colname[c],
				bt.figcol[c] == COL_TARGET ? "the target is the municipality's and stands on its row only; "
							     "add the municipality to areas, or leave the column out"
				: bt.figcol[c] == COL_STATUS ? "land and reference areas are not judged; add an area that is, "
							       "or leave the column out"
				: "none of its areas has data for it in that period; leave it out, or choose years with data");
	}
	for (int r = 0; r < t->nrows; r++) {
		int has = 0;
		for (int c = 1; c < t->ncols && !has; c++)
			has = bt.figcol[c] == COL_FIGURES && sm_table_cell(t, r, c)->text && sm_table_cell(t, r, c)->text[0];
		if (bt.figrow[r] == 1 && !has)
			sm_diag(SM_MSG_empty_line, &b->pos, "this table", "the row", bt.rowname[r],
				"it has no data in the periods shown; leave it out, or add its data");
	}
}

/* A heatmap column or row, or a dot chart row, without a single value. */
static void check_chart(struct sm_layout *L, const struct sm_block *b)
{
	const struct sm_doc *d = L->doc;
	if (b->chart != SM_CHART_HEATMAP && b->chart != SM_CHART_DOT)
		return;
	int *areas = sm_arena_alloc(L->a, (size_t)(d->nareas + 1) * sizeof *areas);
	int na = b->chart == SM_CHART_DOT ? (d->gemeente >= 0 ? (areas[0] = d->gemeente, 1) : 0)
					  : sm_block_areas(L, &b->areas, areas);
	if (!na)
		return;
	unsigned char *row_has = sm_arena_alloc(L->a, (size_t)na + 1);
	unsigned char *row_empty = sm_arena_alloc(L->a, (size_t)na + 1);   /* an empty area: nothing to warn */
	const char *what = b->chart == SM_CHART_DOT ? "this dot chart" : "this heatmap";
	for (int i = 0; i < b->nindicators; i++) {
		int ind = b->indicators[i].index;
		if (ind < 0)
			continue;
		int p = sm_block_period(L, b, ind, areas, na), has = 0;
		for (int k = 0; k < na; k++) {
			const struct sm_value *v = p >= 0 ? sm_calc_cell(L->data, ind, areas[k], p) : NULL;
			if (v && v->state != SM_V_MISSING)
				has = row_has[k] = 1;
			row_empty[k] |= empty_at(L, ind, areas[k], p);
		}
		if (!has)
			sm_diag(SM_MSG_empty_line, &b->pos, what, b->chart == SM_CHART_DOT ? "the row" : "the column",
				d->indicators[ind].name,
				"none of its areas has data for it in that period; leave it out, or choose a year with data");
	}
	for (int k = 0; k < na && b->chart == SM_CHART_HEATMAP; k++)
		if (!row_has[k] && !row_empty[k])
			sm_diag(SM_MSG_empty_line, &b->pos, what, "the row", d->areas[areas[k]].name,
				"it has no data for these indicators; leave it out, or add its data");
}

/* A block with fixed years that leaves out a later period the data has. */
static void check_years(struct sm_layout *L, const struct sm_block *b)
{
	const struct sm_doc *d = L->doc;
	const struct sm_years *y = &b->years;
	if (!y->given || (y->kind != SM_YEARS_RANGE && y->kind != SM_YEARS_LIST) || (y->kind == SM_YEARS_LIST && !y->n))
		return;
	int last = y->kind == SM_YEARS_RANGE ? y->to : y->list[y->n - 1];
	int *areas = sm_arena_alloc(L->a, (size_t)(d->nareas + 2) * sizeof *areas);
	int na = b->chart == SM_CHART_DOT && b->kind == SM_BLOCK_CHART ? 0 : sm_block_areas(L, &b->areas, areas);
	if (d->gemeente >= 0)
		areas[na++] = d->gemeente;
	int later = -1, which = -1;
	for (int i = 0; i < b->nindicators; i++)
		for (int k = 0; k < na; k++) {
			int p = sm_calc_latest(L->data, b->indicators[i].index, areas[k]);
			if (p > last && p > later) {
				later = p;
				which = b->indicators[i].index;
			}
		}
	if (which < 0)
		return;
	const char *written;
	if (y->kind == SM_YEARS_RANGE)
		written = sm_arena_printf(L->a, "years: %d-%d", SM_PERIOD_YEAR(y->from), SM_PERIOD_YEAR(y->to));
	else if (y->single)
		written = sm_arena_printf(L->a, "year: %s", sm_period_label(L->a, y->list[0]));
	else {
		const char **ps = sm_arena_alloc(L->a, (size_t)y->n * sizeof *ps);
		for (int i = 0; i < y->n; i++)
			ps[i] = sm_period_label(L->a, y->list[i]);
		written = sm_arena_printf(L->a, "years: [%s]", sm_arena_join(L->a, ps, y->n, ", "));
	}
	sm_diag(SM_MSG_years_cut, &y->pos, written, sm_period_label(L->a, later), d->indicators[which].id);
}

/* Budget amounts are in thousands of euros; amounts that all look like
 * whole euros (every one a multiple of 1.000, and large) were most likely
 * written in euros. */
static void check_budget(struct sm_layout *L, const struct sm_chapter *ch)
{
	const struct sm_intervention *big = NULL;
	long long max = 0;
	int n = 0;
	for (int i = 0; i < ch->ninterventions; i++) {
		const struct sm_intervention *iv = &ch->interventions[i];
		if (!iv->has_budget)
			continue;
		long long v[2] = { iv->planned, iv->has_actual ? iv->actual : 0 };
		for (int k = 0; k < 2; k++) {
			if (v[k] % 1000)
				return;
			if (v[k] > max) {
				max = v[k];
				big = iv;
			}
		}
		n++;
	}
	if (!n || max < 10000)
		return;
	sm_diag(SM_MSG_budget_euros, &big->pos, sm_fmt_num(L->a, (double)max, 0, 0),
		sm_fmt_euro(L->a, (double)max * 1000, 0), sm_fmt_num(L->a, (double)(max / 1000), 0, 0));
}

void sm_check_figures(struct sm_arena *a, const struct sm_doc *doc, const struct sm_data *data,
		      const struct sm_theme *t)
{
	struct sm_layout L;
	memset(&L, 0, sizeof L);
	L.a = a;
	L.doc = doc;
	L.data = data;
	L.t = t;
	for (int c = 0; c < doc->nchapters; c++) {
		const struct sm_chapter *ch = &doc->chapters[c];
		for (int k = 0; k < ch->nblocks; k++) {
			const struct sm_block *b = &ch->blocks[k];
			if (b->kind != SM_BLOCK_TABLE && b->kind != SM_BLOCK_CHART)
				continue;
			if (b->kind == SM_BLOCK_TABLE)
				check_table(&L, b);
			else
				check_chart(&L, b);
			check_years(&L, b);
		}
		check_budget(&L, ch);
	}
}
