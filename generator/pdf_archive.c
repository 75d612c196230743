/* pdf_archive.c: the PDF as an archival document, PDF/A-2a (ISO 19005-2,
 * level A: tagged, which dev_pdf.c writes), declaring PDF/UA-1 as well.
 *
 * What PDF/A asks beyond a tagged PDF, and where it is done:
 *   - XMP metadata that says the same as the document information (/Info)
 *     and names the parts claimed: made here from /Info as libharu holds
 *     it, so the two cannot differ;
 *   - an output intent: every colour is DeviceRGB (images too: image.c
 *     turns CMYK and grey into RGB), meant as sRGB, so the intent carries
 *     an sRGB profile (compiled in from build/gen/srgb_icc.c);
 *   - the 1.7 header and a trailer /ID, from the saved bytes
 *     (pdf_internals.c: libharu cannot write either);
 *   - destinations written in place and links printed with the page
 *     (pdf_internals.c, used by dev_pdf.c).
 * Transparency (PDF/A-2 allows it) and the fonts are dev_pdf.c's. */
#include "pdf_archive.h"
#include "pdf_internals.h"
#include "sm.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct xbuf {
	char *s;
	size_t len, cap;
};

static void put(struct xbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = sm_xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

static void puts_(struct xbuf *b, const char *s) { put(b, s, strlen(s)); }

/* Text as XML character data: & < > " escaped, CR as a reference (a
 * parser would make it LF); the other C0 controls cannot be written in
 * XML 1.0 at all, and the input checks let none through. */
static void put_text(struct xbuf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '&')
			puts_(b, "&amp;");
		else if (c == '<')
			puts_(b, "&lt;");
		else if (c == '>')
			puts_(b, "&gt;");
		else if (c == '"')
			puts_(b, "&quot;");
		else if (c == '\r')
			puts_(b, "&#13;");
		else if (c >= 0x20 || c == '\t' || c == '\n')
			put(b, s, 1);
	}
}

/* <tag>text</tag>, or with an rdf container around a single item. */
static void prop(struct xbuf *b, const char *tag, const char *container, const char *text)
{
	if (!text)
		return;
	puts_(b, "   <");
	puts_(b, tag);
	puts_(b, ">");
	if (container) {
		puts_(b, "<rdf:");
		puts_(b, container);
		puts_(b, !strcmp(container, "Alt") ? "><rdf:li xml:lang=\"x-default\">" : "><rdf:li>");
	}
	put_text(b, text);
	if (container) {
		puts_(b, "</rdf:li></rdf:");
		puts_(b, container);
		puts_(b, ">");
	}
	puts_(b, "</");
	puts_(b, tag);
	puts_(b, ">\n");
}

/* A PDF date (D:YYYYMMDDHHmmSS and O HH'mm', as libharu writes it) as an
 * XMP date, the same moment in the same zone: 2024-06-10T12:00:00+00:00.
 * NULL when it is not such a date. */
static const char *xmp_date(const char *pdf, char out[32])
{
	if (!pdf || strncmp(pdf, "D:", 2) || strlen(pdf) < 16)
		return NULL;
	const char *d = pdf + 2;
	for (int i = 0; i < 14; i++)
		if (d[i] < '0' || d[i] > '9')
			return NULL;
	char zone[8] = "";
	const char *z = d + 14;
	if (*z == 'Z' || !*z)
		strcpy(zone, "Z");
	else if ((*z == '+' || *z == '-') && z[1] >= '0' && z[1] <= '9' && z[2] >= '0' && z[2] <= '9' && z[3] == '\'' &&
		 z[4] >= '0' && z[4] <= '9' && z[5] >= '0' && z[5] <= '9')
		snprintf(zone, sizeof zone, "%c%.2s:%.2s", *z, z + 1, z + 4);
	else
		return NULL;
	snprintf(out, 32, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s", d, d + 4, d + 6, d + 8, d + 10, d + 12, zone);
	return out;
}

/* PDF/A-2 accepts a property outside its predefined schemas only when the
 * XMP describes its schema: pdfuaid, PDF/UA's identification. */
static const char pdfua_extension[] =
	"  <rdf:Description rdf:about=\"\"\n"
	"    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	"    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	"    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	"   <pdfaExtension:schemas>\n"
	"    <rdf:Bag>\n"
	"     <rdf:li rdf:parseType=\"Resource\">\n"
	"      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
	"      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
	"      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	"      <pdfaSchema:property>\n"
	"       <rdf:Seq>\n"
	"        <rdf:li rdf:parseType=\"Resource\">\n"
	"         <pdfaProperty:name>part</pdfaProperty:name>\n"
	"         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	"         <pdfaProperty:category>internal</pdfaProperty:category>\n"
	"         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
	"        </rdf:li>\n"
	"       </rdf:Seq>\n"
	"      </pdfaSchema:property>\n"
	"     </rdf:li>\n"
	"    </rdf:Bag>\n"
	"   </pdfaExtension:schemas>\n"
	"  </rdf:Description>\n";

/* The XMP packet: every /Info entry under its XMP name (ISO 19005-1 6.7.3
 * table 1), the language, and the parts claimed. */
static void xmp_packet(HPDF_Doc pdf, const char *lang, struct xbuf *b)
{
	char created[32], modified[32];
	puts_(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		 " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		 "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
		 "   <dc:format>application/pdf</dc:format>\n");
	prop(b, "dc:title", "Alt", HPDF_GetInfoAttr(pdf, HPDF_INFO_TITLE));
	prop(b, "dc:creator", "Seq", HPDF_GetInfoAttr(pdf, HPDF_INFO_AUTHOR));
	prop(b, "dc:description", "Alt", HPDF_GetInfoAttr(pdf, HPDF_INFO_SUBJECT));
	prop(b, "dc:language", "Bag", lang);
	puts_(b, "  </rdf:Description>\n"
		 "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	prop(b, "pdf:Producer", NULL, HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER));
	prop(b, "pdf:Keywords", NULL, HPDF_GetInfoAttr(pdf, HPDF_INFO_KEYWORDS));
	puts_(b, "  </rdf:Description>\n"
		 "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	prop(b, "xmp:CreatorTool", NULL, HPDF_GetInfoAttr(pdf, HPDF_INFO_CREATOR));
	prop(b, "xmp:CreateDate", NULL, xmp_date(HPDF_GetInfoAttr(pdf, HPDF_INFO_CREATION_DATE), created));
	prop(b, "xmp:ModifyDate", NULL, xmp_date(HPDF_GetInfoAttr(pdf, HPDF_INFO_MOD_DATE), modified));
	puts_(b, "  </rdf:Description>\n"
		 "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
		 "   <pdfaid:part>2</pdfaid:part>\n"
		 "   <pdfaid:conformance>A</pdfaid:conformance>\n"
		 "  </rdf:Description>\n"
		 "  <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
		 "   <pdfuaid:part>1</pdfuaid:part>\n"
		 "  </rdf:Description>\n");
	puts_(b, pdfua_extension);
	puts_(b, " </rdf:RDF>\n"
		 "</x:xmpmeta>\n"
		 "<?xpacket end=\"w\"?>");
}

int sm_pdf_archive(HPDF_Doc pdf, struct libdeflate_compressor *z, const char *lang)
{
	struct xbuf xmp = { 0 };
	xmp_packet(pdf, lang, &xmp);
	int rc = sm_pdf_metadata(pdf, xmp.s, xmp.len);
	free(xmp.s);
	if (rc || sm_pdf_output_intent(pdf, z, sm_srgb_icc, sm_srgb_icc_len, 3, "sRGB IEC61966-2.1"))
		return -1;
	sm_pdf_version_17(pdf);
	return sm_pdf_id_reserve(pdf);
}

int sm_pdf_archive_seal(HPDF_Doc pdf)
{
	return sm_pdf_id_fill(pdf);
}
