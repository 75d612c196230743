/* sm.h: the shared model of sociale-monitor.
 *
 * Data flows one way: load (files → sm_node trees → model) → validate →
 * compute → layout (model + theme + font metrics → pages of display items)
 * → render (display items → PDF). Each stage reads the previous one's
 * output as const. Everything here lives in one arena per build. */
#ifndef SM_H
#define SM_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "arena.h"
#include "diag.h"

#define SM_VERSION "0.1.0"

/* Limits on input: each one hit is a clear error naming it. */
#define SM_MAX_FILE_SIZE   (16u << 20)   /* bytes per file */
#define SM_YAML_MAX_DEPTH  64
#define SM_YAML_MAX_NODES  1000000
#define SM_MD_MAX_DEPTH    12            /* nested lists and quotes */
#define SM_MAX_PARAGRAPH   200000        /* bytes of text in one paragraph */
#define SM_MAX_PAGES       5000
/* Text that is not prose (Markdown) is short: titles and names repeat in
 * running heads, tables, the contents and the outline. In characters. */
#define SM_MAX_TITLE       300           /* titles, subtitles, captions, sources */
#define SM_MAX_NAME        200           /* names, labels, ids, units, running heads */

/* qsort comparators: ints ascending; strings (const char *) in byte order. */
static inline int sm_cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

static inline int sm_cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

struct sm_image;
struct sm_image_set;
struct sm_strmap;

/* ---------------------------------------------------------------- YAML */

enum sm_node_kind { SM_NODE_SCALAR, SM_NODE_SEQ, SM_NODE_MAP };

struct sm_node {
	enum sm_node_kind kind;
	struct sm_pos pos;
	const char *str;           /* scalar text, NUL-terminated */
	size_t len;
	int plain;                 /* plain scalar (not quoted, not a block) */
	int block;                 /* literal | or folded > block scalar */
	int indent;                /* block scalar: the column its lines start at */
	struct sm_pos *marks;      /* scalar: where each "{{" of str is in the file */
	int nmarks;
	int n;                     /* sequence items, or mapping pairs */
	struct sm_node **items;    /* sequence: n; mapping: 2n (key, value) */
	int pending_key;           /* used while loading */
};

int sm_yaml_load(struct sm_arena *a, const char *file, const char *buf, size_t len,
		 struct sm_node **root);

/* ----------------------------------------------------------- rich text */

enum sm_style { SM_STYLE_BOLD = 1, SM_STYLE_ITALIC = 2 };

/* The words a figure in text may end with (FORMAT.md, "Figures in text"). */
enum sm_fig_word { SM_FIG_VALUE, SM_FIG_CHANGE, SM_FIG_DIFFERENCE, SM_FIG_DIRECTION, SM_FIG_PERIOD,
		   SM_FIG_BASE, SM_FIG_BASE_PERIOD, SM_FIG_STATUS, SM_FIG_WORDS };

/* A computed figure named in text, {{bijstand Molenbeek 2023 change}}:
 * parsed at load (figure.c), its names checked against the data files
 * with the other cross-references, printed at layout. */
struct sm_figure {
	const char *src;           /* as written, without the braces */
	struct sm_pos pos;         /* of the '{{': where every message about it points */
	const char *indicator, *area;   /* area NULL: the municipality */
	int ind, area_index;       /* resolved, -1 until then */
	int period;                /* -1: the latest */
	enum sm_fig_word word;
};

/* A run of text in one style. The text "\n" alone is a hard line break. */
struct sm_run {
	const char *text;
	unsigned style;
	const char *url;           /* link target, or NULL */
	const struct sm_figure *fig;    /* a figure to print in place of text, or NULL */
	int note;                  /* a footnote reference: 1 + its index in the notes, or 0;
				      in layout, 1 + its foot in sm_layout.feet (layout.h) */
};

enum sm_para_kind { SM_PARA_TEXT, SM_PARA_HEADING, SM_PARA_CODE };

/* A paragraph-level block of Markdown, flattened: lists and quotes become
 * depths, so layout needs no tree. */
struct sm_para {
	enum sm_para_kind kind;
	int heading;               /* 1 section, 2 subsection */
	int list_depth;            /* 0 outside lists */
	int quote_depth;
	const char *marker;        /* "•", "3." on an item's first paragraph */
	int tight;                 /* in a tight list: no space before */
	struct sm_run *runs;
	int nruns;
	struct sm_pos pos;
};

struct sm_rich {
	struct sm_para *paras;
	int n;
	struct sm_pos pos;         /* where the field was written */
	struct sm_rich *notes;     /* footnotes ([^1]) that runs refer to */
	int nnotes;
	struct sm_figure **figs;   /* every figure in the text, notes included */
	int nfigs;
};

/* ------------------------------------------------------------- model */

enum sm_status {
	SM_STATUS_AUTO, SM_STATUS_ON_TRACK, SM_STATUS_ATTENTION, SM_STATUS_OFF_TRACK,
	SM_STATUS_CHANGED, SM_STATUS_NO_JUDGEMENT, SM_STATUS_COUNT
};

/* A name written in a file, resolved later. */
struct sm_ref {
	const char *id;
	struct sm_pos pos;
	int index;                 /* resolved index, -1 until then */
};

enum sm_area_sel { SM_AREAS_DEFAULT, SM_AREAS_LIST, SM_AREAS_WIJKEN, SM_AREAS_BUURTEN };
struct sm_area_set {
	enum sm_area_sel sel;
	struct sm_ref *codes;
	int n;
	struct sm_pos pos;
};

/* A period is year*10 for a whole year, year*10+1 or +2 for a half year. */
#define SM_PERIOD(y, h) ((y) * 10 + (h))
#define SM_PERIOD_YEAR(p) ((p) / 10)
#define SM_PERIOD_HALF(p) ((p) % 10)
/* The years a monitor may name: editions, cycles, baselines, targets, periods. */
#define SM_YEAR_MIN 1900
#define SM_YEAR_MAX 2999

enum sm_years_kind { SM_YEARS_LATEST, SM_YEARS_RANGE, SM_YEARS_LIST, SM_YEARS_LAST5 };
struct sm_years {
	enum sm_years_kind kind;
	int from, to;              /* range, as periods */
	int *list;                 /* list, as periods */
	int n;
	int single;                /* written as 'year:' (one period) */
	int given;                 /* written at all */
	struct sm_pos pos;
};

enum sm_block_kind { SM_BLOCK_TEXT, SM_BLOCK_TABLE, SM_BLOCK_CHART, SM_BLOCK_QUOTE, SM_BLOCK_IMAGE };
enum sm_chart_type { SM_CHART_LINE, SM_CHART_BAR, SM_CHART_COLUMN, SM_CHART_DOT, SM_CHART_HEATMAP };
enum sm_column { SM_COL_VALUE, SM_COL_CHANGE, SM_COL_REFERENCE, SM_COL_TARGET, SM_COL_STATUS, SM_COL_COUNT };

struct sm_block {
	enum sm_block_kind kind;
	struct sm_pos pos;
	struct sm_rich text;                    /* text */
	enum sm_chart_type chart;               /* chart */
	const char *title;                      /* table, chart */
	struct sm_ref *indicators;              /* table, chart */
	int nindicators;
	struct sm_area_set areas;
	struct sm_years years;
	struct sm_ref reference;                /* id NULL: the default reference */
	enum sm_column columns[SM_COL_COUNT];
	int ncolumns;
	const char *quote;                      /* quote */
	const char *source;                     /* quote; table, chart: replaces the catalogue's */
	const char *note;                       /* table, chart: printed under it */
	const char *file, *caption, *credit;    /* image (file relative to the project) */
	const char *alt;                        /* image: what it shows, for who cannot see it;
						   NULL: the caption says it */
	int decorative;                         /* image: shows nothing the text needs (an artifact) */
	struct sm_pos file_pos;
	struct sm_image *image;                 /* decoded and checked at load */
};

struct sm_goal {
	const char *id, *title;
	struct sm_pos pos;
	int output;                             /* level: output (else effect) */
	struct sm_ref *indicators;
	int nindicators;
	enum sm_status status;                  /* as written */
	struct sm_pos status_pos;
	struct sm_rich explanation;
	const struct sm_chapter *chapter;
};

struct sm_intervention {
	const char *title;
	struct sm_pos pos;
	struct sm_ref *goals;
	int ngoals;
	struct sm_rich description;
	const char **partners;
	int npartners;
	int has_reach;
	double reach;
	const char *reach_unit;
	int has_budget, has_actual;
	long long planned, actual;              /* x € 1.000 */
	enum sm_status status;                  /* SM_STATUS_AUTO: none given */
};

struct sm_story { const char *title; struct sm_rich text; };
struct sm_message { const char *title; struct sm_rich text; };

enum sm_chapter_kind {
	SM_CH_FOREWORD, SM_CH_TEXT, SM_CH_SUMMARY, SM_CH_THEME, SM_CH_AREAS,
	SM_CH_DEFINITIONS, SM_CH_COLOPHON, SM_CH_COUNT
};

struct sm_chapter {
	enum sm_chapter_kind kind;
	const char *file;
	struct sm_pos pos;
	const char *title;
	struct sm_rich text;                    /* foreword, text */
	const char *signed_name, *signed_role;  /* foreword */
	struct sm_block *blocks;                /* text: blocks; theme: status */
	int nblocks;
	struct sm_message *messages;            /* summary */
	int nmessages;
	const char *programme;                  /* theme */
	struct sm_rich vision;
	struct sm_goal *goals;
	int ngoals;
	struct sm_intervention *interventions;
	int ninterventions;
	struct sm_story *stories;
	int nstories;
	int area_buurten;                       /* areas: buurten (else wijken) */
	struct sm_ref *area_indicators;
	int narea_indicators;
	int threshold;
	struct sm_pos threshold_pos;
};

enum sm_cycle_doc {
	SM_CYCLE_NONE, SM_CYCLE_KADERNOTA, SM_CYCLE_BEGROTING, SM_CYCLE_VOORJAARSNOTA,
	SM_CYCLE_BESTUURSRAPPORTAGE, SM_CYCLE_JAARSTUKKEN
};

struct sm_colophon {
	int given;
	const char *publisher, *commissioned_by, *contact, *reuse;
	const char **editors;
	int neditors;
};

struct sm_date { int year, month, day; };

/* ---------------------------------------------------- indicator data */

enum sm_unit { SM_UNIT_PERCENT, SM_UNIT_PER_1000, SM_UNIT_PER_10000, SM_UNIT_COUNT,
	       SM_UNIT_EURO, SM_UNIT_SCORE, SM_UNIT_YEARS };
enum sm_polarity { SM_POL_NEUTRAL, SM_POL_HIGHER, SM_POL_LOWER };
enum sm_frequency { SM_FREQ_YEAR, SM_FREQ_HALF_YEAR, SM_FREQ_TWO_YEARS, SM_FREQ_FOUR_YEARS };

struct sm_indicator {
	const char *id, *name, *definition, *source;
	struct sm_pos pos;
	enum sm_unit unit;
	int decimals;
	enum sm_polarity polarity;
	int output;                             /* level: output */
	enum sm_frequency frequency;
	int has_target;
	double target;
	int target_year;
	int min_n;                              /* 0: no suppression */
	int has_threshold;
	double threshold;
	int ratio;                              /* aggregate: ratio */
	int sum;                                /* aggregate: sum (a count) */
	int bbv;                                /* 0: none */
	int derived;
	struct sm_ref numerator, denominator;   /* formula */
	double factor;
	int used;                               /* named somewhere in the monitor */
};

enum sm_area_level { SM_LEVEL_LAND, SM_LEVEL_REFERENCE, SM_LEVEL_GEMEENTE, SM_LEVEL_WIJK, SM_LEVEL_BUURT };

struct sm_area {
	const char *code, *name;
	enum sm_area_level level;
	struct sm_ref parent;
	struct sm_pos pos;
};

enum sm_flag { SM_FLAG_NONE, SM_FLAG_PROVISIONAL, SM_FLAG_REVISED, SM_FLAG_SECRET, SM_FLAG_NIL };

/* What an observation row gives. */
enum { SM_HAS_VALUE = 1, SM_HAS_NUM = 2, SM_HAS_DEN = 4, SM_HAS_N = 8, SM_HAS_LOWER = 16, SM_HAS_UPPER = 32 };

/* One row of an observation file. */
struct sm_obs {
	int indicator, area, period;
	unsigned has;
	double value, num, den, n, lower, upper;
	enum sm_flag flag;
	struct sm_pos pos;
};

/* How a CBS open-data file (format: cbs) gives an indicator: the CBS
 * column of each part, NULL when not given. */
enum { SM_CBS_VALUE, SM_CBS_NUM, SM_CBS_DEN, SM_CBS_N, SM_CBS_PARTS };

struct sm_cbs_column {
	struct sm_ref indicator;
	const char *col[SM_CBS_PARTS];
	struct sm_pos col_pos[SM_CBS_PARTS];
};

/* An observation file as monitor.yaml declares it: a path, or a mapping
 * with the format and, for CBS, its period and column mapping. */
struct sm_obs_source {
	const char *file;
	struct sm_pos pos;
	int cbs;                                /* format: cbs */
	int period;                             /* period: 2021; -1 when not given */
	struct sm_pos period_pos;
	const char *population;                 /* a region with 0 here is empty */
	struct sm_pos population_pos;
	struct sm_cbs_column *columns;
	int ncolumns;
	struct sm_pos columns_pos;
};

/* ------------------------------------------------------------ the doc */

struct sm_doc {
	const char *dir;                        /* project folder as given */
	const struct sm_dir *root;              /* ... held open; NULL: none */
	/* id → index and code → index, once the data is loaded (sm_find_*). */
	struct sm_strmap *indicator_ids, *area_codes;
	const char *title, *subtitle;
	const char *municipality, *municipality_code;
	int edition;
	enum sm_cycle_doc cycle;
	int cycle_year;
	struct sm_date published;
	int draft;
	const char *layout;                     /* name or file; NULL: standaard */
	struct sm_pos layout_pos;
	struct sm_ref *references;
	int nreferences;
	int has_baseline, baseline;
	struct sm_colophon colophon;
	const char *areas_file, *indicators_file;
	const char **observation_files;
	struct sm_obs_source *obs_sources;      /* how each of observation_files is read */
	int nobservation_files;
	struct sm_pos data_pos;
	struct sm_chapter *chapters;
	int nchapters;
	struct sm_image_set *images;            /* image files decoded, each once (image.h) */

	struct sm_indicator *indicators;
	int nindicators;
	struct sm_area *areas;
	int nareas;
	struct sm_obs *obs;
	int nobs;
	int first_year, last_year;              /* of all observations */
	int gemeente;                           /* index of the municipality's area, -1 */
};

/* The area register and the observation files (load_data.c). */
int sm_load_data(struct sm_arena *a, struct sm_doc *doc);
/* `sociale-monitor areas FILE [NAMES]`: prints an area register made from
 * the region codes of a CBS open-data file, named from the region file
 * NAMES of the same download when given. The exit status. */
int sm_cbs_areas(struct sm_arena *a, const char *file, const char *names);
/* Cross-references between the files of a project (validate.c). */
int sm_validate(struct sm_arena *a, struct sm_doc *d, int check_areas);

/* ------------------------------------------------------------- project */

/* A folder that files are read from, opened once (O_PATH) and held for the
 * run. A file in it is opened relative to the descriptor in one step that
 * cannot resolve outside the folder (openat2 with RESOLVE_BENEATH): no '..'
 * above it, no absolute path, no symbolic link leading out; links that
 * stay inside are followed. */
struct sm_dir {
	const char *path;               /* as given; a file in it is shown as path/rel */
	int fd;
	const struct sm_dir *in;        /* the folder it was opened below, or NULL */
};
/* A folder named on the command line or by the engine (the project, the
 * shipped layouts): opened as named, links followed. NULL with errno. */
const struct sm_dir *sm_dir_open(const char *path);
/* A folder inside in, never outside it. NULL with errno (EXDEV: outside). */
const struct sm_dir *sm_dir_below(const struct sm_dir *in, const char *rel);
/* Closes every folder opened in this run. */
void sm_dirs_close(void);
/* The project folder of a command; prints why not and returns the exit
 * status (2: not a folder, 3: cannot be read), or 0. */
int sm_project_open(const char *dir, const struct sm_dir **out);
/* in->path/rel, as messages show it. */
const char *sm_dir_file(struct sm_arena *a, const struct sm_dir *in, const char *rel);
/* Every file read on behalf of a project or layout is opened here: rel
 * below in, with open(2) flags; in NULL opens rel as it is (the engine's
 * own files). -1 with errno; EXDEV when rel leads outside in. */
int sm_open_below(const struct sm_dir *in, const char *rel, int flags);

struct stat;
/* errno of sm_file_below for a name that is there but is not a regular
 * file (a folder, a named pipe, a socket); above every system errno. */
#define SM_ENOTREG 0x10000
/* Is rel a regular file below in? 0, or -1 with errno (ENOENT, EXDEV,
 * SM_ENOTREG...). */
int sm_file_below(const struct sm_dir *in, const char *rel);
/* The status of the file rel below in names (through links that stay
 * inside): its device and inode tell two names of one file. 0 or -1. */
int sm_file_stat(const struct sm_dir *in, const char *rel, struct stat *st);
/* Reports why rel (shown as shown) could not be opened: outside the
 * folder, missing (exit 1) or a system error (exit 3). */
void sm_open_failed(int err, const struct sm_pos *pos, const char *rel, const char *shown);
/* Path of a project file for messages ("content/text/x.md"), after
 * checking that it names a file inside in (no absolute path, nothing
 * outside); reports at pos. NULL on error. */
const char *sm_project_path(struct sm_arena *a, const struct sm_dir *in, const char *rel,
			    const struct sm_pos *pos);
/* rel with '.', empty names and 'name/..' taken out: chapters/./x.yaml and
 * chapters//x.yaml are chapters/x.yaml. */
const char *sm_normal_path(struct sm_arena *a, const char *rel);
/* Opens a file shown as in->path/rel to read it (a regular file); reports
 * errors at pos. -1 on error. */
int sm_open_file(const struct sm_dir *in, const char *path, const struct sm_pos *pos);
/* The path of a file sm_open_file opened that is st (same device and
 * inode), or NULL. */
struct stat;
const char *sm_file_read_before(const struct stat *st);
/* Reads a whole file into the arena (NUL-terminated). Reports errors at pos
 * (the place that named it) or, when pos is NULL, on the file itself. */
char *sm_read_file(struct sm_arena *a, const struct sm_dir *in, const char *path, size_t *len,
		   const struct sm_pos *pos);
/* The same for a file sm_open_file opened (path names it in messages);
 * closes fd. */
char *sm_read_fd(struct sm_arena *a, int fd, const char *path, size_t *len, const struct sm_pos *pos);
/* Reads exactly size bytes of fd into buf, through short reads and
 * interruptions; -1 after reporting at pos. Leaves fd open. */
int sm_read_all(int fd, void *buf, size_t size, const char *path, const struct sm_pos *pos);
/* write(), all of it, through short writes and interruptions; -1 with errno. */
int sm_write_all(int fd, const void *buf, size_t n);
int sm_file_exists(const char *path);

/* ---------------------------------------------------------------- UTF-8 */

/* Decodes one code point; returns its length in bytes, or 0 if the bytes
 * at s are not valid UTF-8. */
int sm_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* The code point at s + *i (U+FFFD for a byte that begins none, as every
 * reader of engine text takes it), *i moved past it. */
static inline uint32_t sm_utf8_next(const char *s, size_t len, size_t *i)
{
	uint32_t cp = (unsigned char)s[*i];
	int n = 1;
	if (cp >= 0x80 && !(n = sm_utf8_decode(s + *i, len - *i, &cp))) {
		n = 1;
		cp = 0xFFFD;
	}
	*i += (size_t)n;
	return cp;
}
int sm_utf8_encode(uint32_t cp, char *out);
/* Checks a buffer; on failure reports utf8_invalid at the right line and
 * column of file and returns -1. Characters above U+FFFF and control
 * characters (C0 other than tab, CR and LF, NUL included; DEL; C1) are
 * refused too. Every loader holds its text to this one rule. */
int sm_utf8_check(const char *file, const char *buf, size_t len);
/* The same rule for text that is not where the file has it (a YAML scalar
 * after its escapes are read, "\a" or "\0"); reports at pos. */
int sm_text_check(const struct sm_pos *pos, const char *s, size_t len);
/* Is s at most max characters long (SM_MAX_TITLE, SM_MAX_NAME)? If not,
 * reports text_too_long at pos, naming the field key, and returns -1. */
int sm_utf8_limit(const char *s, int max, const char *key, const struct sm_pos *pos);
/* The position of byte offset off in buf (line and column in characters). */
struct sm_pos sm_utf8_pos(const char *file, const char *buf, size_t off);
/* Does the straight quote at s start a Dutch elision ('s, 't, 'n, '90)?
 * prev is the code point before it, 0 at the start. */
int sm_is_elision(const char *s, uint32_t prev);
/* Plain text with typographic quotes, dashes and Dutch elisions. */
char *sm_smart_text(struct sm_arena *a, const char *s);
/* Non-breaking spaces, en dashes and minus signs the Dutch way. */
char *sm_typo_dutch(struct sm_arena *a, const char *s);
/* Lower-case ASCII slug with diacritics folded, spaces as hyphens. */
char *sm_slug(struct sm_arena *a, const char *s);

/* ----------------------------------------------------------- loaders */

int sm_load_doc(struct sm_arena *a, const char *dir, struct sm_doc *doc);
/* Markdown (src, starting at pos in its file) → rich text. Lines after
 * the first start at column cont_col of the file (1, or a YAML block
 * scalar's indentation + 1). */
void sm_md_parse(struct sm_arena *a, const char *src, size_t len, struct sm_pos pos,
		 int cont_col, struct sm_rich *out);
/* The same for a YAML scalar, whose lines YAML has folded: marks says
 * where each "{{" of src is in the file (sm_node.marks). */
void sm_md_parse_at(struct sm_arena *a, const char *src, size_t len, struct sm_pos pos,
		    int cont_col, const struct sm_pos *marks, int nmarks, struct sm_rich *out);
/* Figures in text (figure.c): "{{...}}" at src (pos: where it starts) →
 * a figure; reports what is wrong and returns NULL. The names are checked
 * against the data by sm_figures_resolve, after the data files are read. */
struct sm_figure *sm_figure_parse(struct sm_arena *a, const char *src, size_t len, struct sm_pos pos);
int sm_figures_resolve(struct sm_arena *a, struct sm_doc *d);
/* Calls fn on every Markdown text of the monitor. */
void sm_doc_each_rich(struct sm_doc *d, void (*fn)(struct sm_rich *r, void *ctx), void *ctx);


#endif
