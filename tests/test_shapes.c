/* SPDX-License-Identifier: MIT */
/*
 * test_shapes.c - the vector path builder used by layout for icons, boxes
 * and pictures: arcs land where they should, rounded corners are clamped,
 * a full buffer is refused rather than drawn half.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "shapes.h"

/* The end point of a segment (the current point after it). */
static void end_of(const pe_path_seg *s, double *x, double *y)
{
	int k = s->verb == PE_PATH_CURVE ? 2 : 0;
	*x = s->x[k];
	*y = s->y[k];
}

/* Sample a cubic Bézier at t. */
static void bezier(double x0, double y0, const pe_path_seg *s, double t, double *x, double *y)
{
	double u = 1 - t;
	*x = u * u * u * x0 + 3 * u * u * t * s->x[0] + 3 * u * t * t * s->x[1] + t * t * t * s->x[2];
	*y = u * u * u * y0 + 3 * u * u * t * s->y[0] + 3 * u * t * t * s->y[1] + t * t * t * s->y[2];
}

static void circle_stays_on_its_radius(void **state)
{
	(void)state;
	pe_pathb pb;
	pe_pb_reset(&pb);
	pe_pb_circle(&pb, 50, 40, 10);
	assert_false(pb.overflow);
	assert_int_equal(pb.segs[0].verb, PE_PATH_MOVE);
	assert_int_equal(pb.segs[pb.n - 1].verb, PE_PATH_CLOSE);
	double px = pb.segs[0].x[0], py = pb.segs[0].y[0];
	double worst = 0;
	int curves = 0;
	for (size_t i = 1; i < pb.n; i++) {
		const pe_path_seg *s = &pb.segs[i];
		if (s->verb != PE_PATH_CURVE)
			continue;
		curves++;
		for (double t = 0; t <= 1.0001; t += 0.05) {
			double x, y;
			bezier(px, py, s, t, &x, &y);
			double d = fabs(hypot(x - 50, y - 40) - 10);
			if (d > worst)
				worst = d;
		}
		end_of(s, &px, &py);
	}
	assert_int_equal(curves, 4);
	/* a quarter-turn Bézier is within 0.03% of the radius */
	assert_true(worst < 10 * 3e-4);
	/* and it closes where it started */
	assert_true(fabs(px - pb.segs[0].x[0]) < 1e-9 && fabs(py - pb.segs[0].y[0]) < 1e-9);
}

static void arc_goes_clockwise_on_the_page(void **state)
{
	(void)state;
	pe_pathb pb;
	pe_pb_reset(&pb);
	/* from 3 o'clock to 6 o'clock: y grows downwards, so it ends below */
	pe_pb_arc(&pb, 0, 0, 5, 0, M_PI / 2);
	assert_int_equal(pb.segs[0].verb, PE_PATH_MOVE);
	assert_true(fabs(pb.segs[0].x[0] - 5) < 1e-9 && fabs(pb.segs[0].y[0]) < 1e-9);
	double x, y;
	end_of(&pb.segs[pb.n - 1], &x, &y);
	assert_true(fabs(x) < 1e-9 && fabs(y - 5) < 1e-9);
	/* an open subpath is joined with a line, not a jump */
	pe_pb_arc(&pb, 20, 0, 5, M_PI, 2 * M_PI);
	size_t joins = 0;
	for (size_t i = 1; i < pb.n; i++)
		joins += pb.segs[i].verb == PE_PATH_MOVE;
	assert_int_equal(joins, 0);
}

static void round_rect_clamps_its_corners(void **state)
{
	(void)state;
	pe_pathb pb;
	pe_pb_reset(&pb);
	/* radius 50 on a 20 x 10 box: clamped to 5, so nothing leaves the box */
	pe_pb_round_rect(&pb, 100, 200, 20, 10, 50, 50, 0, 50);
	double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
	for (size_t i = 0; i < pb.n; i++) {
		int n = pb.segs[i].verb == PE_PATH_CURVE ? 3 : pb.segs[i].verb == PE_PATH_CLOSE ? 0 : 1;
		for (int k = 0; k < n; k++) {
			x0 = fmin(x0, pb.segs[i].x[k]);
			x1 = fmax(x1, pb.segs[i].x[k]);
			y0 = fmin(y0, pb.segs[i].y[k]);
			y1 = fmax(y1, pb.segs[i].y[k]);
		}
	}
	assert_true(fabs(x0 - 100) < 1e-9 && fabs(x1 - 120) < 1e-9);
	assert_true(fabs(y0 - 200) < 1e-9 && fabs(y1 - 210) < 1e-9);
	/* the square bottom-right corner is a real corner point */
	bool corner = false;
	for (size_t i = 0; i < pb.n; i++)
		corner |= pb.segs[i].verb == PE_PATH_LINE && fabs(pb.segs[i].x[0] - 120) < 1e-9 &&
		          fabs(pb.segs[i].y[0] - 210) < 1e-9;
	assert_true(corner);
}

static void full_buffer_is_refused(void **state)
{
	(void)state;
	pe_pathb pb;
	pe_pb_reset(&pb);
	for (int i = 0; i < PE_PATHB_MAX; i++)
		pe_pb_circle(&pb, i, i, 1);
	assert_true(pb.overflow);
	pe_dlist *dl = pe_dlist_create();
	pe_page *pg = pe_dlist_add_page(dl, 100, 100);
	assert_false(pe_pb_emit(pg, &pb, pe_hex(0), PE_NO_COLOR, 0));
	assert_int_equal(pg->n_ops, 0);
	/* measuring (no page) is always fine */
	assert_true(pe_pb_emit(NULL, &pb, pe_hex(0), PE_NO_COLOR, 0));
	pe_pb_reset(&pb);
	pe_pb_circle(&pb, 5, 5, 2);
	assert_true(pe_pb_emit(pg, &pb, pe_hex(0x123456), PE_NO_COLOR, 0));
	assert_int_equal(pg->n_ops, 1);
	assert_true(fabs(pg->ops[0].x - 3) < 1e-9 && fabs(pg->ops[0].w - 4) < 1e-9);
	/* the one-call helpers do nothing without a page */
	assert_true(pe_shape_circle(NULL, 0, 0, 1, pe_hex(0), PE_NO_COLOR, 0));
	assert_true(pe_shape_line(pg, 0, 0, 10, 0, pe_hex(0), 1));
	assert_int_equal(pg->ops[1].kind, PE_OP_PATH);
	pe_dlist_destroy(dl);
}

static void colors_mix(void **state)
{
	(void)state;
	pe_color red = pe_hex(0xff0000), white = pe_hex(0xffffff);
	pe_color c = pe_color_mix(red, white, 0.25);
	assert_true(fabs(c.r - 1) < 1e-9 && fabs(c.g - 0.75) < 1e-9 && fabs(c.b - 0.75) < 1e-9);
	assert_true(c.a == 1);
	c = pe_color_mix(red, white, 1);
	assert_true(c.g == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(circle_stays_on_its_radius),
		cmocka_unit_test(arc_goes_clockwise_on_the_page),
		cmocka_unit_test(round_rect_clamps_its_corners),
		cmocka_unit_test(full_buffer_is_refused),
		cmocka_unit_test(colors_mix),
	};
	return cmocka_run_group_tests_name("shapes", tests, NULL, NULL);
}
