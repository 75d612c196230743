/* layout_fixture.c: see layout_fixture.h. */
#include "layout_fixture.h"
#include <string.h>

int layout_fixture_setup(struct layout_fixture *f, double width)
{
	memset(f, 0, sizeof *f);
	f->doc.dir = "/nonexistent-project";
	int usage;
	if (sm_theme_load(&f->a, &f->doc, NULL, &f->t, &usage) || sm_fonts_open(&f->fonts, &f->t))
		return -1;
	f->L.a = &f->a;
	f->L.doc = &f->doc;
	f->L.t = &f->t;
	f->L.fonts = &f->fonts;
	f->L.pages = &f->pages;
	f->L.tw = width;
	f->L.th = 700;
	f->L.node = sm_node_add(&f->a, &f->pages, SM_S_DOCUMENT, -1);   /* as sm_layout_init */
	return 0;
}

void layout_fixture_teardown(struct layout_fixture *f)
{
	sm_fonts_close(&f->fonts);
	sm_arena_free(&f->L.scratch);
	sm_arena_free(&f->a);
}
