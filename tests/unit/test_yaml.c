/* The YAML loader: positions, and what it refuses. */
#include "unit.h"
#include "sm.h"

static struct sm_node *load(struct sm_arena *a, const char *text, int *rc)
{
	struct sm_node *root = NULL;
	*rc = sm_yaml_load(a, "t.yaml", text, strlen(text), &root);
	return root;
}

TEST(test_yaml_positions)
{
	struct sm_arena a = { 0 };
	int rc;
	struct sm_node *r = load(&a, "title: Sociale Monitor\nchapters:\n  - a.yaml\n  - b.yaml\n", &rc);
	CHECK(rc == 0 && r && r->kind == SM_NODE_MAP && r->n == 2);
	CHECK(r->items[1]->kind == SM_NODE_SCALAR && !strcmp(r->items[1]->str, "Sociale Monitor"));
	CHECK(r->items[1]->pos.line == 1 && r->items[1]->pos.col == 8);
	struct sm_node *seq = r->items[3];
	CHECK(seq->kind == SM_NODE_SEQ && seq->n == 2);
	CHECK(seq->items[1]->pos.line == 4 && seq->items[1]->pos.col == 5);
	/* A BOM and CRLF line ends are accepted. */
	r = load(&a, "\xEF\xBB\xBFtitle: x\r\nedition: 2024\r\n", &rc);
	CHECK(rc == 0 && r && r->n == 2 && r->items[3]->pos.line == 2);
	sm_arena_free(&a);
}

TEST(test_yaml_refusals)
{
	struct sm_arena a = { 0 };
	int rc;
	sm_diag_quiet(1);
	sm_diag_reset();
	load(&a, "a: &x [1, *x]\n", &rc);
	CHECK(rc == -1 && sm_diag_errors() == 1);
	sm_diag_reset();
	load(&a, "a: 1\nb: 2\na: 3\n", &rc);
	CHECK(sm_diag_errors() == 1);
	sm_diag_reset();
	char deep[400] = "";
	for (int i = 0; i < 100; i++)
		strcat(deep, "[");
	load(&a, deep, &rc);
	CHECK(rc == -1 && sm_diag_errors() == 1);
	sm_diag_reset();
	load(&a, "a:\n\t- b\n", &rc);
	CHECK(rc == -1 && sm_diag_errors() == 1);
	sm_diag_reset();
	load(&a, "a: 1\n---\nb: 2\n", &rc);
	CHECK(rc == -1 && sm_diag_errors() == 1);
	sm_diag_reset();
	sm_diag_quiet(0);
	sm_arena_free(&a);
}

TEST(test_yaml_empty)
{
	struct sm_arena a = { 0 };
	int rc;
	struct sm_node *r = load(&a, "", &rc);
	CHECK(rc == 0 && r == NULL);
	r = load(&a, "# only a comment\n", &rc);
	CHECK(rc == 0 && r == NULL);
	sm_arena_free(&a);
}
