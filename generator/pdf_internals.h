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

#endif
