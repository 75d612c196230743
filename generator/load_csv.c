/* load_csv.c: CSV files → rows of fields with positions. The only file
 * that includes libcsv.
 *
 * What Excel and colleagues write is accepted: a UTF-8 byte order mark, CRLF
 * line ends, a first line `sep=;`, `,` `;` or tab as delimiter (found from
 * the header), quoted fields, files in Windows-1252 (converted, with a
 * warning) and UTF-16 with its byte order mark (Excel's "Unicode text",
 * converted). Text is then held to the rule of every loader
 * (sm_utf8_check): no control characters, NUL included. libcsv gives no positions, so the text is fed one line at a
 * time and each row remembers where it started. */
#include "csvrows.h"
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Windows-1252 0x80–0x9F; the rest of the upper half is Latin-1. */
static const uint16_t cp1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
	0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
	0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static char *from_cp1252(struct sm_arena *a, const char *s, size_t len, size_t *outlen)
{
	char *out = sm_arena_alloc(a, len * 3 + 1), *o = out;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80)
			*o++ = (char)c;
		else
			o += sm_utf8_encode(c < 0xA0 ? cp1252[c - 0x80] : c, o);
	}
	*o = 0;
	*outlen = (size_t)(o - out);
	return out;
}

/* UTF-16 (after its byte order mark) → UTF-8, so that lines and columns
 * in characters stay what they were. NULL after reporting bad UTF-16. */
static char *from_utf16(struct sm_arena *a, const char *path, const char *enc, char *s, size_t len,
			size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1)
		sm_oom();
	size_t cap = len / 2 * 3 + 8, left = cap - 1;
	char *out = sm_arena_alloc(a, cap), *o = out;
	size_t r = iconv(cd, &s, &len, &o, &left);
	int err = errno;
	iconv_close(cd);
	*o = 0;
	if (r == (size_t)-1) {
		struct sm_pos p = sm_utf8_pos(path, out, (size_t)(o - out));
		sm_diag(SM_MSG_utf16_invalid, &p, err == EINVAL ? "the file ends inside a character"
							       : "a surrogate without its pair");
		return NULL;
	}
	*outlen = (size_t)(o - out);
	return out;
}

static int valid_utf8(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = sm_utf8_decode(s + i, len - i, &cp);
		if (!n)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

struct reader {
	struct sm_arena *a;
	struct sm_csv *c;
	int rcap;
	struct sm_csv_row row;
	int fcap;
	int in_row;
	int line;
	const char *line_start;
	int start_line;
	const char *start_raw;
	int too_many, too_long;
	int too_long_line;
};

static void on_field(void *data, size_t len, void *ud)
{
	struct reader *r = ud;
	if (!r->in_row) {
		r->in_row = 1;
		r->row.line = r->start_line;
		r->row.raw = r->start_raw;
		r->row.n = 0;
		r->row.fields = NULL;
		r->fcap = 0;
	}
	if (len > SM_CSV_MAX_FIELD) {
		if (!r->too_long++)
			r->too_long_line = r->row.line;
		len = SM_CSV_MAX_FIELD;
	}
	if (r->row.n >= SM_CSV_MAX_FIELDS + 1)
		return;
	char *f = sm_arena_strndup(r->a, data ? data : "", data ? len : 0);
	SM_PUSH(r->a, r->row.fields, r->row.n, r->fcap, f);
}

static void on_row(int term, void *ud)
{
	(void)term;
	struct reader *r = ud;
	if (!r->in_row)
		return;
	r->in_row = 0;
	if (r->c->nrows > SM_CSV_MAX_ROWS) {
		r->too_many = 1;
		return;
	}
	SM_PUSH(r->a, r->c->rows, r->c->nrows, r->rcap, r->row);
}

/* The delimiter of a header line: the most frequent of ; tab , outside quotes. */
static char detect(const char *s, size_t len)
{
	int semi = 0, tab = 0, comma = 0, quoted = 0;
	for (size_t i = 0; i < len && s[i] != '\n'; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == ';')
			semi++;
		else if (!quoted && s[i] == '\t')
			tab++;
		else if (!quoted && s[i] == ',')
			comma++;
	}
	if (semi >= tab && semi >= comma && semi)
		return ';';
	if (tab >= comma && tab)
		return '\t';
	return ',';
}

static int is_space(unsigned char c) { return c == ' '; }

int sm_csv_read(struct sm_arena *a, const struct sm_dir *in, const char *path, struct sm_csv *out)
{
	size_t len;
	char *buf = sm_read_file(a, in, path, &len, NULL);
	if (!buf) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	return sm_csv_parse(a, path, buf, len, out);
}

int sm_csv_parse(struct sm_arena *a, const char *path, char *buf, size_t len, struct sm_csv *out)
{
	memset(out, 0, sizeof *out);
	out->file = path;
	if (len >= 2 && (!memcmp(buf, "\xFF\xFE", 2) || !memcmp(buf, "\xFE\xFF", 2))) {
		buf = from_utf16(a, path, buf[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", buf + 2, len - 2, &len);
		if (!buf)
			return -1;
	} else if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	if (!valid_utf8(buf, len)) {
		struct sm_pos p = { path, 0, 0 };
		sm_diag(SM_MSG_csv_cp1252, &p);
		buf = from_cp1252(a, buf, len, &len);
	}
	/* A NUL would end a field early (3<NUL>,5 read as 3), a control
	 * character would reach the PDF: both are errors at their place. */
	if (sm_utf8_check(path, buf, len))
		return -1;
	int line = 1;
	const char *s = buf, *end = buf + len;
	/* Excel's `sep=;` line names the delimiter. */
	char delim = 0;
	if (len >= 5 && !strncasecmp(s, "sep=", 4) && (s[5] == '\n' || s[5] == '\r' || s + 5 == end)) {
		delim = s[4];
		while (s < end && *s != '\n')
			s++;
		if (s < end)
			s++;
		line++;
	}
	while (s < end && (*s == '\n' || *s == '\r')) {
		if (*s == '\n')
			line++;
		s++;
	}
	if (s >= end) {
		struct sm_pos p = { path, 0, 0 };
		sm_diag(SM_MSG_file_empty, &p, "write a header line and a row per record");
		return -1;
	}
	out->delim = delim ? delim : detect(s, (size_t)(end - s));
	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
		sm_oom();
	csv_set_realloc_func(&parser, sm_xrealloc);    /* a failure is "out of memory", not a syntax error */
	csv_set_delim(&parser, (unsigned char)out->delim);
	csv_set_space_func(&parser, is_space);
	struct reader r = { 0 };
	r.a = a;
	r.c = out;
	/* A row per line, as good as always. */
	int lines = 1;
	for (const char *q = s; (q = memchr(q, '\n', (size_t)(end - q))) && lines <= SM_CSV_MAX_ROWS; q++)
		lines++;
	SM_RESERVE(a, out->rows, r.rcap, lines);
	int failed = 0;
	while (s < end && !r.too_many) {
		const char *e = memchr(s, '\n', (size_t)(end - s));
		e = e ? e + 1 : end;
		if (!r.in_row) {
			r.start_line = line;
			r.start_raw = s;
		}
		size_t n = (size_t)(e - s);
		size_t used = csv_parse(&parser, s, n, on_field, on_row, &r);
		if (used != n) {
			struct sm_pos p = sm_utf8_pos(path, s, used);
			p.line += line - 1;
			sm_diag(SM_MSG_csv_syntax, &p, "a quote is out of place; put quotes around the whole field and double a quote inside it (\"\")");
			failed = 1;
			break;
		}
		s = e;
		line++;
	}
	if (!failed && !r.too_many && csv_fini(&parser, on_field, on_row, &r)) {
		struct sm_pos p = { path, r.start_line, 1 };
		sm_diag(SM_MSG_csv_syntax, &p, "a quoted field is never closed; add the closing quote");
		failed = 1;
	}
	csv_free(&parser);
	if (r.too_many) {
		struct sm_pos p = { path, line, 1 };
		sm_diag(SM_MSG_csv_limit, &p, SM_CSV_MAX_ROWS, "rows");
		failed = 1;
	}
	if (r.too_long) {
		struct sm_pos p = { path, r.too_long_line, 1 };
		sm_diag(SM_MSG_csv_limit, &p, SM_CSV_MAX_FIELD, "characters in a field");
		failed = 1;
	}
	for (int i = 0; i < out->nrows && !failed; i++)
		if (out->rows[i].n > SM_CSV_MAX_FIELDS) {
			struct sm_pos p = { path, out->rows[i].line, 1 };
			sm_diag(SM_MSG_csv_limit, &p, SM_CSV_MAX_FIELDS, "fields in a row");
			failed = 1;
		}
	return failed ? -1 : 0;
}

struct sm_pos sm_csv_pos(const struct sm_csv *c, const struct sm_csv_row *r, int field)
{
	struct sm_pos p = { c->file, r->line, 1 };
	const char *s = r->raw;
	int quoted = 0, f = 0;
	size_t i = 0;
	while (s[i] && f < field) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == c->delim)
			f++;
		else if (s[i] == '\n')
			break;
		i++;
	}
	for (size_t k = 0; k < i; k++)
		if (((unsigned char)s[k] & 0xC0) != 0x80)
			p.col++;
	return p;
}
