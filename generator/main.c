/* main.c: the command line. Options, subcommands and exit codes:
 * 0 PDF written (warnings allowed), 1 content or layout errors (no PDF),
 * 2 bad command line, 3 system error (I/O, memory, PDF library). */
#include "run.h"
#include "theme.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>


static const char usage[] =
	"usage: sociale-monitor build [DIR] [-o FILE] [--layout NAME|FILE]\n"
	"       sociale-monitor check [DIR]\n"
	"       sociale-monitor layouts [DIR]\n"
	"       sociale-monitor new DIR\n"
	"       sociale-monitor areas CBSFILE.csv [NAMES.csv]\n"
	"       sociale-monitor --help | --version\n";

static const char help[] =
	"sociale-monitor typesets the Sociale Monitor of a Dutch municipality:\n"
	"YAML chapters, Markdown text and CSV indicator data in, a designed PDF out.\n"
	"\n"
	"Commands:\n"
	"  build [DIR]     render the monitor project in DIR (default: content) to PDF\n"
	"  check [DIR]     load and validate the project; report every problem, write nothing\n"
	"  layouts [DIR]   list the layouts a project can use\n"
	"  new DIR         start a new monitor project in DIR from the starter sample\n"
	"  areas FILE [NAMES]\n"
	"                  print an area register (data/areas.csv) made from the region\n"
	"                  codes of a CBS open-data CSV file, with the names of the\n"
	"                  download's region file (WijkenEnBuurten.csv) when given\n"
	"\n"
	"Options of build:\n"
	"  -o FILE             write the PDF to FILE (default: out/<gemeente>-sociale-monitor-<editie>.pdf)\n"
	"  --layout NAME|FILE  use this layout instead of the one monitor.yaml names\n"
	"  --dump=model|layout|cells\n"
	"                      print the loaded model, the laid-out pages or the computed\n"
	"                      figures (one line per cell, for audits) instead of a PDF\n"
	"\n"
	"Exit status: 0 PDF written, 1 errors in the content or layout (no PDF written),\n"
	"2 bad command line, 3 system error.\n"
	"The file format is described in docs/FORMAT.md; layouts in layouts/README.md.\n";

/* What `new` made, in the order it made it, so that a copy that fails
 * (a full disk) can be taken back: only these, never what was there. */
static char **made;
static size_t n_made;

static void note_made(const char *path)
{
	char **m = realloc(made, (n_made + 1) * sizeof *made);
	char *copy = strdup(path);
	if (!m || !copy)
		sm_oom();
	made = m;
	made[n_made++] = copy;
}

static void remove_made(void)
{
	int err = errno;
	while (n_made) {
		char *p = made[--n_made];
		if (unlink(p))
			rmdir(p);       /* a folder (made before what it holds) */
		free(p);
	}
	free(made);
	made = NULL;
	errno = err;
}

/* Copies a folder tree (the starter sample) into a new folder. -1 with
 * errno on failure. */
static int copy_tree(const char *from, const char *to)
{
	if (mkdir(to, 0777)) {
		if (errno != EEXIST)
			return -1;
	} else {
		note_made(to);
	}
	DIR *d = opendir(from);
	if (!d)
		return -1;
	struct dirent *e;
	int rc = 0;
	while (!rc && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char src[4096], dst[4096];
		if ((size_t)snprintf(src, sizeof src, "%s/%s", from, e->d_name) >= sizeof src ||
		    (size_t)snprintf(dst, sizeof dst, "%s/%s", to, e->d_name) >= sizeof dst) {
			errno = ENAMETOOLONG;
			rc = -1;
			break;
		}
		struct stat st;
		if (lstat(src, &st))
			rc = -1;
		else if (S_ISDIR(st.st_mode))
			rc = copy_tree(src, dst);
		else if (S_ISREG(st.st_mode)) {
			int in = open(src, O_RDONLY | O_CLOEXEC);
			int out = in < 0 ? -1 : open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
			if (out >= 0)
				note_made(dst);
			char buf[65536];
			ssize_t n = 0;
			if (in < 0 || out < 0)
				rc = -1;
			while (!rc && (n = read(in, buf, sizeof buf)) > 0)
				if (sm_write_all(out, buf, (size_t)n))
					rc = -1;
			if (!rc && n < 0)
				rc = -1;
			int err = errno;
			if (in >= 0)
				close(in);
			if (out >= 0 && close(out) && !rc) {
				err = errno;
				rc = -1;
			}
			errno = err;
		}
	}
	int err = errno;
	closedir(d);
	errno = err;
	return rc;
}

static int cmd_new(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		int empty = 1;
		while ((e = readdir(d)))
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				empty = 0;
		closedir(d);
		if (!empty) {
			fprintf(stderr, "sociale-monitor: error: '%s' already exists and is not empty; give the name of a new folder\n", dir);
			return 2;
		}
	}
	char starter[4200];
	snprintf(starter, sizeof starter, "%s/samples/starter", sm_engine_dir());
	struct stat st;
	if (stat(starter, &st) || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "sociale-monitor: error: the starter sample is not installed (looked in %s)\n", starter);
		return 3;
	}
	errno = 0;
	if (copy_tree(starter, dir)) {
		/* Nothing half made stays behind, so that the same command can
		 * run again once the cause is gone. */
		remove_made();
		fprintf(stderr, "sociale-monitor: error: cannot write '%s': %s\n", dir, strerror(errno));
		return 3;
	}
	for (size_t i = 0; i < n_made; i++)
		free(made[i]);
	free(made);
	printf("%s: a new monitor from the starter sample. Build it with: sociale-monitor build %s\n", dir, dir);
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = NULL, *dir = NULL, *out = NULL, *layout = NULL, *dump = NULL, *extra = NULL;
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			fputs("\n", stdout);
			fputs(help, stdout);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("sociale-monitor %s\n", SM_VERSION);
			return 0;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--layout")) {
			if (i + 1 >= argc || !argv[i + 1][0]) {
				fprintf(stderr, "sociale-monitor: error: %s needs a value\n%s", a, usage);
				return 2;
			}
			if (!strcmp(a, "-o"))
				out = argv[++i];
			else
				layout = argv[++i];
		} else if (!strncmp(a, "--layout=", 9)) {
			layout = a + 9;
		} else if (!strncmp(a, "--dump=", 7)) {
			dump = a + 7;
			if (strcmp(dump, "model") && strcmp(dump, "layout") && strcmp(dump, "cells")) {
				fprintf(stderr, "sociale-monitor: error: --dump takes model, layout or cells\n");
				return 2;
			}
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "sociale-monitor: error: unknown option '%s'\n%s", a, usage);
			return 2;
		} else if (!cmd) {
			cmd = a;
		} else if (!dir) {
			dir = a;
		} else if (!extra && !strcmp(cmd, "areas")) {
			extra = a;
		} else {
			fprintf(stderr, "sociale-monitor: error: unexpected argument '%s'\n%s", a, usage);
			return 2;
		}
	}
	if (!cmd) {
		fputs(usage, stderr);
		return 2;
	}
	static const char *const cmds[] = { "build", "check", "layouts", "new", "areas" };
	if (strcmp(cmd, "build") && strcmp(cmd, "check") && strcmp(cmd, "layouts") && strcmp(cmd, "new") &&
	    strcmp(cmd, "areas")) {
		fprintf(stderr, "sociale-monitor: error: unknown command '%s'%s\n%s", cmd, sm_did_you_mean(cmd, cmds, 5),
			usage);
		return 2;
	}
	if (out) {
		/* Checked before anything is created: a name that can only be a
		 * folder ('new.pdf/', 'x/.') would otherwise be made as one. */
		const char *slash = strrchr(out, '/'), *name = slash ? slash + 1 : out;
		if (!*name || !strcmp(name, ".") || !strcmp(name, "..")) {
			fprintf(stderr, "sociale-monitor: error: -o '%s' names a folder; give the name of a PDF file, such as out/monitor.pdf\n", out);
			return 2;
		}
	}
	if (strcmp(cmd, "build") && (out || layout || dump)) {
		fprintf(stderr, "sociale-monitor: error: -o, --layout and --dump belong to build\n%s", usage);
		return 2;
	}
	if (!strcmp(cmd, "new")) {
		if (!dir) {
			fprintf(stderr, "sociale-monitor: error: new needs the folder to create\n%s", usage);
			return 2;
		}
		return cmd_new(dir);
	}
	if (!strcmp(cmd, "areas")) {
		if (!dir) {
			fprintf(stderr, "sociale-monitor: error: areas needs the CBS file to read\n%s", usage);
			return 2;
		}
		/* As for build's folder: a file named on the command line that is
		 * not there, or not a file, is a bad command line. */
		const char *files[] = { dir, extra };
		for (int i = 0; i < 2 && files[i]; i++) {
			struct stat st;
			if (stat(files[i], &st) && (errno == ENOENT || errno == ENOTDIR)) {
				fprintf(stderr, "sociale-monitor: error: '%s' does not exist; give the CBS CSV file to read\n", files[i]);
				return 2;
			}
			if (!stat(files[i], &st) && !S_ISREG(st.st_mode)) {
				fprintf(stderr, "sociale-monitor: error: '%s' is not a regular file; give the CBS CSV file to read\n", files[i]);
				return 2;
			}
		}
		struct sm_arena arena = { 0 };
		int rc = sm_cbs_areas(&arena, dir, extra);
		sm_arena_free(&arena);
		return rc;
	}
	int default_dir = !dir;
	if (!dir)
		dir = "content";
	size_t dl = strlen(dir);
	char *d = strdup(dir);
	if (!d)
		sm_oom();
	while (dl > 1 && d[dl - 1] == '/')
		d[--dl] = 0;
	dir = d;

	int rc = 0;
	if (!strcmp(cmd, "layouts")) {
		/* Without a folder named, the shipped layouts are listed even
		 * where there is no content/. */
		const struct sm_dir *project = NULL;
		if (!default_dir || sm_dir_open(dir))
			rc = sm_project_open(dir, &project);
		if (!rc) {
			struct sm_arena arena = { 0 };
			sm_theme_list(&arena, project);
			sm_arena_free(&arena);
			if (sm_diag_system_errors())
				rc = 3;
		}
		sm_dirs_close();
	} else {
		struct sm_run_opts o = { cmd, dir, out, layout, dump };
		rc = sm_run(&o);
	}
	free(d);
	return rc;
}
