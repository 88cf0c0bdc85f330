/* SPDX-License-Identifier: MIT */
/*
 * frame.h - paint one kiosk frame (screens.h) with the Cairo painter.
 *
 * The screen page, then the reader's page through its viewport at the
 * current scroll with a scroll bar, then the overlay. The same function
 * draws into the SDL texture, into headless PNG shots and into benchmarks,
 * so what the tests look at is what the patient sees.
 *
 * Painting only: no layout, no state.
 */
#ifndef PE_KIOSK_FRAME_H
#define PE_KIOSK_FRAME_H

#include <stdbool.h>

#include <cairo.h>

#include "cairo_paint.h"
#include "screens.h"

/* The whole frame. The scroll is rounded to whole pixels (as everywhere
 * here), so a frame painted in parts matches one painted at once. */
bool pe_frame_paint(pe_painter *painter, cairo_t *cr, const pe_frame *frame, double scroll,
                    pe_error *err);

/* Only the rows [y0, y1) (screen pixels) of the reader viewport: its
 * background, the page and the scroll bar. For scroll frames that moved
 * the rest of the viewport's pixels already. */
bool pe_frame_paint_viewport(pe_painter *painter, cairo_t *cr, const pe_frame *frame,
                             double scroll, double y0, double y1, pe_error *err);

/* Shade the target a finger is on, so the press is seen at once. */
void pe_frame_paint_press(cairo_t *cr, const pe_frame *frame, double x, double y, double w,
                          double h);

/* The scroll bar's column of the viewport (x0, x1 in screen pixels). */
void pe_frame_scroll_bar_span(const pe_frame *frame, double *x0, double *x1);

#endif
