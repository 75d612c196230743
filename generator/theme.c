/* theme.c: layout files → struct sm_theme. A layout names only what it
 * changes; everything else is the built-in look of `standaard`. */
#include "model.h"
#include "theme.h"
#include "schema.h"
#include "image.h"
#include "sysfont.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MM (72.0 / 25.4)

static const char *const label_defaults[] = {
#define SM_X(id, key, text) text,
	SM_LABELS(SM_X)
#undef SM_X
};

static struct sm_color hex(const char *s)
{
	unsigned v = (unsigned)strtoul(s + 1, NULL, 16);
	return (struct sm_color){ (v >> 16 & 255) / 255.0, (v >> 8 & 255) / 255.0, (v & 255) / 255.0 };
}

static void defaults(struct sm_theme *t)
{
	memset(t, 0, sizeof *t);
	t->page_w = 210 * MM;
	t->page_h = 297 * MM;
	t->m_top = 22 * MM;
	t->m_bottom = 24 * MM;
	t->m_inner = 24 * MM;
	t->m_outer = 18 * MM;
	t->font_files[SM_FACE_REGULAR] = "OpenSans-Regular.ttf";
	t->font_files[SM_FACE_BOLD] = "OpenSans-Bold.ttf";
	t->font_files[SM_FACE_ITALIC] = "OpenSans-Italic.ttf";
	t->font_files[SM_FACE_BOLD_ITALIC] = "OpenSans-BoldItalic.ttf";
	t->font_files[SM_FACE_HEADING] = "OpenSans-Bold.ttf";
	t->body = 9.5;
	t->leading = 14;
	t->h1 = 26;
	t->h2 = 15;
	t->h3 = 11;
	t->small = 7.5;
	t->primary = hex("#00664f");
	t->accent = hex("#f29100");
	t->text = hex("#1d1d1b");
	t->muted = hex("#6f6f6e");
	t->light = hex("#e9f1ee");
	t->rule = hex("#c8d3cf");
	t->status[SM_STATUS_ON_TRACK] = hex("#3a8d3f");
	t->status[SM_STATUS_ATTENTION] = hex("#f0a30a");
	t->status[SM_STATUS_OFF_TRACK] = hex("#c8102e");
	t->status[SM_STATUS_CHANGED] = hex("#1f6fb2");
	t->status[SM_STATUS_NO_JUDGEMENT] = hex("#8a8a8a");
	t->status[SM_STATUS_AUTO] = hex("#8a8a8a");
	/* Colour-blind safe: Okabe–Ito hues, darkened for print. */
	static const char *const chart[] = { "#00664f", "#e69f00", "#0072b2", "#cc79a7", "#56b4e9", "#6f6f6e" };
	for (int i = 0; i < 6; i++)
		t->chart[i] = hex(chart[i]);
	t->nchart = 6;
	t->cover = SM_COVER_BAND;
	t->start_right = 1;
	t->numbered = 1;
	t->header = "{chapter}";
	t->footer = "{title} {edition} · {page}";
	t->justify = 1;
	t->hyphenate = 1;
	t->header_fill = t->primary;
	t->zebra = 1;
	for (int i = 0; i < SM_LABEL_COUNT; i++)
		t->labels[i] = label_defaults[i];
	t->status_words[SM_STATUS_AUTO] = "Automatisch";
	t->status_words[SM_STATUS_ON_TRACK] = "Op koers";
	t->status_words[SM_STATUS_ATTENTION] = "Aandacht nodig";
	t->status_words[SM_STATUS_OFF_TRACK] = "Niet op koers";
	t->status_words[SM_STATUS_CHANGED] = "Gewijzigd";
	t->status_words[SM_STATUS_NO_JUDGEMENT] = "Geen oordeel";
}

/* ------------------------------------------------------------ paths */

const char *sm_engine_dir(void)
{
	static char dir[PATH_MAX + 64];
	if (dir[0])
		return dir;
	char exe[PATH_MAX - 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0) {
		strcpy(dir, ".");
		return dir;
	}
	exe[n] = 0;
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = 0;                     /* .../build or PREFIX/bin */
	char probe[PATH_MAX + 160];
	snprintf(probe, sizeof probe, "%s/../share/sociale-monitor/layouts", exe);
	struct stat st;
	if (!stat(probe, &st) && S_ISDIR(st.st_mode)) {
		snprintf(dir, sizeof dir, "%s/../share/sociale-monitor", exe);
	} else {
		/* In the repository: the folder above the executable's that holds
		 * layouts/ (build/ or build/asan/). */
		snprintf(dir, sizeof dir, "%s", exe);
		for (int up = 0; up < 3; up++) {
			slash = strrchr(dir, '/');
			if (!slash)
				break;
			*slash = 0;
			snprintf(probe, sizeof probe, "%s/layouts/standaard.yaml", dir[0] ? dir : "");
			if (sm_file_exists(probe))
				break;
		}
	}
	char real[PATH_MAX];
	if (realpath(dir, real))
		snprintf(dir, sizeof dir, "%s", real);
	return dir;
}

/* The folders a layout's files are looked up in. */
struct where {
	const struct sm_dir *project;   /* NULL: no project */
	const struct sm_dir *beside;    /* the layout file's folder: its images */
	const struct sm_dir *fonts;     /* the folder whose fonts/ goes with a layout given as a file */
	struct sm_image_set *images;    /* the project's decoded images, each once (image.h) */
};

/* Whether a layout names a font by its file (OpenSans-Bold.ttf) rather
 * than by its family (Open Sans). */
static int font_file_name(const char *name)
{
	static const char *const ext[] = { ".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2", ".pfb", ".pfa" };
	const char *dot = strrchr(name, '.');
	if (strchr(name, '/'))
		return 1;
	for (size_t i = 0; dot && i < sizeof ext / sizeof *ext; i++)
		if (!strcasecmp(dot, ext[i]))
			return 1;
	return 0;
}

/* The font of face role that a layout names, reported at pos when it
 * cannot be found. A file is looked up in fonts/ of the project, or of a
 * layout given as a file (a file there that leads out of its folder is
 * passed over); else in the engine's fonts/, else among the system's
 * fonts. A family is one of the system's (sysfont.c), its face picked by
 * the role's weight and slant. *in is the folder the file is read below,
 * NULL for the engine's and the system's files. */
static const char *find_font(struct sm_arena *a, const struct where *w, const char *name, int role,
			     const struct sm_pos *pos, const struct sm_dir **in)
{
	*in = NULL;
	if (!font_file_name(name)) {
		int bold = role == SM_FACE_BOLD || role == SM_FACE_BOLD_ITALIC || role == SM_FACE_HEADING;
		int italic = role == SM_FACE_ITALIC || role == SM_FACE_BOLD_ITALIC;
		return sm_sysfont_family(a, name, bold, italic, pos);
	}
	const char *found = NULL;
	if (!strchr(name, '/')) {
		const char *rel = sm_arena_printf(a, "fonts/%s", name);
		const struct sm_dir *dirs[] = { w->project, w->fonts };
		for (int i = 0; i < 2; i++)
			if (dirs[i] && !sm_file_below(dirs[i], rel)) {
				*in = dirs[i];
				return sm_dir_file(a, dirs[i], rel);
			}
		const char *p = sm_arena_printf(a, "%s/%s", sm_engine_dir(), rel);
		found = sm_file_exists(p) ? p : sm_sysfont_file(a, name);
	}
	/* After a system error (too many open files, no memory) the lookup
	 * is no answer: that error alone is reported. */
	if (!found && !sm_diag_system_errors())
		sm_diag(SM_MSG_font_missing, pos, name);
	return found;
}

/* ------------------------------------------------------------- keys */

/* What a layout may say, as schema.c is for content: each key with the
 * kind of value it takes, its range or choices, and where it goes in
 * struct sm_theme. The keys are applied in the order of these tables. */
enum kind {
	K_GROUP,        /* a mapping of more keys */
	K_SIZE,         /* a length with its unit, lo..hi pt: double */
	K_COLOR,        /* #rrggbb or the name of a base colour: struct sm_color */
	K_FLAG,         /* true or false: int */
	K_WORD,         /* one of words: its index, int */
	K_NAME,         /* a short text: const char * */
	K_TEMPLATE,     /* a header or footer with {placeholders}: const char * */
	K_PAGE_SIZE,    /* A4, ...: page_w and page_h */
	K_ORIENTATION,  /* portrait or landscape: swaps page_w and page_h */
	K_FONT,         /* a font of face i */
	K_IMAGE,        /* a logo (i 0) or photo (i 1) */
	K_PALETTE,      /* the chart colours */
	K_PER_STATUS,   /* a mapping by status name of values of kind each, at[status] */
};

struct key {
	const char *name;
	enum kind kind;
	size_t at;                      /* offsetof(struct sm_theme, ...) */
	const char *what;               /* the value (or group) in messages */
	double lo, hi;                  /* K_SIZE */
	const char *const *words;       /* K_WORD */
	const struct key *keys;         /* K_GROUP, ending in { NULL } */
	int i;                          /* K_FONT: face; K_IMAGE: 0 logo, 1 photo */
	enum kind each;                 /* K_PER_STATUS: K_COLOR or K_NAME */
	void (*after)(const struct sm_node *v, struct sm_theme *t);   /* K_GROUP: once its keys are applied */
};

#define AT(field) offsetof(struct sm_theme, field)
#define SIZE(n, f, l, h, w) { .name = n, .kind = K_SIZE, .at = AT(f), .lo = l, .hi = h, .what = w }
#define COLOR(n, f) { .name = n, .kind = K_COLOR, .at = AT(f) }
#define FLAG(n, f) { .name = n, .kind = K_FLAG, .at = AT(f), .what = "value for " n }
#define WORD(n, f, w, ...) { .name = n, .kind = K_WORD, .at = AT(f), .what = w, \
			     .words = (const char *const[]){ __VA_ARGS__, NULL } }
#define GROUP(n, k, ...) { .name = n, .kind = K_GROUP, .keys = k, __VA_ARGS__ }

static const struct key margin_keys[] = {
	SIZE("top", m_top, 0, 300, "the top margin"),
	SIZE("bottom", m_bottom, 0, 300, "the bottom margin"),
	SIZE("inner", m_inner, 0, 300, "the inner margin"),
	SIZE("outer", m_outer, 0, 300, "the outer margin"),
	{ NULL }
};

static const struct key page_keys[] = {
	{ .name = "size", .kind = K_PAGE_SIZE, .what = "page size",
	  .words = (const char *const[]){ "A4", "A5", "A3", "letter", NULL } },
	{ .name = "orientation", .kind = K_ORIENTATION, .what = "orientation",
	  .words = (const char *const[]){ "portrait", "landscape", NULL } },
	GROUP("margins", margin_keys),
	{ NULL }
};
/* The sizes of page_keys' words, mm. */
static const double page_dims[][2] = { { 210, 297 }, { 148, 210 }, { 297, 420 }, { 215.9, 279.4 } };

static const struct key font_keys[] = {
	{ .name = "regular", .kind = K_FONT, .i = SM_FACE_REGULAR },
	{ .name = "bold", .kind = K_FONT, .i = SM_FACE_BOLD },
	{ .name = "italic", .kind = K_FONT, .i = SM_FACE_ITALIC },
	{ .name = "bold-italic", .kind = K_FONT, .i = SM_FACE_BOLD_ITALIC },
	{ .name = "heading", .kind = K_FONT, .i = SM_FACE_HEADING },
	{ NULL }
};

static const struct key size_keys[] = {
	SIZE("body", body, 5, 30, "the body size"),
	SIZE("leading", leading, 5, 50, "the leading"),
	SIZE("h1", h1, 8, 80, "h1"),
	SIZE("h2", h2, 6, 50, "h2"),
	SIZE("h3", h3, 5, 40, "h3"),
	SIZE("small", small, 4, 20, "the small size"),
	{ NULL }
};

/* The base colours come first: the K_COLOR keys of this table are the
 * names any colour value may use, so they are applied before the others. */
static const struct key color_keys[] = {
	COLOR("primary", primary),
	COLOR("accent", accent),
	COLOR("text", text),
	COLOR("muted", muted),
	COLOR("light", light),
	COLOR("rule", rule),
	{ .name = "status", .kind = K_PER_STATUS, .at = AT(status), .each = K_COLOR, .what = "'status' colours" },
	{ .name = "chart", .kind = K_PALETTE },
	{ NULL }
};
enum { NBASE_COLORS = 6 };

/* A table's header fill is the primary colour unless tables: says otherwise. */
static void colors_after(const struct sm_node *v, struct sm_theme *t)
{
	(void)v;
	t->header_fill = t->primary;
}

static void cover_after(const struct sm_node *v, struct sm_theme *t)
{
	if (t->cover == SM_COVER_PHOTO && !t->photo && !sm_schema_get(v, "photo"))
		sm_diag(SM_MSG_missing_key, &v->pos, "a photo cover", "photo", " (an image file, PNG or JPEG)");
}

static const struct key cover_keys[] = {
	WORD("style", cover, "cover style", "band", "photo", "plain"),
	{ .name = "logo", .kind = K_IMAGE, .at = AT(logo), .i = 0 },
	{ .name = "photo", .kind = K_IMAGE, .at = AT(photo), .i = 1 },
	{ NULL }
};

static const struct key chapter_keys[] = {
	WORD("start", start_right, "chapter start", "new", "right"),
	FLAG("numbered", numbered),
	{ NULL }
};

static const struct key chart_keys[] = { FLAG("patterns", patterns), { NULL } };
static const struct key quote_keys[] = { WORD("style", quote_bar, "quote style", "mark", "bar"), { NULL } };

static const struct key text_keys[] = {
	SIZE("measure", measure, 200, 1000, "the measure"),
	WORD("align", justify, "text alignment", "left", "justify"),
	WORD("hyphenate", hyphenate, "hyphenation", "none", "nl"),
	{ NULL }
};

static const struct key table_keys[] = {
	COLOR("header-fill", header_fill),
	FLAG("zebra", zebra),
	{ NULL }
};

static const struct key label_keys[] = {
#define SM_X(id, key, text) { .name = key, .kind = K_NAME, .at = AT(labels[SM_LABEL_##id]) },
	SM_LABELS(SM_X)
#undef SM_X
	{ .name = "status-words", .kind = K_PER_STATUS, .at = AT(status_words), .each = K_NAME, .what = "'status-words'" },
	{ NULL }
};

static const struct key layout_keys[] = {
	GROUP("page", page_keys),
	GROUP("fonts", font_keys),
	GROUP("sizes", size_keys),
	GROUP("colors", color_keys, .after = colors_after),
	GROUP("cover", cover_keys, .after = cover_after),
	GROUP("chapters", chapter_keys),
	{ .name = "header", .kind = K_TEMPLATE, .at = AT(header) },
	{ .name = "footer", .kind = K_TEMPLATE, .at = AT(footer) },
	GROUP("charts", chart_keys),
	GROUP("quotes", quote_keys),
	GROUP("text", text_keys),
	GROUP("tables", table_keys),
	GROUP("labels", label_keys),
	{ NULL }
};

/* ----------------------------------------------------------- values */

static int color(const struct sm_node *v, const struct sm_theme *t, struct sm_color *out)
{
	static const char *names[NBASE_COLORS];
	for (int i = 0; i < NBASE_COLORS; i++)
		names[i] = color_keys[i].name;
	if (!v)
		return -1;
	if (v->kind == SM_NODE_SCALAR) {
		const char *s = v->str;
		if (s[0] == '#' && strlen(s) == 7 && strspn(s + 1, "0123456789abcdefABCDEF") == 6) {
			*out = hex(s);
			return 0;
		}
		for (int i = 0; i < NBASE_COLORS; i++)
			if (!strcmp(s, names[i])) {
				*out = *(const struct sm_color *)((const char *)t + color_keys[i].at);
				return 0;
			}
	}
	const char *s = v->kind == SM_NODE_SCALAR ? v->str : "(a list or mapping)";
	sm_diag(SM_MSG_bad_color, &v->pos, s, v->kind == SM_NODE_SCALAR ? sm_did_you_mean(s, names, NBASE_COLORS) : "");
	return -1;
}

/* A length with its unit, in points. */
static int size(const struct sm_node *v, double lo, double hi, const char *what, double *out)
{
	if (!v)
		return -1;
	static const struct { const char *unit; double pt; } units[] = {
		{ "pt", 1 }, { "mm", MM }, { "cm", 10 * MM }, { "in", 72 },
	};
	if (v->kind == SM_NODE_SCALAR) {
		const char *s = v->str;
		double x = 0, scale = 1;
		int digits = 0;
		while (*s >= '0' && *s <= '9') { x = x * 10 + (*s++ - '0'); digits++; }
		if (*s == '.') {
			s++;
			while (*s >= '0' && *s <= '9') { scale /= 10; x += (*s++ - '0') * scale; digits++; }
		}
		while (*s == ' ')
			s++;
		for (size_t i = 0; digits && digits < 10 && i < sizeof units / sizeof *units; i++)
			if (!strcmp(s, units[i].unit)) {
				x *= units[i].pt;
				if (x < lo || x > hi) {
					char range[80];
					snprintf(range, sizeof range, "write a value from %.0fpt to %.0fpt", lo, hi);
					sm_diag(SM_MSG_size_range, &v->pos, v->str, what, range);
					return -1;
				}
				*out = x;
				return 0;
			}
	}
	sm_diag(SM_MSG_bad_size, &v->pos, v->kind == SM_NODE_SCALAR ? v->str : "(a list or mapping)");
	return -1;
}

static int flag(const struct sm_node *v, const char *what, int *out)
{
	static const char *const yesno[] = { "false", "true", NULL };
	if (!v)
		return -1;
	int i = sm_schema_enum(v, what, yesno);
	if (i >= 0)
		*out = i;
	return i;
}

static const char *template(struct sm_arena *a, const struct sm_node *v, const char *key)
{
	static const char *const ph[] = { "title", "subtitle", "municipality", "edition", "cycle", "chapter", "page", NULL };
	if (!v)
		return NULL;
	if (v->kind != SM_NODE_SCALAR) {
		sm_diag(SM_MSG_wrong_type, &v->pos, key, "text", "such as \"{chapter}\"");
		return NULL;
	}
	if (sm_utf8_limit(v->str, SM_MAX_NAME, key, &v->pos))
		return NULL;      /* it is repeated on every page */
	for (const char *p = strchr(v->str, '{'); p; p = strchr(p + 1, '{')) {
		const char *e = strchr(p, '}');
		char name[40] = "";
		size_t n = e ? (size_t)(e - p - 1) : 0;
		if (e && n < sizeof name) {
			memcpy(name, p + 1, n);
			name[n] = 0;
		}
		int ok = 0;
		for (int i = 0; ph[i] && !ok; i++)
			ok = !strcmp(name, ph[i]);
		if (!ok) {
			struct sm_pos pos = v->pos;
			sm_diag(SM_MSG_bad_template, &pos, e ? name : p + 1, sm_did_you_mean(name, ph, 7));
			return NULL;
		}
	}
	return sm_smart_text(a, v->str);
}

/* A logo or cover photo: looked up in the project, then beside the layout;
 * it stays inside the folder it is found in. */
static void image(struct sm_arena *a, const struct sm_node *x, const char *key, int photo, const char **out,
		  struct sm_theme *t, const struct where *w)
{
	const char *f = sm_schema_str(a, x, key);
	if (!f)
		return;
	const char *p = NULL;
	const struct sm_dir *dirs[] = { w->project, w->beside }, *in = NULL;
	if (f[0] == '/') {
		sm_diag(SM_MSG_path_absolute, &x->pos, f);
		return;
	}
	int err = ENOENT;
	for (int k = 0; k < 2 && !p && (err == ENOENT || err == ENOTDIR); k++) {
		if (!dirs[k])
			continue;
		if (!sm_file_below(dirs[k], f)) {
			in = dirs[k];
			p = sm_dir_file(a, in, f);
		} else if ((err = errno) == EXDEV && k == 1) {
			sm_diag(SM_MSG_layout_outside, &x->pos, f, dirs[k]->path);
			err = 0;
		} else if (err == EXDEV && dirs[1] && dirs[1] != dirs[0]) {
			/* Not in the project: it may still be beside the layout,
			 * and if it leaves that folder too, that is the folder to
			 * name. */
			err = ENOENT;
		} else if (err != ENOENT && err != ENOTDIR) {
			sm_open_failed(err, &x->pos, f, sm_dir_file(a, dirs[k], f));
		}
	}
	if (!p && (err == ENOENT || err == ENOTDIR))
		sm_diag(SM_MSG_file_missing, &x->pos, f);
	*out = p;
	if (p) {
		struct sm_image *im = sm_image_load(a, w->images, in, p, &x->pos);
		if (photo)
			t->photo_image = im;
		else
			t->logo_image = im;
	}
}

static void chart_palette(struct sm_arena *a, const struct sm_node *x, struct sm_theme *t)
{
	if (!sm_schema_is_seq(x, "chart", "write a list of colours"))
		return;
	if (x->n < 2 || x->n > SM_MAX_CHART_COLORS) {
		sm_diag(SM_MSG_size_range, &x->pos, sm_arena_printf(a, "%d colours", x->n),
			"the chart palette", "give 2 to 12 colours");
		return;
	}
	t->nchart = 0;
	for (int i = 0; i < x->n; i++)
		if (!color(x->items[i], t, &t->chart[t->nchart]))
			t->nchart++;
}

/* ------------------------------------------------------------ apply */

static void apply_keys(struct sm_arena *a, const struct sm_node *m, const char *what, const struct key *keys,
		       struct sm_theme *t, const struct where *w);

/* Key k, present in the layout as value x. */
static void apply_key(struct sm_arena *a, const struct key *k, const struct sm_node *x, struct sm_theme *t,
		      const struct where *w)
{
	void *at = (char *)t + k->at;
	int i;
	switch (k->kind) {
	case K_GROUP:
		apply_keys(a, x, sm_arena_printf(a, "'%s'", k->name), k->keys, t, w);
		if (k->after && x->kind == SM_NODE_MAP)
			k->after(x, t);
		break;
	case K_SIZE:
		size(x, k->lo, k->hi, k->what, at);
		break;
	case K_COLOR:
		color(x, t, at);
		break;
	case K_FLAG:
		flag(x, k->what, at);
		break;
	case K_WORD:
		if ((i = sm_schema_enum(x, k->what, k->words)) >= 0)
			*(int *)at = i;
		break;
	case K_NAME:
		*(const char **)at = sm_schema_name(a, x, k->name) ?: *(const char **)at;
		break;
	case K_TEMPLATE:
		*(const char **)at = template(a, x, k->name) ?: *(const char **)at;
		break;
	case K_PAGE_SIZE:
		if ((i = sm_schema_enum(x, k->what, k->words)) >= 0) {
			t->page_w = page_dims[i][0] * MM;
			t->page_h = page_dims[i][1] * MM;
		}
		break;
	case K_ORIENTATION:
		/* Anything but landscape is portrait; the size is turned to match. */
		if ((sm_schema_enum(x, k->what, k->words) == 1) != (t->page_w > t->page_h)) {
			double pw = t->page_w;
			t->page_w = t->page_h;
			t->page_h = pw;
		}
		break;
	case K_FONT: {
		const char *f = sm_schema_str(a, x, k->name);
		if (!f)
			break;
		const char *p = find_font(a, w, f, k->i, &x->pos, &t->font_dirs[k->i]);
		t->font_files[k->i] = f;
		t->font_paths[k->i] = p;
		t->font_pos[k->i] = x->pos;
		break;
	}
	case K_IMAGE:
		image(a, x, k->name, k->i, at, t, w);
		break;
	case K_PALETTE:
		chart_palette(a, x, t);
		break;
	case K_PER_STATUS: {
		/* One key per status name but auto, each a value at at[status]. */
		struct key *each = sm_arena_alloc(a, SM_STATUS_COUNT * sizeof *each);
		size_t elem = k->each == K_COLOR ? sizeof(struct sm_color) : sizeof(const char *);
		for (int s = 1; s < SM_STATUS_COUNT; s++)
			each[s - 1] = (struct key){ .name = sm_status_names[s], .kind = k->each, .at = k->at + (size_t)s * elem };
		each[SM_STATUS_COUNT - 1] = (struct key){ NULL };
		apply_keys(a, x, k->what, each, t, w);
		break;
	}
	}
}

/* The keys of mapping m, in the order of the table; an unknown key is an
 * error (and the known ones still apply). */
static void apply_keys(struct sm_arena *a, const struct sm_node *m, const char *what, const struct key *keys,
		       struct sm_theme *t, const struct where *w)
{
	int n = 0;
	while (keys[n].name)
		n++;
	const char **names = sm_arena_alloc(a, (size_t)(n + 1) * sizeof *names);
	for (int i = 0; i < n; i++)
		names[i] = keys[i].name;
	names[n] = NULL;
	if (sm_schema_keys(m, what, names))
		return;
	for (int i = 0; i < n; i++) {
		const struct sm_node *x = sm_schema_get(m, keys[i].name);
		if (x)
			apply_key(a, &keys[i], x, t, w);
	}
}

static void apply(struct sm_arena *a, const struct sm_node *m, struct sm_theme *t, const struct where *w)
{
	apply_keys(a, m, "a layout", layout_keys, t, w);
}

/* --------------------------------------------------------- finding */

/* The engine's layouts folder, wherever it is installed (links followed). */
static const struct sm_dir *shipped_layouts(struct sm_arena *a)
{
	return sm_dir_open(sm_arena_printf(a, "%s/layouts", sm_engine_dir()));
}

/* Layout NAME: the project's layouts/NAME.yaml, else the shipped one.
 * Fills in where it was found (*in, the folder its path is below, and w)
 * and returns its path; NULL with errno ENOENT when there is none, or
 * another errno, with *bad the path, when a file cannot be used (EXDEV:
 * the project's leads out of the project; EMFILE, ENOMEM...: the system). */
static const char *layout_file(struct sm_arena *a, const struct sm_dir *project, const char *name,
			       const struct sm_dir **in, struct where *w, const char **bad)
{
	const char *rel = sm_arena_printf(a, "layouts/%s.yaml", name);
	if (project) {
		if (!sm_file_below(project, rel)) {
			*in = project;
			w->beside = sm_dir_below(project, "layouts");
			return sm_dir_file(a, project, rel);
		}
		*bad = sm_dir_file(a, project, rel);
		if (errno != ENOENT && errno != ENOTDIR)
			return NULL;
	}
	const struct sm_dir *shipped = shipped_layouts(a);
	*bad = sm_arena_printf(a, "%s/%s", sm_engine_dir(), rel);
	rel += strlen("layouts/");
	if (shipped && !sm_file_below(shipped, rel)) {
		*in = w->beside = shipped;
		return sm_dir_file(a, shipped, rel);
	}
	/* Not there is no layout; a folder or file the system could not open
	 * is not "not there". */
	if (errno != ENOENT && errno != ENOTDIR)
		return NULL;
	errno = ENOENT;
	return NULL;
}

/* Names of the layouts available to a project, sorted, without duplicates. */
static int layout_names(struct sm_arena *a, const struct sm_dir *project, const char ***out)
{
	const char **names = NULL;
	int n = 0, cap = 0;
	const struct sm_dir *dirs[2];
	int err[2] = { ENOENT, ENOENT };
	const char *names_of[2] = { project ? sm_dir_file(a, project, "layouts") : NULL,
				    sm_arena_printf(a, "%s/layouts", sm_engine_dir()) };
	dirs[0] = project ? sm_dir_below(project, "layouts") : NULL;
	if (project && !dirs[0])
		err[0] = errno;
	if (!(dirs[1] = shipped_layouts(a)))
		err[1] = errno;
	for (int i = 0; i < 2; i++) {
		int fd = dirs[i] ? sm_open_below(dirs[i], ".", O_RDONLY | O_DIRECTORY) : -1;
		DIR *d = fd < 0 ? NULL : fdopendir(fd);
		if (dirs[i] && !d)
			err[i] = errno;
		if (!d) {
			/* No layouts folder has no layouts; a system that cannot
			 * open it (EMFILE, ENOMEM) is no answer. */
			if (err[i] != ENOENT && err[i] != ENOTDIR && err[i] != EACCES)
				sm_diag_system(SM_MSG_file_unreadable, NULL, names_of[i], strerror(err[i]));
			if (fd >= 0)
				close(fd);
			continue;
		}
		struct dirent *e;
		while ((e = readdir(d))) {
			size_t l = strlen(e->d_name);
			if (l > 5 && !strcmp(e->d_name + l - 5, ".yaml") && e->d_name[0] != '.') {
				const char *nm = sm_arena_strndup(a, e->d_name, l - 5);
				int dup = 0;
				for (int j = 0; j < n && !dup; j++)
					dup = !strcmp(names[j], nm);
				if (!dup)
					SM_PUSH(a, names, n, cap, nm);
			}
		}
		closedir(d);
	}
	if (n)
		qsort(names, (size_t)n, sizeof *names, sm_cmp_str);
	*out = names;
	return n;
}

void sm_theme_list(struct sm_arena *a, const struct sm_dir *project)
{
	const char **names;
	int n = layout_names(a, project, &names);
	for (int i = 0; i < n; i++) {
		const struct sm_dir *in;
		struct where w;
		const char *bad = NULL;
		const char *file = layout_file(a, project, names[i], &in, &w, &bad);
		if (file)
			printf("%-12s %s\n", names[i], file);
		else
			printf("%-12s %s: cannot be used: %s\n", names[i], bad,
			       errno == EXDEV ? "it leads out of the project folder"
			       : errno == SM_ENOTREG ? "not a regular file" : strerror(errno));
	}
}

/* The folder a path is in; NULL when it names none. */
static const char *folder_of(struct sm_arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return NULL;
	return slash == path ? "/" : sm_arena_strndup(a, path, (size_t)(slash - path));
}

static int load(struct sm_arena *a, const struct sm_doc *doc, const char *cli, struct sm_theme *t,
		int *usage_error)
{
	defaults(t);
	*usage_error = 0;
	const struct sm_dir *project = doc->root, *in = NULL;
	struct where w = { project, NULL, NULL, doc->images };
	const char *name = cli ? cli : doc->layout ? doc->layout : "standaard";
	const char *file = NULL;
	t->name = name;
	size_t nl = strlen(name);
	if (strchr(name, '/') || (nl > 5 && !strcmp(name + nl - 5, ".yaml"))) {
		if (!cli) {
			/* monitor.yaml names a layout by name; a file must stay in the
			 * project, and so must what it names beside it. */
			file = sm_project_path(a, project, name, &doc->layout_pos);
			if (!file)
				return -1;
			in = project;
			const char *sub = folder_of(a, name);
			w.beside = sub ? sm_dir_below(project, sub) : project;
		} else if (sm_file_exists(name)) {
			/* A file named on the command line is read where it is; the
			 * files it names stay in its folder. */
			file = name;
			const char *d = folder_of(a, name);
			w.beside = sm_dir_open(d ? d : ".");
			const char *up = d ? folder_of(a, d) : NULL;
			w.fonts = sm_dir_open(up ? up : d ? "." : "..");
		} else {
			fprintf(stderr, "sociale-monitor: error: layout file '%s' does not exist\n", name);
			*usage_error = 1;
			return -1;
		}
	} else {
		const char *bad = NULL;
		file = layout_file(a, project, name, &in, &w, &bad);
		if (!file && errno != ENOENT) {
			/* The project's layouts/NAME.yaml, or its layouts folder, or
			 * the shipped layouts cannot be used. */
			const char *rel = sm_arena_printf(a, "layouts/%s.yaml", name);
			struct sm_pos p = { bad, 0, 0 };
			sm_open_failed(errno, cli ? &p : &doc->layout_pos, rel, bad);
			return -1;
		}
		if (!file && strcmp(name, "standaard")) {
			const char **names;
			int n = layout_names(a, project, &names);
			const char *list = sm_arena_join(a, names, n, ", ");
			if (cli) {
				fprintf(stderr, "sociale-monitor: error: unknown layout '%s'%s; the layouts are: %s\n",
					name, sm_did_you_mean(name, names, n), n ? list : "(none)");
				*usage_error = 1;
			} else {
				sm_diag(SM_MSG_layout_unknown, &doc->layout_pos, name, sm_did_you_mean(name, names, n),
					n ? list : "(none)");
			}
			return -1;
		}
	}
	if (file) {
		t->file = file;
		size_t len;
		char *buf = sm_read_file(a, in, file, &len, NULL);
		if (!buf || sm_utf8_check(file, buf, len))
			return -1;
		struct sm_node *root;
		if (sm_yaml_load(a, file, buf, len, &root))
			return -1;
		if (root && !(root->kind == SM_NODE_SCALAR && !root->str[0]))
			apply(a, root, t, &w);
	}
	for (int i = 0; i < SM_FACE_COUNT; i++) {
		if (t->font_paths[i] || t->font_pos[i].line)
			continue;       /* found, or reported where the layout names it */
		t->font_pos[i] = (struct sm_pos){ file ? file : "built-in layout", 0, 0 };
		t->font_paths[i] = find_font(a, &w, t->font_files[i], i, &t->font_pos[i], &t->font_dirs[i]);
	}
	double tw = t->page_w - t->m_inner - t->m_outer, th = t->page_h - t->m_top - t->m_bottom;
	if (tw < 72 || th < 144) {
		struct sm_pos p = { file ? file : "built-in layout", 0, 0 };
		sm_diag(SM_MSG_page_too_small, &p, sm_arena_printf(a, "%.0f x %.0f mm", tw / MM, th / MM));
	}
	return sm_diag_errors() ? -1 : 0;
}

int sm_theme_load(struct sm_arena *a, const struct sm_doc *doc, const char *cli, struct sm_theme *t,
		  int *usage_error)
{
	int rc = load(a, doc, cli, t, usage_error);
	sm_sysfont_close();
	return rc;
}
