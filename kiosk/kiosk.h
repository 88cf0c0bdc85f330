/* SPDX-License-Identifier: MIT */
/*
 * kiosk.h - one kiosk session: content, app state, screens, painter.
 *
 * Ties the parts together for both front ends, the SDL window (loop.c)
 * and headless script replay (script.c): events in, requests (print,
 * reload, exit) carried out, the frame rebuilt when the state says so and
 * painted onto any Cairo context. Time is always passed in, so replay can
 * run on a virtual clock.
 *
 * It never opens a window and never reads SDL's event queue.
 */
#ifndef PE_KIOSK_KIOSK_H
#define PE_KIOSK_KIOSK_H

#include <stdbool.h>

#include <SDL.h>
#include <cairo.h>

#include "app.h"
#include "cairo_paint.h"
#include "error.h"
#include "screens.h"

typedef struct pe_kiosk_options {
	const char *site_path;      /* NULL: defaults only */
	const char *lang;           /* NULL: the site's default language */
	double width, height;       /* window, pixels */
} pe_kiosk_options;

typedef struct pe_kiosk pe_kiosk;

pe_kiosk *pe_kiosk_create(const pe_kiosk_options *opts, double now, pe_error *err);
void pe_kiosk_destroy(pe_kiosk *k);    /* accepts NULL */

/* The window is now w x h (resize, rotation): lay out again. */
void pe_kiosk_resize(pe_kiosk *k, double w, double h);
/* One input event at time now. */
void pe_kiosk_event(pe_kiosk *k, const SDL_Event *ev, double now);
/* Advance timers to now, carry out requests, rebuild the frame if the
 * state changed. Returns what changed (enum pe_dirty bits; 0: nothing to
 * paint). PE_DIRTY_PAINT alone means only the scroll moved. */
unsigned pe_kiosk_update(pe_kiosk *k, double now);
/* The next time pe_kiosk_update has something to do by itself;
 * INFINITY when nothing will happen until the next event. */
double pe_kiosk_next_deadline(const pe_kiosk *k);
/* Paint the current frame. */
bool pe_kiosk_paint(pe_kiosk *k, cairo_t *cr, pe_error *err);
/* Paint only rows [y0, y1) of the reader viewport (scroll frames). */
bool pe_kiosk_paint_viewport(pe_kiosk *k, cairo_t *cr, double y0, double y1, pe_error *err);
/* The reader's scroll position, in the whole pixels frames are painted at. */
double pe_kiosk_scroll_px(const pe_kiosk *k);
/* Paint the current frame into a PNG file. */
bool pe_kiosk_write_png(pe_kiosk *k, const char *path, pe_error *err);

bool pe_kiosk_should_quit(const pe_kiosk *k);
pe_app *pe_kiosk_app(pe_kiosk *k);
const pe_frame *pe_kiosk_frame(const pe_kiosk *k);
const pe_screen_env *pe_kiosk_env(const pe_kiosk *k);
/* The language code on screen ("en"). */
const char *pe_kiosk_lang(const pe_kiosk *k);
/* The painter's count of glyphs no bundled font had since start
 * (cairo_paint.h): 0 on a kiosk whose every letter is drawn. */
const pe_painter *pe_kiosk_painter(const pe_kiosk *k);
/* Tap on Listen to the first sample of speech, ms (-1: none yet). */
double pe_kiosk_speech_first_ms(const pe_kiosk *k);
/* The id of the open topic, or NULL. */
const char *pe_kiosk_topic_id(const pe_kiosk *k);

#endif
