/* Pagination (layout_page.c) on a flow built by hand: three chapters, the
 * second two and a half pages long. The page sequence, labels, contents
 * numbers and running heads below are worked out by hand from the rules:
 * cover, (blank,) contents, (blank,) then the chapters; roman labels in the
 * front matter, arabic from 1 after it; a chapter on a right-hand page
 * (even index) when the layout says start: right. */
#include "unit.h"
#include "layout_fixture.h"
#include <math.h>

static struct sm_chapter chapters[3] = { { .title = "Een" }, { .title = "Twee" }, { .title = "Drie" } };

static int is_text(const struct sm_item *it, const char *s)
{
	return it->kind == SM_ITEM_TEXT && it->len == strlen(s) && !memcmp(it->text, s, it->len);
}

static const struct sm_item *page_text(const struct sm_page *pg, const char *s)
{
	for (int k = 0; k < pg->items.n; k++)
		if (is_text(&pg->items.v[k], s))
			return &pg->items.v[k];
	return NULL;
}

/* Chapter 1: one short box; chapter 2: five boxes of 0.45 of the text
 * height (two a page: three pages); chapter 3: one box. */
static int paginate(struct layout_fixture *f, int start_right)
{
	if (layout_fixture_setup(f, 0))
		return -1;
	struct sm_layout *L = &f->L;
	f->t.start_right = start_right;
	f->t.header = "{municipality}: {chapter}";
	f->t.footer = "{title} {edition} \xC2\xB7 {page}";
	f->doc.title = "Monitor";
	f->doc.edition = 2024;
	f->doc.municipality = "Testdorp";
	f->doc.published = (struct sm_date){ 2024, 5, 1 };
	f->doc.chapters = chapters;
	f->doc.nchapters = 3;
	f->pages.w = f->t.page_w;
	f->pages.h = f->t.page_h;
	L->tw = f->t.page_w - f->t.m_inner - f->t.m_outer;
	L->th = f->t.page_h - f->t.m_top - f->t.m_bottom;
	static const char *numbers[3] = { "1", "2", "3" };
	static const int boxes[3] = { 1, 5, 1 };
	for (int c = 0; c < 3; c++) {
		int an = sm_anchor_add(L, chapters[c].title, 1, numbers[c]);
		sm_flow_break(L, c, start_right);
		for (int b = 0; b < boxes[c]; b++) {
			struct sm_flow_item *box = sm_flow_box(L, c == 1 ? L->th * 0.45 : 20);
			if (b == 0)
				box->anchor = an;
		}
	}
	sm_paginate(L);
	return 0;
}

static void check_labels(const struct sm_pages *P, const char *const *want, int n)
{
	CHECK(P->n == n);
	for (int i = 0; i < n && i < P->n; i++)
		CHECK_STR(P->v[i].label, want[i]);
}

/* The contents page lists each chapter with the label of the page its
 * anchor landed on: the bold page numbers, in order. */
static void check_contents(const struct sm_page *pg, const char *const *want)
{
	int k = 0;
	for (int i = 0; i < pg->items.n; i++) {
		const struct sm_item *it = &pg->items.v[i];
		if (it->kind != SM_ITEM_TEXT || it->role != SM_FACE_BOLD)
			continue;
		CHECK(k < 3);
		if (k < 3)
			CHECK(is_text(it, want[k]));
		k++;
	}
	CHECK(k == 3);
}

TEST(test_pages_right_hand_chapters)
{
	struct layout_fixture f;
	CHECK(paginate(&f, 1) == 0);
	const struct sm_pages *P = &f.pages;
	/* 0 cover, 1 blank, 2 contents, 3 blank (4 front pages); 4 chapter 1;
	 * 5 blank; 6-8 chapter 2; 9 blank; 10 chapter 3. */
	static const char *labels[] = { "i", "ii", "iii", "iv", "1", "2", "3", "4", "5", "6", "7" };
	check_labels(P, labels, 11);
	CHECK(P->nfront == 4);
	static const enum sm_page_kind kinds[] = { SM_PAGE_COVER, SM_PAGE_BLANK, SM_PAGE_FRONT, SM_PAGE_BLANK,
		SM_PAGE_BODY, SM_PAGE_BLANK, SM_PAGE_BODY, SM_PAGE_BODY, SM_PAGE_BODY, SM_PAGE_BLANK, SM_PAGE_BODY };
	for (int i = 0; i < 11 && i < P->n; i++)
		CHECK(P->v[i].kind == kinds[i]);
	/* Chapters open on even indexes: right-hand pages. */
	CHECK(P->nanchors == 3);
	CHECK(P->anchors[0].page == 4);
	CHECK(P->anchors[1].page == 6);
	CHECK(P->anchors[2].page == 10);
	if (P->n == 11) {
		static const char *toc[] = { "1", "3", "7" };
		check_contents(&P->v[2], toc);
		/* Blank pages carry nothing, not even a footer. */
		CHECK(P->v[1].items.n == 0 && P->v[5].items.n == 0 && P->v[9].items.n == 0);
	}
	layout_fixture_teardown(&f);
}

TEST(test_pages_new_page_chapters)
{
	struct layout_fixture f;
	CHECK(paginate(&f, 0) == 0);
	const struct sm_pages *P = &f.pages;
	/* No blanks: 0 cover, 1 contents; 2 chapter 1; 3-5 chapter 2; 6 chapter 3. */
	static const char *labels[] = { "i", "ii", "1", "2", "3", "4", "5" };
	check_labels(P, labels, 7);
	CHECK(P->nfront == 2);
	CHECK(P->nanchors == 3);
	CHECK(P->anchors[0].page == 2);
	CHECK(P->anchors[1].page == 3);
	CHECK(P->anchors[2].page == 6);
	if (P->n == 7) {
		static const char *toc[] = { "1", "2", "5" };
		check_contents(&P->v[1], toc);
	}
	layout_fixture_teardown(&f);
}

/* Running heads from the layout's template: the chapter's own, not on the
 * page that opens it; on the outer side (right on right-hand pages). The
 * footer from its template, with the page label, on every page but blanks
 * and the cover. */
TEST(test_pages_running_heads)
{
	struct layout_fixture f;
	CHECK(paginate(&f, 1) == 0);
	const struct sm_pages *P = &f.pages;
	if (P->n != 11)
		goto out;
	const char *head = "Testdorp: Twee";
	CHECK(page_text(&P->v[6], head) == NULL);       /* the opener */
	const struct sm_item *verso = page_text(&P->v[7], head), *recto = page_text(&P->v[8], head);
	CHECK(verso && fabs(verso->x - f.t.m_outer) < 0.01);
	if (recto) {
		double end = recto->x + sm_font_width(&f.fonts, recto->role, recto->size, recto->text, recto->len);
		CHECK(fabs(end - (f.t.m_inner + f.L.tw)) < 0.01);
	} else {
		CHECK(recto != NULL);
	}
	/* Chapter 3's page is an opener: no head; chapter 1's neither. */
	CHECK(page_text(&P->v[10], "Testdorp: Drie") == NULL);
	CHECK(page_text(&P->v[4], "Testdorp: Een") == NULL);
	CHECK(page_text(&P->v[7], "Monitor 2024 \xC2\xB7 4") != NULL);
	CHECK(page_text(&P->v[8], "Monitor 2024 \xC2\xB7 5") != NULL);
	CHECK(page_text(&P->v[2], "Monitor 2024 \xC2\xB7 iii") != NULL);
	CHECK(page_text(&P->v[0], "Monitor 2024 \xC2\xB7 i") == NULL);
out:
	layout_fixture_teardown(&f);
}
