/* hyphenate.h: Dutch hyphenation with the patterns of Debian's hyph_nl_NL.dic. */
#ifndef SM_HYPHENATE_H
#define SM_HYPHENATE_H
#include <stddef.h>

#define SM_HYPHEN_DICT "/usr/share/hyphen/hyph_nl_NL.dic"

/* Loads the dictionary (once). 0, or -1 when it is not installed. */
int sm_hyphen_open(void);
void sm_hyphen_close(void);
/* Where a UTF-8 word may be hyphenated: breaks[i] = 1 allows a break
 * (with a hyphen) after byte i. At least 2 letters before a break and 3
 * after; no hyphenation of words with digits, capitals after the first
 * letter (codes), '@' or '/' (addresses), or letters outside Latin-1.
 * Returns the number of breaks. */
int sm_hyphenate(const char *word, size_t len, unsigned char *breaks);

#endif
