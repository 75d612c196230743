/* run.h: the driver (build.c): one run of the engine over a project. */
#ifndef SM_RUN_H
#define SM_RUN_H

/* cmd is "build" or "check"; dump is NULL, "model", "cells" or "layout".
 * Returns the exit status. */
struct sm_run_opts { const char *cmd, *dir, *out, *layout, *dump; };
int sm_run(const struct sm_run_opts *o);

#endif
