/* Fuzz input that is a whole project: files separated by lines
 * "=== relative/path". Written into a fresh folder for each run. */
#ifndef SM_FUZZ_PROJECT_H
#define SM_FUZZ_PROJECT_H
#include <stddef.h>
#include <stdint.h>

/* Writes the files under dir (created empty); 0 on success. */
int fuzz_write_project(const char *dir, const uint8_t *data, size_t size);
void fuzz_remove_tree(const char *dir);

#endif
