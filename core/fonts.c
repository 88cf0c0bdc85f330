/* SPDX-License-Identifier: MIT */
/*
 * fonts.c - the bundled fonts in a private fontconfig configuration.
 *
 * Layout must never see a system font: widths would then depend on what
 * happens to be installed, and libharu (which embeds exactly our files)
 * would draw something other than what Pango measured. So the four Noto
 * Sans faces are added, by path, to an empty FcConfig and nothing else is.
 * Each file is checked against its own checksums first (a damaged font
 * is an error naming it, never a handout with wrong letters). This module
 * never lays out text and never reads anything but the four font files.
 */
#include "fonts.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pe_fonts {
	FcConfig *config;
	char *path[PE_FACE_COUNT];
};

/* The configuration this module last made fontconfig's current one (see
 * pe_fonts_load), so destroy only undoes its own. */
static FcConfig *made_current;

static const char *const face_file[PE_FACE_COUNT] = {
	[PE_FACE_REGULAR] = "NotoSans-Regular.ttf",
	[PE_FACE_BOLD] = "NotoSans-Bold.ttf",
	[PE_FACE_ITALIC] = "NotoSans-Italic.ttf",
	[PE_FACE_BOLD_ITALIC] = "NotoSans-BoldItalic.ttf",
};

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

static bool add_face(pe_fonts *fonts, pe_face face, const char *dir, pe_error *err)
{
	char joined[PATH_MAX];
	int n = snprintf(joined, sizeof joined, "%s/%s", dir, face_file[face]);
	if (n < 0 || (size_t)n >= sizeof joined) {
		pe_error_set(err, dir, 0, "font directory path is too long");
		return false;
	}
	if (!check_font_file(joined, err))
		return false;
	/* An absolute path, because painters embed the file by this name
	 * long after the working directory may have changed. */
	char *abs = realpath(joined, NULL);
	if (!abs) {
		pe_error_set(err, joined, 0, "cannot resolve font file: %s", strerror(errno));
		return false;
	}
	int before = app_font_count(fonts->config);
	if (!FcConfigAppFontAddFile(fonts->config, (const FcChar8 *)abs) ||
	    app_font_count(fonts->config) <= before) {
		pe_error_set(err, joined, 0, "not a usable font file");
		free(abs);
		return false;
	}
	fonts->path[face] = abs;
	return true;
}

pe_fonts *pe_fonts_load(const char *dir, pe_error *err)
{
	pe_fonts *fonts = calloc(1, sizeof *fonts);
	if (!fonts) {
		pe_error_set(err, NULL, 0, "out of memory loading fonts");
		return NULL;
	}
	fonts->config = FcConfigCreate();
	if (!fonts->config) {
		pe_error_set(err, NULL, 0, "cannot create a fontconfig configuration");
		goto fail;
	}
	for (int face = 0; face < PE_FACE_COUNT; face++)
		if (!add_face(fonts, (pe_face)face, dir, err))
			goto fail;
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
