/* load_doc.c: monitor.yaml, the chapter files, their Markdown and the
 * indicator catalogue → struct sm_doc. Every problem is reported with its
 * position; loading goes on after an error so that one run shows them all. */
#include "model.h"
#include "schema.h"
#include "image.h"
#include "strmap.h"
#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
	struct sm_arena *a;
	const struct sm_dir *root;      /* the project folder */
	struct sm_doc *doc;
};


/* ------------------------------------------------------------ files */

/* Reads, checks and parses a YAML file of the project. NULL on error. */
static const struct sm_node *yaml_file(struct ctx *c, const char *path, const struct sm_pos *ref,
				       const char *empty_hint)
{
	size_t len;
	char *buf = sm_read_file(c->a, c->root, path, &len, ref);
	if (!buf || sm_utf8_check(path, buf, len))
		return NULL;
	struct sm_node *root;
	if (sm_yaml_load(c->a, path, buf, len, &root))
		return NULL;
	if (!root || (root->kind == SM_NODE_SCALAR && root->plain && !root->str[0])) {
		struct sm_pos p = { path, 0, 0 };
		sm_diag(SM_MSG_file_empty, &p, empty_hint);
		return NULL;
	}
	return root;
}

/* A Markdown field: a string, or {file: text/x.md}. */
static void rich(struct ctx *c, const struct sm_node *v, const char *key, struct sm_rich *out)
{
	memset(out, 0, sizeof *out);
	if (!v)
		return;
	out->pos = v->pos;
	if (v->kind == SM_NODE_MAP) {
		static const char *const keys[] = { "file", NULL };
		sm_schema_keys(v, "a Markdown reference", keys);
		const struct sm_node *f = sm_schema_need(v, "a Markdown reference", "file",
							 " (such as {file: text/visie.md})");
		const char *rel = sm_schema_str(c->a, f, "file");
		if (!rel)
			return;
		const char *path = sm_project_path(c->a, c->root, rel, &f->pos);
		if (!path)
			return;
		size_t len;
		char *buf = sm_read_file(c->a, c->root, path, &len, &f->pos);
		if (!buf || sm_utf8_check(path, buf, len))
			return;
		struct sm_pos base = { path, 1, 1 };
		int errors = sm_diag_errors();
		sm_md_parse(c->a, buf, len, base, 1, out);
		if (!out->n && sm_diag_errors() == errors) {    /* empty, not refused */
			struct sm_pos p = { path, 0, 0 };
			sm_diag(SM_MSG_file_empty, &p, "write the text, or leave the key out");
		}
		return;
	}
	if (v->kind != SM_NODE_SCALAR) {
		sm_diag(SM_MSG_wrong_type, &v->pos, key, "Markdown text or {file: text/name.md}", "it is a list");
		return;
	}
	if (!v->str[0]) {
		sm_diag(SM_MSG_empty_value, &v->pos, key, "write the text, or leave the key out");
		return;
	}
	/* Where the text starts in the file: after a quote, or on the line
	 * after a block scalar's '|', at its indentation. */
	struct sm_pos base = v->pos;
	int cont_col = 1;
	if (v->block) {
		base.line++;
		base.col = cont_col = v->indent > 0 ? v->indent : 1;
	} else if (!v->plain) {
		base.col++;
	}
	sm_md_parse_at(c->a, v->str, v->len, base, cont_col, v->marks, v->nmarks, out);
}

/* ---------------------------------------------------------- periods */

static void years(struct ctx *c, const struct sm_node *v, int single, struct sm_years *out)
{
	memset(out, 0, sizeof *out);
	out->kind = SM_YEARS_LATEST;
	out->single = single;
	if (!v)
		return;
	out->given = 1;
	out->pos = v->pos;
	if (v->kind == SM_NODE_SEQ && !single) {
		out->kind = SM_YEARS_LIST;
		out->list = sm_arena_alloc(c->a, (size_t)(v->n ? v->n : 1) * sizeof *out->list);
		for (int i = 0; i < v->n; i++) {
			const struct sm_node *it = v->items[i];
			int p = it->kind == SM_NODE_SCALAR ? sm_parse_period(it->str) : -1;
			if (p < 0) {
				sm_diag(SM_MSG_bad_years, &it->pos, it->kind == SM_NODE_SCALAR ? it->str : "(not text)");
				continue;
			}
			if (out->n && p <= out->list[out->n - 1]) {
				sm_diag(SM_MSG_block_key, &it->pos, sm_arena_printf(c->a,
					"'%s' comes after a later or the same period; list the years from early to late, each once",
					it->str));
				continue;
			}
			out->list[out->n++] = p;
		}
		if (!v->n)
			sm_diag(SM_MSG_bad_years, &v->pos, "[]");
		return;
	}
	if (v->kind != SM_NODE_SCALAR) {
		sm_diag(SM_MSG_bad_years, &v->pos, "(a mapping)");
		return;
	}
	const char *s = v->str;
	int p;
	if (!strcmp(s, "latest"))
		return;
	if (!strcmp(s, "last-5") && !single) {
		out->kind = SM_YEARS_LAST5;
		return;
	}
	if ((p = sm_parse_period(s)) >= 0) {
		out->kind = SM_YEARS_LIST;
		out->list = sm_arena_alloc(c->a, sizeof *out->list);
		out->list[0] = p;
		out->n = 1;
		return;
	}
	if (!single && strlen(s) == 9 && s[4] == '-') {
		char a[5], b[5];
		memcpy(a, s, 4); a[4] = 0;
		memcpy(b, s + 5, 4); b[4] = 0;
		int pa = sm_parse_period(a), pb = sm_parse_period(b);
		if (pa >= 0 && pb >= 0) {
			if (pa >= pb) {
				sm_diag(SM_MSG_block_key, &v->pos, sm_arena_printf(c->a,
					"'%s' is not a range of years: a range starts with the earlier year, such as 2019-2023", s));
				return;
			}
			out->kind = SM_YEARS_RANGE;
			out->from = pa;
			out->to = pb + 2;
			return;
		}
	}
	if (single)
		sm_diag(SM_MSG_block_key, &v->pos, sm_arena_printf(c->a,
			"'%s' is not one period; write a year (2023), a half year (2023-H1) or latest", s));
	else
		sm_diag(SM_MSG_bad_years, &v->pos, s);
}

static void area_set(struct ctx *c, const struct sm_node *v, struct sm_area_set *out)
{
	memset(out, 0, sizeof *out);
	if (!v)
		return;
	out->pos = v->pos;
	if (v->kind == SM_NODE_SCALAR && !strcmp(v->str, "wijken")) {
		out->sel = SM_AREAS_WIJKEN;
		return;
	}
	if (v->kind == SM_NODE_SCALAR && !strcmp(v->str, "buurten")) {
		out->sel = SM_AREAS_BUURTEN;
		return;
	}
	if (!sm_schema_strlist(c->a, v, "areas", &out->codes, &out->n, SM_MAX_NAME))
		out->sel = SM_AREAS_LIST;
}

/* ----------------------------------------------------------- blocks */

static const char *const chart_types[] = { "line", "bar", "column", "dot", "heatmap", NULL };
static const char *const column_names[] = { "value", "change", "reference", "target", "status", NULL };

static void indicators_of(struct ctx *c, const struct sm_node *m, struct sm_block *b, const char *what)
{
	const struct sm_node *one = sm_schema_get(m, "indicator"), *many = sm_schema_get(m, "indicators");
	if (one && many) {
		sm_diag(SM_MSG_block_key, &many->pos, "write either 'indicator' or 'indicators', not both");
		return;
	}
	if (one && one->kind != SM_NODE_SCALAR) {
		sm_diag(SM_MSG_wrong_type, &one->pos, "indicator", "one indicator id", "use 'indicators' for a list");
		return;
	}
	if (!one && !many) {
		sm_diag(SM_MSG_missing_key, &m->pos, what, "indicator", " (an id from the indicator catalogue)");
		return;
	}
	sm_schema_strlist(c->a, one ? one : many, one ? "indicator" : "indicators", &b->indicators, &b->nindicators,
			  SM_MAX_NAME);
}

static void table_or_chart(struct ctx *c, const struct sm_node *m, struct sm_block *b)
{
	const char *what = b->kind == SM_BLOCK_TABLE ? "a table" : "a chart";
	if (b->kind == SM_BLOCK_TABLE) {
		static const char *const keys[] = { "indicator", "indicators", "areas", "years", "year",
						    "reference", "columns", "title", "note", "source", NULL };
		sm_schema_keys(m, "a table", keys);
	} else {
		int t = sm_schema_enum(sm_schema_need(m, "a chart", "type", " (line, bar, column, dot or heatmap)"),
				       "chart type", chart_types);
		b->chart = t < 0 ? SM_CHART_LINE : (enum sm_chart_type)t;
		/* The keys each chart type takes (FORMAT.md, Blocks). */
		static const char *const line_keys[] = { "type", "indicator", "areas", "years", "title", "note", "source", NULL };
		static const char *const bar_keys[] = { "type", "indicator", "areas", "year", "reference", "title", "note", "source", NULL };
		static const char *const dot_keys[] = { "type", "indicator", "indicators", "year", "reference", "title", "note", "source", NULL };
		static const char *const heat_keys[] = { "type", "indicator", "indicators", "areas", "year", "reference", "title", "note", "source", NULL };
		static const char *const *const keys_of[] = {
			[SM_CHART_LINE] = line_keys, [SM_CHART_BAR] = bar_keys, [SM_CHART_COLUMN] = line_keys,
			[SM_CHART_DOT] = dot_keys, [SM_CHART_HEATMAP] = heat_keys,
		};
		static const char *const what_of[] = {
			[SM_CHART_LINE] = "a line chart", [SM_CHART_BAR] = "a bar chart", [SM_CHART_COLUMN] = "a column chart",
			[SM_CHART_DOT] = "a dot chart", [SM_CHART_HEATMAP] = "a heatmap",
		};
		if (t >= 0) {
			const struct sm_node *y1 = sm_schema_get(m, "year"), *yn = sm_schema_get(m, "years");
			int wants_range = b->chart == SM_CHART_LINE || b->chart == SM_CHART_COLUMN;
			if (wants_range && y1)
				sm_diag(SM_MSG_block_key, &y1->pos, sm_arena_printf(c->a,
					"%s shows a trend: write 'years' (such as 2015-2023), not 'year'", what_of[t]));
			else if (!wants_range && yn)
				sm_diag(SM_MSG_block_key, &yn->pos, sm_arena_printf(c->a,
					"%s shows one period: write 'year' (such as 2023 or latest), not 'years'", what_of[t]));
			else
				sm_schema_keys(m, what_of[t], keys_of[t]);
		}
	}
	indicators_of(c, m, b, what);
	const struct sm_node *title = sm_schema_get(m, "title");
	b->title = sm_schema_title(c->a, title, "title");
	b->source = sm_schema_title(c->a, sm_schema_get(m, "source"), "source");
	b->note = sm_schema_text(c->a, sm_schema_get(m, "note"), "note");
	if (b->nindicators > 1 && !title)
		sm_diag(SM_MSG_title_needed, &m->pos, b->kind == SM_BLOCK_TABLE ? "table" : "chart");
	area_set(c, sm_schema_get(m, "areas"), &b->areas);
	if (b->kind == SM_BLOCK_CHART && b->chart == SM_CHART_COLUMN &&
	    (b->areas.sel == SM_AREAS_WIJKEN || b->areas.sel == SM_AREAS_BUURTEN || b->areas.n > 2))
		sm_diag(SM_MSG_block_key, &b->areas.pos, "a column chart shows one area, or two side by side; use a line or bar chart for more");
	const struct sm_node *y1 = sm_schema_get(m, "year"), *yn = sm_schema_get(m, "years");
	if (y1 && yn)
		sm_diag(SM_MSG_block_key, &yn->pos, "write either 'year' or 'years', not both");
	years(c, yn ? yn : y1, !yn, &b->years);
	const struct sm_node *ref = sm_schema_get(m, "reference");
	if (ref) {
		if (ref->kind == SM_NODE_SCALAR && ref->str[0])
			b->reference = (struct sm_ref){ ref->str, ref->pos, -1 };
		else
			sm_diag(SM_MSG_wrong_type, &ref->pos, "reference", "one area code", "such as NL01");
	}
	const struct sm_node *cols = sm_schema_get(m, "columns");
	if (cols && sm_schema_is_seq(cols, "columns", "write a list such as [value, change, reference, target, status]")) {
		for (int i = 0; i < cols->n; i++) {
			int k = sm_schema_enum(cols->items[i], "table column", column_names);
			if (k < 0)
				continue;
			for (int j = 0; j < b->ncolumns; j++)
				if ((int)b->columns[j] == k) {
					sm_diag(SM_MSG_block_key, &cols->items[i]->pos, sm_arena_printf(c->a,
						"'%s' is named twice; each column may be named once", column_names[k]));
					k = -1;
					break;
				}
			if (k >= 0)
				b->columns[b->ncolumns++] = (enum sm_column)k;
		}
	}
}

/* What an image shows, for a reader who cannot see it: its alt, or its
 * caption; decorative: true (or alt: "", as in HTML) for an image that
 * shows nothing the text needs. One with neither is worth a warning. */
static void image_alt(struct ctx *c, const struct sm_node *v, struct sm_block *b, const char *rel)
{
	static const char *const yesno[] = { "false", "true", NULL };
	const struct sm_node *alt = sm_schema_get(v, "alt"), *dec = sm_schema_get(v, "decorative");
	if (dec)
		b->decorative = sm_schema_enum(dec, "decorative", yesno) == 1;
	if (alt && alt->kind == SM_NODE_SCALAR && !alt->str[0])
		b->decorative = 1;
	else
		b->alt = sm_schema_title(c->a, alt, "alt");
	if (b->alt && b->decorative)
		sm_diag(SM_MSG_block_key, &alt->pos, "an image with an alt is not decorative; "
			"leave out decorative: true, or the alt");
	else if (!b->alt && !b->caption && !b->decorative)
		sm_diag(SM_MSG_image_no_alt, &b->pos, rel ? rel : "");
}

static void block(struct ctx *c, const struct sm_node *m, struct sm_block *b)
{
	static const char *const kinds[] = { "text", "table", "chart", "quote", "image", NULL };
	b->pos = m->pos;
	if (m->kind != SM_NODE_MAP) {
		sm_diag(SM_MSG_one_block_kind, &m->pos, "write it as '- text: ...', '- table: {...}' and so on");
		b->kind = SM_BLOCK_TEXT;
		return;
	}
	if (m->n != 1) {
		sm_diag(SM_MSG_one_block_kind, &m->pos, m->n ? "start a new '- ' item for each block" : "this one is empty");
		if (!m->n)
			return;
	}
	const struct sm_node *k = m->items[0], *v = m->items[1];
	int kind = -1;
	for (int i = 0; kinds[i]; i++)
		if (k->kind == SM_NODE_SCALAR && !strcmp(k->str, kinds[i]))
			kind = i;
	if (kind < 0) {
		sm_diag(SM_MSG_unknown_key, &k->pos, k->kind == SM_NODE_SCALAR ? k->str : "?", "a block",
			k->kind == SM_NODE_SCALAR ? sm_did_you_mean(k->str, kinds, 5) : "");
		b->kind = SM_BLOCK_TEXT;
		return;
	}
	b->kind = (enum sm_block_kind)kind;
	b->pos = k->pos;
	switch (b->kind) {
	case SM_BLOCK_TEXT:
		rich(c, v, "text", &b->text);
		break;
	case SM_BLOCK_TABLE:
	case SM_BLOCK_CHART:
		if (sm_schema_is_map(v, kinds[kind], "write it as {indicator: id, ...}"))
			table_or_chart(c, v, b);
		break;
	case SM_BLOCK_QUOTE: {
		static const char *const keys[] = { "text", "source", NULL };
		if (sm_schema_keys(v, "a quote", keys))
			break;
		b->quote = sm_schema_text(c->a, sm_schema_need(v, "a quote", "text", ""), "text");
		b->source = sm_schema_name(c->a, sm_schema_get(v, "source"), "source");
		break;
	}
	case SM_BLOCK_IMAGE: {
		static const char *const keys[] = { "file", "caption", "credit", "alt", "decorative", NULL };
		if (sm_schema_keys(v, "an image", keys))
			break;
		const struct sm_node *f = sm_schema_need(v, "an image", "file", " (such as images/wijkteam.jpg)");
		const char *rel = sm_schema_str(c->a, f, "file");
		if (rel) {
			b->file = sm_project_path(c->a, c->root, rel, &f->pos);
			b->file_pos = f->pos;
			if (b->file)
				b->image = sm_image_load(c->a, c->doc->images, c->root, b->file, &f->pos);
		}
		b->caption = sm_schema_title(c->a, sm_schema_get(v, "caption"), "caption");
		b->credit = sm_schema_name(c->a, sm_schema_get(v, "credit"), "credit");
		image_alt(c, v, b, rel);
		break;
	}
	}
}

static void blocks(struct ctx *c, const struct sm_node *v, const char *key, struct sm_block **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!v || !sm_schema_is_seq(v, key, "write each block on a line starting with '- '"))
		return;
	*out = sm_arena_alloc(c->a, (size_t)(v->n ? v->n : 1) * sizeof **out);
	for (int i = 0; i < v->n; i++)
		block(c, v->items[i], &(*out)[(*n)++]);
}

/* ------------------------------------------------------------ theme */

static void goal(struct ctx *c, const struct sm_node *m, struct sm_goal *g, struct sm_chapter *ch)
{
	static const char *const keys[] = { "id", "title", "level", "indicators", "status", "explanation", NULL };
	static const char *const levels[] = { "effect", "output", NULL };
	g->pos = m->pos;
	g->chapter = ch;
	if (sm_schema_keys(m, "a goal", keys))
		return;
	g->id = sm_schema_id(c->a, sm_schema_need(m, "a goal", "id", " (a short code such as BZ1)"), "id");
	g->title = sm_schema_title(c->a, sm_schema_need(m, "a goal", "title", ""), "title");
	const struct sm_node *lv = sm_schema_get(m, "level");
	if (lv)
		g->output = sm_schema_enum(lv, "goal level", levels) == 1;
	const struct sm_node *ind = sm_schema_get(m, "indicators");
	if (ind)
		sm_schema_strlist(c->a, ind, "indicators", &g->indicators, &g->nindicators, SM_MAX_NAME);
	const struct sm_node *st = sm_schema_get(m, "status");
	g->status = SM_STATUS_AUTO;
	g->status_pos = m->pos;
	if (st) {
		int s = sm_schema_enum(st, "goal status", sm_status_names);
		g->status = s < 0 ? SM_STATUS_NO_JUDGEMENT : (enum sm_status)s;
		g->status_pos = st->pos;
	}
	rich(c, sm_schema_get(m, "explanation"), "explanation", &g->explanation);
	if (g->id && st && g->status != SM_STATUS_AUTO && g->status != SM_STATUS_ON_TRACK &&
	    !sm_schema_get(m, "explanation"))
		sm_diag(SM_MSG_explanation_needed, &st->pos, g->id, sm_status_names[g->status]);
	if (g->id && g->status == SM_STATUS_AUTO && !ind)
		sm_diag(SM_MSG_auto_needs_indicators, &g->status_pos, g->id);
}

static void intervention(struct ctx *c, const struct sm_node *m, struct sm_intervention *iv, struct sm_chapter *ch)
{
	static const char *const keys[] = { "title", "goals", "description", "partners", "reach", "budget", "status", NULL };
	iv->pos = m->pos;
	if (sm_schema_keys(m, "an intervention", keys))
		return;
	iv->title = sm_schema_title(c->a, sm_schema_need(m, "an intervention", "title", ""), "title");
	const struct sm_node *gs = sm_schema_get(m, "goals");
	if (gs && !sm_schema_strlist(c->a, gs, "goals", &iv->goals, &iv->ngoals, SM_MAX_NAME)) {
		const char **ids = sm_arena_alloc(c->a, (size_t)(ch->ngoals + 1) * sizeof *ids);
		int nids = 0;
		for (int j = 0; j < ch->ngoals; j++)
			if (ch->goals[j].id)
				ids[nids++] = ch->goals[j].id;
		for (int i = 0; i < iv->ngoals; i++) {
			for (int j = 0; j < ch->ngoals; j++)
				if (ch->goals[j].id && !strcmp(ch->goals[j].id, iv->goals[i].id))
					iv->goals[i].index = j;
			if (iv->goals[i].index < 0)
				sm_diag(SM_MSG_unknown_goal, &iv->goals[i].pos, iv->goals[i].id,
					sm_did_you_mean(iv->goals[i].id, ids, nids));
		}
	}
	rich(c, sm_schema_get(m, "description"), "description", &iv->description);
	const struct sm_node *pa = sm_schema_get(m, "partners");
	if (pa) {
		struct sm_ref *refs;
		if (!sm_schema_strlist(c->a, pa, "partners", &refs, &iv->npartners, SM_MAX_NAME)) {
			iv->partners = sm_arena_alloc(c->a, (size_t)iv->npartners * sizeof *iv->partners);
			for (int i = 0; i < iv->npartners; i++)
				iv->partners[i] = sm_smart_text(c->a, refs[i].id);
		} else {
			iv->npartners = 0;
		}
	}
	const struct sm_node *r = sm_schema_get(m, "reach");
	if (r && sm_schema_is_map(r, "reach", "write it as {value: 420, unit: huishoudens}")) {
		static const char *const rk[] = { "value", "unit", NULL };
		sm_schema_keys(r, "reach", rk);
		const struct sm_node *rv = sm_schema_need(r, "reach", "value", "");
		iv->has_reach = rv && !sm_schema_number_in(rv, "the reach", NULL, 0, 1e15, "write a number of 0 or more", &iv->reach);
		iv->reach_unit = sm_schema_name(c->a, sm_schema_need(r, "reach", "unit", " (such as huishoudens)"), "unit");
	}
	const struct sm_node *b = sm_schema_get(m, "budget");
	if (b && sm_schema_is_map(b, "budget", "write it as {planned: 1250, actual: 1190} (x € 1.000)")) {
		static const char *const bk[] = { "planned", "actual", NULL };
		sm_schema_keys(b, "a budget", bk);
		const struct sm_node *pl = sm_schema_need(b, "a budget", "planned", " (x € 1.000)");
		const char *amount = "write the amount x € 1.000, 0 or more";
		iv->has_budget = pl && !sm_schema_int_in(pl, "planned", "a budget", 0, 1000000000000LL, amount, &iv->planned);
		const struct sm_node *act = sm_schema_get(b, "actual");
		if (act)
			iv->has_actual = !sm_schema_int_in(act, "actual", "a budget", 0, 1000000000000LL, amount, &iv->actual);
	}
	const struct sm_node *st = sm_schema_get(m, "status");
	iv->status = SM_STATUS_AUTO;
	if (st) {
		int s = sm_schema_enum(st, "intervention status", sm_status_names);
		if (s == SM_STATUS_AUTO)
			sm_diag(SM_MSG_block_key, &st->pos, "'auto' is not an intervention status: an intervention has no automatic status; write on-track, attention, off-track, changed or no-judgement");
		else if (s > 0)
			iv->status = (enum sm_status)s;
	}
}

static void titled_texts(struct ctx *c, const struct sm_node *v, const char *key, const char *what,
			 const char **titles, struct sm_rich *texts, int *n)
{
	static const char *const keys[] = { "title", "text", NULL };
	for (int i = 0; i < v->n; i++) {
		const struct sm_node *m = v->items[i];
		if (sm_schema_keys(m, what, keys))
			continue;
		titles[*n] = sm_schema_title(c->a, sm_schema_need(m, what, "title", ""), "title");
		rich(c, sm_schema_need(m, what, "text", ""), "text", &texts[*n]);
		(*n)++;
	}
	(void)key;
}

/* ---------------------------------------------------------- chapters */

static const char *const chapter_kinds[] = {
	"foreword", "text", "summary", "theme", "areas", "definitions", "colophon", NULL,
};

static const char *const *chapter_keys(enum sm_chapter_kind k)
{
	static const char *const foreword[] = { "kind", "title", "text", "signed", NULL };
	static const char *const text[] = { "kind", "title", "text", "blocks", NULL };
	static const char *const summary[] = { "kind", "title", "text", "messages", NULL };
	static const char *const theme[] = { "kind", "title", "programme", "vision", "goals", "status",
					     "interventions", "stories", NULL };
	static const char *const areas[] = { "kind", "title", "text", "areas", "indicators", "threshold", NULL };
	static const char *const plain[] = { "kind", "title", "text", NULL };
	switch (k) {
	case SM_CH_FOREWORD: return foreword;
	case SM_CH_TEXT: return text;
	case SM_CH_SUMMARY: return summary;
	case SM_CH_THEME: return theme;
	case SM_CH_AREAS: return areas;
	default: return plain;
	}
}

static void chapter(struct ctx *c, const char *path, const struct sm_pos *ref, struct sm_chapter *ch)
{
	ch->file = path;
	ch->pos = (struct sm_pos){ path, 1, 1 };
	ch->kind = SM_CH_TEXT;
	const struct sm_node *m = yaml_file(c, path, ref, "a chapter needs at least 'kind' and 'title'");
	if (!m)
		return;
	ch->pos = m->pos;
	const struct sm_node *kn = sm_schema_need(m, "a chapter", "kind",
		" (foreword, text, summary, theme, areas, definitions or colophon)");
	if (m->kind != SM_NODE_MAP) {
		sm_schema_keys(m, "a chapter file", chapter_keys(SM_CH_TEXT));
		return;
	}
	int k = kn ? sm_schema_enum(kn, "chapter kind", chapter_kinds) : -1;
	ch->kind = k < 0 ? SM_CH_TEXT : (enum sm_chapter_kind)k;
	if (k >= 0)
		sm_schema_keys(m, sm_arena_printf(c->a, "a %s chapter", chapter_kinds[k]), chapter_keys(ch->kind));
	ch->title = sm_schema_title(c->a, sm_schema_need(m, "a chapter", "title", ""), "title");
	rich(c, sm_schema_get(m, "text"), "text", &ch->text);
	switch (ch->kind) {
	case SM_CH_FOREWORD: {
		const struct sm_node *s = sm_schema_get(m, "signed");
		if (s && sm_schema_is_map(s, "signed", "write it as {name: ..., role: ...}")) {
			static const char *const keys[] = { "name", "role", NULL };
			sm_schema_keys(s, "'signed'", keys);
			ch->signed_name = sm_schema_name(c->a, sm_schema_need(s, "'signed'", "name", ""), "name");
			ch->signed_role = sm_schema_name(c->a, sm_schema_get(s, "role"), "role");
		}
		break;
	}
	case SM_CH_TEXT:
		blocks(c, sm_schema_get(m, "blocks"), "blocks", &ch->blocks, &ch->nblocks);
		break;
	case SM_CH_SUMMARY: {
		const struct sm_node *v = sm_schema_get(m, "messages");
		if (v && sm_schema_is_seq(v, "messages", "write each message as '- title: ...' with its 'text:'")) {
			const char **titles = sm_arena_alloc(c->a, (size_t)(v->n + 1) * sizeof *titles);
			struct sm_rich *texts = sm_arena_alloc(c->a, (size_t)(v->n + 1) * sizeof *texts);
			titled_texts(c, v, "messages", "a message", titles, texts, &ch->nmessages);
			ch->messages = sm_arena_alloc(c->a, (size_t)(ch->nmessages + 1) * sizeof *ch->messages);
			for (int i = 0; i < ch->nmessages; i++)
				ch->messages[i] = (struct sm_message){ titles[i], texts[i] };
		}
		break;
	}
	case SM_CH_THEME: {
		ch->programme = sm_schema_name(c->a, sm_schema_get(m, "programme"), "programme");
		rich(c, sm_schema_get(m, "vision"), "vision", &ch->vision);
		const struct sm_node *v = sm_schema_get(m, "goals");
		if (v && sm_schema_is_seq(v, "goals", "write each goal on a line starting with '- id: ...'")) {
			ch->goals = sm_arena_alloc(c->a, (size_t)(v->n + 1) * sizeof *ch->goals);
			for (int i = 0; i < v->n; i++)
				goal(c, v->items[i], &ch->goals[ch->ngoals++], ch);
		}
		blocks(c, sm_schema_get(m, "status"), "status", &ch->blocks, &ch->nblocks);
		v = sm_schema_get(m, "interventions");
		if (v && sm_schema_is_seq(v, "interventions", "write each one on a line starting with '- title: ...'")) {
			ch->interventions = sm_arena_alloc(c->a, (size_t)(v->n + 1) * sizeof *ch->interventions);
			for (int i = 0; i < v->n; i++)
				intervention(c, v->items[i], &ch->interventions[ch->ninterventions++], ch);
		}
		v = sm_schema_get(m, "stories");
		if (v && sm_schema_is_seq(v, "stories", "write each story as '- title: ...' with its 'text:'")) {
			const char **titles = sm_arena_alloc(c->a, (size_t)(v->n + 1) * sizeof *titles);
			struct sm_rich *texts = sm_arena_alloc(c->a, (size_t)(v->n + 1) * sizeof *texts);
			titled_texts(c, v, "stories", "a story", titles, texts, &ch->nstories);
			ch->stories = sm_arena_alloc(c->a, (size_t)(ch->nstories + 1) * sizeof *ch->stories);
			for (int i = 0; i < ch->nstories; i++)
				ch->stories[i] = (struct sm_story){ titles[i], texts[i] };
		}
		break;
	}
	case SM_CH_AREAS: {
		static const char *const levels[] = { "wijken", "buurten", NULL };
		const struct sm_node *v = sm_schema_need(m, "an areas chapter", "areas", " (wijken or buurten)");
		if (v)
			ch->area_buurten = sm_schema_enum(v, "area level", levels) == 1;
		v = sm_schema_need(m, "an areas chapter", "indicators", " (the indicators to profile)");
		if (v)
			sm_schema_strlist(c->a, v, "indicators", &ch->area_indicators, &ch->narea_indicators, SM_MAX_NAME);
		v = sm_schema_get(m, "threshold");
		ch->threshold = 3;
		if (v) {
			long long t;
			ch->threshold_pos = v->pos;
			/* More than the chapter's indicators would mark no area at all. */
			int most = ch->narea_indicators > 0 ? ch->narea_indicators : 1000;
			char hint[120];
			snprintf(hint, sizeof hint, "write a whole number from 1 to %d, the number of indicators of the chapter", most);
			if (!sm_schema_int_in(v, "threshold", "an areas chapter", 1, most, hint, &t))
				ch->threshold = (int)t;
		}
		break;
	}
	default:
		break;
	}
}

/* -------------------------------------------------------- catalogue */


static void indicator(struct ctx *c, const struct sm_node *m, struct sm_indicator *ind)
{
	static const char *const keys[] = { "id", "name", "definition", "unit", "decimals", "polarity", "level",
		"source", "frequency", "target", "min-n", "threshold", "aggregate", "bbv", "formula", NULL };
	static const char *const levels[] = { "effect", "output", NULL };
	static const char *const aggregates[] = { "ratio", "sum", NULL };
	const char *what = "an indicator";
	ind->pos = m->pos;
	if (sm_schema_keys(m, what, keys))
		return;
	ind->id = sm_schema_id(c->a, sm_schema_need(m, what, "id", " (a short name such as bijstand)"), "id");
	ind->name = sm_schema_name(c->a, sm_schema_need(m, what, "name", ""), "name");
	ind->definition = sm_schema_text(c->a, sm_schema_get(m, "definition"), "definition");
	ind->source = sm_schema_title(c->a, sm_schema_get(m, "source"), "source");
	int u = sm_schema_enum(sm_schema_need(m, what, "unit", " (percent, per-1000, per-10000, count, euro, score or years)"),
			       "unit", sm_unit_names);
	ind->unit = u < 0 ? SM_UNIT_COUNT : (enum sm_unit)u;
	ind->decimals = ind->unit == SM_UNIT_COUNT || ind->unit == SM_UNIT_EURO ? 0 : 1;
	const struct sm_node *v;
	long long x;
	const char *of = ind->id ? ind->id : "an indicator";
	if ((v = sm_schema_get(m, "decimals")) && !sm_schema_int_in(v, "decimals", of, 0, 4, "write 0 to 4", &x))
		ind->decimals = (int)x;
	/* A value of a rate lies between 0 and its factor (100 for percent),
	 * a count is not negative; a target or threshold outside that would
	 * turn every judgement around. */
	double most = 1e15, least = -1e15;
	const char *value_hint = "write a number";
	if (ind->unit == SM_UNIT_PERCENT || ind->unit == SM_UNIT_PER_1000 || ind->unit == SM_UNIT_PER_10000) {
		least = 0;
		most = sm_unit_factor(ind->unit);
		value_hint = ind->unit == SM_UNIT_PERCENT ? "write a number from 0 to 100"
			   : ind->unit == SM_UNIT_PER_1000 ? "write a number from 0 to 1000" : "write a number from 0 to 10000";
	} else if (ind->unit == SM_UNIT_COUNT) {
		least = 0;
		value_hint = "write a number of 0 or more";
	}
	if ((v = sm_schema_get(m, "polarity"))) {
		int p = sm_schema_enum(v, "polarity", sm_polarity_names);
		ind->polarity = p < 0 ? SM_POL_NEUTRAL : (enum sm_polarity)p;
	}
	if ((v = sm_schema_get(m, "level")))
		ind->output = sm_schema_enum(v, "indicator level", levels) == 1;
	if ((v = sm_schema_get(m, "frequency"))) {
		int f = sm_schema_enum(v, "frequency", sm_frequency_names);
		ind->frequency = f < 0 ? SM_FREQ_YEAR : (enum sm_frequency)f;
	}
	if ((v = sm_schema_get(m, "target")) && sm_schema_is_map(v, "target", "write it as {value: 3.0, year: 2026}")) {
		static const char *const tk[] = { "value", "year", NULL };
		sm_schema_keys(v, "a target", tk);
		const struct sm_node *tv = sm_schema_need(v, "a target", "value", "");
		ind->has_target = tv && !sm_schema_number_in(tv, "the target", of, least, most, value_hint, &ind->target);
		const struct sm_node *ty = sm_schema_get(v, "year");
		if (ty && !sm_schema_int_in(ty, "the target year", of, SM_YEAR_MIN, SM_YEAR_MAX, "write a year such as 2026", &x))
			ind->target_year = (int)x;
	}
	if ((v = sm_schema_get(m, "min-n")) &&
	    !sm_schema_int_in(v, "min-n", of, 0, 1000000, "write a whole number of 0 or more", &x))
		ind->min_n = (int)x;
	/* A difference is measured as a distance: below 0 no difference
	 * would be comparable, and every judgement would come out worse. */
	if ((v = sm_schema_get(m, "threshold")))
		ind->has_threshold = !sm_schema_number_in(v, "threshold", of, 0, most > 0 ? most : 1e15,
							  least == 0 ? value_hint : "write a number of 0 or more",
							  &ind->threshold);
	if ((v = sm_schema_get(m, "aggregate"))) {
		int k = sm_schema_enum(v, "aggregate", aggregates);
		ind->ratio = k == 0;
		ind->sum = k == 1;
		/* Percentages, scores and years do not add up. */
		if (ind->sum && ind->unit != SM_UNIT_COUNT && ind->unit != SM_UNIT_EURO) {
			sm_diag(SM_MSG_bad_enum, &v->pos, v->str, "aggregate",
				sm_arena_printf(c->a, " for %s (unit %s): sum adds up counts and amounts", of,
						sm_unit_names[ind->unit]),
				"ratio (with numerator and denominator), or give it unit: count");
			ind->sum = 0;
		}
	}
	if ((v = sm_schema_get(m, "bbv")) && !sm_schema_int_in(v, "bbv", of, 1, 999, "write the BBV number, such as 27", &x))
		ind->bbv = (int)x;
	if ((v = sm_schema_get(m, "formula")) &&
	    sm_schema_is_map(v, "formula", "write it as {numerator: id, denominator: id, factor: 100}")) {
		static const char *const fk[] = { "numerator", "denominator", "factor", NULL };
		sm_schema_keys(v, "a formula", fk);
		const char *num = sm_schema_str(c->a, sm_schema_need(v, "a formula", "numerator", ""), "numerator");
		const char *den = sm_schema_str(c->a, sm_schema_need(v, "a formula", "denominator", ""), "denominator");
		ind->factor = 1;
		const struct sm_node *fa = sm_schema_get(v, "factor");
		/* 0 or a negative factor would zero or turn around every value. */
		if (fa && sm_schema_number_in(fa, "factor", of, 1e-9, 1e9, "write a positive number, such as 100", &ind->factor))
			ind->factor = 1;
		if (num && den) {
			ind->derived = 1;
			ind->numerator = (struct sm_ref){ num, sm_schema_get(v, "numerator")->pos, -1 };
			ind->denominator = (struct sm_ref){ den, sm_schema_get(v, "denominator")->pos, -1 };
		}
	}
}

static void catalogue(struct ctx *c, const char *path, const struct sm_pos *ref)
{
	const struct sm_node *root = yaml_file(c, path, ref, "list the indicators, each starting with '- id: ...'");
	if (!root)
		return;
	if (!sm_schema_is_seq(root, "the indicator catalogue", "list the indicators, each starting with '- id: ...'"))
		return;
	struct sm_doc *d = c->doc;
	d->indicators = sm_arena_alloc(c->a, (size_t)(root->n + 1) * sizeof *d->indicators);
	struct sm_strmap ids;   /* id → index: a long catalogue is checked in linear time */
	sm_strmap_init(c->a, &ids, (unsigned)root->n);
	for (int i = 0; i < root->n; i++) {
		struct sm_indicator *ind = &d->indicators[d->nindicators];
		indicator(c, root->items[i], ind);
		if (!ind->id)
			continue;
		int j = sm_strmap_put(c->a, &ids, ind->id, d->nindicators);
		if (j >= 0) {
			char where[32];
			snprintf(where, sizeof where, "line %d", d->indicators[j].pos.line);
			sm_diag(SM_MSG_duplicate_id, &ind->pos, "indicator", ind->id, where);
			continue;
		}
		d->nindicators++;
	}
}

/* ------------------------------------------------------ monitor.yaml */

static const char *data_file(struct ctx *c, const struct sm_node *v, const char *key)
{
	const char *rel = sm_schema_str(c->a, v, key);
	return rel ? sm_project_path(c->a, c->root, rel, &v->pos) : NULL;
}

/* One entry of data: observations: a path, or {file: ..., format: cbs,
 * period: 2021, population: AantalInwoners_5, columns: {id: {value|
 * numerator|denominator|n: CBS column}}}. The indicator ids and CBS column
 * names are checked when the file is read (load_data.c). */
static void observation_entry(struct ctx *c, const struct sm_node *it, struct sm_obs_source *src)
{
	static const char *const keys[] = { "file", "format", "period", "population", "columns", NULL };
	static const char *const formats[] = { "csv", "cbs", NULL };
	static const char *const parts[] = { "value", "numerator", "denominator", "n", NULL };
	const char *what = "an observation file";
	memset(src, 0, sizeof *src);
	src->period = -1;
	src->pos = it->pos;
	if (it->kind == SM_NODE_SCALAR) {
		const char *rel = sm_schema_str(c->a, it, "observations");
		src->file = rel ? sm_project_path(c->a, c->root, rel, &it->pos) : NULL;
		return;
	}
	if (it->kind != SM_NODE_MAP) {
		sm_diag(SM_MSG_wrong_type, &it->pos, "observations", "a list of files",
			"write each as a path (data/registraties.csv) or as {file: data/kwb.csv, format: cbs, ...}");
		return;
	}
	sm_schema_keys(it, what, keys);
	const struct sm_node *v = sm_schema_need(it, what, "file", " (the path of the CSV file, such as data/kwb-2021.csv)");
	const char *rel = v ? sm_schema_str(c->a, v, "file") : NULL;
	src->file = rel ? sm_project_path(c->a, c->root, rel, &v->pos) : NULL;
	if ((v = sm_schema_get(it, "format")))
		src->cbs = sm_schema_enum(v, "observation format", formats) == 1;
	static const char *const cbs_only[] = { "period", "population", "columns" };
	for (int k = 0; k < 3; k++)
		if (!src->cbs && (v = sm_schema_get(it, cbs_only[k]))) {
			const struct sm_node *key = NULL;
			for (int i = 0; i < it->n; i++)
				if (it->items[2 * i + 1] == v)
					key = it->items[2 * i];
			sm_diag(SM_MSG_unknown_key, key ? &key->pos : &v->pos, cbs_only[k], what,
				" without 'format: cbs' (a CSV file of the monitor's own format names its columns in its header)");
		}
	if (!src->cbs)
		return;
	if ((v = sm_schema_get(it, "period"))) {
		src->period_pos = v->pos;
		if (v->kind != SM_NODE_SCALAR || (src->period = sm_parse_period(v->str)) < 0) {
			sm_diag(SM_MSG_csv_period, &v->pos, v->kind == SM_NODE_SCALAR ? v->str : "");
			src->period = -1;
		}
	}
	if ((v = sm_schema_get(it, "population"))) {
		src->population = sm_schema_str(c->a, v, "population");
		src->population_pos = v->pos;
	}
	v = sm_schema_need(it, what, "columns",
			   " with format cbs: which CBS column gives which indicator, such as {ouderen: {numerator: k_65JaarOfOuder_12, denominator: AantalInwoners_5}}");
	if (!v || !sm_schema_is_map(v, "columns", "write it as {indicator: {numerator: CBS column, denominator: CBS column}}"))
		return;
	src->columns_pos = v->pos;
	if (!v->n)
		sm_diag(SM_MSG_empty_value, &v->pos, "columns", "map at least one indicator to its CBS columns");
	src->columns = sm_arena_alloc(c->a, (size_t)(v->n + 1) * sizeof *src->columns);
	for (int i = 0; i < v->n; i++) {
		const struct sm_node *key = v->items[2 * i], *m = v->items[2 * i + 1];
		if (key->kind != SM_NODE_SCALAR || !key->str[0])
			continue;
		const char *whose = sm_arena_printf(c->a, "the columns of %s", key->str);
		if (!sm_schema_is_map(m, whose, "write it as {value: CBS column} or {numerator: CBS column, denominator: CBS column}"))
			continue;
		sm_schema_keys(m, whose, parts);
		struct sm_cbs_column *col = &src->columns[src->ncolumns];
		memset(col, 0, sizeof *col);
		col->indicator = (struct sm_ref){ key->str, key->pos, -1 };
		for (int k = 0; k < SM_CBS_PARTS; k++) {
			const struct sm_node *cv = sm_schema_get(m, parts[k]);
			if (!cv)
				continue;
			col->col[k] = sm_schema_str(c->a, cv, parts[k]);
			col->col_pos[k] = cv->pos;
		}
		int num = col->col[SM_CBS_NUM] != NULL, den = col->col[SM_CBS_DEN] != NULL;
		if (num != den) {
			sm_diag(SM_MSG_missing_key, &m->pos, whose, num ? "denominator" : "numerator",
				" (a ratio needs both its numerator and its denominator)");
			continue;
		}
		if (!num && !col->col[SM_CBS_VALUE]) {
			sm_diag(SM_MSG_missing_key, &m->pos, whose, "value",
				" (or numerator and denominator): the CBS column that gives the figure");
			continue;
		}
		src->ncolumns++;
	}
}

static void observation_list(struct ctx *c, const struct sm_node *f)
{
	struct sm_doc *doc = c->doc;
	if (f->kind == SM_NODE_SCALAR && !f->str[0]) {
		sm_diag(SM_MSG_empty_value, &f->pos, "observations", "write a list such as [data/registraties.csv]");
		return;
	}
	if (f->kind == SM_NODE_SEQ && f->n == 0) {
		sm_diag(SM_MSG_empty_value, &f->pos, "observations", "name at least one file");
		return;
	}
	int n = f->kind == SM_NODE_SEQ ? f->n : 1;
	doc->observation_files = sm_arena_alloc(c->a, (size_t)n * sizeof *doc->observation_files);
	doc->obs_sources = sm_arena_alloc(c->a, (size_t)n * sizeof *doc->obs_sources);
	for (int i = 0; i < n; i++) {
		struct sm_obs_source *src = &doc->obs_sources[doc->nobservation_files];
		observation_entry(c, f->kind == SM_NODE_SEQ ? f->items[i] : f, src);
		if (src->file)
			doc->observation_files[doc->nobservation_files++] = src->file;
	}
}

/* municipality: {name, code}, the code as CBS writes it (GM and four digits). */
static void monitor_municipality(struct ctx *c, const struct sm_node *v)
{
	struct sm_doc *doc = c->doc;
	static const char *const mk[] = { "name", "code", NULL };
	sm_schema_keys(v, "'municipality'", mk);
	doc->municipality = sm_schema_name(c->a, sm_schema_need(v, "'municipality'", "name", ""), "name");
	const struct sm_node *code = sm_schema_need(v, "'municipality'", "code", " (the CBS code, such as GM1999)");
	const char *s = sm_schema_str(c->a, code, "code");
	if (s) {
		if (strlen(s) != 6 || strncmp(s, "GM", 2) || strspn(s + 2, "0123456789") != 4)
			sm_diag(SM_MSG_bad_code, &code->pos, s);
		else
			doc->municipality_code = s;
	}
}

/* cycle: {document, year}, the P&C document the monitor belongs to. */
static void monitor_cycle(struct ctx *c, const struct sm_node *v)
{
	struct sm_doc *doc = c->doc;
	static const char *const ck[] = { "document", "year", NULL };
	long long x;
	sm_schema_keys(v, "'cycle'", ck);
	int d = sm_schema_enum(sm_schema_need(v, "'cycle'", "document", ""), "P&C document", sm_cycle_names);
	if (d >= 0)
		doc->cycle = (enum sm_cycle_doc)(d + 1);
	const struct sm_node *y = sm_schema_need(v, "'cycle'", "year", "");
	if (y && !sm_schema_int_in(y, "year", "the cycle", SM_YEAR_MIN, SM_YEAR_MAX, "write a year such as 2023", &x))
		doc->cycle_year = (int)x;
}

static void monitor_colophon(struct ctx *c, const struct sm_node *v)
{
	struct sm_arena *a = c->a;
	static const char *const ck[] = { "publisher", "commissioned-by", "editors", "contact", "reuse", NULL };
	struct sm_colophon *co = &c->doc->colophon;
	sm_schema_keys(v, "the colophon", ck);
	co->given = 1;
	co->publisher = sm_schema_name(a, sm_schema_get(v, "publisher"), "publisher");
	co->commissioned_by = sm_schema_name(a, sm_schema_get(v, "commissioned-by"), "commissioned-by");
	co->contact = sm_schema_name(a, sm_schema_get(v, "contact"), "contact");
	co->reuse = sm_schema_text(a, sm_schema_get(v, "reuse"), "reuse");
	const struct sm_node *ed = sm_schema_get(v, "editors");
	struct sm_ref *refs;
	if (ed && !sm_schema_strlist(a, ed, "editors", &refs, &co->neditors, SM_MAX_NAME)) {
		co->editors = sm_arena_alloc(a, (size_t)co->neditors * sizeof *co->editors);
		for (int i = 0; i < co->neditors; i++)
			co->editors[i] = sm_smart_text(a, refs[i].id);
	} else {
		co->neditors = 0;
	}
}

/* data: {areas, indicators, observations}; the catalogue of indicators is
 * read here, the CSV files later. */
static void data_files(struct ctx *c, const struct sm_node *v)
{
	struct sm_doc *doc = c->doc;
	static const char *const dk[] = { "areas", "indicators", "observations", NULL };
	doc->data_pos = v->pos;
	sm_schema_keys(v, "'data'", dk);
	const struct sm_node *f = sm_schema_need(v, "'data'", "areas", " (such as data/areas.csv)");
	doc->areas_file = f ? data_file(c, f, "areas") : NULL;
	f = sm_schema_need(v, "'data'", "indicators", " (such as data/indicators.yaml)");
	doc->indicators_file = f ? data_file(c, f, "indicators") : NULL;
	if (doc->indicators_file)
		catalogue(c, doc->indicators_file, NULL);
	f = sm_schema_need(v, "'data'", "observations", " (a list of CSV files)");
	if (f)
		observation_list(c, f);
}

/* chapters: the chapter files in reading order, each read once. */
static void chapter_list(struct ctx *c, const struct sm_node *v)
{
	struct sm_arena *a = c->a;
	struct sm_doc *doc = c->doc;
	if (!v->n)
		sm_diag(SM_MSG_no_chapters, &v->pos);
	doc->chapters = sm_arena_alloc(a, (size_t)(v->n + 1) * sizeof *doc->chapters);
	/* The same file may be written two ways (chapters/./x.yaml), or
	 * reached by two names (a symbolic link, a hard link): the
	 * names, then the files (device and inode), are compared. */
	const char **normal = sm_arena_alloc(a, (size_t)v->n * sizeof *normal);
	struct stat *file = sm_arena_alloc(a, (size_t)v->n * sizeof *file);
	char *known = sm_arena_alloc(a, (size_t)v->n);
	for (int i = 0; i < v->n; i++) {
		const struct sm_node *it = v->items[i];
		const char *rel = sm_schema_str(a, it, "chapters");
		if (!rel)
			continue;
		normal[i] = sm_normal_path(a, rel);
		int dup = -1;
		for (int j = 0; j < i && dup < 0; j++)
			if (normal[j] && !strcmp(normal[j], normal[i]))
				dup = j;
		known[i] = dup < 0 && !sm_file_stat(c->root, rel, &file[i]);
		for (int j = 0; j < i && dup < 0 && known[i]; j++)
			if (known[j] && file[j].st_dev == file[i].st_dev && file[j].st_ino == file[i].st_ino)
				dup = j;
		if (dup >= 0) {
			const struct sm_node *first = v->items[dup];
			sm_diag(SM_MSG_chapter_twice, &it->pos, rel, strcmp(first->str, rel) ?
				sm_arena_printf(a, " (also as '%s' on line %d)", first->str, first->pos.line) :
				sm_arena_printf(a, " (also on line %d)", first->pos.line));
			continue;
		}
		const char *p = sm_project_path(a, c->root, rel, &it->pos);
		if (p)
			chapter(c, p, &it->pos, &doc->chapters[doc->nchapters++]);
	}
}

/* The project folder and its monitor.yaml, read as YAML; NULL (after a
 * message) when either cannot be opened. */
static const struct sm_node *open_monitor(struct ctx *c, const char *dir)
{
	struct sm_pos at = { strcmp(dir, ".") ? sm_arena_printf(c->a, "%s/monitor.yaml", dir) : "monitor.yaml", 0, 0 };
	if (!c->root) {
		if (errno == ENOENT || errno == ENOTDIR)
			sm_diag(SM_MSG_file_missing, &at, "monitor.yaml");
		else
			sm_diag_system(SM_MSG_file_unreadable, &at, dir, strerror(errno));
		return NULL;
	}
	const char *path = sm_project_path(c->a, c->root, "monitor.yaml", &at);
	if (!path)
		return NULL;
	return yaml_file(c, path, NULL, "a monitor needs title, municipality, edition, published, data and chapters");
}

int sm_load_doc(struct sm_arena *a, const char *dir, struct sm_doc *doc)
{
	struct ctx cx = { a, sm_dir_open(dir), doc }, *c = &cx;
	memset(doc, 0, sizeof *doc);
	doc->dir = dir;
	doc->images = sm_arena_alloc(a, sizeof *doc->images);
	doc->root = c->root;
	const struct sm_node *m = open_monitor(c, dir);
	if (!m)
		return -1;
	static const char *const keys[] = { "title", "subtitle", "municipality", "edition", "cycle", "published",
		"state", "layout", "references", "baseline", "colophon", "data", "chapters", NULL };
	const char *what = "monitor.yaml";
	if (sm_schema_keys(m, what, keys))
		return -1;
	/* The cover: title, subtitle, municipality, edition, the P&C cycle, date and state. */
	doc->title = sm_schema_title(a, sm_schema_need(m, what, "title", " (such as Sociale Monitor)"), "title");
	doc->subtitle = sm_schema_title(a, sm_schema_get(m, "subtitle"), "subtitle");
	const struct sm_node *v = sm_schema_need(m, what, "municipality", " ({name: Lindeveld, code: GM1999})");
	if (v && sm_schema_is_map(v, "municipality", "write it as {name: Lindeveld, code: GM1999}"))
		monitor_municipality(c, v);
	long long x;
	v = sm_schema_need(m, what, "edition", " (the year on the cover, such as 2024)");
	if (v && !sm_schema_int_in(v, "edition", NULL, SM_YEAR_MIN, SM_YEAR_MAX, "write a year such as 2024", &x))
		doc->edition = (int)x;
	v = sm_schema_get(m, "cycle");
	if (v && sm_schema_is_map(v, "cycle", "write it as {document: jaarstukken, year: 2023}"))
		monitor_cycle(c, v);
	sm_schema_date(sm_schema_need(m, what, "published", " (the date of publication, YYYY-MM-DD; it fixes the PDF's dates)"),
		       &doc->published);
	v = sm_schema_get(m, "state");
	if (v) {
		static const char *const states[] = { "final", "draft", NULL };
		doc->draft = sm_schema_enum(v, "state", states) == 1;
	}
	/* How it is set and compared: layout, reference areas, baseline year. */
	v = sm_schema_get(m, "layout");
	if (v) {
		doc->layout = sm_schema_str(a, v, "layout");
		doc->layout_pos = v->pos;
	}
	v = sm_schema_get(m, "references");
	if (v)
		sm_schema_strlist(a, v, "references", &doc->references, &doc->nreferences, SM_MAX_NAME);
	v = sm_schema_get(m, "baseline");
	if (v && !sm_schema_int_in(v, "baseline", NULL, SM_YEAR_MIN, SM_YEAR_MAX, "write the year of the nulmeting, such as 2019", &x)) {
		doc->has_baseline = 1;
		doc->baseline = (int)x;
	}
	v = sm_schema_get(m, "colophon");
	if (v && sm_schema_is_map(v, "colophon", "write its fields as key: value lines"))
		monitor_colophon(c, v);
	v = sm_schema_need(m, what, "data", " ({areas: data/areas.csv, indicators: data/indicators.yaml, observations: [...]})");
	if (v && sm_schema_is_map(v, "data", "write it as {areas: ..., indicators: ..., observations: [...]}"))
		data_files(c, v);
	v = sm_schema_need(m, what, "chapters", " (the chapter files in reading order)");
	if (v && sm_schema_is_seq(v, "chapters", "write each chapter file on a line starting with '- '"))
		chapter_list(c, v);
	return sm_diag_errors() ? -1 : 0;
}
