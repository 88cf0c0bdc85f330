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

bool pe_frame_paint(pe_painter *painter, cairo_t *cr, const pe_frame *frame, double scroll,
                    pe_error *err);

#endif
