/* pdf_internals.c: every reach into libharu's internals, in one place.
 *
 * Written against libharu 2.3.0 (Debian 12: libhpdf-dev 2.3.0+dfsg-1+b1).
 * dev_pdf.c draws through the public API of hpdf.h; what that API cannot
 * do is here, each with why. What this file relies on, beyond hpdf.h:
 *   - the object functions of hpdf_objects.h (HPDF_Dict_*, HPDF_Array_*,
 *     HPDF_Xref_Add, HPDF_DictStream_New, HPDF_String_New, HPDF_Null_New),
 *     exported by the library but declared only in its private headers;
 *   - HPDF_MD5Init/Update/Final (hpdf_encrypt.h) and the memory stream's
 *     HPDF_MemStream_GetBufCount/GetBufPtr (hpdf_streams.h), exported;
 *   - struct fields: HPDF_Doc's mmgr, xref, catalog, trailer, pdf_version
 *     and stream (hpdf_doc.h); a
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
#include <hpdf_encrypt.h>
#include <hpdf_streams.h>
#include <string.h>
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
 * keeps the reader's. And libharu makes every destination an indirect
 * object, which PDF/A validators (PDFBox Preflight: "can't convert to
 * Destination") refuse in a link or an outline item: this one is a direct
 * array, written where it is used, so it may be used once. Reach-in: the
 * array functions, and the destination class bit that
 * HPDF_Page_CreateLinkAnnot and HPDF_Outline_SetDestination check for. */
HPDF_Destination sm_pdf_dest_top(HPDF_Doc pdf, HPDF_Page page, double top)
{
	HPDF_Array d = HPDF_Array_New(pdf->mmgr);
	if (!d)
		return NULL;
	d->header.obj_class |= HPDF_OSUBCLASS_DESTINATION;
	HPDF_Array_Add(d, page);
	HPDF_Array_AddName(d, "XYZ");
	HPDF_Array_AddReal(d, 0);
	HPDF_Array_AddReal(d, (HPDF_REAL)top);
	HPDF_Array_Add(d, HPDF_Null_New(pdf->mmgr));
	return d;
}

/* Why: PDF/A wants every annotation printed with the page (/F 4);
 * hpdf.h has no setter for an annotation's flags. Reach-in: the
 * dictionary functions. */
void sm_pdf_annot_print(HPDF_Annotation an)
{
	HPDF_Dict_AddNumber(an, "F", 4);
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

/* ----------------------------------------------------------- archival */

/* Why: PDF/A wants the XMP metadata unfiltered (PDF/A-1 forbids a filter
 * on it); hpdf.h has no metadata stream at all. Reach-in: the stream
 * object functions and the catalog. */
int sm_pdf_metadata(HPDF_Doc pdf, const char *xml, size_t len)
{
	HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!s)
		return -1;
	HPDF_Dict_AddName(s, "Type", "Metadata");
	HPDF_Dict_AddName(s, "Subtype", "XML");
	HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)xml, (HPDF_UINT)len);
	return HPDF_Dict_Add(pdf->catalog, "Metadata", s) == HPDF_OK ? 0 : -1;
}

/* Why: libharu's HPDF_ICC_LoadIccFromMem wants an HPDF_Stream and its
 * PDF/A output intent comes with its own XMP; ours is one small
 * dictionary. Reach-in: the object functions and the catalog. */
int sm_pdf_output_intent(HPDF_Doc pdf, struct libdeflate_compressor *z, const unsigned char *icc, size_t len,
			 int ncomp, const char *ident)
{
	HPDF_MMgr mm = pdf->mmgr;
	HPDF_Dict profile = sm_pdf_stream(pdf, z, icc, len);
	HPDF_Dict intent = HPDF_Dict_New(mm);
	HPDF_Array intents = HPDF_Array_New(mm);
	if (!profile || !intent || !intents)
		return -1;
	HPDF_Dict_AddNumber(profile, "N", ncomp);
	HPDF_Xref_Add(pdf->xref, intent);
	HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mm, ident, NULL));
	HPDF_Dict_Add(intent, "Info", HPDF_String_New(mm, ident, NULL));
	HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(mm, "http://www.color.org", NULL));
	HPDF_Dict_Add(intent, "DestOutputProfile", profile);
	HPDF_Array_Add(intents, intent);
	return HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK ? 0 : -1;
}

/* Why: libharu writes the lowest version its own calls need (1.3 or
 * 1.4); hpdf.h cannot set it. Reach-in: the document's pdf_version. */
void sm_pdf_version_17(HPDF_Doc pdf)
{
	pdf->pdf_version = HPDF_VER_17;
}

/* The trailer's /ID: two equal strings of 16 bytes, an MD5 of the whole
 * file as saved with the /ID zeroed, so that the same document gets the
 * same /ID and any other document another. libharu writes an /ID only
 * when it encrypts. Reach-in: the trailer dictionary, the saved memory
 * stream and its buffers (patched in place), libharu's MD5. */
#define ID_HEX "<00000000000000000000000000000000>"

int sm_pdf_id_reserve(HPDF_Doc pdf)
{
	static const HPDF_BYTE zero[16];
	HPDF_Array id = HPDF_Array_New(pdf->mmgr);
	if (!id)
		return -1;
	HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)zero, 16));
	HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)zero, 16));
	return HPDF_Dict_Add(pdf->trailer, "ID", id) == HPDF_OK ? 0 : -1;
}

/* The saved file's bytes, chunk by chunk: the byte at offset at. */
static HPDF_BYTE *saved_byte(HPDF_Stream s, size_t at, size_t chunk)
{
	HPDF_UINT n;
	HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, (HPDF_UINT)(at / chunk), &n);
	return p && at % chunk < n ? p + at % chunk : NULL;
}

int sm_pdf_id_fill(HPDF_Doc pdf)
{
	HPDF_Stream s = pdf->stream;
	if (!s || s->type != HPDF_STREAM_MEMORY)
		return -1;
	size_t size = HPDF_Stream_Size(s), chunk = ((HPDF_MemStreamAttr)s->attr)->buf_siz;
	HPDF_UINT nbuf = HPDF_MemStream_GetBufCount(s);
	struct HPDF_MD5Context md5;
	HPDF_MD5Init(&md5);
	for (HPDF_UINT i = 0; i < nbuf; i++) {
		HPDF_UINT n;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &n);
		if (!p)
			return -1;
		HPDF_MD5Update(&md5, p, n);
	}
	HPDF_BYTE digest[16];
	HPDF_MD5Final(digest, &md5);
	/* The /ID is in the trailer, in the last few hundred bytes, as
	 * libharu writes an array: "/ID [ <0...0> <0...0> ]". */
	static const char key[] = "/ID [ " ID_HEX " " ID_HEX " ]";
	size_t klen = sizeof key - 1, tail = size < 1024 ? size : 1024;
	char last[1024];
	for (size_t i = 0; i < tail; i++) {
		HPDF_BYTE *b = saved_byte(s, size - tail + i, chunk);
		if (!b)
			return -1;
		last[i] = (char)*b;
	}
	size_t at = SIZE_MAX;
	for (size_t i = 0; i + klen <= tail; i++)
		if (!memcmp(last + i, key, klen))
			at = size - tail + i;
	if (at == SIZE_MAX)
		return -1;
	static const char hex[] = "0123456789ABCDEF";
	for (int copy = 0; copy < 2; copy++) {
		size_t first = at + strlen("/ID [ <") + (size_t)copy * strlen(ID_HEX " ");
		for (int k = 0; k < 32; k++) {
			HPDF_BYTE *b = saved_byte(s, first + (size_t)k, chunk);
			if (!b)
				return -1;
			*b = (HPDF_BYTE)hex[k % 2 ? digest[k / 2] & 15 : digest[k / 2] >> 4];
		}
	}
	return 0;
}
