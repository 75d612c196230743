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
	sm_layout_init(&f->L, &f->a, &f->doc, NULL, &f->t, &f->fonts, &f->pages);
	f->L.tw = width;
	f->L.th = 700;
	return 0;
}

void layout_fixture_teardown(struct layout_fixture *f)
{
	sm_fonts_close(&f->fonts);
	sm_arena_free(&f->L.scratch);
	sm_arena_free(&f->a);
}
