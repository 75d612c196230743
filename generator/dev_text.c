/* dev_text.c: pages as text, for tests and --dump=layout: one line per
 * display item, in page coordinates. */
#include "dev.h"

void sm_dev_text_write(const struct sm_pages *p, FILE *out)
{
	static const char *const kinds[] = { "text", "rect", "line", "poly", "circle", "link", "clip", "unclip", "image" };
	for (int i = 0; i < p->n; i++) {
		const struct sm_page *pg = &p->v[i];
		fprintf(out, "page %d label %s%s\n", i + 1, pg->label ? pg->label : "?", pg->opener ? " opener" : "");
		for (int k = 0; k < pg->items.n; k++) {
			const struct sm_item *it = &pg->items.v[k];
			fprintf(out, "  %s %.2f %.2f", kinds[it->kind], it->x, it->y);
			if (it->node >= 0 && it->node < p->nnodes)
				fprintf(out, " <%s%d>", sm_struct_name(p->nodes[it->node].type), it->node);
			else
				fprintf(out, " <%s>", it->node == SM_ART_HEADER ? "art:header" : it->node == SM_ART_FOOTER ? "art:footer"
					: it->node == SM_ART_PAGE ? "art:page" : "art");
			if (it->kind == SM_ITEM_TEXT)
				fprintf(out, " f%d %.2f \"%.*s\"\n", it->role, it->size, (int)it->len, it->text);
			else if (it->kind == SM_ITEM_LINK)
				fprintf(out, " %.2f %.2f %s%d\n", it->w, it->h, it->url ? it->url : "#", it->anchor);
			else
				fprintf(out, " %.2f %.2f\n", it->w, it->h);
		}
	}
	for (int i = 0; i < p->nnodes; i++) {
		const struct sm_elem *n = &p->nodes[i];
		fprintf(out, "node %d %s parent %d", i, sm_struct_name(n->type), n->parent);
		if (n->scope)
			fprintf(out, " scope %d", n->scope);
		if (n->alt)
			fprintf(out, " alt \"%s\"", n->alt);
		fputc('\n', out);
	}
	for (int i = 0; i < p->nanchors; i++)
		fprintf(out, "anchor %d level %d page %d \"%s\"\n", i, p->anchors[i].level, p->anchors[i].page + 1,
			p->anchors[i].title);
}
