/* numfmt.h: numbers the Dutch way. Rounding is half away from zero on the
 * decimal value (2.675 → 2,68), only when printing. */
#ifndef SM_NUMFMT_H
#define SM_NUMFMT_H
#include "arena.h"

/* "1.234,5"; group: a point between thousands (1.234); a negative number
 * has a real minus sign (U+2212). */
char *sm_fmt_num(struct sm_arena *a, double v, int decimals, int group);
/* A change with its sign: "+0,4", "−0,4", "0,0". */
char *sm_fmt_change(struct sm_arena *a, double v, int decimals);
/* "€ 1.250" (non-breaking space after the euro sign). */
char *sm_fmt_euro(struct sm_arena *a, double v, int decimals);
/* Rounds to decimals, half away from zero on the decimal value. */
double sm_round(double v, int decimals);

#endif
