/* libFuzzer target: the whole pipeline, from a project in memory (files
 * in "=== path" sections, see project.c) to a PDF. Seeded from content/ and
 * samples/ by `make fuzz` (tests/fuzz/seed.sh). */
#include "run.h"
#include "diag.h"
#include "project.h"
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dir[64], out[80];
	snprintf(dir, sizeof dir, "/tmp/sm-fuzz-%d", (int)getpid());
	snprintf(out, sizeof out, "%s.pdf", dir);
	sm_diag_quiet(1);
	sm_diag_reset();
	if (!fuzz_write_project(dir, data, size)) {
		struct sm_run_opts o = { "build", dir, out, NULL, NULL };
		FILE *saved = stdout;
		stdout = fopen("/dev/null", "w");
		sm_run(&o);
		fclose(stdout);
		stdout = saved;
	}
	fuzz_remove_tree(dir);
	unlink(out);
	return 0;
}
