/* dev_pdf.c: pages of display items → PDF through libharu's public API
 * (hpdf.h); what that API cannot do goes through pdf_internals.c, the one
 * file that reaches into libharu's internals.
 *
 * libharu owns the document: its objects, pages, resources, images,
 * annotations, outline and the file. Content streams, fonts and their
 * compression are ours (see below for why each).
 *
 * The document is made in memory; only then is the target checked again
 * and the bytes written, with checked writes and fsync, into a temporary
 * file beside it, renamed over it only when every step succeeded (see
 * write_file). */
#define _GNU_SOURCE
#include "dev.h"
#include "image.h"
#include "pdf_archive.h"
#include "pdf_internals.h"
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

struct pdf_state {
	HPDF_STATUS error, detail;
};

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
	struct pdf_state *st = user;
	if (!st->error) {
		st->error = error;
		st->detail = detail;
	}
}

/* libharu allocates through these: counted like the engine's own
 * allocations, and a failure is "out of memory" at once, as everywhere. */
static void *pdf_alloc(HPDF_UINT n) { return sm_xmalloc(n); }
static void pdf_free(void *p) { free(p); }

/* The first error libharu reported, through on_error or only in its
 * record (its internal functions set it without calling on_error). */
static int failed(HPDF_Doc pdf, struct pdf_state *st, const char *doing)
{
	if (!st->error && HPDF_GetError(pdf)) {
		st->error = HPDF_GetError(pdf);
		st->detail = HPDF_GetErrorDetail(pdf);
	}
	if (!st->error)
		return 0;
	/* zlib, which compresses the pages libharu draws on, allocates on its own. */
	if (st->error == HPDF_FAILD_TO_ALLOC_MEM || (st->error == HPDF_ZLIB_ERROR && (int)st->detail == Z_MEM_ERROR))
		sm_oom();
	sm_diag(SM_MSG_pdf_failed, NULL, (unsigned)st->error, (unsigned)st->detail, doing);
	return 1;
}

/* ---------------------------------------------------------------- fonts */

/* A ToUnicode CMap: the text's CIDs are its code points, so each maps to
 * itself. Only the subset's code points are listed, as ranges of
 * consecutive ones that differ only in their last byte (as the PDF
 * specification asks), at most 100 to a section: a map of the whole BMP
 * made every reader (PDFBox, pdf.js) build 63,000 entries per font. */
static HPDF_Dict to_unicode(HPDF_Doc pdf, struct libdeflate_compressor *z, const struct sm_font_embed *e)
{
	size_t cap = 512 + (size_t)e->n * 24, n = 0;
	char *buf = sm_xmalloc(cap);
	n += (size_t)snprintf(buf + n, cap - n, "%s",
		"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	int runs = 0;
	for (int i = 0; i < e->n; i++)
		runs += i == 0 || e->cps[i] != e->cps[i - 1] + 1 || (e->cps[i] & 0xFF) == 0;
	for (int i = 0, done = 0; i < e->n; done++) {
		int j = i + 1;
		while (j < e->n && e->cps[j] == e->cps[j - 1] + 1 && (e->cps[j] & 0xFF) != 0)
			j++;
		if (done % 100 == 0)
			n += (size_t)snprintf(buf + n, cap - n, "%d beginbfrange\n", runs - done < 100 ? runs - done : 100);
		n += (size_t)snprintf(buf + n, cap - n, "<%04X> <%04X> <%04X>\n", (unsigned)e->cps[i],
				      (unsigned)e->cps[j - 1], (unsigned)e->cps[i]);
		if (done % 100 == 99 || j == e->n)
			n += (size_t)snprintf(buf + n, cap - n, "endbfrange\n");
		i = j;
	}
	n += (size_t)snprintf(buf + n, cap - n, "%s",
			      "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_Dict map = sm_pdf_stream(pdf, z, buf, n);
	free(buf);
	return map;
}

/* Six capitals before a subset's name, the same for the same subset. */
static void subset_tag(const struct sm_font_embed *e, char tag[7])
{
	uint32_t h = 2166136261u;
	for (int i = 0; i < e->n; i++)
		h = (h ^ e->cps[i]) * 16777619u;
	for (const char *c = e->ps_name; *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = 0;
}

/* Embeds one face as a Type0 font with Identity-H encoding over a
 * CIDFontType2 (pdf_internals.c): the CIDs are the code points drawn (so
 * the content streams are the text itself), CIDToGIDMap leads each to its
 * glyph in the hb-subset subset, /W holds the widths the layout measured
 * with. */
static HPDF_Font load_face(HPDF_Doc pdf, struct libdeflate_compressor *z, struct sm_fonts *fonts, int face)
{
	struct sm_font_embed e;
	if (sm_font_embed(fonts, face, &e))
		return NULL;
	char name[80], tag[7];
	subset_tag(&e, tag);
	snprintf(name, sizeof name, "%s+%s", tag, e.ps_name);
	HPDF_Font font = sm_pdf_type0_font(pdf, z, &e, name, to_unicode(pdf, z, &e));
	sm_font_embed_free(&e);
	return font;
}

/* ------------------------------------------------------ content stream */

/* Page content is written as PDF operators by us, straight into the page's
 * stream: libharu's operator functions cost some 2,000 instructions each
 * (they clear a 2 KB buffer per call), which made drawing most of the build
 * time. libharu still owns the document: resources, fonts, images,
 * annotations, compression. The state below avoids repeating operators. */
struct cw {
	char *buf;
	size_t len, cap;
	int in_text;
	HPDF_Font font;
	double size;
	double fill[3], stroke[3], lw;
	int has_fill, has_stroke, has_lw, dash;
	double tx, ty;              /* where the text line matrix stands, in BT */
	int rotated;
};

/* Room for n more bytes. */
static inline void cw_room(struct cw *w, size_t n)
{
	if (w->len + n + 1 > w->cap) {
		w->cap = (w->len + n + 1) * 2 + 4096;
		w->buf = sm_xrealloc(w->buf, w->cap);
	}
}

static void cw_put(struct cw *w, const char *s, size_t n)
{
	cw_room(w, n);
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

static void cw_str(struct cw *w, const char *s) { cw_put(w, s, strlen(s)); }

/* A number with at most three decimals, whatever the locale. */
static void cw_num(struct cw *w, double v)
{
	char b[40], *o = b + sizeof b;
	double r = v * 1000;        /* rounded half away from zero */
	long long t = fabs(r) < 1e15 ? (long long)(r < 0 ? r - 0.5 : r + 0.5) : 0;
	int neg = t < 0;
	unsigned long long u = neg ? (unsigned long long)-t : (unsigned long long)t;
	unsigned frac = (unsigned)(u % 1000);
	u /= 1000;
	*--o = ' ';
	if (frac) {
		int digits = 3;
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		for (int i = 0; i < digits; i++) {
			*--o = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--o = '.';
	}
	do {
		*--o = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (neg)
		*--o = '-';
	cw_put(w, o, (size_t)(b + sizeof b - o));
}

/* After Q (or libharu's own operators) the graphics state is unknown:
 * every setting is written again when next needed. */
static void cw_forget(struct cw *w)
{
	w->font = NULL;
	w->has_fill = w->has_stroke = w->has_lw = 0;
	w->dash = -1;
}

static void cw_end_text(struct cw *w)
{
	if (w->in_text) {
		cw_str(w, "ET\n");
		w->in_text = 0;
	}
}

static void cw_fill(struct cw *w, struct sm_color c)
{
	if (w->has_fill && w->fill[0] == c.r && w->fill[1] == c.g && w->fill[2] == c.b)
		return;
	cw_num(w, c.r);
	cw_num(w, c.g);
	cw_num(w, c.b);
	cw_str(w, "rg\n");
	w->fill[0] = c.r;
	w->fill[1] = c.g;
	w->fill[2] = c.b;
	w->has_fill = 1;
}

static void cw_stroke(struct cw *w, struct sm_color c, double lw, int dash)
{
	if (!w->has_stroke || w->stroke[0] != c.r || w->stroke[1] != c.g || w->stroke[2] != c.b) {
		cw_num(w, c.r);
		cw_num(w, c.g);
		cw_num(w, c.b);
		cw_str(w, "RG\n");
		w->stroke[0] = c.r;
		w->stroke[1] = c.g;
		w->stroke[2] = c.b;
		w->has_stroke = 1;
	}
	if (!w->has_lw || w->lw != lw) {
		cw_num(w, lw);
		cw_str(w, "w\n");
		w->lw = lw;
		w->has_lw = 1;
	}
	if (w->dash != dash) {
		if (dash) {
			cw_str(w, "[");
			cw_num(w, dash);
			cw_num(w, dash);
			cw_str(w, "] 0 d\n");
		} else {
			cw_str(w, "[] 0 d\n");
		}
		w->dash = dash;
	}
}

static void cw_moveto(struct cw *w, double x, double y, const char *op)
{
	cw_num(w, x);
	cw_num(w, y);
	cw_str(w, op);
}

static void cw_rect(struct cw *w, double x, double y, double wd, double h, double r)
{
	if (r <= 0) {
		cw_num(w, x);
		cw_num(w, y);
		cw_num(w, wd);
		cw_num(w, h);
		cw_str(w, "re\n");
		return;
	}
	if (r > wd / 2) r = wd / 2;
	if (r > h / 2) r = h / 2;
	double k = r * 0.5523;
	cw_moveto(w, x + r, y, "m\n");
	cw_moveto(w, x + wd - r, y, "l\n");
	cw_num(w, x + wd - r + k); cw_num(w, y); cw_num(w, x + wd); cw_num(w, y + r - k); cw_num(w, x + wd); cw_num(w, y + r);
	cw_str(w, "c\n");
	cw_moveto(w, x + wd, y + h - r, "l\n");
	cw_num(w, x + wd); cw_num(w, y + h - r + k); cw_num(w, x + wd - r + k); cw_num(w, y + h); cw_num(w, x + wd - r); cw_num(w, y + h);
	cw_str(w, "c\n");
	cw_moveto(w, x + r, y + h, "l\n");
	cw_num(w, x + r - k); cw_num(w, y + h); cw_num(w, x); cw_num(w, y + h - r + k); cw_num(w, x); cw_num(w, y + h - r);
	cw_str(w, "c\n");
	cw_moveto(w, x, y + r, "l\n");
	cw_num(w, x); cw_num(w, y + r - k); cw_num(w, x + r - k); cw_num(w, y); cw_num(w, x + r); cw_num(w, y);
	cw_str(w, "c\nh\n");
}

static void cw_circle(struct cw *w, double cx, double cy, double r)
{
	double k = r * 0.5523;
	cw_moveto(w, cx + r, cy, "m\n");
	cw_num(w, cx + r); cw_num(w, cy + k); cw_num(w, cx + k); cw_num(w, cy + r); cw_num(w, cx); cw_num(w, cy + r); cw_str(w, "c\n");
	cw_num(w, cx - k); cw_num(w, cy + r); cw_num(w, cx - r); cw_num(w, cy + k); cw_num(w, cx - r); cw_num(w, cy); cw_str(w, "c\n");
	cw_num(w, cx - r); cw_num(w, cy - k); cw_num(w, cx - k); cw_num(w, cy - r); cw_num(w, cx); cw_num(w, cy - r); cw_str(w, "c\n");
	cw_num(w, cx + k); cw_num(w, cy - r); cw_num(w, cx + r); cw_num(w, cy - k); cw_num(w, cx + r); cw_num(w, cy); cw_str(w, "c\nh\n");
}

static void cw_paint(struct cw *w, const struct sm_item *it)
{
	cw_str(w, it->fill && it->do_stroke ? "B\n" : it->fill ? "f\n" : "S\n");
}

/* One byte in a literal string (room made by the caller): ( ) and \
 * escaped, and CR, which a reader would otherwise take for a line end. */
static inline void cw_byte(struct cw *w, unsigned char c)
{
	if (c == '\r' || c == '(' || c == ')' || c == '\\')
		w->buf[w->len++] = '\\';
	w->buf[w->len++] = c == '\r' ? 'r' : (char)c;
}

/* UTF-8 text as CIDs (the code points), two bytes each, in literal
 * strings: one Tj, or a TJ whose numbers are the item's shifts in
 * thousandths of the font size (negative: to the right). */
static void cw_text(struct cw *w, const struct sm_item *it)
{
	const unsigned char *s = (const unsigned char *)it->text;
	int k = 0;
	cw_put(w, it->npts ? "[(" : "(", it->npts ? 2 : 1);
	for (size_t i = 0; i < it->len;) {
		if (k < it->npts && it->shifts[k].at == i) {
			cw_put(w, ")", 1);
			while (k < it->npts && it->shifts[k].at == i)
				cw_num(w, -it->shifts[k++].dx * 1000 / it->size);
			w->len--;           /* cw_num's trailing space */
			cw_put(w, "(", 1);
		}
		uint32_t cp = sm_utf8_next((const char *)s, it->len, &i);
		if (cp > 0xFFFF)
			cp = 0xFFFD;
		cw_room(w, 4);
		cw_byte(w, (unsigned char)(cp >> 8));
		cw_byte(w, (unsigned char)cp);
	}
	cw_str(w, it->npts ? ")] TJ\n" : ") Tj\n");
}

#define MARK_NONE INT_MIN

/* The tags of the pages drawn so far (see "structure" below). */
struct link {
	HPDF_Annotation an;
	int page, seq;
	int elem;                   /* its Link element; -1: one is made for it */
	int parent;                 /* made: the made Link's parent */
	int last;                   /* made: the last child of parent, not at its place */
	const char *contents;       /* what it leads to (/Contents) */
};

struct tags {
	int open;                   /* the mark whose sequence is open: an element, an SM_ART_*, or MARK_NONE */
	int *marks, *seqs;          /* each sequence's element and place in the order, page after page */
	int nmarks, cmarks;
	int *page_marks;            /* page i's MCIDs 0, 1, ... are marks[page_marks[i]] ... */
	struct link *links;
	int nlinks, clinks;
	int seq;                    /* the place of the next sequence or link */
};

struct placed {
	const struct sm_image *image;
	double w, h;                    /* the largest it is drawn, in pt */
	HPDF_Image im;                  /* embedded at the first use */
};

struct render {
	HPDF_Doc pdf;
	struct pdf_state st;
	HPDF_Page *pages;
	HPDF_Font faces[SM_FACE_COUNT];
	HPDF_ExtGState alpha[8];
	double alpha_v[8];
	int nalpha;
	const struct sm_pages *P;
	struct sm_fonts *fonts;
	struct sm_arena scratch;                /* fitted image copies */
	struct libdeflate_compressor *z;
	struct placed *img;                     /* each image once, with its largest placement */
	int nimg;
	struct cw cw;
	struct tags tg;
};

static HPDF_ExtGState alpha_state(struct render *r, double a)
{
	for (int i = 0; i < r->nalpha; i++)
		if (r->alpha_v[i] == a)
			return r->alpha[i];
	if (r->nalpha == 8)
		return r->alpha[7];
	HPDF_ExtGState g = HPDF_CreateExtGState(r->pdf);
	if (!g)
		return NULL;    /* libharu has the error; failed() reports it after the page */
	HPDF_ExtGState_SetAlphaFill(g, (HPDF_REAL)a);
	HPDF_ExtGState_SetAlphaStroke(g, (HPDF_REAL)a);
	r->alpha[r->nalpha] = g;
	r->alpha_v[r->nalpha++] = a;
	return g;
}

static HPDF_Destination dest(struct render *r, int anchor)
{
	const struct sm_anchor *an = &r->P->anchors[anchor];
	if (an->page < 0)
		return NULL;
	/* Its top a little above the anchor, within the page. */
	double top = r->P->h - an->y + 18;
	if (top > r->P->h)
		top = r->P->h;
	return sm_pdf_dest_top(r->pdf, r->pages[an->page], top);
}

static struct placed *placed(struct render *r, const struct sm_image *image)
{
	for (int i = 0; i < r->nimg; i++)
		if (r->img[i].image == image)
			return &r->img[i];
	return NULL;
}

/* Where each image is drawn largest: one image may be the logo on the
 * cover and a photo in a chapter, and is embedded once, sharp enough for
 * both. */
static void place_images(struct render *r)
{
	for (int i = 0; i < r->P->n; i++)
		for (int k = 0; k < r->P->v[i].items.n; k++) {
			const struct sm_item *it = &r->P->v[i].items.v[k];
			if (it->kind != SM_ITEM_IMAGE || !it->image)
				continue;
			struct placed *p = placed(r, it->image);
			if (!p) {
				r->img = sm_xrealloc(r->img, (size_t)(r->nimg + 1) * sizeof *r->img);
				p = &r->img[r->nimg++];
				*p = (struct placed){ it->image, 0, 0, NULL };
			}
			p->w = fmax(p->w, it->w);
			p->h = fmax(p->h, it->h);
		}
}

/* Each image is embedded once, fitted to the largest size it is placed at. */
static HPDF_Image image_for(struct render *r, const struct sm_item *it)
{
	struct placed *p = placed(r, it->image);
	if (!p)
		return NULL;
	if (p->im)
		return p->im;
	struct sm_image fit = *it->image;
	sm_image_fit(&r->scratch, &fit, p->w, p->h);
	HPDF_Image im;
	if (fit.jpeg) {
		im = HPDF_LoadJpegImageFromMem(r->pdf, fit.jpeg, (HPDF_UINT)fit.jpeg_len);
	} else {
		im = sm_pdf_raw_image(r->pdf, r->z, fit.rgb, fit.w, fit.h, 0);
		if (im && fit.alpha) {
			HPDF_Image mask = sm_pdf_raw_image(r->pdf, r->z, fit.alpha, fit.w, fit.h, 1);
			if (mask)
				HPDF_Image_AddSMask(im, mask);
		}
	}
	p->im = im;
	return im;
}

/* A page whose content is ours alone (no image or transparency, which go
 * through libharu's own operators) is deflated here. */
static int compress_page(struct render *r, HPDF_Page pg)
{
	struct cw *w = &r->cw;
	cw_end_text(w);
	if (sm_pdf_page_put_deflated(pg, r->z, w->buf, w->len))
		return -1;
	w->len = 0;
	return 0;
}

/* Hands what is buffered to the page's stream, before libharu writes to it. */
static void cw_flush(struct render *r, HPDF_Page pg)
{
	struct cw *w = &r->cw;
	cw_end_text(w);
	if (w->len) {
		sm_pdf_page_write(pg, w->buf, w->len);
		w->len = 0;
	}
}

/* A text item: into the text object (BT) that is open, the font and size
 * set when they change, the position by Td from the previous line (or Tm
 * when rotated). */
static void draw_text(struct render *r, HPDF_Page pg, const struct sm_item *it, double H)
{
	struct cw *w = &r->cw;
	HPDF_Font font = r->faces[r->fonts->role_face[it->role]];
	if (!w->in_text) {
		cw_str(w, "BT\n");
		w->in_text = 1;
		w->tx = w->ty = 0;
		w->rotated = 0;
	}
	if (font != w->font || it->size != w->size) {
		const char *name = HPDF_Page_GetLocalFontName(pg, font);
		if (!name) {
			on_error(HPDF_INVALID_FONT, 0, &r->st);  /* reported after the page */
			return;
		}
		cw_str(w, "/");
		cw_str(w, name);
		cw_str(w, " ");
		cw_num(w, it->size);
		cw_str(w, "Tf\n");
		w->font = font;
		w->size = it->size;
	}
	cw_fill(w, it->color);
	if (it->angle) {
		double a = it->angle * M_PI / 180;
		cw_num(w, cos(a)); cw_num(w, sin(a)); cw_num(w, -sin(a)); cw_num(w, cos(a));
		cw_num(w, it->x);
		cw_num(w, H - it->y);
		cw_str(w, "Tm ");
		w->rotated = 1;
	} else if (w->rotated) {
		cw_str(w, "1 0 0 1 ");
		cw_num(w, it->x);
		cw_num(w, H - it->y);
		cw_str(w, "Tm ");
		w->tx = it->x;
		w->ty = H - it->y;
		w->rotated = 0;
	} else {
		/* Td moves from the start of the previous line: small numbers. */
		cw_num(w, it->x - w->tx);
		cw_num(w, H - it->y - w->ty);
		cw_str(w, "Td ");
		w->tx = it->x;
		w->ty = H - it->y;
	}
	cw_text(w, it);
}

/* A polygon or polyline: filled, stroked with round joins, or both. */
static void draw_poly(struct cw *w, const struct sm_item *it, double H)
{
	if (it->npts < 2)
		return;
	if (it->fill)
		cw_fill(w, it->color);
	if (it->do_stroke) {
		cw_stroke(w, it->stroke, it->line_width, it->dash < 0 ? 0 : it->dash > 100 ? 100 : it->dash);
		cw_str(w, "1 j\n");
	}
	cw_moveto(w, it->pts[0], H - it->pts[1], "m\n");
	for (int k = 1; k < it->npts; k++)
		cw_moveto(w, it->pts[2 * k], H - it->pts[2 * k + 1], "l\n");
	if (it->closed)
		cw_str(w, "h\n");
	cw_paint(w, it);
	if (it->do_stroke)
		cw_str(w, "0 j\n");
}

/* A link: an annotation to a URI or to an anchor, without a border; NULL
 * for an anchor that is on no page. */
static HPDF_Annotation draw_link(struct render *r, HPDF_Page pg, const struct sm_item *it, double H)
{
	HPDF_Rect rect = { (HPDF_REAL)it->x, (HPDF_REAL)(H - it->y - it->h), (HPDF_REAL)(it->x + it->w),
			   (HPDF_REAL)(H - it->y) };
	HPDF_Annotation an = NULL;
	if (it->url) {
		an = HPDF_Page_CreateURILinkAnnot(pg, rect, it->url);
	} else if (it->anchor >= 0) {
		HPDF_Destination d = dest(r, it->anchor);
		if (d)
			an = HPDF_Page_CreateLinkAnnot(pg, rect, d);
	}
	if (an) {
		HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
		sm_pdf_annot_print(an);
	}
	return an;
}

static void draw_item(struct render *r, HPDF_Page pg, const struct sm_item *it)
{
	struct cw *w = &r->cw;
	double H = r->P->h;
	/* Transparency is libharu's (an ExtGState) around the item. */
	int translucent = it->alpha < 1;
	if (translucent) {
		cw_flush(r, pg);
		HPDF_Page_GSave(pg);
		HPDF_Page_SetExtGState(pg, alpha_state(r, it->alpha));
		cw_forget(w);
	}
	if (it->kind != SM_ITEM_TEXT)
		cw_end_text(w);
	switch (it->kind) {
	case SM_ITEM_TEXT:
		draw_text(r, pg, it, H);
		break;
	case SM_ITEM_RECT:
		if (it->fill)
			cw_fill(w, it->color);
		if (it->do_stroke)
			cw_stroke(w, it->stroke, it->line_width, 0);
		cw_rect(w, it->x, H - it->y - it->h, it->w, it->h, it->radius);
		cw_paint(w, it);
		break;
	case SM_ITEM_LINE:
		cw_stroke(w, it->stroke, it->line_width, it->dash < 0 ? 0 : it->dash > 100 ? 100 : it->dash);
		cw_moveto(w, it->x, H - it->y, "m ");
		cw_moveto(w, it->x + it->w, H - it->y - it->h, "l S\n");
		break;
	case SM_ITEM_POLY:
		draw_poly(w, it, H);
		break;
	case SM_ITEM_CIRCLE:
		if (it->fill)
			cw_fill(w, it->color);
		if (it->do_stroke)
			cw_stroke(w, it->stroke, it->line_width, 0);
		cw_circle(w, it->x, H - it->y, it->radius);
		cw_paint(w, it);
		break;
	case SM_ITEM_LINK:
		break;          /* an annotation, not content: tag_link */
	case SM_ITEM_CLIP:
		cw_str(w, "q\n");
		cw_rect(w, it->x, H - it->y - it->h, it->w, it->h, 0);
		cw_str(w, "W n\n");
		break;
	case SM_ITEM_UNCLIP:
		cw_str(w, "Q\n");
		cw_forget(w);
		break;
	case SM_ITEM_IMAGE: {
		HPDF_Image im = it->image ? image_for(r, it) : NULL;
		if (im) {
			cw_flush(r, pg);
			HPDF_Page_DrawImage(pg, im, (HPDF_REAL)it->x, (HPDF_REAL)(H - it->y - it->h), (HPDF_REAL)it->w,
					    (HPDF_REAL)it->h);
		}
		break;
	}
	}
	if (translucent) {
		cw_flush(r, pg);
		HPDF_Page_GRestore(pg);
		cw_forget(w);
	}
}

/* ----------------------------------------------------------- structure */

/* The tagged PDF: what each piece of a page is for assistive technology
 * (pages.h, "structure"). On each page, consecutive items of one element
 * are one marked-content sequence `/P <</MCID n>> BDC ... EMC` (MCIDs from
 * 0 on every page), consecutive items of one artifact kind one `/Artifact`
 * sequence; nothing is drawn outside them but a clip's `q ... W n` and its
 * `Q`. A sequence holds whole text objects (BT ET) and graphics states
 * (q Q), and ends with its page. Links are annotations, not content: each
 * goes into its Link element as an object reference (or into a Link made
 * for it, when layout gave it none). After the pages, every element with
 * content in it goes into the structure tree, its kids (child elements,
 * its own sequences and links) in the order in which their content first
 * appears: page after page, in the order of drawing. */

/* What an item is marked as: its element, or the kind of artifact. An
 * unset item on a page is decoration; an element layout never made is
 * taken for the Document, so that its content is not lost. */
static int mark_of(const struct sm_pages *P, const struct sm_item *it)
{
	if (it->node >= 0)
		return it->node < P->nnodes ? it->node : 0;
	if (it->node == SM_ART_HEADER || it->node == SM_ART_FOOTER || it->node == SM_ART_PAGE)
		return it->node;
	return SM_ART_LAYOUT;
}

static enum sm_struct_type elem_type(const struct sm_pages *P, int e)
{
	return e < P->nnodes ? (enum sm_struct_type)P->nodes[e].type : e == 0 ? SM_S_DOCUMENT : SM_S_LINK;
}

static void mark_close(struct render *r)
{
	if (r->tg.open == MARK_NONE)
		return;
	cw_end_text(&r->cw);
	cw_str(&r->cw, "EMC\n");
	r->tg.open = MARK_NONE;
}

/* The sequence for mark m, unless it is the one open. */
static void mark_open(struct render *r, int page, int m)
{
	struct tags *tg = &r->tg;
	struct cw *w = &r->cw;
	if (m == tg->open)
		return;
	mark_close(r);
	tg->open = m;
	switch (m) {
	case SM_ART_HEADER:
		cw_str(w, "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n");
		return;
	case SM_ART_FOOTER:
		cw_str(w, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n");
		return;
	case SM_ART_PAGE:
		cw_str(w, "/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n");
		return;
	case SM_ART_LAYOUT:
		cw_str(w, "/Artifact <</Type /Layout>> BDC\n");
		return;
	}
	if (tg->nmarks == tg->cmarks) {
		tg->cmarks = tg->cmarks ? tg->cmarks * 2 : 1024;
		tg->marks = sm_xrealloc(tg->marks, (size_t)tg->cmarks * sizeof *tg->marks);
		tg->seqs = sm_xrealloc(tg->seqs, (size_t)tg->cmarks * sizeof *tg->seqs);
	}
	cw_str(w, "/");
	cw_str(w, sm_struct_name(elem_type(r->P, m)));
	cw_str(w, " <</MCID ");
	cw_num(w, tg->nmarks - tg->page_marks[page]);
	w->len--;               /* cw_num's trailing space */
	cw_str(w, ">> BDC\n");
	tg->marks[tg->nmarks] = m;
	tg->seqs[tg->nmarks++] = tg->seq++;
}

/* A link annotation's place in the tree, and what it says it leads to:
 * its Link element's alternative text ("Hoofdstuk 4 Jeugd, pagina 13"),
 * or the URL, or the number and title of the place in the document. */
static void tag_link(struct render *r, int page, const struct sm_item *it, HPDF_Annotation an)
{
	struct tags *tg = &r->tg;
	const struct sm_pages *P = r->P;
	int m = mark_of(P, it);
	struct link l = { an, page, tg->seq++, -1, m >= 0 ? m : 0, m >= 0, NULL };
	if (m >= 0 && elem_type(P, m) == SM_S_LINK) {
		l.elem = m;
		if (m < P->nnodes && P->nodes[m].alt && *P->nodes[m].alt)
			l.contents = P->nodes[m].alt;
	}
	if (!l.contents && it->url && *it->url)
		l.contents = it->url;
	if (!l.contents && it->anchor >= 0 && it->anchor < P->nanchors) {
		const struct sm_anchor *a = &P->anchors[it->anchor];
		l.contents = a->number ? sm_arena_printf(&r->scratch, "%s %s", a->number, a->title) : a->title;
	}
	if (!l.contents || !*l.contents)
		l.contents = "Link";
	if (tg->nlinks == tg->clinks) {
		tg->clinks = tg->clinks ? tg->clinks * 2 : 64;
		tg->links = sm_xrealloc(tg->links, (size_t)tg->clinks * sizeof *tg->links);
	}
	tg->links[tg->nlinks++] = l;
}

/* A kid while the tree is worked out: its parent and its place in the
 * order of the pages. */
struct tkid {
	int key;
	int parent;
	struct sm_pdf_kid k;
};

/* The kids by parent, each parent's by place (keys below nkeys, parents
 * below nparents): a counting sort by place, then a stable one by
 * parent; O(n). */
static void sort_kids(struct tkid *kids, int n, int nkeys, int nparents)
{
	struct tkid *by_key = sm_xmalloc((size_t)(n + 1) * sizeof *by_key);
	int *at = sm_xcalloc((size_t)(nkeys > nparents ? nkeys : nparents) + 1, sizeof *at);
	for (int i = 0; i < n; i++)
		at[kids[i].key + 1]++;
	for (int k = 0; k < nkeys; k++)
		at[k + 1] += at[k];
	for (int i = 0; i < n; i++)
		by_key[at[kids[i].key]++] = kids[i];
	memset(at, 0, ((size_t)nparents + 1) * sizeof *at);
	for (int i = 0; i < n; i++)
		at[by_key[i].parent + 1]++;
	for (int p = 0; p < nparents; p++)
		at[p + 1] += at[p];
	for (int i = 0; i < n; i++)
		kids[at[by_key[i].parent]++] = by_key[i];
	free(by_key);
	free(at);
}

/* An element while the tree is worked out. */
struct telem {
	int parent;
	int type;
	int first;                  /* the first place any content of it has; INT_MAX: none */
	int out;                    /* its index in the tree written, -1 left out */
};

static const char *const scope_name[] = {
	[SM_SCOPE_COLUMN] = "Column", [SM_SCOPE_ROW] = "Row", [SM_SCOPE_BOTH] = "Both",
};

/* The structure tree from the sequences and links of the pages: O(n) in
 * the elements, sequences and links. */
static void write_tree(struct render *r)
{
	const struct sm_pages *P = r->P;
	struct tags *tg = &r->tg;
	int nn = P->nnodes ? P->nnodes : 1;         /* without nodes, a Document of our own */
	int nmade = 0;
	for (int j = 0; j < tg->nlinks; j++)
		nmade += tg->links[j].elem < 0;
	int nel = nn + nmade;
	struct telem *el = sm_xmalloc((size_t)nel * sizeof *el);
	int *made_for = sm_xmalloc((size_t)(nmade + 1) * sizeof *made_for);   /* the link of each made Link */
	for (int e = 0; e < nn; e++) {
		int p = e < P->nnodes ? P->nodes[e].parent : -1;
		/* Each element after its parent, as pages.h promises; a
		 * stray one goes under the Document. */
		el[e] = (struct telem){ e == 0 ? -1 : p >= 0 && p < e ? p : 0, elem_type(P, e), INT_MAX, -1 };
	}
	for (int j = 0, e = nn; j < tg->nlinks; j++)
		if (tg->links[j].elem < 0) {
			el[e] = (struct telem){ tg->links[j].parent, SM_S_LINK, INT_MAX, -1 };
			made_for[e - nn] = j;
			tg->links[j].elem = e++;
		}
	/* Where each element's content begins: its own first, then its
	 * descendants' (each after its parent, so from the end). */
	for (int m = 0; m < tg->nmarks; m++)
		if (tg->seqs[m] < el[tg->marks[m]].first)
			el[tg->marks[m]].first = tg->seqs[m];
	for (int j = 0; j < tg->nlinks; j++)
		if (tg->links[j].seq < el[tg->links[j].elem].first)
			el[tg->links[j].elem].first = tg->links[j].seq;
	for (int e = nel - 1; e > 0; e--)
		if (el[e].first < el[el[e].parent].first)
			el[el[e].parent].first = el[e].first;
	/* An empty table cell stays, so that every row keeps as many cells
	 * as its table has columns: in a row with content it takes the place
	 * of the cell before it (or of its row), and sorts after it. */
	int *prev = sm_xmalloc((size_t)nel * sizeof *prev);
	for (int e = 0; e < nel; e++)
		prev[e] = INT_MAX;
	for (int e = 1; e < nn; e++) {
		int p = el[e].parent;
		if ((el[e].type != SM_S_TD && el[e].type != SM_S_TH) || p < 0 || el[p].first == INT_MAX)
			continue;
		if (el[e].first == INT_MAX)
			el[e].first = prev[p] != INT_MAX ? prev[p] : el[p].first;
		prev[p] = el[e].first;
	}
	free(prev);
	/* Every kid with its parent and place, sorted: each element's kids
	 * in order, one element after another. A made Link that is the last
	 * child of its parent comes after every place. */
	int nkids = tg->nmarks + tg->nlinks + nel, n = 0;
	struct tkid *kids = sm_xmalloc((size_t)nkids * sizeof *kids);
	for (int i = 0; i < r->P->n; i++)
		for (int m = tg->page_marks[i]; m < tg->page_marks[i + 1]; m++)
			kids[n++] = (struct tkid){ tg->seqs[m], tg->marks[m],
						   { SM_PDF_KID_MCID, i, m - tg->page_marks[i] } };
	for (int j = 0; j < tg->nlinks; j++)
		kids[n++] = (struct tkid){ tg->links[j].seq, tg->links[j].elem, { SM_PDF_KID_LINK, tg->links[j].page, j } };
	for (int e = 1; e < nel; e++) {
		if (el[e].first == INT_MAX)
			continue;
		int key = el[e].first;
		if (e >= nn && tg->links[made_for[e - nn]].last)
			key = tg->seq + made_for[e - nn];
		kids[n++] = (struct tkid){ key, el[e].parent, { SM_PDF_KID_ELEM, -1, e } };
	}
	sort_kids(kids, n, tg->seq + tg->nlinks, nel);
	/* The elements written: the Document, and every one with content. */
	int nout = 0;
	for (int e = 0; e < nel; e++)
		if (e == 0 || el[e].first != INT_MAX)
			el[e].out = nout++;
	struct sm_pdf_elem *elems = sm_xcalloc((size_t)nout, sizeof *elems);
	struct sm_pdf_kid *ok = sm_xmalloc((size_t)(n + 1) * sizeof *ok);
	for (int e = 0; e < nel; e++) {
		if (el[e].out < 0)
			continue;
		struct sm_pdf_elem *o = &elems[el[e].out];
		const struct sm_elem *node = e < P->nnodes ? &P->nodes[e] : NULL;
		o->type = sm_struct_name((enum sm_struct_type)el[e].type);
		o->parent = el[e].parent < 0 ? -1 : el[el[e].parent].out;
		/* A Link's alternative text is its annotation's /Contents. */
		if (node && node->alt && el[e].type != SM_S_LINK)
			o->alt = node->alt;
		if (node && el[e].type == SM_S_TH && node->scope > SM_SCOPE_NONE && node->scope <= SM_SCOPE_BOTH)
			o->scope = scope_name[node->scope];
	}
	for (int i = 0; i < n; i++) {
		ok[i] = kids[i].k;
		if (ok[i].kind == SM_PDF_KID_ELEM)
			ok[i].v = el[ok[i].v].out;
		struct sm_pdf_elem *o = &elems[el[kids[i].parent].out];
		if (!o->nkids)
			o->kids = i;
		o->nkids++;
	}
	int *marks = sm_xmalloc((size_t)(tg->nmarks + 1) * sizeof *marks);
	for (int m = 0; m < tg->nmarks; m++)
		marks[m] = el[tg->marks[m]].out;
	HPDF_Annotation *links = sm_xmalloc((size_t)(tg->nlinks + 1) * sizeof *links);
	int *link_elems = sm_xmalloc((size_t)(tg->nlinks + 1) * sizeof *link_elems);
	const char **contents = sm_xmalloc((size_t)(tg->nlinks + 1) * sizeof *contents);
	for (int j = 0; j < tg->nlinks; j++) {
		links[j] = tg->links[j].an;
		link_elems[j] = el[tg->links[j].elem].out;
		contents[j] = tg->links[j].contents;
	}
	struct sm_pdf_tree t = { elems, nout, ok, r->pages, P->n, marks, tg->page_marks,
				 links, link_elems, contents, tg->nlinks };
	sm_pdf_struct_tree(r->pdf, &t);
	free(el);
	free(made_for);
	free(kids);
	free(elems);
	free(ok);
	free(marks);
	free(links);
	free(link_elems);
	free(contents);
}

/* A page's items: each in its sequence, clips between them. */
static void draw_page(struct render *r, int i)
{
	struct tags *tg = &r->tg;
	HPDF_Page pg = r->pages[i];
	const struct sm_items *items = &r->P->v[i].items;
	tg->page_marks[i] = tg->nmarks;
	tg->open = MARK_NONE;
	cw_forget(&r->cw);
	for (int k = 0; k < items->n; k++) {
		const struct sm_item *it = &items->v[k];
		if (it->kind == SM_ITEM_LINK) {
			HPDF_Annotation an = draw_link(r, pg, it, r->P->h);
			if (an)
				tag_link(r, i, it, an);
			continue;
		}
		if (it->kind == SM_ITEM_CLIP || it->kind == SM_ITEM_UNCLIP)
			mark_close(r);
		else
			mark_open(r, i, mark_of(r->P, it));
		draw_item(r, pg, it);
	}
	mark_close(r);
	tg->page_marks[i + 1] = tg->nmarks;
}

static HPDF_Date pdf_date(struct sm_date d)
{
	HPDF_Date x;
	memset(&x, 0, sizeof x);
	x.year = d.year;
	x.month = d.month;
	x.day = d.day;
	x.hour = 12;
	x.ind = '+';
	return x;
}

/* PDF/A (pdf_archive.c): metadata, output intent, version and a reserved
 * /ID, once the document information is complete; the /ID is filled in
 * from the saved bytes. */
static int archive(struct render *r)
{
	if (sm_pdf_archive(r->pdf, r->z, r->P->info.lang) && !HPDF_GetError(r->pdf))
		on_error(HPDF_INVALID_OBJECT, 0, &r->st);
	return failed(r->pdf, &r->st, "making the document archival") ? -1 : 0;
}

static int seal(struct render *r)
{
	if (sm_pdf_archive_seal(r->pdf))
		on_error(HPDF_INVALID_DOCUMENT, 0, &r->st);
	return failed(r->pdf, &r->st, "writing the document identifier") ? -1 : 0;
}

/* The whole document, saved into libharu's memory stream. */
static int build(struct render *r)
{
	HPDF_Doc pdf = r->pdf;
	struct pdf_state *st = &r->st;
	const struct sm_pages *P = r->P;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	if (failed(pdf, st, "setting up the document"))
		return -1;
	HPDF_Font by_face[SM_FACE_COUNT] = { 0 };
	int drawn[SM_FACE_COUNT] = { 0 };
	for (int i = 0; i < P->n; i++)
		for (int k = 0; k < P->v[i].items.n; k++)
			if (P->v[i].items.v[k].kind == SM_ITEM_TEXT)
				drawn[r->fonts->role_face[P->v[i].items.v[k].role]] = 1;
	for (int f = 0; f < r->fonts->nfaces; f++) {
		if (!drawn[f])
			continue;       /* a face no page draws is not embedded at all */
		by_face[f] = load_face(pdf, r->z, r->fonts, f);
		if (!by_face[f]) {
			if (!failed(pdf, st, "embedding a font"))
				sm_diag(SM_MSG_font_invalid, NULL, sm_font_path(r->fonts, f), "its subset could not be embedded");
			return -1;
		}
	}
	for (int f = 0; f < r->fonts->nfaces; f++)
		r->faces[f] = by_face[f];
	/* Document information, as layout wrote it. */
	const struct sm_docinfo *in = &P->info;
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, in->title);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, in->author);
	if (in->subject)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, in->subject);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, in->keywords);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, in->creator);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, pdf_date(in->date));
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, pdf_date(in->date));
	if (failed(pdf, st, "writing the document information"))
		return -1;
	r->pages = sm_xmalloc((size_t)(P->n + 1) * sizeof *r->pages);
	for (int i = 0; i < P->n; i++) {
		r->pages[i] = HPDF_AddPage(pdf);
		if (!r->pages[i] || HPDF_Page_SetWidth(r->pages[i], (HPDF_REAL)P->w) != HPDF_OK ||
		    HPDF_Page_SetHeight(r->pages[i], (HPDF_REAL)P->h) != HPDF_OK)
			break;
	}
	if (failed(pdf, st, "adding pages"))
		return -1;
	place_images(r);
	r->tg.page_marks = sm_xcalloc((size_t)P->n + 1, sizeof *r->tg.page_marks);
	for (int i = 0; i < P->n; i++) {
		int ours = 1;
		for (int k = 0; k < P->v[i].items.n && ours; k++)
			ours = P->v[i].items.v[k].kind != SM_ITEM_IMAGE && P->v[i].items.v[k].alpha >= 1;
		draw_page(r, i);
		if (!ours || compress_page(r, r->pages[i]))
			cw_flush(r, r->pages[i]);
		if (failed(pdf, st, "drawing a page"))
			return -1;
	}
	write_tree(r);
	if (failed(pdf, st, "writing the structure tree"))
		return -1;
	HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, NULL);
	if (P->nfront < P->n)
		HPDF_AddPageLabel(pdf, (HPDF_UINT)P->nfront, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
	/* The outline: chapters, and their sections below them. */
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_Outline chapter = NULL;
	for (int i = 0; i < P->nanchors; i++) {
		const struct sm_anchor *an = &P->anchors[i];
		if (an->page < 0)
			continue;
		char text[600];
		if (an->number)
			snprintf(text, sizeof text, "%s %s", an->number, an->title);
		else
			snprintf(text, sizeof text, "%s", an->title);
		HPDF_Outline o = HPDF_CreateOutline(pdf, an->level == 1 || !chapter ? NULL : chapter, text, enc);
		if (!o)
			break;
		HPDF_Outline_SetDestination(o, dest(r, i));
		HPDF_Outline_SetOpened(o, HPDF_FALSE);
		if (an->level == 1)
			chapter = o;
	}
	HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	/* The language of the text (screen readers pronounce it so), and
	 * readers show its title rather than its file name. */
	sm_pdf_catalog(pdf, in->lang);
	if (failed(pdf, st, "writing the outline"))
		return -1;
	if (archive(r))
		return -1;
	HPDF_STATUS saved = HPDF_SaveToStream(pdf);
	if (saved != HPDF_OK)
		on_error(saved, HPDF_GetErrorDetail(pdf), st);  /* kept only if nothing came first */
	if (failed(pdf, st, "saving the document"))
		return -1;
	return seal(r);
}


/* ------------------------------------------------------------ the file */

/* The temporary file while it exists, so that an exit (out of memory) or
 * a signal removes it: nothing half-written stays behind. The signal
 * handler reads only these two. */
static char temp_path[4096];
static volatile sig_atomic_t temp_exists;

static void remove_temp_at_exit(void)
{
	if (temp_exists)
		unlink(temp_path);
	temp_exists = 0;
}

/* The signals that end the process and can be caught, except the ones a
 * fault raises (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT):
 * a crash keeps its default action, core dump and sanitizer report.
 * SIGXFSZ (a file-size limit) is ignored instead, so that write() fails
 * with EFBIG and the failure is reported like any other. */
static const int fatal_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU,
	SIGIO, SIGPWR,
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};

struct saved_signals {
	struct sigaction fatal[sizeof fatal_signals / sizeof *fatal_signals], rt[64], xfsz;
	int nrt;
};

static void on_fatal_signal(int sig)
{
	if (temp_exists)
		unlink(temp_path);
	/* SA_RESETHAND restored the default action; the signal, blocked while
	 * this runs, is delivered again on return and ends the process as it
	 * would have. */
	raise(sig);
}

static void fatal_set(sigset_t *set)
{
	sigemptyset(set);
	for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
		sigaddset(set, fatal_signals[i]);
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigaddset(set, sig);
}

/* A signal the caller ignores (nohup, a shell's SIGPIPE) stays ignored. */
static void catch_one(int sig, const struct sigaction *act, struct sigaction *old)
{
	memset(old, 0, sizeof *old);
	old->sa_handler = SIG_DFL;
	if (sigaction(sig, NULL, old) == 0 && old->sa_handler != SIG_IGN)
		sigaction(sig, act, NULL);
}

static void catch_signals(struct saved_signals *sv)
{
	struct sigaction act;
	memset(&act, 0, sizeof act);
	act.sa_handler = on_fatal_signal;
	act.sa_flags = SA_RESETHAND;
	fatal_set(&act.sa_mask);        /* one handler at a time */
	for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
		catch_one(fatal_signals[i], &act, &sv->fatal[i]);
	sv->nrt = 0;
	for (int sig = SIGRTMIN; sig <= SIGRTMAX && sv->nrt < 64; sig++)
		catch_one(sig, &act, &sv->rt[sv->nrt++]);
	struct sigaction ign;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGXFSZ, &ign, &sv->xfsz);
}

static void restore_signals(const struct saved_signals *sv)
{
	for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
		sigaction(fatal_signals[i], &sv->fatal[i], NULL);
	for (int k = 0; k < sv->nrt; k++)
		sigaction(SIGRTMIN + k, &sv->rt[k], NULL);
	sigaction(SIGXFSZ, &sv->xfsz, NULL);
}

/* What an existing target is, for a message, when it is not a regular file. */
static const char *file_kind(mode_t m)
{
	return S_ISDIR(m) ? "a folder" : S_ISLNK(m) ? "a symbolic link" : S_ISFIFO(m) ? "a named pipe"
		: S_ISCHR(m) || S_ISBLK(m) ? "a device" : S_ISSOCK(m) ? "a socket" : "a special file";
}

/* The rules for an existing target (docs/FORMAT.md, "Where the PDF goes"):
 * only a regular file is replaced, not one the build read, and not when
 * it is write-protected.
 * Returns the exit status: 0, 2 (not a file) or 3; *old is its status. */
static int check_target(const char *path, struct stat *old, int *exists)
{
	*exists = 0;
	if (lstat(path, old)) {
		if (errno == ENOENT)
			return 0;
		sm_diag(SM_MSG_write_failed, NULL, path, strerror(errno));
		return 3;
	}
	if (!S_ISREG(old->st_mode)) {
		sm_diag(SM_MSG_output_not_file, NULL, path, file_kind(old->st_mode));
		return 2;
	}
	const char *input = sm_file_read_before(old);
	if (input) {
		sm_diag(SM_MSG_output_is_input, NULL, path, input);
		return 2;
	}
	/* Root may write anything, so the mode decides for root too: a file
	 * its owner may not write is protected. */
	if (!(old->st_mode & S_IWUSR) || (access(path, W_OK) && (errno == EACCES || errno == EPERM))) {
		sm_diag(SM_MSG_output_protected, NULL, path);
		return 3;
	}
	*exists = 1;
	return 0;
}

/* The document's bytes into a temporary file beside the target (so that
 * rename() is atomic), every write, fsync and close checked, and renamed
 * over the target only when all succeeded. The new file takes the mode of
 * the one it replaces, or 0666 less the umask. Returns 0 or the exit status. */
static int write_file(struct render *r, const char *path, const struct stat *old)
{
	sigset_t fatal, before;
	fatal_set(&fatal);
	struct saved_signals sv;
	static int at_exit;
	if (!at_exit++)
		atexit(remove_temp_at_exit);
	/* Signals wait while the temporary file comes and goes, so that
	 * temp_exists always tells the truth. */
	sigprocmask(SIG_BLOCK, &fatal, &before);
	int fd = -1, err = 0;
	/* TARGET.XXXXXX, with TARGET's name cut short when the suffix would
	 * make it longer than a name may be: a long legal target still gets
	 * a visible temporary file beside it. */
	const char *slash = strrchr(path, '/');
	size_t base = (size_t)(slash ? slash + 1 - path : 0), keep = strlen(path + base);
	if (keep > NAME_MAX - 7)
		keep = NAME_MAX - 7;
	if ((size_t)snprintf(temp_path, sizeof temp_path, "%.*s%.*s.XXXXXX", (int)base, path, (int)keep, path + base) >=
	    sizeof temp_path)
		err = ENAMETOOLONG;
	else if ((fd = mkstemp(temp_path)) < 0)
		err = errno;
	else
		temp_exists = 1;
	catch_signals(&sv);
	sigprocmask(SIG_SETMASK, &before, NULL);
	if (err) {
		restore_signals(&sv);
		sm_diag(SM_MSG_write_failed, NULL, path, strerror(err));
		return 3;
	}

	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, old ? old->st_mode & 0777 : 0666 & ~mask))
		err = errno;
	unsigned char buf[65536];
	HPDF_UINT32 left = HPDF_GetStreamSize(r->pdf);
	while (!err && left) {
		HPDF_UINT32 n = left < sizeof buf ? left : sizeof buf;
		if (HPDF_ReadFromStream(r->pdf, buf, &n) != HPDF_OK || !n) {
			on_error(HPDF_STREAM_EOF, 0, &r->st);   /* kept only if nothing came first */
			failed(r->pdf, &r->st, "reading the document back");
			break;
		}
		if (sm_write_all(fd, buf, n))
			err = errno;
		left -= n;
	}
	if (!err && !left && fsync(fd))
		err = errno;
	if (close(fd) && !err)
		err = errno;
	int ok = !err && !left;

	/* For the tests: a known moment to interrupt a build at, with the new
	 * file written in full and the old one not yet replaced. */
	const char *pause = getenv("SM_TEST_PAUSE_BEFORE_RENAME");
	for (unsigned left_s = pause ? (unsigned)atoi(pause) : 0; left_s;)
		left_s = sleep(left_s);

	sigprocmask(SIG_BLOCK, &fatal, &before);
	if (ok && rename(temp_path, path)) {
		err = errno;
		ok = 0;
	}
	if (!ok)
		unlink(temp_path);
	temp_exists = 0;
	restore_signals(&sv);
	sigprocmask(SIG_SETMASK, &before, NULL);
	if (err)
		sm_diag(SM_MSG_write_failed, NULL, path, strerror(err));
	return ok ? 0 : 3;
}

int sm_dev_pdf_write(const struct sm_pages *p, struct sm_fonts *fonts, const char *path)
{
	struct stat old;
	int exists;
	int rc = check_target(path, &old, &exists);
	if (rc)
		return rc;
	struct render r;
	memset(&r, 0, sizeof r);
	r.P = p;
	r.fonts = fonts;
	libdeflate_set_memory_allocator(sm_xmalloc, free);
	r.pdf = HPDF_NewEx(on_error, pdf_alloc, pdf_free, 0, &r.st);
	r.z = libdeflate_alloc_compressor(1);
	if (!r.pdf || !r.z)
		sm_oom();
	if (build(&r))
		rc = 3;
	/* The target again, as it may have changed while the document was made. */
	else if (!(rc = check_target(path, &old, &exists)))
		rc = write_file(&r, path, exists ? &old : NULL);
	HPDF_Free(r.pdf);
	libdeflate_free_compressor(r.z);
	free(r.pages);
	free(r.img);
	free(r.cw.buf);
	free(r.tg.marks);
	free(r.tg.seqs);
	free(r.tg.page_marks);
	free(r.tg.links);
	sm_arena_free(&r.scratch);
	return rc;
}
