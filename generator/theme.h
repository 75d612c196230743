/* theme.h: a layout file (layouts/NAME.yaml) loaded over the built-in
 * defaults, which are the look of `standaard`. */
#ifndef SM_THEME_H
#define SM_THEME_H
#include "sm.h"

struct sm_color { float r, g, b; };

/* Relative brightness, 0 (black) to 1 (white). */
static inline double sm_luminance(struct sm_color c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

/* A colour as ink for text on white: a light one (a pale grey of a
 * greyscale layout) is darkened until it reads. */
static inline struct sm_color sm_ink(struct sm_color c)
{
	double l = sm_luminance(c), k = l > 0.42 ? 0.42 / l : 1;
	return (struct sm_color){ (float)(c.r * k), (float)(c.g * k), (float)(c.b * k) };
}

enum sm_face_role { SM_FACE_REGULAR, SM_FACE_BOLD, SM_FACE_ITALIC, SM_FACE_BOLD_ITALIC, SM_FACE_HEADING,
		    SM_FACE_COUNT };

/* The engine's own words, which a layout may rename under `labels:`. */
#define SM_LABELS(X) \
	X(contents, "contents", "Inhoud") \
	X(vision, "vision", "Wat verstaan we eronder?") \
	X(goals, "goals", "Wat willen we bereiken?") \
	X(status, "status", "Hoe gaat het?") \
	X(interventions, "interventions", "Wat doen we ervoor?") \
	X(costs, "costs", "Wat mag het kosten?") \
	X(stories, "stories", "Verhalen uit de praktijk") \
	X(overview, "overview", "In één oogopslag") \
	X(programme, "programme", "Programma") \
	X(partners, "partners", "Partners") \
	X(reach, "reach", "Bereik") \
	X(budget, "budget", "Budget") \
	X(planned, "planned", "Begroot") \
	X(actual, "actual", "Werkelijk") \
	X(difference, "difference", "Verschil") \
	X(realisation, "realisation", "Realisatie") \
	X(total, "total", "Totaal") \
	X(amounts, "amounts", "Bedragen x € 1.000") \
	X(source, "source", "Bron") \
	X(goal, "goal", "Doel") \
	X(theme, "theme", "Thema") \
	X(effect, "effect", "Effectdoel") \
	X(output, "output", "Prestatiedoel") \
	X(indicators, "indicators", "Indicatoren") \
	X(chapter, "chapter", "Hoofdstuk") \
	X(publisher, "publisher", "Uitgave") \
	X(commissioned_by, "commissioned-by", "In opdracht van") \
	X(editors, "editors", "Samenstelling en redactie") \
	X(contact, "contact", "Contact") \
	X(published, "published", "Verschenen") \
	X(draft, "draft", "CONCEPT") \
	X(count, "count", "Aantal") \
	X(value, "value", "Waarde") \
	X(change, "change", "Verandering") \
	X(target, "target", "Streefwaarde") \
	X(judgement, "judgement", "Oordeel") \
	X(latest, "latest", "Laatste meting") \
	X(since_previous, "since-previous", "t.o.v. de vorige meting") \
	X(since_baseline, "since-baseline", "t.o.v. de nulmeting") \
	X(points, "points", "in procentpunten bij percentages") \
	X(sym_unknown, "symbol-unknown", "onbekend of geheim") \
	X(sym_small, "symbol-small", "te weinig waarnemingen") \
	X(sym_provisional, "symbol-provisional", "voorlopig cijfer") \
	X(sym_revised, "symbol-revised", "nader voorlopig cijfer") \
	X(sym_nil, "symbol-nil", "nihil") \
	X(versus, "versus", "t.o.v.") \
	X(versus_target, "versus-target", "t.o.v. streefwaarde") \
	X(versus_previous, "versus-previous", "t.o.v. vorige meting") \
	X(without_target, "without-target", "zonder streefwaarde") \
	X(in_thousands, "in-thousands", "x € 1.000") \
	X(favourable, "favourable", "gunstig") \
	X(unfavourable, "unfavourable", "ongunstig") \
	X(comparable, "comparable", "vergelijkbaar") \
	X(higher, "higher", "hoger") \
	X(lower, "lower", "lager") \
	X(stapeling, "stapeling", "Stapeling: ongunstige indicatoren per gebied") \
	X(unfavourable_count, "unfavourable-count", "Ongunstig") \
	X(judged_count, "judged-count", "Beoordeeld") \
	X(attention_area, "attention-area", "aandachtsgebied") \
	X(profiles, "profiles", "Profielen") \
	X(area, "area", "Gebied") \
	X(unit, "unit", "Eenheid") \
	X(frequency, "frequency", "Frequentie") \
	X(polarity, "polarity", "Richting") \
	X(bbv, "bbv", "BBV-indicator") \
	X(definition, "definition", "Definitie") \
	X(budget_table, "budget-table", "Budget per interventie") \
	X(intervention, "intervention", "Interventie") \
	X(goals_count, "goals-count", "doelen")

enum sm_label {
#define SM_X(id, key, text) SM_LABEL_##id,
	SM_LABELS(SM_X)
#undef SM_X
	SM_LABEL_COUNT
};

enum sm_cover_style { SM_COVER_BAND, SM_COVER_PHOTO, SM_COVER_PLAIN };

#define SM_MAX_CHART_COLORS 12

struct sm_theme {
	const char *name;                        /* as asked for */
	const char *file;                        /* the layout file, NULL for built-in */
	double page_w, page_h;                   /* pt */
	double m_top, m_bottom, m_inner, m_outer;
	const char *font_files[SM_FACE_COUNT];   /* as named */
	const char *font_paths[SM_FACE_COUNT];   /* found */
	struct sm_pos font_pos[SM_FACE_COUNT];   /* where the layout names it */
	const struct sm_dir *font_dirs[SM_FACE_COUNT];  /* ... below this folder; NULL: a system font */
	double body, leading, h1, h2, h3, small;
	struct sm_color primary, accent, text, muted, light, rule;
	struct sm_color status[SM_STATUS_COUNT];
	struct sm_color chart[SM_MAX_CHART_COLORS];
	int nchart;
	enum sm_cover_style cover;
	const char *logo, *photo;                /* paths found, or NULL */
	struct sm_image *logo_image, *photo_image;
	int start_right, numbered;
	const char *header, *footer;
	int justify, hyphenate;
	double measure;                          /* widest line of running text, pt; 0: the text area */
	struct sm_color header_fill;
	int zebra;
	int patterns;                            /* charts: series also by dash and hatching */
	int quote_bar;                           /* quotes: a bar at the left instead of a large mark */
	const char *labels[SM_LABEL_COUNT];
	const char *status_words[SM_STATUS_COUNT];
};

/* Where the engine's own files are (layouts/, fonts/, samples/): beside the
 * executable in the repo, or under PREFIX/share/sociale-monitor. */
const char *sm_engine_dir(void);
/* Loads the layout asked for on the command line (cli != NULL, a usage
 * error when unknown) or in monitor.yaml. Returns 0 or -1 after
 * reporting. usage_error is set when a --layout name is unknown. */
int sm_theme_load(struct sm_arena *a, const struct sm_doc *doc, const char *cli, struct sm_theme *t,
		  int *usage_error);
/* Lists the layouts (name and file) on stdout. */
void sm_theme_list(struct sm_arena *a, const struct sm_dir *project);

#endif
