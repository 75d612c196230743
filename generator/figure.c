/* figure.c: computed figures in text, {{bijstand Molenbeek 2023 change}}
 * (FORMAT.md, "Figures in text"). One feature through three stages, each
 * with its own function: parsed where the Markdown is read (load), its
 * names checked against the data files (validate), judged once after the
 * figures are computed (a suppressed or missing figure is a warning) and
 * printed at layout, formatted as the tables format it.
 *
 * The grammar: {{indicator [area] [period] [word]}}, separated by spaces.
 * The word and the period are recognised from the end; what is left
 * between them and the indicator names the area, by code or by name. */
#include "model.h"
#include "layout.h"
#include "numfmt.h"
#include <math.h>
#include <string.h>

static const char *const fig_words[SM_FIG_WORDS + 1] = {
	"value", "change", "difference", "direction", "period", "base", "base-period", "status", NULL
};
#define FIG_WORD_LIST "value, change, difference, direction, period, base, base-period, status"

/* The text between "{{" and "}}"; src points at the first '{'. */
struct sm_figure *sm_figure_parse(struct sm_arena *a, const char *src, size_t len, struct sm_pos pos)
{
	struct { size_t off, len; } tok[16];
	int nt = 0;
	size_t i = 2, end = len - 2;          /* inside the braces */
	while (i < end && nt < 16) {
		while (i < end && (src[i] == ' ' || src[i] == '\t'))
			i++;
		if (i >= end)
			break;
		size_t e = i;
		while (e < end && src[e] != ' ' && src[e] != '\t')
			e++;
		tok[nt].off = i;
		tok[nt].len = e - i;
		nt++;
		i = e;
	}
	while (i < end && (src[i] == ' ' || src[i] == '\t'))
		i++;
	const char *inner = sm_arena_strndup(a, src + 2, end - 2);
	if (!nt) {
		sm_diag(SM_MSG_fig_syntax, &pos, inner, "it names no figure");
		return NULL;
	}
	if (nt == 16 && i < end) {
		sm_diag(SM_MSG_fig_syntax, &pos, inner, "it has too many words");
		return NULL;
	}
	struct sm_figure *f = sm_arena_alloc(a, sizeof *f);
	memset(f, 0, sizeof *f);
	f->src = inner;
	f->pos = pos;
	f->ind = f->area_index = -1;
	f->period = -1;
	f->word = SM_FIG_VALUE;
	f->indicator = sm_arena_strndup(a, src + tok[0].off, tok[0].len);
	int last = nt - 1;
	if (last >= 1) {
		const char *w = sm_arena_strndup(a, src + tok[last].off, tok[last].len);
		for (int k = 0; k < SM_FIG_WORDS; k++)
			if (!strcmp(w, fig_words[k])) {
				f->word = (enum sm_fig_word)k;
				last--;
				break;
			}
	}
	if (last >= 1) {
		const char *w = sm_arena_strndup(a, src + tok[last].off, tok[last].len);
		int p = sm_parse_period(w);
		if (p >= 0) {
			f->period = p;
			last--;
		}
	}
	if (last >= 1) {
		size_t from = tok[1].off, to = tok[last].off + tok[last].len;
		f->area = sm_arena_strndup(a, src + from, to - from);
	}
	return f;
}

/* -------------------------------------------------------- validate */

void sm_doc_each_rich(struct sm_doc *d, void (*fn)(struct sm_rich *r, void *ctx), void *ctx)
{
	for (int c = 0; c < d->nchapters; c++) {
		struct sm_chapter *ch = &d->chapters[c];
		fn(&ch->text, ctx);
		fn(&ch->vision, ctx);
		for (int i = 0; i < ch->nblocks; i++)
			fn(&ch->blocks[i].text, ctx);
		for (int i = 0; i < ch->ngoals; i++)
			fn(&ch->goals[i].explanation, ctx);
		for (int i = 0; i < ch->ninterventions; i++)
			fn(&ch->interventions[i].description, ctx);
		for (int i = 0; i < ch->nstories; i++)
			fn(&ch->stories[i].text, ctx);
		for (int i = 0; i < ch->nmessages; i++)
			fn(&ch->messages[i].text, ctx);
	}
}

struct resolve_ctx {
	struct sm_arena *a;
	struct sm_doc *d;
	const char **inds, **areas;
	int nareas;
};

/* An area by code, else by name: the first of the register with that
 * name at the highest level (a wijk before a buurt of the same name). */
static int find_area(const struct sm_doc *d, const char *s)
{
	int k = sm_find_area(d, s), best = -1;
	if (k >= 0)
		return k;
	for (int i = 0; i < d->nareas; i++)
		if (!strcmp(d->areas[i].name, s) && (best < 0 || d->areas[i].level < d->areas[best].level))
			best = i;
	return best;
}

static void resolve_one(struct resolve_ctx *c, struct sm_figure *f)
{
	struct sm_doc *d = c->d;
	f->ind = sm_find_indicator(d, f->indicator);
	if (f->ind < 0)
		sm_diag(SM_MSG_unknown_indicator, &f->pos, f->indicator,
			sm_did_you_mean(f->indicator, c->inds, d->nindicators),
			d->indicators_file ? d->indicators_file : "the indicator catalogue");
	else
		d->indicators[f->ind].used = 1;
	if (f->area) {
		f->area_index = find_area(d, f->area);
		if (f->area_index < 0) {
			/* A misspelt word at the end reads as (part of) an area. */
			const char *tail = strrchr(f->area, ' ');
			tail = tail ? tail + 1 : f->area;
			const char *w = sm_suggest(tail, fig_words, SM_FIG_WORDS);
			if (w && tail[0] >= 'a' && tail[0] <= 'z' && find_area(d, tail) < 0) {
				sm_diag(SM_MSG_bad_enum, &f->pos, tail, "figure word", sm_did_you_mean(tail, fig_words, SM_FIG_WORDS),
					FIG_WORD_LIST);
			} else {
				sm_diag(SM_MSG_unknown_area, &f->pos, f->area, sm_did_you_mean(f->area, c->areas, c->nareas),
					d->areas_file ? d->areas_file : "the area register");
			}
		}
	}
	if (f->word == SM_FIG_STATUS && f->area_index >= 0 &&
	    (d->areas[f->area_index].level == SM_LEVEL_LAND || d->areas[f->area_index].level == SM_LEVEL_REFERENCE))
		sm_diag(SM_MSG_fig_not_judged, &f->pos, f->src, d->areas[f->area_index].name);
	if (f->period >= 0) {
		int found = 0;
		for (int i = 0; i < d->nobs && !found; i++)
			found = d->obs[i].period == f->period;
		if (!found)
			sm_diag(SM_MSG_fig_period, &f->pos, sm_period_label(c->a, f->period), f->src,
				d->first_year, d->last_year);
	}
}

static void resolve_rich(struct sm_rich *r, void *ctx)
{
	for (int i = 0; i < r->nfigs; i++)
		resolve_one(ctx, r->figs[i]);
}

int sm_figures_resolve(struct sm_arena *a, struct sm_doc *d)
{
	struct resolve_ctx c = { a, d, NULL, NULL, 0 };
	c.inds = sm_arena_alloc(a, (size_t)(d->nindicators + 1) * sizeof *c.inds);
	for (int i = 0; i < d->nindicators; i++)
		c.inds[i] = d->indicators[i].id;
	c.areas = sm_arena_alloc(a, (size_t)(2 * d->nareas + 1) * sizeof *c.areas);
	for (int i = 0; i < d->nareas; i++) {
		c.areas[c.nareas++] = d->areas[i].code;
		c.areas[c.nareas++] = d->areas[i].name;
	}
	int before = sm_diag_errors();
	sm_doc_each_rich(d, resolve_rich, &c);
	return sm_diag_errors() > before ? -1 : 0;
}

/* ------------------------------------------------ computed, printed */

/* The cells a figure reads: its value and the one its change is measured
 * from. Without a period, the indicator's own latest period (calc.h: the
 * municipality's, or the area's when the municipality has none), for
 * every area: figures in one sentence compare like with like, as the
 * cells of a table row do. */
struct fig_cells {
	int area, p, q;
	const struct sm_value *c, *o;
};

static void fig_cells(const struct sm_data *d, const struct sm_figure *f, struct fig_cells *e)
{
	const struct sm_doc *doc = d->doc;
	e->area = f->area_index >= 0 ? f->area_index : doc->gemeente;
	e->p = f->period >= 0 ? f->period : sm_calc_latest_of(d, f->ind, &e->area, 1);
	e->c = e->p >= 0 && e->area >= 0 ? sm_calc_cell(d, f->ind, e->area, e->p) : NULL;
	e->q = e->p >= 0 && e->area >= 0 ? sm_calc_change_base(d, f->ind, e->area, e->p) : -1;
	e->o = e->q >= 0 ? sm_calc_cell(d, f->ind, e->area, e->q) : NULL;
}

static int state(const struct sm_value *v) { return v ? v->state : SM_V_MISSING; }

/* What a figure prints: SM_V_OK a figure, SM_V_SUPPRESSED or SM_V_MISSING. */
static int fig_state(const struct fig_cells *e, enum sm_fig_word w)
{
	int s1 = SM_V_OK, s2 = SM_V_OK;
	switch (w) {
	case SM_FIG_PERIOD:
		return e->p >= 0 ? SM_V_OK : SM_V_MISSING;
	case SM_FIG_BASE_PERIOD:
		return e->q >= 0 ? SM_V_OK : SM_V_MISSING;
	case SM_FIG_BASE:
		s1 = state(e->o);
		break;
	case SM_FIG_VALUE:
	case SM_FIG_STATUS:
		s1 = state(e->c);
		break;
	default:                        /* change, difference, direction */
		s1 = state(e->c);
		s2 = state(e->o);
		break;
	}
	if (s1 == SM_V_SUPPRESSED || s2 == SM_V_SUPPRESSED)
		return SM_V_SUPPRESSED;   /* a change would reveal what is hidden */
	if (s1 == SM_V_MISSING || s2 == SM_V_MISSING)
		return SM_V_MISSING;
	return SM_V_OK;
}

struct check_ctx { const struct sm_data *d; struct sm_arena *a; };

static void check_rich(struct sm_rich *r, void *ctx)
{
	struct check_ctx *c = ctx;
	for (int i = 0; i < r->nfigs; i++) {
		const struct sm_figure *f = r->figs[i];
		struct fig_cells e;
		fig_cells(c->d, f, &e);
		int s = fig_state(&e, f->word);
		if (s == SM_V_SUPPRESSED)
			sm_diag(SM_MSG_fig_suppressed, &f->pos, f->src);
		else if (s == SM_V_MISSING)
			sm_diag(SM_MSG_fig_missing, &f->pos, f->src);
	}
}

void sm_figures_check(struct sm_arena *a, struct sm_doc *d, const struct sm_data *data)
{
	struct check_ctx c = { data, a };
	sm_doc_each_rich(d, check_rich, &c);
}

const char *sm_figure_text(struct sm_layout *L, const struct sm_figure *f)
{
	const struct sm_data *d = L->data;
	if (f->ind < 0)
		return "\xE2\x80\x93";
	const struct sm_indicator *in = &L->doc->indicators[f->ind];
	struct fig_cells e;
	fig_cells(d, f, &e);
	int s = fig_state(&e, f->word);
	if (s == SM_V_SUPPRESSED)
		return ".";
	if (s == SM_V_MISSING)
		return "\xE2\x80\x93";
	double diff = 0;
	if (f->word == SM_FIG_CHANGE || f->word == SM_FIG_DIFFERENCE || f->word == SM_FIG_DIRECTION)
		diff = sm_round(e.c->v - e.o->v, in->decimals);
	switch (f->word) {
	case SM_FIG_VALUE:             /* as running text prints a value: "3,6%*" */
		return sm_value_text(L, in, e.c, 1, NULL);
	case SM_FIG_BASE:
		return sm_value_text(L, in, e.o, 1, NULL);
	case SM_FIG_PERIOD:
		return sm_period_label(L->a, e.p);
	case SM_FIG_BASE_PERIOD:
		return sm_period_label(L->a, e.q);
	case SM_FIG_CHANGE:
		return sm_fmt_change(L->a, diff, in->decimals);
	case SM_FIG_DIFFERENCE:
		return sm_fmt_num(L->a, fabs(diff), in->decimals, 1);
	case SM_FIG_DIRECTION:
		return diff > 0 ? "steeg" : diff < 0 ? "daalde" : "bleef gelijk";
	case SM_FIG_STATUS: {
		/* The badge's word, in lower case inside a sentence ("op koers"). */
		const char *w = L->t->status_words[sm_calc_indicator_status(d, f->ind, e.area, e.p)];
		char *s2 = sm_arena_strdup(L->a, w);
		if (s2[0] >= 'A' && s2[0] <= 'Z' && !(s2[1] >= 'A' && s2[1] <= 'Z'))
			s2[0] = (char)(s2[0] - 'A' + 'a');
		return s2;
	}
	default:
		return "";
	}
}
