/* load_md.c: Markdown through cmark → flattened rich text (sm_rich). The
 * only file that includes cmark.h.
 *
 * Headings, paragraphs, emphasis, strong, lists (nested), block quotes,
 * links (http, https, mailto only), hard breaks; code is set as plain
 * text. Raw HTML is dropped with a warning; images are refused. */
#include "sm.h"
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

struct md_state {
	struct sm_arena *a;
	struct sm_rich *out;
	int cap;
	struct sm_pos base;
	struct sm_para *para;       /* the paragraph being filled */
	int run_cap;
	size_t text_len, text_cap;  /* of the paragraph's last run */
	int bold, italic;
	const char *url;
	int list_depth, quote_depth;
	const char *pending_marker;
	int item_tight;
	struct { int ordered, next, tight; } lists[SM_MD_MAX_DEPTH + 2];
	int too_deep;
};

static struct sm_pos node_pos(struct md_state *st, cmark_node *n)
{
	struct sm_pos p = st->base;
	int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
	if (line <= 0)
		return p;
	if (line == 1) {
		p.col = st->base.col + (col > 0 ? col - 1 : 0);
	} else {
		p.line = st->base.line + line - 1;
		p.col = col > 0 ? col : 1;
	}
	return p;
}

static void begin_para(struct md_state *st, enum sm_para_kind kind, cmark_node *n)
{
	struct sm_para p = { 0 };
	p.kind = kind;
	p.list_depth = st->list_depth;
	p.quote_depth = st->quote_depth;
	p.marker = st->pending_marker;
	p.tight = st->list_depth > 0 && st->list_depth <= SM_MD_MAX_DEPTH &&
		  st->lists[st->list_depth].tight;
	p.pos = node_pos(st, n);
	st->pending_marker = NULL;
	SM_PUSH(st->a, st->out->paras, st->out->n, st->cap, p);
	st->para = &st->out->paras[st->out->n - 1];
	st->run_cap = 0;
	st->text_len = st->text_cap = 0;
}

static void add_run(struct md_state *st, const char *text, size_t len)
{
	struct sm_para *p = st->para;
	if (!p || !len)
		return;
	unsigned style = (st->bold ? SM_STYLE_BOLD : 0) | (st->italic ? SM_STYLE_ITALIC : 0);
	struct sm_run *last = p->nruns ? &p->runs[p->nruns - 1] : NULL;
	if (last && last->style == style && last->url == st->url && strcmp(last->text, "\n") &&
	    !(len == 1 && text[0] == '\n')) {
		/* Text of the same style joins the last run, whose room doubles:
		 * a paragraph of many short lines (each soft break is a run of
		 * its own in cmark) must not be copied again for every line. */
		size_t need = st->text_len + len + 1;
		char *s = (char *)last->text;
		if (need > st->text_cap) {
			size_t cap = st->text_cap * 2 > need ? st->text_cap * 2 : need;
			s = sm_arena_grow(st->a, s, st->text_cap, cap);
			st->text_cap = cap;
		}
		memcpy(s + st->text_len, text, len);
		st->text_len += len;
		s[st->text_len] = 0;
		last->text = s;
		return;
	}
	struct sm_run r = { sm_arena_strndup(st->a, text, len), style, st->url };
	SM_PUSH(st->a, p->runs, p->nruns, st->run_cap, r);
	st->text_len = len;
	st->text_cap = len + 1;
}

static int url_allowed(const char *url)
{
	return !strncmp(url, "http://", 7) || !strncmp(url, "https://", 8) || !strncmp(url, "mailto:", 7);
}

/* A straight quote that starts a Dutch elision ('s-Hertogenbosch, 't,
 * 'n, '90) becomes ’ before cmark sees it: its smart punctuation would
 * turn some of them into an opening quote. */
static char *fix_elisions(struct sm_arena *a, const char *src, size_t len, size_t *outlen)
{
	char *out = sm_arena_alloc(a, len * 3 + 1), *o = out;
	uint32_t prev = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = sm_utf8_decode(src + i, len - i, &cp);
		if (!n) { n = 1; cp = 0xFFFD; }
		if (cp == '\'' && sm_is_elision(src + i, prev)) {
			o += sm_utf8_encode(0x2019, o);
		} else {
			memcpy(o, src + i, (size_t)n);
			o += n;
		}
		prev = cp;
		i += (size_t)n;
	}
	*o = 0;
	*outlen = (size_t)(o - out);
	return out;
}

void sm_md_parse(struct sm_arena *a, const char *src, size_t len, struct sm_pos base,
		 int in_yaml, struct sm_rich *out)
{
	(void)in_yaml;
	memset(out, 0, sizeof *out);
	out->pos = base;
	if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) {
		src += 3;
		len -= 3;
	}
	size_t flen;
	char *fixed = fix_elisions(a, src, len, &flen);
	/* cmark allocates through the engine's functions: a failure is "out of
	 * memory" and exit 3, not cmark's own abort(). */
	static cmark_mem mem = { sm_xcalloc, sm_xrealloc, free };
	cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8, &mem);
	cmark_parser_feed(parser, fixed, flen);
	cmark_node *doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	if (!doc)
		sm_oom();
	struct md_state st = { .a = a, .out = out, .base = base };
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int enter = ev == CMARK_EVENT_ENTER;
		const char *lit;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_BLOCK_QUOTE:
			st.quote_depth += enter ? 1 : -1;
			if (enter && st.list_depth + st.quote_depth > SM_MD_MAX_DEPTH && !st.too_deep++) {
				struct sm_pos p = node_pos(&st, n);
				sm_diag(SM_MSG_md_depth, &p, SM_MD_MAX_DEPTH);
			}
			break;
		case CMARK_NODE_LIST:
			if (enter) {
				st.list_depth++;
				if (st.list_depth + st.quote_depth > SM_MD_MAX_DEPTH) {
					if (!st.too_deep++) {
						struct sm_pos p = node_pos(&st, n);
						sm_diag(SM_MSG_md_depth, &p, SM_MD_MAX_DEPTH);
					}
				} else {
					st.lists[st.list_depth].ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
					st.lists[st.list_depth].next = cmark_node_get_list_start(n);
					st.lists[st.list_depth].tight = cmark_node_get_list_tight(n);
				}
			} else {
				st.list_depth--;
			}
			break;
		case CMARK_NODE_ITEM:
			if (enter && st.list_depth <= SM_MD_MAX_DEPTH) {
				if (st.lists[st.list_depth].ordered)
					st.pending_marker = sm_arena_printf(a, "%d.", st.lists[st.list_depth].next++);
				else
					st.pending_marker = st.list_depth % 2 ? "\xE2\x80\xA2" : "\xE2\x80\x93";
			}
			break;
		case CMARK_NODE_PARAGRAPH:
			if (enter)
				begin_para(&st, SM_PARA_TEXT, n);
			else
				st.para = NULL;
			break;
		case CMARK_NODE_HEADING:
			if (enter) {
				begin_para(&st, SM_PARA_HEADING, n);
				st.para->heading = cmark_node_get_heading_level(n) == 1 ? 1 : 2;
			} else {
				st.para = NULL;
			}
			break;
		case CMARK_NODE_CODE_BLOCK: {
			begin_para(&st, SM_PARA_CODE, n);
			lit = cmark_node_get_literal(n);
			size_t l = lit ? strlen(lit) : 0;
			while (l && lit[l - 1] == '\n')
				l--;
			for (size_t i = 0; i < l;) {
				size_t e = i;
				while (e < l && lit[e] != '\n')
					e++;
				add_run(&st, lit + i, e - i);
				if (e < l)
					add_run(&st, "\n", 1);
				i = e + 1;
			}
			st.para = NULL;
			break;
		}
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE: {
			struct sm_pos p = node_pos(&st, n);
			if (p.line == st.base.line && cmark_node_get_start_line(n) <= 0 && st.para)
				p = st.para->pos;
			sm_diag(SM_MSG_md_html, &p);
			break;
		}
		case CMARK_NODE_TEXT:
			lit = cmark_node_get_literal(n);
			if (lit) {
				const char *t = sm_typo_dutch(a, lit);
				add_run(&st, t, strlen(t));
			}
			break;
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			if (lit)
				add_run(&st, lit, strlen(lit));
			break;
		case CMARK_NODE_SOFTBREAK:
			add_run(&st, " ", 1);
			break;
		case CMARK_NODE_LINEBREAK:
			add_run(&st, "\n", 1);
			break;
		case CMARK_NODE_EMPH:
			st.italic += enter ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			st.bold += enter ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
			if (enter) {
				const char *url = cmark_node_get_url(n);
				if (url && url_allowed(url)) {
					st.url = sm_arena_strdup(a, url);
				} else {
					struct sm_pos p = node_pos(&st, n);
					if (cmark_node_get_start_line(n) <= 0 && st.para)
						p = st.para->pos;
					sm_diag(SM_MSG_md_link_scheme, &p, url ? url : "");
				}
			} else {
				st.url = NULL;
			}
			break;
		case CMARK_NODE_IMAGE:
			if (enter) {
				struct sm_pos p = node_pos(&st, n);
				if (cmark_node_get_start_line(n) <= 0 && st.para)
					p = st.para->pos;
				sm_diag(SM_MSG_md_image, &p);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	/* Drop paragraphs left empty (e.g. only raw HTML inside). */
	int k = 0;
	for (int i = 0; i < out->n; i++)
		if (out->paras[i].nruns)
			out->paras[k++] = out->paras[i];
	out->n = k;
}
