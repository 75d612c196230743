/* layout_page.c: the flow cut into pages, and what every page carries:
 * the cover and the contents (front matter), running heads and footers,
 * page labels and the CONCEPT mark of a draft. */
#include "layout.h"
#include <math.h>
#include "image.h"
#include <stdlib.h>
#include <string.h>

static const struct sm_color white = { 1, 1, 1 };

static struct sm_page *new_page(struct sm_layout *L, enum sm_page_kind kind, int chapter)
{
	struct sm_pages *P = L->pages;
	if (P->n >= SM_MAX_PAGES) {
		if (!L->full)
			sm_diag(SM_MSG_too_many_pages, NULL, SM_MAX_PAGES);
		L->full = 1;
		return NULL;
	}
	struct sm_page pg;
	memset(&pg, 0, sizeof pg);
	pg.kind = kind;
	pg.chapter = chapter;
	SM_PUSH(L->a, P->v, P->n, P->cap, pg);
	return &P->v[P->n - 1];
}

/* Recto pages (odd page numbers, even indexes) have the inner margin on
 * the left. */
static double text_left(const struct sm_layout *L, int index)
{
	return index % 2 == 0 ? L->t->m_inner : L->t->m_outer;
}

/* Items onto a page, moved by dx, dy: those that name no structure
 * element take node; artifact (SM_ART_*, or 0) makes them all one (a
 * repeated table header is a repetition, not content). */
static void add_items(struct sm_layout *L, struct sm_items *dst, const struct sm_items *src, double dx, double dy,
		      int node, int artifact)
{
	for (int i = 0; i < src->n; i++) {
		struct sm_item it = src->v[i];
		if (artifact)
			it.node = artifact;
		else if (it.node == SM_NODE_UNSET)
			it.node = node;
		it.x += dx;
		it.y += dy;
		if (it.kind == SM_ITEM_POLY) {
			double *pts = sm_arena_alloc(L->a, (size_t)it.npts * 2 * sizeof *pts);
			for (int k = 0; k < it.npts; k++) {
				pts[2 * k] = it.pts[2 * k] + dx;
				pts[2 * k + 1] = it.pts[2 * k + 1] + dy;
			}
			it.pts = pts;
		}
		SM_PUSH(L->a, dst->v, dst->n, dst->cap, it);
	}
}

static char *roman(struct sm_arena *a, int n)
{
	static const struct { int v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		{ 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	char buf[64] = "";
	for (int i = 0; i < 13 && n > 0; i++)
		while (n >= r[i].v && strlen(buf) < 50) {
			strcat(buf, r[i].s);
			n -= r[i].v;
		}
	return sm_arena_strdup(a, buf);
}

/* ------------------------------------------------------------- cover */

/* An image filling a box: scaled to cover it, cropped by a clip. */
static void image_fill(struct sm_layout *L, struct sm_items *it, const struct sm_image *img, double x, double y,
		       double w, double h)
{
	double scale = w / img->w > h / img->h ? w / img->w : h / img->h;
	double iw = img->w * scale, ih = img->h * scale;
	struct sm_item *clip = sm_item_add(L->a, it, SM_ITEM_CLIP);
	clip->x = x;
	clip->y = y;
	clip->w = w;
	clip->h = h;
	struct sm_item *im = sm_item_add(L->a, it, SM_ITEM_IMAGE);
	im->x = x + (w - iw) / 2;
	im->y = y + (h - ih) / 2;
	im->w = iw;
	im->h = ih;
	im->image = img;
	sm_item_add(L->a, it, SM_ITEM_UNCLIP);
}

/* The logo at (x, y), at most h high and w wide; returns its height. */
static double logo(struct sm_layout *L, struct sm_items *it, double x, double y, double maxw, double maxh)
{
	const struct sm_image *img = L->t->logo_image;
	if (!img)
		return 0;
	double h = maxh, w = h * img->w / img->h;
	if (w > maxw) {
		w = maxw;
		h = w * img->h / img->w;
	}
	struct sm_item *im = sm_item_add(L->a, it, SM_ITEM_IMAGE);
	im->x = x;
	im->y = y;
	im->w = w;
	im->h = h;
	im->image = img;
	return h;
}

/* The last item of it is a paragraph of the cover. */
static void cover_p(struct sm_layout *L, struct sm_items *it)
{
	it->v[it->n - 1].node = sm_struct_add(L, SM_S_P, L->cover_sect);
}

static void cover(struct sm_layout *L, struct sm_page *pg)
{
	const struct sm_theme *t = L->t;
	const struct sm_doc *d = L->doc;
	double W = L->pages->w, H = L->pages->h, x = t->m_inner;
	struct sm_items *it = &pg->items;
	enum sm_cover_style style = t->cover;
	if (style == SM_COVER_PHOTO && !t->photo_image)
		style = SM_COVER_BAND;
	int filled = style != SM_COVER_PLAIN;
	struct sm_color fg = filled ? white : t->primary;
	double top, bottom, title_x = x, title_w = W - x - t->m_outer;
	const double mm = 72 / 25.4;
	/* The title, edition and subtitle are set first, into their own list,
	 * so that the band or title box can grow to hold a long title. */
	double pad;
	if (style == SM_COVER_PHOTO) {
		/* A full-bleed photo over the top, a title box in the house colour
		 * overlapping its foot. */
		double ph = H * 0.56;
		image_fill(L, it, t->photo_image, 0, 0, W, ph);
		top = ph - H * 0.12;
		bottom = ph + H * 0.16;
		pad = H * 0.035;
	} else {
		/* The sender, top left: the logo, or the municipality's name. */
		double lh = logo(L, it, x, t->m_top, 70 * mm, 18 * mm);
		double sy = t->m_top + (lh ? lh + 8 : 0);
		sm_text_item(L, it, SM_FACE_HEADING, t->h3 + 3, t->primary, x, sy + t->h3,
			     sm_arena_printf(L->a, "Gemeente %s", d->municipality ? d->municipality : ""));
		cover_p(L, it);
		sm_rect_item(L, it, x, sy + t->h3 + 8, 36, 2.5, t->accent, 0);
		top = H * 0.36;
		bottom = H * 0.72;
		pad = H * 0.06;
	}
	/* The title and the edition are the cover's H1; the rest is text in
	 * P, the bands, the photo, the logo and the rules decoration. */
	L->node = L->cover_sect;
	int h1 = sm_struct_add(L, SM_S_H1, L->cover_sect);
	struct sm_items text = { 0 };
	double size = t->h1 * 1.75;
	struct sm_pstyle ps = sm_pstyle_heading(L, size, fg);
	ps.leading = size * 1.1;
	ps.width = title_w;
	struct sm_run r = { d->title ? d->title : "", 0, NULL };
	double y = top + pad;
	int n = sm_set_lines(L, &r, 1, &ps, &text, title_x, y);
	if (text.n)
		sm_item_space_after(L, &text.v[text.n - 1]);     /* "Sociale Monitor 2024" */
	y += n * ps.leading;
	const char *ed = sm_arena_printf(L->a, "%d", d->edition);
	sm_text_item(L, &text, SM_FACE_HEADING, size, t->accent, title_x, y + size * 0.8, ed);
	sm_items_node(&text, 0, h1);
	y += ps.leading;
	if (d->subtitle) {
		y += t->h2 * 0.8;
		struct sm_pstyle sp = ps;
		sp.size = t->h2;
		sp.leading = t->h2 * 1.3;
		sp.role_regular = SM_FACE_REGULAR;
		sp.width = title_w * 0.85;
		struct sm_run s = { d->subtitle, 0, NULL };
		int from = text.n;
		y += sm_set_lines(L, &s, 1, &sp, &text, title_x, y) * sp.leading;
		sm_items_node(&text, from, sm_struct_add(L, SM_S_P, L->cover_sect));
	}
	double over = y + pad * 0.6 - bottom;
	if (over > 0 && style == SM_COVER_PHOTO) {
		/* The title box grows upwards, over the photo, so that what
		 * stands under it stays on the page. */
		double up = fmin(over, top);
		top -= up;
		bottom += over - up;
		for (int i = 0; i < text.n; i++)
			text.v[i].y -= up;
	} else if (over > 0 && filled) {
		bottom += over;
	}
	if (style == SM_COVER_PHOTO)
		sm_rect_item(L, it, x - 10 * mm, top, W - x + 10 * mm, bottom - top, t->primary, 0);
	else if (filled)
		sm_rect_item(L, it, 0, top, W, bottom - top, t->primary, 0);
	for (int i = 0; i < text.n; i++)
		SM_PUSH(L->a, it->v, it->n, it->cap, text.v[i]);
	/* The P&C moment and the date, under the band. */
	double y2 = bottom + t->h2 * 2.2;
	if (style == SM_COVER_PHOTO) {
		double lh = logo(L, it, x, bottom + 10 * mm, 60 * mm, 16 * mm);
		y2 = bottom + (lh ? lh + 14 * mm : 10 * mm) + t->h2;
		sm_text_item(L, it, SM_FACE_HEADING, t->h3 + 3, t->primary, x, y2,
			     sm_arena_printf(L->a, "Gemeente %s", d->municipality ? d->municipality : ""));
		cover_p(L, it);
		y2 += t->h2 * 1.8;
	}
	if (d->cycle) {
		sm_text_item(L, it, SM_FACE_HEADING, t->h2, t->text, x, y2,
			     sm_arena_printf(L->a, "%s %d", sm_cycle_words[d->cycle], d->cycle_year));
		cover_p(L, it);
		y2 += t->h2 * 1.5;
	}
	sm_text_item(L, it, SM_FACE_REGULAR, t->body + 1, t->muted, x, y2,
		     sm_arena_printf(L->a, "Gemeente %s \xC2\xB7 %s %d", d->municipality ? d->municipality : "",
				     sm_month_names[d->published.month - 1], d->published.year));
	cover_p(L, it);
	/* A band of the accent colour at the foot of the page. */
	if (filled)
		sm_rect_item(L, it, 0, H - 10, W, 10, t->accent, 0);
	sm_items_node(it, 0, SM_ART_LAYOUT);
}

/* ------------------------------------------------------------ contents */

static double toc_line(const struct sm_layout *L) { return L->t->leading * 1.75; }
static double toc_head(const struct sm_layout *L) { return L->t->h1 * 1.2 + L->t->leading * 2; }

static int toc_pages(const struct sm_layout *L)
{
	int entries = 0;
	for (int i = 0; i < L->pages->nanchors; i++)
		entries += L->pages->anchors[i].level == 1;
	int first = (int)((L->th - toc_head(L)) / toc_line(L));
	int rest = (int)(L->th / toc_line(L));
	if (entries <= first)
		return 1;
	return 1 + (entries - first + rest - 1) / rest;
}

static void contents(struct sm_layout *L, int first_page)
{
	const struct sm_theme *t = L->t;
	struct sm_pages *P = L->pages;
	int pi = first_page;
	struct sm_page *pg = &P->v[pi];
	double x = text_left(L, pi), y = t->m_top;
	/* The contents: a Sect with its title (H1) and the TOC, an entry
	 * (TOCI) per chapter holding a Link with all the entry's text. */
	sm_rect_item(L, &pg->items, 0, 0, P->w, 7, t->primary, 0);
	pg->items.v[pg->items.n - 1].node = SM_ART_LAYOUT;
	sm_text_item(L, &pg->items, SM_FACE_HEADING, t->h1, t->text, x, y + t->h1, t->labels[SM_LABEL_contents]);
	pg->items.v[pg->items.n - 1].node = sm_struct_add(L, SM_S_H1, L->contents_sect);
	int toc = sm_struct_add(L, SM_S_TOC, L->contents_sect);
	y += toc_head(L);
	double num_w = 12 * 72 / 25.4;
	for (int i = 0; i < P->nanchors; i++) {
		const struct sm_anchor *an = &P->anchors[i];
		if (an->level != 1)
			continue;
		if (y + toc_line(L) > t->m_top + L->th) {
			pg = &P->v[++pi];
			x = text_left(L, pi);
			y = t->m_top;
		}
		double base = y + toc_line(L) * 0.62;
		const char *label = an->page >= 0 ? P->v[an->page].label : "";
		int from = pg->items.n;
		double size = t->body + 1.5;
		if (an->number) {
			sm_text_item(L, &pg->items, SM_FACE_HEADING, size, t->primary, x, base, an->number);
			sm_item_space_after(L, &pg->items.v[pg->items.n - 1]);
		}
		double lw = sm_font_width(L->fonts, SM_FACE_BOLD, size, label, strlen(label));
		/* The title, cut to fit before the page number. */
		struct sm_pstyle ps = sm_pstyle_body(L);
		ps.size = size;
		ps.leading = toc_line(L);
		ps.justify = 0;
		ps.nohyphen = 1;
		ps.width = L->tw - num_w - lw - 24;
		struct sm_items title = { 0 };
		struct sm_run r = { an->title, 0, NULL };
		int lines = sm_set_lines(L, &r, 1, &ps, &title, 0, 0);
		double tend = 0;
		for (int k = 0; k < title.n; k++) {
			struct sm_item ti = title.v[k];
			if (ti.y > ps.leading)
				continue;       /* only the first line */
			ti.x += x + num_w;
			ti.y = base;
			double e = sm_text_item_end(L->fonts, &ti);
			if (e > tend)
				tend = e;
			SM_PUSH(L->a, pg->items.v, pg->items.n, pg->items.cap, ti);
		}
		if (lines > 1) {
			sm_text_item(L, &pg->items, SM_FACE_REGULAR, size, t->text, tend, base, "\xE2\x80\xA6");
			tend += sm_font_width(L->fonts, SM_FACE_REGULAR, size, "\xE2\x80\xA6", 3);
		}
		/* Dotted leader to the page number. */
		double right = x + L->tw;
		struct sm_item *lead = sm_item_add(L->a, &pg->items, SM_ITEM_LINE);
		lead->x = tend + 6;
		lead->y = base;
		lead->w = right - lw - 6 - lead->x;
		lead->h = 0;
		lead->stroke = t->rule;
		lead->do_stroke = 1;
		lead->line_width = 0.8;
		lead->dash = 2;
		int lead_at = pg->items.n - 1;     /* lead moves when the items grow */
		sm_text_item(L, &pg->items, SM_FACE_BOLD, size, t->text, right - lw, base, label);
		struct sm_item *link = sm_item_add(L->a, &pg->items, SM_ITEM_LINK);
		link->x = x;
		link->y = y;
		link->w = L->tw;
		link->h = toc_line(L);
		link->anchor = i;
		sm_line_item(L, &pg->items, x, y + toc_line(L), x + L->tw, y + toc_line(L), t->rule, 0.4);
		pg->items.v[lead_at].node = pg->items.v[pg->items.n - 1].node = SM_ART_LAYOUT;
		int link_el = sm_struct_add(L, SM_S_LINK, sm_struct_add(L, SM_S_TOCI, toc));
		L->pages->nodes[link_el].alt = sm_arena_printf(L->a, "%s%s%s%s, pagina %s", an->number ? "Hoofdstuk " : "",
								an->number ? an->number : "", an->number ? " " : "", an->title, label);
		sm_items_node(&pg->items, from, link_el);
		y += toc_line(L);
	}
}

/* ---------------------------------------------------- heads and feet */

static const char *fill_template(struct sm_layout *L, const char *tpl, const char *chapter, const char *page)
{
	const struct sm_doc *d = L->doc;
	char *out = sm_arena_strdup(L->a, "");
	for (const char *p = tpl; *p;) {
		const char *open = strchr(p, '{');
		if (!open) {
			out = sm_arena_printf(L->a, "%s%s", out, p);
			break;
		}
		const char *close = strchr(open, '}');
		if (!close)
			close = open + strlen(open) - 1;
		out = sm_arena_printf(L->a, "%s%.*s", out, (int)(open - p), p);
		size_t n = (size_t)(close - open - 1);
		const char *v = "";
		if (!strncmp(open + 1, "title", n) && n == 5) v = d->title ? d->title : "";
		else if (!strncmp(open + 1, "subtitle", n) && n == 8) v = d->subtitle ? d->subtitle : "";
		else if (!strncmp(open + 1, "municipality", n) && n == 12) v = d->municipality ? d->municipality : "";
		else if (!strncmp(open + 1, "edition", n) && n == 7) v = sm_arena_printf(L->a, "%d", d->edition);
		else if (!strncmp(open + 1, "cycle", n) && n == 5)
			v = d->cycle ? sm_arena_printf(L->a, "%s %d", sm_cycle_words[d->cycle], d->cycle_year) : "";
		else if (!strncmp(open + 1, "chapter", n) && n == 7) v = chapter ? chapter : "";
		else if (!strncmp(open + 1, "page", n) && n == 4) v = page;
		out = sm_arena_printf(L->a, "%s%s", out, v);
		p = close + 1;
	}
	/* Collapse what empty placeholders leave behind. */
	char *s = out;
	while (*s == ' ')
		s++;
	size_t l = strlen(s);
	while (l && s[l - 1] == ' ')
		s[--l] = 0;
	return s;
}

/* The items from index `from` on are artifacts of kind art. */
static void artifacts_from(struct sm_items *it, int from, int art)
{
	for (int k = from; k < it->n; k++)
		it->v[k].node = art;
}

static void head_and_foot(struct sm_layout *L, int index)
{
	const struct sm_theme *t = L->t;
	struct sm_page *pg = &L->pages->v[index];
	if (pg->kind == SM_PAGE_BLANK || pg->kind == SM_PAGE_COVER)
		return;
	const char *chapter = pg->chapter >= 0 ? L->doc->chapters[pg->chapter].title : NULL;
	double left = text_left(L, index), right = left + L->tw;
	int recto = index % 2 == 0;
	double size = t->small;
	if (pg->kind == SM_PAGE_BODY && !pg->opener) {
		const char *h = fill_template(L, t->header, chapter, pg->label);
		if (*h) {
			double w = sm_font_width(L->fonts, SM_FACE_REGULAR, size, h, strlen(h));
			double y = t->m_top * 0.55;
			int from = pg->items.n;
			sm_text_item(L, &pg->items, SM_FACE_REGULAR, size, t->muted, recto ? right - w : left, y, h);
			sm_line_item(L, &pg->items, left, y + size * 0.9, right, y + size * 0.9, t->rule, 0.4);
			artifacts_from(&pg->items, from, SM_ART_HEADER);
		}
	}
	const char *f = fill_template(L, t->footer, chapter, pg->label);
	if (*f) {
		double w = sm_font_width(L->fonts, SM_FACE_REGULAR, size, f, strlen(f));
		double y = L->pages->h - t->m_bottom * 0.5;
		sm_text_item(L, &pg->items, SM_FACE_REGULAR, size, t->muted, recto ? right - w : left, y, f);
		artifacts_from(&pg->items, pg->items.n - 1, SM_ART_FOOTER);
	}
}

/* A draft says so on every page: a red label at the top centre, as text,
 * so that it also shows in extracted text and on every printout. */
static void draft_mark(struct sm_layout *L, struct sm_page *pg)
{
	const struct sm_theme *t = L->t;
	const char *word = t->labels[SM_LABEL_draft];
	double size = t->small + 1.5, pad = size * 0.9, h = size * 2;
	double w = sm_font_width(L->fonts, SM_FACE_BOLD, size, word, strlen(word)) + 2 * pad;
	double x = (L->pages->w - w) / 2, y = 5 * 72 / 25.4;
	struct sm_color red = t->status[SM_STATUS_OFF_TRACK];
	int from = pg->items.n;
	struct sm_item *r = sm_item_add(L->a, &pg->items, SM_ITEM_RECT);
	r->x = x;
	r->y = y;
	r->w = w;
	r->h = h;
	r->color = (struct sm_color){ 1, 1, 1 };
	r->fill = 1;
	r->stroke = red;
	r->do_stroke = 1;
	r->line_width = 1;
	r->radius = 2;
	sm_text_item(L, &pg->items, SM_FACE_BOLD, size, red, x + pad, y + h / 2 + size * 0.36, word);
	artifacts_from(&pg->items, from, SM_ART_PAGE);
}

/* ------------------------------------------------------------ paginate */

/* The height a box needs on its page: itself plus every box it is kept
 * with, and their footnotes (feet: of those, the footnotes alone). A chain
 * taller than a page cannot be kept and counts as the box. */
static void chains(struct sm_layout *L, double *need, double *feet)
{
	double next = 0, next_feet = 0;
	for (int i = L->flow.n - 1; i >= 0; i--) {
		struct sm_flow_item *f = &L->flow.v[i];
		if (f->kind == SM_FLOW_BREAK) {
			next = next_feet = 0;
			need[i] = feet[i] = 0;
			continue;
		}
		if (f->kind == SM_FLOW_SPACE) {
			need[i] = next;       /* carried to the box before */
			feet[i] = next_feet;
			next = next ? next + f->h : 0;
			continue;
		}
		need[i] = f->h + f->foot_h + (f->keep_next ? next : 0);
		feet[i] = f->foot_h + (f->keep_next ? next_feet : 0);
		if (need[i] > L->th) {
			need[i] = f->h + f->foot_h;
			feet[i] = f->foot_h;
		}
		next = need[i];
		next_feet = feet[i];
	}
}

/* The space between the text and the footnotes, with the short rule
 * that separates them in its middle. */
static double foot_gap(const struct sm_layout *L) { return L->t->leading; }

/* The footnotes of a page, at the foot of its text area under the rule. */
static void place_feet(struct sm_layout *L, struct sm_page *pg, struct sm_items *feet, double *h)
{
	if (pg && *h > 0) {
		int index = (int)(pg - L->pages->v);
		double x0 = text_left(L, index), top = L->t->m_top + L->th - *h;
		double rule = top - foot_gap(L) * 0.55;
		sm_line_item(L, &pg->items, x0, rule, x0 + fmin(L->tw * 0.3, 120), rule, L->t->muted, 0.5);
		pg->items.v[pg->items.n - 1].node = SM_ART_LAYOUT;
		add_items(L, &pg->items, feet, x0, top, SM_NODE_UNSET, 0);
	}
	feet->n = 0;
	*h = 0;
}

/* The document information the device writes. */
static void doc_info(struct sm_layout *L)
{
	const struct sm_doc *d = L->doc;
	struct sm_docinfo *in = &L->pages->info;
	const char *gm = d->municipality ? d->municipality : "";
	in->title = sm_arena_printf(L->a, "%s %d%s%s", d->title ? d->title : "", d->edition,
				    d->municipality ? " \xE2\x80\x93 Gemeente " : "", gm);
	in->author = d->colophon.publisher ? d->colophon.publisher : sm_arena_printf(L->a, "Gemeente %s", gm);
	in->subject = NULL;
	if (d->subtitle || d->cycle) {
		const char *cycle = d->cycle ? sm_arena_printf(L->a, "%s %d", sm_cycle_words[d->cycle], d->cycle_year) : "";
		in->subject = sm_arena_printf(L->a, "%s%s%s", d->subtitle ? d->subtitle : "",
					      d->subtitle && d->cycle ? " \xC2\xB7 " : "", cycle);
	}
	in->keywords = sm_arena_printf(L->a, "sociale monitor, sociaal domein, %s, %d", gm, d->edition);
	in->creator = "sociale-monitor " SM_VERSION;
	in->lang = "nl-NL";
	in->date = d->published;
}

/* Every code point on the pages goes into its face's subset (measuring
 * marks most of them; this is the pass that makes sure of all). */
static void mark_drawn(struct sm_layout *L)
{
	const struct sm_pages *P = L->pages;
	for (int i = 0; i < P->n; i++)
		for (int k = 0; k < P->v[i].items.n; k++) {
			const struct sm_item *it = &P->v[i].items.v[k];
			if (it->kind == SM_ITEM_TEXT)
				sm_font_use(L->fonts, it->role, it->text, it->len);
		}
}

void sm_paginate(struct sm_layout *L)
{
	struct sm_pages *P = L->pages;
	const struct sm_theme *t = L->t;
	/* Front matter: the cover, its blank back, the contents, padded so
	 * that the first chapter starts on a right-hand page. */
	struct sm_page *pg = new_page(L, SM_PAGE_COVER, -1);
	if (t->start_right)
		new_page(L, SM_PAGE_BLANK, -1);
	int toc_first = P->n, ntoc = toc_pages(L);
	for (int i = 0; i < ntoc; i++)
		new_page(L, SM_PAGE_FRONT, -1);
	if (t->start_right && P->n % 2)
		new_page(L, SM_PAGE_BLANK, -1);
	P->nfront = P->n;
	if (!pg || L->full)
		return;

	double *need = sm_xmalloc((size_t)(L->flow.n + 1) * 2 * sizeof *need), *chain_feet = need + L->flow.n + 1;
	chains(L, need, chain_feet);
	int chapter = -1;
	double y = 0;
	struct sm_items feet = { 0 };       /* the footnotes of the page being filled */
	double feet_h = 0;
	pg = NULL;
	for (int i = 0; i < L->flow.n; i++) {
		struct sm_flow_item *f = &L->flow.v[i];
		if (f->kind == SM_FLOW_BREAK) {
			place_feet(L, pg, &feet, &feet_h);
			chapter = f->chapter;
			if (f->right && P->n % 2)
				if (!new_page(L, SM_PAGE_BLANK, -1))
					break;
			if (!(pg = new_page(L, SM_PAGE_BODY, chapter)))
				break;
			pg->opener = 1;
			y = 0;
			continue;
		}
		if (!pg) {
			if (!(pg = new_page(L, SM_PAGE_BODY, chapter)))
				break;
			y = 0;
		}
		if (f->kind == SM_FLOW_SPACE) {
			if (y > 0)
				y += f->h;
			continue;
		}
		/* A line with a footnote's number needs room for the note too
		 * (need[i] counts the notes of its chain). */
		double foot = feet_h + chain_feet[i] > 0 ? feet_h + foot_gap(L) : 0;
		if (y > 0 && y + need[i] + foot > L->th + 0.01) {
			place_feet(L, pg, &feet, &feet_h);
			if (!(pg = new_page(L, SM_PAGE_BODY, chapter)))
				break;
			y = 0;
			/* A table that runs on repeats its header row. */
			if (f->repeat >= 0 && f->repeat != i - 1) {
				const struct sm_flow_item *h = &L->flow.v[f->repeat];
				add_items(L, &pg->items, &h->items, text_left(L, P->n - 1), t->m_top, SM_NODE_UNSET,
					  SM_ART_HEADER);
				y = h->h;
			}
		}
		int index = P->n - 1;
		double x0 = text_left(L, index), y0 = t->m_top + y;
		add_items(L, &pg->items, &f->items, x0, y0, f->node, 0);
		add_items(L, &pg->items, &f->page_items, 0, 0, f->node, 0);
		if (f->foot_h > 0) {
			add_items(L, &feet, &f->foot, 0, feet_h, SM_NODE_UNSET, 0);
			feet_h += f->foot_h;
		}
		if (f->anchor >= 0) {
			P->anchors[f->anchor].page = index;
			P->anchors[f->anchor].y = y0;
		}
		y += f->h;
	}
	place_feet(L, pg, &feet, &feet_h);
	free(need);
	/* Past the limit nothing more is set: the cover, contents and running
	 * heads of thousands of pages would be work for a PDF not written. */
	if (L->full)
		return;
	/* Labels: roman in the front matter, arabic from 1 after it. */
	for (int i = 0; i < P->n; i++)
		P->v[i].label = i < P->nfront ? roman(L->a, i + 1) : sm_arena_printf(L->a, "%d", i - P->nfront + 1);
	cover(L, &P->v[0]);
	contents(L, toc_first);
	for (int i = 0; i < P->n; i++) {
		head_and_foot(L, i);
		if (L->doc->draft)
			draft_mark(L, &P->v[i]);
	}
	mark_drawn(L);
	doc_info(L);
}
