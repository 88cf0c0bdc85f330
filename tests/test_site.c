/* SPDX-License-Identifier: MIT */
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

#include <cairo.h>

#include "site.h"

static char tmpdir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/test_site.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	char p[128];
	/* A real PNG (the site loader reads it whole), and copies cut short. */
	snprintf(p, sizeof p, "%s/logo.png", tmpdir);
	cairo_surface_t *cs = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 120, 40);
	cairo_t *cr = cairo_create(cs);
	cairo_set_source_rgb(cr, 0.1, 0.5, 0.5);
	cairo_paint(cr);
	cairo_destroy(cr);
	if (cairo_surface_write_to_png(cs, p) != CAIRO_STATUS_SUCCESS)
		return -1;
	cairo_surface_destroy(cs);
	unsigned char png[4096];
	FILE *f = fopen(p, "rb");
	if (!f)
		return -1;
	size_t n = fread(png, 1, sizeof png, f);
	fclose(f);
	if (n < 100 || n == sizeof png)
		return -1;
	const struct { const char *name; size_t len; } cuts[] = { { "half.png", n / 2 }, { "cut20.png", 20 } };
	for (size_t i = 0; i < 2; i++) {
		snprintf(p, sizeof p, "%s/%s", tmpdir, cuts[i].name);
		if (!(f = fopen(p, "wb")))
			return -1;
		fwrite(png, 1, cuts[i].len, f);
		fclose(f);
	}
	/* A header claiming 20000 x 20000 pixels (CRC not checked: the size
	 * is refused before that). */
	memcpy(png + 16, "\0\0\x4e\x20\0\0\x4e\x20", 8);
	snprintf(p, sizeof p, "%s/huge.png", tmpdir);
	if (!(f = fopen(p, "wb")))
		return -1;
	fwrite(png, 1, n, f);
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
	const char *names[] = { "logo.png", "logo.jpg", "site.ini", "half.png", "cut20.png",
	                        "huge.png" };
	for (size_t i = 0; i < 6; i++) {
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
	assert_true(s->speech);
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
	         "default_language = es\nscreen_diagonal_inches = 21.5\nhigh_contrast = true\n"
	         "speech = false\n");
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
	assert_false(s->speech);
	pe_site_destroy(s);
}

/* default_language takes what locales/LINGUAS lists: ll, lll, ll_CC and
 * @variant, the codes the kiosk looks up; and "(+44) 20 7946 0000" is a
 * phone number. */
static void gettext_language_codes_and_international_phones(void **state)
{
	(void)state;
	static const char *const codes[] = { "pt_BR", "sr@latin", "fil", "es" };
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		char data[128];
		pe_error err = { { 0 } };
		snprintf(data, sizeof data, "[kiosk]\ndefault_language = %s\n", codes[i]);
		pe_site *s = pe_site_load_data(data, "s.ini", &err);
		if (!s)
			fail_msg("%s refused: %s", codes[i], err.msg);
		assert_string_equal(s->default_language, codes[i]);
		pe_site_destroy(s);
	}
	pe_error err = { { 0 } };
	pe_site *s = pe_site_load_data("[clinic]\nphone = (+44) 20 7946 0000\n", "s.ini", &err);
	assert_non_null(s);
	assert_string_equal(s->phone, "(+44) 20 7946 0000");
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
	expect_error("[kiosk]\nspeech = loud\n", "[kiosk] speech", "site.ini:2:");
	expect_error("[kiosk]\nscreen_diagonal_inches = 0\n", "[kiosk] screen_diagonal_inches", "site.ini:2:");
	expect_error("[kiosk]\ndefault_language = English\n", "[kiosk] default_language", "site.ini:2:");
	/* Language codes are gettext's, as in locales/LINGUAS (pt_BR): one the
	 * kiosk can never find is refused here, at its line (validate.c). */
	expect_error("[kiosk]\ndefault_language = pt-BR\n", "[kiosk] default_language", "site.ini:2:");
	expect_error("[kiosk]\ndefault_language = es_mx\n", "[kiosk] default_language", "site.ini:2:");
	/* and phone numbers follow the topics' rule: a + only before the digits */
	expect_error("[clinic]\nphone = 555+0100\n", "[clinic] phone", "site.ini:2:");
	expect_error("[clinic]\nlogo = /nonexistent/logo.png\n", "does not exist", "site.ini:2:");
	expect_error("[clinic]\nname = X\n[[broken\n", "", "site.ini:3:");
	/* GKeyFile turns the escapes \n, \t and \r into real control
	 * characters: a clinic name on two lines overflowed every handout's
	 * header ("layout check failed"), and a printer queue name with a
	 * newline is no queue (found by tests/fuzz/fuzz_site). */
	expect_error("[clinic]\nname = Riverside\\nInfusion Center\n", "[clinic] name: a control character",
	             "site.ini:2:");
	expect_error("[kiosk]\n\nprinter = desk\\tqueue\n", "[kiosk] printer: a control character",
	             "site.ini:3:");
}

static void logo_must_be_png(void **state)
{
	(void)state;
	char data[256];
	snprintf(data, sizeof data, "[clinic]\nlogo = %s/logo.jpg\n", tmpdir);
	expect_error(data, "logo.jpg: not a PNG image", "site.ini:2:");
	snprintf(data, sizeof data, "[clinic]\nlogo = %s/logo.png\n", tmpdir);
	pe_error err = { { 0 } };
	pe_site *s = pe_site_load_data(data, "site.ini", &err);
	assert_non_null(s);
	pe_site_destroy(s);
}

/* A truncated 8-bit logo made libpng abort() the handout command (SIGABRT)
 * and the kiosk's Print; one cut to 20 bytes was silently left off the
 * handout; a 20000 x 20000 one took 156 s and 1.2 GB. Each is now the
 * site file's error, naming the line and the file. */
static void damaged_or_huge_logo_is_refused(void **state)
{
	(void)state;
	char data[256], want[256];
	snprintf(data, sizeof data, "[clinic]\nname = X\nlogo = %s/half.png\n", tmpdir);
	snprintf(want, sizeof want, "[clinic] logo: %s/half.png: truncated PNG", tmpdir);
	expect_error(data, want, "site.ini:3: ");
	snprintf(data, sizeof data, "[clinic]\nlogo = %s/cut20.png\n", tmpdir);
	snprintf(want, sizeof want, "[clinic] logo: %s/cut20.png: truncated PNG", tmpdir);
	expect_error(data, want, "site.ini:2: ");
	snprintf(data, sizeof data, "[clinic]\nlogo = %s/huge.png\n", tmpdir);
	expect_error(data, "huge.png: is 20000 x 20000 pixels; at most 2000 x 2000", "site.ini:2: ");
}

static pe_site *load_bytes(const char *bytes, size_t n, pe_error *err)
{
	char path[128];
	snprintf(path, sizeof path, "%s/site.ini", tmpdir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return pe_site_load(path, err);
}

/* A NUL byte cut the clinic's name short ("Te") with exit 0. */
static void nul_byte_is_an_error_with_its_line(void **state)
{
	(void)state;
	static const char bytes[] = "[clinic]\nphone = 555-0100\nname = Te\0st Clinic\n";
	pe_error err = { { 0 } };
	pe_site *s = load_bytes(bytes, sizeof bytes - 1, &err);
	if (s) {
		pe_site_destroy(s);
		fail_msg("a site file with a NUL byte was taken");
	}
	assert_non_null(strstr(err.msg, "site.ini:3: "));
	assert_non_null(strstr(err.msg, "NUL byte"));
	/* Bytes that are not UTF-8: the line is named too. */
	static const char latin1[] = "[clinic]\nname = Cl\xednica\n";
	assert_null(load_bytes(latin1, sizeof latin1 - 1, &err));
	assert_non_null(strstr(err.msg, "site.ini:2: not UTF-8"));
}

/* A byte-order mark (Notepad writes one) is taken; before, the message
 * was GKeyFile's, hiding the cause. */
static void byte_order_mark_is_accepted(void **state)
{
	(void)state;
	static const char bytes[] = "\xEF\xBB\xBF[clinic]\nname = Riverside\n[kiosk]\nstaff_pin = 12\n";
	pe_error err = { { 0 } };
	pe_site *s = load_bytes(bytes, 29, &err);   /* up to the [kiosk] group */
	if (!s)
		fail_msg("%s", err.msg);
	assert_string_equal(s->clinic_name, "Riverside");
	pe_site_destroy(s);
	assert_null(load_bytes(bytes, sizeof bytes - 1, &err));   /* the same line numbers */
	assert_non_null(strstr(err.msg, "site.ini:4: [kiosk] staff_pin"));
}

/* A 1 MB line filled the message and cut off its cause; values are now
 * quoted up to about 60 characters. */
static void long_values_are_quoted_short(void **state)
{
	(void)state;
	const size_t big = 1 << 20;
	const char *heads[] = { "[clinic]\nname = ", "[clinic]\nphone = ", "[clinic]\n", "[clinic]\nname = X\n",
	                        "[clinic]\nlogo = " };
	const char *tails[] = { "\n", "\n", " = 1\n", "\n", "\n" };
	const char *causes[] = { "longer than 200 characters", "not a phone number", "unknown key",
	                         "not a [group], a key = value or a # comment", "File name too long" };
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		size_t hl = strlen(heads[i]), tl = strlen(tails[i]);
		char *data = malloc(hl + big + tl + 1);
		assert_non_null(data);
		memcpy(data, heads[i], hl);
		memset(data + hl, i == 4 ? 'a' : 'x', big);
		memcpy(data + hl + big, tails[i], tl + 1);
		pe_error err = { { 0 } };
		pe_site *s = pe_site_load_data(data, "site.ini", &err);
		free(data);
		if (s) {
			pe_site_destroy(s);
			fail_msg("case %zu: a 1 MB line was taken", i);
		}
		if (!strstr(err.msg, causes[i]) || strlen(err.msg) > 300)
			fail_msg("case %zu: message of %zu bytes lacks '%s': %.300s", i, strlen(err.msg),
			         causes[i], err.msg);
	}
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
		cmocka_unit_test(gettext_language_codes_and_international_phones),
		cmocka_unit_test(errors_name_file_line_key),
		cmocka_unit_test(logo_must_be_png),
		cmocka_unit_test(damaged_or_huge_logo_is_refused),
		cmocka_unit_test(nul_byte_is_an_error_with_its_line),
		cmocka_unit_test(byte_order_mark_is_accepted),
		cmocka_unit_test(long_values_are_quoted_short),
		cmocka_unit_test(missing_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
