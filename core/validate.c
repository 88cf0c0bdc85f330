/* SPDX-License-Identifier: MIT */
/*
 * validate.c - ids, phone numbers, language codes, dates (see
 * validate.h). Hand-written checks rather than regular expressions or
 * sscanf, so no locale and no library can change what they accept.
 */
#include "validate.h"

#include <stdio.h>
#include <string.h>

bool pe_ident_valid(const char *s)
{
	bool need_alnum = true;
	if (!s || !*s)
		return false;
	for (; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')) {
			need_alnum = false;
		} else if (*s == '-' && !need_alnum) {
			need_alnum = true;
		} else {
			return false;
		}
	}
	return !need_alnum;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool pe_phone_valid(const char *s)
{
	if (!s)
		return false;
	size_t n = strlen(s);
	if (n < 3 || n > PE_PHONE_MAX_CHARS)
		return false;
	if (!(is_digit(s[0]) || s[0] == '+' || s[0] == '('))
		return false;
	int digits = 0;
	bool plus = false;
	for (const char *c = s; *c; c++) {
		if (is_digit(*c)) {
			digits++;
		} else if (*c == '+') {
			/* an international prefix: once, and before the number */
			if (plus || digits > 0)
				return false;
			plus = true;
		} else if (!strchr(" ()-.", *c)) {
			return false;
		}
	}
	return digits >= 3 && digits <= 15;
}

void pe_phone_tel_uri(const char *text, size_t n, char *out, size_t size)
{
	if (!out || size == 0)
		return;
	size_t o = 0;
	for (const char *pre = "tel:"; *pre && o + 1 < size; pre++)
		out[o++] = *pre;
	bool digit_seen = false, plus_kept = false;
	for (size_t i = 0; text && i < n && text[i] && o + 1 < size; i++) {
		char c = text[i];
		if (is_digit(c)) {
			out[o++] = c;
			digit_seen = true;
		} else if (c == '+' && !digit_seen && !plus_kept) {
			out[o++] = c;
			plus_kept = true;
		}
	}
	out[o] = '\0';
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Splits a gettext code into its parts; false when it is not one. */
static bool lang_parts(const char *s, size_t *lang_len, const char **country,
                       const char **variant)
{
	size_t n = 0;
	*country = *variant = NULL;
	if (!s)
		return false;
	while (is_lower(s[n]))
		n++;
	if (n < 2 || n > 3)
		return false;
	*lang_len = n;
	if (s[n] == '_') {
		/* A country (pt_BR) or a UN M.49 region of three digits (es_419,
		 * Latin American Spanish). */
		if (is_upper(s[n + 1]) && is_upper(s[n + 2])) {
			*country = s + n + 1;
			n += 3;
		} else if (is_digit(s[n + 1]) && is_digit(s[n + 2]) && is_digit(s[n + 3])) {
			*country = s + n + 1;
			n += 4;
		} else {
			return false;
		}
		if (is_upper(s[n]) || is_digit(s[n]))
			return false;
	}
	if (s[n] == '@') {
		n++;
		if (!s[n])
			return false;
		*variant = s + n;
		while (is_lower(s[n]) || is_digit(s[n]))
			n++;
	}
	return s[n] == '\0' && n < PE_LANG_CODE_MAX;
}

bool pe_lang_valid(const char *code)
{
	size_t n;
	const char *country, *variant;
	return lang_parts(code, &n, &country, &variant);
}

bool pe_lang_rtl(const char *code)
{
	static const char *const rtl[] = { "ar", "he", "fa", "ur", "ps", "sd", "ckb", "ug",
		                           "yi", "dv", "iw" };
	if (!code)
		return false;
	size_t n = strcspn(code, "_@.");
	for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++)
		if (strlen(rtl[i]) == n && strncmp(code, rtl[i], n) == 0)
			return true;
	return false;
}

bool pe_lang_tag(const char *code, char *out, size_t size)
{
	size_t n;
	const char *country, *variant;
	if (!out || size == 0 || !lang_parts(code, &n, &country, &variant))
		return false;
	const char *script = NULL;
	if (variant && strcmp(variant, "latin") == 0)
		script = "Latn";
	else if (variant && strcmp(variant, "cyrillic") == 0)
		script = "Cyrl";
	int clen = !country ? 0 : is_digit(country[0]) ? 3 : 2;
	int w = snprintf(out, size, "%.*s%s%s%s%.*s", (int)n, code, script ? "-" : "",
	                 script ? script : "", country ? "-" : "", clen,
	                 country ? country : "");
	if (w < 0 || (size_t)w >= size) {
		out[0] = '\0';
		return false;
	}
	return true;
}

bool pe_date_parse(const char *s, int *y_out, int *m_out, int *d_out)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[m - 1] + (m == 2 && leap ? 1 : 0))
		return false;
	if (y_out)
		*y_out = y;
	if (m_out)
		*m_out = m;
	if (d_out)
		*d_out = d;
	return true;
}
