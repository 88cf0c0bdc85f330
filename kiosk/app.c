/* SPDX-License-Identifier: MIT */
/*
 * app.c - the kiosk's state machine (see app.h).
 *
 * Pure state and time arithmetic. No drawing, no SDL, no I/O, no gettext:
 * if something here needs the outside world it becomes a request.
 */
#include "app.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Momentum: the speed halves about every 0.25 s; below MIN_SPEED it stops. */
#define FRICTION_TAU 0.35
#define MIN_SPEED 20.0
#define FRAME (1.0 / 60.0)

const int pe_volume_steps[PE_VOLUME_STEPS] = { 25, 50, 75, 100 };

static void mark(pe_app *app, unsigned bits)
{
	app->dirty |= bits;
}

void pe_app_speech_stop(pe_app *app)
{
	if (app->speech == PE_SAY_OFF && app->speech_sentence < 0)
		return;
	app->speech = PE_SAY_OFF;
	app->speech_sentence = -1;
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
}

static void stop_momentum(pe_app *app)
{
	app->velocity = 0;
}

/* Something else is under the finger now (another screen, another
 * topic): taps start over. The callers have just set last_touch to now. */
static void new_screen(pe_app *app)
{
	/* What was being read is not on screen any more. */
	pe_app_speech_stop(app);
	app->screen_serial++;
	app->screen_since = app->last_touch;
}

static void go(pe_app *app, pe_screen screen)
{
	app->lang_menu = false;
	if (app->screen != screen) {
		app->screen = screen;
		new_screen(app);
		mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
	}
}

bool pe_app_print_allowed(const pe_app *app)
{
	if (app->print_state == PE_PRINT_BUSY)
		return false;
	return !(app->job_printed && app->printed_topic == app->topic &&
	         app->printed_lang == app->print_lang && app->printed_copies == app->copies);
}

/* The form changed (opened, language, copies): its state says whether
 * this job is the one that already printed. */
static void print_form_changed(pe_app *app)
{
	if (app->print_state == PE_PRINT_BUSY)
		return;
	app->print_state = pe_app_print_allowed(app) ? PE_PRINT_IDLE : PE_PRINT_DONE;
}

static void reset_everything(pe_app *app, double now)
{
	app->screen = PE_SCREEN_HOME;
	app->print_return = PE_SCREEN_HOME;
	app->lang = app->cfg.default_lang;
	app->topic = 0;
	app->text_step = app->cfg.default_text_step;
	app->scroll = 0;
	app->velocity = 0;
	app->section_first = 0;
	app->warning = false;
	app->lang_menu = false;
	app->print_lang = app->lang;
	app->copies = 1;
	/* A new patient may print what the last one printed. */
	app->job_printed = false;
	if (app->print_state != PE_PRINT_BUSY)
		app->print_state = PE_PRINT_IDLE;
	app->staff_unlocked = false;
	app->pin_entry[0] = 0;
	app->staff_note = PE_STAFF_NOTE_NONE;
	app->staff_detail[0] = 0;
	app->speech_slow = false;
	/* A device missing for the last patient may be plugged in now. */
	app->speech_unavailable = false;
	app->last_touch = now;
	new_screen(app);
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
}

pe_app *pe_app_create(const pe_app_config *cfg, double now)
{
	pe_app *app = calloc(1, sizeof *app);
	if (!app)
		return NULL;
	app->cfg = *cfg;
	if (app->cfg.n_langs == 0)
		app->cfg.n_langs = 1;
	if (app->cfg.default_lang >= app->cfg.n_langs)
		app->cfg.default_lang = 0;
	if (app->cfg.idle_seconds <= 0)
		app->cfg.idle_seconds = 90;
	if (app->cfg.countdown_seconds <= 0)
		app->cfg.countdown_seconds = PE_COUNTDOWN_SECONDS;
	if (app->cfg.default_text_step < 0 || app->cfg.default_text_step >= PE_TEXT_STEPS)
		app->cfg.default_text_step = 0;
	/* A PIN that is empty, too long or not all digits disables the menu:
	 * the pad has only digits. */
	app->cfg.staff_pin = NULL;
	if (cfg->staff_pin && *cfg->staff_pin && strlen(cfg->staff_pin) <= PE_PIN_MAX &&
	    strspn(cfg->staff_pin, "0123456789") == strlen(cfg->staff_pin))
		strcpy(app->pin, cfg->staff_pin);
	app->high_contrast = cfg->high_contrast;
	app->emergency_topic = 0;
	app->emergency_section = SIZE_MAX;
	app->jump_section = SIZE_MAX;
	app->speech_sentence = -1;
	app->speech_volume = PE_VOLUME_DEFAULT;
	reset_everything(app, now);
	/* The first screen takes taps at once. */
	app->screen_since = -INFINITY;
	return app;
}

void pe_app_destroy(pe_app *app)
{
	if (!app)
		return;
	free(app->marks);
	free(app);
}

void pe_app_set_content(pe_app *app, size_t n_topics, size_t emergency_topic)
{
	app->n_topics = n_topics;
	app->emergency_topic = emergency_topic < n_topics ? emergency_topic : n_topics;
	app->emergency_section = SIZE_MAX;
	app->jump_section = SIZE_MAX;
	if ((app->screen == PE_SCREEN_TOPIC || app->screen == PE_SCREEN_PRINT) &&
	    app->topic >= n_topics)
		go(app, PE_SCREEN_HOME);
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
}

void pe_app_set_emergency_section(pe_app *app, size_t section)
{
	app->emergency_section = app->emergency_topic < app->n_topics ? section : SIZE_MAX;
}

static void clamp_scroll(pe_app *app)
{
	if (app->scroll > app->scroll_max) {
		app->scroll = app->scroll_max;
		app->velocity = 0;
	}
	if (app->scroll < 0) {
		app->scroll = 0;
		app->velocity = 0;
	}
}

/* The section the reader shows at the top quarter of the viewport. */
static size_t reading_at_scroll(const pe_app *app)
{
	double line = app->scroll + app->view_height / 4;
	size_t r = 0;
	for (size_t i = 0; i < app->n_marks; i++)
		if (app->marks[i] <= line)
			r = i;
	return r;
}

size_t pe_app_reading(const pe_app *app)
{
	if (app->reading_tapped && app->reading < app->n_marks)
		return app->reading;
	return reading_at_scroll(app);
}

/* The page moved: when another section comes to the top, the list must
 * be laid out again to show it selected (a plain scroll only paints). A
 * move by hand ends what a section tap selected. */
static void scrolled(pe_app *app)
{
	app->reading_tapped = false;
	size_t r = pe_app_reading(app);
	if (r != app->reading) {
		app->reading = r;
		mark(app, PE_DIRTY_LAYOUT);
	}
	mark(app, PE_DIRTY_PAINT);
}

bool pe_app_set_doc(pe_app *app, double doc_height, double view_height,
                    const double *marks, size_t n_marks)
{
	double *copy = NULL;
	if (n_marks) {
		copy = malloc(n_marks * sizeof *copy);
		if (!copy)
			return false;
		memcpy(copy, marks, n_marks * sizeof *copy);
	}
	free(app->marks);
	app->marks = copy;
	app->n_marks = n_marks;
	/* Keep the reader's place: same fraction of the page. */
	if (app->doc_height > 0 && doc_height > 0 && doc_height != app->doc_height)
		app->scroll *= doc_height / app->doc_height;
	app->doc_height = doc_height;
	app->scroll_max = doc_height > view_height ? doc_height - view_height : 0;
	app->view_height = view_height;
	/* The emergency button asked for a section before the layout knew
	 * where it is: go there now, once. */
	if (app->jump_section != SIZE_MAX && app->jump_section < n_marks) {
		app->scroll = marks[app->jump_section];
		app->velocity = 0;
	}
	app->jump_section = SIZE_MAX;
	clamp_scroll(app);
	/* Called while the screen is being built, which then shows it. */
	if (app->reading_tapped && app->reading >= n_marks)
		app->reading_tapped = false;
	app->reading = pe_app_reading(app);
	return true;
}

void pe_app_touch(pe_app *app, double now)
{
	app->last_touch = now;
	if (app->velocity != 0)
		stop_momentum(app);
	if (app->warning) {
		app->warning = false;
		mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
	}
}

static void open_topic(pe_app *app, size_t topic)
{
	if (topic >= app->n_topics)
		return;
	if (app->screen != PE_SCREEN_TOPIC || app->topic != topic) {
		app->jump_section = SIZE_MAX;
		if (app->screen == PE_SCREEN_TOPIC)
			new_screen(app);   /* another topic in the same reader */
		app->topic = topic;
		app->scroll = 0;
		app->velocity = 0;
		app->doc_height = 0;
		app->n_marks = 0;
		app->section_first = 0;
		app->reading = 0;
		app->reading_tapped = false;
	}
	go(app, PE_SCREEN_TOPIC);
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
}

static void staff_action(pe_app *app, pe_action action, int arg, double now)
{
	switch (action) {
	case PE_ACT_PIN_DIGIT: {
		if (pe_app_pin_locked(app, now))
			break;
		size_t n = strlen(app->pin_entry);
		if (arg >= 0 && arg <= 9 && n < PE_PIN_MAX) {
			app->pin_entry[n] = (char)('0' + arg);
			app->pin_entry[n + 1] = 0;
		}
		app->staff_note = PE_STAFF_NOTE_NONE;
		break;
	}
	case PE_ACT_PIN_CLEAR:
		app->pin_entry[0] = 0;
		app->staff_note = PE_STAFF_NOTE_NONE;
		break;
	case PE_ACT_PIN_OK:
		/* A locked pad takes no PIN, not even the right one: guessing
		 * goes at PE_PIN_TRIES a minute at most. */
		if (pe_app_pin_locked(app, now)) {
			app->pin_entry[0] = 0;
			break;
		}
		if (app->pin[0] && strcmp(app->pin_entry, app->pin) == 0) {
			app->staff_unlocked = true;
			app->staff_unlocks++;
			app->pin_failures = 0;
			app->staff_note = PE_STAFF_NOTE_NONE;
		} else if (++app->pin_failures >= PE_PIN_TRIES) {
			app->pin_failures = 0;
			app->pin_locked_until = now + PE_PIN_LOCK_SECONDS;
			app->pin_lock_shown = PE_PIN_LOCK_SECONDS;
			app->staff_note = PE_STAFF_NOTE_PIN_LOCKED;
		} else {
			app->staff_note = PE_STAFF_NOTE_WRONG_PIN;
		}
		app->pin_entry[0] = 0;
		break;
	case PE_ACT_STAFF_RELOAD:
		if (app->staff_unlocked)
			app->request = PE_REQ_RELOAD;
		break;
	case PE_ACT_STAFF_TEST_PRINT:
		if (app->staff_unlocked && app->print_state != PE_PRINT_BUSY) {
			app->request = PE_REQ_TEST_PRINT;
			app->print_state = PE_PRINT_BUSY;
			app->staff_note = PE_STAFF_NOTE_PRINT_BUSY;
		}
		break;
	case PE_ACT_STAFF_CONTRAST:
		if (app->staff_unlocked)
			app->high_contrast = !app->high_contrast;
		break;
	case PE_ACT_STAFF_EXIT:
		if (app->staff_unlocked)
			app->request = PE_REQ_EXIT;
		break;
	case PE_ACT_STAFF_VOLUME:
		for (int i = 0; app->staff_unlocked && i < PE_VOLUME_STEPS; i++)
			if (arg == pe_volume_steps[i])
				app->speech_volume = arg;
		break;
	default:
		break;
	}
}

void pe_app_action(pe_app *app, pe_action action, int arg, double now)
{
	pe_app_touch(app, now);
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
	switch (action) {
	case PE_ACT_NONE:
	case PE_ACT_COUNT:
		break;
	case PE_ACT_HOME:
		go(app, PE_SCREEN_HOME);
		app->staff_unlocked = false;
		app->pin_entry[0] = 0;
		break;
	case PE_ACT_BACK:
		if (app->screen == PE_SCREEN_PRINT && app->print_return == PE_SCREEN_TOPIC &&
		    app->topic < app->n_topics)
			go(app, PE_SCREEN_TOPIC);
		else
			go(app, PE_SCREEN_HOME);
		break;
	case PE_ACT_LANG:
		if (arg >= 0 && (size_t)arg < app->cfg.n_langs) {
			if ((size_t)arg != app->lang)
				pe_app_speech_stop(app);
			app->lang = (size_t)arg;
			app->print_lang = app->lang;
		}
		app->lang_menu = false;
		break;
	case PE_ACT_LANG_MENU:
		app->lang_menu = app->cfg.n_langs > 2;
		break;
	case PE_ACT_LANG_MENU_CLOSE:
		app->lang_menu = false;
		break;
	case PE_ACT_TOPIC:
		if (arg >= 0)
			open_topic(app, (size_t)arg);
		break;
	case PE_ACT_EMERGENCY:
		open_topic(app, app->emergency_topic);
		if (app->screen == PE_SCREEN_TOPIC && app->topic == app->emergency_topic) {
			app->scroll = 0;
			app->velocity = 0;
			app->section_first = 0;
			/* At its "when to get help" section: now if the reader
			 * has laid the topic out, else at its next layout. */
			size_t sec = app->emergency_section;
			if (sec != SIZE_MAX && sec < app->n_marks) {
				app->scroll = app->marks[sec];
				clamp_scroll(app);
			} else if (sec != SIZE_MAX) {
				app->jump_section = sec;
			}
		}
		break;
	case PE_ACT_SECTION:
		if (app->screen == PE_SCREEN_TOPIC && arg >= 0 && (size_t)arg < app->n_marks) {
			app->velocity = 0;
			app->scroll = app->marks[arg];
			clamp_scroll(app);
			/* The last sections cannot come to the top: the one tapped
			 * is the one shown selected all the same. */
			app->reading = (size_t)arg;
			app->reading_tapped = true;
		}
		break;
	case PE_ACT_SECTIONS_UP:
	case PE_ACT_SECTIONS_DOWN:
		/* The list turns a page; the text stays where it is. */
		if (app->screen == PE_SCREEN_TOPIC && arg >= 0 && (size_t)arg < app->n_marks)
			app->section_first = (size_t)arg;
		break;
	case PE_ACT_TEXT_SIZE:
		if (arg >= 0 && arg < PE_TEXT_STEPS)
			app->text_step = arg;
		break;
	case PE_ACT_PRINT_OPEN:
		if (app->screen == PE_SCREEN_TOPIC) {
			app->print_return = PE_SCREEN_TOPIC;
			app->print_lang = app->lang;
			app->copies = 1;
			print_form_changed(app);
			go(app, PE_SCREEN_PRINT);
		}
		break;
	case PE_ACT_PRINT_LANG:
		if (arg >= 0 && (size_t)arg < app->cfg.n_langs) {
			app->print_lang = (size_t)arg;
			print_form_changed(app);
		}
		break;
	case PE_ACT_COPIES:
		if (arg >= 1 && arg <= PE_MAX_COPIES) {
			app->copies = arg;
			print_form_changed(app);
		}
		break;
	case PE_ACT_PRINT_GO:
		if (app->screen == PE_SCREEN_PRINT && pe_app_print_allowed(app)) {
			app->job_pending = true;
			app->job_topic = app->topic;
			app->job_lang = app->print_lang;
			app->job_copies = app->copies;
			app->print_state = PE_PRINT_BUSY;
			app->request = PE_REQ_PRINT;
		}
		break;
	case PE_ACT_STILL_HERE:
		break;   /* pe_app_touch already took the warning down */
	case PE_ACT_PIN_DIGIT:
	case PE_ACT_PIN_CLEAR:
	case PE_ACT_PIN_OK:
	case PE_ACT_STAFF_RELOAD:
	case PE_ACT_STAFF_TEST_PRINT:
	case PE_ACT_STAFF_CONTRAST:
	case PE_ACT_STAFF_EXIT:
	case PE_ACT_STAFF_VOLUME:
		if (app->screen == PE_SCREEN_STAFF)
			staff_action(app, action, arg, now);
		break;
	case PE_ACT_LISTEN:
		if (!app->cfg.speech || app->speech_unavailable)
			break;
		/* From the section being read; a tap while reading starts over. */
		app->speech = PE_SAY_PLAYING;
		app->speech_serial++;
		app->speech_from = app->screen == PE_SCREEN_TOPIC ? app->reading : 0;
		app->speech_sentence = -1;
		break;
	case PE_ACT_SPEECH_PAUSE:
		if (app->speech == PE_SAY_PLAYING)
			app->speech = PE_SAY_PAUSED;
		else if (app->speech == PE_SAY_PAUSED)
			app->speech = PE_SAY_PLAYING;
		break;
	case PE_ACT_SPEECH_STOP:
		pe_app_speech_stop(app);
		break;
	case PE_ACT_SPEECH_SLOWER:
		app->speech_slow = !app->speech_slow;
		break;
	case PE_ACT_STAFF_CLOSE:
		app->staff_unlocked = false;
		app->pin_entry[0] = 0;
		go(app, PE_SCREEN_HOME);
		break;
	}
}

void pe_app_staff_gesture(pe_app *app, double now)
{
	pe_app_touch(app, now);
	if (!app->pin[0])
		return;   /* no PIN configured: no staff menu */
	app->staff_unlocked = false;
	app->pin_entry[0] = 0;
	app->staff_note = pe_app_pin_locked(app, now) ? PE_STAFF_NOTE_PIN_LOCKED : PE_STAFF_NOTE_NONE;
	app->staff_detail[0] = 0;
	go(app, PE_SCREEN_STAFF);
}

void pe_app_scroll_by(pe_app *app, double dy, double now)
{
	if (app->screen != PE_SCREEN_TOPIC)
		return;
	double before = app->scroll;
	app->scroll += dy;
	clamp_scroll(app);
	if (app->scroll != before)
		scrolled(app);
	app->last_touch = now;
}

void pe_app_drag(pe_app *app, double dy, double now)
{
	app->velocity = 0;
	pe_app_scroll_by(app, -dy, now);
}

void pe_app_fling(pe_app *app, double velocity, double now)
{
	if (app->screen != PE_SCREEN_TOPIC)
		return;
	app->velocity = -velocity;
	app->last_frame = now;
	if (fabs(app->velocity) < MIN_SPEED)
		app->velocity = 0;
	app->last_touch = now;
}

static void step_momentum(pe_app *app, double now)
{
	if (app->velocity == 0)
		return;
	double dt = now - app->last_frame;
	if (dt <= 0)
		return;
	/* Exact integral of v0 * exp(-t / tau) over dt: the distance does not
	 * depend on how often frames come. */
	double decay = exp(-dt / FRICTION_TAU);
	double before = app->scroll;
	app->scroll += app->velocity * FRICTION_TAU * (1 - decay);
	app->velocity *= decay;
	app->last_frame = now;
	if (fabs(app->velocity) < MIN_SPEED || app->screen != PE_SCREEN_TOPIC)
		app->velocity = 0;
	clamp_scroll(app);
	if (app->scroll != before)
		scrolled(app);
	app->last_touch = now;
}

void pe_app_speech_progress(pe_app *app, int sentence, double y0, double y1, double now)
{
	if (app->speech == PE_SAY_OFF)
		return;
	if (sentence < 0) {
		pe_app_speech_stop(app);
		return;
	}
	if (sentence == app->speech_sentence)
		return;
	app->speech_sentence = sentence;
	app->last_touch = now;
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
	/* Keep the sentence in view: below the top quarter when it has gone
	 * out of sight, as a reader's eyes would. */
	if (app->screen == PE_SCREEN_TOPIC && y0 <= y1 && app->view_height > 0 &&
	    (y0 < app->scroll || y1 > app->scroll + app->view_height)) {
		app->velocity = 0;
		app->scroll = y0 - app->view_height / 4;
		clamp_scroll(app);
		scrolled(app);
	}
}

void pe_app_speech_failed(pe_app *app)
{
	app->speech_unavailable = true;
	pe_app_speech_stop(app);
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
}

bool pe_app_is_pristine(const pe_app *app)
{
	return app->screen == PE_SCREEN_HOME && app->lang == app->cfg.default_lang &&
	       app->text_step == app->cfg.default_text_step && !app->warning &&
	       app->print_state != PE_PRINT_BUSY;
}

int pe_app_countdown(const pe_app *app, double now)
{
	if (!app->warning)
		return 0;
	double left = app->warn_at + app->cfg.countdown_seconds - now;
	int secs = (int)ceil(left - 1e-9);
	return secs < 0 ? 0 : secs;
}

void pe_app_tick(pe_app *app, double now)
{
	step_momentum(app, now);
	if (app->pin_lock_shown > 0) {
		/* The pad shows the seconds left: paint it each second. */
		int left = pe_app_pin_locked(app, now);
		if (left != (int)app->pin_lock_shown) {
			app->pin_lock_shown = left;
			if (left == 0 && app->staff_note == PE_STAFF_NOTE_PIN_LOCKED)
				app->staff_note = PE_STAFF_NOTE_NONE;
			if (app->screen == PE_SCREEN_STAFF)
				mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
		}
	}
	if (!app->warning) {
		/* A pristine home screen has nothing to hide: no warning, no
		 * timer, no wake-ups. */
		if (!pe_app_is_pristine(app) && now >= app->last_touch + app->cfg.idle_seconds) {
			app->warning = true;
			app->warn_at = app->last_touch + app->cfg.idle_seconds;
			app->velocity = 0;
			app->countdown_shown = pe_app_countdown(app, now);
			mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
		}
	}
	if (app->warning) {
		if (now >= app->warn_at + app->cfg.countdown_seconds) {
			reset_everything(app, now);
			return;
		}
		int secs = pe_app_countdown(app, now);
		if (secs != app->countdown_shown) {
			app->countdown_shown = secs;
			mark(app, PE_DIRTY_OVERLAY | PE_DIRTY_PAINT);
		}
	}
}

double pe_app_next_deadline(const pe_app *app)
{
	double next = INFINITY;
	if (app->velocity != 0)
		next = app->last_frame + FRAME;
	if (app->warning) {
		/* The next whole second of the countdown (or the reset). */
		double end = app->warn_at + app->cfg.countdown_seconds;
		double t = end - (app->countdown_shown - 1);
		if (app->countdown_shown <= 1 || t > end)
			t = end;
		if (t < next)
			next = t;
	} else if (!pe_app_is_pristine(app)) {
		double t = app->last_touch + app->cfg.idle_seconds;
		if (t < next)
			next = t;
	}
	if (app->pin_lock_shown > 0) {
		/* The next whole second of the lock's countdown. */
		double t = app->pin_locked_until - (app->pin_lock_shown - 1);
		if (t < next)
			next = t;
	}
	return next;
}

pe_request pe_app_take_request(pe_app *app)
{
	pe_request r = app->request;
	app->request = PE_REQ_NONE;
	return r;
}

unsigned pe_app_take_dirty(pe_app *app)
{
	unsigned d = app->dirty;
	app->dirty = 0;
	return d;
}

void pe_app_print_result(pe_app *app, bool ok, double now)
{
	(void)now;
	app->print_state = ok ? PE_PRINT_DONE : PE_PRINT_FAILED;
	if (ok && app->job_pending) {
		app->job_printed = true;
		app->printed_topic = app->job_topic;
		app->printed_lang = app->job_lang;
		app->printed_copies = app->job_copies;
	}
	app->job_pending = false;
	if (app->screen == PE_SCREEN_STAFF)
		app->staff_note = ok ? PE_STAFF_NOTE_PRINTED : PE_STAFF_NOTE_PRINT_FAILED;
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
}

void pe_app_reload_result(pe_app *app, bool ok, const char *detail)
{
	app->staff_note = ok ? PE_STAFF_NOTE_RELOADED : PE_STAFF_NOTE_RELOAD_FAILED;
	app->staff_detail[0] = 0;
	if (detail) {
		strncpy(app->staff_detail, detail, sizeof app->staff_detail - 1);
		app->staff_detail[sizeof app->staff_detail - 1] = 0;
	}
	mark(app, PE_DIRTY_LAYOUT | PE_DIRTY_PAINT);
}

bool pe_app_tap_allowed(const pe_app *app, double down_at, unsigned long down_serial)
{
	return down_serial == app->screen_serial &&
	       down_at >= app->screen_since + PE_TAP_GUARD_SECONDS;
}

int pe_app_pin_locked(const pe_app *app, double now)
{
	double left = app->pin_locked_until - now;
	return left > 0 ? (int)ceil(left - 1e-9) : 0;
}

const char *pe_app_screen_name(const pe_app *app)
{
	if (app->warning)
		return "idle";
	switch (app->screen) {
	case PE_SCREEN_HOME:
		return "home";
	case PE_SCREEN_TOPIC:
		return "topic";
	case PE_SCREEN_PRINT:
		return "print";
	case PE_SCREEN_STAFF:
		return "staff";
	}
	return "home";
}
