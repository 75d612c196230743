/* load_md.c: Markdown through cmark-gfm → flattened rich text (sm_rich).
 * The only file that includes cmark-gfm.h.
 *
 * Headings, paragraphs, emphasis, strong, lists (nested), block quotes,
 * links (http, https, mailto only), hard breaks, footnotes ([^1], the one
 * extension of GitHub's that is switched on); code is set as plain text.
 * Raw HTML is dropped with a warning; images and tables are refused.
 * Figures ({{bijstand}}) are taken out before cmark sees the text, each
 * replaced by a marker that cmark passes through as text; a text node's
 * markers become figure runs. */
#include "sm.h"
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

/* A figure's marker: U+FDD0, its number, U+FDD1 (noncharacters, which
 * fix_text takes out of the input). */
#define FIG_OPEN "\xEF\xB7\x90"
#define FIG_CLOSE "\xEF\xB7\x91"

struct md_state {
	struct sm_arena *a;
	struct sm_rich *out;
	int cap;
	struct sm_rich *doc;        /* the whole text: its notes and figures */
	int note_room;              /* doc->notes has room for this many */
	int ndefs;                  /* note definitions so far */
	struct sm_pos base;
	int cont_col;               /* where lines after the first start */
	const struct sm_pos *marks; /* where each "{{" is, when not where the text puts it */
	int nmarks;
	struct sm_para *para;       /* the paragraph being filled */
	int run_cap;
	size_t text_len, text_cap;  /* of the paragraph's last run */
	size_t para_len;            /* bytes of text in the paragraph so far */
	int bold, italic;
	const char *url;
	int list_depth, quote_depth;
	const char *pending_marker;
	int item_tight;
	struct { int ordered, next, tight; } lists[SM_MD_MAX_DEPTH + 2];
	int too_deep;
	const char *text;            /* the text as cmark reads it (fix_text's) */
	size_t text_bytes;
	int body_cap;               /* cap of doc while a note is being filled */
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
		p.col = st->cont_col - 1 + (col > 0 ? col : 1);
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
	st->para_len = 0;
}

static void add_run(struct md_state *st, const char *text, size_t len)
{
	struct sm_para *p = st->para;
	if (!p || !len)
		return;
	/* Line breaking holds a paragraph whole; one of megabytes would take
	 * gigabytes. The rest of a paragraph that is too long is left out. */
	if (st->para_len > SM_MAX_PARAGRAPH)
		return;
	if ((st->para_len += len) > SM_MAX_PARAGRAPH) {
		sm_diag(SM_MSG_md_paragraph_long, &p->pos, SM_MAX_PARAGRAPH);
		return;
	}
	unsigned style = (st->bold ? SM_STYLE_BOLD : 0) | (st->italic ? SM_STYLE_ITALIC : 0);
	struct sm_run *last = p->nruns ? &p->runs[p->nruns - 1] : NULL;
	if (last && last->style == style && last->url == st->url && strcmp(last->text, "\n") &&
	    !last->fig && !last->note && !(len == 1 && text[0] == '\n')) {
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

/* A run of its own: a figure, or a footnote's reference. */
static void add_special(struct md_state *st, const struct sm_figure *fig, int note)
{
	struct sm_para *p = st->para;
	if (!p)
		return;
	unsigned style = (st->bold ? SM_STYLE_BOLD : 0) | (st->italic ? SM_STYLE_ITALIC : 0);
	struct sm_run r = { fig ? sm_arena_printf(st->a, "{{%s}}", fig->src) : "", style, st->url, fig, note };
	SM_PUSH(st->a, p->runs, p->nruns, st->run_cap, r);
	st->text_len = st->text_cap = 0;
}

/* Text with figure markers: text runs (through typo, when set) and figure
 * runs. */
static void add_text(struct md_state *st, const char *lit, int typo)
{
	if (!strstr(lit, FIG_OPEN)) {
		const char *t = typo ? sm_typo_dutch(st->a, lit) : lit;
		add_run(st, t, strlen(t));
		return;
	}
	while (*lit) {
		const char *m = strstr(lit, FIG_OPEN);
		size_t n = m ? (size_t)(m - lit) : strlen(lit);
		if (n) {
			const char *t = sm_arena_strndup(st->a, lit, n);
			if (typo)
				t = sm_typo_dutch(st->a, t);
			add_run(st, t, strlen(t));
		}
		if (!m)
			break;
		int k = 0;
		const char *q = m + 3;
		while (*q >= '0' && *q <= '9' && k < 100000000)
			k = k * 10 + (*q++ - '0');
		if (!strncmp(q, FIG_CLOSE, 3))
			q += 3;
		if (k < st->doc->nfigs)
			add_special(st, st->doc->figs[k], 0);
		lit = q;
	}
}

static int url_allowed(const char *url)
{
	return !strncmp(url, "http://", 7) || !strncmp(url, "https://", 8) || !strncmp(url, "mailto:", 7);
}

/* Before cmark sees the text: a straight quote that starts a Dutch
 * elision ('s-Hertogenbosch, 't, 'n, '90) becomes ’ (cmark's smart
 * punctuation would turn some of them into an opening quote), and each
 * figure {{...}} (not \\{{) is parsed and replaced by its marker. */
static char *fix_text(struct md_state *st, const char *src, size_t len, int cont_col, size_t *outlen)
{
	char *out = sm_arena_alloc(st->a, len * 3 + 16), *o = out;
	uint32_t prev = 0;
	int line = 0, col = 0;                  /* of src[i], col in characters */
	struct sm_pos base = st->base;
	int figcap = 0, nbraces = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = sm_utf8_decode(src + i, len - i, &cp);
		if (!n) { n = 1; cp = 0xFFFD; }
		int at = cp == '{' && i + 1 < len && src[i + 1] == '{' ? nbraces++ : -1;
		if (at >= 0) {
			/* "{{" as a pair, always: the k-th one is the k-th of marks. */
			size_t e = i + 2;
			struct sm_figure *f = NULL;
			if (prev != '\\') {
				struct sm_pos p = { base.file, base.line + line, (line ? cont_col : base.col) + col };
				if (at < st->nmarks)
					p = st->marks[at];
				while (e + 1 < len && src[e] != '\n' && !(src[e] == '}' && src[e + 1] == '}') &&
				       !(src[e] == '{' && src[e + 1] == '{'))
					e++;
				if (e + 1 >= len || src[e] != '}') {
					sm_diag(SM_MSG_fig_unclosed, &p);
					e = i + 2;
				} else {
					e += 2;
					f = sm_figure_parse(st->a, src + i, e - i, p);
					if (!f)
						e = i + 2;      /* the rest is text */
				}
			}
			if (f) {
				SM_PUSH(st->a, st->doc->figs, st->doc->nfigs, figcap, f);
				o += sprintf(o, FIG_OPEN "%d" FIG_CLOSE, st->doc->nfigs - 1);
			} else {
				memcpy(o, "{{", 2);
				o += 2;
			}
			for (size_t k = i; k < e; k++)
				col += ((unsigned char)src[k] & 0xC0) != 0x80;
			prev = (unsigned char)src[e - 1];
			i = e;
			continue;
		}
		if (cp == '\'' && sm_is_elision(src + i, prev)) {
			o += sm_utf8_encode(0x2019, o);
		} else if (cp >= 0xFDD0 && cp <= 0xFDEF) {
			o += sm_utf8_encode(0xFFFD, o);
		} else {
			memcpy(o, src + i, (size_t)n);
			o += n;
		}
		if (cp == '\n') {
			line++;
			col = 0;
		} else {
			col++;
		}
		prev = cp;
		i += (size_t)n;
	}
	*o = 0;
	*outlen = (size_t)(o - out);
	return out;
}

/* A GFM table's delimiter row, "| --- | :--: |": only spaces, pipes,
 * colons and hyphens, with at least one pipe and one hyphen. */
static int delimiter_row(const char *s, size_t n)
{
	int pipe = 0, dash = 0;
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
		i++;
	for (; i < n; i++) {
		if (s[i] == '|')
			pipe = 1;
		else if (s[i] == '-')
			dash = 1;
		else if (s[i] != ' ' && s[i] != ':' && s[i] != '\t' && s[i] != '\r')
			return 0;
	}
	return pipe && dash;
}

/* Does the paragraph on lines first..last (1-based) of text hold a table:
 * a delimiter row under a line with a pipe? Returns the header's line. */
static int table_in(const char *text, size_t len, int first, int last)
{
	const char *prev = NULL;
	size_t prev_len = 0;
	int line = 1;
	for (size_t i = 0; i < len && line <= last;) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		if (line >= first) {
			if (prev && memchr(prev, '|', prev_len) && delimiter_row(text + i, e - i))
				return line - 1;
			prev = text + i;
			prev_len = e - i;
		}
		line++;
		i = e + 1;
	}
	return 0;
}

/* The note numbered n (from 1) by cmark-gfm, which numbers notes in the
 * order of their first reference; its index in doc->notes or -1. */
static int note_at(struct md_state *st, int n)
{
	if (n < 1 || n > st->note_room)
		return -1;
	while (st->doc->nnotes < n)
		memset(&st->doc->notes[st->doc->nnotes++], 0, sizeof *st->doc->notes);
	return n - 1;
}

void sm_md_parse(struct sm_arena *a, const char *src, size_t len, struct sm_pos base,
		 int cont_col, struct sm_rich *out)
{
	sm_md_parse_at(a, src, len, base, cont_col, NULL, 0, out);
}

/* cmark-gfm's tree of the text. cmark allocates through the engine's
 * functions: a failure is "out of memory" and exit 3, not cmark's own abort(). */
static cmark_node *parse_tree(const char *text, size_t len)
{
	static cmark_mem mem = { sm_xcalloc, sm_xrealloc, free };
	cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES,
							 &mem);
	cmark_parser_feed(parser, text, len);
	cmark_node *doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	if (!doc)
		sm_oom();
	return doc;
}

/* Room for every note the text can have: one per "[^". */
static void make_note_room(struct md_state *st)
{
	for (const char *q = st->text; (q = strstr(q, "[^")); q += 2)
		st->note_room++;
	st->doc->notes = sm_arena_alloc(st->a, (size_t)(st->note_room + 1) * sizeof *st->doc->notes);
}

/* Block quotes and lists nest; past SM_MD_MAX_DEPTH levels of both
 * together the text is refused, once. */
static void enter_quote(struct md_state *st, cmark_node *n, int enter)
{
	st->quote_depth += enter ? 1 : -1;
	if (enter && st->list_depth + st->quote_depth > SM_MD_MAX_DEPTH && !st->too_deep++) {
		struct sm_pos p = node_pos(st, n);
		sm_diag(SM_MSG_md_depth, &p, SM_MD_MAX_DEPTH);
	}
}

static void enter_list(struct md_state *st, cmark_node *n, int enter)
{
	if (!enter) {
		st->list_depth--;
		return;
	}
	st->list_depth++;
	if (st->list_depth + st->quote_depth > SM_MD_MAX_DEPTH) {
		if (!st->too_deep++) {
			struct sm_pos p = node_pos(st, n);
			sm_diag(SM_MSG_md_depth, &p, SM_MD_MAX_DEPTH);
		}
	} else {
		st->lists[st->list_depth].ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		st->lists[st->list_depth].next = cmark_node_get_list_start(n);
		st->lists[st->list_depth].tight = cmark_node_get_list_tight(n);
	}
}

/* A list item's marker: its number, or a bullet (•, then – one level in). */
static void item_marker(struct md_state *st)
{
	if (st->list_depth > SM_MD_MAX_DEPTH)
		return;
	if (st->lists[st->list_depth].ordered)
		st->pending_marker = sm_arena_printf(st->a, "%d.", st->lists[st->list_depth].next++);
	else
		st->pending_marker = st->list_depth % 2 ? "\xE2\x80\xA2" : "\xE2\x80\x93";
}

/* A paragraph; a GFM table in it (cmark without the table extension reads
 * one as a paragraph) is refused at its header line. */
static void enter_paragraph(struct md_state *st, cmark_node *n, int enter)
{
	if (!enter) {
		st->para = NULL;
		return;
	}
	begin_para(st, SM_PARA_TEXT, n);
	int head = table_in(st->text, st->text_bytes, cmark_node_get_start_line(n), cmark_node_get_end_line(n));
	if (head) {
		struct sm_pos p = { st->base.file, st->base.line + head - 1, head == 1 ? st->base.col : st->cont_col };
		sm_diag(SM_MSG_md_table, &p);
	}
}

static void note_reference(struct md_state *st, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	int k = note_at(st, lit ? atoi(lit) : 0);
	if (k >= 0)
		add_special(st, NULL, k + 1);
}

/* Notes come after the text (cmark-gfm moves them there, in the order of
 * their numbers, and drops those never referred to); their paragraphs go
 * to the note, then the text goes on where it was. */
static void note_definition(struct md_state *st, cmark_node *n, int enter)
{
	st->para = NULL;
	if (enter) {
		int k = note_at(st, ++st->ndefs);
		if (k < 0)
			return;
		if (st->out == st->doc)
			st->body_cap = st->cap;
		st->out = &st->doc->notes[k];
		st->out->pos = node_pos(st, n);
		st->cap = 0;
	} else {
		st->out = st->doc;
		st->cap = st->body_cap;
	}
}

static void enter_heading(struct md_state *st, cmark_node *n, int enter)
{
	if (enter) {
		begin_para(st, SM_PARA_HEADING, n);
		st->para->heading = cmark_node_get_heading_level(n) == 1 ? 1 : 2;
	} else {
		st->para = NULL;
	}
}

/* A code block is set as plain text, line by line, without its last
 * newlines. */
static void code_block(struct md_state *st, cmark_node *n)
{
	begin_para(st, SM_PARA_CODE, n);
	const char *lit = cmark_node_get_literal(n);
	size_t l = lit ? strlen(lit) : 0;
	while (l && lit[l - 1] == '\n')
		l--;
	for (size_t i = 0; i < l;) {
		size_t e = i;
		while (e < l && lit[e] != '\n')
			e++;
		add_text(st, sm_arena_strndup(st->a, lit + i, e - i), 0);
		if (e < l)
			add_run(st, "\n", 1);
		i = e + 1;
	}
	st->para = NULL;
}

/* Raw HTML is dropped with a warning, at its paragraph when cmark gives
 * it no line of its own. */
static void html_dropped(struct md_state *st, cmark_node *n)
{
	struct sm_pos p = node_pos(st, n);
	if (p.line == st->base.line && cmark_node_get_start_line(n) <= 0 && st->para)
		p = st->para->pos;
	sm_diag(SM_MSG_md_html, &p);
}

/* A link keeps its address for the runs inside it, when its scheme is
 * allowed. */
static void enter_link(struct md_state *st, cmark_node *n, int enter)
{
	if (!enter) {
		st->url = NULL;
		return;
	}
	const char *url = cmark_node_get_url(n);
	if (url && url_allowed(url)) {
		st->url = sm_arena_strdup(st->a, url);
	} else {
		struct sm_pos p = node_pos(st, n);
		if (cmark_node_get_start_line(n) <= 0 && st->para)
			p = st->para->pos;
		sm_diag(SM_MSG_md_link_scheme, &p, url ? url : "");
	}
}

static void image_refused(struct md_state *st, cmark_node *n)
{
	struct sm_pos p = node_pos(st, n);
	if (cmark_node_get_start_line(n) <= 0 && st->para)
		p = st->para->pos;
	sm_diag(SM_MSG_md_image, &p);
}

/* Walks cmark's tree once, each node into the paragraphs and runs of
 * st->doc and its notes. */
static void walk_tree(struct md_state *st, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int enter = ev == CMARK_EVENT_ENTER;
		const char *lit;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_BLOCK_QUOTE:
			enter_quote(st, n, enter);
			break;
		case CMARK_NODE_LIST:
			enter_list(st, n, enter);
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				item_marker(st);
			break;
		case CMARK_NODE_PARAGRAPH:
			enter_paragraph(st, n, enter);
			break;
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			if (enter)
				note_reference(st, n);
			break;
		case CMARK_NODE_FOOTNOTE_DEFINITION:
			note_definition(st, n, enter);
			break;
		case CMARK_NODE_HEADING:
			enter_heading(st, n, enter);
			break;
		case CMARK_NODE_CODE_BLOCK:
			code_block(st, n);
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			html_dropped(st, n);
			break;
		case CMARK_NODE_TEXT:
			lit = cmark_node_get_literal(n);
			if (lit)
				add_text(st, lit, 1);
			break;
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			if (lit)
				add_text(st, lit, 0);
			break;
		case CMARK_NODE_SOFTBREAK:
			add_run(st, " ", 1);
			break;
		case CMARK_NODE_LINEBREAK:
			add_run(st, "\n", 1);
			break;
		case CMARK_NODE_EMPH:
			st->italic += enter ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			st->bold += enter ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
			enter_link(st, n, enter);
			break;
		case CMARK_NODE_IMAGE:
			if (enter)
				image_refused(st, n);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Drop paragraphs left empty (e.g. only raw HTML inside). */
static void drop_empty_paras(struct sm_rich *out)
{
	for (int r = -1; r < out->nnotes; r++) {
		struct sm_rich *t = r < 0 ? out : &out->notes[r];
		int k = 0;
		for (int i = 0; i < t->n; i++)
			if (t->paras[i].nruns)
				t->paras[k++] = t->paras[i];
		t->n = k;
	}
}

void sm_md_parse_at(struct sm_arena *a, const char *src, size_t len, struct sm_pos base,
		    int cont_col, const struct sm_pos *marks, int nmarks, struct sm_rich *out)
{
	memset(out, 0, sizeof *out);
	out->pos = base;
	if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) {
		src += 3;
		len -= 3;
	}
	struct md_state st = { .a = a, .out = out, .doc = out, .base = base, .cont_col = cont_col > 0 ? cont_col : 1,
			       .marks = marks, .nmarks = nmarks };
	st.text = fix_text(&st, src, len, st.cont_col, &st.text_bytes);
	make_note_room(&st);
	cmark_node *doc = parse_tree(st.text, st.text_bytes);
	walk_tree(&st, doc);
	cmark_node_free(doc);
	drop_empty_paras(out);
}
