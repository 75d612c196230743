/* build.c: one run of the engine over a project: load, validate, compute,
 * lay out and write the PDF (or stop after validating, for `check`).
 * Returns the exit status. The command line (main.c) and the fuzz target
 * of the whole pipeline both call it. */
#include "layout.h"
#include "hyphenate.h"
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
	/* A computed attention or off-track needs words for the council. */
	for (int c = 0; c < doc.nchapters; c++)
		for (int g = 0; g < doc.chapters[c].ngoals; g++) {
			const struct sm_goal *goal = &doc.chapters[c].goals[g];
			enum sm_status s = sm_calc_goal_status(&data, goal);
			if (goal->status == SM_STATUS_AUTO && !goal->explanation.n &&
			    (s == SM_STATUS_ATTENTION || s == SM_STATUS_OFF_TRACK))
				sm_diag(SM_MSG_auto_unexplained, &goal->status_pos, goal->id ? goal->id : "?", sm_status_names[s]);
		}
	if (!strcmp(cmd, "check")) {
		struct sm_theme theme;
		int usage_error;
		sm_theme_load(&arena, &doc, NULL, &theme, &usage_error);
		if (sm_diag_errors()) {
			rc = error_status();
			goto done;
		}
		printf("%s: no errors%s\n", dir, sm_diag_warnings() ? ", see the warnings above" : "");
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
	struct sm_fonts fonts;
	if (sm_fonts_open(&fonts, &theme)) {
		sm_fonts_close(&fonts);
		rc = error_status();
		goto done;
	}
	struct sm_pages pages;
	if (sm_layout_doc(&arena, &doc, &data, &theme, &fonts, &pages)) {
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
	if (sm_dev_pdf_write(&pages, &doc, &theme, &fonts, out))
		rc = 3;
	else
		printf("%s: %d pages\n", out, pages.n);
	sm_fonts_close(&fonts);
done:
	sm_dirs_close();
	sm_hyphen_close();
	sm_arena_free(&arena);
	return rc;
}
