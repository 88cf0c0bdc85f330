/* SPDX-License-Identifier: MIT */
/*
 * lint.c - pe-lint, the content lint: is every topic fit to ship?
 *
 *   pe-lint [--lang CODE] [--schema FILE] [--required FILE]
 *           [--max-grade N] [--hyphen-dir DIR] [--signs FILE] [--words] DIR...
 *
 * Checks every *.xml in each DIR: well-formed and valid against the topic schema
 * (libxml2 RELAX NG, "file:line: schema: ..." messages), the id matches the
 * file name, sources and a revised date are present, no element is empty,
 * section ids are unique, every src names a source of the topic, timeline
 * spans run forward, an emergency topic has an emergency callout, the
 * summary fits a kiosk tile, long phone numbers sit inside <phone> (so they
 * become tel: links and translators cannot break them), numbers are
 * written as digits and ranges as "24-48", and every topic listed in
 * --required exists.
 *
 * "When to get help" (--signs FILE, content/signs.tsv: one row per
 * normalised sign, "id TAB tier TAB phrases TAB source"): every <sign> id
 * is a row of the table and sits in that row's tier, so one sign can never
 * get two answers in two topics; a topic whose text (outside its
 * <gethelp>) names a sign by one of the row's phrases has a <sign> with
 * that id (English only: the phrases are English); tiers of one level
 * carry the same title in every topic (cards, kind="card", excepted: the
 * wallet card's band may say more); an emergency callout holds no <item>
 * list (signs live in <gethelp>); an emergency topic has an emergency
 * tier. A malformed table row is an error naming its line.
 *
 * Then it measures how hard each topic is to read and prints a table:
 * English Flesch-Kincaid grade (an error above --max-grade, default 8) or
 * Spanish INFLESZ / Szigriszt-Pazos (a warning below 55). Any other
 * language of LINGUAS (--lang vi, zh_CN, ar, ...) gets every check above
 * that does not depend on the language, and no readability measure (those
 * formulas are English and Spanish ones; spelled-out numbers are looked
 * for in English and Spanish only). Syllables come
 * from the libhyphen dictionaries, checked against a vowel-group count
 * because the English patterns miss many syllable points (see
 * count_syllables()).
 *
 * It reads the XML with libxml2 directly and must never depend on the
 * loader in core/, so a loader bug cannot hide a content fault. It never
 * changes a file. Exit status: 0 clean (warnings allowed), 1 a check
 * failed, 2 bad usage or a missing schema/dictionary.
 */
#include <ctype.h>
#include <glob.h>
#include <hyphen.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include "xml_compat.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORD 256
#define SUMMARY_MAX 60  /* characters in a kiosk tile caption */

struct options {
	const char *lang;       /* "en", "es" or any other LINGUAS code */
	const char *schema;
	const char *required;   /* file of required topic ids, or NULL */
	const char *hyphen_dir;
	double max_grade;       /* English: fail above this */
	double min_inflesz;     /* Spanish: warn below this */
	bool show_words;        /* --words: print each word and its syllables */
	const char *signs;      /* signs.tsv, or NULL: no table checks */
};

/* A row of signs.tsv. */
struct sign_row {
	char *id;
	int tier;               /* index into tier_names */
	char **phrases;         /* lowercase, owned */
	size_t n_phrases;
	int line;
};

static const char *const tier_names[] = { "emergency", "urgent", "routine" };
#define N_TIERS 3

/* The first title seen for a tier level, to compare the others with. */
struct tier_title {
	char *text;             /* white space collapsed; NULL until seen */
	char *file;
	long line;
};

struct counts {
	long words;
	long sentences;
	long syllables;
};

struct row {
	char *id;
	struct counts n;
};

struct lint {
	struct options opt;
	HyphenDict *dict;
	xmlRelaxNGPtr schema;
	const char *file;       /* file being checked, for libxml2 errors */
	xmlNode *sources;       /* <sources> of the topic being checked */
	bool emergency_tier;    /* the topic has a <tier level="emergency"> */
	bool is_card;           /* the topic is kind="card" */
	struct sign_row *signs; /* signs.tsv rows, owned */
	size_t n_signs;
	bool signs_ok;          /* the table loaded without errors */
	struct tier_title titles[N_TIERS];
	int errors;
	int warnings;
	char **ids;             /* topic ids seen, owned */
	size_t n_ids;
	struct row *rows;       /* readability table, owned */
	size_t n_rows;
};

/* Whether readability is measured in this language: English and Spanish
 * have a formula and a hyphenation dictionary. */
static bool measured(const struct lint *l)
{
	return strcmp(l->opt.lang, "en") == 0 || strcmp(l->opt.lang, "es") == 0;
}

static void report(struct lint *l, bool error, const char *file, int line,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(struct lint *l, bool error, const char *file, int line,
		   const char *fmt, ...)
{
	va_list ap;

	if (line > 0)
		fprintf(stderr, "%s:%d: %s", file, line, error ? "" : "warning: ");
	else
		fprintf(stderr, "%s: %s", file, error ? "" : "warning: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (error)
		l->errors++;
	else
		l->warnings++;
}

/* libxml2 parser and RELAX NG messages end in a newline and may span the
 * whole document; keep them to one "file:line: schema: ..." line. */
static void on_xml_error(void *data, pe_xml_error_ptr err)
{
	struct lint *l = data;
	char msg[512];
	size_t len;

	if (!err || err->level == XML_ERR_WARNING)
		return;
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "error");
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	report(l, true, err->file ? err->file : (l->file ? l->file : "?"),
	       err->line, "%s: %s",
	       err->domain == XML_FROM_RELAXNGV ? "schema" : "xml", msg);
}

/* ---- UTF-8 and words ----------------------------------------------------- */

/* Decode one UTF-8 sequence; *len gets its byte length. Bad bytes decode as
 * U+FFFD one byte at a time so a broken file cannot stall the scanner. */
static uint32_t utf8_next(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
		*len = 2;
		return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*len = 3;
		return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
		       (s[2] & 0x3F);
	}
	if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (s[3] & 0xC0) == 0x80) {
		*len = 4;
		return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
		       ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	}
	*len = 1;
	return 0xFFFD;
}

static size_t utf8_put(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Letters of the languages we write (Latin-1 and Latin Extended-A). */
static bool is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return isalpha((int)cp);
	if (cp >= 0xC0 && cp <= 0x24F)
		return cp != 0xD7 && cp != 0xF7;
	return false;
}

static bool is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return isupper((int)cp);
	return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
}

static uint32_t to_lower(uint32_t cp)
{
	if (cp < 0x80)
		return (uint32_t)tolower((int)cp);
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 0x20;
	return cp;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0;
}

/* ---- syllables ----------------------------------------------------------- */

static bool en_vowel(char c)
{
	return strchr("aeiouy", c) != NULL;
}

/* A vowel-group estimate for English: count runs of vowels, then drop the
 * silent final e and the silent -es/-ed endings. */
static int en_vowel_groups(const char *w, size_t n)
{
	int count = 0;
	bool prev = false;

	for (size_t i = 0; i < n; i++) {
		bool v = en_vowel(w[i]) && !(w[i] == 'y' && i == 0);
		if (v && !prev)
			count++;
		prev = v;
	}
	if (n > 2 && w[n - 1] == 'e' && !en_vowel(w[n - 2]) &&
	    !(w[n - 2] == 'l' && n > 3 && !en_vowel(w[n - 3])))
		count--;
	else if (n > 3 && w[n - 1] == 'd' && w[n - 2] == 'e' &&
		 !strchr("td", w[n - 3]) && !en_vowel(w[n - 3]))
		count--;
	else if (n > 3 && w[n - 1] == 's' && w[n - 2] == 'e' &&
		 !strchr("sxzcgh", w[n - 3]) && !en_vowel(w[n - 3]))
		count--;
	return count < 1 ? 1 : count;
}

/* Spanish syllable nuclei: each vowel group is 1 syllable (diphthongs and
 * triphthongs), except that 2 strong vowels (a e o) or a stressed weak
 * vowel (í ú) next to another vowel are a hiatus and split the group.
 * "u" in que/qui/gue/gui is silent. */
static int es_vowel_kind(uint32_t cp)
{
	switch (cp) {
	case 'a': case 'e': case 'o': case 0xE1: case 0xE9: case 0xF3:
		return 2;       /* strong */
	case 0xED: case 0xFA:
		return 3;       /* stressed weak: always its own nucleus */
	case 'i': case 'u': case 0xFC:
		return 1;       /* weak */
	default:
		return 0;
	}
}

static int es_nuclei(const uint32_t *w, size_t n)
{
	int count = 0;
	int prev = 0;

	for (size_t i = 0; i < n; i++) {
		int k = es_vowel_kind(w[i]);
		if (k == 1 && w[i] == 'u' && i > 0 && (w[i - 1] == 'q' || w[i - 1] == 'g') &&
		    i + 1 < n && (w[i + 1] == 'e' || w[i + 1] == 'i' || w[i + 1] == 0xE9 ||
				  w[i + 1] == 0xED))
			k = 0;
		if (k == 0 && w[i] == 'y' && prev)
			k = 1;  /* final y in "hoy", "muy" closes a diphthong */
		if (k && (!prev || (k >= 2 && prev >= 2) || k == 3 || prev == 3))
			count++;
		prev = k;
	}
	return count < 1 ? 1 : count;
}

static int hyphen_points(HyphenDict *dict, const char *w, size_t n)
{
	char hyphens[MAX_WORD * 4 + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int points = 0;

	if (n == 0 || n > MAX_WORD * 4)
		return 0;
	memset(hyphens, 0, sizeof hyphens);
	/* The dictionary's own minimums (en_US LEFTHYPHENMIN 2 /
	 * RIGHTHYPHENMIN 3, es 2 / 2). hnj_hyphen_hyphenate3 takes the larger
	 * of its arguments and the dictionary's, so passing 1 does not lower
	 * them; lowering them in the HyphenDict was tried and is worse: the
	 * patterns were never made to break there and invent syllables
	 * ("y-ou", "s-tart", Spanish "e-l", "reacció-n") as often as they
	 * find real ones. */
	if (hnj_hyphen_hyphenate3(dict, w, (int)n, hyphens, NULL, &rep, &pos, &cut,
				  0, 0, 0, 0) == 0) {
		for (size_t i = 0; i + 1 < n; i++)
			if (hyphens[i] & 1)
				points++;
	}
	if (rep) {
		for (size_t i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	return points;
}

/* Syllables of one lowercase word (letters only). The hyphenation
 * patterns find where a word may break, which is a syllable boundary, but
 * they are made for line breaking, not for counting, and skip many: the
 * en_US patterns give "medicine" 1, "away" 1 and "immunotherapy" 3, the
 * Spanish ones miss every hiatus ("re-ac-ción" 2, "dí-as" 1). The
 * vowel-group count misses others ("fluid", "reaction"). Both
 * under-count, so the larger is the better guess. Measured on the shipped
 * content (pe-lint --words), neither libhyphen alone (at its own or at
 * forced minimums of 1) nor GNU style's counter (diction package:
 * "reaction" 2, "idea" 1, "away" 1) comes closer. */
static int count_syllables(const struct lint *l, const uint32_t *cps, size_t n)
{
	char utf8[MAX_WORD * 4];
	size_t len = 0;
	int by_dict, by_vowels;

	for (size_t i = 0; i < n && i < MAX_WORD; i++)
		len += utf8_put(utf8 + len, cps[i]);
	utf8[len] = '\0';
	by_dict = hyphen_points(l->dict, utf8, len) + 1;
	if (strcmp(l->opt.lang, "es") == 0)
		by_vowels = es_nuclei(cps, n);
	else
		by_vowels = en_vowel_groups(utf8, len);
	if (l->opt.show_words)
		printf("  %-24s dictionary %d, vowels %d\n", utf8, by_dict, by_vowels);
	return by_dict > by_vowels ? by_dict : by_vowels;
}

/* ---- counting a text unit ------------------------------------------------ */

static bool is_terminator(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* A sentence starts with a capital, a digit, an opening mark or a quote;
 * so "6:30 p. m. a 7" (Spanish abbreviations) is not 3 sentences. */
static bool starts_sentence(uint32_t cp)
{
	return is_upper(cp) || (cp < 0x80 && isdigit((int)cp)) || cp == 0xBF ||
	       cp == 0xA1 || cp == '"' || cp == 0x201C || cp == 0xAB || cp == '(';
}

/* Count one token (text between spaces): words, syllables. Returns true
 * if it held a word. Hyphenated words are 1 word; each part is
 * syllabified alone. A token with digits (24-48, 1st, 7:00) is 1 word of
 * 1 syllable per run of digits. */
static bool count_token(const struct lint *l, const unsigned char *s, size_t n,
			struct counts *c)
{
	uint32_t part[MAX_WORD];
	size_t np = 0;
	int digit_runs = 0;
	bool in_digits = false, any_letter = false;
	long syll = 0;

	for (size_t i = 0; i < n;) {
		size_t len;
		uint32_t cp = utf8_next(s + i, &len);
		if (cp < 0x80 && isdigit((int)cp)) {
			if (!in_digits)
				digit_runs++;
			in_digits = true;
		} else {
			in_digits = false;
		}
		i += len;
	}
	for (size_t i = 0; i <= n;) {
		size_t len = 1;
		uint32_t cp = i < n ? utf8_next(s + i, &len) : 0;
		if (i < n && is_letter(cp)) {
			if (np < MAX_WORD)
				part[np++] = to_lower(cp);
			any_letter = true;
		} else if (i < n && (cp == '\'' || cp == 0x2019)) {
			/* don't, team's: the apostrophe joins 1 word */
		} else if (np > 0) {
			if (digit_runs == 0 && l->dict)
				syll += count_syllables(l, part, np);
			np = 0;
		}
		i += len;
	}
	if (digit_runs > 0) {
		c->words++;
		c->syllables += digit_runs;
		return true;
	}
	if (!any_letter)
		return false;
	c->words++;
	c->syllables += syll;
	return true;
}

/* Count one text unit: a heading, item, step, paragraph, timeline "when"
 * or "what". Each unit is its own line on the page, so it ends at least
 * 1 sentence even without a full stop. */
static void count_unit(const struct lint *l, const char *text, struct counts *c)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text);
	long words_in_sentence = 0;

	for (size_t i = 0; i < n;) {
		size_t len, start, end;
		uint32_t cp = utf8_next(s + i, &len);
		if (is_space(cp)) {
			i += len;
			continue;
		}
		start = i;
		while (i < n) {
			cp = utf8_next(s + i, &len);
			if (is_space(cp))
				break;
			i += len;
		}
		end = i;
		if (count_token(l, s + start, end - start, c))
			words_in_sentence++;

		/* Does this token end a sentence? Look past closing marks. */
		size_t k = end;
		bool term = false;
		while (k > start) {
			size_t back = k - 1;
			while (back > start && (s[back] & 0xC0) == 0x80)
				back--;
			uint32_t last = utf8_next(s + back, &len);
			if (last == ')' || last == '"' || last == 0x201D || last == 0xBB ||
			    last == '\'' || last == 0x2019) {
				k = back;
				continue;
			}
			term = is_terminator(last);
			break;
		}
		if (!term || words_in_sentence == 0)
			continue;
		size_t j = end;
		while (j < n) {
			cp = utf8_next(s + j, &len);
			if (!is_space(cp))
				break;
			j += len;
		}
		if (j >= n || starts_sentence(utf8_next(s + j, &len))) {
			c->sentences++;
			words_in_sentence = 0;
		}
	}
	if (words_in_sentence > 0)
		c->sentences++;
}

/* ---- checks on the tree -------------------------------------------------- */

static bool is_blank(const xmlChar *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace(*s))
			return false;
	return true;
}

static bool named(const xmlNode *node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

static xmlNode *child(const xmlNode *parent, const char *name)
{
	for (xmlNode *c = parent->children; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

static bool has_element_child(const xmlNode *node)
{
	for (xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

/* Elements whose text is read on the page: each is a unit for the
 * readability count. Sources (cite, publisher) are not. */
static bool is_text_unit(const xmlNode *node)
{
	static const char *const units[] = {
		"title", "summary", "heading", "p", "item", "step", "when",
		"what", "name", "hours", "chat", "note", "sign",
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (named(node, units[i]))
			return true;
	return false;
}

static const char *const spelled_en[] = {
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred",
	"thousand", "third", "fourth", "fifth", "half", "dozen", NULL,
};
static const char *const spelled_es[] = {
	"dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
	"diez", "once", "doce", "veinte", "treinta", "cuarenta", "cincuenta",
	"cien", "ciento", "mil", "docena", "medio", "media", NULL,
};

/* Translators' QA compares every number between English and Spanish, and
 * older readers find "8 cups" faster than "eight cups": numbers are
 * digits. "one"/"uno" are left alone because they are also pronouns;
 * "second" is left out for "a second opinion"; "medio" is a warning only,
 * since "medio ambiente" is not a number. */
static void check_spelled_numbers(struct lint *l, const xmlNode *node, const char *text)
{
	const char *const *list = strcmp(l->opt.lang, "es") == 0 ? spelled_es : spelled_en;
	const char *p = text;

	if (!measured(l))
		return;

	while (*p) {
		char word[32];
		size_t n = 0;
		while (*p && !isalpha((unsigned char)*p))
			p++;
		while (*p && (isalpha((unsigned char)*p) || (*p & 0x80))) {
			if (n + 1 < sizeof word)
				word[n++] = (char)tolower((unsigned char)*p);
			p++;
		}
		word[n] = '\0';
		for (size_t i = 0; n > 0 && list[i]; i++)
			if (strcmp(word, list[i]) == 0)
				report(l, false, l->file, xmlGetLineNo(node),
				       "<%s>: number \"%s\" spelled out; write it as digits",
				       node->name, word);
	}
}

/* A phone number outside <phone> is neither a tel: link nor protected
 * from translators: flag any run with 10 or more digits. */
static void check_bare_phone(struct lint *l, const xmlNode *text_node)
{
	const char *s = (const char *)text_node->content;
	int digits = 0;

	if (!s || named(text_node->parent, "phone"))
		return;
	for (; ; s++) {
		if (isdigit((unsigned char)*s)) {
			digits++;
		} else if (*s == '-' || *s == ' ' || *s == '(' || *s == ')') {
			/* still inside a number */
		} else {
			if (digits >= 10) {
				report(l, true, l->file, xmlGetLineNo(text_node->parent),
				       "<%s>: phone number outside <phone>",
				       text_node->parent->name);
				return;
			}
			digits = 0;
		}
		if (!*s)
			break;
	}
}

/* English ranges are written "24-48", the form translators' QA compares;
 * "24 to 48" would slip past it. */
static void check_ranges(struct lint *l, const xmlNode *node, const char *text)
{
	const char *p = text;
	char prev[3][32] = { "", "", "" };

	if (strcmp(l->opt.lang, "en") != 0)
		return;
	while (*p) {
		size_t n = 0;
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		memmove(prev[0], prev[1], sizeof prev[0] * 2);
		while (*p && !isspace((unsigned char)*p)) {
			if (n + 1 < sizeof prev[2])
				prev[2][n++] = *p;
			p++;
		}
		prev[2][n] = '\0';
		if (isdigit((unsigned char)prev[0][0]) && !strchr(prev[0], ':') &&
		    strcmp(prev[1], "to") == 0 && isdigit((unsigned char)prev[2][0]))
			report(l, false, l->file, xmlGetLineNo(node),
			       "<%s>: write the range \"%s to %s\" as %s-%s", node->name,
			       prev[0], prev[2], prev[0], prev[2]);
	}
}

/* Every src="..." must name a <source> of the same topic, or the trace
 * from a fact to its seed is broken. */
static void check_src(struct lint *l, xmlNode *node)
{
	xmlChar *src = xmlGetProp(node, (const xmlChar *)"src");
	char *save = NULL;

	if (!src)
		return;
	for (char *id = strtok_r((char *)src, " \t\n", &save); id;
	     id = strtok_r(NULL, " \t\n", &save)) {
		bool found = false;
		for (xmlNode *s = l->sources ? l->sources->children : NULL; s && !found;
		     s = s->next) {
			xmlChar *sid = named(s, "source") ? xmlGetProp(s, (const xmlChar *)"id") : NULL;
			found = sid && strcmp((const char *)sid, id) == 0;
			xmlFree(sid);
		}
		if (!found)
			report(l, true, l->file, xmlGetLineNo(node),
			       "<%s>: src \"%s\" is not one of this topic's sources",
			       node->name, id);
	}
	xmlFree(src);
}

/* A timeline event is drawn as a span from "at" to "until". */
static void check_event(struct lint *l, xmlNode *node)
{
	xmlChar *at = xmlGetProp(node, (const xmlChar *)"at");
	xmlChar *until = xmlGetProp(node, (const xmlChar *)"until");

	if (at && until && atof((const char *)until) < atof((const char *)at))
		report(l, true, l->file, xmlGetLineNo(node),
		       "<event>: until=\"%s\" is before at=\"%s\"", (const char *)until,
		       (const char *)at);
	xmlFree(at);
	xmlFree(until);
}

/* ---- when to get help ------------------------------------------------------ */

static bool add_string(char ***list, size_t *n, const char *s);

static void free_signs(struct lint *l)
{
	for (size_t i = 0; i < l->n_signs; i++) {
		for (size_t k = 0; k < l->signs[i].n_phrases; k++)
			free(l->signs[i].phrases[k]);
		free(l->signs[i].phrases);
		free(l->signs[i].id);
	}
	free(l->signs);
	l->signs = NULL;
	l->n_signs = 0;
}

static bool is_ident(const char *s)
{
	bool need = true;
	if (!*s)
		return false;
	for (; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			need = false;
		else if (*s == '-' && !need)
			need = true;
		else
			return false;
	}
	return !need;
}

static int tier_index(const char *name)
{
	for (int i = 0; i < N_TIERS; i++)
		if (name && strcmp(tier_names[i], name) == 0)
			return i;
	return -1;
}

static const struct sign_row *find_sign(const struct lint *l, const char *id)
{
	for (size_t i = 0; i < l->n_signs; i++)
		if (strcmp(l->signs[i].id, id) == 0)
			return &l->signs[i];
	return NULL;
}

/* A phrase: lowercase letters, digits, spaces, hyphens and apostrophes,
 * not starting or ending with a space (it is matched as whole words). */
static bool good_phrase(const char *p)
{
	size_t n = strlen(p);
	if (n == 0 || p[0] == ' ' || p[n - 1] == ' ')
		return false;
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == ' ' ||
		      *p == '-' || *p == '\'' || (unsigned char)*p >= 0x80))
			return false;
	return true;
}

/* Read signs.tsv: "#" comments and blank lines skipped; every other line
 * is id TAB tier TAB phrases TAB source. Every fault is reported with its
 * line; the table checks then run only if there was none. */
static void load_signs(struct lint *l)
{
	const char *path = l->opt.signs;
	FILE *f = fopen(path, "r");
	char buf[4096];
	int lineno = 0, before = l->errors;

	if (!f) {
		report(l, true, path, 0, "cannot open the table of signs");
		return;
	}
	while (fgets(buf, sizeof buf, f)) {
		lineno++;
		size_t len = strlen(buf);
		if (len == sizeof buf - 1 && buf[len - 1] != '\n') {
			report(l, true, path, lineno, "line is too long");
			int ch;
			while ((ch = fgetc(f)) != EOF && ch != '\n')
				;
			continue;
		}
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		const char *t = buf;
		while (*t == ' ' || *t == '\t')
			t++;
		if (*t == '\0' || *t == '#')
			continue;
		char *field[5] = { 0 };
		int nf = 0;
		for (char *p = buf; nf < 5; nf++) {
			field[nf] = p;
			char *tab = strchr(p, '\t');
			if (!tab) {
				nf++;
				break;
			}
			*tab = '\0';
			p = tab + 1;
		}
		if (nf != 4) {
			report(l, true, path, lineno, "expected 4 TAB-separated columns (id, tier, "
			       "phrases, source), found %d", nf);
			continue;
		}
		if (!is_ident(field[0])) {
			report(l, true, path, lineno, "sign id \"%s\" is not a valid id (lower-case "
			       "letters and digits, joined by single hyphens)", field[0]);
			continue;
		}
		int tier = tier_index(field[1]);
		if (tier < 0) {
			report(l, true, path, lineno, "tier \"%s\" must be emergency, urgent or "
			       "routine", field[1]);
			continue;
		}
		if (is_blank((const xmlChar *)field[3])) {
			report(l, true, path, lineno, "sign \"%s\" has no source", field[0]);
			continue;
		}
		if (find_sign(l, field[0])) {
			report(l, true, path, lineno, "sign \"%s\" is listed twice (first at line %d)",
			       field[0], find_sign(l, field[0])->line);
			continue;
		}
		struct sign_row row = { .tier = tier, .line = lineno };
		bool ok = true;
		char *save = NULL;
		for (char *ph = strtok_r(field[2], "|", &save); ph && ok;
		     ph = strtok_r(NULL, "|", &save)) {
			if (!good_phrase(ph)) {
				report(l, true, path, lineno, "phrase \"%s\" must be lowercase words "
				       "(no leading or trailing space)", ph);
				ok = false;
				break;
			}
			for (size_t i = 0; i < l->n_signs && ok; i++)
				for (size_t k = 0; k < l->signs[i].n_phrases && ok; k++)
					if (strcmp(l->signs[i].phrases[k], ph) == 0) {
						report(l, true, path, lineno, "phrase \"%s\" also names sign "
						       "\"%s\" (line %d)", ph, l->signs[i].id,
						       l->signs[i].line);
						ok = false;
					}
			if (ok && !add_string(&row.phrases, &row.n_phrases, ph))
				ok = false;
		}
		if (ok && row.n_phrases == 0) {
			report(l, true, path, lineno, "sign \"%s\" has no phrases", field[0]);
			ok = false;
		}
		struct sign_row *grown = ok ? realloc(l->signs, (l->n_signs + 1) * sizeof *grown)
		                            : NULL;
		if (!grown || !(row.id = strdup(field[0]))) {
			if (grown)
				l->signs = grown;
			for (size_t k = 0; k < row.n_phrases; k++)
				free(row.phrases[k]);
			free(row.phrases);
			if (ok)
				report(l, true, path, lineno, "out of memory");
			continue;
		}
		l->signs = grown;
		l->signs[l->n_signs++] = row;
	}
	fclose(f);
	l->signs_ok = l->errors == before;
}

/* Plain text of an element, white space collapsed to single spaces. */
static char *collapsed_text(xmlNode *n)
{
	xmlChar *raw = xmlNodeGetContent(n);
	char *out = raw ? malloc(strlen((const char *)raw) + 1) : NULL;
	if (!out) {
		xmlFree(raw);
		return NULL;
	}
	char *o = out;
	bool space = true;
	for (const xmlChar *p = raw; *p; p++) {
		if (isspace(*p)) {
			if (!space)
				*o++ = ' ';
			space = true;
		} else {
			*o++ = (char)*p;
			space = false;
		}
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	xmlFree(raw);
	return out;
}

/* Signs live in <gethelp>: an emergency callout that lists <item>s is a
 * second, competing list of signs. */
static void check_emergency_callout(struct lint *l, xmlNode *n)
{
	xmlChar *kind = xmlGetProp(n, (const xmlChar *)"kind");
	if (kind && strcmp((const char *)kind, "emergency") == 0) {
		xmlNode *item = child(n, "item");
		if (item)
			report(l, true, l->file, xmlGetLineNo(item),
			       "<callout kind=\"emergency\"> lists signs as <item>s: put them in a "
			       "<gethelp> tier as <sign>s");
	}
	xmlFree(kind);
}

/* One tier: its title matches every other tier of its level, its signs
 * are rows of the table and in this tier. */
static void check_tier(struct lint *l, xmlNode *tier)
{
	xmlChar *level = xmlGetProp(tier, (const xmlChar *)"level");
	int t = tier_index((const char *)level);
	xmlFree(level);
	if (t < 0)
		return;   /* the schema reports it */
	if (t == 0)
		l->emergency_tier = true;
	xmlNode *title = child(tier, "title");
	if (title && !l->is_card) {
		char *text = collapsed_text(title);
		struct tier_title *tt = &l->titles[t];
		if (!text) {
			report(l, true, l->file, 0, "out of memory");
		} else if (!tt->text) {
			tt->text = text;
			tt->file = strdup(l->file);
			tt->line = xmlGetLineNo(title);
			text = NULL;
		} else if (strcmp(tt->text, text) != 0) {
			report(l, true, l->file, xmlGetLineNo(title),
			       "<tier level=\"%s\"> title \"%s\" differs from \"%s\" (%s:%ld): one "
			       "tier, one title in every topic", tier_names[t], text, tt->text,
			       tt->file ? tt->file : "?", tt->line);
		}
		free(text);
	}
	if (!l->signs_ok)
		return;
	for (xmlNode *s = tier->children; s; s = s->next) {
		if (!named(s, "sign"))
			continue;
		xmlChar *id = xmlGetProp(s, (const xmlChar *)"id");
		const struct sign_row *row = id ? find_sign(l, (const char *)id) : NULL;
		if (id && !row)
			report(l, true, l->file, xmlGetLineNo(s),
			       "<sign id=\"%s\"> is not in %s (add a row: id, tier, phrases, "
			       "source)", (const char *)id, l->opt.signs);
		else if (row && row->tier != t)
			report(l, true, l->file, xmlGetLineNo(s),
			       "<sign id=\"%s\"> is in the %s tier here, but %s:%d puts it in %s: "
			       "one sign, one tier in every topic", (const char *)id, tier_names[t],
			       l->opt.signs, row->line, tier_names[row->tier]);
		xmlFree(id);
	}
}

/* Is the lowercase phrase in text (lowercased) as whole words? */
static bool has_phrase(const char *text, const char *phrase)
{
	size_t n = strlen(phrase);
	for (const char *p = text; (p = strstr(p, phrase)); p++) {
		bool start = p == text || !isalnum((unsigned char)p[-1]);
		bool end = !isalnum((unsigned char)p[n]);
		if (start && end)
			return true;
	}
	return false;
}

static bool topic_has_sign(xmlNode *node, const char *id)
{
	for (xmlNode *n = node; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (named(n, "sign")) {
			xmlChar *sid = xmlGetProp(n, (const xmlChar *)"id");
			bool same = sid && strcmp((const char *)sid, id) == 0;
			xmlFree(sid);
			if (same)
				return true;
		}
		if (topic_has_sign(n->children, id))
			return true;
	}
	return false;
}

/* The text units outside <gethelp> and <sources>: a phrase of the table
 * found in one needs a <sign> with that id in the topic. Each sign is
 * reported once per topic, at its first mention. */
static void check_phrases(struct lint *l, xmlNode *root, xmlNode *node, bool *done)
{
	for (xmlNode *n = node; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || named(n, "gethelp") || named(n, "sources"))
			continue;
		if (!is_text_unit(n)) {
			check_phrases(l, root, n->children, done);
			continue;
		}
		char *text = collapsed_text(n);
		if (!text)
			continue;
		for (char *p = text; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (size_t i = 0; i < l->n_signs; i++) {
			if (done[i])
				continue;
			for (size_t k = 0; k < l->signs[i].n_phrases; k++) {
				if (!has_phrase(text, l->signs[i].phrases[k]))
					continue;
				done[i] = true;
				if (!topic_has_sign(root->children, l->signs[i].id))
					report(l, true, l->file, xmlGetLineNo(n),
					       "<%s> names the sign \"%s\" (%s:%d) but the topic's "
					       "<gethelp> has no <sign id=\"%s\">", n->name,
					       l->signs[i].phrases[k], l->opt.signs, l->signs[i].line,
					       l->signs[i].id);
				break;
			}
		}
		free(text);
	}
}

static void walk(struct lint *l, xmlNode *node, struct counts *c)
{
	for (xmlNode *n = node; n; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			check_bare_phone(l, n);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!has_element_child(n)) {
			xmlChar *text = xmlNodeGetContent(n);
			if (is_blank(text))
				report(l, true, l->file, xmlGetLineNo(n),
				       "<%s> is empty", n->name);
			xmlFree(text);
		}
		if (named(n, "sources"))
			continue;
		check_src(l, n);
		if (named(n, "event"))
			check_event(l, n);
		if (named(n, "callout"))
			check_emergency_callout(l, n);
		if (named(n, "tier"))
			check_tier(l, n);
		if (is_text_unit(n)) {
			xmlChar *text = xmlNodeGetContent(n);
			if (text) {
				count_unit(l, (const char *)text, c);
				check_spelled_numbers(l, n, (const char *)text);
				check_ranges(l, n, (const char *)text);
			}
			xmlFree(text);
		}
		walk(l, n->children, c);
	}
}

static void check_sources(struct lint *l, xmlNode *root)
{
	xmlNode *sources = child(root, "sources");
	int n = 0;

	if (!sources) {
		report(l, true, l->file, xmlGetLineNo(root), "topic has no sources");
		return;
	}
	for (xmlNode *s = sources->children; s; s = s->next) {
		if (!named(s, "source"))
			continue;
		n++;
		xmlChar *id = xmlGetProp(s, (const xmlChar *)"id");
		xmlChar *date = xmlGetProp(s, (const xmlChar *)"date");
		xmlChar *accessed = xmlGetProp(s, (const xmlChar *)"accessed");
		if (is_blank(id))
			report(l, true, l->file, xmlGetLineNo(s), "<source> has no id");
		/* date = published; accessed = the day we got an undated source */
		if (is_blank(date) && is_blank(accessed))
			report(l, true, l->file, xmlGetLineNo(s),
			       "<source> has no date (published) and no accessed date");
		if (!child(s, "cite") || !child(s, "publisher"))
			report(l, true, l->file, xmlGetLineNo(s),
			       "<source> needs a <cite> and a <publisher>");
		xmlFree(id);
		xmlFree(date);
		xmlFree(accessed);
	}
	if (n == 0)
		report(l, true, l->file, xmlGetLineNo(sources), "topic has no sources");
}

static void check_section_ids(struct lint *l, xmlNode *root)
{
	for (xmlNode *a = root->children; a; a = a->next) {
		if (!named(a, "section"))
			continue;
		xmlChar *ida = xmlGetProp(a, (const xmlChar *)"id");
		for (xmlNode *b = a->next; ida && b; b = b->next) {
			if (!named(b, "section"))
				continue;
			xmlChar *idb = xmlGetProp(b, (const xmlChar *)"id");
			if (idb && xmlStrEqual(ida, idb))
				report(l, true, l->file, xmlGetLineNo(b),
				       "section id \"%s\" is used twice (first at line %ld)",
				       (const char *)ida, xmlGetLineNo(a));
			xmlFree(idb);
		}
		xmlFree(ida);
	}
}

/* Section icons are drawn on every heading of a topic or on none (a
 * ragged left edge otherwise): a topic that gives some sections an icon
 * and not others would silently lose them all in the handouts. */
static void check_section_icons(struct lint *l, xmlNode *root)
{
	xmlNode *with = NULL, *without = NULL;
	for (xmlNode *a = root->children; a; a = a->next) {
		if (!named(a, "section"))
			continue;
		xmlChar *icon = xmlGetProp(a, (const xmlChar *)"icon");
		if (icon && !with)
			with = a;
		if (!icon && !without)
			without = a;
		xmlFree(icon);
	}
	if (with && without)
		report(l, true, l->file, xmlGetLineNo(without),
		       "section has no icon, but the section at line %ld has one: give every section "
		       "an icon or none", xmlGetLineNo(with));
}

/* Topic-level promises to the kiosk: an emergency topic shows an
 * emergency tier (the emergency button opens it), and the summary fits on
 * a tile. */
static void check_topic_extras(struct lint *l, xmlNode *root)
{
	xmlChar *emergency = xmlGetProp(root, (const xmlChar *)"emergency");
	xmlNode *summary = child(root, "summary");

	if (emergency && strcmp((const char *)emergency, "yes") == 0 && !l->emergency_tier)
		report(l, true, l->file, xmlGetLineNo(root),
		       "emergency topic has no <gethelp> with a <tier level=\"emergency\">");
	xmlFree(emergency);
	if (summary) {
		xmlChar *text = xmlNodeGetContent(summary);
		size_t chars = 0;
		for (const xmlChar *q = text; q && *q; q++)
			chars += (*q & 0xC0) != 0x80;
		if (chars > SUMMARY_MAX)
			report(l, false, l->file, xmlGetLineNo(summary),
			       "<summary> has %zu characters; a kiosk tile fits %d",
			       chars, SUMMARY_MAX);
		xmlFree(text);
	}
}

static double fk_grade(const struct counts *c)
{
	return 0.39 * ((double)c->words / (double)c->sentences) +
	       11.8 * ((double)c->syllables / (double)c->words) - 15.59;
}

static double inflesz(const struct counts *c)
{
	return 206.835 - 62.3 * ((double)c->syllables / (double)c->words) -
	       (double)c->words / (double)c->sentences;
}

static bool add_string(char ***list, size_t *n, const char *s)
{
	char **grown = realloc(*list, (*n + 1) * sizeof **list);
	if (!grown)
		return false;
	*list = grown;
	if (!(grown[*n] = strdup(s)))
		return false;
	(*n)++;
	return true;
}

static void check_readability(struct lint *l, xmlNode *root, const char *id,
			      const struct counts *c)
{
	struct row *grown;

	if (!measured(l))
		return;
	if (c->words == 0 || c->sentences == 0) {
		report(l, true, l->file, xmlGetLineNo(root), "topic has no text to read");
		return;
	}
	if (strcmp(l->opt.lang, "es") == 0) {
		double score = inflesz(c);
		if (score < l->opt.min_inflesz)
			report(l, false, l->file, xmlGetLineNo(root),
			       "INFLESZ %.1f is below %.0f (hard to read): use shorter "
			       "sentences and words", score, l->opt.min_inflesz);
	} else {
		double grade = fk_grade(c);
		if (grade > l->opt.max_grade)
			report(l, true, l->file, xmlGetLineNo(root),
			       "reading grade %.1f is above %.0f: use shorter sentences "
			       "and words", grade, l->opt.max_grade);
	}
	grown = realloc(l->rows, (l->n_rows + 1) * sizeof *l->rows);
	if (!grown || !(grown[l->n_rows].id = strdup(id))) {
		l->rows = grown ? grown : l->rows;
		report(l, true, l->file, 0, "out of memory");
		return;
	}
	l->rows = grown;
	grown[l->n_rows].n = *c;
	l->n_rows++;
}

static void check_file(struct lint *l, const char *path)
{
	xmlDoc *doc;
	xmlNode *root;
	xmlChar *id = NULL, *revised = NULL;
	struct counts c = { 0, 0, 0 };
	const char *base, *dot;
	int before = l->errors;

	l->file = path;
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	if (!doc) {
		if (l->errors == before)
			report(l, true, path, 0, "cannot read or parse");
		return;
	}
	xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(l->schema);
	if (!v) {
		report(l, true, path, 0, "out of memory");
		goto out_doc;
	}
	xmlRelaxNGSetValidStructuredErrors(v, on_xml_error, l);
	if (xmlRelaxNGValidateDoc(v, doc) != 0 && l->errors == before)
		report(l, true, path, 0, "schema: not valid against %s", l->opt.schema);
	xmlRelaxNGFreeValidCtxt(v);

	/* The checks below also run on an invalid file so one pass shows every
	 * fault; they only rely on what they look up themselves. */
	root = xmlDocGetRootElement(doc);
	if (!named(root, "topic")) {
		report(l, true, path, root ? xmlGetLineNo(root) : 0,
		       "the root element must be <topic>");
		goto out_doc;
	}
	id = xmlGetProp(root, (const xmlChar *)"id");
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (is_blank(id)) {
		report(l, true, path, xmlGetLineNo(root), "topic has no id");
	} else {
		if (strlen((const char *)id) != (size_t)(dot - base) ||
		    strncmp((const char *)id, base, (size_t)(dot - base)) != 0)
			report(l, true, path, xmlGetLineNo(root),
			       "topic id \"%s\" does not match the file name", (const char *)id);
		for (size_t i = 0; i < l->n_ids; i++)
			if (strcmp(l->ids[i], (const char *)id) == 0)
				report(l, true, path, xmlGetLineNo(root),
				       "topic id \"%s\" is used by another file", (const char *)id);
		if (!add_string(&l->ids, &l->n_ids, (const char *)id))
			report(l, true, path, 0, "out of memory");
	}
	revised = xmlGetProp(root, (const xmlChar *)"revised");
	if (is_blank(revised))
		report(l, true, path, xmlGetLineNo(root), "topic has no revised date");
	check_sources(l, root);
	check_section_ids(l, root);
	check_section_icons(l, root);
	l->sources = child(root, "sources");
	l->emergency_tier = false;
	xmlChar *kind = xmlGetProp(root, (const xmlChar *)"kind");
	l->is_card = kind && strcmp((const char *)kind, "card") == 0;
	xmlFree(kind);
	walk(l, root->children, &c);
	if (l->signs_ok && strcmp(l->opt.lang, "en") == 0) {
		bool *done = calloc(l->n_signs + 1, sizeof *done);
		if (done)
			check_phrases(l, root, root->children, done);
		else
			report(l, true, path, 0, "out of memory");
		free(done);
	}
	check_topic_extras(l, root);
	check_readability(l, root, is_blank(id) ? base : (const char *)id, &c);
	xmlFree(id);
	xmlFree(revised);
out_doc:
	xmlFreeDoc(doc);
	l->file = NULL;
}

static void check_required(struct lint *l)
{
	FILE *f = fopen(l->opt.required, "r");
	char line[256];
	int lineno = 0;

	if (!f) {
		report(l, true, l->opt.required, 0, "cannot open the list of required topics");
		return;
	}
	while (fgets(line, sizeof line, f)) {
		char *s = line, *e;
		bool found = false;
		lineno++;
		while (isspace((unsigned char)*s))
			s++;
		e = s + strlen(s);
		while (e > s && isspace((unsigned char)e[-1]))
			*--e = '\0';
		if (*s == '\0' || *s == '#')
			continue;
		for (size_t i = 0; i < l->n_ids && !found; i++)
			found = strcmp(l->ids[i], s) == 0;
		if (!found)
			report(l, true, l->opt.required, lineno,
			       "required topic \"%s\" is missing", s);
	}
	fclose(f);
}

static void print_table(const struct lint *l)
{
	bool es = strcmp(l->opt.lang, "es") == 0;
	struct counts all = { 0, 0, 0 };

	if (!measured(l)) {
		printf("readability: not measured in %s (the formulas are English and Spanish ones)\n",
		       l->opt.lang);
		return;
	}

	printf("%-22s %6s %9s %9s %8s\n", "topic", "words", "sentences",
	       "syll/word", es ? "INFLESZ" : "grade");
	for (size_t i = 0; i < l->n_rows; i++) {
		const struct counts *c = &l->rows[i].n;
		printf("%-22s %6ld %9ld %9.2f %8.1f\n", l->rows[i].id, c->words,
		       c->sentences, (double)c->syllables / (double)c->words,
		       es ? inflesz(c) : fk_grade(c));
		all.words += c->words;
		all.sentences += c->sentences;
		all.syllables += c->syllables;
	}
	if (l->n_rows > 1)
		printf("%-22s %6ld %9ld %9.2f %8.1f\n", "(all)", all.words, all.sentences,
		       (double)all.syllables / (double)all.words,
		       es ? inflesz(&all) : fk_grade(&all));
}

/* A gettext language code as LINGUAS has them: "vi", "fil", "zh_CN". */
static bool lang_code(const char *s)
{
	size_t n = 0;
	while (s[n] >= 'a' && s[n] <= 'z')
		n++;
	if (n < 2 || n > 3)
		return false;
	if (!s[n])
		return true;
	return s[n] == '_' && isupper((unsigned char)s[n + 1]) && isupper((unsigned char)s[n + 2]) &&
	       !s[n + 3];
}

static int usage(void)
{
	fprintf(stderr,
		"usage: pe-lint [--lang CODE] [--schema FILE] [--required FILE]\n"
		"               [--max-grade N] [--hyphen-dir DIR] [--signs FILE] [--words]\n"
		"               DIR...\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct lint l;
	char dict_path[512];
	int i, status = 2;
	size_t files = 0;

	/* Line-buffered so the table and the messages interleave in order. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	memset(&l, 0, sizeof l);
	l.opt.lang = "en";
	l.opt.schema = "content/topic.rng";
	l.opt.hyphen_dir = "/usr/share/hyphen";
	l.opt.max_grade = 8;
	l.opt.min_inflesz = 55;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--words") == 0) {
			l.opt.show_words = true;
			continue;
		}
		if (i + 1 >= argc)
			return usage();
		if (strcmp(arg, "--lang") == 0)
			l.opt.lang = argv[++i];
		else if (strcmp(arg, "--schema") == 0)
			l.opt.schema = argv[++i];
		else if (strcmp(arg, "--required") == 0)
			l.opt.required = argv[++i];
		else if (strcmp(arg, "--signs") == 0)
			l.opt.signs = argv[++i];
		else if (strcmp(arg, "--hyphen-dir") == 0)
			l.opt.hyphen_dir = argv[++i];
		else if (strcmp(arg, "--max-grade") == 0)
			l.opt.max_grade = atof(argv[++i]);
		else
			return usage();
	}
	if (i >= argc || !lang_code(l.opt.lang))
		return usage();

	if (measured(&l)) {
		snprintf(dict_path, sizeof dict_path, "%s/hyph_%s.dic", l.opt.hyphen_dir,
			 strcmp(l.opt.lang, "es") == 0 ? "es_ES" : "en_US");
		l.dict = hnj_hyphen_load(dict_path);
		if (!l.dict) {
			fprintf(stderr, "%s: cannot load the hyphenation dictionary "
				"(Debian hyphen-en-us / hyphen-es)\n", dict_path);
			return 2;
		}
	}

	xmlSetStructuredErrorFunc(&l, on_xml_error);
	l.file = l.opt.schema;  /* names the schema in messages that carry no file */
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(l.opt.schema);
	if (pc) {
		xmlRelaxNGSetParserStructuredErrors(pc, on_xml_error, &l);
		l.schema = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	l.file = NULL;
	if (!l.schema) {
		fprintf(stderr, "%s: cannot load the schema\n", l.opt.schema);
		goto out;
	}

	if (l.opt.signs)
		load_signs(&l);
	for (; i < argc; i++) {
		char pattern[1024];
		glob_t g;
		snprintf(pattern, sizeof pattern, "%s/*.xml", argv[i]);
		int rc = glob(pattern, 0, NULL, &g);
		if (rc == GLOB_NOMATCH) {
			report(&l, true, argv[i], 0, "no topic files (*.xml) here");
			continue;
		}
		if (rc != 0) {
			report(&l, true, argv[i], 0, "cannot list the directory");
			continue;
		}
		for (size_t k = 0; k < g.gl_pathc; k++, files++)
			check_file(&l, g.gl_pathv[k]);
		globfree(&g);
	}
	if (l.opt.required)
		check_required(&l);
	print_table(&l);
	fprintf(stderr, "pe-lint (%s): %zu files, %d errors, %d warnings\n", l.opt.lang,
		files, l.errors, l.warnings);
	status = l.errors ? 1 : 0;
out:
	xmlRelaxNGFree(l.schema);
	if (l.dict)
		hnj_hyphen_free(l.dict);
	for (size_t k = 0; k < l.n_ids; k++)
		free(l.ids[k]);
	free(l.ids);
	for (size_t k = 0; k < l.n_rows; k++)
		free(l.rows[k].id);
	free(l.rows);
	free_signs(&l);
	for (int t = 0; t < N_TIERS; t++) {
		free(l.titles[t].text);
		free(l.titles[t].file);
	}
	xmlCleanupParser();
	return status;
}
