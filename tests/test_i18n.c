/* SPDX-License-Identifier: MIT */
/*
 * test_i18n.c - languages, run-time switching, localised dates.
 *
 * Runs against the staged data (PE_DATADIR=build/share/patient-ed): the
 * real LINGUAS and the real Spanish catalog built from locales/es/ui.po,
 * with only the C.UTF-8 locale, as on a kiosk.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

#define DATE_FMT "%1$s %2$d, %3$d"

static int setup(void **state)
{
	pe_error err = { "" };
	if (!pe_i18n_init(&err)) {
		print_error("pe_i18n_init: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	pe_i18n_finish();
	return 0;
}

static void test_languages_from_linguas(void **state)
{
	assert_true(pe_i18n_count() >= 2);
	assert_string_equal(pe_i18n_code(0), "en");
	assert_null(pe_i18n_code(pe_i18n_count()));
	assert_true(pe_i18n_known("en"));
	assert_true(pe_i18n_known("es"));
	assert_false(pe_i18n_known("xx"));
	assert_false(pe_i18n_known(NULL));
	assert_false(pe_i18n_known(""));
	bool es = false;
	for (size_t i = 0; i < pe_i18n_count(); i++) {
		assert_string_not_equal(pe_i18n_code(i), "qps");
		es = es || strcmp(pe_i18n_code(i), "es") == 0;
	}
	assert_true(es);
}

static void test_unknown_language_lists_available(void **state)
{
	pe_error err = { "" };
	assert_false(pe_i18n_check("xx", &err));
	assert_non_null(strstr(err.msg, "unknown language 'xx'"));
	const char *avail = strstr(err.msg, "(available: ");
	assert_non_null(avail);
	for (size_t i = 0; i < pe_i18n_count(); i++)
		assert_non_null(strstr(avail, pe_i18n_code(i)));
	assert_null(strstr(err.msg, "qps"));     /* never offered */

	assert_true(pe_i18n_set_language("es", NULL));
	memset(&err, 0, sizeof err);
	/* "qq" is reserved for local use (ISO 639): never a real language a
	 * translator could add to LINGUAS. */
	assert_false(pe_i18n_set_language("qq", &err));
	assert_non_null(strstr(err.msg, "unknown language 'qq'"));
	assert_string_equal(pe_i18n_language(), "es");  /* unchanged */
	assert_true(pe_i18n_check("es", NULL));
	assert_true(pe_i18n_set_language("en", NULL));
}

static void test_native_names_from_catalogs(void **state)
{
	assert_string_equal(pe_i18n_native_name("en"), "English");
	assert_string_equal(pe_i18n_native_name("es"), "Español");
	assert_null(pe_i18n_native_name("xx"));
	/* Asking for a name does not switch the UI language. */
	assert_string_equal(pe_i18n_language(), "en");
}

static void test_switch_en_es_en(void **state)
{
	assert_true(pe_i18n_set_language("en", NULL));
	assert_string_equal(C_("date", DATE_FMT), DATE_FMT);
	assert_string_equal(C_("month", "June"), "June");

	assert_true(pe_i18n_set_language("es", NULL));
	assert_string_equal(pe_i18n_language(), "es");
	assert_string_not_equal(C_("date", DATE_FMT), DATE_FMT);
	assert_string_equal(C_("date", DATE_FMT), "%2$d de %1$s de %3$d");
	assert_string_equal(C_("month", "June"), "junio");

	/* Back to English: gettext's cache must not keep the Spanish. */
	assert_true(pe_i18n_set_language("en", NULL));
	assert_string_equal(C_("date", DATE_FMT), DATE_FMT);
	assert_string_equal(C_("month", "June"), "June");

	/* An untranslated msgid comes back as it is in any language. */
	assert_true(pe_i18n_set_language("es", NULL));
	assert_string_equal(_("no such string in any catalog"), "no such string in any catalog");
	assert_string_equal(C_("nowhere", "Nothing"), "Nothing");
	assert_true(pe_i18n_set_language("en", NULL));
}

static void test_tr_other_language(void **state)
{
	assert_true(pe_i18n_set_language("en", NULL));
	assert_string_equal(pe_i18n_tr_key("es", NC_("date", DATE_FMT)), "%2$d de %1$s de %3$d");
	assert_string_equal(pe_i18n_language(), "en");
	assert_string_equal(C_("date", DATE_FMT), DATE_FMT);         /* still English */
	assert_string_equal(pe_i18n_trc("es", NC_("month", "May"), "May"), "mayo");

	assert_true(pe_i18n_set_language("es", NULL));
	assert_string_equal(pe_i18n_tr_key("en", NC_("date", DATE_FMT)), DATE_FMT);
	assert_string_equal(C_("date", DATE_FMT), "%2$d de %1$s de %3$d");  /* still Spanish */
	assert_string_equal(pe_i18n_language(), "es");

	/* Unknown language: the msgid itself, no switch. */
	assert_string_equal(pe_i18n_tr_key("xx", NC_("date", DATE_FMT)), DATE_FMT);
	assert_string_equal(pe_i18n_language(), "es");
	assert_true(pe_i18n_set_language("en", NULL));
}

static void test_format_date(void **state)
{
	char buf[64];
	assert_true(pe_i18n_format_date("en", "2024-06-04", buf, sizeof buf));
	assert_string_equal(buf, "June 4, 2024");
	assert_true(pe_i18n_format_date("es", "2024-06-04", buf, sizeof buf));
	assert_string_equal(buf, "4 de junio de 2024");
	assert_true(pe_i18n_format_date("es", "2026-11-21", buf, sizeof buf));
	assert_string_equal(buf, "21 de noviembre de 2026");
	assert_true(pe_i18n_format_date("en", "2024-02-29", buf, sizeof buf));  /* leap day */
	assert_string_equal(buf, "February 29, 2024");
	assert_true(pe_i18n_format_date("es", "2000-02-29", buf, sizeof buf));
	assert_string_equal(buf, "29 de febrero de 2000");
	assert_true(pe_i18n_format_date("en", "2025-12-31", buf, sizeof buf));
	assert_string_equal(buf, "December 31, 2025");
	/* Formatting in Spanish leaves the UI language alone. */
	assert_string_equal(pe_i18n_language(), "en");
	assert_string_equal(C_("month", "June"), "June");
}

static void test_invalid_dates_rejected(void **state)
{
	static const char *bad[] = {
		"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-06-31",
		"2024-06-00", "2024-6-4", "20240604", "", "2024-06-04x", "abcd-ef-gh",
		"2024/06/04", "0000-01-01", " 2024-06-04", "2024-06-4 ",
	};
	char buf[64];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		strcpy(buf, "untouched");
		if (pe_i18n_format_date("en", bad[i], buf, sizeof buf))
			fail_msg("accepted invalid date \"%s\" as \"%s\"", bad[i], buf);
	}
	assert_false(pe_i18n_format_date("en", NULL, buf, sizeof buf));
	assert_false(pe_i18n_format_date("xx", "2024-06-04", buf, sizeof buf));
	/* Too small a buffer is an error, not a cut-off date. */
	char small[8];
	assert_false(pe_i18n_format_date("en", "2024-06-04", small, sizeof small));
	assert_string_equal(small, "");
	assert_false(pe_i18n_format_date("en", "2024-06-04", NULL, 0));
}

static void test_pseudo_locale(void **state)
{
	if (!pe_i18n_known("qps"))
		skip();   /* the build did not stage it */
	for (size_t i = 0; i < pe_i18n_count(); i++)
		assert_string_not_equal(pe_i18n_code(i), "qps");
	assert_true(pe_i18n_set_language("qps", NULL));
	const char *fmt = C_("date", DATE_FMT);
	assert_string_not_equal(fmt, DATE_FMT);
	assert_non_null(strstr(fmt, "%1$s"));
	assert_true(strlen(fmt) > strlen(DATE_FMT));
	char buf[128];
	assert_true(pe_i18n_format_date("qps", "2024-06-04", buf, sizeof buf));
	assert_non_null(strstr(buf, "2024"));
	assert_null(strstr(buf, "June"));   /* the month is pseudo-translated */
	assert_true(pe_i18n_set_language("en", NULL));
}

static void test_reinit(void **state)
{
	pe_i18n_finish();
	assert_int_equal(pe_i18n_count(), 0);
	assert_false(pe_i18n_known("es"));
	pe_error err = { "" };
	assert_true(pe_i18n_init(&err));
	assert_true(pe_i18n_init(&err));   /* twice: no leak, same result */
	assert_true(pe_i18n_known("es"));
	assert_string_equal(pe_i18n_language(), "en");
}

/* ---- the kiosk's catalogue snapshot ------------------------------------- */

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*n = fread(buf, 1, 1 << 20, f);
	assert_true(*n > 0 && *n < (1 << 20));
	fclose(f);
	return buf;
}

/* Write over the file in place (same inode, as `cp` onto it does). */
static void spill(const char *path, const void *buf, size_t n, const char *mode)
{
	FILE *f = fopen(path, mode);
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static const char *spanish_name(void)
{
	return pe_i18n_trc("es", NC_("language-name", "English"), "English");
}

/* A copy of the staged LINGUAS and catalogues that the snapshot test may
 * break: every test here runs on it (the data directory is fixed at its
 * first use, so it is set up before any test). */
static char stage[] = "/tmp/pe-i18n-test-XXXXXX";

static void copy_file(const char *from, const char *to)
{
	size_t n;
	unsigned char *buf = slurp(from, &n);
	spill(to, buf, n, "wb");
	free(buf);
}

static bool stage_data(void)
{
	const char *real = getenv("PE_DATADIR");
	if (!real || !mkdtemp(stage))
		return false;
	setenv("PE_REAL_DATADIR", real, 1);
	char from[4096], to[4096];
	snprintf(from, sizeof from, "%s/LINGUAS", real);
	snprintf(to, sizeof to, "%s/LINGUAS", stage);
	copy_file(from, to);
	snprintf(to, sizeof to, "%s/locale", stage);
	mkdir(to, 0700);
	const char *langs[] = { "es", "qps" };
	for (size_t i = 0; i < 2; i++) {
		snprintf(from, sizeof from, "%s/locale/%s/LC_MESSAGES/patient-ed.mo", real, langs[i]);
		if (access(from, R_OK) != 0)
			continue;
		snprintf(to, sizeof to, "%s/locale/%s", stage, langs[i]);
		mkdir(to, 0700);
		snprintf(to, sizeof to, "%s/locale/%s/LC_MESSAGES", stage, langs[i]);
		mkdir(to, 0700);
		snprintf(to, sizeof to, "%s/locale/%s/LC_MESSAGES/patient-ed.mo", stage, langs[i]);
		copy_file(from, to);
	}
	setenv("PE_DATADIR", stage, 1);
	return true;
}

static void unstage_data(void)
{
	char path[4096];
	const char *langs[] = { "es", "qps" };
	for (size_t i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/locale/%s/LC_MESSAGES/patient-ed.mo", stage, langs[i]);
		unlink(path);
		snprintf(path, sizeof path, "%s/locale/%s/LC_MESSAGES", stage, langs[i]);
		rmdir(path);
		snprintf(path, sizeof path, "%s/locale/%s", stage, langs[i]);
		rmdir(path);
	}
	snprintf(path, sizeof path, "%s/locale", stage);
	rmdir(path);
	snprintf(path, sizeof path, "%s/LINGUAS", stage);
	unlink(path);
	rmdir(stage);
}

/* A running kiosk shows the catalogues it loaded at start or at its last
 * reload, whatever happens to the files: a catalogue edited on disk does
 * not go live at the next language tap, a broken one is refused by the
 * reload (the old words stay), and a good one goes live at the reload. */
static void test_snapshot_ignores_disk_changes(void **state)
{
	(void)state;
	char mo[4096];
	snprintf(mo, sizeof mo, "%s/locale/es/LC_MESSAGES/patient-ed.mo", stage);
	size_t n;
	unsigned char *good = slurp(mo, &n);
	pe_error err = { "" };
	assert_true(pe_i18n_init(&err));
	if (!pe_i18n_snapshot(&err))
		fail_msg("%s", err.msg);
	assert_true(pe_i18n_set_language("es", &err));
	assert_string_equal(spanish_name(), "Español");

	/* The same catalogue with the language's name changed, byte for byte
	 * the same size: still a valid .mo file. */
	unsigned char *edited = malloc(n);
	assert_non_null(edited);
	memcpy(edited, good, n);
	bool found = false;
	for (size_t i = 0; i + 8 <= n; i++)
		if (memcmp(edited + i, "Español", 8) == 0) {
			memcpy(edited + i, "Garbage!", 8);
			found = true;
		}
	assert_true(found);
	spill(mo, edited, n, "r+b");
	assert_true(pe_i18n_set_language("en", &err));
	assert_true(pe_i18n_set_language("es", &err));
	assert_string_equal(spanish_name(), "Español");
	assert_string_equal(pe_i18n_native_name("es"), "Español");

	/* A broken catalogue: the reload says which file and changes nothing. */
	spill(mo, "this is not a message catalog\n", 30, "wb");
	assert_false(pe_i18n_snapshot(&err));
	assert_non_null(strstr(err.msg, "es/LC_MESSAGES/patient-ed.mo"));
	assert_non_null(strstr(err.msg, "not a valid message catalog"));
	assert_true(pe_i18n_set_language("en", &err));
	assert_true(pe_i18n_set_language("es", &err));
	assert_string_equal(spanish_name(), "Español");

	/* A good new catalogue goes live at the reload, and only then. */
	spill(mo, edited, n, "wb");
	if (!pe_i18n_snapshot(&err))
		fail_msg("%s", err.msg);
	assert_string_equal(spanish_name(), "Garbage!");
	assert_string_equal(pe_i18n_native_name("es"), "Garbage!");

	spill(mo, good, n, "wb");
	assert_true(pe_i18n_set_language("en", &err));
	assert_true(pe_i18n_init(&err));   /* drops the snapshot */
	free(good);
	free(edited);
}

/* A truncated catalogue was taken by gettext without a word: exit 0, a
 * Spanish handout with English UI strings, or a footer reading "L". It is
 * checked when the languages are read, and the error names it. */
static void test_truncated_catalog_refused_at_init(void **state)
{
	(void)state;
	char mo[4096];
	snprintf(mo, sizeof mo, "%s/locale/es/LC_MESSAGES/patient-ed.mo", stage);
	size_t n;
	unsigned char *good = slurp(mo, &n);
	const size_t cuts[] = { 20, 100, n / 2, n - 3, n - 1 };
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		spill(mo, good, cuts[i], "wb");
		pe_error err = { "" };
		if (pe_i18n_init(&err))
			fail_msg("a catalogue cut to %zu of %zu bytes was taken", cuts[i], n);
		assert_non_null(strstr(err.msg, "es/LC_MESSAGES/patient-ed.mo"));
		assert_non_null(strstr(err.msg, "truncated"));
	}
	spill(mo, good, n, "wb");
	pe_error err = { "" };
	assert_true(pe_i18n_init(&err));
	free(good);
}

/* Replace the staged LINGUAS (restored by restore_linguas). */
static void write_linguas(const char *text)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/LINGUAS", stage);
	spill(path, text, strlen(text), "wb");
}

static void restore_linguas(void)
{
	char from[4096], to[4096];
	snprintf(from, sizeof from, "%s/LINGUAS", getenv("PE_REAL_DATADIR"));
	snprintf(to, sizeof to, "%s/LINGUAS", stage);
	copy_file(from, to);
}

/* A regional code (zh_CN, pt_BR, es_419) is a language like any other: it
 * is offered, and a string its own catalogue lacks (or all of them, when
 * it has none yet) comes from the language's catalogue ("es" for es_419),
 * then the English. */
static void test_regional_codes_fall_back(void **state)
{
	(void)state;
	write_linguas("es_419\nes\npt_BR\n");
	pe_error err = { "" };
	if (!pe_i18n_init(&err))
		fail_msg("%s", err.msg);
	assert_true(pe_i18n_known("es_419"));
	assert_true(pe_i18n_known("pt_BR"));
	assert_string_equal(pe_i18n_code(1), "es_419");
	/* es_419 has no catalogue of its own: Spanish words. */
	assert_string_equal(pe_i18n_tr_key("es_419", NC_("date", DATE_FMT)), "%2$d de %1$s de %3$d");
	assert_string_equal(pe_i18n_native_name("es_419"), "Español");
	char buf[64];
	assert_true(pe_i18n_format_date("es_419", "2024-06-04", buf, sizeof buf));
	assert_string_equal(buf, "4 de junio de 2024");
	/* pt_BR: neither pt_BR nor pt has a catalogue: English, code as name. */
	assert_string_equal(pe_i18n_tr_key("pt_BR", NC_("date", DATE_FMT)), DATE_FMT);
	assert_string_equal(pe_i18n_native_name("pt_BR"), "pt_BR");
	/* The kiosk's snapshot keeps the fallback catalogue even when only
	 * the regional code is listed. */
	write_linguas("es_419\n");
	if (!pe_i18n_init(&err) || !pe_i18n_snapshot(&err))
		fail_msg("%s", err.msg);
	assert_false(pe_i18n_known("es"));
	assert_true(pe_i18n_set_language("es_419", &err));
	assert_string_equal(C_("month", "June"), "junio");
	assert_string_equal(pe_i18n_native_name("es_419"), "Español");
	assert_true(pe_i18n_set_language("en", &err));
	assert_string_equal(C_("month", "June"), "June");
	restore_linguas();
	assert_true(pe_i18n_init(&err));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_languages_from_linguas),
		cmocka_unit_test(test_unknown_language_lists_available),
		cmocka_unit_test(test_native_names_from_catalogs),
		cmocka_unit_test(test_switch_en_es_en),
		cmocka_unit_test(test_tr_other_language),
		cmocka_unit_test(test_format_date),
		cmocka_unit_test(test_invalid_dates_rejected),
		cmocka_unit_test(test_pseudo_locale),
		cmocka_unit_test(test_reinit),
		cmocka_unit_test(test_snapshot_ignores_disk_changes),
		cmocka_unit_test(test_truncated_catalog_refused_at_init),
		cmocka_unit_test(test_regional_codes_fall_back),
	};
	if (!stage_data()) {
		fprintf(stderr, "test_i18n: cannot copy the staged catalogs (PE_DATADIR?)\n");
		return 1;
	}
	int failed = cmocka_run_group_tests(tests, setup, teardown);
	unstage_data();
	return failed;
}
