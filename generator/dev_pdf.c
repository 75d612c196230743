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
#include <math.h>
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
	if (font)
		fix_to_unicode(pdf, font);
	return font;
}

static void rounded_rect(HPDF_Page pg, double x, double y, double w, double h, double r)
{
	if (r <= 0) {
		HPDF_Page_Rectangle(pg, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
		return;
	}
	if (r > w / 2) r = w / 2;
	if (r > h / 2) r = h / 2;
	double k = r * 0.5523;
	HPDF_Page_MoveTo(pg, (HPDF_REAL)(x + r), (HPDF_REAL)y);
	HPDF_Page_LineTo(pg, (HPDF_REAL)(x + w - r), (HPDF_REAL)y);
	HPDF_Page_CurveTo(pg, (HPDF_REAL)(x + w - r + k), (HPDF_REAL)y, (HPDF_REAL)(x + w), (HPDF_REAL)(y + r - k),
			  (HPDF_REAL)(x + w), (HPDF_REAL)(y + r));
	HPDF_Page_LineTo(pg, (HPDF_REAL)(x + w), (HPDF_REAL)(y + h - r));
	HPDF_Page_CurveTo(pg, (HPDF_REAL)(x + w), (HPDF_REAL)(y + h - r + k), (HPDF_REAL)(x + w - r + k),
			  (HPDF_REAL)(y + h), (HPDF_REAL)(x + w - r), (HPDF_REAL)(y + h));
	HPDF_Page_LineTo(pg, (HPDF_REAL)(x + r), (HPDF_REAL)(y + h));
	HPDF_Page_CurveTo(pg, (HPDF_REAL)(x + r - k), (HPDF_REAL)(y + h), (HPDF_REAL)x, (HPDF_REAL)(y + h - r + k),
			  (HPDF_REAL)x, (HPDF_REAL)(y + h - r));
	HPDF_Page_LineTo(pg, (HPDF_REAL)x, (HPDF_REAL)(y + r));
	HPDF_Page_CurveTo(pg, (HPDF_REAL)x, (HPDF_REAL)(y + r - k), (HPDF_REAL)(x + r - k), (HPDF_REAL)y,
			  (HPDF_REAL)(x + r), (HPDF_REAL)y);
	HPDF_Page_ClosePath(pg);
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
	char *buf;
	size_t bufn;
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

static void draw_item(struct render *r, HPDF_Page pg, const struct sm_item *it)
{
	double H = r->P->h;
	int translucent = it->alpha < 1;
	if (translucent) {
		HPDF_Page_GSave(pg);
		HPDF_Page_SetExtGState(pg, alpha_state(r, it->alpha));
	}
	switch (it->kind) {
	case SM_ITEM_TEXT: {
		if (it->len + 1 > r->bufn) {
			r->bufn = it->len + 64;
			r->buf = sm_xrealloc(r->buf, r->bufn);
		}
		memcpy(r->buf, it->text, it->len);
		r->buf[it->len] = 0;
		HPDF_Page_SetRGBFill(pg, (HPDF_REAL)it->color.r, (HPDF_REAL)it->color.g, (HPDF_REAL)it->color.b);
		HPDF_Page_BeginText(pg);
		HPDF_Page_SetFontAndSize(pg, r->faces[r->fonts->role_face[it->role]], (HPDF_REAL)it->size);
		if (it->angle) {
			double a = it->angle * M_PI / 180;
			HPDF_Page_SetTextMatrix(pg, (HPDF_REAL)cos(a), (HPDF_REAL)sin(a), (HPDF_REAL)-sin(a),
						(HPDF_REAL)cos(a), (HPDF_REAL)it->x, (HPDF_REAL)(H - it->y));
			HPDF_Page_ShowText(pg, r->buf);
		} else {
			HPDF_Page_TextOut(pg, (HPDF_REAL)it->x, (HPDF_REAL)(H - it->y), r->buf);
		}
		HPDF_Page_EndText(pg);
		break;
	}
	case SM_ITEM_RECT:
		if (it->fill)
			HPDF_Page_SetRGBFill(pg, (HPDF_REAL)it->color.r, (HPDF_REAL)it->color.g, (HPDF_REAL)it->color.b);
		if (it->do_stroke) {
			HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)it->stroke.r, (HPDF_REAL)it->stroke.g, (HPDF_REAL)it->stroke.b);
			HPDF_Page_SetLineWidth(pg, (HPDF_REAL)it->line_width);
		}
		rounded_rect(pg, it->x, H - it->y - it->h, it->w, it->h, it->radius);
		if (it->fill && it->do_stroke)
			HPDF_Page_FillStroke(pg);
		else if (it->fill)
			HPDF_Page_Fill(pg);
		else
			HPDF_Page_Stroke(pg);
		break;
	case SM_ITEM_LINE:
		HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)it->stroke.r, (HPDF_REAL)it->stroke.g, (HPDF_REAL)it->stroke.b);
		HPDF_Page_SetLineWidth(pg, (HPDF_REAL)it->line_width);
		if (it->dash) {
			HPDF_UINT16 d[2] = { (HPDF_UINT16)(it->dash < 1 ? 1 : it->dash > 100 ? 100 : it->dash),
					     (HPDF_UINT16)(it->dash < 1 ? 1 : it->dash > 100 ? 100 : it->dash) };
			HPDF_Page_SetDash(pg, d, 2, 0);
		}
		HPDF_Page_MoveTo(pg, (HPDF_REAL)it->x, (HPDF_REAL)(H - it->y));
		HPDF_Page_LineTo(pg, (HPDF_REAL)(it->x + it->w), (HPDF_REAL)(H - it->y - it->h));
		HPDF_Page_Stroke(pg);
		if (it->dash)
			HPDF_Page_SetDash(pg, NULL, 0, 0);
		break;
	case SM_ITEM_POLY:
		if (it->npts < 2)
			break;
		if (it->fill)
			HPDF_Page_SetRGBFill(pg, (HPDF_REAL)it->color.r, (HPDF_REAL)it->color.g, (HPDF_REAL)it->color.b);
		if (it->do_stroke) {
			HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)it->stroke.r, (HPDF_REAL)it->stroke.g, (HPDF_REAL)it->stroke.b);
			HPDF_Page_SetLineWidth(pg, (HPDF_REAL)it->line_width);
			HPDF_Page_SetLineJoin(pg, HPDF_ROUND_JOIN);
		}
		if (it->dash) {
			HPDF_UINT16 d[2] = { (HPDF_UINT16)(it->dash > 100 ? 100 : it->dash),
					     (HPDF_UINT16)(it->dash > 100 ? 100 : it->dash) };
			HPDF_Page_SetDash(pg, d, 2, 0);
		}
		HPDF_Page_MoveTo(pg, (HPDF_REAL)it->pts[0], (HPDF_REAL)(H - it->pts[1]));
		for (int k = 1; k < it->npts; k++)
			HPDF_Page_LineTo(pg, (HPDF_REAL)it->pts[2 * k], (HPDF_REAL)(H - it->pts[2 * k + 1]));
		if (it->closed)
			HPDF_Page_ClosePath(pg);
		if (it->fill && it->do_stroke)
			HPDF_Page_FillStroke(pg);
		else if (it->fill)
			HPDF_Page_Fill(pg);
		else
			HPDF_Page_Stroke(pg);
		if (it->dash)
			HPDF_Page_SetDash(pg, NULL, 0, 0);
		break;
	case SM_ITEM_CIRCLE:
		if (it->fill)
			HPDF_Page_SetRGBFill(pg, (HPDF_REAL)it->color.r, (HPDF_REAL)it->color.g, (HPDF_REAL)it->color.b);
		if (it->do_stroke) {
			HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)it->stroke.r, (HPDF_REAL)it->stroke.g, (HPDF_REAL)it->stroke.b);
			HPDF_Page_SetLineWidth(pg, (HPDF_REAL)it->line_width);
		}
		HPDF_Page_Circle(pg, (HPDF_REAL)it->x, (HPDF_REAL)(H - it->y), (HPDF_REAL)it->radius);
		if (it->fill && it->do_stroke)
			HPDF_Page_FillStroke(pg);
		else if (it->fill)
			HPDF_Page_Fill(pg);
		else
			HPDF_Page_Stroke(pg);
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
		HPDF_Page_GSave(pg);
		HPDF_Page_Rectangle(pg, (HPDF_REAL)it->x, (HPDF_REAL)(H - it->y - it->h), (HPDF_REAL)it->w, (HPDF_REAL)it->h);
		HPDF_Page_Clip(pg);
		HPDF_Page_EndPath(pg);
		break;
	case SM_ITEM_UNCLIP:
		HPDF_Page_GRestore(pg);
		break;
	case SM_ITEM_IMAGE: {
		HPDF_Image im = it->image ? image_for(r, it) : NULL;
		if (im)
			HPDF_Page_DrawImage(pg, im, (HPDF_REAL)it->x, (HPDF_REAL)(H - it->y - it->h), (HPDF_REAL)it->w,
					    (HPDF_REAL)it->h);
		break;
	}
	}
	if (translucent)
		HPDF_Page_GRestore(pg);
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
	for (int f = 0; f < r->fonts->nfaces; f++) {
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
		for (int k = 0; k < P->v[i].items.n; k++)
			draw_item(r, r->pages[i], &P->v[i].items.v[k]);
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
	free(r.buf);
	free(r.img_keys);
	free(r.img_vals);
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
