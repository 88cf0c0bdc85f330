/* SPDX-License-Identifier: MIT */
/*
 * app.h - the kiosk's state machine.
 *
 * What screen is up, which language, which topic, how far it is scrolled
 * (and how fast it still moves), the text size, the idle timer and its
 * countdown, the print form, the staff PIN. Every function takes the time
 * ("now", seconds on any monotonic clock: the real one in the window, a
 * virtual one in script replay), so tests drive it with no real time.
 *
 * It never draws, never touches SDL, files, gettext or the printer: things
 * that need the world (print, reload, exit) are left as a request for the
 * caller to take (pe_app_take_request) and report back.
 */
#ifndef PE_KIOSK_APP_H
#define PE_KIOSK_APP_H

#include <stdbool.h>
#include <stddef.h>

typedef enum pe_screen {
	PE_SCREEN_HOME,
	PE_SCREEN_TOPIC,
	PE_SCREEN_PRINT,
	PE_SCREEN_STAFF,
} pe_screen;

/* What a hit region does (dlist hit op "action"; "arg" as noted). */
typedef enum pe_action {
	PE_ACT_NONE,
	PE_ACT_HOME,
	PE_ACT_BACK,
	PE_ACT_LANG,            /* arg: language index */
	PE_ACT_TOPIC,           /* arg: topic index */
	PE_ACT_EMERGENCY,
	PE_ACT_SECTION,         /* arg: section index in the open topic */
	PE_ACT_SECTIONS_UP,     /* the section list's pages; arg: the first */
	PE_ACT_SECTIONS_DOWN,   /*   section the list shows next */
	PE_ACT_TEXT_SIZE,       /* arg: step 0 .. PE_TEXT_STEPS-1 */
	PE_ACT_PRINT_OPEN,
	PE_ACT_PRINT_LANG,      /* arg: language index */
	PE_ACT_COPIES,          /* arg: 1 .. PE_MAX_COPIES */
	PE_ACT_PRINT_GO,
	PE_ACT_STILL_HERE,
	PE_ACT_PIN_DIGIT,       /* arg: 0..9 */
	PE_ACT_PIN_CLEAR,
	PE_ACT_PIN_OK,
	PE_ACT_STAFF_RELOAD,
	PE_ACT_STAFF_TEST_PRINT,
	PE_ACT_STAFF_CONTRAST,
	PE_ACT_STAFF_EXIT,
	PE_ACT_STAFF_CLOSE,
	PE_ACT_LISTEN,          /* read this screen aloud */
	PE_ACT_SPEECH_PAUSE,    /* pause, or resume when paused */
	PE_ACT_SPEECH_STOP,
	PE_ACT_SPEECH_SLOWER,   /* the slower speed step, on or off */
	PE_ACT_STAFF_VOLUME,    /* arg: percent, one of PE_VOLUME_STEPS */
	PE_ACT_LANG_MENU,       /* open the list of languages (3 or more) */
	PE_ACT_LANG_MENU_CLOSE,
	PE_ACT_COUNT
} pe_action;

/* Things only the caller can do. */
typedef enum pe_request {
	PE_REQ_NONE,
	PE_REQ_PRINT,           /* print topic in print_lang, copies */
	PE_REQ_TEST_PRINT,      /* staff: one copy of the first topic */
	PE_REQ_RELOAD,          /* staff: reload content (all or nothing) */
	PE_REQ_EXIT,            /* staff: leave the kiosk */
} pe_request;

typedef enum pe_print_state {
	PE_PRINT_IDLE,
	PE_PRINT_BUSY,
	PE_PRINT_DONE,
	PE_PRINT_FAILED,
} pe_print_state;

typedef enum pe_staff_note {
	PE_STAFF_NOTE_NONE,
	PE_STAFF_NOTE_WRONG_PIN,
	PE_STAFF_NOTE_PIN_LOCKED,   /* too many wrong PINs: the pad waits */
	PE_STAFF_NOTE_RELOADED,
	PE_STAFF_NOTE_RELOAD_FAILED,
	PE_STAFF_NOTE_PRINT_BUSY,
	PE_STAFF_NOTE_PRINTED,
	PE_STAFF_NOTE_PRINT_FAILED,
} pe_staff_note;

/* Reading aloud, as the patient asked for it (the kiosk makes the engine
 * and the audio device follow). */
typedef enum pe_speech_ui {
	PE_SAY_OFF,
	PE_SAY_PLAYING,
	PE_SAY_PAUSED,
} pe_speech_ui;

/* Which parts of the frame need work. */
enum pe_dirty {
	PE_DIRTY_PAINT = 1 << 0,    /* paint again (scroll moved, countdown) */
	PE_DIRTY_LAYOUT = 1 << 1,   /* rebuild the screen's display list */
	PE_DIRTY_OVERLAY = 1 << 2,  /* rebuild only the overlay (countdown) */
	PE_DIRTY_PRESS = 1 << 3,    /* the pressed-button shade moved: paint all */
};

#define PE_TEXT_STEPS 3
#define PE_MAX_COPIES 3
#define PE_PIN_MAX 8
#define PE_COUNTDOWN_SECONDS 20
#define PE_NOTE_MAX 256
/* Taps on a screen that came up less than this ago do nothing: the
 * second tap of a quick double tap must not land on the next screen. */
#define PE_TAP_GUARD_SECONDS 0.4
/* Wrong PINs in a row before the pad locks, and for how long. */
#define PE_PIN_TRIES 3
#define PE_PIN_LOCK_SECONDS 60
/* The staff menu's volume steps, percent. */
#define PE_VOLUME_STEPS 4
extern const int pe_volume_steps[PE_VOLUME_STEPS];
#define PE_VOLUME_DEFAULT 75

typedef struct pe_app_config {
	size_t n_langs;           /* languages the switch offers (>= 1) */
	size_t default_lang;      /* index */
	int idle_seconds;         /* > 0 */
	int countdown_seconds;    /* the "still there?" warning; >= 20 in use */
	const char *staff_pin;    /* copied; NULL: staff menu disabled */
	bool high_contrast;
	int default_text_step;
	bool speech;              /* the site allows reading aloud */
} pe_app_config;

/* The state is plain data so screens and tests can read it; change it only
 * through the functions below. */
typedef struct pe_app {
	pe_app_config cfg;
	char pin[PE_PIN_MAX + 1];          /* the configured PIN ("" = none) */

	pe_screen screen;
	pe_screen print_return;            /* where Back on Print goes */
	/* When the screen last changed, and how many times it has: a tap
	 * counts only if its finger went down on the screen it comes up on,
	 * and not in the first PE_TAP_GUARD_SECONDS of that screen. */
	double screen_since;
	unsigned long screen_serial;
	size_t lang;
	/* The language list is open over the screen (a switch of 3 or more
	 * languages is one button that opens it). */
	bool lang_menu;
	size_t n_topics;
	size_t topic;                      /* valid on TOPIC/PRINT */
	size_t emergency_topic;            /* n_topics when there is none */
	/* The emergency topic's "when to get help" section (the emergency
	 * button opens the topic there); SIZE_MAX when it has none. */
	size_t emergency_section;
	/* A section to scroll to once the reader has laid the topic out
	 * (SIZE_MAX: none): the emergency button before the first layout. */
	size_t jump_section;
	int text_step;
	bool high_contrast;

	/* Reader scroll: page y at the top of the viewport. */
	double scroll, velocity, scroll_max, doc_height;
	double last_frame;                 /* time of the last momentum step */
	double *marks;                     /* owned: section y positions */
	size_t n_marks;
	/* The first section the reader's list shows: a small panel lists them
	 * a page at a time (screens.c decides how many fit). */
	size_t section_first;
	/* The section being read (its heading at or above the top quarter of
	 * the viewport): the list shows it selected. */
	size_t reading;
	/* The section list's last tap: shown selected even when the reader
	 * cannot bring that section to the top (the last ones of a topic),
	 * until the page is scrolled by hand. */
	bool reading_tapped;
	double view_height;

	/* Idle: the warning shows at last_touch + idle_seconds; reset at
	 * warn_at + countdown_seconds. */
	double last_touch;
	bool warning;
	double warn_at;
	int countdown_shown;               /* seconds shown in the warning */

	/* Print form. */
	size_t print_lang;
	int copies;
	pe_print_state print_state;
	/* The job being printed, and the last one that printed in this visit
	 * (topic, language, copies): the same job is not sent again until the
	 * patient changes the language or the copies, or the visit ends. */
	bool job_pending, job_printed;
	size_t job_topic, job_lang;
	int job_copies;
	size_t printed_topic, printed_lang;
	int printed_copies;

	/* Reading aloud. speech_serial counts Listen taps: each one is a new
	 * reading for the kiosk to start, from speech_from (the first
	 * sentence of the screen's list it reads: the reader's current
	 * section). speech_sentence is the one being heard (-1: none). The
	 * volume is a staff setting: it outlives the idle reset. */
	pe_speech_ui speech;
	unsigned long speech_serial;
	size_t speech_from;
	int speech_sentence;
	bool speech_slow;
	bool speech_unavailable;           /* no audio device or no voice */
	int speech_volume;                 /* percent */

	/* Staff. */
	bool staff_unlocked;
	char pin_entry[PE_PIN_MAX + 1];
	pe_staff_note staff_note;
	int pin_failures;                  /* wrong PINs in a row */
	double pin_locked_until;           /* the pad takes no PIN until then */
	int pin_lock_shown;                /* seconds left the pad shows */
	unsigned long staff_unlocks;       /* times the right PIN was entered */
	char staff_detail[PE_NOTE_MAX];    /* e.g. the content error */

	pe_request request;
	unsigned dirty;
	bool quit;
} pe_app;

pe_app *pe_app_create(const pe_app_config *cfg, double now);
void pe_app_destroy(pe_app *app);      /* accepts NULL */

/* The content changed (start, reload, language): topic count and which is
 * the emergency topic (n_topics if none). Back to home when the open
 * topic no longer exists. */
void pe_app_set_content(pe_app *app, size_t n_topics, size_t emergency_topic);

/* Which section of the emergency topic holds its "when to get help" tiers
 * (SIZE_MAX: none). Call after pe_app_set_content; it resets this. */
void pe_app_set_emergency_section(pe_app *app, size_t section);

/* The reader laid out the open topic: its height, the viewport height and
 * the y of each section. The scroll keeps its place in proportion when the
 * height changes (text size, window size). */
bool pe_app_set_doc(pe_app *app, double doc_height, double view_height,
                    const double *marks, size_t n_marks);

/* The section whose heading is at or above a quarter of the way down the
 * reader's viewport (0 before the first heading). */
size_t pe_app_reading(const pe_app *app);

/* A finger went down anywhere: the patient is here. */
void pe_app_touch(pe_app *app, double now);
/* A hit region was tapped. */
void pe_app_action(pe_app *app, pe_action action, int arg, double now);
/* Staff gesture (3 s press in the corner) completed. */
void pe_app_staff_gesture(pe_app *app, double now);

/* Reader scrolling: a drag moves the page by dy (finger down = content
 * down = scroll decreases); a release with velocity (px/s, finger
 * direction) keeps it moving; a new touch stops it. */
void pe_app_drag(pe_app *app, double dy, double now);
void pe_app_fling(pe_app *app, double velocity, double now);
void pe_app_scroll_by(pe_app *app, double dy, double now);

/* Advance timers and momentum to now. */
void pe_app_tick(pe_app *app, double now);
/* The one time anything changes by itself next (idle warning, countdown
 * second, reset, momentum frame); INFINITY when nothing will. */
double pe_app_next_deadline(const pe_app *app);

/* Whole seconds left on the warning's countdown. */
int pe_app_countdown(const pe_app *app, double now);
/* True when the state is the one a new patient should find. */
bool pe_app_is_pristine(const pe_app *app);

pe_request pe_app_take_request(pe_app *app);
unsigned pe_app_take_dirty(pe_app *app);

/* Whether Print may start a job now: not while one is printing, and not
 * for the job that just printed (the same topic, language and copies). */
bool pe_app_print_allowed(const pe_app *app);

/* Results of requests. detail (may be NULL) is shown on the staff screen. */
void pe_app_print_result(pe_app *app, bool ok, double now);
void pe_app_reload_result(pe_app *app, bool ok, const char *detail);

/* Whether a tap that went down at down_at, on the screen numbered
 * down_serial, may act now: the screen is the same and the finger went
 * down after the guard time. */
bool pe_app_tap_allowed(const pe_app *app, double down_at, unsigned long down_serial);
/* Whole seconds the PIN pad stays locked; 0 when it takes PINs. */
int pe_app_pin_locked(const pe_app *app, double now);

/* Speech: the sentence heard now (-1: it ended), and the page y range
 * it takes on the reader (y0 > y1: not on the reader's page) so the page
 * scrolls to keep it in view. Hearing the kiosk is using it: the idle
 * timer starts again at each sentence. */
void pe_app_speech_progress(pe_app *app, int sentence, double y0, double y1, double now);
/* The kiosk could not speak (no audio device, no voice): the button says
 * so and reading stops. */
void pe_app_speech_failed(pe_app *app);
/* Reading stops (screen, language, reset do this by themselves). */
void pe_app_speech_stop(pe_app *app);

/* "home", "topic", "print", "idle" (the warning is up), "staff". */
const char *pe_app_screen_name(const pe_app *app);

#endif
