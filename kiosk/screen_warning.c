/*
 * screen_warning.c - the idle warning, an overlay over any screen.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

void pe_sc_build_warning(ctx *c, pe_page *pg, double now)
{
	const theme *t = c->th;
	pe_sc_rect(c, pg, 0, 0, c->W, c->H, t->dim, PE_NO_COLOR, 0, 0);
	double w = fmin(c->W - 2 * D(c, MARGIN), D(c, 1000));
	double h = fmin(c->H - 2 * D(c, MARGIN), D(c, 600));
	double x = (c->W - w) / 2, y = (c->H - h) / 2;
	pe_sc_rect(c, pg, x, y, w, h, t->dialog_bg, t->button_border, D(c, t->border), D(c, 24));
	double pad = D(c, 48);
	pe_sc_fit_text(c, pg, C_("kiosk/idle", "Are you still there?"), PE_FACE_BOLD, 56, 28, x + pad, y + pad,
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
	pe_sc_fit_text(c, pg, msg, PE_FACE_REGULAR, 36, 20, x + pad, y + pad + h * 0.22, w - 2 * pad,
	         h * 0.3, t->text, ALIGN_CENTER);
	double bw = fmin(w - 2 * pad, D(c, 640)), bh = fmax(fmin(D(c, 140), h * 0.28), T(c, 0));
	/* TRANSLATORS: the big button on the "Are you still there?" message. */
	pe_sc_button(c, pg, x + (w - bw) / 2, y + h - pad - bh, bw, bh, C_("kiosk/idle", "I'm still here"),
	       BTN_PRIMARY, PE_ACT_STILL_HERE, 0, 46);
}
