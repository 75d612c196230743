/* pdf_internals.c: every reach into libharu's internals, in one place.
 *
 * Written against libharu 2.3.0 (Debian 12: libhpdf-dev 2.3.0+dfsg-1+b1).
 * dev_pdf.c draws through the public API of hpdf.h; what that API cannot
 * do is here, each with why. What this file relies on, beyond hpdf.h:
 *   - the object functions of hpdf_objects.h (HPDF_Dict_*, HPDF_Array_*,
 *     HPDF_Xref_Add, HPDF_DictStream_New, HPDF_String_New, HPDF_Binary_New,
 *     HPDF_Number_New, HPDF_Null_New),
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

/* ------------------------------------------------- the structure tree */

/* Why: hpdf.h has no structure tree, marked content or text strings of
 * our own (/Alt, /Contents); every object below is made with the object
 * functions of hpdf_objects.h. Reach-in: those functions, and the
 * document's mmgr, xref and catalog. libharu allocates through
 * sm_xmalloc, which does not return on failure, so a new object is never
 * NULL. */

/* A text string at most this many bytes of UTF-8 long (libharu refuses a
 * string over 65,535 bytes): longer ones are cut at a character. */
#define TEXT_MAX 16000

/* A text string: as it is when ASCII, else UTF-16BE after a byte order
 * mark (what libharu's encoders write, and readers take for Unicode),
 * with surrogate pairs beyond the BMP. NULL for an empty one. */
static void *text_string(HPDF_Doc pdf, const char *s)
{
	size_t len = strlen(s);
	if (len > TEXT_MAX) {
		len = TEXT_MAX;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	if (!len)
		return NULL;
	size_t i = 0;
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	if (i == len) {
		char *copy = sm_xmalloc(len + 1);
		memcpy(copy, s, len);
		copy[len] = 0;
		HPDF_String str = HPDF_String_New(pdf->mmgr, copy, NULL);
		free(copy);
		return str;
	}
	unsigned char *u = sm_xmalloc(2 + 4 * len), *o = u;
	*o++ = 0xFE;
	*o++ = 0xFF;
	for (i = 0; i < len;) {
		uint32_t cp;
		int n = sm_utf8_decode(s + i, len - i, &cp);
		if (!n) {
			n = 1;
			cp = 0xFFFD;
		}
		i += (size_t)n;
		if (cp >= 0x10000) {
			uint32_t v = cp - 0x10000, hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);
			*o++ = (unsigned char)(hi >> 8);
			*o++ = (unsigned char)hi;
			cp = lo;
		}
		*o++ = (unsigned char)(cp >> 8);
		*o++ = (unsigned char)cp;
	}
	HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, u, (HPDF_UINT)(o - u));
	free(u);
	return b;
}

/* An array holds at most HPDF_LIMIT_MAX_ARRAY (32,767) objects in
 * libharu: an element with more kids has them in Divs of this many. */
#define KIDS_MAX 8192
/* A ParentTree with more keys than this is a root over leaves of this many. */
#define LEAF_MAX 2048

struct tree_out {
	HPDF_Doc pdf;
	const struct sm_pdf_tree *t;
	HPDF_Dict root;
	HPDF_Dict *el;              /* each element's object */
	HPDF_Dict *up;              /* the object whose /K holds it, when not its parent's: a Div */
	HPDF_Dict *mark_up, *link_up;   /* the same for marked content and links; NULL until needed */
};

/* The page a run of kids begins on. */
static int kids_page(const struct sm_pdf_tree *t, const struct sm_pdf_kid *k)
{
	return k->kind == SM_PDF_KID_ELEM ? t->elems[k->v].page : k->page;
}

/* One kid as /K holds it: an MCID on the element's page pg as a number,
 * elsewhere as a marked-content reference; a link annotation as an object
 * reference; an element as itself. */
static void *kid_obj(struct tree_out *o, const struct sm_pdf_kid *k, int pg)
{
	HPDF_MMgr mm = o->pdf->mmgr;
	if (k->kind == SM_PDF_KID_ELEM)
		return o->el[k->v];
	if (k->kind == SM_PDF_KID_MCID && k->page == pg)
		return HPDF_Number_New(mm, k->v);
	HPDF_Dict d = HPDF_Dict_New(mm);
	if (k->kind == SM_PDF_KID_MCID) {
		HPDF_Dict_AddName(d, "Type", "MCR");
		HPDF_Dict_Add(d, "Pg", o->t->pages[k->page]);
		HPDF_Dict_AddNumber(d, "MCID", k->v);
	} else {
		HPDF_Dict_AddName(d, "Type", "OBJR");
		HPDF_Dict_Add(d, "Obj", o->t->links[k->v]);
		HPDF_Dict_Add(d, "Pg", o->t->pages[k->page]);
	}
	return d;
}

static void put_kids(struct tree_out *o, HPDF_Dict d, const struct sm_pdf_kid *k, int n, int pg)
{
	if (n == 1) {
		HPDF_Dict_Add(d, "K", kid_obj(o, k, pg));
		return;
	}
	HPDF_Array a = HPDF_Array_New(o->pdf->mmgr);
	for (int i = 0; i < n; i++)
		HPDF_Array_Add(a, kid_obj(o, &k[i], pg));
	HPDF_Dict_Add(d, "K", a);
}

static void put_elem_head(struct tree_out *o, HPDF_Dict d, const char *type, HPDF_Dict parent, int pg)
{
	HPDF_Dict_AddName(d, "Type", "StructElem");
	HPDF_Dict_AddName(d, "S", type);
	HPDF_Dict_Add(d, "P", parent);
	if (pg >= 0)
		HPDF_Dict_Add(d, "Pg", o->t->pages[pg]);
}

/* The kids of an element with more than KIDS_MAX, in Divs of KIDS_MAX:
 * the Divs are made, and every kid's holder is its Div. */
static void group_kids(struct tree_out *o, int e, HPDF_Dict *divs)
{
	const struct sm_pdf_tree *t = o->t;
	const struct sm_pdf_elem *E = &t->elems[e];
	HPDF_MMgr mm = o->pdf->mmgr;
	for (int g = 0; g * KIDS_MAX < E->nkids; g++) {
		HPDF_Dict div = divs[g] = HPDF_Dict_New(mm);
		HPDF_Xref_Add(o->pdf->xref, div);
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
static void put_elem(struct tree_out *o, int e, HPDF_Dict *divs)
{
	const struct sm_pdf_tree *t = o->t;
	const struct sm_pdf_elem *E = &t->elems[e];
	HPDF_MMgr mm = o->pdf->mmgr;
	HPDF_Dict d = o->el[e];
	put_elem_head(o, d, E->type, E->parent < 0 ? o->root : o->up[e] ? o->up[e] : o->el[E->parent], E->page);
	if (E->alt) {
		void *alt = text_string(o->pdf, E->alt);
		if (alt)
			HPDF_Dict_Add(d, "Alt", alt);
	}
	if (E->scope) {
		HPDF_Dict a = HPDF_Dict_New(mm);
		HPDF_Dict_AddName(a, "O", "Table");
		HPDF_Dict_AddName(a, "Scope", E->scope);
		HPDF_Dict_Add(d, "A", a);
	}
	const struct sm_pdf_kid *k = &t->kids[E->kids];
	if (E->nkids <= KIDS_MAX) {
		put_kids(o, d, k, E->nkids, E->page);
		return;
	}
	HPDF_Array a = HPDF_Array_New(mm);
	for (int g = 0; g * KIDS_MAX < E->nkids; g++) {
		int n = E->nkids - g * KIDS_MAX;
		if (n > KIDS_MAX)
			n = KIDS_MAX;
		int pg = kids_page(t, &k[g * KIDS_MAX]);
		put_elem_head(o, divs[g], "Div", d, pg);
		put_kids(o, divs[g], &k[g * KIDS_MAX], n, pg);
		HPDF_Array_Add(a, divs[g]);
	}
	HPDF_Dict_Add(d, "K", a);
}

/* The ParentTree's value for a key: a page's array of the elements that
 * hold its marked content, by MCID; a link's element. */
static void *parent_tree_value(struct tree_out *o, int key)
{
	const struct sm_pdf_tree *t = o->t;
	if (key >= t->npages) {
		int j = key - t->npages;
		return o->link_up && o->link_up[j] ? o->link_up[j] : o->el[t->link_elems[j]];
	}
	HPDF_Array a = HPDF_Array_New(o->pdf->mmgr);
	for (int m = t->page_marks[key]; m < t->page_marks[key + 1]; m++)
		HPDF_Array_Add(a, o->mark_up && o->mark_up[m] ? o->mark_up[m] : o->el[t->marks[m]]);
	return a;
}

static HPDF_Dict parent_tree(struct tree_out *o, int nkeys)
{
	HPDF_MMgr mm = o->pdf->mmgr;
	HPDF_Dict tree = HPDF_Dict_New(mm);
	HPDF_Xref_Add(o->pdf->xref, tree);
	HPDF_Array leaves = nkeys > LEAF_MAX ? HPDF_Array_New(mm) : NULL;
	for (int lo = 0; lo < nkeys || lo == 0; lo += LEAF_MAX) {
		int hi = nkeys - lo > LEAF_MAX ? lo + LEAF_MAX : nkeys;
		HPDF_Dict leaf = tree;
		if (leaves) {
			leaf = HPDF_Dict_New(mm);
			HPDF_Xref_Add(o->pdf->xref, leaf);
			HPDF_Array limits = HPDF_Array_New(mm);
			HPDF_Array_AddNumber(limits, lo);
			HPDF_Array_AddNumber(limits, hi - 1);
			HPDF_Dict_Add(leaf, "Limits", limits);
		}
		HPDF_Array nums = HPDF_Array_New(mm);
		for (int key = lo; key < hi; key++) {
			HPDF_Array_AddNumber(nums, key);
			HPDF_Array_Add(nums, parent_tree_value(o, key));
		}
		HPDF_Dict_Add(leaf, "Nums", nums);
		if (leaves)
			HPDF_Array_Add(leaves, leaf);
	}
	if (leaves)
		HPDF_Dict_Add(tree, "Kids", leaves);
	return tree;
}

void sm_pdf_struct_tree(HPDF_Doc pdf, const struct sm_pdf_tree *t)
{
	HPDF_MMgr mm = pdf->mmgr;
	struct tree_out o = { pdf, t, NULL, NULL, NULL, NULL, NULL };
	o.root = HPDF_Dict_New(mm);
	HPDF_Xref_Add(pdf->xref, o.root);
	o.el = sm_xmalloc((size_t)t->nelems * sizeof *o.el);
	o.up = sm_xcalloc((size_t)t->nelems, sizeof *o.up);
	for (int e = 0; e < t->nelems; e++) {
		o.el[e] = HPDF_Dict_New(mm);
		HPDF_Xref_Add(pdf->xref, o.el[e]);
	}
	/* The Divs of elements with too many kids, first: they hold kids
	 * that name them as their parent. */
	HPDF_Dict **divs = sm_xcalloc((size_t)t->nelems, sizeof *divs);
	for (int e = 0; e < t->nelems; e++)
		if (t->elems[e].nkids > KIDS_MAX) {
			divs[e] = sm_xmalloc(((size_t)t->elems[e].nkids / KIDS_MAX + 1) * sizeof **divs);
			group_kids(&o, e, divs[e]);
		}
	for (int e = 0; e < t->nelems; e++)
		put_elem(&o, e, divs[e]);
	int nkeys = t->npages + t->nlinks;
	HPDF_Dict_AddName(o.root, "Type", "StructTreeRoot");
	if (t->nelems)
		HPDF_Dict_Add(o.root, "K", o.el[0]);
	HPDF_Dict_Add(o.root, "ParentTree", parent_tree(&o, nkeys));
	HPDF_Dict_AddNumber(o.root, "ParentTreeNextKey", nkeys);
	HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", o.root);
	HPDF_Dict mark_info = HPDF_Dict_New(mm);
	HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
	HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
	/* Pages: their key in the ParentTree; the tab key follows the structure. */
	for (int i = 0; i < t->npages; i++) {
		HPDF_Dict_AddNumber(t->pages[i], "StructParents", i);
		HPDF_Dict_AddName(t->pages[i], "Tabs", "S");
	}
	/* Links: their key, what they lead to, printed with the page (/F 4). */
	for (int j = 0; j < t->nlinks; j++) {
		HPDF_Dict_AddNumber(t->links[j], "StructParent", t->npages + j);
		void *contents = text_string(pdf, t->link_contents[j]);
		if (contents)
			HPDF_Dict_Add(t->links[j], "Contents", contents);
		HPDF_Dict_AddNumber(t->links[j], "F", 4);
	}
	for (int e = 0; e < t->nelems; e++)
		free(divs[e]);
	free(divs);
	free(o.el);
	free(o.up);
	free(o.mark_up);
	free(o.link_up);
}
