/* SPDX-License-Identifier: MIT */
/*
 * shapes.h - small vector path builder for layout (icons, boxes, pictures).
 *
 * Builds pe_path_seg arrays (circles, arcs, rounded rectangles with a
 * radius per corner) in a fixed buffer and appends them to a page as one
 * PE_OP_PATH. Used by layout (blocks.c, icons.c, pictures.c) and by the
 * painters (pdf.c, cairo_paint.c), which take a rectangle op's rounded
 * outline from here (pe_pb_rect_op): the one place its corners are
 * computed. It only computes points and never measures text or paints.
 */
#ifndef PE_SHAPES_H
#define PE_SHAPES_H

#include <stdbool.h>

#include "dlist.h"

#define PE_PATHB_MAX 160

typedef struct pe_pathb {
	pe_path_seg segs[PE_PATHB_MAX];
	size_t n;
	bool overflow;      /* more segments were added than fit: emit refuses */
	bool open;          /* a subpath is open (arc joins it with a line) */
} pe_pathb;

void pe_pb_reset(pe_pathb *pb);
void pe_pb_move(pe_pathb *pb, double x, double y);
void pe_pb_line(pe_pathb *pb, double x, double y);
void pe_pb_curve(pe_pathb *pb, double x1, double y1, double x2, double y2,
                 double x3, double y3);
void pe_pb_close(pe_pathb *pb);
/* Arc around (cx, cy) from angle a0 to a1 (radians; y grows downwards, so
 * positive angles turn clockwise on the page). Joins an open subpath with
 * a line, else starts a new one. */
void pe_pb_arc(pe_pathb *pb, double cx, double cy, double r, double a0, double a1);
void pe_pb_circle(pe_pathb *pb, double cx, double cy, double r);
/* Closed rectangle with a radius per corner: top-left, top-right,
 * bottom-right, bottom-left (each clamped to half the shorter side). */
void pe_pb_round_rect(pe_pathb *pb, double x, double y, double w, double h,
                      double rtl, double rtr, double rbr, double rbl);

/* The outline of a PE_OP_RECT at (x + dx, y + dy), its corners rounded
 * to u.rect.radius (clamped as above): what painters draw for it. */
void pe_pb_rect_op(pe_pathb *pb, const pe_op *op, double dx, double dy);

/* Append the path to pg (nothing when pg is NULL or the path is empty). */
bool pe_pb_emit(pe_page *pg, const pe_pathb *pb, pe_color fill, pe_color stroke,
                double line_width);

/* One-call helpers; each is a no-op when pg is NULL. */
bool pe_shape_circle(pe_page *pg, double cx, double cy, double r, pe_color fill,
                     pe_color stroke, double line_width);
bool pe_shape_rect(pe_page *pg, double x, double y, double w, double h,
                   pe_color fill, pe_color stroke, double line_width, double radius);
bool pe_shape_line(pe_page *pg, double x0, double y0, double x1, double y1,
                   pe_color stroke, double line_width);

/* a blended over b: t = 0 gives b, t = 1 gives a (opaque result). */
pe_color pe_color_mix(pe_color a, pe_color b, double t);

#endif
