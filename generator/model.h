/* model.h: the vocabulary of the model (sm.h), each word in one place:
 * the names a project writes (status, unit, polarity, frequency, cycle
 * document) and the words the monitor prints for them (judgements, cycle
 * documents, months, units, frequencies, polarities), periods read and
 * written, and the look-ups of an indicator or area by name. The loaders
 * read through it, calc, layout and the driver print through it. */
#ifndef SM_MODEL_H
#define SM_MODEL_H
#include "sm.h"

/* ---------------------------------------------------------- written */

/* The names a project writes, NULL-terminated for sm_schema_enum and in
 * the order of their enum: a name's index is its value. */
extern const char *const sm_status_names[SM_STATUS_COUNT + 1];
extern const char *const sm_unit_names[];
extern const char *const sm_polarity_names[];
extern const char *const sm_frequency_names[];
/* cycle: {document: ...}: index + 1 is the enum sm_cycle_doc. */
extern const char *const sm_cycle_names[];

/* ---------------------------------------------------------- printed */

/* How a value compares with a reference, or how a change is judged. */
enum sm_judgement { SM_J_NONE, SM_J_FAVOURABLE, SM_J_COMPARABLE, SM_J_UNFAVOURABLE, SM_J_HIGHER, SM_J_LOWER };

/* The word of a judgement among a theme's labels (sm_theme.labels); "" for none. */
const char *sm_judgement_word(const char *const *labels, enum sm_judgement j);
/* The P&C document as printed ("Jaarstukken"); "" for none. */
extern const char *const sm_cycle_words[];
/* "januari" .. "december": sm_month_names[month - 1]. */
extern const char *const sm_month_names[12];
/* The words of the definitions chapter. */
extern const char *const sm_frequency_words[];
extern const char *const sm_polarity_words[];

/* ------------------------------------------------------------ units */

/* The factor of a ratio indicator's unit: 100 for percent, and so on. */
double sm_unit_factor(enum sm_unit u);
/* The unit as printed after a figure or over a column ("%", "per 1.000"). */
const char *sm_unit_label(enum sm_unit u);

/* ---------------------------------------------------------- periods */

/* "2023" or "2023-H1" (also "2023-h1" in data) as a period; -1 if not one. */
int sm_parse_period(const char *s);
/* "", "-H1" or "-H2": what follows the year of period p when written. */
const char *sm_period_half(int p);
/* The period as written: "2023" or "2023-H1". */
const char *sm_period_label(struct sm_arena *a, int p);

/* ---------------------------------------------------------- look-ups */

/* Index of an indicator id or area code, or -1. */
int sm_find_indicator(const struct sm_doc *d, const char *id);
int sm_find_area(const struct sm_doc *d, const char *code);

#endif
