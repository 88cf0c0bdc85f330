/* SPDX-License-Identifier: MIT */
/*
 * pictures.c - timeline and severity scale pictures (see pictures.h).
 *
 * Both are drawn to read at a glance on paper and on the kiosk, at any
 * column width:
 *
 * Timeline: a vertical axis on the left with one node per event, the
 * "when" in bold and the "what" beside it; events that last (until > at)
 * get a bar down the axis for as long as their text, moments get a dot;
 * colour tells the kind (care, side effect, benefit, warning) and the
 * infusion itself (at = 0) is a larger node with a drip. In wide columns
 * an overview strip on top places every event on a time axis (a log-like
 * scale of hours, so "2 days before", "6-12 hours", "3 days" and "several
 * weeks" all fit) with the same numbers as the list below: a drip hangs
 * over the infusion's line, landmarks ("Infusion" in bold, "1 day",
 * "1 week"...) are named under the axis in the words the caller gave
 * (pe_style.words, already translated), each
 * event's "when" is written inside its bar or beside it where it fits on
 * one line, else on the lane under the bar joined to it by a short line
 * (never running on past the bar's end); bars carry a pattern per kind
 * (hatched, cross-hatched, dotted) so they read apart in grey, and a
 * legend in every style says what colours and patterns mean. A landmark
 * that would crowd another is
 * left out; if the infusion's name or too few landmarks fit, the whole
 * strip is, and the list alone tells it.
 *
 * Severity scale: one box per level, side by side when there is room,
 * else stacked, tinted by grade, each with a meter of 1-3 bars so the
 * grade reads without colour too.
 *
 * Pictures use only the public layout functions, never paint, and never
 * draw outside (x, width).
 */
#include "pictures.h"
#include "alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "shapes.h"

static pe_color event_color(const pe_style *st, pe_event_kind k)
{
	switch (k) {
	case PE_EVENT_EFFECT: return st->moderate;
	case PE_EVENT_BENEFIT: return st->mild;
	case PE_EVENT_WARNING: return st->severe;
	case PE_EVENT_CARE:
	default: return st->accent;
	}
}

static bool tinted(const pe_style *st)
{
	return st->info_bg.a > 0;
}

static double cap_middle(pe_layout *L, const pe_text_style *t, double top)
{
	return top + pe_layout_baseline(L, t) - 0.357 * t->size;
}

/* ---- timeline: overview strip ------------------------------------------ */

/* Hours -> position on a log-like axis: 0 stays 0, a day and a week are
 * far enough apart, and weeks do not push the first hours into a corner. */
static double tscale(double h)
{
	double v = log1p(fabs(h) / 3.0);
	return h < 0 ? -v : v;
}

#define MAX_LANES 12

typedef struct overview {
	double x0, x1;         /* axis ends */
	double t_min, t_max;   /* scaled times at the ends */
	double lane_h, r;      /* lane pitch, marker radius */
	int n_lanes;
} overview;

static double ov_x(const overview *ov, double hours)
{
	double t = tscale(hours);
	return ov->x0 + (t - ov->t_min) / (ov->t_max - ov->t_min) * (ov->x1 - ov->x0);
}

/* Numbered marker in a circle, centred at (cx, cy). */
static void number_dot(pe_layout *L, pe_page *pg, const pe_style *st, int num, double cx,
                       double cy, double r, pe_color fill)
{
	if (!pg)
		return;
	pe_shape_circle(pg, cx, cy, r, fill, PE_NO_COLOR, 0);
	char s[16];
	snprintf(s, sizeof s, "%d", num % 1000);
	double size = fmax(r * (num >= 10 ? 1.05 : 1.25), st->small_size);   /* the minimum */
	double w = pe_layout_width(L, s, PE_FACE_BOLD, size);
	pe_page_add_text(pg, cx - w / 2, cy + 0.357 * size, w, s, PE_FACE_BOLD, size,
	                 pe_layout_ascent(L, PE_FACE_BOLD, size),
	                 pe_layout_descent(L, PE_FACE_BOLD, size), st->page, NULL);
}

/* The word as the caller gave it, or the English of its key. */
static const char *word(const pe_style *st, int i)
{
	if (st->words[i] && *st->words[i])
		return st->words[i];
	const char *key = pe_layout_picture_word_key(i);
	const char *eot = strchr(key, '\004');
	return eot ? eot + 1 : key;
}

/* Landmarks named under the time axis, in the reader's language, in
 * order of importance: the infusion must always be there; a later one is
 * left out where it would crowd one placed before it. */
typedef struct landmark {
	double hours;
	int word;              /* PE_WORD_* */
} landmark;

static const landmark landmarks[] = {
	{ 0, PE_WORD_INFUSION },
	{ -48, PE_WORD_2_DAYS_BEFORE },
	{ 24, PE_WORD_1_DAY },
	{ 72, PE_WORD_3_DAYS },
	/* (3 weeks before 1 week: at the end of the axis it names where the
	 * benefit comes; 1 week gives way when the two would crowd) */
	{ 504, PE_WORD_3_WEEKS },
	{ 168, PE_WORD_1_WEEK },
	/* Finer ones for short timelines, where there is room. */
	{ 6, PE_WORD_6_HOURS },
	{ 48, PE_WORD_2_DAYS },
};
#define N_LANDMARKS (sizeof landmarks / sizeof landmarks[0])

/* What the colours mean, in the order the legend shows them. */
static const struct {
	pe_event_kind kind;
	int word;
} kinds[] = {
	{ PE_EVENT_CARE, PE_WORD_LEGEND_CARE },
	{ PE_EVENT_EFFECT, PE_WORD_LEGEND_EFFECT },
	{ PE_EVENT_WARNING, PE_WORD_LEGEND_WARNING },
	{ PE_EVENT_BENEFIT, PE_WORD_LEGEND_BENEFIT },
};
#define N_KINDS (sizeof kinds / sizeof kinds[0])

#define MAX_EVENTS 64
#define DRIP 2.0   /* drip icon size, in body sizes */

/* Everything the strip decided, measured once and drawn from. */
typedef struct strip {
	overview ov;
	int lane[MAX_EVENTS];
	char *when[MAX_EVENTS];        /* owned; NULL: no label beside the bar */
	double when_x[MAX_EVENTS];
	/* the label hangs on the lane under its bar, joined to it by a line at
	 * link_x (it fitted neither in the bar nor beside it) */
	bool below[MAX_EVENTS];
	double link_x[MAX_EVENTS];
	const char *mark_text[N_LANDMARKS];   /* NULL: not shown */
	double mark_x[N_LANDMARKS], mark_w[N_LANDMARKS];
	/* break marks on the axis, in the middle of each gap between ticks
	 * that is not to scale */
	double break_x[N_LANDMARKS];
	size_t n_breaks;
	bool has_zero, legend;
	double bar_h;                  /* bar thickness */
	double top_h;                  /* drip above the lanes */
	double axis_y, labels_y, legend_y, h;
} strip;

static void strip_free(strip *sp, size_t n)
{
	for (size_t i = 0; i < n && i < MAX_EVENTS; i++)
		free(sp->when[i]);
}

/* Extent of event i on its lane: marker, bar and (when placed) its label. */
static void event_extent(const strip *sp, const pe_item *it, size_t i, double lw, double *a,
                         double *e)
{
	const overview *ov = &sp->ov;
	double xa = ov_x(ov, it->at);
	double until = it->until > it->at ? it->until : it->at;
	*a = xa - ov->r * 1.15;
	*e = fmax(ov_x(ov, until), xa) + ov->r * 1.15;
	/* labels on one lane keep most of a body size apart, so two never
	 * read as one ("...the first 24 hours  Several weeks after") */
	double air = 0.4 * ov->lane_h;
	if (sp->when[i] && !sp->below[i]) {
		if (sp->when_x[i] < xa)
			*a = sp->when_x[i] - air;
		else
			*e = fmax(*e, sp->when_x[i] + lw + air);
	}
}

/* Is [a, e] free on lane l among the spans placed so far? */
typedef struct span {
	double a, e;
	int lane;
} span;

static bool lane_free(const span *used, size_t n, int l, double a, double e)
{
	for (size_t k = 0; k < n; k++)
		if (used[k].lane == l && used[k].a < e && a < used[k].e)
			return false;
	return true;
}

/* Lanes with or without labels beside the bars: each event on the first
 * lane where it fits, a label that hangs under its bar on the lane just
 * below (so its line crosses nothing); -1 when more than MAX_LANES would
 * be needed. */
static int strip_lanes(strip *sp, const pe_block *b, const double *lw)
{
	span used[2 * MAX_EVENTS];
	size_t n_used = 0;
	int n = 0;
	double air = 0.4 * sp->ov.lane_h;
	for (size_t i = 0; i < b->n_items; i++) {
		double a, e;
		event_extent(sp, &b->items[i], i, lw[i], &a, &e);
		bool below = sp->when[i] && sp->below[i];
		double la = sp->when_x[i] - air, le = sp->when_x[i] + lw[i] + air;
		int l = 0;
		while (!lane_free(used, n_used, l, a, e) ||
		       (below && !lane_free(used, n_used, l + 1, la, le)))
			l++;
		if (l + (below ? 1 : 0) >= MAX_LANES)
			return -1;
		used[n_used++] = (span){ a, e, l };
		if (below)
			used[n_used++] = (span){ la, le, l + 1 };
		sp->lane[i] = l;
		if (l + 1 + (below ? 1 : 0) > n)
			n = l + 1 + (below ? 1 : 0);
	}
	return n;
}

/* Where a label that fits neither in its bar nor beside it hangs on the
 * lane below, joined by a short line (it once ran on past the end of its
 * bar onto the paper, or was left out: "During the infusion and the first
 * 24 hours" at the kiosk's largest text): from under its marker, pushed
 * left to stay in the column, never across the infusion's line when the
 * event comes after it (one that starts with the infusion may cross it:
 * the label is on the page's colour). The line drops from the bar just past the marker
 * (not down the infusion's line), or from the marker of a moment. */
static bool hang_label(const strip *sp, const pe_style *st, const pe_item *it, double tw,
                       double x, double w, double *lx, double *link_x)
{
	const overview *ov = &sp->ov;
	double s = st->body_size;
	double xa = ov_x(ov, it->at);
	double xb = fmax(ov_x(ov, it->until > it->at ? it->until : it->at), xa);
	double lo = x;
	if (sp->has_zero && it->at > 0)
		lo = fmax(lo, ov_x(ov, 0) + 0.3 * s);
	double l = fmin(fmax(xa - ov->r, lo), x + w - tw);
	if (l < lo - 1e-9)
		return false;
	double cx = xb > xa ? fmin(fmax(xa + ov->r + 0.3 * s, l + 0.3 * s), xb - 0.3 * s) : xa;
	if (cx < fmax(xa, l) || cx > fmin(fmax(xb, xa), l + tw))
		return false;
	*lx = l;
	*link_x = cx;
	return true;
}

/* The axis is log-like (the first day as wide as the three weeks after
 * it), so it says where it is not to scale: a gap between two ticks that
 * holds twice the hours per point of the least compressed gap, or more,
 * gets break marks in its middle. */
#define BREAK_RATIO 2.0

static void plan_breaks(strip *sp)
{
	double hours[N_LANDMARKS], xs[N_LANDMARKS];
	size_t n = 0;
	for (size_t k = 0; k < N_LANDMARKS; k++) {
		if (!sp->mark_text[k])
			continue;
		/* in order of time (insertion: at most N_LANDMARKS) */
		size_t j = n++;
		for (; j > 0 && hours[j - 1] > landmarks[k].hours; j--) {
			hours[j] = hours[j - 1];
			xs[j] = xs[j - 1];
		}
		hours[j] = landmarks[k].hours;
		xs[j] = ov_x(&sp->ov, landmarks[k].hours);
	}
	sp->n_breaks = 0;
	double least = INFINITY;
	for (size_t k = 0; k + 1 < n; k++)
		least = fmin(least, (hours[k + 1] - hours[k]) / (xs[k + 1] - xs[k]));
	for (size_t k = 0; k + 1 < n; k++)
		if ((hours[k + 1] - hours[k]) / (xs[k + 1] - xs[k]) >= BREAK_RATIO * least - 1e-9)
			sp->break_x[sp->n_breaks++] = (xs[k] + xs[k + 1]) / 2;
}

/* Measure (and decide) the strip at (x, y) in width w; false: no strip. */
static bool plan_overview(pe_layout *L, strip *sp, const pe_block *b, const pe_style *st,
                          double x, double y, double w)
{
	double s = st->body_size, small = st->small_size;
	overview *ov = &sp->ov;
	memset(sp, 0, sizeof *sp);
	/* markers big enough that their numbers (1.25 r) are never set
	 * below the template's small size */
	ov->r = fmax(0.5 * s, 0.8 * small);
	/* a bar holds a small bold label with a little air around its ink */
	sp->bar_h = pe_layout_ascent(L, PE_FACE_BOLD, small) +
	            pe_layout_descent(L, PE_FACE_BOLD, small) + 0.15 * s;
	ov->lane_h = sp->bar_h + 0.3 * s;
	double tmin = 0, tmax = 0;
	for (size_t i = 0; i < b->n_items; i++) {
		const pe_item *it = &b->items[i];
		double u = it->until > it->at ? it->until : it->at;
		if (it->at < tmin) tmin = it->at;
		if (u > tmax) tmax = u;
	}
	ov->t_min = tscale(tmin);
	ov->t_max = tscale(tmax);
	if (ov->t_max - ov->t_min < 1e-6)
		ov->t_max = ov->t_min + 1;
	sp->has_zero = tmin <= 0 && tmax >= 0;
	double drip = DRIP * s;
	ov->x0 = x + fmax(ov->r * 1.2, sp->has_zero && tmin >= 0 ? drip / 2 : 0) + st->rule;
	ov->x1 = x + w - fmax(ov->r * 1.2, sp->has_zero && tmax <= 0 ? drip / 2 : 0) - st->rule;
	if (sp->has_zero && (ov_x(ov, 0) - drip / 2 < x - 1e-9 || ov_x(ov, 0) + drip / 2 > x + w + 1e-9))
		return false;

	/* Axis landmarks: centred on their tick, pushed inside the column at
	 * the ends, a body size apart at least ("1 semana" and "3 semanas"
	 * read as one label when they were a space apart). */
	double gap = 1.0 * s;
	size_t shown = 0;
	for (size_t k = 0; k < N_LANDMARKS; k++) {
		const landmark *m = &landmarks[k];
		if (m->hours < tmin - 1e-9 || m->hours > tmax + 1e-9)
			continue;
		const char *t = word(st, m->word);
		pe_face face = m->hours == 0 ? PE_FACE_BOLD : PE_FACE_REGULAR;
		double lw = pe_layout_width(L, t, face, small);
		if (lw > w) {
			if (m->hours == 0)
				return false;
			continue;
		}
		double lx = ov_x(ov, m->hours) - lw / 2;
		lx = fmin(fmax(lx, x), x + w - lw);
		bool clear = true;
		for (size_t j = 0; j < k && clear; j++)
			if (sp->mark_text[j] && lx < sp->mark_x[j] + sp->mark_w[j] + gap &&
			    sp->mark_x[j] < lx + lw + gap)
				clear = false;
		if (!clear)
			continue;
		sp->mark_text[k] = t;
		sp->mark_x[k] = lx;
		sp->mark_w[k] = lw;
		shown++;
	}
	/* an axis with the infusion and fewer than two other points says
	 * too little: then the list alone tells it better */
	if ((sp->has_zero && !sp->mark_text[0]) || shown < 3)
		return false;
	plan_breaks(sp);

	/* The "when" of each event beside its bar (right, else left) when it
	 * fits on one line inside the axis; else the number alone. */
	double lw[MAX_EVENTS] = { 0 };
	for (size_t i = 0; i < b->n_items; i++) {
		const pe_item *it = &b->items[i];
		char *t = pe_text_plain(&it->label);
		if (!t) {
			pe_layout_set_error(L, "out of memory laying out a timeline");
			continue;
		}
		double tw = pe_layout_width(L, t, PE_FACE_BOLD, small);
		double xa = ov_x(ov, it->at);
		double xb = fmax(ov_x(ov, it->until > it->at ? it->until : it->at), xa);
		double xe = xb + ov->r;
		if (xa + ov->r + 0.3 * s + tw <= xb - 0.4 * s) {
			/* inside its own bar, after the number */
			sp->when_x[i] = xa + ov->r + 0.3 * s;
		} else if (xe + 0.4 * s + tw <= x + w) {
			sp->when_x[i] = xe + 0.4 * s;
		} else if (xa - ov->r - 0.4 * s - tw >= x &&
		           (!sp->has_zero || it->at < 0 ||
		            xa - ov->r - 0.4 * s - tw >= ov_x(ov, 0) + 0.3 * s)) {
			/* on the left, but what happens after the infusion is
			 * never written before (or across) its line */
			sp->when_x[i] = xa - ov->r - 0.4 * s - tw;
		} else if (!hang_label(sp, st, it, tw, x, w, &sp->when_x[i], &sp->link_x[i])) {
			free(t);
			continue;
		} else {
			sp->below[i] = true;
		}
		sp->when[i] = t;
		lw[i] = tw;
	}
	int n = strip_lanes(sp, b, lw);
	if (n < 0) {
		/* labels would make it too tall: numbers only */
		strip_free(sp, b->n_items);
		memset(sp->when, 0, sizeof sp->when);
		memset(sp->below, 0, sizeof sp->below);
		n = strip_lanes(sp, b, lw);
		if (n < 0)
			return false;
	}
	ov->n_lanes = n;

	/* Legend in every style: in high contrast the outlines still carry
	 * the kind's colour (it was left out there, and the kiosk's high
	 * contrast screen had no key to its bars). */
	sp->top_h = sp->has_zero ? drip + 0.1 * s : 0;
	sp->axis_y = y + sp->top_h + n * ov->lane_h + 0.2 * s;
	sp->labels_y = sp->axis_y + 0.35 * s;
	double h = sp->labels_y + small * 1.3 - y;
	sp->legend = true;
	if (sp->legend) {
		sp->legend_y = y + h + 0.5 * s;
		double lx = x;
		int rows = 1;
		for (size_t k = 0; k < N_KINDS; k++) {
			bool used = false;
			for (size_t i = 0; i < b->n_items; i++)
				used |= b->items[i].event == kinds[k].kind;
			if (!used)
				continue;
			double iw = 2.0 * s + pe_layout_width(L, word(st, kinds[k].word),
			                                      PE_FACE_REGULAR, small);
			if (iw > w) {
				strip_free(sp, b->n_items);
				return false;
			}
			if (lx > x && lx + iw > x + w) {
				rows++;
				lx = x;
			}
			lx += iw + 1.0 * s;
		}
		h = sp->legend_y + rows * small * 1.3 - y;
	}
	sp->h = h;
	return true;
}

/* A kind's swatch: the bar as the strip draws it. */
static void event_bar(pe_page *pg, const pe_style *st, pe_color c, double x0, double cy,
                      double len, double bh)
{
	/* in black on white a bar is an outline filled with the page, so the
	 * infusion line behind it never runs through its label */
	pe_color fill = tinted(st) ? pe_color_mix(c, st->page, 0.4) : st->page;
	pe_page_add_rect(pg, x0, cy - bh / 2, len, bh, fill, tinted(st) ? PE_NO_COLOR : c, st->rule,
	                 bh / 2);
}

/* A kind's pattern inside a bar from x0 to x1 (clear of its rounded ends
 * and of a label inside it), so the kinds read apart without colour (in
 * high contrast every kind is black; a handout may be copied in grey):
 * what you do plain, side effects hatched, what to watch for
 * cross-hatched, the benefit dotted. */
static void bar_pattern(pe_page *pg, const pe_style *st, pe_event_kind k, pe_color c,
                        double x0, double x1, double cy, double bh)
{
	if (k == PE_EVENT_CARE)
		return;
	double in = 2 * st->rule;
	double d = bh - 2 * in;   /* a hatch line's rise and run */
	double step = (k == PE_EVENT_WARNING ? 1.25 : 0.75) * bh;
	if (d <= 0)
		return;
	for (double px = x0; px + d <= x1 + 1e-9; px += step) {
		if (k == PE_EVENT_BENEFIT) {
			pe_shape_circle(pg, px + d / 2, cy, 0.12 * bh, c, PE_NO_COLOR, 0);
			continue;
		}
		pe_shape_line(pg, px, cy + d / 2, px + d, cy - d / 2, c, st->rule);
		if (k == PE_EVENT_WARNING)
			pe_shape_line(pg, px, cy - d / 2, px + d, cy + d / 2, c, st->rule);
	}
}

static double lay_overview(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                           double x, double y, double w)
{
	if (b->n_items > MAX_EVENTS)
		return 0;
	strip sp;
	if (!plan_overview(L, &sp, b, st, x, y, w))
		return 0;
	if (!pg) {
		strip_free(&sp, b->n_items);
		return sp.h;
	}
	const overview *ov = &sp.ov;
	double s = st->body_size, small = st->small_size;
	pe_color axis = tinted(st) ? pe_color_mix(st->muted, st->page, 0.45) : st->text;
	pe_text_style lab = { PE_FACE_REGULAR, small, 1.3, st->muted, st->link };
	pe_text_style lab_b = { PE_FACE_BOLD, small, 1.3, st->text, st->link };
	/* the infusion: the drip hangs above the lanes and its line runs down
	 * to the axis, where "Infusion" is written in bold */
	if (sp.has_zero) {
		double zx = ov_x(ov, 0);
		double drip = DRIP * s;
		pe_path_seg segs[2] = {
			{ .verb = PE_PATH_MOVE, .x = { zx }, .y = { y + drip } },
			{ .verb = PE_PATH_LINE, .x = { zx }, .y = { sp.axis_y } },
		};
		pe_page_add_path(pg, segs, 2, PE_NO_COLOR,
		                 tinted(st) ? pe_color_mix(st->accent, st->page, 0.6) : st->text,
		                 1.5 * st->rule, true);
		pe_layout_icon(pg, PE_ICON_DRIP, zx - drip / 2, y, drip, st->accent);
	}
	/* the axis, cut at each break: two slanted strokes across it with a
	 * gap between (the usual "not to scale" sign), kept between the
	 * lowest bar and the labels */
	double ax = ov->x0;
	double bw = 0.3 * s, bh = 0.25 * s, slant = 0.12 * s;
	for (size_t k = 0; k < sp.n_breaks; k++) {
		double bx = sp.break_x[k];
		pe_shape_line(pg, ax, sp.axis_y, bx - bw / 2, sp.axis_y, axis, 1.5 * st->rule);
		for (int side = -1; side <= 1; side += 2) {
			double cx = bx + side * bw / 2;
			pe_shape_line(pg, cx - slant, sp.axis_y + bh, cx + slant, sp.axis_y - bh, axis,
			              1.2 * st->rule);
		}
		ax = bx + bw / 2;
	}
	pe_shape_line(pg, ax, sp.axis_y, ov->x1, sp.axis_y, axis, 1.5 * st->rule);
	for (size_t k = 0; k < N_LANDMARKS; k++) {
		if (!sp.mark_text[k])
			continue;
		double mx = ov_x(ov, landmarks[k].hours);
		bool zero = landmarks[k].hours == 0;
		pe_shape_line(pg, mx, sp.axis_y, mx, sp.axis_y + 0.3 * s, zero ? st->text : axis,
		              (zero ? 2.0 : 1.2) * st->rule);
		pe_layout_plain(L, pg, sp.mark_text[k], zero ? &lab_b : &lab, sp.mark_x[k], sp.labels_y,
		                sp.mark_w[k] + 1, NULL);
	}
	double lanes_top = y + sp.top_h;
	for (size_t i = 0; i < b->n_items; i++) {
		const pe_item *it = &b->items[i];
		double cy = lanes_top + (sp.lane[i] + 0.5) * ov->lane_h;
		double xa = ov_x(ov, it->at);
		pe_color c = event_color(st, it->event);
		if (it->until > it->at) {
			double xb = ov_x(ov, it->until);
			event_bar(pg, st, c, xa, cy, xb - xa, sp.bar_h);
			/* the pattern after the marker, or after a label inside */
			double p0 = xa + ov->r + 0.2 * s;
			if (sp.when[i] && !sp.below[i] && sp.when_x[i] > xa && sp.when_x[i] < xb)
				p0 = sp.when_x[i] +
				     pe_layout_width(L, sp.when[i], PE_FACE_BOLD, small) + 0.3 * s;
			bar_pattern(pg, st, it->event, c, p0, xb - sp.bar_h / 2, cy, sp.bar_h);
		}
		number_dot(L, pg, st, (int)i + 1, xa, cy, ov->r, c);
		if (sp.when[i]) {
			pe_text_style t = lab_b;
			t.color = st->text;
			/* the label's ink (ascent to descent) centred on the lane */
			double asc = pe_layout_ascent(L, PE_FACE_BOLD, small);
			double desc = pe_layout_descent(L, PE_FACE_BOLD, small);
			double tw = pe_layout_width(L, sp.when[i], PE_FACE_BOLD, small);
			double ly = cy;
			if (sp.below[i]) {
				/* on the lane below, on the page's colour (the infusion's
				 * line may pass behind it), joined to its bar */
				ly = cy + ov->lane_h;
				double pad = 0.15 * s;
				double bx0 = fmax(sp.when_x[i] - pad, x);
				double bx1 = fmin(sp.when_x[i] + tw + pad, x + w);
				pe_page_add_rect(pg, bx0, ly - (asc + desc) / 2 - pad, bx1 - bx0,
				                 asc + desc + 2 * pad, st->page, PE_NO_COLOR, 0, 0);
			}
			double top = ly + (asc - desc) / 2 - pe_layout_baseline(L, &t);
			if (sp.below[i]) {
				/* the line reaches down to just over the capitals */
				double cx = sp.link_x[i];
				double from = cy + (fabs(cx - xa) < ov->r ? ov->r : sp.bar_h / 2);
				double to = top + pe_layout_baseline(L, &t) - 0.72 * small - 0.1 * s;
				pe_shape_line(pg, cx, from, cx, to, c, 2 * st->rule);
			}
			pe_layout_plain(L, pg, sp.when[i], &t, sp.when_x[i], top, tw + 1, NULL);
		}
	}
	if (sp.legend) {
		double lx = x, ly = sp.legend_y;
		for (size_t k = 0; k < N_KINDS; k++) {
			bool used = false;
			for (size_t i = 0; i < b->n_items; i++)
				used |= b->items[i].event == kinds[k].kind;
			if (!used)
				continue;
			const char *t = word(st, kinds[k].word);
			double tw = pe_layout_width(L, t, PE_FACE_REGULAR, small);
			double iw = 2.0 * s + tw;
			if (lx > x && lx + iw > x + w) {
				lx = x;
				ly += small * 1.3;
			}
			double cy = cap_middle(L, &lab, ly);
			/* the swatch looks like what the strip draws in that colour:
			 * a bar, or only a marker when no event of the kind lasts
			 * (the benefit comes at one time) */
			bool bar = false;
			for (size_t i = 0; i < b->n_items; i++)
				bar |= b->items[i].event == kinds[k].kind && b->items[i].until > b->items[i].at;
			/* (an outline's stroke stays inside the column) */
			double in = tinted(st) ? 0 : st->rule / 2;
			pe_color kc = event_color(st, kinds[k].kind);
			if (bar) {
				event_bar(pg, st, kc, lx + in, cy, 1.6 * s - 2 * in, 0.6 * s);
				bar_pattern(pg, st, kinds[k].kind, kc, lx + 0.3 * s, lx + 1.3 * s, cy,
				            0.6 * s);
			}
			else
				pe_shape_circle(pg, lx + 0.8 * s, cy, 0.3 * s, kc, PE_NO_COLOR, 0);
			pe_text_style t2 = lab;
			t2.color = st->text;
			pe_layout_plain(L, pg, t, &t2, lx + 2.0 * s, ly, tw + 1, NULL);
			lx += iw + 1.0 * s;
		}
	}
	strip_free(&sp, b->n_items);
	return sp.h;
}

/* ---- timeline: the list ------------------------------------------------ */

static double lay_timeline(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                           double x, double y, double w, pe_breaks *bk)
{
	double s = st->body_size;
	double cy = y;
	/* the overview strip only where it has room to stay readable */
	bool numbered = false;
	if (w >= 26 * s && b->n_items >= 2 && b->n_items <= 12) {
		double oh = lay_overview(L, pg, b, st, x, cy, w);
		if (oh > 0) {
			numbered = true;
			cy += oh + 0.9 * s;
		}
	}
	double node = 2.4 * s;
	double ax = x + node / 2;
	double tx = x + node + 0.2 * s;
	double tw = x + w - tx;
	double r = numbered ? fmax(0.5 * s, 0.8 * st->small_size) : 0.42 * s;
	double big = 0.85 * s;
	pe_text_style when = { PE_FACE_BOLD, s, st->leading, st->text, st->link };
	pe_text_style what = { PE_FACE_REGULAR, s, st->leading, st->text, st->link };
	pe_color axis = tinted(st) ? pe_color_mix(st->muted, st->page, 0.35) : st->text;

	/* node centres and event extents, measured first so the axis and bars
	 * go under the text */
	size_t n = b->n_items;
	if (n == 0)
		return cy - y;
	double *top = pe_malloc(3 * n * sizeof *top);
	if (!top) {
		/* the picture is left out: the layout's error says so */
		pe_layout_set_error(L, "out of memory laying out a timeline");
		return cy - y;
	}
	double *bottom = top + n, *ny = top + 2 * n;
	bool drip_done = false;
	double ey = cy;
	for (size_t i = 0; i < n; i++) {
		const pe_item *it = &b->items[i];
		if (i > 0)
			ey += 0.75 * s;
		top[i] = ey;
		/* After the chart and between events, as between steps: a long
		 * timeline in large print then turns the page there, not
		 * between the chart's bars and its axis. */
		if (i > 0 || ey > y)
			pe_breaks_add(bk, ey - 0.3 * s);   /* in the gap: a node's ring
			                                      reaches a little above ey */
		double h = pe_layout_text(L, NULL, &it->label, &when, tx, ey, tw, NULL);
		h += pe_layout_text(L, NULL, &it->text, &what, tx, ey + h, tw, NULL);
		ny[i] = cap_middle(L, &when, ey);
		bool is_drip = !drip_done && it->at == 0 && !numbered;
		if (is_drip)
			drip_done = true;
		double rr = is_drip ? big : r;
		if (ny[i] - rr < ey) {
			/* keep the node inside the event's band */
			ny[i] = ey + rr;
		}
		if (ny[i] + rr > ey + h)
			h = ny[i] + rr - ey;
		bottom[i] = ey + h;
		ey += h;
	}
	if (pg && n > 1)
		pe_shape_line(pg, ax, ny[0], ax, ny[n - 1], axis, 2 * st->rule);
	drip_done = false;
	for (size_t i = 0; pg && i < n; i++) {
		const pe_item *it = &b->items[i];
		pe_color c = event_color(st, it->event);
		if (it->until > it->at) {
			/* a lasting event: a bar from its node to the end of its text */
			double bw = tinted(st) ? 0.55 * s : 0.3 * s;
			double y1 = bottom[i] - 0.2 * s;
			if (y1 > ny[i] + r) {
				pe_color fill = tinted(st) ? pe_color_mix(c, st->page, 0.4) : c;
				pe_page_add_rect(pg, ax - bw / 2, ny[i], bw, y1 - ny[i], fill,
				                 PE_NO_COLOR, 0, bw / 2);
			}
		}
		bool is_drip = !drip_done && it->at == 0 && !numbered;
		if (is_drip) {
			drip_done = true;
			pe_shape_circle(pg, ax, ny[i], big, c, st->page, 0.15 * s);
			pe_layout_icon(pg, PE_ICON_DRIP, ax - big * 0.62, ny[i] - big * 0.62, big * 1.24,
			               st->page);
		} else if (numbered) {
			pe_shape_circle(pg, ax, ny[i], r + 0.12 * s, st->page, PE_NO_COLOR, 0);
			number_dot(L, pg, st, (int)i + 1, ax, ny[i], r, c);
		} else {
			pe_shape_circle(pg, ax, ny[i], r, c, st->page, 0.15 * s);
		}
		double h = pe_layout_text(L, pg, &it->label, &when, tx, top[i], tw, NULL);
		pe_layout_text(L, pg, &it->text, &what, tx, top[i] + h, tw, NULL);
	}
	double h = bottom[n - 1] - y;
	free(top);
	return h;
}

double pe_picture_timeline(pe_layout *L, pe_page *pg, const pe_block *b,
                           const pe_style *st, double x, double y, double w, pe_breaks *bk)
{
	return lay_timeline(L, pg, b, st, x, y, w, bk);
}

/* ---- severity scale ---------------------------------------------------- */

static pe_color grade_color(const pe_style *st, pe_grade g)
{
	switch (g) {
	case PE_GRADE_MILD: return st->mild;
	case PE_GRADE_MODERATE: return st->moderate;
	case PE_GRADE_SEVERE: return st->severe;
	case PE_GRADE_NONE:
	default: return st->muted;
	}
}

static int grade_level(pe_grade g)
{
	switch (g) {
	case PE_GRADE_MILD: return 1;
	case PE_GRADE_MODERATE: return 2;
	case PE_GRADE_SEVERE: return 3;
	case PE_GRADE_NONE:
	default: return 0;
	}
}

/* Three rising bars, the first `level` of them solid; bottom-left at
 * (x, base). Returns the width. */
static double meter(pe_page *pg, const pe_style *st, double x, double base, int level,
                    pe_color c)
{
	double s = st->body_size;
	double bw = 0.33 * s, gap = 0.14 * s;
	for (int i = 0; i < 3; i++) {
		double h = (0.45 + 0.27 * i) * s;
		double bx = x + i * (bw + gap);
		if (!pg)
			continue;
		if (i < level)
			pe_page_add_rect(pg, bx, base - h, bw, h, c, PE_NO_COLOR, 0, 0.08 * s);
		else
			pe_page_add_rect(pg, bx + st->rule / 2, base - h + st->rule / 2,
			                 bw - st->rule, h - st->rule, PE_NO_COLOR,
			                 tinted(st) ? pe_color_mix(c, st->page, 0.5) : c, st->rule,
			                 0.08 * s);
	}
	return 3 * bw + 2 * gap;
}

/* Contents of one level (meter, name, what) at (x, y) in width w. */
static double level_body(pe_layout *L, pe_page *pg, const pe_item *it, const pe_style *st,
                         double x, double y, double w)
{
	double s = st->body_size;
	pe_color c = grade_color(st, it->grade);
	pe_text_style name = { PE_FACE_BOLD, 1.1 * s, 1.3, st->text, st->link };
	pe_text_style what = { PE_FACE_REGULAR, s, st->leading, st->text, st->link };
	double mw = meter(NULL, st, 0, 0, 0, c);
	double nx = x + mw + 0.5 * s;
	double h = pe_layout_text(L, pg, &it->label, &name, nx, y, x + w - nx, NULL);
	/* the meter stands on the name's baseline; its tallest bar (0.99 s)
	 * stays below the top because the baseline is 1.17 s down */
	double base = y + pe_layout_baseline(L, &name);
	meter(pg, st, x, base, grade_level(it->grade), c);
	h += 0.3 * s;
	h += pe_layout_text(L, pg, &it->text, &what, x, y + h, w, NULL);
	return h;
}

static double lay_scale(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                        double x, double y, double w)
{
	double s = st->body_size;
	size_t n = b->n_items;
	if (n == 0)
		return 0;
	double gap = 0.5 * s;
	double pad = 0.75 * s;
	double band = 0.32 * s;
	bool row = w >= n * 9.0 * s;
	if (row) {
		/* A level name that does not fit its card on one line (a long
		 * word in a longer language cannot wrap) would overflow the card:
		 * then stack the levels full width instead. */
		double bw = (w - (n - 1) * gap) / n;
		double room = bw - 2 * pad - meter(NULL, st, 0, 0, 0, st->text) - 0.5 * s;
		for (size_t i = 0; row && i < n; i++) {
			char *name = pe_text_plain(&b->items[i].label);
			if (!name)
				pe_layout_set_error(L, "out of memory laying out a scale");
			else if (pe_layout_width(L, name, PE_FACE_BOLD, 1.1 * s) > room)
				row = false;
			free(name);
		}
	}
	if (row) {
		double bw = (w - (n - 1) * gap) / n;
		double inner = 0;
		for (size_t i = 0; i < n; i++) {
			double h = level_body(L, NULL, &b->items[i], st, 0, 0, bw - 2 * pad);
			if (h > inner)
				inner = h;
		}
		double bh = band + pad + inner + pad;
		for (size_t i = 0; pg && i < n; i++) {
			double bx = x + i * (bw + gap);
			pe_color c = grade_color(st, b->items[i].grade);
			if (tinted(st))
				pe_page_add_rect(pg, bx, y, bw, bh, pe_color_mix(c, st->page, 0.1),
				                 PE_NO_COLOR, 0, st->radius);
			else
				pe_page_add_rect(pg, bx + st->rule / 2, y + st->rule / 2, bw - st->rule,
				                 bh - st->rule, PE_NO_COLOR, c, st->rule, st->radius);
			pe_pathb pb;
			pe_pb_reset(&pb);
			pe_pb_round_rect(&pb, bx, y, bw, band, st->radius, st->radius, 0, 0);
			pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
			level_body(L, pg, &b->items[i], st, bx + pad, y + band + pad, bw - 2 * pad);
		}
		return bh;
	}
	/* stacked: full-width boxes with a bar on the left */
	double cy = y;
	double bar = 0.35 * s;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			cy += 0.4 * s;
		double cx = x + bar + pad;
		double cw = w - bar - 2 * pad;
		double h = pad + level_body(L, NULL, &b->items[i], st, cx, cy + pad, cw) + pad;
		if (pg) {
			pe_color c = grade_color(st, b->items[i].grade);
			if (tinted(st))
				pe_page_add_rect(pg, x, cy, w, h, pe_color_mix(c, st->page, 0.1),
				                 PE_NO_COLOR, 0, st->radius);
			else
				pe_page_add_rect(pg, x + st->rule / 2, cy + st->rule / 2, w - st->rule,
				                 h - st->rule, PE_NO_COLOR, c, st->rule, st->radius);
			pe_pathb pb;
			pe_pb_reset(&pb);
			pe_pb_round_rect(&pb, x, cy, bar, h, st->radius, 0, 0, st->radius);
			pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
			level_body(L, pg, &b->items[i], st, cx, cy + pad, cw);
		}
		cy += h;
	}
	return cy - y;
}

double pe_picture_scale(pe_layout *L, pe_page *pg, const pe_block *b,
                        const pe_style *st, double x, double y, double w)
{
	return lay_scale(L, pg, b, st, x, y, w);
}
