/* SPDX-License-Identifier: MIT */
/*
 * test_cairo_paint.c - the Cairo painter on image surfaces.
 *
 * Pixels are the point here: a filled rectangle has its colour, rounded
 * corners leave the corner empty, text leaves ink inside its box and none
 * outside, hit regions leave nothing, a window paints only its band.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cairo_paint.h"
#include "fonts.h"
#include "layout.h"
#include "paths.h"

typedef struct fixture {
	pe_painter *painter;
	cairo_surface_t *surface;
	cairo_t *cr;
	pe_dlist *dl;
	pe_page *pg;
} fixture;

#define W 200
#define H 120

static int setup(void **state)
{
	static const char *names[PE_FACE_COUNT] = {
		"fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf",
		"fonts/NotoSans-Italic.ttf", "fonts/NotoSans-BoldItalic.ttf",
	};
	static char paths[PE_FACE_COUNT][4096];
	const char *files[PE_FACE_COUNT];
	for (int f = 0; f < PE_FACE_COUNT; f++)
		files[f] = pe_paths_data(paths[f], sizeof paths[f], names[f]);
	fixture *fx = calloc(1, sizeof *fx);
	pe_error err = { "" };
	fx->painter = pe_painter_create_from_files(files, &err);
	if (!fx->painter) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	fx->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	fx->cr = cairo_create(fx->surface);
	cairo_set_source_rgb(fx->cr, 1, 1, 1);
	cairo_paint(fx->cr);
	fx->dl = pe_dlist_create();
	fx->pg = pe_dlist_add_page(fx->dl, W, H);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	cairo_destroy(fx->cr);
	cairo_surface_destroy(fx->surface);
	pe_dlist_destroy(fx->dl);
	pe_painter_destroy(fx->painter);
	free(fx);
	return 0;
}

static uint32_t pixel(fixture *fx, int x, int y)
{
	cairo_surface_flush(fx->surface);
	const unsigned char *data = cairo_image_surface_get_data(fx->surface);
	int stride = cairo_image_surface_get_stride(fx->surface);
	const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
	return row[x] & 0xffffffu;
}

/* Ink = any pixel that is not white, inside [x0,x1) x [y0,y1). */
static int ink_in(fixture *fx, int x0, int y0, int x1, int y1)
{
	int n = 0;
	for (int y = y0 < 0 ? 0 : y0; y < y1 && y < H; y++)
		for (int x = x0 < 0 ? 0 : x0; x < x1 && x < W; x++)
			if (pixel(fx, x, y) != 0xffffffu)
				n++;
	return n;
}

static void paint(fixture *fx)
{
	pe_error err = { "" };
	assert_true(pe_painter_paint_page(fx->painter, fx->cr, fx->pg, &err));
}

static void test_filled_rect_has_its_colour(void **state)
{
	fixture *fx = *state;
	assert_true(pe_page_add_rect(fx->pg, 20, 30, 60, 40, pe_hex(0x9b1c1c), PE_NO_COLOR, 0, 0));
	paint(fx);
	assert_int_equal(pixel(fx, 50, 50), 0x9b1c1c);
	assert_int_equal(pixel(fx, 20, 30), 0x9b1c1c);
	assert_int_equal(pixel(fx, 79, 69), 0x9b1c1c);
	assert_int_equal(pixel(fx, 80, 50), 0xffffff);
	assert_int_equal(pixel(fx, 50, 70), 0xffffff);
	assert_int_equal(pixel(fx, 19, 50), 0xffffff);
}

static void test_rounded_rect_leaves_corners(void **state)
{
	fixture *fx = *state;
	assert_true(pe_page_add_rect(fx->pg, 20, 20, 100, 80, pe_hex(0x0b4f6c), PE_NO_COLOR, 0, 20));
	paint(fx);
	assert_int_equal(pixel(fx, 21, 21), 0xffffff);      /* corner cut off */
	assert_int_equal(pixel(fx, 118, 98), 0xffffff);
	assert_int_equal(pixel(fx, 70, 21), 0x0b4f6c);      /* straight edge kept */
	assert_int_equal(pixel(fx, 70, 60), 0x0b4f6c);
}

static void test_stroke_only_rect_is_hollow(void **state)
{
	fixture *fx = *state;
	assert_true(pe_page_add_rect(fx->pg, 20, 20, 100, 80, PE_NO_COLOR, pe_hex(0x000000), 4, 0));
	paint(fx);
	assert_int_equal(pixel(fx, 20, 60), 0x000000);
	assert_int_equal(pixel(fx, 70, 60), 0xffffff);
}

/* Paint s at size on a fresh white surface scaled by zoom; return the
 * rightmost column with ink. */
static int right_edge(fixture *fx, const char *s, double size, double zoom)
{
	cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 800, 80);
	cairo_t *cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, zoom, zoom);
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 800, 80);
	pe_page_add_text(pg, 2 / zoom, 60 / zoom, 0, s, PE_FACE_REGULAR, size, size, 0, pe_hex(0), NULL);
	pe_error err = { "" };
	pe_painter_paint_page(fx->painter, cr, pg, &err);
	cairo_surface_flush(surf);
	const unsigned char *data = cairo_image_surface_get_data(surf);
	int stride = cairo_image_surface_get_stride(surf), edge = -1;
	for (int y = 0; y < 80; y++) {
		const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < 800; x++)
			if ((row[x] & 0xffffff) != 0xffffff && x > edge)
				edge = x;
	}
	pe_dlist_destroy(dl);
	cairo_destroy(cr);
	cairo_surface_destroy(surf);
	return edge;
}

static void test_text_ink_inside_its_box_only(void **state)
{
	fixture *fx = *state;
	const double size = 30, x = 30, base = 70;
	const double ascent = 1.069 * size, descent = 0.293 * size;   /* Noto Sans */
	/* The advance is the painter's own; we only need a box to check. A
	 * string of this length at 30 px is between 50 and 90 px wide. */
	double w = 90;
	assert_true(pe_page_add_text(fx->pg, x, base, w, "Help", PE_FACE_BOLD, size, ascent,
	                             descent, pe_hex(0x111111), NULL));
	paint(fx);
	int inside = ink_in(fx, (int)x, (int)(base - ascent), (int)(x + w) + 1,
	                    (int)(base + descent) + 1);
	int total = ink_in(fx, 0, 0, W, H);
	assert_true(inside > 100);
	assert_int_equal(total, inside);
	/* Ink starts near x (the H stem) and the baseline is where layout put
	 * it: nothing of "Help" but the p's descender goes below it. */
	assert_true(ink_in(fx, (int)x, (int)(base - ascent), (int)x + 8, (int)base) > 0);
	assert_true(ink_in(fx, 0, (int)base + 1, (int)x + 40, H) == 0);
}

/* A run of neutrals only (". " between two Arabic sentences, a piece of
 * its own when Pango takes the full stop from another font) is drawn in
 * the direction layout found for it: right to left, the full stop at the
 * right end next to the Arabic word before it. Before, the painter took
 * its direction from its own letters, found none, and drew it left to
 * right: the stop stood a space away from its sentence. */
static void test_neutral_run_drawn_in_its_direction(void **state)
{
	fixture *fx = *state;
	const double size = 30, base = 60;
	const double ascent = 1.069 * size, descent = 0.293 * size;
	for (int rtl = 0; rtl <= 1; rtl++) {
		const double x = rtl ? 110 : 10, w = 40;
		assert_true(pe_page_add_text(fx->pg, x, base, w, ".    ", PE_FACE_REGULAR, size,
		                             ascent, descent, pe_hex(0x111111), NULL));
		fx->pg->ops[fx->pg->n_ops - 1].u.text.rtl = rtl;
	}
	paint(fx);
	/* left to right: the stop at the left end */
	assert_true(ink_in(fx, 10, 30, 22, 70) > 0);
	assert_int_equal(ink_in(fx, 28, 0, 60, H), 0);
	/* right to left: the stop at the right end */
	assert_true(ink_in(fx, 136, 30, 152, 70) > 0);
	assert_int_equal(ink_in(fx, 100, 0, 130, H), 0);
}

static void test_text_advance_hint_free(void **state)
{
	fixture *fx = *state;
	/* Hinting off: a line at 9 px zoomed 4x ends where the same line at
	 * 36 px ends. Hinted metrics round each glyph's advance to whole
	 * pixels at 9 px, and over 30 glyphs that drifts by many pixels. */
	const char *line = "Tell a nurse right away if it hurts";
	int small = right_edge(fx, line, 9, 4);
	int large = right_edge(fx, line, 36, 1);
	assert_true(large > 400);
	assert_true(abs(small - large) <= 2);
}

/* The painter draws a line exactly as wide as layout (Pango) measured it:
 * the last glyph's ink ends at the measured advance, over a long line in
 * every face. This is what keeps kiosk text inside its buttons. */
static void test_line_ends_where_layout_measured(void **state)
{
	fixture *fx = *state;
	char dir[4096];
	pe_error err = { "" };
	pe_fonts *fonts = pe_fonts_load(pe_paths_data(dir, sizeof dir, "fonts"), &err);
	assert_non_null(fonts);
	pe_layout *layout = pe_layout_create(fonts, &err);
	assert_non_null(layout);
	pe_painter *painter = pe_painter_create(fonts, &err);
	assert_non_null(painter);
	/* Ends in "l", whose ink reaches almost its advance: any drift shows. */
	const char *line = "Tell your nurse right away if it gets worse, día y noche, all";
	for (int f = 0; f < PE_FACE_COUNT; f++) {
		double size = 13.0;
		double w = pe_layout_width(layout, line, (pe_face)f, size);
		assert_true(w > 150 && w < 790);
		cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 800, 40);
		cairo_t *cr = cairo_create(surf);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		pe_dlist *dl = pe_dlist_create();
		pe_page *pg = pe_dlist_add_page(dl, 800, 40);
		pe_page_add_text(pg, 4, 28, w, line, (pe_face)f, size, size, size * 0.3, pe_hex(0), NULL);
		assert_true(pe_painter_paint_page(painter, cr, pg, &err));
		cairo_surface_flush(surf);
		const unsigned char *data = cairo_image_surface_get_data(surf);
		int stride = cairo_image_surface_get_stride(surf), edge = -1;
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 800; x++)
				if ((((const uint32_t *)(const void *)(data + y * stride))[x] & 0xffffff) != 0xffffff &&
				    x > edge)
					edge = x;
		/* The "l" stem's right edge is about 0.15 em before the advance
		 * in these faces; a hinted or kerned painter is off by pixels. */
		double end = 4 + w;
		assert_true(edge < end + 0.5);
		assert_true(edge > end - 0.3 * size);
		pe_dlist_destroy(dl);
		cairo_destroy(cr);
		cairo_surface_destroy(surf);
	}
	pe_painter_destroy(painter);
	pe_layout_destroy(layout);
	pe_fonts_destroy(fonts);
	(void)fx;
}

static void test_hits_and_links_not_painted(void **state)
{
	fixture *fx = *state;
	assert_true(pe_page_add_hit(fx->pg, 10, 10, 100, 60, 1, 0));
	assert_true(pe_page_add_link(fx->pg, 10, 10, 100, 60, "tel:5550100"));
	assert_true(pe_page_add_mark(fx->pg, 20, "Section", 1));
	paint(fx);
	assert_int_equal(ink_in(fx, 0, 0, W, H), 0);
	pe_error err = { "" };
	pe_painter_paint(fx->painter, fx->cr, fx->pg, 0, 0, -INFINITY, INFINITY,
	                 PE_PAINT_DEBUG_HITS, &err);
	assert_true(ink_in(fx, 0, 0, W, H) > 0);
}

static void test_window_paints_only_its_band_with_offset(void **state)
{
	fixture *fx = *state;
	/* A tall page: rects at page y 100 and 300. Window [250, 370) shown at
	 * screen y 0: only the second, moved up by 250. */
	assert_true(pe_page_add_rect(fx->pg, 10, 100, 50, 20, pe_hex(0x00aa00), PE_NO_COLOR, 0, 0));
	assert_true(pe_page_add_rect(fx->pg, 10, 300, 50, 20, pe_hex(0x0000aa), PE_NO_COLOR, 0, 0));
	pe_error err = { "" };
	assert_true(pe_painter_paint(fx->painter, fx->cr, fx->pg, 5, -250, 250, 370, 0, &err));
	assert_int_equal(pixel(fx, 30, 60), 0x0000aa);   /* 300 - 250 + 10 */
	assert_int_equal(pixel(fx, 15, 60), 0x0000aa);   /* x moved by 5 */
	assert_int_equal(pixel(fx, 14, 60), 0xffffff);
	assert_int_equal(ink_in(fx, 0, 0, W, 50), 0);    /* the first is culled */
}

static void test_path_fill(void **state)
{
	fixture *fx = *state;
	pe_path_seg tri[] = {
		{ PE_PATH_MOVE, { 20 }, { 100 } },
		{ PE_PATH_LINE, { 120 }, { 100 } },
		{ PE_PATH_LINE, { 70 }, { 10 } },
		{ PE_PATH_CLOSE, { 0 }, { 0 } },
	};
	assert_true(pe_page_add_path(fx->pg, tri, 4, pe_hex(0xaa5500), PE_NO_COLOR, 0, false));
	paint(fx);
	assert_int_equal(pixel(fx, 70, 80), 0xaa5500);
	assert_int_equal(pixel(fx, 25, 20), 0xffffff);
}

static void test_gray_pixels_scaled_sharp(void **state)
{
	fixture *fx = *state;
	const unsigned char checker[4] = { 0, 255, 255, 0 };
	assert_true(pe_page_add_gray(fx->pg, 40, 20, 40, 40, checker, 2, 2));
	paint(fx);
	assert_int_equal(pixel(fx, 41, 21), 0x000000);
	assert_int_equal(pixel(fx, 59, 39), 0x000000);
	assert_int_equal(pixel(fx, 60, 21), 0xffffff);
	assert_int_equal(pixel(fx, 79, 59), 0x000000);
	assert_int_equal(pixel(fx, 41, 59), 0xffffff);
}

static void test_png_image_and_missing_file(void **state)
{
	fixture *fx = *state;
	char path[] = "/tmp/pe-test-paint-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4);
	cairo_t *icr = cairo_create(img);
	cairo_set_source_rgb(icr, 0, 0x66 / 255.0, 0xcc / 255.0);
	cairo_paint(icr);
	cairo_destroy(icr);
	assert_int_equal(cairo_surface_write_to_png(img, path), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(img);

	assert_true(pe_page_add_png(fx->pg, 10, 10, 40, 40, path));
	assert_true(pe_page_add_png(fx->pg, 60, 10, 40, 40, "/nonexistent/logo.png"));
	assert_true(pe_page_add_rect(fx->pg, 120, 10, 20, 20, pe_hex(0x123456), PE_NO_COLOR, 0, 0));
	pe_error err = { "" };
	assert_false(pe_painter_paint_page(fx->painter, fx->cr, fx->pg, &err));
	assert_non_null(strstr(err.msg, "/nonexistent/logo.png"));
	assert_int_equal(pixel(fx, 30, 30), 0x0066cc);
	assert_int_equal(pixel(fx, 130, 20), 0x123456);   /* the rest is painted */
	/* Cached: painting again uses the loaded surface even with the file gone. */
	unlink(path);
	cairo_set_source_rgb(fx->cr, 1, 1, 1);
	cairo_paint(fx->cr);
	err.msg[0] = 0;
	pe_painter_paint_page(fx->painter, fx->cr, fx->pg, &err);
	assert_int_equal(pixel(fx, 30, 30), 0x0066cc);
}

static void test_write_png(void **state)
{
	fixture *fx = *state;
	char path[] = "/tmp/pe-test-png-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_true(pe_page_add_rect(fx->pg, 0, 0, 100, 120, pe_hex(0x336699), PE_NO_COLOR, 0, 0));
	pe_error err = { "" };
	assert_true(pe_painter_write_png(fx->painter, fx->pg, 0.5, path, &err));
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	assert_int_equal(cairo_image_surface_get_width(s), W / 2);
	assert_int_equal(cairo_image_surface_get_height(s), H / 2);
	const uint32_t *px = (const uint32_t *)(const void *)cairo_image_surface_get_data(s);
	assert_int_equal(px[10] & 0xffffff, 0x336699);
	assert_int_equal(px[90] & 0xffffff, 0xffffff);
	cairo_surface_destroy(s);
	unlink(path);
	assert_false(pe_painter_write_png(fx->painter, fx->pg, 1, "/nonexistent/dir/x.png", &err));
}

/* Letters the Latin faces have: none missing. A Thai and an Arabic letter
 * they lack: counted, the first named, and the count starts again after a
 * reset (the kiosk and check-scripts assert 0). */
static void test_missing_glyphs_counted(void **state)
{
	fixture *fx = *state;
	pe_color ink = pe_hex(0x000000);
	assert_true(pe_page_add_text(fx->pg, 10, 40, 80, "Hello, Ñandú", PE_FACE_REGULAR, 14, 11, 4,
	                             ink, NULL));
	paint(fx);
	assert_int_equal(pe_painter_missing_glyphs(fx->painter), 0);
	assert_int_equal(pe_painter_first_missing(fx->painter), 0);
	assert_true(pe_page_add_text(fx->pg, 10, 80, 80, "a\u0E01b\u062E", PE_FACE_BOLD, 14, 11, 4,
	                             ink, NULL));
	paint(fx);
	assert_int_equal(pe_painter_missing_glyphs(fx->painter), 2);
	assert_int_equal(pe_painter_first_missing(fx->painter), 0x0E01);
	assert_string_equal(pe_painter_first_missing_text(fx->painter), "a\u0E01b\u062E");
	pe_painter_reset_missing_glyphs(fx->painter);
	assert_int_equal(pe_painter_missing_glyphs(fx->painter), 0);
}

static void test_bad_font_file_is_an_error(void **state)
{
	(void)state;
	const char *files[PE_FACE_COUNT] = { "/nonexistent/a.ttf", "/nonexistent/b.ttf",
	                                     "/nonexistent/c.ttf", "/nonexistent/d.ttf" };
	pe_error err = { "" };
	assert_null(pe_painter_create_from_files(files, &err));
	assert_non_null(strstr(err.msg, "/nonexistent/a.ttf"));
	pe_painter_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filled_rect_has_its_colour, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rounded_rect_leaves_corners, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stroke_only_rect_is_hollow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_ink_inside_its_box_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_neutral_run_drawn_in_its_direction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_advance_hint_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_line_ends_where_layout_measured, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hits_and_links_not_painted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window_paints_only_its_band_with_offset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_path_fill, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gray_pixels_scaled_sharp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_png_image_and_missing_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_png, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_glyphs_counted, setup, teardown),
		cmocka_unit_test(test_bad_font_file_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
