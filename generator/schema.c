/* schema.c: typed, positioned access to YAML trees. */
#include "schema.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *shape(const struct sm_node *v)
{
	if (v->kind == SM_NODE_SEQ)
		return "it is a list";
	if (v->kind == SM_NODE_MAP)
		return "it is a mapping (key: value pairs)";
	if (!v->str[0])
		return "it is empty";
	/* Quote the text it refuses, cut on a character boundary. */
	static char buf[80];
	size_t n = strlen(v->str);
	if (n > 40) {
		n = 40;
		while (n && ((unsigned char)v->str[n] & 0xC0) == 0x80)
			n--;
	}
	snprintf(buf, sizeof buf, "it is the text '%.*s%s'", (int)n, v->str, n < strlen(v->str) ? "..." : "");
	return buf;
}

int sm_schema_keys(const struct sm_node *map, const char *what, const char *const *keys)
{
	if (map->kind != SM_NODE_MAP) {
		sm_diag(SM_MSG_not_mapping, &map->pos, what, shape(map));
		return -1;
	}
	int nk = 0;
	while (keys[nk])
		nk++;
	for (int i = 0; i < map->n; i++) {
		const struct sm_node *k = map->items[2 * i];
		if (k->kind != SM_NODE_SCALAR) {
			sm_diag(SM_MSG_wrong_type, &k->pos, "a key", "text", shape(k));
			continue;
		}
		int found = 0;
		for (int j = 0; j < nk && !found; j++)
			found = !strcmp(k->str, keys[j]);
		if (!found)
			sm_diag(SM_MSG_unknown_key, &k->pos, k->str, what, sm_did_you_mean(k->str, keys, nk));
	}
	return 0;
}

const struct sm_node *sm_schema_get(const struct sm_node *map, const char *key)
{
	if (!map || map->kind != SM_NODE_MAP)
		return NULL;
	for (int i = 0; i < map->n; i++) {
		const struct sm_node *k = map->items[2 * i];
		if (k->kind == SM_NODE_SCALAR && !strcmp(k->str, key))
			return map->items[2 * i + 1];
	}
	return NULL;
}

const struct sm_node *sm_schema_need(const struct sm_node *map, const char *what,
				     const char *key, const char *hint)
{
	if (!map || map->kind != SM_NODE_MAP)
		return NULL;
	const struct sm_node *v = sm_schema_get(map, key);
	if (!v)
		sm_diag(SM_MSG_missing_key, &map->pos, what, key, hint ? hint : "");
	return v;
}

const char *sm_schema_str(struct sm_arena *a, const struct sm_node *v, const char *key)
{
	(void)a;
	if (!v)
		return NULL;
	if (v->kind != SM_NODE_SCALAR) {
		sm_diag(SM_MSG_wrong_type, &v->pos, key, "text", shape(v));
		return NULL;
	}
	if (!v->str[0]) {
		sm_diag(SM_MSG_empty_value, &v->pos, key, "write its text after the colon, or leave the key out");
		return NULL;
	}
	return v->str;
}

const char *sm_schema_text(struct sm_arena *a, const struct sm_node *v, const char *key)
{
	const char *s = sm_schema_str(a, v, key);
	return s ? sm_smart_text(a, s) : NULL;
}

static const char *limited(struct sm_arena *a, const struct sm_node *v, const char *key, int max, int smart)
{
	const char *s = sm_schema_str(a, v, key);
	if (!s || sm_utf8_limit(s, max, key, &v->pos))
		return NULL;
	return smart ? sm_smart_text(a, s) : s;
}

const char *sm_schema_title(struct sm_arena *a, const struct sm_node *v, const char *key)
{
	return limited(a, v, key, SM_MAX_TITLE, 1);
}

const char *sm_schema_name(struct sm_arena *a, const struct sm_node *v, const char *key)
{
	return limited(a, v, key, SM_MAX_NAME, 1);
}

const char *sm_schema_id(struct sm_arena *a, const struct sm_node *v, const char *key)
{
	return limited(a, v, key, SM_MAX_NAME, 0);
}

int sm_schema_int(const struct sm_node *v, const char *key, long long *out)
{
	if (!v)
		return -1;
	if (v->kind != SM_NODE_SCALAR) {
		sm_diag(SM_MSG_wrong_type, &v->pos, key, "a whole number", shape(v));
		return -1;
	}
	const char *s = v->str;
	char *end;
	errno = 0;
	long long x = strtoll(s, &end, 10);
	/* A whole number, but more than the engine keeps exactly. */
	if (s[0] && !*end && s[0] != ' ' && s[0] != '+' &&
	    (errno == ERANGE || x > 1000000000000LL || x < -1000000000000LL)) {
		sm_diag(SM_MSG_number_limit, &v->pos, s, "-10^12 to 10^12 (a million million)");
		return -1;
	}
	if (!s[0] || *end || errno || s[0] == ' ' || s[0] == '+') {
		sm_diag(SM_MSG_bad_integer, &v->pos, s, strchr(s, '.') || strchr(s, ',')
			? "; write it without decimals or thousands separators" : "");
		return -1;
	}
	*out = x;
	return 0;
}

int sm_schema_number(const struct sm_node *v, const char *key, double *out)
{
	if (!v)
		return -1;
	if (v->kind != SM_NODE_SCALAR) {
		sm_diag(SM_MSG_wrong_type, &v->pos, key, "a number", shape(v));
		return -1;
	}
	/* Parsed by hand: strtod depends on the locale. */
	const char *s = v->str;
	int neg = 0, digits = 0;
	double x = 0, scale = 1;
	if (*s == '-') { neg = 1; s++; }
	while (*s >= '0' && *s <= '9') { x = x * 10 + (*s++ - '0'); digits++; }
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') { scale /= 10; x += (*s++ - '0') * scale; digits++; }
	}
	if (digits > 15 && !*s) {
		sm_diag(SM_MSG_number_limit, &v->pos, v->str, "15 digits (the precision a number is kept in)");
		return -1;
	}
	if (!digits || *s) {
		sm_diag(SM_MSG_bad_number, &v->pos, v->str);
		return -1;
	}
	*out = neg ? -x : x;
	return 0;
}

static void out_of_range(const struct sm_node *v, const char *key, const char *of, const char *hint)
{
	char what[160];
	snprintf(what, sizeof what, "%s%s%s", key, of ? " of " : "", of ? of : "");
	sm_diag(SM_MSG_size_range, &v->pos, v->str, what, hint);
}

int sm_schema_int_in(const struct sm_node *v, const char *key, const char *of, long long lo,
		     long long hi, const char *hint, long long *out)
{
	long long x;
	if (sm_schema_int(v, key, &x))
		return -1;
	if (x < lo || x > hi) {
		out_of_range(v, key, of, hint);
		return -1;
	}
	*out = x;
	return 0;
}

int sm_schema_number_in(const struct sm_node *v, const char *key, const char *of, double lo,
			double hi, const char *hint, double *out)
{
	double x;
	if (sm_schema_number(v, key, &x))
		return -1;
	if (x < lo || x > hi) {
		out_of_range(v, key, of, hint);
		return -1;
	}
	*out = x;
	return 0;
}

int sm_schema_enum(const struct sm_node *v, const char *what, const char *const *names)
{
	if (!v)
		return -1;
	int n = 0;
	while (names[n])
		n++;
	if (v->kind == SM_NODE_SCALAR)
		for (int i = 0; i < n; i++)
			if (!strcmp(v->str, names[i]))
				return i;
	char list[400] = "";
	for (int i = 0; i < n; i++) {
		if (i)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, names[i], sizeof list - strlen(list) - 1);
	}
	const char *word = v->kind == SM_NODE_SCALAR ? v->str : "(a list or mapping)";
	sm_diag(SM_MSG_bad_enum, &v->pos, word, what,
		v->kind == SM_NODE_SCALAR ? sm_did_you_mean(word, names, n) : "", list);
	return -1;
}

int sm_schema_date(const struct sm_node *v, struct sm_date *out)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (!v)
		return -1;
	int y, m, d;
	char extra;
	if (v->kind != SM_NODE_SCALAR || strlen(v->str) != 10 ||
	    sscanf(v->str, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || v->str[4] != '-' ||
	    v->str[7] != '-' || y < SM_YEAR_MIN || y > SM_YEAR_MAX || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))) {
		sm_diag(SM_MSG_bad_date, &v->pos, v->kind == SM_NODE_SCALAR ? v->str : "(not text)");
		return -1;
	}
	out->year = y;
	out->month = m;
	out->day = d;
	return 0;
}

int sm_schema_strlist(struct sm_arena *a, const struct sm_node *v, const char *key,
		      struct sm_ref **out, int *n, int max)
{
	*out = NULL;
	*n = 0;
	if (!v)
		return -1;
	if (v->kind == SM_NODE_SCALAR) {
		if (!v->str[0]) {
			sm_diag(SM_MSG_empty_value, &v->pos, key, "write a list such as [a, b]");
			return -1;
		}
		if (max && sm_utf8_limit(v->str, max, key, &v->pos))
			return -1;
		*out = sm_arena_alloc(a, sizeof **out);
		(*out)[0] = (struct sm_ref){ v->str, v->pos, -1 };
		*n = 1;
		return 0;
	}
	if (v->kind != SM_NODE_SEQ) {
		sm_diag(SM_MSG_wrong_type, &v->pos, key, "a list", shape(v));
		return -1;
	}
	if (v->n == 0) {
		sm_diag(SM_MSG_empty_value, &v->pos, key, "name at least one, or leave the key out");
		return -1;
	}
	*out = sm_arena_alloc(a, (size_t)v->n * sizeof **out);
	int bad = 0;
	for (int i = 0; i < v->n; i++) {
		const struct sm_node *it = v->items[i];
		if (it->kind != SM_NODE_SCALAR || !it->str[0]) {
			sm_diag(SM_MSG_wrong_type, &it->pos, key, "a list of names", shape(it));
			bad = 1;
			continue;
		}
		if (max && sm_utf8_limit(it->str, max, key, &it->pos)) {
			bad = 1;
			continue;
		}
		(*out)[(*n)++] = (struct sm_ref){ it->str, it->pos, -1 };
	}
	return bad ? -1 : 0;
}

int sm_schema_is_seq(const struct sm_node *v, const char *key, const char *hint)
{
	if (!v)
		return 0;
	if (v->kind != SM_NODE_SEQ) {
		char buf[300];
		snprintf(buf, sizeof buf, "%s; %s", shape(v), hint);
		sm_diag(SM_MSG_wrong_type, &v->pos, key, "a list", buf);
		return 0;
	}
	return 1;
}

int sm_schema_is_map(const struct sm_node *v, const char *key, const char *hint)
{
	if (!v)
		return 0;
	if (v->kind != SM_NODE_MAP) {
		char buf[300];
		snprintf(buf, sizeof buf, "%s; %s", shape(v), hint);
		sm_diag(SM_MSG_wrong_type, &v->pos, key, "a mapping", buf);
		return 0;
	}
	return 1;
}
