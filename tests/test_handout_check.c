/* SPDX-License-Identifier: MIT */
/*
 * test_handout_check.c - the layout check (handout_check.c,
 * pe_handout_check in handout.h) on hand-made display lists: text in the
 * margin, text running out of its box, a picture's pill that is no box,
 * the wrong paper. Every real handout passing it: tests/test_handout.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "handout.h"
#include "template.h"

static void checker_catches_faults(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_template *tpl = pe_template_find("letter", &err);
	assert_non_null(tpl);
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, tpl->width, tpl->height);
	assert_true(pe_page_add_text(pg, 100, 100, 50, "inside", PE_FACE_REGULAR, 12, 10, 3,
	                             pe_rgb(0, 0, 0), NULL));
	assert_true(pe_handout_check(dl, tpl, &err));

	/* In the margin. */
	assert_true(pe_page_add_text(pg, 10, 100, 50, "in the margin", PE_FACE_REGULAR, 12, 10, 3,
	                             pe_rgb(0, 0, 0), NULL));
	assert_false(pe_handout_check(dl, tpl, &err));
	assert_non_null(strstr(err.msg, "page 1"));
	assert_non_null(strstr(err.msg, "in the margin"));
	assert_non_null(strstr(err.msg, "printable area"));
	pe_dlist_destroy(dl);

	/* Text running out of its box. */
	dl = pe_dlist_create();
	pg = pe_dlist_add_page(dl, tpl->width, tpl->height);
	assert_true(pe_page_add_rect(pg, 100, 100, 80, 40, pe_rgb(1, 1, 0), PE_NO_COLOR, 0, 4));
	assert_true(pe_page_add_text(pg, 110, 120, 120, "far too wide for it", PE_FACE_REGULAR, 12,
	                             10, 3, pe_rgb(0, 0, 0), NULL));
	assert_false(pe_handout_check(dl, tpl, &err));
	assert_non_null(strstr(err.msg, "overflows its box"));
	pe_dlist_destroy(dl);

	/* A picture's bar (a pill, rounded to half its height) is no box: its
	 * label may run on past its end (the IVIg strip). */
	dl = pe_dlist_create();
	pg = pe_dlist_add_page(dl, tpl->width, tpl->height);
	assert_true(pe_page_add_rect(pg, 100, 100, 80, 14, pe_rgb(1, 0.8, 0.6), PE_NO_COLOR, 0, 7));
	assert_true(pe_page_add_text(pg, 110, 111, 120, "far too wide for it", PE_FACE_BOLD, 9,
	                             8, 2, pe_rgb(0, 0, 0), NULL));
	assert_true(pe_handout_check(dl, tpl, &err));
	pe_dlist_destroy(dl);

	/* Wrong paper. */
	dl = pe_dlist_create();
	pe_dlist_add_page(dl, 595.28, 841.89);
	assert_false(pe_handout_check(dl, tpl, &err));
	assert_non_null(strstr(err.msg, "template letter"));
	pe_dlist_destroy(dl);
	pe_template_destroy(tpl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(checker_catches_faults),
	};
	return cmocka_run_group_tests_name("handout_check", tests, NULL, NULL);
}
