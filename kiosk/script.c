/* SPDX-License-Identifier: MIT */
/*
 * script.c - headless script replay (see script.h and SCRIPT.md).
 *
 * The virtual clock only moves forward, in the steps the real event loop
 * would take: to each deadline the kiosk reports (idle warning, countdown
 * seconds, momentum frames). Touches are SDL finger events with a real
 * touch id, clicks are SDL mouse events: both go through input.c as they
 * would from the window.
 *
 * Never opens a window and never sleeps, except "wait-print", which waits
 * in real time for a real lp child to finish.
 */
#include "script.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define MAX_LINES 200000        /* the 100,000-event monkey test */
#define MAX_DEPTH 8
#define MAX_MARKS 16
#define TOUCH_ID 1
#define MAX_WINDOW 16384
#define LINE_MAX_CHARS 1024   /* a longer line is an error, never two commands */

typedef struct runner {
	pe_kiosk *k;
	const pe_script_options *opts;
	double now;
	long events;
	cairo_surface_t *surface;     /* for paint_every_frame */
	struct {
		char name[32];
		long kb;
	} marks[MAX_MARKS];
	size_t n_marks;
	const char *path;
	int line;
	pe_error *err;
} runner;

static bool fail(runner *r, const char *fmt, const char *a, const char *b)
{
	char msg[PE_ERROR_MAX / 2];
	snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
	pe_error_set(r->err, r->path, r->line, "%s", msg);
	return false;
}

static bool paint_now(runner *r)
{
	if (!r->surface) {
		const pe_screen_env *env = pe_kiosk_env(r->k);
		r->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)env->width,
		                                        (int)env->height);
	}
	cairo_t *cr = cairo_create(r->surface);
	pe_error err = { "" };
	bool ok = pe_kiosk_paint(r->k, cr, &err);
	cairo_destroy(cr);
	return ok;
}

static void update(runner *r)
{
	if (pe_kiosk_update(r->k, r->now) && r->opts->paint_every_frame)
		paint_now(r);
}

/* Run the clock forward to t, stopping at every deadline on the way. */
static void advance(runner *r, double t)
{
	for (int guard = 0; guard < 1000000; guard++) {
		double next = pe_kiosk_next_deadline(r->k);
		if (!(next <= t))
			break;
		if (next > r->now)
			r->now = next;
		update(r);
	}
	if (t > r->now)
		r->now = t;
	update(r);
}

static void send(runner *r, SDL_Event *ev)
{
	pe_kiosk_event(r->k, ev, r->now);
	r->events++;
	update(r);
}

/* SDL makes a copy of every touch as a mouse event (which ==
 * SDL_TOUCH_MOUSEID) and, with SDL_HINT_MOUSE_TOUCH_EVENTS, of every left
 * mouse press as a touch (touchId == SDL_MOUSE_TOUCHID). The script sends
 * those copies too, so replay proves they are not handled twice. */
static void mouse_event(runner *r, Uint32 type, double x, double y, Uint32 which);
static void finger_event(runner *r, Uint32 type, double x, double y, SDL_TouchID touch);

static void finger(runner *r, Uint32 type, double x, double y)
{
	finger_event(r, type, x, y, TOUCH_ID);
	Uint32 copy = type == SDL_FINGERDOWN ? SDL_MOUSEBUTTONDOWN
	            : type == SDL_FINGERUP   ? SDL_MOUSEBUTTONUP
	                                     : SDL_MOUSEMOTION;
	mouse_event(r, copy, x, y, SDL_TOUCH_MOUSEID);
}

static void mouse(runner *r, Uint32 type, double x, double y)
{
	mouse_event(r, type, x, y, 0);
	Uint32 copy = type == SDL_MOUSEBUTTONDOWN ? SDL_FINGERDOWN
	            : type == SDL_MOUSEBUTTONUP   ? SDL_FINGERUP
	                                          : SDL_FINGERMOTION;
	finger_event(r, copy, x, y, SDL_MOUSE_TOUCHID);
}

static void finger_event(runner *r, Uint32 type, double x, double y, SDL_TouchID touch)
{
	const pe_screen_env *env = pe_kiosk_env(r->k);
	SDL_Event ev;
	memset(&ev, 0, sizeof ev);
	ev.type = type;
	ev.tfinger.touchId = touch;
	ev.tfinger.fingerId = 0;
	ev.tfinger.x = (float)(x / env->width);
	ev.tfinger.y = (float)(y / env->height);
	ev.tfinger.pressure = 1;
	send(r, &ev);
}

static void mouse_event(runner *r, Uint32 type, double x, double y, Uint32 which)
{
	SDL_Event ev;
	memset(&ev, 0, sizeof ev);
	ev.type = type;
	if (type == SDL_MOUSEMOTION) {
		ev.motion.which = which;
		ev.motion.x = (Sint32)x;
		ev.motion.y = (Sint32)y;
		ev.motion.state = SDL_BUTTON_LMASK;
	} else {
		ev.button.which = which;
		ev.button.button = SDL_BUTTON_LEFT;
		ev.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
		ev.button.clicks = 1;
		ev.button.x = (Sint32)x;
		ev.button.y = (Sint32)y;
	}
	send(r, &ev);
}

/* A person looks at a screen that just came up before touching it: wait
 * out its tap guard (PE_TAP_GUARD_SECONDS). double-tap-id does not. */
static void settle(runner *r)
{
	const pe_app *app = pe_kiosk_app(r->k);
	double ready = app->screen_since + PE_TAP_GUARD_SECONDS;
	if (r->now < ready)
		advance(r, ready);
}

static void tap(runner *r, double x, double y)
{
	finger(r, SDL_FINGERDOWN, x, y);
	advance(r, r->now + 0.08);
	finger(r, SDL_FINGERUP, x, y);
	advance(r, r->now + 0.05);
}

static void drag(runner *r, double x1, double y1, double x2, double y2, double ms)
{
	settle(r);
	int steps = (int)fmax(1, ms / 16.0);
	finger(r, SDL_FINGERDOWN, x1, y1);
	for (int i = 1; i <= steps; i++) {
		double f = (double)i / steps;
		r->now += ms / 1000.0 / steps;
		update(r);
		finger(r, SDL_FINGERMOTION, x1 + (x2 - x1) * f, y1 + (y2 - y1) * f);
	}
	finger(r, SDL_FINGERUP, x2, y2);
}

static long rss_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = 0, res = 0;
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &res) != 2)
			res = 0;
		fclose(f);
	}
	return res * (sysconf(_SC_PAGESIZE) / 1024);
}

/* The top-left corner of the last target find_hit found. */
static double hit_x0, hit_y0;

/* Find the hit region called name on screen; its centre into x, y. */
static bool find_hit(runner *r, const char *name, double *x, double *y)
{
	const pe_page *pg = pe_frame_hit_page(pe_kiosk_frame(r->k));
	if (!pg)
		return false;
	char buf[128];
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_HIT && pe_screens_hit_name(pe_kiosk_env(r->k), op, buf, sizeof buf) &&
		    strcmp(buf, name) == 0) {
			*x = op->x + op->w / 2;
			*y = op->y + op->h / 2;
			hit_x0 = op->x;
			hit_y0 = op->y;
			return true;
		}
	}
	return false;
}

/* Whether the target named name lies wholly inside the window and covers
 * no other target (one that holds it whole, a backdrop or a dialog, is
 * no clash): a row of buttons too long for its screen runs off the edge
 * or over its neighbours. Says which, in why, when not. */
static bool hit_fits(runner *r, const char *name, char *why, size_t size)
{
	const pe_page *pg = pe_frame_hit_page(pe_kiosk_frame(r->k));
	char buf[128];
	const pe_op *t = NULL;
	for (size_t i = 0; pg && i < pg->n_ops && !t; i++)
		if (pg->ops[i].kind == PE_OP_HIT && pe_screens_hit_name(pe_kiosk_env(r->k), &pg->ops[i], buf, sizeof buf) &&
		    strcmp(buf, name) == 0)
			t = &pg->ops[i];
	if (!t) {
		snprintf(why, size, "no such target");
		return false;
	}
	const double e = 0.5;
	if (t->x < -e || t->y < -e || t->x + t->w > pg->width + e || t->y + t->h > pg->height + e) {
		snprintf(why, size, "%.0fx%.0f at %.0f,%.0f is not inside the %.0fx%.0f window", t->w, t->h,
		         t->x, t->y, pg->width, pg->height);
		return false;
	}
	for (size_t i = 0; i < pg->n_ops; i++) {
		const pe_op *o = &pg->ops[i];
		if (o == t || o->kind != PE_OP_HIT)
			continue;
		bool holds = o->x <= t->x + e && o->y <= t->y + e && o->x + o->w >= t->x + t->w - e &&
		             o->y + o->h >= t->y + t->h - e;
		bool meets = o->x < t->x + t->w - e && t->x < o->x + o->w - e && o->y < t->y + t->h - e &&
		             t->y < o->y + o->h - e;
		if (meets && !holds) {
			if (!pe_screens_hit_name(pe_kiosk_env(r->k), o, buf, sizeof buf))
				snprintf(buf, sizeof buf, "(unnamed)");
			snprintf(why, size, "it overlaps '%s'", buf);
			return false;
		}
	}
	return true;
}

static void hit_names(runner *r, char *out, size_t size)
{
	const pe_page *pg = pe_frame_hit_page(pe_kiosk_frame(r->k));
	out[0] = 0;
	if (!pg)
		return;
	char buf[128];
	size_t used = 0;
	for (size_t i = 0; i < pg->n_ops && used + 2 < size; i++) {
		const pe_op *op = &pg->ops[i];
		if (op->kind == PE_OP_HIT && pe_screens_hit_name(pe_kiosk_env(r->k), op, buf, sizeof buf)) {
			int n = snprintf(out + used, size - used, "%s%s", used ? ", " : "", buf);
			if (n < 0 || (size_t)n >= size - used)
				break;
			used += (size_t)n;
		}
	}
}

/* The page's text ops in order, one space between them (none doubled):
 * a message wrapped over lines reads as the one sentence it is. */
static bool page_text_has(const pe_page *pg, const char *s)
{
	size_t size = 1;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_TEXT)
			size += strlen(pg->ops[i].u.text.utf8) + 1;
	char *all = malloc(size);
	if (!all)
		return false;
	size_t n = 0;
	for (size_t i = 0; i < pg->n_ops; i++) {
		if (pg->ops[i].kind != PE_OP_TEXT)
			continue;
		for (const char *t = pg->ops[i].u.text.utf8; *t; t++)
			if (*t != ' ' || (n > 0 && all[n - 1] != ' '))
				all[n++] = *t;
		if (n > 0 && all[n - 1] != ' ')
			all[n++] = ' ';
	}
	all[n] = 0;
	bool found = strstr(all, s) != NULL;
	free(all);
	return found;
}

/* Is there text on screen (any page of the frame, lines joined, or the
 * visible part of the reader page) that contains s? */
static bool text_on_screen(runner *r, const char *s)
{
	const pe_frame *f = pe_kiosk_frame(r->k);
	if (!f->dl)
		return false;
	for (size_t p = 0; p < f->dl->n_pages; p++)
		if (page_text_has(&f->dl->pages[p], s))
			return true;
	if (f->reader && f->doc) {
		double top = pe_kiosk_app(r->k)->scroll, bottom = top + f->vh;
		for (size_t i = 0; i < f->doc->n_ops; i++) {
			const pe_op *op = &f->doc->ops[i];
			if (op->kind == PE_OP_TEXT && op->y > top && op->y < bottom &&
			    strstr(op->u.text.utf8, s))
				return true;
		}
	}
	return false;
}

static const char *print_state_name(pe_print_state st)
{
	switch (st) {
	case PE_PRINT_IDLE: return "idle";
	case PE_PRINT_BUSY: return "busy";
	case PE_PRINT_DONE: return "done";
	case PE_PRINT_FAILED: return "failed";
	}
	return "idle";
}

static bool expect(runner *r, char *what, char *rest)
{
	pe_app *app = pe_kiosk_app(r->k);
	char got[64];
	if (strcmp(what, "screen") == 0) {
		const char *s = pe_app_screen_name(app);
		if (strcmp(s, rest) != 0)
			return fail(r, "expected screen %s, got %s", rest, s);
	} else if (strcmp(what, "lang") == 0) {
		const char *s = pe_kiosk_lang(r->k);
		if (strcmp(s, rest) != 0)
			return fail(r, "expected lang %s, got %s", rest, s);
	} else if (strcmp(what, "topic") == 0) {
		const char *s = pe_kiosk_topic_id(r->k);
		if (!s || strcmp(s, rest) != 0)
			return fail(r, "expected topic %s, got %s", rest, s ? s : "none");
	} else if (strcmp(what, "scroll") == 0) {
		/* "scroll 0", "scroll > 100", "scroll < 50" */
		char op = '=';
		char *num = rest;
		if (*rest == '>' || *rest == '<') {
			op = *rest;
			num = rest + 1;
		}
		double v = strtod(num, NULL), s = app->scroll;
		snprintf(got, sizeof got, "%.1f", s);
		if ((op == '=' && fabs(s - v) > 0.5) || (op == '>' && !(s > v)) || (op == '<' && !(s < v)))
			return fail(r, "expected scroll %s, got %s", rest, got);
	} else if (strcmp(what, "reading") == 0) {
		snprintf(got, sizeof got, "%zu", pe_app_reading(app));
		if (strcmp(got, rest) != 0)
			return fail(r, "expected reading section %s, got %s", rest, got);
	} else if (strcmp(what, "speaking") == 0) {
		/* "off", "on", or the reader's section of the sentence heard */
		const pe_frame *fr = pe_kiosk_frame(r->k);
		int sn = app->speech_sentence;
		if (app->speech == PE_SAY_OFF)
			snprintf(got, sizeof got, "off");
		else if (strcmp(rest, "on") == 0)
			snprintf(got, sizeof got, "on");
		else if (sn >= 0 && fr->says && (size_t)sn < fr->says->n)
			snprintf(got, sizeof got, "%zu", fr->says->items[sn].section);
		else
			snprintf(got, sizeof got, "on, no sentence heard yet");
		if (strcmp(got, rest) != 0)
			return fail(r, "expected speaking %s, got %s", rest, got);
	} else if (strcmp(what, "sentence") == 0) {
		/* "sentence 3", "sentence > 3" */
		bool more = *rest == '>';
		long v = strtol(more ? rest + 1 : rest, NULL, 10);
		snprintf(got, sizeof got, "%d", app->speech_sentence);
		if (more ? !(app->speech_sentence > v) : app->speech_sentence != v)
			return fail(r, "expected sentence %s, got %s", rest, got);
	} else if (strcmp(what, "text-size") == 0) {
		snprintf(got, sizeof got, "%d", app->text_step);
		if (strcmp(got, rest) != 0)
			return fail(r, "expected text-size %s, got %s", rest, got);
	} else if (strcmp(what, "print") == 0) {
		const char *s = print_state_name(app->print_state);
		if (strcmp(s, rest) != 0)
			return fail(r, "expected print %s, got %s", rest, s);
	} else if (strcmp(what, "contrast") == 0) {
		const char *s = app->high_contrast ? "on" : "off";
		if (strcmp(s, rest) != 0)
			return fail(r, "expected contrast %s, got %s", rest, s);
	} else if (strcmp(what, "text") == 0) {
		if (!text_on_screen(r, rest))
			return fail(r, "expected text \"%s\" on screen%s", rest, "");
	} else if (strcmp(what, "no-text") == 0) {
		if (text_on_screen(r, rest))
			return fail(r, "expected no text \"%s\" on screen%s", rest, "");
	} else if (strcmp(what, "hit") == 0) {
		double x, y;
		if (!find_hit(r, rest, &x, &y))
			return fail(r, "expected a '%s' target on screen%s", rest, "");
	} else if (strcmp(what, "fits") == 0) {
		char why[160];
		if (!hit_fits(r, rest, why, sizeof why))
			return fail(r, "expected '%s' wholly on screen: %s", rest, why);
	} else if (strcmp(what, "staff-unlocks") == 0) {
		/* How many times the staff menu was opened with the PIN. */
		snprintf(got, sizeof got, "%lu", app->staff_unlocks);
		if (strcmp(got, rest) != 0)
			return fail(r, "expected staff-unlocks %s, got %s", rest, got);
	} else if (strcmp(what, "no-quit") == 0) {
		if (pe_kiosk_should_quit(r->k))
			return fail(r, "the kiosk is quitting%s%s", NULL, NULL);
	} else if (strcmp(what, "quit") == 0) {
		if (!pe_kiosk_should_quit(r->k))
			return fail(r, "expected the kiosk to quit%s%s", NULL, NULL);
	} else if (strcmp(what, "rss-growth-below") == 0) {
		/* "rss-growth-below MARK KB" */
		char *kb = strchr(rest, ' ');
		if (!kb)
			return fail(r, "usage: expect rss-growth-below MARK KB%s%s", NULL, NULL);
		*kb++ = 0;
		for (size_t i = 0; i < r->n_marks; i++)
			if (strcmp(r->marks[i].name, rest) == 0) {
				long grew = rss_kb() - r->marks[i].kb;
				snprintf(got, sizeof got, "%ld KiB", grew);
				if (grew >= atol(kb))
					return fail(r, "resident memory grew by %s since mark %s", got, rest);
				return true;
			}
		return fail(r, "no rss mark '%s'%s", rest, NULL);
	} else {
		return fail(r, "unknown expectation '%s'%s", what, NULL);
	}
	return true;
}

/* Every number a script gives ends up as an int (SDL's event fields, the
 * window size, a step count), and a float outside int's range converted
 * to int is undefined behaviour: "tap 1e30 1e30", "tap nan nan". Numbers
 * must be finite and within +-MAX_NUMBER, which is far more than any
 * screen, time in seconds or drag in ms a test needs. */
#define MAX_NUMBER 1e6

static bool numbers(const char *s, double *v, int n)
{
	char *end;
	for (int i = 0; i < n; i++) {
		v[i] = strtod(s, &end);
		if (end == s || !isfinite(v[i]) || fabs(v[i]) > MAX_NUMBER)
			return false;
		s = end;
	}
	while (isspace((unsigned char)*s))
		s++;
	return *s == 0;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = 0;
	return s;
}

static bool wait_print(runner *r)
{
	/* Real time: lp is a real process. At most 20 s. */
	for (int i = 0; i < 1000; i++) {
		if (pe_kiosk_app(r->k)->print_state != PE_PRINT_BUSY)
			return true;
		struct timespec ts = { 0, 20 * 1000 * 1000 };
		nanosleep(&ts, NULL);
		advance(r, r->now + 0.02);
	}
	return fail(r, "the print job did not finish in 20 s%s%s", NULL, NULL);
}

static bool command(runner *r, char *line)
{
	char *cmd = line, *rest = line;
	while (*rest && !isspace((unsigned char)*rest))
		rest++;
	if (*rest)
		*rest++ = 0;
	rest = trim(rest);
	double v[5];
	if (strcmp(cmd, "tap") == 0 || strcmp(cmd, "click") == 0) {
		if (!numbers(rest, v, 2))
			return fail(r, "usage: %s X Y (numbers within +-1000000)%s", cmd, NULL);
		settle(r);
		if (cmd[0] == 't') {
			tap(r, v[0], v[1]);
		} else {
			mouse(r, SDL_MOUSEBUTTONDOWN, v[0], v[1]);
			advance(r, r->now + 0.08);
			mouse(r, SDL_MOUSEBUTTONUP, v[0], v[1]);
		}
	} else if (strcmp(cmd, "tap-id") == 0 || strcmp(cmd, "listen") == 0) {
		double x, y;
		if (strcmp(cmd, "listen") == 0)
			rest = "listen";
		if (!find_hit(r, rest, &x, &y)) {
			char names[600];
			hit_names(r, names, sizeof names);
			return fail(r, "no '%s' on screen (there is: %s)", rest, names);
		}
		settle(r);
		tap(r, x, y);
	} else if (strcmp(cmd, "double-tap-id") == 0) {
		/* Two taps 100 ms apart, as an impatient finger makes them: the
		 * second one must not act on the screen the first one opened. */
		double x, y;
		if (!find_hit(r, rest, &x, &y))
			return fail(r, "no '%s' on screen%s", rest, NULL);
		settle(r);
		tap(r, x, y);
		advance(r, r->now + 0.05);
		tap(r, x, y);
	} else if (strcmp(cmd, "down-id") == 0 || strcmp(cmd, "up-id") == 0) {
		/* A finger held on a target (to see it shaded), then lifted. */
		double x, y;
		if (!find_hit(r, rest, &x, &y))
			return fail(r, "no '%s' on screen%s", rest, NULL);
		if (cmd[0] == 'd')
			settle(r);
		finger(r, cmd[0] == 'd' ? SDL_FINGERDOWN : SDL_FINGERUP, x, y);
	} else if (strcmp(cmd, "press") == 0) {
		if (!numbers(rest, v, 3))
			return fail(r, "usage: press X Y SECONDS (numbers within +-1000000)%s%s", NULL, NULL);
		settle(r);
		finger(r, SDL_FINGERDOWN, v[0], v[1]);
		advance(r, r->now + v[2]);
		finger(r, SDL_FINGERUP, v[0], v[1]);
	} else if (strcmp(cmd, "press-id") == 0) {
		/* "press-id NAME SECONDS": hold a finger on a target, 12 px in
		 * from its top-left corner (Home's corner is where the staff
		 * gesture's corner once caught a patient's press). */
		double x, y;
		char *secs = strrchr(rest, ' ');
		if (!secs || !numbers(secs + 1, v, 1))
			return fail(r, "usage: press-id NAME SECONDS%s%s", NULL, NULL);
		*secs = 0;
		if (!find_hit(r, trim(rest), &x, &y))
			return fail(r, "no '%s' on screen%s", rest, NULL);
		x = hit_x0 + 12;
		y = hit_y0 + 12;
		settle(r);
		finger(r, SDL_FINGERDOWN, x, y);
		advance(r, r->now + v[0]);
		finger(r, SDL_FINGERUP, x, y);
	} else if (strcmp(cmd, "key") == 0) {
		/* "key alt+F4": modifiers (ctrl, alt, shift, gui) and an SDL key
		 * name, pressed and released. */
		SDL_Keymod mod = KMOD_NONE;
		char *k = rest, *plus;
		while ((plus = strchr(k, '+')) && plus[1]) {
			*plus = 0;
			if (strcasecmp(k, "ctrl") == 0) mod |= KMOD_LCTRL;
			else if (strcasecmp(k, "alt") == 0) mod |= KMOD_LALT;
			else if (strcasecmp(k, "shift") == 0) mod |= KMOD_LSHIFT;
			else if (strcasecmp(k, "gui") == 0) mod |= KMOD_LGUI;
			else return fail(r, "key: unknown modifier '%s'%s", k, NULL);
			k = plus + 1;
		}
		SDL_Keycode code = SDL_GetKeyFromName(k);
		if (code == SDLK_UNKNOWN)
			return fail(r, "key: unknown key '%s'%s", k, NULL);
		SDL_Event ev;
		memset(&ev, 0, sizeof ev);
		ev.type = SDL_KEYDOWN;
		ev.key.state = SDL_PRESSED;
		ev.key.keysym.sym = code;
		ev.key.keysym.scancode = SDL_GetScancodeFromKey(code);
		ev.key.keysym.mod = (Uint16)mod;
		send(r, &ev);
		ev.type = SDL_KEYUP;
		ev.key.state = SDL_RELEASED;
		send(r, &ev);
	} else if (strcmp(cmd, "drag") == 0 || strcmp(cmd, "mouse-drag") == 0) {
		if (!numbers(rest, v, 5))
			return fail(r, "usage: %s X1 Y1 X2 Y2 MS (numbers within +-1000000)%s", cmd, NULL);
		if (cmd[0] == 'd') {
			drag(r, v[0], v[1], v[2], v[3], v[4]);
		} else {
			int steps = (int)fmax(1, v[4] / 16.0);
			settle(r);
			mouse(r, SDL_MOUSEBUTTONDOWN, v[0], v[1]);
			for (int i = 1; i <= steps; i++) {
				double f = (double)i / steps;
				r->now += v[4] / 1000.0 / steps;
				update(r);
				mouse(r, SDL_MOUSEMOTION, v[0] + (v[2] - v[0]) * f, v[1] + (v[3] - v[1]) * f);
			}
			mouse(r, SDL_MOUSEBUTTONUP, v[2], v[3]);
		}
	} else if (strcmp(cmd, "swipe") == 0) {
		/* A vertical swipe of DY pixels through the middle of the reader. */
		const pe_frame *f = pe_kiosk_frame(r->k);
		if (!numbers(rest, v, 2))
			return fail(r, "usage: swipe DY MS (numbers within +-1000000)%s%s", NULL, NULL);
		if (!f->reader)
			return fail(r, "swipe: not on the reader screen%s%s", NULL, NULL);
		/* Kept inside the viewport on small windows. */
		double dy = fmax(-0.8 * f->vh, fmin(0.8 * f->vh, v[0]));
		double x = f->vx + f->vw / 2, y = f->vy + f->vh / 2 - dy / 2;
		v[0] = dy;
		drag(r, x, y, x, y + v[0], v[1]);
	} else if (strcmp(cmd, "wheel") == 0) {
		/* (SDL reports at most a few notches per event) */
		if (!numbers(rest, v, 1) || fabs(v[0]) > 1000)
			return fail(r, "usage: wheel N (N within +-1000)%s%s", NULL, NULL);
		SDL_Event ev;
		memset(&ev, 0, sizeof ev);
		ev.type = SDL_MOUSEWHEEL;
		ev.wheel.y = (Sint32)v[0];
		send(r, &ev);
	} else if (strcmp(cmd, "wait") == 0) {
		if (!numbers(rest, v, 1) || v[0] < 0)
			return fail(r, "usage: wait SECONDS (0 to 1000000)%s%s", NULL, NULL);
		advance(r, r->now + v[0]);
	} else if (strcmp(cmd, "wait-print") == 0) {
		return wait_print(r);
	} else if (strcmp(cmd, "resize") == 0) {
		/* Cairo's image surfaces stop at 32767 px a side. */
		if (!numbers(rest, v, 2) || v[0] < 100 || v[1] < 100 || v[0] > MAX_WINDOW ||
		    v[1] > MAX_WINDOW)
			return fail(r, "usage: resize W H (100 to 16384 px each)%s%s", NULL, NULL);
		pe_kiosk_resize(r->k, v[0], v[1]);
		if (r->surface) {
			cairo_surface_destroy(r->surface);
			r->surface = NULL;
		}
		update(r);
	} else if (strcmp(cmd, "shot") == 0) {
		if (!*rest || strchr(rest, '/'))
			return fail(r, "usage: shot NAME (no slashes)%s%s", NULL, NULL);
		if (r->opts->shots_dir) {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s.png", r->opts->shots_dir, rest);
			pe_error err = { "" };
			if (!pe_kiosk_write_png(r->k, path, &err))
				return fail(r, "%s%s", err.msg, NULL);
		}
	} else if (strcmp(cmd, "expect") == 0) {
		char *what = rest, *arg = rest;
		while (*arg && !isspace((unsigned char)*arg))
			arg++;
		if (*arg)
			*arg++ = 0;
		return expect(r, what, trim(arg));
	} else if (strcmp(cmd, "rss") == 0) {
		if (!*rest || r->n_marks == MAX_MARKS)
			return fail(r, "usage: rss MARK%s%s", NULL, NULL);
		snprintf(r->marks[r->n_marks].name, sizeof r->marks[0].name, "%s", rest);
		r->marks[r->n_marks++].kb = rss_kb();
	} else if (strcmp(cmd, "exec") == 0) {
		/* Tests only: change the world under the kiosk (break a content
		 * file before a reload). */
		int rc = system(rest);
		if (rc != 0)
			return fail(r, "exec failed: %s%s", rest, NULL);
	} else if (strcmp(cmd, "paint") == 0) {
		paint_now(r);
	} else if (strcmp(cmd, "hits") == 0) {
		/* For tests that drive the real window: where each target is. */
		const pe_page *pg = pe_frame_hit_page(pe_kiosk_frame(r->k));
		char buf[128];
		for (size_t i = 0; pg && i < pg->n_ops; i++) {
			const pe_op *op = &pg->ops[i];
			if (op->kind == PE_OP_HIT &&
			    pe_screens_hit_name(pe_kiosk_env(r->k), op, buf, sizeof buf))
				printf("%s %d %d %d %d\n", buf, (int)(op->x + op->w / 2),
				       (int)(op->y + op->h / 2), (int)op->x, (int)op->y);
		}
		fflush(stdout);
	} else if (strcmp(cmd, "report") == 0) {
		fprintf(stderr, "script: %s: %ld events, resident %ld KiB\n", *rest ? rest : "report",
		        r->events, rss_kb());
	} else {
		return fail(r, "unknown command '%s'%s", cmd, NULL);
	}
	return true;
}

bool pe_script_run(pe_kiosk *k, const pe_script_options *opts, long *events, pe_error *err)
{
	FILE *f = fopen(opts->path, "r");
	if (!f) {
		pe_error_set(err, opts->path, 0, "cannot open the script");
		return false;
	}
	char **lines = calloc(MAX_LINES, sizeof *lines);
	size_t n = 0;
	char buf[LINE_MAX_CHARS + 1];
	bool ok = lines != NULL, too_long = false;
	while (ok && fgets(buf, sizeof buf, f)) {
		/* fgets cuts a long line into pieces, and each piece would run
		 * as a command of its own: a line that fills the buffer without
		 * ending is refused. (A last line with no newline is fine.) */
		size_t len = strlen(buf);
		if (len == sizeof buf - 1 && buf[len - 1] != '\n') {
			too_long = true;
			ok = false;
			break;
		}
		if (n == MAX_LINES || !(lines[n++] = strdup(buf)))
			ok = false;
	}
	fclose(f);
	if (too_long) {
		pe_error_set(err, opts->path, (int)n + 1,
		             "line longer than %d characters", LINE_MAX_CHARS - 1);
		goto done;
	}
	if (!ok) {
		pe_error_set(err, opts->path, 0, "script too long (or out of memory)");
		goto done;
	}
	runner r = { .k = k, .opts = opts, .path = opts->path, .err = err };
	/* The first frame, as the window shows one before any event. */
	update(&r);
	struct {
		size_t start;
		long left;
	} stack[MAX_DEPTH];
	int depth = 0;
	for (size_t i = 0; ok && i < n; i++) {
		r.line = (int)i + 1;
		char copy[LINE_MAX_CHARS + 1];
		snprintf(copy, sizeof copy, "%s", lines[i]);
		char *hash = strchr(copy, '#');
		if (hash && (hash == copy || isspace((unsigned char)hash[-1])))
			*hash = 0;
		char *line = trim(copy);
		if (!*line)
			continue;
		if (opts->verbose)
			fprintf(stderr, "%s:%d: %s\n", opts->path, r.line, line);
		if (strncmp(line, "repeat ", 7) == 0) {
			char *end;
			long count = strtol(line + 7, &end, 10);
			if (depth == MAX_DEPTH || count < 0 || count > 1000000000L || *trim(end)) {
				ok = fail(&r, "bad repeat (a count from 1 to 1000000000, nested at most 8 deep)%s%s", NULL, NULL);
				break;
			}
			stack[depth].start = i;
			stack[depth].left = count;
			depth++;
			if (count == 0) {
				ok = fail(&r, "repeat 0 is not allowed%s%s", NULL, NULL);
				break;
			}
			continue;
		}
		if (strcmp(line, "end") == 0) {
			if (depth == 0) {
				ok = fail(&r, "end without repeat%s%s", NULL, NULL);
				break;
			}
			if (--stack[depth - 1].left > 0)
				i = stack[depth - 1].start;
			else
				depth--;
			continue;
		}
		ok = command(&r, line);
	}
	if (ok && depth > 0)
		ok = fail(&r, "repeat without end%s%s", NULL, NULL);
	if (events)
		*events = r.events;
	if (r.surface)
		cairo_surface_destroy(r.surface);
done:
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return ok;
}
