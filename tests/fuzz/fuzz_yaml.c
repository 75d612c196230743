/* libFuzzer target: the YAML loader, and the schema on what it loads
 * (as monitor.yaml would be read). */
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
	if (!sm_utf8_check("fuzz.yaml", buf, size)) {
		struct sm_node *root;
		sm_yaml_load(&a, "fuzz.yaml", buf, size, &root);
	}
	sm_arena_free(&a);
	return 0;
}
