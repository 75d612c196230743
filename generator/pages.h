/* pages.h: what layout hands the output devices: pages of display items
 * (text runs, rectangles, lines, polygons, circles, links, clips, images)
 * in points with y measured down from the top of the page, and the
 * anchors of the outline and the contents. The devices (dev.h) draw these
 * and read nothing else of the model. */
#ifndef SM_PAGES_H
#define SM_PAGES_H
#include "theme.h"

enum sm_item_kind {
	SM_ITEM_TEXT, SM_ITEM_RECT, SM_ITEM_LINE, SM_ITEM_POLY, SM_ITEM_CIRCLE, SM_ITEM_LINK,
	SM_ITEM_CLIP, SM_ITEM_UNCLIP, SM_ITEM_IMAGE
};

/* ------------------------------------------------------- structure
 *
 * What each piece of a page is, for assistive technology (the tagged PDF's
 * structure tree): layout makes the elements in the order of the document
 * and gives every display item the element its content belongs to, or
 * says it is an artifact (running heads, page numbers, rules, bands). The
 * PDF device marks the content and writes the tree; the reading order of
 * an element's children is the order of their content on the pages. */
enum sm_struct_type {
	SM_S_DOCUMENT, SM_S_SECT, SM_S_H1, SM_S_H2, SM_S_H3, SM_S_P, SM_S_L, SM_S_LI, SM_S_LBL, SM_S_LBODY,
	SM_S_TABLE, SM_S_THEAD, SM_S_TBODY, SM_S_TR, SM_S_TH, SM_S_TD, SM_S_CAPTION, SM_S_FIGURE,
	SM_S_BLOCKQUOTE, SM_S_TOC, SM_S_TOCI, SM_S_LINK, SM_S_NOTE, SM_S_SPAN, SM_S_DIV, SM_S_COUNT
};

/* A header cell's scope: the cells it heads. */
enum sm_scope { SM_SCOPE_NONE, SM_SCOPE_COLUMN, SM_SCOPE_ROW, SM_SCOPE_BOTH };

struct sm_elem {
	int parent;                 /* -1 for the Document (node 0) */
	unsigned char type;         /* enum sm_struct_type */
	unsigned char scope;        /* TH: enum sm_scope */
	const char *alt;            /* Figure: its alternative text; Link: what the link
				       annotation says it leads to (/Contents); NULL */
};

/* item->node: the element (>= 0, an index into sm_pages.nodes) or one of
 * these. In a flow box an unset item belongs to the box's element; on a
 * page (cover, contents, running heads) an unset item is decoration. */
enum sm_node_special {
	SM_NODE_UNSET = -1,
	SM_ART_LAYOUT = -2,         /* rules, bands, backgrounds, decoration, cover photo */
	SM_ART_HEADER = -3,         /* running head (a pagination artifact) */
	SM_ART_FOOTER = -4,         /* page number, footer line */
	SM_ART_PAGE = -5,           /* a mark on the whole page: the draft stamp */
};

/* A move of the pen inside a text item, before the character at byte
 * `at`, beyond the advances of the characters: kerning, or the stretch or
 * shrink of a justified space (pt; positive to the right). */
struct sm_shift {
	unsigned at;
	float dx;
};

struct sm_item {
	double x, y, w, h;          /* text: baseline origin; rect, link, clip: box; line: x,y → x+w,y+h */
	const char *text;
	const char *url;            /* link: URI, or NULL for an anchor */
	union {
		const double *pts;          /* poly: x,y pairs (npts) */
		const struct sm_shift *shifts; /* text: ascending `at` (npts) */
	};
	const struct sm_image *image; /* image: drawn into the box x, y, w, h */
	struct sm_color color;      /* text and fills */
	struct sm_color stroke;
	float line_width;
	float radius;               /* rect: rounded corners; circle: radius */
	float size;                 /* text: font size */
	float angle;                /* text: rotation in degrees */
	float alpha;                /* opacity, 1 opaque */
	unsigned len;               /* text: bytes */
	int anchor;                 /* link: anchor index */
	int node;                   /* structure element, or enum sm_node_special */
	int npts;                   /* poly: points; text: shifts */
	short dash;                 /* dash length in pt, 0 for solid */
	unsigned char kind;         /* enum sm_item_kind */
	signed char role;           /* text: font role */
	unsigned char fill, do_stroke, closed;
};

struct sm_items {
	struct sm_item *v;
	int n, cap;
};

/* A place in the document: chapter and section starts, for the contents,
 * the outline and links. */
struct sm_anchor {
	const char *title;
	int level;                  /* 1 chapter, 2 section */
	const char *number;         /* chapter number shown, or NULL */
	int page;                   /* physical page index, set by pagination */
	double y;
};

enum sm_page_kind { SM_PAGE_COVER, SM_PAGE_FRONT, SM_PAGE_BLANK, SM_PAGE_BODY };

struct sm_page {
	enum sm_page_kind kind;
	struct sm_items items;
	int chapter;                /* chapter shown in the running head, -1 none */
	int opener;                 /* a chapter starts on this page */
	const char *label;          /* page label: "iii", "12" */
};

/* What the document says of itself (the PDF's document information and
 * language), dated by `published`: no clock. */
struct sm_docinfo {
	const char *title, *author, *subject, *keywords, *creator;  /* subject: NULL for none */
	const char *lang;           /* the language of the text, BCP 47 ("nl-NL") */
	struct sm_date date;        /* made and last changed */
};

struct sm_pages {
	struct sm_docinfo info;
	double w, h;
	struct sm_page *v;
	int n, cap;
	int nfront;                 /* cover, contents and their blanks: numbered i, ii, ...;
				       the pages after them 1, 2, ... */
	struct sm_anchor *anchors;
	int nanchors, acap;
	struct sm_elem *nodes;      /* the structure tree, nodes[0] the Document, each
				       made after its parent, in the order of the document */
	int nnodes, ncap;
};

struct sm_arena;
/* A new element, the last child of parent so far; returns its index. */
int sm_node_add(struct sm_arena *a, struct sm_pages *p, enum sm_struct_type type, int parent);
/* The standard structure type's name ("P", "TOCI"). */
const char *sm_struct_name(enum sm_struct_type type);

#endif
