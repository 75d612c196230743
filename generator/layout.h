/* layout.h: boxes, lines and pages.
 *
 * Layout turns the model, the theme and font metrics into pages of display
 * items (pages.h). The renderer (dev_pdf.c) only draws them; tests read
 * them through dev_text.c (dev.h). The driver (build.c, run.h) calls
 * sm_layout_init, sm_layout_doc, sm_paginate and sm_layout_free.
 *
 * In between sits the flow: a vertical list of boxes (a line of text, a
 * heading, a table row, a chart) with spaces and page breaks between them.
 * Pagination (layout_page.c) cuts the flow into pages, keeping boxes marked
 * keep_next with the box that follows.
 *
 * The layout files call only files below them (docs/DESIGN.md; the suite
 * checks it, tests/e2e/structure.sh), lowest first:
 *   layout_flow.c    boxes, items, spaces and breaks of the flow
 *   layout_text.c    line breaking: runs set into lines
 *   layout_block.c   a block's areas, periods, title, sources; values as printed
 *   figure.c         figures in text (its layout part: the text of a figure)
 *   layout_rich.c    shared text styles, section headings, rich text
 *   layout_table.c   tables, and a block's heading and footnote
 *   layout_data.c, chart.c       table blocks and the data chapters; charts
 *   layout_doc.c, layout_page.c  the chapters into the flow; pagination */
#ifndef SM_LAYOUT_H
#define SM_LAYOUT_H
#include "pages.h"
#include "font.h"
#include "calc.h"
#include "model.h"

/* ------------------------------------------------------------ flow */

enum sm_flow_kind { SM_FLOW_BOX, SM_FLOW_SPACE, SM_FLOW_BREAK };

struct sm_flow_item {
	enum sm_flow_kind kind;
	double h;                   /* box height, or the space */
	int keep_next;              /* no page break between this and the next box */
	struct sm_items items;      /* relative to the text area's left and the box's top */
	struct sm_items page_items; /* drawn in page coordinates (openers) */
	int anchor;                 /* anchor placed at this box's top, -1 */
	int node;                   /* structure element of its items (pages.h), unless
				       an item names its own */
	int chapter;                /* BREAK: chapter that starts, -1 */
	int right;                  /* BREAK: start on a right-hand page */
	int repeat;                 /* flow index of a table header to repeat above this
				       box when it starts a page, -1 */
	struct sm_items foot;       /* footnotes of this line, set at the foot of its page */
	double foot_h;
};

/* A footnote, set: its lines from y=0, and their height. */
struct sm_foot {
	struct sm_items items;
	double h;
	const char *number;         /* as the text shows it */
};

struct sm_flow {
	struct sm_flow_item *v;
	int n, cap;
};

/* Everything layout needs, passed down as one context. */
struct sm_layout {
	struct sm_arena *a;
	struct sm_arena scratch;        /* line breaking, emptied after each paragraph */
	int no_hyphens;                 /* the first line-breaking pass, without hyphenation */
	const struct sm_doc *doc;
	const struct sm_data *data;     /* computed figures */
	const struct sm_theme *t;
	struct sm_fonts *fonts;
	struct sm_flow flow;
	double flow_h;                  /* boxes so far, each at most a page high */
	int nbreaks;                    /* chapter starts so far */
	int full;                       /* more than SM_MAX_PAGES: reported, stop */
	struct sm_pages *pages;
	int node;                       /* the structure element being filled: new boxes
					   and elements belong to it (sm_struct_open) */
	int chapter_sect, section_sect; /* the Sect of the chapter and of its section, -1 */
	int heading;                    /* level of the last heading (0 before a chapter's) */
	int cover_sect, contents_sect;  /* the front matter's elements, made first (sm_layout_doc) */
	double tw, th;              /* text area */
	const struct sm_block *block;   /* the table or chart block being set, for its
					   own source and note (sm_block_footnote) */
	int note_chapter, note_no;      /* footnotes: numbered per chapter */
	struct sm_foot *feet;           /* every footnote set so far (sm_run.note - 1) */
	int nfeet, feetcap;
};

/* Text setting (layout_text.c). A paragraph style says how to set runs. */
struct sm_pstyle {
	double size, leading;
	int role_regular, role_bold, role_italic, role_bold_italic;
	struct sm_color color, link_color;
	int justify;
	double indent;              /* left indent of every line */
	double width;               /* line width */
	double first_indent;        /* extra indent of the first line (hanging markers use x) */
	int nohyphen;               /* titles, headings, table heads: break between words only */
};

/* Width of text as set in paragraphs: advances plus pair kerning. */
double sm_measure(struct sm_layout *L, int role, double size, const char *s, size_t len);
/* Sets runs into lines; appends one box per line to the flow and returns
 * the index of the first. Each box is decorated by deco (may be NULL),
 * which gets the box to add background or rules (its items are to say
 * they are SM_ART_LAYOUT). Set in a grouping element (Document, Sect, Div,
 * BlockQuote, LBody, Note) the lines are a P of their own; a link in the
 * runs is a Link element, a child of the element being filled. */
typedef void (*sm_deco_fn)(struct sm_layout *L, struct sm_flow_item *box, void *ctx, int first, int last);
int sm_set_runs(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps,
		sm_deco_fn deco, void *ctx);
/* Plain text as one run. */
int sm_set_text(struct sm_layout *L, const char *text, unsigned style, const struct sm_pstyle *ps,
		sm_deco_fn deco, void *ctx);
/* Lines of runs into text items on a fixed width, returned for boxes that
 * are not flow lines (table cells, cover). Returns the number of lines; the
 * items are placed from y=0 (the first baseline at ps->leading*0.75ish). */
int sm_set_lines(struct sm_layout *L, const struct sm_run *runs, int nruns, const struct sm_pstyle *ps,
		 struct sm_items *out, double x, double y);
double sm_baseline(const struct sm_pstyle *ps);

/* Flow building (layout_flow.c). The context of one layout: set up by
 * the driver, its scratch arena freed when done. */
void sm_layout_init(struct sm_layout *L, struct sm_arena *a, const struct sm_doc *doc, const struct sm_data *data,
		    const struct sm_theme *t, struct sm_fonts *fonts, struct sm_pages *out);
void sm_layout_free(struct sm_layout *L);
struct sm_flow_item *sm_flow_box(struct sm_layout *L, double h);
void sm_flow_space(struct sm_layout *L, double h);
void sm_flow_break(struct sm_layout *L, int chapter, int right);
int sm_anchor_add(struct sm_layout *L, const char *title, int level, const char *number);
/* Structure: a new element, a child of the current one, made current;
 * sm_struct_close makes its parent current again. sm_struct_add makes a
 * child of parent without changing the current element. */
int sm_struct_open(struct sm_layout *L, enum sm_struct_type type);
void sm_struct_close(struct sm_layout *L);
int sm_struct_add(struct sm_layout *L, enum sm_struct_type type, int parent);
/* A heading element of level (1 chapter, 2 section, 3 subsection) opened
 * as sm_struct_open does, at most one level deeper than the heading
 * before it, so that no level is skipped. */
int sm_heading_open(struct sm_layout *L, int level);
/* Items from index `from` on that name no element yet: of node (an
 * element or SM_ART_*). */
void sm_items_node(struct sm_items *it, int from, int node);
struct sm_item *sm_item_add(struct sm_arena *a, struct sm_items *it, enum sm_item_kind kind);
void sm_text_item(struct sm_layout *L, struct sm_items *it, int role, double size, struct sm_color c,
		  double x, double y, const char *s);
/* A space after a text item's text: it takes no ink (sm_text_item_end
 * does not count it) and keeps the text apart from the next item's in
 * extracted text (a number from its title). */
void sm_item_space_after(struct sm_layout *L, struct sm_item *it);
/* Where a text item ends: its start, the advances and the shifts. */
double sm_text_item_end(struct sm_fonts *f, const struct sm_item *it);
void sm_rect_item(struct sm_layout *L, struct sm_items *it, double x, double y, double w, double h,
		  struct sm_color c, double radius);
void sm_status_shape(struct sm_layout *L, struct sm_items *it, enum sm_status s, double cx, double cy, double r,
		     struct sm_color c);
void sm_line_item(struct sm_layout *L, struct sm_items *it, double x1, double y1, double x2, double y2,
		  struct sm_color c, double width);

/* A block of figures, shared by tables and charts (layout_block.c). */
const char *sm_with_unit(struct sm_layout *L, const struct sm_indicator *in, double v);
/* Which symbols a table or chart printed, for its "verklaring van tekens". */
struct sm_symbols { int unknown, provisional, revised, nil; };
const char *sm_value_text(struct sm_layout *L, const struct sm_indicator *in, const struct sm_value *c, int unit,
			  struct sm_symbols *sy);
const char *sm_symbols_note(struct sm_layout *L, const struct sm_symbols *sy, const char *extra);
const char *sm_block_sources(struct sm_layout *L, const struct sm_ref *inds, int n);
const char *sm_block_title(struct sm_layout *L, const struct sm_block *b);
int sm_block_areas(struct sm_layout *L, const struct sm_area_set *as, int *out);
int sm_block_reference(struct sm_layout *L, const struct sm_block *b);
/* The latest of periods (ascending) with data for ind: at the
 * municipality, or when it has none there, at any of areas. -1 if none. */
int sm_block_latest(struct sm_layout *L, int ind, const int *areas, int na, const int *periods, int np);
int sm_block_period(struct sm_layout *L, const struct sm_block *b, int ind, const int *areas, int na);
int sm_block_common_period(struct sm_layout *L, const struct sm_block *b, const int *areas, int na);
int sm_block_periods(struct sm_layout *L, const struct sm_block *b, const int *areas, int na, int *out);

/* Figures in text (figure.c): warnings for those that print no number,
 * once, after the figures are computed; and the text of one figure. */
void sm_figures_check(struct sm_arena *a, struct sm_doc *d, const struct sm_data *data);
const char *sm_figure_text(struct sm_layout *L, const struct sm_figure *f);

/* Text styles, headings and rich text (layout_rich.c). */
struct sm_pstyle sm_pstyle_body(const struct sm_layout *L);
struct sm_pstyle sm_pstyle_small(const struct sm_layout *L);
struct sm_pstyle sm_pstyle_heading(const struct sm_layout *L, double size, struct sm_color c);
/* Keeps the boxes from flow index first on with the box after them. */
void sm_keep_from(struct sm_layout *L, int first);
/* A section heading inside a chapter (level 2 in the outline), and a lesser one. */
void sm_layout_section(struct sm_layout *L, const char *title, int outline);
void sm_layout_subsection(struct sm_layout *L, const char *title);
/* A bar beside the lines of a quote: deco with a struct sm_bar. */
struct sm_bar { double x; struct sm_color c; };
void sm_bar_deco(struct sm_layout *L, struct sm_flow_item *box, void *ctx, int first, int last);
void sm_rich(struct sm_layout *L, const struct sm_rich *r, const struct sm_pstyle *ps);

/* Tables (layout_table.c). */
enum sm_align { SM_ALIGN_LEFT, SM_ALIGN_RIGHT, SM_ALIGN_NUMBER };
enum sm_row_kind { SM_ROW_NORMAL, SM_ROW_GROUP, SM_ROW_TOTAL, SM_ROW_SUB };

struct sm_tcell {
	const char *text;
	unsigned style;
	int status;                 /* > 0: a status dot before the text (enum sm_status) */
	int judgement;              /* > 0: a favourable/unfavourable mark (enum sm_judgement) */
};

struct sm_table {
	const char *title;
	int ncols, nrows;
	const char **head;
	enum sm_align *align;
	struct sm_tcell *cells;     /* nrows x ncols */
	enum sm_row_kind *kinds;
	const char *source;         /* "Bron: ..." */
	const char *notes;          /* symbols used, and other notes */
	double label_share;         /* the first column's share of the width, 0: what is left */
};

struct sm_table *sm_table_new(struct sm_layout *L, int ncols, int nrows);
struct sm_tcell *sm_table_cell(struct sm_table *t, int row, int col);
/* Sets a table: Table > Caption, THead > TR > TH (scope Column), TBody >
 * TR > TH (scope Row, the first column) + TD, a cell element for every
 * column; then its source and notes, each a P after the Table. */
void sm_table_emit(struct sm_layout *L, const struct sm_table *t);
/* Opens a Table element in the current one (in a paragraph's parent,
 * never in a P); returns the element that was current, to restore. */
int sm_table_open(struct sm_layout *L);
/* A table's or chart's title: the Caption of the current element (call
 * it right after opening the Table or Figure). */
void sm_block_heading(struct sm_layout *L, const char *title);
/* The source and notes under a table or chart: each a P of the current
 * element (call it after closing the Table or Figure). */
void sm_block_footnote(struct sm_layout *L, const char *source, const char *notes);

/* Pieces built from the figures (layout_data.c). */
void sm_layout_table_block(struct sm_layout *L, const struct sm_block *b);
void sm_layout_goal_figures(struct sm_layout *L, const struct sm_goal *g, sm_deco_fn deco, void *ctx);
/* "Oordeel t.o.v. streefwaarde": what an auto status is judged against; NULL for a written one. */
const char *sm_goal_basis(struct sm_layout *L, const struct sm_goal *g);
void sm_layout_overview(struct sm_layout *L);
void sm_layout_budget(struct sm_layout *L, const struct sm_chapter *ch);
void sm_layout_areas(struct sm_layout *L, const struct sm_chapter *ch);
void sm_layout_definitions(struct sm_layout *L, const struct sm_chapter *ch);
/* Charts (chart.c). */
struct sm_ticks { double lo, hi, step; int n, decimals; };
void sm_chart_ticks(double lo, double hi, int target, int from_zero, struct sm_ticks *t);
void sm_layout_chart(struct sm_layout *L, const struct sm_block *b);
/* Warnings about what the figures would print (layout_data.c): run by
 * check and build alike, before layout. */
void sm_check_figures(struct sm_arena *a, const struct sm_doc *doc, const struct sm_data *data,
		      const struct sm_theme *t);

/* The chapters into the flow (layout_doc.c): 0, or -1 when the flow
 * outgrew the page limit (reported) and is not to be paginated. */
int sm_layout_doc(struct sm_layout *L);
/* The flow cut into pages, with cover, contents and running heads
 * (layout_page.c); called by the driver after sm_layout_doc. */
void sm_paginate(struct sm_layout *L);

#endif
