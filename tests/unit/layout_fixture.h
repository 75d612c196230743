/* layout_fixture.h: a layout context on the fonts of the standaard layout,
 * for the unit tests of line breaking and typography. */
#ifndef SM_LAYOUT_FIXTURE_H
#define SM_LAYOUT_FIXTURE_H
#include "layout.h"

struct layout_fixture {
	struct sm_arena a;
	struct sm_doc doc;
	struct sm_theme t;
	struct sm_fonts fonts;
	struct sm_pages pages;
	struct sm_layout L;
};

/* A text area of width pt; 0 on success. */
int layout_fixture_setup(struct layout_fixture *f, double width);
void layout_fixture_teardown(struct layout_fixture *f);

#endif
