/* SPDX-License-Identifier: MIT */
/*
 * atomicfile.c - replace a file all at once, or not at all (see
 * atomicfile.h). The one copy of write-to-a-temporary-and-rename in the
 * tree; it never prints and never touches the target on failure.
 */
#define _GNU_SOURCE   /* O_TMPFILE, AT_EMPTY_PATH */
#include "atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Named temporaries: ".NAME" TEMP_TAG "PID-XXXXXX". The PID tells a later
 * run whether the file's owner is still writing it. */
#define TEMP_TAG ".pe-"

struct pe_atomic {
	char *path;    /* the target */
	char *dir;     /* its directory */
	char *base;    /* its file name */
	char *tmp;     /* the temporary's name; NULL while it has none */
	int fd;
	int error;     /* first errno of a write, 0 = none */
};

static bool fail_errno(pe_error *err, const char *path, int e)
{
	pe_error_set(err, path, 0, "cannot write: %s", strerror(e));
	return false;
}

/* Only a regular file, or nothing, may be replaced: rename() would as
 * happily swap a device node, a pipe or a symlink to one for our file. */
static bool replaceable(const char *path, pe_error *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return errno == ENOENT ? true : fail_errno(err, path, errno);
	if (S_ISREG(sb.st_mode))
		return true;
	const char *what = S_ISDIR(sb.st_mode) ? "a folder" :
	                   S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ? "a device" :
	                   S_ISFIFO(sb.st_mode) ? "a pipe" : S_ISSOCK(sb.st_mode) ? "a socket" :
	                   "not a regular file";
	pe_error_set(err, path, 0, "cannot write: it is %s, and only a regular file is replaced",
	             what);
	return false;
}

/* The PID in one of our temporaries' names ".NAME.pe-PID-XXXXXX", or 0
 * when the name is not of that pattern. */
static long temp_pid(const char *name)
{
	if (name[0] != '.')
		return 0;
	const char *tag = NULL;
	for (const char *p = strstr(name, TEMP_TAG); p; p = strstr(p + 1, TEMP_TAG))
		tag = p;
	if (!tag || tag == name)
		return 0;
	const char *p = tag + strlen(TEMP_TAG);
	char *end;
	long pid = strtol(p, &end, 10);
	if (end == p || pid <= 0 || *end != '-' || strlen(end + 1) != 6 ||
	    strspn(end + 1, "0123456789abcdef") != 6)
		return 0;
	return pid;
}

/* Remove our temporaries in dir whose process is gone: what a run killed
 * between naming its temporary and the rename leaves (the target existed,
 * so the file needed a name of its own for a moment), or every killed run
 * on a file system without O_TMPFILE. A live run's file (or one whose PID
 * we may not signal) is left alone, as is every other file. */
static void clean_stale(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		long pid = temp_pid(e->d_name);
		if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

static char *temp_name(const pe_atomic *a)
{
	static unsigned counter;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	unsigned r = ((unsigned)ts.tv_nsec ^ (++counter * 2654435761u) ^ (unsigned)getpid() << 12) & 0xffffff;
	return g_strdup_printf("%s/.%s" TEMP_TAG "%ld-%06x", a->dir, a->base, (long)getpid(), r);
}

/* A named temporary, for file systems without O_TMPFILE. */
static int open_named(pe_atomic *a)
{
	for (int i = 0; i < 100; i++) {
		char *name = temp_name(a);
		int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0) {
			a->tmp = name;
			return fd;
		}
		g_free(name);
		if (errno != EEXIST)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

pe_atomic *pe_atomic_begin(const char *path, pe_error *err)
{
	if (!path || !*path) {
		pe_error_set(err, NULL, 0, "no output file named");
		return NULL;
	}
	if (!replaceable(path, err))
		return NULL;
	pe_atomic *a = g_new0(pe_atomic, 1);
	a->path = g_strdup(path);
	a->dir = g_path_get_dirname(path);
	a->base = g_path_get_basename(path);
	clean_stale(a->dir);
	/* Mode 0666 less the umask, as for any file the user makes: the
	 * handout is an ordinary document. */
	a->fd = open(a->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	if (a->fd < 0 && errno != ENOENT && errno != EACCES && errno != EROFS && errno != ENOSPC)
		a->fd = open_named(a);   /* EOPNOTSUPP, EISDIR (old kernel), EINVAL */
	if (a->fd < 0) {
		fail_errno(err, path, errno);
		pe_atomic_abort(a);
		return NULL;
	}
	return a;
}

bool pe_atomic_write(pe_atomic *a, const void *data, size_t n)
{
	const char *p = data;
	while (!a->error && n > 0) {
		ssize_t w = write(a->fd, p, n);
		if (w < 0) {
			if (errno != EINTR)
				a->error = errno;
			continue;
		}
		if (w == 0) {
			a->error = ENOSPC;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
	return !a->error;
}

/* Give the unnamed (O_TMPFILE) file the name `name`; fails with EEXIST
 * when that exists. */
static int link_as(const pe_atomic *a, const char *name)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", a->fd);
	int rc = linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW);
	if (rc != 0 && errno == ENOENT)   /* no /proc: needs CAP_DAC_READ_SEARCH */
		rc = linkat(a->fd, "", AT_FDCWD, name, AT_EMPTY_PATH);
	return rc;
}

/* Name an O_TMPFILE file with a temporary name beside the target, for
 * rename() to replace the target with in one step (linkat() refuses an
 * existing target). */
static bool link_temp(pe_atomic *a)
{
	for (int i = 0; i < 100; i++) {
		char *name = temp_name(a);
		if (link_as(a, name) == 0) {
			a->tmp = name;
			return true;
		}
		int e = errno;
		g_free(name);
		if (e != EEXIST) {
			errno = e;
			return false;
		}
	}
	errno = EEXIST;
	return false;
}

bool pe_atomic_commit(pe_atomic *a, pe_error *err)
{
	if (!a)
		return false;
	bool ok = false;
	if (a->error) {
		fail_errno(err, a->path, a->error);
		goto out;
	}
	/* The data on disk before the name: after a crash the target is the
	 * old file or the whole new one, never an empty or short one. */
	if (fsync(a->fd) != 0) {
		fail_errno(err, a->path, errno);
		goto out;
	}
	if (!a->tmp) {
		/* A new path: the file gets its name directly, and a run killed
		 * at any point leaves nothing. */
		if (access(a->path, F_OK) != 0 && errno == ENOENT && link_as(a, a->path) == 0) {
			int fd = a->fd;
			a->fd = -1;
			if (close(fd) != 0) {
				/* Named already; the data was synced, so the file is whole. */
				fail_errno(err, a->path, errno);
				unlink(a->path);
				goto out;
			}
			ok = true;
			goto out;
		}
		if (!link_temp(a)) {
			fail_errno(err, a->path, errno);
			goto out;
		}
	}
	int fd = a->fd;
	a->fd = -1;
	if (close(fd) != 0) {
		fail_errno(err, a->path, errno);
		goto out;
	}
	/* Checked again: the target may have appeared since begin. */
	if (!replaceable(a->path, err))
		goto out;
	if (rename(a->tmp, a->path) != 0) {
		fail_errno(err, a->path, errno);
		goto out;
	}
	g_free(a->tmp);
	a->tmp = NULL;   /* it is the target now: abort must not remove it */
	ok = true;
out:
	pe_atomic_abort(a);
	return ok;
}

void pe_atomic_abort(pe_atomic *a)
{
	if (!a)
		return;
	if (a->fd >= 0)
		close(a->fd);
	if (a->tmp)
		unlink(a->tmp);   /* our own temporary, never the target */
	g_free(a->tmp);
	g_free(a->path);
	g_free(a->dir);
	g_free(a->base);
	g_free(a);
}

bool pe_atomic_write_file(const char *path, const void *data, size_t n, pe_error *err)
{
	pe_atomic *a = pe_atomic_begin(path, err);
	if (!a)
		return false;
	pe_atomic_write(a, data, n);
	return pe_atomic_commit(a, err);
}
