/*
 * loop.c - the SDL event loop (see loop.h).
 *
 * Nothing here polls: between events the process sleeps until the one
 * deadline. Never lays out and never decides what an event means (input.c
 * does, through kiosk.c).
 */
#include "loop.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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
	fprintf(st->out, "wakeups %ld\nframes %ld\nframe_p50_ms %.3f\nframe_p99_ms %.3f\n",
	        st->wakeups, st->frames, p50, p99);
	fclose(st->out);
	free(st->paint_ms);
}

static bool paint(pe_output *out, pe_kiosk *k, stats *st)
{
	double t0 = monotonic();
	pe_error err = { "" };
	cairo_t *cr = pe_output_begin(out, &err);
	if (!cr) {
		fprintf(stderr, "kiosk: %s\n", err.msg);
		return false;
	}
	if (!pe_kiosk_paint(k, cr, &err) && err.msg[0])
		fprintf(stderr, "kiosk: %s\n", err.msg);
	pe_output_end(out, cr);
	st->frames++;
	if (st->paint_ms && st->n < MAX_SAMPLES)
		st->paint_ms[st->n++] = (float)((monotonic() - t0) * 1000);
	return true;
}

bool pe_loop_run(const pe_kiosk_options *kopts, const pe_output_options *oopts,
                 pe_error *err)
{
	/* The traps DESIGN.md measured: without this hint the "software"
	 * renderer goes through OpenGL (579 ms start, 158 MiB). */
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
	/* Mouse presses also arrive as touches (input.c drops those copies),
	 * so a mouse-driven test drives the same code a finger does. */
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "1");
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
	int w, h;
	pe_output_size(out, &w, &h);
	pe_kiosk_options ko = *kopts;
	ko.width = w;
	ko.height = h;
	if (!(k = pe_kiosk_create(&ko, monotonic(), err)))
		goto done;
	pe_kiosk_update(k, monotonic());
	if (!paint(out, k, &st))
		goto done;
	if (st.out) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		fprintf(st.out, "first_frame_ns %lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
		fflush(st.out);
	}
	ok = true;
	bool quit = false;
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
				if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
					/* Resize or rotation: new texture, new layout; the
					 * input path reads the new size from the kiosk. */
					if (!pe_output_resize(out, err)) {
						ok = false;
						quit = true;
					}
					pe_output_size(out, &w, &h);
					pe_kiosk_resize(k, w, h);
				}
				if (ev.window.event == SDL_WINDOWEVENT_EXPOSED)
					repaint = true;
			} else {
				pe_kiosk_event(k, &ev, now);
			}
			got = SDL_PollEvent(&ev);
		}
		if (pe_kiosk_update(k, monotonic()))
			repaint = true;
		if (repaint && !quit)
			paint(out, k, &st);
	}
done:
	stats_finish(&st);
	pe_kiosk_destroy(k);
	pe_output_destroy(out);
	SDL_Quit();
	return ok;
}
