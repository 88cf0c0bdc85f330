/* SPDX-License-Identifier: MIT */
/*
 * screens_private.h - what the kiosk's screen files share (not an API:
 * kiosk/screens.h is). screens.c holds the entry points and the build
 * context, theme.c the colours and sizes, widgets.c the pieces every
 * screen uses (text fitted into a box, buttons, the header, the footer),
 * and one screen_*.c per screen lays that screen out.
 *
 * Every function here appends ops to a page; none paints or reads files.
 */
#ifndef PE_KIOSK_SCREENS_PRIVATE_H
#define PE_KIOSK_SCREENS_PRIVATE_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "screens.h"

/* One dp is a pixel of the reference panel: 1920x1080 at 23.8 inches. */
#define REF_PX_PER_MM 3.6441
#define MIN_TARGET_MM 15.0
#define REF_DIAGONAL_IN 23.8
/* The least the reference layout needs, dp: the scale never makes the
 * window smaller than this. */
#define REF_MIN_W 1000.0
#define REF_MIN_H 760.0
/* Under NARROW_DP wide the header's title gets its own row and the
 * reader's section list narrows; a landscape panel under TIGHT_DP tall
 * gives its bars 15 mm buttons (TIGHT_BAR_H) and less room around them. */
#define NARROW_DP 1300.0
#define TIGHT_DP 900.0
#define TIGHT_BAR_H 64.0
#define TIGHT_ROW_EXTRA 24.0        /* header row: button and this */
#define ROW_EXTRA 40.0              /* ... or this, and HEADER_H at least */

typedef struct theme {
	pe_color bg, text, muted;
	pe_color header_bg, header_fg;
	pe_color tile_bg, tile_border, tile_title, tile_text, icon;
	pe_color button_bg, button_fg, button_border;
	pe_color selected_bg, selected_fg;
	pe_color primary_bg, primary_fg;
	pe_color emergency_bg, emergency_fg;
	pe_color panel_bg;
	pe_color dim, dialog_bg;
	pe_color good, bad;
	pe_color bar_track, bar_thumb;
	pe_color speaking;      /* behind the sentence being read aloud */
	double border;          /* dp */
} theme;

/* The two themes (theme.c): calm, or high contrast. */
const theme *pe_sc_theme(bool high_contrast);

/* Reader body sizes per text step, dp (theme.c). */
extern const double pe_sc_body_steps[PE_TEXT_STEPS];

/* ---- named sizes, dp (one pixel of the reference panel) ---------------- */

/* The page: its margin, the gap between blocks, the header's row and
 * the header and footer buttons on a panel with room for them. */
#define MARGIN 32.0
#define GAP 24.0
#define HEADER_H 128.0
#define BUTTON_H 88.0

/* Type. A label starts at its size and shrinks to fit its box, never
 * under its minimum (TYPE_MIN for most). */
#define TYPE_MIN 18.0
#define TYPE_BUTTON 32.0            /* button labels */
#define TYPE_BUTTON_WIDE 34.0       /* a button across a row of its own */
#define TYPE_TITLE 46.0             /* the header's title ... */
#define TYPE_TITLE_MIN 22.0
#define TYPE_TITLE_ONE_ROW 28.0     /* ... which keeps one row if it reads at this */
#define TYPE_SUBTITLE 28.0
#define TYPE_TEXT_SIZE_LABEL 30.0   /* "Text size" before its buttons */

/* Buttons. */
#define BUTTON_RADIUS 14.0
#define BUTTON_PAD 14.0             /* label from the border */
#define BUTTON_SLACK 24.0           /* width beyond the label's */
#define BUTTON_GAP 16.0             /* between buttons in a bar */
#define LEAD_GAP 8.0                /* between a lead mark and its label */
#define LEAD_ALONE 44.0             /* a mark with no label */
#define HEADER_BUTTON_MIN_W 160.0   /* Home, Back */
#define LANG_BUTTON_MIN_W 180.0     /* as designed ... */
#define LANG_BUTTON_SQUEEZED_W 100.0 /* ... and squeezed by a long title */
#define EMERGENCY_MIN_W 340.0
#define PRINT_BUTTON_MIN_W 220.0

/* The header. */
#define HEADER_TITLE_GAP 8.0        /* title and switch from the buttons */
#define HEADER_TITLE_RIGHT 24.0     /* title from the language switch */
#define HEADER_TITLE_INSET 10.0     /* title box inside its row */
#define HEADER_SECOND_ROW 88.0      /* the title's own row (narrow screens) */
#define HEADER_SECOND_ROW_RISE 6.0
#define HEADER_SECOND_ROW_FOOT 4.0

/* The footer (reader and print). */
#define FOOTER_PAD 36.0             /* one row: around its buttons */
#define FOOTER_PAD_TWO_ROWS 56.0
#define FOOTER_ROW_NUDGE 4.0        /* two rows: each towards the middle */
#define FOOTER_RULE 2.0             /* the line along its top */
#define TEXT_SIZE_LABEL_MAX_W 240.0
#define TEXT_SIZE_LABEL_GAP 12.0    /* label to the first button */
#define TEXT_SIZE_BUTTON_GAP 10.0

typedef struct doc_cache {
	pe_dlist *dl;           /* owned: one page, the topic */
	char *topic_id;         /* owned */
	char lang[16];
	int step;
	double width;
	bool high_contrast;
	double *marks;          /* owned: section y positions */
	size_t n_marks;
	pe_says says;           /* owned: the page's sentences */
} doc_cache;

struct pe_screens {
	doc_cache doc;
};

typedef struct ctx {
	const pe_screen_env *env;
	const pe_app *app;
	const theme *th;
	pe_layout *layout;
	double dp;              /* pixels per dp */
	double ppmm;
	double W, H;
	double wdp, hdp;        /* window in dp */
	double header_h;        /* pixels: one row, or two on narrow screens */
	double row_h;           /* pixels: the header's button row */
	double bar_bh;          /* pixels: header and footer button height */
	double min_target;      /* pixels: 15 mm */
	bool narrow;            /* title gets a row of its own in the header */
	bool tight;             /* short landscape: bars use 15 mm, not the dp design */
	pe_says *says;          /* the screen's words for Listen (pe_sc_say) */
	bool ok;                /* false after an allocation failure */
} ctx;

typedef enum align { ALIGN_LEFT, ALIGN_CENTER } align;

typedef enum button_kind {
	BTN_NORMAL,
	BTN_SELECTED,
	BTN_PRIMARY,
	BTN_EMERGENCY,
	BTN_ON_HEADER,          /* unselected, sitting on the header bar */
} button_kind;

/* What a button shows before its label. */
typedef enum lead_mark {
	LEAD_NONE,
	LEAD_BACK,              /* a left chevron */
	LEAD_UP,                /* chevrons up and down: the section list's pages */
	LEAD_DOWN,
	LEAD_ALERT,             /* the warning sign: the emergency buttons */
	LEAD_SPEAKER,           /* a loudspeaker: Listen */
	LEAD_PAUSE,
	LEAD_PLAY,
	LEAD_STOP,
} lead_mark;

/* ---- units -------------------------------------------------------------- */

static inline double D(const ctx *c, double dp)
{
	return dp * c->dp;
}

/* A touch target's side: dp as designed, but never under 15 mm (on a
 * small panel the dp shrink to fit the window, the millimetres do not). */
static inline double T(const ctx *c, double dp)
{
	return fmax(D(c, dp), c->min_target * 1.02);
}


/* ---- widgets.c: drawing helpers (layout only: they append ops) --------- */

void pe_sc_rect(ctx *c, pe_page *pg, double x, double y, double w, double h,
                pe_color fill, pe_color stroke, double line, double radius);
void pe_sc_hit(ctx *c, pe_page *pg, double x, double y, double w, double h,
               pe_action action, int arg);
/* Fit text into the box (x, y, w, h): the largest size from max_dp down to
 * min_dp at which the wrapped text fits, centred vertically, each line
 * left-aligned or centred. Returns the height of its ink. With pg NULL
 * it only measures. */
double pe_sc_fit_text(ctx *c, pe_page *pg, const char *text, pe_face face, double max_dp,
                      double min_dp, double x, double y, double w, double h,
                      pe_color color, align al);
/* The size (dp) pe_sc_fit_text would choose for text in a box of w x h. */
double pe_sc_fit_size(ctx *c, const char *text, pe_face face, double max_dp, double min_dp,
                      double w, double h);
/* Whether text fits the box (w x h) at size_dp. */
bool pe_sc_text_fits(ctx *c, const char *text, pe_face face, double size_dp, double w,
                     double h);
/* Room a lead mark takes before the label, dp. */
double pe_sc_lead_dp(lead_mark lead);
void pe_sc_button(ctx *c, pe_page *pg, double x, double y, double w, double h,
                  const char *label, button_kind kind, pe_action action, int arg,
                  double max_dp);
void pe_sc_button_full(ctx *c, pe_page *pg, double x, double y, double w, double h,
                       const char *label, button_kind kind, pe_action action, int arg,
                       double max_dp, lead_mark lead);
/* Width a button needs for its label on one line at size_dp, with padding;
 * at least min_dp. */
double pe_sc_button_width(ctx *c, const char *label, double size_dp, double min_dp);

/* ---- widgets.c: shared pieces ------------------------------------------- */

const char *pe_sc_lang_name(const char *code);
/* The language list over the screen (screen_langs.c). */
void pe_sc_build_lang_menu(ctx *c, pe_page *pg);
/* The screen's language is written right to left (screens.c). */
bool pe_sc_rtl(const ctx *c);
double pe_sc_language_switch(ctx *c, pe_page *pg, double left_limit, double right, double y,
                             double h, bool on_header, pe_action action, size_t current);
void pe_sc_header(ctx *c, pe_page *pg, const char *title, const char *subtitle,
                  bool home, bool back, pe_action back_action);
void pe_sc_background(ctx *c, pe_page *pg);
size_t pe_sc_topic_count(const ctx *c);
const pe_topic *pe_sc_topic_at(const ctx *c, size_t i);
const pe_contact *pe_sc_first_contact(const ctx *c);
const char *pe_sc_emergency_label(void);
double pe_sc_emergency_width(ctx *c);
void pe_sc_emergency_button(ctx *c, pe_page *pg, double x, double y, double w, double h,
                            double max_dp);
const char *pe_sc_text_size_label(void);
double pe_sc_text_size_label_width(ctx *c);
const char *pe_sc_print_this_label(void);
bool pe_sc_footer_two_rows(ctx *c);
double pe_sc_footer_height(ctx *c, bool two_rows);
void pe_sc_footer_bar(ctx *c, pe_page *pg, double y, double h);
void pe_sc_footer_emergency(ctx *c, pe_page *pg, double row_y, bool full, double left);

/* ---- reading aloud (widgets.c, say.c) ----------------------------------- */

/* Whether this screen has the Listen button (the site allows speech). */
bool pe_sc_speech_shown(const ctx *c);
/* Words Listen reads on a screen that is not the reader, in order, with
 * the box to highlight while they are heard. */
void pe_sc_say(ctx *c, const char *text, double x, double y, double w, double h);
bool pe_says_add(pe_says *s, const char *text, size_t section, double x, double y, double w,
                 double h);
bool pe_says_add_span(pe_says *s, double x, double y, double w, double h);
/* The sentences of a laid-out page (the reader's topic). */
bool pe_says_from_page(pe_says *out, pe_layout *layout, const pe_page *pg);

/* ---- screens.c ---------------------------------------------------------- */

void pe_sc_doc_cache_clear(doc_cache *c);

/* ---- one file per screen ------------------------------------------------ */

void pe_sc_build_home(ctx *c, pe_page *pg);                          /* screen_home.c */
bool pe_sc_build_topic(pe_screens *s, ctx *c, pe_page *pg, pe_frame *fr,
                       pe_error *err);                              /* screen_reader.c */
void pe_sc_build_print(ctx *c, pe_page *pg);                         /* screen_print.c */
void pe_sc_build_staff(ctx *c, pe_page *pg);                         /* screen_staff.c */
void pe_sc_build_warning(ctx *c, pe_page *pg, double now);           /* screen_warning.c */

#endif
