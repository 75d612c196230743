/* csvrows.h: CSV files as rows of fields with positions, read with libcsv
 * (load_csv.c is the only file that includes libcsv's <csv.h>). */
#ifndef SM_CSVROWS_H
#define SM_CSVROWS_H
#include "sm.h"

#define SM_CSV_MAX_ROWS    1000000
#define SM_CSV_MAX_FIELDS  400     /* a CBS open-data table has 100 and more */
#define SM_CSV_MAX_FIELD   4096

struct sm_csv_row {
	int line;                   /* 1-based line where the row starts */
	const char *raw;            /* that line, in the UTF-8 text */
	int n;
	char **fields;
};

struct sm_csv {
	const char *file;
	char delim;
	struct sm_csv_row *rows;    /* rows[0] is the header */
	int nrows;
};

/* Reads a CSV file: BOM stripped, `sep=;` honoured, the delimiter detected
 * from the header, Windows-1252 (with a warning) and UTF-16 with a BOM
 * converted, the text held to sm_utf8_check's rule. 0 or -1. */
int sm_csv_read(struct sm_arena *a, const struct sm_dir *in, const char *path, struct sm_csv *out);
/* The same on text in memory (buf is NUL-terminated at len). */
int sm_csv_parse(struct sm_arena *a, const char *path, char *buf, size_t len, struct sm_csv *out);
/* The position of field i of a row (column counted in characters). */
struct sm_pos sm_csv_pos(const struct sm_csv *c, const struct sm_csv_row *r, int field);

#endif
