/* SPDX-License-Identifier: MIT */
/*
 * test_template.c - templates are data: the shipped files load, every key
 * is parsed with its unit, and every bad file is an error naming file,
 * line and key.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "template.h"

static void lengths_take_units(void **state)
{
	(void)state;
	double v;
	assert_true(pe_template_parse_length("612", &v));
	assert_float_equal(v, 612, 1e-9);
	assert_true(pe_template_parse_length("8.5in", &v));
	assert_float_equal(v, 612, 1e-9);
	assert_true(pe_template_parse_length("210mm", &v));
	assert_float_equal(v, 595.2756, 1e-3);
	assert_true(pe_template_parse_length("2cm", &v));
	assert_float_equal(v, 56.6929, 1e-3);
	assert_true(pe_template_parse_length("12pt", &v));
	assert_float_equal(v, 12, 1e-9);
	assert_false(pe_template_parse_length("12px", &v));
	assert_false(pe_template_parse_length("wide", &v));
	assert_false(pe_template_parse_length("", &v));
}

static void shipped_templates_load(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_template *t = pe_template_find("letter", &err);
	assert_non_null(t);
	assert_float_equal(t->width, 612, 1e-6);
	assert_float_equal(t->height, 792, 1e-6);
	assert_int_equal(t->kind, PE_TEMPLATE_HANDOUT);
	assert_true(t->body >= 12);
	assert_true(t->footer & PE_EL_PAGE);
	pe_template_destroy(t);

	t = pe_template_find("a4", &err);
	assert_non_null(t);
	assert_float_equal(t->width, 595.28, 0.01);
	assert_float_equal(t->height, 841.89, 0.01);
	pe_template_destroy(t);

	t = pe_template_find("large-print", &err);
	assert_non_null(t);
	assert_true(t->body >= 18);
	assert_true(t->small >= 12);
	pe_template_destroy(t);

	t = pe_template_find("wallet-card", &err);
	assert_non_null(t);
	assert_int_equal(t->kind, PE_TEMPLATE_WALLET);
	assert_float_equal(t->width, 85.6 * 72 / 25.4, 0.01);
	assert_float_equal(t->height, 54 * 72 / 25.4, 0.01);
	pe_template_destroy(t);

	t = pe_template_find("bilingual", &err);
	assert_non_null(t);
	assert_int_equal(t->kind, PE_TEMPLATE_BILINGUAL);
	assert_true(t->width > t->height);
	pe_template_destroy(t);
}

static void unknown_template_lists_available(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	assert_null(pe_template_find("tabloid", &err));
	assert_non_null(strstr(err.msg, "unknown template 'tabloid'"));
	assert_non_null(strstr(err.msg, "(available: a4, bilingual, large-print, large-print-a4, letter, wallet-card)"));
	/* No path tricks through the name. */
	assert_null(pe_template_find("../templates/letter", &err));
	assert_non_null(strstr(err.msg, "unknown template"));
}

static void new_paper_needs_no_code(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	const char *legal = "[paper]\nwidth = 8.5in\nheight = 14in\nmargin_left = 2cm\n"
	                    "[type]\nbody = 14\nheading=18\n[colors]\naccent = #102030\n"
	                    "[footer]\nelements = page , revised\n";
	pe_template *t = pe_template_load_data(legal, "legal.ini", &err);
	assert_non_null(t);
	assert_string_equal(t->name, "legal");
	assert_float_equal(t->height, 1008, 1e-6);
	assert_float_equal(t->margin_left, 56.69, 0.01);
	assert_float_equal(t->body, 14, 1e-9);
	assert_float_equal(t->accent.g, 0x20 / 255.0, 1e-9);
	assert_int_equal(t->footer, PE_EL_PAGE | PE_EL_REVISED);
	/* Keys not given keep the defaults (Letter width and margins). */
	assert_float_equal(t->width, 612, 1e-9);
	assert_true(t->margin_top > 0);
	double x0, y0, x1, y1;
	pe_template_area(t, &x0, &y0, &x1, &y1);
	assert_float_equal(x0, 56.69, 0.01);
	assert_float_equal(x1, 612 - t->margin_right, 1e-9);
	assert_float_equal(y1, 1008 - t->margin_bottom, 1e-9);
	pe_template_destroy(t);
}

/* Each bad file gives file:line: and the key. */
static void expect_error(const char *data, const char *needle, const char *line_prefix)
{
	pe_error err = { { 0 } };
	pe_template *t = pe_template_load_data(data, "bad.ini", &err);
	if (t) {
		pe_template_destroy(t);
		fail_msg("accepted: %s", data);
	}
	if (!strstr(err.msg, needle) || strncmp(err.msg, line_prefix, strlen(line_prefix)) != 0)
		fail_msg("message '%s' lacks '%s' or does not start with '%s'", err.msg, needle,
		         line_prefix);
}

static void bad_files_name_line_and_key(void **state)
{
	(void)state;
	expect_error("[paper]\nwidth = 8.5in\n\nhieght = 11in\n", "[paper] hieght: unknown key",
	             "bad.ini:4:");
	expect_error("# c\n[papr]\nwidth = 1\n", "unknown group [papr]", "bad.ini:2:");
	expect_error("[paper]\nwidth = 8.5 furlongs\n", "[paper] width", "bad.ini:2:");
	expect_error("[type]\nbody = 12\nbody = big\n", "[type] body", "bad.ini:3:");
	expect_error("[type]\nleading = 9\n", "[type] leading", "bad.ini:2:");
	expect_error("[colors]\n\n\naccent = teal\n", "[colors] accent", "bad.ini:4:");
	expect_error("[header]\nelements = clinic, page\n", "unknown element 'page'", "bad.ini:2:");
	expect_error("[footer]\nelements = page, qr-code\n", "unknown element 'qr-code'", "bad.ini:2:");
	expect_error("[body]\nqr = yes\n", "[body] qr", "bad.ini:2:");
	expect_error("[template]\nlayout = poster\n", "[template] layout", "bad.ini:2:");
	expect_error("[paper]\nmargin_left = 4in\nmargin_right = 4in\n", "margin", "bad.ini:2:");
	expect_error("[type]\nsmall = 20\n", "sizes must grow", "bad.ini:");
	expect_error("[paper]\nthis line has no equals sign\n", "", "bad.ini:2:");
}

/* Type too small for its purpose is refused with the line that set it
 * (an 11 pt handout, a "large print" one at 16 pt, were accepted). */
static void type_floor_per_purpose(void **state)
{
	(void)state;
	expect_error("[template]\nlayout = handout\n[type]\nsmall = 8\nbody = 11\n",
	             "[type] body: 11 pt is under the 12 pt", "bad.ini:5:");
	expect_error("[template]\nlayout = bilingual\n[type]\nbody = 10\n", "[type] body",
	             "bad.ini:4:");
	expect_error("[template]\nlarge_print = true\n[type]\nbody = 16\nheading = 20\n",
	             "[type] body: 16 pt is under the 18 pt that large print needs", "bad.ini:4:");
	expect_error("[template]\nlarge_print = true\n[type]\nbody = 18\nheading = 22\n"
	             "title = 30\nsmall = 11\n", "[type] small: 11 pt", "bad.ini:7:");
	/* the default body (13) under large print: the flag's line */
	expect_error("# big\n[template]\nlarge_print = true\n", "large print", "bad.ini:3:");
	expect_error("[template]\nlarge_print = maybe\n", "[template] large_print", "bad.ini:2:");
	/* nothing under 9 pt on a handout, 16 pt in large print, 8 pt on a
	 * wallet card (the small print was 6.5 pt there, 13 in large print) */
	expect_error("[type]\nbody = 12\nsmall = 8.5\n", "[type] small: 8.5 pt is under the 9 pt",
	             "bad.ini:3:");
	expect_error("[template]\nlarge_print = true\n[type]\nbody = 18\nheading = 22\n"
	             "title = 30\nsmall = 13\n", "[type] small: 13 pt is under the 16 pt", "bad.ini:7:");
	expect_error("[template]\nlayout = wallet-card\n[type]\nbody = 8\nsmall = 6.5\n",
	             "[type] small: 6.5 pt is under the 8 pt a wallet card needs", "bad.ini:5:");
	/* at the floor it loads; a wallet card is read up close */
	pe_error err = { { 0 } };
	pe_template *t = pe_template_load_data("[type]\nbody = 12\nsmall = 9\n", "ok.ini", &err);
	assert_non_null(t);
	assert_false(t->large_print);
	pe_template_destroy(t);
	t = pe_template_load_data("[template]\nlarge_print = true\n[type]\nbody = 18\nheading = 22\n"
	                          "title = 30\nsmall = 16\n", "ok.ini", &err);
	assert_non_null(t);
	assert_true(t->large_print);
	pe_template_destroy(t);
	t = pe_template_load_data("[template]\nlayout = wallet-card\n[type]\nbody = 8\nsmall = 8\n",
	                          "ok.ini", &err);
	assert_non_null(t);
	pe_template_destroy(t);
	/* the shipped large-print template says what it is */
	t = pe_template_find("large-print", &err);
	assert_non_null(t);
	assert_true(t->large_print);
	pe_template_destroy(t);
}

/* Found by tests/fuzz/fuzz_template.c: GKeyFile stops at a NUL byte, so
 * a template file with one lost everything after it without a word (a
 * whole [paper] group ignored, the defaults printed instead); and a
 * description that is not UTF-8 was accepted. Both are refused with the
 * line they are on. */
static void nul_byte_and_bad_utf8_refused(void **state)
{
	(void)state;
	char path[] = "/tmp/test_template_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	static const char text[] = "[template]\ndescription = x\n\0[paper]\nwidth = 1\n";
	assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	pe_error err = { { 0 } };
	pe_template *t = pe_template_load(path, &err);
	unlink(path);
	if (t) {
		pe_template_destroy(t);
		fail_msg("a template with a NUL byte was accepted");
	}
	char want[64];
	snprintf(want, sizeof want, "%s:3: a NUL byte", path);
	if (strncmp(err.msg, want, strlen(want)) != 0)
		fail_msg("message '%s' does not start with '%s'", err.msg, want);

	expect_error("[template]\n\ndescription = caf\xe9\n", "not UTF-8", "bad.ini:3:");
}

static void style_follows_template(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	pe_template *t = pe_template_find("large-print", &err);
	assert_non_null(t);
	pe_style st;
	pe_template_style(t, &st);
	assert_float_equal(st.body_size, t->body, 1e-9);
	assert_float_equal(st.heading_size, t->heading, 1e-9);
	assert_float_equal(st.leading, t->leading, 1e-9);
	assert_float_equal(st.text.r, t->text.r, 1e-9);
	pe_template_destroy(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lengths_take_units),
		cmocka_unit_test(shipped_templates_load),
		cmocka_unit_test(unknown_template_lists_available),
		cmocka_unit_test(new_paper_needs_no_code),
		cmocka_unit_test(bad_files_name_line_and_key),
		cmocka_unit_test(type_floor_per_purpose),
		cmocka_unit_test(nul_byte_and_bad_utf8_refused),
		cmocka_unit_test(style_follows_template),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
