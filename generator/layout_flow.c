/* layout_flow.c: building the flow and its display items. */
#include "layout.h"
#include <string.h>

void sm_layout_init(struct sm_layout *L, struct sm_arena *a, const struct sm_doc *doc, const struct sm_data *data,
		    const struct sm_theme *t, struct sm_fonts *fonts, struct sm_pages *out)
{
	memset(L, 0, sizeof *L);
	L->a = a;
	L->doc = doc;
	L->data = data;
	L->t = t;
	L->fonts = fonts;
	L->pages = out;
	memset(out, 0, sizeof *out);
	out->w = t->page_w;
	out->h = t->page_h;
	L->tw = t->page_w - t->m_inner - t->m_outer;
	L->th = t->page_h - t->m_top - t->m_bottom;
	L->node = sm_node_add(a, out, SM_S_DOCUMENT, -1);
	L->chapter_sect = L->section_sect = -1;
}

void sm_layout_free(struct sm_layout *L)
{
	sm_arena_free(&L->scratch);
}

struct sm_item *sm_item_add(struct sm_arena *a, struct sm_items *it, enum sm_item_kind kind)
{
	struct sm_item x;
	memset(&x, 0, sizeof x);
	x.kind = kind;
	x.anchor = -1;
	x.node = SM_NODE_UNSET;
	x.alpha = 1;
	SM_PUSH(a, it->v, it->n, it->cap, x);
	return &it->v[it->n - 1];
}

/* Reports too_many_pages as soon as the flow cannot fit in SM_MAX_PAGES
 * pages, so that layout stops there instead of setting the rest: a page
 * holds at most th of boxes (each counted at most a page high), and every
 * chapter starts a page. */
static void too_many_pages(struct sm_layout *L)
{
	if (L->full || (L->nbreaks <= SM_MAX_PAGES && L->flow_h <= SM_MAX_PAGES * (L->th + 0.01)))
		return;
	sm_diag(SM_MSG_too_many_pages, NULL, SM_MAX_PAGES);
	L->full = 1;
}

struct sm_flow_item *sm_flow_box(struct sm_layout *L, double h)
{
	struct sm_flow_item f;
	memset(&f, 0, sizeof f);
	f.kind = SM_FLOW_BOX;
	f.h = h;
	f.anchor = -1;
	f.node = L->node;
	f.chapter = -1;
	f.repeat = -1;
	SM_PUSH(L->a, L->flow.v, L->flow.n, L->flow.cap, f);
	L->flow_h += h < L->th ? h : L->th;
	too_many_pages(L);
	return &L->flow.v[L->flow.n - 1];
}

void sm_flow_space(struct sm_layout *L, double h)
{
	struct sm_flow_item *f = sm_flow_box(L, h);
	f->kind = SM_FLOW_SPACE;
	L->flow_h -= h < L->th ? h : L->th;     /* a space may vanish at a page top */
}

void sm_flow_break(struct sm_layout *L, int chapter, int right)
{
	struct sm_flow_item *f = sm_flow_box(L, 0);
	f->kind = SM_FLOW_BREAK;
	f->chapter = chapter;
	f->right = right;
	L->nbreaks++;
	too_many_pages(L);
}

int sm_anchor_add(struct sm_layout *L, const char *title, int level, const char *number)
{
	struct sm_pages *p = L->pages;
	struct sm_anchor a = { title, level, number, -1, 0 };
	SM_PUSH(L->a, p->anchors, p->nanchors, p->acap, a);
	return p->nanchors - 1;
}

int sm_struct_add(struct sm_layout *L, enum sm_struct_type type, int parent)
{
	return sm_node_add(L->a, L->pages, type, parent);
}

int sm_struct_open(struct sm_layout *L, enum sm_struct_type type)
{
	return L->node = sm_node_add(L->a, L->pages, type, L->node);
}

void sm_struct_close(struct sm_layout *L)
{
	if (L->pages->nodes[L->node].parent >= 0)
		L->node = L->pages->nodes[L->node].parent;
}

int sm_heading_open(struct sm_layout *L, int level)
{
	if (level > L->heading + 1)
		level = L->heading + 1;
	if (level < 1)
		level = 1;
	if (level > 3)
		level = 3;
	L->heading = level;
	return sm_struct_open(L, level == 1 ? SM_S_H1 : level == 2 ? SM_S_H2 : SM_S_H3);
}

void sm_items_node(struct sm_items *it, int from, int node)
{
	for (int i = from; i < it->n; i++)
		if (it->v[i].node == SM_NODE_UNSET)
			it->v[i].node = node;
}

void sm_item_space_after(struct sm_layout *L, struct sm_item *it)
{
	it->text = sm_arena_printf(L->a, "%.*s ", (int)it->len, it->text);
	it->len++;
	sm_font_use(L->fonts, it->role, " ", 1);
}

double sm_text_item_end(struct sm_fonts *f, const struct sm_item *it)
{
	/* A space at the end (the one a line keeps where it breaks between
	 * words, layout_text.c) takes no ink. */
	unsigned len = it->len;
	while (len && it->text[len - 1] == ' ')
		len--;
	double x = it->x + sm_font_width(f, it->role, it->size, it->text, len);
	for (int i = 0; i < it->npts; i++)
		if (it->shifts[i].at < len)
			x += it->shifts[i].dx;
	return x;
}

void sm_text_item(struct sm_layout *L, struct sm_items *it, int role, double size, struct sm_color c,
		  double x, double y, const char *s)
{
	struct sm_item *t = sm_item_add(L->a, it, SM_ITEM_TEXT);
	t->role = role;
	t->size = size;
	t->color = c;
	t->x = x;
	t->y = y;
	t->text = s;
	t->len = strlen(s);
	sm_font_use(L->fonts, role, s, t->len);
}

void sm_rect_item(struct sm_layout *L, struct sm_items *it, double x, double y, double w, double h,
		  struct sm_color c, double radius)
{
	struct sm_item *r = sm_item_add(L->a, it, SM_ITEM_RECT);
	r->x = x;
	r->y = y;
	r->w = w;
	r->h = h;
	r->color = c;
	r->fill = 1;
	r->radius = radius;
}

void sm_line_item(struct sm_layout *L, struct sm_items *it, double x1, double y1, double x2, double y2,
		  struct sm_color c, double width)
{
	struct sm_item *l = sm_item_add(L->a, it, SM_ITEM_LINE);
	l->x = x1;
	l->y = y1;
	l->w = x2 - x1;
	l->h = y2 - y1;
	l->stroke = c;
	l->do_stroke = 1;
	l->line_width = width;
}

/* The shape of a status, so that it reads without colour too: on track a
 * disc, attention a triangle, off track a square, changed a diamond, no
 * judgement a ring. */
void sm_status_shape(struct sm_layout *L, struct sm_items *it, enum sm_status s, double cx, double cy, double r,
		     struct sm_color c)
{
	struct sm_item *m;
	double *p;
	switch (s) {
	case SM_STATUS_ATTENTION:
		m = sm_item_add(L->a, it, SM_ITEM_POLY);
		p = sm_arena_alloc(L->a, 6 * sizeof *p);
		p[0] = cx; p[1] = cy - r * 1.15;
		p[2] = cx + r * 1.15; p[3] = cy + r * 0.85;
		p[4] = cx - r * 1.15; p[5] = cy + r * 0.85;
		m->pts = p;
		m->npts = 3;
		m->closed = 1;
		break;
	case SM_STATUS_OFF_TRACK:
		m = sm_item_add(L->a, it, SM_ITEM_RECT);
		m->x = cx - r * 0.88;
		m->y = cy - r * 0.88;
		m->w = m->h = r * 1.76;
		break;
	case SM_STATUS_CHANGED:
		m = sm_item_add(L->a, it, SM_ITEM_POLY);
		p = sm_arena_alloc(L->a, 8 * sizeof *p);
		p[0] = cx; p[1] = cy - r * 1.2;
		p[2] = cx + r * 1.2; p[3] = cy;
		p[4] = cx; p[5] = cy + r * 1.2;
		p[6] = cx - r * 1.2; p[7] = cy;
		m->pts = p;
		m->npts = 4;
		m->closed = 1;
		break;
	case SM_STATUS_NO_JUDGEMENT:
	case SM_STATUS_AUTO:
		m = sm_item_add(L->a, it, SM_ITEM_CIRCLE);
		m->x = cx;
		m->y = cy;
		m->radius = r * 0.8;
		m->do_stroke = 1;
		m->stroke = c;
		m->line_width = r * 0.4;
		return;
	default:
		m = sm_item_add(L->a, it, SM_ITEM_CIRCLE);
		m->x = cx;
		m->y = cy;
		m->radius = r;
		break;
	}
	m->fill = 1;
	m->color = c;
}
