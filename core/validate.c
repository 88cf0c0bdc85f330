/*
 * validate.c - ids, phone numbers, dates (see validate.h). Hand-written
 * checks rather than regular expressions or sscanf, so no locale and no
 * library can change what they accept.
 */
#include "validate.h"

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

/* Matched as written (the schema's string type does not trim). */
bool pe_phone_valid(const char *s)
{
	if (!s)
		return false;
	size_t n = strlen(s);
	if (n < 3 || n > 31)
		return false;
	if (!((s[0] >= '0' && s[0] <= '9') || s[0] == '+'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || strchr(" ()-", s[i])))
			return false;
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
