/* The unit tests: one line per test, then "N passed, N failed". Each test
 * runs in a child of its own, so that one that crashes is reported as a
 * failure with its signal and the tests after it still run. */
#include "unit.h"
#include "diag.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int unit_failed_checks;

#define TESTS(X) \
	X(test_numfmt_rounding) X(test_numfmt_grouping) X(test_numfmt_change) \
	X(test_utf8_decode) X(test_utf8_check_position) X(test_smart_text) X(test_slug) \
	X(test_yaml_positions) X(test_yaml_refusals) X(test_yaml_empty) \
	X(test_linebreak_justified) X(test_linebreak_long_word) X(test_linebreak_hard_break_and_styles) \
	X(test_font_widths_by_hand) \
	X(test_calc_ratio_aggregation) X(test_calc_change_and_reference) X(test_calc_suppression) X(test_calc_secondary_across_levels) \
	X(test_calc_incomplete_aggregate) X(test_calc_status_rules) X(test_calc_stapeling_and_derived) \
	X(test_calc_budget) \
	X(test_hyphenation_dutch) X(test_hyphenation_matches_libhyphen) X(test_dutch_spaces_and_dashes) X(test_hard_paragraphs) X(test_narrow_label_words) X(test_kerning_pairs) \
	X(test_chart_ticks) \
	X(test_md_lines_join) X(test_arena_join) X(test_text_limits) X(test_normal_path) \
	X(test_schema_values) X(test_theme_keys) X(test_load_csv_rows) X(test_load_data_observations) \
	X(test_table_numbers_on_the_comma) X(test_table_header_repeats_over_a_page_break) X(test_table_roles) \
	X(test_pages_right_hand_chapters) X(test_pages_new_page_chapters) X(test_pages_running_heads) \
	X(test_tagged_device_tree) X(test_tagged_device_without_tree)

#define DECLARE(name) void name(void);
TESTS(DECLARE)

/* With names on the command line, only those tests run. */
static int chosen(int argc, char **argv, const char *name)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return argc < 2;
}

int main(int argc, char **argv)
{
	static const struct { const char *name; void (*fn)(void); } tests[] = {
#define ENTRY(name) { #name, name },
		TESTS(ENTRY)
	};
	int passed = 0, failed = 0;
	/* Line by line, so that what a crashing test printed is not lost with
	 * its buffer, and nothing buffered is written twice after a fork. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
		if (!chosen(argc, argv, tests[i].name))
			continue;
		fflush(stdout);
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			sm_diag_reset();
			tests[i].fn();
			/* exit, not _exit: a sanitizer's leak check runs at exit,
			 * and its exit code makes the test fail. */
			exit(unit_failed_checks ? 1 : 0);
		}
		int st;
		while (waitpid(pid, &st, 0) < 0) {
			if (errno != EINTR) {
				perror("waitpid");
				return 1;
			}
		}
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
			printf("ok   unit %s\n", tests[i].name);
			passed++;
		} else if (WIFSIGNALED(st)) {
			printf("FAIL unit %s (crashed: signal %d, %s)\n", tests[i].name, WTERMSIG(st),
			       strsignal(WTERMSIG(st)));
			failed++;
		} else if (WEXITSTATUS(st) == 1) {
			printf("FAIL unit %s\n", tests[i].name);
			failed++;
		} else {
			printf("FAIL unit %s (exit %d)\n", tests[i].name, WEXITSTATUS(st));
			failed++;
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
