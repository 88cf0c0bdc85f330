/* SPDX-License-Identifier: MIT */
/*
 * fonts.h - the bundled fonts, and nothing else.
 *
 * Loads NotoSans-{Regular,Bold,Italic,BoldItalic}.ttf (or the wider
 * NotoSansAll-*, and script fonts, for the languages that need them: see
 * pe_fonts_load_langs) from a directory into a private fontconfig
 * configuration (FcConfigCreate +
 * FcConfigAppFontAddFile), so layout never sees a system font and output is
 * the same on every machine. A missing or unreadable font file is an error
 * naming the file.
 */
#ifndef PE_FONTS_H
#define PE_FONTS_H

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

#include "dlist.h"
#include "error.h"

typedef struct pe_fonts pe_fonts;

/* The Latin faces only (English, Spanish: every Latin-1 language). */
pe_fonts *pe_fonts_load(const char *dir, pe_error *err);
/* The faces the languages (gettext codes: "vi", "zh_CN") need, from
 * fontconfig's orthography of each: the Latin faces when they cover all,
 * else NotoSansAll-* and each script font of dir with letters a language
 * needs. Fails naming the language and the script when no bundled font
 * has some script a language is written in (Thai, Korean...). A language
 * fontconfig does not know (the pseudo-locale) needs Latin only. */
pe_fonts *pe_fonts_load_langs(const char *dir, const char *const *langs, size_t n_langs,
                              pe_error *err);
void pe_fonts_destroy(pe_fonts *fonts);          /* accepts NULL */

/* Absolute path of the TrueType file for a face (painters embed it). */
const char *pe_fonts_path(const pe_fonts *fonts, pe_face face);
/* Family name to use in font descriptions ("Noto Sans"). */
const char *pe_fonts_family(const pe_fonts *fonts);
/* The private configuration (owned by fonts). */
FcConfig *pe_fonts_config(const pe_fonts *fonts);

/* For the Pango users (layout, the Cairo painter): a description of face
 * in family, no size (NULL when out of memory); and letting go of a
 * fontconfig font map that was given pe_fonts_config(): Pango 1.50 keeps
 * its reference on the FcConfig after the map is finalized, so the map
 * hands it back first and its owner can free it. NULL is fine. */
PangoFontDescription *pe_fonts_face_desc(const char *family, pe_face face);
void pe_fonts_fontmap_unref(PangoFontMap *fontmap);

#endif
