/* project.c: files of a monitor project. Every path a project names is
 * relative to the project folder and may not leave it, so a project
 * received from someone else cannot pull a file from the machine into a
 * published PDF. The same holds for the files a layout names, inside the
 * layout's folder.
 *
 * A folder is opened once (O_PATH) and every file in it is opened relative
 * to that descriptor in one step that cannot resolve outside it: Linux's
 * openat2 with RESOLVE_BENEATH. Nothing is checked first and opened later,
 * so a file swapped for a symbolic link during a build cannot lead out. */
#define _GNU_SOURCE
#include "sm.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int sm_file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The end of the name that starts at p: the next '/' or the end. */
static const char *name_end(const char *p)
{
	while (*p && *p != '/')
		p++;
	return p;
}

/* ------------------------------------------------------------ folders */

/* The folders opened in this run: each once, all closed at its end. */
static struct sm_dir **dirs;
static int ndirs, dirs_cap;

static const struct sm_dir *remember(const struct sm_dir *in, const char *path, int fd)
{
	if (ndirs == dirs_cap) {
		dirs_cap = dirs_cap ? 2 * dirs_cap : 8;
		dirs = sm_xrealloc(dirs, (size_t)dirs_cap * sizeof *dirs);
	}
	struct sm_dir *d = sm_xmalloc(sizeof *d);
	size_t n = strlen(path) + 1;
	char *p = sm_xmalloc(n);
	memcpy(p, path, n);
	d->path = p;
	d->fd = fd;
	d->in = in;
	dirs[ndirs++] = d;
	return d;
}

static const struct sm_dir *known(const struct sm_dir *in, const char *path)
{
	for (int i = 0; i < ndirs; i++)
		if (dirs[i]->in == in && !strcmp(dirs[i]->path, path))
			return dirs[i];
	return NULL;
}

const struct sm_dir *sm_dir_open(const char *path)
{
	const struct sm_dir *d = known(NULL, path);
	if (d)
		return d;
	int fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	return fd < 0 ? NULL : remember(NULL, path, fd);
}

const char *sm_dir_file(struct sm_arena *a, const struct sm_dir *in, const char *rel)
{
	return strcmp(in->path, ".") ? sm_arena_printf(a, "%s/%s", in->path, rel) : sm_arena_strdup(a, rel);
}

const struct sm_dir *sm_dir_below(const struct sm_dir *in, const char *rel)
{
	struct sm_arena scratch = { 0 };
	const char *path = sm_dir_file(&scratch, in, rel);
	const struct sm_dir *d = known(in, path);
	if (!d) {
		int fd = sm_open_below(in, rel, O_PATH | O_DIRECTORY);
		d = fd < 0 ? NULL : remember(in, path, fd);
	}
	int err = errno;
	sm_arena_free(&scratch);
	errno = err;
	return d;
}

void sm_dirs_close(void)
{
	for (int i = 0; i < ndirs; i++) {
		close(dirs[i]->fd);
		free((char *)dirs[i]->path);
		free(dirs[i]);
	}
	free(dirs);
	dirs = NULL;
	ndirs = dirs_cap = 0;
}

int sm_project_open(const char *dir, const struct sm_dir **out)
{
	*out = sm_dir_open(dir);
	if (*out)
		return 0;
	if (errno == ENOENT || errno == ENOTDIR) {
		fprintf(stderr, "sociale-monitor: error: '%s' is not a folder; give the folder that holds monitor.yaml\n", dir);
		return 2;
	}
	fprintf(stderr, "sociale-monitor: error: cannot read '%s': %s\n", dir, strerror(errno));
	return 3;
}

/* -------------------------------------------------------------- opening */

/* Without openat2 (Linux before 5.6, or a sandbox that filters the call):
 * the same rules, one name at a time. Each name is opened below the folder
 * reached so far without following a link (O_NOFOLLOW); a link is read
 * from the descriptor of the link itself and its target is walked in its
 * place. An absolute target, or '..' above the start, is refused with
 * EXDEV, as openat2 does. The folders walked are a stack of descriptors,
 * so '..' returns to the folder the walk came from. */
static int open_walking(int root, const char *rel, int flags)
{
	int *stack = NULL, depth = 0, cap = 0, links = 0, fd = -1, err = 0;
	size_t n = strlen(rel);
	if (!n || n >= PATH_MAX) {
		errno = n ? ENAMETOOLONG : ENOENT;
		return -1;
	}
	char *todo = sm_xmalloc(n + 1), *p = todo;
	memcpy(todo, rel, n + 1);
	if (*p == '/')
		err = EXDEV;
	while (!err) {
		while (*p == '/')
			p++;
		int cur = depth ? stack[depth - 1] : root;
		char *e = (char *)name_end(p), *after = e;
		while (*after == '/')
			after++;
		int last = !*after, trailing_slash = *e == '/';
		size_t len = (size_t)(e - p);
		char name[NAME_MAX + 1];
		if (!len) {
			fd = openat(cur, ".", flags | O_CLOEXEC);
			err = fd < 0 ? errno : 0;
			break;
		}
		if (len > NAME_MAX) {
			err = ENAMETOOLONG;
			break;
		}
		memcpy(name, p, len);
		name[len] = 0;
		if (!strcmp(name, ".") || !strcmp(name, "..")) {
			if (name[1]) {
				if (!depth) {
					err = EXDEV;
					break;
				}
				close(stack[--depth]);
			}
			if (last) {
				cur = depth ? stack[depth - 1] : root;
				fd = openat(cur, ".", flags | O_CLOEXEC);
				err = fd < 0 ? errno : 0;
				break;
			}
			p = e;
			continue;
		}
		int f = openat(cur, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
		struct stat st;
		if (f < 0 || fstat(f, &st)) {
			err = errno;
			if (f >= 0)
				close(f);
			break;
		}
		if (S_ISLNK(st.st_mode)) {
			char target[PATH_MAX];
			ssize_t tl = ++links > 40 ? (errno = ELOOP, -1) : readlinkat(f, "", target, sizeof target);
			close(f);
			if (tl < 0 || tl == (ssize_t)sizeof target) {
				err = tl < 0 ? errno : ENAMETOOLONG;
				break;
			}
			if (!tl || target[0] == '/') {
				err = tl ? EXDEV : ENOENT;
				break;
			}
			/* The target takes the link's place in what is left to walk. */
			size_t rest = strlen(e);
			char *next = sm_xmalloc((size_t)tl + rest + 1);
			memcpy(next, target, (size_t)tl);
			memcpy(next + tl, e, rest + 1);
			free(todo);
			p = todo = next;
			continue;
		}
		if (!last) {
			if (!S_ISDIR(st.st_mode)) {
				close(f);
				err = ENOTDIR;
				break;
			}
			if (depth == cap) {
				cap = cap ? 2 * cap : 16;
				stack = sm_xrealloc(stack, (size_t)cap * sizeof *stack);
			}
			stack[depth++] = f;
			p = e;
			continue;
		}
		if (!S_ISDIR(st.st_mode) && (trailing_slash || (flags & O_DIRECTORY))) {
			close(f);
			err = ENOTDIR;
			break;
		}
		if (flags & O_PATH) {
			fd = f;
			break;
		}
		close(f);
		/* Opened again to read: if a link took the file's place meanwhile,
		 * O_NOFOLLOW refuses it, and the name is walked once more. */
		fd = openat(cur, name, flags | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 && errno == ELOOP && ++links <= 40)
			continue;
		err = fd < 0 ? errno : 0;
		break;
	}
	while (depth)
		close(stack[--depth]);
	free(stack);
	free(todo);
	if (err) {
		if (fd >= 0)
			close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

/* Test hooks: SM_TEST_NO_OPENAT2 takes the walking path as if the kernel
 * had no openat2; SM_TEST_PAUSE_BEFORE_OPEN=rel stops the process
 * (SIGSTOP) just before it opens that file to read it, so that a test can
 * swap the file for a link and let it go on (SIGCONT). */
static const char *pause_before;
static int no_openat2 = -1;

int sm_open_below(const struct sm_dir *in, const char *rel, int flags)
{
	if (!in)
		return open(rel, flags | O_CLOEXEC);
	if (no_openat2 < 0) {
		no_openat2 = getenv("SM_TEST_NO_OPENAT2") != NULL;
		pause_before = getenv("SM_TEST_PAUSE_BEFORE_OPEN");
	}
	if (pause_before && !(flags & O_PATH) && !strcmp(pause_before, rel))
		raise(SIGSTOP);
	if (!no_openat2) {
		struct open_how how = {
			.flags = (unsigned long long)(flags | O_CLOEXEC),
			.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
		};
		for (int tries = 0; tries < 8; tries++) {
			long fd = syscall(SYS_openat2, in->fd, rel, &how, sizeof how);
			if (fd >= 0)
				return (int)fd;
			/* EAGAIN: a rename raced with '..'; the kernel asks to try again. */
			if (errno != EAGAIN)
				break;
		}
		if (errno != ENOSYS && errno != EPERM)
			return -1;
		no_openat2 = 1;             /* an old kernel, or a sandbox without it */
	}
	return open_walking(in->fd, rel, flags);
}

/* ------------------------------------------------------------ messages */

/* An error in the project (exit 1), or of the machine (exit 3). */
void sm_open_failed(int err, const struct sm_pos *pos, const char *rel, const char *shown)
{
	if (err == EXDEV)
		sm_diag(SM_MSG_path_outside, pos, rel);
	else if (err == ENOENT || err == ENOTDIR)
		sm_diag(SM_MSG_file_missing, pos, rel);
	else if (err == SM_ENOTREG)
		sm_diag(SM_MSG_file_unreadable, pos, shown, "not a regular file");   /* a folder, a pipe */
	else if (err == ELOOP)
		sm_diag(SM_MSG_file_unreadable, pos, shown, strerror(err));      /* links in a loop */
	else
		sm_diag_system(SM_MSG_file_unreadable, pos, shown, strerror(err));
}

/* rel of a path shown as in->path/rel. */
static const char *below(const struct sm_dir *in, const char *path)
{
	if (!in || !strcmp(in->path, "."))
		return path;
	size_t n = strlen(in->path);
	return !strncmp(path, in->path, n) && path[n] == '/' ? path + n + 1 : NULL;
}

int sm_file_below(const struct sm_dir *in, const char *rel)
{
	if (!in) {
		errno = ENOENT;
		return -1;
	}
	int fd = sm_open_below(in, rel, O_PATH);
	struct stat st;
	if (fd < 0)
		return -1;
	int rc = fstat(fd, &st);
	int err = errno;
	close(fd);
	if (rc || !S_ISREG(st.st_mode)) {
		errno = rc ? err : SM_ENOTREG;  /* a folder or a pipe is there, not a file */
		return -1;
	}
	return 0;
}

int sm_file_stat(const struct sm_dir *in, const char *rel, struct stat *st)
{
	int fd = in ? sm_open_below(in, rel, O_PATH) : -1;
	if (fd < 0)
		return -1;
	int rc = fstat(fd, st);
	close(fd);
	return rc;
}

const char *sm_project_path(struct sm_arena *a, const struct sm_dir *in, const char *rel,
			    const struct sm_pos *pos)
{
	if (rel[0] == '/' || rel[0] == '\\' || (rel[0] && rel[1] == ':')) {
		sm_diag(SM_MSG_path_absolute, pos, rel);
		return NULL;
	}
	const char *path = in ? sm_dir_file(a, in, rel) : rel;
	if (sm_file_below(in, rel)) {
		sm_open_failed(errno, pos, rel, path);
		return NULL;
	}
	return path;
}

const char *sm_normal_path(struct sm_arena *a, const char *rel)
{
	char *out = sm_arena_alloc(a, strlen(rel) + 1);
	size_t o = 0;
	int names = 0;          /* names in out that a '..' takes back */
	for (const char *p = rel; *p;) {
		const char *e = name_end(p);
		size_t len = (size_t)(e - p);
		if (len == 2 && p[0] == '.' && p[1] == '.' && names) {
			while (o && out[o - 1] != '/')
				o--;
			o -= o > 0;
			names--;
		} else if (len && !(len == 1 && p[0] == '.')) {
			if (o)
				out[o++] = '/';
			memcpy(out + o, p, len);
			o += len;
			names += !(len == 2 && p[0] == '.' && p[1] == '.');
		}
		p = *e ? e + 1 : e;
	}
	out[o] = 0;
	return out;
}

/* ------------------------------------------------------------- reading */

static const char *human_size(char *buf, size_t n, unsigned long long bytes)
{
	if (bytes >= 1u << 20)
		snprintf(buf, n, "%.1f MB", bytes / 1048576.0);
	else
		snprintf(buf, n, "%llu bytes", bytes);
	return buf;
}

/* Every file the build opened to read, by device and inode, so that the
 * PDF is never written over one of them (-o data/obs.csv, or a hard link
 * to monitor.yaml). */
static struct read_file {
	dev_t dev;
	ino_t ino;
	char *path;
} *read_files;
static size_t n_read_files;

static void remember_read(const struct stat *st, const char *path)
{
	if (sm_file_read_before(st))
		return;
	if (!(n_read_files & (n_read_files + 1))) {
		read_files = realloc(read_files, (2 * n_read_files + 1) * sizeof *read_files);
		if (!read_files)
			sm_oom();
	}
	char *copy = strdup(path);
	if (!copy)
		sm_oom();
	read_files[n_read_files++] = (struct read_file){ st->st_dev, st->st_ino, copy };
}

const char *sm_file_read_before(const struct stat *st)
{
	for (size_t i = 0; i < n_read_files; i++)
		if (read_files[i].dev == st->st_dev && read_files[i].ino == st->st_ino)
			return read_files[i].path;
	return NULL;
}

int sm_open_file(const struct sm_dir *in, const char *path, const struct sm_pos *pos)
{
	const char *rel = below(in, path);
	if (!rel) {
		sm_diag(SM_MSG_path_outside, pos, path);
		return -1;
	}
	/* O_NONBLOCK: a pipe swapped in for the file cannot make the open wait. */
	int fd = sm_open_below(in, rel, O_RDONLY | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		sm_open_failed(errno, pos, rel, path);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		sm_diag(SM_MSG_file_unreadable, pos, path, "not a regular file");
		close(fd);
		return -1;
	}
	remember_read(&st, path);
	return fd;
}

int sm_read_all(int fd, void *buf, size_t size, const char *path, const struct sm_pos *pos)
{
	size_t got = 0;
	while (got < size) {
		ssize_t r = read(fd, (char *)buf + got, size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			sm_diag_system(SM_MSG_file_unreadable, pos, path, r < 0 ? strerror(errno) : "file shrank while reading");
			return -1;
		}
		got += (size_t)r;
	}
	return 0;
}

int sm_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

char *sm_read_fd(struct sm_arena *a, int fd, const char *path, size_t *len, const struct sm_pos *pos)
{
	struct sm_pos self = { path, 0, 0 };
	if (!pos)
		pos = &self;
	struct stat st;
	if (fstat(fd, &st)) {
		sm_diag_system(SM_MSG_file_unreadable, pos, path, strerror(errno));
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
	size_t size = (size_t)st.st_size;
	char *buf = sm_arena_alloc(a, size + 4);
	int failed = sm_read_all(fd, buf, size, path, pos);
	close(fd);
	if (failed)
		return NULL;
	buf[size] = 0;
	*len = size;
	return buf;
}

char *sm_read_file(struct sm_arena *a, const struct sm_dir *in, const char *path, size_t *len,
		   const struct sm_pos *pos)
{
	struct sm_pos self = { path, 0, 0 };
	int fd = sm_open_file(in, path, pos ? pos : &self);
	return fd < 0 ? NULL : sm_read_fd(a, fd, path, len, pos);
}
