/* SPDX-License-Identifier: MIT */
/*
 * test_validate.c - the small values people type (core/validate.c): ids,
 * phone numbers and their tel: links, language codes and their BCP 47
 * tags, ISO dates. Each once had two or three copies that disagreed; these
 * are the cases where they did.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "validate.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

static void idents(void **state)
{
	(void)state;
	static const char *const good[] = { "a", "ivig-aftercare", "x1-2b", "911" };
	static const char *const bad[] = { "", "-a", "a-", "a--b", "A", "a_b", "a b", "é" };
	for (size_t i = 0; i < N(good); i++)
		if (!pe_ident_valid(good[i]))
			fail_msg("refused id \"%s\"", good[i]);
	for (size_t i = 0; i < N(bad); i++)
		if (pe_ident_valid(bad[i]))
			fail_msg("accepted id \"%s\"", bad[i]);
	assert_false(pe_ident_valid(NULL));
}

static void phone_numbers(void **state)
{
	(void)state;
	static const char *const good[] = {
		"911", "1-800-227-2345", "+1 (555) 010-0199", "(555) 010-0100",
		"555.010.0100", "(+44) 20 7946 0000", "+44 20 7946 0000",
		"123456789012345",                      /* 15 digits: E.164's most */
	};
	static const char *const bad[] = {
		"", "12", "+12",                         /* fewer than 3 digits */
		"1234567890123456",                      /* 16 digits */
		"555+0100", "+1 +555", "++1 555",        /* a + after a digit, or twice */
		" 555 0100", "-555", ".555", ")555",     /* starts with something else */
		"call us", "555-0100 x12", "555/0100",
		"1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6",      /* longer than 31 characters */
	};
	for (size_t i = 0; i < N(good); i++)
		if (!pe_phone_valid(good[i]))
			fail_msg("refused phone \"%s\"", good[i]);
	for (size_t i = 0; i < N(bad); i++)
		if (pe_phone_valid(bad[i]))
			fail_msg("accepted phone \"%s\"", bad[i]);
	assert_false(pe_phone_valid(NULL));
}

static void tel_uri(const char *text, const char *want)
{
	char out[64];
	pe_phone_tel_uri(text, strlen(text), out, sizeof out);
	if (strcmp(out, want) != 0)
		fail_msg("\"%s\" -> \"%s\", expected \"%s\"", text, out, want);
}

static void tel_uris(void **state)
{
	(void)state;
	tel_uri("1-800-227-2345", "tel:18002272345");
	tel_uri("911", "tel:911");
	tel_uri("+1 (555) 010-0199", "tel:+15550100199");
	/* The + leads the digits even behind a bracket or a space: layout once
	 * dropped it here and dialled a local number. */
	tel_uri("(+44) 20 7946 0000", "tel:+442079460000");
	tel_uri(" +44 20", "tel:+4420");
	/* A + after a digit, or a second one, is not a prefix. */
	tel_uri("555+0100", "tel:5550100");
	tel_uri("++1", "tel:+1");
	/* Only the first n bytes count (layout passes one run of a line). */
	char out[64];
	pe_phone_tel_uri("555-0100 and more 42", 8, out, sizeof out);
	assert_string_equal(out, "tel:5550100");
	/* Cut, never overrun, and always terminated. */
	char small[8];
	memset(small, 'x', sizeof small);
	pe_phone_tel_uri("1-800-227-2345", 14, small, sizeof small);
	assert_string_equal(small, "tel:180");
	pe_phone_tel_uri("1-800", 5, small, 1);
	assert_string_equal(small, "");
	/* The longest valid number fits the 64 bytes callers use. */
	pe_phone_tel_uri("+123456789012345", 16, out, sizeof out);
	assert_string_equal(out, "tel:+123456789012345");
}

static void language_codes(void **state)
{
	(void)state;
	static const char *const good[] = { "en", "es", "fil", "pt_BR", "sr@latin", "ca@valencia",
		                            "qps", "zh_TW", "zh_CN",
		                            "es_419" };
	/* The site file once took pt-BR and es_mx, which no LINGUAS entry can
	 * ever match; the PDF painter once refused pt_BR. */
	static const char *const bad[] = { "", "e", "engl", "English", "pt-BR", "es_mx", "es_M",
		                           "en_USA", "sr@", "sr@Latin", "en) /Evil (x", "EN",
		                           "abc_DE@verylongvariant", "es_41", "es_4190",
		                           "es_4A9" };
	for (size_t i = 0; i < N(good); i++)
		if (!pe_lang_valid(good[i]))
			fail_msg("refused language code \"%s\"", good[i]);
	for (size_t i = 0; i < N(bad); i++)
		if (pe_lang_valid(bad[i]))
			fail_msg("accepted language code \"%s\"", bad[i]);
	assert_false(pe_lang_valid(NULL));
}

/* Right-to-left scripts, known by the language: the layout mirrors for
 * them. A country or variant does not change the script's direction. */
static void rtl_languages(void **state)
{
	(void)state;
	static const char *const rtl[] = { "ar", "he", "fa", "ur", "ps", "sd", "ckb", "ug", "yi",
		                           "ar_EG", "fa_AF", "ur_PK", "he_IL" };
	static const char *const ltr[] = { "en", "es", "zh_CN", "vi", "ru", "fr", "tl", "fil",
		                           "ht", "ko", "arn", "hea", "", "a" };
	for (size_t i = 0; i < N(rtl); i++)
		if (!pe_lang_rtl(rtl[i]))
			fail_msg("\"%s\" is written right to left", rtl[i]);
	for (size_t i = 0; i < N(ltr); i++)
		if (pe_lang_rtl(ltr[i]))
			fail_msg("\"%s\" is written left to right", ltr[i]);
	assert_false(pe_lang_rtl(NULL));
}

static void lang_tag(const char *code, const char *want)
{
	char out[PE_LANG_CODE_MAX];
	if (!pe_lang_tag(code, out, sizeof out))
		fail_msg("no tag for \"%s\"", code);
	if (strcmp(out, want) != 0)
		fail_msg("\"%s\" -> \"%s\", expected \"%s\"", code, out, want);
}

static void language_tags(void **state)
{
	(void)state;
	lang_tag("en", "en");
	lang_tag("pt_BR", "pt-BR");
	lang_tag("sr@latin", "sr-Latn");
	lang_tag("sr_RS@cyrillic", "sr-Cyrl-RS");
	lang_tag("ca@valencia", "ca");
	lang_tag("es_419", "es-419");
	lang_tag("zh_CN", "zh-CN");
	char out[PE_LANG_CODE_MAX];
	assert_false(pe_lang_tag("en) /Evil (x", out, sizeof out));
	assert_false(pe_lang_tag("pt-BR", out, sizeof out));
	assert_false(pe_lang_tag(NULL, out, sizeof out));
	char small[3];
	assert_false(pe_lang_tag("pt_BR", small, sizeof small));
	assert_string_equal(small, "");
}

static void dates(void **state)
{
	(void)state;
	int y = 0, m = 0, d = 0;
	assert_true(pe_date_parse("2024-06-04", &y, &m, &d));
	assert_int_equal(y, 2024);
	assert_int_equal(m, 6);
	assert_int_equal(d, 4);
	assert_true(pe_date_parse("2024-02-29", NULL, NULL, NULL));   /* leap year */
	assert_true(pe_date_parse("2000-02-29", NULL, NULL, NULL));   /* 400 years */
	assert_true(pe_date_parse("0001-01-01", NULL, NULL, NULL));
	assert_true(pe_date_parse("9999-12-31", NULL, NULL, NULL));
	static const char *const bad[] = {
		"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-06-31",
		"2024-06-00", "2024-6-4", "20240604", "", "2024-06-04x", "abcd-ef-gh",
		"2024/06/04", "0000-01-01", " 2024-06-04", "2024-06-4 ", "+024-06-04",
	};
	for (size_t i = 0; i < N(bad); i++) {
		y = m = d = -1;
		if (pe_date_parse(bad[i], &y, &m, &d))
			fail_msg("accepted date \"%s\"", bad[i]);
		assert_true(y == -1 && m == -1 && d == -1);   /* untouched */
	}
	assert_false(pe_date_parse(NULL, &y, &m, &d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(idents),
		cmocka_unit_test(phone_numbers),
		cmocka_unit_test(tel_uris),
		cmocka_unit_test(language_codes),
		cmocka_unit_test(language_tags),
		cmocka_unit_test(rtl_languages),
		cmocka_unit_test(dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
