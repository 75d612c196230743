/* layout_rich.c: the text styles every builder shares, section headings,
 * and rich text (paragraphs, lists, quotes, code, headings, figures in
 * text and footnotes) set into the flow. The lowest layout file that
 * knows the theme's styles: tables, charts and chapters build on it. */
#include "layout.h"
#include <string.h>

/* ------------------------------------------------------------ styles */

struct sm_pstyle sm_pstyle_body(const struct sm_layout *L)
{
	struct sm_pstyle ps;
	memset(&ps, 0, sizeof ps);
	ps.size = L->t->body;
	ps.leading = L->t->leading;
	ps.role_regular = SM_FACE_REGULAR;
	ps.role_bold = SM_FACE_BOLD;
	ps.role_italic = SM_FACE_ITALIC;
	ps.role_bold_italic = SM_FACE_BOLD_ITALIC;
	ps.color = L->t->text;
	ps.link_color = L->t->primary;
	ps.justify = L->t->justify;
	ps.width = L->t->measure > 0 && L->t->measure < L->tw ? L->t->measure : L->tw;
	return ps;
}

struct sm_pstyle sm_pstyle_small(const struct sm_layout *L)
{
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.size = L->t->small;
	ps.leading = L->t->small * 1.45;
	ps.color = L->t->muted;
	ps.justify = 0;
	return ps;
}

struct sm_pstyle sm_pstyle_heading(const struct sm_layout *L, double size, struct sm_color c)
{
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.size = size;
	ps.leading = size * 1.25;
	ps.role_regular = ps.role_bold = SM_FACE_HEADING;
	ps.color = c;
	ps.justify = 0;
	ps.nohyphen = 1;
	return ps;
}

void sm_keep_from(struct sm_layout *L, int first)
{
	for (int i = first; i < L->flow.n; i++)
		if (L->flow.v[i].kind == SM_FLOW_BOX)
			L->flow.v[i].keep_next = 1;
}

/* ---------------------------------------------------------- headings */

/* A section heading inside a chapter (level 2 in the outline). At the
 * top level of a chapter a section is a Sect of its own, up to the next
 * section; inside a card or a list it is a heading only. */
void sm_layout_section(struct sm_layout *L, const char *title, int outline)
{
	if (L->chapter_sect >= 0 && (L->node == L->chapter_sect || L->node == L->section_sect)) {
		L->node = L->chapter_sect;
		L->section_sect = sm_struct_open(L, SM_S_SECT);
	}
	sm_flow_space(L, L->t->leading * 1.4);
	struct sm_pstyle ps = sm_pstyle_heading(L, L->t->h2, L->t->primary);
	sm_heading_open(L, 2);
	int first = sm_set_text(L, title, 0, &ps, NULL, NULL);
	sm_struct_close(L);
	if (outline)
		L->flow.v[first].anchor = sm_anchor_add(L, title, 2, NULL);
	sm_keep_from(L, first);
	sm_flow_space(L, L->t->leading * 0.45);
}

void sm_layout_subsection(struct sm_layout *L, const char *title)
{
	sm_flow_space(L, L->t->leading * 0.9);
	struct sm_pstyle ps = sm_pstyle_heading(L, L->t->h3, L->t->text);
	sm_heading_open(L, 3);
	int first = sm_set_text(L, title, 0, &ps, NULL, NULL);
	sm_struct_close(L);
	sm_keep_from(L, first);
	sm_flow_space(L, L->t->leading * 0.25);
}

/* --------------------------------------------------------- rich text */

void sm_bar_deco(struct sm_layout *L, struct sm_flow_item *box, void *ctx, int first, int last)
{
	(void)first;
	(void)last;
	struct sm_bar *b = ctx;
	sm_rect_item(L, &box->items, b->x, 0, 1.5, box->h, b->c, 0);
	box->items.v[box->items.n - 1].node = SM_ART_LAYOUT;
}

/* A list item's marker, of element lbl: drawn first in its box, so that
 * it reads before the item's text. */
static void marker(struct sm_layout *L, int box, const char *m, const struct sm_pstyle *ps, double x, int lbl)
{
	struct sm_flow_item *f = &L->flow.v[box];
	int role = ps->role_regular;
	double w = sm_font_width(L->fonts, role, ps->size, m, strlen(m));
	sm_text_item(L, &f->items, role, ps->size, m[0] >= '0' && m[0] <= '9' ? ps->color : L->t->primary,
		     x - w, sm_baseline(ps), m);
	struct sm_item it = f->items.v[f->items.n - 1];
	it.node = lbl;
	memmove(f->items.v + 1, f->items.v, (size_t)(f->items.n - 1) * sizeof it);
	f->items.v[0] = it;
}

static const struct sm_run *filled_runs(struct sm_layout *L, const struct sm_rich *r, const struct sm_para *p,
				       int *feet);

/* A footnote set in the layout's small text, its number before it and
 * its lines hanging after the number; kept in L->feet, for the lines that
 * refer to it (layout_text.c) and their pages (layout_page.c). Returns
 * 1 + its index there. */
static int set_foot(struct sm_layout *L, const struct sm_rich *note, int number)
{
	/* A Note of the paragraph that refers to it (being filled): its
	 * number, then its text. */
	int outer = L->node;
	L->node = sm_struct_add(L, SM_S_NOTE, outer);
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.size = L->t->small;
	ps.leading = L->t->small * 1.35;
	ps.indent = L->t->small * 1.6;
	ps.width = L->tw - ps.indent;
	struct sm_foot ft = { { 0 }, 0, NULL };
	const char *num = sm_arena_printf(L->a, "%d", number);
	ft.number = num;
	sm_text_item(L, &ft.items, ps.role_regular, ps.size, ps.color, 0, sm_baseline(&ps), num);
	sm_item_space_after(L, &ft.items.v[0]);
	for (int i = 0; i < note->n; i++) {
		const struct sm_para *p = &note->paras[i];
		int lines = sm_set_lines(L, filled_runs(L, note, p, NULL), p->nruns, &ps, &ft.items, 0, ft.h);
		ft.h += lines * ps.leading;
	}
	if (!note->n)
		ft.h = ps.leading;
	sm_items_node(&ft.items, 0, L->node);
	L->node = outer;
	SM_PUSH(L->a, L->feet, L->nfeet, L->feetcap, ft);
	return L->nfeet;
}

/* A paragraph's runs with its figures filled in (figure.c) and the
 * numbers of its footnotes, numbered per chapter. feet maps the notes of
 * r to L->feet (0: not set yet); NULL where no note is set (in a note, in
 * a heading). A note referred to again keeps its number, and its foot is
 * set once (a negative note in the run). */
static const struct sm_run *filled_runs(struct sm_layout *L, const struct sm_rich *r, const struct sm_para *p,
				       int *feet)
{
	int k = 0;
	while (k < p->nruns && !p->runs[k].fig && !p->runs[k].note)
		k++;
	if (k == p->nruns)
		return p->runs;
	struct sm_run *runs = sm_arena_alloc(L->a, (size_t)p->nruns * sizeof *runs);
	for (k = 0; k < p->nruns; k++) {
		runs[k] = p->runs[k];
		if (runs[k].fig) {
			runs[k].text = sm_figure_text(L, runs[k].fig);
			runs[k].fig = NULL;
		}
		if (!runs[k].note)
			continue;
		int n = runs[k].note - 1;
		runs[k].note = 0;
		runs[k].text = "";
		if (!feet || n >= r->nnotes)
			continue;
		if (L->nbreaks != L->note_chapter) {
			L->note_chapter = L->nbreaks;
			L->note_no = 0;
		}
		int again = feet[n] != 0;
		if (!again)
			feet[n] = set_foot(L, &r->notes[n], ++L->note_no);
		runs[k].text = L->feet[feet[n] - 1].number;
		runs[k].note = again ? -feet[n] : feet[n];
	}
	return runs;
}

/* Rich text's paragraphs carry their list and quote depths (sm.h); the
 * elements around them are built again from those: a stack of lists (L,
 * its current LI and that item's LBody) and quotes (BlockQuote). A list
 * and a quote opened by the same paragraph nest quote first. */
struct level {
	int quote;                  /* BlockQuote (el), or a list level */
	int el, li, body;           /* the BlockQuote or L; a list's LI and LBody */
};

struct nesting {
	int root;                   /* the element the text is set in */
	struct level v[2 * SM_MD_MAX_DEPTH + 4];
	int n, lists, quotes;
};

static int nest_top(const struct nesting *t)
{
	if (!t->n)
		return t->root;
	const struct level *lv = &t->v[t->n - 1];
	return lv->quote ? lv->el : lv->body;
}

static void nest_pop(struct nesting *t)
{
	if (t->v[--t->n].quote)
		t->quotes--;
	else
		t->lists--;
}

/* A new item of the list lv: its LI, its marker's Lbl (returned, or -1),
 * and its LBody. */
static int nest_item(struct sm_layout *L, struct level *lv, int marked)
{
	lv->li = sm_struct_add(L, SM_S_LI, lv->el);
	int lbl = marked ? sm_struct_add(L, SM_S_LBL, lv->li) : -1;
	lv->body = sm_struct_add(L, SM_S_LBODY, lv->li);
	return lbl;
}

/* Opens and closes elements until those of paragraph p are open; makes
 * the innermost current and returns the Lbl of p's marker, or -1. */
static int nest_to(struct sm_layout *L, struct nesting *t, const struct sm_para *p)
{
	int lists = p->list_depth, quotes = p->quote_depth, lbl = -1;
	while (t->n && (t->lists > lists || t->quotes > quotes ||
			(p->marker && t->lists == lists && t->v[t->n - 1].quote)))
		nest_pop(t);
	if (p->marker && lists > 0 && t->lists == lists && t->n)
		lbl = nest_item(L, &t->v[t->n - 1], 1);
	int cap = (int)(sizeof t->v / sizeof *t->v);
	while (t->quotes < quotes && t->n < cap) {
		struct level lv = { 1, sm_struct_add(L, SM_S_BLOCKQUOTE, nest_top(t)), -1, -1 };
		t->v[t->n++] = lv;
		t->quotes++;
	}
	while (t->lists < lists && t->n < cap) {
		struct level lv = { 0, sm_struct_add(L, SM_S_L, nest_top(t)), -1, -1 };
		t->lists++;
		int l = nest_item(L, &lv, p->marker && t->lists == lists);
		if (l >= 0)
			lbl = l;
		t->v[t->n++] = lv;
	}
	L->node = nest_top(t);
	return lbl;
}

void sm_rich(struct sm_layout *L, const struct sm_rich *r, const struct sm_pstyle *base)
{
	const double list_step = 14, quote_step = 12;
	int *feet = r->nnotes ? sm_arena_alloc(L->a, (size_t)r->nnotes * sizeof *feet) : NULL;
	if (feet)
		memset(feet, 0, (size_t)r->nnotes * sizeof *feet);
	struct nesting nest;
	nest.root = L->node;
	nest.n = nest.lists = nest.quotes = 0;
	for (int i = 0; i < r->n && !L->full; i++) {
		const struct sm_para *p = &r->paras[i];
		if (p->kind == SM_PARA_HEADING) {
			/* The runs as one plain text, a line break as a space. */
			const struct sm_run *runs = filled_runs(L, r, p, NULL);
			const char **parts = sm_arena_alloc(L->a, (size_t)p->nruns * sizeof *parts);
			for (int k = 0; k < p->nruns; k++)
				parts[k] = strcmp(runs[k].text, "\n") ? runs[k].text : " ";
			const char *title = sm_arena_join(L->a, parts, p->nruns, "");
			nest.n = nest.lists = nest.quotes = 0;
			L->node = nest.root;
			if (p->heading == 1)
				sm_layout_section(L, title, 1);
			else
				sm_layout_subsection(L, title);
			nest.root = L->node;        /* a section's Sect, when it opened one */
			continue;
		}
		int lbl = nest_to(L, &nest, p);
		/* The paragraph, made before its runs: their footnotes are its Notes. */
		sm_struct_open(L, SM_S_P);
		const struct sm_run *runs = filled_runs(L, r, p, feet);
		struct sm_pstyle ps = *base;
		double indent = p->list_depth * list_step + p->quote_depth * quote_step;
		ps.indent = base->indent + indent;
		ps.width = base->width - indent;
		if (p->kind == SM_PARA_CODE) {
			ps.justify = 0;
			ps.color = L->t->muted;
			ps.indent += 10;
			ps.width -= 10;
		}
		if (i > 0)
			sm_flow_space(L, p->tight && p->list_depth ? base->leading * 0.15 : base->leading * 0.5);
		struct sm_bar bar = { base->indent + (p->quote_depth - 1) * quote_step + p->list_depth * list_step,
				       L->t->primary };
		int first = sm_set_runs(L, runs, p->nruns, &ps, p->quote_depth ? sm_bar_deco : NULL, &bar);
		if (p->marker && first < L->flow.n)
			marker(L, first, p->marker, &ps, ps.indent - 5, lbl >= 0 ? lbl : SM_NODE_UNSET);
		sm_struct_close(L);
	}
	L->node = nest.root;
}
