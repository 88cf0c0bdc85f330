/* SPDX-License-Identifier: MIT */
/*
 * icons.c - simple vector icons for section headings, callouts and cards
 * (pe_layout_icon in layout.h).
 *
 * Each icon is drawn on a 24 x 24 grid scaled into the square (x, y, size)
 * in one colour, with cut-outs (the "!" of the warning triangle, the "i",
 * the shield's tick) in the colour of what the icon sits on, so they read
 * like the pictograms patients know from signs: white paper by default
 * (pe_layout_icon), any background with pe_layout_icon_on (a white sign
 * on a red button keeps its red "!"). Shapes are our own; nothing is traced from an icon set. Icons
 * never leave their square, and never measure text.
 */
#include <math.h>

#include "layout.h"
#include "shapes.h"

typedef struct grid {
	double x, y, s;        /* origin and scale (size / 24) */
	double cos_a, sin_a;   /* rotation about the grid centre (12, 12) */
} grid;

static void map(const grid *g, double gx, double gy, double *px, double *py)
{
	double dx = gx - 12, dy = gy - 12;
	double rx = dx * g->cos_a - dy * g->sin_a + 12;
	double ry = dx * g->sin_a + dy * g->cos_a + 12;
	*px = g->x + rx * g->s;
	*py = g->y + ry * g->s;
}

static void gmove(pe_pathb *pb, const grid *g, double x, double y)
{
	double px, py;
	map(g, x, y, &px, &py);
	pe_pb_move(pb, px, py);
}

static void gline(pe_pathb *pb, const grid *g, double x, double y)
{
	double px, py;
	map(g, x, y, &px, &py);
	pe_pb_line(pb, px, py);
}

static void gcurve(pe_pathb *pb, const grid *g, double x1, double y1, double x2, double y2,
                   double x3, double y3)
{
	double p[6];
	map(g, x1, y1, &p[0], &p[1]);
	map(g, x2, y2, &p[2], &p[3]);
	map(g, x3, y3, &p[4], &p[5]);
	pe_pb_curve(pb, p[0], p[1], p[2], p[3], p[4], p[5]);
}

/* Arc on the grid (rotation applies: angles turn with the grid). */
static void garc(pe_pathb *pb, const grid *g, double cx, double cy, double r, double a0,
                 double a1)
{
	double px, py;
	map(g, cx, cy, &px, &py);
	double rot = atan2(g->sin_a, g->cos_a);
	pe_pb_arc(pb, px, py, r * g->s, a0 + rot, a1 + rot);
}

static void gcircle(pe_pathb *pb, const grid *g, double cx, double cy, double r)
{
	double px, py;
	map(g, cx, cy, &px, &py);
	pe_pb_circle(pb, px, py, r * g->s);
}

/* Axis-aligned rounded rectangle (only with an unrotated grid). */
static void grect(pe_pathb *pb, const grid *g, double x0, double y0, double x1, double y1,
                  double r)
{
	pe_pb_round_rect(pb, g->x + x0 * g->s, g->y + y0 * g->s, (x1 - x0) * g->s,
	                 (y1 - y0) * g->s, r * g->s, r * g->s, r * g->s, r * g->s);
}

static double rad(double deg)
{
	return deg * M_PI / 180;
}

/* Telephone handset: a curved body with an ear pad and a mouth pad,
 * bowing towards the lower left. */
static void phone(pe_page *pg, const grid *g, pe_color c)
{
	pe_pathb pb;
	pe_pb_reset(&pb);
	const double cx = 20.5, cy = 3.5;   /* centre of the body's curve */
	const double R = 17.5, body = 13.5, pad = 10.0;
	const double a_mouth = 82, a_ear = 182, pad_deg = 24;
	/* outer edge, from the mouth end round to the ear end */
	garc(&pb, g, cx, cy, R, rad(a_mouth), rad(a_ear));
	/* ear pad: the inner edge comes in deeper (radially) */
	garc(&pb, g, cx, cy, pad, rad(a_ear), rad(a_ear - pad_deg));
	garc(&pb, g, cx, cy, body, rad(a_ear - pad_deg - 6), rad(a_mouth + pad_deg + 6));
	garc(&pb, g, cx, cy, pad, rad(a_mouth + pad_deg), rad(a_mouth));
	pe_pb_close(&pb);
	pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
}

/* IV drip: a bag with a hanger tab and level marks, a drip chamber and
 * the tube. */
static void drip(pe_page *pg, const grid *g, pe_color c, pe_color cut)
{
	pe_pathb pb;
	pe_pb_reset(&pb);
	grect(&pb, g, 10, 0.8, 14, 3.5, 1);                /* hanger tab */
	grect(&pb, g, 5.5, 2.5, 18.5, 14.5, 3);            /* bag */
	grect(&pb, g, 10.5, 14, 13.5, 16.5, 0);            /* neck */
	grect(&pb, g, 9.5, 16, 14.5, 20, 1.2);             /* drip chamber */
	grect(&pb, g, 11.2, 19.5, 12.8, 23.5, 0);          /* tube */
	pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
	pe_pb_reset(&pb);
	grect(&pb, g, 8, 6.5, 12.5, 7.7, 0.6);             /* level marks */
	grect(&pb, g, 8, 9.3, 12.5, 10.5, 0.6);
	pe_pb_emit(pg, &pb, cut, PE_NO_COLOR, 0);
}

/* Capsule at 45 degrees: one half solid, the other half outlined. */
static void pill(pe_page *pg, const grid *g0, pe_color c)
{
	grid g = *g0;
	g.cos_a = cos(rad(-45));
	g.sin_a = sin(rad(-45));
	const double r = 5.0, x0 = 12 - 10.8 + r, x1 = 12 + 10.8 - r;
	pe_pathb pb;
	pe_pb_reset(&pb);
	/* solid left half */
	gmove(&pb, &g, 12, 12 - r);
	garc(&pb, &g, x0, 12, r, rad(-90), rad(-270));
	gline(&pb, &g, 12, 12 + r);
	pe_pb_close(&pb);
	pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
	/* outlined whole capsule */
	double lw = 2.2;
	pe_pb_reset(&pb);
	gmove(&pb, &g, x0, 12 - r + lw / 2);
	garc(&pb, &g, x1, 12, r - lw / 2, rad(-90), rad(90));
	garc(&pb, &g, x0, 12, r - lw / 2, rad(90), rad(270));
	pe_pb_close(&pb);
	pe_pb_emit(pg, &pb, PE_NO_COLOR, c, lw * g.s);
}

/* Warning triangle with "!" (rounded corners). */
static void alert(pe_page *pg, const grid *g, pe_color c, pe_color cut)
{
	pe_pathb pb;
	pe_pb_reset(&pb);
	gmove(&pb, g, 10.2, 3.2);
	gcurve(&pb, g, 11, 1.8, 13, 1.8, 13.8, 3.2);
	gline(&pb, g, 23.2, 19.6);
	gcurve(&pb, g, 24, 21, 23.2, 22.6, 21.6, 22.6);
	gline(&pb, g, 2.4, 22.6);
	gcurve(&pb, g, 0.8, 22.6, 0, 21, 0.8, 19.6);
	pe_pb_close(&pb);
	pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
	pe_pb_reset(&pb);
	grect(&pb, g, 10.8, 8, 13.2, 15.8, 1.2);
	gcircle(&pb, g, 12, 18.8, 1.5);
	pe_pb_emit(pg, &pb, cut, PE_NO_COLOR, 0);
}

/* Shield with a tick. */
static void shield(pe_page *pg, const grid *g, pe_color c, pe_color cut)
{
	pe_pathb pb;
	pe_pb_reset(&pb);
	gmove(&pb, g, 12, 1);
	gcurve(&pb, g, 15, 3, 18, 4, 21, 4);
	gline(&pb, g, 21, 11);
	gcurve(&pb, g, 21, 16.5, 17, 20.5, 12, 23);
	gcurve(&pb, g, 7, 20.5, 3, 16.5, 3, 11);
	gline(&pb, g, 3, 4);
	gcurve(&pb, g, 6, 4, 9, 3, 12, 1);
	pe_pb_close(&pb);
	pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
	pe_pb_reset(&pb);
	gmove(&pb, g, 7.6, 12.2);
	gline(&pb, g, 10.8, 15.4);
	gline(&pb, g, 16.6, 8.6);
	pe_pb_emit(pg, &pb, PE_NO_COLOR, cut, 2.4 * g->s);
}

/* Calendar page: rings, a solid header and a grid of days. */
static void calendar(pe_page *pg, const grid *g, pe_color c, pe_color cut)
{
	pe_pathb pb;
	double lw = 1.8;
	pe_pb_reset(&pb);
	grect(&pb, g, 2 + lw / 2, 4 + lw / 2, 22 - lw / 2, 23 - lw / 2, 2);
	pe_pb_emit(pg, &pb, PE_NO_COLOR, c, lw * g->s);
	pe_pb_reset(&pb);
	pe_pb_round_rect(&pb, g->x + 2 * g->s, g->y + 4 * g->s, 20 * g->s, 5.5 * g->s,
	                 2 * g->s, 2 * g->s, 0, 0);
	for (int row = 0; row < 2; row++)
		for (int col = 0; col < 3; col++) {
			double x = 5.5 + col * 5, y = 12 + row * 4.8;
			grect(&pb, g, x, y, x + 3, y + 2.8, 0.5);
		}
	pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
	pe_pb_reset(&pb);
	grect(&pb, g, 6, 0.5, 8.6, 7, 1.3);
	grect(&pb, g, 15.4, 0.5, 18, 7, 1.3);
	pe_pb_emit(pg, &pb, c, cut, 1.0 * g->s);
}

/* "i" in a circle. */
static void info(pe_page *pg, const grid *g, pe_color c, pe_color cut)
{
	pe_pathb pb;
	pe_pb_reset(&pb);
	gcircle(&pb, g, 12, 12, 11.5);
	pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
	pe_pb_reset(&pb);
	gcircle(&pb, g, 12, 6.9, 1.6);
	grect(&pb, g, 10.7, 10, 13.3, 18.5, 1);
	pe_pb_emit(pg, &pb, cut, PE_NO_COLOR, 0);
}

static void heart(pe_page *pg, const grid *g, pe_color c)
{
	pe_pathb pb;
	pe_pb_reset(&pb);
	gmove(&pb, g, 12, 21.5);
	gcurve(&pb, g, 5, 16.5, 1, 12.5, 1, 8);
	gcurve(&pb, g, 1, 4.8, 3.6, 2.5, 6.6, 2.5);
	gcurve(&pb, g, 9, 2.5, 11, 3.8, 12, 5.8);
	gcurve(&pb, g, 13, 3.8, 15, 2.5, 17.4, 2.5);
	gcurve(&pb, g, 20.4, 2.5, 23, 4.8, 23, 8);
	gcurve(&pb, g, 23, 12.5, 19, 16.5, 12, 21.5);
	pe_pb_close(&pb);
	pe_pb_emit(pg, &pb, c, PE_NO_COLOR, 0);
}

void pe_layout_icon(pe_page *pg, pe_icon icon, double x, double y, double size,
                    pe_color color)
{
	pe_layout_icon_on(pg, icon, x, y, size, color, pe_hex(0xffffff));
}

void pe_layout_icon_on(pe_page *pg, pe_icon icon, double x, double y, double size,
                       pe_color color, pe_color background)
{
	if (!pg || size <= 0)
		return;
	grid g = { x, y, size / 24.0, 1, 0 };
	pe_color cut = background;
	switch (icon) {
	case PE_ICON_PHONE: phone(pg, &g, color); break;
	case PE_ICON_DRIP: drip(pg, &g, color, cut); break;
	case PE_ICON_PILL: pill(pg, &g, color); break;
	case PE_ICON_ALERT: alert(pg, &g, color, cut); break;
	case PE_ICON_SHIELD: shield(pg, &g, color, cut); break;
	case PE_ICON_CALENDAR: calendar(pg, &g, color, cut); break;
	case PE_ICON_INFO: info(pg, &g, color, cut); break;
	case PE_ICON_HEART: heart(pg, &g, color); break;
	case PE_ICON_NONE: break;
	}
}
