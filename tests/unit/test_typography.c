/* Typography: Dutch hyphenation, total-fit justification within limits,
 * kerning, non-breaking spaces, dashes and elisions, on hard paragraphs. */
#include "unit.h"
#include "layout_fixture.h"
#include "hyphenate.h"
#include <math.h>

static const char *hyphenated(struct sm_arena *a, const char *w)
{
	size_t n = strlen(w);
	unsigned char brk[256];
	sm_hyphenate(w, n, brk);
	char *out = sm_arena_alloc(a, n * 2 + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		*o++ = w[i];
		if (brk[i])
			*o++ = '-';
	}
	*o = 0;
	return out;
}

TEST(test_hyphenation_dutch)
{
	struct sm_arena a = { 0 };
	CHECK(sm_hyphen_open() == 0);
	CHECK_STR(hyphenated(&a, "arbeidsongeschiktheidsverzekeringsmaatschappij"),
		  "ar-beids-on-ge-schikt-heids-ver-ze-ke-rings-maat-schap-pij");
	CHECK_STR(hyphenated(&a, "jeugdbeschermingsmaatregelen"), "jeugd-be-scher-mings-maat-re-ge-len");
	CHECK_STR(hyphenated(&a, "zorgverzekeraars"), "zorg-ver-ze-ke-raars");
	/* Latin-1 letters are hyphenated right (the dictionary is ISO-8859-1). */
	CHECK_STR(hyphenated(&a, "coöperatie"), "co-ö-pe-ra-tie");
	/* At least two letters before a break and three after. */
	CHECK_STR(hyphenated(&a, "ideeën"), "ideeën");
	CHECK_STR(hyphenated(&a, "gemeente,"), "ge-meente,");
	/* A part between hyphens may carry its own brackets. */
	CHECK_STR(hyphenated(&a, "(Niet-)eenzaamheid"), "(Niet-)een-zaam-heid");
	/* No hyphenation of numbers, codes, web and e-mail addresses. */
	CHECK_STR(hyphenated(&a, "WK199901"), "WK199901");
	CHECK_STR(hyphenated(&a, "2023"), "2023");
	CHECK_STR(hyphenated(&a, "GGD-regio"), "GGD-regio");
	CHECK_STR(hyphenated(&a, "https://www.lindeveld.example/ondersteuning"), "https://www.lindeveld.example/ondersteuning");
	CHECK_STR(hyphenated(&a, "onderzoek@lindeveld.example"), "onderzoek@lindeveld.example");
	/* A run of letters longer than any word is left alone (the fuzzer found
	 * one that overran the buffer). */
	char run[151];
	memset(run, 'a', 150);
	run[150] = 0;
	CHECK_STR(hyphenated(&a, run), run);
	sm_arena_free(&a);
}

TEST(test_dutch_spaces_and_dashes)
{
	struct sm_arena a = { 0 };
	CHECK_STR(sm_typo_dutch(&a, "kost \xE2\x82\xAC 1.250 per jaar"), "kost \xE2\x82\xAC\xC2\xA0" "1.250 per jaar");
	CHECK_STR(sm_typo_dutch(&a, "steeg met 3,7 % in"), "steeg met 3,7\xC2\xA0% in");
	CHECK_STR(sm_typo_dutch(&a, "zie art. 2.5 Wmo"), "zie art.\xC2\xA0" "2.5 Wmo");
	CHECK_STR(sm_typo_dutch(&a, "in 2019-2023 daalde"), "in 2019\xE2\x80\x93" "2023 daalde");
	CHECK_STR(sm_typo_dutch(&a, "een daling van -0,4 punt"), "een daling van \xE2\x88\x92" "0,4 punt");
	CHECK_STR(sm_typo_dutch(&a, "code WK199901-2023"), "code WK199901-2023");
	CHECK_STR(sm_typo_dutch(&a, "75-plussers"), "75-plussers");
	/* A straight elision after another quote still becomes an apostrophe. */
	struct sm_rich r;
	struct sm_pos p = { "t.md", 1, 1 };
	const char *md = "Zij zei \"ja\" in 's-Hertogenbosch en 't Zandt, in '90.";
	sm_md_parse(&a, md, strlen(md), p, 0, &r);
	CHECK(r.n == 1 && r.paras[0].nruns == 1);
	if (r.n == 1)
		CHECK_STR(r.paras[0].runs[0].text, "Zij zei \xE2\x80\x9Cja\xE2\x80\x9D in \xE2\x80\x99s-Hertogenbosch en "
			  "\xE2\x80\x99t Zandt, in \xE2\x80\x99" "90.");
	sm_arena_free(&a);
}

/* Lines as the PDF draws them: for each line box, its right edge, the
 * widest space between two words (as a multiple of the normal space) and
 * whether it ends in a hyphen. */
struct lstat { double right, gap; int hyphen; };

static int line_stats(struct layout_fixture *f, int first, struct lstat *out)
{
	int n = 0;
	double space = sm_font_width(&f->fonts, SM_FACE_REGULAR, f->t.body, " ", 1);
	for (int i = first; i < f->L.flow.n; i++) {
		const struct sm_flow_item *b = &f->L.flow.v[i];
		struct lstat s = { 0, 0, 0 };
		double prev_end = -1;
		for (int k = 0; k < b->items.n; k++) {
			const struct sm_item *it = &b->items.v[k];
			if (it->kind != SM_ITEM_TEXT)
				continue;
			double e = sm_text_item_end(&f->fonts, it);
			if (prev_end >= 0 && it->x - prev_end > space * 0.5 && (it->x - prev_end) / space > s.gap)
				s.gap = (it->x - prev_end) / space;
			/* Inside an item, a space and the shift after it. */
			for (int q = 0; q < it->npts; q++) {
				unsigned at = it->shifts[q].at;
				if (at > 0 && it->text[at - 1] == ' ' && (space + it->shifts[q].dx) / space > s.gap)
					s.gap = (space + it->shifts[q].dx) / space;
			}
			prev_end = e;
			if (e > s.right) {
				s.right = e;
				/* A hyphen the line breaker adds is a soft hyphen (U+00AD). */
				s.hyphen = it->len >= 2 && !memcmp(it->text + it->len - 2, "\xC2\xAD", 2);
			}
		}
		out[n++] = s;
	}
	return n;
}

static const char *hard[] = {
	"De arbeidsongeschiktheidsverzekeringsmaatschappij en de jeugdbeschermingsmaatregelen vragen om "
	"samenwerking tussen de schuldhulpverleningsorganisaties, de woningcorporaties en de "
	"zorgverzekeraars in de regio, zodat mantelzorgondersteuning en respijtzorgvoorzieningen "
	"voor alle inwoners bereikbaar blijven.",
	"Meer informatie staat op https://www.lindeveld.example/sociaal-domein/monitor-2024/bijlagen of "
	"bij onderzoek@lindeveld.example; de cijfers over 2019-2023 zijn gebaseerd op art. 2.5 van de "
	"verordening en kosten \xE2\x82\xAC 1.250 per huishouden, een stijging van 3,7 % ten opzichte van "
	"het jaar ervoor.",
	"Kinderopvangtoeslagherstelorganisatiemedewerkersbijeenkomstverslagen worden bewaard.",
};

TEST(test_hard_paragraphs)
{
	struct layout_fixture f;
	/* The measure of the standaard layout: 210 mm less 24 and 18 mm margins. */
	CHECK(layout_fixture_setup(&f, 168 * 72 / 25.4) == 0);
	if (sm_diag_errors())
		return;
	struct sm_pstyle ps = sm_pstyle_body(&f.L);
	ps.justify = 1;
	for (int p = 0; p < 3; p++) {
		int first = sm_set_text(&f.L, hard[p], 0, &ps, NULL, NULL);
		struct lstat st[64];
		int n = line_stats(&f, first, st);
		int run = 0;
		for (int i = 0; i < n; i++) {
			if (st[i].right > ps.width + 0.01 || (p < 2 && st[i].gap > 2.01))
				printf("  paragraph %d line %d of %d: right %.2f of %.2f, widest space %.2f\n", p, i, n,
				       st[i].right, ps.width, st[i].gap);
			CHECK(st[i].right <= ps.width + 0.01);                 /* never overfull */
			if (i < n - 1 && p < 2)
				CHECK(st[i].right > ps.width - 0.05);           /* justified */
			if (p < 2)
				CHECK(st[i].gap <= 1 + 0.5 * 2 + 0.01);         /* within the stretch limit */
			run = st[i].hyphen ? run + 1 : 0;
			CHECK(run <= 2);
		}
		/* The last line never ends in a hyphen. */
		CHECK(!st[n - 1].hyphen);
		if (p == 0) {
			int hy = 0;
			for (int i = 0; i < n; i++)
				hy += st[i].hyphen;
			CHECK(hy >= 1);                                         /* Dutch compounds get hyphenated */
		}
	}
	layout_fixture_teardown(&f);
}

/* A label (no hyphenation asked for) in a column narrower than one of its
 * words: the word breaks at a Dutch hyphenation point, with a hyphen, not
 * at an arbitrary letter; "(Niet-)" stays whole. */
TEST(test_narrow_label_words)
{
	struct layout_fixture f;
	CHECK(layout_fixture_setup(&f, 300) == 0);
	if (sm_diag_errors())
		return;
	struct sm_pstyle ps = sm_pstyle_body(&f.L);
	ps.justify = 0;
	ps.nohyphen = 1;
	ps.width = sm_measure(&f.L, SM_FACE_REGULAR, ps.size, "zelfredzaam-", 12) + 0.5;
	int first = sm_set_text(&f.L, "Individuele zelfredzaamheid (Niet-)eenzaamheid", 0, &ps, NULL, NULL);
	char lines[8][64];
	int n = 0;
	for (int i = first; i < f.L.flow.n && n < 8; i++) {
		const struct sm_flow_item *b = &f.L.flow.v[i];
		lines[n][0] = 0;
		double prev_end = -1;
		for (int k = 0; k < b->items.n; k++) {
			const struct sm_item *it = &b->items.v[k];
			if (it->kind != SM_ITEM_TEXT || strlen(lines[n]) + it->len + 2 >= sizeof lines[n])
				continue;
			if (prev_end >= 0 && it->x - prev_end > 1)
				strcat(lines[n], " ");
			strncat(lines[n], it->text, it->len);
			prev_end = sm_text_item_end(&f.fonts, it);
		}
		n++;
	}
	CHECK(n == 5);
	if (n == 5) {
		/* A line broken between words keeps its space; one broken in a
		 * word ends in a soft hyphen; a written hyphen stays. */
		CHECK_STR(lines[0], "Individuele ");
		CHECK_STR(lines[1], "zelfredzaam\xC2\xAD");
		CHECK_STR(lines[2], "heid (Niet-)");
		CHECK_STR(lines[3], "eenzaam\xC2\xAD");
		CHECK_STR(lines[4], "heid");
	}
	layout_fixture_teardown(&f);
}

TEST(test_kerning_pairs)
{
	struct layout_fixture f;
	CHECK(layout_fixture_setup(&f, 300) == 0);
	if (sm_diag_errors())
		return;
	CHECK(sm_font_kern(&f.fonts, SM_FACE_REGULAR, 'A', 'V') < 0);
	CHECK(sm_font_kern(&f.fonts, SM_FACE_REGULAR, 'T', 'y') < 0);
	CHECK(sm_font_kern(&f.fonts, SM_FACE_REGULAR, 'W', 'a') < 0);
	CHECK(sm_font_kern(&f.fonts, SM_FACE_REGULAR, 'n', 'n') == 0);
	double plain = sm_font_width(&f.fonts, SM_FACE_REGULAR, 10, "AV", 2);
	CHECK(sm_measure(&f.L, SM_FACE_REGULAR, 10, "AV", 2) < plain);
	layout_fixture_teardown(&f);
}
