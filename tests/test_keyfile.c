/* SPDX-License-Identifier: MIT */
/* test_keyfile.c - line numbers and unknown-key checks for INI files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "keyfile.h"

static void key_lines(void **state)
{
	(void)state;
	const char *d = "# top\n[a]\nx = 1\n[b]\n  x=2\nxy = 3\n[a]\nx = 4\n";
	assert_int_equal(pe_keyfile_line(d, "a", "x"), 8);   /* the last one wins, as in GKeyFile */
	assert_int_equal(pe_keyfile_line(d, "b", "x"), 5);
	assert_int_equal(pe_keyfile_line(d, "b", "xy"), 6);  /* "x" is not a prefix match */
	assert_int_equal(pe_keyfile_line(d, "b", NULL), 4);
	assert_int_equal(pe_keyfile_line(d, "c", "x"), 0);
	assert_int_equal(pe_keyfile_line(d, "a", "y"), 0);
}

static void bad_lines(void **state)
{
	(void)state;
	assert_int_equal(pe_keyfile_bad_line("# c\n\n[a]\nx = 1\n"), 0);
	assert_int_equal(pe_keyfile_bad_line("[a]\nx = 1\nno equals here\n"), 3);
	assert_int_equal(pe_keyfile_bad_line("[a]\n= 1\n"), 2);
	/* A note after a group, with an '=' in it ("small <= body"), made
	 * GKeyFile report "Invalid key name" with no line: the line is 2. */
	assert_int_equal(pe_keyfile_bad_line("[a]\n[type]   # small <= body\nx = 1\n"), 2);
	assert_int_equal(pe_keyfile_bad_line("[a]\nname[es] = b\n[b]  \n"), 0);
	assert_int_equal(pe_keyfile_bad_line("[a]\nx[y]z = 1\n"), 2);
}

static bool known(const char *group, const char *key)
{
	if (strcmp(group, "clinic") != 0)
		return false;
	return !key || strcmp(key, "name") == 0 || strcmp(key, "phone") == 0;
}

static bool check(const char *data, pe_error *err)
{
	GKeyFile *kf = g_key_file_new();
	assert_true(g_key_file_load_from_data(kf, data, strlen(data), G_KEY_FILE_NONE, NULL));
	bool ok = pe_keyfile_check_known(kf, "site.ini", data, known, "[clinic]", err);
	g_key_file_free(kf);
	return ok;
}

static void unknown_groups_and_keys(void **state)
{
	(void)state;
	pe_error err = { { 0 } };
	assert_true(check("[clinic]\nname = A\nphone = 1\n", &err));
	assert_false(check("[clinic]\nname = A\n\n[clinc]\nx = 1\n", &err));
	assert_string_equal(err.msg, "site.ini:4: unknown group [clinc] (known: [clinic])");
	assert_false(check("[clinic]\nname = A\nphnoe = 1\n", &err));
	assert_string_equal(err.msg, "site.ini:3: [clinic] phnoe: unknown key");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_lines),
		cmocka_unit_test(bad_lines),
		cmocka_unit_test(unknown_groups_and_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
