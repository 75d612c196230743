/* sysfont.c: the fonts installed on the system, through fontconfig (the
 * only file that uses it).
 *
 * The configuration is built here from the system's font folders alone
 * (/usr/share/fonts, /usr/local/share/fonts) and fontconfig's caches (the
 * system's; the user's cache folder only where a stale cache has to be
 * written again: a cache saves scanning a folder and is checked against
 * it). No fonts.conf is read, so neither the user's configuration
 * (~/.config/fontconfig, ~/.fonts, FONTCONFIG_FILE) nor any alias or
 * substitution rule can change which file a layout gets. A family is matched exactly, never replaced by
 * another; within it, fontconfig's own style matching picks the face for
 * the weight and slant of a role. Only TrueType outlines are offered, as
 * the PDF library embeds nothing else. */
#include "sysfont.h"
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char config_xml[] =
	"<?xml version=\"1.0\"?>\n"
	"<fontconfig>\n"
	"  <dir>/usr/share/fonts</dir>\n"
	"  <dir>/usr/local/share/fonts</dir>\n"
	"  <cachedir>/var/cache/fontconfig</cachedir>\n"
	"  <cachedir prefix=\"xdg\">fontconfig</cachedir>\n"
	"</fontconfig>\n";

static FcConfig *config;

static FcConfig *system_config(void)
{
	if (config)
		return config;
	config = FcConfigCreate();
	if (!config)
		sm_oom();
	/* A folder that is missing just holds no fonts. */
	if (!FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)config_xml, FcFalse) ||
	    !FcConfigBuildFonts(config)) {
		FcConfigDestroy(config);
		config = FcConfigCreate();
		if (!config)
			sm_oom();
	}
	return config;
}

void sm_sysfont_close(void)
{
	if (!config)
		return;
	FcConfigDestroy(config);
	config = NULL;
	FcFini();
}

/* Every installed face with the properties of pattern p (NULL: all), with
 * the objects named. */
static FcFontSet *list(FcPattern *p, const char *first, ...)
{
	FcPattern *all = NULL;
	if (!p && !(p = all = FcPatternCreate()))
		sm_oom();
	FcObjectSet *os = FcObjectSetBuild(first, FC_FILE, FC_INDEX, FC_FONTFORMAT, FC_FAMILY, FC_STYLE,
					   FC_WEIGHT, FC_SLANT, FC_WIDTH, (char *)NULL);
	if (!os)
		sm_oom();
	FcFontSet *fs = FcFontList(system_config(), p, os);
	FcObjectSetDestroy(os);
	if (all)
		FcPatternDestroy(all);
	if (!fs)
		sm_oom();
	return fs;
}

static const char *str(FcPattern *p, const char *object, int n)
{
	FcChar8 *s;
	return FcPatternGetString(p, object, n, &s) == FcResultMatch ? (const char *)s : NULL;
}

/* A face the engine can embed: TrueType outlines, the file's first face. */
static int truetype(FcPattern *p)
{
	const char *fmt = str(p, FC_FONTFORMAT, 0), *file = str(p, FC_FILE, 0);
	int index = 0;
	FcPatternGetInteger(p, FC_INDEX, 0, &index);
	return fmt && !strcmp(fmt, "TrueType") && file && !index;
}

static int cmp_file(const void *x, const void *y)
{
	return strcmp(str(*(FcPattern *const *)x, FC_FILE, 0), str(*(FcPattern *const *)y, FC_FILE, 0));
}

const char *sm_sysfont_file(struct sm_arena *a, const char *name)
{
	FcFontSet *fs = list(NULL, FC_FILE, (char *)NULL);
	const char *best = NULL;
	size_t l = strlen(name);
	for (int i = 0; i < fs->nfont; i++) {
		const char *f = str(fs->fonts[i], FC_FILE, 0);
		if (!f || l < 4 || strcasecmp(name + l - 4, ".ttf"))
			continue;
		const char *base = strrchr(f, '/');
		base = base ? base + 1 : f;
		if (!strcmp(base, name) && sm_file_exists(f) && (!best || strcmp(f, best) < 0))
			best = f;
	}
	const char *found = best ? sm_arena_strdup(a, best) : NULL;
	FcFontSetDestroy(fs);
	return found;
}

/* The installed families, sorted, each once. */
static int families(struct sm_arena *a, const char ***out)
{
	FcFontSet *fs = list(NULL, FC_FAMILY, (char *)NULL);
	const char **v = NULL;
	int n = 0, cap = 0;
	for (int i = 0; i < fs->nfont; i++)
		for (int k = 0; str(fs->fonts[i], FC_FAMILY, k); k++)
			SM_PUSH(a, v, n, cap, sm_arena_strdup(a, str(fs->fonts[i], FC_FAMILY, k)));
	FcFontSetDestroy(fs);
	if (n)
		qsort(v, (size_t)n, sizeof *v, sm_cmp_str);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (!m || strcmp(v[m - 1], v[i]))
			v[m++] = v[i];
	*out = v;
	return m;
}

const char *sm_sysfont_family(struct sm_arena *a, const char *family, int bold, int italic,
			      const struct sm_pos *pos)
{
	FcPattern *want = FcPatternCreate();
	if (!want || !FcPatternAddString(want, FC_FAMILY, (const FcChar8 *)family))
		sm_oom();
	/* The faces of exactly this family (fontconfig compares family names
	 * without regard to case and spaces), TrueType only, in path order so
	 * that a tie goes the same way on every machine. */
	FcFontSet *fs = list(want, FC_FAMILY, (char *)NULL);
	FcFontSet *tt = FcFontSetCreate();
	if (!tt)
		sm_oom();
	for (int i = 0; i < fs->nfont; i++)
		if (truetype(fs->fonts[i])) {
			FcPatternReference(fs->fonts[i]);
			if (!FcFontSetAdd(tt, fs->fonts[i]))
				sm_oom();
		}
	if (tt->nfont)
		qsort(tt->fonts, (size_t)tt->nfont, sizeof *tt->fonts, cmp_file);
	const char *found = NULL;
	if (!fs->nfont) {
		const char **names;
		int n = families(a, &names);
		sm_diag(SM_MSG_font_family_unknown, pos, family, sm_did_you_mean(family, names, n));
	} else if (!tt->nfont) {
		sm_diag(SM_MSG_font_family_style, pos, family, "TrueType (.ttf)");
	} else {
		/* fontconfig's style matching, among this family's faces only. */
		if (!FcPatternAddInteger(want, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR) ||
		    !FcPatternAddInteger(want, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN))
			sm_oom();
		FcDefaultSubstitute(want);
		FcResult r;
		FcPattern *m = FcFontSetMatch(system_config(), &tt, 1, want, &r);
		int slant = FC_SLANT_ROMAN;
		if (m)
			FcPatternGetInteger(m, FC_SLANT, 0, &slant);
		if (!m || !str(m, FC_FILE, 0))
			sm_diag(SM_MSG_font_family_style, pos, family, "TrueType (.ttf)");
		else if (italic && slant == FC_SLANT_ROMAN)
			sm_diag(SM_MSG_font_family_style, pos, family, "italic TrueType (.ttf)");
		else
			found = sm_arena_strdup(a, str(m, FC_FILE, 0));
		if (m)
			FcPatternDestroy(m);
	}
	FcFontSetDestroy(tt);
	FcFontSetDestroy(fs);
	FcPatternDestroy(want);
	return found;
}
