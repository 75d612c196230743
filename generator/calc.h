/* calc.h: the figures of a monitor, computed from the observations before
 * layout: values per indicator, area and period (with aggregation from
 * buurt to wijk to gemeente, derived indicators and small-number
 * suppression), and the judgements built on them. Numbers stay numbers
 * here; numfmt.c prints them. */
#ifndef SM_CALC_H
#define SM_CALC_H
#include "model.h"

enum sm_vstate { SM_V_MISSING, SM_V_OK, SM_V_SUPPRESSED };

struct sm_value {
	int ind, area, period;      /* where it is */
	double v, num, den, n, lower, upper;
	unsigned char state;        /* enum sm_vstate */
	unsigned char flag;         /* enum sm_flag */
	unsigned char has_nd, has_n, has_ci;
	unsigned char has_v;        /* the file gives a value (even when it is hidden) */
	unsigned char computed;     /* aggregated or derived by the engine */
	unsigned char secondary;    /* hidden to protect another hidden cell */
};

/* Only the cells that exist are stored (observations, aggregates, derived
 * values), found through a hash on indicator, area and period, so memory
 * follows the data and not the span of its years. Read them through the
 * functions below. */
struct sm_data {
	const struct sm_doc *doc;
	int nind, narea;
	int *periods, nper;             /* every period with an observation, ascending */
	struct sm_value *cells;         /* in no particular order */
	int ncells, capcells;
	int *index;                     /* open addressing: cell number, -1 empty */
	unsigned nindex;                /* a power of two */
	struct sm_arena *a;             /* where cells are added (while computing) */
	int *latest_gm;                 /* per indicator: latest period with data for the gemeente, -1 */
};


int sm_calc(struct sm_arena *a, const struct sm_doc *doc, struct sm_data *out);

/* The cell of an indicator, area and period (a period as SM_PERIOD makes
 * it): a cell in state SM_V_MISSING when there is none; NULL for an
 * indicator or area that does not exist. */
const struct sm_value *sm_calc_cell(const struct sm_data *d, int ind, int area, int period);
/* A value that may be printed and used: state OK. */
int sm_calc_has(const struct sm_data *d, int ind, int area, int period, double *v);
/* Periods with a value (or a suppressed value) for ind at area, ascending. */
int sm_calc_periods(const struct sm_data *d, int ind, int area, int *out, int max);
/* The most recent period with data for ind at area, or -1. */
int sm_calc_latest(const struct sm_data *d, int ind, int area);
/* An indicator's own latest period: at the municipality, or when it has
 * none, the latest at any of areas. -1 if none. */
int sm_calc_latest_of(const struct sm_data *d, int ind, const int *areas, int na);
/* The period before p with data for ind at area, or -1. */
int sm_calc_previous(const struct sm_data *d, int ind, int area, int p);
/* The period a change is measured from: the baseline year when the monitor
 * has one (and it has data), else the previous period. -1 if none. */
int sm_calc_change_base(const struct sm_data *d, int ind, int area, int p);

/* The indicator's threshold for "comparable" against a reference value. */
double sm_calc_threshold(const struct sm_indicator *ind, double ref);
/* value against ref, by the indicator's polarity and threshold. */
enum sm_judgement sm_calc_compare(const struct sm_indicator *ind, double value, double ref);
/* The auto rule for one indicator at an area in period p. */
enum sm_status sm_calc_indicator_status(const struct sm_data *d, int ind, int area, int p);
/* A goal's status: explicit, or the worst of its indicators at the gemeente. */
enum sm_status sm_calc_goal_status(const struct sm_data *d, const struct sm_goal *g);
/* Stapeling: how many of inds are unfavourable at area against the gemeente. */
int sm_calc_stapeling(const struct sm_data *d, const struct sm_ref *inds, int n, int area, int *judged);

struct sm_budget { long long planned, actual; int has_actual, n; };
/* Budget totals of a theme chapter. actual is summed over the
 * interventions that report one; has_actual when all of them do. */
struct sm_budget sm_calc_budget(const struct sm_chapter *ch);
/* Realisation actual/planned, or -1 when it cannot be shown. */
double sm_calc_realisation(long long planned, long long actual, int has_actual);

/* The rules that need computed statuses, after sm_calc (validate.c). */
void sm_validate_statuses(const struct sm_doc *doc, const struct sm_data *data);

#endif
