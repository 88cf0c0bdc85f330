/* SPDX-License-Identifier: MIT */
/*
 * blocks.c - block layout: paragraphs, lists, steps, checklists, callouts
 * and contact cards, section headings, and whole topics flowed into one
 * tall page (pe_layout_block, pe_layout_block_breaks, pe_layout_heading,
 * pe_layout_flow_topic in layout.h).
 *
 * Built only on the public text functions of layout.c; the drawn blocks
 * (timeline, severity scale) are in pictures.c. Every block stays inside
 * its column, puts no op above its top, returns the same height whether
 * it draws or only measures, and never paints.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "alloc.h"
#include "breaks.h"
#include "pictures.h"
#include "shapes.h"

/* ---- blocks ----------------------------------------------------------- */

static pe_text_style body_style(const pe_style *st)
{
	pe_text_style t = { PE_FACE_REGULAR, st->body_size, st->leading, st->text, st->link };
	return t;
}

static bool tinted(const pe_style *st)
{
	return st->info_bg.a > 0;
}

/* How far the glyphs of a last line reach below its line box when the
 * leading is tighter than the font's ascent + descent (headings, titles),
 * so a block's height covers its ink. */
static double overhang(const pe_layout *L, const pe_text_style *t)
{
	double over = pe_layout_ascent(L, PE_FACE_REGULAR, t->size) +
	              pe_layout_descent(L, PE_FACE_REGULAR, t->size) - t->size * t->leading;
	return over > 0 ? over : 0;
}

/* Baseline of the first line of text laid out with t at top. */
static double first_baseline(const pe_layout *L, const pe_text_style *t, double top)
{
	return top + pe_layout_baseline(L, t);
}

static double lay_paragraph(pe_layout *L, pe_page *pg, const pe_block *b,
                            const pe_style *st, double x, double y, double w, pe_breaks *bk)
{
	pe_text_style t = body_style(st);
	int n = 0;
	double h = pe_layout_text(L, pg, &b->text, &t, x, y, w, &n);
	/* two lines at least on either side of a break (no widows/orphans) */
	for (int k = 2; k <= n - 2; k++)
		pe_breaks_add(bk, y + k * t.size * t.leading);
	return h;
}

/* A break before item i of n: only where it leaves 2 items at least on
 * each side, so a page never starts or ends a list with one lone item. */
static void item_break(pe_breaks *bk, double y, size_t i, size_t n)
{
	if (i >= 2 && n - i >= 2)
		pe_breaks_add(bk, y);
}

/* A list item with a marker drawn by the caller: text in the hanging
 * indent. Returns the item height. */
static double lay_item_text(pe_layout *L, pe_page *pg, const pe_text *text,
                            const pe_text_style *t, double x, double y, double w)
{
	return pe_layout_text(L, pg, text, t, x, y, w, NULL);
}

static void bullet_dot(const pe_layout *L, pe_page *pg, const pe_text_style *t,
                       pe_color color, double cx, double top)
{
	double base = first_baseline(L, t, top);
	/* centred on the x-height, like a typographic bullet */
	pe_shape_circle(pg, cx, base - 0.27 * t->size, 0.16 * t->size, color, PE_NO_COLOR, 0);
}

static double lay_list(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                       double x, double y, double w, pe_breaks *bk)
{
	pe_text_style t = body_style(st);
	double indent = st->indent;
	double gap = st->body_size * 0.35;
	double cy = y;
	for (size_t i = 0; i < b->n_items; i++) {
		if (i > 0) {
			cy += gap;
			item_break(bk, cy, i, b->n_items);
		}
		bullet_dot(L, pg, &t, st->accent, x + indent * 0.4, cy);
		int lines = 0;
		double h = pe_layout_text(L, pg, &b->items[i].text, &t, x + indent, cy, w - indent,
		                          &lines);
		/* A list of 2 or 3 items has no break between items (2 on
		 * each side); an item of a paragraph's length in it breaks
		 * like a paragraph, 2 lines at least on each side, rather
		 * than the whole list leave a hole a page long. */
		if (b->n_items < 4)
			for (int k = 2; k <= lines - 2; k++)
				pe_breaks_add(bk, cy + k * t.size * t.leading);
		cy += h;
	}
	return cy - y;
}

static double lay_steps(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                        double x, double y, double w, pe_breaks *bk)
{
	pe_text_style t = body_style(st);
	double s = st->body_size;
	double r = 0.7 * s;
	double indent = st->indent > 2 * r + 0.55 * s ? st->indent : 2 * r + 0.55 * s;
	double gap = s * 0.6;
	double nsize = fmax(0.8 * s, st->small_size);   /* never under the small print */
	double cy = y;
	for (size_t i = 0; i < b->n_items; i++) {
		if (i > 0) {
			cy += gap;
			item_break(bk, cy, i, b->n_items);
		}
		/* circle centred on the cap height of the first line */
		double ccy = first_baseline(L, &t, cy) - 0.36 * s;
		if (ccy - r < cy)
			ccy = cy + r;
		if (pg) {
			pe_shape_circle(pg, x + r, ccy, r, st->accent, PE_NO_COLOR, 0);
			char num[24];
			snprintf(num, sizeof num, "%zu", i + 1);
			double nw = pe_layout_width(L, num, PE_FACE_BOLD, nsize);
			double cap = 0.714 * nsize;
			pe_page_add_text(pg, x + r - nw / 2, ccy + cap / 2, nw, num, PE_FACE_BOLD,
			                 nsize, pe_layout_ascent(L, PE_FACE_BOLD, nsize),
			                 pe_layout_descent(L, PE_FACE_BOLD, nsize), st->page, NULL);
		}
		double h = lay_item_text(L, pg, &b->items[i].text, &t, x + indent, cy, w - indent);
		if (ccy + r > cy + h)
			h = ccy + r - cy;
		cy += h;
	}
	return cy - y;
}

static double lay_checklist(pe_layout *L, pe_page *pg, const pe_block *b,
                            const pe_style *st, double x, double y, double w, pe_breaks *bk)
{
	double s = st->body_size;
	pe_text_style tt = { PE_FACE_BOLD, s * 1.1, 1.3, st->heading, st->link };
	pe_text_style t = body_style(st);
	double cy = y;
	if (b->title.n_runs) {
		cy += pe_layout_text(L, pg, &b->title, &tt, x, cy, w, NULL);
		cy += s * 0.45;
	}
	double box = 0.95 * s;
	double indent = st->indent > box + 0.6 * s ? st->indent : box + 0.6 * s;
	for (size_t i = 0; i < b->n_items; i++) {
		if (i > 0) {
			cy += s * 0.45;
			item_break(bk, cy, i, b->n_items);
		}
		double by = first_baseline(L, &t, cy) - 0.36 * s - box / 2;
		if (by < cy)
			by = cy;
		pe_shape_rect(pg, x + st->rule, by, box, box, st->page, st->text, st->rule * 1.5,
		              box * 0.15);
		double h = lay_item_text(L, pg, &b->items[i].text, &t, x + indent, cy, w - indent);
		if (by + box > cy + h)
			h = by + box - cy;
		cy += h;
	}
	return cy - y;
}

static void callout_colors(const pe_style *st, pe_callout_kind k, pe_color *bg, pe_color *fg)
{
	switch (k) {
	case PE_CALLOUT_WARNING:
		*bg = st->warning_bg;
		*fg = st->warning_fg;
		break;
	case PE_CALLOUT_EMERGENCY:
		*bg = st->emergency_bg;
		*fg = st->emergency_fg;
		break;
	case PE_CALLOUT_INFO:
	default:
		*bg = st->info_bg;
		*fg = st->info_fg;
		break;
	}
}

/* A box with a thick bar down its left edge, corners rounded on the
 * outside only; square (plain rectangles only) when it may be split
 * across pages, as the paginator cuts plain rectangles with the page and
 * each piece then gets a whole box of its own. Drawn before its content. */
static void bar_box(pe_page *pg, const pe_style *st, double x, double y, double w,
                    double h, double bar, pe_color bg, pe_color fg, double border, bool square)
{
	if (!pg)
		return;
	double r = square ? 0 : st->radius;
	if (bg.a > 0)
		pe_page_add_rect(pg, x, y, w, h, bg, PE_NO_COLOR, 0, r);
	if (bg.a <= 0 || border > 0) {
		double lw = border > 0 ? border : st->rule;
		/* stroke inside the column: inset by half the line width */
		pe_page_add_rect(pg, x + lw / 2, y + lw / 2, w - lw, h - lw, PE_NO_COLOR, fg, lw, r);
	}
	if (square) {
		pe_page_add_rect(pg, x, y, bar, h, fg, PE_NO_COLOR, 0, 0);
		return;
	}
	pe_pathb pb;
	pe_pb_reset(&pb);
	pe_pb_round_rect(&pb, x, y, bar, h, r, 0, 0, r);
	pe_pb_emit(pg, &pb, fg, PE_NO_COLOR, 0);
}

/* A callout long enough to be split between its items, 2 at least on each
 * side (an emergency list never: it stays whole on one page). */
static bool callout_splits(const pe_block *b)
{
	return b->callout != PE_CALLOUT_EMERGENCY && b->n_items >= 4;
}

static double lay_callout(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                          double x, double y, double w, pe_breaks *bk)
{
	double s = st->body_size;
	bool emergency = b->callout == PE_CALLOUT_EMERGENCY;
	bool splits = callout_splits(b);
	pe_color bg, fg;
	callout_colors(st, b->callout, &bg, &fg);
	double bar = emergency ? 0.45 * s : 0.3 * s;
	double pad = st->pad;
	double x0 = x + bar + pad;
	double cw = w - bar - 2 * pad;
	/* measure first: the box is drawn before (under) the text */
	double ch = 0;
	for (int pass = pg ? 0 : 1; pass < 2; pass++) {
		pe_page *p = pass == 0 ? NULL : pg;
		double cy = y + pad * 0.85;
		if (pass == 1 && pg)
			bar_box(pg, st, x, y, w, ch, bar, bg, fg, emergency ? 1.6 * st->rule : 0, splits);
		if (b->title.n_runs) {
			pe_text_style tt = { PE_FACE_BOLD, emergency ? st->heading_size : s * 1.1,
			                     1.3, fg, fg };
			double isz = tt.size * 1.05;
			pe_icon icon = b->callout == PE_CALLOUT_INFO ? PE_ICON_INFO : PE_ICON_ALERT;
			double tx = st->draw_icons ? x0 + isz + 0.4 * s : x0;
			double th = pe_layout_text(L, p, &b->title, &tt, tx, cy, x0 + cw - tx, NULL);
			if (p && st->draw_icons) {
				double iy = first_baseline(L, &tt, cy) - 0.357 * tt.size - isz / 2;
				pe_layout_icon(p, icon, x0, iy > cy ? iy : cy, isz, fg);
			}
			cy += th + 0.35 * s;
		}
		pe_text_style t = body_style(st);
		t.link_color = fg;   /* a phone number in a box takes the box's colour */
		double indent = s * 1.2;
		for (size_t i = 0; i < b->n_items; i++) {
			if (i > 0) {
				double gap = b->items[i].bullet && b->items[i - 1].bullet ? s * 0.3 : st->para_gap;
				/* (the last pass is the one that draws, or the only one) */
				if (splits && pass == 1)
					item_break(bk, cy + gap / 2, i, b->n_items);
				cy += gap;
			}
			if (b->items[i].bullet) {
				bullet_dot(L, p, &t, fg, x0 + indent * 0.35, cy);
				cy += pe_layout_text(L, p, &b->items[i].text, &t, x0 + indent, cy,
				                     cw - indent, NULL);
			} else {
				cy += pe_layout_text(L, p, &b->items[i].text, &t, x0, cy, cw, NULL);
			}
		}
		cy += pad * 0.85;
		ch = cy - y;
	}
	return ch;
}

static pe_text phone_text(pe_run *run, const char *phone)
{
	run->text = (char *)phone;
	run->style = PE_RUN_PHONE;
	pe_text t = { run, 1 };
	return t;
}

static double lay_contact(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                          double x, double y, double w)
{
	const pe_contact *c = &b->contact;
	double s = st->body_size;
	double pad = st->pad;
	double icon_d = 2.6 * s;
	double x0 = x + pad;
	double iw = w - 2 * pad;
	/* the phone number never breaks: shrink it to fit, and give up the
	 * icon column before going below body size */
	const char *phone = c->phone ? c->phone : "";
	double big = st->title_size;
	double need = pe_layout_width(L, phone, PE_FACE_BOLD, big);
	bool icon = st->draw_icons;
	double tx = icon ? x0 + icon_d + 0.8 * s : x0;
	double tw = x0 + iw - tx;
	if (need > tw && icon && need * s / big > tw) {
		icon = false;
		tx = x0;
		tw = iw;
	}
	if (need > tw) {
		big = big * tw / need * 0.999;
		if (big < s)
			big = s;
	}
	pe_color bg = tinted(st) ? pe_color_mix(st->accent, st->page, 0.07) : PE_NO_COLOR;
	pe_color border = tinted(st) ? pe_color_mix(st->accent, st->page, 0.45) : st->text;
	pe_text_style name = { PE_FACE_BOLD, s * 1.1, 1.3, st->heading, st->link };
	pe_text_style num = { PE_FACE_BOLD, big, 1.2, st->link, st->link };
	pe_text_style body = body_style(st);
	pe_text_style note = body;
	note.color = st->muted;
	pe_run run;
	pe_text ptext = phone_text(&run, phone);
	double h = 0;
	for (int pass = pg ? 0 : 1; pass < 2; pass++) {
		pe_page *p = pass == 0 ? NULL : pg;
		if (p) {
			pe_page_add_rect(p, x + st->rule / 2, y + st->rule / 2, w - st->rule,
			                 h - st->rule, bg, border, st->rule, st->radius);
			if (icon) {
				double cy = y + pad + icon_d / 2;
				pe_shape_circle(p, x0 + icon_d / 2, cy, icon_d / 2, st->accent,
				                PE_NO_COLOR, 0);
				pe_layout_icon(p, PE_ICON_PHONE, x0 + icon_d * 0.22, cy - icon_d * 0.28,
				               icon_d * 0.56, st->page);
			}
		}
		double cy = y + pad * 0.85;
		cy += pe_layout_text(L, p, &c->name, &name, tx, cy, tw, NULL);
		cy += pe_layout_text(L, p, &ptext, &num, tx, cy, tw, NULL);
		cy += s * 0.15;
		cy += pe_layout_text(L, p, &c->hours, &body, tx, cy, tw, NULL);
		if (c->chat.n_runs)
			cy += pe_layout_text(L, p, &c->chat, &body, tx, cy, tw, NULL);
		if (c->note.n_runs) {
			cy += s * 0.3;
			cy += pe_layout_text(L, p, &c->note, &note, tx, cy, tw, NULL);
		}
		cy += pad * 0.85;
		if (icon && cy < y + icon_d + 2 * pad)
			cy = y + icon_d + 2 * pad;
		h = cy - y;
	}
	return h;
}

/* ---- "when to get help": the tier box ---------------------------------- */

/* How one tier band looks. Colour tells the tier (911 red, call-now amber,
 * next-visit neutral), and so do the icon (alert, phone, calendar) and the
 * weight of the band (solid dark head, light head with a heavy rule, thin
 * rule), so the three stay apart in grayscale and in high contrast. */
typedef struct tier_look {
	pe_color head_bg, head_fg;   /* the title strip */
	pe_color body_bg;            /* under the signs; PE_NO_COLOR: none */
	pe_color border, mark;       /* outline; bullets */
	double border_w;
	pe_icon icon;
} tier_look;

static tier_look tier_look_of(const pe_style *st, pe_tier_level level)
{
	tier_look k;
	bool tint = tinted(st);
	switch (level) {
	case PE_TIER_EMERGENCY:
		k.head_bg = st->emergency_fg;
		k.head_fg = st->page;
		k.body_bg = tint ? st->emergency_bg : PE_NO_COLOR;
		k.border = k.mark = st->emergency_fg;
		k.border_w = 2.0 * st->rule;
		k.icon = PE_ICON_ALERT;
		break;
	case PE_TIER_URGENT:
		k.head_bg = tint ? pe_color_mix(st->moderate, st->page, 0.15) : PE_NO_COLOR;
		k.head_fg = st->warning_fg;
		k.body_bg = tint ? st->warning_bg : PE_NO_COLOR;
		k.border = tint ? st->moderate : st->warning_fg;
		k.mark = st->warning_fg;
		k.border_w = 2.0 * st->rule;
		k.icon = PE_ICON_PHONE;
		break;
	case PE_TIER_ROUTINE:
	default:
		k.head_bg = tint ? pe_color_mix(st->muted, st->page, 0.1) : PE_NO_COLOR;
		k.head_fg = st->text;
		k.body_bg = PE_NO_COLOR;
		k.border = tint ? pe_color_mix(st->muted, st->page, 0.55) : st->text;
		k.mark = st->muted;
		k.border_w = st->rule;
		k.icon = PE_ICON_CALENDAR;
		break;
	}
	return k;
}

/* A tier long enough to be split between its signs, 2 at least on each
 * side (the next page repeats its title strip, "(continued)":
 * pe_layout_tier_continued). */
/* The title strip of a tier band, head_h high at (x, y): filled with its
 * top corners rounded, or (no fill: high contrast) a rule under it. */
static void tier_strip(pe_page *pg, const tier_look *k, const pe_style *st, double x,
                       double y, double w, double head_h, double bw)
{
	if (k->head_bg.a > 0) {
		pe_pathb pb;
		pe_pb_reset(&pb);
		pe_pb_round_rect(&pb, x, y, w, head_h, st->radius, st->radius, 0, 0);
		pe_pb_emit(pg, &pb, k->head_bg, PE_NO_COLOR, 0);
	} else {
		pe_page_add_rect(pg, x, y + head_h - bw / 2, w, bw / 2 > 0.5 ? bw / 2 : 0.5,
		                 k->border, PE_NO_COLOR, 0, 0);
	}
}

static bool tier_splits(const pe_tier *tier)
{
	return tier->n_signs >= 4;
}

/* One tier: a title strip (icon + bold title) over the signs as bullets and
 * the notes after them, all in one outlined box; split only between signs
 * (tier_splits), where its box is square-cornered so that each page's
 * piece is a box of its own. */
static double lay_tier(pe_layout *L, pe_page *pg, const pe_tier *tier, const pe_style *st,
                       double x, double y, double w, pe_breaks *bk)
{
	bool splits = tier_splits(tier);
	double radius = splits ? 0 : st->radius;
	double s = st->body_size;
	tier_look k = tier_look_of(st, tier->level);
	double pad = st->pad;
	double bw = k.border_w;
	double x0 = x + bw + pad * 0.8;
	double cw = w - 2 * (bw + pad * 0.8);
	pe_text_style tt = { PE_FACE_BOLD, s * 1.15, 1.25, k.head_fg, k.head_fg };
	pe_text_style t = body_style(st);
	t.link_color = k.mark.a > 0 ? k.mark : st->link;
	double isz = tt.size * 1.1;
	double tx = x0 + isz + 0.45 * s;
	double head_h = 0, total = 0;
	for (int pass = pg ? 0 : 1; pass < 2; pass++) {
		pe_page *p = pass == 0 ? NULL : pg;
		if (p) {
			if (k.body_bg.a > 0)
				pe_page_add_rect(p, x, y, w, total, k.body_bg, PE_NO_COLOR, 0, radius);
			tier_strip(p, &k, st, x, y, w, head_h, bw);
			pe_page_add_rect(p, x + bw / 2, y + bw / 2, w - bw, total - bw, PE_NO_COLOR,
			                 k.border, bw, radius);
		}
		double cy = y + bw + pad * 0.45;
		double th = pe_layout_text(L, p, &tier->title, &tt, tx, cy, x0 + cw - tx, NULL);
		th += overhang(L, &tt);
		if (p) {
			double iy = first_baseline(L, &tt, cy) - 0.357 * tt.size - isz / 2;
			pe_layout_icon_on(p, k.icon, x0, iy > cy ? iy : cy, isz, k.head_fg,
			                  k.head_bg.a > 0 ? k.head_bg : st->page);
		}
		if (th < isz)
			th = isz;
		cy += th + pad * 0.45;
		head_h = cy - y;
		cy += pad * 0.6;
		double indent = s * 1.2;
		for (size_t i = 0; i < tier->n_signs; i++) {
			if (i > 0) {
				/* (the last pass is the one that draws, or the only one) */
				if (splits && pass == 1)
					item_break(bk, cy + s * 0.15, i, tier->n_signs);
				cy += s * 0.3;
			}
			bullet_dot(L, p, &t, k.mark, x0 + indent * 0.35, cy);
			cy += pe_layout_text(L, p, &tier->signs[i].text, &t, x0 + indent, cy,
			                     cw - indent, NULL);
		}
		for (size_t i = 0; i < tier->n_paras; i++) {
			cy += st->para_gap * 0.8;
			cy += pe_layout_text(L, p, &tier->paras[i].text, &t, x0, cy, cw, NULL);
		}
		cy += pad * 0.7 + bw;
		total = cy - y;
	}
	return total;
}

/* The tiers stacked, most urgent first; the only places the block may be
 * split are between two tiers, so a tier never starts at the bottom of one
 * page and ends on the next. */
static double lay_gethelp(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                          double x, double y, double w, pe_breaks *bk)
{
	double cy = y;
	for (size_t i = 0; i < b->n_tiers; i++) {
		if (i > 0) {
			cy += st->body_size * 0.6;
			pe_breaks_add(bk, cy);
		}
		cy += lay_tier(L, pg, &b->tiers[i], st, x, cy, w, bk);
	}
	return cy - y;
}

double pe_layout_tier_continued(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                                double x, double y, double w, double at, const char *continued)
{
	if (b->kind != PE_BLOCK_GETHELP)
		return 0;
	const pe_tier *tier = NULL;
	double top = 0;
	for (size_t i = 0; i < b->n_tiers && !tier; i++) {
		if (i > 0)
			top += st->body_size * 0.6;
		double h = lay_tier(L, NULL, &b->tiers[i], st, 0, top, w, NULL);
		if (at > top + 1e-6 && at < top + h - 1e-6)
			tier = &b->tiers[i];
		top += h;
	}
	if (!tier || !tier_splits(tier))
		return 0;
	/* the title with the word after it, in the strip lay_tier draws */
	pe_run *runs = calloc(tier->title.n_runs + 1, sizeof *runs);
	if (!runs) {
		pe_layout_set_error(L, "out of memory laying out a tier's continued title");
		return 0;
	}
	memcpy(runs, tier->title.runs, tier->title.n_runs * sizeof *runs);
	char word[128];
	snprintf(word, sizeof word, " %s", continued);
	runs[tier->title.n_runs] = (pe_run){ word, PE_RUN_PLAIN };
	pe_text title = { runs, tier->title.n_runs + 1 };
	double s = st->body_size;
	tier_look k = tier_look_of(st, tier->level);
	double pad = st->pad, bw = k.border_w;
	double x0 = x + bw + pad * 0.8;
	double cw = w - 2 * (bw + pad * 0.8);
	pe_text_style tt = { PE_FACE_BOLD, s * 1.15, 1.25, k.head_fg, k.head_fg };
	double isz = tt.size * 1.1;
	double tx = x0 + isz + 0.45 * s;
	double cy = y + bw + pad * 0.45;
	double th = pe_layout_text(L, NULL, &title, &tt, tx, cy, x0 + cw - tx, NULL) +
	            overhang(L, &tt);
	if (th < isz)
		th = isz;
	double head_h = bw + pad * 0.45 + th + pad * 0.45;
	if (pg) {
		tier_strip(pg, &k, st, x, y, w, head_h, bw);
		/* the outline goes on round the strip to the piece under it */
		pe_page_add_rect(pg, x + bw / 2, y + bw / 2, w - bw, head_h - bw / 2, PE_NO_COLOR,
		                 k.border, bw, 0);
		pe_layout_text(L, pg, &title, &tt, tx, cy, x0 + cw - tx, NULL);
		double iy = first_baseline(L, &tt, cy) - 0.357 * tt.size - isz / 2;
		pe_layout_icon_on(pg, k.icon, x0, iy > cy ? iy : cy, isz, k.head_fg,
		                  k.head_bg.a > 0 ? k.head_bg : st->page);
	}
	free(runs);
	return head_h;
}

static double lay_block(pe_layout *L, pe_page *pg, const pe_block *b, const pe_style *st,
                        double x, double y, double w, pe_breaks *bk)
{
	switch (b->kind) {
	case PE_BLOCK_PARAGRAPH:
		return lay_paragraph(L, pg, b, st, x, y, w, bk);
	case PE_BLOCK_LIST:
		return lay_list(L, pg, b, st, x, y, w, bk);
	case PE_BLOCK_STEPS:
		return lay_steps(L, pg, b, st, x, y, w, bk);
	case PE_BLOCK_CHECKLIST:
		return lay_checklist(L, pg, b, st, x, y, w, bk);
	case PE_BLOCK_CALLOUT:
		return lay_callout(L, pg, b, st, x, y, w, bk);
	case PE_BLOCK_CONTACT:
		return lay_contact(L, pg, b, st, x, y, w);
	case PE_BLOCK_TIMELINE:
		return pe_picture_timeline(L, pg, b, st, x, y, w, bk);
	case PE_BLOCK_SCALE:
		return pe_picture_scale(L, pg, b, st, x, y, w);
	case PE_BLOCK_GETHELP:
		return lay_gethelp(L, pg, b, st, x, y, w, bk);
	}
	return 0;
}

double pe_layout_block(pe_layout *L, pe_page *pg, const pe_block *block,
                       const pe_style *st, double x, double y, double width)
{
	return lay_block(L, pg, block, st, x, y, width, NULL);
}

size_t pe_layout_block_breaks(pe_layout *L, const pe_block *block, const pe_style *st,
                              double width, double *out, size_t max)
{
	pe_breaks bk = { out, 0, max, 0, false, false };
	lay_block(L, NULL, block, st, 0, 0, width, &bk);
	return bk.n;
}

size_t pe_layout_block_breaks_all(pe_layout *L, const pe_block *block, const pe_style *st,
                                  double width, double **out)
{
	/* (a long list has a break per item: the handout once kept 256 and
	 * cut the rest of a 16,000-item list by searching every op pair) */
	pe_breaks bk = { NULL, 0, 0, 0, true, false };
	lay_block(L, NULL, block, st, 0, 0, width, &bk);
	if (bk.failed) {
		free(bk.v);
		*out = NULL;
		/* no break is still a correct layout, but a block meant to split
		 * that cannot would overflow the page: say why */
		pe_layout_set_error(L, "out of memory finding where a block may break");
		return 0;
	}
	*out = bk.v;
	return bk.n;
}

double pe_layout_block_figure(const pe_block *block, const double *breaks, size_t n_breaks)
{
	/* A timeline has a break before each event but the first, and one
	 * before the first too when its chart is drawn over them (see
	 * lay_timeline): then the first break is where the chart ends. */
	if (block->kind == PE_BLOCK_TIMELINE && block->n_items > 0 && n_breaks == block->n_items)
		return breaks[0];
	return 0;
}

/* ---- headings and whole topics --------------------------------------- */

double pe_layout_heading(pe_layout *L, pe_page *pg, const pe_section *sec,
                         const pe_style *st, double x, double y, double width)
{
	pe_text_style t = { PE_FACE_BOLD, st->heading_size, 1.25, st->heading, st->link };
	bool icon = st->draw_icons && sec->icon != PE_ICON_NONE;
	double isz = st->heading_size * 1.15;
	double tx = icon ? x + isz + 0.45 * st->heading_size : x;
	double h = pe_layout_text(L, pg, &sec->heading, &t, tx, y, x + width - tx, NULL);
	if (h > 0)
		h += overhang(L, &t);
	if (icon) {
		double iy = first_baseline(L, &t, y) - 0.357 * t.size - isz / 2;
		if (iy < y)
			iy = y;
		pe_layout_icon(pg, sec->icon, x, iy, isz, st->accent);
		if (iy + isz - y > h)
			h = iy + isz - y;
	}
	return h;
}

/* Plain text of a heading, for a bookmark (NULL when out of memory). */
static char *plain_of(const pe_text *text)
{
	size_t n = 1;
	for (size_t i = 0; i < text->n_runs; i++)
		n += text->runs[i].text ? strlen(text->runs[i].text) : 0;
	char *s = pe_malloc(n);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (size_t i = 0; i < text->n_runs; i++)
		if (text->runs[i].text)
			strcat(s, text->runs[i].text);
	return s;
}

double pe_layout_flow_topic(pe_layout *L, pe_page *pg, const pe_topic *topic,
                            const pe_style *st, double x, double y, double width)
{
	double s = st->body_size;
	double cy = y;
	if (pg && topic->title)
		pe_page_add_mark(pg, cy, topic->title, 0);
	pe_text_style tt = { PE_FACE_BOLD, st->title_size, 1.2, st->heading, st->link };
	double th = pe_layout_plain(L, pg, topic->title, &tt, x, cy, width, NULL);
	cy += th > 0 ? th + overhang(L, &tt) : 0;
	if (topic->summary && *topic->summary) {
		cy += 0.3 * s;
		pe_text_style su = { PE_FACE_REGULAR, s * 1.1, st->leading, st->muted, st->link };
		cy += pe_layout_plain(L, pg, topic->summary, &su, x, cy, width, NULL);
	}
	cy += 0.8 * s;
	pe_shape_rect(pg, x, cy, width, st->rule, pe_color_mix(st->accent, st->page, 0.5),
	              PE_NO_COLOR, 0, 0);
	cy += st->rule;
	for (size_t i = 0; i < topic->n_sections; i++) {
		const pe_section *sec = &topic->sections[i];
		cy += i == 0 ? s : st->section_gap;
		if (pg) {
			char *title = plain_of(&sec->heading);
			if (title) {
				pe_page_add_mark(pg, cy, title, 1);
				free(title);
			} else {
				pe_page_fail(pg);
			}
		}
		cy += pe_layout_heading(L, pg, sec, st, x, cy, width);
		cy += 0.5 * s;
		for (size_t j = 0; j < sec->n_blocks; j++) {
			if (j > 0)
				cy += st->block_gap;
			cy += pe_layout_block(L, pg, &sec->blocks[j], st, x, cy, width);
		}
	}
	return cy - y;
}
