/* project.c: files of a monitor project. Every path a project names is
 * relative to the project folder and may not leave it, so a project
 * received from someone else cannot pull a file from the machine into a
 * published PDF. */
#include "sm.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int sm_file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

const char *sm_project_path(struct sm_arena *a, const char *dir, const char *rel,
			    const struct sm_pos *pos)
{
	if (rel[0] == '/' || rel[0] == '\\' || (rel[0] && rel[1] == ':')) {
		sm_diag(SM_MSG_path_absolute, pos, rel);
		return NULL;
	}
	/* Walk the components: '..' may never climb above the project. */
	int depth = 0;
	for (const char *p = rel; *p;) {
		const char *e = p;
		while (*e && *e != '/' && *e != '\\')
			e++;
		size_t n = (size_t)(e - p);
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (--depth < 0) {
				sm_diag(SM_MSG_path_outside, pos, rel);
				return NULL;
			}
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			depth++;
		}
		p = *e ? e + 1 : e;
	}
	const char *path = strcmp(dir, ".") ? sm_arena_printf(a, "%s/%s", dir, rel) : rel;
	struct stat st;
	if (stat(path, &st) || !S_ISREG(st.st_mode)) {
		sm_diag(SM_MSG_file_missing, pos, rel);
		return NULL;
	}
	if (!sm_inside(dir, path)) {
		sm_diag(SM_MSG_path_outside, pos, rel);
		return NULL;
	}
	return path;
}

int sm_inside(const char *dir, const char *path)
{
	char real_dir[PATH_MAX], real_file[PATH_MAX];
	if (!realpath(dir, real_dir) || !realpath(path, real_file))
		return 0;
	size_t dl = strlen(real_dir);
	return !strncmp(real_file, real_dir, dl) && (real_file[dl] == '/' || !strcmp(real_dir, "/"));
}

static const char *human_size(char *buf, size_t n, unsigned long long bytes)
{
	if (bytes >= 1u << 20)
		snprintf(buf, n, "%.1f MB", bytes / 1048576.0);
	else
		snprintf(buf, n, "%llu bytes", bytes);
	return buf;
}

char *sm_read_file(struct sm_arena *a, const char *path, size_t *len, const struct sm_pos *pos)
{
	struct sm_pos self = { path, 0, 0 };
	if (!pos)
		pos = &self;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sm_diag(errno == ENOENT ? SM_MSG_file_missing : SM_MSG_file_unreadable, pos, path,
			strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		sm_diag(SM_MSG_file_unreadable, pos, path, "not a regular file");
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > SM_MAX_FILE_SIZE) {
		char b1[32], b2[32];
		sm_diag(SM_MSG_file_too_large, &self, human_size(b1, sizeof b1, (unsigned long long)st.st_size),
			human_size(b2, sizeof b2, SM_MAX_FILE_SIZE));
		close(fd);
		return NULL;
	}
	size_t size = (size_t)st.st_size, got = 0;
	char *buf = sm_arena_alloc(a, size + 4);
	while (got < size) {
		ssize_t r = read(fd, buf + got, size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			sm_diag(SM_MSG_file_unreadable, pos, path, r < 0 ? strerror(errno) : "file shrank while reading");
			close(fd);
			return NULL;
		}
		got += (size_t)r;
	}
	close(fd);
	buf[size] = 0;
	*len = size;
	return buf;
}
