/* The PDF device's tags on pages and a structure tree built by hand, for
 * trees layout does not make (yet): elements drawn out of reading order,
 * an element over two pages, links with and without a Link element,
 * artifacts of every kind, clips, transparency and an image inside
 * elements, an element with more kids than a PDF/A-1 array holds, more
 * links than one leaf of the ParentTree holds, stray and unset nodes, and
 * pages without any element at all.
 *
 * With SM_TEST_TAGGED_DIR set, the PDFs stay there (hand.pdf, bare.pdf)
 * for tests/e2e/tagged_device.sh to check with pikepdf and poppler. */
#include "unit.h"
#include "layout_fixture.h"
#include "dev.h"
#include "image.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct sm_color black = { 0, 0, 0 };

static struct sm_item *text(struct layout_fixture *f, struct sm_page *pg, int node, double x, double y, const char *s)
{
	sm_text_item(&f->L, &pg->items, SM_FACE_REGULAR, 11, black, x, y, s);
	struct sm_item *it = &pg->items.v[pg->items.n - 1];
	it->node = node;
	return it;
}

static struct sm_item *item(struct layout_fixture *f, struct sm_page *pg, enum sm_item_kind kind, int node, double x,
			    double y, double w, double h)
{
	struct sm_item *it = sm_item_add(&f->a, &pg->items, kind);
	it->node = node;
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->fill = kind != SM_ITEM_LINE;
	it->do_stroke = kind == SM_ITEM_LINE;
	it->line_width = 1;
	return it;
}

static struct sm_page *page(struct layout_fixture *f)
{
	struct sm_pages *P = &f->pages;
	struct sm_page pg = { SM_PAGE_BODY, { 0 }, -1, 0, "1" };
	SM_PUSH(&f->a, P->v, P->n, P->cap, pg);
	return &P->v[P->n - 1];
}

static int setup(struct layout_fixture *f)
{
	if (layout_fixture_setup(f, 400))
		return -1;
	struct sm_pages *P = &f->pages;
	P->w = 595;
	P->h = 842;
	P->info = (struct sm_docinfo){ "Getagd", "Test", NULL, "test", "unit", "nl-NL", { 2024, 6, 1 } };
	return 0;
}

/* Where the PDF goes: the folder SM_TEST_TAGGED_DIR names, or a scratch file. */
static const char *target(char *buf, size_t n, const char *name)
{
	const char *dir = getenv("SM_TEST_TAGGED_DIR");
	if (dir)
		snprintf(buf, n, "%s/%s", dir, name);
	else
		snprintf(buf, n, "%s/sm-tagged-%d-%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid(), name);
	return buf;
}

static int written(const char *path)
{
	struct stat st;
	int ok = stat(path, &st) == 0 && st.st_size > 1000;
	if (!getenv("SM_TEST_TAGGED_DIR"))
		unlink(path);
	return ok;
}

TEST(test_tagged_device_tree)
{
	struct layout_fixture f;
	CHECK(setup(&f) == 0);
	struct sm_pages *P = &f.pages;
	struct sm_arena *a = &f.a;
	int doc = 0;                    /* the Document sm_layout_init made */
	int sect = sm_node_add(a, P, SM_S_SECT, doc);
	int h1 = sm_node_add(a, P, SM_S_H1, sect);
	int para = sm_node_add(a, P, SM_S_P, sect);
	int link = sm_node_add(a, P, SM_S_LINK, para);
	P->nodes[link].alt = "Hoofdstuk 4 Jeugd, pagina 13";
	int note = sm_node_add(a, P, SM_S_NOTE, para);
	int table = sm_node_add(a, P, SM_S_TABLE, sect);
	int tr = sm_node_add(a, P, SM_S_TR, table);
	int th = sm_node_add(a, P, SM_S_TH, tr);
	P->nodes[th].scope = SM_SCOPE_COLUMN;
	int td = sm_node_add(a, P, SM_S_TD, tr);
	int fig = sm_node_add(a, P, SM_S_FIGURE, sect);
	P->nodes[fig].alt = "Lijndiagram: Wmo-cli\xC3\xABnten per 1.000 inwoners, 2015\xE2\x80\x93" "2023 \xF0\x9F\x93\x88";
	int empty = sm_node_add(a, P, SM_S_P, sect);
	P->nodes[empty].alt = "nooit getekend";
	int across = sm_node_add(a, P, SM_S_P, sect);
	int many = sm_node_add(a, P, SM_S_P, doc);
	int stray = sm_node_add(a, P, SM_S_P, 999);     /* a parent that is not before it */
	(void)empty;

	static unsigned char px[2 * 2 * 3] = { 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255 };
	static struct sm_image img = { "test.png", 2, 2, px, NULL, 0, NULL, 0 };

	struct sm_page *pg = page(&f);
	text(&f, pg, SM_ART_HEADER, 60, 40, "Kop van de pagina");
	/* The note at the foot is drawn first, its paragraph after it. */
	text(&f, pg, note, 60, 780, "1 Een voetnoot.");
	text(&f, pg, h1, 60, 100, "Hoofdstuk");
	text(&f, pg, para, 60, 130, "Een alinea met");
	text(&f, pg, link, 140, 130, "een link");
	struct sm_item *lk = item(&f, pg, SM_ITEM_LINK, link, 140, 120, 50, 12);
	lk->url = "https://example.org/jeugd";
	text(&f, pg, para, 200, 130, "erna, en een tweede");
	lk = item(&f, pg, SM_ITEM_LINK, para, 200, 120, 80, 12);       /* no Link element: one is made */
	lk->url = "https://example.org/tweede";
	item(&f, pg, SM_ITEM_LINE, SM_ART_LAYOUT, 60, 150, 400, 0);
	item(&f, pg, SM_ITEM_CLIP, SM_NODE_UNSET, 60, 160, 400, 40);
	text(&f, pg, th, 60, 180, "Jaar");
	text(&f, pg, td, 160, 180, "2023");
	item(&f, pg, SM_ITEM_UNCLIP, SM_NODE_UNSET, 0, 0, 0, 0);
	struct sm_item *band = item(&f, pg, SM_ITEM_RECT, fig, 60, 220, 200, 100);
	band->alpha = 0.5f;
	band->color = (struct sm_color){ 0.2f, 0.4f, 0.8f };
	struct sm_item *pic = item(&f, pg, SM_ITEM_IMAGE, fig, 280, 220, 50, 50);
	pic->image = &img;
	text(&f, pg, fig, 70, 300, "60");
	text(&f, pg, SM_NODE_UNSET, 60, 340, "Versiering");
	lk = item(&f, pg, SM_ITEM_LINK, SM_NODE_UNSET, 60, 330, 80, 12);    /* an artifact's link */
	lk->url = "https://example.org/versiering";
	text(&f, pg, across, 60, 400, "Een alinea die op deze pagina begint");
	text(&f, pg, 12345, 60, 420, "Een verdwaalde regel");          /* an element that does not exist */
	text(&f, pg, SM_ART_FOOTER, 300, 820, "1");
	struct sm_item *stamp = text(&f, pg, SM_ART_PAGE, 100, 500, "CONCEPT");
	stamp->angle = 45;

	pg = page(&f);
	text(&f, pg, SM_ART_HEADER, 60, 40, "Kop van de pagina");
	text(&f, pg, across, 60, 100, "en op de volgende eindigt.");
	text(&f, pg, stray, 60, 120, "Een regel zonder goede ouder");
	text(&f, pg, SM_ART_FOOTER, 300, 820, "2");

	/* 9,000 sequences of one element and 2,250 links made Links in it,
	 * over three pages: more kids than an array holds in PDF/A-1, more
	 * keys than one leaf of the ParentTree holds. */
	for (int p = 0; p < 3; p++) {
		pg = page(&f);
		for (int k = 0; k < 3000; k++) {
			text(&f, pg, many, 60 + k % 10 * 40, 60 + k / 10 * 2.4, "x");
			item(&f, pg, SM_ITEM_RECT, SM_ART_LAYOUT, 60 + k % 10 * 40, 60 + k / 10 * 2.4, 1, 1);
			if (k % 4 == 0)
				item(&f, pg, SM_ITEM_LINK, many, 60, 60 + k / 10 * 2.4, 400, 2)->url = "https://example.org/x";
		}
	}

	char path[4096];
	CHECK(sm_dev_pdf_write(P, &f.fonts, target(path, sizeof path, "hand.pdf")) == 0);
	CHECK(written(path));
	layout_fixture_teardown(&f);
}

/* Pages whose items name no element, and no tree at all: a Document of
 * the device's own holds them. */
TEST(test_tagged_device_without_tree)
{
	struct layout_fixture f;
	CHECK(setup(&f) == 0);
	struct sm_page *pg = page(&f);
	text(&f, pg, 0, 60, 100, "Tekst zonder boom");
	text(&f, pg, SM_ART_FOOTER, 300, 820, "1");
	page(&f);       /* an empty page */
	char path[4096];
	CHECK(sm_dev_pdf_write(&f.pages, &f.fonts, target(path, sizeof path, "bare.pdf")) == 0);
	CHECK(written(path));
	layout_fixture_teardown(&f);
}
