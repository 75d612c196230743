/* libFuzzer target: a layout file, loaded over the built-in defaults
 * (fonts looked up, colours, sizes, templates, labels). */
#include "theme.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/sm-fuzz-layout-%d.yaml", (int)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	struct sm_arena a = { 0 };
	struct sm_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.dir = "/nonexistent-project";
	struct sm_theme t;
	int usage;
	sm_diag_quiet(1);
	sm_diag_reset();
	sm_theme_load(&a, &doc, path, &t, &usage);
	sm_arena_free(&a);
	unlink(path);
	return 0;
}
