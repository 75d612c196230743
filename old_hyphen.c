/* hyphen.c: Dutch hyphenation. The only file that includes hyphen.h from
 * libhyphen. The Dutch dictionary is ISO-8859-1, so words are converted to
 * Latin-1 (lower case) and the break positions mapped back to UTF-8. */
#include "hyphenate.h"
#include "sm.h"
#include <hyphen.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static HyphenDict *dict;
static int tried;
static pthread_t loader;
static int loading;

static void *load(void *unused)
{
	(void)unused;
	if (sm_file_exists(SM_HYPHEN_DICT))
		dict = hnj_hyphen_load(SM_HYPHEN_DICT);
	return NULL;
}

/* Parsing the dictionary takes some 10 ms; on a second core it is done
 * while the project loads. */
void xx_unused(void)
{
	if (!tried && !loading && !pthread_create(&loader, NULL, load, NULL))
		loading = 1;
}

int sm_hyphen_open(void)
{
	if (loading) {
		pthread_join(loader, NULL);
		loading = 0;
		tried = 1;
	}
	if (!tried) {
		tried = 1;
		load(NULL);
	}
	return dict ? 0 : -1;
}

void sm_hyphen_close(void)
{
	if (loading) {
		pthread_join(loader, NULL);
		loading = 0;
	}
	if (dict)
		hnj_hyphen_free(dict);
	dict = NULL;
	tried = 0;
}

static int is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

static int is_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

/* Hyphenates one run of letters (Latin-1 lower case in lat, with the
 * UTF-8 end offset of each letter in ends). */
static int hyphenate_letters(const char *lat, int n, const size_t *ends, size_t base, unsigned char *breaks)
{
	if (n < 5)
		return 0;
	char hy[128];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (n > 100)
		return 0;
	memset(hy, 0, sizeof hy);
	if (hnj_hyphen_hyphenate3(dict, lat, n, hy, NULL, &rep, &pos, &cut, 2, 3, 2, 3))
		return 0;
	int count = 0;
	for (int i = 1; i < n - 3; i++) {
		/* Breaks that change the spelling (non-standard hyphenation) are skipped. */
		if ((hy[i] & 1) && !(rep && rep[i])) {
			breaks[base + ends[i] - 1] = 1;
			count++;
		}
	}
	if (rep) {
		for (int i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	return count;
}

int sm_hyphenate(const char *word, size_t len, unsigned char *breaks)
{
	memset(breaks, 0, len);
	if (!dict || len > 200)
		return 0;
	/* Decode; refuse codes, numbers and addresses. */
	uint32_t cps[200];
	size_t ends[200];
	int n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int k = sm_utf8_decode(word + i, len - i, &cp);
		if (!k)
			return 0;
		if ((cp >= '0' && cp <= '9') || cp == '@' || cp == '/' || cp == ':' || cp == '_' || cp == '=')
			return 0;
		i += (size_t)k;
		cps[n] = cp;
		ends[n] = i;
		n++;
	}
	/* The letters of the word: leading and trailing punctuation stay off. */
	int a = 0, b = n;
	while (a < b && !is_letter(cps[a]))
		a++;
	while (b > a && !is_letter(cps[b - 1]))
		b--;
	for (int i = a + 1; i < b; i++)
		if (is_upper(cps[i]))
			return 0;
	int count = 0;
	/* Each part between hyphens on its own (the hyphen itself is a break
	 * point the line breaker knows). */
	int i = a;
	while (i < b) {
		int end = i;
		while (end < b && cps[end] != '-')
			end++;
		/* A part may carry brackets of its own: "(Niet-)eenzaamheid". */
		while (i < end && !is_letter(cps[i]))
			i++;
		int j = i, stop = end;
		while (stop > i && !is_letter(cps[stop - 1]))
			stop--;
		char lat[128];
		size_t rel_ends[128];
		int m = 0, ok = 1;
		while (j < stop) {
			uint32_t c = cps[j];
			if (!is_letter(c) || m >= 120)
				ok = 0;
			if (c >= 'A' && c <= 'Z')
				c += 32;
			else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
				c += 32;
			lat[m] = (char)c;
			rel_ends[m] = ends[j] - (i > 0 ? ends[i - 1] : 0);
			m++;
			j++;
		}
		lat[m] = 0;            /* libhyphen reads the word as a C string */
		if (ok && m >= 5) {
			size_t base = i > 0 ? ends[i - 1] : 0;
			count += hyphenate_letters(lat, m, rel_ends, base, breaks);
		}
		i = end + 1;
	}
	return count;
}
