/* libFuzzer target: the CSV reader (delimiters, quotes, BOM, sep=,
 * Windows-1252) and field positions. */
#include "csvrows.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sm_arena a = { 0 };
	sm_diag_quiet(1);
	sm_diag_reset();
	char *buf = sm_arena_alloc(&a, size + 1);
	memcpy(buf, data, size);
	struct sm_csv c;
	if (!sm_csv_parse(&a, "fuzz.csv", buf, size, &c))
		for (int i = 0; i < c.nrows; i++)
			for (int k = 0; k < c.rows[i].n; k++)
				sm_csv_pos(&c, &c.rows[i], k);
	sm_arena_free(&a);
	return 0;
}
