/* load_yaml.c: libyaml's event API → a generic tree of sm_node with
 * positions. The only file that includes yaml.h.
 *
 * Refused here, because a monitor file never needs them and they make
 * trouble: anchors and aliases (cycles, billion laughs), nesting deeper than
 * SM_YAML_MAX_DEPTH (libyaml is quadratic on deep nesting), duplicate keys
 * (libyaml accepts them silently), more than one document. */
#include "sm.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct frame {
	struct sm_node *node;
	size_t cap;
};

static struct sm_pos mark_pos(const char *file, yaml_mark_t m)
{
	struct sm_pos p = { file, (int)m.line + 1, (int)m.column + 1 };
	return p;
}

/* The offset in buf of (line, column), both 0-based, column in characters. */
/* Events come in the order of the file, so finding a line's start from
 * the last one found keeps loading linear in the size of the file; a line
 * above it starts the walk again from the top. */
struct lines {
	const char *buf;
	size_t len, start;      /* byte where line `line` (0-based) starts */
	size_t line;
};

static size_t line_start(struct lines *L, size_t line)
{
	if (line < L->line) {
		L->line = 0;
		L->start = L->len >= 3 && !memcmp(L->buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
	}
	size_t i = L->start;
	for (size_t l = L->line; l < line && i < L->len; i++)
		if (L->buf[i] == '\n')
			L->line = ++l, L->start = i + 1;
	return L->start;
}

static size_t byte_at(struct lines *L, size_t line, size_t col)
{
	const char *buf = L->buf;
	size_t len = L->len, i = line_start(L, line);
	for (size_t c = 0; c < col && i < len; i++)
		if (((unsigned char)buf[i] & 0xC0) != 0x80)
			c++;
	while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* The byte at (line, column) of buf, both 0-based, column in characters. */
static int char_at(struct lines *L, size_t line, size_t col)
{
	size_t i = byte_at(L, line, col);
	return i < L->len ? (unsigned char)L->buf[i] : -1;
}

/* A quoted scalar left open swallows the lines after it, up to the next
 * quote of its kind, and libyaml reports where that goes wrong: at the end
 * of the file, or lines below. The cause is the opening quote: it is the
 * scanner's context when the file ended inside the scalar; otherwise it is
 * a quoted scalar that runs over several lines and ends on the line of the
 * error. Sets *open to it and returns 1, or returns 0. */
static int unclosed_quote(const yaml_parser_t *failed, const char *buf, size_t len, yaml_mark_t *open)
{
	if (failed->context && strstr(failed->context, "quoted scalar")) {
		*open = failed->context_mark;
		return 1;
	}
	yaml_parser_t p;
	yaml_token_t tok;
	int found = 0;
	if (!yaml_parser_initialize(&p))
		sm_oom();
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (yaml_parser_scan(&p, &tok)) {
		int stop = tok.type == YAML_STREAM_END_TOKEN || tok.start_mark.index > failed->problem_mark.index;
		if (!stop && tok.type == YAML_SCALAR_TOKEN &&
		    (tok.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		     tok.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
		    tok.end_mark.line > tok.start_mark.line && tok.end_mark.line == failed->problem_mark.line) {
			*open = tok.start_mark;
			found = 1;
		}
		yaml_token_delete(&tok);
		if (stop)
			break;
	}
	yaml_parser_delete(&p);
	return found;
}

/* An unclosed [ or { on an earlier line than the error: libyaml's context
 * is where it opens, or, when the file ends right after it, the innermost
 * flow collection the tokens leave open. */
static int unclosed_flow(const yaml_parser_t *failed, const char *buf, size_t len, yaml_mark_t *open, int *seq)
{
	if (!failed->context || !strstr(failed->context, "while parsing a flow"))
		return 0;
	if (failed->context_mark.line < failed->problem_mark.line) {
		*open = failed->context_mark;
		*seq = strstr(failed->context, "sequence") != NULL;
		return 1;
	}
	yaml_parser_t p;
	yaml_token_t tok;
	yaml_mark_t stack[SM_YAML_MAX_DEPTH];
	int kinds[SM_YAML_MAX_DEPTH], depth = 0;
	if (!yaml_parser_initialize(&p))
		sm_oom();
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (yaml_parser_scan(&p, &tok)) {
		int stop = tok.type == YAML_STREAM_END_TOKEN || tok.start_mark.index >= failed->problem_mark.index;
		if (!stop && (tok.type == YAML_FLOW_SEQUENCE_START_TOKEN || tok.type == YAML_FLOW_MAPPING_START_TOKEN) &&
		    depth < SM_YAML_MAX_DEPTH) {
			kinds[depth] = tok.type == YAML_FLOW_SEQUENCE_START_TOKEN;
			stack[depth++] = tok.start_mark;
		} else if (!stop && (tok.type == YAML_FLOW_SEQUENCE_END_TOKEN || tok.type == YAML_FLOW_MAPPING_END_TOKEN) &&
			   depth > 0) {
			depth--;
		}
		yaml_token_delete(&tok);
		if (stop)
			break;
	}
	yaml_parser_delete(&p);
	if (!depth || stack[depth - 1].line >= failed->problem_mark.line)
		return 0;
	*open = stack[depth - 1];
	*seq = kinds[depth - 1];
	return 1;
}

/* A plain value that starts with "{{" on line (0-based) of buf: YAML
 * reads it as a flow mapping, where the writer meant a figure in text.
 * Returns its column (0-based, in characters) or -1. */
static int figure_value(const char *buf, size_t len, size_t line)
{
	size_t i = 0;
	for (size_t l = 0; l < line && i < len; i++)
		if (buf[i] == '\n')
			l++;
	char last = ':';                        /* the line start counts as a value start */
	int col = 0;
	for (; i < len && buf[i] != '\n'; i++) {
		if (buf[i] == '{' && i + 1 < len && buf[i + 1] == '{' && (last == ':' || last == '-' || last == ','
									   || last == '['))
			return col;
		if (buf[i] == '"' || buf[i] == '\'' || buf[i] == '#')
			return -1;
		if (buf[i] != ' ')
			last = buf[i];
		col += ((unsigned char)buf[i] & 0xC0) != 0x80;
	}
	return -1;
}

/* The column (1-based) where the lines of the block scalar whose '|' or
 * '>' is on line (0-based) start: the indentation of its first line that
 * is not blank. */
static int block_indent(struct lines *L, size_t line)
{
	const char *buf = L->buf;
	size_t len = L->len, i = line_start(L, line);
	while (i < len && buf[i] != '\n')
		i++;
	while (i < len) {
		size_t s = ++i;
		while (i < len && buf[i] == ' ')
			i++;
		if (i < len && buf[i] != '\n' && buf[i] != '\r')
			return (int)(i - s) + 1;
		while (i < len && buf[i] != '\n')
			i++;
	}
	return 1;
}

/* Where each "{{" of a scalar stands in the file, in order: YAML folds a
 * scalar's lines and drops their indentation, and the figures in it
 * (figure.c) are reported where they were written. */
static void figure_marks(struct sm_arena *a, const char *file, struct lines *L, yaml_mark_t from,
			 yaml_mark_t to, struct sm_node *node)
{
	const char *buf = L->buf;
	size_t len = L->len, i = byte_at(L, from.line, from.column), end = byte_at(L, to.line, to.column);
	int line = (int)from.line + 1, col = (int)from.column + 1, cap = 0;
	while (i < end && i < len) {
		if (buf[i] == '{' && i + 1 < end && buf[i + 1] == '{') {
			struct sm_pos p = { file, line, col };
			SM_PUSH(a, node->marks, node->nmarks, cap, p);
			i += 2;
			col += 2;
			continue;
		}
		if (buf[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			col++;
		}
		i++;
	}
}

static void add_child(struct sm_arena *a, struct frame *f, struct sm_node *child)
{
	struct sm_node *p = f->node;
	size_t n = p->kind == SM_NODE_MAP ? (size_t)p->n * 2 + p->pending_key : (size_t)p->n;
	if (n == f->cap) {
		size_t nc = f->cap ? f->cap * 2 : 8;
		p->items = sm_arena_grow(a, p->items, f->cap * sizeof *p->items, nc * sizeof *p->items);
		f->cap = nc;
	}
	p->items[n] = child;
	if (p->kind == SM_NODE_MAP) {
		if (p->pending_key) {
			p->pending_key = 0;
			p->n++;
		} else {
			p->pending_key = 1;
		}
	} else {
		p->n++;
	}
}

static int cmp_keys(const void *x, const void *y)
{
	const struct sm_node *a = *(struct sm_node *const *)x, *b = *(struct sm_node *const *)y;
	int c = strcmp(a->str, b->str);
	if (c)
		return c;
	return (a->pos.line > b->pos.line) - (a->pos.line < b->pos.line) ?:
	       (a->pos.col > b->pos.col) - (a->pos.col < b->pos.col);
}

/* Duplicate keys: sort a copy of the keys, compare neighbours. */
static void check_duplicates(struct sm_node *map)
{
	if (map->n < 2)
		return;
	struct sm_node **keys = sm_xmalloc((size_t)map->n * sizeof *keys);
	int nk = 0;
	for (int i = 0; i < map->n; i++)
		if (map->items[2 * i]->kind == SM_NODE_SCALAR)
			keys[nk++] = map->items[2 * i];
	qsort(keys, (size_t)nk, sizeof *keys, cmp_keys);
	for (int i = 1; i < nk; i++) {
		if (!strcmp(keys[i]->str, keys[i - 1]->str)) {
			int j = i - 1;
			while (j > 0 && !strcmp(keys[j - 1]->str, keys[i]->str))
				j--;
			sm_diag(SM_MSG_yaml_duplicate_key, &keys[i]->pos, keys[i]->str, keys[j]->pos.line);
		}
	}
	free(keys);
}

int sm_yaml_load(struct sm_arena *a, const char *file, const char *buf, size_t len,
		 struct sm_node **out)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct frame stack[SM_YAML_MAX_DEPTH + 1];
	int depth = 0, docs = 0, nodes = 0, failed = 0, done = 0;
	struct sm_node *root = NULL;
	struct lines lines = { buf, len, len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0, 0 };

	if (!yaml_parser_initialize(&parser))
		sm_oom();
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!done && !failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.error == YAML_MEMORY_ERROR)
				sm_oom();
			struct sm_pos p = mark_pos(file, parser.problem_mark);
			yaml_mark_t open;
			int seq, fc = -1;
			size_t fl = 0;
			if (parser.context && strstr(parser.context, "flow") &&
			    (fc = figure_value(buf, len, (fl = parser.context_mark.line))) < 0)
				fc = figure_value(buf, len, (fl = parser.problem_mark.line));
			if (fc >= 0) {
				struct sm_pos q = { file, (int)fl + 1, fc + 1 };
				sm_diag(SM_MSG_yaml_figure, &q);
			} else if (parser.problem && strstr(parser.problem, "cannot start any token") &&
			    char_at(&lines, parser.problem_mark.line, parser.problem_mark.column) == '\t') {
				sm_diag(SM_MSG_yaml_tab, &p);
			} else if (unclosed_quote(&parser, buf, len, &open)) {
				struct sm_pos q = mark_pos(file, open);
				char what[120];
				snprintf(what, sizeof what, "the quoted value that starts here is never closed "
					 "(it runs on to line %d); add its closing quote", p.line);
				sm_diag(SM_MSG_yaml_syntax, &q, what);
			} else if (unclosed_flow(&parser, buf, len, &open, &seq)) {
				struct sm_pos q = mark_pos(file, open);
				char what[160];
				snprintf(what, sizeof what, "the %s that starts here is not closed before line %d; add its closing %s",
					 seq ? "[" : "{", p.line, seq ? "]" : "}");
				sm_diag(SM_MSG_yaml_syntax, &q, what);
			} else
				sm_diag(SM_MSG_yaml_syntax, &p, parser.problem ? parser.problem : "malformed file");
			failed = 1;
			break;
		}
		struct sm_pos pos = mark_pos(file, ev.start_mark);
		struct sm_node *node = NULL;
		const unsigned char *anchor = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				sm_diag(SM_MSG_yaml_documents, &pos);
				failed = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			sm_diag(SM_MSG_yaml_alias, &pos);
			failed = 1;
			break;
		case YAML_SCALAR_EVENT:
			anchor = ev.data.scalar.anchor;
			node = sm_arena_alloc(a, sizeof *node);
			node->kind = SM_NODE_SCALAR;
			node->str = sm_arena_strndup(a, (const char *)ev.data.scalar.value, ev.data.scalar.length);
			node->len = ev.data.scalar.length;
			/* Escapes in quoted scalars ("\0", "\a") can make what the
			 * file check let through. */
			if (ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
			    sm_text_check(&pos, node->str, node->len))
				failed = 1;
			node->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			node->block = ev.data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
				      ev.data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
			if (node->block)
				node->indent = block_indent(&lines, ev.start_mark.line);
			if (strstr(node->str, "{{"))
				figure_marks(a, file, &lines, ev.start_mark, ev.end_mark, node);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			anchor = ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.anchor
								       : ev.data.mapping_start.anchor;
			if (depth >= SM_YAML_MAX_DEPTH) {
				sm_diag(SM_MSG_yaml_depth, &pos, SM_YAML_MAX_DEPTH);
				failed = 1;
				break;
			}
			/* {{bijstand}} unquoted: a mapping in a mapping's key. */
			if (ev.type == YAML_MAPPING_START_EVENT &&
			    char_at(&lines, ev.start_mark.line, ev.start_mark.column) == '{' &&
			    char_at(&lines, ev.start_mark.line, ev.start_mark.column + 1) == '{') {
				sm_diag(SM_MSG_yaml_figure, &pos);
				failed = 1;
				break;
			}
			node = sm_arena_alloc(a, sizeof *node);
			node->kind = ev.type == YAML_SEQUENCE_START_EVENT ? SM_NODE_SEQ : SM_NODE_MAP;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			if (stack[depth].node->kind == SM_NODE_MAP)
				check_duplicates(stack[depth].node);
			break;
		default:
			break;
		}
		if (anchor && !failed) {
			sm_diag(SM_MSG_yaml_alias, &pos);
			failed = 1;
		}
		if (node && !failed) {
			node->pos = pos;
			if (++nodes > SM_YAML_MAX_NODES) {
				sm_diag(SM_MSG_yaml_limit, &pos, SM_YAML_MAX_NODES);
				failed = 1;
			} else {
				if (depth > 0)
					add_child(a, &stack[depth - 1], node);
				else
					root = node;
				if (node->kind != SM_NODE_SCALAR) {
					stack[depth].node = node;
					stack[depth].cap = 0;
					depth++;
				}
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	*out = failed ? NULL : root;
	return failed ? -1 : 0;
}
