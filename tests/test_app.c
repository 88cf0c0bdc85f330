/* SPDX-License-Identifier: MIT */
/*
 * test_app.c - the kiosk state machine with a virtual clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../kiosk/app.h"

enum { EN, ES };
#define N_TOPICS 5
#define EMERGENCY 3

static pe_app *make(const char *pin, double now)
{
	pe_app_config cfg = {
		.n_langs = 2, .default_lang = EN, .idle_seconds = 90,
		.countdown_seconds = 20, .staff_pin = pin, .high_contrast = false,
	};
	pe_app *app = pe_app_create(&cfg, now);
	assert_non_null(app);
	pe_app_set_content(app, N_TOPICS, EMERGENCY);
	pe_app_take_dirty(app);
	return app;
}

/* Advance the clock the way the event loop does: to each deadline in turn. */
static void run_until(pe_app *app, double *now, double until)
{
	for (int guard = 0; guard < 100000; guard++) {
		double next = pe_app_next_deadline(app);
		if (next > until)
			break;
		*now = next;
		pe_app_tick(app, *now);
	}
	*now = until;
	pe_app_tick(app, *now);
}

static pe_app *make_speaking(double now)
{
	pe_app *app = make("4321", now);
	app->cfg.speech = true;
	return app;
}

/* Listen starts a reading from the section on screen; leaving the screen,
 * another language and the idle reset stop it; Stop stops it. */
static void test_speech_stops_with_the_screen(void **state)
{
	(void)state;
	double now = 0;
	pe_app *app = make_speaking(now);
	pe_app_action(app, PE_ACT_LISTEN, 0, now += 1);
	assert_int_equal(app->speech, PE_SAY_PLAYING);
	unsigned long serial = app->speech_serial;
	pe_app_speech_progress(app, 2, 1, 0, now += 1);
	assert_int_equal(app->speech_sentence, 2);
	pe_app_action(app, PE_ACT_TOPIC, 0, now += 1);
	assert_int_equal(app->speech, PE_SAY_OFF);
	assert_int_equal(app->speech_sentence, -1);

	double marks[] = { 0, 500, 1000 };
	assert_true(pe_app_set_doc(app, 3000, 600, marks, 3));
	pe_app_action(app, PE_ACT_SECTION, 1, now += 1);
	pe_app_action(app, PE_ACT_LISTEN, 0, now += 1);
	assert_int_equal(app->speech, PE_SAY_PLAYING);
	assert_true(app->speech_serial > serial);
	assert_int_equal(app->speech_from, 1);
	pe_app_action(app, PE_ACT_SPEECH_PAUSE, 0, now += 1);
	assert_int_equal(app->speech, PE_SAY_PAUSED);
	pe_app_action(app, PE_ACT_SPEECH_PAUSE, 0, now += 1);
	assert_int_equal(app->speech, PE_SAY_PLAYING);
	pe_app_action(app, PE_ACT_LANG, ES, now += 1);
	assert_int_equal(app->speech, PE_SAY_OFF);

	pe_app_action(app, PE_ACT_LISTEN, 0, now += 1);
	pe_app_action(app, PE_ACT_SPEECH_STOP, 0, now += 1);
	assert_int_equal(app->speech, PE_SAY_OFF);

	pe_app_action(app, PE_ACT_LISTEN, 0, now += 1);
	pe_app_action(app, PE_ACT_SPEECH_PAUSE, 0, now += 1);
	run_until(app, &now, now + 200);
	assert_string_equal(pe_app_screen_name(app), "home");
	assert_int_equal(app->speech, PE_SAY_OFF);
	pe_app_destroy(app);
}

/* The sentence heard is kept in view, and hearing keeps the visit alive;
 * the end of the reading turns the controls off. */
static void test_speech_progress_scrolls_and_ends(void **state)
{
	(void)state;
	double now = 0;
	pe_app *app = make_speaking(now);
	pe_app_action(app, PE_ACT_TOPIC, 0, now += 1);
	double marks[] = { 0, 500, 1000 };
	assert_true(pe_app_set_doc(app, 3000, 600, marks, 3));
	pe_app_action(app, PE_ACT_LISTEN, 0, now += 1);
	pe_app_speech_progress(app, 0, 100, 140, now += 1);
	assert_true(app->scroll == 0);
	/* Below the viewport: the page comes to it. */
	pe_app_speech_progress(app, 5, 1200, 1240, now += 1);
	assert_true(app->scroll > 600 && app->scroll <= 1200);
	assert_int_equal(pe_app_reading(app), 2);
	/* 80 s of listening with no touch: no warning. */
	for (int i = 6; i < 14; i++)
		pe_app_speech_progress(app, i, 1250, 1290, now += 10);
	pe_app_tick(app, now);
	assert_false(app->warning);
	pe_app_speech_progress(app, -1, 1, 0, now += 1);
	assert_int_equal(app->speech, PE_SAY_OFF);
	pe_app_destroy(app);
}

/* No device or no voice: the button says so and Listen does nothing
 * until the next patient; a site without speech has no Listen at all. */
static void test_speech_unavailable_and_off(void **state)
{
	(void)state;
	double now = 0;
	pe_app *app = make_speaking(now);
	pe_app_action(app, PE_ACT_LISTEN, 0, now += 1);
	pe_app_speech_failed(app);
	assert_true(app->speech_unavailable);
	assert_int_equal(app->speech, PE_SAY_OFF);
	pe_app_action(app, PE_ACT_LISTEN, 0, now += 1);
	assert_int_equal(app->speech, PE_SAY_OFF);
	pe_app_action(app, PE_ACT_TOPIC, 0, now += 1);
	run_until(app, &now, now + 200);
	assert_false(app->speech_unavailable);
	pe_app_destroy(app);

	app = make("4321", 0);   /* cfg.speech false */
	pe_app_action(app, PE_ACT_LISTEN, 0, 1);
	assert_int_equal(app->speech, PE_SAY_OFF);
	pe_app_destroy(app);
}

/* The staff volume takes only its steps, only unlocked, and outlives
 * the idle reset (a setting of the kiosk, like the contrast). */
static void test_staff_volume(void **state)
{
	(void)state;
	double now = 0;
	pe_app *app = make_speaking(now);
	assert_int_equal(app->speech_volume, PE_VOLUME_DEFAULT);
	pe_app_staff_gesture(app, now += 1);
	pe_app_action(app, PE_ACT_STAFF_VOLUME, 25, now += 1);
	assert_int_equal(app->speech_volume, PE_VOLUME_DEFAULT);   /* locked */
	for (const char *d = "4321"; *d; d++)
		pe_app_action(app, PE_ACT_PIN_DIGIT, *d - '0', now += 1);
	pe_app_action(app, PE_ACT_PIN_OK, 0, now += 1);
	pe_app_action(app, PE_ACT_STAFF_VOLUME, 30, now += 1);
	assert_int_equal(app->speech_volume, PE_VOLUME_DEFAULT);   /* not a step */
	pe_app_action(app, PE_ACT_STAFF_VOLUME, 25, now += 1);
	assert_int_equal(app->speech_volume, 25);
	run_until(app, &now, now + 200);
	assert_string_equal(pe_app_screen_name(app), "home");
	assert_int_equal(app->speech_volume, 25);
	pe_app_destroy(app);
}

static void test_starts_pristine_at_home_with_no_deadline(void **state)
{
	(void)state;
	pe_app *app = make("4321", 0);
	assert_string_equal(pe_app_screen_name(app), "home");
	assert_true(pe_app_is_pristine(app));
	/* 0 wake-ups when idle: nothing to time on a pristine home screen. */
	assert_true(isinf(pe_app_next_deadline(app)));
	double now = 0;
	run_until(app, &now, 10000);
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_destroy(app);
}

static void test_topic_back_home_and_print_return(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	pe_app_action(app, PE_ACT_TOPIC, 2, 1);
	assert_string_equal(pe_app_screen_name(app), "topic");
	assert_int_equal(app->topic, 2);
	assert_true(pe_app_take_dirty(app) & PE_DIRTY_LAYOUT);
	pe_app_action(app, PE_ACT_PRINT_OPEN, 0, 2);
	assert_string_equal(pe_app_screen_name(app), "print");
	pe_app_action(app, PE_ACT_BACK, 0, 3);
	assert_string_equal(pe_app_screen_name(app), "topic");
	assert_int_equal(app->topic, 2);
	pe_app_action(app, PE_ACT_BACK, 0, 4);
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_action(app, PE_ACT_TOPIC, N_TOPICS, 5);     /* no such topic */
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 6);
	assert_string_equal(pe_app_screen_name(app), "topic");
	assert_int_equal(app->topic, EMERGENCY);
	pe_app_action(app, PE_ACT_HOME, 0, 7);
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_destroy(app);
}

static void test_language_switch_and_print_language(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	pe_app_action(app, PE_ACT_LANG, ES, 1);
	assert_int_equal(app->lang, ES);
	assert_false(pe_app_is_pristine(app));
	pe_app_action(app, PE_ACT_LANG, 7, 2);            /* unknown index ignored */
	assert_int_equal(app->lang, ES);
	pe_app_action(app, PE_ACT_TOPIC, 0, 3);
	pe_app_action(app, PE_ACT_PRINT_OPEN, 0, 4);
	assert_int_equal(app->print_lang, ES);            /* defaults to the screen's */
	pe_app_action(app, PE_ACT_PRINT_LANG, EN, 5);
	assert_int_equal(app->print_lang, EN);
	assert_int_equal(app->lang, ES);                  /* screen stays Spanish */
	pe_app_action(app, PE_ACT_LANG, EN, 6);
	assert_int_equal(app->lang, EN);
	pe_app_destroy(app);
}

static void test_text_size_steps(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	assert_int_equal(app->text_step, 0);
	pe_app_action(app, PE_ACT_TEXT_SIZE, 2, 1);
	assert_int_equal(app->text_step, 2);
	pe_app_action(app, PE_ACT_TEXT_SIZE, 3, 2);
	assert_int_equal(app->text_step, 2);
	pe_app_action(app, PE_ACT_TEXT_SIZE, -1, 3);
	assert_int_equal(app->text_step, 2);
	pe_app_action(app, PE_ACT_TEXT_SIZE, 1, 4);
	assert_int_equal(app->text_step, 1);
	pe_app_destroy(app);
}

static void test_scroll_clamps_sections_and_keeps_place(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	pe_app_action(app, PE_ACT_TOPIC, 1, 0);
	const double marks[] = { 0, 900, 2500 };
	assert_true(pe_app_set_doc(app, 3000, 800, marks, 3));
	assert_true(app->scroll_max == 2200);
	pe_app_drag(app, -300, 1);                        /* finger up: read on */
	assert_true(app->scroll == 300);
	pe_app_drag(app, 1000, 1.1);                      /* past the top */
	assert_true(app->scroll == 0);
	pe_app_action(app, PE_ACT_SECTION, 1, 2);
	assert_true(app->scroll == 900);
	pe_app_action(app, PE_ACT_SECTION, 2, 3);         /* clamped at the end */
	assert_true(app->scroll == 2200);
	pe_app_action(app, PE_ACT_SECTION, 3, 4);         /* no such section */
	assert_true(app->scroll == 2200);
	/* Larger text: the page grows, the place stays in proportion. */
	assert_true(pe_app_set_doc(app, 6000, 800, marks, 3));
	assert_true(fabs(app->scroll - 4400) < 1e-9);
	pe_app_destroy(app);
}

/* The emergency button opens the emergency topic at its "when to get
 * help" section: at once when the reader has its layout, else at the
 * first layout; another topic does not inherit the jump. */
static void test_emergency_opens_get_help(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	pe_app_set_emergency_section(app, 1);
	const double marks[] = { 0, 700, 2500 };
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 0);
	assert_int_equal(app->screen, PE_SCREEN_TOPIC);
	assert_int_equal(app->topic, EMERGENCY);
	assert_true(pe_app_set_doc(app, 3000, 800, marks, 3));   /* first layout */
	assert_true(app->scroll == 700);
	pe_app_drag(app, -900, 1);                              /* read on */
	assert_true(app->scroll == 1600);
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 2);              /* laid out: at once */
	assert_true(app->scroll == 700);
	assert_true(pe_app_set_doc(app, 3000, 800, marks, 3));
	assert_true(app->scroll == 700);
	/* Home, then another topic: it opens at its top. */
	pe_app_action(app, PE_ACT_HOME, 0, 3);
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 3);
	pe_app_action(app, PE_ACT_TOPIC, 1, 3);
	assert_true(pe_app_set_doc(app, 3000, 800, marks, 3));
	assert_true(app->scroll == 0);
	/* New content forgets the section until told again. */
	pe_app_set_content(app, N_TOPICS, EMERGENCY);
	assert_int_equal(app->emergency_section, SIZE_MAX);
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 4);
	assert_true(pe_app_set_doc(app, 3000, 800, marks, 3));
	assert_true(app->scroll == 0);
	pe_app_destroy(app);
}

/* The section list's pages: the page buttons set the first section the
 * list shows (the layout decides how many fit); the text does not move,
 * and a new topic, the emergency button and the idle reset start the
 * list at the top again. */
static void test_section_list_pages(void **state)
{
	(void)state;
	double now = 0;
	pe_app *app = make(NULL, now);
	pe_app_action(app, PE_ACT_SECTIONS_DOWN, 2, 0);   /* home: no list */
	assert_int_equal(app->section_first, 0);
	pe_app_action(app, PE_ACT_TOPIC, 1, 0);
	const double marks[] = { 0, 900, 1500, 2100, 2500, 2800 };
	assert_true(pe_app_set_doc(app, 4000, 800, marks, 6));
	pe_app_action(app, PE_ACT_SECTION, 1, 1);
	pe_app_take_dirty(app);
	pe_app_action(app, PE_ACT_SECTIONS_DOWN, 4, 1);
	assert_int_equal(app->section_first, 4);
	assert_true(app->scroll == 900);                  /* the text stays put */
	assert_true(pe_app_take_dirty(app) & PE_DIRTY_LAYOUT);
	pe_app_action(app, PE_ACT_SECTIONS_DOWN, 6, 2);   /* no such section */
	assert_int_equal(app->section_first, 4);
	pe_app_action(app, PE_ACT_SECTIONS_UP, -1, 2);
	assert_int_equal(app->section_first, 4);
	pe_app_action(app, PE_ACT_SECTIONS_UP, 1, 2);
	assert_int_equal(app->section_first, 1);
	pe_app_action(app, PE_ACT_SECTION, 5, 3);         /* a jump keeps the page */
	assert_int_equal(app->section_first, 1);
	/* Print and back: the same page. */
	pe_app_action(app, PE_ACT_PRINT_OPEN, 0, 4);
	pe_app_action(app, PE_ACT_BACK, 0, 4);
	assert_int_equal(app->section_first, 1);
	/* The emergency topic opens at its first section. */
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 5);
	assert_int_equal(app->topic, EMERGENCY);
	assert_int_equal(app->section_first, 0);
	assert_true(pe_app_set_doc(app, 4000, 800, marks, 6));
	pe_app_action(app, PE_ACT_SECTIONS_DOWN, 3, 6);
	assert_int_equal(app->section_first, 3);
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 7);      /* again, on its own page */
	assert_int_equal(app->section_first, 0);
	pe_app_action(app, PE_ACT_SECTIONS_DOWN, 3, 8);
	pe_app_action(app, PE_ACT_TOPIC, 2, 9);           /* another topic */
	assert_int_equal(app->section_first, 0);
	assert_true(pe_app_set_doc(app, 4000, 800, marks, 6));
	pe_app_action(app, PE_ACT_SECTIONS_DOWN, 3, 10);
	now = 10;
	run_until(app, &now, 200);                        /* walked away */
	assert_string_equal(pe_app_screen_name(app), "home");
	assert_int_equal(app->section_first, 0);
	pe_app_destroy(app);
}

static void test_fling_momentum_decays_and_stops(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	double now = 0;
	pe_app_action(app, PE_ACT_TOPIC, 1, now);
	assert_true(pe_app_set_doc(app, 20000, 800, NULL, 0));
	pe_app_fling(app, -2000, now);                    /* finger flicked up */
	assert_true(pe_app_next_deadline(app) - now < 0.02);
	double prev = app->scroll;
	int frames = 0;
	while (app->velocity != 0 && frames < 1000) {
		now = pe_app_next_deadline(app);
		pe_app_tick(app, now);
		assert_true(app->scroll >= prev);
		prev = app->scroll;
		frames++;
	}
	assert_true(frames > 10 && frames < 200);
	/* About v * tau: 2000 * 0.35 = 700 px, less the tail cut below MIN_SPEED. */
	assert_true(app->scroll > 600 && app->scroll < 720);
	/* Stopped: the next deadline is the idle warning, not a frame. */
	assert_true(pe_app_next_deadline(app) > now + 1);
	/* A touch stops a fling at once. */
	pe_app_fling(app, 3000, now);
	pe_app_touch(app, now + 0.01);
	assert_true(app->velocity == 0);
	pe_app_destroy(app);
}

static void test_idle_warning_countdown_and_reset_everything(void **state)
{
	(void)state;
	pe_app *app = make("4321", 0);
	double now = 0;
	pe_app_action(app, PE_ACT_LANG, ES, now);
	pe_app_action(app, PE_ACT_TOPIC, 2, now);
	assert_true(pe_app_set_doc(app, 5000, 800, NULL, 0));
	pe_app_action(app, PE_ACT_TEXT_SIZE, 2, now);
	pe_app_drag(app, -1000, now);
	assert_true(pe_app_next_deadline(app) == 90);
	run_until(app, &now, 89.9);
	assert_string_equal(pe_app_screen_name(app), "topic");
	run_until(app, &now, 90);
	assert_string_equal(pe_app_screen_name(app), "idle");
	assert_int_equal(pe_app_countdown(app, now), 20);
	/* The countdown ticks once a second: the deadline is the next second. */
	assert_true(fabs(pe_app_next_deadline(app) - 91) < 1e-9);
	run_until(app, &now, 100.5);
	assert_int_equal(pe_app_countdown(app, now), 10);
	assert_true(pe_app_take_dirty(app) & PE_DIRTY_PAINT);
	run_until(app, &now, 110);
	assert_string_equal(pe_app_screen_name(app), "home");
	assert_int_equal(app->lang, EN);
	assert_int_equal(app->text_step, 0);
	assert_true(app->scroll == 0);
	assert_true(pe_app_is_pristine(app));
	assert_true(isinf(pe_app_next_deadline(app)));
	pe_app_destroy(app);
}

static void test_still_here_keeps_everything(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	double now = 0;
	pe_app_action(app, PE_ACT_TOPIC, 4, now);
	assert_true(pe_app_set_doc(app, 5000, 800, NULL, 0));
	pe_app_drag(app, -500, now);
	run_until(app, &now, 95);
	assert_string_equal(pe_app_screen_name(app), "idle");
	pe_app_action(app, PE_ACT_STILL_HERE, 0, now);
	assert_string_equal(pe_app_screen_name(app), "topic");
	assert_true(app->scroll == 500);
	/* A fresh 90 s from the touch. */
	assert_true(pe_app_next_deadline(app) == 185);
	/* Any touch at all also counts. */
	run_until(app, &now, 186);
	assert_string_equal(pe_app_screen_name(app), "idle");
	pe_app_touch(app, now);
	assert_string_equal(pe_app_screen_name(app), "topic");
	pe_app_destroy(app);
}

static void test_staff_pin(void **state)
{
	(void)state;
	pe_app *app = make("4321", 0);
	pe_app_staff_gesture(app, 1);
	assert_string_equal(pe_app_screen_name(app), "staff");
	assert_false(app->staff_unlocked);
	/* Menu actions do nothing while locked. */
	pe_app_action(app, PE_ACT_STAFF_EXIT, 0, 2);
	assert_int_equal(pe_app_take_request(app), PE_REQ_NONE);
	const int wrong[] = { 1, 2, 3, 4 };
	for (int i = 0; i < 4; i++)
		pe_app_action(app, PE_ACT_PIN_DIGIT, wrong[i], 3);
	pe_app_action(app, PE_ACT_PIN_OK, 0, 4);
	assert_false(app->staff_unlocked);
	assert_int_equal(app->staff_note, PE_STAFF_NOTE_WRONG_PIN);
	assert_string_equal(app->pin_entry, "");
	const int right[] = { 4, 3, 2, 1 };
	pe_app_action(app, PE_ACT_PIN_DIGIT, 9, 5);
	pe_app_action(app, PE_ACT_PIN_CLEAR, 0, 5);
	for (int i = 0; i < 4; i++)
		pe_app_action(app, PE_ACT_PIN_DIGIT, right[i], 6);
	pe_app_action(app, PE_ACT_PIN_OK, 0, 7);
	assert_true(app->staff_unlocked);
	pe_app_action(app, PE_ACT_STAFF_RELOAD, 0, 8);
	assert_int_equal(pe_app_take_request(app), PE_REQ_RELOAD);
	pe_app_reload_result(app, false, "content/x.xml:3: broken");
	assert_int_equal(app->staff_note, PE_STAFF_NOTE_RELOAD_FAILED);
	assert_string_equal(app->staff_detail, "content/x.xml:3: broken");
	pe_app_action(app, PE_ACT_STAFF_CONTRAST, 0, 9);
	assert_true(app->high_contrast);
	pe_app_action(app, PE_ACT_STAFF_TEST_PRINT, 0, 10);
	assert_int_equal(pe_app_take_request(app), PE_REQ_TEST_PRINT);
	pe_app_print_result(app, true, 11);
	assert_int_equal(app->staff_note, PE_STAFF_NOTE_PRINTED);
	pe_app_action(app, PE_ACT_STAFF_EXIT, 0, 12);
	assert_int_equal(pe_app_take_request(app), PE_REQ_EXIT);
	pe_app_action(app, PE_ACT_STAFF_CLOSE, 0, 13);
	assert_string_equal(pe_app_screen_name(app), "home");
	assert_false(app->staff_unlocked);
	/* The contrast setting is the clinic's: it survives the idle reset. */
	pe_app_action(app, PE_ACT_LANG, ES, 14);
	double now = 14;
	run_until(app, &now, 200);
	assert_true(app->high_contrast);
	pe_app_destroy(app);
}

static void test_staff_locked_again_after_idle_and_no_pin_no_menu(void **state)
{
	(void)state;
	pe_app *app = make("12", 0);
	double now = 0;
	pe_app_staff_gesture(app, now);
	pe_app_action(app, PE_ACT_PIN_DIGIT, 1, now);
	pe_app_action(app, PE_ACT_PIN_DIGIT, 2, now);
	pe_app_action(app, PE_ACT_PIN_OK, 0, now);
	assert_true(app->staff_unlocked);
	run_until(app, &now, 200);
	assert_string_equal(pe_app_screen_name(app), "home");
	assert_false(app->staff_unlocked);
	pe_app_destroy(app);

	app = make(NULL, 0);
	pe_app_staff_gesture(app, 1);
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_destroy(app);
	app = make("12ab", 0);                            /* not typeable on the pad */
	pe_app_staff_gesture(app, 1);
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_destroy(app);
}

static void test_print_flow(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	pe_app_action(app, PE_ACT_TOPIC, 0, 0);
	pe_app_action(app, PE_ACT_PRINT_GO, 0, 0);        /* not on the print screen */
	assert_int_equal(pe_app_take_request(app), PE_REQ_NONE);
	pe_app_action(app, PE_ACT_PRINT_OPEN, 0, 1);
	pe_app_action(app, PE_ACT_COPIES, 3, 2);
	assert_int_equal(app->copies, 3);
	pe_app_action(app, PE_ACT_COPIES, 4, 2);
	assert_int_equal(app->copies, 3);
	pe_app_action(app, PE_ACT_PRINT_GO, 0, 3);
	assert_int_equal(pe_app_take_request(app), PE_REQ_PRINT);
	assert_int_equal(app->print_state, PE_PRINT_BUSY);
	pe_app_action(app, PE_ACT_PRINT_GO, 0, 4);        /* one job at a time */
	assert_int_equal(pe_app_take_request(app), PE_REQ_NONE);
	pe_app_print_result(app, false, 5);
	assert_int_equal(app->print_state, PE_PRINT_FAILED);
	pe_app_action(app, PE_ACT_PRINT_GO, 0, 6);        /* try again */
	assert_int_equal(pe_app_take_request(app), PE_REQ_PRINT);
	pe_app_print_result(app, true, 7);
	assert_int_equal(app->print_state, PE_PRINT_DONE);
	pe_app_destroy(app);
}

/* One visit does not send the same job again and again: after a handout
 * printed, Print does nothing (and says so) until the language or the
 * copies change; going back and opening the form again does not get
 * round it; a failed job can be tried again; the next patient may print
 * the same thing. */
static void test_print_once_per_job(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	double now = 0;
	pe_app_action(app, PE_ACT_TOPIC, 1, now);
	pe_app_action(app, PE_ACT_PRINT_OPEN, 0, now);
	assert_true(pe_app_print_allowed(app));
	pe_app_action(app, PE_ACT_PRINT_GO, 0, now);
	assert_int_equal(pe_app_take_request(app), PE_REQ_PRINT);
	assert_false(pe_app_print_allowed(app));          /* busy */
	pe_app_print_result(app, true, 1);
	assert_false(pe_app_print_allowed(app));
	pe_app_action(app, PE_ACT_PRINT_GO, 0, 2);
	assert_int_equal(pe_app_take_request(app), PE_REQ_NONE);
	assert_int_equal(app->print_state, PE_PRINT_DONE);
	pe_app_action(app, PE_ACT_BACK, 0, 3);
	pe_app_action(app, PE_ACT_PRINT_OPEN, 0, 3);
	assert_int_equal(app->print_state, PE_PRINT_DONE);
	pe_app_action(app, PE_ACT_PRINT_GO, 0, 3);
	assert_int_equal(pe_app_take_request(app), PE_REQ_NONE);
	/* Two copies is another job; back to one copy is the printed one. */
	pe_app_action(app, PE_ACT_COPIES, 2, 4);
	assert_int_equal(app->print_state, PE_PRINT_IDLE);
	assert_true(pe_app_print_allowed(app));
	pe_app_action(app, PE_ACT_COPIES, 1, 4);
	assert_false(pe_app_print_allowed(app));
	assert_int_equal(app->print_state, PE_PRINT_DONE);
	pe_app_action(app, PE_ACT_PRINT_LANG, ES, 5);
	assert_true(pe_app_print_allowed(app));
	pe_app_action(app, PE_ACT_PRINT_GO, 0, 5);
	assert_int_equal(pe_app_take_request(app), PE_REQ_PRINT);
	pe_app_print_result(app, false, 6);                 /* failed: try again */
	assert_true(pe_app_print_allowed(app));
	pe_app_action(app, PE_ACT_PRINT_GO, 0, 7);
	assert_int_equal(pe_app_take_request(app), PE_REQ_PRINT);
	pe_app_print_result(app, true, 8);
	assert_false(pe_app_print_allowed(app));
	/* The visit ends: the next patient starts afresh. */
	now = 8;
	run_until(app, &now, 300);
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_action(app, PE_ACT_TOPIC, 1, now);
	pe_app_action(app, PE_ACT_PRINT_OPEN, 0, now);
	assert_true(pe_app_print_allowed(app));
	assert_int_equal(app->print_state, PE_PRINT_IDLE);
	pe_app_destroy(app);
}

/* The section list shows which section is being read: reading follows
 * the scroll, and crossing a heading asks for a new layout (a plain
 * scroll within a section only paints). */
static void test_reading_section_follows_scroll(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	pe_app_action(app, PE_ACT_TOPIC, 0, 0);
	const double marks[] = { 100, 900, 1500 };
	assert_true(pe_app_set_doc(app, 3000, 800, marks, 3));
	assert_int_equal(pe_app_reading(app), 0);
	pe_app_take_dirty(app);
	pe_app_scroll_by(app, 400, 1);                     /* 900 at 500: under the line */
	assert_int_equal(pe_app_reading(app), 0);
	assert_int_equal(pe_app_take_dirty(app) & PE_DIRTY_LAYOUT, 0);
	pe_app_scroll_by(app, 400, 2);                     /* 900 at 100 */
	assert_int_equal(pe_app_reading(app), 1);
	assert_int_equal(app->reading, 1);
	assert_true(pe_app_take_dirty(app) & PE_DIRTY_LAYOUT);
	pe_app_action(app, PE_ACT_SECTION, 2, 3);
	assert_int_equal(pe_app_reading(app), 2);
	pe_app_drag(app, 1500, 4);                         /* back to the top */
	assert_int_equal(pe_app_reading(app), 0);
	pe_app_destroy(app);
}

/* Issue 15: the last sections of a topic cannot come to the top of the
 * reader; the one tapped is the one the list shows selected, until the
 * page is scrolled by hand. */
static void test_last_section_tapped_is_selected(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	pe_app_action(app, PE_ACT_TOPIC, 0, 0);
	const double marks[] = { 0, 800, 1600, 2500, 2900 };
	assert_true(pe_app_set_doc(app, 3000, 1000, marks, 5));
	pe_app_action(app, PE_ACT_SECTION, 4, 1);
	assert_true(app->scroll == 2000);                  /* clamped: 2900 cannot reach the top */
	assert_int_equal(pe_app_reading(app), 4);
	assert_int_equal(app->reading, 4);
	pe_app_action(app, PE_ACT_SECTION, 3, 2);
	assert_int_equal(app->reading, 3);
	/* Laid out again (the screen is rebuilt): still the one tapped. */
	assert_true(pe_app_set_doc(app, 3000, 1000, marks, 5));
	assert_int_equal(app->reading, 3);
	/* A drag by hand: the list follows the page again. */
	pe_app_drag(app, 10, 3);
	assert_int_equal(app->reading, 2);
	/* Another topic starts at its first section. */
	pe_app_action(app, PE_ACT_SECTION, 4, 4);
	pe_app_action(app, PE_ACT_TOPIC, 1, 5);
	assert_true(pe_app_set_doc(app, 3000, 1000, marks, 5));
	assert_int_equal(app->reading, 0);
	pe_app_destroy(app);
}

/* Issue 15: a tap counts only on the screen its finger went down on, and
 * not in the first PE_TAP_GUARD_SECONDS of a screen (double-tap
 * tap-through). */
static void test_tap_guard_after_screen_change(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	unsigned long home = app->screen_serial;
	assert_true(pe_app_tap_allowed(app, 0.01, home));  /* the first screen at once */
	pe_app_action(app, PE_ACT_TOPIC, 0, 10);
	unsigned long topic = app->screen_serial;
	assert_true(topic != home);
	assert_false(pe_app_tap_allowed(app, 10.1, topic));
	assert_true(pe_app_tap_allowed(app, 10 + PE_TAP_GUARD_SECONDS, topic));
	assert_false(pe_app_tap_allowed(app, 11, home));    /* went down on home */
	/* The emergency button on the reader opens another topic: a new screen. */
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 12);
	assert_true(app->screen_serial != topic);
	/* A section jump is not. */
	unsigned long emergency = app->screen_serial;
	const double marks[] = { 0, 800 };
	assert_true(pe_app_set_doc(app, 3000, 1000, marks, 2));
	pe_app_action(app, PE_ACT_SECTION, 1, 13);
	assert_int_equal(app->screen_serial, emergency);
	/* The idle reset is. */
	double now = 13;
	run_until(app, &now, 200);
	assert_string_equal(pe_app_screen_name(app), "home");
	assert_true(app->screen_serial != emergency);
	assert_false(pe_app_tap_allowed(app, now, emergency));
	pe_app_destroy(app);
}

static void enter_pin(pe_app *app, const char *pin, double now)
{
	for (const char *p = pin; *p; p++)
		pe_app_action(app, PE_ACT_PIN_DIGIT, *p - '0', now);
	pe_app_action(app, PE_ACT_PIN_OK, 0, now);
}

/* Issue 15: 3 wrong PINs lock the pad for 60 s, shown counting down;
 * while locked not even the right PIN opens the menu. */
static void test_wrong_pins_lock_the_pad(void **state)
{
	(void)state;
	pe_app *app = make("4321", 0);
	pe_app_staff_gesture(app, 1);
	enter_pin(app, "1111", 2);
	enter_pin(app, "2222", 3);
	assert_int_equal(app->staff_note, PE_STAFF_NOTE_WRONG_PIN);
	assert_int_equal(pe_app_pin_locked(app, 3), 0);
	enter_pin(app, "3333", 4);
	assert_int_equal(app->staff_note, PE_STAFF_NOTE_PIN_LOCKED);
	assert_int_equal(pe_app_pin_locked(app, 4), PE_PIN_LOCK_SECONDS);
	enter_pin(app, "4321", 5);
	assert_false(app->staff_unlocked);
	assert_string_equal(app->pin_entry, "");
	assert_int_equal(app->staff_unlocks, 0);
	/* The countdown repaints each second. */
	double now = 5;
	pe_app_take_dirty(app);
	run_until(app, &now, 20.5);
	assert_int_equal(app->pin_lock_shown, 44);
	assert_true(pe_app_take_dirty(app) & PE_DIRTY_LAYOUT);
	/* Leaving and coming back does not lift the lock. */
	pe_app_action(app, PE_ACT_HOME, 0, 21);
	pe_app_staff_gesture(app, 22);
	assert_int_equal(app->staff_note, PE_STAFF_NOTE_PIN_LOCKED);
	enter_pin(app, "4321", 23);
	assert_false(app->staff_unlocked);
	now = 23;
	run_until(app, &now, 64.5);
	assert_int_equal(pe_app_pin_locked(app, now), 0);
	assert_int_equal(app->staff_note, PE_STAFF_NOTE_NONE);
	enter_pin(app, "4321", 65);
	assert_true(app->staff_unlocked);
	assert_int_equal(app->staff_unlocks, 1);
	pe_app_destroy(app);
}

static void test_reload_with_fewer_topics_goes_home(void **state)
{
	(void)state;
	pe_app *app = make(NULL, 0);
	pe_app_action(app, PE_ACT_TOPIC, 4, 0);
	pe_app_set_content(app, 3, 0);
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_set_content(app, 3, 7);                    /* no emergency topic */
	pe_app_action(app, PE_ACT_EMERGENCY, 0, 1);
	assert_string_equal(pe_app_screen_name(app), "home");
	pe_app_destroy(app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_starts_pristine_at_home_with_no_deadline),
		cmocka_unit_test(test_topic_back_home_and_print_return),
		cmocka_unit_test(test_language_switch_and_print_language),
		cmocka_unit_test(test_text_size_steps),
		cmocka_unit_test(test_scroll_clamps_sections_and_keeps_place),
		cmocka_unit_test(test_section_list_pages),
		cmocka_unit_test(test_emergency_opens_get_help),
		cmocka_unit_test(test_fling_momentum_decays_and_stops),
		cmocka_unit_test(test_idle_warning_countdown_and_reset_everything),
		cmocka_unit_test(test_still_here_keeps_everything),
		cmocka_unit_test(test_staff_pin),
		cmocka_unit_test(test_staff_locked_again_after_idle_and_no_pin_no_menu),
		cmocka_unit_test(test_print_flow),
		cmocka_unit_test(test_print_once_per_job),
		cmocka_unit_test(test_reading_section_follows_scroll),
		cmocka_unit_test(test_reload_with_fewer_topics_goes_home),
		cmocka_unit_test(test_last_section_tapped_is_selected),
		cmocka_unit_test(test_tap_guard_after_screen_change),
		cmocka_unit_test(test_wrong_pins_lock_the_pad),
		cmocka_unit_test(test_speech_stops_with_the_screen),
		cmocka_unit_test(test_speech_progress_scrolls_and_ends),
		cmocka_unit_test(test_speech_unavailable_and_off),
		cmocka_unit_test(test_staff_volume),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
