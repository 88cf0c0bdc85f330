/* SPDX-License-Identifier: MIT */
/*
 * shapes.c - vector path builder (see shapes.h).
 *
 * Pure geometry: arcs become cubic Béziers (at most a quarter turn each,
 * so the error stays far below a hairline). Never measures text.
 */
#include "shapes.h"

#include <math.h>

void pe_pb_reset(pe_pathb *pb)
{
	pb->n = 0;
	pb->overflow = false;
	pb->open = false;
}

static pe_path_seg *push(pe_pathb *pb, pe_path_verb verb)
{
	if (pb->n >= PE_PATHB_MAX) {
		pb->overflow = true;
		return NULL;
	}
	pe_path_seg *s = &pb->segs[pb->n++];
	*s = (pe_path_seg){ .verb = verb };
	return s;
}

void pe_pb_move(pe_pathb *pb, double x, double y)
{
	pe_path_seg *s = push(pb, PE_PATH_MOVE);
	if (s) {
		s->x[0] = x;
		s->y[0] = y;
	}
	pb->open = true;
}

void pe_pb_line(pe_pathb *pb, double x, double y)
{
	if (!pb->open) {
		pe_pb_move(pb, x, y);
		return;
	}
	pe_path_seg *s = push(pb, PE_PATH_LINE);
	if (s) {
		s->x[0] = x;
		s->y[0] = y;
	}
}

void pe_pb_curve(pe_pathb *pb, double x1, double y1, double x2, double y2,
                 double x3, double y3)
{
	pe_path_seg *s = push(pb, PE_PATH_CURVE);
	if (s) {
		s->x[0] = x1;
		s->y[0] = y1;
		s->x[1] = x2;
		s->y[1] = y2;
		s->x[2] = x3;
		s->y[2] = y3;
	}
}

void pe_pb_close(pe_pathb *pb)
{
	push(pb, PE_PATH_CLOSE);
	pb->open = false;
}

void pe_pb_arc(pe_pathb *pb, double cx, double cy, double r, double a0, double a1)
{
	double sx = cx + r * cos(a0), sy = cy + r * sin(a0);
	if (pb->open)
		pe_pb_line(pb, sx, sy);
	else
		pe_pb_move(pb, sx, sy);
	int n = (int)ceil(fabs(a1 - a0) / (M_PI / 2) - 1e-9);
	if (n < 1)
		n = 1;
	double step = (a1 - a0) / n;
	double k = 4.0 / 3.0 * tan(step / 4);
	for (int i = 0; i < n; i++) {
		double b0 = a0 + i * step, b1 = b0 + step;
		double x0 = cx + r * cos(b0), y0 = cy + r * sin(b0);
		double x3 = cx + r * cos(b1), y3 = cy + r * sin(b1);
		pe_pb_curve(pb, x0 - k * r * sin(b0), y0 + k * r * cos(b0),
		            x3 + k * r * sin(b1), y3 - k * r * cos(b1), x3, y3);
	}
}

void pe_pb_circle(pe_pathb *pb, double cx, double cy, double r)
{
	pb->open = false;
	pe_pb_arc(pb, cx, cy, r, 0, 2 * M_PI);
	pe_pb_close(pb);
}

static double clamp_r(double r, double w, double h)
{
	double m = (w < h ? w : h) / 2;
	if (r > m)
		r = m;
	return r > 0 ? r : 0;
}

void pe_pb_round_rect(pe_pathb *pb, double x, double y, double w, double h,
                      double rtl, double rtr, double rbr, double rbl)
{
	rtl = clamp_r(rtl, w, h);
	rtr = clamp_r(rtr, w, h);
	rbr = clamp_r(rbr, w, h);
	rbl = clamp_r(rbl, w, h);
	pb->open = false;
	pe_pb_move(pb, x + rtl, y);
	pe_pb_line(pb, x + w - rtr, y);
	if (rtr > 0)
		pe_pb_arc(pb, x + w - rtr, y + rtr, rtr, -M_PI / 2, 0);
	pe_pb_line(pb, x + w, y + h - rbr);
	if (rbr > 0)
		pe_pb_arc(pb, x + w - rbr, y + h - rbr, rbr, 0, M_PI / 2);
	pe_pb_line(pb, x + rbl, y + h);
	if (rbl > 0)
		pe_pb_arc(pb, x + rbl, y + h - rbl, rbl, M_PI / 2, M_PI);
	pe_pb_line(pb, x, y + rtl);
	if (rtl > 0)
		pe_pb_arc(pb, x + rtl, y + rtl, rtl, M_PI, 3 * M_PI / 2);
	pe_pb_close(pb);
}

void pe_pb_rect_op(pe_pathb *pb, const pe_op *op, double dx, double dy)
{
	double r = op->u.rect.radius;
	pe_pb_reset(pb);
	pe_pb_round_rect(pb, op->x + dx, op->y + dy, op->w, op->h, r, r, r, r);
}

bool pe_pb_emit(pe_page *pg, const pe_pathb *pb, pe_color fill, pe_color stroke,
                double line_width)
{
	if (!pg || pb->n == 0)
		return true;
	if (pb->overflow)
		return false;
	return pe_page_add_path(pg, pb->segs, pb->n, fill, stroke, line_width, false);
}

bool pe_shape_circle(pe_page *pg, double cx, double cy, double r, pe_color fill,
                     pe_color stroke, double line_width)
{
	if (!pg)
		return true;
	pe_pathb pb;
	pe_pb_reset(&pb);
	pe_pb_circle(&pb, cx, cy, r);
	return pe_pb_emit(pg, &pb, fill, stroke, line_width);
}

bool pe_shape_rect(pe_page *pg, double x, double y, double w, double h,
                   pe_color fill, pe_color stroke, double line_width, double radius)
{
	if (!pg)
		return true;
	return pe_page_add_rect(pg, x, y, w, h, fill, stroke, line_width, radius);
}

bool pe_shape_line(pe_page *pg, double x0, double y0, double x1, double y1,
                   pe_color stroke, double line_width)
{
	if (!pg)
		return true;
	pe_path_seg segs[2] = {
		{ .verb = PE_PATH_MOVE, .x = { x0 }, .y = { y0 } },
		{ .verb = PE_PATH_LINE, .x = { x1 }, .y = { y1 } },
	};
	return pe_page_add_path(pg, segs, 2, PE_NO_COLOR, stroke, line_width, false);
}

pe_color pe_color_mix(pe_color a, pe_color b, double t)
{
	pe_color c = { a.r * t + b.r * (1 - t), a.g * t + b.g * (1 - t),
	               a.b * t + b.b * (1 - t), 1.0 };
	return c;
}
