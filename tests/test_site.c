/*
 * test_site.c - the clinic's site file: defaults, every key, and errors
 * that name file, line and key; the logo must exist and be a PNG.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "site.h"

static char tmpdir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/test_site.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	char p[128];
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
	snprintf(p, sizeof p, "%s/logo.png", tmpdir);
	FILE *f = fopen(p, "wb");
	if (!f)
		return -1;
	fwrite(png, 1, sizeof png, f);
	fclose(f);
	snprintf(p, sizeof p, "%s/logo.jpg", tmpdir);
	f = fopen(p, "wb");
	if (!f)
		return -1;
	fputs("\xff\xd8\xff\xe0 jpeg", f);
	fclose(f);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char p[128];
	const char *names[] = { "logo.png", "logo.jpg", "site.ini" };
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s/%s", tmpdir, names[i]);
		unlink(p);
	}
	rmdir(tmpdir);
	return 0;
}

static void defaults(void **state)
{
	(void)state;
	pe_site *s = pe_site_new_default();
	assert_non_null(s);
	assert_null(s->clinic_name);
	assert_null(s->phone);
	assert_null(s->logo);
	assert_null(s->staff_pin);
	assert_int_equal(s->idle_seconds, 90);
	assert_string_equal(s->default_language, "en");
	assert_float_equal(s->screen_diagonal_in, 23.8, 1e-9);
	assert_false(s->high_contrast);
	pe_site_destroy(s);
	pe_site_destroy(NULL);

	pe_error err = { { 0 } };
	s = pe_site_load_data("# empty site file\n", "empty.ini", &err);
	assert_non_null(s);
	assert_int_equal(s->idle_seconds, 90);
	pe_site_destroy(s);
}

static void every_key(void **state)
{
	(void)state;
	char path[128], data[1024];
	snprintf(path, sizeof path, "%s/site.ini", tmpdir);
	snprintf(data, sizeof data,
	         "[clinic]\nname = Riverside Infusion Center\nphone = (555) 010-0100\n"
	         "after_hours_phone = 555-0199\nlogo = logo.png\n"
	         "[kiosk]\nidle_seconds = 120\nstaff_pin = 4321\nprinter = infusion-desk\n"
	         "default_language = es\nscreen_diagonal_inches = 21.5\nhigh_contrast = true\n");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(data, f);
	fclose(f);
	pe_error err = { { 0 } };
	pe_site *s = pe_site_load(path, &err);
	if (!s)
		fail_msg("%s", err.msg);
	assert_string_equal(s->clinic_name, "Riverside Infusion Center");
	assert_string_equal(s->phone, "(555) 010-0100");
	assert_string_equal(s->after_hours_phone, "555-0199");
	/* Relative logo: next to the site file, made absolute. */
	char want[160];
	snprintf(want, sizeof want, "%s/logo.png", tmpdir);
	assert_string_equal(s->logo, want);
	assert_int_equal(s->idle_seconds, 120);
	assert_string_equal(s->staff_pin, "4321");
	assert_string_equal(s->printer, "infusion-desk");
	assert_string_equal(s->default_language, "es");
	assert_float_equal(s->screen_diagonal_in, 21.5, 1e-9);
	assert_true(s->high_contrast);
	pe_site_destroy(s);
}

static void empty_value_means_unset(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_site *s = pe_site_load_data("[kiosk]\nprinter =\n[clinic]\nphone = \n", "s.ini", &err);
	assert_non_null(s);
	assert_null(s->printer);
	assert_null(s->phone);
	pe_site_destroy(s);
}

static void expect_error(const char *data, const char *needle, const char *prefix)
{
	pe_error err = { { 0 } };
	pe_site *s = pe_site_load_data(data, "site.ini", &err);
	if (s) {
		pe_site_destroy(s);
		fail_msg("accepted: %s", data);
	}
	if (!strstr(err.msg, needle) || strncmp(err.msg, prefix, strlen(prefix)) != 0)
		fail_msg("message '%s' lacks '%s' or does not start with '%s'", err.msg, needle, prefix);
}

static void errors_name_file_line_key(void **state)
{
	(void)state;
	expect_error("[clinic]\nname = X\n[printer]\nq = 1\n", "unknown group [printer]", "site.ini:3:");
	expect_error("[clinic]\nname = X\nfax = 555\n", "[clinic] fax: unknown key", "site.ini:3:");
	expect_error("[clinic]\nphone = call us\n", "[clinic] phone", "site.ini:2:");
	expect_error("[kiosk]\n\nidle_seconds = soon\n", "[kiosk] idle_seconds", "site.ini:3:");
	expect_error("[kiosk]\nidle_seconds = 5\n", "[kiosk] idle_seconds", "site.ini:2:");
	expect_error("[kiosk]\nstaff_pin = 12\n", "[kiosk] staff_pin", "site.ini:2:");
	expect_error("[kiosk]\nstaff_pin = abcd\n", "[kiosk] staff_pin", "site.ini:2:");
	expect_error("[kiosk]\nhigh_contrast = yes\n", "[kiosk] high_contrast", "site.ini:2:");
	expect_error("[kiosk]\nscreen_diagonal_inches = 0\n", "[kiosk] screen_diagonal_inches", "site.ini:2:");
	expect_error("[kiosk]\ndefault_language = English\n", "[kiosk] default_language", "site.ini:2:");
	expect_error("[clinic]\nlogo = /nonexistent/logo.png\n", "does not exist", "site.ini:2:");
	expect_error("[clinic]\nname = X\n[[broken\n", "", "site.ini:3:");
}

static void logo_must_be_png(void **state)
{
	(void)state;
	char data[256];
	snprintf(data, sizeof data, "[clinic]\nlogo = %s/logo.jpg\n", tmpdir);
	expect_error(data, "is not a PNG image", "site.ini:2:");
	snprintf(data, sizeof data, "[clinic]\nlogo = %s/logo.png\n", tmpdir);
	pe_error err = { { 0 } };
	pe_site *s = pe_site_load_data(data, "site.ini", &err);
	assert_non_null(s);
	pe_site_destroy(s);
}

static void missing_file(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	assert_null(pe_site_load("/nonexistent/site.ini", &err));
	assert_non_null(strstr(err.msg, "/nonexistent/site.ini"));
	assert_non_null(strstr(err.msg, "no such file"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(every_key),
		cmocka_unit_test(empty_value_means_unset),
		cmocka_unit_test(errors_name_file_line_key),
		cmocka_unit_test(logo_must_be_png),
		cmocka_unit_test(missing_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
