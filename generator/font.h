/* font.h: font metrics with HarfBuzz on the original font files, the code
 * points each face draws, and true subsets made with hb-subset.
 *
 * Widths are in 1/1000 em, truncated to integers, the numbers the PDF's
 * /W array holds, so what layout measures is what the PDF shows. Two roles naming the same file share one face. */
#ifndef SM_FONT_H
#define SM_FONT_H
#include "theme.h"

struct sm_face;

struct sm_fonts {
	struct sm_face *faces[SM_FACE_COUNT];
	int nfaces;
	int role_face[SM_FACE_COUNT];            /* role → face index */
};

int sm_fonts_open(struct sm_fonts *f, const struct sm_theme *t);
void sm_fonts_close(struct sm_fonts *f);

/* Advance of one code point in 1/1000 em; marks it used. */
int sm_font_advance(struct sm_fonts *f, int role, uint32_t cp);
/* Width of UTF-8 text at size (pt); marks its code points used. */
double sm_font_width(struct sm_fonts *f, int role, double size, const char *s, size_t len);
/* Width of UTF-8 text in 1/1000 em with pair kerning; marks its code
 * points used. */
long sm_font_measure(struct sm_fonts *f, int role, const char *s, size_t len);
/* Pair kerning of a and b in role, in 1/1000 em (negative: closer). */
int sm_font_kern(struct sm_fonts *f, int role, uint32_t a, uint32_t b);
/* Marks text as drawn in role, without measuring (the renderer calls it
 * for every item, so no drawn code point can miss from a subset). */
void sm_font_use(struct sm_fonts *f, int role, const char *s, size_t len);
/* Ascender and cap height in 1/1000 em. */
int sm_font_ascender(struct sm_fonts *f, int role);
int sm_font_cap_height(struct sm_fonts *f, int role);
const char *sm_font_path(struct sm_fonts *f, int face);
/* A face as the PDF embeds it: a TrueType subset of exactly the code
 * points drawn, how each BMP code point maps to a glyph of the subset and
 * its width, and the font descriptor's metrics in 1/1000 em. */
struct sm_font_embed {
	void *file;
	size_t len;
	char ps_name[64];
	int bbox[4], ascent, descent, cap_height, stem_v, flags;
	double italic_angle;
	int n;                          /* code points, ascending */
	uint32_t *cps;
	uint16_t *gids;
	int16_t *widths;
};
int sm_font_embed(struct sm_fonts *f, int face, struct sm_font_embed *e);
void sm_font_embed_free(struct sm_font_embed *e);

#endif
