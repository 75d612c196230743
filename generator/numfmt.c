/* numfmt.c: Dutch number formatting. Locale-independent: never printf's
 * %f for output, so LANG cannot change a digit. */
#include "numfmt.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Digits of |v| rounded half away from zero at `decimals`, as a string of
 * digits with the decimal point implied `decimals` from the end. */
static int round_digits(double v, int decimals, char *out, size_t outn)
{
	char tmp[40];
	/* 15 significant digits: the decimal value a person typed (2.675),
	 * not its binary neighbour (2.67499999...). */
	snprintf(tmp, sizeof tmp, "%.14e", fabs(v));
	char digits[20];
	int nd = 0;
	for (const char *p = tmp; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			digits[nd++] = *p;
	int exp = 0;
	sscanf(strchr(tmp, 'e') + 1, "%d", &exp);
	/* value = 0.d1 d2 ... × 10^(exp+1); digits before the point: exp+1. */
	int cut = exp + 1 + decimals;       /* digits kept */
	char kept[80];
	int nk = 0;
	if (cut < 0) {
		nk = 0;
	} else {
		for (int i = 0; i < cut && i < nd; i++)
			kept[nk++] = digits[i];
		for (int i = nd; i < cut && nk < 70; i++)
			kept[nk++] = '0';
		if (cut < nd && digits[cut] >= '5') {
			int i = nk - 1;
			while (i >= 0 && kept[i] == '9')
				kept[i--] = '0';
			if (i >= 0) {
				kept[i]++;
			} else {
				memmove(kept + 1, kept, (size_t)nk);
				kept[0] = '1';
				nk++;
			}
		}
	}
	/* At least decimals+1 digits (a leading zero before the point). */
	int want = decimals + 1;
	if (nk < want) {
		memmove(kept + (want - nk), kept, (size_t)nk);
		memset(kept, '0', (size_t)(want - nk));
		nk = want;
	}
	if ((size_t)nk >= outn)
		nk = (int)outn - 1;
	memcpy(out, kept, (size_t)nk);
	out[nk] = 0;
	return nk;
}

double sm_round(double v, int decimals)
{
	char d[80];
	int n = round_digits(v, decimals, d, sizeof d);
	double x = 0;
	for (int i = 0; i < n; i++)
		x = x * 10 + (d[i] - '0');
	x /= pow(10, decimals);
	return v < 0 ? -x : x;
}

static char *format(struct sm_arena *a, double v, int decimals, int group, int sign)
{
	if (!isfinite(v))
		return sm_arena_strdup(a, ".");
	char d[80];
	int n = round_digits(v, decimals, d, sizeof d);
	int zero = 1;
	for (int i = 0; i < n; i++)
		if (d[i] != '0')
			zero = 0;
	char out[160], *o = out;
	if (v < 0 && !zero) {
		memcpy(o, "\xE2\x88\x92", 3);   /* − U+2212 */
		o += 3;
	} else if (sign && !zero) {
		*o++ = '+';
	}
	int nint = n - decimals;
	int grouped = group && nint > 3;
	for (int i = 0; i < nint; i++) {
		if (grouped && i > 0 && (nint - i) % 3 == 0)
			*o++ = '.';
		*o++ = d[i];
	}
	if (decimals > 0) {
		*o++ = ',';
		memcpy(o, d + nint, (size_t)decimals);
		o += decimals;
	}
	*o = 0;
	return sm_arena_strdup(a, out);
}

char *sm_fmt_num(struct sm_arena *a, double v, int decimals, int group)
{
	return format(a, v, decimals, group, 0);
}

char *sm_fmt_change(struct sm_arena *a, double v, int decimals)
{
	return format(a, v, decimals, 1, 1);
}

char *sm_fmt_euro(struct sm_arena *a, double v, int decimals)
{
	char *n = format(a, v, decimals, 1, 0);
	return sm_arena_printf(a, "\xE2\x82\xAC\xC2\xA0%s", n);
}
