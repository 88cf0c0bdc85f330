/* SPDX-License-Identifier: MIT */
/*
 * screen_print.c - the print form: language, copies, the Print button and
 * what the job is doing.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The print form's sizes, dp. */
#define FORM_MAX_W 1200.0
#define FORM_BUTTON_H 96.0          /* language and copies buttons */
#define GO_H 120.0                  /* the Print button ... */
#define GO_MIN_W 420.0
#define GO_WIDTH_TYPE 40.0          /* its label, for its width */
#define GO_TYPE 44.0
#define SENT_TYPE 40.0              /* ... greyed once sent */
#define SENT_TYPE_MIN 20.0
#define LANG_TYPE 34.0
#define FORM_LANG_MIN_W 220.0
#define COPY_W 130.0
#define COPY_TYPE 40.0
#define FORM_GAP 20.0               /* between buttons in a row */
#define ASK_TYPE 32.0               /* the questions */
#define ASK_SLACK 4.0
#define FORM_TITLE 44.0             /* the topic's title */
#define FORM_TITLE_MIN 20.0
#define TITLE_FOOT 20.0             /* under the title, scaled with the spaces */
#define LABEL_FOOT 12.0             /* under a question, scaled; at least ... */
#define LABEL_FOOT_MIN 6.0
#define LINE_H 1.45                 /* a line's height, in type sizes */
#define SIDE_GAP 48.0               /* landscape: form to message */
#define SIDE_MIN_W 320.0
#define SIDE_MAX_W 640.0
#define MSG_MIN_H 150.0             /* portrait: the message under the form */
#define MSG_PAD_H 40.0
#define MSG_MAX_H 260.0
#define MSG_LINES 3
#define MSG_TYPE 34.0
#define MSG_PAD 20.0
#define MSG_BORDER 2.0
#define MSG_RADIUS 14.0

/* Height of one line of text at size_dp (ascent + descent of Noto Sans,
 * with a little room): what a label box must keep however small the
 * spaces around it get, or the buttons under it cover its lower half. */
static double line_h(const ctx *c, double size_dp)
{
	return D(c, size_dp) * LINE_H;
}

/* The scale k (0..1) at which spaces of design sizes dp[i] (dp), each at
 * least min[i] pixels, add up to no more than avail pixels. */
static double spaces_scale(const ctx *c, const double *dp, const double *min, size_t n,
                           double avail)
{
	double lo = 0, hi = 1;
	for (int it = 0; it < 24; it++) {
		double k = (lo + hi) / 2, sum = 0;
		for (size_t i = 0; i < n; i++)
			sum += fmax(D(c, dp[i]) * k, min[i]);
		if (sum <= avail)
			lo = k;
		else
			hi = k;
	}
	return lo;
}

const char *pe_screens_print_message(pe_print_state state)
{
	switch (state) {
	case PE_PRINT_IDLE:
		return NULL;
	case PE_PRINT_BUSY:
		return C_("kiosk/print", "Your handout is being sent to the printer. Please wait.");
	case PE_PRINT_DONE:
		/* TRANSLATORS: after a successful print. The Print button is off
		   until the patient picks another language or number of copies,
		   so one visit does not send the same job again and again. */
		return C_("kiosk/print", "Your handout is printing. Please pick it up at the front "
		          "desk. To print it again, choose another language or number of copies.");
	case PE_PRINT_FAILED:
		return C_("kiosk/print", "Sorry, the printer is not working right now. Please ask a staff member "
		          "for a printed copy.");
	}
	return NULL;
}

/* What the print form says about the job, and in what colour. */
static const char *print_message(const ctx *c, pe_color *color)
{
	/* Done in green; a failure not in red: a patient should not feel
	 * something went badly wrong. */
	*color = c->app->print_state == PE_PRINT_DONE ? c->th->good : c->th->text;
	return pe_screens_print_message(c->app->print_state);
}

/* The job's message in a tinted panel: the first thing a patient looks
 * for after touching Print, so its room is reserved before the form's
 * spaces are shared out (it used to be dropped when under 40 dp were
 * left). */
static void print_status(ctx *c, pe_page *pg, double x, double y, double w, double h)
{
	pe_color mc;
	const char *msg = print_message(c, &mc);
	if (!msg || w <= 0 || h <= 0)
		return;
	const theme *t = c->th;
	pe_sc_rect(c, pg, x, y, w, h, t->panel_bg, t->tile_border, D(c, MSG_BORDER), D(c, MSG_RADIUS));
	double pad = D(c, MSG_PAD);
	pe_sc_fit_text(c, pg, msg, PE_FACE_BOLD, MSG_TYPE, TYPE_MIN, x + pad, y + pad, w - 2 * pad, h - 2 * pad, mc,
	               ALIGN_LEFT);
	pe_sc_say(c, msg, x, y, w, h);
}

void pe_sc_build_print(ctx *c, pe_page *pg)
{
	const theme *t = c->th;
	const pe_app *app = c->app;
	pe_sc_background(c, pg);
	/* TRANSLATORS: title of the screen where a patient prints a handout. */
	pe_sc_header(c, pg, C_("kiosk/print", "Print a handout"), NULL, true, true, PE_ACT_BACK);
	const pe_topic *topic = pe_sc_topic_at(c, app->topic);
	double m = D(c, MARGIN);
	double colw = fmin(c->W - 2 * m, D(c, FORM_MAX_W));
	double bh = T(c, FORM_BUTTON_H), go_h = T(c, GO_H);
	/* The red button sits at the foot, where the reader has it: the way to
	 * help must not vanish because the patient chose to print. */
	double fh = pe_sc_footer_height(c, false), bottom = c->H - fh;
	pe_sc_footer_bar(c, pg, bottom, fh);
	pe_sc_footer_emergency(c, pg, bottom + (fh - c->bar_bh) / 2, pe_sc_footer_two_rows(c), m);

	/* The form's own width: its widest row. The languages wrap onto as
	 * many rows as the column needs (five ran off a portrait panel's
	 * edge in one row), each button as wide as its name. */
	double lang_w[PE_LANG_MAX], lang_x[PE_LANG_MAX], langs_w = 0;
	size_t lang_row[PE_LANG_MAX], lang_rows = 0;
	size_t nl = c->env->n_langs < PE_LANG_MAX ? c->env->n_langs : PE_LANG_MAX;
	for (size_t i = 0; i < nl; i++) {
		lang_w[i] = fmin(pe_sc_button_width(c, pe_sc_lang_name(c->env->langs[i]), LANG_TYPE,
		                                    FORM_LANG_MIN_W), colw);
		double at = i ? lang_x[i - 1] + lang_w[i - 1] + D(c, FORM_GAP) : 0;
		if (!i || at + lang_w[i] > colw + 0.5) {
			at = 0;
			lang_rows++;
		}
		lang_x[i] = at;
		lang_row[i] = lang_rows - 1;
		langs_w = fmax(langs_w, at + lang_w[i]);
	}
	if (!lang_rows)
		lang_rows = 1;
	double lang_gap = D(c, FORM_GAP);
	double copy_w = T(c, COPY_W);
	double copies_w = PE_MAX_COPIES * copy_w + (PE_MAX_COPIES - 1) * D(c, FORM_GAP);
	/* TRANSLATORS: the big button that starts printing. */
	const char *go = app->print_state == PE_PRINT_BUSY ? C_("kiosk/print", "Printing…") : C_("kiosk/print", "Print");
	double gw = fmin(fmax(pe_sc_button_width(c, go, GO_WIDTH_TYPE, GO_MIN_W), D(c, GO_MIN_W)), colw);
	const char *ask_lang = C_("kiosk/print", "Which language should the handout be in?");
	const char *ask_copies = C_("kiosk/print", "How many copies?");
	/* The questions at their full size belong to the form too (squeezed
	 * to the buttons' width, the Spanish question came out at 14 px),
	 * as long as a message column of 320 dp still fits beside it. */
	double asks_w = fmax(pe_layout_width(c->layout, ask_lang, PE_FACE_REGULAR, D(c, ASK_TYPE)),
	                     pe_layout_width(c->layout, ask_copies, PE_FACE_REGULAR, D(c, ASK_TYPE)));
	double form_w = fmin(colw, fmax(fmax(langs_w, fmax(copies_w, gw)),
	                                fmin(asks_w + D(c, ASK_SLACK), colw - D(c, SIDE_GAP + SIDE_MIN_W))));
	double x = (c->W - colw) / 2;

	/* Landscape: the message beside the form, where the screen is empty;
	 * otherwise under the Print button, its height kept first. */
	double side_gap = D(c, SIDE_GAP);
	double side_w = fmin(colw - form_w - side_gap, D(c, SIDE_MAX_W));
	bool side = c->W > c->H && side_w >= D(c, SIDE_MIN_W);
	if (side && colw - form_w - side_gap > side_w)
		x = (c->W - (form_w + side_gap + side_w)) / 2;
	double msg_h = side ? 0 : fmax(D(c, MSG_MIN_H), MSG_LINES * line_h(c, TYPE_MIN) + D(c, MSG_PAD_H));

	/* The spaces between (top, title, labels, gaps) give way on a small
	 * panel, each label never below one line at its smallest type; the
	 * 15 mm buttons and the message do not give way. */
	double label_min = line_h(c, TYPE_MIN), title_min = line_h(c, FORM_TITLE_MIN);
	const double sp_dp[] = { 36, topic ? 140 : 0, 62, 40, 62, 48, side ? 0 : 30, 16 };
	const double sp_min[] = { D(c, 8), topic ? title_min + D(c, 6) : 0, label_min + D(c, 6),
	                          D(c, 10), label_min + D(c, 6), D(c, 12), side ? 0 : D(c, 12),
	                          D(c, 8) };
	size_t n_sp = sizeof sp_dp / sizeof sp_dp[0];
	if (!side) {
		/* Where the form leaves height over (portrait), the message may
		 * take more of it and keep a readable size. */
		double design = 0;
		for (size_t i = 0; i < n_sp; i++)
			design += D(c, sp_dp[i]);
		double spare = bottom - c->header_h - (double)(lang_rows + 1) * bh -
		               (double)(lang_rows - 1) * lang_gap - go_h - design;
		msg_h = fmax(msg_h, fmin(D(c, MSG_MAX_H), spare));
	}
	/* Where even the smallest spaces leave too little, the buttons come
	 * down towards 15 mm (never under). */
	double least = 0;
	for (size_t i = 0; i < n_sp; i++)
		least += sp_min[i];
	double btn_room = bottom - c->header_h - msg_h - least - (double)(lang_rows - 1) * lang_gap;
	double btns_h = (double)(lang_rows + 1) * bh + go_h;
	if (btns_h > btn_room) {
		double f = fmax(0, btn_room / btns_h);
		bh = fmax(T(c, 0), bh * f);
		go_h = fmax(T(c, 0), go_h * f);
	}
	double langs_h = (double)lang_rows * bh + (double)(lang_rows - 1) * lang_gap;
	double fixed = langs_h + bh + go_h + msg_h;
	double k = spaces_scale(c, sp_dp, sp_min, n_sp, bottom - c->header_h - fixed);
#define SP(i) fmax(D(c, sp_dp[i]) * k, sp_min[i])
	double y = c->header_h + SP(0);
	if (topic) {
		pe_sc_fit_text(c, pg, topic->title, PE_FACE_BOLD, FORM_TITLE, FORM_TITLE_MIN, x, y, colw,
		               SP(1) - D(c, TITLE_FOOT) * k,
		               t->text, ALIGN_LEFT);
		pe_sc_say(c, topic->title, x, y, colw, SP(1) - D(c, TITLE_FOOT) * k);
		y += SP(1);
	}
	double form_top = y;
	pe_sc_fit_text(c, pg, ask_lang, PE_FACE_REGULAR, ASK_TYPE, TYPE_MIN, x,
	               y, side ? form_w : colw, SP(2) - fmax(D(c, LABEL_FOOT) * k, D(c, LABEL_FOOT_MIN)),
	               t->text, ALIGN_LEFT);
	pe_sc_say(c, ask_lang, x, y, side ? form_w : colw, SP(2));
	y += SP(2);
	for (size_t i = 0; i < nl; i++) {
		const char *name = pe_sc_lang_name(c->env->langs[i]);
		pe_sc_button(c, pg, x + lang_x[i], y + (double)lang_row[i] * (bh + lang_gap), lang_w[i], bh,
		             name, app->print_lang == i ? BTN_SELECTED : BTN_NORMAL, PE_ACT_PRINT_LANG, (int)i,
		             LANG_TYPE);
	}
	y += langs_h + SP(3);
	pe_sc_fit_text(c, pg, ask_copies, PE_FACE_REGULAR, ASK_TYPE, TYPE_MIN, x, y,
	               side ? form_w : colw, SP(4) - fmax(D(c, LABEL_FOOT) * k, D(c, LABEL_FOOT_MIN)),
	               t->text, ALIGN_LEFT);
	pe_sc_say(c, ask_copies, x, y, side ? form_w : colw, SP(4));
	y += SP(4);
	for (int n = 1; n <= PE_MAX_COPIES; n++) {
		char label[16];
		snprintf(label, sizeof label, "%d", n);
		pe_sc_button(c, pg, x + (double)(n - 1) * (copy_w + D(c, FORM_GAP)), y, copy_w, bh, label,
		             app->copies == n ? BTN_SELECTED : BTN_NORMAL, PE_ACT_COPIES, n, COPY_TYPE);
	}
	y += bh + SP(5);
	if (app->print_state == PE_PRINT_DONE && !pe_app_print_allowed(app)) {
		/* Sent: the button stays where it was, greyed, with no target, so
		 * a second touch cannot send the same job again. */
		/* TRANSLATORS: the Print button after the handout was sent; it
		   cannot be touched until the language or copies change. */
		const char *sent = C_("kiosk/print", "Sent to the printer");
		pe_sc_rect(c, pg, x, y, gw, go_h, t->panel_bg, t->tile_border, D(c, t->border),
		           D(c, BUTTON_RADIUS));
		double pad = D(c, BUTTON_PAD + t->border);
		pe_sc_fit_text(c, pg, sent, PE_FACE_BOLD, SENT_TYPE, SENT_TYPE_MIN, x + pad, y + pad * 0.6, gw - 2 * pad,
		               go_h - 1.2 * pad, t->muted, ALIGN_CENTER);
	} else {
		pe_sc_button(c, pg, x, y, gw, go_h, go, BTN_PRIMARY, PE_ACT_PRINT_GO, 0, GO_TYPE);
	}
	y += go_h;
	if (side)
		print_status(c, pg, x + form_w + side_gap, form_top, side_w, y - form_top);
	else
		print_status(c, pg, x, y + SP(6), colw, msg_h);
#undef SP
}
