/* SPDX-License-Identifier: MIT */
/*
 * loop.c - the SDL event loop (see loop.h).
 *
 * Nothing here polls: between events the process sleeps until the one
 * deadline. Never lays out and never decides what an event means (input.c
 * does, through kiosk.c).
 */
#include "loop.h"

#include "frame.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#define MAX_SAMPLES 65536

typedef struct stats {
	FILE *out;
	long wakeups, frames;
	float *paint_ms;          /* owned */
	size_t n;
} stats;

static double monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

static void stats_finish(stats *st)
{
	if (!st->out)
		return;
	double p50 = 0, p99 = 0;
	if (st->n) {
		qsort(st->paint_ms, st->n, sizeof *st->paint_ms, cmp_float);
		p50 = st->paint_ms[st->n / 2];
		p99 = st->paint_ms[(size_t)((double)(st->n - 1) * 0.99)];
	}
	fprintf(st->out, "wakeups %ld\nframes %ld\nscroll_frames %zu\nframe_p50_ms %.3f\n"
	        "frame_p99_ms %.3f\n", st->wakeups, st->frames, st->n, p50, p99);
	fclose(st->out);
	free(st->paint_ms);
}

/* What the texture holds, so a scroll frame can reuse it. */
typedef struct painted {
	bool valid;
	double scroll;            /* whole pixels */
} painted;

/* A scroll frame: move the viewport's rows by the scroll change and paint
 * only the rows that came into view, and the scroll bar. */
static bool paint_scroll(pe_output *out, pe_kiosk *k, painted *last, pe_error *err)
{
	const pe_frame *f = pe_kiosk_frame(k);
	double scroll = pe_kiosk_scroll_px(k);
	int dy = (int)(scroll - last->scroll);
	int x = (int)f->vx, y = (int)f->vy, w = (int)f->vw, h = (int)f->vh;
	if (w <= 0 || h <= 0)
		return false;
	unsigned char *px;
	int pitch;
	cairo_t *cr = pe_output_begin_rect(out, x, y, w, h, &px, &pitch, err);
	if (!cr)
		return false;
	int n = abs(dy);
	if (n >= h) {
		pe_kiosk_paint_viewport(k, cr, y, y + h, err);
	} else if (dy != 0) {
		size_t bytes = (size_t)w * 4;
		if (dy > 0) {      /* content moves up */
			for (int row = 0; row < h - n; row++)
				memmove(px + (size_t)row * (size_t)pitch, px + (size_t)(row + n) * (size_t)pitch, bytes);
			pe_kiosk_paint_viewport(k, cr, y + h - n, y + h, err);
		} else {
			for (int row = h - 1; row >= n; row--)
				memmove(px + (size_t)row * (size_t)pitch, px + (size_t)(row - n) * (size_t)pitch, bytes);
			pe_kiosk_paint_viewport(k, cr, y, y + n, err);
		}
		/* The scroll bar moved with the rows: paint its column again. */
		double bx0, bx1;
		pe_frame_scroll_bar_span(f, &bx0, &bx1);
		cairo_save(cr);
		cairo_rectangle(cr, bx0, y, bx1 - bx0, h);
		cairo_clip(cr);
		pe_kiosk_paint_viewport(k, cr, y, y + h, err);
		cairo_restore(cr);
	}
	pe_output_end_rect(out, cr, x, y, w, h);
	last->scroll = scroll;
	return true;
}

static bool paint(pe_output *out, pe_kiosk *k, stats *st, painted *last, bool scroll_only)
{
	double t0 = monotonic();
	pe_error err = { "" };
	if (scroll_only && last->valid && pe_kiosk_frame(k)->reader) {
		if (!paint_scroll(out, k, last, &err)) {
			fprintf(stderr, "kiosk: %s\n", err.msg);
			last->valid = false;
			return false;
		}
	} else {
		cairo_t *cr = pe_output_begin(out, &err);
		if (!cr) {
			fprintf(stderr, "kiosk: %s\n", err.msg);
			last->valid = false;
			return false;
		}
		if (!pe_kiosk_paint(k, cr, &err) && err.msg[0])
			fprintf(stderr, "kiosk: %s\n", err.msg);
		pe_output_end(out, cr);
		last->valid = true;
		last->scroll = pe_kiosk_scroll_px(k);
	}
	st->frames++;
	/* Frame times are quoted for scrolling: frames that only moved. */
	if (scroll_only && st->paint_ms && st->n < MAX_SAMPLES)
		st->paint_ms[st->n++] = (float)((monotonic() - t0) * 1000);
	return true;
}

bool pe_loop_run(const pe_kiosk_options *kopts, const pe_output_options *oopts,
                 pe_error *err)
{
	/* Measured (doc/measurements.md): without this hint the "software"
	 * renderer goes through OpenGL (579 ms start, 158 MiB). */
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
	/* Mouse presses also arrive as touches (input.c drops those copies),
	 * so a mouse-driven test drives the same code a finger does. */
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "1");
	/* Lock-down: a window manager's close (Alt+F4, a title bar's x) is a
	 * window event, not a quit: only SIGTERM/SIGINT (which SDL turns into
	 * SDL_QUIT) and the staff menu's Exit end a fullscreen kiosk. */
	SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		pe_error_set(err, NULL, 0, "kiosk: cannot start SDL video: %s", SDL_GetError());
		return false;
	}
	stats st = { 0 };
	const char *stats_path = getenv("PE_KIOSK_STATS");
	if (stats_path && *stats_path) {
		st.out = fopen(stats_path, "w");
		st.paint_ms = malloc(MAX_SAMPLES * sizeof *st.paint_ms);
	}
	bool ok = false;
	pe_kiosk *k = NULL;
	pe_output *out = pe_output_create(oopts, err);
	if (!out)
		goto done;
	char desktop[160];
	if (!oopts->windowed && pe_output_desktop(out, desktop, sizeof desktop))
		fprintf(stderr, "kiosk: warning: running under %s: a window manager is not a kiosk (its "
		        "keys and menus can hide or close this window); run it under cage, see "
		        "kiosk/deploy/README.md\n", desktop);
	int w, h;
	pe_output_size(out, &w, &h);
	pe_kiosk_options ko = *kopts;
	ko.width = w;
	ko.height = h;
	if (!(k = pe_kiosk_create(&ko, monotonic(), err)))
		goto done;
	pe_kiosk_update(k, monotonic());
	painted last = { 0 };
	if (!paint(out, k, &st, &last, false))
		goto done;
	if (st.out) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		fprintf(st.out, "first_frame_ns %lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
		fflush(st.out);
	}
	ok = true;
	bool quit = false;
	int close_said = 0;
	while (!quit && !pe_kiosk_should_quit(k)) {
		double deadline = pe_kiosk_next_deadline(k);
		SDL_Event ev;
		int got;
		if (isinf(deadline)) {
			got = SDL_WaitEvent(&ev);
		} else {
			double ms = ceil((deadline - monotonic()) * 1000);
			got = ms <= 0 ? SDL_PollEvent(&ev) : SDL_WaitEventTimeout(&ev, (int)fmin(ms, 1e9));
		}
		st.wakeups++;
		bool repaint = false;
		while (got) {
			double now = monotonic();
			if (ev.type == SDL_QUIT) {
				quit = true;
			} else if (ev.type == SDL_WINDOWEVENT) {
				if (ev.window.event == SDL_WINDOWEVENT_CLOSE) {
					/* A developer's window closes; a kiosk's stays. */
					if (oopts->windowed)
						quit = true;
					else if (!close_said++)
						fprintf(stderr, "kiosk: the window manager asked to close the "
						        "window: ignored (the staff menu's Exit or SIGTERM "
						        "end the kiosk)\n");
				}
				if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
					/* Resize or rotation: new texture, new layout; the
					 * input path reads the new size from the kiosk. */
					if (!pe_output_resize(out, err)) {
						ok = false;
						quit = true;
					}
					pe_output_size(out, &w, &h);
					pe_kiosk_resize(k, w, h);
					last.valid = false;
				}
				if (ev.window.event == SDL_WINDOWEVENT_EXPOSED) {
					repaint = true;
					last.valid = false;
				}
			} else {
				pe_kiosk_event(k, &ev, now);
			}
			got = SDL_PollEvent(&ev);
		}
		unsigned changed = pe_kiosk_update(k, monotonic());
		if (changed)
			repaint = true;
		if (repaint && !quit)
			paint(out, k, &st, &last, changed == PE_DIRTY_PAINT);
	}
done:
	if (st.out && k)
		fprintf(st.out, "speech_first_sample_ms %.1f\n", pe_kiosk_speech_first_ms(k));
	stats_finish(&st);
	pe_kiosk_destroy(k);
	pe_output_destroy(out);
	SDL_Quit();
	return ok;
}
