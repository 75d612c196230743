/* Tables as tagged tables (layout_table.c): the elements a table makes and
 * the element each of its items names. A table opened inside a paragraph
 * goes beside it; every row has a cell for every column, empty or not; a
 * group row's label is a row header; fills, rules and status shapes are
 * artifacts; the source is a paragraph after the Table. */
#include "unit.h"
#include "layout_fixture.h"

static int type(const struct sm_layout *L, int node)
{
	return node >= 0 && node < L->pages->nnodes ? L->pages->nodes[node].type : -1;
}

/* The element of the text item s in the flow: its own, or its box's. */
static int text_node(const struct sm_layout *L, const char *s)
{
	for (int i = 0; i < L->flow.n; i++)
		for (int k = 0; k < L->flow.v[i].items.n; k++) {
			const struct sm_item *it = &L->flow.v[i].items.v[k];
			if (it->kind == SM_ITEM_TEXT && it->len == strlen(s) && !memcmp(it->text, s, it->len))
				return it->node == SM_NODE_UNSET ? L->flow.v[i].node : it->node;
		}
	return -100;
}

TEST(test_table_roles)
{
	struct layout_fixture f;
	CHECK(layout_fixture_setup(&f, 400) == 0);
	struct sm_layout *L = &f.L;
	struct sm_table *t = sm_table_new(L, 3, 4);
	t->title = "Bijstand";
	t->head[0] = "";
	t->head[1] = "2022";
	t->head[2] = "Oordeel";
	t->align[2] = SM_ALIGN_RIGHT;
	t->kinds[0] = SM_ROW_GROUP;
	sm_table_cell(t, 0, 0)->text = "Uitkeringen";
	t->kinds[1] = t->kinds[2] = SM_ROW_SUB;
	sm_table_cell(t, 1, 0)->text = "Noord";
	sm_table_cell(t, 1, 1)->text = "1,5";
	sm_table_cell(t, 1, 2)->text = "Op koers";
	sm_table_cell(t, 1, 2)->status = SM_STATUS_ON_TRACK;
	sm_table_cell(t, 2, 0)->text = "Zuid";      /* no figure, no status: empty cells */
	t->kinds[3] = SM_ROW_TOTAL;
	sm_table_cell(t, 3, 0)->text = "Totaal";
	sm_table_cell(t, 3, 1)->text = "3,0";
	t->source = "Bron: CBS";
	int p = sm_struct_open(L, SM_S_P);
	sm_table_emit(L, t);
	CHECK(L->node == p);            /* back where it was */

	/* Document > P, Table > Caption, THead, TBody. */
	int table = -1;
	for (int i = 0; i < f.pages.nnodes; i++)
		if (type(L, i) == SM_S_TABLE && table < 0)
			table = i;
	CHECK(table > p);
	CHECK(f.pages.nodes[table].parent == 0);
	int kids[8], nk = 0, thead = -1, tbody = -1;
	for (int i = 0; i < f.pages.nnodes; i++)
		if (f.pages.nodes[i].parent == table && nk < 8)
			kids[nk++] = i;
	CHECK(nk == 3);
	CHECK(type(L, kids[0]) == SM_S_CAPTION && type(L, kids[1]) == SM_S_THEAD && type(L, kids[2]) == SM_S_TBODY);
	thead = kids[1];
	tbody = kids[2];
	CHECK(text_node(L, "Bijstand") == kids[0]);

	/* Rows: one in THead, four in TBody, each of three cells, the first a
	 * TH (scope Column in the head, Row in the body), the others TD. */
	int rows = 0;
	for (int r = 0; r < f.pages.nnodes; r++) {
		int sec = f.pages.nodes[r].parent;
		if (type(L, r) != SM_S_TR)
			continue;
		CHECK(sec == thead || sec == tbody);
		rows++;
		int n = 0;
		for (int c = 0; c < f.pages.nnodes; c++) {
			if (f.pages.nodes[c].parent != r)
				continue;
			int th = sec == thead || n == 0;
			CHECK(type(L, c) == (th ? SM_S_TH : SM_S_TD));
			CHECK(f.pages.nodes[c].scope == (!th ? SM_SCOPE_NONE : sec == thead ? SM_SCOPE_COLUMN : SM_SCOPE_ROW));
			n++;
		}
		CHECK(n == 3);
	}
	CHECK(rows == 5);

	/* Cell text names its cell; the group label is a row header. */
	int g = text_node(L, "Uitkeringen");
	CHECK(g >= 0 && type(L, g) == SM_S_TH && f.pages.nodes[g].scope == SM_SCOPE_ROW);
	CHECK(type(L, text_node(L, "2022")) == SM_S_TH);
	CHECK(type(L, text_node(L, "1,5")) == SM_S_TD);
	CHECK(type(L, text_node(L, "Op koers")) == SM_S_TD);
	CHECK(type(L, text_node(L, "Totaal")) == SM_S_TH);
	/* Everything drawn in a row is decoration: fills, rules, the status dot. */
	int drawn = 0;
	for (int i = 0; i < L->flow.n; i++) {
		const struct sm_flow_item *b = &L->flow.v[i];
		if (b->kind != SM_FLOW_BOX || type(L, b->node) != SM_S_TR)
			continue;
		for (int k = 0; k < b->items.n; k++)
			if (b->items.v[k].kind != SM_ITEM_TEXT) {
				CHECK(b->items.v[k].node == SM_ART_LAYOUT);
				drawn++;
			} else {
				CHECK(b->items.v[k].node >= 0);
			}
	}
	CHECK(drawn >= 4);              /* header fill, group fill, status dot, total rule, bottom rule */
	/* The source: a P after the Table, beside it. */
	int src = text_node(L, "Bron: CBS");
	CHECK(src > table && type(L, src) == SM_S_P && f.pages.nodes[src].parent == 0);
	layout_fixture_teardown(&f);
}
