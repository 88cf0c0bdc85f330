/* SPDX-License-Identifier: MIT */
/*
 * speech_text.c - pe_speech_text(): the words eSpeak NG should read for a
 * sentence shown on screen. eSpeak reads "1-800-227-2345" as "one dash
 * eight hundred dash ...", "911" as "nine hundred eleven", "6-12" as "six
 * dash twelve", "24/7" as "twenty four slash seven" and "7:00 am" as
 * "seven zero zero a m"; a patient needs the number they can dial and the
 * hours they should wait. Everything else is copied as it is. Pure: no
 * eSpeak, no allocation.
 */
#include "speech/speech.h"

#include <string.h>

/* Output that counts what it would need and copies what fits. */
typedef struct out {
	char *buf;
	size_t size, n;
} out;

static void put(out *o, const char *s, size_t len)
{
	if (o->buf && o->n < o->size) {
		size_t room = o->size - 1 - o->n;
		memcpy(o->buf + o->n, s, len < room ? len : room);
	}
	o->n += len;
}

static void puts_(out *o, const char *s)
{
	put(o, s, strlen(s));
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (unsigned char)c >= 0x80; /* a letter of another script or accented */
}

/* Count the digits at s (at most max + 1, so callers can test "exactly"). */
static size_t digits(const char *s, size_t max)
{
	size_t n = 0;
	while (n <= max && is_digit(s[n]))
		n++;
	return n;
}

/* Nothing word-like follows: the end, a space, punctuation. "911." ends
 * a sentence, "911.5" and "911-" do not end the number. */
static bool ends_token(const char *s)
{
	if (is_alnum(s[0]))
		return false;
	if ((s[0] == '.' || s[0] == ',' || s[0] == ':' || s[0] == '-' || s[0] == '/') && is_digit(s[1]))
		return false;
	return true;
}

/* Spell digits one by one: "800" -> "8 0 0". */
static void spell(out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			put(o, " ", 1);
		put(o, s + i, 1);
	}
}

/* A North American phone number: [1-](800-|(800) |800.)227-2345. Returns
 * its length in bytes and spells it in groups, or 0. */
static size_t phone(out *o, const char *s)
{
	const char *p = s;
	const char *grp[4];
	size_t len[4], n = 0;
	if (p[0] == '1' && (p[1] == '-' || p[1] == '.' || p[1] == ' ') && (is_digit(p[2]) || p[2] == '(')) {
		grp[n] = p;
		len[n++] = 1;
		p += 2;
	}
	if (p[0] == '(' && digits(p + 1, 3) == 3 && p[4] == ')') {
		grp[n] = p + 1;
		len[n++] = 3;
		p += 5;
		if (*p == ' ' || *p == '-')
			p++;
	} else if (digits(p, 3) == 3 && (p[3] == '-' || p[3] == '.') && digits(p + 4, 3) == 3 &&
	           p[7] == p[3] && digits(p + 8, 4) == 4) {
		grp[n] = p;
		len[n++] = 3;
		p += 4;
	}
	if (!(digits(p, 3) == 3 && (p[3] == '-' || p[3] == '.') && digits(p + 4, 4) == 4))
		return 0;
	/* 227-2345 alone is a phone number; 1-227-2345 is not. */
	if (n == 1 && len[0] == 1)
		return 0;
	grp[n] = p;
	len[n++] = 3;
	grp[n] = p + 4;
	len[n++] = 4;
	p += 8;
	if (!ends_token(p))
		return 0;
	if (o) {
		for (size_t i = 0; i < n; i++) {
			if (i)
				put(o, ", ", 2);
			spell(o, grp[i], len[i]);
		}
	}
	return (size_t)(p - s);
}

/* A three-digit service number: 911, 988 and the other N11 codes. */
static size_t service_number(const char *s)
{
	if (digits(s, 3) != 3 || !ends_token(s + 3))
		return 0;
	if ((s[0] >= '2' && s[1] == '1' && s[2] == '1') || memcmp(s, "988", 3) == 0)
		return 3;
	return 0;
}

/* A number as written: 12, 1.5, 1,000 (digits, and . or , between
 * digits). Returns its length. */
static size_t number(const char *s)
{
	size_t n = digits(s, 32);
	while (n && (s[n] == '.' || s[n] == ',') && is_digit(s[n + 1]))
		n += 1 + digits(s + n + 1, 32);
	return n;
}

/* A dash between numbers: '-', or the en dash U+2013 (UTF-8 E2 80 93). */
static size_t dash(const char *s)
{
	if (s[0] == '-')
		return 1;
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x93)
		return 3;
	return 0;
}

static bool is_es(const char *lang)
{
	return lang && lang[0] == 'e' && lang[1] == 's' && (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-');
}

size_t pe_speech_text(const char *lang, const char *in, char *buf, size_t outlen)
{
	out o = { buf, outlen, 0 };
	bool es = is_es(lang);
	const char *s = in ? in : "";
	while (*s) {
		bool start = (s == in || !is_alnum(s[-1])) && (is_digit(*s) || *s == '(');
		/* A number glued to another ("1.911", "2,911", the 02 of
		 * 2026-12-02, the 30 of 6:30) is not a token of its own. */
		if (start && s - in >= 2 && is_digit(s[-2]) && strchr(".,-/:", s[-1]))
			start = false;
		if (start && s - in >= 4 && is_digit(s[-4]) && dash(s - 3) == 3)
			start = false;
		if (!start) {
			put(&o, s, 1);
			s++;
			continue;
		}
		size_t n;
		if ((n = phone(NULL, s)) > 0) {
			phone(&o, s);
			s += n;
			continue;
		}
		if (*s == '(') {
			put(&o, s, 1);
			s++;
			continue;
		}
		if ((n = service_number(s)) > 0) {
			spell(&o, s, n);
			s += n;
			continue;
		}
		if (strncmp(s, "24/7", 4) == 0 && ends_token(s + 4)) {
			puts_(&o, es ? "las 24 horas del día, los 7 días de la semana"
			             : "24 hours a day, 7 days a week");
			s += 4;
			continue;
		}
		/* A time on the hour: "7:00 am" -> "7 am" (eSpeak says "seven
		 * zero zero"); "6:30" it reads well. */
		size_t h = digits(s, 2);
		if (h >= 1 && h <= 2 && strncmp(s + h, ":00", 3) == 0 && ends_token(s + h + 3)) {
			put(&o, s, h);
			s += h + 3;
			continue;
		}
		/* A range: "6-12 hours" -> "6 to 12 hours", es "6 a 12 horas". */
		size_t a = number(s), d = a ? dash(s + a) : 0;
		size_t b = d ? number(s + a + d) : 0;
		if (b && ends_token(s + a + d + b)) {
			put(&o, s, a);
			puts_(&o, es ? " a " : " to ");
			put(&o, s + a + d, b);
			s += a + d + b;
			continue;
		}
		n = number(s);
		put(&o, s, n);
		s += n;
	}
	if (buf && outlen)
		buf[o.n < outlen ? o.n : outlen - 1] = '\0';
	return o.n;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does a new sentence start at s (after the spaces)? */
static bool sentence_starts(const char *s)
{
	unsigned char c = (unsigned char)s[0], c1 = (unsigned char)s[1];
	if ((c >= 'A' && c <= 'Z') || is_digit((char)c) || c == '"' || c == '(')
		return true;
	/* ¿ ¡ (C2 BF, C2 A1), capitals with accents (C3 80..C3 9E), and the
	 * curly opening quote (E2 80 9C). */
	if (c == 0xC2 && (c1 == 0xBF || c1 == 0xA1))
		return true;
	if (c == 0xC3 && c1 >= 0x80 && c1 <= 0x9E)
		return true;
	return c == 0xE2 && c1 == 0x80 && (unsigned char)s[2] == 0x9C;
}

size_t pe_speech_split(const char *text, size_t *starts, size_t *ends, size_t max)
{
	size_t n = 0, i = 0;
	while (text[i]) {
		while (is_space(text[i]))
			i++;
		if (!text[i])
			break;
		size_t b = i, e = 0;
		while (text[i]) {
			if (text[i] == '.' || text[i] == '!' || text[i] == '?') {
				size_t j = i + 1;
				/* closing quotes and brackets belong to the sentence */
				while (text[j] == '"' || text[j] == ')' ||
				       ((unsigned char)text[j] == 0xE2 && (unsigned char)text[j + 1] == 0x80 &&
				        (unsigned char)text[j + 2] == 0x9D))
					j += text[j] == '"' || text[j] == ')' ? 1 : 3;
				size_t k = j;
				while (is_space(text[k]))
					k++;
				if (!text[k] || (k > j && sentence_starts(text + k))) {
					e = j;
					i = k;
					break;
				}
			}
			i++;
		}
		if (!e) {
			e = i;
			while (e > b && is_space(text[e - 1]))
				e--;
		}
		if (n < max) {
			starts[n] = b;
			ends[n] = e;
		}
		n++;
	}
	return n;
}
