/* Chart scales: nice ticks of 1, 2, 2,5 and 5 times a power of ten. */
#include "unit.h"
#include "layout.h"
#include <math.h>

static int nice(double step)
{
	double m = step / pow(10, floor(log10(step)));
	return fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 2.5) < 1e-9 || fabs(m - 5) < 1e-9;
}

TEST(test_chart_ticks)
{
	struct sm_ticks t;
	sm_chart_ticks(3.2, 4.1, 5, 0, &t);
	CHECK(nice(t.step) && t.lo <= 3.2 && t.hi >= 4.1);
	CHECK(fabs(t.step - 0.2) < 1e-9 && t.decimals == 1);
	/* Bars and columns start at zero. */
	sm_chart_ticks(41.2, 53.9, 5, 1, &t);
	CHECK(t.lo == 0 && t.hi == 60 && nice(t.step) && t.step == 20 && t.decimals == 0);
	/* Steps of 2,5 need a decimal. */
	sm_chart_ticks(0, 11, 5, 1, &t);
	CHECK(t.step == 2.5 && t.decimals == 1 && t.hi == 12.5 && t.n == 6);
	/* Negative values, and zero inside the range. */
	sm_chart_ticks(-3.4, 1.2, 5, 1, &t);
	CHECK(t.lo <= -3.4 && t.hi >= 1.2 && nice(t.step) && t.lo == -4 && t.step == 1);
	/* One value: a range around it. */
	sm_chart_ticks(7, 7, 5, 0, &t);
	CHECK(t.lo < 7 && t.hi > 7 && t.n >= 2);
	/* Large counts. */
	sm_chart_ticks(0, 1046, 5, 1, &t);
	CHECK(t.step == 250 && t.hi == 1250 && t.n == 6);
	/* Small percentages. */
	sm_chart_ticks(0.21, 0.93, 4, 1, &t);
	CHECK(t.step == 0.25 && t.decimals == 2 && t.hi == 1);
	/* The ticks land on whole multiples of the step. */
	sm_chart_ticks(13.7, 86.2, 6, 0, &t);
	CHECK(fabs(t.lo / t.step - round(t.lo / t.step)) < 1e-9 && fabs(t.hi / t.step - round(t.hi / t.step)) < 1e-9);
	CHECK(fabs(t.lo + (t.n - 1) * t.step - t.hi) < 1e-9);
}
