/* sysfont.h: the fonts installed on the system, through fontconfig. */
#ifndef SM_SYSFONT_H
#define SM_SYSFONT_H
#include "sm.h"

/* The installed TrueType file called name (such as "OpenSans-Bold.ttf"):
 * its path, the first in path order when there are several; NULL if none. */
const char *sm_sysfont_file(struct sm_arena *a, const char *name);

/* The installed TrueType face of family that fontconfig's style matching
 * picks for the weight and slant asked for. NULL after a positioned error
 * at pos when the family is not installed (with a did-you-mean over the
 * installed families) or has no TrueType face of that slant. */
const char *sm_sysfont_family(struct sm_arena *a, const char *family, int bold, int italic,
			      const struct sm_pos *pos);

/* Frees what the look-ups above built. */
void sm_sysfont_close(void);

#endif
