/* schema.h: typed access to YAML trees, shared by the project loader
 * (load_doc.c) and the layout loader (theme.c). Each getter reports a
 * positioned error and returns a failure value when the node has the wrong
 * shape, so loaders go on and report every problem of a run. */
#ifndef SM_SCHEMA_H
#define SM_SCHEMA_H
#include "sm.h"

/* Checks that every key of map is in keys (NULL-terminated); an unknown key
 * is an error with a did-you-mean. what names the map for messages ("a
 * goal"). Returns 0 when the node is a mapping (unknown keys or not). */
int sm_schema_keys(const struct sm_node *map, const char *what, const char *const *keys);
/* The value of key, or NULL. */
const struct sm_node *sm_schema_get(const struct sm_node *map, const char *key);
/* The value of key; when absent, reports missing_key (hint may be ""). */
const struct sm_node *sm_schema_need(const struct sm_node *map, const char *what,
				     const char *key, const char *hint);

/* Scalars. Each returns the fallback (or -1) after reporting a bad value. */
const char *sm_schema_str(struct sm_arena *a, const struct sm_node *v, const char *key);
const char *sm_schema_text(struct sm_arena *a, const struct sm_node *v, const char *key); /* smart quotes */
/* The same for text of limited length (sm.h): a title, subtitle, caption
 * or source; a name, label or unit; an id (without smart quotes). Longer
 * text is reported at its position, and NULL. */
const char *sm_schema_title(struct sm_arena *a, const struct sm_node *v, const char *key);
const char *sm_schema_name(struct sm_arena *a, const struct sm_node *v, const char *key);
const char *sm_schema_id(struct sm_arena *a, const struct sm_node *v, const char *key);
int sm_schema_int(const struct sm_node *v, const char *key, long long *out);
int sm_schema_number(const struct sm_node *v, const char *key, double *out);
/* The same, held to lo..hi: a value outside is size_range, quoting it,
 * naming key and what it belongs to (of: "bijstand", or NULL) and saying
 * hint (what to write). */
int sm_schema_int_in(const struct sm_node *v, const char *key, const char *of, long long lo,
		     long long hi, const char *hint, long long *out);
int sm_schema_number_in(const struct sm_node *v, const char *key, const char *of, double lo,
			double hi, const char *hint, double *out);
/* Index of v's text among names (NULL-terminated), or -1 after reporting
 * bad_enum ("a goal status"). */
int sm_schema_enum(const struct sm_node *v, const char *what, const char *const *names);
int sm_schema_date(const struct sm_node *v, struct sm_date *out);
/* A list of scalars (a single scalar counts as a list of one), each at
 * most max characters (SM_MAX_NAME for ids, codes and names; 0 for file
 * paths, which have no limit of their own). */
int sm_schema_strlist(struct sm_arena *a, const struct sm_node *v, const char *key,
		      struct sm_ref **out, int *n, int max);
int sm_schema_is_seq(const struct sm_node *v, const char *key, const char *hint);
int sm_schema_is_map(const struct sm_node *v, const char *key, const char *hint);

#endif
