/* UTF-8 decoding and validation, typographic quotes, slugs. */
#include "unit.h"
#include "sm.h"

TEST(test_utf8_decode)
{
	uint32_t cp;
	CHECK(sm_utf8_decode("A", 1, &cp) == 1 && cp == 'A');
	CHECK(sm_utf8_decode("\xC3\xAB", 2, &cp) == 2 && cp == 0xEB);          /* ë */
	CHECK(sm_utf8_decode("\xE2\x82\xAC", 3, &cp) == 3 && cp == 0x20AC);    /* € */
	CHECK(sm_utf8_decode("\xC3\x28", 2, &cp) == 0);                        /* bad continuation */
	CHECK(sm_utf8_decode("\xC0\xAF", 2, &cp) == 0);                        /* overlong */
	CHECK(sm_utf8_decode("\xED\xA0\x80", 3, &cp) == 0);                    /* surrogate */
	CHECK(sm_utf8_decode("\xE2\x82", 2, &cp) == 0);                        /* truncated */
	char buf[4];
	CHECK(sm_utf8_encode(0x2019, buf) == 3 && !memcmp(buf, "\xE2\x80\x99", 3));
}

TEST(test_utf8_check_position)
{
	sm_diag_quiet(1);
	sm_diag_reset();
	const char *ok = "title: Financi\xC3\xABle zorgen\n";
	CHECK(sm_utf8_check("x.yaml", ok, strlen(ok)) == 0);
	const char *bad = "a: 1\nb: caf\xE9 au lait\n";            /* Latin-1 é */
	CHECK(sm_utf8_check("x.yaml", bad, strlen(bad)) == -1);
	struct sm_pos p = sm_utf8_pos("x.yaml", bad, 11);
	CHECK(p.line == 2 && p.col == 7);
	const char *bom = "\xEF\xBB\xBFtitle: x\r\n";
	CHECK(sm_utf8_check("x.yaml", bom, strlen(bom)) == 0);
	const char *emoji = "x: \xF0\x9F\x98\x80\n";
	CHECK(sm_utf8_check("x.yaml", emoji, strlen(emoji)) == -1);
	CHECK(sm_diag_errors() == 2);
	sm_diag_reset();
	sm_diag_quiet(0);
}

TEST(test_smart_text)
{
	struct sm_arena a = { 0 };
	CHECK_STR(sm_smart_text(&a, "\"Zo\" zegt ze"), "\xE2\x80\x9CZo\xE2\x80\x9D zegt ze");
	CHECK_STR(sm_smart_text(&a, "'s-Hertogenbosch"), "\xE2\x80\x99s-Hertogenbosch");
	CHECK_STR(sm_smart_text(&a, "\"Ja\", zei hij, 'n keer in 't dorp, in '90"),
		  "\xE2\x80\x9CJa\xE2\x80\x9D, zei hij, \xE2\x80\x99n keer in \xE2\x80\x99t dorp, in \xE2\x80\x99" "90");
	CHECK_STR(sm_smart_text(&a, "auto's"), "auto\xE2\x80\x99s");
	CHECK_STR(sm_smart_text(&a, "'echt'"), "\xE2\x80\x98" "echt\xE2\x80\x99");
	CHECK_STR(sm_smart_text(&a, "2019--2023 --- klaar..."), "2019\xE2\x80\x93" "2023 \xE2\x80\x94 klaar\xE2\x80\xA6");
	sm_arena_free(&a);
}

TEST(test_slug)
{
	struct sm_arena a = { 0 };
	CHECK_STR(sm_slug(&a, "Lindeveld"), "lindeveld");
	CHECK_STR(sm_slug(&a, "Súdwest-Fryslân"), "sudwest-fryslan");
	CHECK_STR(sm_slug(&a, "'s-Hertogenbosch"), "s-hertogenbosch");
	CHECK_STR(sm_slug(&a, "Bergen op Zoom"), "bergen-op-zoom");
	CHECK_STR(sm_slug(&a, "IJsselstein"), "ijsselstein");
	CHECK_STR(sm_slug(&a, "Nuenen, Gerwen en Nederwetten"), "nuenen-gerwen-en-nederwetten");
	sm_arena_free(&a);
}
