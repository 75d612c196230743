/* model.c: the vocabulary of the model (see model.h). */
#include "model.h"
#include "strmap.h"
#include "theme.h"
#include <string.h>

const char *const sm_status_names[SM_STATUS_COUNT + 1] = {
	"auto", "on-track", "attention", "off-track", "changed", "no-judgement", NULL,
};
const char *const sm_unit_names[] = { "percent", "per-1000", "per-10000", "count", "euro", "score", "years", NULL };
const char *const sm_polarity_names[] = { "neutral", "higher-is-better", "lower-is-better", NULL };
const char *const sm_frequency_names[] = { "year", "half-year", "two-years", "four-years", NULL };
const char *const sm_cycle_names[] = {
	"kadernota", "begroting", "voorjaarsnota", "bestuursrapportage", "jaarstukken", NULL,
};

const char *sm_judgement_word(const char *const *labels, enum sm_judgement j)
{
	switch (j) {
	case SM_J_FAVOURABLE: return labels[SM_LABEL_favourable];
	case SM_J_UNFAVOURABLE: return labels[SM_LABEL_unfavourable];
	case SM_J_COMPARABLE: return labels[SM_LABEL_comparable];
	case SM_J_HIGHER: return labels[SM_LABEL_higher];
	case SM_J_LOWER: return labels[SM_LABEL_lower];
	default: return "";
	}
}

const char *const sm_cycle_words[] = {
	"", "Kadernota", "Begroting", "Voorjaarsnota", "Bestuursrapportage", "Jaarstukken",
};
const char *const sm_month_names[12] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
};
const char *const sm_frequency_words[] = { "jaarlijks", "halfjaarlijks", "tweejaarlijks", "vierjaarlijks" };
const char *const sm_polarity_words[] = { "neutraal (geen oordeel)", "hoger is beter", "lager is beter" };

double sm_unit_factor(enum sm_unit u)
{
	switch (u) {
	case SM_UNIT_PERCENT: return 100;
	case SM_UNIT_PER_1000: return 1000;
	case SM_UNIT_PER_10000: return 10000;
	default: return 1;
	}
}

const char *sm_unit_label(enum sm_unit u)
{
	switch (u) {
	case SM_UNIT_PERCENT: return "%";
	case SM_UNIT_PER_1000: return "per 1.000";
	case SM_UNIT_PER_10000: return "per 10.000";
	case SM_UNIT_COUNT: return "aantal";
	case SM_UNIT_EURO: return "\xE2\x82\xAC";
	case SM_UNIT_SCORE: return "score";
	case SM_UNIT_YEARS: return "jaren";
	}
	return "";
}

int sm_parse_period(const char *s)
{
	int y = 0, i = 0;
	for (; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (y < SM_YEAR_MIN || y > SM_YEAR_MAX)
		return -1;
	if (!s[4])
		return SM_PERIOD(y, 0);
	if (s[4] == '-' && (s[5] == 'H' || s[5] == 'h') && (s[6] == '1' || s[6] == '2') && !s[7])
		return SM_PERIOD(y, s[6] - '0');
	return -1;
}

const char *sm_period_half(int p)
{
	int h = SM_PERIOD_HALF(p);
	return h ? (h == 1 ? "-H1" : "-H2") : "";
}

const char *sm_period_label(struct sm_arena *a, int p)
{
	return sm_arena_printf(a, "%d%s", SM_PERIOD_YEAR(p), sm_period_half(p));
}

int sm_find_indicator(const struct sm_doc *d, const char *id)
{
	if (d->indicator_ids)   /* once the data is loaded */
		return sm_strmap_get(d->indicator_ids, id);
	for (int i = 0; i < d->nindicators; i++)
		if (!strcmp(d->indicators[i].id, id))
			return i;
	return -1;
}

int sm_find_area(const struct sm_doc *d, const char *code)
{
	if (d->area_codes)
		return sm_strmap_get(d->area_codes, code);
	for (int i = 0; i < d->nareas; i++)
		if (!strcmp(d->areas[i].code, code))
			return i;
	return -1;
}
