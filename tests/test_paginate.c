/* SPDX-License-Identifier: MIT */
/*
 * test_paginate.c - the paginator (paginate.c) on its own: columns made
 * of plain rectangles, no fonts, no topics. A unit goes whole where it
 * fits, else to a fresh page or cut at its last break that fits; a block
 * taller than a page with no break is cut between its ops; a background
 * band is cut with the page and its carried-over part drawn first; every
 * page carries its tag; a picture that does not fit floats to the top of
 * the next page while what follows it fills this one, and so does a box
 * (a phone card) whole; a shaved page ends higher. Through whole
 * handouts: tests/test_handout.c and tests/test_pagination.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "paginate.h"

#define PAGE_W 300.0
#define PAGE_H 600.0
#define TOP 20.0
#define BOTTOM 240.0   /* a body of 220 pt */

static const pe_color ink = { 0, 0, 0, 1 };

static pe_pager pager(pe_error *err)
{
	pe_pager p = { .dl = pe_dlist_create(), .err = err, .page_width = PAGE_W,
	               .page_height = PAGE_H, .body_top = TOP, .body_bottom = BOTTOM };
	assert_non_null(p.dl);
	assert_true(pe_pager_new_page(&p));
	return p;
}

static void pager_done(pe_pager *p)
{
	pe_dlist_destroy(p->dl);
	pe_pager_finish(p);
}

/* n boxes of height each, stacked from y = 0 (rounded corners: never cut
 * by the page), with a break after every k-th box (k = 0: none). */
static void boxes(pe_column *c, size_t n, double each, size_t k)
{
	pe_page *pg = pe_column_init(c, PAGE_W, PAGE_H);
	assert_non_null(pg);
	for (size_t i = 0; i < n; i++)
		assert_true(pe_page_add_rect(pg, 10, (double)i * each, 100, each, ink, PE_NO_COLOR, 0, 2));
	c->h = (double)n * each;
	if (k) {
		c->breaks = calloc(n, sizeof *c->breaks);
		assert_non_null(c->breaks);
		for (size_t i = k; i < n; i += k)
			c->breaks[c->n_breaks++] = (double)i * each;
	}
}

/* Every op of every page inside the body; returns how many there are. */
static size_t ops_inside_body(const pe_dlist *dl)
{
	size_t n = 0;
	for (size_t p = 0; p < dl->n_pages; p++)
		for (size_t i = 0; i < dl->pages[p].n_ops; i++, n++) {
			const pe_op *op = &dl->pages[p].ops[i];
			if (op->y < TOP - 1e-9 || op->y + op->h > BOTTOM + 1e-9)
				fail_msg("page %zu op %zu: y %.2f-%.2f outside the body", p + 1, i, op->y,
				         op->y + op->h);
		}
	return n;
}

static void unit_that_fits_goes_whole(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column c;
	boxes(&c, 2, 40, 1);
	assert_true(pe_pager_place(&p, &c, 1, 5));
	assert_int_equal(p.dl->n_pages, 1);
	assert_int_equal(p.dl->pages[0].n_ops, 2);
	assert_float_equal(p.dl->pages[0].ops[0].y, TOP, 1e-9);
	assert_float_equal(p.y, TOP + 80 + 5, 1e-9);
	assert_false(p.fresh);
	pe_column_finish(&c);
	pager_done(&p);
}

/* 10 boxes of 50 with a break after each: 4 on a page of 220. */
static void cut_at_the_last_break_that_fits(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column c;
	boxes(&c, 10, 50, 1);
	assert_true(pe_pager_place(&p, &c, 1, 0));
	assert_int_equal(p.dl->n_pages, 3);
	assert_int_equal(p.dl->pages[0].n_ops, 4);
	assert_int_equal(p.dl->pages[1].n_ops, 4);
	assert_int_equal(p.dl->pages[2].n_ops, 2);
	assert_int_equal(ops_inside_body(p.dl), 10);
	assert_float_equal(p.dl->pages[1].ops[0].y, TOP, 1e-9);
	pe_column_finish(&c);
	pager_done(&p);
}

/* A unit with no break that fits a fresh page is never cut: it goes to
 * the next page whole. */
static void unbroken_unit_goes_to_a_fresh_page(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column a, b;
	boxes(&a, 1, 150, 0);
	boxes(&b, 3, 50, 0);
	assert_true(pe_pager_place(&p, &a, 1, 0));
	assert_false(pe_pager_start_fits(&p, &b, 1, BOTTOM - p.y));
	assert_true(pe_pager_place(&p, &b, 1, 0));
	assert_int_equal(p.dl->n_pages, 2);
	assert_int_equal(p.dl->pages[0].n_ops, 1);
	assert_int_equal(p.dl->pages[1].n_ops, 3);
	assert_float_equal(p.dl->pages[1].ops[0].y, TOP, 1e-9);
	pe_column_finish(&a);
	pe_column_finish(&b);
	pager_done(&p);
}

/* Taller than a page and no break at all: cut between its ops, none cut
 * in half, none lost. */
static void tall_unbreakable_block_cut_between_ops(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column c;
	boxes(&c, 10, 50, 0);
	assert_true(pe_pager_start_fits(&p, &c, 1, BOTTOM - p.y));
	assert_true(pe_pager_place(&p, &c, 1, 0));
	assert_int_equal(p.dl->n_pages, 3);
	assert_int_equal(ops_inside_body(p.dl), 10);
	for (size_t pg = 0; pg < p.dl->n_pages; pg++)
		for (size_t i = 0; i < p.dl->pages[pg].n_ops; i++)
			assert_float_equal(p.dl->pages[pg].ops[i].h, 50, 1e-9);
	pe_column_finish(&c);
	pager_done(&p);
}

/* A plain band under the boxes (a background or a connector) is cut with
 * the page: each page gets its part, drawn before that page's boxes. */
static void band_cut_with_the_page_and_drawn_first(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column c;
	pe_page *pg = pe_column_init(&c, PAGE_W, PAGE_H);
	assert_non_null(pg);
	assert_true(pe_page_add_rect(pg, 0, 0, 8, 400, ink, PE_NO_COLOR, 0, 0));
	for (int i = 0; i < 8; i++)
		assert_true(pe_page_add_rect(pg, 10, i * 50, 100, 50, ink, PE_NO_COLOR, 0, 2));
	c.h = 400;
	static double br[] = { 200 };
	c.breaks = malloc(sizeof br);
	assert_non_null(c.breaks);
	c.breaks[0] = br[0];
	c.n_breaks = 1;
	assert_true(pe_pager_place(&p, &c, 1, 0));
	assert_int_equal(p.dl->n_pages, 2);
	for (size_t k = 0; k < 2; k++) {
		const pe_page *out = &p.dl->pages[k];
		assert_int_equal(out->n_ops, 5);
		assert_float_equal(out->ops[0].w, 8, 1e-9);   /* the band, first */
		assert_float_equal(out->ops[0].y, TOP, 1e-9);
		assert_float_equal(out->ops[0].h, 200, 1e-9);
	}
	ops_inside_body(p.dl);
	pe_column_finish(&c);
	pager_done(&p);
}

/* A long column (its op index in use) loses nothing and keeps order. */
static void long_column_keeps_every_op_in_order(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column c;
	boxes(&c, 500, 10, 1);
	assert_true(pe_pager_place(&p, &c, 1, 0));
	assert_int_equal(ops_inside_body(p.dl), 500);
	assert_int_equal(p.dl->n_pages, 23);   /* 22 boxes on a page of 220 */
	for (size_t pg = 0; pg < p.dl->n_pages; pg++)
		for (size_t i = 1; i < p.dl->pages[pg].n_ops; i++)
			assert_float_equal(p.dl->pages[pg].ops[i].y, p.dl->pages[pg].ops[i - 1].y + 10,
			                   1e-9);
	pe_column_finish(&c);
	pager_done(&p);
}

/* Two columns side by side are cut at their own breaks on the same page. */
static void side_by_side_columns_turn_the_page_together(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column c[2];
	boxes(&c[0], 6, 50, 1);
	boxes(&c[1], 3, 100, 1);
	assert_true(pe_pager_place(&p, c, 2, 0));
	assert_int_equal(p.dl->n_pages, 2);
	assert_int_equal(ops_inside_body(p.dl), 9);
	assert_int_equal(p.dl->pages[0].n_ops, 4 + 2);
	pe_columns_finish(c, 2);
	pager_done(&p);
}

/* Each page carries the tag in force when it was made. */
static void pages_carry_their_tag(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	p.page_tag[0] = 7;
	p.tag = 3;
	pe_column c;
	boxes(&c, 10, 50, 1);
	assert_true(pe_pager_place(&p, &c, 1, 0));
	p.tag = 4;
	assert_true(pe_pager_new_page(&p));
	assert_int_equal(p.dl->n_pages, 4);
	assert_int_equal(p.page_tag[0], 7);
	assert_int_equal(p.page_tag[1], 3);
	assert_int_equal(p.page_tag[2], 3);
	assert_int_equal(p.page_tag[3], 4);
	assert_true(p.fresh);
	assert_float_equal(p.y, TOP, 1e-9);
	pe_column_finish(&c);
	pager_done(&p);
}

/* A column that opens with a picture of 100 pt (one op, never cut) and
 * goes on with 4 boxes of 30, a break before each. */
static void picture_then_boxes(pe_column *c)
{
	pe_page *pg = pe_column_init(c, PAGE_W, PAGE_H);
	assert_non_null(pg);
	assert_true(pe_page_add_rect(pg, 10, 0, 200, 100, ink, PE_NO_COLOR, 0, 2));
	c->breaks = calloc(4, sizeof *c->breaks);
	assert_non_null(c->breaks);
	for (size_t i = 0; i < 4; i++) {
		assert_true(pe_page_add_rect(pg, 10, 100 + 30.0 * (double)i, 100, 30, ink, PE_NO_COLOR, 0, 2));
		c->breaks[c->n_breaks++] = 100 + 30.0 * (double)i;
	}
	c->h = 220;
	c->figure = 100;
}

static void picture_floats_to_the_next_page(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column filler, c;
	boxes(&filler, 1, 140, 0);   /* the page 64% full: 75 pt left */
	assert_true(pe_pager_place(&p, &filler, 1, 5));
	picture_then_boxes(&c);
	double avail = BOTTOM - p.y;
	assert_false(pe_pager_start_fits(&p, &c, 1, avail));
	bool floated = false;
	assert_true(pe_pager_float(&p, &c, 1, avail, 0, &floated));
	assert_true(floated);
	assert_true(fabs(c.h - 120) < 1e-9);
	assert_true(pe_pager_place(&p, &c, 1, 5));
	assert_true(pe_pager_flush_float(&p));   /* (placed already) */
	assert_int_equal(p.dl->n_pages, 2);
	/* page 1: the filler and the first 2 boxes; page 2: the picture on
	 * top, then the other 2 boxes */
	const pe_page *p1 = &p.dl->pages[0], *p2 = &p.dl->pages[1];
	assert_int_equal(p1->n_ops, 3);
	assert_true(fabs(p1->ops[2].y - (TOP + 145 + 30)) < 1e-9);
	assert_int_equal(p2->n_ops, 3);
	assert_true(fabs(p2->ops[0].y - TOP) < 1e-9 && fabs(p2->ops[0].h - 100) < 1e-9);
	assert_true(fabs(p2->ops[1].y - (TOP + 100)) < 1e-9);
	assert_true(fabs(p2->ops[2].y - (TOP + 130)) < 1e-9);
	assert_int_equal(ops_inside_body(p.dl), 6);
	pe_column_finish(&filler);
	pe_column_finish(&c);
	pager_done(&p);

	/* A page 75% full already keeps its room: the picture stays first. */
	p = pager(&err);
	boxes(&filler, 1, 170, 0);
	assert_true(pe_pager_place(&p, &filler, 1, 5));
	picture_then_boxes(&c);
	assert_true(pe_pager_float(&p, &c, 1, BOTTOM - p.y, 0, &floated));
	assert_false(floated);
	assert_true(fabs(c.h - 220) < 1e-9);
	pe_column_finish(&filler);
	pe_column_finish(&c);
	pager_done(&p);
}

/* A box (a phone card) that does not fit a page under 75% full waits
 * whole for the top of the next page, a section's space under it there,
 * and what follows fills this page; on a page 75% full it stays in line
 * (it turns the page itself). */
static void box_waits_for_the_next_page(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column filler, card, after;
	boxes(&filler, 1, 140, 0);   /* the page 64% full: 75 pt left */
	assert_true(pe_pager_place(&p, &filler, 1, 5));
	boxes(&card, 1, 120, 0);
	card.box = true;
	assert_true(pe_pager_box_waits(&p, &card, 1, BOTTOM - p.y));
	assert_true(pe_pager_float_box(&p, &card, 1, 12));
	assert_true(card.h == 0 && card.d && card.d->pages[0].n_ops == 0);
	boxes(&after, 1, 60, 0);     /* the next section fits under the filler */
	assert_true(pe_pager_place(&p, &after, 1, 5));
	assert_int_equal(p.dl->n_pages, 1);
	assert_true(pe_pager_drawn_fill(&p, 0) >= PE_PAGINATE_MIN_FILL);
	pe_column_finish(&after);
	boxes(&after, 1, 60, 0);     /* this one turns the page: the card heads it */
	assert_true(pe_pager_place(&p, &after, 1, 5));
	assert_int_equal(p.dl->n_pages, 2);
	const pe_page *p2 = &p.dl->pages[1];
	assert_int_equal(p2->n_ops, 2);
	assert_true(fabs(p2->ops[0].y - TOP) < 1e-9 && fabs(p2->ops[0].h - 120) < 1e-9);
	assert_true(fabs(p2->ops[1].y - (TOP + 120 + 12)) < 1e-9);
	assert_true(pe_pager_flush_float(&p));   /* (placed already) */
	assert_int_equal(ops_inside_body(p.dl), 4);
	pe_column_finish(&filler);
	pe_column_finish(&card);
	pe_column_finish(&after);
	pager_done(&p);

	/* not a box, or a page 75% full: it does not wait */
	p = pager(&err);
	boxes(&filler, 1, 140, 0);
	assert_true(pe_pager_place(&p, &filler, 1, 5));
	boxes(&card, 1, 120, 0);
	assert_false(pe_pager_box_waits(&p, &card, 1, BOTTOM - p.y));
	card.box = true;
	pe_column_finish(&filler);
	boxes(&filler, 1, 30, 0);
	assert_true(pe_pager_place(&p, &filler, 1, 5));   /* 175 of 220: 80% */
	assert_false(pe_pager_box_waits(&p, &card, 1, BOTTOM - p.y));
	assert_true(fabs(card.h - 120) < 1e-9);
	pe_column_finish(&filler);
	pe_column_finish(&card);
	pager_done(&p);
}

/* A shaved page ends that much higher: what would have ended it goes on
 * to the next page, cut at its last break above the new end; the pages
 * after it keep the whole body. Drawn fill counts what is drawn. */
static void shaved_page_ends_higher(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	const double shave[] = { 50, 0 };
	pe_pager p = { .dl = pe_dlist_create(), .err = &err, .page_width = PAGE_W,
	               .page_height = PAGE_H, .body_top = TOP, .body_bottom = BOTTOM,
	               .shave = shave, .n_shave = 2 };
	assert_non_null(p.dl);
	assert_true(pe_pager_new_page(&p));
	assert_true(fabs(p.limit - (BOTTOM - 50)) < 1e-9);
	pe_column c;
	boxes(&c, 12, 30, 1);   /* 360 pt, a break after every box */
	assert_true(pe_pager_place(&p, &c, 1, 0));
	assert_int_equal(p.dl->n_pages, 2);
	/* 170 pt of room: 5 boxes (150), not the 7 of a whole body */
	assert_int_equal(p.dl->pages[0].n_ops, 5);
	assert_true(fabs(pe_pager_drawn_fill(&p, 0) - 150.0 / 220) < 1e-9);
	assert_true(fabs(p.limit - BOTTOM) < 1e-9);
	assert_int_equal(p.dl->pages[1].n_ops, 7);
	assert_true(fabs(pe_pager_drawn_fill(&p, 1) - 210.0 / 220) < 1e-9);
	pe_column_finish(&c);
	pager_done(&p);
}

/* The spaces between units shrink together, each by half at most, and
 * what is under each moves up with it: 3 boxes of 50 with 20 between
 * (slack 20); a squeeze of 10 moves the second box up 5, the third 10. */
static void spaces_shrink_by_half_at_most(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_pager p = pager(&err);
	pe_column c[3];
	for (size_t i = 0; i < 3; i++) {
		boxes(&c[i], 1, 50, 0);
		assert_true(pe_pager_place(&p, &c[i], 1, 20));
	}
	/* the space after the last box counts too: 3 spaces of 20 */
	assert_true(fabs(pe_pager_slack(&p) - 30) < 1e-9);
	double y = p.y, low = p.low;
	pe_pager_squeeze(&p, 15);
	const pe_page *pg = &p.dl->pages[0];
	assert_true(fabs(pg->ops[0].y - TOP) < 1e-9);
	assert_true(fabs(pg->ops[1].y - (TOP + 70 - 5)) < 1e-9);
	assert_true(fabs(pg->ops[2].y - (TOP + 140 - 10)) < 1e-9);
	assert_true(fabs(p.low - (low - 10)) < 1e-9);
	assert_true(fabs(p.y - (y - 15)) < 1e-9);
	assert_true(fabs(pe_pager_slack(&p) - 15) < 1e-9);
	/* never past half: asking for more gives what is left */
	pe_pager_squeeze(&p, 100);
	assert_true(fabs(pe_pager_slack(&p)) < 1e-9);
	assert_true(fabs(pg->ops[2].y - (TOP + 140 - 20)) < 1e-9);
	assert_true(fabs(p.y - (y - 30)) < 1e-9);
	/* a new page starts with none */
	assert_true(pe_pager_new_page(&p));
	assert_true(pe_pager_slack(&p) == 0);
	for (size_t i = 0; i < 3; i++)
		pe_column_finish(&c[i]);
	pager_done(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unit_that_fits_goes_whole),
		cmocka_unit_test(cut_at_the_last_break_that_fits),
		cmocka_unit_test(unbroken_unit_goes_to_a_fresh_page),
		cmocka_unit_test(tall_unbreakable_block_cut_between_ops),
		cmocka_unit_test(band_cut_with_the_page_and_drawn_first),
		cmocka_unit_test(long_column_keeps_every_op_in_order),
		cmocka_unit_test(side_by_side_columns_turn_the_page_together),
		cmocka_unit_test(pages_carry_their_tag),
		cmocka_unit_test(picture_floats_to_the_next_page),
		cmocka_unit_test(box_waits_for_the_next_page),
		cmocka_unit_test(shaved_page_ends_higher),
		cmocka_unit_test(spaces_shrink_by_half_at_most),
	};
	return cmocka_run_group_tests_name("paginate", tests, NULL, NULL);
}
