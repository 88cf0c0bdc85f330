/* SPDX-License-Identifier: MIT */
/*
 * layout_fixture.h - the fixture and hand-built content the layout tests
 * share: test_layout.c (text engine, style), test_blocks.c, test_pictures.c
 * and test_icons.c. Test code only (tests/layout_fixture.c, linked from
 * the test support archive): the short names are the ones those tests
 * always used.
 */
#ifndef PE_TEST_LAYOUT_FIXTURE_H
#define PE_TEST_LAYOUT_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fonts.h"
#include "layout.h"

#define EPS 0.01
#define N_ALL_KINDS 9

typedef struct fixture {
	pe_fonts *fonts;
	pe_layout *layout;
	pe_dlist *dl;
} fixture;

/* cmocka group setup and teardown: bundled fonts, a layout, catalogues. */
int setup(void **state);
int teardown(void **state);

/* A fresh page for each test (freed by the next call and at the end). */
pe_page *page(fixture *fx);
void page_done(fixture *fx);

/* Texts and blocks built here live until free_all() (tests are short). */
void *keep(void *p);
void free_all(void);
/* Inline markup: *strong*, _em_, [phone]. */
pe_text T(const char *m);
pe_block block_of(pe_block_kind kind, const char *const *texts, size_t n);
/* Four list items, each starting with its marker word "iNw". */
extern const char *const long_items[4];
extern const char *const para;
/* One block of every kind, with enough text to wrap. */
pe_block make_block(pe_block_kind kind);
extern const pe_block_kind all_kinds[N_ALL_KINDS];

pe_text_style body(double size);
const pe_op *find_text(const pe_page *pg, const char *s);
const pe_op *find_exact(const pe_page *pg, const char *s);
const pe_op *find_bold_prefix_sized(const pe_page *pg, const char *s, double size);
/* Fails the test when an op of pg (marks and hits aside) leaves the box. */
void assert_inside(const pe_page *pg, double x, double y, double w, double h);
/* WCAG contrast ratio of two colours. */
double contrast(pe_color a, pe_color b);

#endif
