/* SPDX-License-Identifier: MIT */
/*
 * cairo_pdf.h - paint a display list (dlist.h) into a PDF file with Cairo.
 *
 * The route for text libharu cannot write correctly (pdf.h writes WinAnsi
 * text and stays the route for it): Vietnamese, Cyrillic, Greek, Arabic,
 * Chinese. The same display list is painted by the Cairo painter
 * (cairo_paint.h) on Cairo's PDF surface: glyphs shaped by Pango (Arabic
 * joined), fonts embedded as subsets with a ToUnicode map, so text
 * extraction gives the letters back. Links, outline entries, title,
 * subject, creator and /Lang as pdf.c writes them. The file is made in
 * memory and written through atomicfile.h: a failure never leaves a
 * partial file and leaves an older file at the output path as it was.
 */
#ifndef PE_CAIRO_PDF_H
#define PE_CAIRO_PDF_H

#include <stdbool.h>

#include "dlist.h"
#include "error.h"
#include "fonts.h"

/* Write dl to out_path. Fails (nothing written) when some letter has no
 * glyph in the bundled fonts, naming it. */
bool pe_cairo_pdf_write(const pe_dlist *dl, const pe_fonts *fonts, const char *out_path,
                        pe_error *err);

#endif
