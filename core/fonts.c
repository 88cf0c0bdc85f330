/* SPDX-License-Identifier: MIT */
/*
 * fonts.c - the bundled fonts in a private fontconfig configuration.
 *
 * Layout must never see a system font: widths would then depend on what
 * happens to be installed, and libharu (which embeds exactly our files)
 * would draw something other than what Pango measured. So the bundled
 * faces are added, by path, to an empty FcConfig and nothing else is.
 * Each file is checked against its own checksums first (a damaged font
 * is an error naming it, never a handout with wrong letters). This module
 * never lays out text and never reads anything but the font files.
 *
 * Which faces: the four Latin NotoSans-* when they cover every language
 * asked for (English and Spanish: nothing else is read, start-up as
 * before). Otherwise the four NotoSansAll-* (Latin, Vietnamese, Greek,
 * Cyrillic) instead, plus every other font file of the directory that has
 * letters a language needs and NotoSansAll lacks (Noto Sans Arabic, Noto
 * Sans CJK SC). What a language needs is fontconfig's orthography for it
 * (FcLangGetCharSet), so adding a language needs no code, and adding a
 * script is adding its font file (locales/README.md). Pango then falls
 * back from "Noto Sans" to those faces, letter by letter, through this
 * configuration. A script no bundled font has at all is an error naming
 * the language and the script.
 */
#include "fonts.h"

#include <pango/pangofc-fontmap.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

struct pe_fonts {
	FcConfig *config;
	char *path[PE_FACE_COUNT];
};

/* The configuration this module last made fontconfig's current one (see
 * pe_fonts_load), so destroy only undoes its own. */
static FcConfig *made_current;

static const char *const face_style[PE_FACE_COUNT] = {
	[PE_FACE_REGULAR] = "Regular",
	[PE_FACE_BOLD] = "Bold",
	[PE_FACE_ITALIC] = "Italic",
	[PE_FACE_BOLD_ITALIC] = "BoldItalic",
};

/* The two sets of main faces: "NotoSans" (Latin) and "NotoSansAll". */
#define LATIN_SET "NotoSans"
#define ALL_SET "NotoSansAll"

/* Number of fonts the application set holds (FcConfigAppFontAddFile
 * returns true for a readable file that holds no font at all). */
static int app_font_count(FcConfig *config)
{
	FcFontSet *set = FcConfigGetFonts(config, FcSetApplication);
	return set ? set->nfont : 0;
}

/* Fonts larger than this are not ours (the bundled subsets are 24 KB;
 * a full Noto Sans face is 512 KB). */
#define FONT_MAX_BYTES (16u << 20)

static uint32_t be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The TrueType checksum: the sum of big-endian 32-bit words, the last one
 * padded with zeros. */
static uint32_t sfnt_sum(const unsigned char *b, size_t n)
{
	uint32_t sum = 0;
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		sum += be32(b + i);
	if (i < n) {
		unsigned char last[4] = { 0 };
		memcpy(last, b + i, n - i);
		sum += be32(last);
	}
	return sum;
}

/* Check a font file byte for byte against its own checksums: every table
 * against the table directory, and the whole file against head's
 * checkSumAdjustment. fontconfig and libharu both take a font with a
 * flipped bit somewhere in its outlines or metrics, and the handout then
 * prints wrong letters with exit 0; a bundled font is either exactly what
 * was shipped or an error naming it. Returns NULL or the problem. */
static const char *sfnt_problem(const unsigned char *b, size_t n)
{
	if (n < 12)
		return "not a usable font file (too short)";
	uint32_t version = be32(b);
	if (version != 0x00010000u && version != 0x74727565u /* true */ && version != 0x4F54544Fu /* OTTO */)
		return "not a usable font file (not TrueType or OpenType)";
	size_t tables = (size_t)b[4] << 8 | b[5];
	if (tables == 0 || 12 + 16 * tables > n)
		return "damaged font file (table directory cut short)";
	bool have_head = false;
	for (size_t i = 0; i < tables; i++) {
		const unsigned char *e = b + 12 + 16 * i;
		uint32_t want = be32(e + 4), off = be32(e + 8), len = be32(e + 12);
		if (off > n || len > n - off)
			return "damaged font file (a table lies outside the file)";
		uint32_t sum = sfnt_sum(b + off, len);
		if (memcmp(e, "head", 4) == 0) {
			if (len < 12)
				return "damaged font file (head table too short)";
			sum -= be32(b + off + 8);   /* computed with checkSumAdjustment as 0 */
			have_head = true;
		}
		if (sum != want)
			return "damaged font file (a table does not match its checksum)";
	}
	if (have_head && sfnt_sum(b, n) != 0xB1B0AFBAu)
		return "damaged font file (the file does not match its checksum)";
	return NULL;
}

static bool check_font_file(const char *path, pe_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		pe_error_set(err, path, 0, "cannot read font file: %s", strerror(errno));
		return false;
	}
	unsigned char *buf = NULL;
	size_t n = 0;
	const char *problem = NULL;
	if (fseek(f, 0, SEEK_END) == 0) {
		long size = ftell(f);
		rewind(f);
		if (size < 0 || (unsigned long)size > FONT_MAX_BYTES)
			problem = "not a usable font file (too large)";
		else if (!(buf = malloc((size_t)size + 1)))
			problem = "out of memory reading the font";
		else if ((n = fread(buf, 1, (size_t)size, f)) != (size_t)size)
			problem = "cannot read font file";
	} else {
		problem = "cannot read font file";
	}
	fclose(f);
	if (!problem)
		problem = sfnt_problem(buf, n);
	free(buf);
	if (problem)
		pe_error_set(err, path, 0, "%s", problem);
	return !problem;
}

/* Check a file and add it to config; its absolute path into *abs_out
 * (may be NULL: not kept). */
static bool add_file(FcConfig *config, const char *joined, char **abs_out, pe_error *err)
{
	if (!check_font_file(joined, err))
		return false;
	/* An absolute path, because painters embed the file by this name
	 * long after the working directory may have changed. */
	char *abs = realpath(joined, NULL);
	if (!abs) {
		pe_error_set(err, joined, 0, "cannot resolve font file: %s", strerror(errno));
		return false;
	}
	int before = app_font_count(config);
	if (!FcConfigAppFontAddFile(config, (const FcChar8 *)abs) ||
	    app_font_count(config) <= before) {
		pe_error_set(err, joined, 0, "not a usable font file");
		free(abs);
		return false;
	}
	if (abs_out)
		*abs_out = abs;
	else
		free(abs);
	return true;
}

static bool add_face(pe_fonts *fonts, pe_face face, const char *dir, const char *set,
                     pe_error *err)
{
	char joined[PATH_MAX];
	int n = snprintf(joined, sizeof joined, "%s/%s-%s.ttf", dir, set, face_style[face]);
	if (n < 0 || (size_t)n >= sizeof joined) {
		pe_error_set(err, dir, 0, "font directory path is too long");
		return false;
	}
	return add_file(fonts->config, joined, &fonts->path[face], err);
}

/* fontconfig's orthography of a gettext code ("zh_CN" -> "zh-cn", else
 * "zh"; "pt_BR" -> "pt"), or NULL when fontconfig does not know the language (the
 * pseudo-locale): such a language gets the Latin faces. Caller destroys. */
static FcCharSet *orthography(const char *lang)
{
	char tag[32];
	size_t n = 0;
	for (; lang[n] && lang[n] != '.' && lang[n] != '@' && n + 1 < sizeof tag; n++)
		tag[n] = lang[n] == '_' ? '-' : (char)g_ascii_tolower(lang[n]);
	tag[n] = 0;
	/* Plain "zh" is Simplified Chinese to fontconfig's orthographies
	 * (they have zh-cn, zh-tw... but no zh). */
	if (strcmp(tag, "zh") == 0)
		snprintf(tag, sizeof tag, "zh-cn");
	const FcCharSet *cs = FcLangGetCharSet((const FcChar8 *)tag);
	char *dash = strchr(tag, '-');
	if (!cs && dash) {
		*dash = 0;
		cs = FcLangGetCharSet((const FcChar8 *)tag);
	}
	return cs ? FcCharSetCopy((FcCharSet *)cs) : NULL;
}

/* The charset of the i-th application font of config. */
static FcCharSet *app_charset(FcConfig *config, int i)
{
	FcFontSet *set = FcConfigGetFonts(config, FcSetApplication);
	FcCharSet *cs = NULL;
	if (!set || i >= set->nfont ||
	    FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) != FcResultMatch)
		return NULL;
	return cs;
}

/* Call fn for every character of cs (stops when fn returns false). */
static void each_char(const FcCharSet *cs, bool (*fn)(FcChar32 c, void *data), void *data)
{
	FcChar32 map[FC_CHARSET_MAP_SIZE], next;
	for (FcChar32 base = FcCharSetFirstPage(cs, map, &next); base != FC_CHARSET_DONE;
	     base = FcCharSetNextPage(cs, map, &next))
		for (int w = 0; w < FC_CHARSET_MAP_SIZE; w++)
			for (int b = 0; b < 32; b++)
				if (map[w] & (1u << b) && !fn(base + (FcChar32)(w * 32 + b), data))
					return;
}

/* English names of the scripts a translator may meet; others by their
 * ISO 15924 code. */
static void script_name(GUnicodeScript script, char *buf, size_t size)
{
	static const struct { const char code[5]; const char *name; } names[] = {
		{ "Thai", "Thai" }, { "Hebr", "Hebrew" }, { "Deva", "Devanagari" },
		{ "Hang", "Hangul (Korean)" }, { "Hira", "Hiragana (Japanese)" },
		{ "Kana", "Katakana (Japanese)" }, { "Beng", "Bengali" }, { "Ethi", "Ethiopic" },
		{ "Armn", "Armenian" }, { "Geor", "Georgian" }, { "Khmr", "Khmer" },
		{ "Laoo", "Lao" }, { "Mymr", "Myanmar" }, { "Taml", "Tamil" },
		{ "Telu", "Telugu" }, { "Gujr", "Gujarati" }, { "Guru", "Gurmukhi" },
		{ "Sinh", "Sinhala" }, { "Tibt", "Tibetan" }, { "Arab", "Arabic" },
		{ "Cyrl", "Cyrillic" }, { "Grek", "Greek" }, { "Hani", "Han (Chinese)" },
		{ "Latn", "Latin" }, { "Syrc", "Syriac" }, { "Thaa", "Thaana" },
	};
	guint32 iso = g_unicode_script_to_iso15924(script);
	char code[5] = { (char)(iso >> 24), (char)(iso >> 16), (char)(iso >> 8), (char)iso, 0 };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].code, code) == 0) {
			snprintf(buf, size, "%s", names[i].name);
			return;
		}
	snprintf(buf, size, "%s", code);
}

/* Looking for a letter of a script no loaded font has any letter of. */
typedef struct script_probe {
	const FcCharSet *have;      /* everything the loaded fonts cover */
	const FcCharSet *ortho;     /* the language's letters */
	GUnicodeScript script;      /* in: the script to look for in have */
	bool found;
} script_probe;

static bool have_script(FcChar32 c, void *data)
{
	script_probe *p = data;
	if (g_unichar_get_script(c) == p->script && FcCharSetHasChar(p->have, c)) {
		p->found = true;
		return false;
	}
	return true;
}

typedef struct uncovered {
	const FcCharSet *have, *ortho;
	FcChar32 c;                 /* out: first letter of a missing script */
	GUnicodeScript script;
	bool missing;
	GUnicodeScript seen[8];     /* scripts found present already */
	int n_seen;
} uncovered;

static bool find_uncovered(FcChar32 c, void *data)
{
	uncovered *u = data;
	GUnicodeScript s = g_unichar_get_script(c);
	if (s == G_UNICODE_SCRIPT_COMMON || s == G_UNICODE_SCRIPT_INHERITED ||
	    FcCharSetHasChar(u->have, c))
		return true;
	for (int i = 0; i < u->n_seen; i++)
		if (u->seen[i] == s)
			return true;
	script_probe p = { .have = u->have, .ortho = u->ortho, .script = s };
	each_char(u->ortho, have_script, &p);
	if (p.found) {
		/* The script is there, only rarer letters are not (Chinese
		 * beyond GB 2312 level 1): layout reports those if used. */
		if (u->n_seen < 8)
			u->seen[u->n_seen++] = s;
		return true;
	}
	u->c = c;
	u->script = s;
	u->missing = true;
	return false;
}

static int name_order(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* The script fonts of dir: *.ttf and *.otf other than the main sets. */
static int script_font_filter(const struct dirent *e)
{
	const char *n = e->d_name;
	size_t len = strlen(n);
	if (len < 5 || (strcmp(n + len - 4, ".ttf") != 0 && strcmp(n + len - 4, ".otf") != 0))
		return 0;
	return strncmp(n, LATIN_SET "-", strlen(LATIN_SET) + 1) != 0 &&
	       strncmp(n, ALL_SET "-", strlen(ALL_SET) + 1) != 0;
}

/* Add to fonts every script font of dir that has a letter of need; then
 * refuse a language some script of which no font has. */
static bool add_script_fonts(pe_fonts *fonts, const char *dir, FcCharSet *have,
                             FcCharSet *const *orthos, const char *const *langs,
                             size_t n_langs, pe_error *err)
{
	FcCharSet *need = FcCharSetCreate();
	for (size_t i = 0; i < n_langs; i++)
		if (orthos[i]) {
			FcCharSet *m = FcCharSetSubtract(orthos[i], have);
			FcCharSetMerge(need, m, NULL);
			FcCharSetDestroy(m);
		}
	bool ok = true;
	if (FcCharSetCount(need) > 0) {
		struct dirent **list = NULL;
		int n = scandir(dir, &list, script_font_filter, name_order);
		for (int i = 0; i < n; i++) {
			char joined[PATH_MAX];
			int len = snprintf(joined, sizeof joined, "%s/%s", dir, list[i]->d_name);
			if (ok && len > 0 && (size_t)len < sizeof joined) {
				int count = 0;
				FcPattern *pat = FcFreeTypeQuery((const FcChar8 *)joined, 0, NULL, &count);
				FcCharSet *cs = NULL;
				if (pat && FcPatternGetCharSet(pat, FC_CHARSET, 0, &cs) == FcResultMatch &&
				    FcCharSetIntersectCount(need, cs) > 0) {
					ok = add_file(fonts->config, joined, NULL, err);
					FcCharSetMerge(have, cs, NULL);
				}
				if (pat)
					FcPatternDestroy(pat);
			}
			free(list[i]);
		}
		free(list);
	}
	FcCharSetDestroy(need);
	for (size_t i = 0; ok && i < n_langs; i++) {
		if (!orthos[i])
			continue;
		uncovered u = { .have = have, .ortho = orthos[i] };
		each_char(orthos[i], find_uncovered, &u);
		if (u.missing) {
			char name[64];
			script_name(u.script, name, sizeof name);
			pe_error_set(err, NULL, 0,
			             "language %s: no bundled font has the %s script (U+%04X); "
			             "locales/README.md says how to add one",
			             langs[i], name, (unsigned)u.c);
			ok = false;
		}
	}
	return ok;
}

/* Make fonts->config afresh with the main faces of set. */
static bool load_set(pe_fonts *fonts, const char *dir, const char *set, pe_error *err)
{
	for (int face = 0; face < PE_FACE_COUNT; face++) {
		free(fonts->path[face]);
		fonts->path[face] = NULL;
	}
	if (fonts->config)
		FcConfigDestroy(fonts->config);
	fonts->config = FcConfigCreate();
	if (!fonts->config) {
		pe_error_set(err, NULL, 0, "cannot create a fontconfig configuration");
		return false;
	}
	for (int face = 0; face < PE_FACE_COUNT; face++)
		if (!add_face(fonts, (pe_face)face, dir, set, err))
			return false;
	return true;
}

pe_fonts *pe_fonts_load(const char *dir, pe_error *err)
{
	return pe_fonts_load_langs(dir, NULL, 0, err);
}

pe_fonts *pe_fonts_load_langs(const char *dir, const char *const *langs, size_t n_langs,
                              pe_error *err)
{
	pe_fonts *fonts = calloc(1, sizeof *fonts);
	FcCharSet **orthos = calloc(n_langs ? n_langs : 1, sizeof *orthos);
	if (!fonts || !orthos) {
		free(orthos);
		free(fonts);
		pe_error_set(err, NULL, 0, "out of memory loading fonts");
		return NULL;
	}
	if (!load_set(fonts, dir, LATIN_SET, err))
		goto fail;
	/* The Latin faces cover every language asked for: done. */
	bool latin = true;
	for (size_t i = 0; i < n_langs; i++) {
		orthos[i] = orthography(langs[i]);
		if (orthos[i] && !FcCharSetIsSubset(orthos[i], app_charset(fonts->config, PE_FACE_REGULAR)))
			latin = false;
	}
	if (!latin) {
		if (!load_set(fonts, dir, ALL_SET, err))
			goto fail;
		/* A new set (FcCharSetCopy only counts a reference: merging into
		 * it would change the font's own charset, and fontconfig would
		 * then think NotoSansAll has Arabic and never fall back). */
		FcCharSet *empty = FcCharSetCreate();
		FcCharSet *have = empty ? FcCharSetUnion(app_charset(fonts->config, PE_FACE_REGULAR), empty)
		                        : NULL;
		if (empty)
			FcCharSetDestroy(empty);
		bool ok = have && add_script_fonts(fonts, dir, have, orthos, langs, n_langs, err);
		if (have)
			FcCharSetDestroy(have);
		if (!ok)
			goto fail;
	}
	for (size_t i = 0; i < n_langs; i++)
		if (orthos[i])
			FcCharSetDestroy(orthos[i]);
	free(orthos);
	orthos = NULL;
	/* Make ours fontconfig's current configuration. Pango 1.50 calls
	 * FcInit() in a thread when a font map is created, and Pango falls
	 * back to the current configuration when a font map's own is taken
	 * away (layout.c does that on destroy); with no current one, each
	 * of these parses the system fonts.conf and reads the cache of every
	 * installed font (about 30 million instructions, more than a whole
	 * one-page handout). With ours current, FcInit() finds it and does
	 * nothing, and no system font is ever read. */
	if (!FcConfigSetCurrent(fonts->config)) {
		pe_error_set(err, dir, 0, "cannot make the font configuration current");
		goto fail;
	}
	made_current = fonts->config;
	return fonts;
fail:
	for (size_t i = 0; orthos && i < n_langs; i++)
		if (orthos[i])
			FcCharSetDestroy(orthos[i]);
	free(orthos);
	pe_fonts_destroy(fonts);
	return NULL;
}

void pe_fonts_destroy(pe_fonts *fonts)
{
	if (!fonts)
		return;
	for (int face = 0; face < PE_FACE_COUNT; face++)
		free(fonts->path[face]);
	if (fonts->config && fonts->config == made_current) {
		/* Drop fontconfig's reference so the configuration is freed. */
		FcConfigSetCurrent(NULL);
		made_current = NULL;
	}
	if (fonts->config)
		FcConfigDestroy(fonts->config);
	free(fonts);
}

const char *pe_fonts_path(const pe_fonts *fonts, pe_face face)
{
	if (face < 0 || face >= PE_FACE_COUNT)
		return NULL;
	return fonts->path[face];
}

const char *pe_fonts_family(const pe_fonts *fonts)
{
	(void)fonts;
	return "Noto Sans";
}

FcConfig *pe_fonts_config(const pe_fonts *fonts)
{
	return fonts->config;
}

PangoFontDescription *pe_fonts_face_desc(const char *family, pe_face face)
{
	PangoFontDescription *d = pango_font_description_new();
	if (!d)
		return NULL;
	pango_font_description_set_family(d, family);
	bool bold = face == PE_FACE_BOLD || face == PE_FACE_BOLD_ITALIC;
	bool italic = face == PE_FACE_ITALIC || face == PE_FACE_BOLD_ITALIC;
	pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(d, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return d;
}

void pe_fonts_fontmap_unref(PangoFontMap *fontmap)
{
	if (!fontmap)
		return;
	if (PANGO_IS_FC_FONT_MAP(fontmap))
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fontmap), NULL);
	g_object_unref(fontmap);
}
