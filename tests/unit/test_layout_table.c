/* Tables (layout_table.c): numbers on the decimal comma, right-aligned
 * under a right-aligned head, labels at the cell's padding, and the header
 * row repeated when a table runs over a page break. The expectations are
 * the rules of the table, worked out from the text widths in the test. */
#include "unit.h"
#include "layout_fixture.h"
#include <math.h>

static int is_text(const struct sm_item *it, const char *s)
{
	return it->kind == SM_ITEM_TEXT && it->len == strlen(s) && !memcmp(it->text, s, it->len);
}

/* The text item s in the flow's boxes, or NULL. */
static const struct sm_item *find_text(const struct sm_layout *L, const char *s)
{
	for (int i = 0; i < L->flow.n; i++)
		for (int k = 0; k < L->flow.v[i].items.n; k++)
			if (is_text(&L->flow.v[i].items.v[k], s))
				return &L->flow.v[i].items.v[k];
	return NULL;
}

/* Where the decimal comma of a number item stands; an integer's "comma"
 * is where it ends. */
static double comma_x(struct sm_layout *L, const struct sm_item *it)
{
	const char *c = memchr(it->text, ',', it->len);
	size_t n = c ? (size_t)(c - it->text) : it->len;
	return it->x + sm_font_width(L->fonts, it->role, it->size, it->text, n);
}

static double end_x(struct sm_layout *L, const struct sm_item *it)
{
	return it->x + sm_font_width(L->fonts, it->role, it->size, it->text, it->len);
}

static const char *numbers[3][2] = { { "1,5", "12" }, { "12,25", "3,0" }, { "7", "100,5" } };
static const char *labels[3] = { "Noord", "Zuid", "Oost" };

TEST(test_table_numbers_on_the_comma)
{
	struct layout_fixture f;
	CHECK(layout_fixture_setup(&f, 400) == 0);
	struct sm_layout *L = &f.L;
	struct sm_table *t = sm_table_new(L, 3, 3);
	t->head[0] = "Wijk";
	t->head[1] = "2022";
	t->head[2] = "2023";
	for (int r = 0; r < 3; r++) {
		sm_table_cell(t, r, 0)->text = labels[r];
		for (int c = 1; c < 3; c++)
			sm_table_cell(t, r, c)->text = numbers[r][c - 1];
	}
	sm_table_emit(L, t);
	/* Three rows this narrow fit at the table's first size, a point over
	 * the small text; cells are padded by 0.6 of the size. */
	double size = f.t.small + 1, pad = size * 0.6;
	for (int c = 1; c < 3; c++) {
		const struct sm_item *it[3];
		double comma = 0, right = 0;
		for (int r = 0; r < 3; r++) {
			it[r] = find_text(L, numbers[r][c - 1]);
			CHECK(it[r] != NULL);
			if (!it[r])
				goto out;
			CHECK(fabs(it[r]->size - size) < 1e-9);
			/* Every number's comma (or end) on one vertical. */
			if (r == 0)
				comma = comma_x(L, it[r]);
			CHECK(fabs(comma_x(L, it[r]) - comma) < 0.01);
			right = fmax(right, end_x(L, it[r]));
		}
		/* The head ends where the longest number ends: right-aligned. */
		const struct sm_item *h = find_text(L, t->head[c]);
		CHECK(h != NULL);
		if (h)
			CHECK(fabs(end_x(L, h) - right) < 0.01);
		/* Column 1 stands wholly left of column 2. */
		if (c == 1) {
			for (int r = 0; r < 3; r++) {
				const struct sm_item *o = find_text(L, numbers[r][1]);
				CHECK(o && o->x > right + 2 * pad - 0.01);
			}
		}
		/* The last column ends at the text area's edge, less its padding. */
		if (c == 2)
			CHECK(fabs(right - (L->tw - pad)) < 0.01);
	}
	/* The labels are left-aligned at the padding. */
	for (int r = 0; r < 3; r++) {
		const struct sm_item *it = find_text(L, labels[r]);
		CHECK(it && fabs(it->x - pad) < 0.01);
	}
out:
	layout_fixture_teardown(&f);
}

/* A table longer than a page: every page it runs onto starts with the
 * header row, above the first row there, and the header is set once a page. */
TEST(test_table_header_repeats_over_a_page_break)
{
	struct layout_fixture f;
	CHECK(layout_fixture_setup(&f, 300) == 0);
	struct sm_layout *L = &f.L;
	f.pages.w = f.t.page_w;
	f.pages.h = f.t.page_h;
	f.doc.title = "Monitor";
	f.doc.published = (struct sm_date){ 2024, 5, 1 };
	L->th = 160;
	enum { ROWS = 30 };
	struct sm_table *t = sm_table_new(L, 2, ROWS);
	t->head[0] = "Wijkhoofd";
	t->head[1] = "Aantal";
	for (int r = 0; r < ROWS; r++) {
		sm_table_cell(t, r, 0)->text = sm_arena_printf(L->a, "Rij%d", r);
		sm_table_cell(t, r, 1)->text = sm_arena_printf(L->a, "%d", 100 + r);
	}
	sm_table_emit(L, t);
	/* Every row box knows the header box to repeat, and the header keeps
	 * with the first row. */
	int header = -1, rows = 0;
	for (int i = 0; i < L->flow.n; i++)
		if (L->flow.v[i].kind == SM_FLOW_BOX && L->flow.v[i].repeat >= 0) {
			if (header < 0)
				header = L->flow.v[i].repeat;
			CHECK(L->flow.v[i].repeat == header);
			rows++;
		}
	CHECK(rows == ROWS);
	CHECK(header >= 0 && L->flow.v[header].keep_next);
	sm_paginate(L);
	int pages_with_rows = 0;
	for (int p = f.pages.nfront; p < f.pages.n; p++) {
		const struct sm_page *pg = &f.pages.v[p];
		int heads = 0;
		double head_y = 0, first_row_y = 1e9;
		for (int k = 0; k < pg->items.n; k++) {
			const struct sm_item *it = &pg->items.v[k];
			if (is_text(it, "Wijkhoofd")) {
				heads++;
				head_y = it->y;
			} else if (it->kind == SM_ITEM_TEXT && it->len > 3 && !memcmp(it->text, "Rij", 3)) {
				first_row_y = fmin(first_row_y, it->y);
			}
		}
		if (first_row_y == 1e9)
			continue;
		pages_with_rows++;
		CHECK(heads == 1);
		CHECK(head_y < first_row_y);
	}
	/* 30 rows of more than 10 pt do not fit on pages of 160 pt. */
	CHECK(pages_with_rows >= 3);
	layout_fixture_teardown(&f);
}
