/* SPDX-License-Identifier: MIT */
/*
 * fuzz_site.c - the site file (core/site.c, core/keyfile.c): bytes as
 * site.ini, loaded as the programs load --site.
 *
 * The input is a real file in the private directory (not a memfd), so a
 * relative "logo = x.png" resolves there and never to /proc/self/fd/N,
 * which could name a pipe. What the parser promises, checked here:
 *   - a refusal is one line that starts with the file's path;
 *   - a file with a NUL byte is refused (GKeyFile would stop reading at
 *     it: a clinic name cut short, accepted as if whole);
 *   - an accepted file's values are in their documented ranges (site.h):
 *     idle 10..86400 s, diagonal 5..120 in, a PIN of 4-8 digits, strings
 *     of one line of UTF-8.
 */
#include "fuzz.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "site.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pe_fuzz_setup();
	return 0;
}

static void check_string(const char *s, const char *what)
{
	if (s && (!g_utf8_validate(s, -1, NULL) || strchr(s, '\n')))
		pe_fuzz_fail("accepted site file: %s is not one line of UTF-8", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[4200];
	pe_fuzz_write(data, size, "site.ini", path, sizeof path);
	pe_error err = { { 0 } };
	pe_site *s = pe_site_load(path, &err);
	if (!s) {
		if (strncmp(err.msg, path, strlen(path)) != 0 || strchr(err.msg, '\n'))
			pe_fuzz_fail("refusal is not one line naming the file: \"%s\"", err.msg);
		return 0;
	}
	if (memchr(data, 0, size))
		pe_fuzz_fail("accepted a site file with a NUL byte (the text after it was ignored)");
	if (s->idle_seconds < 10 || s->idle_seconds > 86400)
		pe_fuzz_fail("accepted idle_seconds %d", s->idle_seconds);
	if (!isfinite(s->screen_diagonal_in) || s->screen_diagonal_in < 5 ||
	    s->screen_diagonal_in > 120)
		pe_fuzz_fail("accepted screen_diagonal_inches %g", s->screen_diagonal_in);
	if (s->staff_pin && (strlen(s->staff_pin) < 4 || strlen(s->staff_pin) > 8 ||
	                     strspn(s->staff_pin, "0123456789") != strlen(s->staff_pin)))
		pe_fuzz_fail("accepted staff_pin '%s'", s->staff_pin);
	check_string(s->clinic_name, "name");
	check_string(s->phone, "phone");
	check_string(s->after_hours_phone, "after_hours_phone");
	check_string(s->logo, "logo");
	check_string(s->printer, "printer");
	check_string(s->default_language, "default_language");
	pe_site_destroy(s);
	return 0;
}
