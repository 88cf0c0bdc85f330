/*
 * screen_staff.c - the staff menu and its PIN pad.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

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
	pe_sc_fit_text(c, pg, note, PE_FACE_BOLD, 30, 18, x, y, w, D(c, 50), color, ALIGN_CENTER);
	if (app->staff_detail[0] && h > D(c, 70))
		pe_sc_fit_text(c, pg, app->staff_detail, PE_FACE_REGULAR, 22, 14, x, y + D(c, 56), w,
		         fmin(h - D(c, 56), D(c, 200)), c->th->text, ALIGN_CENTER);
}

void pe_sc_build_staff(ctx *c, pe_page *pg)
{
	const theme *t = c->th;
	const pe_app *app = c->app;
	pe_sc_background(c, pg);
	/* TRANSLATORS: title of the hidden menu for clinic staff. */
	pe_sc_header(c, pg, C_("kiosk/staff", "Staff menu"), NULL, true, false, PE_ACT_NONE);
	double y = c->header_h + D(c, 32);
	double colw = fmin(c->W - 2 * D(c, MARGIN), D(c, 900));
	double x = (c->W - colw) / 2;
	if (!app->staff_unlocked) {
		pe_sc_fit_text(c, pg, C_("kiosk/staff", "Enter the staff PIN."), PE_FACE_BOLD, 36, 20, x, y, colw, D(c, 56),
		         t->text, ALIGN_CENTER);
		y += D(c, 64);
		/* One dot per digit typed: the PIN itself is never shown. */
		size_t n = strlen(app->pin_entry);
		double dot = D(c, 22);
		double dx = c->W / 2 - ((double)n * dot * 1.8) / 2;
		for (size_t i = 0; i < n; i++)
			pe_sc_rect(c, pg, dx + (double)i * dot * 1.8, y + D(c, 10), dot, dot, t->text,
			     PE_NO_COLOR, 0, dot / 2);
		y += D(c, 48);
		double bw = T(c, 150), bh = T(c, 96), g = D(c, 16);
		double avail = c->H - y - D(c, 130);
		if (4 * bh + 3 * g > avail)
			bh = fmax(T(c, 72), (avail - 3 * g) / 4);
		double gx = c->W / 2 - (3 * bw + 2 * g) / 2;
		for (int k = 0; k < 12; k++) {
			int r = k / 3, col = k % 3;
			double bx = gx + col * (bw + g), by = y + r * (bh + g);
			if (k < 9) {
				char d[16];
				snprintf(d, sizeof d, "%d", k + 1);
				pe_sc_button(c, pg, bx, by, bw, bh, d, BTN_NORMAL, PE_ACT_PIN_DIGIT, k + 1, 40);
			} else if (k == 9) {
				/* TRANSLATORS: PIN pad key that erases what was typed. */
				pe_sc_button(c, pg, bx, by, bw, bh, C_("kiosk/staff/pin", "Clear"), BTN_NORMAL, PE_ACT_PIN_CLEAR, 0, 30);
			} else if (k == 10) {
				pe_sc_button(c, pg, bx, by, bw, bh, "0", BTN_NORMAL, PE_ACT_PIN_DIGIT, 0, 40);
			} else {
				/* TRANSLATORS: PIN pad key that checks the PIN. */
				pe_sc_button(c, pg, bx, by, bw, bh, C_("kiosk/staff/pin", "OK"), BTN_PRIMARY, PE_ACT_PIN_OK, 0, 30);
			}
		}
		y += 4 * bh + 3 * g + D(c, 16);
		staff_note(c, pg, x, y, colw, c->H - y - D(c, 16));
		return;
	}
	double bh = T(c, 96), g = D(c, 20);
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
	double avail = c->H - y - D(c, 160);
	if ((double)n * (bh + g) > avail)
		bh = fmax(T(c, 64), avail / (double)n - g);
	for (size_t i = 0; i < n; i++) {
		pe_sc_button(c, pg, x, y, colw, bh, items[i].label, items[i].kind, items[i].action, 0, 34);
		y += bh + g;
	}
	staff_note(c, pg, x, y, colw, c->H - y - D(c, 16));
}
