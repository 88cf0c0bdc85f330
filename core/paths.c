/* SPDX-License-Identifier: MIT */
/* paths.c - see paths.h. */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PE_DATADIR
#define PE_DATADIR "/usr/local/share/patient-ed"
#endif

static char datadir[PATH_MAX];

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *pe_paths_datadir(void)
{
	if (datadir[0])
		return datadir;
	const char *env = getenv("PE_DATADIR");
	if (env && *env) {
		snprintf(datadir, sizeof datadir, "%s", env);
		return datadir;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			char cand[PATH_MAX];
			if ((size_t)snprintf(cand, sizeof cand, "%s/../share/patient-ed", exe) < sizeof cand &&
			    is_dir(cand) && realpath(cand, datadir))
				return datadir;
		}
	}
	snprintf(datadir, sizeof datadir, "%s", PE_DATADIR);
	return datadir;
}

char *pe_paths_data(char *buf, size_t size, const char *relative)
{
	int n = snprintf(buf, size, "%s/%s", pe_paths_datadir(), relative);
	return (n < 0 || (size_t)n >= size) ? NULL : buf;
}
