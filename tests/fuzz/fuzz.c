/* SPDX-License-Identifier: MIT */
/*
 * fuzz.c - set-up shared by the fuzz harnesses (see fuzz.h).
 */
#define _GNU_SOURCE   /* memfd_create */
#include "fuzz.h"

#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

static char dir[4096];

/* The same as tests/lsan.supp, built in so that replaying one input by
 * hand needs no LSAN_OPTIONS: Pango's thread loads fontconfig's default
 * configuration once and never frees it. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void remove_dir(void)
{
	if (dir[0])
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

void pe_fuzz_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("fuzz: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

void pe_fuzz_setup(void)
{
	if (dir[0])
		return;
	/* $PE_DATADIR, else build-fuzz/share/patient-ed next to the harness
	 * (build-fuzz/fuzz/), as the programs find theirs (paths.h). */
	char buf[4096];
	if (!pe_paths_data(buf, sizeof buf, "topic.rng") || access(buf, R_OK) != 0) {
		fprintf(stderr, "fuzz: no staged data in %s (make fuzz-build, or set PE_DATADIR)\n",
		        pe_paths_datadir());
		exit(2);
	}
	setenv("LC_ALL", "C.UTF-8", 1);
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/pe-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		pe_fuzz_fail("cannot make a directory in %s: %s", tmp ? tmp : "/tmp", strerror(errno));
	atexit(remove_dir);
	setenv("TMPDIR", dir, 1);
	setenv("XDG_RUNTIME_DIR", dir, 1);
}

void pe_fuzz_no_lp(void)
{
	/* An empty directory: lp is "not installed", so a script that reaches
	 * "Print this" takes the failure path and never reaches a printer.
	 * The sanitizers find llvm-symbolizer on PATH: keep it named. */
	char buf[4096 + 16];
	if (!getenv("ASAN_SYMBOLIZER_PATH") && access("/usr/bin/llvm-symbolizer", X_OK) == 0)
		setenv("ASAN_SYMBOLIZER_PATH", "/usr/bin/llvm-symbolizer", 1);
	snprintf(buf, sizeof buf, "%s/no-lp", dir);
	if (mkdir(buf, 0700) != 0 && errno != EEXIST)
		pe_fuzz_fail("cannot make %s: %s", buf, strerror(errno));
	setenv("PATH", buf, 1);
}

const char *pe_fuzz_dir(void)
{
	return dir;
}

int pe_fuzz_file(const uint8_t *data, size_t size, char *path, size_t path_size)
{
	int fd = memfd_create("fuzz-input", MFD_CLOEXEC);
	if (fd < 0)
		pe_fuzz_fail("memfd_create: %s", strerror(errno));
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			pe_fuzz_fail("writing the input to a memfd: %s", strerror(errno));
		done += (size_t)n;
	}
	snprintf(path, path_size, "/proc/self/fd/%d", fd);
	return fd;
}

void pe_fuzz_write(const uint8_t *data, size_t size, const char *name, char *path,
                   size_t path_size)
{
	snprintf(path, path_size, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		pe_fuzz_fail("cannot write %s: %s", path, strerror(errno));
}
