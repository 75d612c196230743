/* schema.c, theme.c, load_csv.c and load_data.c, each on its own: small
 * inputs with the result worked out by hand, and the errors they must give. */
#include "unit.h"
#include "sm.h"
#include "schema.h"
#include "theme.h"
#include "csvrows.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static struct sm_node *yaml(struct sm_arena *a, const char *text)
{
	struct sm_node *root = NULL;
	if (sm_yaml_load(a, "t.yaml", text, strlen(text), &root))
		return NULL;
	return root;
}

/* Writes text to dir/name (dir/data must exist for data/ names). */
static void put(const char *dir, const char *name, const char *text)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

TEST(test_schema_values)
{
	struct sm_arena a = { 0 };
	sm_diag_quiet(1);
	sm_diag_reset();
	struct sm_node *m = yaml(&a, "title: Monitor\nedition: 2024\nkind: theme\npublished: 2024-02-29\nshare: 3,5\n");
	CHECK(m != NULL);
	if (!m)
		return;
	static const char *const keys[] = { "title", "edition", "kind", "published", "share", NULL };
	CHECK(sm_schema_keys(m, "a test", keys) == 0 && sm_diag_errors() == 0);
	long long y = 0;
	CHECK(sm_schema_int_in(sm_schema_get(m, "edition"), "edition", "a test", 2000, 2100, "write a year", &y) == 0 && y == 2024);
	static const char *const kinds[] = { "text", "theme", "areas", NULL };
	CHECK(sm_schema_enum(sm_schema_get(m, "kind"), "kind", kinds) == 1);
	struct sm_date d = { 0 };
	CHECK(sm_schema_date(sm_schema_get(m, "published"), &d) == 0 && d.year == 2024 && d.month == 2 && d.day == 29);
	CHECK(sm_diag_errors() == 0);
	/* An unknown key, a value out of range, a word not in the list, a
	 * day that does not exist: one error each. */
	static const char *const fewer[] = { "title", "edition", "kind", "published", NULL };
	sm_schema_keys(m, "a test", fewer);
	CHECK(sm_diag_errors() == 1);
	CHECK(sm_schema_int_in(sm_schema_get(m, "edition"), "edition", "a test", 2030, 2100, "write a year", &y) != 0 && y == 2024);
	CHECK(sm_diag_errors() == 2);
	static const char *const other[] = { "text", "areas", NULL };
	CHECK(sm_schema_enum(sm_schema_get(m, "kind"), "kind", other) == -1 && sm_diag_errors() == 3);
	struct sm_node *bad = yaml(&a, "published: 2023-02-29\n");
	CHECK(bad && sm_schema_date(sm_schema_get(bad, "published"), &d) != 0 && sm_diag_errors() == 4);
	sm_diag_reset();
	sm_diag_quiet(0);
	sm_arena_free(&a);
}

/* theme.c: a layout file over the defaults, read through the key table. */
TEST(test_theme_keys)
{
	struct sm_arena a = { 0 };
	char dir[] = "/tmp/sm-unit-theme.XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	char layout[600];
	snprintf(layout, sizeof layout, "%s/huis.yaml", dir);
	put(dir, "huis.yaml",
	    "page: {size: A5, orientation: landscape, margins: {top: 1cm}}\n"
	    "fonts: {regular: Open Sans, bold-italic: Open Sans}\n"
	    "sizes: {body: 12pt, leading: 0.25in}\n"
	    "colors: {primary: \"#ff0000\", accent: primary, status: {off-track: \"#0000ff\"}}\n"
	    "text: {align: left, hyphenate: none}\n"
	    "labels: {contents: Inhoudsopgave, status-words: {on-track: Goed}}\n");
	struct sm_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.dir = "/nonexistent-project";
	struct sm_theme t;
	int usage = 0;
	sm_diag_quiet(1);
	sm_diag_reset();
	CHECK(sm_theme_load(&a, &doc, layout, &t, &usage) == 0 && sm_diag_errors() == 0);
	const double mm = 72 / 25.4;
	CHECK(t.page_w > 210 * mm - 1e-6 && t.page_w < 210 * mm + 1e-6);     /* A5 turned: 210 x 148 mm */
	CHECK(t.page_h > 148 * mm - 1e-6 && t.page_h < 148 * mm + 1e-6);
	CHECK(t.m_top > 10 * mm - 1e-6 && t.m_top < 10 * mm + 1e-6);
	CHECK(t.m_bottom > 24 * mm - 1e-6 && t.m_bottom < 24 * mm + 1e-6);    /* the default */
	CHECK(t.body == 12 && t.leading == 18);
	CHECK(t.primary.r == 1 && t.primary.g == 0 && t.accent.r == 1 && t.accent.b == 0);
	CHECK(t.header_fill.r == 1);                                           /* follows primary */
	CHECK(t.status[SM_STATUS_OFF_TRACK].b == 1 && t.status[SM_STATUS_OFF_TRACK].r == 0);
	CHECK(t.justify == 0 && t.hyphenate == 0);
	CHECK_STR(t.labels[SM_LABEL_contents], "Inhoudsopgave");
	CHECK_STR(t.labels[SM_LABEL_goals], "Wat willen we bereiken?");
	CHECK_STR(t.status_words[SM_STATUS_ON_TRACK], "Goed");
	/* Families: each role its face. */
	const char *r = t.font_paths[SM_FACE_REGULAR], *bi = t.font_paths[SM_FACE_BOLD_ITALIC];
	CHECK(r && strlen(r) > 20 && !strcmp(r + strlen(r) - 20, "/OpenSans-Regular.ttf" + 1));
	CHECK(bi && strlen(bi) > 23 && !strcmp(bi + strlen(bi) - 23, "/OpenSans-BoldItalic.ttf" + 1));
	/* Bad values: one error each, and the value stays the default. */
	put(dir, "huis.yaml",
	    "sizes: {body: 100pt}\ncolors: {accent: primry}\ntext: {align: centre}\npage: {sise: A4}\n");
	sm_diag_reset();
	CHECK(sm_theme_load(&a, &doc, layout, &t, &usage) != 0 && sm_diag_errors() == 4 && !usage);
	CHECK(t.body == 9.5 && t.justify == 1);
	sm_diag_reset();
	sm_diag_quiet(0);
	unlink(layout);
	rmdir(dir);
	sm_arena_free(&a);
}

TEST(test_load_csv_rows)
{
	struct sm_arena a = { 0 };
	sm_diag_quiet(1);
	sm_diag_reset();
	struct sm_csv c;
	char text[] = "\xEF\xBB\xBFindicator;gebied;jaar;waarde\r\nbijstand;GM9999;2023;\"3,5\"\r\n\"a \"\"b\"\"\";\"x\ny\";;\r\n";
	CHECK(sm_csv_parse(&a, "t.csv", text, strlen(text), &c) == 0);
	CHECK(c.delim == ';' && c.nrows == 3);
	if (c.nrows == 3 && c.rows[0].n == 4 && c.rows[1].n == 4 && c.rows[2].n == 4) {
		CHECK(c.rows[0].n == 4);
		CHECK_STR(c.rows[0].fields[0], "indicator");           /* the BOM is gone */
		CHECK_STR(c.rows[1].fields[3], "3,5");
		CHECK(c.rows[1].line == 2 && c.rows[2].line == 3);
		CHECK_STR(c.rows[2].fields[0], "a \"b\"");
		CHECK_STR(c.rows[2].fields[1], "x\ny");
		CHECK(!c.rows[2].fields[3][0]);
	} else {
		CHECK(!"three rows of four fields");
	}
	char comma[] = "a,b\n1,2\n";
	CHECK(sm_csv_parse(&a, "t.csv", comma, strlen(comma), &c) == 0 && c.delim == ',' && c.nrows == 2);
	CHECK(sm_diag_errors() == 0);
	char unclosed[] = "a;b\n1;\"2\n";
	CHECK(sm_csv_parse(&a, "t.csv", unclosed, strlen(unclosed), &c) != 0 && sm_diag_errors() >= 1);
	sm_diag_reset();
	sm_diag_quiet(0);
	sm_arena_free(&a);
}

/* load_data.c on the mini project, then on its data files changed. */
TEST(test_load_data_observations)
{
	struct sm_arena a = { 0 };
	sm_diag_quiet(1);
	sm_diag_reset();
	const struct sm_dir *root;
	struct sm_doc doc;
	CHECK(sm_project_open("tests/fixtures/mini", &root) == 0);
	CHECK(sm_load_doc(&a, "tests/fixtures/mini", &doc) == 0);
	if (sm_diag_errors())
		goto out;
	CHECK(sm_load_data(&a, &doc) == 0 && sm_diag_errors() == 0);
	if (sm_diag_errors() || doc.gemeente < 0)
		goto out;
	/* data/obs.csv: bijstand;GM9999;2023;3,5 and bijstand;NL01;2023;3,6. */
	CHECK(doc.nobs == 2 && doc.nindicators == 1);
	CHECK(doc.nareas == 4 && !strcmp(doc.areas[doc.gemeente].code, "GM9999"));
	int seen = 0;
	for (int i = 0; i < doc.nobs; i++) {
		const struct sm_obs *o = &doc.obs[i];
		const char *code = doc.areas[o->area].code;
		CHECK(SM_PERIOD_YEAR(o->period) == 2023 && (o->has & SM_HAS_VALUE));
		if (!strcmp(code, "GM9999")) {
			seen |= 1;
			CHECK(o->value == 3.5);
		}
		if (!strcmp(code, "NL01")) {
			seen |= 2;
			CHECK(o->value == 3.6);
		}
	}
	CHECK(seen == 3);
	/* The same files with a bad row: an unknown area code is an error. */
	char dir[] = "/tmp/sm-unit-data.XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		goto out;
	}
	char sub[600];
	snprintf(sub, sizeof sub, "%s/data", dir);
	mkdir(sub, 0700);
	put(dir, "data/areas.csv", "code;naam;niveau;ouder\nNL01;Nederland;land;\nGM9999;Teststad;gemeente;\n");
	put(dir, "data/indicators.yaml", "- id: bijstand\n  name: Inwoners met bijstandsuitkering\n  unit: percent\n"
					 "  polarity: lower-is-better\n  source: CBS\n");
	put(dir, "data/obs.csv", "indicator;gebied;jaar;waarde\nbijstand;GM9999;2022;4,25\nbijstand;GM0000;2023;3\n");
	struct sm_doc d2;
	CHECK(sm_load_doc(&a, "tests/fixtures/mini", &d2) == 0);
	d2.root = sm_dir_open(dir);
	sm_diag_reset();
	sm_load_data(&a, &d2);
	CHECK(sm_diag_errors() == 1);
	for (int i = 0; i < d2.nobs; i++)
		if (SM_PERIOD_YEAR(d2.obs[i].period) == 2022)
			CHECK(d2.obs[i].value == 4.25);
	char p[700];
	const char *files[] = { "data/areas.csv", "data/indicators.yaml", "data/obs.csv" };
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		unlink(p);
	}
	rmdir(sub);
	rmdir(dir);
out:
	sm_dirs_close();
	sm_diag_reset();
	sm_diag_quiet(0);
	sm_arena_free(&a);
}
