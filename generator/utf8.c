/* utf8.c: UTF-8 decoding and validation, typographic quotes for plain
 * text, and slugs for file names. */
#include "sm.h"
#include <string.h>
#include <strings.h>

int sm_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	int n;
	uint32_t c, min;
	if ((s[0] & 0xE0) == 0xC0) { n = 2; c = s[0] & 0x1F; min = 0x80; }
	else if ((s[0] & 0xF0) == 0xE0) { n = 3; c = s[0] & 0x0F; min = 0x800; }
	else if ((s[0] & 0xF8) == 0xF0) { n = 4; c = s[0] & 0x07; min = 0x10000; }
	else return 0;
	if (len < (size_t)n)
		return 0;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

int sm_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
	if (cp < 0x800) { o[0] = 0xC0 | cp >> 6; o[1] = 0x80 | (cp & 0x3F); return 2; }
	if (cp < 0x10000) {
		o[0] = 0xE0 | cp >> 12; o[1] = 0x80 | (cp >> 6 & 0x3F); o[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | cp >> 18; o[1] = 0x80 | (cp >> 12 & 0x3F);
	o[2] = 0x80 | (cp >> 6 & 0x3F); o[3] = 0x80 | (cp & 0x3F);
	return 4;
}

struct sm_pos sm_utf8_pos(const char *file, const char *buf, size_t off)
{
	struct sm_pos p = { file, 1, 1 };
	size_t start = 0;
	if (off >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		start = 3;
	for (size_t i = start; i < off; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c == '\n') {
			p.line++;
			p.col = 1;
		} else if ((c & 0xC0) != 0x80 && c != '\r') {
			p.col++;
		}
	}
	return p;
}

/* Bidi embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069): they reorder the text after them, in a message, in an
 * editor and in the PDF, so that what is read is not what is written. */
static int is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The one rule for text in every file the engine reads (YAML, Markdown,
 * CSV): UTF-8, no control characters but tab, CR and LF (a NUL would cut
 * a value short, others reach the PDF as blank boxes), no bidi
 * controls, nothing above U+FFFF. Returns the offset of the first offence, or -1; *cp is 0 when
 * the bytes there are not UTF-8. */
static long first_refused(const char *buf, size_t len, size_t i, uint32_t *cp)
{
	while (i < len) {
		int n = sm_utf8_decode(buf + i, len - i, cp);
		if (!n) {
			*cp = 0;
			return (long)i;
		}
		if (*cp > 0xFFFF || (*cp < 0x20 && *cp != '\t' && *cp != '\n' && *cp != '\r') ||
		    (*cp >= 0x7F && *cp <= 0x9F) || is_bidi_control(*cp)) {
			if (!*cp)
				*cp = 0x110000;     /* NUL: not the "not UTF-8" mark */
			return (long)i;
		}
		i += (size_t)n;
	}
	return -1;
}

static void report(const struct sm_pos *p, const char *at, uint32_t cp)
{
	if (!cp)
		sm_diag(SM_MSG_utf8_invalid, p, (unsigned char)*at);
	else if (cp == 0x110000)
		sm_diag(SM_MSG_control_char, p, 0u);
	else if (is_bidi_control(cp))
		sm_diag(SM_MSG_bidi_control, p, cp);
	else
		sm_diag(cp > 0xFFFF ? SM_MSG_utf8_outside_bmp : SM_MSG_control_char, p, cp);
}

int sm_utf8_check(const char *file, const char *buf, size_t len)
{
	size_t start = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
	uint32_t cp;
	long i = first_refused(buf, len, start, &cp);
	if (i < 0)
		return 0;
	struct sm_pos p = sm_utf8_pos(file, buf, (size_t)i);
	report(&p, buf + i, cp);
	return -1;
}

int sm_text_check(const struct sm_pos *pos, const char *s, size_t len)
{
	uint32_t cp;
	long i = first_refused(s, len, 0, &cp);
	if (i < 0)
		return 0;
	report(pos, s + i, cp);
	return -1;
}

int sm_utf8_limit(const char *s, int max, const char *key, const struct sm_pos *pos)
{
	long n = 0;
	for (const char *p = s; *p; p++)
		n += ((unsigned char)*p & 0xC0) != 0x80;
	if (n <= max)
		return 0;
	sm_diag(SM_MSG_text_too_long, pos, key, n > 99999999 ? 99999999 : (int)n, max,
		max >= SM_MAX_TITLE ? ", and say more in the text" : "");
	return -1;
}

static int is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Does an apostrophe at s (pointing at the quote) start a Dutch elision
 * ('s, 't, 'n, '90)? prev is the character before it (0 at the start). */
int sm_is_elision(const char *s, uint32_t prev)
{
	if (prev && (is_letter(prev) || is_digit(prev)))
		return 0;
	const unsigned char *p = (const unsigned char *)s + 1;
	if ((p[0] == 's' || p[0] == 't' || p[0] == 'n') && !is_letter(p[1]) && !is_digit(p[1]) &&
	    p[1] < 0x80)
		return 1;
	if (is_digit(p[0]) && is_digit(p[1]) && !is_digit(p[2]) && !is_letter(p[2]))
		return 1;
	return 0;
}

static int opens_after(uint32_t prev)
{
	return prev == 0 || prev == ' ' || prev == '\t' || prev == '\n' || prev == '(' || prev == '[' ||
	       prev == '{' || prev == 0x2018 || prev == 0x201C || prev == 0x2013 || prev == 0x2014 ||
	       prev == 0xA0 || prev == '/';
}

char *sm_smart_text(struct sm_arena *a, const char *s)
{
	size_t len = strlen(s);
	char *out = sm_arena_alloc(a, len * 3 + 1), *o = out;
	uint32_t prev = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t cp = (unsigned char)s[i];
		int n = sm_utf8_decode(s + i, len - i, &cp);
		if (!n) { n = 1; cp = 0xFFFD; }
		uint32_t put = cp;
		if (cp == '"') {
			put = opens_after(prev) ? 0x201C : 0x201D;
		} else if (cp == '\'') {
			if (sm_is_elision(s + i, prev))
				put = 0x2019;
			else if (opens_after(prev) && i + 1 < len && s[i + 1] != ' ')
				put = 0x2018;
			else
				put = 0x2019;
		} else if (cp == '-' && s[i + 1] == '-') {
			if (s[i + 2] == '-') { put = 0x2014; n = 3; }
			else { put = 0x2013; n = 2; }
		} else if (cp == '.' && s[i + 1] == '.' && s[i + 2] == '.') {
			put = 0x2026;
			n = 3;
		}
		o += sm_utf8_encode(put, o);
		prev = put;
		i += (size_t)n;
	}
	*o = 0;
	return sm_typo_dutch(a, out);
}

/* Dutch typesetting of numbers and abbreviations: a non-breaking space in
 * "€ 1.250", "3,7 %" and "art. 2.5"; an en dash between two years
 * (2019–2023); a minus sign before a number (−0,4). */
char *sm_typo_dutch(struct sm_arena *a, const char *s)
{
	static const char *const abbrev[] = { "art.", "nr.", "blz.", "p.", "fig.", "tab.", "hfst.", "lid", "bijlage", NULL };
	size_t len = strlen(s);
	char *out = sm_arena_alloc(a, len * 2 + 1), *o = out;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		int at_word = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(';
		if (c == ' ' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9') {
			/* "€ 1.250", "art. 2.5" */
			int glue = i >= 3 && !memcmp(s + i - 3, "\xE2\x82\xAC", 3);
			for (int k = 0; abbrev[k] && !glue; k++) {
				size_t n = strlen(abbrev[k]);
				glue = i >= n && !strncasecmp(s + i - n, abbrev[k], n) &&
				       (i == n || s[i - n - 1] == ' ' || s[i - n - 1] == '(');
			}
			if (glue) {
				memcpy(o, "\xC2\xA0", 2);
				o += 2;
				continue;
			}
		}
		if (c == ' ' && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] == '%') {
			memcpy(o, "\xC2\xA0", 2);           /* "3,7 %" */
			o += 2;
			continue;
		}
		if (c == '-' && i >= 4 && i + 4 < len + 0 && strspn(s + i - 4, "0123456789") >= 4 &&
		    (i == 4 || !(s[i - 5] >= '0' && s[i - 5] <= '9')) && strspn(s + i + 1, "0123456789") == 4 &&
		    (s[i - 4] == '1' || s[i - 4] == '2') && (s[i + 1] == '1' || s[i + 1] == '2') &&
		    (i == 4 || s[i - 5] != '-') && s[i + 5] != '-') {
			memcpy(o, "\xE2\x80\x93", 3);      /* 2019–2023 */
			o += 3;
			continue;
		}
		if (c == '-' && at_word && s[i + 1] >= '0' && s[i + 1] <= '9') {
			memcpy(o, "\xE2\x88\x92", 3);      /* −0,4 */
			o += 3;
			continue;
		}
		*o++ = c;
	}
	*o = 0;
	return out;
}

/* ASCII folding of the Latin letters a Dutch name may hold. */
static const char *fold(uint32_t c)
{
	static const struct { uint32_t from, to; const char *ascii; } ranges[] = {
		{ 0xC0, 0xC5, "a" }, { 0xC6, 0xC6, "ae" }, { 0xC7, 0xC7, "c" }, { 0xC8, 0xCB, "e" },
		{ 0xCC, 0xCF, "i" }, { 0xD0, 0xD0, "d" }, { 0xD1, 0xD1, "n" }, { 0xD2, 0xD6, "o" },
		{ 0xD8, 0xD8, "o" }, { 0xD9, 0xDC, "u" }, { 0xDD, 0xDD, "y" }, { 0xDF, 0xDF, "ss" },
		{ 0xE0, 0xE5, "a" }, { 0xE6, 0xE6, "ae" }, { 0xE7, 0xE7, "c" }, { 0xE8, 0xEB, "e" },
		{ 0xEC, 0xEF, "i" }, { 0xF0, 0xF0, "d" }, { 0xF1, 0xF1, "n" }, { 0xF2, 0xF6, "o" },
		{ 0xF8, 0xF8, "o" }, { 0xF9, 0xFC, "u" }, { 0xFD, 0xFD, "y" }, { 0xFF, 0xFF, "y" },
		{ 0x132, 0x133, "ij" }, { 0x152, 0x153, "oe" }, { 0x160, 0x161, "s" },
		{ 0x17D, 0x17E, "z" }, { 0x178, 0x178, "y" },
	};
	for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++)
		if (c >= ranges[i].from && c <= ranges[i].to)
			return ranges[i].ascii;
	return NULL;
}

char *sm_slug(struct sm_arena *a, const char *s)
{
	size_t len = strlen(s);
	char *out = sm_arena_alloc(a, len * 2 + 1), *o = out;
	int dash = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		int n = sm_utf8_decode(s + i, len - i, &cp);
		if (!n) { n = 1; cp = '?'; }
		i += (size_t)n;
		const char *f = NULL;
		char one[2] = { 0, 0 };
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			one[0] = (char)cp;
			f = one;
		} else if (cp >= 'A' && cp <= 'Z') {
			one[0] = (char)(cp - 'A' + 'a');
			f = one;
		} else {
			f = fold(cp);
		}
		if (f) {
			if (dash && o > out)
				*o++ = '-';
			dash = 0;
			while (*f)
				*o++ = *f++;
		} else if (cp != '\'' && cp != 0x2019) {
			dash = 1;
		}
	}
	*o = 0;
	if (o == out)
		return sm_arena_strdup(a, "monitor");
	return out;
}
