/* SPDX-License-Identifier: MIT */
/*
 * alloc.c - allocation with a fault-injection hook (see alloc.h).
 */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static long countdown;   /* 0: no injection; else allocations until the failing one */
static int failed;

static int inject(void)
{
	if (countdown <= 0)
		return 0;
	if (--countdown > 0)
		return 0;
	failed = 1;
	return 1;
}

void pe_alloc_fail_nth(long n)
{
	countdown = n > 0 ? n : 0;
	failed = 0;
}

int pe_alloc_failed(void)
{
	return failed;
}

void *pe_malloc(size_t n)
{
	return inject() ? NULL : malloc(n);
}

void *pe_calloc(size_t count, size_t size)
{
	return inject() ? NULL : calloc(count, size);
}

void *pe_realloc(void *p, size_t n)
{
	return inject() ? NULL : realloc(p, n);
}

bool pe_grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return true;
	size_t n = *cap ? *cap : 16;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return false;
		n *= 2;
	}
	if (elem && n > SIZE_MAX / elem)
		return false;
	void *q = pe_realloc(*p, n * elem);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

char *pe_strdup(const char *s)
{
	if (inject())
		return NULL;
	return strdup(s);
}
