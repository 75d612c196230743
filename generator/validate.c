/* validate.c: cross-references between the files of a project, after
 * loading: indicator ids, goal ids, area codes; and, after calc, the rules
 * that need a computed status. */
#include "model.h"
#include "sm.h"
#include "calc.h"
#include "strmap.h"
#include <string.h>

struct names { const char **v; int n; };

static struct names indicator_names(struct sm_arena *a, const struct sm_doc *d)
{
	struct names nm = { sm_arena_alloc(a, (size_t)(d->nindicators + 1) * sizeof(char *)), 0 };
	for (int i = 0; i < d->nindicators; i++)
		nm.v[nm.n++] = d->indicators[i].id;
	return nm;
}


static void resolve_indicators(struct sm_doc *d, struct names *nm, struct sm_ref *refs, int n)
{
	for (int i = 0; i < n; i++) {
		refs[i].index = sm_find_indicator(d, refs[i].id);
		if (refs[i].index < 0)
			sm_diag(SM_MSG_unknown_indicator, &refs[i].pos, refs[i].id,
				sm_did_you_mean(refs[i].id, nm->v, nm->n),
				d->indicators_file ? d->indicators_file : "the indicator catalogue");
		else
			d->indicators[refs[i].index].used = 1;
	}
}

static void resolve_area(struct sm_doc *d, struct names *an, struct sm_ref *r)
{
	r->index = sm_find_area(d, r->id);
	if (r->index < 0)
		sm_diag(SM_MSG_unknown_area, &r->pos, r->id, sm_did_you_mean(r->id, an->v, an->n),
			d->areas_file ? d->areas_file : "the area register");
}

/* Areas are checked only when the area register is loaded (areas != NULL). */
int sm_validate(struct sm_arena *a, struct sm_doc *d, int check_areas)
{
	struct names nm = indicator_names(a, d);
	struct names an = { sm_arena_alloc(a, (size_t)(d->nareas + 1) * sizeof(char *)), 0 };
	for (int i = 0; i < d->nareas; i++)
		an.v[an.n++] = d->areas[i].code;

	for (int i = 0; i < d->nindicators; i++) {
		struct sm_indicator *ind = &d->indicators[i];
		if (ind->derived) {
			resolve_indicators(d, &nm, &ind->numerator, 1);
			resolve_indicators(d, &nm, &ind->denominator, 1);
		}
	}
	if (check_areas) {
		for (int i = 0; i < d->nreferences; i++)
			resolve_area(d, &an, &d->references[i]);
		if (d->municipality_code && (d->gemeente < 0 || d->areas[d->gemeente].level != SM_LEVEL_GEMEENTE)) {
			struct sm_pos p = { d->areas_file, 0, 0 };
			sm_diag(SM_MSG_unknown_area, &p, d->municipality_code, " (the municipality of monitor.yaml)",
				"this file; add it with level gemeente");
		}
	}

	/* Goal ids are unique in the whole monitor: the summary lists them all. */
	const struct sm_goal **seen = NULL;
	int nseen = 0, cap = 0;
	struct sm_strmap seen_ids;      /* goal id → index in seen */
	sm_strmap_init(a, &seen_ids, 64);
	for (int c = 0; c < d->nchapters; c++) {
		struct sm_chapter *ch = &d->chapters[c];
		for (int g = 0; g < ch->ngoals; g++) {
			struct sm_goal *goal = &ch->goals[g];
			resolve_indicators(d, &nm, goal->indicators, goal->nindicators);
			if (!goal->id)
				continue;
			int j = sm_strmap_put(a, &seen_ids, goal->id, nseen);
			if (j >= 0)
				sm_diag(SM_MSG_duplicate_id, &goal->pos, "goal", goal->id,
					sm_arena_printf(a, "%s:%d", seen[j]->pos.file, seen[j]->pos.line));
			SM_PUSH(a, seen, nseen, cap, goal);
		}
		for (int b = 0; b < ch->nblocks; b++) {
			struct sm_block *bl = &ch->blocks[b];
			resolve_indicators(d, &nm, bl->indicators, bl->nindicators);
			if (check_areas) {
				for (int k = 0; k < bl->areas.n; k++)
					resolve_area(d, &an, &bl->areas.codes[k]);
				if (bl->reference.id)
					resolve_area(d, &an, &bl->reference);
			}
		}
		resolve_indicators(d, &nm, ch->area_indicators, ch->narea_indicators);
	}
	if (check_areas)
		sm_figures_resolve(a, d);     /* figures in text (figure.c) */
	return sm_diag_errors() ? -1 : 0;
}

/* A computed attention or off-track needs words for the council. */
void sm_validate_statuses(const struct sm_doc *doc, const struct sm_data *data)
{
	for (int c = 0; c < doc->nchapters; c++)
		for (int g = 0; g < doc->chapters[c].ngoals; g++) {
			const struct sm_goal *goal = &doc->chapters[c].goals[g];
			enum sm_status s = sm_calc_goal_status(data, goal);
			if (goal->status == SM_STATUS_AUTO && !goal->explanation.n &&
			    (s == SM_STATUS_ATTENTION || s == SM_STATUS_OFF_TRACK))
				sm_diag(SM_MSG_auto_unexplained, &goal->status_pos, goal->id ? goal->id : "?", sm_status_names[s]);
		}
}
