/* project.c (fuzz): unpacks "=== path" sections into a folder. Paths with
 * ".." or a leading '/' are skipped: the fuzzer tests the engine, not the
 * file system of the machine. */
#define _GNU_SOURCE
#include "project.h"
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	return remove(p);
}

void fuzz_remove_tree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void mkparents(const char *path)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = 0;
			mkdir(buf, 0777);
			*p = '/';
		}
}

int fuzz_write_project(const char *dir, const uint8_t *data, size_t size)
{
	fuzz_remove_tree(dir);
	if (mkdir(dir, 0777))
		return -1;
	const char *s = (const char *)data, *end = s + size;
	int files = 0;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			break;
		if (nl - s > 4 && !strncmp(s, "=== ", 4)) {
			char name[256];
			size_t n = (size_t)(nl - s - 4);
			if (n >= sizeof name)
				n = sizeof name - 1;
			memcpy(name, s + 4, n);
			name[n] = 0;
			const char *body = nl + 1, *next = body;
			while (next < end) {
				const char *l = memchr(next, '\n', (size_t)(end - next));
				if (!strncmp(next, "=== ", (size_t)(end - next) < 4 ? (size_t)(end - next) : 4) && end - next >= 4)
					break;
				next = l ? l + 1 : end;
			}
			if (!strstr(name, "..") && name[0] != '/' && !memchr(name, 0, n) && n) {
				char path[4400];
				snprintf(path, sizeof path, "%s/%s", dir, name);
				mkparents(path);
				FILE *f = fopen(path, "wb");
				if (f) {
					fwrite(body, 1, (size_t)(next - body), f);
					fclose(f);
					files++;
				}
			}
			s = next;
			continue;
		}
		s = nl + 1;
	}
	return files ? 0 : -1;
}
