/* SPDX-License-Identifier: MIT */
/*
 * breaks.h - the list of places a block may be split across pages.
 *
 * Internal to layout: blocks.c and pictures.c record breaks here while
 * they lay a block out; pe_layout_block_breaks() hands them to the
 * paginator. Its own module so that neither of those two depends on the
 * other for it. It only stores numbers: no layout, no paint.
 */
#ifndef PE_BREAKS_H
#define PE_BREAKS_H

#include <stdbool.h>
#include <stddef.h>

/* Where a block may be split across pages, collected while it is laid
 * out (NULL when only laying out): offsets from y0, increasing. */
typedef struct pe_breaks {
	double *v;
	size_t n, max;
	double y0;
	bool grow;       /* v is malloc'd and grows past max (pe_layout_block_breaks_all) */
	bool failed;     /* could not grow: out of memory */
} pe_breaks;

/* Record a break at page y (ignored when bk is NULL, when full and not
 * growing, or when not after the last). */
void pe_breaks_add(pe_breaks *bk, double y);

#endif
