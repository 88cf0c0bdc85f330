/* SPDX-License-Identifier: MIT */
/*
 * input.h - SDL events to app actions.
 *
 * Touch and mouse go down one path: a pointer that goes down, moves and
 * comes up. SDL makes a mouse event for every real touch (which ==
 * SDL_TOUCH_MOUSEID) and, with SDL_HINT_MOUSE_TOUCH_EVENTS, a touch for
 * every mouse press (touchId == SDL_MOUSE_TOUCHID); both copies are
 * dropped so nothing is handled twice. A tap activates the hit region it
 * went down and came up in, if both happened on the screen it acts on and
 * the finger went down after that screen's first PE_TAP_GUARD_SECONDS (a
 * quick double tap opens one screen, not the button under it on the
 * next); a drag in the reader scrolls and a release while moving flings;
 * a 3-second press in the top-left corner, begun away from every button,
 * opens the staff PIN pad (a patient holding Home down gets Home). Keys
 * do nothing: no key closes or leaves the kiosk. One finger at a time: a
 * second finger is ignored.
 *
 * Handlers hit-test the regions layout recorded, change app state and
 * mark it dirty; they never draw.
 */
#ifndef PE_KIOSK_INPUT_H
#define PE_KIOSK_INPUT_H

#include <stdbool.h>

#include <SDL.h>

#include "app.h"
#include "screens.h"

#define PE_INPUT_SAMPLES 8
#define PE_STAFF_PRESS_SECONDS 3.0

typedef struct pe_input {
	bool down;
	bool from_mouse;
	SDL_TouchID touch;
	SDL_FingerID finger;
	double x0, y0, x, y;          /* pixels */
	bool dragging, in_viewport;
	bool has_hit;                 /* the region the press went down in */
	int hit_action, hit_arg;
	double hx, hy, hw, hh;
	double down_at;               /* when the finger went down */
	unsigned long down_serial;    /* on which screen (pe_app.screen_serial) */
	double long_at;               /* staff press fires then; 0 = not armed */
	bool long_fired;
	double st[PE_INPUT_SAMPLES], sy[PE_INPUT_SAMPLES];
	int n_samples, next_sample;
} pe_input;

/* What an event acts on. */
typedef struct pe_input_target {
	pe_app *app;
	const pe_frame *frame;
	double width, height;         /* window, pixels */
	double now;
} pe_input_target;

void pe_input_init(pe_input *in);
/* Handle one event; returns true if it was for us. */
bool pe_input_event(pe_input *in, const SDL_Event *ev, const pe_input_target *t);
/* The target under a finger that is down (to shade it while pressed). */
bool pe_input_pressed(const pe_input *in, double *x, double *y, double *w, double *h);
/* The staff press needs a timer: when it is due, and firing it. */
double pe_input_next_deadline(const pe_input *in);
void pe_input_tick(pe_input *in, const pe_input_target *t);

#endif
