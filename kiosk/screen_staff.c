/* SPDX-License-Identifier: MIT */
/*
 * screen_staff.c - the staff menu and its PIN pad.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The staff screens' sizes, dp. */
#define STAFF_COL_MAX_W 900.0
#define STAFF_TOP 32.0              /* header to the first line */
#define NOTE_H 50.0                 /* the note's line ... */
#define NOTE_TYPE 30.0
#define DETAIL_TOP 56.0             /* ... and the detail under it */
#define DETAIL_MIN_ROOM 70.0
#define DETAIL_MAX_H 200.0
#define DETAIL_TYPE 22.0
#define DETAIL_TYPE_MIN 14.0
#define PROMPT_H 56.0               /* "Enter the staff PIN." */
#define PROMPT_STEP 64.0
#define PROMPT_TYPE 36.0
#define PROMPT_TYPE_MIN 20.0
#define PIN_DOT 22.0
#define PIN_DOT_PITCH 1.8           /* dots apart, in dots */
#define PIN_DOT_TOP 10.0
#define PIN_DOTS_STEP 48.0
#define PIN_KEY_W 150.0
#define PIN_KEY_H 96.0
#define PIN_KEY_MIN_H 72.0
#define PIN_KEY_GAP 16.0
#define PIN_PAD_FOOT 130.0          /* kept under the pad for the note */
#define PIN_DIGIT_TYPE 40.0
#define PIN_WORD_TYPE 30.0          /* Clear, OK */
#define MENU_BUTTON_H 96.0
#define MENU_BUTTON_MIN_H 64.0
#define MENU_GAP 20.0
#define MENU_GAP_MIN 6.0
#define MENU_FOOT 160.0             /* kept under the menu for the note */
#define STAFF_FOOT 16.0

static void staff_note(ctx *c, pe_page *pg, double x, double y, double w, double h)
{
	const pe_app *app = c->app;
	const char *note = NULL;
	pe_color color = c->th->text;
	char locked[256];
	switch (app->staff_note) {
	case PE_STAFF_NOTE_NONE:
		break;
	case PE_STAFF_NOTE_WRONG_PIN:
		note = C_("kiosk/staff", "That PIN is not right. Please try again.");
		color = c->th->bad;
		break;
	case PE_STAFF_NOTE_PIN_LOCKED:
		/* TRANSLATORS: the PIN pad after 3 wrong PINs; %d counts down. */
		snprintf(locked, sizeof locked,
		         CP_("kiosk/staff", "Too many wrong PINs. Try again in %d second.",
		         "Too many wrong PINs. Try again in %d seconds.",
		         (unsigned long)app->pin_lock_shown),
		         app->pin_lock_shown);
		note = locked;
		color = c->th->bad;
		break;
	case PE_STAFF_NOTE_RELOADED:
		note = C_("kiosk/staff", "The content was reloaded.");
		color = c->th->good;
		break;
	case PE_STAFF_NOTE_RELOAD_FAILED:
		note = C_("kiosk/staff", "The new content has errors. The kiosk kept the content it had.");
		color = c->th->bad;
		break;
	case PE_STAFF_NOTE_PRINT_BUSY:
		note = C_("kiosk/staff", "Sending a test page to the printer…");
		break;
	case PE_STAFF_NOTE_PRINTED:
		note = C_("kiosk/staff", "The test page was sent to the printer.");
		color = c->th->good;
		break;
	case PE_STAFF_NOTE_PRINT_FAILED:
		note = C_("kiosk/staff", "The test page could not be printed.");
		color = c->th->bad;
		break;
	}
	if (!note)
		return;
	pe_sc_fit_text(c, pg, note, PE_FACE_BOLD, NOTE_TYPE, TYPE_MIN, x, y, w, D(c, NOTE_H), color,
	               ALIGN_CENTER);
	if (app->staff_detail[0] && h > D(c, DETAIL_MIN_ROOM))
		pe_sc_fit_text(c, pg, app->staff_detail, PE_FACE_REGULAR, DETAIL_TYPE, DETAIL_TYPE_MIN,
		               x, y + D(c, DETAIL_TOP), w, fmin(h - D(c, DETAIL_TOP), D(c, DETAIL_MAX_H)),
		               c->th->text, ALIGN_CENTER);
}

void pe_sc_build_staff(ctx *c, pe_page *pg)
{
	const theme *t = c->th;
	const pe_app *app = c->app;
	pe_sc_background(c, pg);
	/* TRANSLATORS: title of the hidden menu for clinic staff. */
	pe_sc_header(c, pg, C_("kiosk/staff", "Staff menu"), NULL, true, false, PE_ACT_NONE);
	double y = c->header_h + D(c, STAFF_TOP);
	double colw = fmin(c->W - 2 * D(c, MARGIN), D(c, STAFF_COL_MAX_W));
	double x = (c->W - colw) / 2;
	if (!app->staff_unlocked) {
		pe_sc_fit_text(c, pg, C_("kiosk/staff", "Enter the staff PIN."), PE_FACE_BOLD,
		               PROMPT_TYPE, PROMPT_TYPE_MIN, x, y, colw, D(c, PROMPT_H),
		               t->text, ALIGN_CENTER);
		y += D(c, PROMPT_STEP);
		/* One dot per digit typed: the PIN itself is never shown. */
		size_t n = strlen(app->pin_entry);
		double dot = D(c, PIN_DOT);
		double dx = c->W / 2 - ((double)n * dot * PIN_DOT_PITCH) / 2;
		for (size_t i = 0; i < n; i++)
			pe_sc_rect(c, pg, dx + (double)i * dot * PIN_DOT_PITCH, y + D(c, PIN_DOT_TOP), dot, dot, t->text,
			           PE_NO_COLOR, 0, dot / 2);
		y += D(c, PIN_DOTS_STEP);
		double bw = T(c, PIN_KEY_W), bh = T(c, PIN_KEY_H), g = D(c, PIN_KEY_GAP);
		double avail = c->H - y - D(c, PIN_PAD_FOOT);
		if (4 * bh + 3 * g > avail)
			bh = fmax(T(c, PIN_KEY_MIN_H), (avail - 3 * g) / 4);
		double gx = c->W / 2 - (3 * bw + 2 * g) / 2;
		for (int k = 0; k < 12; k++) {
			int r = k / 3, col = k % 3;
			double bx = gx + col * (bw + g), by = y + r * (bh + g);
			if (k < 9) {
				char d[16];
				snprintf(d, sizeof d, "%d", k + 1);
				pe_sc_button(c, pg, bx, by, bw, bh, d, BTN_NORMAL, PE_ACT_PIN_DIGIT, k + 1,
				             PIN_DIGIT_TYPE);
			} else if (k == 9) {
				/* TRANSLATORS: PIN pad key that erases what was typed. */
				pe_sc_button(c, pg, bx, by, bw, bh, C_("kiosk/staff/pin", "Clear"), BTN_NORMAL, PE_ACT_PIN_CLEAR, 0,
				             PIN_WORD_TYPE);
			} else if (k == 10) {
				pe_sc_button(c, pg, bx, by, bw, bh, "0", BTN_NORMAL, PE_ACT_PIN_DIGIT, 0,
				             PIN_DIGIT_TYPE);
			} else {
				/* TRANSLATORS: PIN pad key that checks the PIN. */
				pe_sc_button(c, pg, bx, by, bw, bh, C_("kiosk/staff/pin", "OK"), BTN_PRIMARY, PE_ACT_PIN_OK, 0,
				             PIN_WORD_TYPE);
			}
		}
		y += 4 * bh + 3 * g + D(c, STAFF_FOOT);
		staff_note(c, pg, x, y, colw, c->H - y - D(c, STAFF_FOOT));
		return;
	}
	double bh = T(c, MENU_BUTTON_H), g = D(c, MENU_GAP);
	const char *hc = app->high_contrast ? C_("kiosk/staff", "High contrast: on") : C_("kiosk/staff", "High contrast: off");
	struct {
		const char *label;
		pe_action action;
		button_kind kind;
	} items[] = {
		{ C_("kiosk/staff", "Reload the content"), PE_ACT_STAFF_RELOAD, BTN_NORMAL },
		{ C_("kiosk/staff", "Print a test page"), PE_ACT_STAFF_TEST_PRINT, BTN_NORMAL },
		{ hc, PE_ACT_STAFF_CONTRAST, app->high_contrast ? BTN_SELECTED : BTN_NORMAL },
		{ C_("kiosk/staff", "Close the staff menu"), PE_ACT_STAFF_CLOSE, BTN_PRIMARY },
		{ C_("kiosk/staff", "Exit the kiosk"), PE_ACT_STAFF_EXIT, BTN_EMERGENCY },
	};
	size_t n = sizeof items / sizeof items[0];
	/* The speech volume: a row of steps after the contrast (when the site
	 * has speech). */
	bool volume = app->cfg.speech && (!c->env->site || c->env->site->speech);
	size_t rows = n + (volume ? 1 : 0);
	double avail = c->H - y - D(c, MENU_FOOT);
	if ((double)rows * (bh + g) > avail)
		bh = fmax(T(c, MENU_BUTTON_MIN_H), avail / (double)rows - g);
	/* A small panel: the gaps give way before the note falls off. */
	if ((double)rows * (bh + g) > avail)
		g = fmax(D(c, MENU_GAP_MIN), avail / (double)rows - bh);
	for (size_t i = 0; i < n; i++) {
		if (volume && items[i].action == PE_ACT_STAFF_CLOSE) {
			/* TRANSLATORS: staff menu: before the speech volume steps. */
			const char *label = C_("kiosk/staff", "Speech volume");
			double lw = fmin(colw * 0.4, pe_layout_width(c->layout, label, PE_FACE_BOLD,
			                                             D(c, TYPE_BUTTON)) + D(c, LEAD_GAP));
			pe_sc_fit_text(c, pg, label, PE_FACE_BOLD, TYPE_BUTTON, TYPE_MIN, x, y, lw, bh,
			               t->text, ALIGN_LEFT);
			double vg = D(c, BUTTON_GAP);
			double vw = (colw - lw - vg * PE_VOLUME_STEPS) / PE_VOLUME_STEPS;
			for (int v = 0; v < PE_VOLUME_STEPS; v++) {
				char pct[16];
				snprintf(pct, sizeof pct, "%d%%", pe_volume_steps[v]);
				pe_sc_button(c, pg, x + lw + vg + (double)v * (vw + vg), y, vw, bh, pct,
				             app->speech_volume == pe_volume_steps[v] ? BTN_SELECTED : BTN_NORMAL,
				             PE_ACT_STAFF_VOLUME, pe_volume_steps[v], TYPE_BUTTON);
			}
			y += bh + g;
		}
		pe_sc_button(c, pg, x, y, colw, bh, items[i].label, items[i].kind, items[i].action, 0,
		             TYPE_BUTTON_WIDE);
		y += bh + g;
	}
	staff_note(c, pg, x, y, colw, c->H - y - D(c, STAFF_FOOT));
}
