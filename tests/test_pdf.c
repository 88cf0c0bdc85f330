/* SPDX-License-Identifier: MIT */
/*
 * test_pdf.c - the libharu painter on hand-built display lists.
 *
 * Checks what the painter promises: a complete PDF with the fonts
 * embedded, /Lang and the info dictionary; WinAnsi when everything
 * converts and UTF-8 otherwise; loud failures naming the text, font or
 * path; and never a file left at OUT (or a temporary) after a failure.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo.h>
#include <dirent.h>
#include <glib.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlist.h"
#include "pdf.h"

typedef struct fixture {
	char dir[256];
	char fonts[PE_FACE_COUNT][512];
	const char *font_ptrs[PE_FACE_COUNT];
	char png[512];
} fixture;

static const char *face_files[PE_FACE_COUNT] = {
	"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf",
};

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/test_pdf.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	const char *data = getenv("PE_DATADIR");
	for (int i = 0; i < PE_FACE_COUNT; i++) {
		snprintf(f->fonts[i], sizeof f->fonts[i], "%s/fonts/%s", data ? data : ".", face_files[i]);
		f->font_ptrs[i] = f->fonts[i];
	}
	/* A small PNG made here, so the test needs no binary fixture. */
	snprintf(f->png, sizeof f->png, "%s/logo.png", f->dir);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 20);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.1, 0.4, 0.7);
	cairo_paint(cr);
	cairo_destroy(cr);
	if (cairo_surface_write_to_png(s, f->png) != CAIRO_STATUS_SUCCESS)
		return -1;
	cairo_surface_destroy(s);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	DIR *d = opendir(f->dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
				continue;
			char p[600];
			snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
			unlink(p);
		}
		closedir(d);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Number of directory entries other than . and .. (temp files included). */
static int count_files(const char *dir)
{
	int n = 0;
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static pe_dlist *sample(const char *text, const char *lang, const char *png)
{
	pe_dlist *dl = pe_dlist_create();
	assert_non_null(dl);
	assert_true(pe_dlist_set_meta(dl, "Después de su infusión", "IVIG", lang));
	pe_page *pg = pe_dlist_add_page(dl, 612, 792);
	assert_non_null(pg);
	assert_true(pe_page_add_mark(pg, 72, "Después de su infusión", 0));
	assert_true(pe_page_add_text(pg, 72, 90, 200, text, PE_FACE_BOLD, 20, 19, 5,
	                             pe_hex(0x1a2b3c), NULL));
	assert_true(pe_page_add_text(pg, 72, 120, 150, "Llame al 1-800-227-2345", PE_FACE_REGULAR, 12,
	                             11, 3, pe_hex(0x004488), "tel:18002272345"));
	assert_true(pe_page_add_mark(pg, 140, "Señales", 1));
	assert_true(pe_page_add_rect(pg, 72, 140, 300, 80, pe_hex(0xfff4e5), pe_hex(0xcc6600), 1.5, 8));
	pe_path_seg segs[] = {
		{ PE_PATH_MOVE, { 80 }, { 250 } },
		{ PE_PATH_LINE, { 300 }, { 250 } },
		{ PE_PATH_CURVE, { 320, 330, 340 }, { 240, 260, 250 } },
		{ PE_PATH_CLOSE, { 0 }, { 0 } },
	};
	assert_true(pe_page_add_path(pg, segs, 4, PE_NO_COLOR, pe_rgb(0, 0, 0), 2, false));
	/* Translucent fill and text go through an ExtGState. */
	pe_color glass = { 0.2, 0.4, 0.6, 0.5 };
	assert_true(pe_page_add_path(pg, segs, 4, glass, PE_NO_COLOR, 0, true));
	assert_true(pe_page_add_text(pg, 72, 280, 100, "faint", PE_FACE_BOLD_ITALIC, 10, 9, 3, glass,
	                             NULL));
	unsigned char gray[25 * 25];
	for (int i = 0; i < 25 * 25; i++)
		gray[i] = (i % 3) ? 255 : 0;
	assert_true(pe_page_add_gray(pg, 400, 300, 50, 50, gray, 25, 25));
	if (png) {
		assert_true(pe_page_add_png(pg, 72, 300, 40, 20, png));
		assert_true(pe_page_add_png(pg, 72, 330, 40, 20, png));
	}
	assert_true(pe_page_add_link(pg, 400, 300, 50, 50, "tel:18002272345"));
	assert_true(pe_page_add_hit(pg, 0, 0, 10, 10, 1, 2));
	pe_page *pg2 = pe_dlist_add_page(dl, 612, 792);
	assert_non_null(pg2);
	assert_true(pe_page_add_text(pg2, 72, 90, 100, "Página 2 de 2", PE_FACE_ITALIC, 10, 9, 3,
	                             pe_rgb(0.3, 0.3, 0.3), NULL));
	return dl;
}

static char *slurp(const char *path, size_t *len)
{
	gchar *data = NULL;
	gsize n = 0;
	assert_true(g_file_get_contents(path, &data, &n, NULL));
	*len = n;
	return data;
}

/* memmem is a GNU extension; PDFs hold NUL bytes, so no strstr. */
static const char *find(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

static bool contains(const char *hay, size_t n, const char *needle)
{
	return find(hay, n, needle) != NULL;
}

static void writes_complete_pdf(void **state)
{
	fixture *f = *state;
	pe_dlist *dl = sample("Después de su infusión — «ñ»", "es", f->png);
	char out[512];
	snprintf(out, sizeof out, "%s/out.pdf", f->dir);
	pe_error err = { { 0 } };
	assert_true(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
	size_t n;
	char *pdf = slurp(out, &n);
	assert_true(n > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	assert_true(contains(pdf, n, "%%EOF"));
	assert_true(contains(pdf, n, "/Lang (es)"));
	assert_true(contains(pdf, n, "/FontFile2"));      /* TrueType embedded */
	assert_true(contains(pdf, n, "WinAnsiEncoding"));
	assert_true(contains(pdf, n, "tel:18002272345"));
	assert_true(contains(pdf, n, "/Outlines"));
	assert_true(contains(pdf, n, "/ca 0.5"));          /* alpha for the translucent ops */
	assert_true(contains(pdf, n, "/FitH"));           /* outline destinations */
	assert_true(contains(pdf, n, "/Border [ 0 0 0 ]")); /* links draw no box */
	assert_true(contains(pdf, n, "/Creator"));
	/* The PNG used twice is embedded once; with the QR image that is two. */
	int images = 0;
	for (const char *s = pdf; (s = find(s, n - (size_t)(s - pdf), "/Subtype /Image")); s++)
		images++;
	assert_int_equal(images, 2);
	g_free(pdf);
	/* Only out.pdf and the logo: the temporary was renamed, not copied. */
	assert_int_equal(count_files(f->dir), 2);
	/* Files get ordinary permissions, not mkstemp's 0600. */
	struct stat st;
	assert_int_equal(stat(out, &st), 0);
	assert_true(st.st_mode & S_IRGRP);
	pe_dlist_destroy(dl);
}

static void chooses_encoding(void **state)
{
	(void)state;
	pe_pdf_encoding enc;
	pe_error err = { { 0 } };
	pe_dlist *dl = sample("¿Qué es? Náuseas – “sí” • 24–48 h", "es", NULL);
	assert_true(pe_pdf_choose_encoding(dl, &enc, &err));
	assert_int_equal(enc, PE_PDF_WINANSI);
	pe_dlist_destroy(dl);

	/* Pseudo-locale characters are outside CP1252. */
	dl = sample("[Ŝéñōr ĉàŀŀ]", "qps", NULL);
	assert_true(pe_pdf_choose_encoding(dl, &enc, &err));
	assert_int_equal(enc, PE_PDF_UTF8);
	pe_dlist_destroy(dl);

	/* A bookmark title alone is enough to need UTF-8. */
	dl = sample("plain", "en", NULL);
	assert_true(pe_page_add_mark(&dl->pages[0], 10, "Ŝection", 1));
	assert_true(pe_pdf_choose_encoding(dl, &enc, &err));
	assert_int_equal(enc, PE_PDF_UTF8);
	pe_dlist_destroy(dl);

	/* A long string that converts stays WinAnsi (no fixed-size buffer). */
	char long_text[10000] = "";
	while (strlen(long_text) + 20 < sizeof long_text)
		strcat(long_text, "Señal de alarma ");
	dl = sample("x", "es", NULL);
	assert_true(pe_page_add_mark(&dl->pages[0], 10, long_text, 1));
	assert_true(pe_pdf_choose_encoding(dl, &enc, &err));
	assert_int_equal(enc, PE_PDF_WINANSI);
	pe_dlist_destroy(dl);

	dl = sample("bad \xff\xfe bytes", "en", NULL);
	assert_false(pe_pdf_choose_encoding(dl, &enc, &err));
	assert_non_null(strstr(err.msg, "not valid UTF-8"));
	assert_non_null(strstr(err.msg, "bad "));
	pe_dlist_destroy(dl);
}

static void utf8_route_writes(void **state)
{
	fixture *f = *state;
	pe_dlist *dl = sample("[Ŝéñōr ĉàŀŀ Ŵŷ]", "qps", NULL);
	char out[512];
	snprintf(out, sizeof out, "%s/qps.pdf", f->dir);
	pe_error err = { { 0 } };
	assert_true(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
	size_t n;
	char *pdf = slurp(out, &n);
	assert_true(contains(pdf, n, "Identity-H"));
	assert_false(contains(pdf, n, "WinAnsiEncoding"));
	g_free(pdf);
	pe_dlist_destroy(dl);
}

static void missing_glyph_fails_naming_text(void **state)
{
	fixture *f = *state;
	pe_dlist *dl = sample("Chinese 中文 here", "zh", NULL);
	char out[512];
	snprintf(out, sizeof out, "%s/zh.pdf", f->dir);
	pe_error err = { { 0 } };
	assert_false(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
	assert_non_null(strstr(err.msg, "U+4E2D"));
	assert_non_null(strstr(err.msg, "Chinese"));
	assert_non_null(strstr(err.msg, "NotoSans-Bold.ttf"));
	assert_int_equal(access(out, F_OK), -1);
	assert_int_equal(count_files(f->dir), 1);   /* the logo only */
	pe_dlist_destroy(dl);
}

static void missing_font_keeps_older_file(void **state)
{
	fixture *f = *state;
	pe_dlist *dl = sample("Hello", "en", NULL);
	char out[512];
	snprintf(out, sizeof out, "%s/nofont.pdf", f->dir);
	/* An older file of the same name stays as it was: it may be another
	 * run's good output (a failed run deleted it, 10 times in 50). */
	FILE *old = fopen(out, "w");
	assert_non_null(old);
	fputs("old handout", old);
	fclose(old);
	const char *paths[PE_FACE_COUNT];
	for (int i = 0; i < PE_FACE_COUNT; i++)
		paths[i] = f->font_ptrs[i];
	paths[PE_FACE_BOLD] = "/nonexistent/NotoSans-Bold.ttf";
	pe_error err = { { 0 } };
	assert_false(pe_pdf_write_files(dl, paths, out, &err));
	assert_non_null(strstr(err.msg, "/nonexistent/NotoSans-Bold.ttf"));
	assert_non_null(strstr(err.msg, "nofont.pdf"));
	gchar *kept = NULL;
	assert_true(g_file_get_contents(out, &kept, NULL, NULL));
	assert_string_equal(kept, "old handout");
	g_free(kept);
	assert_int_equal(count_files(f->dir), 2);   /* the logo and the old file */
	unlink(out);
	pe_dlist_destroy(dl);
}

/* A truncated 8-bit PNG made libpng abort() inside libharu (no setjmp):
 * the handout command died with SIGABRT, and the kiosk's Print with it. */
static void truncated_png_fails_cleanly(void **state)
{
	fixture *f = *state;
	gchar *good = NULL;
	gsize n = 0;
	assert_true(g_file_get_contents(f->png, &good, &n, NULL));
	char cut[512];
	snprintf(cut, sizeof cut, "%s/cut.png", f->dir);
	assert_true(g_file_set_contents(cut, good, (gssize)(n - 20), NULL));
	g_free(good);
	pe_dlist *dl = sample("Hello", "en", cut);
	char out[512];
	snprintf(out, sizeof out, "%s/cut.pdf", f->dir);
	pe_error err = { { 0 } };
	assert_false(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
	if (!strstr(err.msg, "cut.png: truncated PNG"))
		fail_msg("%s", err.msg);
	assert_int_equal(access(out, F_OK), -1);
	unlink(cut);
	assert_int_equal(count_files(f->dir), 1);
	pe_dlist_destroy(dl);
}

/* Only a regular file (or a new path) is replaced: as root, "-o /dev/full"
 * swapped the device node for a PDF. A pipe stands in for any non-regular
 * file here (no root needed). */
static void non_regular_output_is_refused(void **state)
{
	fixture *f = *state;
	pe_dlist *dl = sample("Hello", "en", NULL);
	char out[512];
	snprintf(out, sizeof out, "%s/pipe.pdf", f->dir);
	assert_int_equal(mkfifo(out, 0600), 0);
	pe_error err = { { 0 } };
	assert_false(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
	if (!strstr(err.msg, "pipe.pdf: cannot write: it is a pipe"))
		fail_msg("%s", err.msg);
	struct stat sb;
	assert_int_equal(stat(out, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	unlink(out);
	assert_int_equal(count_files(f->dir), 1);
	pe_dlist_destroy(dl);
}

static void bad_png_fails(void **state)
{
	fixture *f = *state;
	char bad[512];
	snprintf(bad, sizeof bad, "%s/notpng.png", f->dir);
	FILE *fp = fopen(bad, "w");
	assert_non_null(fp);
	fputs("GIF89a not a png", fp);
	fclose(fp);
	pe_dlist *dl = sample("Hello", "en", bad);
	char out[512];
	snprintf(out, sizeof out, "%s/badpng.pdf", f->dir);
	pe_error err = { { 0 } };
	assert_false(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
	assert_non_null(strstr(err.msg, "notpng.png"));
	assert_int_equal(access(out, F_OK), -1);
	assert_int_equal(count_files(f->dir), 2);   /* logo + the bad file */
	pe_dlist_destroy(dl);
}

static void unwritable_dir_fails(void **state)
{
	fixture *f = *state;
	pe_dlist *dl = sample("Hello", "en", NULL);
	pe_error err = { { 0 } };
	assert_false(pe_pdf_write_files(dl, f->font_ptrs, "/nonexistent-dir/x.pdf", &err));
	assert_non_null(strstr(err.msg, "/nonexistent-dir/x.pdf"));
	assert_non_null(strstr(err.msg, "cannot write"));
	pe_dlist_destroy(dl);
}

/* A 16-bit PNG (what an editor exports when asked for "best quality"),
 * written here with libpng: left half opaque teal, right half clear. */
static void write_png16(const char *path, bool alpha, int w, int h)
{
	png_image im;
	memset(&im, 0, sizeof im);
	im.version = PNG_IMAGE_VERSION;
	im.width = (png_uint_32)w;
	im.height = (png_uint_32)h;
	im.format = alpha ? PNG_FORMAT_LINEAR_RGB_ALPHA : PNG_FORMAT_LINEAR_Y;
	size_t ch = alpha ? 4 : 1;
	png_uint_16 *px = calloc((size_t)w * (size_t)h * ch, sizeof *px);
	assert_non_null(px);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			png_uint_16 *q = px + ((size_t)y * (size_t)w + (size_t)x) * ch;
			q[0] = x < w / 2 ? 1000 : 60000;
			if (alpha) {
				q[1] = 20000;
				q[2] = 24000;
				q[3] = x < w / 2 ? 65535 : 0;
			}
		}
	assert_true(png_image_write_to_file(&im, path, 0, px, 0, NULL));
	free(px);
}

/* libharu 2.3.0 embeds a 16-bit PNG's samples as if they were 8-bit
 * (poppler drew the logo twice, squeezed into the top half, over black):
 * such a logo must reach the PDF as an 8-bit image of the right size,
 * its alpha as a soft mask. */
static void png16_becomes_8bit(void **state)
{
	fixture *f = *state;
	for (int alpha = 0; alpha < 2; alpha++) {
		char png[512], out[512];
		snprintf(png, sizeof png, "%s/logo16-%d.png", f->dir, alpha);
		snprintf(out, sizeof out, "%s/logo16-%d.pdf", f->dir, alpha);
		write_png16(png, alpha, 38, 14);
		pe_dlist *dl = pe_dlist_create();
		assert_non_null(dl);
		pe_page *pg = pe_dlist_add_page(dl, 612, 792);
		assert_non_null(pg);
		assert_true(pe_page_add_png(pg, 72, 72, 76, 28, png));
		pe_error err = { { 0 } };
		assert_true(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
		size_t n;
		char *pdf = slurp(out, &n);
		assert_false(contains(pdf, n, "/BitsPerComponent 16"));
		assert_true(contains(pdf, n, "/BitsPerComponent 8"));
		assert_true(contains(pdf, n, "/Width 38"));
		assert_true(contains(pdf, n, "/Height 14"));
		assert_true(contains(pdf, n, alpha ? "/DeviceRGB" : "/DeviceGray"));
		assert_int_equal(contains(pdf, n, "/SMask"), alpha);
		g_free(pdf);
		pe_dlist_destroy(dl);
	}
}

/* The handout passes its gettext language code (locales/LINGUAS: pt_BR);
 * /Lang takes the BCP 47 tag (pt-BR). Refusing pt_BR as a "bad language
 * tag" would make a Brazilian Portuguese handout impossible. */
static void gettext_code_becomes_lang_tag(void **state)
{
	fixture *f = *state;
	pe_dlist *dl = sample("Hello", "pt_BR", NULL);
	char out[512];
	snprintf(out, sizeof out, "%s/pt.pdf", f->dir);
	pe_error err = { { 0 } };
	if (!pe_pdf_write_files(dl, f->font_ptrs, out, &err))
		fail_msg("%s", err.msg);
	size_t n;
	char *pdf = slurp(out, &n);
	assert_true(contains(pdf, n, "/Lang (pt-BR)"));
	g_free(pdf);
	pe_dlist_destroy(dl);
}

static void empty_and_bad_lang_fail(void **state)
{
	fixture *f = *state;
	char out[512];
	snprintf(out, sizeof out, "%s/empty.pdf", f->dir);
	pe_error err = { { 0 } };
	pe_dlist *dl = pe_dlist_create();
	assert_false(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
	assert_non_null(strstr(err.msg, "no pages"));
	pe_dlist_destroy(dl);

	dl = sample("Hello", "en) /Evil (x", NULL);
	assert_false(pe_pdf_write_files(dl, f->font_ptrs, out, &err));
	assert_non_null(strstr(err.msg, "language"));
	assert_int_equal(access(out, F_OK), -1);
	pe_dlist_destroy(dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(writes_complete_pdf, setup, teardown),
		cmocka_unit_test_setup_teardown(gettext_code_becomes_lang_tag, setup, teardown),
		cmocka_unit_test_setup_teardown(chooses_encoding, setup, teardown),
		cmocka_unit_test_setup_teardown(utf8_route_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_glyph_fails_naming_text, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_font_keeps_older_file, setup, teardown),
		cmocka_unit_test_setup_teardown(truncated_png_fails_cleanly, setup, teardown),
		cmocka_unit_test_setup_teardown(non_regular_output_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_png_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(png16_becomes_8bit, setup, teardown),
		cmocka_unit_test_setup_teardown(unwritable_dir_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_and_bad_lang_fail, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
