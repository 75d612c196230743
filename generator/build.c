/* build.c: one run of the engine over a project: load, validate, compute,
 * lay out and write the PDF (or stop after validating, for `check`).
 * Returns the exit status. The command line (main.c) and the fuzz target
 * of the whole pipeline both call it. */
#include "run.h"
#include "layout.h"
#include "dev.h"
#include "hyphenate.h"
#include "numfmt.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int mkdirs(const char *path)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, 0777) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

static void dump_model(const struct sm_doc *d)
{
	printf("monitor \"%s\" %s %d, %d chapters, %d indicators\n", d->title ? d->title : "",
	       d->municipality ? d->municipality : "", d->edition, d->nchapters, d->nindicators);
	for (int c = 0; c < d->nchapters; c++) {
		const struct sm_chapter *ch = &d->chapters[c];
		printf("chapter %d kind %d \"%s\" goals %d blocks %d interventions %d stories %d messages %d\n", c + 1,
		       ch->kind, ch->title ? ch->title : "", ch->ngoals, ch->nblocks, ch->ninterventions, ch->nstories,
		       ch->nmessages);
		for (int g = 0; g < ch->ngoals; g++)
			printf("  goal %s %s \"%s\"\n", ch->goals[g].id ? ch->goals[g].id : "?",
			       sm_status_names[ch->goals[g].status], ch->goals[g].title ? ch->goals[g].title : "");
	}
}

static int cmp_cell(const void *x, const void *y)
{
	const struct sm_value *a = *(const struct sm_value *const *)x, *b = *(const struct sm_value *const *)y;
	if (a->ind != b->ind)
		return a->ind - b->ind;
	if (a->area != b->area)
		return a->area - b->area;
	return a->period - b->period;
}

/* The computed figures, one tab-separated line each, for the privacy audit
 * of the tests: the area register, the indicators, then every cell with
 * what a table prints for it (a number, or '.' when hidden). */
static void dump_cells(struct sm_arena *a, const struct sm_doc *doc, const struct sm_data *d)
{
	static const char *const levels[] = { "land", "reference", "gemeente", "wijk", "buurt" };
	for (int i = 0; i < doc->nareas; i++) {
		const struct sm_area *ar = &doc->areas[i];
		printf("area\t%s\t%s\t%s\t%s\n", ar->code, levels[ar->level],
		       ar->parent.index >= 0 ? doc->areas[ar->parent.index].code : "-", ar->name);
	}
	for (int i = 0; i < doc->nindicators; i++) {
		const struct sm_indicator *in = &doc->indicators[i];
		printf("indicator\t%s\t%g\t%d\t%d\t%d\t%s\n", in->id, sm_unit_factor(in->unit), in->decimals, in->min_n,
		       in->unit == SM_UNIT_PERCENT, in->sum ? "sum" : in->ratio ? "ratio" : "-");
	}
	const struct sm_value **cells = sm_arena_alloc(a, (size_t)(d->ncells + 1) * sizeof *cells);
	for (int k = 0; k < d->ncells; k++)
		cells[k] = &d->cells[k];
	qsort(cells, (size_t)d->ncells, sizeof *cells, cmp_cell);
	for (int k = 0; k < d->ncells; k++) {
		const struct sm_value *c = cells[k];
		const struct sm_indicator *in = &doc->indicators[c->ind];
		if (c->state == SM_V_MISSING && !c->has_nd)
			continue;
		printf("cell\t%s\t%s\t%d%s\t%s\t%s\t", in->id, doc->areas[c->area].code, SM_PERIOD_YEAR(c->period),
		       sm_period_half(c->period),
		       c->state == SM_V_OK ? "ok" : c->state == SM_V_SUPPRESSED ? (c->secondary ? "secondary" : "hidden") : "missing",
		       c->state == SM_V_OK ? sm_fmt_num(a, c->v, in->decimals, 1) : c->state == SM_V_SUPPRESSED ? "." : "-");
		if (c->has_nd && !in->derived)         /* a derived value's parts are no sums */
			printf("%.17g\t%.17g", c->num, c->den);
		else if (in->sum && c->has_v)           /* a count is its own numerator */
			printf("%.17g\t-", c->v);
		else
			printf("-\t-");
		/* The change a table prints, and the period it is measured from. */
		int q = c->state == SM_V_OK ? sm_calc_change_base(d, c->ind, c->area, c->period) : -1;
		const struct sm_value *o = q >= 0 ? sm_calc_cell(d, c->ind, c->area, q) : NULL;
		if (o && o->state == SM_V_OK)
			printf("\t%s\t%d%s\n", sm_fmt_change(a, c->v - o->v, in->decimals), SM_PERIOD_YEAR(q),
			       sm_period_half(q));
		else
			printf("\t-\t-\n");
	}
}

/* Errors in the files exit 1; a file the system would not let us read, 3. */
static int error_status(void)
{
	return sm_diag_system_errors() ? 3 : 1;
}

int sm_run(const struct sm_run_opts *o)
{
	struct sm_arena arena = { 0 };
	int rc = 0;
	const char *cmd = o->cmd, *dir = o->dir, *out = o->out, *layout = o->layout, *dump = o->dump;
	const struct sm_dir *root;
	if ((rc = sm_project_open(dir, &root)))
		goto done;
	struct sm_doc doc;
	int loaded = sm_load_doc(&arena, dir, &doc);
	if (!loaded && !sm_load_data(&arena, &doc))
		sm_validate(&arena, &doc, 1);
	if (sm_diag_errors()) {
		rc = error_status();
		goto done;
	}
	struct sm_data data;
	sm_calc(&arena, &doc, &data);
	sm_figures_check(&arena, &doc, &data);
	sm_validate_statuses(&doc, &data);
	if (!strcmp(cmd, "check")) {
		struct sm_theme theme;
		int usage_error;
		/* The fonts too: a font file that cannot be used stops a build. */
		if (!sm_theme_load(&arena, &doc, NULL, &theme, &usage_error)) {
			struct sm_fonts fonts;
			sm_fonts_open(&fonts, &theme);
			sm_fonts_close(&fonts);
			sm_check_figures(&arena, &doc, &data, &theme);
		}
		if (sm_diag_errors()) {
			rc = error_status();
			goto done;
		}
		printf("%s: no errors%s\n", dir, sm_diag_warnings() ? ", see the warnings above" : "");
		goto done;
	}
	if (dump && !strcmp(dump, "cells")) {
		dump_cells(&arena, &doc, &data);
		goto done;
	}
	if (dump && !strcmp(dump, "model")) {
		dump_model(&doc);
		goto done;
	}
	struct sm_theme theme;
	int usage_error = 0;
	if (sm_theme_load(&arena, &doc, layout, &theme, &usage_error)) {
		rc = usage_error ? 2 : error_status();
		goto done;
	}
	sm_check_figures(&arena, &doc, &data, &theme);
	if (sm_diag_errors()) {
		rc = 1;
		goto done;
	}
	struct sm_fonts fonts;
	if (sm_fonts_open(&fonts, &theme)) {
		sm_fonts_close(&fonts);
		rc = error_status();
		goto done;
	}
	/* Layout: the chapters into the flow, the flow into pages. */
	struct sm_pages pages;
	struct sm_layout L;
	sm_layout_init(&L, &arena, &doc, &data, &theme, &fonts, &pages);
	if (!sm_layout_doc(&L))
		sm_paginate(&L);
	sm_layout_free(&L);
	/* An error met on the way (a file that could not be opened) stops
	 * the build even where layout went on without it. */
	if (sm_diag_errors()) {
		sm_fonts_close(&fonts);
		rc = error_status();
		goto done;
	}
	if (dump) {
		sm_dev_text_write(&pages, stdout);
		sm_fonts_close(&fonts);
		goto done;
	}
	if (!out) {
		const char *slug = sm_slug(&arena, doc.municipality ? doc.municipality : "monitor");
		out = sm_arena_printf(&arena, "out/%s-sociale-monitor-%d.pdf", slug, doc.edition);
	}
	if (mkdirs(out)) {
		sm_diag(SM_MSG_write_failed, NULL, out, strerror(errno));
		sm_fonts_close(&fonts);
		rc = 3;
		goto done;
	}
	rc = sm_dev_pdf_write(&pages, &fonts, out);
	if (!rc)
		printf("%s: %d pages\n", out, pages.n);
	sm_fonts_close(&fonts);
done:
	sm_dirs_close();
	sm_hyphen_close();
	sm_arena_free(&arena);
	return rc;
}
