/* SPDX-License-Identifier: MIT */
/*
 * screen_langs.c - the language list, an overlay over any screen.
 *
 * With three or more languages the header's switch is one button naming
 * the language shown; it opens this list: every language in its own name
 * ("Español", "Tiếng Việt", "العربية"), the one shown selected, in a grid
 * that fits any window from a 1024x600 tablet to a portrait 1080x1920
 * panel with the 15 languages a build may offer. Tapping a language
 * switches to it and closes the list; "Close" or a tap beside the dialog
 * closes it.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The dialog's sizes, dp. */
#define LIST_MAX_W 1400.0
#define LIST_RADIUS 24.0
#define LIST_PAD 32.0
#define LIST_TITLE 44.0
#define LIST_TITLE_MIN 24.0
#define LIST_TITLE_H 72.0
#define LIST_BUTTON_H 96.0          /* a language, as designed */
#define LIST_BUTTON_MIN_W 260.0
#define LIST_CLOSE_MIN_W 240.0

void pe_sc_build_lang_menu(ctx *c, pe_page *pg)
{
	const theme *t = c->th;
	size_t n = c->env->n_langs < PE_LANG_MAX ? c->env->n_langs : PE_LANG_MAX;
	/* A tap beside the dialog closes it (under every other target). */
	pe_sc_rect(c, pg, 0, 0, c->W, c->H, t->dim, PE_NO_COLOR, 0, 0);
	pe_sc_hit(c, pg, 0, 0, c->W, c->H, PE_ACT_LANG_MENU_CLOSE, 1);

	double margin = D(c, MARGIN), pad = D(c, LIST_PAD), gap = D(c, BUTTON_GAP);
	double w = fmin(c->W - 2 * margin, D(c, LIST_MAX_W));
	double max_h = c->H - 2 * margin;
	double title_h = D(c, LIST_TITLE_H);
	double bh_min = T(c, 0), bh = fmax(D(c, LIST_BUTTON_H), bh_min);
	double close_h = T(c, 0);
	double gw = w - 2 * pad;
	/* Columns: as few as let every row be a full target high; each at
	 * least as wide as the widest name when there is room. */
	double widest = 0;
	for (size_t i = 0; i < n; i++)
		widest = fmax(widest, pe_sc_button_width(c, pe_sc_lang_name(c->env->langs[i]),
		                                         TYPE_BUTTON, LIST_BUTTON_MIN_W));
	size_t cols = (size_t)fmax(1, floor((gw + gap) / (fmin(widest, gw) + gap)));
	double grid_room = max_h - 2 * pad - title_h - close_h - 2 * gap;
	for (;;) {
		size_t rows = (n + cols - 1) / cols;
		double need = (double)rows * bh_min + (double)(rows - 1) * gap;
		if (need <= grid_room || cols >= n)
			break;
		cols++;
	}
	if (cols > n)
		cols = n ? n : 1;
	size_t rows = n ? (n + cols - 1) / cols : 0;
	bh = fmax(bh_min, fmin(bh, (grid_room - (double)(rows ? rows - 1 : 0) * gap) /
	                          (double)(rows ? rows : 1)));
	double grid_h = (double)rows * bh + (double)(rows ? rows - 1 : 0) * gap;
	double h = fmin(max_h, 2 * pad + title_h + gap + grid_h + gap + close_h);
	double x = (c->W - w) / 2, y = (c->H - h) / 2;
	pe_sc_rect(c, pg, x, y, w, h, t->dialog_bg, t->button_border, D(c, t->border),
	           D(c, LIST_RADIUS));
	/* The dialog itself is no "beside": a tap between buttons does nothing. */
	pe_sc_hit(c, pg, x, y, w, h, PE_ACT_NONE, 0);
	/* TRANSLATORS: title of the list of languages the kiosk offers (each
	   is shown in its own name under it). */
	pe_sc_fit_text(c, pg, C_("kiosk/language", "Choose your language"), PE_FACE_BOLD, LIST_TITLE,
	               LIST_TITLE_MIN, x + pad, y + pad, w - 2 * pad, title_h, t->text, ALIGN_CENTER);
	double bw = (gw - (double)(cols - 1) * gap) / (double)cols;
	double gy = y + pad + title_h + gap;
	for (size_t i = 0; i < n; i++) {
		size_t r = i / cols, k = i % cols;
		/* the last row centred */
		size_t in_row = r + 1 == rows ? n - r * cols : cols;
		double row_x = x + pad + (gw - ((double)in_row * bw + (double)(in_row - 1) * gap)) / 2;
		pe_sc_button(c, pg, row_x + (double)k * (bw + gap), gy + (double)r * (bh + gap), bw, bh,
		             pe_sc_lang_name(c->env->langs[i]),
		             i == c->app->lang ? BTN_SELECTED : BTN_NORMAL, PE_ACT_LANG, (int)i,
		             TYPE_BUTTON);
	}
	/* TRANSLATORS: closes the list of languages without changing it. */
	const char *close = C_("kiosk/language", "Close");
	double cw = fmin(gw, pe_sc_button_width(c, close, TYPE_BUTTON, LIST_CLOSE_MIN_W));
	pe_sc_button(c, pg, x + (w - cw) / 2, y + h - pad - close_h, cw, close_h, close, BTN_PRIMARY,
	             PE_ACT_LANG_MENU_CLOSE, 0, TYPE_BUTTON);
}
