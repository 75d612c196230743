/* pages.c: the structure tree that travels with the pages (pages.h). */
#include "pages.h"
#include "arena.h"

int sm_node_add(struct sm_arena *a, struct sm_pages *p, enum sm_struct_type type, int parent)
{
	struct sm_elem n = { parent, (unsigned char)type, SM_SCOPE_NONE, NULL };
	SM_PUSH(a, p->nodes, p->nnodes, p->ncap, n);
	return p->nnodes - 1;
}

const char *sm_struct_name(enum sm_struct_type type)
{
	static const char *const names[SM_S_COUNT] = {
		[SM_S_DOCUMENT] = "Document", [SM_S_SECT] = "Sect", [SM_S_H1] = "H1", [SM_S_H2] = "H2",
		[SM_S_H3] = "H3", [SM_S_P] = "P", [SM_S_L] = "L", [SM_S_LI] = "LI", [SM_S_LBL] = "Lbl",
		[SM_S_LBODY] = "LBody", [SM_S_TABLE] = "Table", [SM_S_THEAD] = "THead", [SM_S_TBODY] = "TBody",
		[SM_S_TR] = "TR", [SM_S_TH] = "TH", [SM_S_TD] = "TD", [SM_S_CAPTION] = "Caption",
		[SM_S_FIGURE] = "Figure", [SM_S_BLOCKQUOTE] = "BlockQuote", [SM_S_TOC] = "TOC", [SM_S_TOCI] = "TOCI",
		[SM_S_LINK] = "Link", [SM_S_NOTE] = "Note", [SM_S_SPAN] = "Span", [SM_S_DIV] = "Div",
	};
	return (unsigned)type < SM_S_COUNT ? names[type] : "Span";
}
