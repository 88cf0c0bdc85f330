/* SPDX-License-Identifier: MIT */
/*
 * test_breaks.c - the break list (breaks.c) on its own: offsets from y0,
 * strictly increasing, a fixed list that stops when full, a growing one
 * that grows and marks an allocation failure instead of losing a break
 * silently. Breaks of real blocks: tests/test_blocks.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "alloc.h"
#include "breaks.h"

static void offsets_from_y0_and_increasing(void **state)
{
	(void)state;
	double v[8];
	pe_breaks bk = { v, 0, 8, 100, false, false };
	pe_breaks_add(&bk, 130);
	pe_breaks_add(&bk, 120);   /* before the last: dropped */
	pe_breaks_add(&bk, 130);   /* the same: dropped */
	pe_breaks_add(&bk, 150.5);
	assert_int_equal(bk.n, 2);
	assert_float_equal(v[0], 30, 1e-12);
	assert_float_equal(v[1], 50.5, 1e-12);
	pe_breaks_add(NULL, 10);   /* laying out without a list */
}

static void a_fixed_list_stops_when_full(void **state)
{
	(void)state;
	double v[2];
	pe_breaks bk = { v, 0, 2, 0, false, false };
	for (int i = 1; i <= 5; i++)
		pe_breaks_add(&bk, i * 10);
	assert_int_equal(bk.n, 2);
	assert_false(bk.failed);
}

static void a_growing_list_grows_or_says_it_failed(void **state)
{
	(void)state;
	pe_breaks bk = { NULL, 0, 0, 0, true, false };
	for (int i = 1; i <= 1000; i++)
		pe_breaks_add(&bk, i);
	assert_int_equal(bk.n, 1000);
	assert_float_equal(bk.v[999], 1000, 1e-12);
	assert_false(bk.failed);
	free(bk.v);

	pe_breaks g = { NULL, 0, 0, 0, true, false };
	pe_breaks_add(&g, 1);
	pe_alloc_fail_nth(1);   /* the list's growth past its first 64 */
	for (int i = 2; i <= 100; i++)
		pe_breaks_add(&g, i);
	pe_alloc_fail_nth(0);
	assert_true(g.failed);
	assert_int_equal(g.n, 64);
	pe_breaks_add(&g, 1000);   /* once failed, it stays as it is */
	assert_int_equal(g.n, 64);
	free(g.v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(offsets_from_y0_and_increasing),
		cmocka_unit_test(a_fixed_list_stops_when_full),
		cmocka_unit_test(a_growing_list_grows_or_says_it_failed),
	};
	return cmocka_run_group_tests_name("breaks", tests, NULL, NULL);
}
