/* pdf_archive.h: what makes the PDF an archival one (PDF/A-2a, and the
 * PDF/UA-1 claim): the XMP metadata, the sRGB output intent, the 1.7
 * header and the trailer /ID. Through hpdf.h and pdf_internals.h only. */
#ifndef SM_PDF_ARCHIVE_H
#define SM_PDF_ARCHIVE_H
#include <hpdf.h>
#include <libdeflate.h>
#include <stddef.h>

/* The sRGB profile (build/gen/srgb_icc.c, made by the Makefile). */
extern const unsigned char sm_srgb_icc[];
extern const size_t sm_srgb_icc_len;

/* Before HPDF_SaveToStream, when the document information is complete:
 * XMP metadata made from /Info (and lang, the text's language), the
 * output intent, the header version, a reserved /ID. 0, or -1 with
 * libharu's error set or nothing to report beyond "failed". */
int sm_pdf_archive(HPDF_Doc pdf, struct libdeflate_compressor *z, const char *lang);
/* After HPDF_SaveToStream: the /ID from the saved bytes. 0 or -1. */
int sm_pdf_archive_seal(HPDF_Doc pdf);

#endif
