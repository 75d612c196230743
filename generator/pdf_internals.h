/* pdf_internals.h: the few things dev_pdf.c needs that libharu's public
 * API (hpdf.h) does not offer. Every use of libharu's private headers and
 * of its internal struct fields is in pdf_internals.c, with why; dev_pdf.c
 * uses hpdf.h and these. */
#ifndef SM_PDF_INTERNALS_H
#define SM_PDF_INTERNALS_H
#include <hpdf.h>
#include <libdeflate.h>
#include "font.h"

/* A new indirect stream object holding data deflated by us (libdeflate,
 * /FlateDecode); NULL when libharu or the compressor failed. */
HPDF_Dict sm_pdf_stream(HPDF_Doc pdf, struct libdeflate_compressor *z, const void *data, size_t len);
/* A page's content: deflated by us (0, or -1 if the compressor failed),
 * or as it is, appended before libharu writes to the same stream. */
int sm_pdf_page_put_deflated(HPDF_Page pg, struct libdeflate_compressor *z, const void *data, size_t len);
void sm_pdf_page_write(HPDF_Page pg, const void *data, size_t len);
/* A Type0 font over a CIDFontType2 for the subset e, named name, with the
 * ToUnicode map unicode; NULL on failure. */
HPDF_Font sm_pdf_type0_font(HPDF_Doc pdf, struct libdeflate_compressor *z, const struct sm_font_embed *e,
			    const char *name, HPDF_Dict unicode);
/* An image XObject of 8-bit pixels (gray: one byte a pixel, else RGB). */
HPDF_Image sm_pdf_raw_image(HPDF_Doc pdf, struct libdeflate_compressor *z, const unsigned char *px, int w, int h,
			    int gray);
/* A destination [page /XYZ 0 top null]: null keeps the reader's zoom. A
 * direct array (PDF/A validators refuse an indirect one), written where it
 * is used: give each to one link or outline item only. */
HPDF_Destination sm_pdf_dest_top(HPDF_Doc pdf, HPDF_Page page, double top);
/* The catalogue's /Lang, and /ViewerPreferences << /DisplayDocTitle true >>. */
void sm_pdf_catalog(HPDF_Doc pdf, const char *lang);
/* An annotation printed with the page (/F 4), as PDF/A wants. */
void sm_pdf_annot_print(HPDF_Annotation an);

/* Archival (PDF/A), for pdf_archive.c; each returns 0 or -1. */
/* The catalogue's /Metadata: an unfiltered XMP stream. */
int sm_pdf_metadata(HPDF_Doc pdf, const char *xml, size_t len);
/* The catalogue's /OutputIntents: one /GTS_PDFA1 intent with this ICC
 * profile of ncomp components, named ident. */
int sm_pdf_output_intent(HPDF_Doc pdf, struct libdeflate_compressor *z, const unsigned char *icc, size_t len,
			 int ncomp, const char *ident);
/* The header: %PDF-1.7. */
void sm_pdf_version_17(HPDF_Doc pdf);
/* The trailer's /ID: reserved (zero) before HPDF_SaveToStream, and filled
 * after it with an MD5 of the saved bytes. */
int sm_pdf_id_reserve(HPDF_Doc pdf);
int sm_pdf_id_fill(HPDF_Doc pdf);

/* The structure tree of a tagged PDF, worked out by dev_pdf.c: the
 * elements, each with its kids in reading order; the marked-content
 * sequences of every page (MCIDs 0, 1, ... per page); the link
 * annotations. */
enum sm_pdf_kid_kind { SM_PDF_KID_MCID, SM_PDF_KID_LINK, SM_PDF_KID_ELEM };
struct sm_pdf_kid {
	int kind;                   /* enum sm_pdf_kid_kind */
	int page;                   /* MCID, LINK: the page it is on */
	int v;                      /* MCID: the MCID; LINK: the link's index; ELEM: the element's */
};
struct sm_pdf_elem {
	const char *type;           /* a standard structure type: "P", "TOCI" */
	int parent;                 /* its index, -1 for the root element (the Document) */
	const char *alt;            /* /Alt, or NULL */
	const char *scope;          /* TH: "Column", "Row" or "Both"; NULL */
	int kids, nkids;            /* its kids: kids[kids] ... kids[kids + nkids - 1] */
};
struct sm_pdf_tree {
	const struct sm_pdf_elem *elems;        /* elems[0] the root */
	int nelems;
	const struct sm_pdf_kid *kids;
	HPDF_Page *pages;
	int npages;
	const int *marks;           /* the element of each marked-content sequence, page after page */
	const int *page_marks;      /* page i's MCIDs 0, 1, ... are marks[page_marks[i]] ...
				       marks[page_marks[i + 1] - 1] */
	HPDF_Annotation *links;     /* the link annotations; link i's key in the ParentTree is npages + i */
	const int *link_elems;      /* the Link element of each */
	const char *const *link_contents;       /* what each says it leads to (/Contents) */
	int nlinks;
};
/* Writes the tree: the elements (/Pg: the page of an element's first
 * MCID; its MCIDs on other pages as marked-content references), the
 * catalogue's /StructTreeRoot with its ParentTree and /MarkInfo, each
 * page's /StructParents and /Tabs /S, each link's /StructParent,
 * /Contents and print flag. Errors are libharu's. */
void sm_pdf_struct_tree(HPDF_Doc pdf, const struct sm_pdf_tree *t);

#endif
