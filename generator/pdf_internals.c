/* pdf_internals.c: every reach into libharu's internals, in one place.
 *
 * Written against libharu 2.3.0 (Debian 12: libhpdf-dev 2.3.0+dfsg-1+b1).
 * dev_pdf.c draws through the public API of hpdf.h; what that API cannot
 * do is here, each with why. What this file relies on, beyond hpdf.h:
 *   - the object functions of hpdf_objects.h (HPDF_Dict_*, HPDF_Array_*,
 *     HPDF_Xref_Add, HPDF_DictStream_New, HPDF_String_New, HPDF_Binary_New,
 *     HPDF_Number_New, HPDF_Null_New),
 *     exported by the library but declared only in its private headers;
 *   - the memory stream's HPDF_MemStream_GetBufCount/GetBufPtr
 *     (hpdf_streams.h), exported;
 *   - struct fields: HPDF_Doc's mmgr, xref, catalog, trailer, pdf_version
 *     and stream (hpdf_doc.h); a dictionary's filter, write_fn, free_fn,
 *     attr and stream (hpdf_objects.h); an object's header (obj_class,
 *     obj_id, gen_no); the xref's entries list and its items_per_block
 *     (hpdf_list.h); a page's attr->contents and attr->stream (hpdf_pages.h).
 * A libharu update that changes any of these breaks this file, and only
 * this file: check it against the new headers first. */
#include "pdf_internals.h"
#include "sm.h"
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <string.h>

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

/* The trailer's /ID: two equal strings of 16 bytes, checksums of the
 * whole file as saved with the /ID zeroed, so that the same document gets the
 * same /ID and any other document another. libharu writes an /ID only
 * when it encrypts. Reach-in: the trailer dictionary, the saved memory
 * stream and its buffers (patched in place). */
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
	/* Four checksums of the bytes (libdeflate's, many times faster than
	 * an MD5 over megabytes): CRC-32 and Adler-32 of the whole file, the
	 * CRC-32 of every other buffer, and the size. An identifier, not a
	 * signature: the same file gives the same one, another file another. */
	uint32_t crc = 0, adler = 1, half = 0;
	for (HPDF_UINT i = 0; i < nbuf; i++) {
		HPDF_UINT n;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &n);
		if (!p)
			return -1;
		crc = libdeflate_crc32(crc, p, n);
		adler = libdeflate_adler32(adler, p, n);
		if (i % 2)
			half = libdeflate_crc32(half, p, n);
	}
	uint32_t words[4] = { crc, adler, half, (uint32_t)size };
	HPDF_BYTE digest[16];
	for (int w = 0; w < 4; w++)
		for (int b = 0; b < 4; b++)
			digest[w * 4 + b] = (HPDF_BYTE)(words[w] >> (24 - 8 * b));
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

/* ------------------------------------------------- the structure tree */

/* Why: hpdf.h has no structure tree, no marked content and no way to add
 * keys to a page or an annotation. A tagged monitor has tens of thousands
 * of structure elements, and libharu's objects cost some ten allocations
 * and a kilobyte each (every dictionary key is a 128-byte record) and are
 * written key by key: with an element per text item they made the bench's
 * scale-16 build 70% slower than untagged (20% with bodies of our own),
 * and its elements half as large again. So each
 * element is a dictionary of libharu's (an object number and an entry in
 * the cross-reference table) whose body we write ourselves, compactly, in
 * one piece: its write_fn writes the bytes its attr points to. The bodies
 * are made once every object has its number, in one buffer that the
 * StructTreeRoot owns (its free_fn frees it with the document).
 * Reach-in: the object functions, the document's mmgr, xref and catalog,
 * the step by which the object table grows (xref->entries, an HPDF_List),
 * a dictionary's write_fn, free_fn and attr, an object's header (its
 * number and generation). */

/* An array holds at most 8,191 objects in PDF/A-1 (ISO 19005-1, 6.1.12):
 * an element with more kids has them in Divs of that many. */
#define KIDS_MAX 8191
/* A ParentTree with more keys than this is a root over leaves of this many. */
#define LEAF_MAX 2048
/* A text string at most this many bytes of UTF-8 long: longer ones are cut
 * at a character (PDF/A-1 allows 65,535 bytes, UTF-16 doubles them). */
#define TEXT_MAX 16000

struct buf {
	char *p;
	size_t len, cap;
};

static void put(struct buf *b, const void *s, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 4096;
		b->p = sm_xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void put_str(struct buf *b, const char *s) { put(b, s, strlen(s)); }

static void put_uint(struct buf *b, unsigned v)
{
	char t[12], *o = t + sizeof t;
	do {
		*--o = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put(b, o, (size_t)(t + sizeof t - o));
}

/* A reference to an indirect object: "12 0 R". */
static void put_ref(struct buf *b, void *obj)
{
	const HPDF_Obj_Header *h = obj;
	put_uint(b, h->obj_id & 0x00FFFFFF);
	put(b, " ", 1);
	put_uint(b, h->gen_no);
	put(b, " R", 2);
}

/* How much of s a text string holds: all of it, or TEXT_MAX bytes cut at
 * a character; *ascii when all of that is ASCII. */
static size_t text_len(const char *s, int *ascii)
{
	size_t len = strlen(s);
	if (len > TEXT_MAX) {
		len = TEXT_MAX;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	size_t i = 0;
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	*ascii = i == len;
	return len;
}

/* UTF-8 as UTF-16BE after a byte order mark (what libharu's encoders
 * write, and readers take for Unicode), surrogate pairs beyond the BMP;
 * u has room for 2 + 4 * len bytes. Returns the bytes. */
static size_t utf16(const char *s, size_t len, unsigned char *u)
{
	unsigned char *o = u;
	*o++ = 0xFE;
	*o++ = 0xFF;
	for (size_t i = 0; i < len;) {
		uint32_t cp = sm_utf8_next(s, len, &i);
		if (cp >= 0x10000) {
			uint32_t hi = 0xD800 + ((cp - 0x10000) >> 10);
			*o++ = (unsigned char)(hi >> 8);
			*o++ = (unsigned char)hi;
			cp = 0xDC00 + ((cp - 0x10000) & 0x3FF);
		}
		*o++ = (unsigned char)(cp >> 8);
		*o++ = (unsigned char)cp;
	}
	return (size_t)(o - u);
}

/* A text string: a literal one when ASCII, else UTF-16 in hex. */
static void put_text(struct buf *b, const char *s)
{
	int ascii;
	size_t len = text_len(s, &ascii);
	if (ascii) {
		put(b, "(", 1);
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			char e[4] = { '\\', (char)c, 0, 0 };
			if (c == '(' || c == ')' || c == '\\') {
				put(b, e, 2);
			} else if (c < 0x20 || c == 0x7F) {
				e[1] = (char)('0' + (c >> 6));
				e[2] = (char)('0' + (c >> 3 & 7));
				e[3] = (char)('0' + (c & 7));
				put(b, e, 4);
			} else {
				put(b, e + 1, 1);
			}
		}
		put(b, ")", 1);
		return;
	}
	static const char hex[] = "0123456789ABCDEF";
	unsigned char *u = sm_xmalloc(2 + 4 * len);
	size_t n = utf16(s, len, u);
	put(b, "<", 1);
	for (size_t i = 0; i < n; i++) {
		char h[2] = { hex[u[i] >> 4], hex[u[i] & 15] };
		put(b, h, 2);
	}
	put(b, ">", 1);
	free(u);
}

/* A dictionary whose body is ours: attr points at its length (4 bytes)
 * and bytes. */
static HPDF_STATUS write_body(HPDF_Dict d, HPDF_Stream s)
{
	uint32_t n;
	if (!d->attr)
		return HPDF_OK;
	memcpy(&n, d->attr, sizeof n);
	return HPDF_Stream_Write(s, (const HPDF_BYTE *)d->attr + sizeof n, n);
}

static void free_bodies(HPDF_Dict d)
{
	free(d->attr);
	d->attr = NULL;
}

struct tree_out {
	HPDF_Doc pdf;
	const struct sm_pdf_tree *t;
	struct buf b;               /* every body, each after its length */
	HPDF_Dict *bodied;          /* the dictionaries with a body, and where it starts */
	size_t *at;
	int nbodied, cbodied;
	HPDF_Dict *el;              /* each element's object */
	HPDF_Dict *up;              /* the object whose /K holds it, when not its parent's: a Div */
	HPDF_Dict *mark_up, *link_up;   /* the same for marked content and links; NULL until needed */
};

/* A new indirect dictionary whose body is written by body_begin and
 * body_end. */
static HPDF_Dict bodied(struct tree_out *o)
{
	HPDF_Dict d = HPDF_Dict_New(o->pdf->mmgr);
	HPDF_Xref_Add(o->pdf->xref, d);
	d->write_fn = write_body;
	return d;
}

static void body_begin(struct tree_out *o, HPDF_Dict d)
{
	if (o->nbodied == o->cbodied) {
		o->cbodied = o->cbodied ? o->cbodied * 2 : 1024;
		o->bodied = sm_xrealloc(o->bodied, (size_t)o->cbodied * sizeof *o->bodied);
		o->at = sm_xrealloc(o->at, (size_t)o->cbodied * sizeof *o->at);
	}
	o->bodied[o->nbodied] = d;
	o->at[o->nbodied++] = o->b.len;
	uint32_t n = 0;
	put(&o->b, &n, sizeof n);
}

static void body_end(struct tree_out *o)
{
	size_t at = o->at[o->nbodied - 1];
	uint32_t n = (uint32_t)(o->b.len - at - sizeof n);
	memcpy(o->b.p + at, &n, sizeof n);
}

/* One kid as /K holds it: an MCID on the element's page pg as a number,
 * elsewhere as a marked-content reference; a link annotation as an object
 * reference; an element as a reference to it. */
static void put_kid(struct tree_out *o, const struct sm_pdf_kid *k, int pg)
{
	struct buf *b = &o->b;
	if (k->kind == SM_PDF_KID_ELEM) {
		put_ref(b, o->el[k->v]);
	} else if (k->kind == SM_PDF_KID_MCID && k->page == pg) {
		put_uint(b, (unsigned)k->v);
	} else if (k->kind == SM_PDF_KID_MCID) {
		put_str(b, "<</Type/MCR/Pg ");
		put_ref(b, o->t->pages[k->page]);
		put_str(b, "/MCID ");
		put_uint(b, (unsigned)k->v);
		put_str(b, ">>");
	} else {
		put_str(b, "<</Type/OBJR/Obj ");
		put_ref(b, o->t->links[k->v]);
		put_str(b, "/Pg ");
		put_ref(b, o->t->pages[k->page]);
		put_str(b, ">>");
	}
}

static void put_kids(struct tree_out *o, const struct sm_pdf_kid *k, int n, int pg)
{
	put_str(&o->b, n == 1 ? "/K " : "/K[");
	for (int i = 0; i < n; i++) {
		if (i)
			put(&o->b, " ", 1);
		put_kid(o, &k[i], pg);
	}
	if (n != 1)
		put(&o->b, "]", 1);
}

/* /S, /P and /Pg of an element's body. */
static void put_head(struct tree_out *o, const char *type, HPDF_Dict parent, int pg)
{
	put_str(&o->b, "/S/");
	put_str(&o->b, type);
	put_str(&o->b, "/P ");
	put_ref(&o->b, parent);
	if (pg >= 0) {
		put_str(&o->b, "/Pg ");
		put_ref(&o->b, o->t->pages[pg]);
	}
}

/* The page of the first MCID among n kids, -1 none. */
static int mcid_page(const struct sm_pdf_kid *k, int n)
{
	for (int i = 0; i < n; i++)
		if (k[i].kind == SM_PDF_KID_MCID)
			return k[i].page;
	return -1;
}

/* The kids of an element with more than KIDS_MAX, in Divs of KIDS_MAX:
 * the Divs are made, and every kid's holder is its Div. */
static void group_kids(struct tree_out *o, int e, HPDF_Dict *divs)
{
	const struct sm_pdf_tree *t = o->t;
	const struct sm_pdf_elem *E = &t->elems[e];
	for (int g = 0; g * KIDS_MAX < E->nkids; g++) {
		HPDF_Dict div = divs[g] = bodied(o);
		int from = E->kids + g * KIDS_MAX, n = E->nkids - g * KIDS_MAX;
		if (n > KIDS_MAX)
			n = KIDS_MAX;
		for (int i = from; i < from + n; i++) {
			const struct sm_pdf_kid *k = &t->kids[i];
			if (k->kind == SM_PDF_KID_ELEM) {
				o->up[k->v] = div;
			} else if (k->kind == SM_PDF_KID_MCID) {
				if (!o->mark_up)
					o->mark_up = sm_xcalloc((size_t)t->page_marks[t->npages] + 1, sizeof *o->mark_up);
				o->mark_up[t->page_marks[k->page] + k->v] = div;
			} else {
				if (!o->link_up)
					o->link_up = sm_xcalloc((size_t)t->nlinks + 1, sizeof *o->link_up);
				o->link_up[k->v] = div;
			}
		}
	}
}

/* An element: its type, parent, page, alternative text, a header cell's
 * scope, and its kids (in Divs when there are too many for one array). */
static void put_elem(struct tree_out *o, HPDF_Dict root, int e, HPDF_Dict *divs)
{
	const struct sm_pdf_tree *t = o->t;
	const struct sm_pdf_elem *E = &t->elems[e];
	const struct sm_pdf_kid *k = &t->kids[E->kids];
	int grouped = E->nkids > KIDS_MAX;
	body_begin(o, o->el[e]);
	put_head(o, E->type, E->parent < 0 ? root : o->up[e] ? o->up[e] : o->el[E->parent],
		 grouped ? -1 : mcid_page(k, E->nkids));
	if (E->alt && *E->alt) {
		put_str(&o->b, "/Alt");
		put_text(&o->b, E->alt);
	}
	/* PDF/UA-1 7.9: every Note has an /ID of its own. */
	if (!strcmp(E->type, "Note")) {
		put_str(&o->b, "/ID(note-");
		put_uint(&o->b, (unsigned)e);
		put_str(&o->b, ")");
	}
	if (E->scope) {
		put_str(&o->b, "/A<</O/Table/Scope/");
		put_str(&o->b, E->scope);
		put_str(&o->b, ">>");
	}
	if (!grouped) {
		put_kids(o, k, E->nkids, mcid_page(k, E->nkids));
		body_end(o);
		return;
	}
	put_str(&o->b, "/K[");
	for (int g = 0; g * KIDS_MAX < E->nkids; g++) {
		put_str(&o->b, g ? " " : "");
		put_ref(&o->b, divs[g]);
	}
	put_str(&o->b, "]");
	body_end(o);
	for (int g = 0; g * KIDS_MAX < E->nkids; g++) {
		int n = E->nkids - g * KIDS_MAX;
		if (n > KIDS_MAX)
			n = KIDS_MAX;
		int pg = mcid_page(&k[g * KIDS_MAX], n);
		body_begin(o, divs[g]);
		put_head(o, "Div", o->el[e], pg);
		put_kids(o, &k[g * KIDS_MAX], n, pg);
		body_end(o);
	}
}

/* The ParentTree's value for a key: a page's array of the elements that
 * hold its marked content, by MCID; a link's element. */
static void put_parent_value(struct tree_out *o, int key)
{
	const struct sm_pdf_tree *t = o->t;
	if (key >= t->npages) {
		int j = key - t->npages;
		put_ref(&o->b, o->link_up && o->link_up[j] ? o->link_up[j] : o->el[t->link_elems[j]]);
		return;
	}
	put(&o->b, "[", 1);
	for (int m = t->page_marks[key]; m < t->page_marks[key + 1]; m++) {
		if (m > t->page_marks[key])
			put(&o->b, " ", 1);
		put_ref(&o->b, o->mark_up && o->mark_up[m] ? o->mark_up[m] : o->el[t->marks[m]]);
	}
	put(&o->b, "]", 1);
}

/* The ParentTree: /Nums, or /Kids over leaves of LEAF_MAX keys. */
static HPDF_Dict parent_tree(struct tree_out *o, int nkeys)
{
	HPDF_Dict tree = bodied(o);
	int nleaves = nkeys > LEAF_MAX ? (nkeys + LEAF_MAX - 1) / LEAF_MAX : 0;
	HPDF_Dict *leaves = sm_xmalloc(((size_t)nleaves + 1) * sizeof *leaves);
	for (int l = 0; l < nleaves; l++)
		leaves[l] = bodied(o);
	for (int l = 0; l < (nleaves ? nleaves : 1); l++) {
		int lo = l * LEAF_MAX, hi = nleaves && nkeys - lo > LEAF_MAX ? lo + LEAF_MAX : nkeys;
		body_begin(o, nleaves ? leaves[l] : tree);
		if (nleaves) {
			put_str(&o->b, "/Limits[");
			put_uint(&o->b, (unsigned)lo);
			put(&o->b, " ", 1);
			put_uint(&o->b, (unsigned)hi - 1);
			put(&o->b, "]", 1);
		}
		put_str(&o->b, "/Nums[");
		for (int key = lo; key < hi; key++) {
			put_str(&o->b, key > lo ? " " : "");
			put_uint(&o->b, (unsigned)key);
			put(&o->b, " ", 1);
			put_parent_value(o, key);
		}
		put(&o->b, "]", 1);
		body_end(o);
	}
	if (nleaves) {
		body_begin(o, tree);
		put_str(&o->b, "/Kids[");
		for (int l = 0; l < nleaves; l++) {
			put_str(&o->b, l ? " " : "");
			put_ref(&o->b, leaves[l]);
		}
		put(&o->b, "]", 1);
		body_end(o);
	}
	free(leaves);
	return tree;
}

/* A text string object for a libharu dictionary, as put_text writes it
 * (libharu escapes a literal one itself). */
static void *text_object(HPDF_Doc pdf, const char *s)
{
	int ascii;
	size_t len = text_len(s, &ascii);
	void *obj;
	if (ascii) {
		char *c = sm_xmalloc(len + 1);
		memcpy(c, s, len);
		c[len] = 0;
		obj = HPDF_String_New(pdf->mmgr, c, NULL);
		free(c);
	} else {
		unsigned char *u = sm_xmalloc(2 + 4 * len);
		obj = HPDF_Binary_New(pdf->mmgr, u, (HPDF_UINT)utf16(s, len, u));
		free(u);
	}
	return obj;
}

void sm_pdf_struct_tree(HPDF_Doc pdf, const struct sm_pdf_tree *t)
{
	HPDF_MMgr mm = pdf->mmgr;
	struct tree_out o = { .pdf = pdf, .t = t };
	/* libharu's object table grows by 1,024 entries, copying itself each
	 * time: with tens of thousands of elements that was a tenth of the
	 * tree. It grows once, by all the objects below. */
	HPDF_List table = pdf->xref->entries;
	HPDF_UINT step = table->items_per_block, more = (HPDF_UINT)t->nelems + 8;
	for (int e = 0; e < t->nelems; e++)
		more += (HPDF_UINT)(t->elems[e].nkids / KIDS_MAX);
	more += (HPDF_UINT)((t->npages + t->nlinks) / LEAF_MAX);
	if (more > step)
		table->items_per_block = more;
	HPDF_Dict root = HPDF_Dict_New(mm);
	HPDF_Xref_Add(pdf->xref, root);
	root->free_fn = free_bodies;
	o.el = sm_xmalloc(((size_t)t->nelems + 1) * sizeof *o.el);
	o.up = sm_xcalloc((size_t)t->nelems + 1, sizeof *o.up);
	for (int e = 0; e < t->nelems; e++)
		o.el[e] = bodied(&o);
	/* The Divs of elements with too many kids, first: they hold kids
	 * that name them as their parent. */
	HPDF_Dict **divs = sm_xcalloc((size_t)t->nelems + 1, sizeof *divs);
	for (int e = 0; e < t->nelems; e++)
		if (t->elems[e].nkids > KIDS_MAX) {
			divs[e] = sm_xmalloc(((size_t)t->elems[e].nkids / KIDS_MAX + 1) * sizeof **divs);
			group_kids(&o, e, divs[e]);
		}
	for (int e = 0; e < t->nelems; e++)
		put_elem(&o, root, e, divs[e]);
	int nkeys = t->npages + t->nlinks;
	HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
	if (t->nelems)
		HPDF_Dict_Add(root, "K", o.el[0]);
	HPDF_Dict_Add(root, "ParentTree", parent_tree(&o, nkeys));
	HPDF_Dict_AddNumber(root, "ParentTreeNextKey", nkeys);
	HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
	HPDF_Dict mark_info = HPDF_Dict_New(mm);
	HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
	HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
	table->items_per_block = step;
	/* Every body is made: each dictionary points at its own. */
	root->attr = o.b.p;
	for (int i = 0; i < o.nbodied; i++)
		o.bodied[i]->attr = o.b.p + o.at[i];
	/* Pages: their key in the ParentTree; the tab order follows the structure. */
	for (int i = 0; i < t->npages; i++) {
		HPDF_Dict_AddNumber(t->pages[i], "StructParents", i);
		HPDF_Dict_AddName(t->pages[i], "Tabs", "S");
	}
	/* Links: their key, what they lead to, printed with the page (/F 4). */
	for (int j = 0; j < t->nlinks; j++) {
		HPDF_Dict_AddNumber(t->links[j], "StructParent", t->npages + j);
		HPDF_Dict_Add(t->links[j], "Contents", text_object(pdf, t->link_contents[j]));
		HPDF_Dict_AddNumber(t->links[j], "F", 4);
	}
	for (int e = 0; e < t->nelems; e++)
		free(divs[e]);
	free(divs);
	free(o.el);
	free(o.up);
	free(o.mark_up);
	free(o.link_up);
	free(o.bodied);
	free(o.at);
}
