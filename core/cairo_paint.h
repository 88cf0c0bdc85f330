/* SPDX-License-Identifier: MIT */
/*
 * cairo_paint.h - paint display lists (dlist.h) with Cairo.
 *
 * The kiosk paints every frame with this, and PNG previews of handouts and
 * screens come from it too, and handouts whose text libharu cannot write
 * (cairo_pdf.h). A painter holds what is costly to make once: a Pango
 * context over the bundled fonts (hint metrics off and hinting none, so
 * glyph advances are exactly the ones layout measured), a cache of shaped
 * runs and a cache of the PNG files image ops name.
 *
 * It never lays out, measures, wraps or moves anything: every position is
 * the display list's. Links and hit regions are not painted (unless the
 * debug flag asks for an outline of each hit region).
 */
#ifndef PE_CAIRO_PAINT_H
#define PE_CAIRO_PAINT_H

#include <stdbool.h>

#include <cairo.h>

#include "dlist.h"
#include "error.h"
#include "fonts.h"

typedef struct pe_painter pe_painter;

/* One TrueType file per face, in pe_face order (fonts.h gives the bundled
 * ones: pe_fonts_path). NULL with err set when a file cannot be opened. */
pe_painter *pe_painter_create_from_files(const char *const files[PE_FACE_COUNT],
                                         pe_error *err);
/* The same for the bundled fonts. */
pe_painter *pe_painter_create(const pe_fonts *fonts, pe_error *err);
void pe_painter_destroy(pe_painter *painter);   /* accepts NULL */

/* Glyphs painted since create (or the last reset) that no bundled font
 * has: Pango drew a box instead. 0 means every letter was drawn. */
unsigned long pe_painter_missing_glyphs(const pe_painter *painter);
void pe_painter_reset_missing_glyphs(pe_painter *painter);
/* The first of them: its character (0: none) and its run's text (may be
 * cut short). */
unsigned pe_painter_first_missing(const pe_painter *painter);
const char *pe_painter_first_missing_text(const pe_painter *painter);

enum pe_paint_flags {
	PE_PAINT_DEBUG_HITS = 1 << 0,   /* outline hit regions in magenta */
};

/* Paint the ops of pg whose bounds meet the page band [y_from, y_to),
 * each moved by (dx, dy) in the current user space of cr. Pass y_from =
 * -INFINITY, y_to = INFINITY (or pe_painter_paint_page) for all of it.
 * The caller clips if it wants a window. Returns false (err set, the
 * first problem only) when an image could not be loaded or a run could
 * not be shaped (out of memory); everything else is still painted. */
bool pe_painter_paint(pe_painter *painter, cairo_t *cr, const pe_page *pg,
                      double dx, double dy, double y_from, double y_to,
                      unsigned flags, pe_error *err);
bool pe_painter_paint_page(pe_painter *painter, cairo_t *cr, const pe_page *pg,
                           pe_error *err);

/* Write an image surface to path as a PNG through atomicfile.h: every
 * write checked, renamed into place only when whole, an older file kept
 * on failure. The one way this tree writes PNG files. */
/* Add a path (as shapes.h builds them) to cr's current path, moved by
 * (dx, dy); neither fills nor strokes. */
void pe_cairo_trace(cairo_t *cr, const pe_path_seg *segs, size_t n, double dx, double dy);

bool pe_surface_write_png(cairo_surface_t *surface, const char *path, pe_error *err);

/* Render a page on white at scale (1 = one pixel per unit) into a PNG
 * file, through pe_surface_write_png: a failure never leaves half a
 * file. */
bool pe_painter_write_png(pe_painter *painter, const pe_page *pg, double scale,
                          const char *path, pe_error *err);

#endif
