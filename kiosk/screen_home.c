/* SPDX-License-Identifier: MIT */
/*
 * screen_home.c - the first screen: the emergency tile, a tile per topic,
 * the disclaimer and the helpline.
 */
#include "screens_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout.h"
#include "i18n.h"

/* The home screen's sizes, dp. */
#define TILE_RADIUS 20.0
#define TILE_PAD 24.0
#define TILE_ICON 84.0              /* at most; a fifth of the tile's width */
#define TILE_ICON_MIN 32.0          /* smaller: no icon */
#define TILE_TEXT_GAP 10.0          /* title to summary */
#define TILE_TITLE 38.0             /* every tile's title: at most ... */
#define TILE_TITLE_MIN 20.0
#define TILE_SUMMARY 28.0           /* ... summary: at most, and under the title */
#define TILE_SUMMARY_MIN 17.0
#define TILE_MAX_H 300.0
#define EMERGENCY_TILE_PAD 28.0
#define EMERGENCY_TILE_ICON 80.0
#define EMERGENCY_TILE_TITLE 42.0
#define EMERGENCY_TILE_TITLE_MIN 20.0
#define EMERGENCY_TILE_H 150.0      /* on a tall screen (over TALL_DP) ... */
#define EMERGENCY_TILE_H_TALL 190.0
#define TALL_DP 1400.0
#define HELPLINE_H 84.0
#define DISCLAIMER_H 56.0           /* ... and on a tall screen */
#define DISCLAIMER_H_TALL 70.0
#define DISCLAIMER_TYPE 24.0
#define DISCLAIMER_TYPE_MIN 15.0

static void emergency_tile(ctx *c, pe_page *pg, double x, double y, double w, double h)
{
	const theme *t = c->th;
	pe_sc_rect(c, pg, x, y, w, h, t->emergency_bg, PE_NO_COLOR, 0, D(c, TILE_RADIUS));
	double pad = D(c, EMERGENCY_TILE_PAD);
	double icon = fmin(D(c, EMERGENCY_TILE_ICON), h - 2 * pad);
	/* A white sign with its "!" cut in the tile's red. */
	pe_layout_icon_on(pg, PE_ICON_ALERT, x + pad, y + (h - icon) / 2, icon, t->emergency_fg,
	                  t->emergency_bg);
	double tx = x + pad + icon + pad, tw = w - (tx - x) - pad;
	/* The tile's words are the emergency topic's own: the title of its
	 * 911 tier ("Call 911 now"), so the tile can never give advice the
	 * tiers do not; the topic's title when it has no such tier. */
	const pe_topic *et = pe_sc_topic_at(c, c->app->emergency_topic);
	const pe_block *gh = pe_topic_gethelp(et, NULL);
	char *head = gh && gh->n_tiers && gh->tiers[0].level == PE_TIER_EMERGENCY
	             ? pe_text_plain(&gh->tiers[0].title) : NULL;
	pe_sc_fit_text(c, pg, head ? head : et ? et->title : "", PE_FACE_BOLD,
	               EMERGENCY_TILE_TITLE, EMERGENCY_TILE_TITLE_MIN, tx, y + pad / 2, tw,
	               (h - pad) * 0.6, t->emergency_fg, ALIGN_LEFT);
	/* Listen reads the tile's sign with the tiles' titles. */
	pe_sc_say(c, head ? head : et ? et->title : "", x, y, w, h);
	free(head);
	pe_sc_fit_text(c, pg, C_("kiosk/home/emergency-tile", "Touch here to see the signs that need help right away."),
	               PE_FACE_REGULAR, TYPE_SUBTITLE, TYPE_MIN, tx, y + pad / 2 + (h - pad) * 0.6, tw,
	               (h - pad) * 0.4, t->emergency_fg, ALIGN_LEFT);
	pe_sc_hit(c, pg, x, y, w, h, PE_ACT_EMERGENCY, 0);
}

/* A tile's text box: its width beside the icon and its inner height. */
static void tile_box(ctx *c, const pe_topic *topic, double w, double h, double *icon,
                     double *tw, double *inner)
{
	double pad = D(c, TILE_PAD);
	*icon = fmin(D(c, TILE_ICON), fmin(h - 2 * pad, w * 0.2));
	*tw = w - 2 * pad;
	if (topic->icon != PE_ICON_NONE && *icon > D(c, TILE_ICON_MIN))
		*tw -= *icon + pad;
	*inner = h - 2 * pad;
}

/* One type scale for every tile (dp): the largest title size at which
 * every title fits, and a summary size that fits every summary and stays
 * below the title. Tiles that each fit their own text came out with a
 * summary bigger than the title beside them. */
static void tile_scale(ctx *c, double w, double h, double *title_dp, double *summary_dp)
{
	double ts = TILE_TITLE, gap = D(c, TILE_TEXT_GAP);
	for (size_t i = 0; i < pe_sc_topic_count(c); i++) {
		const pe_topic *topic = pe_sc_topic_at(c, i);
		double icon, tw, inner;
		if (i == c->app->emergency_topic)
			continue;
		tile_box(c, topic, w, h, &icon, &tw, &inner);
		ts = fmin(ts, pe_sc_fit_size(c, topic->title, PE_FACE_BOLD, TILE_TITLE,
		                             TILE_TITLE_MIN, tw, inner * 0.55));
	}
	double ss = fmin(TILE_SUMMARY, ts * 0.8);
	for (size_t i = 0; i < pe_sc_topic_count(c); i++) {
		const pe_topic *topic = pe_sc_topic_at(c, i);
		double icon, tw, inner;
		if (i == c->app->emergency_topic)
			continue;
		tile_box(c, topic, w, h, &icon, &tw, &inner);
		double th = pe_sc_fit_text(c, NULL, topic->title, PE_FACE_BOLD, ts, ts, 0, 0, tw, inner,
		                           c->th->tile_title, ALIGN_LEFT);
		ss = fmin(ss, pe_sc_fit_size(c, topic->summary, PE_FACE_REGULAR, ss,
		                             fmin(TILE_SUMMARY_MIN, ss), tw,
		                             inner - th - gap));
	}
	*title_dp = ts;
	*summary_dp = ss;
}

static void topic_tile(ctx *c, pe_page *pg, const pe_topic *topic, size_t index, double x,
                       double y, double w, double h, double title_dp, double summary_dp)
{
	const theme *t = c->th;
	pe_sc_rect(c, pg, x, y, w, h, t->tile_bg, t->tile_border, D(c, t->border),
	           D(c, TILE_RADIUS));
	double pad = D(c, TILE_PAD), icon, tw, inner;
	tile_box(c, topic, w, h, &icon, &tw, &inner);
	double tx = x + pad;
	if (topic->icon != PE_ICON_NONE && icon > D(c, TILE_ICON_MIN)) {
		pe_layout_icon(pg, topic->icon, x + pad, y + (h - icon) / 2, icon, t->icon);
		tx += icon + pad;
	}
	double gap = D(c, TILE_TEXT_GAP);
	/* Title and summary as one block, centred in the tile, in the sizes
	 * every tile shares. */
	double th = pe_sc_fit_text(c, NULL, topic->title, PE_FACE_BOLD, title_dp, title_dp, tx, 0, tw,
	                           inner, t->tile_title, ALIGN_LEFT);
	double sh = pe_sc_fit_text(c, NULL, topic->summary, PE_FACE_REGULAR, summary_dp, summary_dp, tx,
	                           0, tw, inner, t->tile_text, ALIGN_LEFT);
	double top = y + pad + (inner - (th + gap + sh)) / 2;
	pe_sc_fit_text(c, pg, topic->title, PE_FACE_BOLD, title_dp, title_dp, tx, top, tw, th,
	               t->tile_title, ALIGN_LEFT);
	pe_sc_fit_text(c, pg, topic->summary, PE_FACE_REGULAR, summary_dp, summary_dp, tx,
	               top + th + gap, tw, sh, t->tile_text, ALIGN_LEFT);
	pe_sc_say(c, topic->title, x, y, w, h);
	pe_sc_hit(c, pg, x, y, w, h, PE_ACT_TOPIC, (int)index);
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
		const pe_contact *ct = pe_sc_first_contact(c);
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
		pe_sc_fit_text(c, pg, line, PE_FACE_BOLD, TYPE_BUTTON, TYPE_MIN, x, y, w, h, c->th->text,
		               ALIGN_CENTER);
}

void pe_sc_build_home(ctx *c, pe_page *pg)
{
	const pe_site *site = c->env->site;
	pe_sc_background(c, pg);
	/* TRANSLATORS: the kiosk's title on the first screen. */
	pe_sc_header(c, pg, C_("kiosk/home", "Learn about your treatment"), site ? site->clinic_name : NULL, false,
	             false, PE_ACT_NONE);
	double m = D(c, MARGIN), g = D(c, GAP);
	double y = c->header_h + g;
	double foot_h = D(c, HELPLINE_H);
	size_t emergency = c->app->emergency_topic;
	double eh = D(c, c->hdp > TALL_DP ? EMERGENCY_TILE_H_TALL : EMERGENCY_TILE_H);
	if (emergency < pe_sc_topic_count(c)) {
		emergency_tile(c, pg, m, y, c->W - 2 * m, eh);
		y += eh + g;
	}
	/* What the kiosk is and is not, above the phone line: general
	 * information; the care team's advice comes first; the emergency
	 * room when the team cannot be reached. */
	double disc_h = D(c, c->hdp > TALL_DP ? DISCLAIMER_H_TALL : DISCLAIMER_H);
	double bottom = c->H - foot_h - disc_h - g / 2;
	footer_helpline(c, pg, m, c->H - foot_h - g / 2, c->W - 2 * m, foot_h);
	pe_sc_fit_text(c, pg, pe_handout_disclaimer(pe_i18n_language()), PE_FACE_REGULAR, DISCLAIMER_TYPE,
	               DISCLAIMER_TYPE_MIN, m,
	               c->H - foot_h - disc_h - g / 2, c->W - 2 * m, disc_h, c->th->muted, ALIGN_CENTER);

	size_t n = 0;
	for (size_t i = 0; i < pe_sc_topic_count(c); i++)
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
	double cap = D(c, TILE_MAX_H);
	if (th > cap) {
		y += (ah - ((double)rows * cap + (double)(rows - 1) * g)) / 2;
		th = cap;
	}
	double title_dp, summary_dp;
	tile_scale(c, tw, th, &title_dp, &summary_dp);
	size_t k = 0;
	for (size_t i = 0; i < pe_sc_topic_count(c); i++) {
		if (i == emergency)
			continue;
		size_t r = k / cols, col = k % cols;
		/* A short last row sits in the middle, not against the left. */
		size_t in_row = r == rows - 1 ? n - r * cols : cols;
		double x0 = m + (aw - ((double)in_row * tw + (double)(in_row - 1) * g)) / 2;
		topic_tile(c, pg, pe_sc_topic_at(c, i), i, x0 + (double)col * (tw + g),
		           y + (double)r * (th + g), tw, th, title_dp, summary_dp);
		k++;
	}
}
