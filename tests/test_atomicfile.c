/* SPDX-License-Identifier: MIT */
/*
 * test_atomicfile.c - a file is replaced whole or not at all: a failed
 * write (full disk, file size limit) or a killed process leaves the old
 * file as it was and no temporary behind; only regular files are replaced;
 * a run removes only its own temporaries and the stale ones of dead runs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomicfile.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/test_atomicfile.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static gint by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of dir (other than . and ..), as one sorted, space-separated
 * string, so a left-over temporary shows in the failure message. */
static char *listing(void)
{
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			g_ptr_array_add(names, g_strdup(e->d_name));
	closedir(d);
	g_ptr_array_sort(names, by_name);
	g_ptr_array_add(names, NULL);
	char *s = g_strjoinv(" ", (char **)names->pdata);
	g_ptr_array_free(names, TRUE);
	return s;
}

static void expect_listing(const char *want)
{
	char *got = listing();
	if (strcmp(got, want) != 0)
		fail_msg("directory holds \"%s\", wanted \"%s\"", got, want);
	g_free(got);
}

static void expect_contents(const char *path, const char *want)
{
	gchar *got = NULL;
	assert_true(g_file_get_contents(path, &got, NULL, NULL));
	assert_string_equal(got, want);
	g_free(got);
}

static char *in_dir(const char *name)
{
	return g_strdup_printf("%s/%s", dir, name);
}

static void writes_and_replaces(void **state)
{
	(void)state;
	char *out = in_dir("out.pdf");
	pe_error err = { { 0 } };
	assert_true(pe_atomic_write_file(out, "first", 5, &err));
	expect_contents(out, "first");
	struct stat sb;
	mode_t mask = umask(0);
	umask(mask);
	assert_int_equal(stat(out, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0666 & ~mask);   /* an ordinary document */
	pe_atomic *a = pe_atomic_begin(out, &err);
	assert_non_null(a);
	assert_true(pe_atomic_write(a, "sec", 3));
	assert_true(pe_atomic_write(a, "ond", 3));
	expect_contents(out, "first");   /* nothing shows before the commit */
	assert_true(pe_atomic_commit(a, &err));
	expect_contents(out, "second");
	expect_listing("out.pdf");
	unlink(out);
	g_free(out);
}

static void abort_keeps_the_old_file(void **state)
{
	(void)state;
	char *out = in_dir("out.pdf");
	pe_error err = { { 0 } };
	assert_true(pe_atomic_write_file(out, "old", 3, &err));
	pe_atomic *a = pe_atomic_begin(out, &err);
	assert_non_null(a);
	assert_true(pe_atomic_write(a, "half of a new", 13));
	pe_atomic_abort(a);
	pe_atomic_abort(NULL);
	expect_contents(out, "old");
	expect_listing("out.pdf");
	unlink(out);
	g_free(out);
}

/* A full disk shows up at a write, at fsync or at close; libharu ignored
 * the last two (exit 0, a truncated PDF). RLIMIT_FSIZE makes write() fail
 * with EFBIG with no root and no small file system. */
static void write_error_keeps_the_old_file(void **state)
{
	(void)state;
	char *out = in_dir("out.pdf");
	pe_error err = { { 0 } };
	assert_true(pe_atomic_write_file(out, "old", 3, &err));
	struct rlimit old_lim, lim;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old_lim), 0);
	lim = old_lim;
	lim.rlim_cur = 4096;
	void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	static char big[20000];
	memset(big, 'x', sizeof big);
	bool ok = pe_atomic_write_file(out, big, sizeof big, &err);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old_lim), 0);
	signal(SIGXFSZ, old_handler);
	assert_false(ok);
	if (!strstr(err.msg, "out.pdf: cannot write: File too large"))
		fail_msg("%s", err.msg);
	expect_contents(out, "old");
	expect_listing("out.pdf");
	unlink(out);
	g_free(out);
}

static void only_regular_files_are_replaced(void **state)
{
	(void)state;
	char *pipe = in_dir("pipe"), *sub = in_dir("sub");
	assert_int_equal(mkfifo(pipe, 0600), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	pe_error err = { { 0 } };
	assert_false(pe_atomic_write_file(pipe, "x", 1, &err));
	assert_non_null(strstr(err.msg, "it is a pipe, and only a regular file is replaced"));
	assert_false(pe_atomic_write_file(sub, "x", 1, &err));
	assert_non_null(strstr(err.msg, "it is a folder"));
	/* As root this is "-o /dev/full": the node stays a device. */
	if (geteuid() == 0) {
		char *dev = in_dir("full");
		assert_int_equal(mknod(dev, S_IFCHR | 0600, makedev(1, 7)), 0);
		assert_false(pe_atomic_write_file(dev, "x", 1, &err));
		assert_non_null(strstr(err.msg, "it is a device"));
		struct stat sb;
		assert_int_equal(stat(dev, &sb), 0);
		assert_true(S_ISCHR(sb.st_mode));
		unlink(dev);
		g_free(dev);
	}
	expect_listing("pipe sub");
	unlink(pipe);
	rmdir(sub);
	/* A missing directory is an error naming the path. */
	char *deep = in_dir("no/such/out.pdf");
	assert_false(pe_atomic_write_file(deep, "x", 1, &err));
	assert_non_null(strstr(err.msg, "no/such/out.pdf: cannot write: No such file or directory"));
	g_free(deep);
	g_free(pipe);
	g_free(sub);
}

/* A process killed while writing leaves nothing: the temporary has no
 * name until the commit (O_TMPFILE). SIGKILL during --all left hidden
 * .X.pdf.XXXXXX files in 21 of 40 runs. */
static void killed_writer_leaves_nothing(void **state)
{
	(void)state;
	char *out = in_dir("out.pdf");
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		pe_atomic *a = pe_atomic_begin(out, NULL);
		if (a && pe_atomic_write(a, "partial", 7))
			(void)!write(fds[1], "w", 1);
		pause();   /* killed here, mid-file */
		_exit(1);
	}
	char c;
	assert_int_equal(read(fds[0], &c, 1), 1);
	kill(pid, SIGKILL);
	int st;
	waitpid(pid, &st, 0);
	close(fds[0]);
	close(fds[1]);
	expect_listing("");
	g_free(out);
}

static pid_t dead_pid(void)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	int st;
	waitpid(pid, &st, 0);
	return pid;
}

/* Named temporaries (file systems without O_TMPFILE, or a run killed
 * between naming and rename): a later run in the same folder removes
 * those of dead processes, and never one a live run is still writing. Two runs on one
 * output: the failing one's cleanup deleted the other's good output. */
static void removes_only_stale_temporaries(void **state)
{
	(void)state;
	char *out = in_dir("out.pdf");
	char *dead = g_strdup_printf("%s/.out.pdf.pe-%ld-abc123", dir, (long)dead_pid());
	char *live = g_strdup_printf("%s/.out.pdf.pe-1-abc123", dir);   /* init never dies */
	char *other = g_strdup_printf("%s/.other.pdf.pe-%ld-abc123", dir, (long)dead_pid());
	char *similar = g_strdup_printf("%s/.out.pdf.pe-notapid", dir);
	char *visible = g_strdup_printf("%s/photo.pe-%ld-abc123", dir, (long)dead_pid());
	const char *all[] = { dead, live, other, similar, visible };
	for (size_t i = 0; i < 5; i++)
		assert_true(g_file_set_contents(all[i], "tmp", 3, NULL));
	pe_error err = { { 0 } };
	assert_true(pe_atomic_write_file(out, "good", 4, &err));
	assert_int_equal(access(dead, F_OK), -1);
	assert_int_equal(access(live, F_OK), 0);
	assert_int_equal(access(other, F_OK), -1);    /* another output's, just as stale */
	assert_int_equal(access(similar, F_OK), 0);   /* not our pattern */
	assert_int_equal(access(visible, F_OK), 0);   /* not hidden: not ours */
	/* A failing run on the same output removes nothing but its own. */
	pe_atomic *a = pe_atomic_begin(out, &err);
	assert_non_null(a);
	pe_atomic_write(a, "bad", 3);
	pe_atomic_abort(a);
	expect_contents(out, "good");
	assert_int_equal(access(live, F_OK), 0);
	for (size_t i = 0; i < 5; i++)
		unlink(all[i]);
	unlink(out);
	g_free(dead);
	g_free(live);
	g_free(other);
	g_free(similar);
	g_free(visible);
	g_free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_and_replaces),
		cmocka_unit_test(abort_keeps_the_old_file),
		cmocka_unit_test(write_error_keeps_the_old_file),
		cmocka_unit_test(only_regular_files_are_replaced),
		cmocka_unit_test(killed_writer_leaves_nothing),
		cmocka_unit_test(removes_only_stale_temporaries),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
