/* layout_table.c: tables. A title, a header row in the house colour, rows
 * with numbers aligned on the decimal comma, zebra stripes, a total row,
 * and the source and symbols below. Each row is one box of the flow, so a
 * table runs over a page break; the header row is repeated on the new page. */
#include "layout.h"
#include <math.h>
#include <string.h>

struct sm_table *sm_table_new(struct sm_layout *L, int ncols, int nrows)
{
	struct sm_table *t = sm_arena_alloc(L->a, sizeof *t);
	t->ncols = ncols;
	t->nrows = nrows;
	t->head = sm_arena_alloc(L->a, (size_t)ncols * sizeof *t->head);
	t->align = sm_arena_alloc(L->a, (size_t)ncols * sizeof *t->align);
	t->cells = sm_arena_alloc(L->a, (size_t)(nrows ? nrows : 1) * (size_t)ncols * sizeof *t->cells);
	t->kinds = sm_arena_alloc(L->a, (size_t)(nrows ? nrows : 1) * sizeof *t->kinds);
	for (int c = 1; c < ncols; c++)
		t->align[c] = SM_ALIGN_NUMBER;
	return t;
}

struct sm_tcell *sm_table_cell(struct sm_table *t, int row, int col)
{
	return &t->cells[(size_t)row * (size_t)t->ncols + (size_t)col];
}

struct geom {
	double size, leading, pad, vpad;
	double *x, *w;              /* column left and width */
	double *comma;              /* number columns: the x of the decimal comma */
	struct sm_pstyle cell, head;
};

static int role(unsigned style)
{
	return style & SM_STYLE_BOLD ? (style & SM_STYLE_ITALIC ? SM_FACE_BOLD_ITALIC : SM_FACE_BOLD)
				     : (style & SM_STYLE_ITALIC ? SM_FACE_ITALIC : SM_FACE_REGULAR);
}

/* Width of a number's part before its decimal comma, and of the rest. */
static void split_number(struct sm_layout *L, const char *s, int r, double size, double *left, double *right)
{
	const char *comma = strchr(s, ',');
	size_t n = comma ? (size_t)(comma - s) : strlen(s);
	/* Flags and signs that trail an integer count as its right part. */
	if (!comma)
		while (n > 0 && (s[n - 1] == '*' || s[n - 1] == '%'))
			n--;
	*left = sm_font_width(L->fonts, r, size, s, n);
	*right = sm_font_width(L->fonts, r, size, s + n, strlen(s + n));
}

static double status_dot(const struct sm_layout *L) { return L->t->small * 0.9; }

static double cell_width(struct sm_layout *L, const struct sm_tcell *c, double size)
{
	if (!c->text)
		return 0;
	double w = sm_font_width(L->fonts, role(c->style), size, c->text, strlen(c->text));
	if (c->status > 0 || c->judgement > 0)
		w += status_dot(L) + 4;
	return w;
}

static double longest_word(struct sm_layout *L, const char *s, int r, double size)
{
	double best = 0;
	while (s && *s) {
		const char *e = s;
		while (*e && *e != ' ')
			e++;
		double w = sm_font_width(L->fonts, r, size, s, (size_t)(e - s));
		if (w > best)
			best = w;
		s = *e ? e + 1 : e;
	}
	return best;
}

/* Column widths: every column as wide as its widest cell and the longest
 * word of its head (words are never split); the first column takes the
 * rest. A table with too many columns for that is set a size smaller. */
static void measure(struct sm_layout *L, const struct sm_table *t, struct geom *g)
{
	g->x = sm_arena_alloc(L->a, (size_t)t->ncols * sizeof *g->x);
	g->w = sm_arena_alloc(L->a, (size_t)t->ncols * sizeof *g->w);
	g->comma = sm_arena_alloc(L->a, (size_t)t->ncols * sizeof *g->comma);
	double *maxr = sm_arena_alloc(L->a, (size_t)t->ncols * sizeof *maxr);
	double *maxl = sm_arena_alloc(L->a, (size_t)t->ncols * sizeof *maxl);
	double label = 0, fixed = 0, min_label = 0;
	for (double size = L->t->small + 1; ; size -= 0.5) {
		g->size = size;
		g->leading = g->size * 1.4;
		g->pad = size * 0.6;
		g->vpad = 2.5;
		fixed = 0;
		for (int c = 1; c < t->ncols; c++) {
			double w = longest_word(L, t->head[c], SM_FACE_BOLD, g->size);
			maxl[c] = maxr[c] = 0;
			for (int r = 0; r < t->nrows; r++) {
				const struct sm_tcell *cell = sm_table_cell((struct sm_table *)t, r, c);
				if (!cell->text || t->kinds[r] == SM_ROW_GROUP)
					continue;
				if (t->align[c] == SM_ALIGN_NUMBER) {
					double l, rt;
					split_number(L, cell->text, role(cell->style), g->size, &l, &rt);
					if (l > maxl[c]) maxl[c] = l;
					if (rt > maxr[c]) maxr[c] = rt;
				} else {
					double cw = cell_width(L, cell, g->size);
					if (cw > w)
						w = cw;
				}
			}
			if (maxl[c] + maxr[c] > w)
				w = maxl[c] + maxr[c];
			g->w[c] = w + 2 * g->pad + 1;    /* a point to spare: kerning, rounding */
			fixed += g->w[c];
		}
		/* The first column wants room for its longest word at least. */
		min_label = L->tw * 0.16;
		for (int r = 0; r < t->nrows; r++) {
			const struct sm_tcell *cell = sm_table_cell((struct sm_table *)t, r, 0);
			if (cell->text && t->kinds[r] != SM_ROW_GROUP)
				min_label = fmax(min_label, longest_word(L, cell->text, role(cell->style), g->size) + 2 * g->pad + 10);
		}
		label = L->tw - fixed;
		if (t->label_share > 0 && label > L->tw * t->label_share)
			label = L->tw * t->label_share;
		if (label >= min_label || size <= L->t->small - 1)
			break;
	}
	if (label < min_label) {
		/* Still too many columns: the others give up width evenly. */
		double scale = (L->tw - min_label) / fixed;
		for (int c = 1; c < t->ncols; c++)
			g->w[c] *= scale;
		label = min_label;
	} else if (t->ncols > 1 && L->tw - label - fixed > 0.5) {
		double extra = (L->tw - label - fixed) / (t->ncols - 1);
		for (int c = 1; c < t->ncols; c++)
			g->w[c] += extra;
	}
	g->w[0] = label;
	double x = 0;
	for (int c = 0; c < t->ncols; c++) {
		g->x[c] = x;
		x += g->w[c];
		g->comma[c] = g->x[c] + g->w[c] - g->pad - maxr[c];
	}
	g->cell = sm_pstyle_body(L);
	g->cell.size = g->size;
	g->cell.leading = g->leading;
	g->cell.justify = 0;
	g->cell.nohyphen = 1;
	g->head = g->cell;
	g->head.role_regular = SM_FACE_BOLD;
	g->head.color = (struct sm_color){ 1, 1, 1 };
}


static void draw_mark(struct sm_layout *L, struct sm_items *it, const struct sm_tcell *c, double x, double base)
{
	double d = status_dot(L);
	if (c->status > 0) {
		sm_status_shape(L, it, (enum sm_status)c->status, x + d / 2, base - L->t->small * 0.33, d / 2,
				L->t->status[c->status]);
	} else {
		/* Favourable and unfavourable: the status colours and shapes,
		 * and the word in the cell. */
		enum sm_status s = c->judgement == SM_J_FAVOURABLE ? SM_STATUS_ON_TRACK
				 : c->judgement == SM_J_UNFAVOURABLE ? SM_STATUS_OFF_TRACK : SM_STATUS_NO_JUDGEMENT;
		sm_status_shape(L, it, s, x + d / 2, base - L->t->small * 0.33, d / 2, L->t->status[s]);
	}
}

/* One row (or the header) as a box. */
static struct sm_flow_item *row_box(struct sm_layout *L, const struct sm_table *t, const struct geom *g, int r)
{
	int header = r < 0;
	enum sm_row_kind kind = header ? SM_ROW_NORMAL : t->kinds[r];
	/* Lines of the label cell (and of header cells). */
	struct sm_items items = { 0 };
	int lines = 1;
	double y0 = g->vpad;
	struct sm_pstyle ps = header ? g->head : g->cell;
	if (!header && (kind == SM_ROW_GROUP || kind == SM_ROW_TOTAL))
		ps.role_regular = SM_FACE_BOLD;
	if (header) {
		struct sm_color fill = L->t->header_fill;
		ps.color = sm_luminance(fill) > 0.6 ? L->t->text : (struct sm_color){ 1, 1, 1 };
		for (int c = 0; c < t->ncols; c++) {
			struct sm_pstyle hs = ps;
			hs.width = g->w[c] - 2 * g->pad;
			struct sm_items tmp = { 0 };
			struct sm_run run = { t->head[c] ? t->head[c] : "", 0, NULL };
			int n = sm_set_lines(L, &run, 1, &hs, &tmp, 0, 0);
			if (n > lines)
				lines = n;
		}
	}
	for (int c = 0; c < t->ncols; c++) {
		const char *text = header ? t->head[c] : sm_table_cell((struct sm_table *)t, r, c)->text;
		if (!text || !*text)
			continue;
		const struct sm_tcell *cell = header ? NULL : sm_table_cell((struct sm_table *)t, r, c);
		struct sm_pstyle cs = ps;
		if (cell && cell->style)
			cs.role_regular = role(cell->style | (kind == SM_ROW_TOTAL ? SM_STYLE_BOLD : 0));
		double indent = !header && c == 0 && kind == SM_ROW_SUB ? 10 : 0;
		cs.width = g->w[c] - 2 * g->pad - indent;
		if (c == 0 || t->align[c] == SM_ALIGN_LEFT || (!header && kind == SM_ROW_GROUP)) {
			if (!header && kind == SM_ROW_GROUP && c == 0)
				cs.width = L->tw - 2 * g->pad;
			double mark = cell && (cell->status > 0 || cell->judgement > 0) ? status_dot(L) + 4 : 0;
			cs.width -= mark;
			struct sm_run run = { text, 0, NULL };
			struct sm_items tmp = { 0 };
			int n = sm_set_lines(L, &run, 1, &cs, &tmp, g->x[c] + g->pad + indent + mark, y0);
			if (mark)
				draw_mark(L, &items, cell, g->x[c] + g->pad + indent, y0 + sm_baseline(&cs));
			if (header) {
				/* Headers sit on the bottom line. */
				for (int k = 0; k < tmp.n; k++)
					tmp.v[k].y += (lines - n) * g->leading;
			}
			for (int k = 0; k < tmp.n; k++)
				SM_PUSH(L->a, items.v, items.n, items.cap, tmp.v[k]);
			if (!header && n > lines)
				lines = n;
			continue;
		}
		int rl = cs.role_regular;
		double base = y0 + sm_baseline(&cs);
		if (header) {
			struct sm_pstyle hs = cs;
			struct sm_items tmp = { 0 };
			struct sm_run run = { text, 0, NULL };
			int n = sm_set_lines(L, &run, 1, &hs, &tmp, 0, 0);
			/* Right-aligned, line by line, on the bottom. */
			for (int k = 0; k < tmp.n; k++) {
				struct sm_item it = tmp.v[k];
				int line = (int)(it.y / g->leading);
				double lw = 0;
				for (int q = 0; q < tmp.n; q++)
					if ((int)(tmp.v[q].y / g->leading) == line) {
						double e = sm_text_item_end(L->fonts, &tmp.v[q]);
						if (e > lw)
							lw = e;
					}
				it.x += g->x[c] + g->w[c] - g->pad - lw;
				it.y += y0 + (lines - n) * g->leading;
				SM_PUSH(L->a, items.v, items.n, items.cap, it);
			}
			continue;
		}
		if (t->align[c] == SM_ALIGN_NUMBER) {
			double l, rt;
			split_number(L, text, rl, g->size, &l, &rt);
			sm_text_item(L, &items, rl, g->size, L->t->text, g->comma[c] - l, base, text);
		} else {
			double w = cell_width(L, cell, g->size);
			double x = g->x[c] + g->w[c] - g->pad - w;
			if (cell->status > 0 || cell->judgement > 0) {
				draw_mark(L, &items, cell, x, base);
				x += status_dot(L) + 4;
			}
			sm_text_item(L, &items, rl, g->size, L->t->text, x, base, text);
		}
	}
	double h = lines * g->leading + 2 * g->vpad;
	struct sm_flow_item *box = sm_flow_box(L, h);
	/* Fills go under the text. */
	if (header)
		sm_rect_item(L, &box->items, 0, 0, L->tw, h, L->t->header_fill, 0);
	else if (kind == SM_ROW_GROUP)
		sm_rect_item(L, &box->items, 0, 0, L->tw, h, L->t->light, 0);
	else if (L->t->zebra && r % 2 == 1 && kind != SM_ROW_TOTAL)
		sm_rect_item(L, &box->items, 0, 0, L->tw, h, (struct sm_color){ 0.955, 0.96, 0.96 }, 0);
	if (kind == SM_ROW_TOTAL)
		sm_line_item(L, &box->items, 0, 0, L->tw, 0, L->t->text, 0.8);
	for (int k = 0; k < items.n; k++)
		SM_PUSH(L->a, box->items.v, box->items.n, box->items.cap, items.v[k]);
	return box;
}

/* The title above a table or chart, kept with what follows it: the
 * Caption of the current element (the Table or Figure just opened). */
void sm_block_heading(struct sm_layout *L, const char *title)
{
	sm_struct_open(L, SM_S_CAPTION);
	struct sm_pstyle ps = sm_pstyle_body(L);
	ps.role_regular = ps.role_bold = SM_FACE_HEADING;
	ps.size = L->t->body + 0.5;
	ps.leading = ps.size * 1.35;
	ps.justify = 0;
	ps.nohyphen = 1;
	int f = sm_set_text(L, title, 0, &ps, NULL, NULL);
	for (int i = f; i < L->flow.n; i++)
		L->flow.v[i].keep_next = 1;
	sm_struct_close(L);
	sm_flow_space(L, 3);
}

/* The source and notes under a table or chart, kept with it (the box
 * before them must already keep with what follows). A block's own source
 * replaces the catalogue's; its note comes after the source line. Each is
 * a paragraph of the current element: call this after closing the Table
 * or Figure. */
void sm_block_footnote(struct sm_layout *L, const char *source, const char *notes)
{
	const struct sm_block *b = L->block;
	const char *note = b ? b->note : NULL;
	if (b && b->source)
		source = sm_arena_printf(L->a, "%s: %s", L->t->labels[SM_LABEL_source], b->source);
	struct sm_pstyle sp = sm_pstyle_body(L);
	sp.size = L->t->small;
	sp.leading = L->t->small * 1.4;
	sp.color = L->t->muted;
	sp.justify = 0;
	sm_flow_space(L, 3);
	int foot = L->flow.n;
	const char *lines[3] = { source, note, notes };
	for (int i = 0; i < 3; i++)
		if (lines[i]) {
			sm_struct_open(L, SM_S_P);
			sm_set_text(L, lines[i], 0, &sp, NULL, NULL);
			sm_struct_close(L);
		}
	for (int i = foot; i < L->flow.n; i++)
		L->flow.v[i].keep_next = 1;
	L->flow.v[L->flow.n - 1].keep_next = 0;
}

void sm_table_emit(struct sm_layout *L, const struct sm_table *t)
{
	struct geom g;
	measure(L, t, &g);
	sm_flow_space(L, L->t->leading * 0.8);
	if (t->title)
		sm_block_heading(L, t->title);
	row_box(L, t, &g, -1)->keep_next = 1;
	int header = L->flow.n - 1;
	for (int r = 0; r < t->nrows; r++) {
		struct sm_flow_item *b = row_box(L, t, &g, r);
		b->repeat = header;
		/* No single row alone at the top or bottom of a page, and a group
		 * row stays with the rows under it. */
		if (r == 0 || r == t->nrows - 2 || t->kinds[r] == SM_ROW_GROUP)
			b->keep_next = 1;
	}
	struct sm_flow_item *last = &L->flow.v[L->flow.n - 1];
	sm_line_item(L, &last->items, 0, last->h, L->tw, last->h, L->t->rule, 0.6);
	last->keep_next = 1;
	sm_block_footnote(L, t->source, t->notes);
	sm_flow_space(L, L->t->leading * 0.5);
}
