/* SPDX-License-Identifier: MIT */
/*
 * screen_warning.c - the idle warning, an overlay over any screen.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The dialog's sizes, dp. */
#define DIALOG_MAX_W 1000.0
#define DIALOG_MAX_H 600.0
#define DIALOG_RADIUS 24.0
#define DIALOG_PAD 48.0
#define DIALOG_TITLE 56.0
#define DIALOG_TITLE_MIN 28.0
#define DIALOG_TEXT 36.0
#define DIALOG_TEXT_MIN 20.0
#define DIALOG_BUTTON_MAX_W 640.0
#define DIALOG_BUTTON_MAX_H 140.0
#define DIALOG_BUTTON_TYPE 46.0

void pe_sc_build_warning(ctx *c, pe_page *pg, double now)
{
	const theme *t = c->th;
	pe_sc_rect(c, pg, 0, 0, c->W, c->H, t->dim, PE_NO_COLOR, 0, 0);
	double w = fmin(c->W - 2 * D(c, MARGIN), D(c, DIALOG_MAX_W));
	double h = fmin(c->H - 2 * D(c, MARGIN), D(c, DIALOG_MAX_H));
	double x = (c->W - w) / 2, y = (c->H - h) / 2;
	pe_sc_rect(c, pg, x, y, w, h, t->dialog_bg, t->button_border, D(c, t->border),
	           D(c, DIALOG_RADIUS));
	double pad = D(c, DIALOG_PAD);
	pe_sc_fit_text(c, pg, C_("kiosk/idle", "Are you still there?"), PE_FACE_BOLD,
	               DIALOG_TITLE, DIALOG_TITLE_MIN, x + pad, y + pad,
	               w - 2 * pad, h * 0.2, t->text, ALIGN_CENTER);
	int secs = pe_app_countdown(c->app, now);
	char msg[512];
	snprintf(msg, sizeof msg,
	         CP_("kiosk/idle",
	         "To keep your information private, this screen will go back to "
	         "the start in %d second.",
	         "To keep your information private, this screen will go back to "
	         "the start in %d seconds.",
	         (unsigned long)secs),
	         secs);
	pe_sc_fit_text(c, pg, msg, PE_FACE_REGULAR, DIALOG_TEXT, DIALOG_TEXT_MIN, x + pad, y + pad + h * 0.22, w - 2 * pad,
	               h * 0.3, t->text, ALIGN_CENTER);
	double bw = fmin(w - 2 * pad, D(c, DIALOG_BUTTON_MAX_W));
	double bh = fmax(fmin(D(c, DIALOG_BUTTON_MAX_H), h * 0.28), T(c, 0));
	/* TRANSLATORS: the big button on the "Are you still there?" message. */
	pe_sc_button(c, pg, x + (w - bw) / 2, y + h - pad - bh, bw, bh, C_("kiosk/idle", "I'm still here"),
	             BTN_PRIMARY, PE_ACT_STILL_HERE, 0, DIALOG_BUTTON_TYPE);
}
