/* diag.h: the message catalog and `file:line:col: level: message` output.
 *
 * Every message the engine can print is listed once below, with its level
 * and its printf format. Messages are written for the person who wrote the
 * file: what is wrong and what to write instead. The test suite has a
 * bad-input case for every error id (tests/bad/). */
#ifndef SM_DIAG_H
#define SM_DIAG_H
#include <stdarg.h>

struct sm_pos {
	const char *file;       /* as the user would open it, relative to cwd */
	int line, col;          /* 1-based; 0 when unknown */
};

enum sm_level { SM_NOTE, SM_WARNING, SM_ERROR };

#define SM_MESSAGES(X) \
	/* files and paths */ \
	X(file_unreadable,   SM_ERROR,   "cannot read '%s': %s") \
	X(file_missing,      SM_ERROR,   "file '%s' does not exist; check the name and that the path is relative to the project folder") \
	X(file_too_large,    SM_ERROR,   "file is %s, more than the limit of %s; split it or remove what is not needed") \
	X(file_empty,        SM_ERROR,   "file is empty; %s") \
	X(path_absolute,     SM_ERROR,   "'%s' is an absolute path; write a path relative to the project folder, such as text/visie.md") \
	X(path_outside,      SM_ERROR,   "'%s' leaves the project folder; keep every file inside it and write the path relative to it") \
	X(utf8_invalid,      SM_ERROR,   "invalid UTF-8 (byte 0x%02X); save the file as UTF-8") \
	X(utf8_outside_bmp,  SM_ERROR,   "character U+%04X cannot be printed (only characters up to U+FFFF are supported); remove it") \
	X(control_char,      SM_ERROR,   "control character U+%04X in text; remove it") \
	X(bidi_control,      SM_ERROR,   "direction control character U+%04X in text (it reorders what is shown after it); remove it") \
	X(utf16_invalid,     SM_ERROR,   "invalid UTF-16 (%s); save the file again, as \"CSV UTF-8\" or \"Unicode text\"") \
	/* YAML */ \
	X(yaml_syntax,       SM_ERROR,   "YAML syntax: %s") \
	X(yaml_tab,          SM_ERROR,   "a tab cannot indent YAML; indent with spaces") \
	X(yaml_alias,        SM_ERROR,   "anchors and aliases (&name, *name) are not allowed; write the value out in full") \
	X(yaml_depth,        SM_ERROR,   "nesting deeper than %d levels; a monitor file never needs this much") \
	X(yaml_duplicate_key,SM_ERROR,   "key '%s' appears twice in this mapping (first on line %d); keep one") \
	X(yaml_documents,    SM_ERROR,   "more than one YAML document ('---'); put one document in each file") \
	X(yaml_limit,        SM_ERROR,   "more than %d items in one file; a monitor file never needs this many") \
	X(yaml_figure,       SM_ERROR,   "a value that starts with '{{' is read by YAML as a mapping; put the whole text in quotes, such as \"{{bijstand}} van de inwoners\"") \
	/* schema */ \
	X(unknown_key,       SM_ERROR,   "unknown key '%s' in %s%s") \
	X(missing_key,       SM_ERROR,   "%s needs the key '%s'%s") \
	X(wrong_type,        SM_ERROR,   "'%s' must be %s; %s") \
	X(not_mapping,       SM_ERROR,   "%s must be a mapping of key: value lines; %s") \
	X(bad_enum,          SM_ERROR,   "'%s' is not a valid %s%s; write one of: %s") \
	X(bad_date,          SM_ERROR,   "'%s' is not a date; write it as YYYY-MM-DD, such as 2024-06-10") \
	X(bad_integer,       SM_ERROR,   "'%s' is not a whole number%s") \
	X(bad_number,        SM_ERROR,   "'%s' is not a number; write it like 3.5 (a point for decimals, no thousands separator)") \
	X(number_limit,      SM_ERROR,   "'%s' is beyond the limit of %s; write a smaller number, or one with fewer digits") \
	X(bad_years,         SM_ERROR,   "'%s' is not a period; write a year (2023), a range (2019-2023), a list ([2019, 2021]), latest or last-5") \
	X(bad_code,          SM_ERROR,   "'%s' is not a CBS municipality code; write GM followed by four digits, such as GM1999") \
	X(empty_value,       SM_ERROR,   "'%s' is empty; %s") \
	X(text_too_long,     SM_ERROR,   "'%s' has %d characters, more than the %d allowed; shorten it%s") \
	X(duplicate_id,      SM_ERROR,   "%s '%s' is used twice (first at %s); give each one its own id") \
	X(unknown_indicator, SM_ERROR,   "unknown indicator '%s'%s; indicators come from %s") \
	X(unknown_area,      SM_ERROR,   "unknown area '%s'%s; areas come from %s") \
	X(unknown_goal,      SM_ERROR,   "unknown goal '%s'%s; an intervention names goals of its own chapter") \
	X(explanation_needed,SM_ERROR,   "goal '%s' has status %s but no explanation; the council reads the explanation of every status other than on-track, so add 'explanation:'") \
	X(auto_needs_indicators, SM_ERROR, "goal '%s' has status auto but no indicators; name its indicators, or give an explicit status with an explanation") \
	X(title_needed,      SM_WARNING, "a %s with several indicators needs a 'title'; until it has one, its indicators' names are its title") \
	X(block_key,         SM_ERROR,   "%s") \
	X(one_block_kind,    SM_ERROR,   "a block holds exactly one of text, table, chart, quote or image; %s") \
	X(no_chapters,       SM_ERROR,   "'chapters' is empty; list the chapter files in reading order") \
	X(chapter_twice,     SM_ERROR,   "chapter file '%s' is listed twice%s; list each chapter once") \
	X(no_reference,      SM_ERROR,   "%s compares with a reference area, but neither the block nor monitor.yaml names one; add 'reference: NL01' to the block or 'references: [NL01]' to monitor.yaml") \
	X(auto_unexplained,  SM_WARNING, "goal '%s' comes out as %s; add an explanation, since the council reads one for every status other than on-track") \
	X(no_data,           SM_WARNING, "%s has no data for %s; the block shows empty cells") \
	X(empty_line,        SM_WARNING, "%s would print %s '%s' without a single value; %s") \
	X(years_cut,         SM_WARNING, "'%s' leaves out %s, a later period with data for '%s'; extend the years, or write last-5 or latest") \
	X(budget_euros,      SM_WARNING, "budget amounts are in thousands of euros, so %s prints as %s; if you wrote whole euros, divide by 1000 (write %s)") \
	/* CSV data */ \
	X(csv_cp1252,        SM_WARNING, "file is not UTF-8; it is read as Windows-1252, as Dutch Excel saves it (save it as \"CSV UTF-8\" to be sure)") \
	X(csv_syntax,        SM_ERROR,   "CSV: %s") \
	X(csv_fields,        SM_ERROR,   "this row has %d fields but the header has %d; %s") \
	X(csv_column,        SM_ERROR,   "unknown column '%s'%s; the columns are: %s") \
	X(csv_missing_column,SM_ERROR,   "the header has no '%s' column; %s") \
	X(csv_limit,         SM_ERROR,   "more than %d %s; this is the limit") \
	X(csv_number,        SM_ERROR,   "'%s' is not a number%s") \
	X(csv_decimal_point, SM_ERROR,   "'%s' has a decimal point, but this file separates fields with '%s' and writes numbers the Dutch way; write %s") \
	X(csv_duplicate,     SM_ERROR,   "%s appears twice: also on line %d; keep one of them") \
	X(csv_flag,          SM_ERROR,   "'%s' is not a flag; write * (voorlopig), ** (nader voorlopig), . (onbekend of geheim) or - (nihil)") \
	X(csv_period,        SM_ERROR,   "'%s' is not a period; write a year (2023) or a half year (2023-H1)") \
	X(csv_future_period, SM_ERROR,   "period '%s' is after %d, the year after this edition (%d); correct the year") \
	X(area_code,         SM_ERROR,   "'%s' is not a CBS %s code; write %s") \
	X(area_level,        SM_ERROR,   "'%s' is not an area level; write land, reference, gemeente, wijk or buurt") \
	X(area_parent,       SM_ERROR,   "%s") \
	X(value_mismatch,    SM_ERROR,   "value %s differs from numerator / denominator (%s); correct the value or leave it empty") \
	X(den_zero_count,    SM_ERROR,   "numerator %s over a denominator of 0: an area with nothing in its denominator has nothing to count; correct the denominator, or write 0 as numerator for an empty area") \
	X(den_zero_value,    SM_ERROR,   "value %s for an area whose denominator is 0: an empty area has no figure of its own; leave the value empty") \
	X(num_over_den,      SM_ERROR,   "numerator %s is more than its denominator %s, which would print as %s; a percentage counts part of its denominator, so correct one of them") \
	X(count_negative,    SM_ERROR,   "'%s' is negative, but a count cannot be negative (%s); correct it") \
	X(min_n_without_n,   SM_WARNING, "min-n %d of '%s' hides nothing: none of its observations gives an n (the number of people a figure is about), and without one nothing can be hidden; add an n column to its observations, or an n to its CBS columns") \
	X(aggregate_missing, SM_WARNING, "%s of %s is left out in %s: %s") \
	/* CBS open-data files (format: cbs) */ \
	X(cbs_region_column, SM_ERROR,   "this CBS file has no region column (WijkenEnBuurten or RegioS); download the table with its regions, as the open-data CSV (TypedDataSet)") \
	X(cbs_column,        SM_ERROR,   "'%s' is not a column of %s%s; write a column name exactly as the file's header (line %d) writes it") \
	X(cbs_needs_period,  SM_ERROR,   "%s has no Perioden column; say which period its figures are of, such as period: 2021") \
	X(cbs_period,        SM_ERROR,   "'%s' is not a CBS year period (such as 2023JJ00); the monitor takes yearly figures, so select the years (JJ) when downloading") \
	X(cbs_number,        SM_ERROR,   "'%s' is not a number as CBS writes it; a CBS file writes 3.7 (a decimal point, no thousands separator) and . for secret or unknown") \
	X(cbs_column_twice,  SM_ERROR,   "column '%s' is in the header twice (also as column %d), so which one is meant cannot be known; download the table again, as CBS serves it") \
	X(cbs_no_values,     SM_WARNING, "%s gives no value at all: %s") \
	X(cbs_unknown_regions, SM_NOTE,  "regions of this file that are not in %s are left out: %d (%s); to use them, add them to the area register, for instance with: sociale-monitor areas %s") \
	/* Markdown */ \
	X(md_image,          SM_ERROR,   "images in Markdown are not supported; use an image block: - image: {file: images/x.jpg, caption: ...}") \
	X(md_html,           SM_WARNING, "raw HTML is not printed; write Markdown instead") \
	X(md_link_scheme,    SM_WARNING, "link to '%s' is printed as plain text: only http, https and mailto links are allowed") \
	X(md_depth,          SM_ERROR,   "Markdown nested deeper than %d levels (lists or quotes); flatten it") \
	X(md_paragraph_long, SM_ERROR,   "a paragraph of more than %d bytes of text; split it into paragraphs with a blank line between them") \
	X(md_table,          SM_ERROR,   "tables in Markdown are not supported; put figures in a table block (- table: {indicators: [...]}) and other text in a list") \
	/* figures in text */ \
	X(fig_unclosed,      SM_ERROR,   "'{{' starts a figure but no '}}' ends it on this line; close it, or write \\{{ for the braces themselves") \
	X(fig_syntax,        SM_ERROR,   "figure '{{%s}}' cannot be read: %s; write {{indicator [area] [period] [word]}}, such as {{bijstand}} or {{bijstand Centrum 2023 change}}") \
	X(fig_period,        SM_ERROR,   "no data is from period %s, named in '{{%s}}'; the data runs from %d to %d, or leave the period out for the latest") \
	X(fig_not_judged,    SM_ERROR,   "'{{%s}}' asks for the status of %s, which is not judged (only the municipality, its wijken and buurten are); leave out 'status' or the area") \
	X(fig_suppressed,    SM_WARNING, "figure '{{%s}}' is hidden to protect small numbers and prints as '.'; quote another figure, or reword") \
	X(fig_missing,       SM_WARNING, "figure '{{%s}}' has no value in the data and prints as a dash; check the data, or name another period or area") \
	/* images */ \
	X(image_invalid,     SM_ERROR,   "image '%s' cannot be read: %s; save it again as PNG or JPEG") \
	X(image_format,      SM_ERROR,   "'%s' is not a PNG or JPEG image; save it as PNG or JPEG") \
	X(image_limit,       SM_ERROR,   "image '%s' is %d x %d pixels; the limit is %d pixels a side and %d megapixels, so make it smaller") \
	X(image_no_alt,      SM_WARNING, "image '%s' has no description for readers who cannot see it; add alt: saying what it shows (such as alt: \"Twee medewerkers van het wijkteam in gesprek met een bewoner\"), or a caption, or decorative: true when it shows nothing the text needs") \
	/* layouts and fonts */ \
	X(layout_outside,    SM_ERROR,   "'%s' leaves the folder of the layout (%s); keep the files a layout names inside its folder") \
	X(layout_unknown,    SM_ERROR,   "unknown layout '%s'%s; the layouts are: %s") \
	X(bad_color,         SM_ERROR,   "'%s' is not a colour; write #rrggbb (such as #00664f) or the name of a colour under 'colors'%s") \
	X(bad_size,          SM_ERROR,   "'%s' is not a size; write a number with a unit: pt, mm, cm or in (such as 9.5pt or 22mm)") \
	X(size_range,        SM_ERROR,   "'%s' is out of range for %s; %s") \
	X(bad_template,      SM_ERROR,   "unknown placeholder '{%s}'%s; the placeholders are {title} {subtitle} {municipality} {edition} {cycle} {chapter} {page}") \
	X(font_missing,      SM_ERROR,   "font file '%s' not found in the project's fonts/, the engine's fonts/ or the system's font folders; install it or put the .ttf in fonts/") \
	X(font_invalid,      SM_ERROR,   "font file '%s' cannot be used: %s; use a TrueType (.ttf) font") \
	X(font_family_unknown, SM_ERROR, "font family '%s' is not installed%s; name an installed family or a font file (.ttf) in fonts/") \
	X(font_family_style, SM_ERROR,   "font family '%s' has no %s face; name a font file (.ttf), or a family that has one") \
	X(glyph_missing,     SM_WARNING, "character '%s' (U+%04X) is not in font %s and prints as a blank box; use another character or font") \
	X(page_too_small,    SM_ERROR,   "the text area of the page is too small (%s); reduce the margins") \
	/* system */ \
	X(write_failed,      SM_ERROR,   "cannot write '%s': %s") \
	X(output_not_file,   SM_ERROR,   "'%s' is %s, not a regular file, and is not replaced; give -o the name of a PDF file") \
	X(output_is_input,   SM_ERROR,   "'%s' is a file this build reads (%s), so it is not replaced; give -o the name of the PDF to write") \
	X(output_protected,  SM_ERROR,   "'%s' is write-protected, so it is not replaced; make it writable (chmod u+w) or write the PDF elsewhere with -o") \
	X(pdf_failed,        SM_ERROR,   "PDF library error 0x%04X (detail %u) while %s") \
	X(too_many_pages,    SM_ERROR,   "the document has more than %d pages; this is the limit")

enum sm_msg {
#define SM_X(id, level, fmt) SM_MSG_##id,
	SM_MESSAGES(SM_X)
#undef SM_X
	SM_MSG_COUNT
};

/* Report a message. pos may be NULL (then the program name leads). */
void sm_diag(enum sm_msg id, const struct sm_pos *pos, ...);
void sm_vdiag(enum sm_msg id, const struct sm_pos *pos, va_list ap);

/* An error whose cause is the machine rather than the files (a file the
 * system will not let us read: permissions, a name too long, I/O); a run
 * with one exits 3. */
void sm_diag_system(enum sm_msg id, const struct sm_pos *pos, ...);

int sm_diag_errors(void);
int sm_diag_system_errors(void);
int sm_diag_warnings(void);
void sm_diag_reset(void);
/* When set, nothing is printed (fuzzing, unit tests); counts still run. */
void sm_diag_quiet(int quiet);

const char *sm_msg_name(enum sm_msg id);
enum sm_level sm_msg_level(enum sm_msg id);

/* The closest candidate to word (edit distance), or NULL if none is close. */
const char *sm_suggest(const char *word, const char *const *candidates, int n);
/* " (did you mean 'x'?)" or "" */
const char *sm_did_you_mean(const char *word, const char *const *candidates, int n);

#endif
