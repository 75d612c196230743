/* theme.c: layout files → struct sm_theme. A layout names only what it
 * changes; everything else is the built-in look of `standaard`. */
#include "theme.h"
#include "schema.h"
#include "image.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MM (72.0 / 25.4)

static const char *const label_keys[] = {
#define SM_X(id, key, text) key,
	SM_LABELS(SM_X)
#undef SM_X
	NULL
};
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

static int is_dir(const char *p)
{
	struct stat st;
	return !stat(p, &st) && S_ISDIR(st.st_mode);
}

/* The system's font files, found once per run: name → path. */
struct font_file { char *name, *path; };
static struct font_file *font_index;
static int nfont_index, font_index_cap, font_index_done;

static int cmp_font_file(const void *x, const void *y)
{
	const struct font_file *a = x, *b = y;
	int c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->path, b->path);
}

static void index_fonts(const char *dir, int depth)
{
	if (depth > 6)
		return;
	DIR *d = opendir(dir);
	if (!d) {
		/* A font folder that is not there, or not ours to read, has no
		 * fonts; too little memory or too many open files is no answer. */
		if (errno != ENOENT && errno != ENOTDIR && errno != EACCES)
			sm_diag_system(SM_MSG_file_unreadable, NULL, dir, strerror(errno));
		return;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char p[PATH_MAX];
		if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, e->d_name) >= sizeof p)
			continue;
		int is_dir_entry = e->d_type == DT_DIR, is_file = e->d_type == DT_REG || e->d_type == DT_LNK;
		if (e->d_type == DT_UNKNOWN) {
			is_dir_entry = is_dir(p);
			is_file = !is_dir_entry;
		}
		if (is_dir_entry) {
			index_fonts(p, depth + 1);
		} else if (is_file) {
			size_t l = strlen(e->d_name);
			if (l < 4 || strcasecmp(e->d_name + l - 4, ".ttf"))
				continue;
			if (nfont_index == font_index_cap) {
				font_index_cap = font_index_cap ? font_index_cap * 2 : 256;
				font_index = sm_xrealloc(font_index, (size_t)font_index_cap * sizeof *font_index);
			}
			font_index[nfont_index].name = strdup(e->d_name);
			font_index[nfont_index].path = strdup(p);
			if (!font_index[nfont_index].name || !font_index[nfont_index].path)
				sm_oom();
			nfont_index++;
		}
	}
	closedir(d);
}

/* The system font called name; the first in path order when there are
 * several, so the choice does not depend on the order readdir gives. */
static const char *system_font(const char *name)
{
	if (!font_index_done) {
		font_index_done = 1;
		index_fonts("/usr/share/fonts", 0);
		index_fonts("/usr/local/share/fonts", 0);
		if (nfont_index)
			qsort(font_index, (size_t)nfont_index, sizeof *font_index, cmp_font_file);
	}
	for (int i = 0; i < nfont_index; i++)
		if (!strcmp(font_index[i].name, name) && sm_file_exists(font_index[i].path))
			return font_index[i].path;
	return NULL;
}

/* The folders a layout's files are looked up in. */
struct where {
	const struct sm_dir *project;   /* NULL: no project */
	const struct sm_dir *beside;    /* the layout file's folder: its images */
	const struct sm_dir *fonts;     /* the folder whose fonts/ goes with a layout given as a file */
	struct sm_image_set *images;    /* the project's decoded images, each once (image.h) */
};

/* A font file in fonts/ of the project, or of a layout given as a file (a
 * file there that leads out of its folder is passed over); else the
 * engine's own or the system's. *in is the folder it is read below, NULL
 * for the engine's and the system's files. */
static const char *find_font(struct sm_arena *a, const struct where *w, const char *name,
			     const struct sm_dir **in)
{
	*in = NULL;
	if (strchr(name, '/'))
		return NULL;
	const char *rel = sm_arena_printf(a, "fonts/%s", name);
	const struct sm_dir *dirs[] = { w->project, w->fonts };
	for (int i = 0; i < 2; i++)
		if (dirs[i] && !sm_file_below(dirs[i], rel)) {
			*in = dirs[i];
			return sm_dir_file(a, dirs[i], rel);
		}
	const char *p = sm_arena_printf(a, "%s/%s", sm_engine_dir(), rel);
	if (sm_file_exists(p))
		return p;
	const char *found = system_font(name);
	return found ? sm_arena_strdup(a, found) : NULL;
}

/* ----------------------------------------------------------- values */

static int color(const struct sm_node *v, const struct sm_theme *t, struct sm_color *out)
{
	static const char *const names[] = { "primary", "accent", "text", "muted", "light", "rule", NULL };
	if (!v)
		return -1;
	if (v->kind == SM_NODE_SCALAR) {
		const char *s = v->str;
		if (s[0] == '#' && strlen(s) == 7 && strspn(s + 1, "0123456789abcdefABCDEF") == 6) {
			*out = hex(s);
			return 0;
		}
		const struct sm_color *named[] = { &t->primary, &t->accent, &t->text, &t->muted, &t->light, &t->rule };
		for (int i = 0; names[i]; i++)
			if (!strcmp(s, names[i])) {
				*out = *named[i];
				return 0;
			}
	}
	const char *s = v->kind == SM_NODE_SCALAR ? v->str : "(a list or mapping)";
	sm_diag(SM_MSG_bad_color, &v->pos, s, v->kind == SM_NODE_SCALAR ? sm_did_you_mean(s, names, 6) : "");
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

/* ------------------------------------------------------------ apply */

static void apply(struct sm_arena *a, const struct sm_node *m, struct sm_theme *t, const struct where *w)
{
	static const char *const keys[] = { "page", "fonts", "sizes", "colors", "cover", "chapters", "header",
					    "footer", "text", "tables", "charts", "quotes", "labels", NULL };
	if (sm_schema_keys(m, "a layout", keys))
		return;
	const struct sm_node *v, *x;
	if ((v = sm_schema_get(m, "page")) && !sm_schema_keys(v, "'page'",
			(const char *const[]){ "size", "orientation", "margins", NULL })) {
		if ((x = sm_schema_get(v, "size"))) {
			static const char *const sizes[] = { "A4", "A5", "A3", "letter", NULL };
			static const double dims[][2] = { { 210, 297 }, { 148, 210 }, { 297, 420 }, { 215.9, 279.4 } };
			int s = sm_schema_enum(x, "page size", sizes);
			if (s >= 0) {
				t->page_w = dims[s][0] * MM;
				t->page_h = dims[s][1] * MM;
			}
		}
		if ((x = sm_schema_get(v, "orientation"))) {
			static const char *const o[] = { "portrait", "landscape", NULL };
			int land = sm_schema_enum(x, "orientation", o) == 1;
			if (land != (t->page_w > t->page_h)) {
				double w = t->page_w;
				t->page_w = t->page_h;
				t->page_h = w;
			}
		}
		if ((x = sm_schema_get(v, "margins")) && !sm_schema_keys(x, "'margins'",
				(const char *const[]){ "top", "bottom", "inner", "outer", NULL })) {
			size(sm_schema_get(x, "top"), 0, 300, "the top margin", &t->m_top);
			size(sm_schema_get(x, "bottom"), 0, 300, "the bottom margin", &t->m_bottom);
			size(sm_schema_get(x, "inner"), 0, 300, "the inner margin", &t->m_inner);
			size(sm_schema_get(x, "outer"), 0, 300, "the outer margin", &t->m_outer);
		}
	}
	static const char *const face_keys[] = { "regular", "bold", "italic", "bold-italic", "heading", NULL };
	if ((v = sm_schema_get(m, "fonts")) && !sm_schema_keys(v, "'fonts'", face_keys)) {
		for (int i = 0; i < SM_FACE_COUNT; i++) {
			x = sm_schema_get(v, face_keys[i]);
			const char *f = sm_schema_str(a, x, face_keys[i]);
			if (!f)
				continue;
			const char *p = find_font(a, w, f, &t->font_dirs[i]);
			if (!p && !sm_diag_system_errors())
				sm_diag(SM_MSG_font_missing, &x->pos, f);
			t->font_files[i] = f;
			t->font_paths[i] = p;
			t->font_pos[i] = x->pos;
		}
	}
	if ((v = sm_schema_get(m, "sizes")) && !sm_schema_keys(v, "'sizes'",
			(const char *const[]){ "body", "leading", "h1", "h2", "h3", "small", NULL })) {
		size(sm_schema_get(v, "body"), 5, 30, "the body size", &t->body);
		size(sm_schema_get(v, "leading"), 5, 50, "the leading", &t->leading);
		size(sm_schema_get(v, "h1"), 8, 80, "h1", &t->h1);
		size(sm_schema_get(v, "h2"), 6, 50, "h2", &t->h2);
		size(sm_schema_get(v, "h3"), 5, 40, "h3", &t->h3);
		size(sm_schema_get(v, "small"), 4, 20, "the small size", &t->small);
	}
	if ((v = sm_schema_get(m, "colors")) && !sm_schema_keys(v, "'colors'",
			(const char *const[]){ "primary", "accent", "text", "muted", "light", "rule", "status", "chart", NULL })) {
		/* The base colours first: the others may name them. */
		color(sm_schema_get(v, "primary"), t, &t->primary);
		color(sm_schema_get(v, "accent"), t, &t->accent);
		color(sm_schema_get(v, "text"), t, &t->text);
		color(sm_schema_get(v, "muted"), t, &t->muted);
		color(sm_schema_get(v, "light"), t, &t->light);
		color(sm_schema_get(v, "rule"), t, &t->rule);
		t->header_fill = t->primary;
		if ((x = sm_schema_get(v, "status")) && !sm_schema_keys(x, "'status' colours",
				(const char *const[]){ "on-track", "attention", "off-track", "changed", "no-judgement", NULL })) {
			for (int s = 1; s < SM_STATUS_COUNT; s++)
				color(sm_schema_get(x, sm_status_names[s]), t, &t->status[s]);
		}
		if ((x = sm_schema_get(v, "chart")) && sm_schema_is_seq(x, "chart", "write a list of colours")) {
			if (x->n < 2 || x->n > SM_MAX_CHART_COLORS) {
				sm_diag(SM_MSG_size_range, &x->pos, sm_arena_printf(a, "%d colours", x->n),
					"the chart palette", "give 2 to 12 colours");
			} else {
				t->nchart = 0;
				for (int i = 0; i < x->n; i++)
					if (!color(x->items[i], t, &t->chart[t->nchart]))
						t->nchart++;
			}
		}
	}
	if ((v = sm_schema_get(m, "cover")) && !sm_schema_keys(v, "'cover'",
			(const char *const[]){ "style", "logo", "photo", NULL })) {
		static const char *const styles[] = { "band", "photo", "plain", NULL };
		int s = sm_schema_enum(sm_schema_get(v, "style"), "cover style", styles);
		if (s >= 0)
			t->cover = (enum sm_cover_style)s;
		const char *img_keys[] = { "logo", "photo" };
		const char **img_out[] = { &t->logo, &t->photo };
		for (int i = 0; i < 2; i++) {
			x = sm_schema_get(v, img_keys[i]);
			const char *f = sm_schema_str(a, x, img_keys[i]);
			if (!f)
				continue;
			/* Looked up in the project, then beside the layout; it stays
			 * inside the folder it is found in. */
			const char *p = NULL;
			const struct sm_dir *dirs[] = { w->project, w->beside }, *in = NULL;
			if (f[0] == '/') {
				sm_diag(SM_MSG_path_absolute, &x->pos, f);
				continue;
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
					/* Not in the project: it may still be beside the
					 * layout, and if it leaves that folder too, that
					 * is the folder to name. */
					err = ENOENT;
				} else if (err != ENOENT && err != ENOTDIR) {
					sm_open_failed(err, &x->pos, f, sm_dir_file(a, dirs[k], f));
				}
			}
			if (!p && (err == ENOENT || err == ENOTDIR))
				sm_diag(SM_MSG_file_missing, &x->pos, f);
			*img_out[i] = p;
			if (p) {
				struct sm_image *im = sm_image_load(a, w->images, in, p, &x->pos);
				if (i == 0)
					t->logo_image = im;
				else
					t->photo_image = im;
			}
		}
		if (t->cover == SM_COVER_PHOTO && !t->photo && !sm_schema_get(v, "photo"))
			sm_diag(SM_MSG_missing_key, &v->pos, "a photo cover", "photo", " (an image file, PNG or JPEG)");
	}
	if ((v = sm_schema_get(m, "chapters")) && !sm_schema_keys(v, "'chapters'",
			(const char *const[]){ "start", "numbered", NULL })) {
		static const char *const starts[] = { "new", "right", NULL };
		int s = sm_schema_enum(sm_schema_get(v, "start"), "chapter start", starts);
		if (s >= 0)
			t->start_right = s;
		flag(sm_schema_get(v, "numbered"), "value for numbered", &t->numbered);
	}
	if ((v = sm_schema_get(m, "header")))
		t->header = template(a, v, "header") ?: t->header;
	if ((v = sm_schema_get(m, "footer")))
		t->footer = template(a, v, "footer") ?: t->footer;
	if ((v = sm_schema_get(m, "charts")) && !sm_schema_keys(v, "'charts'",
			(const char *const[]){ "patterns", NULL }))
		flag(sm_schema_get(v, "patterns"), "value for patterns", &t->patterns);
	if ((v = sm_schema_get(m, "quotes")) && !sm_schema_keys(v, "'quotes'",
			(const char *const[]){ "style", NULL })) {
		static const char *const qs[] = { "mark", "bar", NULL };
		int q = sm_schema_enum(sm_schema_get(v, "style"), "quote style", qs);
		if (q >= 0)
			t->quote_bar = q;
	}
	if ((v = sm_schema_get(m, "text")) && !sm_schema_keys(v, "'text'",
			(const char *const[]){ "align", "hyphenate", "measure", NULL })) {
		if (sm_schema_get(v, "measure"))
			size(sm_schema_get(v, "measure"), 200, 1000, "the measure", &t->measure);
		static const char *const aligns[] = { "left", "justify", NULL };
		int s = sm_schema_enum(sm_schema_get(v, "align"), "text alignment", aligns);
		if (s >= 0)
			t->justify = s;
		static const char *const hy[] = { "none", "nl", NULL };
		s = sm_schema_enum(sm_schema_get(v, "hyphenate"), "hyphenation", hy);
		if (s >= 0)
			t->hyphenate = s;
	}
	if ((v = sm_schema_get(m, "tables")) && !sm_schema_keys(v, "'tables'",
			(const char *const[]){ "header-fill", "zebra", NULL })) {
		color(sm_schema_get(v, "header-fill"), t, &t->header_fill);
		flag(sm_schema_get(v, "zebra"), "value for zebra", &t->zebra);
	}
	if ((v = sm_schema_get(m, "labels"))) {
		const char **keys2 = sm_arena_alloc(a, (SM_LABEL_COUNT + 2) * sizeof *keys2);
		for (int i = 0; i < SM_LABEL_COUNT; i++)
			keys2[i] = label_keys[i];
		keys2[SM_LABEL_COUNT] = "status-words";
		if (!sm_schema_keys(v, "'labels'", keys2)) {
			for (int i = 0; i < SM_LABEL_COUNT; i++)
				if ((x = sm_schema_get(v, label_keys[i])))
					t->labels[i] = sm_schema_name(a, x, label_keys[i]) ?: t->labels[i];
			if ((x = sm_schema_get(v, "status-words")) && !sm_schema_keys(x, "'status-words'",
					(const char *const[]){ "on-track", "attention", "off-track", "changed", "no-judgement", NULL }))
				for (int s = 1; s < SM_STATUS_COUNT; s++) {
					const struct sm_node *w = sm_schema_get(x, sm_status_names[s]);
					if (w)
						t->status_words[s] = sm_schema_name(a, w, sm_status_names[s]) ?: t->status_words[s];
				}
		}
	}
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

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
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
		qsort(names, (size_t)n, sizeof *names, cmp_str);
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

int sm_theme_load(struct sm_arena *a, const struct sm_doc *doc, const char *cli, struct sm_theme *t,
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
			char list[512] = "";
			for (int i = 0; i < n; i++) {
				if (i)
					strncat(list, ", ", sizeof list - strlen(list) - 1);
				strncat(list, names[i], sizeof list - strlen(list) - 1);
			}
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
		/* A face the layout names was looked up, and reported at its
		 * place, by apply(). */
		if (t->font_paths[i] || t->font_pos[i].line)
			continue;
		t->font_pos[i] = (struct sm_pos){ file ? file : "built-in layout", 0, 0 };
		t->font_paths[i] = find_font(a, &w, t->font_files[i], &t->font_dirs[i]);
		/* After a system error (too many open files, no memory) the
		 * lookup is no answer: that error alone is reported. */
		if (!t->font_paths[i] && !sm_diag_system_errors())
			sm_diag(SM_MSG_font_missing, &t->font_pos[i], t->font_files[i]);
	}
	double tw = t->page_w - t->m_inner - t->m_outer, th = t->page_h - t->m_top - t->m_bottom;
	if (tw < 72 || th < 144) {
		struct sm_pos p = { file ? file : "built-in layout", 0, 0 };
		sm_diag(SM_MSG_page_too_small, &p, sm_arena_printf(a, "%.0f x %.0f mm", tw / MM, th / MM));
	}
	return sm_diag_errors() ? -1 : 0;
}
