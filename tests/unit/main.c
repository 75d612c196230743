/* The unit tests: one line per test, then "N passed, N failed". */
#include "unit.h"
#include "diag.h"

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
	X(test_schema_values) X(test_theme_keys) X(test_load_csv_rows) X(test_load_data_observations)

#define DECLARE(name) void name(void);
TESTS(DECLARE)

int main(void)
{
	static const struct { const char *name; void (*fn)(void); } tests[] = {
#define ENTRY(name) { #name, name },
		TESTS(ENTRY)
	};
	int passed = 0, failed = 0;
	for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
		int before = unit_failed_checks;
		sm_diag_reset();
		tests[i].fn();
		if (unit_failed_checks == before) {
			printf("ok   unit %s\n", tests[i].name);
			passed++;
		} else {
			printf("FAIL unit %s\n", tests[i].name);
			failed++;
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
