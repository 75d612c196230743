/* Dutch number formatting and rounding: half away from zero on the decimal
 * value, a real minus sign, points between thousands. */
#include "unit.h"
#include "numfmt.h"
#include "arena.h"

TEST(test_numfmt_rounding)
{
	struct sm_arena a = { 0 };
	CHECK_STR(sm_fmt_num(&a, 2.675, 2, 1), "2,68");     /* binary 2.67499999... */
	CHECK_STR(sm_fmt_num(&a, 0.05, 1, 1), "0,1");
	CHECK_STR(sm_fmt_num(&a, 0.15, 1, 1), "0,2");
	CHECK_STR(sm_fmt_num(&a, 0.25, 1, 1), "0,3");
	CHECK_STR(sm_fmt_num(&a, 1.45, 1, 1), "1,5");
	CHECK_STR(sm_fmt_num(&a, -1.45, 1, 1), "\xE2\x88\x92" "1,5");
	CHECK_STR(sm_fmt_num(&a, 3.7, 1, 1), "3,7");
	CHECK_STR(sm_fmt_num(&a, 9.96, 1, 1), "10,0");
	CHECK_STR(sm_fmt_num(&a, 999.5, 0, 1), "1.000");
	CHECK_STR(sm_fmt_num(&a, 0.0004, 2, 1), "0,00");
	CHECK_STR(sm_fmt_num(&a, 0, 0, 1), "0");
	CHECK(sm_round(2.675, 2) == 2.68);
	CHECK(sm_round(-0.05, 1) == -0.1);
	sm_arena_free(&a);
}

TEST(test_numfmt_grouping)
{
	struct sm_arena a = { 0 };
	CHECK_STR(sm_fmt_num(&a, 1234, 0, 1), "1.234");
	CHECK_STR(sm_fmt_num(&a, 46215, 0, 1), "46.215");
	CHECK_STR(sm_fmt_num(&a, 1234567.25, 1, 1), "1.234.567,3");
	CHECK_STR(sm_fmt_num(&a, 1234, 0, 0), "1234");
	CHECK_STR(sm_fmt_num(&a, 999, 0, 1), "999");
	CHECK_STR(sm_fmt_euro(&a, 1250, 0), "\xE2\x82\xAC\xC2\xA0" "1.250");
	sm_arena_free(&a);
}

TEST(test_numfmt_change)
{
	struct sm_arena a = { 0 };
	CHECK_STR(sm_fmt_change(&a, 0.4, 1), "+0,4");
	CHECK_STR(sm_fmt_change(&a, -0.4, 1), "\xE2\x88\x92" "0,4");
	CHECK_STR(sm_fmt_change(&a, -0.04, 1), "0,0");      /* no sign on a rounded zero */
	CHECK_STR(sm_fmt_change(&a, 0, 1), "0,0");
	CHECK_STR(sm_fmt_change(&a, 1500, 0), "+1.500");
	sm_arena_free(&a);
}
