/* SPDX-License-Identifier: MIT */
/*
 * fonts.h - the bundled fonts, and nothing else.
 *
 * Loads NotoSans-{Regular,Bold,Italic,BoldItalic}.ttf from a directory into
 * a private fontconfig configuration (FcConfigCreate +
 * FcConfigAppFontAddFile), so layout never sees a system font and output is
 * the same on every machine. A missing or unreadable font file is an error
 * naming the file.
 */
#ifndef PE_FONTS_H
#define PE_FONTS_H

#include <fontconfig/fontconfig.h>

#include "dlist.h"
#include "error.h"

typedef struct pe_fonts pe_fonts;

pe_fonts *pe_fonts_load(const char *dir, pe_error *err);
void pe_fonts_destroy(pe_fonts *fonts);          /* accepts NULL */

/* Absolute path of the TrueType file for a face (painters embed it). */
const char *pe_fonts_path(const pe_fonts *fonts, pe_face face);
/* Family name to use in font descriptions ("Noto Sans"). */
const char *pe_fonts_family(const pe_fonts *fonts);
/* The private configuration (owned by fonts). */
FcConfig *pe_fonts_config(const pe_fonts *fonts);

#endif
