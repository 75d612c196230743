/* Text joined without copying it again for every piece: Markdown runs,
 * lists; and the length limits of titles and names. */
#include "unit.h"
#include "sm.h"
#include <stdlib.h>

/* 5,000 soft breaks make one run holding every line, and the arena holds
 * a few copies of it at most (it held 5,000 growing ones). */
TEST(test_md_lines_join)
{
	struct sm_arena a = { 0 };
	enum { LINES = 5000 };
	char *src = malloc(LINES * 6 + 1), *p = src;
	for (int i = 0; i < LINES; i++)
		p += sprintf(p, "w%03d\n", i % 1000);
	struct sm_rich r;
	struct sm_pos pos = { "x.md", 1, 1 };
	sm_md_parse(&a, src, (size_t)(p - src), pos, 0, &r);
	CHECK(r.n == 1 && r.paras[0].nruns == 1);
	const char *t = r.n ? r.paras[0].runs[0].text : "";
	CHECK(strlen(t) == LINES * 5 - 1);
	CHECK(!strncmp(t, "w000 w001 w002", 14));
	CHECK(!strcmp(t + strlen(t) - 9, "w998 w999"));
	CHECK(a.used_total < (size_t)LINES * 5 * 16);
	free(src);
	sm_arena_free(&a);
}

TEST(test_arena_join)
{
	struct sm_arena a = { 0 };
	const char *parts[] = { "Woonstede", "GGD", "Schuldhulp Lindeveld" };
	CHECK_STR(sm_arena_join(&a, parts, 3, ", "), "Woonstede, GGD, Schuldhulp Lindeveld");
	CHECK_STR(sm_arena_join(&a, parts, 1, ", "), "Woonstede");
	CHECK_STR(sm_arena_join(&a, parts, 0, ", "), "");
	sm_arena_free(&a);
}

/* Limits count characters, not bytes, and name the field and the limit. */
TEST(test_text_limits)
{
	sm_diag_quiet(1);
	sm_diag_reset();
	struct sm_pos pos = { "monitor.yaml", 2, 8 };
	char s[2 * SM_MAX_TITLE + 3] = "";
	for (int i = 0; i < SM_MAX_TITLE; i++)
		strcat(s, "\xC3\xA9");                          /* é: two bytes */
	CHECK(sm_utf8_limit(s, SM_MAX_TITLE, "title", &pos) == 0);
	strcat(s, "e");
	CHECK(sm_utf8_limit(s, SM_MAX_TITLE, "title", &pos) == -1);
	CHECK(sm_utf8_limit("", SM_MAX_NAME, "name", &pos) == 0);
	CHECK(sm_diag_errors() == 1);
	sm_diag_reset();
	sm_diag_quiet(0);
}
