/* SPDX-License-Identifier: MIT */
/*
 * input.c - SDL events to app actions (see input.h).
 *
 * Never draws and never lays out: it reads the hit regions and viewport of
 * the frame on screen and calls the app.
 */
#include "input.h"

#include <math.h>
#include <string.h>

/* Movement below this (mm) is still a tap: a shaky finger is not a drag. */
#define SLOP_MM 4.0
/* Only the last 100 ms of a drag set the fling speed. */
#define FLING_WINDOW 0.1

void pe_input_init(pe_input *in)
{
	memset(in, 0, sizeof *in);
}

static double slop(const pe_input_target *t)
{
	double ppmm = t->frame && t->frame->px_per_mm > 0 ? t->frame->px_per_mm : 3.6;
	return SLOP_MM * ppmm;
}

static void sample(pe_input *in, double now, double y)
{
	in->st[in->next_sample] = now;
	in->sy[in->next_sample] = y;
	in->next_sample = (in->next_sample + 1) % PE_INPUT_SAMPLES;
	if (in->n_samples < PE_INPUT_SAMPLES)
		in->n_samples++;
}

/* Finger speed (px/s, y) over the last FLING_WINDOW; 0 if it stopped. */
static double velocity(const pe_input *in, double now)
{
	double t0 = 0, y0 = 0, t1 = 0, y1 = 0;
	bool have = false;
	for (int k = 0; k < in->n_samples; k++) {
		int i = (in->next_sample - 1 - k + 2 * PE_INPUT_SAMPLES) % PE_INPUT_SAMPLES;
		if (now - in->st[i] > FLING_WINDOW)
			break;
		if (!have) {
			t1 = in->st[i];
			y1 = in->sy[i];
			have = true;
		}
		t0 = in->st[i];
		y0 = in->sy[i];
	}
	if (!have || t1 - t0 < 0.008)
		return 0;
	return (y1 - y0) / (t1 - t0);
}

static bool in_rect(double x, double y, double rx, double ry, double rw, double rh)
{
	return x >= rx && x < rx + rw && y >= ry && y < ry + rh;
}

/* Is (x, y) on a hit region of the frame, or within d of one? */
static bool near_target(const pe_frame *f, double x, double y, double d)
{
	const pe_page *pg = f ? pe_frame_hit_page(f) : NULL;
	for (size_t i = 0; pg && i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_HIT &&
		    in_rect(x, y, op->x - d, op->y - d, op->w + 2 * d, op->h + 2 * d))
			return true;
	}
	return false;
}

static void pointer_down(pe_input *in, const pe_input_target *t, double x, double y)
{
	in->down = true;
	in->x0 = in->x = x;
	in->y0 = in->y = y;
	in->dragging = false;
	in->long_fired = false;
	in->n_samples = in->next_sample = 0;
	bool had_warning = t->app->warning;
	pe_app_touch(t->app, t->now);
	in->down_at = t->now;
	in->down_serial = t->app->screen_serial;
	sample(in, t->now, y);
	const pe_frame *f = t->frame;
	/* The touch that takes the idle warning down does nothing else, and
	 * a screen just up takes no tap yet (nor shades its button). */
	in->has_hit = false;
	if (!had_warning && f && pe_app_tap_allowed(t->app, in->down_at, in->down_serial)) {
		const pe_page *pg = pe_frame_hit_page(f);
		const pe_op *op = pg ? pe_page_hit_test(pg, x, y) : NULL;
		if (op) {
			in->has_hit = true;
			in->hit_action = op->u.hit.action;
			in->hit_arg = op->u.hit.arg;
			in->hx = op->x;
			in->hy = op->y;
			in->hw = op->w;
			in->hh = op->h;
		}
	}
	in->in_viewport = !had_warning && f && f->reader && !f->overlay &&
	                  in_rect(x, y, f->vx, f->vy, f->vw, f->vh);
	/* The staff gesture: a long press in the top-left corner (15 mm),
	 * begun on no button and at least 2 mm from one: a patient who leans
	 * on Home gets Home, never the PIN pad. (With Home 32 dp in, that
	 * leaves staff a strip about 6 mm wide along the left edge.) */
	double corner = f && f->min_target > 0 ? f->min_target : 54;
	in->long_at = x < corner && y < corner && !near_target(f, x, y, slop(t) / 2)
	                  ? t->now + PE_STAFF_PRESS_SECONDS
	                  : 0;
}

static void pointer_move(pe_input *in, const pe_input_target *t, double x, double y)
{
	double dy = y - in->y;
	in->x = x;
	in->y = y;
	sample(in, t->now, y);
	double moved = hypot(x - in->x0, y - in->y0);
	if (moved > slop(t))
		in->long_at = 0;
	if (!in->dragging && in->in_viewport && moved > slop(t)) {
		in->dragging = true;
		in->has_hit = false;
		/* Move by the whole distance so far: the page stays under the
		 * finger from the first pixel. */
		dy = y - in->y0;
	}
	if (in->has_hit && !in_rect(x, y, in->hx, in->hy, in->hw, in->hh))
		in->has_hit = false;   /* slid off the button: no tap */
	if (in->dragging)
		pe_app_drag(t->app, dy, t->now);
}

static void pointer_up(pe_input *in, const pe_input_target *t, double x, double y)
{
	if (!in->down)
		return;
	in->down = false;
	in->long_at = 0;
	if (in->long_fired)
		return;
	if (in->dragging) {
		pe_app_fling(t->app, velocity(in, t->now), t->now);
		return;
	}
	/* The finger went down on this screen, after its guard time: not the
	 * second half of a double tap on the screen before. */
	if (in->has_hit && in_rect(x, y, in->hx, in->hy, in->hw, in->hh) &&
	    pe_app_tap_allowed(t->app, in->down_at, in->down_serial))
		pe_app_action(t->app, (pe_action)in->hit_action, in->hit_arg, t->now);
	in->has_hit = false;
}

bool pe_input_event(pe_input *in, const SDL_Event *ev, const pe_input_target *t)
{
	switch (ev->type) {
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
	case SDL_FINGERUP: {
		if (ev->tfinger.touchId == SDL_MOUSE_TOUCHID)
			return false;   /* a copy of a mouse event */
		double x = ev->tfinger.x * t->width, y = ev->tfinger.y * t->height;
		if (ev->type == SDL_FINGERDOWN) {
			if (in->down)
				return false;   /* one finger at a time */
			in->from_mouse = false;
			in->touch = ev->tfinger.touchId;
			in->finger = ev->tfinger.fingerId;
			pointer_down(in, t, x, y);
			return true;
		}
		if (!in->down || in->from_mouse || ev->tfinger.touchId != in->touch ||
		    ev->tfinger.fingerId != in->finger)
			return false;
		if (ev->type == SDL_FINGERMOTION)
			pointer_move(in, t, x, y);
		else
			pointer_up(in, t, x, y);
		return true;
	}
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
			return false;   /* a copy of a touch, or not the main button */
		if (ev->type == SDL_MOUSEBUTTONDOWN) {
			if (in->down)
				return false;
			in->from_mouse = true;
			pointer_down(in, t, ev->button.x, ev->button.y);
		} else if (in->down && in->from_mouse) {
			pointer_up(in, t, ev->button.x, ev->button.y);
		}
		return true;
	case SDL_MOUSEMOTION:
		if (ev->motion.which == SDL_TOUCH_MOUSEID || !in->down || !in->from_mouse)
			return false;
		pointer_move(in, t, ev->motion.x, ev->motion.y);
		return true;
	case SDL_KEYDOWN:
	case SDL_KEYUP:
	case SDL_TEXTINPUT:
		/* A kiosk has no keys: Escape, Alt+F4, Ctrl+Q, Ctrl+W, F11 and
		 * the rest are taken here and do nothing (the window's close is
		 * loop.c's). */
		return true;
	case SDL_MOUSEWHEEL:
		if (ev->wheel.which == SDL_TOUCH_MOUSEID)
			return false;
		pe_app_touch(t->app, t->now);
		pe_app_scroll_by(t->app, -ev->wheel.y * 3 * 40.0, t->now);
		return true;
	default:
		return false;
	}
}

bool pe_input_pressed(const pe_input *in, double *x, double *y, double *w, double *h)
{
	if (!in->down || !in->has_hit || in->long_fired)
		return false;
	*x = in->hx;
	*y = in->hy;
	*w = in->hw;
	*h = in->hh;
	return true;
}

double pe_input_next_deadline(const pe_input *in)
{
	return in->down && in->long_at > 0 && !in->long_fired ? in->long_at : INFINITY;
}

void pe_input_tick(pe_input *in, const pe_input_target *t)
{
	if (in->down && in->long_at > 0 && !in->long_fired && t->now >= in->long_at) {
		in->long_fired = true;
		in->has_hit = false;
		in->dragging = false;
		pe_app_staff_gesture(t->app, t->now);
	}
}
