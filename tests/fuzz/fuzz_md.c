/* libFuzzer target: Markdown → rich text (with the Dutch typography pass). */
#include "sm.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sm_arena a = { 0 };
	sm_diag_quiet(1);
	sm_diag_reset();
	char *buf = sm_arena_alloc(&a, size + 1);
	memcpy(buf, data, size);
	if (!sm_utf8_check("fuzz.md", buf, size)) {
		struct sm_rich r;
		struct sm_pos p = { "fuzz.md", 1, 1 };
		sm_md_parse(&a, buf, size, p, 0, &r);
		sm_smart_text(&a, buf);
	}
	sm_arena_free(&a);
	return 0;
}
