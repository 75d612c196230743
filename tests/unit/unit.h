/* unit.h: a tiny unit-test harness. Each TEST is one test; it fails when
 * any CHECK in it fails. main.c lists the tests. */
#ifndef SM_UNIT_H
#define SM_UNIT_H
#include <stdio.h>
#include <string.h>

extern int unit_failed_checks;

#define TEST(name) void name(void)
#define CHECK(cond) do { \
	if (!(cond)) { \
		unit_failed_checks++; \
		printf("  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)
#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (!g_ || strcmp(g_, w_)) { \
		unit_failed_checks++; \
		printf("  %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, g_ ? g_ : "(null)", w_); \
	} \
} while (0)

#endif
