/* Paths of a project compared as the same file however they are written. */
#include "unit.h"
#include "sm.h"

TEST(test_normal_path)
{
	struct sm_arena a = { 0 };
	static const char *const cases[][2] = {
		{ "chapters/x.yaml", "chapters/x.yaml" },
		{ "chapters/./x.yaml", "chapters/x.yaml" },
		{ "chapters//x.yaml", "chapters/x.yaml" },
		{ "./chapters/x.yaml", "chapters/x.yaml" },
		{ "chapters/../chapters/x.yaml", "chapters/x.yaml" },
		{ "a/b/../../chapters/x.yaml", "chapters/x.yaml" },
		{ "chapters/x.yaml/", "chapters/x.yaml" },
		/* '..' above the start stays: such a path is refused when opened. */
		{ "../x.yaml", "../x.yaml" },
		{ "a/../../x.yaml", "../x.yaml" },
		{ "../../a/./b", "../../a/b" },
		{ "...", "..." },
		{ ".", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		CHECK_STR(sm_normal_path(&a, cases[i][0]), cases[i][1]);
	sm_arena_free(&a);
}
