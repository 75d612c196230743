/* load_data.c: the area register (data/areas.csv) and the observation
 * files (CSV) → areas and observation rows of the model, with every
 * problem reported at its file, line and column. */
#include "model.h"
#include "csvrows.h"
#include "numfmt.h"
#include "strmap.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ----------------------------------------------------------- headers */

struct column { const char *en, *nl; int required; };

/* Maps each header field to a column index of cols (or reports it). */
static int header(const struct sm_csv *c, const struct column *cols, int ncols, int *map, const char *missing_hint)
{
	const struct sm_csv_row *h = &c->rows[0];
	const char *names[40];
	int nn = 0;
	for (int k = 0; k < ncols; k++) {
		names[nn++] = cols[k].en;
		if (strcmp(cols[k].en, cols[k].nl))
			names[nn++] = cols[k].nl;
	}
	char list[400] = "";
	for (int k = 0; k < ncols; k++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", cols[k].en);
	int bad = 0, seen[40] = { 0 };
	for (int i = 0; i < h->n; i++) {
		char name[64];
		snprintf(name, sizeof name, "%s", h->fields[i]);
		for (char *p = name; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		map[i] = -1;
		for (int k = 0; k < ncols; k++)
			if (!strcmp(name, cols[k].en) || !strcmp(name, cols[k].nl))
				map[i] = k;
		if (map[i] < 0) {
			struct sm_pos p = sm_csv_pos(c, h, i);
			sm_diag(SM_MSG_csv_column, &p, h->fields[i], sm_did_you_mean(name, names, nn), list);
			bad = 1;
		} else if (seen[map[i]]++) {
			struct sm_pos p = sm_csv_pos(c, h, i);
			sm_diag(SM_MSG_csv_column, &p, h->fields[i], " (it is there twice)", list);
			bad = 1;
		}
	}
	for (int k = 0; k < ncols; k++)
		if (cols[k].required && !seen[k]) {
			struct sm_pos p = { c->file, h->line, 1 };
			sm_diag(SM_MSG_csv_missing_column, &p, cols[k].en, missing_hint);
			bad = 1;
		}
	return bad ? -1 : 0;
}

static int row_width(const struct sm_csv *c, const struct sm_csv_row *r)
{
	int want = c->rows[0].n;
	if (r->n == want)
		return 0;
	struct sm_pos p = { c->file, r->line, 1 };
	char hint[160];
	if (c->delim == ';' && r->n < want)
		snprintf(hint, sizeof hint, "every row needs a ';' between its fields, also around empty ones");
	else
		snprintf(hint, sizeof hint, "a text with a '%c' in it needs quotes around it", c->delim == '\t' ? ' ' : c->delim);
	sm_diag(SM_MSG_csv_fields, &p, r->n, want, hint);
	return -1;
}

/* ------------------------------------------------------------- areas */

static const char *const level_names[] = { "land", "reference", "gemeente", "wijk", "buurt" };

static int code_ok(const char *s, const char *prefix, size_t rest)
{
	if (strncmp(s, prefix, 2) || strlen(s) != 2 + rest)
		return 0;
	for (size_t i = 2; i < 2 + rest; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

static int load_areas(struct sm_arena *a, struct sm_doc *d, struct sm_strmap *codes)
{
	struct sm_csv c;
	if (sm_csv_read(a, d->root, d->areas_file, &c))
		return -1;
	static const struct column cols[] = {
		{ "code", "code", 1 }, { "name", "naam", 1 }, { "level", "niveau", 1 }, { "parent", "ouder", 0 },
	};
	int map[SM_CSV_MAX_FIELDS + 1];
	if (header(&c, cols, 4, map, "the area register needs code;naam;niveau;ouder (or code;name;level;parent)"))
		return -1;
	d->areas = sm_arena_alloc(a, (size_t)c.nrows * sizeof *d->areas);
	sm_strmap_init(a, codes, (unsigned)c.nrows);
	for (int i = 1; i < c.nrows; i++) {
		const struct sm_csv_row *r = &c.rows[i];
		if (row_width(&c, r))
			continue;
		const char *f[4] = { "", "", "", "" };
		int at[4] = { 0, 0, 0, 0 };
		for (int k = 0; k < r->n; k++) {
			f[map[k]] = r->fields[k];
			at[map[k]] = k;
		}
		struct sm_area *ar = &d->areas[d->nareas];
		ar->code = f[0];
		ar->name = f[1];
		ar->pos = sm_csv_pos(&c, r, at[0]);
		struct sm_pos lp = sm_csv_pos(&c, r, at[2]);
		int lv = -1;
		for (int k = 0; k < 5; k++)
			if (!strcasecmp(f[2], level_names[k]))
				lv = k;
		if (!strcasecmp(f[2], "referentie"))
			lv = SM_LEVEL_REFERENCE;
		if (lv < 0) {
			sm_diag(SM_MSG_area_level, &lp, f[2]);
			continue;
		}
		ar->level = (enum sm_area_level)lv;
		if (!f[0][0]) {
			sm_diag(SM_MSG_empty_value, &ar->pos, "code", "every area needs its code");
			continue;
		}
		if (lv == SM_LEVEL_GEMEENTE && !code_ok(f[0], "GM", 4)) {
			sm_diag(SM_MSG_area_code, &ar->pos, f[0], "gemeente", "GM and four digits, such as GM1999");
			continue;
		}
		if (lv == SM_LEVEL_WIJK && !code_ok(f[0], "WK", 6)) {
			sm_diag(SM_MSG_area_code, &ar->pos, f[0], "wijk", "WK and six digits or capitals, such as WK199901");
			continue;
		}
		if (lv == SM_LEVEL_BUURT && !code_ok(f[0], "BU", 8)) {
			sm_diag(SM_MSG_area_code, &ar->pos, f[0], "buurt", "BU and eight digits or capitals, such as BU19990101");
			continue;
		}
		/* A name stands in every table and chart of its area. */
		struct sm_pos np = sm_csv_pos(&c, r, at[1]);
		if (sm_utf8_limit(ar->name, SM_MAX_NAME, c.rows[0].fields[at[1]], &np))
			continue;
		if (!ar->name[0])
			ar->name = ar->code;
		ar->parent = (struct sm_ref){ f[3][0] ? f[3] : NULL, sm_csv_pos(&c, r, at[3]), -1 };
		int prev = sm_strmap_put(a, codes, ar->code, d->nareas);
		if (prev >= 0) {
			char what[80];
			snprintf(what, sizeof what, "area %s", ar->code);
			sm_diag(SM_MSG_csv_duplicate, &ar->pos, what, d->areas[prev].pos.line);
			continue;
		}
		d->nareas++;
	}
	/* Parents: a wijk belongs to a gemeente, a buurt to a wijk. */
	for (int i = 0; i < d->nareas; i++) {
		struct sm_area *ar = &d->areas[i];
		if (ar->level != SM_LEVEL_WIJK && ar->level != SM_LEVEL_BUURT) {
			if (ar->parent.id) {
				char msg[200];
				snprintf(msg, sizeof msg, "a %s has no parent, so '%s' cannot be one; leave the parent of %s empty",
					 level_names[ar->level], ar->parent.id, ar->code);
				sm_diag(SM_MSG_area_parent, &ar->parent.pos, msg);
			}
			continue;
		}
		enum sm_area_level want = ar->level == SM_LEVEL_WIJK ? SM_LEVEL_GEMEENTE : SM_LEVEL_WIJK;
		char msg[300];
		if (!ar->parent.id) {
			snprintf(msg, sizeof msg, "%s %s needs its parent: the code of its %s", level_names[ar->level],
				 ar->code, level_names[want]);
			sm_diag(SM_MSG_area_parent, &ar->parent.pos, msg);
			continue;
		}
		int p = sm_strmap_get(codes, ar->parent.id);
		if (p < 0) {
			snprintf(msg, sizeof msg, "parent '%s' of %s is not in the area register", ar->parent.id, ar->code);
			sm_diag(SM_MSG_area_parent, &ar->parent.pos, msg);
		} else if (d->areas[p].level != want) {
			snprintf(msg, sizeof msg, "the parent of %s %s must be a %s, but '%s' is a %s", level_names[ar->level],
				 ar->code, level_names[want], d->areas[p].code, level_names[d->areas[p].level]);
			sm_diag(SM_MSG_area_parent, &ar->parent.pos, msg);
		} else {
			ar->parent.index = p;
		}
	}
	return sm_diag_errors() ? -1 : 0;
}

/* ------------------------------------------------------- observations */

/* A number as the file writes it: English with ',' as delimiter, Dutch
 * (decimal comma, a point only before groups of three) with ';' or tab.
 * Returns 0 (a number), 1 (missing: empty, '.' or '-'), -1 (not a number;
 * *dutch_hint set when it is an English decimal in a Dutch file). */
static int parse_number(const char *s, char delim, double *out, const char **dutch_hint, struct sm_arena *a)
{
	*dutch_hint = NULL;
	if (!s[0] || !strcmp(s, ".") || !strcmp(s, "-"))
		return 1;
	int neg = 0;
	const char *p = s;
	if (*p == '-') {
		neg = 1;
		p++;
	} else if (!strncmp(p, "\xE2\x88\x92", 3)) {
		neg = 1;
		p += 3;
	}
	char dec = delim == ',' ? '.' : ',', group = delim == ',' ? 0 : '.';
	double x = 0;
	int digits = 0, run = 0, groups = 0, first_run = -1;
	while (*p) {
		if (*p >= '0' && *p <= '9') {
			x = x * 10 + (*p - '0');
			digits++;
			run++;
		} else if (group && *p == group) {
			if (first_run < 0)
				first_run = run;
			else if (run != 3)
				break;
			groups++;
			run = 0;
		} else {
			break;
		}
		p++;
	}
	int grouping_ok = groups == 0 || (first_run >= 1 && first_run <= 3 && run == 3);
	if (*p == dec && grouping_ok) {
		p++;
		double scale = 1;
		int fd = 0;
		while (*p >= '0' && *p <= '9') {
			scale /= 10;
			x += (*p++ - '0') * scale;
			fd++;
		}
		if (!fd)
			return -1;
		digits += fd;
	}
	if (*p || !digits || !grouping_ok || digits > 15) {
		/* "3.7" in a Dutch file: say what to write instead. */
		if (group) {
			const char *q = s + (neg ? (s[0] == '-' ? 1 : 3) : 0);
			size_t n = strspn(q, "0123456789");
			if (n && q[n] == '.' && q[n + 1] && strspn(q + n + 1, "0123456789") == strlen(q + n + 1)) {
				char *fix = sm_arena_strdup(a, s);
				fix[q - s + n] = ',';
				*dutch_hint = fix;
			}
		}
		return -1;
	}
	*out = neg ? -x : x;
	return 0;
}

/* Figures that cannot be, in an observation file and a CBS file alike,
 * each reported at its field: a count over a denominator of 0 (printed as
 * an empty area, yet added into its wijk and gemeente), a value for an
 * area whose denominator is 0, a numerator above its denominator for a
 * percentage, and a negative count that is summed upward. Returns 1 when
 * the row is refused. */
static int impossible(struct sm_arena *a, const struct sm_indicator *ind, const struct sm_obs *o,
		      const struct sm_csv *c, const struct sm_csv_row *r, int num_at, int den_at, int value_at)
{
	struct sm_pos p;
	const char *num_s = r->fields[num_at >= 0 ? num_at : 0], *den_s = r->fields[den_at >= 0 ? den_at : 0];
	const char *value_s = r->fields[value_at >= 0 ? value_at : 0];
	while (*num_s == ' ')           /* a CBS file pads its fields */
		num_s++;
	while (*den_s == ' ')
		den_s++;
	while (*value_s == ' ')
		value_s++;
	if ((o->has & SM_HAS_DEN) && o->den == 0) {
		if ((o->has & SM_HAS_NUM) && o->num > 0) {
			p = sm_csv_pos(c, r, num_at);
			sm_diag(SM_MSG_den_zero_count, &p, num_s);
			return 1;
		}
		if (o->has & SM_HAS_VALUE) {
			p = sm_csv_pos(c, r, value_at);
			sm_diag(SM_MSG_den_zero_value, &p, value_s);
			return 1;
		}
	}
	if (ind->unit == SM_UNIT_PERCENT && (o->has & SM_HAS_NUM) && (o->has & SM_HAS_DEN) && o->num > o->den) {
		char *pct = sm_arena_printf(a, "%s%%", sm_fmt_num(a, o->num / o->den * 100, ind->decimals, 1));
		p = sm_csv_pos(c, r, num_at);
		sm_diag(SM_MSG_num_over_den, &p, num_s, den_s, pct);
		return 1;
	}
	if (ind->sum && (o->has & SM_HAS_VALUE) && o->value < 0) {
		p = sm_csv_pos(c, r, value_at);
		sm_diag(SM_MSG_count_negative, &p, value_s, sm_arena_printf(a, "'%s' has aggregate: sum", ind->id));
		return 1;
	}
	return 0;
}

enum { C_IND, C_AREA, C_YEAR, C_VALUE, C_NUM, C_DEN, C_N, C_LOWER, C_UPPER, C_FLAG, C_COUNT };

static const struct column obs_cols[C_COUNT] = {
	[C_IND] = { "indicator", "indicator", 1 }, [C_AREA] = { "area", "gebied", 1 },
	[C_YEAR] = { "year", "jaar", 1 }, [C_VALUE] = { "value", "waarde", 0 },
	[C_NUM] = { "numerator", "teller", 0 }, [C_DEN] = { "denominator", "noemer", 0 },
	[C_N] = { "n", "n", 0 }, [C_LOWER] = { "lower", "ondergrens", 0 },
	[C_UPPER] = { "upper", "bovengrens", 0 }, [C_FLAG] = { "flag", "status", 0 },
};

struct obs_ctx {
	struct sm_arena *a;
	struct sm_doc *d;
	struct sm_strmap *codes, ids;
	const char **id_names, **area_names;
	int ocap;
};

static void load_observations(struct obs_ctx *x, const char *file)
{
	struct sm_doc *d = x->d;
	struct sm_csv c;
	if (sm_csv_read(x->a, d->root, file, &c))
		return;
	int map[SM_CSV_MAX_FIELDS + 1];
	if (header(&c, obs_cols, C_COUNT, map, "an observation file needs at least indicator, area (gebied) and year (jaar)"))
		return;
	char delim_name[8];
	snprintf(delim_name, sizeof delim_name, "%s", c.delim == '\t' ? "tab" : c.delim == ';' ? ";" : ",");
	SM_RESERVE(x->a, d->obs, x->ocap, d->nobs + c.nrows);
	for (int i = 1; i < c.nrows; i++) {
		const struct sm_csv_row *r = &c.rows[i];
		if (row_width(&c, r))
			continue;
		const char *f[C_COUNT];
		int at[C_COUNT];
		for (int k = 0; k < C_COUNT; k++) {
			f[k] = "";
			at[k] = 0;
		}
		for (int k = 0; k < r->n; k++) {
			f[map[k]] = r->fields[k];
			at[map[k]] = k;
		}
		struct sm_obs o;
		memset(&o, 0, sizeof o);
		o.pos = sm_csv_pos(&c, r, 0);
		int ok = 1;
		o.indicator = sm_strmap_get(&x->ids, f[C_IND]);
		if (o.indicator < 0) {
			struct sm_pos p = sm_csv_pos(&c, r, at[C_IND]);
			sm_diag(SM_MSG_unknown_indicator, &p, f[C_IND], sm_did_you_mean(f[C_IND], x->id_names, d->nindicators),
				d->indicators_file);
			ok = 0;
		}
		o.area = sm_strmap_get(x->codes, f[C_AREA]);
		if (o.area < 0) {
			struct sm_pos p = sm_csv_pos(&c, r, at[C_AREA]);
			sm_diag(SM_MSG_unknown_area, &p, f[C_AREA], sm_did_you_mean(f[C_AREA], x->area_names, d->nareas),
				d->areas_file);
			ok = 0;
		}
		o.period = sm_parse_period(f[C_YEAR]);
		if (o.period < 0) {
			struct sm_pos p = sm_csv_pos(&c, r, at[C_YEAR]);
			sm_diag(SM_MSG_csv_period, &p, f[C_YEAR]);
			ok = 0;
		} else if (d->edition > 0 && SM_PERIOD_YEAR(o.period) > d->edition + 1) {
			/* A typo such as 2923: no data can come from later than the
			 * year after the edition. */
			struct sm_pos p = sm_csv_pos(&c, r, at[C_YEAR]);
			sm_diag(SM_MSG_csv_future_period, &p, f[C_YEAR], d->edition + 1, d->edition);
			ok = 0;
		}
		static const int num_cols[] = { C_VALUE, C_NUM, C_DEN, C_N, C_LOWER, C_UPPER };
		static const unsigned bits[] = { SM_HAS_VALUE, SM_HAS_NUM, SM_HAS_DEN, SM_HAS_N, SM_HAS_LOWER, SM_HAS_UPPER };
		double *dst[] = { &o.value, &o.num, &o.den, &o.n, &o.lower, &o.upper };
		for (int k = 0; k < 6; k++) {
			const char *hint;
			int rc = parse_number(f[num_cols[k]], c.delim, dst[k], &hint, x->a);
			if (rc == 0 && *dst[k] < 0 && (bits[k] & (SM_HAS_NUM | SM_HAS_DEN | SM_HAS_N))) {
				/* Counts: a negative one would turn a rate or a
				 * suppression around. */
				struct sm_pos p = sm_csv_pos(&c, r, at[num_cols[k]]);
				sm_diag(SM_MSG_size_range, &p, f[num_cols[k]], obs_cols[num_cols[k]].en,
					"it is a count: write 0 or more");
				ok = 0;
			} else if (rc == 0) {
				o.has |= bits[k];
			} else if (rc < 0) {
				struct sm_pos p = sm_csv_pos(&c, r, at[num_cols[k]]);
				if (hint)
					sm_diag(SM_MSG_csv_decimal_point, &p, f[num_cols[k]], delim_name, hint);
				else
					sm_diag(SM_MSG_csv_number, &p, f[num_cols[k]],
						c.delim == ',' ? "; this file separates fields with ',', so write numbers like 3.7 without thousands separators"
							       : "; write numbers the Dutch way, like 3,7 or 1.234");
				ok = 0;
			}
		}
		const char *fl = f[C_FLAG];
		if (!fl[0])
			o.flag = SM_FLAG_NONE;
		else if (!strcmp(fl, "*"))
			o.flag = SM_FLAG_PROVISIONAL;
		else if (!strcmp(fl, "**"))
			o.flag = SM_FLAG_REVISED;
		else if (!strcmp(fl, "."))
			o.flag = SM_FLAG_SECRET;
		else if (!strcmp(fl, "-"))
			o.flag = SM_FLAG_NIL;
		else {
			struct sm_pos p = sm_csv_pos(&c, r, at[C_FLAG]);
			sm_diag(SM_MSG_csv_flag, &p, fl);
			ok = 0;
		}
		if (!ok)
			continue;
		const struct sm_indicator *ind = &d->indicators[o.indicator];
		/* A denominator of 0 without a numerator (or with '.'): a buurt
		 * with nothing in it, which adds nothing to its wijk. */
		if ((o.has & SM_HAS_DEN) && o.den == 0 && !(o.has & (SM_HAS_NUM | SM_HAS_VALUE))) {
			o.num = 0;
			o.has |= SM_HAS_NUM;
			if (o.flag == SM_FLAG_SECRET)
				o.flag = SM_FLAG_NONE;
		}
		/* Before nihil fills in its 0: a nihil row over 0 is empty. */
		if (impossible(x->a, ind, &o, &c, r, at[C_NUM], at[C_DEN], at[C_VALUE]))
			continue;
		if (o.flag == SM_FLAG_NIL && !(o.has & SM_HAS_VALUE)) {
			o.value = 0;
			o.has |= SM_HAS_VALUE;
		}
		int ratio_parts = (o.has & SM_HAS_NUM) && (o.has & SM_HAS_DEN);
		if ((o.has & SM_HAS_VALUE) && ratio_parts && o.den != 0) {
			double v = o.num / o.den * sm_unit_factor(ind->unit);
			if (fabs(sm_round(o.value, ind->decimals) - v) > 0.5 * pow(10, -ind->decimals) + 1e-9) {
				struct sm_pos p = sm_csv_pos(&c, r, at[C_VALUE]);
				sm_diag(SM_MSG_value_mismatch, &p, f[C_VALUE], sm_fmt_num(x->a, v, ind->decimals + 2, 1));
				continue;
			}
		}
		SM_PUSH(x->a, d->obs, d->nobs, x->ocap, o);
	}
}

/* ------------------------------------------------- CBS open-data files
 *
 * The OData "TypedDataSet" CSV as CBS serves it: a row per region (and per
 * period, when the table has a Perioden column), a column per measure,
 * every field quoted and padded with spaces, numbers with a decimal point
 * and '.' for secret or unknown. monitor.yaml maps its columns to
 * indicators (struct sm_obs_source). */

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = 0;
	return s;
}

enum { CBS_NUMBER, CBS_SECRET, CBS_EMPTY, CBS_BAD };

static int cbs_number(const char *s, double *out)
{
	if (!s[0])
		return CBS_EMPTY;
	if (!strcmp(s, "."))
		return CBS_SECRET;
	const char *p = s;
	int neg = *p == '-', digits = 0;
	p += neg;
	double x = 0, scale = 1;
	while (*p >= '0' && *p <= '9') {
		x = x * 10 + (*p++ - '0');
		digits++;
	}
	if (*p == '.' && p[1] >= '0' && p[1] <= '9')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
			scale /= 10;
			x += (*p - '0') * scale;
		}
	if (*p || !digits || digits > 15)
		return CBS_BAD;
	*out = neg ? -x : x;
	return CBS_NUMBER;
}

/* The region column: WijkenEnBuurten (wijken en buurten) or RegioS (the
 * regional tables); -1 when there is none. */
static int cbs_region_column(const struct sm_csv_row *h)
{
	static const char *const names[] = { "WijkenEnBuurten", "RegioS", "Codering_3" };
	for (int k = 0; k < 3; k++)
		for (int i = 0; i < h->n; i++)
			if (!strcmp(h->fields[i], names[k]))
				return i;
	return -1;
}

/* The length of a CBS column name without its number: k_65JaarOfOuder
 * of k_65JaarOfOuder_12. */
static size_t cbs_stem(const char *s)
{
	size_t n = strlen(s), k = n;
	while (k && s[k - 1] >= '0' && s[k - 1] <= '9')
		k--;
	return k < n && k > 1 && s[k - 1] == '_' ? k - 1 : n;
}

/* " (did you mean 'A', 'B' or 'C'?)": the columns of the same name with
 * another number first (the numbers change from one table to the next),
 * then the closest by spelling. */
static const char *cbs_close_columns(struct sm_arena *a, const char *name, const struct sm_csv_row *h)
{
	enum { MOST = 3 };
	const char *pick[MOST];
	int n = 0;
	size_t stem = cbs_stem(name);
	for (int i = 0; i < h->n && n < MOST; i++)
		if (cbs_stem(h->fields[i]) == stem && !strncasecmp(h->fields[i], name, stem))
			pick[n++] = h->fields[i];
	const char **rest = sm_arena_alloc(a, (size_t)(h->n + 1) * sizeof *rest);
	int nrest = 0;
	for (int i = 0; i < h->n; i++) {
		int taken = 0;
		for (int k = 0; k < n; k++)
			taken |= pick[k] == h->fields[i];
		if (!taken)
			rest[nrest++] = h->fields[i];
	}
	while (n < MOST) {
		const char *s = sm_suggest(name, rest, nrest);
		if (!s)
			break;
		pick[n++] = s;
		for (int i = 0; i < nrest; i++)
			if (rest[i] == s)
				rest[i--] = rest[--nrest];
	}
	if (!n)
		return "";
	char *out = sm_arena_printf(a, " (did you mean '%s'", pick[0]);
	for (int k = 1; k < n; k++)
		out = sm_arena_printf(a, "%s%s'%s'", out, k == n - 1 ? " or " : ", ", pick[k]);
	return sm_arena_printf(a, "%s?)", out);
}

static int cbs_find_column(struct obs_ctx *x, const struct sm_csv *c, const char *name, const struct sm_pos *pos)
{
	const struct sm_csv_row *h = &c->rows[0];
	for (int i = 0; i < h->n; i++)
		if (!strcmp(h->fields[i], name))
			return i;
	sm_diag(SM_MSG_cbs_column, pos, name, c->file, cbs_close_columns(x->a, name, h), h->line);
	return -1;
}

/* "2023JJ00" (or "2023") → the year; -1 for quarters, months and the rest. */
static int cbs_period_of(const char *s)
{
	size_t n = strlen(s);
	if (n == 8 && !strcmp(s + 4, "JJ00"))
		n = 4;
	else if (n != 4)
		return -1;
	int y = 0;
	for (size_t i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	return y >= SM_YEAR_MIN ? SM_PERIOD(y, 0) : -1;
}

static void load_cbs(struct obs_ctx *x, const struct sm_obs_source *src)
{
	struct sm_doc *d = x->d;
	struct sm_csv c;
	if (sm_csv_read(x->a, d->root, src->file, &c))
		return;
	struct sm_csv_row *h = &c.rows[0];
	for (int i = 0; i < h->n; i++)
		h->fields[i] = trim(h->fields[i]);
	struct sm_pos hp = { c.file, h->line, 1 };
	int region = cbs_region_column(h), per_col = -1, pop = -1, bad = 0;
	if (region < 0) {
		sm_diag(SM_MSG_cbs_region_column, &hp);
		bad = 1;
	}
	for (int i = 0; i < h->n; i++)
		if (!strcmp(h->fields[i], "Perioden"))
			per_col = i;
	if (per_col < 0 && src->period < 0) {
		sm_diag(SM_MSG_cbs_needs_period, &src->pos, c.file);
		bad = 1;
	}
	for (int i = 0; i < h->n; i++)
		for (int j = 0; j < i; j++)
			if (!strcmp(h->fields[i], h->fields[j])) {
				struct sm_pos cp = sm_csv_pos(&c, h, i);
				sm_diag(SM_MSG_cbs_column_twice, &cp, h->fields[i], j + 1);
				bad = 1;
				break;
			}
	if (src->population && (pop = cbs_find_column(x, &c, src->population, &src->population_pos)) < 0)
		bad = 1;
	/* Where each indicator's parts are: col[k][part], -1 when not given. */
	int (*col)[SM_CBS_PARTS] = sm_arena_alloc(x->a, (size_t)(src->ncolumns + 1) * sizeof *col);
	int *ind = sm_arena_alloc(x->a, (size_t)(src->ncolumns + 1) * sizeof *ind);
	for (int k = 0; k < src->ncolumns; k++) {
		const struct sm_cbs_column *m = &src->columns[k];
		ind[k] = sm_strmap_get(&x->ids, m->indicator.id);
		if (ind[k] < 0) {
			sm_diag(SM_MSG_unknown_indicator, &m->indicator.pos, m->indicator.id,
				sm_did_you_mean(m->indicator.id, x->id_names, d->nindicators), d->indicators_file);
			bad = 1;
		}
		for (int part = 0; part < SM_CBS_PARTS; part++) {
			col[k][part] = -1;
			if (m->col[part] && (col[k][part] = cbs_find_column(x, &c, m->col[part], &m->col_pos[part])) < 0)
				bad = 1;
		}
	}
	if (bad)
		return;
	SM_RESERVE(x->a, d->obs, x->ocap, d->nobs + (c.nrows - 1) * src->ncolumns);
	int unknown = 0, other_period = 0, errors = sm_diag_errors(), nobs = d->nobs, first_period = -1;
	char examples[200] = "";
	for (int i = 1; i < c.nrows; i++) {
		const struct sm_csv_row *r = &c.rows[i];
		if (row_width(&c, r))
			continue;
		const char *code = trim(r->fields[region]);
		int area = sm_strmap_get(x->codes, code);
		if (area < 0) {
			if (unknown++ < 3)
				snprintf(examples + strlen(examples), sizeof examples - strlen(examples), "%s%s",
					 unknown > 1 ? ", " : "such as ", code);
			continue;
		}
		int period = src->period;
		if (per_col >= 0) {
			const char *ps = trim(r->fields[per_col]);
			int p = cbs_period_of(ps);
			if (p < 0) {
				struct sm_pos pp = sm_csv_pos(&c, r, per_col);
				sm_diag(SM_MSG_cbs_period, &pp, ps);
				continue;
			}
			if (src->period >= 0 && p != src->period) {
				if (!other_period++)
					first_period = p;
				continue;       /* period: picks one period of the file */
			}
			period = p;
		}
		if (d->edition > 0 && SM_PERIOD_YEAR(period) > d->edition + 1) {
			struct sm_pos pp = per_col >= 0 ? sm_csv_pos(&c, r, per_col) : src->period_pos;
			char ys[16];
			snprintf(ys, sizeof ys, "%d", SM_PERIOD_YEAR(period));
			sm_diag(SM_MSG_csv_future_period, &pp, ys, d->edition + 1, d->edition);
			if (per_col < 0)
				return;
			continue;
		}
		/* A region without inhabitants is empty: nothing to hide in it. */
		double people = -1;
		if (pop >= 0) {
			int rc = cbs_number(trim(r->fields[pop]), &people);
			if (rc == CBS_BAD) {
				struct sm_pos pp = sm_csv_pos(&c, r, pop);
				sm_diag(SM_MSG_cbs_number, &pp, r->fields[pop]);
				continue;
			}
			if (rc != CBS_NUMBER)
				people = -1;
		}
		for (int k = 0; k < src->ncolumns; k++) {
			struct sm_obs o;
			memset(&o, 0, sizeof o);
			o.indicator = ind[k];
			o.area = area;
			o.period = period;
			o.pos = sm_csv_pos(&c, r, region);
			double v[SM_CBS_PARTS];
			int rc[SM_CBS_PARTS], ok = 1, secret = 0, given = 0;
			for (int part = 0; part < SM_CBS_PARTS; part++) {
				rc[part] = CBS_EMPTY;
				if (col[k][part] < 0)
					continue;
				const char *f = trim(r->fields[col[k][part]]);
				rc[part] = cbs_number(f, &v[part]);
				if (rc[part] == CBS_BAD) {
					struct sm_pos pp = sm_csv_pos(&c, r, col[k][part]);
					sm_diag(SM_MSG_cbs_number, &pp, f);
					ok = 0;
				} else if (rc[part] == CBS_NUMBER && v[part] < 0 && part != SM_CBS_VALUE) {
					struct sm_pos pp = sm_csv_pos(&c, r, col[k][part]);
					sm_diag(SM_MSG_count_negative, &pp, f,
						sm_arena_printf(x->a, "%s of '%s'", part == SM_CBS_NUM ? "the numerator" :
								part == SM_CBS_DEN ? "the denominator" : "n", src->columns[k].indicator.id));
					ok = 0;
				}
				secret |= rc[part] == CBS_SECRET;
				given |= rc[part] != CBS_EMPTY;
			}
			if (!ok || !given)
				continue;
			const struct sm_indicator *in = &d->indicators[o.indicator];
			/* Empty: no inhabitants and no figure but 0 or '.', or a
			 * denominator of 0 without a numerator or value. A
			 * region without inhabitants that has figures keeps them
			 * (dwellings, businesses); the checks below refuse what
			 * cannot be. */
			int nonzero = 0;
			for (int part = 0; part < SM_CBS_PARTS; part++)
				nonzero |= rc[part] == CBS_NUMBER && v[part] != 0;
			int empty = (people == 0 && !nonzero) ||
				    (rc[SM_CBS_DEN] == CBS_NUMBER && v[SM_CBS_DEN] == 0 && rc[SM_CBS_NUM] != CBS_NUMBER &&
				     rc[SM_CBS_VALUE] != CBS_NUMBER);
			if (empty && (in->sum || col[k][SM_CBS_DEN] >= 0)) {
				/* 0 of 0: no figure of its own, nothing to add or to hide. */
				o.has = SM_HAS_NUM | SM_HAS_DEN;
				SM_PUSH(x->a, d->obs, d->nobs, x->ocap, o);
				continue;
			}
			if (rc[SM_CBS_NUM] == CBS_NUMBER && rc[SM_CBS_DEN] == CBS_NUMBER) {
				o.num = v[SM_CBS_NUM];
				o.den = v[SM_CBS_DEN];
				o.has |= SM_HAS_NUM | SM_HAS_DEN;
			}
			if (rc[SM_CBS_VALUE] == CBS_NUMBER) {
				o.value = v[SM_CBS_VALUE];
				o.has |= SM_HAS_VALUE;
			}
			if (rc[SM_CBS_N] == CBS_NUMBER) {
				o.n = v[SM_CBS_N];
				o.has |= SM_HAS_N;
			}
			/* The checks see the denominator also when the numerator
			 * is secret: a value over 0 is as impossible. */
			struct sm_obs chk = o;
			if (rc[SM_CBS_DEN] == CBS_NUMBER) {
				chk.den = v[SM_CBS_DEN];
				chk.has |= SM_HAS_DEN;
			}
			if (impossible(x->a, in, &chk, &c, r, col[k][SM_CBS_NUM], col[k][SM_CBS_DEN], col[k][SM_CBS_VALUE]))
				continue;
			if (secret && !(o.has & (SM_HAS_VALUE | SM_HAS_DEN)))
				o.flag = SM_FLAG_SECRET;
			else if (!(o.has & (SM_HAS_VALUE | SM_HAS_DEN)))
				continue;       /* an empty region's secret figure: none */
			SM_PUSH(x->a, d->obs, d->nobs, x->ocap, o);
		}
	}
	if (unknown) {
		struct sm_pos fp = { c.file, 0, 0 };
		sm_diag(SM_MSG_cbs_unknown_regions, &fp, d->areas_file, unknown, examples, c.file);
	}
	/* A file that adds nothing says why, naming itself: a block that
	 * shows no data points elsewhere. */
	if (d->nobs == nobs && sm_diag_errors() == errors) {
		const char *why;
		if (c.nrows <= 1)
			why = "it has no rows below its header; download the table again";
		else if (other_period && other_period + unknown == c.nrows - 1)
			why = sm_arena_printf(x->a, "its rows are of %d, not of the period %d that monitor.yaml names; correct period:",
					      SM_PERIOD_YEAR(first_period), SM_PERIOD_YEAR(src->period));
		else if (unknown == c.nrows - 1)
			why = "none of its regions is in the area register";
		else
			why = "every field of its columns is empty";
		sm_diag(SM_MSG_cbs_no_values, &src->pos, c.file, why);
	}
}

/* The names of a CBS region dimension file (the WijkenEnBuurten.csv or
 * RegioS.csv of a download: Key or Identifier, and Title), code → name. */
static int cbs_names(struct sm_arena *a, const char *file, struct sm_strmap *names, const char ***title)
{
	struct sm_csv c;
	if (sm_csv_read(a, NULL, file, &c))
		return -1;
	struct sm_csv_row *h = &c.rows[0];
	int key = -1, tit = -1;
	for (int i = 0; i < h->n; i++) {
		const char *f = trim(h->fields[i]);
		if (!strcmp(f, "Key") || !strcmp(f, "Identifier"))
			key = i;
		else if (!strcmp(f, "Title"))
			tit = i;
	}
	if (key < 0 || tit < 0) {
		struct sm_pos hp = { c.file, h->line, 1 };
		sm_diag(SM_MSG_csv_missing_column, &hp, key < 0 ? "Key" : "Title",
			"a CBS file of region names has Key (the code) and Title (the name), as the WijkenEnBuurten.csv of a download");
		return -1;
	}
	sm_strmap_init(a, names, (unsigned)c.nrows + 1);
	*title = sm_arena_alloc(a, (size_t)(c.nrows + 1) * sizeof **title);
	for (int i = 1; i < c.nrows; i++) {
		const struct sm_csv_row *r = &c.rows[i];
		if (r->n <= key || r->n <= tit)
			continue;
		(*title)[i] = trim(r->fields[tit]);
		sm_strmap_put(a, names, trim(r->fields[key]), i);
	}
	return 0;
}

/* sociale-monitor areas FILE [NAMES]: an area register (code;naam;niveau;
 * ouder) from the region codes of a CBS file. A buurt's wijk and a wijk's
 * gemeente follow from the codes (BU05180101 lies in WK051801, which lies
 * in GM0518). Names come from NAMES (the region dimension file of the
 * download), else from a Gemeentenaam_1 column for the gemeente; the rest
 * are left empty (an empty name prints as the code). */
int sm_cbs_areas(struct sm_arena *a, const char *file, const char *names_file)
{
	struct sm_strmap names = { 0 };
	const char **title = NULL;
	if (names_file && cbs_names(a, names_file, &names, &title))
		return 1;
	struct sm_csv c;
	if (sm_csv_read(a, NULL, file, &c))
		return 1;
	struct sm_csv_row *h = &c.rows[0];
	for (int i = 0; i < h->n; i++)
		h->fields[i] = trim(h->fields[i]);
	int region = cbs_region_column(h), gname = -1;
	if (region < 0) {
		struct sm_pos hp = { c.file, h->line, 1 };
		sm_diag(SM_MSG_cbs_region_column, &hp);
		return 1;
	}
	for (int i = 0; i < h->n; i++)
		if (!strcmp(h->fields[i], "Gemeentenaam_1"))
			gname = i;
	struct sm_strmap seen = { 0 };
	sm_strmap_init(a, &seen, (unsigned)c.nrows * 2 + 2);
	printf("code;naam;niveau;ouder\n");
	int n = 0;
	for (int i = 1; i < c.nrows; i++) {
		const struct sm_csv_row *r = &c.rows[i];
		if (r->n != h->n)
			continue;
		const char *code = trim(r->fields[region]);
		/* The area itself and, before it, any parent the file lacks. */
		char chain[3][16];
		int nc = 0;
		if (code_ok(code, "BU", 8)) {
			snprintf(chain[nc++], 16, "GM%.4s", code + 2);
			snprintf(chain[nc++], 16, "WK%.6s", code + 2);
		} else if (code_ok(code, "WK", 6)) {
			snprintf(chain[nc++], 16, "GM%.4s", code + 2);
		} else if (!code_ok(code, "GM", 4)) {
			continue;       /* Nederland, provinces, other regions */
		}
		snprintf(chain[nc++], 16, "%s", code);
		for (int k = 0; k < nc; k++) {
			if (sm_strmap_get(&seen, chain[k]) >= 0)
				continue;
			sm_strmap_put(a, &seen, sm_arena_strdup(a, chain[k]), n++);
			const char *name = "";
			int t = title ? sm_strmap_get(&names, chain[k]) : -1;
			if (t >= 0)
				name = title[t];
			else if (chain[k][0] == 'G' && gname >= 0)
				name = trim(r->fields[gname]);  /* every row names its gemeente */
			const char *level = chain[k][0] == 'G' ? "gemeente" : chain[k][0] == 'W' ? "wijk" : "buurt";
			const char *parent = k ? chain[k - 1] : "";
			if (strpbrk(name, ";\"")) {
				printf("%s;\"", chain[k]);
				for (const char *p = name; *p; p++)
					printf(*p == '"' ? "\"\"" : "%c", *p);
				printf("\";%s;%s\n", level, parent);
			} else {
				printf("%s;%s;%s;%s\n", chain[k], name, level, parent);
			}
		}
	}
	return fflush(stdout) ? 3 : 0;
}

static int cmp_obs(const void *p, const void *q)
{
	const struct sm_obs *a = p, *b = q;
	if (a->indicator != b->indicator)
		return a->indicator - b->indicator;
	if (a->area != b->area)
		return a->area - b->area;
	if (a->period != b->period)
		return a->period - b->period;
	if (strcmp(a->pos.file, b->pos.file))
		return strcmp(a->pos.file, b->pos.file);
	return a->pos.line - b->pos.line;
}

int sm_load_data(struct sm_arena *a, struct sm_doc *d)
{
	struct sm_strmap codes = { 0 };
	d->gemeente = -1;
	if (!d->areas_file || load_areas(a, d, &codes))
		return -1;
	struct obs_ctx x = { a, d, &codes, { 0 }, NULL, NULL, 0 };
	sm_strmap_init(a, &x.ids, (unsigned)d->nindicators);
	x.id_names = sm_arena_alloc(a, (size_t)(d->nindicators + 1) * sizeof *x.id_names);
	for (int i = 0; i < d->nindicators; i++) {
		sm_strmap_put(a, &x.ids, d->indicators[i].id, i);
		x.id_names[i] = d->indicators[i].id;
	}
	d->indicator_ids = sm_arena_alloc(a, sizeof *d->indicator_ids);
	*d->indicator_ids = x.ids;
	d->area_codes = sm_arena_alloc(a, sizeof *d->area_codes);
	*d->area_codes = codes;
	x.area_names = sm_arena_alloc(a, (size_t)(d->nareas + 1) * sizeof *x.area_names);
	for (int i = 0; i < d->nareas; i++)
		x.area_names[i] = d->areas[i].code;
	for (int i = 0; i < d->nobservation_files; i++) {
		if (d->obs_sources && d->obs_sources[i].cbs)
			load_cbs(&x, &d->obs_sources[i]);
		else
			load_observations(&x, d->observation_files[i]);
	}
	/* The same indicator, area and period twice: name both lines. */
	if (d->nobs)
		qsort(d->obs, (size_t)d->nobs, sizeof *d->obs, cmp_obs);
	d->first_year = 9999;
	d->last_year = 0;
	for (int i = 0; i < d->nobs; i++) {
		const struct sm_obs *o = &d->obs[i];
		int y = SM_PERIOD_YEAR(o->period);
		if (y < d->first_year)
			d->first_year = y;
		if (y > d->last_year)
			d->last_year = y;
		if (i && o->indicator == o[-1].indicator && o->area == o[-1].area &&
		    o->period == o[-1].period) {
			char what[200];
			snprintf(what, sizeof what, "%s for %s in %d%s", d->indicators[o->indicator].id,
				 d->areas[o->area].code, SM_PERIOD_YEAR(o->period), sm_period_half(o->period));
			char where[40];
			snprintf(where, sizeof where, "%d", o[-1].pos.line);
			if (strcmp(o->pos.file, o[-1].pos.file))
				sm_diag(SM_MSG_csv_duplicate, &o->pos,
					sm_arena_printf(a, "%s (the other is in %s)", what, o[-1].pos.file), o[-1].pos.line);
			else
				sm_diag(SM_MSG_csv_duplicate, &o->pos, what, o[-1].pos.line);
		}
	}
	if (!d->nobs)
		d->first_year = d->last_year = 0;
	/* min-n acts on n (a count's own value for aggregate: sum); an
	 * indicator with data but no n anywhere would hide nothing. */
	for (int i = 0, k = 0; i < d->nindicators; i++) {
		const struct sm_indicator *in = &d->indicators[i];
		int rows = 0, with_n = 0;
		for (; k < d->nobs && d->obs[k].indicator == i; k++) {
			rows++;
			with_n |= (d->obs[k].has & SM_HAS_N) != 0;
		}
		if (in->min_n > 0 && !in->sum && !in->derived && rows && !with_n)
			sm_diag(SM_MSG_min_n_without_n, &in->pos, in->min_n, in->id);
	}
	if (d->municipality_code)
		d->gemeente = sm_strmap_get(&codes, d->municipality_code);
	return sm_diag_errors() ? -1 : 0;
}
