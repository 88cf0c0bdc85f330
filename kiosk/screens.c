/*
 * screens.c - the layout of every kiosk screen (see screens.h).
 *
 * Each screen is boxes placed from the window size in "dp" and text fitted
 * into them: fit_text tries the largest type size first and steps down
 * until the wrapped text fits its box (Spanish runs about 20% longer than
 * English, the pseudo-locale longer still), then centres it. Every button
 * records a hit region over exactly its box.
 *
 * Pure layout: never paints, never reads files, never keeps state between
 * builds except the reader's page cache.
 */
#include "screens.h"

#include "handout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "i18n.h"

/* One dp is a pixel of the reference panel: 1920x1080 at 23.8 inches. */
#define REF_PX_PER_MM 3.6441
#define MIN_TARGET_MM 15.0

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
	double border;          /* dp */
} theme;

/* Calm: warm paper, deep teal, white tiles; every text colour is 7:1 or
 * better on what it sits on (tests/test_screens.c checks). */
static const theme calm = {
	.bg = { 0.969, 0.961, 0.941, 1 },            /* #f7f5f0 */
	.text = { 0.102, 0.125, 0.153, 1 },          /* #1a2027 */
	.muted = { 0.231, 0.275, 0.314, 1 },         /* #3b4650 */
	.header_bg = { 0.043, 0.310, 0.424, 1 },     /* #0b4f6c */
	.header_fg = { 1, 1, 1, 1 },
	.tile_bg = { 1, 1, 1, 1 },
	.tile_border = { 0.675, 0.757, 0.808, 1 },   /* #acc1ce */
	.tile_title = { 0.024, 0.212, 0.302, 1 },    /* #06364d */
	.tile_text = { 0.180, 0.227, 0.267, 1 },     /* #2e3a44 */
	.icon = { 0.043, 0.310, 0.424, 1 },
	.button_bg = { 1, 1, 1, 1 },
	.button_fg = { 0.024, 0.212, 0.302, 1 },
	.button_border = { 0.043, 0.310, 0.424, 1 },
	.selected_bg = { 0.043, 0.310, 0.424, 1 },
	.selected_fg = { 1, 1, 1, 1 },
	.primary_bg = { 0.043, 0.310, 0.424, 1 },
	.primary_fg = { 1, 1, 1, 1 },
	.emergency_bg = { 0.608, 0.110, 0.110, 1 },  /* #9b1c1c: 8:1 with white */
	.emergency_fg = { 1, 1, 1, 1 },
	.panel_bg = { 0.910, 0.933, 0.945, 1 },      /* #e8eef1 */
	.dim = { 0, 0, 0, 0.6 },
	.dialog_bg = { 1, 1, 1, 1 },
	.good = { 0.059, 0.333, 0.153, 1 },          /* #0f5527 */
	.bad = { 0.608, 0.110, 0.110, 1 },
	.bar_track = { 0.85, 0.87, 0.89, 1 },
	.bar_thumb = { 0.043, 0.310, 0.424, 1 },
	.border = 3,
};

/* High contrast: black on white, thick black borders, no tints. */
static const theme contrast = {
	.bg = { 1, 1, 1, 1 },
	.text = { 0, 0, 0, 1 },
	.muted = { 0, 0, 0, 1 },
	.header_bg = { 0, 0, 0, 1 },
	.header_fg = { 1, 1, 1, 1 },
	.tile_bg = { 1, 1, 1, 1 },
	.tile_border = { 0, 0, 0, 1 },
	.tile_title = { 0, 0, 0, 1 },
	.tile_text = { 0, 0, 0, 1 },
	.icon = { 0, 0, 0, 1 },
	.button_bg = { 1, 1, 1, 1 },
	.button_fg = { 0, 0, 0, 1 },
	.button_border = { 0, 0, 0, 1 },
	.selected_bg = { 0, 0, 0, 1 },
	.selected_fg = { 1, 1, 1, 1 },
	.primary_bg = { 0, 0, 0, 1 },
	.primary_fg = { 1, 1, 1, 1 },
	.emergency_bg = { 0.5, 0, 0, 1 },
	.emergency_fg = { 1, 1, 1, 1 },
	.panel_bg = { 1, 1, 1, 1 },
	.dim = { 0, 0, 0, 0.75 },
	.dialog_bg = { 1, 1, 1, 1 },
	.good = { 0, 0, 0, 1 },
	.bad = { 0.5, 0, 0, 1 },
	.bar_track = { 0.8, 0.8, 0.8, 1 },
	.bar_thumb = { 0, 0, 0, 1 },
	.border = 5,
};

/* Reader body sizes per text step, dp. */
static const double body_steps[PE_TEXT_STEPS] = { 32, 40, 50 };

typedef struct doc_cache {
	pe_dlist *dl;           /* owned: one page, the topic */
	char *topic_id;         /* owned */
	char lang[16];
	int step;
	double width;
	bool high_contrast;
	double *marks;          /* owned: section y positions */
	size_t n_marks;
} doc_cache;

struct pe_screens {
	doc_cache doc;
};

typedef struct ctx {
	const pe_screen_env *env;
	pe_app *app;
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
	bool ok;                /* false after an allocation failure */
} ctx;

typedef enum align { ALIGN_LEFT, ALIGN_CENTER } align;

double pe_screens_px_per_mm(double w, double h, double diagonal_in)
{
	if (diagonal_in <= 0)
		diagonal_in = 23.8;
	return hypot(w, h) / (diagonal_in * 25.4);
}

pe_screens *pe_screens_create(void)
{
	return calloc(1, sizeof(pe_screens));
}

static void doc_cache_clear(doc_cache *c)
{
	pe_dlist_destroy(c->dl);
	free(c->topic_id);
	free(c->marks);
	memset(c, 0, sizeof *c);
}

void pe_screens_invalidate(pe_screens *screens)
{
	doc_cache_clear(&screens->doc);
}

void pe_screens_destroy(pe_screens *screens)
{
	if (!screens)
		return;
	doc_cache_clear(&screens->doc);
	free(screens);
}

void pe_frame_finish(pe_frame *frame)
{
	pe_dlist_destroy(frame->dl);
	memset(frame, 0, sizeof *frame);
}

const pe_page *pe_frame_hit_page(const pe_frame *frame)
{
	if (!frame->dl || frame->dl->n_pages == 0)
		return NULL;
	return frame->overlay && frame->dl->n_pages > 1 ? &frame->dl->pages[1]
	                                                : &frame->dl->pages[0];
}

/* ---- drawing helpers (layout only: they append ops) -------------------- */

static double D(const ctx *c, double dp)
{
	return dp * c->dp;
}

/* A touch target's side: dp as designed, but never under 15 mm (on a
 * small panel the dp shrink to fit the window, the millimetres do not). */
static double T(const ctx *c, double dp)
{
	return fmax(D(c, dp), c->min_target * 1.02);
}

static void rect(ctx *c, pe_page *pg, double x, double y, double w, double h,
                 pe_color fill, pe_color stroke, double line, double radius)
{
	if (!pe_page_add_rect(pg, x, y, w, h, fill, stroke, line, radius))
		c->ok = false;
}

static void hit(ctx *c, pe_page *pg, double x, double y, double w, double h,
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

/* Fit text into the box (x, y, w, h): the largest size from max_dp down to
 * min_dp at which the wrapped text fits, centred vertically, each line
 * left-aligned or centred. Returns the height of its ink. With pg NULL
 * it only measures. */
static double fit_text(ctx *c, pe_page *pg, const char *text, pe_face face, double max_dp,
                       double min_dp, double x, double y, double w, double h,
                       pe_color color, align al)
{
	if (!text || !*text || w <= 0 || h <= 0)
		return 0;
	const double leading = 1.2;
	double size = D(c, max_dp), min_size = D(c, min_dp);
	pe_dlist *dl = NULL;
	double iw = 0, ih = 0;
	for (;;) {
		dl = try_text(c, text, face, size, w, color, leading, &iw, &ih);
		if (!dl)
			return 0;
		if ((iw <= w + 0.01 && ih <= h + 0.01) || size <= min_size)
			break;
		pe_dlist_destroy(dl);
		size = fmax(min_size, size * 0.94);
	}
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

/* The size (dp) fit_text would choose for text in a box of w x h. */
static double fit_size(ctx *c, const char *text, pe_face face, double max_dp, double min_dp,
                       double w, double h)
{
	double size = D(c, max_dp), min_size = D(c, min_dp);
	for (;;) {
		double iw = 0, ih = 0;
		pe_dlist *dl = try_text(c, text, face, size, w, c->th->text, 1.2, &iw, &ih);
		pe_dlist_destroy(dl);
		if (!dl || (iw <= w + 0.01 && ih <= h + 0.01) || size <= min_size)
			break;
		size = fmax(min_size, size * 0.94);
	}
	return size / c->dp;
}

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
} lead_mark;

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

/* Room a lead mark takes before the label, dp. */
static double lead_dp(lead_mark lead)
{
	switch (lead) {
	case LEAD_NONE: return 0;
	case LEAD_BACK: return 30;
	case LEAD_UP:
	case LEAD_DOWN: return 36;
	case LEAD_ALERT: return 52;
	}
	return 0;
}

static void button_full(ctx *c, pe_page *pg, double x, double y, double w, double h,
                        const char *label, button_kind kind, pe_action action, int arg,
                        double max_dp, lead_mark lead);

static void button(ctx *c, pe_page *pg, double x, double y, double w, double h,
                   const char *label, button_kind kind, pe_action action, int arg,
                   double max_dp)
{
	button_full(c, pg, x, y, w, h, label, kind, action, arg, max_dp, LEAD_NONE);
}

static void button_full(ctx *c, pe_page *pg, double x, double y, double w, double h,
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
	rect(c, pg, x, y, w, h, bg, border, lw, D(c, 14));
	double pad = D(c, 14) + lw, lw_lead = D(c, lead_dp(lead));
	if (lead != LEAD_NONE && (!label || !*label)) {
		/* A mark alone (a label that could not fit): in the middle. */
		double s = fmin(D(c, 44), h - 2 * pad);
		chevron(c, pg, x + (w - s) / 2, y + (h - s) / 2, s, lead, fg);
		hit(c, pg, x, y, w, h, action, arg);
		return;
	}
	if (lead == LEAD_ALERT) {
		/* The sign in the button's own colours: white, its "!" cut in
		 * the red it sits on. */
		double s = fmin(lw_lead, h - 2 * pad);
		pe_layout_icon_on(pg, PE_ICON_ALERT, x + pad, y + (h - s) / 2, s, fg, bg);
	} else if (lead != LEAD_NONE) {
		chevron(c, pg, x + pad, y + (h - lw_lead) / 2, lw_lead, lead, fg);
	}
	if (lead != LEAD_NONE)
		lw_lead += D(c, 8);
	fit_text(c, pg, label, face, max_dp, 18, x + pad + lw_lead, y + pad * 0.6,
	         w - 2 * pad - lw_lead, h - 1.2 * pad, fg, ALIGN_CENTER);
	hit(c, pg, x, y, w, h, action, arg);
}

/* Width a button needs for its label on one line at size_dp, with padding;
 * at least min_dp. */
static double button_width(ctx *c, const char *label, double size_dp, double min_dp)
{
	double w = pe_layout_width(c->layout, label, PE_FACE_BOLD, D(c, size_dp)) +
	           2 * D(c, 14 + c->th->border) + D(c, 24);
	return fmax(w, D(c, min_dp));
}

/* ---- shared pieces ------------------------------------------------------ */

#define MARGIN 32.0
#define GAP 24.0
#define HEADER_H 128.0
#define BUTTON_H 88.0

static const char *lang_name(const char *code)
{
	const char *name = pe_i18n_native_name(code);
	return name ? name : code;
}

/* The language switch, right-aligned, never left of left_limit (the
 * buttons narrow, their labels shrink); returns its left edge. With pg
 * NULL it only measures. */
static double language_switch(ctx *c, pe_page *pg, double left_limit, double right, double y,
                              double h, bool on_header, pe_action action, size_t current)
{
	double widths[16], sum = 0, gap = D(c, 16);
	size_t n = c->env->n_langs < 16 ? c->env->n_langs : 16;
	for (size_t i = 0; i < n; i++) {
		widths[i] = button_width(c, lang_name(c->env->langs[i]), 32, 180);
		sum += widths[i];
	}
	double room = right - left_limit - gap * (double)(n ? n - 1 : 0);
	double scale = sum > room && sum > 0 ? room / sum : 1;
	double x = right;
	for (size_t i = n; i-- > 0;) {
		double w = fmax(widths[i] * scale, T(c, 100));
		x -= w;
		/* On the dark bar the chosen language is the white button. */
		button_kind kind = on_header ? (i == current ? BTN_NORMAL : BTN_ON_HEADER)
		                             : (i == current ? BTN_SELECTED : BTN_NORMAL);
		if (pg)
			button(c, pg, x, y, w, h, lang_name(c->env->langs[i]), kind, action, (int)i, 32);
		x -= gap;
	}
	return x + gap;
}

/* Whether text fits the box (w x h) on at most its box's lines at size_dp:
 * the one-row header is only used when its title can be read there. */
static bool text_fits(ctx *c, const char *text, pe_face face, double size_dp, double w,
                      double h)
{
	double iw = 0, ih = 0;
	pe_dlist *dl = try_text(c, text, face, D(c, size_dp), w, c->th->text, 1.2, &iw, &ih);
	pe_dlist_destroy(dl);
	return dl && iw <= w + 0.01 && ih <= h + 0.01;
}

/* Header bar: optional Home / Back on the left, a title, the language
 * switch on the right. The title gets a second row under the buttons on
 * a narrow (portrait) screen, and in landscape only when it cannot be
 * read between the buttons: a short landscape panel has no height to
 * spare for a row that holds a few words. Sets c->header_h. */
static void header(ctx *c, pe_page *pg, const char *title, const char *subtitle,
                   bool home, bool back, pe_action back_action)
{
	const theme *t = c->th;
	double row = c->row_h, bh = c->bar_bh, by = (row - bh) / 2;
	/* TRANSLATORS: button that goes back to the first screen. */
	const char *home_label = C_("kiosk/header", "Home");
	/* TRANSLATORS: button that goes to the previous screen (a left
	   arrow is drawn before it). */
	const char *back_label = C_("kiosk/header", "Back");
	double home_w = home ? button_width(c, home_label, 32, 160) : 0;
	double back_w = back ? button_width(c, back_label, 32, 160) + D(c, lead_dp(LEAD_BACK) + 8)
	                     : 0;
	double x = D(c, MARGIN) + (home ? home_w + D(c, 16) : 0) + (back ? back_w + D(c, 16) : 0);
	double right = language_switch(c, NULL, x + D(c, 8), c->W - D(c, MARGIN), by, bh, true,
	                               PE_ACT_LANG, c->app->lang);
	double tx = x + (home || back ? D(c, 8) : 0), tw = right - D(c, 24) - tx;
	double ty = D(c, 10), th = row - D(c, 20);
	bool two_rows = false;
	if (home || back)
		two_rows = c->W > c->H ? tw <= 0 || !text_fits(c, title, PE_FACE_BOLD, 28, tw, th)
		                       : c->narrow;
	c->header_h = row + (two_rows ? D(c, 88) : 0);

	rect(c, pg, 0, 0, c->W, c->header_h, t->header_bg, PE_NO_COLOR, 0, 0);
	double bx = D(c, MARGIN);
	if (home) {
		button(c, pg, bx, by, home_w, bh, home_label, BTN_ON_HEADER, PE_ACT_HOME, 0, 32);
		bx += home_w + D(c, 16);
	}
	if (back)
		button_full(c, pg, bx, by, back_w, bh, back_label, BTN_ON_HEADER, back_action, 0, 32,
		            LEAD_BACK);
	language_switch(c, pg, x + D(c, 8), c->W - D(c, MARGIN), by, bh, true, PE_ACT_LANG,
	                c->app->lang);
	if (two_rows) {
		tx = D(c, MARGIN);
		tw = c->W - 2 * D(c, MARGIN);
		ty = row - D(c, 6);
		th = c->header_h - row - D(c, 4);
	}
	if (subtitle && *subtitle) {
		fit_text(c, pg, title, PE_FACE_BOLD, 46, 22, tx, ty, tw, th * 0.6, t->header_fg,
		         ALIGN_LEFT);
		fit_text(c, pg, subtitle, PE_FACE_REGULAR, 28, 18, tx, ty + th * 0.6, tw, th * 0.4,
		         t->header_fg, ALIGN_LEFT);
	} else {
		fit_text(c, pg, title, PE_FACE_BOLD, 46, 22, tx, ty, tw, th, t->header_fg, ALIGN_LEFT);
	}
}

static void background(ctx *c, pe_page *pg)
{
	rect(c, pg, 0, 0, c->W, c->H, c->th->bg, PE_NO_COLOR, 0, 0);
}

static size_t topic_count(const ctx *c)
{
	return c->env->lib ? pe_library_count(c->env->lib) : 0;
}

static const pe_topic *topic_at(const ctx *c, size_t i)
{
	return i < topic_count(c) ? pe_library_topic(c->env->lib, i) : NULL;
}

/* The first contact card in the content: the helpline when the site gives
 * no phone. */
static const pe_contact *first_contact(const ctx *c)
{
	for (size_t i = 0; i < topic_count(c); i++) {
		const pe_topic *t = topic_at(c, i);
		for (size_t s = 0; s < t->n_sections; s++)
			for (size_t b = 0; b < t->sections[s].n_blocks; b++)
				if (t->sections[s].blocks[b].kind == PE_BLOCK_CONTACT &&
				    t->sections[s].blocks[b].contact.phone)
					return &t->sections[s].blocks[b].contact;
	}
	return NULL;
}

/* ---- home --------------------------------------------------------------- */

static void emergency_tile(ctx *c, pe_page *pg, double x, double y, double w, double h)
{
	const theme *t = c->th;
	rect(c, pg, x, y, w, h, t->emergency_bg, PE_NO_COLOR, 0, D(c, 20));
	double pad = D(c, 28);
	double icon = fmin(D(c, 80), h - 2 * pad);
	/* A white sign with its "!" cut in the tile's red. */
	pe_layout_icon_on(pg, PE_ICON_ALERT, x + pad, y + (h - icon) / 2, icon, t->emergency_fg,
	                  t->emergency_bg);
	double tx = x + pad + icon + pad, tw = w - (tx - x) - pad;
	/* The tile's words are the emergency topic's own: the title of its
	 * 911 tier ("Call 911 now"), so the tile can never give advice the
	 * tiers do not; the topic's title when it has no such tier. */
	const pe_topic *et = topic_at(c, c->app->emergency_topic);
	const pe_block *gh = pe_topic_gethelp(et, NULL);
	char *head = gh && gh->n_tiers && gh->tiers[0].level == PE_TIER_EMERGENCY
	             ? pe_text_plain(&gh->tiers[0].title) : NULL;
	fit_text(c, pg, head ? head : et ? et->title : "", PE_FACE_BOLD, 42, 20,
	         tx, y + D(c, 14), tw, (h - D(c, 28)) * 0.6, t->emergency_fg, ALIGN_LEFT);
	free(head);
	fit_text(c, pg, C_("kiosk/home/emergency-tile", "Touch here to see the signs that need help right away."),
	         PE_FACE_REGULAR, 28, 18, tx, y + D(c, 14) + (h - D(c, 28)) * 0.6, tw,
	         (h - D(c, 28)) * 0.4, t->emergency_fg, ALIGN_LEFT);
	hit(c, pg, x, y, w, h, PE_ACT_EMERGENCY, 0);
}

/* A tile's text box: its width beside the icon and its inner height. */
static void tile_box(ctx *c, const pe_topic *topic, double w, double h, double *icon,
                     double *tw, double *inner)
{
	double pad = D(c, 24);
	*icon = fmin(D(c, 84), fmin(h - 2 * pad, w * 0.2));
	*tw = w - 2 * pad;
	if (topic->icon != PE_ICON_NONE && *icon > D(c, 32))
		*tw -= *icon + pad;
	*inner = h - 2 * pad;
}

/* One type scale for every tile (dp): the largest title size at which
 * every title fits, and a summary size that fits every summary and stays
 * below the title. Tiles that each fit their own text came out with a
 * summary bigger than the title beside them. */
static void tile_scale(ctx *c, double w, double h, double *title_dp, double *summary_dp)
{
	double ts = 38, gap = D(c, 10);
	for (size_t i = 0; i < topic_count(c); i++) {
		const pe_topic *topic = topic_at(c, i);
		double icon, tw, inner;
		if (i == c->app->emergency_topic)
			continue;
		tile_box(c, topic, w, h, &icon, &tw, &inner);
		ts = fmin(ts, fit_size(c, topic->title, PE_FACE_BOLD, 38, 20, tw, inner * 0.55));
	}
	double ss = fmin(28, ts * 0.8);
	for (size_t i = 0; i < topic_count(c); i++) {
		const pe_topic *topic = topic_at(c, i);
		double icon, tw, inner;
		if (i == c->app->emergency_topic)
			continue;
		tile_box(c, topic, w, h, &icon, &tw, &inner);
		double th = fit_text(c, NULL, topic->title, PE_FACE_BOLD, ts, ts, 0, 0, tw, inner,
		                     c->th->tile_title, ALIGN_LEFT);
		ss = fmin(ss, fit_size(c, topic->summary, PE_FACE_REGULAR, ss, fmin(17, ss), tw,
		                       inner - th - gap));
	}
	*title_dp = ts;
	*summary_dp = ss;
}

static void topic_tile(ctx *c, pe_page *pg, const pe_topic *topic, size_t index, double x,
                       double y, double w, double h, double title_dp, double summary_dp)
{
	const theme *t = c->th;
	rect(c, pg, x, y, w, h, t->tile_bg, t->tile_border, D(c, t->border), D(c, 20));
	double pad = D(c, 24), icon, tw, inner;
	tile_box(c, topic, w, h, &icon, &tw, &inner);
	double tx = x + pad;
	if (topic->icon != PE_ICON_NONE && icon > D(c, 32)) {
		pe_layout_icon(pg, topic->icon, x + pad, y + (h - icon) / 2, icon, t->icon);
		tx += icon + pad;
	}
	double gap = D(c, 10);
	/* Title and summary as one block, centred in the tile, in the sizes
	 * every tile shares. */
	double th = fit_text(c, NULL, topic->title, PE_FACE_BOLD, title_dp, title_dp, tx, 0, tw,
	                     inner, t->tile_title, ALIGN_LEFT);
	double sh = fit_text(c, NULL, topic->summary, PE_FACE_REGULAR, summary_dp, summary_dp, tx,
	                     0, tw, inner, t->tile_text, ALIGN_LEFT);
	double top = y + pad + (inner - (th + gap + sh)) / 2;
	fit_text(c, pg, topic->title, PE_FACE_BOLD, title_dp, title_dp, tx, top, tw, th,
	         t->tile_title, ALIGN_LEFT);
	fit_text(c, pg, topic->summary, PE_FACE_REGULAR, summary_dp, summary_dp, tx,
	         top + th + gap, tw, sh, t->tile_text, ALIGN_LEFT);
	hit(c, pg, x, y, w, h, PE_ACT_TOPIC, (int)index);
}

static void footer_helpline(ctx *c, pe_page *pg, double x, double y, double w, double h)
{
	const pe_site *site = c->env->site;
	char line[512] = "";
	if (site && site->phone && site->after_hours_phone)
		/* TRANSLATORS: the clinic's phone numbers, day and after hours. */
		snprintf(line, sizeof line, C_("kiosk/home/contact", "Questions? Call us at %s. After hours, call %s."),
		         site->phone, site->after_hours_phone);
	else if (site && site->phone)
		snprintf(line, sizeof line, C_("kiosk/home/contact", "Questions? Call us at %s."), site->phone);
	else {
		const pe_contact *ct = first_contact(c);
		if (ct) {
			char *name = pe_text_plain(&ct->name);
			/* TRANSLATORS: first %s is a service ("Cancer helpline"),
			   second its phone number. */
			snprintf(line, sizeof line, C_("kiosk/home/contact", "Questions? %s: %s"), name ? name : "",
			         ct->phone);
			free(name);
		}
	}
	if (*line)
		fit_text(c, pg, line, PE_FACE_BOLD, 32, 18, x, y, w, h, c->th->text, ALIGN_CENTER);
}

static void build_home(ctx *c, pe_page *pg)
{
	const pe_site *site = c->env->site;
	background(c, pg);
	/* TRANSLATORS: the kiosk's title on the first screen. */
	header(c, pg, C_("kiosk/home", "Learn about your treatment"), site ? site->clinic_name : NULL, false,
	       false, PE_ACT_NONE);
	double m = D(c, MARGIN), g = D(c, GAP);
	double y = c->header_h + g;
	double foot_h = D(c, 84);
	size_t emergency = c->app->emergency_topic;
	double eh = D(c, c->hdp > 1400 ? 190 : 150);
	if (emergency < topic_count(c)) {
		emergency_tile(c, pg, m, y, c->W - 2 * m, eh);
		y += eh + g;
	}
	/* What the kiosk is and is not, above the phone line: general
	 * information; the care team's advice comes first; the emergency
	 * room when the team cannot be reached. */
	double disc_h = D(c, c->hdp > 1400 ? 70 : 56);
	double bottom = c->H - foot_h - disc_h - g / 2;
	footer_helpline(c, pg, m, c->H - foot_h - g / 2, c->W - 2 * m, foot_h);
	fit_text(c, pg, pe_handout_disclaimer(pe_i18n_language()), PE_FACE_REGULAR, 24, 15, m,
	         c->H - foot_h - disc_h - g / 2, c->W - 2 * m, disc_h, c->th->muted, ALIGN_CENTER);

	size_t n = 0;
	for (size_t i = 0; i < topic_count(c); i++)
		if (i != emergency)
			n++;
	if (n == 0)
		return;
	bool portrait = c->W < c->H;
	size_t cols = portrait ? (n <= 5 ? 1 : 2) : (n <= 4 ? 2 : n <= 9 ? 3 : 4);
	if (n == 1)
		cols = 1;
	size_t rows = (n + cols - 1) / cols;
	double aw = c->W - 2 * m, ah = bottom - g / 2 - y;
	double tw = (aw - (double)(cols - 1) * g) / (double)cols;
	double th = (ah - (double)(rows - 1) * g) / (double)rows;
	/* Tall tiles look like buttons gone wrong: cap the height and centre
	 * the grid in the space. */
	double cap = D(c, 300);
	if (th > cap) {
		y += (ah - ((double)rows * cap + (double)(rows - 1) * g)) / 2;
		th = cap;
	}
	double title_dp, summary_dp;
	tile_scale(c, tw, th, &title_dp, &summary_dp);
	size_t k = 0;
	for (size_t i = 0; i < topic_count(c); i++) {
		if (i == emergency)
			continue;
		size_t r = k / cols, col = k % cols;
		/* A short last row sits in the middle, not against the left. */
		size_t in_row = r == rows - 1 ? n - r * cols : cols;
		double x0 = m + (aw - ((double)in_row * tw + (double)(in_row - 1) * g)) / 2;
		topic_tile(c, pg, topic_at(c, i), i, x0 + (double)col * (tw + g),
		           y + (double)r * (th + g), tw, th, title_dp, summary_dp);
		k++;
	}
}

/* ---- topic reader ------------------------------------------------------- */

/* The widest single word of a string at a size and face: a word wider
 * than the column cannot be wrapped and would be cut. */
static double widest_word(ctx *c, const char *s, pe_face face, double size)
{
	double widest = 0;
	char word[256];
	while (s && *s) {
		size_t n = strcspn(s, " ");
		if (n > 0 && n < sizeof word) {
			memcpy(word, s, n);
			word[n] = 0;
			widest = fmax(widest, pe_layout_width(c->layout, word, face, size));
		}
		s += n;
		s += strspn(s, " ");
	}
	return widest;
}

/* The reader's style: the text step's body size, with the title and
 * heading sizes brought down when a long word (a long Spanish or
 * pseudo-locale word at the largest step on a portrait screen) would not
 * fit the column. */
static void reader_style(ctx *c, const pe_topic *topic, double width, pe_style *st)
{
	pe_style_default(st, D(c, body_steps[c->app->text_step]), c->app->high_contrast);
	/* the timeline's own words in the screen language (layout has none) */
	pe_handout_picture_words(st, NULL);
	double col = width - 2 * D(c, 40) - D(c, 8);
	double w = widest_word(c, topic->title, PE_FACE_BOLD, st->title_size);
	if (w > col)
		st->title_size *= col / w;
	double hw = 0;
	for (size_t i = 0; i < topic->n_sections; i++) {
		char *plain = pe_text_plain(&topic->sections[i].heading);
		hw = fmax(hw, widest_word(c, plain, PE_FACE_BOLD, st->heading_size));
		free(plain);
	}
	/* Headings may carry an icon before them. */
	double icon_room = st->draw_icons ? st->heading_size * 1.6 : 0;
	if (hw > col - icon_room && hw > 0)
		st->heading_size *= (col - icon_room) / hw;
}

/* Lay out the open topic into the cache unless it is there already. */
static bool reader_doc(pe_screens *s, ctx *c, const pe_topic *topic, double width,
                       pe_error *err)
{
	doc_cache *dc = &s->doc;
	const char *lang = pe_library_lang(c->env->lib);
	if (dc->dl && dc->topic_id && strcmp(dc->topic_id, topic->id) == 0 &&
	    strcmp(dc->lang, lang ? lang : "") == 0 && dc->step == c->app->text_step &&
	    dc->width == width && dc->high_contrast == c->app->high_contrast)
		return true;
	doc_cache_clear(dc);
	pe_style st;
	reader_style(c, topic, width, &st);
	double pad = D(c, 40);
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = dl ? pe_dlist_add_page(dl, width, 0) : NULL;
	if (!pg) {
		pe_dlist_destroy(dl);
		pe_error_set(err, NULL, 0, "kiosk: out of memory laying out %s", topic->id);
		return false;
	}
	double h = pe_layout_flow_topic(c->layout, pg, topic, &st, pad, pad, width - 2 * pad);
	/* Room at the end so the last line can be read in the middle of the
	 * screen, not squeezed against the footer. */
	pg->height = h + 2 * pad + D(c, 160);
	size_t n = 0;
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_MARK && pg->ops[i].u.mark.level >= 1)
			n++;
	dc->marks = n ? malloc(n * sizeof *dc->marks) : NULL;
	dc->topic_id = strdup(topic->id);
	if ((n && !dc->marks) || !dc->topic_id) {
		pe_dlist_destroy(dl);
		doc_cache_clear(dc);
		pe_error_set(err, NULL, 0, "kiosk: out of memory laying out %s", topic->id);
		return false;
	}
	for (size_t i = 0; i < pg->n_ops; i++)
		if (pg->ops[i].kind == PE_OP_MARK && pg->ops[i].u.mark.level >= 1)
			dc->marks[dc->n_marks++] = fmax(0, pg->ops[i].y - pad / 2);
	dc->dl = dl;
	snprintf(dc->lang, sizeof dc->lang, "%s", lang ? lang : "");
	dc->step = c->app->text_step;
	dc->width = width;
	dc->high_contrast = c->app->high_contrast;
	return true;
}

/* The red button every patient screen has (the home screen has the red
 * tile instead): it opens the topic on signs that need help now. */
static const char *emergency_label(void)
{
	/* TRANSLATORS: red button on the reading and printing screens; opens
	   the topic about signs of a serious reaction. */
	return C_("kiosk/emergency-button", "Signs to get help now");
}

static double emergency_width(ctx *c)
{
	return fmax(button_width(c, emergency_label(), 32, 340) +
	                D(c, lead_dp(LEAD_ALERT) + 8), D(c, 340));
}

static void emergency_button(ctx *c, pe_page *pg, double x, double y, double w, double h,
                             double max_dp)
{
	button_full(c, pg, x, y, w, h, emergency_label(), BTN_EMERGENCY, PE_ACT_EMERGENCY, 0,
	            max_dp, LEAD_ALERT);
}

/* The reader's footer in one row when everything fits across, else the
 * emergency button gets a row of its own (portrait, small panels). The
 * print screen follows the reader, so the red button stays where the
 * patient saw it. */
static bool footer_two_rows(ctx *c)
{
	double fbh = c->bar_bh;
	double one_row = 2 * D(c, MARGIN) +
	                 fmin(pe_layout_width(c->layout, C_("kiosk/reader", "Text size"), PE_FACE_BOLD, D(c, 30)) +
	                          D(c, 8), D(c, 240)) +
	                 D(c, 12) + PE_TEXT_STEPS * (fbh + D(c, 10)) + 2 * D(c, GAP) +
	                 button_width(c, C_("kiosk/reader", "Print this"), 32, 220) + emergency_width(c);
	return one_row > c->W;
}

static double footer_height(ctx *c, bool two_rows)
{
	double fbh = c->bar_bh;
	return two_rows ? 2 * fbh + D(c, 56) : fbh + D(c, 36);
}

static void footer_bar(ctx *c, pe_page *pg, double y, double h)
{
	const theme *t = c->th;
	rect(c, pg, 0, y, c->W, h, t->panel_bg, PE_NO_COLOR, 0, 0);
	rect(c, pg, 0, y, c->W, D(c, 2), t->tile_border, PE_NO_COLOR, 0, 0);
}

/* The emergency button where the reader's footer has it: across the
 * whole row of its own (full), or at the right end of a row whose other
 * buttons end at left. */
static void footer_emergency(ctx *c, pe_page *pg, double row_y, bool full, double left)
{
	/* Content with no emergency topic: no red button that does nothing
	 * (the home screen drops its tile the same way). */
	if (c->app->emergency_topic >= topic_count(c))
		return;
	double m = D(c, MARGIN), bh = c->bar_bh;
	if (full) {
		emergency_button(c, pg, m, row_y, c->W - 2 * m, bh, 34);
	} else {
		double ew = fmin(emergency_width(c), c->W - m - left);
		emergency_button(c, pg, c->W - m - ew, row_y, ew, bh, 32);
	}
}

static void reader_footer(ctx *c, pe_page *pg, double y, double h, bool two_rows)
{
	const theme *t = c->th;
	double m = D(c, MARGIN), g = D(c, GAP), bh = c->bar_bh;
	footer_bar(c, pg, y, h);
	double row1 = two_rows ? y + (h / 2 - bh) / 2 + D(c, 4) : y + (h - bh) / 2;
	double x = m;
	/* TRANSLATORS: label before three buttons that make the text smaller
	   or larger. */
	const char *label = C_("kiosk/reader", "Text size");
	double lw = fmin(pe_layout_width(c->layout, label, PE_FACE_BOLD, D(c, 30)) + D(c, 8),
	                 D(c, 240));
	fit_text(c, pg, label, PE_FACE_BOLD, 30, 18, x, row1, lw, bh, t->text, ALIGN_LEFT);
	x += lw + D(c, 12);
	static const double a_sizes[PE_TEXT_STEPS] = { 30, 40, 52 };
	for (int i = 0; i < PE_TEXT_STEPS; i++) {
		/* TRANSLATORS: the letter shown on the text size buttons, in three
		   sizes. */
		button(c, pg, x, row1, bh, bh, C_("text size", "A"),
		       c->app->text_step == i ? BTN_SELECTED : BTN_NORMAL, PE_ACT_TEXT_SIZE, i,
		       a_sizes[i]);
		x += bh + D(c, 10);
	}
	x += g;
	/* TRANSLATORS: button on the reading screen; prints this topic. */
	const char *print = C_("kiosk/reader", "Print this");
	double pw = button_width(c, print, 32, 220);
	button(c, pg, x, row1, pw, bh, print, BTN_NORMAL, PE_ACT_PRINT_OPEN, 0, 32);
	x += pw + g;
	double row2 = y + h / 2 + (h / 2 - bh) / 2 - D(c, 4);
	footer_emergency(c, pg, two_rows ? row2 : row1, two_rows, x);
}

/* How many section buttons of height bh fit in avail. */
static size_t sections_fit(ctx *c, size_t n, double avail, double *bh)
{
	double gap = D(c, 12);
	double h = n ? fmin(D(c, 110), (avail - (double)(n - 1) * gap) / (double)n) : 0;
	*bh = fmax(h, T(c, 64));
	return avail + gap > 0 ? (size_t)floor((avail + gap) / (*bh + gap)) : 0;
}

/* The reader's list of sections between top and bottom: one button per
 * section. When a small panel cannot hold a 15 mm button for each, the
 * list shows a page of them over a row that turns the pages: an up
 * button, which ones of how many are showing ("3-4 of 6"), a down
 * button. Every section stays a touch or two away, and nothing moves
 * when a page turns. On the smallest panels the heading gives its room
 * to one more section. */
static void section_list(pe_screens *s, ctx *c, pe_page *pg, const pe_frame *fr, double x,
                         double top, double w, double bottom)
{
	const theme *t = c->th;
	size_t n = s->doc.n_marks;
	double gap = D(c, 12), head_h = D(c, 52), bh;
	size_t fit = sections_fit(c, n, bottom - top - head_h, &bh);
	bool heading = true;
	if (n > fit && fit < 3) {
		double bh2;
		size_t fit2 = sections_fit(c, n, bottom - top, &bh2);
		if (fit2 > fit) {
			heading = false;
			fit = fit2;
			bh = bh2;
		}
	}
	double y = top + (heading ? head_h : 0);
	size_t first = 0, shown = n;
	if (n > fit) {
		/* A page of sections and one row for turning pages. */
		shown = fit > 1 ? fit - 1 : 1;
		first = c->app->section_first < n ? c->app->section_first : n - 1;
	}
	size_t last = first + shown < n ? first + shown : n;   /* one past */
	if (heading)
		/* TRANSLATORS: heading above the list of sections of a topic. */
		fit_text(c, pg, C_("kiosk/reader/sections", "In this topic"), PE_FACE_BOLD, 28, 18, x, top, w, D(c, 44),
		         t->muted, ALIGN_LEFT);
	/* One type size for the whole list, the largest every title fits at
	 * (on two lines where one is not enough): buttons side by side with
	 * labels in different sizes look like a mistake. Taken over every
	 * section, so it does not change when the list turns a page. */
	const pe_page *doc = fr->doc;
	double label_dp = 28;
	for (size_t i = 0; i < doc->n_ops; i++) {
		const pe_op *op = &doc->ops[i];
		if (op->kind == PE_OP_MARK && op->u.mark.level >= 1)
			label_dp = fmin(label_dp, fit_size(c, op->u.mark.title, PE_FACE_BOLD, label_dp, 16,
			                                   w - D(c, 32), bh - D(c, 16)));
	}
	size_t k = 0;
	for (size_t i = 0; i < doc->n_ops && k < last; i++) {
		const pe_op *op = &doc->ops[i];
		if (op->kind != PE_OP_MARK || op->u.mark.level < 1)
			continue;
		if (k >= first) {
			double by = y + (double)(k - first) * (bh + gap);
			/* The section being read is shown selected: where am I. */
			bool here = k == c->app->reading;
			rect(c, pg, x, by, w, bh, here ? t->selected_bg : t->tile_bg,
			     here ? t->selected_bg : t->tile_border, D(c, 2), D(c, 12));
			fit_text(c, pg, op->u.mark.title, PE_FACE_BOLD, label_dp, label_dp, x + D(c, 16),
			         by + D(c, 8), w - D(c, 32), bh - D(c, 16),
			         here ? t->selected_fg : t->button_fg, ALIGN_LEFT);
			hit(c, pg, x, by, w, bh, PE_ACT_SECTION, (int)k);
		}
		k++;
	}
	if (shown >= n)
		return;
	/* The page row sits under a full page, the same place on every page;
	 * a button with nowhere to go is left out, the count stays put. */
	double ny = y + (double)shown * (bh + gap);
	double aw = fmax(T(c, 64), fmin(D(c, 110), w * 0.3));
	if (first > 0)
		button_full(c, pg, x, ny, aw, bh, NULL, BTN_NORMAL, PE_ACT_SECTIONS_UP,
		            (int)(first > shown ? first - shown : 0), 28, LEAD_UP);
	if (last < n)
		button_full(c, pg, x + w - aw, ny, aw, bh, NULL, BTN_NORMAL, PE_ACT_SECTIONS_DOWN,
		            (int)last, 28, LEAD_DOWN);
	char count[64];
	if (last - first == 1)
		/* TRANSLATORS: under a list of sections that shows one at a
		   time: which one, of how many ("3 of 6"). */
		snprintf(count, sizeof count, C_("kiosk/reader/sections", "%d of %d"), (int)first + 1, (int)n);
	else
		/* TRANSLATORS: under a list of sections that do not all fit:
		   the first and last shown, of how many ("3–4 of 6"). */
		snprintf(count, sizeof count, C_("kiosk/reader/sections", "%d–%d of %d"), (int)first + 1, (int)last, (int)n);
	/* One line: "1–2 de / 9" broken in two reads as two numbers. The
	 * size comes down until it fits across (the page row is a button
	 * tall, so a smaller size still reads well). */
	double cw = w - 2 * (aw + gap), size = 28;
	double nat = pe_layout_width(c->layout, count, PE_FACE_BOLD, D(c, 28));
	if (nat > cw && nat > 0)
		size = fmax(12, 28 * cw / nat * 0.98);
	fit_text(c, pg, count, PE_FACE_BOLD, size, fmin(size, 16), x + aw + gap, ny, cw, bh,
	         t->muted, ALIGN_CENTER);
}

static bool build_topic(pe_screens *s, ctx *c, pe_page *pg, pe_frame *fr, pe_error *err)
{
	const theme *t = c->th;
	const pe_topic *topic = topic_at(c, c->app->topic);
	if (!topic)
		return true;
	background(c, pg);
	header(c, pg, topic->title, NULL, true, true, PE_ACT_BACK);
	double m = D(c, MARGIN), g = D(c, GAP);
	bool two_rows = footer_two_rows(c);
	double fh = footer_height(c, two_rows);
	double fy = c->H - fh;
	reader_footer(c, pg, fy, fh, two_rows);

	double top = c->header_h;
	double side_w = D(c, c->wdp < 1300 ? 300 : 400);
	/* Whole pixels: scroll frames move the viewport's pixels by whole rows. */
	double vx = round(m + side_w + g), vw = c->W - vx;
	fr->reader = true;
	fr->vx = vx;
	fr->vy = round(top);
	fr->vw = vw;
	fr->vh = round(fy) - fr->vy;
	fr->bar_width = D(c, 10);
	fr->bar_track = t->bar_track;
	fr->bar_thumb = t->bar_thumb;
	/* The text column: not wider than about 70 characters a line. */
	double col = fmin(vw - fr->bar_width - D(c, 8),
	                  D(c, body_steps[c->app->text_step]) * 34 + D(c, 80));
	if (!reader_doc(s, c, topic, floor(col), err))
		return false;
	fr->doc = &s->doc.dl->pages[0];
	/* The column in the middle of the viewport on wide screens: text
	 * hugging one side of a large white field looks unfinished. */
	fr->doc_x = floor(fmax(0, (vw - fr->bar_width * 2 - fr->doc->width) / 2));
	pe_style st;
	reader_style(c, topic, floor(col), &st);
	fr->doc_bg = st.page.a > 0 ? st.page : pe_rgb(1, 1, 1);
	if (!pe_app_set_doc(c->app, fr->doc->height, fr->vh, s->doc.marks, s->doc.n_marks))
		c->ok = false;

	section_list(s, c, pg, fr, m, top + g, side_w, fy - g);
	return true;
}

/* ---- print -------------------------------------------------------------- */

/* Height of one line of text at size_dp (ascent + descent of Noto Sans,
 * with a little room): what a label box must keep however small the
 * spaces around it get, or the buttons under it cover its lower half. */
static double line_h(const ctx *c, double size_dp)
{
	return D(c, size_dp) * 1.45;
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
	rect(c, pg, x, y, w, h, t->panel_bg, t->tile_border, D(c, 2), D(c, 14));
	double pad = D(c, 20);
	fit_text(c, pg, msg, PE_FACE_BOLD, 34, 18, x + pad, y + pad, w - 2 * pad, h - 2 * pad, mc,
	         ALIGN_LEFT);
}

static void build_print(ctx *c, pe_page *pg)
{
	const theme *t = c->th;
	const pe_app *app = c->app;
	background(c, pg);
	/* TRANSLATORS: title of the screen where a patient prints a handout. */
	header(c, pg, C_("kiosk/print", "Print a handout"), NULL, true, true, PE_ACT_BACK);
	const pe_topic *topic = topic_at(c, app->topic);
	double m = D(c, MARGIN);
	double colw = fmin(c->W - 2 * m, D(c, 1200));
	double bh = T(c, 96), go_h = T(c, 120);
	/* The red button sits at the foot, where the reader has it: the way to
	 * help must not vanish because the patient chose to print. */
	double fh = footer_height(c, false), bottom = c->H - fh;
	footer_bar(c, pg, bottom, fh);
	footer_emergency(c, pg, bottom + (fh - c->bar_bh) / 2, footer_two_rows(c), m);

	/* The form's own width: its widest row. */
	double lang_w[16], langs_w = 0;
	size_t nl = c->env->n_langs < 16 ? c->env->n_langs : 16;
	for (size_t i = 0; i < nl; i++) {
		lang_w[i] = button_width(c, lang_name(c->env->langs[i]), 34, 220);
		langs_w += lang_w[i] + (i ? D(c, 20) : 0);
	}
	double copy_w = T(c, 130);
	double copies_w = PE_MAX_COPIES * copy_w + (PE_MAX_COPIES - 1) * D(c, 20);
	/* TRANSLATORS: the big button that starts printing. */
	const char *go = app->print_state == PE_PRINT_BUSY ? C_("kiosk/print", "Printing…") : C_("kiosk/print", "Print");
	double gw = fmin(fmax(button_width(c, go, 40, 420), D(c, 420)), colw);
	const char *ask_lang = C_("kiosk/print", "Which language should the handout be in?");
	const char *ask_copies = C_("kiosk/print", "How many copies?");
	/* The questions at their full size belong to the form too (squeezed
	 * to the buttons' width, the Spanish question came out at 14 px),
	 * as long as a message column of 320 dp still fits beside it. */
	double asks_w = fmax(pe_layout_width(c->layout, ask_lang, PE_FACE_REGULAR, D(c, 32)),
	                     pe_layout_width(c->layout, ask_copies, PE_FACE_REGULAR, D(c, 32)));
	double form_w = fmin(colw, fmax(fmax(langs_w, fmax(copies_w, gw)),
	                                fmin(asks_w + D(c, 4), colw - D(c, 48 + 320))));
	double x = (c->W - colw) / 2;

	/* Landscape: the message beside the form, where the screen is empty;
	 * otherwise under the Print button, its height kept first. */
	double side_gap = D(c, 48);
	double side_w = fmin(colw - form_w - side_gap, D(c, 640));
	bool side = c->W > c->H && side_w >= D(c, 320);
	if (side && colw - form_w - side_gap > side_w)
		x = (c->W - (form_w + side_gap + side_w)) / 2;
	double msg_h = side ? 0 : fmax(D(c, 150), 3 * line_h(c, 18) + D(c, 40));

	/* The spaces between (top, title, labels, gaps) give way on a small
	 * panel, each label never below one line at its smallest type; the
	 * 15 mm buttons and the message do not give way. */
	double label_min = line_h(c, 18), title_min = line_h(c, 20);
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
		double spare = bottom - c->header_h - 2 * bh - go_h - design;
		msg_h = fmax(msg_h, fmin(D(c, 260), spare));
	}
	/* Where even the smallest spaces leave too little, the buttons come
	 * down towards 15 mm (never under). */
	double least = 0;
	for (size_t i = 0; i < n_sp; i++)
		least += sp_min[i];
	double btn_room = bottom - c->header_h - msg_h - least;
	if (2 * bh + go_h > btn_room) {
		double f = fmax(0, btn_room / (2 * bh + go_h));
		bh = fmax(T(c, 0), bh * f);
		go_h = fmax(T(c, 0), go_h * f);
	}
	double fixed = 2 * bh + go_h + msg_h;
	double k = spaces_scale(c, sp_dp, sp_min, n_sp, bottom - c->header_h - fixed);
#define SP(i) fmax(D(c, sp_dp[i]) * k, sp_min[i])
	double y = c->header_h + SP(0);
	if (topic) {
		fit_text(c, pg, topic->title, PE_FACE_BOLD, 44, 20, x, y, colw, SP(1) - D(c, 20) * k,
		         t->text, ALIGN_LEFT);
		y += SP(1);
	}
	double form_top = y;
	fit_text(c, pg, ask_lang, PE_FACE_REGULAR, 32, 18, x,
	         y, side ? form_w : colw, SP(2) - fmax(D(c, 12) * k, D(c, 6)), t->text, ALIGN_LEFT);
	y += SP(2);
	double bx = x;
	for (size_t i = 0; i < nl; i++) {
		const char *name = lang_name(c->env->langs[i]);
		button(c, pg, bx, y, lang_w[i], bh, name,
		       app->print_lang == i ? BTN_SELECTED : BTN_NORMAL, PE_ACT_PRINT_LANG, (int)i, 34);
		bx += lang_w[i] + D(c, 20);
	}
	y += bh + SP(3);
	fit_text(c, pg, ask_copies, PE_FACE_REGULAR, 32, 18, x, y,
	         side ? form_w : colw, SP(4) - fmax(D(c, 12) * k, D(c, 6)), t->text, ALIGN_LEFT);
	y += SP(4);
	for (int n = 1; n <= PE_MAX_COPIES; n++) {
		char label[16];
		snprintf(label, sizeof label, "%d", n);
		button(c, pg, x + (double)(n - 1) * (copy_w + D(c, 20)), y, copy_w, bh, label,
		       app->copies == n ? BTN_SELECTED : BTN_NORMAL, PE_ACT_COPIES, n, 40);
	}
	y += bh + SP(5);
	if (app->print_state == PE_PRINT_DONE && !pe_app_print_allowed(app)) {
		/* Sent: the button stays where it was, greyed, with no target, so
		 * a second touch cannot send the same job again. */
		/* TRANSLATORS: the Print button after the handout was sent; it
		   cannot be touched until the language or copies change. */
		const char *sent = C_("kiosk/print", "Sent to the printer");
		rect(c, pg, x, y, gw, go_h, t->panel_bg, t->tile_border, D(c, t->border), D(c, 14));
		double pad = D(c, 14 + t->border);
		fit_text(c, pg, sent, PE_FACE_BOLD, 40, 20, x + pad, y + pad * 0.6, gw - 2 * pad,
		         go_h - 1.2 * pad, t->muted, ALIGN_CENTER);
	} else {
		button(c, pg, x, y, gw, go_h, go, BTN_PRIMARY, PE_ACT_PRINT_GO, 0, 44);
	}
	y += go_h;
	if (side)
		print_status(c, pg, x + form_w + side_gap, form_top, side_w, y - form_top);
	else
		print_status(c, pg, x, y + SP(6), colw, msg_h);
#undef SP
}

/* ---- staff -------------------------------------------------------------- */

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
	fit_text(c, pg, note, PE_FACE_BOLD, 30, 18, x, y, w, D(c, 50), color, ALIGN_CENTER);
	if (app->staff_detail[0] && h > D(c, 70))
		fit_text(c, pg, app->staff_detail, PE_FACE_REGULAR, 22, 14, x, y + D(c, 56), w,
		         fmin(h - D(c, 56), D(c, 200)), c->th->text, ALIGN_CENTER);
}

static void build_staff(ctx *c, pe_page *pg)
{
	const theme *t = c->th;
	const pe_app *app = c->app;
	background(c, pg);
	/* TRANSLATORS: title of the hidden menu for clinic staff. */
	header(c, pg, C_("kiosk/staff", "Staff menu"), NULL, true, false, PE_ACT_NONE);
	double y = c->header_h + D(c, 32);
	double colw = fmin(c->W - 2 * D(c, MARGIN), D(c, 900));
	double x = (c->W - colw) / 2;
	if (!app->staff_unlocked) {
		fit_text(c, pg, C_("kiosk/staff", "Enter the staff PIN."), PE_FACE_BOLD, 36, 20, x, y, colw, D(c, 56),
		         t->text, ALIGN_CENTER);
		y += D(c, 64);
		/* One dot per digit typed: the PIN itself is never shown. */
		size_t n = strlen(app->pin_entry);
		double dot = D(c, 22);
		double dx = c->W / 2 - ((double)n * dot * 1.8) / 2;
		for (size_t i = 0; i < n; i++)
			rect(c, pg, dx + (double)i * dot * 1.8, y + D(c, 10), dot, dot, t->text,
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
				button(c, pg, bx, by, bw, bh, d, BTN_NORMAL, PE_ACT_PIN_DIGIT, k + 1, 40);
			} else if (k == 9) {
				/* TRANSLATORS: PIN pad key that erases what was typed. */
				button(c, pg, bx, by, bw, bh, C_("kiosk/staff/pin", "Clear"), BTN_NORMAL, PE_ACT_PIN_CLEAR, 0, 30);
			} else if (k == 10) {
				button(c, pg, bx, by, bw, bh, "0", BTN_NORMAL, PE_ACT_PIN_DIGIT, 0, 40);
			} else {
				/* TRANSLATORS: PIN pad key that checks the PIN. */
				button(c, pg, bx, by, bw, bh, C_("kiosk/staff/pin", "OK"), BTN_PRIMARY, PE_ACT_PIN_OK, 0, 30);
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
		button(c, pg, x, y, colw, bh, items[i].label, items[i].kind, items[i].action, 0, 34);
		y += bh + g;
	}
	staff_note(c, pg, x, y, colw, c->H - y - D(c, 16));
}

/* ---- idle warning (overlay) ------------------------------------------- */

static void build_warning(ctx *c, pe_page *pg, double now)
{
	const theme *t = c->th;
	rect(c, pg, 0, 0, c->W, c->H, t->dim, PE_NO_COLOR, 0, 0);
	double w = fmin(c->W - 2 * D(c, MARGIN), D(c, 1000));
	double h = fmin(c->H - 2 * D(c, MARGIN), D(c, 600));
	double x = (c->W - w) / 2, y = (c->H - h) / 2;
	rect(c, pg, x, y, w, h, t->dialog_bg, t->button_border, D(c, t->border), D(c, 24));
	double pad = D(c, 48);
	fit_text(c, pg, C_("kiosk/idle", "Are you still there?"), PE_FACE_BOLD, 56, 28, x + pad, y + pad,
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
	fit_text(c, pg, msg, PE_FACE_REGULAR, 36, 20, x + pad, y + pad + h * 0.22, w - 2 * pad,
	         h * 0.3, t->text, ALIGN_CENTER);
	double bw = fmin(w - 2 * pad, D(c, 640)), bh = fmax(fmin(D(c, 140), h * 0.28), T(c, 0));
	/* TRANSLATORS: the big button on the "Are you still there?" message. */
	button(c, pg, x + (w - bw) / 2, y + h - pad - bh, bw, bh, C_("kiosk/idle", "I'm still here"),
	       BTN_PRIMARY, PE_ACT_STILL_HERE, 0, 46);
}

/* ---- entry points ------------------------------------------------------- */

static void ctx_init(ctx *c, const pe_screen_env *env, pe_app *app)
{
	memset(c, 0, sizeof *c);
	c->env = env;
	c->app = app;
	c->layout = env->layout;
	c->W = env->width;
	c->H = env->height;
	c->th = app->high_contrast ? &contrast : &calm;
	c->ok = true;
	double diag = env->site ? env->site->screen_diagonal_in : 23.8;
	c->ppmm = pe_screens_px_per_mm(c->W, c->H, diag);
	/* Physical size, but never so large that the reference layout (about
	 * 1000 x 760 dp at the least) cannot fit the window. */
	c->dp = fmin(c->ppmm / REF_PX_PER_MM, fmin(c->W / 1000.0, c->H / 760.0));
	c->wdp = c->W / c->dp;
	c->hdp = c->H / c->dp;
	c->narrow = c->wdp < 1300;
	c->min_target = MIN_TARGET_MM * c->ppmm;
	/* A short landscape panel (1280x800 at 10-13 inches, 1920x1080 at
	 * 15.6) has about 760 dp of height: the header and footer buttons
	 * take the 15 mm a finger needs, not the 88 dp a 24-inch panel can
	 * afford, so there is room left to read. */
	c->tight = c->W > c->H && c->hdp < 900;
	c->bar_bh = c->tight ? fmax(T(c, 0), D(c, 64)) : T(c, BUTTON_H);
	c->row_h = c->tight ? c->bar_bh + D(c, 24) : fmax(D(c, HEADER_H), c->bar_bh + D(c, 40));
	c->header_h = c->row_h;   /* header() decides on a second row */
}

bool pe_screens_build(pe_screens *screens, const pe_screen_env *env, pe_app *app,
                      double now, pe_frame *frame, pe_error *err)
{
	pe_frame_finish(frame);
	ctx c;
	ctx_init(&c, env, app);
	frame->px_per_mm = c.ppmm;
	frame->min_target = MIN_TARGET_MM * c.ppmm;

	frame->dl = pe_dlist_create();
	pe_page *pg = frame->dl ? pe_dlist_add_page(frame->dl, c.W, c.H) : NULL;
	if (!pg) {
		pe_error_set(err, NULL, 0, "kiosk: out of memory building a screen");
		return false;
	}
	bool ok = true;
	switch (app->screen) {
	case PE_SCREEN_HOME:
		build_home(&c, pg);
		break;
	case PE_SCREEN_TOPIC:
		ok = build_topic(screens, &c, pg, frame, err);
		break;
	case PE_SCREEN_PRINT:
		build_print(&c, pg);
		break;
	case PE_SCREEN_STAFF:
		build_staff(&c, pg);
		break;
	}
	if (ok && app->warning) {
		pe_page *ov = pe_dlist_add_page(frame->dl, c.W, c.H);
		if (!ov)
			c.ok = false;
		else {
			frame->overlay = true;
			build_warning(&c, ov, now);
		}
	}
	if (ok && !c.ok) {
		pe_error_set(err, NULL, 0, "kiosk: out of memory building a screen");
		ok = false;
	}
	return ok;
}

bool pe_screens_update_overlay(pe_screens *screens, const pe_screen_env *env, pe_app *app,
                               double now, pe_frame *frame, pe_error *err)
{
	if (!frame->dl || frame->dl->n_pages == 0 || !app->warning)
		return pe_screens_build(screens, env, app, now, frame, err);
	ctx c;
	ctx_init(&c, env, app);
	/* A new list: the screen page copied as it is, a fresh overlay. */
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = dl ? pe_dlist_add_page(dl, c.W, c.H) : NULL;
	bool ok = pg && pe_page_copy_ops(pg, &frame->dl->pages[0], -INFINITY, INFINITY, 0, 0);
	pe_page *ov = ok ? pe_dlist_add_page(dl, c.W, c.H) : NULL;
	if (ov)
		build_warning(&c, ov, now);
	if (!ov || !c.ok) {
		pe_dlist_destroy(dl);
		pe_error_set(err, NULL, 0, "kiosk: out of memory building the warning");
		return false;
	}
	pe_dlist_destroy(frame->dl);
	frame->dl = dl;
	frame->overlay = true;
	return true;
}

bool pe_screens_hit_name(const pe_screen_env *env, const pe_op *op, char *buf, size_t size)
{
	int arg = op->u.hit.arg;
	const char *lang = arg >= 0 && (size_t)arg < env->n_langs ? env->langs[arg] : "?";
	const pe_topic *t = env->lib && arg >= 0 && (size_t)arg < pe_library_count(env->lib)
	                        ? pe_library_topic(env->lib, (size_t)arg)
	                        : NULL;
	int n = -1;
	switch ((pe_action)op->u.hit.action) {
	case PE_ACT_NONE:
	case PE_ACT_COUNT: n = snprintf(buf, size, "none"); break;
	case PE_ACT_HOME: n = snprintf(buf, size, "home"); break;
	case PE_ACT_BACK: n = snprintf(buf, size, "back"); break;
	case PE_ACT_LANG: n = snprintf(buf, size, "lang-%s", lang); break;
	case PE_ACT_TOPIC: n = snprintf(buf, size, "topic:%s", t ? t->id : "?"); break;
	case PE_ACT_EMERGENCY: n = snprintf(buf, size, "emergency"); break;
	case PE_ACT_SECTION: n = snprintf(buf, size, "section:%d", arg); break;
	case PE_ACT_SECTIONS_UP: n = snprintf(buf, size, "sections-up"); break;
	case PE_ACT_SECTIONS_DOWN: n = snprintf(buf, size, "sections-down"); break;
	case PE_ACT_TEXT_SIZE: n = snprintf(buf, size, "text-size:%d", arg); break;
	case PE_ACT_PRINT_OPEN: n = snprintf(buf, size, "print"); break;
	case PE_ACT_PRINT_LANG: n = snprintf(buf, size, "print-lang-%s", lang); break;
	case PE_ACT_COPIES: n = snprintf(buf, size, "copies:%d", arg); break;
	case PE_ACT_PRINT_GO: n = snprintf(buf, size, "print-go"); break;
	case PE_ACT_STILL_HERE: n = snprintf(buf, size, "still-here"); break;
	case PE_ACT_PIN_DIGIT: n = snprintf(buf, size, "pin:%d", arg); break;
	case PE_ACT_PIN_CLEAR: n = snprintf(buf, size, "pin-clear"); break;
	case PE_ACT_PIN_OK: n = snprintf(buf, size, "pin-ok"); break;
	case PE_ACT_STAFF_RELOAD: n = snprintf(buf, size, "staff-reload"); break;
	case PE_ACT_STAFF_TEST_PRINT: n = snprintf(buf, size, "staff-test-print"); break;
	case PE_ACT_STAFF_CONTRAST: n = snprintf(buf, size, "staff-contrast"); break;
	case PE_ACT_STAFF_EXIT: n = snprintf(buf, size, "staff-exit"); break;
	case PE_ACT_STAFF_CLOSE: n = snprintf(buf, size, "staff-close"); break;
	}
	return n >= 0 && (size_t)n < size;
}
