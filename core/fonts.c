/*
 * fonts.c - the bundled fonts in a private fontconfig configuration.
 *
 * Layout must never see a system font: widths would then depend on what
 * happens to be installed, and libharu (which embeds exactly our files)
 * would draw something other than what Pango measured. So the four Noto
 * Sans faces are added, by path, to an empty FcConfig and nothing else is.
 * This module never lays out text and never reads anything but the four
 * font files.
 */
#include "fonts.h"

#include <errno.h>
#include <limits.h>
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

static bool add_face(pe_fonts *fonts, pe_face face, const char *dir, pe_error *err)
{
	char joined[PATH_MAX];
	int n = snprintf(joined, sizeof joined, "%s/%s", dir, face_file[face]);
	if (n < 0 || (size_t)n >= sizeof joined) {
		pe_error_set(err, dir, 0, "font directory path is too long");
		return false;
	}
	FILE *f = fopen(joined, "rb");
	if (!f) {
		pe_error_set(err, joined, 0, "cannot read font file: %s", strerror(errno));
		return false;
	}
	fclose(f);
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
