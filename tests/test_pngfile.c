/* SPDX-License-Identifier: MIT */
/*
 * test_pngfile.c - PNG files are read whole and checked: every way of
 * cutting a file short, a flipped bit and a huge image are errors naming
 * the file, never an abort (libharu lets libpng abort the process).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo.h>
#include <glib.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pngfile.h"

/* A PNG made with Cairo (8-bit RGBA, 90 x 30), in memory. */
static unsigned char *make_png(size_t *n)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 90, 30);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgba(cr, 0.1, 0.5, 0.5, 0.8);
	cairo_rectangle(cr, 5, 5, 60, 20);
	cairo_fill(cr);
	cairo_destroy(cr);
	char path[] = "/tmp/test_pngfile.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	gchar *data = NULL;
	gsize len = 0;
	assert_true(g_file_get_contents(path, &data, &len, NULL));
	unlink(path);
	*n = len;
	return (unsigned char *)data;
}

static void good_png_loads(void **state)
{
	(void)state;
	size_t n;
	unsigned char *png = make_png(&n);
	char path[] = "/tmp/test_pngfile.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, png, n), (ssize_t)n);
	close(fd);
	pe_error err = { { 0 } };
	unsigned w = 0, h = 0;
	int depth = 0;
	assert_true(pe_png_header(path, &w, &h, &depth, &err));
	assert_int_equal(w, 90);
	assert_int_equal(h, 30);
	assert_int_equal(depth, 8);
	pe_png loaded;
	if (!pe_png_load(path, &loaded, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(loaded.size, n);
	assert_memory_equal(loaded.data, png, n);   /* the bytes that were checked */
	assert_int_equal(loaded.width, 90);
	pe_png_free(&loaded);
	pe_png_free(NULL);
	unlink(path);
	assert_false(pe_png_load(path, &loaded, &err));
	assert_non_null(strstr(err.msg, "does not exist"));
	g_free(png);
}

/* Every length short of the whole file is refused: libharu aborted on a
 * truncated 8-bit PNG, and the size reader silently dropped a logo cut to
 * 20 bytes. */
static void every_truncation_is_refused(void **state)
{
	(void)state;
	size_t n;
	unsigned char *png = make_png(&n);
	for (size_t cut = 0; cut < n; cut++) {
		pe_error err = { { 0 } };
		pe_png info;
		if (pe_png_check(png, cut, "logo.png", &info, &err))
			fail_msg("a PNG cut to %zu of %zu bytes was taken", cut, n);
		const char *want = cut < 8 ? "logo.png: not a PNG image" : "logo.png: truncated PNG";
		if (strcmp(err.msg, want) != 0)
			fail_msg("cut to %zu bytes: \"%s\", wanted \"%s\"", cut, err.msg, want);
	}
	pe_png info;
	assert_true(pe_png_check(png, n, "logo.png", &info, NULL));
	g_free(png);
}

/* A flipped bit anywhere after the signature is caught by a chunk's CRC
 * (or the header's own checks). */
static void flipped_bits_are_refused(void **state)
{
	(void)state;
	size_t n;
	unsigned char *png = make_png(&n);
	for (size_t at = 8; at < n; at += 7) {
		png[at] ^= 0x04;
		pe_error err = { { 0 } };
		if (pe_png_check(png, n, "logo.png", NULL, &err))
			fail_msg("a bit flipped at byte %zu of %zu was taken", at, n);
		assert_non_null(strstr(err.msg, "logo.png: "));
		png[at] ^= 0x04;
	}
	g_free(png);
}

/* A 20000 x 20000 logo took 156 s and 1.2 GB; above PE_PNG_MAX_SIDE it is
 * refused from the header, before anything is decoded. */
static void huge_image_is_refused(void **state)
{
	(void)state;
	size_t n;
	unsigned char *png = make_png(&n);
	memcpy(png + 16, "\0\0\x4e\x20\0\0\x4e\x20", 8);
	pe_error err = { { 0 } };
	assert_false(pe_png_check(png, n, "big.png", NULL, &err));
	assert_string_equal(err.msg, "big.png: is 20000 x 20000 pixels; at most 2000 x 2000 (scale it down)");
	memcpy(png + 16, "\0\0\x07\xd1\0\0\0\x01", 8);   /* 2001 x 1 */
	assert_false(pe_png_check(png, n, "wide.png", NULL, &err));
	assert_non_null(strstr(err.msg, "2001 x 1 pixels"));
	g_free(png);
}

/* Write a PNG with libpng's own writer: the kinds Cairo does not make. */
static void write_kind(const char *path, int color_type, int depth, int interlace)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png_create_info_struct(png);
	assert_non_null(info);
	png_init_io(png, f);
	const unsigned w = 37, h = 23;
	png_set_IHDR(png, info, w, h, depth, color_type, interlace, PNG_COMPRESSION_TYPE_DEFAULT,
	             PNG_FILTER_TYPE_DEFAULT);
	if (color_type == PNG_COLOR_TYPE_PALETTE) {
		png_color pal[2] = { { 0, 0, 0 }, { 18, 117, 128 } };
		png_set_PLTE(png, info, pal, 2);
	}
	png_write_info(png, info);
	int channels = color_type == PNG_COLOR_TYPE_RGB ? 3 : color_type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2 : 1;
	size_t rowbytes = ((size_t)w * channels * depth + 7) / 8;
	unsigned char *rows = calloc(h, rowbytes);
	assert_non_null(rows);
	for (size_t i = 0; i < h * rowbytes; i++)
		rows[i] = (unsigned char)(i * 7);
	png_bytep ptrs[23];
	for (unsigned y = 0; y < h; y++)
		ptrs[y] = rows + y * rowbytes;
	png_write_image(png, ptrs);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	free(rows);
	assert_int_equal(fclose(f), 0);
}

/* Interlaced, palette and 16-bit files are read row by row like any
 * other, and cut short they are refused the same way. */
static void other_kinds_load_and_truncate(void **state)
{
	(void)state;
	const struct { int type, depth, interlace; } kinds[] = {
		{ PNG_COLOR_TYPE_RGB, 8, PNG_INTERLACE_ADAM7 },
		{ PNG_COLOR_TYPE_PALETTE, 1, PNG_INTERLACE_NONE },
		{ PNG_COLOR_TYPE_PALETTE, 1, PNG_INTERLACE_ADAM7 },
		{ PNG_COLOR_TYPE_GRAY_ALPHA, 16, PNG_INTERLACE_ADAM7 },
	};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		char path[] = "/tmp/test_pngfile.XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		close(fd);
		write_kind(path, kinds[k].type, kinds[k].depth, kinds[k].interlace);
		pe_png png;
		pe_error err = { { 0 } };
		if (!pe_png_load(path, &png, &err))
			fail_msg("kind %zu: %s", k, err.msg);
		assert_int_equal(png.width, 37);
		assert_int_equal(png.height, 23);
		assert_int_equal(png.bit_depth, kinds[k].depth);
		for (size_t cut = 8; cut < png.size; cut++)
			if (pe_png_check(png.data, cut, "k.png", NULL, &err) || strcmp(err.msg, "k.png: truncated PNG") != 0)
				fail_msg("kind %zu cut to %zu bytes: %s", k, cut, err.msg);
		pe_png_free(&png);
		unlink(path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_png_loads),
		cmocka_unit_test(every_truncation_is_refused),
		cmocka_unit_test(flipped_bits_are_refused),
		cmocka_unit_test(huge_image_is_refused),
		cmocka_unit_test(other_kinds_load_and_truncate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
