/* dev_pdf.c: pages of display items → PDF through libharu. The only file
 * that includes hpdf.h.
 *
 * Fonts: every face is subset with hb-subset to exactly the code points the
 * pages draw, then embedded (libharu on its own keeps whole tables of every
 * face). libharu's ToUnicode map is invalid, so each font gets a correct
 * identity map, and copy and paste gives the right text.
 *
 * Output goes to a temporary file beside the target, renamed over it only
 * when everything succeeded. */
#define _GNU_SOURCE
#include "layout.h"
#include "image.h"
#include <errno.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_font.h>
#include <math.h>
#include <zlib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The temporary file, removed on a signal so nothing half-written stays. */
static char temp_path[4096];

static void remove_temp(int sig)
{
	if (temp_path[0])
		unlink(temp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int failed(struct pdf_state *st, const char *doing)
{
	if (!st->error)
		return 0;
	sm_diag(SM_MSG_pdf_failed, NULL, (unsigned)st->error, (unsigned)st->detail, doing);
	return 1;
}

/* A correct ToUnicode CMap: libharu's UTF-8 encoder uses the code point as
 * the CID, so the map is the identity, written in ranges that differ only
 * in their last byte, as the PDF specification asks. */
/* libharu writes a CIDToGIDMap for every code point of the BMP (128 KB a
 * face, compressed at every build); the map only needs to reach the highest
 * code point drawn. */
static void trim_cid_map(HPDF_Font font, uint32_t max_cp)
{
	/* libharu keeps the map with the Type0 font's attributes. */
	HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
	if (!fa || !fa->map_stream || !fa->map_stream->stream)
		return;
	HPDF_Stream st = fa->map_stream->stream;
	size_t want = ((size_t)max_cp + 1) * 2;
	if (want >= st->size)
		return;
	HPDF_BYTE *keep = malloc(want);
	if (!keep)
		sm_oom();
	size_t got = 0;
	for (HPDF_UINT i = 0; got < want && i < HPDF_MemStream_GetBufCount(st); i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(st, i, &len);
		if (!p)
			break;
		size_t n = len < want - got ? len : want - got;
		memcpy(keep + got, p, n);
		got += n;
	}
	if (got == want) {
		HPDF_MemStream_FreeData(st);
		HPDF_Stream_Write(st, keep, (HPDF_UINT)want);
	}
	free(keep);
}

static void fix_to_unicode(HPDF_Doc pdf, HPDF_Font font)
{
	HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!s)
		return;
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_WriteStr(s->stream,
		"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	char buf[64];
	int ranges = 0;
	for (int hi = 0; hi < 256; hi++)
		if (hi < 0xD8 || hi > 0xDF)
			ranges++;
	/* At most 100 entries per bfrange section. */
	int done = 0;
	for (int hi = 0; hi < 256; hi++) {
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		if (done % 100 == 0) {
			int left = ranges - done;
			snprintf(buf, sizeof buf, "%d beginbfrange\n", left < 100 ? left : 100);
			HPDF_Stream_WriteStr(s->stream, buf);
		}
		snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		HPDF_Stream_WriteStr(s->stream, buf);
		done++;
		if (done % 100 == 0 || done == ranges)
			HPDF_Stream_WriteStr(s->stream, "endbfrange\n");
	}
	HPDF_Stream_WriteStr(s->stream, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_Dict_Add((HPDF_Dict)font, "ToUnicode", s);
}

/* Embeds one face as a subset. The subset goes through a memfd, since
 * libharu 2.3.0 loads fonts from files only. */
static HPDF_Font load_face(HPDF_Doc pdf, struct sm_fonts *fonts, int face)
{
	size_t len = 0;
	void *data = sm_font_subset(fonts, face, &len);
	if (!data)
		return NULL;
	int fd = memfd_create("sm-font", MFD_CLOEXEC);
	if (fd < 0) {
		free(data);
		return NULL;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, (char *)data + off, len - off);
		if (w <= 0) {
			close(fd);
			free(data);
			return NULL;
		}
		off += (size_t)w;
	}
	free(data);
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	close(fd);
	if (!name)
		return NULL;
	HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
	if (font) {
		fix_to_unicode(pdf, font);
		/* Text goes into the content streams without libharu, so it never
		 * sees the glyphs drawn: measuring them once marks them used, or
		 * libharu would leave their outlines out. */
		size_t n;
		char *all = sm_font_used_text(fonts, face, &n);
		HPDF_Font_TextWidth(font, (const HPDF_BYTE *)all, (HPDF_UINT)n);
		uint32_t max_cp = 0;
		for (size_t i = 0; i < n;) {
			uint32_t cp;
			int k = sm_utf8_decode(all + i, n - i, &cp);
			if (!k)
				break;
			if (cp > max_cp)
				max_cp = cp;
			i += (size_t)k;
		}
		trim_cid_map(font, max_cp);
		free(all);
	}
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

static void cw_put(struct cw *w, const char *s, size_t n)
{
	if (w->len + n + 1 > w->cap) {
		w->cap = (w->len + n + 1) * 2 + 4096;
		w->buf = sm_xrealloc(w->buf, w->cap);
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

static void cw_str(struct cw *w, const char *s) { cw_put(w, s, strlen(s)); }

/* A number with at most three decimals, whatever the locale. */
static void cw_num(struct cw *w, double v)
{
	char b[40], *o = b + sizeof b;
	long long t = llround(v * 1000);
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

/* One byte in a literal string: ( ) and \ escaped, and CR, which a reader
 * would otherwise take for a line end. */
static void cw_byte(struct cw *w, unsigned char c)
{
	char b[2] = { '\\', (char)c };
	if (c == '\r')
		cw_put(w, "\\r", 2);
	else if (c == '(' || c == ')' || c == '\\')
		cw_put(w, b, 2);
	else
		cw_put(w, b + 1, 1);
}

/* UTF-8 text as the CIDs of libharu's Identity-H fonts (the code points),
 * two bytes each, in a literal string. */
static void cw_text(struct cw *w, const char *s, size_t len)
{
	cw_put(w, "(", 1);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = sm_utf8_decode(s + i, len - i, &cp);
		if (!n) {
			n = 1;
			cp = 0xFFFD;
		}
		i += (size_t)n;
		if (cp > 0xFFFF)
			cp = 0xFFFD;
		cw_byte(w, (unsigned char)(cp >> 8));
		cw_byte(w, (unsigned char)cp);
	}
	cw_str(w, ") Tj\n");
}

struct render {
	HPDF_Doc pdf;
	HPDF_Page *pages;
	HPDF_Font faces[SM_FACE_COUNT];
	HPDF_ExtGState alpha[8];
	double alpha_v[8];
	int nalpha;
	const struct sm_pages *P;
	struct sm_fonts *fonts;
	struct sm_arena scratch;                /* fitted image copies */
	const struct sm_image **img_keys;
	HPDF_Image *img_vals;
	int nimg, img_cap;
	struct cw cw;
};

static HPDF_ExtGState alpha_state(struct render *r, double a)
{
	for (int i = 0; i < r->nalpha; i++)
		if (r->alpha_v[i] == a)
			return r->alpha[i];
	if (r->nalpha == 8)
		return r->alpha[7];
	HPDF_ExtGState g = HPDF_CreateExtGState(r->pdf);
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
	HPDF_Page page = r->pages[an->page];
	HPDF_Destination d = HPDF_Page_CreateDestination(page);
	if (!d)
		return NULL;
	/* [page /XYZ left top null]: null keeps the reader's zoom, which
	 * HPDF_Destination_SetXYZ cannot write. */
	double top = r->P->h - an->y + 18;
	if (top > r->P->h)
		top = r->P->h;
	HPDF_Array_Clear(d);
	HPDF_Array_Add(d, page);
	HPDF_Array_AddName(d, "XYZ");
	HPDF_Array_AddReal(d, 0);
	HPDF_Array_AddReal(d, (HPDF_REAL)top);
	HPDF_Array_Add(d, HPDF_Null_New(r->pdf->mmgr));
	return d;
}

/* Each image is embedded once, fitted to the size it is placed at. */
static HPDF_Image image_for(struct render *r, const struct sm_item *it)
{
	for (int i = 0; i < r->nimg; i++)
		if (r->img_keys[i] == it->image)
			return r->img_vals[i];
	struct sm_image fit = *it->image;
	sm_image_fit(&r->scratch, &fit, it->w, it->h);
	HPDF_Image im;
	if (fit.jpeg) {
		im = HPDF_LoadJpegImageFromMem(r->pdf, fit.jpeg, (HPDF_UINT)fit.jpeg_len);
	} else {
		im = HPDF_LoadRawImageFromMem(r->pdf, fit.rgb, (HPDF_UINT)fit.w, (HPDF_UINT)fit.h, HPDF_CS_DEVICE_RGB, 8);
		if (im && fit.alpha) {
			HPDF_Image mask = HPDF_LoadRawImageFromMem(r->pdf, fit.alpha, (HPDF_UINT)fit.w, (HPDF_UINT)fit.h,
								   HPDF_CS_DEVICE_GRAY, 8);
			if (mask)
				HPDF_Image_AddSMask(im, mask);
		}
	}
	if (r->nimg == r->img_cap) {
		r->img_cap = r->img_cap ? r->img_cap * 2 : 8;
		r->img_keys = sm_xrealloc(r->img_keys, (size_t)r->img_cap * sizeof *r->img_keys);
		r->img_vals = sm_xrealloc(r->img_vals, (size_t)r->img_cap * sizeof *r->img_vals);
	}
	r->img_keys[r->nimg] = it->image;
	r->img_vals[r->nimg++] = im;
	return im;
}

static HPDF_STATUS write_flate_key(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* A page whose content is ours alone (no image or transparency, which go
 * through libharu's own operators) is compressed here, at zlib's fastest
 * level: libharu's default level made compression a third of the build. */
static int compress_page(struct render *r, HPDF_Page pg)
{
	struct cw *w = &r->cw;
	cw_end_text(w);
	uLongf n = compressBound((uLong)w->len);
	Bytef *z = malloc(n);
	if (!z)
		sm_oom();
	/* A small hash table: a page's content is a few kilobytes. */
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (deflateInit2(&zs, 1, Z_DEFLATED, 15, 6, Z_DEFAULT_STRATEGY) != Z_OK) {
		free(z);
		return -1;
	}
	zs.next_in = (Bytef *)w->buf;
	zs.avail_in = (uInt)w->len;
	zs.next_out = z;
	zs.avail_out = (uInt)n;
	int zr = deflate(&zs, Z_FINISH);
	n = zs.total_out;
	deflateEnd(&zs);
	if (zr != Z_STREAM_END) {
		free(z);
		return -1;
	}
	HPDF_PageAttr attr = (HPDF_PageAttr)pg->attr;
	/* libharu writes the stream as it is and drops any /Filter key of a
	 * stream it does not filter itself; the key goes in as it writes the
	 * dictionary. */
	if (!attr->contents->write_fn) {
		attr->contents->filter = HPDF_STREAM_FILTER_NONE;
		attr->contents->write_fn = write_flate_key;
	}
	HPDF_Stream_Write(attr->stream, z, (HPDF_UINT)n);
	free(z);
	w->len = 0;
	return 0;
}

/* Hands what is buffered to the page's stream, before libharu writes to it. */
static void cw_flush(struct render *r, HPDF_Page pg)
{
	struct cw *w = &r->cw;
	cw_end_text(w);
	if (w->len) {
		HPDF_PageAttr attr = (HPDF_PageAttr)pg->attr;
		HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)w->buf, (HPDF_UINT)w->len);
		w->len = 0;
	}
}

static void draw_item(struct render *r, HPDF_Page pg, const struct sm_item *it)
{
	struct cw *w = &r->cw;
	double H = r->P->h;
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
	case SM_ITEM_TEXT: {
		HPDF_Font font = r->faces[r->fonts->role_face[it->role]];
		if (!w->in_text) {
			cw_str(w, "BT\n");
			w->in_text = 1;
			w->tx = w->ty = 0;
			w->rotated = 0;
		}
		if (font != w->font || it->size != w->size) {
			cw_str(w, "/");
			cw_str(w, HPDF_Page_GetLocalFontName(pg, font));
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
		cw_text(w, it->text, it->len);
		break;
	}
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
		if (it->npts < 2)
			break;
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
		break;
	case SM_ITEM_CIRCLE:
		if (it->fill)
			cw_fill(w, it->color);
		if (it->do_stroke)
			cw_stroke(w, it->stroke, it->line_width, 0);
		cw_circle(w, it->x, H - it->y, it->radius);
		cw_paint(w, it);
		break;
	case SM_ITEM_LINK: {
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
		if (an)
			HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
		break;
	}
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

static const char *const cycle_words[] = {
	"", "Kadernota", "Begroting", "Voorjaarsnota", "Bestuursrapportage", "Jaarstukken",
};

static int build(struct render *r, struct pdf_state *st, const struct sm_doc *doc, const struct sm_theme *t,
		 const char *tmp)
{
	HPDF_Doc pdf = r->pdf;
	const struct sm_pages *P = r->P;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	if (failed(st, "setting up the document"))
		return -1;
	/* Every drawn code point goes into its face's subset. */
	for (int i = 0; i < P->n; i++)
		for (int k = 0; k < P->v[i].items.n; k++) {
			const struct sm_item *it = &P->v[i].items.v[k];
			if (it->kind == SM_ITEM_TEXT)
				sm_font_use(r->fonts, it->role, it->text, it->len);
		}
	HPDF_Font by_face[SM_FACE_COUNT] = { 0 };
	int drawn[SM_FACE_COUNT] = { 0 };
	for (int i = 0; i < P->n; i++)
		for (int k = 0; k < P->v[i].items.n; k++)
			if (P->v[i].items.v[k].kind == SM_ITEM_TEXT)
				drawn[r->fonts->role_face[P->v[i].items.v[k].role]] = 1;
	for (int f = 0; f < r->fonts->nfaces; f++) {
		if (!drawn[f])
			continue;       /* a face no page draws is not embedded at all */
		by_face[f] = load_face(pdf, r->fonts, f);
		if (!by_face[f]) {
			if (!failed(st, "embedding a font"))
				sm_diag(SM_MSG_font_invalid, NULL, sm_font_path(r->fonts, f), "its subset could not be embedded");
			return -1;
		}
	}
	for (int f = 0; f < r->fonts->nfaces; f++)
		r->faces[f] = by_face[f];
	/* Document information, dated by `published`: no clock. */
	char info[512];
	snprintf(info, sizeof info, "%s %d%s%s", doc->title ? doc->title : "", doc->edition,
		 doc->municipality ? " \xE2\x80\x93 Gemeente " : "", doc->municipality ? doc->municipality : "");
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, info);
	snprintf(info, sizeof info, "Gemeente %s", doc->municipality ? doc->municipality : "");
	HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, doc->colophon.publisher ? doc->colophon.publisher : info);
	if (doc->subtitle || doc->cycle) {
		snprintf(info, sizeof info, "%s%s%s", doc->subtitle ? doc->subtitle : "",
			 doc->subtitle && doc->cycle ? " \xC2\xB7 " : "",
			 doc->cycle ? cycle_words[doc->cycle] : "");
		if (doc->cycle)
			snprintf(info + strlen(info), sizeof info - strlen(info), " %d", doc->cycle_year);
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, info);
	}
	snprintf(info, sizeof info, "sociale monitor, sociaal domein, %s, %d", doc->municipality ? doc->municipality : "",
		 doc->edition);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, info);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "sociale-monitor " SM_VERSION);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, pdf_date(doc->published));
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, pdf_date(doc->published));
	if (failed(st, "writing the document information"))
		return -1;
	r->pages = sm_xmalloc((size_t)(P->n + 1) * sizeof *r->pages);
	for (int i = 0; i < P->n; i++) {
		r->pages[i] = HPDF_AddPage(pdf);
		HPDF_Page_SetWidth(r->pages[i], (HPDF_REAL)P->w);
		HPDF_Page_SetHeight(r->pages[i], (HPDF_REAL)P->h);
	}
	if (failed(st, "adding pages"))
		return -1;
	for (int i = 0; i < P->n; i++) {
		int ours = 1;
		for (int k = 0; k < P->v[i].items.n && ours; k++)
			ours = P->v[i].items.v[k].kind != SM_ITEM_IMAGE && P->v[i].items.v[k].alpha >= 1;
		cw_forget(&r->cw);
		for (int k = 0; k < P->v[i].items.n; k++)
			draw_item(r, r->pages[i], &P->v[i].items.v[k]);
		if (!ours || compress_page(r, r->pages[i]))
			cw_flush(r, r->pages[i]);
		if (failed(st, "drawing a page"))
			return -1;
	}
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
	if (failed(st, "writing the outline"))
		return -1;
	(void)t;
	if (HPDF_SaveToFile(pdf, tmp) != HPDF_OK || st->error) {
		sm_diag(SM_MSG_write_failed, NULL, tmp, st->detail ? strerror((int)st->detail) : "PDF library error");
		return -1;
	}
	return 0;
}

int sm_dev_pdf_write(const struct sm_pages *p, const struct sm_doc *doc, const struct sm_theme *t,
		     struct sm_fonts *fonts, const char *path)
{
	struct pdf_state st = { 0, 0 };
	struct render r;
	memset(&r, 0, sizeof r);
	r.P = p;
	r.fonts = fonts;
	/* The temporary file sits beside the target, so rename() is atomic. */
	snprintf(temp_path, sizeof temp_path, "%s.XXXXXX", path);
	int fd = mkstemp(temp_path);
	if (fd < 0) {
		sm_diag(SM_MSG_write_failed, NULL, path, strerror(errno));
		temp_path[0] = 0;
		return -1;
	}
	close(fd);
	signal(SIGINT, remove_temp);
	signal(SIGTERM, remove_temp);
	signal(SIGHUP, remove_temp);
	r.pdf = HPDF_New(on_error, &st);
	if (!r.pdf)
		sm_oom();
	int rc = build(&r, &st, doc, t, temp_path);
	HPDF_Free(r.pdf);
	free(r.pages);
	free(r.img_keys);
	free(r.img_vals);
	free(r.cw.buf);
	sm_arena_free(&r.scratch);
	/* mkstemp makes the file private; a PDF is for sharing. */
	mode_t mask = umask(0);
	umask(mask);
	if (rc == 0)
		chmod(temp_path, 0666 & ~mask);
	if (rc == 0 && rename(temp_path, path)) {
		sm_diag(SM_MSG_write_failed, NULL, path, strerror(errno));
		rc = -1;
	}
	if (rc)
		unlink(temp_path);
	temp_path[0] = 0;
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	return rc;
}
