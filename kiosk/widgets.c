/* SPDX-License-Identifier: MIT */
/*
 * widgets.c - the pieces every kiosk screen is made of (see
 * screens_private.h): text fitted into a box, buttons with their hit
 * regions, the header with its language switch, the footer with the red
 * emergency button.
 *
 * Text is fitted one way only: pe_sc_fit_text tries the largest type size
 * first and steps down until the wrapped text fits its box (Spanish runs
 * about 20% longer than English, the pseudo-locale longer still), then
 * centres it.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Line spacing of fitted text, and how much each try shrinks it. */
#define FIT_LEADING 1.2
#define FIT_STEP 0.94

/* ---- drawing helpers (layout only: they append ops) -------------------- */

void pe_sc_rect(ctx *c, pe_page *pg, double x, double y, double w, double h,
                pe_color fill, pe_color stroke, double line, double radius)
{
	if (!pe_page_add_rect(pg, x, y, w, h, fill, stroke, line, radius))
		c->ok = false;
}

void pe_sc_hit(ctx *c, pe_page *pg, double x, double y, double w, double h,
               pe_action action, int arg)
{
	if (!pe_page_add_hit(pg, x, y, w, h, action, arg))
		c->ok = false;
}

/* Lay text out on a scratch page at size; report its ink box per line. */
static pe_dlist *try_text(ctx *c, const char *text, pe_face face, double size, double width,
                          pe_color color, double leading, double *ink_w, double *ink_h)
{
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = dl ? pe_dlist_add_page(dl, width, 0) : NULL;
	if (!pg) {
		pe_dlist_destroy(dl);
		c->ok = false;
		return NULL;
	}
	pe_text_style st = { face, size, leading, color, PE_NO_COLOR };
	pe_layout_plain(c->layout, pg, text, &st, 0, 0, width, NULL);
	double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
	for (size_t i = 0; i < pg->n_ops; i++) {
		double a, b, e, f;
		pe_op_bounds(&pg->ops[i], &a, &b, &e, &f);
		if (a < x0) x0 = a;
		if (b < y0) y0 = b;
		if (e > x1) x1 = e;
		if (f > y1) y1 = f;
	}
	*ink_w = pg->n_ops ? x1 - fmin(x0, 0) : 0;
	*ink_h = pg->n_ops ? y1 - y0 : 0;
	return dl;
}

/* The one text-fitting loop every screen uses: lay text out in w pixels
 * at the largest size from max_dp down to min_dp (6% a step) at which its
 * ink fits w x h, or at min_dp when none does. Returns the laid-out
 * scratch list (NULL when out of memory), the size chosen (pixels), the
 * ink height and whether it fits. */
static pe_dlist *fit_layout(ctx *c, const char *text, pe_face face, double max_dp,
                            double min_dp, double w, double h, pe_color color,
                            double *size, double *ink_h, bool *fits)
{
	double s = D(c, max_dp), min_size = D(c, min_dp);
	for (;;) {
		double iw = 0, ih = 0;
		pe_dlist *dl = try_text(c, text, face, s, w, color, FIT_LEADING, &iw, &ih);
		*size = s;
		*ink_h = ih;
		*fits = dl && iw <= w + 0.01 && ih <= h + 0.01;
		if (!dl || *fits || s <= min_size)
			return dl;
		pe_dlist_destroy(dl);
		s = fmax(min_size, s * FIT_STEP);
	}
}

/* Fit text into the box (x, y, w, h) (fit_layout), centred vertically,
 * each line left-aligned or centred. Returns the height of its ink. With
 * pg NULL it only measures. */
double pe_sc_fit_text(ctx *c, pe_page *pg, const char *text, pe_face face, double max_dp,
                      double min_dp, double x, double y, double w, double h,
                      pe_color color, align al)
{
	if (!text || !*text || w <= 0 || h <= 0)
		return 0;
	double size, ih;
	bool fits;
	pe_dlist *dl = fit_layout(c, text, face, max_dp, min_dp, w, h, color, &size, &ih, &fits);
	if (!dl)
		return 0;
	if (!pg) {
		pe_dlist_destroy(dl);
		return ih;
	}
	const pe_page *src = &dl->pages[0];
	/* Ink box top and the block's vertical offset. */
	double top = INFINITY;
	for (size_t i = 0; i < src->n_ops; i++)
		if (src->ops[i].kind == PE_OP_TEXT)
			top = fmin(top, src->ops[i].y - src->ops[i].u.text.ascent);
	double dy = y + (h - ih) / 2 - top;
	for (size_t i = 0; i < src->n_ops; i++) {
		const pe_op *op = &src->ops[i];
		if (op->kind != PE_OP_TEXT)
			continue;
		double dx = x;
		if (al == ALIGN_CENTER) {
			/* This line's extent: every op on the same baseline. */
			double lx0 = INFINITY, lx1 = -INFINITY;
			for (size_t j = 0; j < src->n_ops; j++) {
				const pe_op *o = &src->ops[j];
				if (o->kind == PE_OP_TEXT && fabs(o->y - op->y) < 0.01) {
					lx0 = fmin(lx0, o->x);
					lx1 = fmax(lx1, o->x + o->w);
				}
			}
			dx = x + (w - (lx1 - lx0)) / 2 - lx0;
		}
		if (!pe_page_add_text(pg, op->x + dx, op->y + dy, op->w, op->u.text.utf8,
		                      op->u.text.face, op->u.text.size, op->u.text.ascent,
		                      op->u.text.descent, op->u.text.color, op->u.text.link))
			c->ok = false;
	}
	pe_dlist_destroy(dl);
	return ih;
}

/* The size (dp) pe_sc_fit_text would choose for text in a box of w x h. */
double pe_sc_fit_size(ctx *c, const char *text, pe_face face, double max_dp, double min_dp,
                      double w, double h)
{
	double size, ih;
	bool fits;
	pe_dlist_destroy(fit_layout(c, text, face, max_dp, min_dp, w, h, c->th->text, &size, &ih,
	                            &fits));
	return size / c->dp;
}

/* A chevron (the font has no arrows) in the square, pointing left, up or
 * down. */
static void chevron(ctx *c, pe_page *pg, double x, double y, double size, lead_mark dir,
                    pe_color color)
{
	/* The left chevron's points, turned for up and down. */
	const double p[3][2] = { { 0.65, 0.15 }, { 0.3, 0.5 }, { 0.65, 0.85 } };
	pe_path_seg segs[3];
	for (int i = 0; i < 3; i++) {
		double u = p[i][0], v = p[i][1];
		if (dir == LEAD_UP) {
			u = p[i][1];
			v = p[i][0] - 0.05;
		} else if (dir == LEAD_DOWN) {
			u = p[i][1];
			v = 1 - p[i][0] + 0.05;
		}
		segs[i] = (pe_path_seg){ i ? PE_PATH_LINE : PE_PATH_MOVE, { x + size * u },
		                         { y + size * v } };
	}
	if (!pe_page_add_path(pg, segs, 3, PE_NO_COLOR, color, size * 0.14, false))
		c->ok = false;
}

/* The marks of the speech buttons in the square (x, y, size): a
 * loudspeaker with two sound waves, pause bars, a play triangle, a stop
 * square. */
static void speech_mark(ctx *c, pe_page *pg, double x, double y, double s, lead_mark mark,
                        pe_color color)
{
#define P(u, v) { x + s * (u) }, { y + s * (v) }
	bool ok = true;
	if (mark == LEAD_SPEAKER) {
		pe_path_seg body[] = {
			{ PE_PATH_MOVE, P(0.08, 0.36) }, { PE_PATH_LINE, P(0.28, 0.36) },
			{ PE_PATH_LINE, P(0.52, 0.14) }, { PE_PATH_LINE, P(0.52, 0.86) },
			{ PE_PATH_LINE, P(0.28, 0.64) }, { PE_PATH_LINE, P(0.08, 0.64) },
			{ PE_PATH_CLOSE, P(0, 0) },
		};
		pe_path_seg near[] = {
			{ PE_PATH_MOVE, P(0.66, 0.34) },
			{ PE_PATH_CURVE, { x + s * 0.76, x + s * 0.76, x + s * 0.66 },
			  { y + s * 0.44, y + s * 0.56, y + s * 0.66 } },
		};
		pe_path_seg far[] = {
			{ PE_PATH_MOVE, P(0.78, 0.2) },
			{ PE_PATH_CURVE, { x + s * 0.98, x + s * 0.98, x + s * 0.78 },
			  { y + s * 0.38, y + s * 0.62, y + s * 0.8 } },
		};
		ok = pe_page_add_path(pg, body, 7, color, PE_NO_COLOR, 0, false) &&
		     pe_page_add_path(pg, near, 2, PE_NO_COLOR, color, s * 0.09, false) &&
		     pe_page_add_path(pg, far, 2, PE_NO_COLOR, color, s * 0.09, false);
	} else if (mark == LEAD_PAUSE) {
		ok = pe_page_add_rect(pg, x + s * 0.22, y + s * 0.18, s * 0.2, s * 0.64, color,
		                      PE_NO_COLOR, 0, 0) &&
		     pe_page_add_rect(pg, x + s * 0.58, y + s * 0.18, s * 0.2, s * 0.64, color,
		                      PE_NO_COLOR, 0, 0);
	} else if (mark == LEAD_PLAY) {
		pe_path_seg tri[] = {
			{ PE_PATH_MOVE, P(0.25, 0.15) }, { PE_PATH_LINE, P(0.85, 0.5) },
			{ PE_PATH_LINE, P(0.25, 0.85) }, { PE_PATH_CLOSE, P(0, 0) },
		};
		ok = pe_page_add_path(pg, tri, 4, color, PE_NO_COLOR, 0, false);
	} else if (mark == LEAD_STOP) {
		ok = pe_page_add_rect(pg, x + s * 0.2, y + s * 0.2, s * 0.6, s * 0.6, color, PE_NO_COLOR,
		                      0, s * 0.06);
	}
#undef P
	if (!ok)
		c->ok = false;
}

/* Room a lead mark takes before the label, dp. */
double pe_sc_lead_dp(lead_mark lead)
{
	switch (lead) {
	case LEAD_NONE: return 0;
	case LEAD_BACK: return 30;
	case LEAD_UP:
	case LEAD_DOWN: return 36;
	case LEAD_ALERT: return 52;
	case LEAD_SPEAKER: return 44;
	case LEAD_PAUSE:
	case LEAD_PLAY:
	case LEAD_STOP: return 36;
	}
	return 0;
}

void pe_sc_button(ctx *c, pe_page *pg, double x, double y, double w, double h,
                  const char *label, button_kind kind, pe_action action, int arg,
                  double max_dp)
{
	pe_sc_button_full(c, pg, x, y, w, h, label, kind, action, arg, max_dp, LEAD_NONE);
}

void pe_sc_button_full(ctx *c, pe_page *pg, double x, double y, double w, double h,
                       const char *label, button_kind kind, pe_action action, int arg,
                       double max_dp, lead_mark lead)
{
	const theme *t = c->th;
	pe_color bg = t->button_bg, fg = t->button_fg, border = t->button_border;
	pe_face face = PE_FACE_BOLD;
	switch (kind) {
	case BTN_NORMAL:
		break;
	case BTN_SELECTED:
		bg = t->selected_bg;
		fg = t->selected_fg;
		border = t->selected_bg;
		break;
	case BTN_PRIMARY:
		bg = t->primary_bg;
		fg = t->primary_fg;
		border = t->primary_bg;
		break;
	case BTN_EMERGENCY:
		bg = t->emergency_bg;
		fg = t->emergency_fg;
		border = t->emergency_bg;
		break;
	case BTN_ON_HEADER:
		bg = t->header_bg;
		fg = t->header_fg;
		border = t->header_fg;
		break;
	}
	double lw = D(c, t->border);
	pe_sc_rect(c, pg, x, y, w, h, bg, border, lw, D(c, BUTTON_RADIUS));
	double pad = D(c, BUTTON_PAD) + lw, lw_lead = D(c, pe_sc_lead_dp(lead));
	if (lead != LEAD_NONE && (!label || !*label)) {
		/* A mark alone (a label that could not fit): in the middle. */
		double s = fmin(D(c, LEAD_ALONE), h - 2 * pad);
		if (lead >= LEAD_SPEAKER)
			speech_mark(c, pg, x + (w - s) / 2, y + (h - s) / 2, s, lead, fg);
		else
			chevron(c, pg, x + (w - s) / 2, y + (h - s) / 2, s, lead, fg);
		pe_sc_hit(c, pg, x, y, w, h, action, arg);
		return;
	}
	if (lead == LEAD_ALERT) {
		/* The sign in the button's own colours: white, its "!" cut in
		 * the red it sits on. */
		double s = fmin(lw_lead, h - 2 * pad);
		pe_layout_icon_on(pg, PE_ICON_ALERT, x + pad, y + (h - s) / 2, s, fg, bg);
	} else if (lead >= LEAD_SPEAKER) {
		double s = fmin(lw_lead, h - 2 * pad);
		speech_mark(c, pg, x + pad, y + (h - s) / 2, s, lead, fg);
	} else if (lead != LEAD_NONE) {
		chevron(c, pg, x + pad, y + (h - lw_lead) / 2, lw_lead, lead, fg);
	}
	if (lead != LEAD_NONE)
		lw_lead += D(c, LEAD_GAP);
	pe_sc_fit_text(c, pg, label, face, max_dp, TYPE_MIN, x + pad + lw_lead, y + pad * 0.6,
	               w - 2 * pad - lw_lead, h - 1.2 * pad, fg, ALIGN_CENTER);
	pe_sc_hit(c, pg, x, y, w, h, action, arg);
}

/* Width a button needs for its label on one line at size_dp, with padding;
 * at least min_dp. */
double pe_sc_button_width(ctx *c, const char *label, double size_dp, double min_dp)
{
	double w = pe_layout_width(c->layout, label, PE_FACE_BOLD, D(c, size_dp)) +
	           2 * D(c, BUTTON_PAD + c->th->border) + D(c, BUTTON_SLACK);
	return fmax(w, D(c, min_dp));
}

/* ---- shared pieces ------------------------------------------------------ */

/* Each language's name in itself, for a language whose catalogue does
 * not name itself yet (its msgctxt "language-name" entry is the one a
 * translator should fill in first). */
static const struct {
	const char *code, *name;
} endonyms[] = {
	{ "ar", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629" },
	{ "de", "Deutsch" },
	{ "el", "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac" },
	{ "en", "English" },
	{ "es", "Espa\u00f1ol" },
	{ "fa", "\u0641\u0627\u0631\u0633\u06cc" },
	{ "fr", "Fran\u00e7ais" },
	{ "he", "\u05e2\u05d1\u05e8\u05d9\u05ea" },
	{ "hi", "\u0939\u093f\u0928\u094d\u0926\u0940" },
	{ "ht", "Krey\u00f2l ayisyen" },
	{ "it", "Italiano" },
	{ "ja", "\u65e5\u672c\u8a9e" },
	{ "ko", "\ud55c\uad6d\uc5b4" },
	{ "nl", "Nederlands" },
	{ "pl", "Polski" },
	{ "pt", "Portugu\u00eas" },
	{ "pt_BR", "Portugu\u00eas (Brasil)" },
	{ "ru", "\u0420\u0443\u0441\u0441\u043a\u0438\u0439" },
	{ "so", "Soomaali" },
	{ "tl", "Tagalog" },
	{ "tr", "T\u00fcrk\u00e7e" },
	{ "fil", "Filipino" },
	{ "uk", "\u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430" },
	{ "ur", "\u0627\u0631\u062f\u0648" },
	{ "vi", "Ti\u1ebfng Vi\u1ec7t" },
	{ "zh", "\u4e2d\u6587" },
	{ "zh_CN", "\u7b80\u4f53\u4e2d\u6587" },
	{ "zh_TW", "\u7e41\u9ad4\u4e2d\u6587" },
};

const char *pe_sc_lang_name(const char *code)
{
	const char *name = pe_i18n_native_name(code);
	/* pe_i18n gives the code itself when the catalogue has no name */
	if (name && strcmp(name, code) != 0)
		return name;
	for (size_t i = 0; code && i < sizeof endonyms / sizeof endonyms[0]; i++)
		if (strcmp(endonyms[i].code, code) == 0)
			return endonyms[i].name;
	return name ? name : code;
}

/* The language switch, right-aligned, never left of left_limit (the
 * buttons narrow, their labels shrink); returns its left edge. With pg
 * NULL it only measures. */
double pe_sc_language_switch(ctx *c, pe_page *pg, double left_limit, double right, double y,
                             double h, bool on_header, pe_action action, size_t current)
{
	double widths[PE_LANG_MAX], sum = 0, gap = D(c, BUTTON_GAP);
	size_t n = c->env->n_langs < PE_LANG_MAX ? c->env->n_langs : PE_LANG_MAX;
	if (n > 2 && action == PE_ACT_LANG) {
		/* Three or more: one button naming the language shown, which
		 * opens the list of every language (each in its own name); two
		 * stay a one-touch toggle. */
		const char *name = pe_sc_lang_name(c->env->langs[current < n ? current : 0]);
		double w = fmin(pe_sc_button_width(c, name, TYPE_BUTTON, LANG_BUTTON_MIN_W) +
		                D(c, pe_sc_lead_dp(LEAD_DOWN) + LEAD_GAP), right - left_limit);
		w = fmax(w, T(c, LANG_BUTTON_SQUEEZED_W));
		if (pg)
			pe_sc_button_full(c, pg, right - w, y, w, h, name,
			                  on_header ? BTN_ON_HEADER : BTN_NORMAL, PE_ACT_LANG_MENU, 0,
			                  TYPE_BUTTON, LEAD_DOWN);
		return right - w;
	}
	for (size_t i = 0; i < n; i++) {
		widths[i] = pe_sc_button_width(c, pe_sc_lang_name(c->env->langs[i]), TYPE_BUTTON,
		                               LANG_BUTTON_MIN_W);
		sum += widths[i];
	}
	double room = right - left_limit - gap * (double)(n ? n - 1 : 0);
	double scale = sum > room && sum > 0 ? room / sum : 1;
	double x = right;
	for (size_t i = n; i-- > 0;) {
		double w = fmax(widths[i] * scale, T(c, LANG_BUTTON_SQUEEZED_W));
		x -= w;
		/* On the dark bar the chosen language is the white button. */
		button_kind kind = on_header ? (i == current ? BTN_NORMAL : BTN_ON_HEADER)
		                             : (i == current ? BTN_SELECTED : BTN_NORMAL);
		if (pg)
			pe_sc_button(c, pg, x, y, w, h, pe_sc_lang_name(c->env->langs[i]), kind, action, (int)i,
			             TYPE_BUTTON);
		x -= gap;
	}
	return x + gap;
}

/* Whether text fits the box (w x h) on at most its box's lines at size_dp:
 * the one-row header is only used when its title can be read there. */
bool pe_sc_text_fits(ctx *c, const char *text, pe_face face, double size_dp, double w,
                     double h)
{
	double size, ih;
	bool fits;
	pe_dlist_destroy(fit_layout(c, text, face, size_dp, size_dp, w, h, c->th->text, &size, &ih,
	                            &fits));
	return fits;
}

/* ---- reading aloud ------------------------------------------------------- */

#define LISTEN_MIN_W 160.0          /* the Listen button, at least (as Home) */
#define SPEECH_BAR_PAD 16.0         /* the speech controls' row: around its buttons */
#define SPEECH_BUTTON_MIN_W 180.0

bool pe_sc_speech_shown(const ctx *c)
{
	return (!c->env->site || c->env->site->speech) && c->app->cfg.speech &&
	       c->app->screen != PE_SCREEN_STAFF;
}

void pe_sc_say(ctx *c, const char *text, double x, double y, double w, double h)
{
	if (c->says && !pe_says_add(c->says, text, 0, x, y, w, h))
		c->ok = false;
}

static const char *listen_label(const ctx *c)
{
	if (c->app->speech_unavailable)
		/* TRANSLATORS: on the Listen button when the kiosk cannot speak
		   (no headphones or speaker, no voice). */
		return C_("kiosk/speech", "Speech not available");
	/* TRANSLATORS: button that reads the screen aloud (a loudspeaker is
	   drawn before it). */
	return C_("kiosk/speech", "Listen");
}

/* The Listen button's width: its word (never the longer "not
 * available", which wraps in the same box), and the loudspeaker. */
static double listen_width(ctx *c)
{
	const char *word = C_("kiosk/speech", "Listen");
	return fmax(pe_sc_button_width(c, word, TYPE_BUTTON, 0) - D(c, BUTTON_SLACK) +
	            D(c, pe_sc_lead_dp(LEAD_SPEAKER) + LEAD_GAP), T(c, LISTEN_MIN_W));
}

/* The row under the header while the screen is read aloud: Pause (or
 * Resume), Stop, and the slower step. */
static double speech_bar_height(ctx *c)
{
	return c->bar_bh + 2 * D(c, SPEECH_BAR_PAD);
}

/* The controls' widths (their labels on one line, at least
 * SPEECH_BUTTON_MIN_W), scaled to fit room but never under 15 mm;
 * returns the room they take then. */
#define SPEECH_CONTROLS 3
typedef struct speech_control {
	const char *label;
	pe_action action;
	lead_mark lead;
	bool on;
} speech_control;

static void speech_controls(const ctx *c, speech_control *items)
{
	bool paused = c->app->speech == PE_SAY_PAUSED;
	/* TRANSLATORS: speech controls: stop reading for now / go on. */
	items[0] = (speech_control){ paused ? C_("kiosk/speech", "Resume") : C_("kiosk/speech", "Pause"),
	                             PE_ACT_SPEECH_PAUSE, paused ? LEAD_PLAY : LEAD_PAUSE, false };
	/* TRANSLATORS: speech control: stop reading aloud. */
	items[1] = (speech_control){ C_("kiosk/speech", "Stop"), PE_ACT_SPEECH_STOP, LEAD_STOP, false };
	/* TRANSLATORS: speech control: read more slowly (on or off). */
	items[2] = (speech_control){ C_("kiosk/speech", "Slower"), PE_ACT_SPEECH_SLOWER, LEAD_NONE,
	                             c->app->speech_slow };
}

static double speech_controls_width(ctx *c, double room, double *widths, double *scale)
{
	speech_control items[SPEECH_CONTROLS];
	speech_controls(c, items);
	double sum = 0, gap = D(c, BUTTON_GAP);
	for (size_t i = 0; i < SPEECH_CONTROLS; i++) {
		widths[i] = pe_sc_button_width(c, items[i].label, TYPE_BUTTON, SPEECH_BUTTON_MIN_W) +
		            (items[i].lead ? D(c, pe_sc_lead_dp(items[i].lead) + LEAD_GAP) : 0);
		sum += widths[i];
	}
	double avail = room - gap * (SPEECH_CONTROLS - 1);
	*scale = sum > avail && sum > 0 ? avail / sum : 1;
	double used = gap * (SPEECH_CONTROLS - 1);
	for (size_t i = 0; i < SPEECH_CONTROLS; i++)
		used += fmax(widths[i] * *scale, T(c, 0));
	return used;
}

/* Pause (or Resume), Stop and the slower step, left to right from x in a
 * row of height bh at y. */
static void speech_bar(ctx *c, pe_page *pg, double x, double y, double room, button_kind off)
{
	speech_control items[SPEECH_CONTROLS];
	speech_controls(c, items);
	double widths[SPEECH_CONTROLS], scale;
	speech_controls_width(c, room, widths, &scale);
	for (size_t i = 0; i < SPEECH_CONTROLS; i++) {
		double w = fmax(widths[i] * scale, T(c, 0));
		pe_sc_button_full(c, pg, x, y, w, c->bar_bh, items[i].label, items[i].on ? BTN_NORMAL : off,
		                  items[i].action, 0, TYPE_BUTTON, items[i].lead);
		x += w + D(c, BUTTON_GAP);
	}
}

/* The row under the header for the controls, when the title's place
 * cannot hold them. */
static void speech_row(ctx *c, pe_page *pg, double y)
{
	const theme *t = c->th;
	double h = speech_bar_height(c);
	pe_sc_rect(c, pg, 0, y, c->W, h, t->panel_bg, PE_NO_COLOR, 0, 0);
	pe_sc_rect(c, pg, 0, y + h - D(c, FOOTER_RULE), c->W, D(c, FOOTER_RULE), t->tile_border,
	           PE_NO_COLOR, 0, 0);
	speech_bar(c, pg, D(c, MARGIN), y + D(c, SPEECH_BAR_PAD), c->W - 2 * D(c, MARGIN), BTN_NORMAL);
}

/* Header bar: optional Home / Back on the left, a title, the language
 * switch on the right. The title gets a second row under the buttons on
 * a narrow (portrait) screen, and in landscape only when it cannot be
 * read between the buttons: a short landscape panel has no height to
 * spare for a row that holds a few words. Sets c->header_h. */
void pe_sc_header(ctx *c, pe_page *pg, const char *title, const char *subtitle,
                  bool home, bool back, pe_action back_action)
{
	const theme *t = c->th;
	double row = c->row_h, bh = c->bar_bh, by = (row - bh) / 2;
	/* TRANSLATORS: button that goes back to the first screen. */
	const char *home_label = C_("kiosk/header", "Home");
	/* TRANSLATORS: button that goes to the previous screen (a left
	   arrow is drawn before it). */
	const char *back_label = C_("kiosk/header", "Back");
	double home_w = home ? pe_sc_button_width(c, home_label, TYPE_BUTTON, HEADER_BUTTON_MIN_W) : 0;
	double back_w = back ? pe_sc_button_width(c, back_label, TYPE_BUTTON, HEADER_BUTTON_MIN_W) +
	                       D(c, pe_sc_lead_dp(LEAD_BACK) + LEAD_GAP)
	                     : 0;
	double x = D(c, MARGIN) + (home ? home_w + D(c, BUTTON_GAP) : 0) +
	           (back ? back_w + D(c, BUTTON_GAP) : 0);
	/* Listen sits just left of the language switch; the switch narrows
	 * before it would push Listen onto the buttons. */
	bool speech = pe_sc_speech_shown(c);
	double listen_w = speech ? listen_width(c) : 0;
	double listen_room = speech ? listen_w + D(c, BUTTON_GAP) : 0;
	double right = pe_sc_language_switch(c, NULL, x + D(c, HEADER_TITLE_GAP) + listen_room,
	                                     c->W - D(c, MARGIN), by, bh, true, PE_ACT_LANG,
	                                     c->app->lang);
	/* A narrow screen with many languages: the switch cannot give Listen
	 * its room (its buttons stop narrowing at 15 mm), so Listen goes to
	 * the title's row, at its right end. */
	bool listen_below = speech && right - listen_room < x + D(c, HEADER_TITLE_GAP) - 0.5;
	/* A screen with no Home or Back keeps its title on the top row: it
	 * must still read there (at its smallest size) beside Listen. */
	if (speech && !listen_below && !home && !back) {
		double tw1 = right - listen_room - D(c, HEADER_TITLE_RIGHT) - x;
		double th1 = (row - 2 * D(c, HEADER_TITLE_INSET)) * (subtitle && *subtitle ? 0.6 : 1);
		listen_below = tw1 <= 0 || !pe_sc_text_fits(c, title, PE_FACE_BOLD, TYPE_TITLE_MIN, tw1, th1);
	}
	if (listen_below) {
		listen_room = 0;
		right = pe_sc_language_switch(c, NULL, x + D(c, HEADER_TITLE_GAP), c->W - D(c, MARGIN), by,
		                              bh, true, PE_ACT_LANG, c->app->lang);
	}
	double listen_x = right - listen_room, listen_y = by;
	right = listen_x;
	double tx = x + (home || back ? D(c, HEADER_TITLE_GAP) : 0);
	double tw = right - D(c, HEADER_TITLE_RIGHT) - tx;
	double ty = D(c, HEADER_TITLE_INSET), th = row - 2 * D(c, HEADER_TITLE_INSET);
	bool two_rows = listen_below;
	if (home || back)
		two_rows = two_rows || (c->W > c->H ? tw <= 0 || !pe_sc_text_fits(c, title, PE_FACE_BOLD, TYPE_TITLE_ONE_ROW, tw, th)
		                                    : c->narrow);
	double second = D(c, HEADER_SECOND_ROW);
	if (listen_below)
		second = fmax(second, bh + 2 * D(c, HEADER_SECOND_ROW_FOOT) + D(c, HEADER_SECOND_ROW_RISE));
	/* While it reads, the controls take the title's place (the title is
	 * the first thing read, and on the page); a row of their own under
	 * the header when the place is too small for three 15 mm buttons. */
	bool reading = speech && c->app->speech != PE_SAY_OFF;
	/* Listen's own place too: while it reads, Stop is what the patient
	 * needs (and Listen again after it). */
	double place_w = two_rows ? c->W - 2 * D(c, MARGIN) : tw + listen_room;
	double cw[SPEECH_CONTROLS], cscale;
	bool in_place = reading && speech_controls_width(c, place_w, cw, &cscale) <= place_w + 0.5;
	if (in_place && two_rows)
		second = fmax(second, bh + 2 * D(c, HEADER_SECOND_ROW_FOOT) + D(c, HEADER_SECOND_ROW_RISE));
	c->header_h = row + (two_rows ? second : 0);
	if (listen_below) {
		listen_x = c->W - D(c, MARGIN) - listen_w;
		listen_y = row + (second - bh) / 2 - D(c, HEADER_SECOND_ROW_RISE);
	}

	pe_sc_rect(c, pg, 0, 0, c->W, c->header_h, t->header_bg, PE_NO_COLOR, 0, 0);
	if (speech && !in_place) {
		/* On the dark bar like Home; white while it reads. */
		bool on = c->app->speech != PE_SAY_OFF;
		pe_sc_button_full(c, pg, listen_x, listen_y, listen_w, bh, listen_label(c),
		                  on ? BTN_NORMAL : BTN_ON_HEADER, PE_ACT_LISTEN, 0, TYPE_BUTTON,
		                  c->app->speech_unavailable ? LEAD_NONE : LEAD_SPEAKER);
	}
	double bx = D(c, MARGIN);
	if (home) {
		pe_sc_button(c, pg, bx, by, home_w, bh, home_label, BTN_ON_HEADER, PE_ACT_HOME, 0,
		             TYPE_BUTTON);
		bx += home_w + D(c, BUTTON_GAP);
	}
	if (back)
		pe_sc_button_full(c, pg, bx, by, back_w, bh, back_label, BTN_ON_HEADER, back_action, 0,
		                  TYPE_BUTTON,
		                  LEAD_BACK);
	pe_sc_language_switch(c, pg, x + D(c, HEADER_TITLE_GAP) + listen_room, c->W - D(c, MARGIN), by, bh,
	                      true, PE_ACT_LANG, c->app->lang);
	if (two_rows) {
		tx = D(c, MARGIN);
		tw = c->W - 2 * D(c, MARGIN) - (listen_below ? listen_w + D(c, HEADER_TITLE_RIGHT) : 0);
		ty = row - D(c, HEADER_SECOND_ROW_RISE);
		th = c->header_h - row - D(c, HEADER_SECOND_ROW_FOOT);
	}
	if (in_place) {
		double cy = two_rows ? row + (second - bh) / 2 - D(c, HEADER_SECOND_ROW_RISE) : by;
		speech_bar(c, pg, two_rows ? D(c, MARGIN) : tx, cy, place_w, BTN_ON_HEADER);
	} else if (subtitle && *subtitle) {
		pe_sc_fit_text(c, pg, title, PE_FACE_BOLD, TYPE_TITLE, TYPE_TITLE_MIN, tx, ty, tw,
		               th * 0.6, t->header_fg, ALIGN_LEFT);
		pe_sc_fit_text(c, pg, subtitle, PE_FACE_REGULAR, TYPE_SUBTITLE, TYPE_MIN, tx,
		               ty + th * 0.6, tw, th * 0.4, t->header_fg, ALIGN_LEFT);
	} else {
		pe_sc_fit_text(c, pg, title, PE_FACE_BOLD, TYPE_TITLE, TYPE_TITLE_MIN, tx, ty, tw, th,
		               t->header_fg, ALIGN_LEFT);
	}
	/* The reader reads its page; other screens start with their title. */
	if (c->app->screen != PE_SCREEN_TOPIC)
		pe_sc_say(c, title, tx, ty, tw, th);
	if (reading && !in_place) {
		speech_row(c, pg, c->header_h);
		c->header_h += speech_bar_height(c);
	}
}

void pe_sc_background(ctx *c, pe_page *pg)
{
	pe_sc_rect(c, pg, 0, 0, c->W, c->H, c->th->bg, PE_NO_COLOR, 0, 0);
}

size_t pe_sc_topic_count(const ctx *c)
{
	return c->env->lib ? pe_library_count(c->env->lib) : 0;
}

const pe_topic *pe_sc_topic_at(const ctx *c, size_t i)
{
	return i < pe_sc_topic_count(c) ? pe_library_topic(c->env->lib, i) : NULL;
}

/* The first contact card in the content: the helpline when the site gives
 * no phone. */
const pe_contact *pe_sc_first_contact(const ctx *c)
{
	for (size_t i = 0; i < pe_sc_topic_count(c); i++) {
		const pe_topic *t = pe_sc_topic_at(c, i);
		for (size_t s = 0; s < t->n_sections; s++)
			for (size_t b = 0; b < t->sections[s].n_blocks; b++)
				if (t->sections[s].blocks[b].kind == PE_BLOCK_CONTACT &&
				    t->sections[s].blocks[b].contact.phone)
					return &t->sections[s].blocks[b].contact;
	}
	return NULL;
}

/* The red button every patient screen has (the home screen has the red
 * tile instead): it opens the topic on signs that need help now. */
const char *pe_sc_emergency_label(void)
{
	/* TRANSLATORS: red button on the reading and printing screens; opens
	   the topic about signs of a serious reaction. */
	return C_("kiosk/emergency-button", "Signs to get help now");
}

double pe_sc_emergency_width(ctx *c)
{
	return fmax(pe_sc_button_width(c, pe_sc_emergency_label(), TYPE_BUTTON, EMERGENCY_MIN_W) +
	            D(c, pe_sc_lead_dp(LEAD_ALERT) + LEAD_GAP), D(c, EMERGENCY_MIN_W));
}

void pe_sc_emergency_button(ctx *c, pe_page *pg, double x, double y, double w, double h,
                            double max_dp)
{
	pe_sc_button_full(c, pg, x, y, w, h, pe_sc_emergency_label(), BTN_EMERGENCY, PE_ACT_EMERGENCY, 0,
	                  max_dp, LEAD_ALERT);
}

/* The footer's "Text size" label and its room (at most
 * TEXT_SIZE_LABEL_MAX_W): the one-row test and the reader's footer use
 * the same. */
const char *pe_sc_text_size_label(void)
{
	/* TRANSLATORS: label before three buttons that make the text smaller
	   or larger. */
	return C_("kiosk/reader", "Text size");
}

double pe_sc_text_size_label_width(ctx *c)
{
	return fmin(pe_layout_width(c->layout, pe_sc_text_size_label(), PE_FACE_BOLD,
	                            D(c, TYPE_TEXT_SIZE_LABEL)) + D(c, LEAD_GAP),
	            D(c, TEXT_SIZE_LABEL_MAX_W));
}

const char *pe_sc_print_this_label(void)
{
	/* TRANSLATORS: button on the reading screen; prints this topic. */
	return C_("kiosk/reader", "Print this");
}

/* The reader's footer in one row when everything fits across, else the
 * emergency button gets a row of its own (portrait, small panels). The
 * print screen follows the reader, so the red button stays where the
 * patient saw it. */
bool pe_sc_footer_two_rows(ctx *c)
{
	double fbh = c->bar_bh;
	double one_row = 2 * D(c, MARGIN) + pe_sc_text_size_label_width(c) + D(c, TEXT_SIZE_LABEL_GAP) +
	                 PE_TEXT_STEPS * (fbh + D(c, TEXT_SIZE_BUTTON_GAP)) + 2 * D(c, GAP) +
	                 pe_sc_button_width(c, pe_sc_print_this_label(), TYPE_BUTTON,
	                                    PRINT_BUTTON_MIN_W) +
	                 pe_sc_emergency_width(c);
	return one_row > c->W;
}

double pe_sc_footer_height(ctx *c, bool two_rows)
{
	double fbh = c->bar_bh;
	return two_rows ? 2 * fbh + D(c, FOOTER_PAD_TWO_ROWS) : fbh + D(c, FOOTER_PAD);
}

void pe_sc_footer_bar(ctx *c, pe_page *pg, double y, double h)
{
	const theme *t = c->th;
	pe_sc_rect(c, pg, 0, y, c->W, h, t->panel_bg, PE_NO_COLOR, 0, 0);
	pe_sc_rect(c, pg, 0, y, c->W, D(c, FOOTER_RULE), t->tile_border, PE_NO_COLOR, 0, 0);
}

/* The emergency button where the reader's footer has it: across the
 * whole row of its own (full), or at the right end of a row whose other
 * buttons end at left. */
void pe_sc_footer_emergency(ctx *c, pe_page *pg, double row_y, bool full, double left)
{
	/* Content with no emergency topic: no red button that does nothing
	 * (the home screen drops its tile the same way). */
	if (c->app->emergency_topic >= pe_sc_topic_count(c))
		return;
	double m = D(c, MARGIN), bh = c->bar_bh;
	if (full) {
		pe_sc_emergency_button(c, pg, m, row_y, c->W - 2 * m, bh, TYPE_BUTTON_WIDE);
	} else {
		double ew = fmin(pe_sc_emergency_width(c), c->W - m - left);
		pe_sc_emergency_button(c, pg, c->W - m - ew, row_y, ew, bh, TYPE_BUTTON);
	}
}
