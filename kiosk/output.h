/* SPDX-License-Identifier: MIT */
/*
 * output.h - the SDL window the kiosk shows its frames in.
 *
 * The software renderer (SDL_HINT_FRAMEBUFFER_ACCELERATION "0": otherwise
 * SDL quietly takes OpenGL, 4x the start-up time and 3x the memory), one
 * ARGB8888 streaming texture the size of the window, and a frame is: lock
 * the texture, wrap the locked pixels in a Cairo image surface, paint,
 * flush, unlock, copy, present. By default a borderless window the size of
 * the display (true fullscreen waits ~100 ms for a window manager that a
 * kiosk does not have); --windowed gives a normal window.
 *
 * Only the window: no layout, no state, no event handling.
 */
#ifndef PE_KIOSK_OUTPUT_H
#define PE_KIOSK_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

#include "error.h"

typedef struct pe_output_options {
	bool windowed;
	int width, height;        /* 0: the display's size (or 1280x800 windowed) */
} pe_output_options;

typedef struct pe_output pe_output;

/* Call after SDL_Init(SDL_INIT_VIDEO) and the hints. */
pe_output *pe_output_create(const pe_output_options *opts, pe_error *err);
void pe_output_destroy(pe_output *out);    /* accepts NULL */

/* A desktop window manager or session the kiosk is running under, in a
 * few words ("a window manager (_NET_SUPPORTING_WM_CHECK)", "the desktop
 * GNOME"), or NULL when there is none (cage, bare X). A window manager is
 * not a kiosk: its keys and menus can hide or close the window. */
const char *pe_output_desktop(const pe_output *out, char *buf, size_t size);

/* Current drawable size in pixels. */
void pe_output_size(const pe_output *out, int *w, int *h);
/* The window changed size (or the panel rotated): new texture. */
bool pe_output_resize(pe_output *out, pe_error *err);

/* Start a frame: a Cairo context on the texture's pixels. */
cairo_t *pe_output_begin(pe_output *out, pe_error *err);
/* Start a frame that changes only the rectangle (x, y, w, h): a Cairo
 * context on the locked rectangle (in window coordinates, so painting code
 * does not care), and the locked pixels themselves. The software renderer
 * keeps a streaming texture's pixels between frames, which is what lets a
 * scroll frame move the rows it already has. */
cairo_t *pe_output_begin_rect(pe_output *out, int x, int y, int w, int h,
                              unsigned char **pixels, int *pitch, pe_error *err);
/* Finish it: flush, unlock, copy, present. cr is destroyed. */
void pe_output_end(pe_output *out, cairo_t *cr);
/* The same, copying only the rectangle that changed to the window (the
 * software renderer's window surface keeps the rest). */
void pe_output_end_rect(pe_output *out, cairo_t *cr, int x, int y, int w, int h);

#endif
