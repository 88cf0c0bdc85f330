/* SPDX-License-Identifier: MIT */
/*
 * breaks.c - the break list of a block being laid out (see breaks.h).
 */
#include "breaks.h"

#include "alloc.h"

void pe_breaks_add(pe_breaks *bk, double y)
{
	if (!bk)
		return;
	double off = y - bk->y0;
	if (bk->n > 0 && off <= bk->v[bk->n - 1])
		return;
	if (bk->n >= bk->max) {
		if (!bk->grow || bk->failed)
			return;
		size_t cap = bk->max ? bk->max * 2 : 64;
		double *v = pe_realloc(bk->v, cap * sizeof *v);
		if (!v) {
			bk->failed = true;
			return;
		}
		bk->v = v;
		bk->max = cap;
	}
	bk->v[bk->n++] = off;
}
