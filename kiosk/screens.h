/* SPDX-License-Identifier: MIT */
/*
 * screens.h - lay out each kiosk screen into a display list.
 *
 * From the app state (app.h), the content of the screen language and the
 * window size, build the frame's display list: tiles, buttons, text and
 * a hit region for every touch target. The topic reader's tall page is
 * laid out once per (topic, language, text size, width, theme) and kept;
 * scrolling only moves the window onto it.
 *
 * Sizes are physical: the window size and the screen diagonal give pixels
 * per millimetre, every touch target is at least 15 mm, text is sized in
 * "dp" (one pixel of a 23.8-inch 1080p panel, about 0.27 mm).
 *
 * Pure: no SDL, no painting, no files (gettext catalogues aside). The
 * caller sets the UI language (i18n) before building.
 */
#ifndef PE_KIOSK_SCREENS_H
#define PE_KIOSK_SCREENS_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "content.h"
#include "dlist.h"
#include "error.h"
#include "layout.h"
#include "site.h"

/* Everything a screen is built from besides the app state. */
typedef struct pe_screen_env {
	pe_layout *layout;
	const pe_library *lib;              /* content in the screen language */
	const pe_site *site;
	const char *const *langs;           /* codes of the language buttons */
	size_t n_langs;
	double width, height;               /* window, pixels */
} pe_screen_env;

/* What "Listen" reads: sentences (the words on screen) and the boxes
 * each one's words take, to highlight the one being heard. */
typedef struct pe_say_span {
	double x, y, w, h;
} pe_say_span;

typedef struct pe_say {
	char *text;                         /* owned, UTF-8 */
	size_t section;                     /* the reader's section; else 0 */
	size_t first_span, n_spans;
} pe_say;

typedef struct pe_says {
	pe_say *items;
	size_t n, cap;
	pe_say_span *spans;
	size_t n_spans, cap_spans;
} pe_says;

void pe_says_clear(pe_says *s);
/* The index of the first sentence of a section (n when none). */
size_t pe_says_first_in(const pe_says *s, size_t section);

/* One frame to paint: page 0 is the screen; page 1, when present, is a
 * modal overlay (the idle warning) painted last and the only page hit
 * tests look at. On the reader, the doc page is painted into the viewport
 * between the two, moved up by the app's scroll. */
typedef struct pe_frame {
	pe_dlist *dl;                       /* owned */
	bool overlay;
	bool reader;
	double vx, vy, vw, vh;              /* reader viewport, pixels */
	const pe_page *doc;                 /* owned by the pe_screens cache */
	double doc_x;                       /* the page's left edge in the viewport */
	/* The reader's page height and its section positions (page y),
	 * for the caller to give the app (pe_app_set_doc): the build only
	 * reads the app. marks is owned by the pe_screens cache, valid until
	 * the next build or pe_screens_invalidate. */
	double doc_height;
	const double *marks;
	size_t n_marks;
	pe_color doc_bg, bar_track, bar_thumb;
	double bar_width;
	double px_per_mm;
	double min_target;                  /* pixels: 15 mm */
	/* What Listen reads on this screen: the reader's page (page
	 * coordinates, says_on_doc; owned by the pe_screens cache) or the
	 * screen's own words (screen_says, owned). The boxes of the sentence
	 * being heard (app->speech_sentence) are painted in hl_color: behind
	 * the page's text, or as a frame around a screen's words. */
	const pe_says *says;
	bool says_on_doc;
	pe_says screen_says;
	const pe_say_span *hl;
	size_t n_hl;
	pe_color hl_color;
	double hl_line;                     /* pixels: the frame's line */
} pe_frame;

typedef struct pe_screens pe_screens;

pe_screens *pe_screens_create(void);
void pe_screens_destroy(pe_screens *screens);   /* accepts NULL */
/* Forget the cached topic page (content reloaded). */
void pe_screens_invalidate(pe_screens *screens);

/* Pixels per millimetre of a window of w x h pixels filling a screen of
 * this diagonal. */
double pe_screens_px_per_mm(double w, double h, double diagonal_in);

/* What the print form tells the patient about a job in this state, in the
 * current UI language; NULL for none (idle). */
const char *pe_screens_print_message(pe_print_state state);

/* Build the frame for the app's state at time now (the countdown shows
 * whole seconds). On the reader the frame carries the page height and
 * section positions; the caller applies them (pe_app_set_doc) and, when
 * that moves the section being read (app->reading), builds again so the
 * section list shows it. frame is replaced; call pe_frame_finish on the
 * last one. */
bool pe_screens_build(pe_screens *screens, const pe_screen_env *env, const pe_app *app,
                      double now, pe_frame *frame, pe_error *err);
void pe_frame_finish(pe_frame *frame);
/* Only the overlay changed (the countdown's seconds): rebuild it and keep
 * the screen page as it is, with no layout of it. */
bool pe_screens_update_overlay(pe_screens *screens, const pe_screen_env *env,
                               const pe_app *app, double now, pe_frame *frame,
                               pe_error *err);

/* The page hit tests use: the overlay when present, else the screen. */
const pe_page *pe_frame_hit_page(const pe_frame *frame);

/* A stable name for a hit region, for scripts: "home", "lang-es",
 * "topic:ivig-aftercare", "section:2", "copies:3", "pin:7", ...
 * Returns false when buf is too small. */
bool pe_screens_hit_name(const pe_screen_env *env, const pe_op *hit, char *buf,
                         size_t size);

#endif
