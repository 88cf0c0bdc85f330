/* SPDX-License-Identifier: MIT */
/*
 * test_dlist.c - the display list (core/dlist.c): storage, copies, hit
 * testing, bounds and ranged copies between pages. Leaks show up under
 * `make valgrind` / `make asan`, so every test destroys what it made and
 * several destroy the source before reading the copy.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dlist.h"

#define RED ((pe_color){ 1, 0, 0, 1 })
#define BLUE ((pe_color){ 0, 0, 1, 1 })

static void assert_near(double a, double b)
{
	if (a - b > 1e-9 || b - a > 1e-9)
		fail_msg("%.9g != %.9g", a, b);
}

static void assert_color(pe_color c, double r, double g, double b, double a)
{
	assert_near(c.r, r);
	assert_near(c.g, g);
	assert_near(c.b, b);
	assert_near(c.a, a);
}

static void test_colors(void **state)
{
	assert_color(pe_hex(0x1a2b3c), 0x1a / 255.0, 0x2b / 255.0, 0x3c / 255.0, 1);
	assert_color(pe_hex(0xffffff), 1, 1, 1, 1);
	assert_color(pe_hex(0), 0, 0, 0, 1);
	assert_color(pe_rgb(0.25, 0.5, 0.75), 0.25, 0.5, 0.75, 1);
	assert_color(PE_NO_COLOR, 0, 0, 0, 0);
}

static void test_meta_and_pages(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	assert_non_null(dl);
	assert_int_equal(dl->n_pages, 0);
	char title[] = "Care after your infusion";
	assert_true(pe_dlist_set_meta(dl, title, "Handout", "es"));
	title[0] = 'X';                    /* the list keeps its own copy */
	assert_string_equal(dl->title, "Care after your infusion");
	assert_string_equal(dl->subject, "Handout");
	assert_string_equal(dl->lang, "es");
	/* Setting again replaces (and frees) the old strings; NULL clears. */
	assert_true(pe_dlist_set_meta(dl, "Other", NULL, "en"));
	assert_string_equal(dl->title, "Other");
	assert_null(dl->subject);
	assert_string_equal(dl->lang, "en");

	/* Many pages: the array grows and keeps what it had. */
	for (int i = 0; i < 37; i++) {
		pe_page *pg = pe_dlist_add_page(dl, 612 + i, 792);
		assert_non_null(pg);
		assert_int_equal(pg->n_ops, 0);
		assert_true(pe_page_add_hit(pg, 0, 0, 10, 10, i, 0));
	}
	assert_int_equal(dl->n_pages, 37);
	for (int i = 0; i < 37; i++) {
		assert_near(dl->pages[i].width, 612 + i);
		assert_near(dl->pages[i].height, 792);
		assert_int_equal(dl->pages[i].n_ops, 1);
		assert_int_equal(dl->pages[i].ops[0].u.hit.action, i);
	}
	pe_dlist_destroy(dl);
	pe_dlist_destroy(NULL);
}

static void test_add_every_kind(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 612, 792);
	char text[] = "Call 911";
	char link[] = "tel:911";
	char png[] = "icons/phone.png";
	char uri[] = "https://example.org";
	char mark[] = "Signs";
	unsigned char gray[6] = { 0, 255, 0, 255, 0, 255 };
	pe_path_seg segs[] = {
		{ PE_PATH_MOVE, { 10, 0, 0 }, { 20, 0, 0 } },
		{ PE_PATH_LINE, { 50, 0, 0 }, { 25, 0, 0 } },
		{ PE_PATH_CURVE, { 60, 70, 40 }, { 5, 90, 30 } },
		{ PE_PATH_CLOSE, { 999, 999, 999 }, { -999, -999, -999 } },  /* no points */
	};

	assert_true(pe_page_add_text(pg, 72, 100, 55.5, text, PE_FACE_BOLD, 14, 10.5, 3.5, RED, link));
	assert_true(pe_page_add_text(pg, 72, 120, 20, "plain", PE_FACE_REGULAR, 12, 9, 3, BLUE, NULL));
	assert_true(pe_page_add_rect(pg, 10, 20, 30, 40, RED, BLUE, 2, 6));
	assert_true(pe_page_add_path(pg, segs, 4, PE_NO_COLOR, RED, 1.5, true));
	assert_true(pe_page_add_png(pg, 1, 2, 3, 4, png));
	assert_true(pe_page_add_gray(pg, 5, 6, 30, 20, gray, 3, 2));
	assert_true(pe_page_add_link(pg, 7, 8, 9, 10, uri));
	assert_true(pe_page_add_hit(pg, 11, 12, 13, 14, 42, 7));
	assert_true(pe_page_add_mark(pg, 300, mark, 1));
	/* Bad gray image: refused, page unchanged. */
	assert_false(pe_page_add_gray(pg, 0, 0, 1, 1, gray, 0, 2));
	assert_false(pe_page_add_gray(pg, 0, 0, 1, 1, gray, 2, -1));
	assert_int_equal(pg->n_ops, 9);

	/* Scribble on the caller's buffers: the ops own copies. */
	memset(text, 'x', sizeof text - 1);
	memset(link, 'x', sizeof link - 1);
	memset(png, 'x', sizeof png - 1);
	memset(uri, 'x', sizeof uri - 1);
	memset(mark, 'x', sizeof mark - 1);
	memset(gray, 7, sizeof gray);
	segs[0].x[0] = -1;

	const pe_op *op = &pg->ops[0];
	assert_int_equal(op->kind, PE_OP_TEXT);
	assert_near(op->x, 72);
	assert_near(op->y, 100);
	assert_near(op->w, 55.5);
	assert_near(op->h, 14);
	assert_string_equal(op->u.text.utf8, "Call 911");
	assert_string_equal(op->u.text.link, "tel:911");
	assert_int_equal(op->u.text.face, PE_FACE_BOLD);
	assert_near(op->u.text.size, 14);
	assert_near(op->u.text.ascent, 10.5);
	assert_near(op->u.text.descent, 3.5);
	assert_color(op->u.text.color, 1, 0, 0, 1);
	assert_null(pg->ops[1].u.text.link);

	op = &pg->ops[2];
	assert_int_equal(op->kind, PE_OP_RECT);
	assert_near(op->x, 10);
	assert_near(op->y, 20);
	assert_near(op->w, 30);
	assert_near(op->h, 40);
	assert_color(op->u.rect.fill, 1, 0, 0, 1);
	assert_color(op->u.rect.stroke, 0, 0, 1, 1);
	assert_near(op->u.rect.line_width, 2);
	assert_near(op->u.rect.radius, 6);

	op = &pg->ops[3];
	assert_int_equal(op->kind, PE_OP_PATH);
	assert_int_equal(op->u.path.n_segs, 4);
	assert_near(op->u.path.segs[0].x[0], 10);
	assert_true(op->u.path.dashed);
	/* Box of every point that is used (the CLOSE's dummies are not). */
	assert_near(op->x, 10);
	assert_near(op->y, 5);
	assert_near(op->w, 70 - 10);
	assert_near(op->h, 90 - 5);

	op = &pg->ops[4];
	assert_int_equal(op->kind, PE_OP_IMAGE);
	assert_string_equal(op->u.image.png_path, "icons/phone.png");
	assert_null(op->u.image.gray);

	op = &pg->ops[5];
	assert_int_equal(op->kind, PE_OP_IMAGE);
	assert_null(op->u.image.png_path);
	assert_int_equal(op->u.image.px_w, 3);
	assert_int_equal(op->u.image.px_h, 2);
	assert_memory_equal(op->u.image.gray, ((unsigned char[]){ 0, 255, 0, 255, 0, 255 }), 6);

	op = &pg->ops[6];
	assert_int_equal(op->kind, PE_OP_LINK);
	assert_string_equal(op->u.link.uri, "https://example.org");

	op = &pg->ops[7];
	assert_int_equal(op->kind, PE_OP_HIT);
	assert_int_equal(op->u.hit.action, 42);
	assert_int_equal(op->u.hit.arg, 7);

	op = &pg->ops[8];
	assert_int_equal(op->kind, PE_OP_MARK);
	assert_near(op->y, 300);
	assert_string_equal(op->u.mark.title, "Signs");
	assert_int_equal(op->u.mark.level, 1);

	pe_dlist_destroy(dl);
}

static void test_many_ops_grow(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 100, 100);
	char s[16];
	for (int i = 0; i < 1000; i++) {
		snprintf(s, sizeof s, "w%d", i);
		assert_true(pe_page_add_text(pg, i, i, 1, s, PE_FACE_REGULAR, 12, 9, 3, RED, s));
	}
	assert_int_equal(pg->n_ops, 1000);
	assert_true(pg->cap_ops >= 1000);
	assert_string_equal(pg->ops[0].u.text.utf8, "w0");
	assert_string_equal(pg->ops[999].u.text.link, "w999");
	pe_dlist_destroy(dl);
}

static void test_hit_test(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 1920, 1080);
	assert_null(pe_page_hit_test(pg, 5, 5));           /* empty page */
	assert_true(pe_page_add_hit(pg, 0, 0, 100, 100, 1, 0));     /* big tile */
	assert_true(pe_page_add_rect(pg, 0, 0, 500, 500, RED, PE_NO_COLOR, 0, 0));
	assert_true(pe_page_add_hit(pg, 50, 50, 20, 20, 2, 5));     /* button on it */
	assert_true(pe_page_add_link(pg, 0, 0, 500, 500, "tel:1"));  /* not a hit op */

	const pe_op *h = pe_page_hit_test(pg, 60, 60);
	assert_non_null(h);
	assert_int_equal(h->u.hit.action, 2);     /* topmost (added last) wins */
	assert_int_equal(h->u.hit.arg, 5);
	h = pe_page_hit_test(pg, 10, 10);
	assert_non_null(h);
	assert_int_equal(h->u.hit.action, 1);
	/* Edges: left/top inside, right/bottom outside. */
	assert_int_equal(pe_page_hit_test(pg, 50, 50)->u.hit.action, 2);
	assert_int_equal(pe_page_hit_test(pg, 70, 60)->u.hit.action, 1);
	assert_int_equal(pe_page_hit_test(pg, 0, 0)->u.hit.action, 1);
	assert_null(pe_page_hit_test(pg, 100, 50));
	assert_null(pe_page_hit_test(pg, 50, 100));
	assert_null(pe_page_hit_test(pg, -1, 50));
	/* Rects and links cover (200, 200) but are not touch regions. */
	assert_null(pe_page_hit_test(pg, 200, 200));
	pe_dlist_destroy(dl);
}

static void test_bounds(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 612, 792);
	pe_path_seg segs[] = {
		{ PE_PATH_MOVE, { 0 }, { 0 } },
		{ PE_PATH_LINE, { 10 }, { 20 } },
	};
	assert_true(pe_page_add_text(pg, 72, 100, 50, "Hi", PE_FACE_REGULAR, 12, 9, 3, RED, NULL));
	assert_true(pe_page_add_rect(pg, 10, 20, 30, 40, RED, PE_NO_COLOR, 4, 0));
	assert_true(pe_page_add_rect(pg, 10, 20, 30, 40, PE_NO_COLOR, BLUE, 4, 0));
	assert_true(pe_page_add_path(pg, segs, 2, PE_NO_COLOR, BLUE, 2, false));
	assert_true(pe_page_add_path(pg, segs, 2, RED, PE_NO_COLOR, 2, false));
	assert_true(pe_page_add_hit(pg, 1, 2, 3, 4, 0, 0));

	double x0, y0, x1, y1;
	pe_op_bounds(&pg->ops[0], &x0, &y0, &x1, &y1);     /* text: ascent/descent */
	assert_near(x0, 72); assert_near(y0, 91); assert_near(x1, 122); assert_near(y1, 103);
	pe_op_bounds(&pg->ops[1], &x0, &y0, &x1, &y1);     /* filled only: exact */
	assert_near(x0, 10); assert_near(y0, 20); assert_near(x1, 40); assert_near(y1, 60);
	pe_op_bounds(&pg->ops[2], &x0, &y0, &x1, &y1);     /* stroked: + half width */
	assert_near(x0, 8); assert_near(y0, 18); assert_near(x1, 42); assert_near(y1, 62);
	pe_op_bounds(&pg->ops[3], &x0, &y0, &x1, &y1);
	assert_near(x0, -1); assert_near(y0, -1); assert_near(x1, 11); assert_near(y1, 21);
	pe_op_bounds(&pg->ops[4], &x0, &y0, &x1, &y1);
	assert_near(x0, 0); assert_near(y0, 0); assert_near(x1, 10); assert_near(y1, 20);
	pe_op_bounds(&pg->ops[5], &x0, &y0, &x1, &y1);
	assert_near(x0, 1); assert_near(y0, 2); assert_near(x1, 4); assert_near(y1, 6);
	pe_dlist_destroy(dl);
}

/* A scratch page with one op of each kind, tops at known y values. */
static void fill_scratch(pe_page *pg)
{
	unsigned char gray[4] = { 0, 1, 2, 3 };
	pe_path_seg segs[] = {
		{ PE_PATH_MOVE, { 0 }, { 40 } },
		{ PE_PATH_CURVE, { 5, 10, 15 }, { 45, 50, 55 } },
		{ PE_PATH_CLOSE, { 0 }, { 0 } },
	};
	/* text top = 20 - 8 = 12 */
	assert_true(pe_page_add_text(pg, 1, 20, 30, "line", PE_FACE_ITALIC, 10, 8, 2, RED, "tel:5"));
	assert_true(pe_page_add_rect(pg, 2, 30, 10, 10, RED, BLUE, 1, 3));   /* top 30 */
	assert_true(pe_page_add_path(pg, segs, 3, RED, PE_NO_COLOR, 1, true)); /* top 40 */
	assert_true(pe_page_add_png(pg, 3, 60, 5, 5, "a.png"));               /* top 60 */
	assert_true(pe_page_add_gray(pg, 4, 70, 8, 8, gray, 2, 2));           /* top 70 */
	assert_true(pe_page_add_link(pg, 5, 80, 5, 5, "https://x"));          /* top 80 */
	assert_true(pe_page_add_hit(pg, 6, 90, 5, 5, 3, 4));                  /* top 90 */
	assert_true(pe_page_add_mark(pg, 100, "Sec", 1));                     /* top 100 */
}

/* A right-to-left page is the left-to-right one mirrored: every box
 * moves to x' = W - x - w (text keeps its string, images their pixels),
 * path points to W - x; y never changes. Twice is the identity. */
static void test_mirror(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 500, 2000);
	fill_scratch(pg);
	pe_page_mirror(pg);
	const pe_op *op = &pg->ops[0];
	assert_int_equal(op->kind, PE_OP_TEXT);
	assert_near(op->x, 500 - 1 - 30);
	assert_near(op->y, 20);
	assert_string_equal(op->u.text.utf8, "line");
	assert_near(pg->ops[1].x, 500 - 2 - 10);       /* rect */
	assert_near(pg->ops[1].y, 30);
	op = &pg->ops[2];                                /* path 0..15 -> 485..500 */
	assert_near(op->x, 485);
	assert_near(op->w, 15);
	assert_near(op->u.path.segs[0].x[0], 500);
	assert_near(op->u.path.segs[1].x[0], 495);
	assert_near(op->u.path.segs[1].x[2], 485);
	assert_near(op->u.path.segs[1].y[2], 55);
	assert_near(pg->ops[3].x, 500 - 3 - 5);        /* png */
	assert_near(pg->ops[4].x, 500 - 4 - 8);        /* gray */
	assert_near(pg->ops[5].x, 500 - 5 - 5);        /* link */
	assert_near(pg->ops[6].x, 500 - 6 - 5);        /* hit */
	/* the hit test follows */
	const pe_op *hit = pe_page_hit_test(pg, 500 - 6 - 1, 92);
	assert_non_null(hit);
	assert_int_equal(hit->u.hit.action, 3);
	pe_page_mirror(pg);
	assert_near(pg->ops[0].x, 1);
	assert_near(pg->ops[2].u.path.segs[1].x[2], 15);
	assert_near(pg->ops[2].x, 0);
	pe_dlist_destroy(dl);
}

/* Mirrored within a strip (a bilingual handout's right-to-left column):
 * the strip 100..300 maps onto itself, x' = 400 - x - w, twice is once
 * undone. */
static void test_mirror_span(void **state)
{
	(void)state;
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 500, 2000);
	fill_scratch(pg);
	pe_page_mirror_span(pg, 100, 300);
	assert_near(pg->ops[0].x, 400 - 1 - 30);        /* text */
	assert_near(pg->ops[0].y, 20);
	assert_near(pg->ops[1].x, 400 - 2 - 10);        /* rect */
	assert_near(pg->ops[2].x, 385);                 /* path 0..15 -> 385..400 */
	assert_near(pg->ops[2].u.path.segs[0].x[0], 400);
	assert_near(pg->ops[2].u.path.segs[1].x[2], 385);
	assert_near(pg->ops[6].x, 400 - 6 - 5);         /* hit */
	pe_page_mirror_span(pg, 100, 300);
	assert_near(pg->ops[0].x, 1);
	assert_near(pg->ops[2].u.path.segs[1].x[2], 15);
	pe_dlist_destroy(dl);
}

static void test_copy_ops_all_kinds(void **state)
{
	pe_dlist *scratch = pe_dlist_create();
	pe_dlist *out = pe_dlist_create();
	pe_page *src = pe_dlist_add_page(scratch, 500, 2000);
	fill_scratch(src);
	pe_page *dst = pe_dlist_add_page(out, 612, 792);
	assert_true(pe_page_add_rect(dst, 0, 0, 1, 1, RED, PE_NO_COLOR, 0, 0));  /* kept */

	assert_true(pe_page_copy_ops(dst, src, 0, 1000, 100, 200));
	pe_dlist_destroy(scratch);       /* the copies must not share memory */
	assert_int_equal(dst->n_ops, 9);

	const pe_op *op = &dst->ops[1];
	assert_int_equal(op->kind, PE_OP_TEXT);
	assert_near(op->x, 101);
	assert_near(op->y, 220);
	assert_near(op->w, 30);
	assert_string_equal(op->u.text.utf8, "line");
	assert_string_equal(op->u.text.link, "tel:5");
	assert_int_equal(op->u.text.face, PE_FACE_ITALIC);
	assert_near(op->u.text.ascent, 8);

	op = &dst->ops[2];
	assert_int_equal(op->kind, PE_OP_RECT);
	assert_near(op->x, 102);
	assert_near(op->y, 230);
	assert_near(op->u.rect.radius, 3);

	op = &dst->ops[3];
	assert_int_equal(op->kind, PE_OP_PATH);
	assert_int_equal(op->u.path.n_segs, 3);
	assert_near(op->u.path.segs[0].x[0], 100);
	assert_near(op->u.path.segs[0].y[0], 240);
	assert_near(op->u.path.segs[1].x[2], 115);
	assert_near(op->u.path.segs[1].y[2], 255);
	assert_near(op->x, 100);          /* box moved with the points */
	assert_near(op->y, 240);
	assert_near(op->w, 15);
	assert_near(op->h, 15);
	assert_true(op->u.path.dashed);

	op = &dst->ops[4];
	assert_string_equal(op->u.image.png_path, "a.png");
	assert_near(op->x, 103);
	assert_near(op->y, 260);
	op = &dst->ops[5];
	assert_null(op->u.image.png_path);
	assert_memory_equal(op->u.image.gray, ((unsigned char[]){ 0, 1, 2, 3 }), 4);
	assert_near(op->y, 270);
	op = &dst->ops[6];
	assert_string_equal(op->u.link.uri, "https://x");
	assert_near(op->x, 105);
	op = &dst->ops[7];
	assert_int_equal(op->u.hit.action, 3);
	assert_int_equal(op->u.hit.arg, 4);
	assert_near(op->y, 290);
	op = &dst->ops[8];
	assert_string_equal(op->u.mark.title, "Sec");
	assert_near(op->y, 300);
	pe_dlist_destroy(out);
}

static void test_copy_ops_range(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *src = pe_dlist_add_page(dl, 500, 2000);
	fill_scratch(src);
	pe_page *dst = pe_dlist_add_page(dl, 500, 500);
	src = &dl->pages[0];             /* add_page may move the pages */

	/* [12, 40): text (top 12, although its baseline is 20) and rect (30);
	 * the path's top is exactly 40, so it is left out. */
	assert_true(pe_page_copy_ops(dst, src, 12, 40, 0, -12));
	assert_int_equal(dst->n_ops, 2);
	assert_int_equal(dst->ops[0].kind, PE_OP_TEXT);
	assert_near(dst->ops[0].y, 8);
	assert_int_equal(dst->ops[1].kind, PE_OP_RECT);
	assert_near(dst->ops[1].y, 18);

	/* Just past the text's top: the text stays behind. */
	assert_true(pe_page_copy_ops(dst, src, 12.5, 35, 0, 0));
	assert_int_equal(dst->n_ops, 3);
	assert_int_equal(dst->ops[2].kind, PE_OP_RECT);

	/* An empty range copies nothing and succeeds. */
	assert_true(pe_page_copy_ops(dst, src, 1000, 2000, 0, 0));
	assert_true(pe_page_copy_ops(dst, src, 50, 50, 0, 0));
	assert_int_equal(dst->n_ops, 3);
	assert_int_equal(src->n_ops, 8);  /* the source is untouched */
	pe_dlist_destroy(dl);
}

/* Copying a range onto the same page (e.g. repeating a header lower down)
 * must copy each op once and must not read an op the copy has moved. */
static void test_copy_ops_same_page(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 500, 2000);
	/* Fill exactly to capacity so the first copy reallocates. */
	while (pg->n_ops == 0 || pg->n_ops < pg->cap_ops)
		assert_true(pe_page_add_rect(pg, 0, 10, 5, 5, RED, BLUE, 1, 0));
	pg->ops[0].u.rect.radius = 2;   /* marks the first op */
	size_t n = pg->n_ops;
	/* dy = 0 keeps the copies inside the range: it must still end. */
	assert_true(pe_page_copy_ops(pg, pg, 0, 100, 0, 0));
	assert_int_equal(pg->n_ops, 2 * n);
	assert_near(pg->ops[n].u.rect.radius, 2);
	assert_near(pg->ops[n + 1].u.rect.radius, 0);
	pe_dlist_destroy(dl);
}

/* When one op cannot be copied, dst is left exactly as it was (as the
 * single-op adders promise), not half-filled. An image op with neither a
 * file nor pixels is one that cannot be copied. */
static void test_copy_ops_failure_leaves_dst(void **state)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *src = pe_dlist_add_page(dl, 500, 500);
	assert_true(pe_page_add_text(src, 0, 20, 5, "kept?", PE_FACE_REGULAR, 10, 8, 2, RED, NULL));
	assert_true(pe_page_add_png(src, 0, 30, 5, 5, "x.png"));
	free(src->ops[1].u.image.png_path);
	src->ops[1].u.image.png_path = NULL;       /* now neither png nor gray */
	pe_page *dst = pe_dlist_add_page(dl, 500, 500);
	src = &dl->pages[0];
	assert_true(pe_page_add_hit(dst, 0, 0, 1, 1, 9, 9));
	assert_false(pe_page_copy_ops(dst, src, 0, 100, 0, 0));
	assert_int_equal(dst->n_ops, 1);
	assert_int_equal(dst->ops[0].kind, PE_OP_HIT);
	pe_dlist_destroy(dl);
}

/* A failed adder marks the page (sticky) and the mark travels with its
 * ops, so a handout composed from scratch pages knows text was lost
 * even where the adder's result was not looked at. */
static void test_failed_is_sticky_and_copied(void **state)
{
	(void)state;
	pe_dlist *dl = pe_dlist_create();
	assert_non_null(dl);
	pe_page *src = pe_dlist_add_page(dl, 100, 100);
	assert_non_null(src);
	assert_true(pe_page_add_rect(src, 1, 1, 5, 5, pe_hex(0), PE_NO_COLOR, 0, 0));
	assert_false(src->failed);
	pe_alloc_fail_nth(1);   /* the text's copy */
	assert_false(pe_page_add_text(src, 1, 20, 10, "lost", PE_FACE_REGULAR, 12, 10, 3,
	                              pe_hex(0), NULL));
	assert_true(pe_alloc_failed());
	pe_alloc_fail_nth(0);
	assert_true(src->failed);
	assert_int_equal(src->n_ops, 1);
	/* later successes do not clear it */
	assert_true(pe_page_add_text(src, 1, 40, 10, "kept", PE_FACE_REGULAR, 12, 10, 3,
	                             pe_hex(0), NULL));
	assert_true(src->failed);
	pe_dlist *out = pe_dlist_create();
	assert_non_null(out);
	pe_page *dst = pe_dlist_add_page(out, 100, 100);
	assert_non_null(dst);
	assert_true(pe_page_copy_ops(dst, &dl->pages[0], -1e9, 1e9, 0, 0));
	assert_true(dst->failed);
	pe_page *clean = pe_dlist_add_page(out, 100, 100);
	assert_false(clean->failed);
	pe_page_fail(clean);
	assert_true(clean->failed);
	pe_page_fail(NULL);   /* measuring only: nothing to mark */
	pe_dlist_destroy(out);
	pe_dlist_destroy(dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_colors),
		cmocka_unit_test(test_meta_and_pages),
		cmocka_unit_test(test_add_every_kind),
		cmocka_unit_test(test_many_ops_grow),
		cmocka_unit_test(test_hit_test),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_copy_ops_all_kinds),
		cmocka_unit_test(test_mirror),
		cmocka_unit_test(test_mirror_span),
		cmocka_unit_test(test_copy_ops_range),
		cmocka_unit_test(test_copy_ops_same_page),
		cmocka_unit_test(test_copy_ops_failure_leaves_dst),
		cmocka_unit_test(test_failed_is_sticky_and_copied),
	};
	return cmocka_run_group_tests_name("dlist", tests, NULL, NULL);
}
