/* layout_doc.c: the chapters of a monitor → the flow. One function per
 * chapter kind; the pieces they share (headings, cards, badges, quotes)
 * come first. */
#include "layout.h"
#include "numfmt.h"
#include "image.h"
#include <math.h>
#include <string.h>

static const struct sm_color white = { 1, 1, 1 };

/* ----------------------------------------------------------- badges */

/* A status badge: the word on its colour (never colour alone). Returns its
 * width; draws it with its right edge at x_right when items is not NULL,
 * the word a P of the element being filled, its shape decoration. */
static double badge(struct sm_layout *L, struct sm_items *items, enum sm_status s, double x_right, double y_top)
{
	const char *word = L->t->status_words[s];
	double size = L->t->small, pad = size * 0.7, icon = size * 0.9;
	double w = sm_font_width(L->fonts, SM_FACE_BOLD, size, word, strlen(word)) + 2 * pad + icon + 3;
	if (items) {
		struct sm_color c = L->t->status[s];
		struct sm_color ink = sm_luminance(c) > 0.55 ? L->t->text : white;
		double h = size * 1.9;
		int from = items->n;
		sm_rect_item(L, items, x_right - w, y_top, w, h, c, h / 2);
		sm_status_shape(L, items, s, x_right - w + pad + icon / 2, y_top + h / 2, icon * 0.42, ink);
		sm_items_node(items, from, SM_ART_LAYOUT);
		sm_text_item(L, items, SM_FACE_BOLD, size, ink, x_right - w + pad + icon + 3, y_top + h / 2 + size * 0.36, word);
		items->v[items->n - 1].node = sm_struct_add(L, SM_S_P, L->node);
	}
	return w;
}

/* ------------------------------------------------------------- cards */

struct card { struct sm_color bg, bar; double pad; int bg_on; };

static void card_deco(struct sm_layout *L, struct sm_flow_item *box, void *ctx, int first, int last)
{
	(void)first;
	(void)last;
	struct card *c = ctx;
	/* Background and bar go under the text: insert them first. */
	struct sm_items under = { 0 };
	if (c->bg_on)
		sm_rect_item(L, &under, 0, 0, L->tw, box->h, c->bg, 0);
	sm_rect_item(L, &under, 0, 0, 3, box->h, c->bar, 0);
	sm_items_node(&under, 0, SM_ART_LAYOUT);
	for (int i = 0; i < box->items.n; i++)
		SM_PUSH(L->a, under.v, under.n, under.cap, box->items.v[i]);
	box->items = under;
}

static void card_gap(struct sm_layout *L, struct card *c, double h)
{
	struct sm_flow_item *b = sm_flow_box(L, h);
	b->keep_next = 1;
	card_deco(L, b, c, 0, 0);
}

static struct sm_pstyle card_style(struct sm_layout *L, struct card *c, struct sm_pstyle ps)
{
	ps.indent = c->pad + 3;
	ps.width = L->tw - 2 * c->pad - 3;
	return ps;
}

/* ------------------------------------------------------------ blocks */

static void quote_block(struct sm_layout *L, const char *text, const char *source)
{
	sm_flow_space(L, L->t->leading * 0.8);
	int first = L->flow.n;
	sm_struct_open(L, SM_S_BLOCKQUOTE);
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.size = L->t->h3;
	ps.leading = L->t->h3 * 1.45;
	ps.role_regular = SM_FACE_ITALIC;
	ps.role_bold = SM_FACE_BOLD_ITALIC;
	ps.color = L->t->primary;
	ps.justify = 0;
	ps.indent = 22;
	ps.width = L->tw - 44;
	/* With the large quotation mark the text needs no quotes of its own. */
	const char *q = L->t->quote_bar ? sm_arena_printf(L->a, "\xE2\x80\x9C%s\xE2\x80\x9D", text) : text;
	struct sm_bar bar = { 4, L->t->accent };
	int f = sm_set_text(L, q, 0, &ps, L->t->quote_bar ? sm_bar_deco : NULL, &bar);
	/* A large accent quotation mark beside the first line, or a bar. */
	if (!L->t->quote_bar) {
		struct sm_items *it = &L->flow.v[f].items;
		sm_text_item(L, it, SM_FACE_HEADING, L->t->h1 * 1.4, L->t->accent, 0, sm_baseline(&ps) + L->t->h1 * 0.55,
			     "\xE2\x80\x9C");
		it->v[it->n - 1].node = SM_ART_LAYOUT;
	}
	if (source) {
		sm_flow_space(L, L->t->leading * 0.3);
		struct sm_pstyle sp = sm_pstyle_small(L);
		sp.indent = 22;
		sp.width = L->tw - 44;
		sm_set_text(L, sm_arena_printf(L->a, "\xE2\x80\x94 %s", source), 0, &sp, NULL, NULL);
	}
	sm_struct_close(L);
	sm_keep_from(L, first);
	L->flow.v[L->flow.n - 1].keep_next = 0;
	sm_flow_space(L, L->t->leading * 0.6);
}

/* An image at the text width (or narrower, so that it takes at most
 * 45% of the page's height), with its caption and credit. */
static void image_block(struct sm_layout *L, const struct sm_block *b)
{
	const struct sm_image *img = b->image;
	if (!img)
		return;
	double w = L->tw, h = w * img->h / img->w;
	if (h > L->th * 0.45) {
		h = L->th * 0.45;
		w = h * img->w / img->h;
	}
	sm_flow_space(L, L->t->leading * 0.8);
	/* A described image is a Figure with its caption; one without a
	 * description (decorative, or warned at load) an artifact, its
	 * caption a P. */
	const char *alt = b->decorative ? NULL : b->alt ? b->alt : b->caption;
	if (alt) {
		int figure = sm_struct_open(L, SM_S_FIGURE);
		L->pages->nodes[figure].alt = alt;
	}
	struct sm_flow_item *box = sm_flow_box(L, h);
	box->keep_next = b->caption || b->credit;
	struct sm_item *it = sm_item_add(L->a, &box->items, SM_ITEM_IMAGE);
	it->x = 0;
	it->y = 0;
	it->w = w;
	it->h = h;
	it->image = img;
	if (!alt)
		it->node = SM_ART_LAYOUT;
	if (b->caption || b->credit) {
		sm_struct_open(L, alt ? SM_S_CAPTION : SM_S_P);
		sm_flow_space(L, 4);
		struct sm_pstyle ps = sm_pstyle_body(L);
		ps.size = L->t->small + 0.5;
		ps.leading = ps.size * 1.4;
		ps.justify = 0;
		ps.width = w;
		struct sm_run runs[3] = { { b->caption ? b->caption : "", SM_STYLE_ITALIC, NULL },
					  { b->caption && b->credit ? "  " : "", 0, NULL },
					  { b->credit ? sm_arena_printf(L->a, "Foto: %s", b->credit) : "", 0, NULL } };
		struct sm_pstyle cp = ps;
		cp.color = L->t->muted;
		sm_set_runs(L, runs, 3, &cp, NULL, NULL);
		sm_struct_close(L);
	}
	if (alt)
		sm_struct_close(L);
	sm_flow_space(L, L->t->leading * 0.6);
}

static void blocks(struct sm_layout *L, const struct sm_block *b, int n)
{
	struct sm_pstyle body = sm_pstyle_body(L);
	for (int i = 0; i < n; i++) {
		switch (b[i].kind) {
		case SM_BLOCK_TEXT:
			if (i > 0)
				sm_flow_space(L, L->t->leading * 0.5);
			sm_rich(L, &b[i].text, &body);
			break;
		case SM_BLOCK_QUOTE:
			quote_block(L, b[i].quote ? b[i].quote : "", b[i].source);
			break;
		case SM_BLOCK_TABLE:
			L->block = &b[i];
			sm_layout_table_block(L, &b[i]);
			L->block = NULL;
			break;
		case SM_BLOCK_CHART:
			L->block = &b[i];
			sm_layout_chart(L, &b[i]);
			L->block = NULL;
			break;
		case SM_BLOCK_IMAGE:
			image_block(L, &b[i]);
			break;
		}
	}
}

/* ----------------------------------------------------------- openers */

static void opener(struct sm_layout *L, int c, const struct sm_chapter *ch, int number)
{
	const struct sm_theme *t = L->t;
	sm_flow_break(L, c, t->start_right);
	/* A chapter is a Sect of the document, its title the H1. */
	L->node = 0;
	L->chapter_sect = sm_struct_open(L, SM_S_SECT);
	L->section_sect = -1;
	L->heading = 0;
	const char *num = number > 0 && t->numbered ? sm_arena_printf(L->a, "%d", number) : NULL;
	/* A band across the top of the page, in the house colour. */
	struct sm_flow_item *top = sm_flow_box(L, t->h1 * 0.2);
	top->keep_next = 1;
	sm_rect_item(L, &top->page_items, 0, 0, L->pages->w, 7, t->primary, 0);
	sm_items_node(&top->page_items, 0, SM_ART_LAYOUT);
	top->anchor = sm_anchor_add(L, ch->title ? ch->title : "", 1, num);
	if (num) {
		/* The big number is decoration: the contents and the outline
		 * give the chapter's number. */
		struct sm_flow_item *nb = sm_flow_box(L, t->h1 * 1.5);
		nb->keep_next = 1;
		sm_text_item(L, &nb->items, SM_FACE_HEADING, t->h1 * 1.25, t->primary, 0, t->h1 * 1.2, num);
		sm_rect_item(L, &nb->items, 0, t->h1 * 1.42, 28, 2.2, t->accent, 0);
		sm_items_node(&nb->items, 0, SM_ART_LAYOUT);
	}
	sm_flow_space(L, t->h1 * 0.3);
	struct sm_pstyle ps = sm_pstyle_heading(L, t->h1, t->text);
	ps.leading = t->h1 * 1.15;
	sm_heading_open(L, 1);
	int first = sm_set_text(L, ch->title ? ch->title : "", 0, &ps, NULL, NULL);
	sm_struct_close(L);
	sm_keep_from(L, first);
	if (ch->kind == SM_CH_THEME && ch->programme) {
		struct sm_pstyle sp = sm_pstyle_small(L);
		sp.size = t->body;
		sp.leading = t->leading;
		sm_flow_space(L, t->leading * 0.3);
		int f = sm_set_text(L, sm_arena_printf(L->a, "%s %s", t->labels[SM_LABEL_programme], ch->programme),
				    0, &sp, NULL, NULL);
		sm_keep_from(L, f);
	}
	sm_flow_space(L, t->leading * 1.6);
}

/* ----------------------------------------------------------- chapters */

static void ch_foreword(struct sm_layout *L, const struct sm_chapter *ch)
{
	struct sm_pstyle body = sm_pstyle_body(L);
	sm_rich(L, &ch->text, &body);
	if (ch->signed_name) {
		sm_flow_space(L, L->t->leading * 1.2);
		int first = L->flow.n;
		struct sm_pstyle ps = body;
		ps.justify = 0;
		sm_set_text(L, ch->signed_name, SM_STYLE_BOLD, &ps, NULL, NULL);
		if (ch->signed_role)
			sm_set_text(L, ch->signed_role, SM_STYLE_ITALIC, &ps, NULL, NULL);
		sm_keep_from(L, first);
		L->flow.v[L->flow.n - 1].keep_next = 0;
	}
}

static void ch_text(struct sm_layout *L, const struct sm_chapter *ch)
{
	struct sm_pstyle body = sm_pstyle_body(L);
	sm_rich(L, &ch->text, &body);
	if (ch->nblocks && ch->text.n)
		sm_flow_space(L, L->t->leading * 0.5);
	blocks(L, ch->blocks, ch->nblocks);
}

static void ch_summary(struct sm_layout *L, const struct sm_chapter *ch)
{
	struct sm_pstyle body = sm_pstyle_body(L);
	sm_rich(L, &ch->text, &body);
	/* The key messages: a list, each item its number (Lbl), title and text. */
	if (ch->nmessages)
		sm_struct_open(L, SM_S_L);
	for (int i = 0; i < ch->nmessages; i++) {
		const struct sm_message *m = &ch->messages[i];
		sm_flow_space(L, L->t->leading * (i || ch->text.n ? 1.0 : 0));
		int first = L->flow.n;
		int li = sm_struct_open(L, SM_S_LI);
		int lbl = sm_struct_add(L, SM_S_LBL, li);
		sm_struct_open(L, SM_S_LBODY);
		struct sm_pstyle hp = sm_pstyle_heading(L, L->t->h3, L->t->primary);
		hp.indent = 26;
		hp.width = L->tw - 26;
		int f = sm_set_text(L, m->title ? m->title : "", 0, &hp, NULL, NULL);
		/* The message's number in a disc. */
		struct sm_flow_item *box = &L->flow.v[f];
		struct sm_item *disc = sm_item_add(L->a, &box->items, SM_ITEM_CIRCLE);
		disc->x = 8.5;
		disc->y = sm_baseline(&hp) - L->t->h3 * 0.36;
		disc->radius = 8.5;
		disc->color = L->t->primary;
		disc->fill = 1;
		const char *num = sm_arena_printf(L->a, "%d", i + 1);
		double nw = sm_font_width(L->fonts, SM_FACE_BOLD, L->t->small + 1, num, strlen(num));
		sm_text_item(L, &box->items, SM_FACE_BOLD, L->t->small + 1, white, 8.5 - nw / 2,
			     disc->y + (L->t->small + 1) * 0.36, num);
		/* Disc and number first: the number reads before the title. */
		struct sm_items *it = &box->items;
		struct sm_item d = it->v[it->n - 2], no = it->v[it->n - 1];
		d.node = SM_ART_LAYOUT;
		no.node = lbl;
		memmove(it->v + 2, it->v, (size_t)(it->n - 2) * sizeof d);
		it->v[0] = d;
		it->v[1] = no;
		sm_keep_from(L, first);
		sm_flow_space(L, L->t->leading * 0.2);
		struct sm_pstyle ps = body;
		ps.indent = 26;
		ps.width = L->tw - 26;
		sm_rich(L, &m->text, &ps);
		sm_struct_close(L);
		sm_struct_close(L);
	}
	if (ch->nmessages)
		sm_struct_close(L);
	sm_layout_overview(L);
}

static void goal_card(struct sm_layout *L, const struct sm_chapter *ch, const struct sm_goal *g)
{
	const struct sm_theme *t = L->t;
	enum sm_status status = sm_calc_goal_status(L->data, g);
	struct card c = { t->light, t->status[status], 10, 1 };
	sm_flow_space(L, t->leading * 0.7);
	int first = L->flow.n;
	sm_struct_open(L, SM_S_DIV);
	card_gap(L, &c, c.pad);
	/* Title, with the status badge at the right of its first line. */
	struct sm_pstyle tp = card_style(L, &c, sm_pstyle_heading(L, t->body + 1, t->text));
	tp.leading = (t->body + 1) * 1.35;
	double bw = badge(L, NULL, status, 0, 0);
	tp.width -= bw + 10;
	const char *title = sm_arena_printf(L->a, "%s  %s", g->id ? g->id : "", g->title ? g->title : "");
	sm_heading_open(L, 3);
	int f = sm_set_text(L, title, 0, &tp, card_deco, &c);
	sm_struct_close(L);
	badge(L, &L->flow.v[f].items, status, L->tw - c.pad, (tp.leading - t->small * 1.9) / 2);
	/* Level, programme and indicators, small. */
	struct sm_pstyle sp = card_style(L, &c, sm_pstyle_small(L));
	const char *meta = t->labels[g->output ? SM_LABEL_output : SM_LABEL_effect];
	if (ch->programme)
		meta = sm_arena_printf(L->a, "%s \xC2\xB7 %s %s", meta, t->labels[SM_LABEL_programme], ch->programme);
	/* What the status badge judges against (a dot chart judges against a
	 * reference area: another question). */
	const char *basis = sm_goal_basis(L, g);
	if (basis)
		meta = sm_arena_printf(L->a, "%s \xC2\xB7 %s", meta, basis);
	card_gap(L, &c, 2);
	sm_set_text(L, meta, 0, &sp, card_deco, &c);
	if (g->nindicators) {
		card_gap(L, &c, 4);
		sm_layout_goal_figures(L, g, card_deco, &c);
	}
	if (g->explanation.n) {
		card_gap(L, &c, t->leading * 0.35);
		struct sm_pstyle bp = card_style(L, &c, sm_pstyle_body(L));
		/* Rich text in a card: every line box gets the card's background. */
		int from = L->flow.n;
		sm_rich(L, &g->explanation, &bp);
		for (int i = from; i < L->flow.n; i++) {
			struct sm_flow_item *b = &L->flow.v[i];
			if (b->kind == SM_FLOW_SPACE) {
				b->kind = SM_FLOW_BOX;
				b->anchor = -1;
			}
			card_deco(L, b, &c, 0, 0);
		}
	}
	card_gap(L, &c, c.pad);
	sm_struct_close(L);
	sm_keep_from(L, first);
	L->flow.v[L->flow.n - 1].keep_next = 0;
}

static const char *join_list(struct sm_layout *L, const char *const *v, int n)
{
	return sm_arena_join(L->a, v, n, ", ");
}

static void intervention(struct sm_layout *L, const struct sm_chapter *ch, const struct sm_intervention *iv)
{
	const struct sm_theme *t = L->t;
	struct card c = { t->light, t->primary, 10, 0 };
	sm_flow_space(L, t->leading * 0.9);
	int first = L->flow.n;
	sm_struct_open(L, SM_S_DIV);
	struct sm_pstyle tp = card_style(L, &c, sm_pstyle_heading(L, t->body + 1, t->text));
	tp.leading = (t->body + 1) * 1.35;
	double bw = iv->status != SM_STATUS_AUTO ? badge(L, NULL, iv->status, 0, 0) + 10 : 0;
	tp.width -= bw;
	sm_heading_open(L, 3);
	int f = sm_set_text(L, iv->title ? iv->title : "", 0, &tp, card_deco, &c);
	sm_struct_close(L);
	if (iv->status != SM_STATUS_AUTO)
		badge(L, &L->flow.v[f].items, iv->status, L->tw, (tp.leading - t->small * 1.9) / 2);
	card_gap(L, &c, 2);
	struct sm_pstyle bp = card_style(L, &c, sm_pstyle_body(L));
	int from = L->flow.n;
	sm_rich(L, &iv->description, &bp);
	for (int i = from; i < L->flow.n; i++) {
		struct sm_flow_item *b = &L->flow.v[i];
		if (b->kind == SM_FLOW_SPACE)
			b->kind = SM_FLOW_BOX;
		card_deco(L, b, &c, 0, 0);
	}
	/* Facts: goals, partners, reach, budget. */
	struct sm_pstyle sp = card_style(L, &c, sm_pstyle_small(L));
	card_gap(L, &c, 3);
	if (iv->ngoals) {
		const char **ids = sm_arena_alloc(L->a, (size_t)iv->ngoals * sizeof *ids);
		for (int i = 0; i < iv->ngoals; i++) {
			int k = iv->goals[i].index;
			ids[i] = k >= 0 && ch->goals[k].title
				? sm_arena_printf(L->a, "%s %s", iv->goals[i].id, ch->goals[k].title) : iv->goals[i].id;
		}
		sm_set_text(L, sm_arena_printf(L->a, "%s: %s", iv->ngoals > 1 ? "Doelen" : t->labels[SM_LABEL_goal],
					       join_list(L, ids, iv->ngoals)), 0, &sp, card_deco, &c);
	}
	if (iv->npartners)
		sm_set_text(L, sm_arena_printf(L->a, "%s: %s", t->labels[SM_LABEL_partners],
					       join_list(L, iv->partners, iv->npartners)), 0, &sp, card_deco, &c);
	const char *facts = NULL;
	if (iv->has_reach)
		facts = sm_arena_printf(L->a, "%s: %s\xC2\xA0%s", t->labels[SM_LABEL_reach],
					sm_fmt_num(L->a, iv->reach, iv->reach == floor(iv->reach) ? 0 : 1, 1),
					iv->reach_unit ? iv->reach_unit : "");
	if (iv->has_budget) {
		/* As the budget table prints them: in thousands of euros. */
		const char *b = sm_arena_printf(L->a, "%s %s", t->labels[SM_LABEL_planned],
						sm_fmt_num(L->a, (double)iv->planned, 0, 1));
		if (iv->has_actual)
			b = sm_arena_printf(L->a, "%s, %s %s", b, sm_arena_strdup(L->a, t->labels[SM_LABEL_actual]),
					    sm_fmt_num(L->a, (double)iv->actual, 0, 1));
		const char *head = sm_arena_printf(L->a, "%s (%s)", t->labels[SM_LABEL_budget], t->labels[SM_LABEL_in_thousands]);
		facts = facts ? sm_arena_printf(L->a, "%s \xC2\xB7 %s: %s", facts, head, b)
			      : sm_arena_printf(L->a, "%s: %s", head, b);
	}
	if (facts)
		sm_set_text(L, facts, 0, &sp, card_deco, &c);
	sm_struct_close(L);
	sm_keep_from(L, first);
	L->flow.v[L->flow.n - 1].keep_next = 0;
}

static void story(struct sm_layout *L, const struct sm_story *s)
{
	const struct sm_theme *t = L->t;
	struct card c = { t->light, t->accent, 12, 1 };
	sm_flow_space(L, t->leading * 0.8);
	int first = L->flow.n;
	sm_struct_open(L, SM_S_DIV);
	card_gap(L, &c, c.pad);
	struct sm_pstyle hp = card_style(L, &c, sm_pstyle_heading(L, t->body + 1, t->primary));
	sm_heading_open(L, 3);
	sm_set_text(L, s->title ? s->title : "", 0, &hp, card_deco, &c);
	sm_struct_close(L);
	card_gap(L, &c, 3);
	struct sm_pstyle bp = card_style(L, &c, sm_pstyle_body(L));
	bp.role_regular = SM_FACE_ITALIC;
	bp.role_italic = SM_FACE_REGULAR;
	bp.role_bold = SM_FACE_BOLD_ITALIC;
	int from = L->flow.n;
	sm_rich(L, &s->text, &bp);
	for (int i = from; i < L->flow.n; i++) {
		struct sm_flow_item *b = &L->flow.v[i];
		if (b->kind == SM_FLOW_SPACE)
			b->kind = SM_FLOW_BOX;
		card_deco(L, b, &c, 0, 0);
	}
	card_gap(L, &c, c.pad);
	sm_struct_close(L);
	sm_keep_from(L, first);
	L->flow.v[L->flow.n - 1].keep_next = 0;
}

static void ch_theme(struct sm_layout *L, const struct sm_chapter *ch)
{
	const struct sm_theme *t = L->t;
	struct sm_pstyle body = sm_pstyle_body(L);
	if (ch->vision.n) {
		sm_layout_section(L, t->labels[SM_LABEL_vision], 1);
		sm_rich(L, &ch->vision, &body);
	}
	if (ch->ngoals) {
		sm_layout_section(L, t->labels[SM_LABEL_goals], 1);
		for (int i = 0; i < ch->ngoals; i++)
			goal_card(L, ch, &ch->goals[i]);
	}
	if (ch->nblocks) {
		sm_layout_section(L, t->labels[SM_LABEL_status], 1);
		blocks(L, ch->blocks, ch->nblocks);
	}
	if (ch->ninterventions) {
		sm_layout_section(L, t->labels[SM_LABEL_interventions], 1);
		for (int i = 0; i < ch->ninterventions; i++)
			intervention(L, ch, &ch->interventions[i]);
		sm_layout_budget(L, ch);
	}
	if (ch->nstories) {
		sm_layout_section(L, t->labels[SM_LABEL_stories], 1);
		for (int i = 0; i < ch->nstories; i++)
			story(L, &ch->stories[i]);
	}
}

static void colophon_row(struct sm_layout *L, const char *label, const char *value)
{
	if (!value)
		return;
	struct sm_pstyle lp = sm_pstyle_body(L);
	lp.justify = 0;
	lp.width = 48 * 72 / 25.4 - 8;
	struct sm_pstyle vp = lp;
	vp.indent = 48 * 72 / 25.4;
	vp.width = L->tw - vp.indent;
	/* A row is an item of the colophon's list: the label its Lbl, the
	 * value its LBody. */
	int li = sm_struct_open(L, SM_S_LI);
	int lbl = sm_struct_add(L, SM_S_LBL, li);
	sm_struct_open(L, SM_S_LBODY);
	struct sm_items label_items = { 0 };
	struct sm_run r = { label, SM_STYLE_BOLD, NULL };
	int nl = sm_set_lines(L, &r, 1, &lp, &label_items, 0, 0);
	sm_items_node(&label_items, 0, lbl);
	int first = sm_set_text(L, value, 0, &vp, NULL, NULL);
	int nv = L->flow.n - first;
	/* The label's lines go into the value's boxes, line by line, before
	 * the value's text, which they precede in reading. */
	int *put = sm_arena_alloc(L->a, (size_t)(nv + label_items.n) * sizeof *put);
	memset(put, 0, (size_t)(nv + label_items.n) * sizeof *put);
	for (int i = 0; i < label_items.n; i++) {
		struct sm_item it = label_items.v[i];
		int line = (int)(it.y / lp.leading);
		if (line >= nv) {
			sm_flow_box(L, lp.leading);
			nv++;
		}
		it.y -= line * lp.leading;
		struct sm_flow_item *b = &L->flow.v[first + line];
		SM_PUSH(L->a, b->items.v, b->items.n, b->items.cap, it);
		memmove(b->items.v + put[line] + 1, b->items.v + put[line],
			(size_t)(b->items.n - 1 - put[line]) * sizeof it);
		b->items.v[put[line]++] = it;
	}
	(void)nl;
	sm_struct_close(L);
	sm_struct_close(L);
	sm_keep_from(L, first);
	L->flow.v[L->flow.n - 1].keep_next = 0;
	sm_flow_space(L, L->t->leading * 0.5);
}

static void ch_colophon(struct sm_layout *L, const struct sm_chapter *ch)
{
	const struct sm_doc *d = L->doc;
	const struct sm_theme *t = L->t;
	struct sm_pstyle body = sm_pstyle_body(L);
	if (ch->text.n) {
		sm_rich(L, &ch->text, &body);
		sm_flow_space(L, t->leading);
	}
	const struct sm_colophon *co = &d->colophon;
	sm_struct_open(L, SM_S_L);
	colophon_row(L, "Titel", d->subtitle ? sm_arena_printf(L->a, "%s %d. %s", d->title, d->edition, d->subtitle)
					    : sm_arena_printf(L->a, "%s %d", d->title, d->edition));
	colophon_row(L, t->labels[SM_LABEL_publisher], co->publisher);
	colophon_row(L, t->labels[SM_LABEL_commissioned_by], co->commissioned_by);
	if (co->neditors)
		colophon_row(L, t->labels[SM_LABEL_editors], join_list(L, co->editors, co->neditors));
	colophon_row(L, t->labels[SM_LABEL_contact], co->contact);
	colophon_row(L, t->labels[SM_LABEL_published],
		     sm_arena_printf(L->a, "%d %s %d", d->published.day, sm_month_names[d->published.month - 1], d->published.year));
	sm_struct_close(L);
	if (co->reuse) {
		sm_flow_space(L, t->leading * 0.5);
		sm_set_text(L, co->reuse, SM_STYLE_ITALIC, &body, NULL, NULL);
	}
}

int sm_layout_doc(struct sm_layout *L)
{
	const struct sm_doc *doc = L->doc;
	int number = 0;
	/* The cover and the contents come first in the document; they are
	 * set when the pages are known (layout_page.c). */
	L->cover_sect = sm_struct_add(L, SM_S_SECT, 0);
	L->contents_sect = sm_struct_add(L, SM_S_SECT, 0);
	/* An error (more pages than the limit) stops the work. */
	for (int c = 0; c < doc->nchapters && !L->full; c++) {
		const struct sm_chapter *ch = &doc->chapters[c];
		int numbered = ch->kind == SM_CH_THEME || ch->kind == SM_CH_TEXT || ch->kind == SM_CH_SUMMARY ||
			       ch->kind == SM_CH_AREAS;
		opener(L, c, ch, numbered ? ++number : 0);
		switch (ch->kind) {
		case SM_CH_FOREWORD: ch_foreword(L, ch); break;
		case SM_CH_TEXT: ch_text(L, ch); break;
		case SM_CH_SUMMARY: ch_summary(L, ch); break;
		case SM_CH_THEME: ch_theme(L, ch); break;
		case SM_CH_COLOPHON: ch_colophon(L, ch); break;
		case SM_CH_AREAS: sm_layout_areas(L, ch); break;
		case SM_CH_DEFINITIONS: sm_layout_definitions(L, ch); break;
		default: break;
		}
	}
	return L->full ? -1 : 0;
}
