/* SPDX-License-Identifier: MIT */
/*
 * kiosk.c - one kiosk session (see kiosk.h).
 *
 * Owns the loaded content (one library per language), the fonts, layout,
 * painter, app state, screens and the print job in flight. Reload is all
 * or nothing: every language is loaded into fresh libraries and they
 * replace the old ones only when all of them loaded.
 *
 * Logs one line to stderr for things staff may need to look up later
 * (print failures, reload errors); never exits.
 */
#include "kiosk.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cairo_paint.h"
#include "content.h"
#include "fonts.h"
#include "frame.h"
#include "i18n.h"
#include "input.h"
#include "layout.h"
#include "paths.h"
#include "print.h"
#include "site.h"
#include "speak.h"

/* How often a running print job is looked at, and how long it may take. */
#define PRINT_POLL 0.1
#define PRINT_TIMEOUT 60.0

struct pe_kiosk {
	pe_site *site;
	pe_fonts *fonts;
	pe_layout *layout;
	pe_painter *painter;
	pe_schema *schema;
	char *langs[PE_LANG_MAX];           /* owned codes of the language buttons */
	size_t n_langs;
	pe_library *libs[PE_LANG_MAX];      /* owned, one per language */
	size_t shown_lang;                /* the language i18n is set to */
	pe_app *app;
	pe_screens *screens;
	pe_screen_env env;
	pe_frame frame;
	pe_input input;
	double width, height;
	bool relayout;
	bool press_changed;               /* the pressed shade must be painted */
	pe_print_job *job;
	double job_next_poll;
	bool job_for_staff;
	/* Reading aloud: what the voice was last told (the app says what
	 * the patient wants), and the index in the frame's sentences of the
	 * engine's first one. */
	pe_speak *speak;
	unsigned long said_serial;
	pe_speech_ui said_state;
	bool said_slow;
	int said_volume;
	size_t said_base;
	double pumped_at;
	bool quit;
};

static void log_line(const char *what, const char *msg)
{
	fprintf(stderr, "kiosk: %s: %s\n", what, msg);
}

static bool load_libraries(pe_kiosk *k, pe_library **out, pe_error *err)
{
	for (size_t i = 0; i < k->n_langs; i++)
		out[i] = NULL;
	for (size_t i = 0; i < k->n_langs; i++) {
		char rel[64], dir[4096];
		snprintf(rel, sizeof rel, "content/%s", k->langs[i]);
		if (!pe_paths_data(dir, sizeof dir, rel)) {
			pe_error_set(err, NULL, 0, "kiosk: data path too long");
			goto fail;
		}
		out[i] = pe_library_load(dir, k->langs[i], k->schema, err);
		if (!out[i])
			goto fail;
		if (pe_library_count(out[i]) == 0) {
			pe_error_set(err, dir, 0, "no topics");
			goto fail;
		}
	}
	return true;
fail:
	for (size_t i = 0; i < k->n_langs; i++) {
		pe_library_destroy(out[i]);
		out[i] = NULL;
	}
	return false;
}

static size_t emergency_index(const pe_library *lib)
{
	size_t n = pe_library_count(lib);
	for (size_t i = 0; i < n; i++)
		if (pe_library_topic(lib, i)->emergency)
			return i;
	return n;
}

static void content_changed(pe_kiosk *k)
{
	const pe_library *lib = k->libs[k->app->lang];
	size_t em = emergency_index(lib), sec = SIZE_MAX;
	pe_app_set_content(k->app, pe_library_count(lib), em);
	if (em < pe_library_count(lib) && pe_topic_gethelp(pe_library_topic(lib, em), &sec))
		pe_app_set_emergency_section(k->app, sec);
	pe_screens_invalidate(k->screens);
	k->relayout = true;
}

static bool add_lang(pe_kiosk *k, const char *code, pe_error *err)
{
	for (size_t i = 0; i < k->n_langs; i++)
		if (strcmp(k->langs[i], code) == 0)
			return true;
	/* i18n refuses a LINGUAS this long; a language dropped here would
	 * vanish from the switch with no word. */
	if (k->n_langs == PE_LANG_MAX) {
		pe_error_set(err, NULL, 0, "kiosk: more than %d languages", PE_LANG_MAX);
		return false;
	}
	char *copy = strdup(code);
	if (!copy) {
		pe_error_set(err, NULL, 0, "kiosk: out of memory");
		return false;
	}
	k->langs[k->n_langs++] = copy;
	return true;
}

pe_kiosk *pe_kiosk_create(const pe_kiosk_options *opts, double now, pe_error *err)
{
	pe_kiosk *k = calloc(1, sizeof *k);
	if (!k) {
		pe_error_set(err, NULL, 0, "kiosk: out of memory");
		return NULL;
	}
	k->width = opts->width;
	k->height = opts->height;
	k->site = opts->site_path ? pe_site_load(opts->site_path, err) : pe_site_new_default();
	if (!k->site) {
		if (!opts->site_path)
			pe_error_set(err, NULL, 0, "kiosk: out of memory");
		goto fail;
	}
	/* The UI catalogues are copied once here and at a staff reload: a
	 * catalogue changed on disk must not go live at the next tap. */
	if (!pe_i18n_init(err) || !pe_i18n_snapshot(err))
		goto fail;
	const char *lang = opts->lang ? opts->lang : k->site->default_language;
	if (!lang)
		lang = "en";
	if (!pe_i18n_check(lang, err))
		goto fail;
	/* The switch offers every built language but the pseudo-locale, which
	 * is for testers and shows only when asked for. */
	for (size_t i = 0; i < pe_i18n_count(); i++)
		if (strcmp(pe_i18n_code(i), "qps") != 0 && !add_lang(k, pe_i18n_code(i), err))
			goto fail;
	if (!add_lang(k, lang, err))
		goto fail;
	size_t lang_index = 0;
	for (size_t i = 0; i < k->n_langs; i++)
		if (strcmp(k->langs[i], lang) == 0)
			lang_index = i;

	char path[4096];
	/* The fonts every language of the kiosk needs (fonts.h). */
	k->fonts = pe_fonts_load_langs(pe_paths_data(path, sizeof path, "fonts"),
	                               (const char *const *)k->langs, k->n_langs, err);
	if (!k->fonts)
		goto fail;
	if (!(k->layout = pe_layout_create(k->fonts, err)))
		goto fail;
	if (!(k->painter = pe_painter_create(k->fonts, err)))
		goto fail;
	if (!(k->schema = pe_schema_load(pe_paths_data(path, sizeof path, "topic.rng"), err)))
		goto fail;
	if (!load_libraries(k, k->libs, err))
		goto fail;

	pe_app_config cfg = {
		.n_langs = k->n_langs,
		.default_lang = lang_index,
		.idle_seconds = k->site->idle_seconds,
		.countdown_seconds = PE_COUNTDOWN_SECONDS,
		.staff_pin = k->site->staff_pin,
		.high_contrast = k->site->high_contrast,
		.default_text_step = 0,
		.speech = k->site->speech,
	};
	if (!(k->app = pe_app_create(&cfg, now)) || !(k->screens = pe_screens_create()) ||
	    !(k->speak = pe_speak_create()))
		goto oom;
	k->said_volume = k->app->speech_volume;
	k->shown_lang = k->app->lang;
	if (!pe_i18n_set_language(k->langs[k->shown_lang], err))
		goto fail;
	pe_input_init(&k->input);
	k->env.layout = k->layout;
	k->env.site = k->site;
	k->env.langs = (const char *const *)k->langs;
	k->env.n_langs = k->n_langs;
	content_changed(k);
	return k;
oom:
	pe_error_set(err, NULL, 0, "kiosk: out of memory");
fail:
	pe_kiosk_destroy(k);
	return NULL;
}

void pe_kiosk_destroy(pe_kiosk *k)
{
	if (!k)
		return;
	pe_print_destroy(k->job);
	pe_speak_destroy(k->speak);
	pe_frame_finish(&k->frame);
	pe_screens_destroy(k->screens);
	pe_app_destroy(k->app);
	for (size_t i = 0; i < k->n_langs; i++) {
		pe_library_destroy(k->libs[i]);
		free(k->langs[i]);
	}
	pe_schema_destroy(k->schema);
	pe_painter_destroy(k->painter);
	pe_layout_destroy(k->layout);
	pe_fonts_destroy(k->fonts);
	pe_site_destroy(k->site);
	pe_i18n_finish();
	free(k);
}

void pe_kiosk_resize(pe_kiosk *k, double w, double h)
{
	if (w == k->width && h == k->height)
		return;
	k->width = w;
	k->height = h;
	k->relayout = true;
}

static pe_input_target target(pe_kiosk *k, double now)
{
	pe_input_target t = { k->app, &k->frame, k->width, k->height, now };
	return t;
}

void pe_kiosk_event(pe_kiosk *k, const SDL_Event *ev, double now)
{
	pe_input_target t = target(k, now);
	double a[4], b[4];
	bool before = pe_input_pressed(&k->input, &a[0], &a[1], &a[2], &a[3]);
	pe_input_event(&k->input, ev, &t);
	bool after = pe_input_pressed(&k->input, &b[0], &b[1], &b[2], &b[3]);
	if (before != after || (after && memcmp(a, b, sizeof a) != 0))
		k->press_changed = true;
}

static const pe_topic *current_topic(const pe_kiosk *k, size_t lang)
{
	const pe_library *lib = k->libs[lang];
	return k->app->topic < pe_library_count(lib) ? pe_library_topic(lib, k->app->topic) : NULL;
}

static void start_print(pe_kiosk *k, const pe_topic *topic, int copies, bool staff, double now)
{
	pe_error err = { "" };
	char pdf[4096];
	k->job_for_staff = staff;
	if (k->job) {
		pe_print_destroy(k->job);
		k->job = NULL;
	}
	if (!topic || !pe_print_make_pdf(k->layout, topic, k->site, NULL, pdf, sizeof pdf, &err) ||
	    !(k->job = pe_print_send(pdf, k->site->printer, copies, true, &err))) {
		if (!topic)
			pe_error_set(&err, NULL, 0, "print: no topic to print");
		log_line("print failed", err.msg);
		pe_app_print_result(k->app, false, now);
		return;
	}
	k->job_next_poll = now + PRINT_POLL;
}

static void poll_print(pe_kiosk *k, double now)
{
	if (!k->job || now < k->job_next_poll)
		return;
	pe_error err = { "" };
	pe_job_status st = pe_print_poll(k->job, PRINT_TIMEOUT, &err);
	if (st == PE_JOB_RUNNING) {
		k->job_next_poll = now + PRINT_POLL;
		return;
	}
	if (st != PE_JOB_DONE)
		log_line("print failed", err.msg);
	pe_print_destroy(k->job);
	k->job = NULL;
	pe_app_print_result(k->app, st == PE_JOB_DONE, now);
}

static void reload(pe_kiosk *k)
{
	pe_error err = { "" };
	pe_library *fresh[PE_LANG_MAX];
	if (!load_libraries(k, fresh, &err)) {
		log_line("reload failed, kept the content", err.msg);
		pe_app_reload_result(k->app, false, err.msg);
		return;
	}
	/* Catalogues last: a refused one leaves the old copy bound, and from
	 * here on nothing can fail, so content and words change together. */
	if (!pe_i18n_snapshot(&err)) {
		for (size_t i = 0; i < k->n_langs; i++)
			pe_library_destroy(fresh[i]);
		log_line("reload failed, kept the content", err.msg);
		pe_app_reload_result(k->app, false, err.msg);
		return;
	}
	for (size_t i = 0; i < k->n_langs; i++) {
		pe_library_destroy(k->libs[i]);
		k->libs[i] = fresh[i];
	}
	pe_app_reload_result(k->app, true, NULL);
	content_changed(k);
}

static void run_requests(pe_kiosk *k, double now)
{
	switch (pe_app_take_request(k->app)) {
	case PE_REQ_NONE:
		break;
	case PE_REQ_PRINT:
		start_print(k, current_topic(k, k->app->print_lang), k->app->copies, false, now);
		break;
	case PE_REQ_TEST_PRINT: {
		const pe_library *lib = k->libs[k->app->lang];
		start_print(k, pe_library_count(lib) ? pe_library_topic(lib, 0) : NULL, 1, true, now);
		break;
	}
	case PE_REQ_RELOAD:
		reload(k);
		break;
	case PE_REQ_EXIT:
		k->quit = true;
		break;
	}
}

/* Build the frame, then give the app the reader's page height and section
 * positions (the build only reads the app). When they move the section
 * being read, build once more so the section list shows it selected: the
 * page itself is cached, only the screen is laid out again. */
static bool build_frame(pe_kiosk *k, double now, pe_error *err)
{
	size_t reading = k->app->reading;
	if (!pe_screens_build(k->screens, &k->env, k->app, now, &k->frame, err))
		return false;
	if (!k->frame.reader)
		return true;
	if (!pe_app_set_doc(k->app, k->frame.doc_height, k->frame.vh, k->frame.marks,
	                    k->frame.n_marks)) {
		pe_error_set(err, NULL, 0, "kiosk: out of memory building a screen");
		return false;
	}
	if (k->app->reading == reading)
		return true;
	return pe_screens_build(k->screens, &k->env, k->app, now, &k->frame, err);
}

/* Start reading the screen's sentences (the reader's from the section
 * being read). */
static void speech_start(pe_kiosk *k)
{
	const pe_says *says = k->frame.says;
	size_t first = 0;
	if (says && k->frame.says_on_doc)
		first = pe_says_first_in(says, k->app->speech_from);
	pe_error err = { "" };
	const char **texts = NULL;
	size_t n = says && first < says->n ? says->n - first : 0;
	if (n && !(texts = malloc(n * sizeof *texts))) {
		pe_app_speech_stop(k->app);
		return;
	}
	for (size_t i = 0; i < n; i++)
		texts[i] = says->items[first + i].text;
	k->said_base = first;
	bool ok = n > 0 && pe_speak_start(k->speak, k->langs[k->app->lang], texts, n,
	                                  k->app->speech_slow, k->app->speech_volume, &err);
	free(texts);
	if (!n) {
		pe_app_speech_stop(k->app);
	} else if (!ok) {
		log_line("speech not available", err.msg);
		pe_app_speech_failed(k->app);
	}
}

/* Make the voice follow what the patient asked for, and the app follow
 * what the voice has reached. */
static void speech_sync(pe_kiosk *k, double now)
{
	pe_app *app = k->app;
	if (app->speech != PE_SAY_OFF && app->speech_serial != k->said_serial) {
		k->said_serial = app->speech_serial;
		k->said_state = PE_SAY_PLAYING;
		k->said_slow = app->speech_slow;
		k->pumped_at = now;
		speech_start(k);
	}
	if (app->speech == PE_SAY_OFF && k->said_state != PE_SAY_OFF)
		pe_speak_stop(k->speak);
	else if (app->speech != k->said_state)
		pe_speak_pause(k->speak, app->speech == PE_SAY_PAUSED);
	k->said_state = app->speech;
	if (app->speech_slow != k->said_slow) {
		k->said_slow = app->speech_slow;
		pe_speak_set_slow(k->speak, app->speech_slow);
	}
	if (app->speech_volume != k->said_volume) {
		k->said_volume = app->speech_volume;
		pe_speak_set_volume(k->speak, app->speech_volume);
	}
	if (app->speech == PE_SAY_PLAYING)
		pe_speak_pump(k->speak, now - k->pumped_at);
	k->pumped_at = now;
	int heard;
	if (!pe_speak_take_progress(k->speak, &heard))
		return;
	if (heard < 0) {
		pe_app_speech_progress(app, -1, 1, 0, now);
		k->said_state = PE_SAY_OFF;
		return;
	}
	size_t i = k->said_base + (size_t)heard;
	const pe_says *says = k->frame.says;
	double y0 = 1, y1 = 0;
	if (says && k->frame.says_on_doc && i < says->n) {
		const pe_say *say = &says->items[i];
		for (size_t j = 0; j < say->n_spans; j++) {
			const pe_say_span *sp = &says->spans[say->first_span + j];
			y0 = j ? fmin(y0, sp->y) : sp->y;
			y1 = j ? fmax(y1, sp->y + sp->h) : sp->y + sp->h;
		}
	}
	pe_app_speech_progress(app, (int)i, y0, y1, now);
}

unsigned pe_kiosk_update(pe_kiosk *k, double now)
{
	pe_input_target t = target(k, now);
	pe_input_tick(&k->input, &t);
	pe_app_tick(k->app, now);
	run_requests(k, now);
	poll_print(k, now);
	run_requests(k, now);
	if (k->app->lang != k->shown_lang) {
		pe_error err = { "" };
		if (!pe_i18n_set_language(k->langs[k->app->lang], &err))
			log_line("language", err.msg);
		k->shown_lang = k->app->lang;
		content_changed(k);
	}
	speech_sync(k, now);
	unsigned dirty = pe_app_take_dirty(k->app);
	if (k->press_changed) {
		dirty |= PE_DIRTY_PRESS;
		k->press_changed = false;
	}
	if ((dirty & PE_DIRTY_LAYOUT) || k->relayout || !k->frame.dl) {
		k->env.lib = k->libs[k->app->lang];
		k->env.width = k->width;
		k->env.height = k->height;
		pe_error err = { "" };
		if (!build_frame(k, now, &err))
			log_line("layout", err.msg);
		k->relayout = false;
		return dirty | PE_DIRTY_LAYOUT | PE_DIRTY_PAINT;
	}
	if (dirty & PE_DIRTY_OVERLAY) {
		pe_error err = { "" };
		/* With no warning up, update_overlay builds the whole frame:
		 * that build's page geometry goes to the app too. */
		bool ok = k->app->warning ? pe_screens_update_overlay(k->screens, &k->env, k->app,
		                                                      now, &k->frame, &err)
		                          : build_frame(k, now, &err);
		if (!ok)
			log_line("layout", err.msg);
	}
	return dirty ? dirty | PE_DIRTY_PAINT : 0;
}

double pe_kiosk_next_deadline(const pe_kiosk *k)
{
	double next = pe_app_next_deadline(k->app);
	double in = pe_input_next_deadline(&k->input);
	if (in < next)
		next = in;
	if (k->job && k->job_next_poll < next)
		next = k->job_next_poll;
	return next;
}

bool pe_kiosk_paint(pe_kiosk *k, cairo_t *cr, pe_error *err)
{
	bool ok = pe_frame_paint(k->painter, cr, &k->frame, k->app->scroll, err);
	double x, y, w, h;
	if (pe_input_pressed(&k->input, &x, &y, &w, &h))
		pe_frame_paint_press(cr, &k->frame, x, y, w, h);
	return ok;
}

bool pe_kiosk_paint_viewport(pe_kiosk *k, cairo_t *cr, double y0, double y1, pe_error *err)
{
	return pe_frame_paint_viewport(k->painter, cr, &k->frame, k->app->scroll, y0, y1, err);
}

double pe_kiosk_scroll_px(const pe_kiosk *k)
{
	return floor(k->app->scroll + 0.5);
}

bool pe_kiosk_write_png(pe_kiosk *k, const char *path, pe_error *err)
{
	int w = (int)k->width, h = (int)k->height;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	bool ok = pe_kiosk_paint(k, cr, err);
	cairo_destroy(cr);
	bool written = pe_surface_write_png(s, path, err);
	cairo_surface_destroy(s);
	return written && ok;
}

bool pe_kiosk_should_quit(const pe_kiosk *k)
{
	return k->quit;
}

pe_app *pe_kiosk_app(pe_kiosk *k)
{
	return k->app;
}

const pe_frame *pe_kiosk_frame(const pe_kiosk *k)
{
	return &k->frame;
}

const pe_screen_env *pe_kiosk_env(const pe_kiosk *k)
{
	return &k->env;
}

const char *pe_kiosk_lang(const pe_kiosk *k)
{
	return k->langs[k->app->lang];
}

double pe_kiosk_speech_first_ms(const pe_kiosk *k)
{
	return pe_speak_first_sample_ms(k->speak);
}

const char *pe_kiosk_topic_id(const pe_kiosk *k)
{
	if (k->app->screen != PE_SCREEN_TOPIC && k->app->screen != PE_SCREEN_PRINT)
		return NULL;
	const pe_topic *t = current_topic(k, k->app->lang);
	return t ? t->id : NULL;
}

const pe_painter *pe_kiosk_painter(const pe_kiosk *k)
{
	return k->painter;
}
