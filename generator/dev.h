/* dev.h: the output devices. They draw the pages layout made (pages.h)
 * and read nothing of the model. */
#ifndef SM_DEV_H
#define SM_DEV_H
#include <stdio.h>
#include "pages.h"
#include "font.h"

/* The PDF writer returns the exit status: 0, 2 (the target is not a
 * regular file) or 3 (system error, message printed). */
int sm_dev_pdf_write(const struct sm_pages *p, struct sm_fonts *fonts, const char *path);
/* The pages as text, for --dump=layout. */
void sm_dev_text_write(const struct sm_pages *p, FILE *out);

#endif
