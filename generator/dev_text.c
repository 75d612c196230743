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
			if (it->kind == SM_ITEM_TEXT)
				fprintf(out, " f%d %.2f \"%.*s\"\n", it->role, it->size, (int)it->len, it->text);
			else if (it->kind == SM_ITEM_LINK)
				fprintf(out, " %.2f %.2f %s%d\n", it->w, it->h, it->url ? it->url : "#", it->anchor);
			else
				fprintf(out, " %.2f %.2f\n", it->w, it->h);
		}
	}
	for (int i = 0; i < p->nanchors; i++)
		fprintf(out, "anchor %d level %d page %d \"%s\"\n", i, p->anchors[i].level, p->anchors[i].page + 1,
			p->anchors[i].title);
}
