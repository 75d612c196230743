/* font.c: HarfBuzz metrics and hb-subset subsets. The only file that
 * includes HarfBuzz. */
#include "font.h"
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <fcntl.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SM_MAX_FONT_SIZE (64u << 20)

struct sm_face {
	const char *path;
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	unsigned upem;
	int16_t *widths[256];       /* BMP advance cache in blocks of 256, made when needed; -1 unknown */
	uint64_t marked[1024];      /* BMP code points already in `used` */
	hb_set_t *used;
	hb_set_t *warned;
	int ascender, cap_height;
	const char *role_file;      /* as named in the layout, for messages */
	/* Pair kerning from GPOS, found by shaping each pair once. */
	uint32_t *kern_keys;
	int16_t *kern_vals;
	int16_t kern_ascii[128][128];   /* pairs of ASCII characters; INT16_MIN unknown */
	unsigned kern_cap, kern_n;
	hb_buffer_t *buf;
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Why the font file in data cannot be used, or NULL when it can: a
 * TrueType font (the PDF embeds TrueType outlines only: no CFF .otf, no
 * collections), whole (every table inside the file: a copy cut short
 * passes a look at its first bytes and fails only when its subset is
 * made), with the tables a subset needs, glyphs and a character map. */
static const char *font_problem(hb_face_t **face_out, hb_blob_t *blob, char *why, size_t whylen)
{
	const unsigned char *d = (const unsigned char *)hb_blob_get_data(blob, NULL);
	unsigned len = hb_blob_get_length(blob);
	if (len >= 4 && !memcmp(d, "OTTO", 4))
		return "it has CFF (PostScript) outlines";
	if (len < 12 || (memcmp(d, "\0\1\0\0", 4) && memcmp(d, "true", 4)))
		return "it is not a TrueType font";
	unsigned ntables = (unsigned)d[4] << 8 | d[5];
	if (12 + 16ul * ntables > len)
		return "it is cut short (its table directory is incomplete)";
	static const char *const needed[] = { "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp" };
	int have[7] = { 0 };
	for (unsigned i = 0; i < ntables; i++) {
		const unsigned char *rec = d + 12 + 16 * i;
		uint32_t off = be32(rec + 8), n = be32(rec + 12);
		if (off > len || n > len - off) {
			snprintf(why, whylen, "it is cut short (its '%.4s' table ends past the end of the file)",
				 (const char *)rec);
			return why;
		}
		for (int k = 0; k < 7; k++)
			if (!memcmp(rec, needed[k], 4) && n)
				have[k] = 1;
	}
	for (int k = 0; k < 7; k++)
		if (!have[k]) {
			snprintf(why, whylen, "it has no '%s' table", needed[k]);
			return why;
		}
	hb_face_t *face = hb_face_create(blob, 0);
	hb_set_t *unicodes = hb_set_create();
	hb_face_collect_unicodes(face, unicodes);
	const char *problem = NULL;
	if (hb_face_get_glyph_count(face) == 0)
		problem = "it has no glyphs";
	else if (hb_set_is_empty(unicodes))
		problem = "its character map is empty";
	hb_set_destroy(unicodes);
	if (problem)
		hb_face_destroy(face);
	else
		*face_out = face;
	return problem;
}

/* A font file, read whole through the folder it was found in (so that a
 * project's font cannot lead out of it); NULL after reporting. */
static hb_blob_t *read_font(const struct sm_dir *in, const char *path, const char *name, const struct sm_pos *pos)
{
	int fd = sm_open_file(in, path, pos);
	if (fd < 0)
		return NULL;
	struct stat st;
	if (fstat(fd, &st)) {
		sm_diag_system(SM_MSG_file_unreadable, pos, path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (st.st_size <= 0 || (unsigned long long)st.st_size > SM_MAX_FONT_SIZE) {
		sm_diag(SM_MSG_font_invalid, pos, name, st.st_size > 0 ? "it is larger than 64 MB" : "it is empty");
		close(fd);
		return NULL;
	}
	size_t size = (size_t)st.st_size;
	char *buf = sm_xmalloc(size);
	int failed = sm_read_all(fd, buf, size, path, pos);
	close(fd);
	if (failed) {
		free(buf);
		return NULL;
	}
	return hb_blob_create(buf, (unsigned)size, HB_MEMORY_MODE_WRITABLE, buf, free);
}

int sm_fonts_open(struct sm_fonts *f, const struct sm_theme *t)
{
	memset(f, 0, sizeof *f);
	int failed = 0;
	for (int r = 0; r < SM_FACE_COUNT; r++) {
		const char *path = t->font_paths[r];
		f->role_face[r] = -1;
		if (!path)
			return -1;
		for (int i = 0; i < f->nfaces; i++)
			if (!strcmp(f->faces[i]->path, path))
				f->role_face[r] = i;
		if (f->role_face[r] >= 0)
			continue;
		/* Where the layout names the font; the message names the file. */
		const struct sm_pos *pos = &t->font_pos[r];
		hb_blob_t *blob = read_font(t->font_dirs[r], path, t->font_files[r], pos);
		if (!blob) {
			failed = 1;
			continue;
		}
		char why[120];
		hb_face_t *face = NULL;
		const char *problem = font_problem(&face, blob, why, sizeof why);
		if (problem) {
			sm_diag(SM_MSG_font_invalid, pos, path, problem);
			hb_blob_destroy(blob);
			failed = 1;
			continue;
		}
		struct sm_face *fc = sm_xmalloc(sizeof *fc);
		memset(fc, 0, sizeof *fc);
		fc->path = path;
		fc->role_file = t->font_files[r];
		fc->blob = blob;
		fc->face = face;
		fc->font = hb_font_create(face);
		fc->upem = hb_face_get_upem(face);
		if (!fc->upem)
			fc->upem = 1000;
		fc->used = hb_set_create();
		fc->warned = hb_set_create();
		for (int a = 0; a < 128; a++)
			for (int b = 0; b < 128; b++)
				fc->kern_ascii[a][b] = INT16_MIN;
		hb_set_add(fc->used, ' ');
		hb_font_extents_t ext;
		hb_font_get_h_extents(fc->font, &ext);
		fc->ascender = (int)((long)ext.ascender * 1000 / (long)fc->upem);
		hb_position_t cap;
		if (hb_ot_metrics_get_position(fc->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) && cap > 0)
			fc->cap_height = (int)((long)cap * 1000 / (long)fc->upem);
		else
			fc->cap_height = 700;
		f->role_face[r] = f->nfaces;
		f->faces[f->nfaces++] = fc;
	}
	return failed ? -1 : 0;
}

void sm_fonts_close(struct sm_fonts *f)
{
	for (int i = 0; i < f->nfaces; i++) {
		struct sm_face *fc = f->faces[i];
		hb_set_destroy(fc->used);
		hb_set_destroy(fc->warned);
		hb_buffer_destroy(fc->buf);
		free(fc->kern_keys);
		free(fc->kern_vals);
		hb_font_destroy(fc->font);
		hb_face_destroy(fc->face);
		hb_blob_destroy(fc->blob);
		for (int b = 0; b < 256; b++)
			free(fc->widths[b]);
		free(fc);
	}
	memset(f, 0, sizeof *f);
}

/* The code point whose glyph draws cp: a soft hyphen (U+00AD, the hyphen
 * the line breaker adds at a line end, so that extracted text gives the
 * word whole) is drawn, measured, kerned and embedded as the hyphen. */
static inline uint32_t drawn_as(uint32_t cp)
{
	return cp == 0xAD ? '-' : cp;
}

/* The cached advance of cp, or -1. */
static inline int cached(const struct sm_face *fc, uint32_t cp)
{
	const int16_t *b = cp < 65536 ? fc->widths[cp >> 8] : NULL;
	return b ? b[cp & 255] : -1;
}

static int advance(struct sm_face *fc, uint32_t cp)
{
	int c = cached(fc, cp);
	if (c >= 0)
		return c;
	hb_codepoint_t g = 0;
	if (!hb_font_get_nominal_glyph(fc->font, drawn_as(cp), &g)) {
		if (!hb_set_has(fc->warned, cp)) {
			char s[5] = { 0 };
			sm_utf8_encode(cp, s);
			sm_diag(SM_MSG_glyph_missing, NULL, s, cp, fc->role_file);
			hb_set_add(fc->warned, cp);
		}
		g = 0;
	}
	long w = (long)hb_font_get_glyph_h_advance(fc->font, g) * 1000 / (long)fc->upem;
	if (w > 32767)
		w = 32767;
	if (cp < 65536) {
		int16_t **b = &fc->widths[cp >> 8];
		if (!*b) {
			*b = sm_xmalloc(256 * sizeof **b);
			memset(*b, 0xff, 256 * sizeof **b);
		}
		(*b)[cp & 255] = (int16_t)w;
	}
	return (int)w;
}

/* Advance of cp, marking it used. */
static inline int use_advance(struct sm_face *fc, uint32_t cp)
{
	if (cp > 0xFFFF) {
		hb_set_add(fc->used, cp);
	} else if (!(fc->marked[cp >> 6] >> (cp & 63) & 1)) {
		fc->marked[cp >> 6] |= 1ull << (cp & 63);
		hb_set_add(fc->used, cp);
	}
	return advance(fc, cp);
}

int sm_font_advance(struct sm_fonts *f, int role, uint32_t cp)
{
	return use_advance(f->faces[f->role_face[role]], cp);
}

double sm_font_width(struct sm_fonts *f, int role, double size, const char *s, size_t len)
{
	struct sm_face *fc = f->faces[f->role_face[role]];
	long total = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp = sm_utf8_next(s, len, &i);
		int c = cached(fc, cp);
		if (c >= 0) {
			total += c;         /* cached means already marked used */
			continue;
		}
		hb_set_add(fc->used, cp);
		total += advance(fc, cp);
	}
	return total * size / 1000.0;
}

void sm_font_use(struct sm_fonts *f, int role, const char *s, size_t len)
{
	struct sm_face *fc = f->faces[f->role_face[role]];
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = sm_utf8_decode(s + i, len - i, &cp);
		if (!n) {
			n = 1;
		} else if (cp > 0xFFFF) {
			hb_set_add(fc->used, cp);
		} else if (!(fc->marked[cp >> 6] >> (cp & 63) & 1)) {
			fc->marked[cp >> 6] |= 1ull << (cp & 63);
			hb_set_add(fc->used, cp);
		}
		i += (size_t)n;
	}
}

int sm_font_ascender(struct sm_fonts *f, int role) { return f->faces[f->role_face[role]]->ascender; }
int sm_font_cap_height(struct sm_fonts *f, int role) { return f->faces[f->role_face[role]]->cap_height; }
const char *sm_font_path(struct sm_fonts *f, int face) { return f->faces[face]->path; }

/* Big-endian fields of a font table. */
static int16_t be16(const char *t, unsigned len, unsigned off)
{
	return off + 2 <= len ? (int16_t)((unsigned char)t[off] << 8 | (unsigned char)t[off + 1]) : 0;
}

static long em1000(const struct sm_face *fc, long v)
{
	return v * 1000 / (long)fc->upem;
}

int sm_font_embed(struct sm_fonts *f, int face, struct sm_font_embed *e)
{
	struct sm_face *fc = f->faces[face];
	memset(e, 0, sizeof *e);
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		return -1;
	hb_set_union(hb_subset_input_unicode_set(in), fc->used);
	if (hb_set_has(fc->used, 0xAD))
		hb_set_add(hb_subset_input_unicode_set(in), drawn_as(0xAD));
	/* The PDF draws through CIDToGIDMap: no table for shaping, kerning
	 * or device metrics is read. */
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	const hb_tag_t tags[] = { HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'D', 'E', 'F'),
				  HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('h', 'd', 'm', 'x'),
				  HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('g', 'a', 's', 'p') };
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		hb_set_add(drop, tags[i]);
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(fc->face, in);
	hb_subset_input_destroy(in);
	if (!plan)
		return -1;
	hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
	if (sub) {
		hb_blob_t *blob = hb_face_reference_blob(sub);
		unsigned n;
		const char *data = hb_blob_get_data(blob, &n);
		if (data && n) {
			e->file = sm_xmalloc(n);
			memcpy(e->file, data, n);
			e->len = n;
		}
		hb_blob_destroy(blob);
		hb_face_destroy(sub);
	}
	/* Every drawn BMP code point: its glyph in the subset and its width,
	 * the same truncated 1/1000 em the layout measured with. */
	const hb_map_t *old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
	size_t max = hb_set_get_population(fc->used);
	e->cps = sm_xmalloc((max + 1) * sizeof *e->cps);
	e->gids = sm_xmalloc((max + 1) * sizeof *e->gids);
	e->widths = sm_xmalloc((max + 1) * sizeof *e->widths);
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	while (hb_set_next(fc->used, &cp) && cp <= 0xFFFF) {
		hb_codepoint_t g = 0;
		hb_font_get_nominal_glyph(fc->font, drawn_as(cp), &g);
		hb_codepoint_t ng = hb_map_get(old_to_new, g);
		e->cps[e->n] = cp;
		e->gids[e->n] = ng == HB_MAP_VALUE_INVALID ? 0 : (uint16_t)ng;
		e->widths[e->n] = (int16_t)advance(fc, cp);
		e->n++;
	}
	hb_subset_plan_destroy(plan);
	if (!e->file) {
		sm_font_embed_free(e);
		return -1;
	}
	/* The font descriptor. */
	unsigned len = sizeof e->ps_name;
	if (!hb_ot_name_get_utf8(fc->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, e->ps_name) ||
	    !e->ps_name[0])
		snprintf(e->ps_name, sizeof e->ps_name, "Font%d", face + 1);
	for (char *c = e->ps_name; *c; c++)     /* a PDF name: no spaces or delimiters */
		if (*c <= ' ' || *c > '~' || strchr("()<>[]{}/%#", *c))
			*c = '-';
	hb_blob_t *head = hb_face_reference_table(fc->face, HB_TAG('h', 'e', 'a', 'd'));
	unsigned hl;
	const char *h = hb_blob_get_data(head, &hl);
	for (int i = 0; i < 4; i++)
		e->bbox[i] = (int)em1000(fc, be16(h, hl, 36 + 2 * (unsigned)i));
	int mac_style = be16(h, hl, 44);
	hb_blob_destroy(head);
	hb_font_extents_t ext;
	hb_font_get_h_extents(fc->font, &ext);
	e->ascent = (int)em1000(fc, ext.ascender);
	e->descent = (int)em1000(fc, ext.descender);
	e->cap_height = fc->cap_height;
	e->italic_angle = hb_style_get_value(fc->font, HB_STYLE_TAG_SLANT_ANGLE);
	/* No font says its stem width; this estimate from the weight is the
	 * one PDF writers commonly use. */
	double weight = hb_style_get_value(fc->font, HB_STYLE_TAG_WEIGHT);
	e->stem_v = (int)(50 + weight * weight / 4225);
	e->flags = 32;                      /* nonsymbolic: Latin text */
	if (e->italic_angle != 0 || (mac_style & 2))
		e->flags |= 64;             /* italic */
	hb_blob_t *post = hb_face_reference_table(fc->face, HB_TAG('p', 'o', 's', 't'));
	unsigned pl;
	const char *pt = hb_blob_get_data(post, &pl);
	if (pl >= 16 && (be16(pt, pl, 12) || be16(pt, pl, 14)))
		e->flags |= 1;              /* fixed pitch */
	hb_blob_destroy(post);
	return 0;
}

void sm_font_embed_free(struct sm_font_embed *e)
{
	free(e->file);
	free(e->cps);
	free(e->gids);
	free(e->widths);
	memset(e, 0, sizeof *e);
}

/* Kerning of the pair (a, b) in 1/1000 em: the shaped width of "ab"
 * (kerning on, ligatures off: the PDF draws by code point) minus the two
 * advances. Cached per face. */
static int shape_pair(struct sm_face *fc, uint32_t a, uint32_t b)
{
	if (!fc->buf)
		fc->buf = hb_buffer_create();
	hb_buffer_clear_contents(fc->buf);
	uint32_t pair[2] = { a, b };
	hb_buffer_add_utf32(fc->buf, pair, 2, 0, 2);
	hb_buffer_guess_segment_properties(fc->buf);
	static hb_feature_t features[4];
	static int parsed;
	if (!parsed) {
		hb_feature_from_string("-liga", -1, &features[0]);
		hb_feature_from_string("-clig", -1, &features[1]);
		hb_feature_from_string("-dlig", -1, &features[2]);
		hb_feature_from_string("kern", -1, &features[3]);
		parsed = 1;
	}
	hb_shape(fc->font, fc->buf, features, 4);
	unsigned n;
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(fc->buf, &n);
	if (n != 2)
		return 0;
	long shaped = pos[0].x_advance;
	hb_codepoint_t g;
	long plain = hb_font_get_nominal_glyph(fc->font, a, &g) ? hb_font_get_glyph_h_advance(fc->font, g) : shaped;
	long k = (shaped - plain) * 1000;
	return (int)(k >= 0 ? (k + (long)fc->upem / 2) / (long)fc->upem : -((-k + (long)fc->upem / 2) / (long)fc->upem));
}

static int face_kern(struct sm_face *fc, uint32_t a, uint32_t b)
{
	if (a < 128 && b < 128) {
		int16_t *k = &fc->kern_ascii[a][b];
		if (*k == INT16_MIN)
			*k = (int16_t)(a == ' ' || b == ' ' ? 0 : shape_pair(fc, a, b));
		return *k;
	}
	if (a > 0xFFFF || b > 0xFFFF || a == ' ' || b == ' ')
		return 0;
	uint32_t key = a << 16 | b;
	if (fc->kern_n * 2 >= fc->kern_cap) {
		unsigned cap = fc->kern_cap ? fc->kern_cap * 2 : 1024;
		uint32_t *keys = sm_xcalloc(cap, sizeof *keys);
		int16_t *vals = sm_xcalloc(cap, sizeof *vals);
		for (unsigned i = 0; i < fc->kern_cap; i++)
			if (fc->kern_keys[i]) {
				unsigned h = (fc->kern_keys[i] * 2654435761u) & (cap - 1);
				while (keys[h])
					h = (h + 1) & (cap - 1);
				keys[h] = fc->kern_keys[i];
				vals[h] = fc->kern_vals[i];
			}
		free(fc->kern_keys);
		free(fc->kern_vals);
		fc->kern_keys = keys;
		fc->kern_vals = vals;
		fc->kern_cap = cap;
	}
	unsigned h = (key * 2654435761u) & (fc->kern_cap - 1);
	while (fc->kern_keys[h]) {
		if (fc->kern_keys[h] == key)
			return fc->kern_vals[h];
		h = (h + 1) & (fc->kern_cap - 1);
	}
	int k = shape_pair(fc, a, b);
	fc->kern_keys[h] = key;
	fc->kern_vals[h] = (int16_t)k;
	fc->kern_n++;
	return k;
}

int sm_font_kern(struct sm_fonts *f, int role, uint32_t a, uint32_t b)
{
	return face_kern(f->faces[f->role_face[role]], drawn_as(a), drawn_as(b));
}

long sm_font_measure(struct sm_fonts *f, int role, const char *s, size_t len)
{
	struct sm_face *fc = f->faces[f->role_face[role]];
	long units = 0;
	uint32_t prev = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp = sm_utf8_next(s, len, &i);
		units += use_advance(fc, cp);
		if (prev)
			units += face_kern(fc, drawn_as(prev), drawn_as(cp));
		prev = cp;
	}
	return units;
}
