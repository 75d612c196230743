/* The engine reads the Dutch hyphenation patterns itself (generator/hyphen.c);
 * libhyphen, which reads the same file, is the reference: both must allow
 * the same breaks in every word of Debian's Dutch word list (wdutch,
 * 400,000 words) and of the project's own documents. */
#include "unit.h"
#include "hyphenate.h"
#include "sm.h"
#include <hyphen.h>
#include <stdlib.h>

#define WORD_LIST "/usr/share/dict/dutch"

/* libhyphen on a lower-case word: UTF-8 → Latin-1, its breaks with the
 * engine's minimums (2 letters before, 3 after). 0 when the word is not
 * one the engine hyphenates as a whole (capitals, digits, hyphens, other
 * scripts), so only plain words are compared. */
static int reference(HyphenDict *dict, const char *w, size_t len, unsigned char *breaks)
{
	char lat[128];
	size_t ends[128];
	int n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int k = sm_utf8_decode(w + i, len - i, &cp);
		if (!k || n >= 100)
			return 0;
		int letter = (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
		if (!letter)
			return 0;
		i += (size_t)k;
		lat[n] = (char)cp;
		ends[n++] = i;
	}
	lat[n] = 0;
	memset(breaks, 0, len);
	if (n < 5)
		return 1;
	char hy[136] = { 0 };
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (hnj_hyphen_hyphenate2(dict, lat, n, hy, NULL, &rep, &pos, &cut))
		return 0;
	for (int i = 1; i < n - 3; i++)
		if (hy[i] & 1)
			breaks[ends[i] - 1] = 1;
	if (rep) {
		for (int i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	return 1;
}

TEST(test_hyphenation_matches_libhyphen)
{
	HyphenDict *dict = hnj_hyphen_load(SM_HYPHEN_DICT);
	CHECK(dict != NULL);
	CHECK(sm_hyphen_open() == 0);
	FILE *f = fopen(WORD_LIST, "r");
	CHECK(f != NULL);           /* wdutch: installed by `make` */
	if (!dict || !f) {
		if (dict)
			hnj_hyphen_free(dict);
		if (f)
			fclose(f);
		return;
	}
	char line[512];
	unsigned char want[512], got[512];
	long compared = 0, differ = 0;
	while (fgets(line, sizeof line, f)) {
		size_t n = strcspn(line, "\r\n");
		line[n] = 0;
		if (!reference(dict, line, n, want))
			continue;
		sm_hyphenate(line, n, got);
		compared++;
		if (memcmp(want, got, n) && differ++ < 5)
			printf("  breaks differ from libhyphen in '%s'\n", line);
	}
	fclose(f);
	hnj_hyphen_free(dict);
	CHECK(compared > 300000);
	CHECK(differ == 0);
}
