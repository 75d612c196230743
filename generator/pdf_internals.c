/* pdf_internals.c: every reach into libharu's internals, in one place.
 *
 * Written against libharu 2.3.0 (Debian 12: libhpdf-dev 2.3.0+dfsg-1+b1).
 * dev_pdf.c draws through the public API of hpdf.h; what that API cannot
 * do is here, each with why. What this file relies on, beyond hpdf.h:
 *   - the object functions of hpdf_objects.h (HPDF_Dict_*, HPDF_Array_*,
 *     HPDF_Xref_Add, HPDF_DictStream_New, HPDF_String_New, HPDF_Null_New),
 *     exported by the library but declared only in its private headers;
 *   - struct fields: HPDF_Doc's mmgr, xref and catalog (hpdf_doc.h); a
 *     stream dictionary's filter, write_fn and stream (hpdf_objects.h); an
 *     object's header.obj_class; a page's attr->contents and attr->stream
 *     (hpdf_pages.h).
 * A libharu update that changes any of these breaks this file, and only
 * this file: check it against the new headers first. */
#include "pdf_internals.h"
#include "sm.h"
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <stdlib.h>

/* ------------------------------------------------------------ streams */

static HPDF_STATUS write_flate_key(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* Deflates data into a stream object with libdeflate at its fastest
 * level: libharu's zlib at the default level made compression a third of
 * the build, libdeflate's level 1 is four times faster and compresses
 * better than zlib's level 1. libharu writes the bytes as they are and
 * drops any /Filter key of a stream it does not filter itself, so the key
 * goes in as it writes the dictionary. Reach-in: the stream dictionary's
 * filter (none: libharu must not filter again), write_fn (the /Filter key)
 * and stream (the bytes); hpdf.h has no stream object at all. */
static int put_deflated(struct libdeflate_compressor *z, HPDF_Dict dict, const void *data, size_t len)
{
	size_t cap = libdeflate_zlib_compress_bound(z, len);
	void *out = sm_xmalloc(cap);
	size_t n = libdeflate_zlib_compress(z, data, len, out, cap);
	if (n) {
		dict->filter = HPDF_STREAM_FILTER_NONE;
		dict->write_fn = write_flate_key;
		HPDF_Stream_Write(dict->stream, out, (HPDF_UINT)n);
	}
	free(out);
	return n ? 0 : -1;
}

HPDF_Dict sm_pdf_stream(HPDF_Doc pdf, struct libdeflate_compressor *z, const void *data, size_t len)
{
	HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (s && put_deflated(z, s, data, len))
		return NULL;
	return s;
}

/* Why: libharu deflates a page's content with zlib at the default level
 * (a third of the build). Reach-in: the page's contents stream (attr). */
int sm_pdf_page_put_deflated(HPDF_Page pg, struct libdeflate_compressor *z, const void *data, size_t len)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)pg->attr;
	return put_deflated(z, attr->contents, data, len);
}

/* Why: the page operators of hpdf.h clear a 2 KB buffer per call, which
 * made drawing most of the build; the operators are written by dev_pdf.c
 * and appended here. Reach-in: the page's content stream (attr). */
void sm_pdf_page_write(HPDF_Page pg, const void *data, size_t len)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)pg->attr;
	HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)data, (HPDF_UINT)len);
}

/* -------------------------------------------------------------- fonts */

static HPDF_Array int_array(HPDF_Doc pdf, const int *v, int n)
{
	HPDF_Array a = HPDF_Array_New(pdf->mmgr);
	for (int i = 0; a && i < n; i++)
		HPDF_Array_AddNumber(a, v[i]);
	return a;
}

/* Why: libharu's own HPDF_GetFont looked up all 65,536 code points of
 * every face (a quarter of a small build), wrote an invalid ToUnicode map,
 * no CapHeight and an italic angle of 0. Reach-in: the object functions
 * and the document's mmgr and xref. */
HPDF_Font sm_pdf_type0_font(HPDF_Doc pdf, struct libdeflate_compressor *z, const struct sm_font_embed *e,
			    const char *name, HPDF_Dict unicode)
{
	HPDF_MMgr mm = pdf->mmgr;
	HPDF_Dict file = sm_pdf_stream(pdf, z, e->file, e->len);
	HPDF_Dict desc = HPDF_Dict_New(mm);
	HPDF_Dict cid = HPDF_Dict_New(mm);
	HPDF_Dict font = HPDF_Dict_New(mm);
	HPDF_Dict info = HPDF_Dict_New(mm);
	HPDF_Array descendants = HPDF_Array_New(mm), widths = HPDF_Array_New(mm);
	/* CIDToGIDMap: two bytes per CID up to the highest code point drawn. */
	uint32_t top = e->n ? e->cps[e->n - 1] : 0;
	unsigned char *map = sm_xcalloc((size_t)top + 1, 2);
	for (int i = 0; i < e->n; i++) {
		map[2 * e->cps[i]] = (unsigned char)(e->gids[i] >> 8);
		map[2 * e->cps[i] + 1] = (unsigned char)e->gids[i];
	}
	HPDF_Dict gid_map = sm_pdf_stream(pdf, z, map, ((size_t)top + 1) * 2);
	free(map);
	if (!file || !desc || !cid || !font || !info || !descendants || !widths || !gid_map || !unicode)
		return NULL;
	HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)e->len);

	HPDF_Xref_Add(pdf->xref, desc);
	HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	HPDF_Dict_AddName(desc, "FontName", name);
	HPDF_Dict_AddNumber(desc, "Flags", e->flags);
	HPDF_Dict_Add(desc, "FontBBox", int_array(pdf, e->bbox, 4));
	HPDF_Dict_AddReal(desc, "ItalicAngle", (HPDF_REAL)e->italic_angle);
	HPDF_Dict_AddNumber(desc, "Ascent", e->ascent);
	HPDF_Dict_AddNumber(desc, "Descent", e->descent);
	HPDF_Dict_AddNumber(desc, "CapHeight", e->cap_height);
	HPDF_Dict_AddNumber(desc, "StemV", e->stem_v);
	HPDF_Dict_Add(desc, "FontFile2", file);

	/* /W as runs of consecutive CIDs: c [w1 w2 ...]. */
	for (int i = 0; i < e->n;) {
		int j = i + 1;
		while (j < e->n && e->cps[j] == e->cps[j - 1] + 1)
			j++;
		HPDF_Array_AddNumber(widths, (HPDF_INT32)e->cps[i]);
		HPDF_Array run = HPDF_Array_New(mm);
		for (int k = i; run && k < j; k++)
			HPDF_Array_AddNumber(run, e->widths[k]);
		HPDF_Array_Add(widths, run);
		i = j;
	}
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);

	HPDF_Xref_Add(pdf->xref, cid);
	HPDF_Dict_AddName(cid, "Type", "Font");
	HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	HPDF_Dict_AddName(cid, "BaseFont", name);
	HPDF_Dict_Add(cid, "CIDSystemInfo", info);
	HPDF_Dict_Add(cid, "FontDescriptor", desc);
	HPDF_Dict_Add(cid, "W", widths);
	HPDF_Dict_Add(cid, "CIDToGIDMap", gid_map);

	HPDF_Xref_Add(pdf->xref, font);
	HPDF_Dict_AddName(font, "Type", "Font");
	HPDF_Dict_AddName(font, "Subtype", "Type0");
	HPDF_Dict_AddName(font, "BaseFont", name);
	HPDF_Dict_AddName(font, "Encoding", "Identity-H");
	HPDF_Array_Add(descendants, cid);
	HPDF_Dict_Add(font, "DescendantFonts", descendants);
	HPDF_Dict_Add(font, "ToUnicode", unicode);
	return font;
}

/* ------------------------------------------------------------- images */

/* Why: libharu's HPDF_LoadRawImageFromMem copies the pixels and deflates
 * them with zlib at its default level, which made a cover illustration half
 * the build. Reach-in: the object class bit HPDF_Page_DrawImage checks for
 * (header.obj_class), and the dictionary functions of hpdf_objects.h. */
HPDF_Image sm_pdf_raw_image(HPDF_Doc pdf, struct libdeflate_compressor *z, const unsigned char *px, int w, int h,
			    int gray)
{
	HPDF_Image im = sm_pdf_stream(pdf, z, px, (size_t)w * (size_t)h * (gray ? 1 : 3));
	if (!im)
		return NULL;
	im->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;     /* what HPDF_Page_DrawImage takes */
	HPDF_Dict_AddName(im, "Type", "XObject");
	HPDF_Dict_AddName(im, "Subtype", "Image");
	HPDF_Dict_AddName(im, "ColorSpace", gray ? "DeviceGray" : "DeviceRGB");
	HPDF_Dict_AddNumber(im, "Width", w);
	HPDF_Dict_AddNumber(im, "Height", h);
	HPDF_Dict_AddNumber(im, "BitsPerComponent", 8);
	return im;
}

/* ---------------------------------------------------------- the rest */

/* Why: HPDF_Destination_SetXYZ writes a zoom; [page /XYZ left top null]
 * keeps the reader's. Reach-in: the destination's array functions. */
HPDF_Destination sm_pdf_dest_top(HPDF_Doc pdf, HPDF_Page page, double top)
{
	HPDF_Destination d = HPDF_Page_CreateDestination(page);
	if (!d)
		return NULL;
	HPDF_Array_Clear(d);
	HPDF_Array_Add(d, page);
	HPDF_Array_AddName(d, "XYZ");
	HPDF_Array_AddReal(d, 0);
	HPDF_Array_AddReal(d, (HPDF_REAL)top);
	HPDF_Array_Add(d, HPDF_Null_New(pdf->mmgr));
	return d;
}

/* Why: hpdf.h sets neither the catalogue's /Lang nor DisplayDocTitle
 * (HPDF_SetViewerPreference knows only its six flags). Reach-in: the
 * document's catalog and mmgr. */
void sm_pdf_catalog(HPDF_Doc pdf, const char *lang)
{
	HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, lang, NULL));
	HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
	if (prefs) {
		HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
		HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs);
	}
}
